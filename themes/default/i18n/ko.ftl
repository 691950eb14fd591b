# 기본 테마 인터페이스 한국어(ko). en.ftl과 같은 ID, 같은 { $인수 },
# 같은 마크업을 쓰며 낱말만 옮겼습니다. 문체: 합쇼체.

## 상태와 영향

status-operational = 정상 작동
status-under_maintenance = 점검 중
status-degraded_performance = 성능 저하
status-partial_outage = 부분 장애
status-major_outage = 주요 장애

incident-status-investigating = 조사 중
incident-status-identified = 원인 파악
incident-status-monitoring = 모니터링 중
incident-status-resolved = 해결됨

maintenance-status-scheduled = 예정됨
maintenance-status-in_progress = 진행 중
maintenance-status-verifying = 확인 중
maintenance-status-completed = 완료됨
maintenance-status-cancelled = 취소됨

impact-none = 영향 없음
impact-minor = 경미한 영향
impact-major = 큰 영향
impact-critical = 심각한 영향
impact-maintenance = 점검

indicator-none = 모든 시스템 정상 작동
indicator-maintenance = 서비스 점검 중
indicator-minor = 서비스 일부 장애
indicator-major = 시스템 부분 장애
indicator-critical = 서비스 주요 장애

## 모든 페이지: 머리글과 바닥글

feed-history-rss = { $site }: 장애 기록 (RSS)
feed-history-atom = { $site }: 장애 기록 (Atom)
feed-updates-atom = { $site }: 모든 업데이트 (Atom)
feed-updates-json = { $site }: 모든 업데이트 (JSON Feed)
skip-to-content = 본문 바로가기
nav-site = 사이트
nav-languages = 언어
language-name = 한국어
nav-status = 상태
nav-history = 기록
nav-breadcrumb = 이동 경로
incident-history = 장애 기록
footer-built = 페이지 생성: <time datetime="{ $iso }">{ $time }</time>
footer-updated = 마지막 업데이트: <time datetime="{ $iso }">{ $time }</time>
footer-zone = 시간은 { $zone } 기준으로 표시되며, 스크립트가 실행되면 사용자의 시간대로 표시됩니다.
footer-calendar = 점검 일정
footer-api = API
footer-powered = allclear로 제작

## 첫 페이지

index-ongoing = 진행 중인 장애
index-active-maintenance = 진행 중인 점검
index-scheduled-maintenance = 예정된 점검
index-components = 구성 요소
index-components-note = 현재 상태와 지난 { $days ->
       *[other] { $days }일
    } 동안의 가동률입니다.
index-past = 지난 장애
no-incidents = 보고된 장애가 없습니다.

## 장애와 점검

entry-rescheduled = 일정 변경됨
entry-affected = 영향 받음:
entry-resolved-after = { $duration } 후 해결됨
entry-ongoing-for = <span data-since="{ $since }">{ $duration }</span> 동안 진행 중
next-update = 다음 업데이트 예정: <time datetime="{ $iso }">{ $time }</time>까지
next-update-overdue = 다음 업데이트 예정 시각이 지났습니다: <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = 일정 변경: <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = 다음 업데이트 약속: <time datetime="{ $iso }">{ $time }</time>까지
time-ago = { $duration } 전

duration-minutes = { $minutes }분
duration-hours = { $hours }시간 { $minutes }분
duration-days = { $days }일 { $hours }시간
time-now = 방금
incident-description = 장애({ $impact }): { $status }
incident-kind = 장애
incident-started = 시작
incident-resolved = 해결
incident-status = 상태
incident-ongoing = 진행 중
incident-duration = 지속 시간
incident-so-far = 지금까지 <span data-since="{ $since }">{ $duration }</span>
incident-affected = 영향 받은 구성 요소
incident-affected-at-worst = 영향 받은 구성 요소(가장 심각했을 때 기준)
none-listed = 없음
updates = 업데이트
postmortem = 사후 분석
maintenance-description = 예정된 점검: { $status }
maintenance-kind = 점검
maintenance-scheduled = 예정된 점검
maintenance-cancelled = 이 점검은 취소되어 진행되지 않습니다.
maintenance-window = 점검 시간
maintenance-rescheduled = ({ $count ->
       *[other] 일정 { $count }회 변경됨
    }; 처음 예정: <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = 캘린더
maintenance-add-to-calendar = 캘린더에 추가
maintenance-components = 구성 요소
maintenance-details = 세부 정보
maintenance-auto-in_progress = 예정된 점검이 현재 진행 중입니다. 필요에 따라 업데이트를 제공하겠습니다.
maintenance-auto-completed = 예정된 점검이 완료되었습니다.

## 가동률 막대

uptime-days-ago = { $days ->
       *[other] { $days }일 전
    }
uptime-total = 가동률 { $uptime }
uptime-over-days = { $days ->
       *[other] 지난 { $days }일 동안
    }
uptime-none = 아직 가동률 데이터가 없습니다
uptime-today = 오늘
uptime-incident-days = 장애가 있었던 날: { $count ->
       *[other] { $count }일
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: 가동률 { $uptime }, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: 가동률 { $uptime }, { $status ->
        [degraded_performance] 성능 저하
        [partial_outage] 부분 장애
        [major_outage] 주요 장애
        [under_maintenance] 점검 중
       *[operational] 장애 없음
    }
day-summary-no-data = { $date }: 데이터 없음

## 구독

subscribe = 구독
subscribe-to = { $component } 구독
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> 또는 <a href="{ $root }components/{ $id }/history.atom">Atom</a>: { $component }의 장애와 점검
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">캘린더</a>: 이 구성 요소의 예정된 점검(iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> 또는 <a href="{ $root }history.atom">Atom</a>: 장애나 점검마다 항목 하나
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> 또는 <a href="{ $root }feed.json">JSON Feed</a>: 업데이트마다 항목 하나로, 모든 변경 사항을 받아 볼 수 있습니다
subscribe-calendar = <a href="{ $root }maintenance.ics">캘린더</a>: 예정된 점검(iCalendar, 구독 주소: <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">상태 API</a>: Statuspage 호환 JSON(<code>api/v2/</code>)

## 구성 요소 페이지

component-uptime = 가동률
component-no-data = 아직 데이터가 없습니다
component-entries = 장애와 점검
component-no-entries = { $component }에 대해 보고된 장애가 없습니다.
component-more = 전체 { $total }건 중 최근 { $shown }건을 표시합니다. 모든 항목은 <a href="{ $root }history/index.html">장애 기록</a>에 있습니다.

## 기록 보관함

history-description = { $site }의 모든 장애와 점검(월별)
history-total = 장애와 점검 { $count }건(월별).
history-entries = { $count ->
       *[other] 건
    }
history-none = 아직 보고된 장애가 없습니다.
history-month-description = { $month } { $site }의 장애와 점검
history-month-lede = { $count ->
       *[other] { $count }건
    }, 최신순.
history-months-nav = 월
history-all-months = 모든 월

## 찾을 수 없는 페이지

not-found-title = 페이지를 찾을 수 없습니다
not-found-text = 이 주소에는 페이지가 없습니다. 페이지가 이동했거나 링크가 잘못되었을 수 있습니다.
not-found-status = 현재 상태
not-found-home = 상태 페이지로 이동

## 상태 삽입

embed-title = 상태 삽입
embed-description = 다른 사이트에 { $site }의 현재 상태를 표시합니다
embed-lede = 이 한 줄을 아무 웹 페이지에 붙여 넣으면 그 페이지에 { $site }의 현재 상태가 표시됩니다. 이 사이트를 다시 생성할 때마다, 그리고 예정된 점검이 시작되거나 끝날 때 갱신되며, 이 페이지로 연결됩니다.
embed-loads = 이 줄은 <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>를 불러옵니다. <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a>과 같은 상태를 스크립트로 담은 것으로, 스크립트가 있는 자리에 작은 링크를 그립니다. 다른 곳에 두려면 표시할 위치에 <code>data-allclear-embed</code> 속성이 있는 빈 요소를 추가하세요.
embed-origins = 어느 출처의 페이지에서든 양쪽 모두 설정 없이 작동합니다. 스크립트는 CORS 헤더 없이 출처를 넘나들어 불러올 수 있으므로, 이 사이트의 호스트가 <code>Access-Control-Allow-Origin</code>을 보낼 필요가 없습니다. (다른 출처에서 직접 작성한 스크립트로 <code>api/v2/status.json</code>을 읽으려면 이 헤더가 필요합니다.) 상태는 이 사이트를 마지막으로 생성한 시점의 것이며, 브라우저는 적어도 1분에 한 번 다시 불러옵니다. 불러오지 못하면 대신 이 사이트로 가는 간단한 "상태 페이지" 링크를 표시하고, 그 이유를 브라우저 콘솔에 남깁니다.
embed-fallback = 상태 페이지
embed-how = 표시 예시

## 페이지 스크립트(allclear.js)

script-built-before-day = 데이터 없음: 이 페이지는 이날 이전에 생성되었습니다.
script-next-update-overdue = 다음 업데이트 예정 시각이 지났습니다: { $time } ({ $ago })
script-stale = 이 페이지는 { $ago }에 마지막으로 업데이트되었습니다. 최신 정보가 아닐 수 있으니 새로 고침하여 최신 업데이트를 확인하세요.
script-stale-incident = 이 페이지는 장애 발생 중인 { $ago }에 마지막으로 업데이트되었습니다. 최신 정보가 아닐 수 있으니 새로 고침하여 최신 업데이트를 확인하세요.

## 피드(RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } 상태
    } - 장애 기록
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: 모든 업데이트
feed-description = { $site }의 장애와 점검
feed-update-same-status = 업데이트
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = 예정: { $from }부터 { $until }까지.
feed-next-update = 다음 업데이트 예정: { $time }까지.

## 점검 캘린더(iCalendar)

calendar-name = { $site } 점검
calendar-description = { $site }에 공지된 예정된 점검: { $url }
calendar-component-name = { $site } 점검: { $component }
calendar-component-description = { $site }에 공지된 { $component } 예정 점검: { $url }
calendar-affected = 영향 받는 구성 요소: { $components }

## 배지(SVG)

badge-uptime = { $component } 가동률
badge-no-data = 데이터 없음
badge-as-of = { $time } 기준

task-done = 완료
task-todo = 할 일
