# L'interfaccia del tema predefinito in italiano (it). Rispecchia en.ftl:
# stessi identificatori, stessi { $argomenti } e stesso markup; sono
# tradotte solo le parole. Registro formale (Lei).

## Stati e impatti

status-operational = Operativo
status-under_maintenance = In manutenzione
status-degraded_performance = Prestazioni ridotte
status-partial_outage = Interruzione parziale
status-major_outage = Interruzione grave

incident-status-investigating = In fase di analisi
incident-status-identified = Causa identificata
incident-status-monitoring = In monitoraggio
incident-status-resolved = Risolto

maintenance-status-scheduled = Pianificata
maintenance-status-in_progress = In corso
maintenance-status-verifying = In verifica
maintenance-status-completed = Completata
maintenance-status-cancelled = Annullata

impact-none = Nessun impatto
impact-minor = Impatto lieve
impact-major = Impatto rilevante
impact-critical = Impatto critico
impact-maintenance = Manutenzione

indicator-none = Tutti i sistemi sono operativi
indicator-maintenance = Servizio in manutenzione
indicator-minor = Interruzione lieve del servizio
indicator-major = Interruzione parziale del sistema
indicator-critical = Interruzione grave del servizio

## Ogni pagina: intestazione e piè di pagina

feed-history-rss = { $site }: cronologia degli incidenti (RSS)
feed-history-atom = { $site }: cronologia degli incidenti (Atom)
feed-updates-atom = { $site }: tutti gli aggiornamenti (Atom)
feed-updates-json = { $site }: tutti gli aggiornamenti (JSON Feed)
skip-to-content = Vai al contenuto
nav-site = Sito
nav-languages = Lingue
language-name = Italiano
nav-status = Stato
nav-history = Cronologia
nav-breadcrumb = Percorso di navigazione
incident-history = Cronologia degli incidenti
footer-built = Pagina generata: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Ultimo aggiornamento: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Gli orari sono indicati nel fuso { $zone }, oppure nel Suo fuso orario quando gli script sono attivi.
footer-calendar = Calendario delle manutenzioni
footer-api = API
footer-powered = Realizzato con allclear

## Pagina iniziale

index-ongoing = Incidenti in corso
index-active-maintenance = Manutenzione in corso
index-scheduled-maintenance = Manutenzione pianificata
index-components = Componenti
index-components-note = Stato attuale e disponibilità { $days ->
        [one] nell'ultimo giorno.
        [many] negli ultimi { $days } giorni.
       *[other] negli ultimi { $days } giorni.
    }
index-past = Incidenti passati
no-incidents = Nessun incidente segnalato.

## Incidenti e manutenzioni

entry-rescheduled = Riprogrammata
entry-affected = Interessati:
entry-resolved-after = risolto dopo { $duration }
entry-ongoing-for = in corso da <span data-since="{ $since }">{ $duration }</span>
next-update = Prossimo aggiornamento previsto entro <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Il prossimo aggiornamento era previsto entro <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Riprogrammata a <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Prossimo aggiornamento promesso entro <time datetime="{ $iso }">{ $time }</time>
time-ago = { $duration } fa

duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days = { $days } g { $hours } h
time-now = ora
incident-description = Incidente ({ $impact }): { $status }
incident-kind = Incidente
incident-started = Inizio
incident-resolved = Risoluzione
incident-status = Stato
incident-ongoing = In corso
incident-duration = Durata
incident-so-far = <span data-since="{ $since }">{ $duration }</span> finora
incident-affected = Componenti interessati
incident-affected-at-worst = Componenti interessati, nel momento peggiore
none-listed = Nessuno indicato
updates = Aggiornamenti
postmortem = Analisi post-incidente
maintenance-description = Manutenzione pianificata: { $status }
maintenance-kind = Manutenzione
maintenance-scheduled = Manutenzione pianificata
maintenance-cancelled = Questa manutenzione è stata annullata e non avrà luogo.
maintenance-window = Finestra
maintenance-rescheduled = ({ $count ->
        [one] riprogrammata
        [many] riprogrammata { $count } volte
       *[other] riprogrammata { $count } volte
    }; inizialmente prevista per <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Calendario
maintenance-add-to-calendar = Aggiungi al calendario
maintenance-components = Componenti
maintenance-details = Dettagli
maintenance-auto-in_progress = La manutenzione pianificata è in corso. Forniremo aggiornamenti se necessario.
maintenance-auto-completed = La manutenzione pianificata è stata completata.

## Barre di disponibilità

uptime-days-ago = { $days ->
        [one] { $days } giorno fa
        [many] { $days } giorni fa
       *[other] { $days } giorni fa
    }
uptime-total = { $uptime } di disponibilità
uptime-over-days = { $days ->
        [one] nell'ultimo giorno
        [many] negli ultimi { $days } giorni
       *[other] negli ultimi { $days } giorni
    }
uptime-none = Ancora nessun dato di disponibilità
uptime-today = Oggi
uptime-incident-days = { $count ->
        [one] { $count } giorno con incidenti
        [many] { $count } giorni con incidenti
       *[other] { $count } giorni con incidenti
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } di disponibilità, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } di disponibilità, { $status ->
        [degraded_performance] prestazioni ridotte
        [partial_outage] interruzione parziale
        [major_outage] interruzione grave
        [under_maintenance] in manutenzione
       *[operational] nessun incidente
    }
day-summary-no-data = { $date }: nessun dato

## Iscrizione

subscribe = Iscriviti
subscribe-to = Iscriviti a { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> o <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidenti e manutenzioni di { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Calendario</a>: le sue manutenzioni pianificate (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> o <a href="{ $root }history.atom">Atom</a>: un elemento per incidente o manutenzione
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> o <a href="{ $root }feed.json">JSON Feed</a>: un elemento per aggiornamento, per essere informati di ogni modifica
subscribe-calendar = <a href="{ $root }maintenance.ics">Calendario</a>: manutenzioni pianificate (iCalendar; si iscriva a <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API di stato</a>: JSON compatibile con Statuspage (<code>api/v2/</code>)

## Pagina di un componente

component-uptime = Disponibilità
component-no-data = Ancora nessun dato
component-entries = Incidenti e manutenzioni
component-no-entries = Nessun incidente segnalato per { $component }.
component-more = Sono mostrati i { $shown } più recenti su { $total }. La <a href="{ $root }history/index.html">cronologia degli incidenti</a> li contiene tutti.

## Cronologia

history-description = Tutti gli incidenti e le manutenzioni di { $site }, per mese
history-total = { $count ->
        [one] { $count } incidente o manutenzione, per mese.
        [many] { $count } incidenti e manutenzioni, per mese.
       *[other] { $count } incidenti e manutenzioni, per mese.
    }
history-entries = { $count ->
        [one] voce
        [many] voci
       *[other] voci
    }
history-none = Ancora nessun incidente segnalato.
history-month-description = Incidenti e manutenzioni di { $site } a { $month }
history-month-lede = { $count } { $count ->
        [one] voce
        [many] voci
       *[other] voci
    }, dalla più recente.
history-months-nav = Mesi
history-all-months = Tutti i mesi

## Pagina non trovata

not-found-title = Pagina non trovata
not-found-text = Non esiste alcuna pagina a questo indirizzo. Potrebbe essere stata spostata, oppure il link potrebbe contenere un errore.
not-found-status = Stato attuale
not-found-home = Vai alla pagina di stato

## Incorporare lo stato

embed-title = Incorpora lo stato
embed-description = Mostrare lo stato attuale di { $site } su un altro sito
embed-lede = Incolli questa riga in qualsiasi pagina web per mostrarvi lo stato attuale di { $site }. Si aggiorna ogni volta che questo sito viene rigenerato e quando una manutenzione pianificata inizia o termina, e rimanda a questa pagina.
embed-loads = La riga carica <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, lo stesso stato di <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> sotto forma di script, e disegna un piccolo link nel punto in cui si trova lo script. Per collocarlo altrove, aggiunga un elemento vuoto con l'attributo <code>data-allclear-embed</code> dove deve comparire.
embed-origins = Funziona su una pagina di qualsiasi origine senza alcuna configurazione da nessuna delle due parti: gli script si caricano tra origini diverse senza intestazioni CORS, quindi l'host di questo sito non deve inviare <code>Access-Control-Allow-Origin</code>. (Leggere <code>api/v2/status.json</code> dal proprio script su un'altra origine richiede invece tale intestazione.) Lo stato è aggiornato quanto l'ultima generazione di questo sito; i browser lo ricaricano almeno una volta al minuto. Se non è possibile caricarlo, l'elemento incorporato mostra invece un semplice link "Pagina di stato" verso questo sito e ne indica il motivo nella console del browser.
embed-fallback = Pagina di stato
embed-how = Anteprima

## Lo script della pagina (allclear.js)

script-built-before-day = Nessun dato: questa pagina è stata generata prima di questo giorno.
script-next-update-overdue = Il prossimo aggiornamento era previsto entro { $time } ({ $ago })
script-stale = Questa pagina è stata aggiornata l'ultima volta { $ago }. Potrebbe non essere aggiornata: ricarichi la pagina per vedere le novità.
script-stale-incident = Questa pagina è stata aggiornata l'ultima volta { $ago }, durante un incidente. Potrebbe non essere aggiornata: ricarichi la pagina per vedere le novità.

## Feed (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] Stato di { $site }
    } - Cronologia degli incidenti
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: tutti gli aggiornamenti
feed-description = Incidenti e manutenzioni di { $site }
feed-update-same-status = Aggiornamento
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Pianificata da { $from } a { $until }.
feed-next-update = Prossimo aggiornamento previsto entro { $time }.

## Calendari delle manutenzioni (iCalendar)

calendar-name = Manutenzioni di { $site }
calendar-description = Manutenzioni pianificate annunciate su { $site }: { $url }
calendar-component-name = Manutenzioni di { $site }: { $component }
calendar-component-description = Manutenzioni pianificate di { $component } annunciate su { $site }: { $url }
calendar-affected = Componenti interessati: { $components }

## Badge (SVG)

badge-uptime = Disponibilità di { $component }
badge-no-data = nessun dato
badge-as-of = aggiornato al { $time }

task-done = Fatto
task-todo = Da fare
