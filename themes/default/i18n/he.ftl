# ממשק ערכת העיצוב המוגדרת כברירת מחדל בעברית (he). תואם ל-en.ftl: אותם
# מזהים, אותם { $ארגומנטים } ואותו סימון; רק המילים תורגמו. פנייה
# ניטרלית מבחינת מגדר (שם פועל או רבים).

## מצבים ורמות השפעה

status-operational = פועל כרגיל
status-under_maintenance = בתחזוקה
status-degraded_performance = ביצועים ירודים
status-partial_outage = הפסקה חלקית
status-major_outage = הפסקה משמעותית

incident-status-investigating = בבדיקה
incident-status-identified = הסיבה זוהתה
incident-status-monitoring = במעקב
incident-status-resolved = נפתר

maintenance-status-scheduled = מתוכננת
maintenance-status-in_progress = מתבצעת
maintenance-status-verifying = באימות
maintenance-status-completed = הושלמה
maintenance-status-cancelled = בוטלה

impact-none = ללא השפעה
impact-minor = השפעה קלה
impact-major = השפעה משמעותית
impact-critical = השפעה קריטית
impact-maintenance = תחזוקה

indicator-none = כל המערכות פועלות כרגיל
indicator-maintenance = השירות בתחזוקה
indicator-minor = הפסקה קלה בשירות
indicator-major = הפסקה חלקית במערכת
indicator-critical = הפסקה משמעותית בשירות

## כל דף: כותרת עליונה וכותרת תחתונה

feed-history-rss = { $site }: היסטוריית תקלות (RSS)
feed-history-atom = { $site }: היסטוריית תקלות (Atom)
feed-updates-atom = { $site }: כל העדכונים (Atom)
feed-updates-json = { $site }: כל העדכונים (JSON Feed)
skip-to-content = דילוג לתוכן
nav-site = אתר
nav-languages = שפות
language-name = עברית
nav-status = מצב
nav-history = היסטוריה
nav-breadcrumb = פירורי לחם
incident-history = היסטוריית תקלות
footer-built = הדף נוצר ב-<time datetime="{ $iso }">{ $time }</time>.
footer-updated = עדכון אחרון: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = השעות מוצגות לפי { $zone }, או לפי אזור הזמן שלך כשסקריפטים פועלים.
footer-calendar = לוח תחזוקה
footer-api = API
footer-powered = מופעל באמצעות allclear

## דף הבית

index-ongoing = תקלות פעילות
index-active-maintenance = תחזוקה מתבצעת
index-scheduled-maintenance = תחזוקה מתוכננת
index-components = רכיבים
index-components-note = המצב הנוכחי, וזמינות { $days ->
        [one] ביום האחרון.
        [two] ביומיים האחרונים.
       *[other] ב-{ $days } הימים האחרונים.
    }
index-past = תקלות קודמות
no-incidents = לא דווחו תקלות.

## תקלות ותחזוקה

entry-rescheduled = המועד שונה
entry-affected = מושפעים:
entry-resolved-after = נפתרה אחרי { $duration }
entry-ongoing-for = נמשכת כבר <span data-since="{ $since }">{ $duration }</span>
next-update = העדכון הבא צפוי עד <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = העדכון הבא היה צפוי עד <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = המועד שונה ל-<time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = העדכון הבא הובטח עד <time datetime="{ $iso }">{ $time }</time>
time-ago = לפני { $duration }

duration-minutes = { $minutes } דק׳
duration-hours = { $hours } שע׳ { $minutes } דק׳
duration-days = { $days } ימ׳ { $hours } שע׳
time-now = עכשיו
incident-description = תקלה ({ $impact }): { $status }
incident-kind = תקלה
incident-started = התחלה
incident-resolved = פתרון
incident-status = מצב
incident-ongoing = פעילה
incident-duration = משך
incident-so-far = <span data-since="{ $since }">{ $duration }</span> עד כה
incident-affected = רכיבים מושפעים
incident-affected-at-worst = רכיבים מושפעים, בשיא התקלה
none-listed = לא צוינו
updates = עדכונים
postmortem = תחקיר
maintenance-description = תחזוקה מתוכננת: { $status }
maintenance-kind = תחזוקה
maintenance-scheduled = תחזוקה מתוכננת
maintenance-cancelled = התחזוקה הזו בוטלה ולא תתקיים.
maintenance-window = חלון זמן
maintenance-rescheduled = ({ $count ->
        [one] המועד שונה
        [two] המועד שונה פעמיים
       *[other] המועד שונה { $count } פעמים
    }; המועד המקורי: <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = לוח שנה
maintenance-add-to-calendar = הוספה ללוח השנה
maintenance-components = רכיבים
maintenance-details = פרטים
maintenance-auto-in_progress = התחזוקה המתוכננת מתבצעת כעת. נמסור עדכונים לפי הצורך.
maintenance-auto-completed = התחזוקה המתוכננת הושלמה.

## פסי זמינות

uptime-days-ago = { $days ->
        [one] לפני יום אחד
        [two] לפני יומיים
       *[other] לפני { $days } ימים
    }
uptime-total = זמינות { $uptime }
uptime-over-days = { $days ->
        [one] ביום האחרון
        [two] ביומיים האחרונים
       *[other] ב-{ $days } הימים האחרונים
    }
uptime-none = עדיין אין נתוני זמינות
uptime-today = היום
uptime-incident-days = { $count ->
        [one] יום אחד עם תקלות
        [two] יומיים עם תקלות
       *[other] { $count } ימים עם תקלות
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: זמינות { $uptime }, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: זמינות { $uptime }, { $status ->
        [degraded_performance] ביצועים ירודים
        [partial_outage] הפסקה חלקית
        [major_outage] הפסקה משמעותית
        [under_maintenance] בתחזוקה
       *[operational] ללא תקלות
    }
day-summary-no-data = { $date }: אין נתונים

## הרשמה

subscribe = הרשמה לעדכונים
subscribe-to = הרשמה לעדכונים על { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> או <a href="{ $root }components/{ $id }/history.atom">Atom</a>: תקלות ותחזוקה של { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">לוח שנה</a>: התחזוקה המתוכננת של הרכיב (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> או <a href="{ $root }history.atom">Atom</a>: פריט אחד לכל תקלה או תחזוקה
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> או <a href="{ $root }feed.json">JSON Feed</a>: פריט אחד לכל עדכון, כדי לדעת על כל שינוי
subscribe-calendar = <a href="{ $root }maintenance.ics">לוח שנה</a>: תחזוקה מתוכננת (iCalendar; כתובת להרשמה: <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API של מצב</a>: JSON תואם Statuspage (<code>api/v2/</code>)

## דף של רכיב

component-uptime = זמינות
component-no-data = עדיין אין נתונים
component-entries = תקלות ותחזוקה
component-no-entries = לא דווחו תקלות עבור { $component }.
component-more = מוצגים { $shown } האחרונים מתוך { $total }. כולם מופיעים ב<a href="{ $root }history/index.html">היסטוריית התקלות</a>.

## ארכיון ההיסטוריה

history-description = כל התקלות ופעולות התחזוקה של { $site }, לפי חודש
history-total = { $count ->
        [one] תקלה או תחזוקה אחת, לפי חודש.
        [two] שתי תקלות ופעולות תחזוקה, לפי חודש.
       *[other] { $count } תקלות ופעולות תחזוקה, לפי חודש.
    }
history-entries = { $count ->
        [one] רשומה
        [two] רשומות
       *[other] רשומות
    }
history-none = עדיין לא דווחו תקלות.
history-month-description = תקלות ותחזוקה של { $site } ב{ $month }
history-month-lede = { $count ->
        [one] רשומה אחת
        [two] שתי רשומות
       *[other] { $count } רשומות
    }, מהחדשה לישנה.
history-months-nav = חודשים
history-all-months = כל החודשים

## דף לכתובת שאינה קיימת

not-found-title = הדף לא נמצא
not-found-text = אין דף בכתובת הזו. ייתכן שהוא הועבר, או שיש שגיאה בקישור.
not-found-status = המצב הנוכחי
not-found-home = מעבר לדף המצב

## הטמעת המצב

embed-title = הטמעת המצב
embed-description = הצגת המצב הנוכחי של { $site } באתר אחר
embed-lede = אפשר להדביק את השורה הזו בכל דף אינטרנט כדי להציג בו את המצב הנוכחי של { $site }. המצב מתעדכן בכל פעם שהאתר הזה נבנה מחדש, וכשתחזוקה מתוכננת מתחילה או מסתיימת, והוא מקשר לכאן.
embed-loads = השורה טוענת את <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, אותו מצב כמו ב-<a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> בצורת סקריפט, ומציירת קישור קטן במקום שבו נמצא הסקריפט. כדי למקם אותו במקום אחר, יש להוסיף במקום הרצוי רכיב ריק עם המאפיין <code>data-allclear-embed</code>.
embed-origins = זה עובד בדף מכל מקור, בלי הגדרות באף אחד מהצדדים: סקריפטים נטענים בין מקורות בלי כותרות CORS, כך שהשרת של האתר הזה לא צריך לשלוח <code>Access-Control-Allow-Origin</code>. (קריאת <code>api/v2/status.json</code> מסקריפט משלך במקור אחר דורשת את הכותרת הזו.) המצב עדכני כמו הבנייה האחרונה של האתר הזה; דפדפנים טוענים אותו מחדש לפחות פעם בדקה. אם אי אפשר לטעון אותו, ההטמעה מציגה במקומו קישור פשוט "דף המצב" לכאן, ומציינת את הסיבה במסוף הדפדפן.
embed-fallback = דף המצב
embed-how = איך זה נראה

## הסקריפט של הדף (allclear.js)

script-built-before-day = אין נתונים: הדף הזה נבנה לפני היום הזה.
script-next-update-overdue = העדכון הבא היה צפוי עד { $time } ({ $ago })
script-stale = הדף הזה עודכן לאחרונה { $ago }. ייתכן שהוא אינו עדכני: יש לטעון אותו מחדש כדי לראות עדכונים חדשים יותר.
script-stale-incident = הדף הזה עודכן לאחרונה { $ago }, במהלך תקלה. ייתכן שהוא אינו עדכני: יש לטעון אותו מחדש כדי לראות עדכונים חדשים יותר.

## פידים (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] מצב { $site }
    } - היסטוריית תקלות
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: כל העדכונים
feed-description = תקלות ותחזוקה של { $site }
feed-update-same-status = עדכון
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = מתוכננת מ-{ $from } עד { $until }.
feed-next-update = העדכון הבא צפוי עד { $time }.

## לוחות תחזוקה (iCalendar)

calendar-name = תחזוקה של { $site }
calendar-description = תחזוקה מתוכננת שהוכרזה ב-{ $site }: { $url }
calendar-component-name = תחזוקה של { $site }: { $component }
calendar-component-description = תחזוקה מתוכננת של { $component } שהוכרזה ב-{ $site }: { $url }
calendar-affected = רכיבים מושפעים: { $components }

## תגים (SVG)

badge-uptime = זמינות { $component }
badge-no-data = אין נתונים
badge-as-of = נכון ל-{ $time }

task-done = בוצע
task-todo = לביצוע
