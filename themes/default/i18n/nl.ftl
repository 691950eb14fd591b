# De interface van het standaardthema in het Nederlands (nl). Volgt en.ftl:
# dezelfde id's, dezelfde { $argumenten } en dezelfde opmaak; alleen de
# woorden zijn vertaald. Aanspreekvorm: "u".

## Statussen en impact

status-operational = Operationeel
status-under_maintenance = In onderhoud
status-degraded_performance = Verminderde prestaties
status-partial_outage = Gedeeltelijke storing
status-major_outage = Ernstige storing

incident-status-investigating = Wordt onderzocht
incident-status-identified = Oorzaak gevonden
incident-status-monitoring = Wordt gemonitord
incident-status-resolved = Opgelost

maintenance-status-scheduled = Gepland
maintenance-status-in_progress = Wordt uitgevoerd
maintenance-status-verifying = Wordt gecontroleerd
maintenance-status-completed = Voltooid
maintenance-status-cancelled = Geannuleerd

impact-none = Geen impact
impact-minor = Beperkte impact
impact-major = Grote impact
impact-critical = Kritieke impact
impact-maintenance = Onderhoud

indicator-none = Alle systemen operationeel
indicator-maintenance = Dienst in onderhoud
indicator-minor = Kleine storing in de dienst
indicator-major = Gedeeltelijke systeemstoring
indicator-critical = Ernstige storing in de dienst

## Elke pagina: kop en voettekst

feed-history-rss = { $site }: incidentgeschiedenis (RSS)
feed-history-atom = { $site }: incidentgeschiedenis (Atom)
feed-updates-atom = { $site }: alle updates (Atom)
feed-updates-json = { $site }: alle updates (JSON Feed)
skip-to-content = Naar de inhoud
nav-site = Website
nav-languages = Talen
language-name = Nederlands
nav-status = Status
nav-history = Geschiedenis
nav-breadcrumb = Kruimelpad
incident-history = Incidentgeschiedenis
footer-built = Pagina gegenereerd: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Laatst bijgewerkt: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Tijden worden weergegeven in { $zone }, of in uw eigen tijdzone als scripts worden uitgevoerd.
footer-calendar = Onderhoudskalender
footer-api = API
footer-powered = Gemaakt met allclear

## De voorpagina

index-ongoing = Lopende incidenten
index-active-maintenance = Onderhoud wordt uitgevoerd
index-scheduled-maintenance = Gepland onderhoud
index-components = Onderdelen
index-components-note = Huidige status en beschikbaarheid { $days ->
        [one] van de afgelopen dag.
       *[other] van de afgelopen { $days } dagen.
    }
index-past = Eerdere incidenten
no-incidents = Geen incidenten gemeld.

## Incidenten en onderhoud

entry-rescheduled = Verplaatst
entry-affected = Getroffen:
entry-resolved-after = opgelost na { $duration }
entry-ongoing-for = duurt al <span data-since="{ $since }">{ $duration }</span>
next-update = Volgende update verwacht vóór <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Volgende update werd verwacht vóór <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Verplaatst naar <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Volgende update toegezegd vóór <time datetime="{ $iso }">{ $time }</time>
time-ago = { $duration } geleden

duration-minutes = { $minutes } min
duration-hours = { $hours } u { $minutes } min
duration-days = { $days } d { $hours } u
time-now = nu
incident-description = Incident ({ $impact }): { $status }
incident-kind = Incident
incident-started = Begonnen
incident-resolved = Opgelost
incident-status = Status
incident-ongoing = Lopend
incident-duration = Duur
incident-so-far = <span data-since="{ $since }">{ $duration }</span> tot nu toe
incident-affected = Getroffen onderdelen
incident-affected-at-worst = Getroffen onderdelen, op het ergste moment
none-listed = Geen opgegeven
updates = Updates
postmortem = Nabeschouwing
maintenance-description = Gepland onderhoud: { $status }
maintenance-kind = Onderhoud
maintenance-scheduled = Gepland onderhoud
maintenance-cancelled = Dit onderhoud is geannuleerd en gaat niet door.
maintenance-window = Tijdvak
maintenance-rescheduled = ({ $count ->
        [one] verplaatst
       *[other] { $count } keer verplaatst
    }; oorspronkelijk gepland op <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Kalender
maintenance-add-to-calendar = Toevoegen aan agenda
maintenance-components = Onderdelen
maintenance-details = Details
maintenance-auto-in_progress = Het geplande onderhoud wordt op dit moment uitgevoerd. We geven updates wanneer dat nodig is.
maintenance-auto-completed = Het geplande onderhoud is voltooid.

## Beschikbaarheidsbalken

uptime-days-ago = { $days ->
        [one] { $days } dag geleden
       *[other] { $days } dagen geleden
    }
uptime-total = { $uptime } beschikbaarheid
uptime-over-days = { $days ->
        [one] over de afgelopen dag
       *[other] over de afgelopen { $days } dagen
    }
uptime-none = Nog geen beschikbaarheidsgegevens
uptime-today = Vandaag
uptime-incident-days = { $count ->
        [one] { $count } dag
       *[other] { $count } dagen
    } met incidenten
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } beschikbaarheid, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } beschikbaarheid, { $status ->
        [degraded_performance] verminderde prestaties
        [partial_outage] gedeeltelijke storing
        [major_outage] ernstige storing
        [under_maintenance] in onderhoud
       *[operational] geen incidenten
    }
day-summary-no-data = { $date }: geen gegevens

## Abonneren

subscribe = Abonneren
subscribe-to = Abonneren op { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> of <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidenten en onderhoud van { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Kalender</a>: het geplande onderhoud van dit onderdeel (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> of <a href="{ $root }history.atom">Atom</a>: één item per incident of onderhoud
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> of <a href="{ $root }feed.json">JSON Feed</a>: één item per update, om van elke wijziging op de hoogte te zijn
subscribe-calendar = <a href="{ $root }maintenance.ics">Kalender</a>: gepland onderhoud (iCalendar; abonneer u op <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">Status-API</a>: Statuspage-compatibele JSON (<code>api/v2/</code>)

## De pagina van een onderdeel

component-uptime = Beschikbaarheid
component-no-data = Nog geen gegevens
component-entries = Incidenten en onderhoud
component-no-entries = Geen incidenten gemeld voor { $component }.
component-more = De nieuwste { $shown } van { $total } worden getoond. De <a href="{ $root }history/index.html">incidentgeschiedenis</a> bevat ze allemaal.

## De geschiedenis

history-description = Alle incidenten en onderhoud van { $site }, per maand
history-total = { $count ->
        [one] { $count } incident of onderhoud, per maand.
       *[other] { $count } incidenten en onderhoudsbeurten, per maand.
    }
history-entries = { $count ->
        [one] item
       *[other] items
    }
history-none = Nog geen incidenten gemeld.
history-month-description = Incidenten en onderhoud van { $site } in { $month }
history-month-lede = { $count } { $count ->
        [one] item
       *[other] items
    }, nieuwste eerst.
history-months-nav = Maanden
history-all-months = Alle maanden

## Pagina niet gevonden

not-found-title = Pagina niet gevonden
not-found-text = Op dit adres staat geen pagina. De pagina is mogelijk verplaatst, of de link bevat een typefout.
not-found-status = Huidige status
not-found-home = Naar de statuspagina

## De status insluiten

embed-title = De status insluiten
embed-description = Toon de huidige status van { $site } op een andere website
embed-lede = Plak deze regel in een willekeurige webpagina om daar de huidige status van { $site } te tonen. De status wordt bijgewerkt telkens wanneer deze website opnieuw wordt gegenereerd en wanneer gepland onderhoud begint of eindigt, en linkt naar deze pagina.
embed-loads = De regel laadt <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, dezelfde status als <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> in de vorm van een script, en tekent een kleine link op de plek van het script. Wilt u hem elders plaatsen, voeg dan op die plek een leeg element toe met het attribuut <code>data-allclear-embed</code>.
embed-origins = Dit werkt op een pagina van elke oorsprong, zonder instellingen aan beide kanten: scripts worden zonder CORS-headers tussen oorsprongen geladen, dus de host van deze website hoeft geen <code>Access-Control-Allow-Origin</code> te sturen. (Om <code>api/v2/status.json</code> vanuit uw eigen script op een andere oorsprong te lezen, is die header wel nodig.) De status is zo actueel als de laatste generatie van deze website; browsers laden hem minstens eens per minuut opnieuw. Als hij niet kan worden geladen, toont de insluiting in plaats daarvan een eenvoudige link "Statuspagina" naar deze website en vermeldt de reden in de browserconsole.
embed-fallback = Statuspagina
embed-how = Zo ziet het eruit

## Het paginascript (allclear.js)

script-built-before-day = Geen gegevens: deze pagina is vóór deze dag gegenereerd.
script-next-update-overdue = Volgende update werd verwacht vóór { $time } ({ $ago })
script-stale = Deze pagina is { $ago } voor het laatst bijgewerkt. Mogelijk is ze verouderd: laad de pagina opnieuw voor recentere updates.
script-stale-incident = Deze pagina is { $ago }, tijdens een incident, voor het laatst bijgewerkt. Mogelijk is ze verouderd: laad de pagina opnieuw voor recentere updates.

## Feeds (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } Status
    } - Incidentgeschiedenis
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: alle updates
feed-description = Incidenten en onderhoud van { $site }
feed-update-same-status = Update
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Gepland van { $from } tot { $until }.
feed-next-update = Volgende update verwacht vóór { $time }.

## Onderhoudskalenders (iCalendar)

calendar-name = Onderhoud van { $site }
calendar-description = Gepland onderhoud aangekondigd op { $site }: { $url }
calendar-component-name = Onderhoud van { $site }: { $component }
calendar-component-description = Gepland onderhoud van { $component } aangekondigd op { $site }: { $url }
calendar-affected = Getroffen onderdelen: { $components }

## Badges (SVG)

badge-uptime = Beschikbaarheid { $component }
badge-no-data = geen gegevens
badge-as-of = per { $time }

task-done = Gedaan
task-todo = Te doen
