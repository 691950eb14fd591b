# Die Oberfläche des Standard-Themes auf Deutsch (de). Spiegelt en.ftl:
# dieselben IDs, dieselben { $argumente } und dasselbe Markup; nur die
# Wörter sind übersetzt. Anrede: „Sie“.

## Status und Auswirkungen

status-operational = Betriebsbereit
status-under_maintenance = Wartungsarbeiten
status-degraded_performance = Beeinträchtigte Leistung
status-partial_outage = Teilweiser Ausfall
status-major_outage = Schwerer Ausfall

incident-status-investigating = Wird untersucht
incident-status-identified = Ursache identifiziert
incident-status-monitoring = Wird beobachtet
incident-status-resolved = Behoben

maintenance-status-scheduled = Geplant
maintenance-status-in_progress = Wird durchgeführt
maintenance-status-verifying = Wird überprüft
maintenance-status-completed = Abgeschlossen
maintenance-status-cancelled = Abgesagt

impact-none = Keine Auswirkungen
impact-minor = Geringe Auswirkungen
impact-major = Erhebliche Auswirkungen
impact-critical = Kritische Auswirkungen
impact-maintenance = Wartung

indicator-none = Alle Systeme betriebsbereit
indicator-maintenance = Wartungsarbeiten am Dienst
indicator-minor = Geringfügige Dienststörung
indicator-major = Teilweiser Systemausfall
indicator-critical = Schwerer Dienstausfall

## Jede Seite: Kopf, Kopfzeile und Fußzeile

feed-history-rss = { $site }: Vorfallsverlauf (RSS)
feed-history-atom = { $site }: Vorfallsverlauf (Atom)
feed-updates-atom = { $site }: alle Aktualisierungen (Atom)
feed-updates-json = { $site }: alle Aktualisierungen (JSON Feed)
skip-to-content = Zum Inhalt springen
nav-site = Website
nav-languages = Sprachen
language-name = Deutsch
nav-status = Status
nav-history = Verlauf
nav-breadcrumb = Brotkrümelnavigation
incident-history = Vorfallsverlauf
footer-built = Seite erstellt: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Zuletzt aktualisiert: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Zeiten werden in { $zone } angezeigt oder, wenn Skripte ausgeführt werden, in Ihrer eigenen Zeitzone.
footer-calendar = Wartungskalender
footer-api = API
footer-powered = Erstellt mit allclear

## Startseite

index-ongoing = Aktuelle Vorfälle
index-active-maintenance = Laufende Wartungsarbeiten
index-scheduled-maintenance = Geplante Wartungsarbeiten
index-components = Komponenten
index-components-note = Aktueller Status und Verfügbarkeit { $days ->
        [one] am letzten Tag.
       *[other] in den letzten { $days } Tagen.
    }
index-past = Frühere Vorfälle
no-incidents = Keine Vorfälle gemeldet.

## Vorfälle und Wartungen

entry-rescheduled = Verschoben
entry-affected = Betroffen:
entry-resolved-after = behoben nach { $duration }
entry-ongoing-for = besteht seit <span data-since="{ $since }">{ $duration }</span>
next-update = Nächste Aktualisierung erwartet bis <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Nächste Aktualisierung war erwartet bis <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Verschoben auf <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Nächste Aktualisierung zugesagt bis <time datetime="{ $iso }">{ $time }</time>
time-ago = vor { $duration }

duration-minutes = { $minutes } Min.
duration-hours = { $hours } Std. { $minutes } Min.
duration-days = { $days } T. { $hours } Std.
time-now = jetzt
incident-description = Vorfall – { $impact }: { $status }
incident-kind = Vorfall
incident-started = Beginn
incident-resolved = Behoben
incident-status = Status
incident-ongoing = Andauernd
incident-duration = Dauer
incident-so-far = bisher <span data-since="{ $since }">{ $duration }</span>
incident-affected = Betroffene Komponenten
incident-affected-at-worst = Betroffene Komponenten, im schlimmsten Fall
none-listed = Keine angegeben
updates = Aktualisierungen
postmortem = Nachbetrachtung
maintenance-description = Geplante Wartung: { $status }
maintenance-kind = Wartung
maintenance-scheduled = Geplante Wartung
maintenance-cancelled = Diese Wartung wurde abgesagt und findet nicht statt.
maintenance-window = Zeitraum
maintenance-rescheduled = ({ $count ->
        [one] verschoben
       *[other] { $count }-mal verschoben
    }; ursprünglich geplant für <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Kalender
maintenance-add-to-calendar = Zum Kalender hinzufügen
maintenance-components = Komponenten
maintenance-details = Details
maintenance-auto-in_progress = Die geplante Wartung wird derzeit durchgeführt. Wir informieren Sie bei Bedarf über den weiteren Verlauf.
maintenance-auto-completed = Die geplante Wartung wurde abgeschlossen.

## Verfügbarkeitsbalken

uptime-days-ago = { $days ->
        [one] vor { $days } Tag
       *[other] vor { $days } Tagen
    }
uptime-total = { $uptime } Verfügbarkeit
uptime-over-days = { $days ->
        [one] am letzten Tag
       *[other] in den letzten { $days } Tagen
    }
uptime-none = Noch keine Verfügbarkeitsdaten
uptime-today = Heute
uptime-incident-days = { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    } mit Vorfällen
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } Verfügbarkeit, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } Verfügbarkeit, { $status ->
        [degraded_performance] beeinträchtigte Leistung
        [partial_outage] teilweiser Ausfall
        [major_outage] schwerer Ausfall
        [under_maintenance] Wartungsarbeiten
       *[operational] keine Vorfälle
    }
day-summary-no-data = { $date }: keine Daten

## Abonnieren

subscribe = Abonnieren
subscribe-to = { $component } abonnieren
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> oder <a href="{ $root }components/{ $id }/history.atom">Atom</a>: Vorfälle und Wartungen von { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Kalender</a>: geplante Wartungen dieser Komponente (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> oder <a href="{ $root }history.atom">Atom</a>: ein Eintrag pro Vorfall oder Wartung
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> oder <a href="{ $root }feed.json">JSON Feed</a>: ein Eintrag pro Aktualisierung, um über jede Änderung informiert zu werden
subscribe-calendar = <a href="{ $root }maintenance.ics">Kalender</a>: geplante Wartungen (iCalendar; abonnieren Sie <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">Status-API</a>: Statuspage-kompatibles JSON (<code>api/v2/</code>)

## Seite einer Komponente

component-uptime = Verfügbarkeit
component-no-data = Noch keine Daten
component-entries = Vorfälle und Wartungen
component-no-entries = Keine Vorfälle für { $component } gemeldet.
component-more = Die neuesten { $shown } von { $total } werden angezeigt. Der <a href="{ $root }history/index.html">Vorfallsverlauf</a> enthält alle.

## Verlauf

history-description = Alle Vorfälle und Wartungen von { $site }, nach Monat
history-total = { $count ->
        [one] { $count } Vorfall oder Wartung, nach Monat.
       *[other] { $count } Vorfälle und Wartungen, nach Monat.
    }
history-entries = { $count ->
        [one] Eintrag
       *[other] Einträge
    }
history-none = Noch keine Vorfälle gemeldet.
history-month-description = Vorfälle und Wartungen von { $site } im { $month }
history-month-lede = { $count } { $count ->
        [one] Eintrag
       *[other] Einträge
    }, neueste zuerst.
history-months-nav = Monate
history-all-months = Alle Monate

## Seite für eine fehlende Adresse

not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite. Möglicherweise wurde sie verschoben, oder der Link ist fehlerhaft.
not-found-status = Aktueller Status
not-found-home = Zur Statusseite

## Status einbetten

embed-title = Status einbetten
embed-description = Den aktuellen Status von { $site } auf einer anderen Website anzeigen
embed-lede = Fügen Sie diese Zeile in eine beliebige Webseite ein, um dort den aktuellen Status von { $site } anzuzeigen. Er wird bei jeder Neuerstellung dieser Website aktualisiert sowie zu Beginn und Ende einer geplanten Wartung, und er verlinkt hierher.
embed-loads = Die Zeile lädt <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, denselben Status wie <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> als Skript, und zeichnet an der Stelle des Skripts einen kleinen Link. Um ihn an anderer Stelle zu platzieren, fügen Sie dort ein leeres Element mit dem Attribut <code>data-allclear-embed</code> ein.
embed-origins = Das funktioniert auf Seiten jedes Ursprungs, ohne Einrichtung auf einer der beiden Seiten: Skripte werden ursprungsübergreifend ohne CORS-Header geladen, daher muss der Host dieser Website kein <code>Access-Control-Allow-Origin</code> senden. (Wenn Sie <code>api/v2/status.json</code> mit Ihrem eigenen Skript von einem anderen Ursprung lesen, ist dieser Header allerdings nötig.) Der Status ist so aktuell wie die letzte Erstellung dieser Website; Browser laden ihn mindestens einmal pro Minute neu. Kann er nicht geladen werden, zeigt die Einbettung stattdessen einen einfachen Link „Statusseite“ hierher und nennt den Grund in der Browserkonsole.
embed-fallback = Statusseite
embed-how = So sieht es aus

## Das Seitenskript (allclear.js)

script-built-before-day = Keine Daten: Diese Seite wurde vor diesem Tag erstellt.
script-next-update-overdue = Nächste Aktualisierung war erwartet bis { $time } ({ $ago })
script-stale = Diese Seite wurde zuletzt { $ago } aktualisiert. Sie ist möglicherweise nicht mehr aktuell: Laden Sie sie neu, um neuere Informationen zu sehen.
script-stale-incident = Diese Seite wurde zuletzt { $ago }, während eines Vorfalls, aktualisiert. Sie ist möglicherweise nicht mehr aktuell: Laden Sie sie neu, um neuere Informationen zu sehen.

## Feeds (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } Status
    } - Vorfallsverlauf
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: alle Aktualisierungen
feed-description = Vorfälle und Wartungen von { $site }
feed-update-same-status = Aktualisierung
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Geplant von { $from } bis { $until }.
feed-next-update = Nächste Aktualisierung erwartet bis { $time }.

## Wartungskalender (iCalendar)

calendar-name = { $site }: Wartungen
calendar-description = Geplante Wartungen, angekündigt auf { $site }: { $url }
calendar-component-name = { $site }: Wartungen von { $component }
calendar-component-description = Geplante Wartungen von { $component }, angekündigt auf { $site }: { $url }
calendar-affected = Betroffene Komponenten: { $components }

## Abzeichen (SVG)

badge-uptime = Verfügbarkeit { $component }
badge-no-data = keine Daten
badge-as-of = Stand: { $time }

task-done = Erledigt
task-todo = Offen
