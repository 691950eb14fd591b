# A interface do tema padrão em português do Brasil (pt-BR). Espelha
# en.ftl: os mesmos identificadores, os mesmos { $argumentos } e a mesma
# marcação; só as palavras são traduzidas.

## Status e impactos

status-operational = Operacional
status-under_maintenance = Em manutenção
status-degraded_performance = Desempenho degradado
status-partial_outage = Interrupção parcial
status-major_outage = Interrupção grave

incident-status-investigating = Investigando
incident-status-identified = Identificado
incident-status-monitoring = Monitorando
incident-status-resolved = Resolvido

maintenance-status-scheduled = Agendada
maintenance-status-in_progress = Em andamento
maintenance-status-verifying = Verificando
maintenance-status-completed = Concluída
maintenance-status-cancelled = Cancelada

impact-none = Sem impacto
impact-minor = Impacto baixo
impact-major = Impacto alto
impact-critical = Impacto crítico
impact-maintenance = Manutenção

indicator-none = Todos os sistemas operacionais
indicator-maintenance = Serviço em manutenção
indicator-minor = Interrupção leve do serviço
indicator-major = Interrupção parcial do sistema
indicator-critical = Interrupção grave do serviço

## Todas as páginas: cabeçalho e rodapé

feed-history-rss = { $site }: histórico de incidentes (RSS)
feed-history-atom = { $site }: histórico de incidentes (Atom)
feed-updates-atom = { $site }: todas as atualizações (Atom)
feed-updates-json = { $site }: todas as atualizações (JSON Feed)
skip-to-content = Pular para o conteúdo
nav-site = Site
nav-languages = Idiomas
language-name = Português (Brasil)
nav-status = Status
nav-history = Histórico
nav-breadcrumb = Trilha de navegação
incident-history = Histórico de incidentes
footer-built = Página gerada em <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Última atualização: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Os horários são exibidos em { $zone }, ou no seu próprio fuso horário quando os scripts são executados.
footer-calendar = Calendário de manutenções
footer-api = API
footer-powered = Feito com allclear

## Página inicial

index-ongoing = Incidentes em andamento
index-active-maintenance = Manutenção em andamento
index-scheduled-maintenance = Manutenção agendada
index-components = Componentes
index-components-note = Status atual e disponibilidade { $days ->
        [one] no último dia.
        [many] nos últimos { $days } dias.
       *[other] nos últimos { $days } dias.
    }
index-past = Incidentes anteriores
no-incidents = Nenhum incidente relatado.

## Incidentes e manutenções

entry-rescheduled = Reagendada
entry-affected = Afetados:
entry-resolved-after = resolvido após { $duration }
entry-ongoing-for = em andamento há <span data-since="{ $since }">{ $duration }</span>
next-update = Próxima atualização prevista até <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = A próxima atualização estava prevista até <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Reagendada para <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Próxima atualização prometida até <time datetime="{ $iso }">{ $time }</time>
time-ago = há { $duration }

duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days = { $days } d { $hours } h
time-now = agora
incident-description = Incidente ({ $impact }): { $status }
incident-kind = Incidente
incident-started = Início
incident-resolved = Resolução
incident-status = Status
incident-ongoing = Em andamento
incident-duration = Duração
incident-so-far = <span data-since="{ $since }">{ $duration }</span> até agora
incident-affected = Componentes afetados
incident-affected-at-worst = Componentes afetados, no pior momento
none-listed = Nenhum informado
updates = Atualizações
postmortem = Análise pós-incidente
maintenance-description = Manutenção agendada: { $status }
maintenance-kind = Manutenção
maintenance-scheduled = Manutenção agendada
maintenance-cancelled = Esta manutenção foi cancelada e não será realizada.
maintenance-window = Janela
maintenance-rescheduled = ({ $count ->
        [one] reagendada
        [many] reagendada { $count } vezes
       *[other] reagendada { $count } vezes
    }; inicialmente prevista para <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Calendário
maintenance-add-to-calendar = Adicionar ao calendário
maintenance-components = Componentes
maintenance-details = Detalhes
maintenance-auto-in_progress = A manutenção agendada está em andamento. Publicaremos atualizações conforme necessário.
maintenance-auto-completed = A manutenção agendada foi concluída.

## Barras de disponibilidade

uptime-days-ago = { $days ->
        [one] há { $days } dia
        [many] há { $days } dias
       *[other] há { $days } dias
    }
uptime-total = { $uptime } de disponibilidade
uptime-over-days = { $days ->
        [one] no último dia
        [many] nos últimos { $days } dias
       *[other] nos últimos { $days } dias
    }
uptime-none = Ainda não há dados de disponibilidade
uptime-today = Hoje
uptime-incident-days = { $count ->
        [one] { $count } dia com incidentes
        [many] { $count } dias com incidentes
       *[other] { $count } dias com incidentes
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } de disponibilidade, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } de disponibilidade, { $status ->
        [degraded_performance] desempenho degradado
        [partial_outage] interrupção parcial
        [major_outage] interrupção grave
        [under_maintenance] em manutenção
       *[operational] sem incidentes
    }
day-summary-no-data = { $date }: sem dados

## Inscrever-se

subscribe = Inscrever-se
subscribe-to = Inscrever-se em { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> ou <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidentes e manutenções de { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Calendário</a>: suas manutenções agendadas (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> ou <a href="{ $root }history.atom">Atom</a>: um item por incidente ou manutenção
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> ou <a href="{ $root }feed.json">JSON Feed</a>: um item por atualização, para ser avisado de cada mudança
subscribe-calendar = <a href="{ $root }maintenance.ics">Calendário</a>: manutenções agendadas (iCalendar; inscreva-se em <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API de status</a>: JSON compatível com o Statuspage (<code>api/v2/</code>)

## Página de um componente

component-uptime = Disponibilidade
component-no-data = Ainda não há dados
component-entries = Incidentes e manutenções
component-no-entries = Nenhum incidente relatado para { $component }.
component-more = Exibindo os { $shown } mais recentes de { $total }. O <a href="{ $root }history/index.html">histórico de incidentes</a> tem todos.

## Histórico

history-description = Todos os incidentes e manutenções de { $site }, por mês
history-total = { $count ->
        [one] { $count } incidente ou manutenção, por mês.
        [many] { $count } incidentes e manutenções, por mês.
       *[other] { $count } incidentes e manutenções, por mês.
    }
history-entries = { $count ->
        [one] registro
        [many] registros
       *[other] registros
    }
history-none = Nenhum incidente relatado até agora.
history-month-description = Incidentes e manutenções de { $site } em { $month }
history-month-lede = { $count } { $count ->
        [one] registro
        [many] registros
       *[other] registros
    }, do mais recente para o mais antigo.
history-months-nav = Meses
history-all-months = Todos os meses

## Página não encontrada

not-found-title = Página não encontrada
not-found-text = Não há nenhuma página neste endereço. Ela pode ter sido movida, ou o link pode estar digitado incorretamente.
not-found-status = Status atual
not-found-home = Ir para a página de status

## Incorporar o status

embed-title = Incorporar o status
embed-description = Mostre o status atual de { $site } em outro site
embed-lede = Cole esta linha em qualquer página da web para mostrar nela o status atual de { $site }. Ele é atualizado sempre que este site é gerado novamente e quando uma manutenção agendada começa ou termina, e leva a esta página.
embed-loads = A linha carrega <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, o mesmo status de <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> em forma de script, e desenha um pequeno link onde o script está. Para colocá-lo em outro lugar, adicione um elemento vazio com o atributo <code>data-allclear-embed</code> onde ele deve aparecer.
embed-origins = Funciona em uma página de qualquer origem, sem configuração em nenhum dos lados: scripts são carregados entre origens sem cabeçalhos CORS, então o servidor deste site não precisa enviar <code>Access-Control-Allow-Origin</code>. (Ler <code>api/v2/status.json</code> a partir do seu próprio script em outra origem exige esse cabeçalho.) O status é tão recente quanto a última geração deste site; os navegadores o recarregam pelo menos uma vez por minuto. Se não for possível carregá-lo, a incorporação mostra um simples link "Página de status" para este site e informa o motivo no console do navegador.
embed-fallback = Página de status
embed-how = Como fica

## O script da página (allclear.js)

script-built-before-day = Sem dados: esta página foi gerada antes deste dia.
script-next-update-overdue = A próxima atualização estava prevista até { $time } ({ $ago })
script-stale = Esta página foi atualizada pela última vez { $ago }. Ela pode estar desatualizada: recarregue para ver as novidades.
script-stale-incident = Esta página foi atualizada pela última vez { $ago }, durante um incidente. Ela pode estar desatualizada: recarregue para ver as novidades.

## Feeds (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] Status de { $site }
    } - Histórico de incidentes
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: todas as atualizações
feed-description = Incidentes e manutenções de { $site }
feed-update-same-status = Atualização
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Agendada de { $from } até { $until }.
feed-next-update = Próxima atualização prevista até { $time }.

## Calendários de manutenção (iCalendar)

calendar-name = Manutenções de { $site }
calendar-description = Manutenções agendadas anunciadas em { $site }: { $url }
calendar-component-name = Manutenções de { $site }: { $component }
calendar-component-description = Manutenções agendadas de { $component } anunciadas em { $site }: { $url }
calendar-affected = Componentes afetados: { $components }

## Selos (SVG)

badge-uptime = Disponibilidade de { $component }
badge-no-data = sem dados
badge-as-of = atualizado em { $time }

task-done = Concluído
task-todo = A fazer
