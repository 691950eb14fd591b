# The default theme's interface in English (Project Fluent, syntax 1.0:
# https://projectfluent.org/fluent/guide/). Every other language's file
# has the same ids; a site overrides any message with a message of the
# same id in its own i18n/LANG.ftl, and the rest still come from here.
#
# A message's text goes into the page as the templates' own text does:
# HTML, so write &amp; for "&" and &lt; for "<". Its arguments ({ $name })
# are escaped by allclear. Some messages hold the markup of a link or a
# time around their words: keep the tags and their { $arguments }, and
# translate the words between them.
# Numbers ({ $count }, { $days }) choose a plural form by the language's
# CLDR plural rules: { $count -> [one] … *[other] … }.

## Statuses and impacts (badges, lists, pages, feeds)

status-operational = Operational
status-under_maintenance = Under maintenance
status-degraded_performance = Degraded performance
status-partial_outage = Partial outage
status-major_outage = Major outage

incident-status-investigating = Investigating
incident-status-identified = Identified
incident-status-monitoring = Monitoring
incident-status-resolved = Resolved

maintenance-status-scheduled = Scheduled
maintenance-status-in_progress = In progress
maintenance-status-verifying = Verifying
maintenance-status-completed = Completed
maintenance-status-cancelled = Cancelled

# An incident's impact, as a phrase of its own.
impact-none = No impact
impact-minor = Minor impact
impact-major = Major impact
impact-critical = Critical impact
# Where an incident shows its impact, a maintenance shows this.
impact-maintenance = Maintenance

# The page's overall status (the banner, the page description).
indicator-none = All Systems Operational
indicator-maintenance = Service Under Maintenance
indicator-minor = Minor Service Outage
indicator-major = Partial System Outage
indicator-critical = Major Service Outage

## Every page: head, header and footer (base.html)

feed-history-rss = { $site }: incident history (RSS)
feed-history-atom = { $site }: incident history (Atom)
feed-updates-atom = { $site }: every update (Atom)
feed-updates-json = { $site }: every update (JSON Feed)
skip-to-content = Skip to content
# aria-label of the main navigation.
nav-site = Site
# The language switcher (on a site published in several languages):
# its accessible name, and this language's name in itself.
nav-languages = Languages
language-name = English
nav-status = Status
nav-history = History
# aria-label of the breadcrumb navigation.
nav-breadcrumb = Breadcrumb
incident-history = Incident history
footer-built = Page built <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Last updated <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Times are shown in { $zone }, or in your own time zone when scripts run.
footer-calendar = Maintenance calendar
footer-api = API
footer-powered = Powered by allclear

## The front page (index.html)

index-ongoing = Ongoing incidents
index-active-maintenance = Maintenance in progress
index-scheduled-maintenance = Scheduled maintenance
index-components = Components
index-components-note = Current status, and uptime over the past { $days ->
        [one] day.
       *[other] { $days } days.
    }
index-past = Past incidents
no-incidents = No incidents reported.

## Incident and maintenance cards, and their pages (macros.html,
## incident.html, maintenance.html)

entry-rescheduled = Rescheduled
# Before the list of affected components, for screen readers.
entry-affected = Affected:
entry-resolved-after = resolved after { $duration }
entry-ongoing-for = ongoing for <span data-since="{ $since }">{ $duration }</span>
next-update = Next update expected by <time datetime="{ $iso }">{ $time }</time>
# $ago: how long ago it fell due (time-ago) or time-now.
next-update-overdue = Next update was expected by <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Rescheduled to <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Next update promised by <time datetime="{ $iso }">{ $time }</time>
# A time in the past, e.g. "15 min ago"; $duration is written by allclear.
time-ago = { $duration } ago

# A length of time (an incident's, "57 min so far", "15 min ago"):
# allclear picks the form by the length and writes the numbers in the
# page's language; $minutes in duration-hours has two digits ("05").
duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days = { $days } d { $hours } h

# An overdue promise within its first minute.
time-now = now
incident-description = { $impact } incident: { $status }
incident-kind = Incident
incident-started = Started
incident-resolved = Resolved
incident-status = Status
incident-ongoing = Ongoing
incident-duration = Duration
incident-so-far = <span data-since="{ $since }">{ $duration }</span> so far
incident-affected = Affected components
incident-affected-at-worst = Affected components, at worst
none-listed = None listed
updates = Updates
postmortem = Postmortem
maintenance-description = Scheduled maintenance: { $status }
maintenance-kind = Maintenance
maintenance-scheduled = Scheduled maintenance
maintenance-cancelled = This maintenance was cancelled and will not take place.
maintenance-window = Window
# After the window of a rescheduled maintenance; $count: how many times.
maintenance-rescheduled = (rescheduled{ $count ->
        [one] {""}
       *[other] {" "}{ $count } times
    }; first planned for <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Calendar
maintenance-add-to-calendar = Add to calendar
maintenance-components = Components
maintenance-details = Details
# The update a maintenance's card shows once the clock opened or closed its
# window after the latest written update (the API's automatic updates).
maintenance-auto-in_progress = Scheduled maintenance is currently in progress. We will provide updates as necessary.
maintenance-auto-completed = The scheduled maintenance has been completed.

## Uptime bars (macros.html, component.html)

uptime-days-ago = { $days ->
        [one] { $days } day ago
       *[other] { $days } days ago
    }
uptime-total = { $uptime } uptime
uptime-over-days = over the past { $days ->
        [one] day
       *[other] { $days } days
    }
uptime-none = No uptime data yet
uptime-today = Today
uptime-incident-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    } with incidents
# A day of the list of days with incidents; $incidents: their links.
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } uptime, { $incidents }
# Between a label and its value: "API: Operational", a day's tooltip
# and its incidents (a quoted literal keeps the spaces).
label-separator = {": "}
# Between the titles of a day's incidents (titles may hold commas).
title-list-separator = {"; "}
# A day's tooltip; $status: the worst status of the day.
day-summary = { $date }: { $uptime } uptime, { $status ->
        [degraded_performance] degraded performance
        [partial_outage] partial outage
        [major_outage] major outage
        [under_maintenance] under maintenance
       *[operational] no incidents
    }
day-summary-no-data = { $date }: no data

## Subscribing (macros.html)

subscribe = Subscribe
subscribe-to = Subscribe to { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> or <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incidents and maintenance of { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Calendar</a>: its scheduled maintenance (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> or <a href="{ $root }history.atom">Atom</a>: one item per incident or maintenance
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> or <a href="{ $root }feed.json">JSON Feed</a>: one item per update, to be told of every change
subscribe-calendar = <a href="{ $root }maintenance.ics">Calendar</a>: scheduled maintenance (iCalendar; subscribe to <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">Status API</a>: Statuspage-compatible JSON (<code>api/v2/</code>)

## A component's page (component.html)

component-uptime = Uptime
component-no-data = No data yet
component-entries = Incidents and maintenance
component-no-entries = No incidents reported for { $component }.
component-more = The newest { $shown } of { $total } are shown. The <a href="{ $root }history/index.html">incident history</a> has every one.

## The history archive (history_index.html, history_month.html)

history-description = Every incident and maintenance of { $site }, by month
history-total = { $count } incidents and maintenances, by month.
history-entries = { $count ->
        [one] entry
       *[other] entries
    }
history-none = No incidents reported yet.
history-month-description = Incidents and maintenance of { $site } in { $month }
history-month-lede = { $count } { $count ->
        [one] entry
       *[other] entries
    }, newest first.
# aria-label of the month navigation.
history-months-nav = Months
history-all-months = All months

## The page for a missing address (404.html)

not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved, or the link may be mistyped.
# aria-label of the status banner.
not-found-status = Current status
not-found-home = Go to the status page

## How to embed the status (embed.html)

embed-title = Embed the status
embed-description = Show { $site }'s current status on another site
embed-lede = Paste this line into any web page to show { $site }'s current status there. It updates whenever this site is rebuilt, and when a scheduled maintenance starts or ends, and links here.
embed-loads = It loads <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, the same status as <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> in a script, and draws a small link where the script stands. To place it elsewhere, add an empty element with the attribute <code>data-allclear-embed</code> where it should go.
embed-origins = It works on a page of any origin with no set-up on either side: scripts load across origins without CORS headers, so this site's host need not send <code>Access-Control-Allow-Origin</code>. (Reading <code>api/v2/status.json</code> from your own script on another origin does need that header.) The status is as fresh as this site's last build; browsers reload it at least once a minute. If it cannot be loaded, the embed shows a plain "Status page" link here instead, and says why in the browser console.
# The embed's link when the status cannot be loaded (embed.js reads it
# from the snippet's data-label).
embed-fallback = Status page
embed-how = How it looks

## The page script (allclear.js), which keeps a page true between builds.
## { $name } arguments are given as {name}: the script puts the value there.

# A past day's place after the build (the viewer's calendar is ahead).
script-built-before-day = No data: this page was built before this day.
script-next-update-overdue = Next update was expected by { $time } ({ $ago })
script-stale = This page was last updated { $ago }. It may be out of date: reload for newer updates.
script-stale-incident = This page was last updated { $ago }, during an incident. It may be out of date: reload for newer updates.

## Feeds (RSS, Atom, JSON Feed): Statuspage's shapes, in the page's language.
## Titles and the description are plain text (write "&" as it is); the
## update paragraphs (feed-scheduled-for, feed-next-update) are HTML.

# The history feed's title; $ends_with_status: yes when the site's title
# already ends in "Status".
feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } Status
    } - Incident History
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: every update
feed-description = Incidents and maintenance of { $site }
# An update whose status is the previous update's.
feed-update-same-status = Update
# An update's item: its status, then its entry's title.
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Scheduled for { $from } until { $until }.
feed-next-update = Next update expected by { $time }.

## Maintenance calendars (iCalendar): plain text.

calendar-name = { $site } maintenance
calendar-description = Scheduled maintenance announced on { $site }: { $url }
calendar-component-name = { $site } maintenance: { $component }
calendar-component-description = Scheduled maintenance of { $component } announced on { $site }: { $url }
# In an event's description, after the latest update and the details.
calendar-affected = Affected components: { $components }

## Badges (SVG): plain text, as short as it can be.

badge-uptime = { $component } uptime
# An uptime badge's value without data.
badge-no-data = no data
# After a status the clock alone may change before the next build.
badge-as-of = as of { $time }

# The label of a task list's box in Markdown, for screen readers:
# a done task, an open one.
task-done = Done
task-todo = To do
