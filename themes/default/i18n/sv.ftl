# Standardtemats gränssnitt på svenska (sv). Speglar en.ftl: samma id:n,
# samma { $argument } och samma märkning; bara orden är översatta.
# Tilltal: "du", som i svenska myndigheters och tjänsters texter.

## Status och påverkan

status-operational = I drift
status-under_maintenance = Underhåll pågår
status-degraded_performance = Försämrad prestanda
status-partial_outage = Delvis avbrott
status-major_outage = Större avbrott

incident-status-investigating = Undersöks
incident-status-identified = Orsaken identifierad
incident-status-monitoring = Övervakas
incident-status-resolved = Löst

maintenance-status-scheduled = Planerat
maintenance-status-in_progress = Pågår
maintenance-status-verifying = Verifieras
maintenance-status-completed = Slutfört
maintenance-status-cancelled = Inställt

impact-none = Ingen påverkan
impact-minor = Liten påverkan
impact-major = Stor påverkan
impact-critical = Kritisk påverkan
impact-maintenance = Underhåll

indicator-none = Alla system fungerar
indicator-maintenance = Underhåll av tjänsten pågår
indicator-minor = Mindre störning i tjänsten
indicator-major = Delvis avbrott i systemet
indicator-critical = Större avbrott i tjänsten

## Varje sida: sidhuvud och sidfot

feed-history-rss = { $site }: incidenthistorik (RSS)
feed-history-atom = { $site }: incidenthistorik (Atom)
feed-updates-atom = { $site }: alla uppdateringar (Atom)
feed-updates-json = { $site }: alla uppdateringar (JSON Feed)
skip-to-content = Hoppa till innehållet
nav-site = Webbplats
nav-languages = Språk
language-name = Svenska
nav-status = Status
nav-history = Historik
nav-breadcrumb = Brödsmulor
incident-history = Incidenthistorik
footer-built = Sidan skapades <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Senast uppdaterad <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Tider visas i { $zone }, eller i din egen tidszon när skript körs.
footer-calendar = Underhållskalender
footer-api = API
footer-powered = Drivs med allclear

## Startsidan

index-ongoing = Pågående incidenter
index-active-maintenance = Pågående underhåll
index-scheduled-maintenance = Planerat underhåll
index-components = Komponenter
index-components-note = Aktuell status och tillgänglighet { $days ->
        [one] det senaste dygnet.
       *[other] de senaste { $days } dagarna.
    }
index-past = Tidigare incidenter
no-incidents = Inga incidenter rapporterade.

## Incidenter och underhåll

entry-rescheduled = Flyttat
entry-affected = Påverkade:
entry-resolved-after = löst efter { $duration }
entry-ongoing-for = pågått i <span data-since="{ $since }">{ $duration }</span>
next-update = Nästa uppdatering väntas senast <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Nästa uppdatering väntades senast <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Flyttat till <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Nästa uppdatering utlovad senast <time datetime="{ $iso }">{ $time }</time>
time-ago = för { $duration } sedan

duration-minutes = { $minutes } min
duration-hours = { $hours } tim { $minutes } min
duration-days = { $days } d { $hours } tim
time-now = nu
incident-description = Incident ({ $impact }): { $status }
incident-kind = Incident
incident-started = Började
incident-resolved = Löst
incident-status = Status
incident-ongoing = Pågår
incident-duration = Varaktighet
incident-so-far = <span data-since="{ $since }">{ $duration }</span> hittills
incident-affected = Påverkade komponenter
incident-affected-at-worst = Påverkade komponenter, när det var som värst
none-listed = Inga angivna
updates = Uppdateringar
postmortem = Efteranalys
maintenance-description = Planerat underhåll: { $status }
maintenance-kind = Underhåll
maintenance-scheduled = Planerat underhåll
maintenance-cancelled = Det här underhållet har ställts in och kommer inte att genomföras.
maintenance-window = Tidsfönster
maintenance-rescheduled = ({ $count ->
        [one] flyttat
       *[other] flyttat { $count } gånger
    }; ursprungligen planerat till <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Kalender
maintenance-add-to-calendar = Lägg till i kalendern
maintenance-components = Komponenter
maintenance-details = Detaljer
maintenance-auto-in_progress = Det planerade underhållet pågår just nu. Vi lämnar uppdateringar vid behov.
maintenance-auto-completed = Det planerade underhållet har slutförts.

## Tillgänglighetsstaplar

uptime-days-ago = { $days ->
        [one] för { $days } dag sedan
       *[other] för { $days } dagar sedan
    }
uptime-total = { $uptime } tillgänglighet
uptime-over-days = { $days ->
        [one] det senaste dygnet
       *[other] de senaste { $days } dagarna
    }
uptime-none = Inga tillgänglighetsdata ännu
uptime-today = I dag
uptime-incident-days = { $count ->
        [one] { $count } dag
       *[other] { $count } dagar
    } med incidenter
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } tillgänglighet, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } tillgänglighet, { $status ->
        [degraded_performance] försämrad prestanda
        [partial_outage] delvis avbrott
        [major_outage] större avbrott
        [under_maintenance] underhåll
       *[operational] inga incidenter
    }
day-summary-no-data = { $date }: inga data

## Prenumerera

subscribe = Prenumerera
subscribe-to = Prenumerera på { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> eller <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidenter och underhåll för { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Kalender</a>: komponentens planerade underhåll (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> eller <a href="{ $root }history.atom">Atom</a>: en post per incident eller underhåll
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> eller <a href="{ $root }feed.json">JSON Feed</a>: en post per uppdatering, för att få veta om varje förändring
subscribe-calendar = <a href="{ $root }maintenance.ics">Kalender</a>: planerat underhåll (iCalendar; prenumerera på <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">Status-API</a>: Statuspage-kompatibel JSON (<code>api/v2/</code>)

## En komponents sida

component-uptime = Tillgänglighet
component-no-data = Inga data ännu
component-entries = Incidenter och underhåll
component-no-entries = Inga incidenter rapporterade för { $component }.
component-more = De { $shown } senaste av { $total } visas. <a href="{ $root }history/index.html">Incidenthistoriken</a> innehåller alla.

## Historiken

history-description = Alla incidenter och underhåll för { $site }, per månad
history-total = { $count ->
        [one] { $count } incident eller underhåll, per månad.
       *[other] { $count } incidenter och underhåll, per månad.
    }
history-entries = { $count ->
        [one] post
       *[other] poster
    }
history-none = Inga incidenter rapporterade ännu.
history-month-description = Incidenter och underhåll för { $site } i { $month }
history-month-lede = { $count } { $count ->
        [one] post
       *[other] poster
    }, senaste först.
history-months-nav = Månader
history-all-months = Alla månader

## Sidan saknas

not-found-title = Sidan hittades inte
not-found-text = Det finns ingen sida på den här adressen. Den kan ha flyttats, eller så är länken felskriven.
not-found-status = Aktuell status
not-found-home = Gå till statussidan

## Bädda in statusen

embed-title = Bädda in statusen
embed-description = Visa aktuell status för { $site } på en annan webbplats
embed-lede = Klistra in den här raden på valfri webbsida för att visa aktuell status för { $site } där. Den uppdateras varje gång den här webbplatsen byggs om och när ett planerat underhåll börjar eller slutar, och länkar hit.
embed-loads = Raden läser in <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, samma status som <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> i form av ett skript, och ritar en liten länk där skriptet står. Vill du placera den någon annanstans lägger du till ett tomt element med attributet <code>data-allclear-embed</code> där den ska stå.
embed-origins = Det fungerar på en sida från vilket ursprung som helst utan inställningar på någon sida: skript läses in mellan ursprung utan CORS-huvuden, så den här webbplatsens värd behöver inte skicka <code>Access-Control-Allow-Origin</code>. (Att läsa <code>api/v2/status.json</code> från ditt eget skript på ett annat ursprung kräver däremot det huvudet.) Statusen är lika färsk som webbplatsens senaste bygge; webbläsare läser in den igen minst en gång i minuten. Om den inte kan läsas in visar inbäddningen i stället en enkel länk ”Statussida” hit och anger orsaken i webbläsarens konsol.
embed-fallback = Statussida
embed-how = Så ser det ut

## Sidans skript (allclear.js)

script-built-before-day = Inga data: den här sidan byggdes före den här dagen.
script-next-update-overdue = Nästa uppdatering väntades senast { $time } ({ $ago })
script-stale = Den här sidan uppdaterades senast { $ago }. Den kan vara inaktuell: läs in sidan igen för nyare uppdateringar.
script-stale-incident = Den här sidan uppdaterades senast { $ago }, under en incident. Den kan vara inaktuell: läs in sidan igen för nyare uppdateringar.

## Flöden (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } Status
    } - Incidenthistorik
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: alla uppdateringar
feed-description = Incidenter och underhåll för { $site }
feed-update-same-status = Uppdatering
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Planerat från { $from } till { $until }.
feed-next-update = Nästa uppdatering väntas senast { $time }.

## Underhållskalendrar (iCalendar)

calendar-name = Underhåll för { $site }
calendar-description = Planerat underhåll som meddelats på { $site }: { $url }
calendar-component-name = Underhåll för { $site }: { $component }
calendar-component-description = Planerat underhåll av { $component } som meddelats på { $site }: { $url }
calendar-affected = Påverkade komponenter: { $components }

## Märken (SVG)

badge-uptime = Tillgänglighet { $component }
badge-no-data = inga data
badge-as-of = per { $time }

task-done = Klart
task-todo = Att göra
