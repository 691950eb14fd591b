# 既定テーマのインターフェース（日本語、ja）。en.ftl と同じ ID、同じ
# { $引数 }、同じマークアップを持ち、訳しているのは言葉だけです。
# 文体：です・ます調。

## ステータスと影響度

status-operational = 稼働中
status-under_maintenance = メンテナンス中
status-degraded_performance = パフォーマンス低下
status-partial_outage = 部分的な障害
status-major_outage = 大規模な障害

incident-status-investigating = 調査中
incident-status-identified = 原因特定
incident-status-monitoring = 経過観察中
incident-status-resolved = 解決済み

maintenance-status-scheduled = 予定
maintenance-status-in_progress = 実施中
maintenance-status-verifying = 検証中
maintenance-status-completed = 完了
maintenance-status-cancelled = 中止

impact-none = 影響なし
impact-minor = 軽微な影響
impact-major = 重大な影響
impact-critical = 深刻な影響
impact-maintenance = メンテナンス

indicator-none = すべてのシステムが正常に稼働しています
indicator-maintenance = サービスはメンテナンス中です
indicator-minor = サービスの一部に軽微な障害が発生しています
indicator-major = システムの一部で障害が発生しています
indicator-critical = サービスで大規模な障害が発生しています

## 全ページ共通：ヘッダーとフッター

feed-history-rss = { $site }：インシデント履歴（RSS）
feed-history-atom = { $site }：インシデント履歴（Atom）
feed-updates-atom = { $site }：すべての更新情報（Atom）
feed-updates-json = { $site }：すべての更新情報（JSON Feed）
skip-to-content = 本文へスキップ
nav-site = サイト
nav-languages = 言語
language-name = 日本語
nav-status = ステータス
nav-history = 履歴
nav-breadcrumb = パンくずリスト
incident-history = インシデント履歴
footer-built = ページ作成日時：<time datetime="{ $iso }">{ $time }</time>
footer-updated = 最終更新：<time datetime="{ $iso }">{ $time }</time>
footer-zone = 時刻は { $zone } で表示しています。スクリプトが動作する場合は、お使いのタイムゾーンで表示します。
footer-calendar = メンテナンスカレンダー
footer-api = API
footer-powered = allclear で作成

## トップページ

index-ongoing = 発生中のインシデント
index-active-maintenance = 実施中のメンテナンス
index-scheduled-maintenance = 予定されているメンテナンス
index-components = コンポーネント
index-components-note = 現在のステータスと過去 { $days ->
       *[other] { $days } 日間
    }の稼働率です。
index-past = 過去のインシデント
no-incidents = 報告されたインシデントはありません。

## インシデントとメンテナンス

entry-rescheduled = 日程変更
entry-affected = 影響対象：
entry-resolved-after = { $duration } 後に解決
entry-ongoing-for = <span data-since="{ $since }">{ $duration }</span> 継続中
next-update = 次回の更新予定：<time datetime="{ $iso }">{ $time }</time>まで
next-update-overdue = 次回の更新予定は<time datetime="{ $iso }">{ $time }</time>まででした（{ $ago }）
update-rescheduled-to = 日程を変更しました：<time datetime="{ $from_iso }">{ $from }</time>～<time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = 次回の更新予定：<time datetime="{ $iso }">{ $time }</time>まで
time-ago = { $duration } 前

duration-minutes = { $minutes }分
duration-hours = { $hours }時間{ $minutes }分
duration-days = { $days }日{ $hours }時間
time-now = たった今
incident-description = インシデント（{ $impact }）：{ $status }
incident-kind = インシデント
incident-started = 発生
incident-resolved = 解決
incident-status = ステータス
incident-ongoing = 継続中
incident-duration = 継続時間
incident-so-far = 現在まで <span data-since="{ $since }">{ $duration }</span>
incident-affected = 影響を受けたコンポーネント
incident-affected-at-worst = 影響を受けたコンポーネント（最も深刻な時点）
none-listed = 記載なし
updates = 更新情報
postmortem = 事後分析
maintenance-description = 予定されているメンテナンス：{ $status }
maintenance-kind = メンテナンス
maintenance-scheduled = 予定されているメンテナンス
maintenance-cancelled = このメンテナンスは中止されました。実施されません。
maintenance-window = 実施時間帯
maintenance-rescheduled = （{ $count ->
       *[other] 日程変更 { $count } 回
    }、当初の予定：<del><time datetime="{ $iso }">{ $time }</time></del>）
maintenance-calendar = カレンダー
maintenance-add-to-calendar = カレンダーに追加
maintenance-components = コンポーネント
maintenance-details = 詳細
maintenance-auto-in_progress = 予定されていたメンテナンスを現在実施しています。必要に応じて最新情報をお知らせします。
maintenance-auto-completed = 予定されていたメンテナンスは完了しました。

## 稼働率バー

uptime-days-ago = { $days ->
       *[other] { $days } 日前
    }
uptime-total = 稼働率 { $uptime }
uptime-over-days = { $days ->
       *[other] 過去 { $days } 日間
    }
uptime-none = 稼働率のデータはまだありません
uptime-today = 今日
uptime-incident-days = インシデントのあった日：{ $count ->
       *[other] { $count } 日
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>：稼働率 { $uptime }、{ $incidents }
label-separator = {"："}
title-list-separator = {"、"}
day-summary = { $date }：稼働率 { $uptime }、{ $status ->
        [degraded_performance] パフォーマンス低下
        [partial_outage] 部分的な障害
        [major_outage] 大規模な障害
        [under_maintenance] メンテナンス中
       *[operational] インシデントなし
    }
day-summary-no-data = { $date }：データなし

## 購読

subscribe = 購読
subscribe-to = { $component } を購読
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> または <a href="{ $root }components/{ $id }/history.atom">Atom</a>：{ $component } のインシデントとメンテナンス
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">カレンダー</a>：このコンポーネントの予定メンテナンス（iCalendar）
subscribe-history = <a href="{ $root }history.rss">RSS</a> または <a href="{ $root }history.atom">Atom</a>：インシデントまたはメンテナンスごとに 1 項目
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>、<a href="{ $root }updates.rss">RSS</a> または <a href="{ $root }feed.json">JSON Feed</a>：更新ごとに 1 項目。すべての変更を受け取れます
subscribe-calendar = <a href="{ $root }maintenance.ics">カレンダー</a>：予定メンテナンス（iCalendar。購読用アドレス：<code>{ $webcal }/maintenance.ics</code>）
subscribe-api = <a href="{ $root }api/v2/summary.json">ステータス API</a>：Statuspage 互換の JSON（<code>api/v2/</code>）

## コンポーネントのページ

component-uptime = 稼働率
component-no-data = データはまだありません
component-entries = インシデントとメンテナンス
component-no-entries = { $component } について報告されたインシデントはありません。
component-more = { $total } 件中、新しい { $shown } 件を表示しています。すべての記録は<a href="{ $root }history/index.html">インシデント履歴</a>にあります。

## 履歴アーカイブ

history-description = { $site } のすべてのインシデントとメンテナンス（月別）
history-total = インシデントとメンテナンス { $count } 件（月別）。
history-entries = { $count ->
       *[other] 件
    }
history-none = 報告されたインシデントはまだありません。
history-month-description = { $month } の { $site } のインシデントとメンテナンス
history-month-lede = { $count } { $count ->
       *[other] 件
    }（新しい順）。
history-months-nav = 月
history-all-months = すべての月

## 見つからないページ

not-found-title = ページが見つかりません
not-found-text = このアドレスにはページがありません。移動したか、リンクが間違っている可能性があります。
not-found-status = 現在のステータス
not-found-home = ステータスページへ移動

## ステータスの埋め込み

embed-title = ステータスを埋め込む
embed-description = { $site } の現在のステータスを他のサイトに表示します
embed-lede = この 1 行を任意のウェブページに貼り付けると、そのページに { $site } の現在のステータスを表示できます。表示はこのサイトが再生成されるたび、また予定メンテナンスの開始時と終了時に更新され、このページへリンクします。
embed-loads = この行は <a href="{ $root }embed-status.js"><code>embed-status.js</code></a> を読み込み（<a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> と同じステータスをスクリプトにしたもの）、スクリプトを置いた場所に小さなリンクを描画します。別の場所に表示するには、表示したい位置に属性 <code>data-allclear-embed</code> を持つ空の要素を追加してください。
embed-origins = どのオリジンのページでも、双方で設定することなく動作します。スクリプトは CORS ヘッダーなしでオリジンをまたいで読み込まれるため、このサイトのホストが <code>Access-Control-Allow-Origin</code> を送信する必要はありません（ただし、別オリジン上のご自身のスクリプトから <code>api/v2/status.json</code> を読み取る場合は、このヘッダーが必要です）。ステータスはこのサイトの最終生成時点のもので、ブラウザーは少なくとも 1 分に 1 回再読み込みします。読み込めない場合は、代わりにこのサイトへの「ステータスページ」というシンプルなリンクを表示し、理由をブラウザーのコンソールに出力します。
embed-fallback = ステータスページ
embed-how = 表示例

## ページのスクリプト（allclear.js）

script-built-before-day = データなし：このページはこの日より前に作成されました。
script-next-update-overdue = 次回の更新予定は { $time } まででした（{ $ago }）
script-stale = このページの最終更新は { $ago } です。情報が古い可能性があります。最新の情報を見るには再読み込みしてください。
script-stale-incident = このページの最終更新はインシデント発生中の { $ago } です。情報が古い可能性があります。最新の情報を見るには再読み込みしてください。

## フィード（RSS、Atom、JSON Feed）

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } ステータス
    } - インシデント履歴
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }：すべての更新情報
feed-description = { $site } のインシデントとメンテナンス
feed-update-same-status = 更新
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = 予定：{ $from }～{ $until }。
feed-next-update = 次回の更新予定：{ $time } まで。

## メンテナンスカレンダー（iCalendar）

calendar-name = { $site } のメンテナンス
calendar-description = { $site } で告知された予定メンテナンス：{ $url }
calendar-component-name = { $site } のメンテナンス：{ $component }
calendar-component-description = { $site } で告知された { $component } の予定メンテナンス：{ $url }
calendar-affected = 影響を受けるコンポーネント：{ $components }

## バッジ（SVG）

badge-uptime = { $component } 稼働率
badge-no-data = データなし
badge-as-of = { $time } 時点

task-done = 完了
task-todo = 未完了
