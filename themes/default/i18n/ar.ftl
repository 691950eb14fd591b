# واجهة السمة الافتراضية باللغة العربية (ar). تطابق en.ftl: المعرّفات
# نفسها و{ $المعاملات } نفسها والترميز نفسه؛ تُرجمت الكلمات وحدها.

## الحالات ومستويات التأثير

status-operational = يعمل
status-under_maintenance = قيد الصيانة
status-degraded_performance = أداء متدهور
status-partial_outage = انقطاع جزئي
status-major_outage = انقطاع كبير

incident-status-investigating = قيد التحقيق
incident-status-identified = تم تحديد السبب
incident-status-monitoring = قيد المراقبة
incident-status-resolved = تم الحل

maintenance-status-scheduled = مجدولة
maintenance-status-in_progress = قيد التنفيذ
maintenance-status-verifying = قيد التحقق
maintenance-status-completed = مكتملة
maintenance-status-cancelled = ملغاة

impact-none = بلا تأثير
impact-minor = تأثير طفيف
impact-major = تأثير كبير
impact-critical = تأثير حرج
impact-maintenance = صيانة

indicator-none = جميع الأنظمة تعمل
indicator-maintenance = الخدمة قيد الصيانة
indicator-minor = انقطاع طفيف في الخدمة
indicator-major = انقطاع جزئي في النظام
indicator-critical = انقطاع كبير في الخدمة

## كل صفحة: الترويسة والتذييل

feed-history-rss = { $site }: سجل الحوادث (RSS)
feed-history-atom = { $site }: سجل الحوادث (Atom)
feed-updates-atom = { $site }: كل التحديثات (Atom)
feed-updates-json = { $site }: كل التحديثات (JSON Feed)
skip-to-content = الانتقال إلى المحتوى
nav-site = الموقع
nav-languages = اللغات
language-name = العربية
nav-status = الحالة
nav-history = السجل
nav-breadcrumb = مسار التنقل
incident-history = سجل الحوادث
footer-built = أُنشئت الصفحة في <time datetime="{ $iso }">{ $time }</time>.
footer-updated = آخر تحديث: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = تُعرض الأوقات بتوقيت { $zone }، أو بمنطقتك الزمنية عند تشغيل البرامج النصية.
footer-calendar = تقويم الصيانة
footer-api = API
footer-powered = مدعوم بواسطة allclear

## الصفحة الرئيسية

index-ongoing = حوادث جارية
index-active-maintenance = صيانة جارية
index-scheduled-maintenance = صيانة مجدولة
index-components = المكوّنات
index-components-note = الحالة الحالية ونسبة التوفر { $days ->
        [zero] خلال آخر { $days } يوم.
        [one] خلال اليوم الماضي.
        [two] خلال اليومين الماضيين.
        [few] خلال آخر { $days } أيام.
        [many] خلال آخر { $days } يومًا.
       *[other] خلال آخر { $days } يوم.
    }
index-past = حوادث سابقة
no-incidents = لم يُبلَّغ عن أي حوادث.

## الحوادث والصيانة

entry-rescheduled = أُعيدت جدولتها
entry-affected = المكوّنات المتأثرة:
entry-resolved-after = حُلّت بعد { $duration }
entry-ongoing-for = مستمرة منذ <span data-since="{ $since }">{ $duration }</span>
next-update = التحديث التالي متوقع بحلول <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = كان التحديث التالي متوقعًا بحلول <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = أُعيدت جدولتها إلى <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = وُعد بالتحديث التالي بحلول <time datetime="{ $iso }">{ $time }</time>
time-ago = منذ { $duration }

duration-minutes = { $minutes } د
duration-hours = { $hours } س { $minutes } د
duration-days = { $days } ي { $hours } س
time-now = الآن
incident-description = حادثة ({ $impact }): { $status }
incident-kind = حادثة
incident-started = البداية
incident-resolved = الحل
incident-status = الحالة
incident-ongoing = جارية
incident-duration = المدة
incident-so-far = <span data-since="{ $since }">{ $duration }</span> حتى الآن
incident-affected = المكوّنات المتأثرة
incident-affected-at-worst = المكوّنات المتأثرة، في أسوأ الأوقات
none-listed = لا يوجد
updates = التحديثات
postmortem = تحليل ما بعد الحادثة
maintenance-description = صيانة مجدولة: { $status }
maintenance-kind = صيانة
maintenance-scheduled = صيانة مجدولة
maintenance-cancelled = أُلغيت هذه الصيانة ولن تُجرى.
maintenance-window = الفترة الزمنية
maintenance-rescheduled = ({ $count ->
        [zero] أُعيدت جدولتها { $count } مرة
        [one] أُعيدت جدولتها
        [two] أُعيدت جدولتها مرتين
        [few] أُعيدت جدولتها { $count } مرات
        [many] أُعيدت جدولتها { $count } مرة
       *[other] أُعيدت جدولتها { $count } مرة
    }؛ كان موعدها الأول <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = التقويم
maintenance-add-to-calendar = الإضافة إلى التقويم
maintenance-components = المكوّنات
maintenance-details = التفاصيل
maintenance-auto-in_progress = الصيانة المجدولة جارية حاليًا. سنوافيكم بالتحديثات عند الحاجة.
maintenance-auto-completed = اكتملت الصيانة المجدولة.

## أشرطة التوفر

uptime-days-ago = { $days ->
        [zero] منذ { $days } يوم
        [one] منذ يوم واحد
        [two] منذ يومين
        [few] منذ { $days } أيام
        [many] منذ { $days } يومًا
       *[other] منذ { $days } يوم
    }
uptime-total = نسبة التوفر { $uptime }
uptime-over-days = { $days ->
        [zero] خلال آخر { $days } يوم
        [one] خلال اليوم الماضي
        [two] خلال اليومين الماضيين
        [few] خلال آخر { $days } أيام
        [many] خلال آخر { $days } يومًا
       *[other] خلال آخر { $days } يوم
    }
uptime-none = لا توجد بيانات توفر بعد
uptime-today = اليوم
uptime-incident-days = { $count ->
        [zero] لا توجد أيام شهدت حوادث
        [one] يوم واحد شهد حوادث
        [two] يومان شهدا حوادث
        [few] { $count } أيام شهدت حوادث
        [many] { $count } يومًا شهدت حوادث
       *[other] { $count } يوم شهدت حوادث
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: نسبة التوفر { $uptime }، { $incidents }
label-separator = {": "}
title-list-separator = {"؛ "}
day-summary = { $date }: نسبة التوفر { $uptime }، { $status ->
        [degraded_performance] أداء متدهور
        [partial_outage] انقطاع جزئي
        [major_outage] انقطاع كبير
        [under_maintenance] قيد الصيانة
       *[operational] بلا حوادث
    }
day-summary-no-data = { $date }: لا توجد بيانات

## الاشتراك

subscribe = اشترك
subscribe-to = الاشتراك في { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> أو <a href="{ $root }components/{ $id }/history.atom">Atom</a>: حوادث { $component } وأعمال صيانته
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">التقويم</a>: الصيانة المجدولة لهذا المكوّن (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> أو <a href="{ $root }history.atom">Atom</a>: عنصر واحد لكل حادثة أو صيانة
subscribe-updates = <a href="{ $root }updates.atom">Atom</a> أو <a href="{ $root }updates.rss">RSS</a> أو <a href="{ $root }feed.json">JSON Feed</a>: عنصر واحد لكل تحديث، لتعرف بكل تغيير
subscribe-calendar = <a href="{ $root }maintenance.ics">التقويم</a>: الصيانة المجدولة (iCalendar؛ للاشتراك استخدم <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">واجهة برمجة الحالة</a>: JSON متوافق مع Statuspage (<code>api/v2/</code>)

## صفحة المكوّن

component-uptime = التوفر
component-no-data = لا توجد بيانات بعد
component-entries = الحوادث والصيانة
component-no-entries = لم يُبلَّغ عن أي حوادث لـ { $component }.
component-more = يُعرض أحدث { $shown } من أصل { $total }. يضم <a href="{ $root }history/index.html">سجل الحوادث</a> جميعها.

## أرشيف السجل

history-description = جميع حوادث { $site } وأعمال صيانته، حسب الشهر
history-total = { $count ->
        [zero] لا توجد حوادث ولا أعمال صيانة، حسب الشهر.
        [one] حادثة أو صيانة واحدة، حسب الشهر.
        [two] حادثتان أو عمليتا صيانة، حسب الشهر.
        [few] { $count } حوادث وأعمال صيانة، حسب الشهر.
        [many] { $count } حادثةً وعملية صيانة، حسب الشهر.
       *[other] { $count } حادثة وعملية صيانة، حسب الشهر.
    }
history-entries = { $count ->
        [zero] عنصر
        [one] عنصر
        [two] عنصران
        [few] عناصر
        [many] عنصرًا
       *[other] عنصر
    }
history-none = لم يُبلَّغ عن أي حوادث بعد.
history-month-description = حوادث { $site } وأعمال صيانته في { $month }
history-month-lede = { $count ->
        [zero] { $count } عنصر
        [one] عنصر واحد
        [two] عنصران
        [few] { $count } عناصر
        [many] { $count } عنصرًا
       *[other] { $count } عنصر
    }، الأحدث أولًا.
history-months-nav = الأشهر
history-all-months = كل الأشهر

## صفحة العنوان غير الموجود

not-found-title = الصفحة غير موجودة
not-found-text = لا توجد صفحة على هذا العنوان. ربما نُقلت، أو ربما كُتب الرابط بشكل خاطئ.
not-found-status = الحالة الحالية
not-found-home = الانتقال إلى صفحة الحالة

## تضمين الحالة

embed-title = تضمين الحالة
embed-description = اعرض الحالة الحالية لـ { $site } على موقع آخر
embed-lede = الصق هذا السطر في أي صفحة ويب لعرض الحالة الحالية لـ { $site } فيها. تتحدث الحالة كلما أُعيد إنشاء هذا الموقع، وعند بدء صيانة مجدولة أو انتهائها، وترتبط بهذه الصفحة.
embed-loads = يحمّل السطر <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>، وهو الحالة نفسها التي في <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> في صورة برنامج نصي، ويرسم رابطًا صغيرًا في موضع البرنامج النصي. لوضعه في مكان آخر، أضف عنصرًا فارغًا يحمل السمة <code>data-allclear-embed</code> حيث تريد أن يظهر.
embed-origins = يعمل على صفحة من أي مصدر دون أي إعداد من أي من الطرفين: تُحمَّل البرامج النصية عبر المصادر دون ترويسات CORS، لذا لا يحتاج مضيف هذا الموقع إلى إرسال <code>Access-Control-Allow-Origin</code>. (أما قراءة <code>api/v2/status.json</code> من برنامجك النصي الخاص على مصدر آخر فتتطلب هذه الترويسة.) الحالة حديثة بقدر آخر إنشاء لهذا الموقع؛ وتعيد المتصفحات تحميلها مرة واحدة في الدقيقة على الأقل. وإذا تعذّر تحميلها، يعرض التضمين بدلًا منها رابطًا بسيطًا بعنوان "صفحة الحالة" إلى هنا، ويذكر السبب في وحدة تحكم المتصفح.
embed-fallback = صفحة الحالة
embed-how = كيف يبدو

## البرنامج النصي للصفحة (allclear.js)

script-built-before-day = لا توجد بيانات: أُنشئت هذه الصفحة قبل هذا اليوم.
script-next-update-overdue = كان التحديث التالي متوقعًا بحلول { $time } ({ $ago })
script-stale = آخر تحديث لهذه الصفحة كان { $ago }. قد لا تكون محدّثة: أعد تحميلها للاطلاع على أحدث التحديثات.
script-stale-incident = آخر تحديث لهذه الصفحة كان { $ago }، أثناء حادثة. قد لا تكون محدّثة: أعد تحميلها للاطلاع على أحدث التحديثات.

## الخلاصات (RSS وAtom وJSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] حالة { $site }
    } - سجل الحوادث
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: كل التحديثات
feed-description = حوادث { $site } وأعمال صيانته
feed-update-same-status = تحديث
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = مجدولة من { $from } حتى { $until }.
feed-next-update = التحديث التالي متوقع بحلول { $time }.

## تقاويم الصيانة (iCalendar)

calendar-name = صيانة { $site }
calendar-description = الصيانة المجدولة المُعلنة على { $site }: { $url }
calendar-component-name = صيانة { $site }: { $component }
calendar-component-description = الصيانة المجدولة لـ { $component } المُعلنة على { $site }: { $url }
calendar-affected = المكوّنات المتأثرة: { $components }

## الشارات (SVG)

badge-uptime = توفر { $component }
badge-no-data = لا بيانات
badge-as-of = حتى { $time }

task-done = مكتمل
task-todo = غير مكتمل
