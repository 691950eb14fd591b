# La interfaz del tema predeterminado en español (es). Refleja en.ftl:
# los mismos identificadores, los mismos { $argumentos } y el mismo
# marcado; solo se traducen las palabras. Tratamiento de usted.

## Estados e impactos

status-operational = Operativo
status-under_maintenance = En mantenimiento
status-degraded_performance = Rendimiento degradado
status-partial_outage = Interrupción parcial
status-major_outage = Interrupción grave

incident-status-investigating = Investigando
incident-status-identified = Identificado
incident-status-monitoring = Supervisando
incident-status-resolved = Resuelto

maintenance-status-scheduled = Programado
maintenance-status-in_progress = En curso
maintenance-status-verifying = Verificando
maintenance-status-completed = Completado
maintenance-status-cancelled = Cancelado

impact-none = Sin impacto
impact-minor = Impacto menor
impact-major = Impacto importante
impact-critical = Impacto crítico
impact-maintenance = Mantenimiento

indicator-none = Todos los sistemas están operativos
indicator-maintenance = Servicio en mantenimiento
indicator-minor = Interrupción menor del servicio
indicator-major = Interrupción parcial del sistema
indicator-critical = Interrupción grave del servicio

## Todas las páginas: cabecera y pie

feed-history-rss = { $site }: historial de incidentes (RSS)
feed-history-atom = { $site }: historial de incidentes (Atom)
feed-updates-atom = { $site }: todas las actualizaciones (Atom)
feed-updates-json = { $site }: todas las actualizaciones (JSON Feed)
skip-to-content = Saltar al contenido
nav-site = Sitio
nav-languages = Idiomas
language-name = Español
nav-status = Estado
nav-history = Historial
nav-breadcrumb = Ruta de navegación
incident-history = Historial de incidentes
footer-built = Página generada: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Última actualización: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Las horas se muestran en { $zone }, o en su propia zona horaria cuando se ejecutan los scripts.
footer-calendar = Calendario de mantenimiento
footer-api = API
footer-powered = Creado con allclear

## Página principal

index-ongoing = Incidentes en curso
index-active-maintenance = Mantenimiento en curso
index-scheduled-maintenance = Mantenimiento programado
index-components = Componentes
index-components-note = Estado actual y disponibilidad { $days ->
        [one] del último día.
        [many] de los últimos { $days } días.
       *[other] de los últimos { $days } días.
    }
index-past = Incidentes anteriores
no-incidents = No se han notificado incidentes.

## Incidentes y mantenimientos

entry-rescheduled = Reprogramado
entry-affected = Afectados:
entry-resolved-after = resuelto tras { $duration }
entry-ongoing-for = en curso desde hace <span data-since="{ $since }">{ $duration }</span>
next-update = Próxima actualización prevista antes de <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = La próxima actualización estaba prevista antes de <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Reprogramado a <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Próxima actualización comprometida antes de <time datetime="{ $iso }">{ $time }</time>
time-ago = hace { $duration }

duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days = { $days } d { $hours } h
time-now = ahora
incident-description = Incidente ({ $impact }): { $status }
incident-kind = Incidente
incident-started = Inicio
incident-resolved = Resolución
incident-status = Estado
incident-ongoing = En curso
incident-duration = Duración
incident-so-far = <span data-since="{ $since }">{ $duration }</span> hasta ahora
incident-affected = Componentes afectados
incident-affected-at-worst = Componentes afectados, en el peor momento
none-listed = Ninguno indicado
updates = Actualizaciones
postmortem = Análisis posterior
maintenance-description = Mantenimiento programado: { $status }
maintenance-kind = Mantenimiento
maintenance-scheduled = Mantenimiento programado
maintenance-cancelled = Este mantenimiento se ha cancelado y no se llevará a cabo.
maintenance-window = Periodo
maintenance-rescheduled = ({ $count ->
        [one] reprogramado
        [many] reprogramado { $count } veces
       *[other] reprogramado { $count } veces
    }; previsto inicialmente para <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Calendario
maintenance-add-to-calendar = Añadir al calendario
maintenance-components = Componentes
maintenance-details = Detalles
maintenance-auto-in_progress = El mantenimiento programado está en curso. Publicaremos actualizaciones cuando sea necesario.
maintenance-auto-completed = El mantenimiento programado se ha completado.

## Barras de disponibilidad

uptime-days-ago = { $days ->
        [one] hace { $days } día
        [many] hace { $days } días
       *[other] hace { $days } días
    }
uptime-total = { $uptime } de disponibilidad
uptime-over-days = { $days ->
        [one] en el último día
        [many] en los últimos { $days } días
       *[other] en los últimos { $days } días
    }
uptime-none = Aún no hay datos de disponibilidad
uptime-today = Hoy
uptime-incident-days = { $count ->
        [one] { $count } día con incidentes
        [many] { $count } días con incidentes
       *[other] { $count } días con incidentes
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } de disponibilidad, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } de disponibilidad, { $status ->
        [degraded_performance] rendimiento degradado
        [partial_outage] interrupción parcial
        [major_outage] interrupción grave
        [under_maintenance] en mantenimiento
       *[operational] sin incidentes
    }
day-summary-no-data = { $date }: sin datos

## Suscribirse

subscribe = Suscribirse
subscribe-to = Suscribirse a { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> o <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidentes y mantenimientos de { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Calendario</a>: su mantenimiento programado (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> o <a href="{ $root }history.atom">Atom</a>: un elemento por incidente o mantenimiento
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> o <a href="{ $root }feed.json">JSON Feed</a>: un elemento por actualización, para enterarse de cada cambio
subscribe-calendar = <a href="{ $root }maintenance.ics">Calendario</a>: mantenimiento programado (iCalendar; suscríbase a <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API de estado</a>: JSON compatible con Statuspage (<code>api/v2/</code>)

## Página de un componente

component-uptime = Disponibilidad
component-no-data = Aún no hay datos
component-entries = Incidentes y mantenimientos
component-no-entries = No se han notificado incidentes de { $component }.
component-more = Se muestran los { $shown } más recientes de { $total }. El <a href="{ $root }history/index.html">historial de incidentes</a> los incluye todos.

## Historial

history-description = Todos los incidentes y mantenimientos de { $site }, por mes
history-total = { $count ->
        [one] { $count } incidente o mantenimiento, por mes.
        [many] { $count } incidentes y mantenimientos, por mes.
       *[other] { $count } incidentes y mantenimientos, por mes.
    }
history-entries = { $count ->
        [one] entrada
        [many] entradas
       *[other] entradas
    }
history-none = Aún no se han notificado incidentes.
history-month-description = Incidentes y mantenimientos de { $site } en { $month }
history-month-lede = { $count } { $count ->
        [one] entrada
        [many] entradas
       *[other] entradas
    }, de la más reciente a la más antigua.
history-months-nav = Meses
history-all-months = Todos los meses

## Página no encontrada

not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace contenga un error.
not-found-status = Estado actual
not-found-home = Ir a la página de estado

## Insertar el estado

embed-title = Insertar el estado
embed-description = Muestre el estado actual de { $site } en otro sitio
embed-lede = Pegue esta línea en cualquier página web para mostrar allí el estado actual de { $site }. Se actualiza cada vez que se regenera este sitio y cuando empieza o termina un mantenimiento programado, y enlaza con esta página.
embed-loads = Carga <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, el mismo estado que <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> en forma de script, y dibuja un pequeño enlace donde se encuentra el script. Para colocarlo en otro lugar, añada un elemento vacío con el atributo <code>data-allclear-embed</code> donde deba aparecer.
embed-origins = Funciona en una página de cualquier origen sin configurar nada en ninguno de los dos lados: los scripts se cargan entre orígenes sin cabeceras CORS, así que el servidor de este sitio no necesita enviar <code>Access-Control-Allow-Origin</code>. (Leer <code>api/v2/status.json</code> desde su propio script en otro origen sí requiere esa cabecera). El estado es tan reciente como la última generación de este sitio; los navegadores lo recargan al menos una vez por minuto. Si no se puede cargar, la inserción muestra en su lugar un simple enlace «Página de estado» a este sitio e indica el motivo en la consola del navegador.
embed-fallback = Página de estado
embed-how = Vista previa

## El script de la página (allclear.js)

script-built-before-day = Sin datos: esta página se generó antes de este día.
script-next-update-overdue = La próxima actualización estaba prevista antes de { $time } ({ $ago })
script-stale = Esta página se actualizó por última vez { $ago }. Puede que no esté al día: recárguela para ver las novedades.
script-stale-incident = Esta página se actualizó por última vez { $ago }, durante un incidente. Puede que no esté al día: recárguela para ver las novedades.

## Feeds (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] Estado de { $site }
    } - Historial de incidentes
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: todas las actualizaciones
feed-description = Incidentes y mantenimientos de { $site }
feed-update-same-status = Actualización
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Programado desde { $from } hasta { $until }.
feed-next-update = Próxima actualización prevista antes de { $time }.

## Calendarios de mantenimiento (iCalendar)

calendar-name = Mantenimiento de { $site }
calendar-description = Mantenimiento programado anunciado en { $site }: { $url }
calendar-component-name = Mantenimiento de { $site }: { $component }
calendar-component-description = Mantenimiento programado de { $component } anunciado en { $site }: { $url }
calendar-affected = Componentes afectados: { $components }

## Insignias (SVG)

badge-uptime = Disponibilidad de { $component }
badge-no-data = sin datos
badge-as-of = a fecha de { $time }

task-done = Hecho
task-todo = Pendiente
