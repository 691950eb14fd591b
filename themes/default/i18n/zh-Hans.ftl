# 默认主题界面（简体中文，zh-Hans）。与 en.ftl 一一对应：相同的 ID、
# 相同的 { $参数 } 和相同的标记，只翻译文字。称呼用“您”。

## 状态与影响

status-operational = 正常运行
status-under_maintenance = 维护中
status-degraded_performance = 性能下降
status-partial_outage = 部分中断
status-major_outage = 严重中断

incident-status-investigating = 调查中
incident-status-identified = 已确定原因
incident-status-monitoring = 监控中
incident-status-resolved = 已解决

maintenance-status-scheduled = 已计划
maintenance-status-in_progress = 进行中
maintenance-status-verifying = 验证中
maintenance-status-completed = 已完成
maintenance-status-cancelled = 已取消

impact-none = 无影响
impact-minor = 轻微影响
impact-major = 严重影响
impact-critical = 重大影响
impact-maintenance = 维护

indicator-none = 所有系统运行正常
indicator-maintenance = 服务维护中
indicator-minor = 服务轻微中断
indicator-major = 系统部分中断
indicator-critical = 服务严重中断

## 每个页面：页头和页脚

feed-history-rss = { $site }：事件历史（RSS）
feed-history-atom = { $site }：事件历史（Atom）
feed-updates-atom = { $site }：所有更新（Atom）
feed-updates-json = { $site }：所有更新（JSON Feed）
skip-to-content = 跳到主要内容
nav-site = 网站
nav-languages = 语言
language-name = 简体中文
nav-status = 状态
nav-history = 历史
nav-breadcrumb = 面包屑导航
incident-history = 事件历史
footer-built = 页面生成于 <time datetime="{ $iso }">{ $time }</time>。
footer-updated = 最后更新于 <time datetime="{ $iso }">{ $time }</time>。
footer-zone = 时间按 { $zone } 显示；脚本运行时按您所在的时区显示。
footer-calendar = 维护日历
footer-api = API
footer-powered = 由 allclear 驱动

## 首页

index-ongoing = 正在发生的事件
index-active-maintenance = 正在进行的维护
index-scheduled-maintenance = 计划维护
index-components = 组件
index-components-note = 当前状态，以及过去 { $days ->
       *[other] { $days } 天
    }的可用率。
index-past = 过往事件
no-incidents = 未报告任何事件。

## 事件和维护

entry-rescheduled = 已改期
entry-affected = 受影响：
entry-resolved-after = { $duration } 后解决
entry-ongoing-for = 已持续 <span data-since="{ $since }">{ $duration }</span>
next-update = 预计下次更新不晚于 <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = 原定下次更新不晚于 <time datetime="{ $iso }">{ $time }</time>（{ $ago }）
update-rescheduled-to = 改期至 <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = 承诺下次更新不晚于 <time datetime="{ $iso }">{ $time }</time>
time-ago = { $duration } 前

duration-minutes = { $minutes }分钟
duration-hours = { $hours }小时{ $minutes }分钟
duration-days = { $days }天{ $hours }小时
time-now = 刚刚
incident-description = 事件（{ $impact }）：{ $status }
incident-kind = 事件
incident-started = 开始时间
incident-resolved = 解决时间
incident-status = 状态
incident-ongoing = 进行中
incident-duration = 持续时间
incident-so-far = 至今 <span data-since="{ $since }">{ $duration }</span>
incident-affected = 受影响的组件
incident-affected-at-worst = 受影响的组件（最严重时）
none-listed = 未列出
updates = 更新
postmortem = 事后分析
maintenance-description = 计划维护：{ $status }
maintenance-kind = 维护
maintenance-scheduled = 计划维护
maintenance-cancelled = 此维护已取消，不会进行。
maintenance-window = 维护时段
maintenance-rescheduled = （{ $count ->
       *[other] 已改期 { $count } 次
    }；原定于 <del><time datetime="{ $iso }">{ $time }</time></del>）
maintenance-calendar = 日历
maintenance-add-to-calendar = 添加到日历
maintenance-components = 组件
maintenance-details = 详情
maintenance-auto-in_progress = 计划维护正在进行中。如有需要，我们将提供最新进展。
maintenance-auto-completed = 计划维护已完成。

## 可用率条

uptime-days-ago = { $days ->
       *[other] { $days } 天前
    }
uptime-total = 可用率 { $uptime }
uptime-over-days = { $days ->
       *[other] 过去 { $days } 天
    }
uptime-none = 暂无可用率数据
uptime-today = 今天
uptime-incident-days = { $count ->
       *[other] { $count } 天
    }发生过事件
uptime-day = <time datetime="{ $iso }">{ $date }</time>：可用率 { $uptime }，{ $incidents }
label-separator = {"："}
title-list-separator = {"；"}
day-summary = { $date }：可用率 { $uptime }，{ $status ->
        [degraded_performance] 性能下降
        [partial_outage] 部分中断
        [major_outage] 严重中断
        [under_maintenance] 维护中
       *[operational] 无事件
    }
day-summary-no-data = { $date }：无数据

## 订阅

subscribe = 订阅
subscribe-to = 订阅 { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> 或 <a href="{ $root }components/{ $id }/history.atom">Atom</a>：{ $component } 的事件和维护
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">日历</a>：该组件的计划维护（iCalendar）
subscribe-history = <a href="{ $root }history.rss">RSS</a> 或 <a href="{ $root }history.atom">Atom</a>：每个事件或维护一个条目
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>、<a href="{ $root }updates.rss">RSS</a> 或 <a href="{ $root }feed.json">JSON Feed</a>：每次更新一个条目，及时获知每项变化
subscribe-calendar = <a href="{ $root }maintenance.ics">日历</a>：计划维护（iCalendar；订阅地址 <code>{ $webcal }/maintenance.ics</code>）
subscribe-api = <a href="{ $root }api/v2/summary.json">状态 API</a>：兼容 Statuspage 的 JSON（<code>api/v2/</code>）

## 组件页面

component-uptime = 可用率
component-no-data = 暂无数据
component-entries = 事件和维护
component-no-entries = 未报告 { $component } 的任何事件。
component-more = 显示 { $total } 条中最新的 { $shown } 条。<a href="{ $root }history/index.html">事件历史</a>包含全部记录。

## 历史存档

history-description = { $site } 的所有事件和维护，按月排列
history-total = 共 { $count } 个事件和维护，按月排列。
history-entries = { $count ->
       *[other] 条记录
    }
history-none = 尚未报告任何事件。
history-month-description = { $site } 在 { $month } 的事件和维护
history-month-lede = { $count } { $count ->
       *[other] 条记录
    }，最新的在前。
history-months-nav = 月份
history-all-months = 所有月份

## 找不到页面

not-found-title = 找不到页面
not-found-text = 此地址没有页面。页面可能已移动，或链接有误。
not-found-status = 当前状态
not-found-home = 前往状态页面

## 嵌入状态

embed-title = 嵌入状态
embed-description = 在其他网站上显示 { $site } 的当前状态
embed-lede = 将这行代码粘贴到任意网页中，即可在该网页上显示 { $site } 的当前状态。每次重新生成本网站时，以及计划维护开始或结束时，状态都会更新；它还会链接到本页面。
embed-loads = 它会加载 <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>（以脚本形式提供与 <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> 相同的状态），并在脚本所在位置绘制一个小链接。如需放在其他位置，请在目标位置添加一个带有 <code>data-allclear-embed</code> 属性的空元素。
embed-origins = 它可在任何来源的页面上使用，双方均无需设置：脚本跨来源加载时不需要 CORS 标头，因此本网站的主机无需发送 <code>Access-Control-Allow-Origin</code>。（但如果您在其他来源上用自己的脚本读取 <code>api/v2/status.json</code>，则需要该标头。）状态的新鲜程度与本网站最近一次生成相同；浏览器至少每分钟重新加载一次。如果无法加载，嵌入内容会改为显示一个指向本网站的普通“状态页面”链接，并在浏览器控制台中说明原因。
embed-fallback = 状态页面
embed-how = 显示效果

## 页面脚本（allclear.js）

script-built-before-day = 无数据：此页面生成于这一天之前。
script-next-update-overdue = 原定下次更新不晚于 { $time }（{ $ago }）
script-stale = 此页面最后更新于 { $ago }，内容可能已过时：请重新加载以获取最新信息。
script-stale-incident = 此页面最后更新于 { $ago }，当时正有事件发生，内容可能已过时：请重新加载以获取最新信息。

## 订阅源（RSS、Atom、JSON Feed）

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } 状态
    } - 事件历史
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }：所有更新
feed-description = { $site } 的事件和维护
feed-update-same-status = 更新
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = 计划时间：{ $from } 至 { $until }。
feed-next-update = 预计下次更新不晚于 { $time }。

## 维护日历（iCalendar）

calendar-name = { $site } 维护
calendar-description = { $site } 公布的计划维护：{ $url }
calendar-component-name = { $site } 维护：{ $component }
calendar-component-description = { $site } 公布的 { $component } 计划维护：{ $url }
calendar-affected = 受影响的组件：{ $components }

## 徽章（SVG）

badge-uptime = { $component } 可用率
badge-no-data = 无数据
badge-as-of = 截至 { $time }

task-done = 已完成
task-todo = 待完成
