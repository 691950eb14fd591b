# Інтерфейс стандартної теми українською (uk). Відповідає en.ftl: ті самі
# ідентифікатори, ті самі { $аргументи } і та сама розмітка; перекладено
# лише слова. Звертання на «ви».

## Стани та вплив

status-operational = Працює
status-under_maintenance = Технічне обслуговування
status-degraded_performance = Знижена продуктивність
status-partial_outage = Частковий збій
status-major_outage = Серйозний збій

incident-status-investigating = Розслідування
incident-status-identified = Причину виявлено
incident-status-monitoring = Моніторинг
incident-status-resolved = Вирішено

maintenance-status-scheduled = Заплановано
maintenance-status-in_progress = Триває
maintenance-status-verifying = Перевірка
maintenance-status-completed = Завершено
maintenance-status-cancelled = Скасовано

impact-none = Без впливу
impact-minor = Незначний вплив
impact-major = Значний вплив
impact-critical = Критичний вплив
impact-maintenance = Технічне обслуговування

indicator-none = Усі системи працюють
indicator-maintenance = Триває технічне обслуговування
indicator-minor = Незначний збій сервісу
indicator-major = Частковий збій системи
indicator-critical = Серйозний збій сервісу

## Кожна сторінка: заголовок і нижній колонтитул

feed-history-rss = { $site }: історія інцидентів (RSS)
feed-history-atom = { $site }: історія інцидентів (Atom)
feed-updates-atom = { $site }: усі оновлення (Atom)
feed-updates-json = { $site }: усі оновлення (JSON Feed)
skip-to-content = Перейти до вмісту
nav-site = Сайт
nav-languages = Мови
language-name = Українська
nav-status = Стан
nav-history = Історія
nav-breadcrumb = Навігаційний ланцюжок
incident-history = Історія інцидентів
footer-built = Сторінку створено: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Останнє оновлення: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Час указано в часовому поясі { $zone } або, якщо виконуються скрипти, у вашому часовому поясі.
footer-calendar = Календар технічного обслуговування
footer-api = API
footer-powered = Працює на allclear

## Головна сторінка

index-ongoing = Поточні інциденти
index-active-maintenance = Триває технічне обслуговування
index-scheduled-maintenance = Заплановане технічне обслуговування
index-components = Компоненти
index-components-note = Поточний стан і доступність за { $days ->
        [one] останній { $days } день.
        [few] останні { $days } дні.
        [many] останні { $days } днів.
       *[other] останні { $days } дня.
    }
index-past = Минулі інциденти
no-incidents = Інцидентів не зареєстровано.

## Інциденти й технічне обслуговування

entry-rescheduled = Перенесено
entry-affected = Зачеплено:
entry-resolved-after = вирішено за { $duration }
entry-ongoing-for = триває вже <span data-since="{ $since }">{ $duration }</span>
next-update = Наступне оновлення очікується до <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Наступне оновлення очікувалося до <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Перенесено на <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Наступне оновлення обіцяно до <time datetime="{ $iso }">{ $time }</time>
time-ago = { $duration } тому

duration-minutes = { $minutes } хв
duration-hours = { $hours } год { $minutes } хв
duration-days = { $days } дн. { $hours } год
time-now = зараз
incident-description = Інцидент ({ $impact }): { $status }
incident-kind = Інцидент
incident-started = Початок
incident-resolved = Вирішено
incident-status = Стан
incident-ongoing = Триває
incident-duration = Тривалість
incident-so-far = <span data-since="{ $since }">{ $duration }</span> наразі
incident-affected = Зачеплені компоненти
incident-affected-at-worst = Зачеплені компоненти в найгірший момент
none-listed = Не вказано
updates = Оновлення
postmortem = Аналіз інциденту
maintenance-description = Заплановане технічне обслуговування: { $status }
maintenance-kind = Технічне обслуговування
maintenance-scheduled = Заплановане технічне обслуговування
maintenance-cancelled = Це технічне обслуговування скасовано, його не буде проведено.
maintenance-window = Часове вікно
maintenance-rescheduled = ({ $count ->
        [one] перенесено { $count } раз
        [few] перенесено { $count } рази
        [many] перенесено { $count } разів
       *[other] перенесено { $count } рази
    }; спершу заплановано на <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Календар
maintenance-add-to-calendar = Додати до календаря
maintenance-components = Компоненти
maintenance-details = Подробиці
maintenance-auto-in_progress = Триває заплановане технічне обслуговування. За потреби ми надаватимемо оновлення.
maintenance-auto-completed = Заплановане технічне обслуговування завершено.

## Смуги доступності

uptime-days-ago = { $days ->
        [one] { $days } день тому
        [few] { $days } дні тому
        [many] { $days } днів тому
       *[other] { $days } дня тому
    }
uptime-total = доступність { $uptime }
uptime-over-days = за { $days ->
        [one] останній { $days } день
        [few] останні { $days } дні
        [many] останні { $days } днів
       *[other] останні { $days } дня
    }
uptime-none = Даних про доступність ще немає
uptime-today = Сьогодні
uptime-incident-days = { $count ->
        [one] { $count } день з інцидентами
        [few] { $count } дні з інцидентами
        [many] { $count } днів з інцидентами
       *[other] { $count } дня з інцидентами
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: доступність { $uptime }, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: доступність { $uptime }, { $status ->
        [degraded_performance] знижена продуктивність
        [partial_outage] частковий збій
        [major_outage] серйозний збій
        [under_maintenance] технічне обслуговування
       *[operational] без інцидентів
    }
day-summary-no-data = { $date }: немає даних

## Підписка

subscribe = Підписатися
subscribe-to = Підписатися на { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> або <a href="{ $root }components/{ $id }/history.atom">Atom</a>: інциденти й технічне обслуговування компонента { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Календар</a>: заплановане технічне обслуговування цього компонента (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> або <a href="{ $root }history.atom">Atom</a>: один запис на кожен інцидент чи технічне обслуговування
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> або <a href="{ $root }feed.json">JSON Feed</a>: один запис на кожне оновлення, щоб знати про кожну зміну
subscribe-calendar = <a href="{ $root }maintenance.ics">Календар</a>: заплановане технічне обслуговування (iCalendar; адреса для підписки: <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API стану</a>: JSON, сумісний зі Statuspage (<code>api/v2/</code>)

## Сторінка компонента

component-uptime = Доступність
component-no-data = Даних ще немає
component-entries = Інциденти й технічне обслуговування
component-no-entries = Для компонента { $component } інцидентів не зареєстровано.
component-more = Показано { $shown } найновіших із { $total }. В <a href="{ $root }history/index.html">історії інцидентів</a> є всі.

## Архів історії

history-description = Усі інциденти й технічне обслуговування { $site } за місяцями
history-total = { $count ->
        [one] { $count } інцидент або технічне обслуговування, за місяцями.
        [few] { $count } інциденти й технічні обслуговування, за місяцями.
        [many] { $count } інцидентів і технічних обслуговувань, за місяцями.
       *[other] { $count } інциденту й технічного обслуговування, за місяцями.
    }
history-entries = { $count ->
        [one] запис
        [few] записи
        [many] записів
       *[other] запису
    }
history-none = Інцидентів ще не зареєстровано.
history-month-description = Інциденти й технічне обслуговування { $site }: { $month }
history-month-lede = { $count } { $count ->
        [one] запис
        [few] записи
        [many] записів
       *[other] запису
    }, спершу найновіші.
history-months-nav = Місяці
history-all-months = Усі місяці

## Сторінку не знайдено

not-found-title = Сторінку не знайдено
not-found-text = За цією адресою немає сторінки. Можливо, її переміщено або посилання містить помилку.
not-found-status = Поточний стан
not-found-home = Перейти на сторінку стану

## Вбудовування стану

embed-title = Вбудувати стан
embed-description = Показуйте поточний стан { $site } на іншому сайті
embed-lede = Вставте цей рядок на будь-яку вебсторінку, щоб показати на ній поточний стан { $site }. Він оновлюється щоразу, коли цей сайт створюється наново, а також на початку й наприкінці запланованого технічного обслуговування, і містить посилання сюди.
embed-loads = Рядок завантажує <a href="{ $root }embed-status.js"><code>embed-status.js</code></a> — той самий стан, що й <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a>, у вигляді скрипту — і малює невелике посилання там, де стоїть скрипт. Щоб розмістити його деінде, додайте в потрібному місці порожній елемент з атрибутом <code>data-allclear-embed</code>.
embed-origins = Це працює на сторінці з будь-яким джерелом без налаштувань з жодного боку: скрипти завантажуються між джерелами без заголовків CORS, тож хостинг цього сайту не мусить надсилати <code>Access-Control-Allow-Origin</code>. (Щоб читати <code>api/v2/status.json</code> власним скриптом з іншого джерела, цей заголовок усе ж потрібен.) Стан актуальний на момент останнього створення цього сайту; браузери перезавантажують його щонайменше раз на хвилину. Якщо його не вдається завантажити, вбудований елемент натомість показує просте посилання «Сторінка стану» сюди й пояснює причину в консолі браузера.
embed-fallback = Сторінка стану
embed-how = Як це виглядає

## Скрипт сторінки (allclear.js)

script-built-before-day = Немає даних: цю сторінку створено раніше за цей день.
script-next-update-overdue = Наступне оновлення очікувалося до { $time } ({ $ago })
script-stale = Цю сторінку востаннє оновлено { $ago }. Вона може бути застарілою: перезавантажте її, щоб побачити новіші дані.
script-stale-incident = Цю сторінку востаннє оновлено { $ago }, під час інциденту. Вона може бути застарілою: перезавантажте її, щоб побачити новіші дані.

## Стрічки (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] Стан { $site }
    } - Історія інцидентів
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: усі оновлення
feed-description = Інциденти й технічне обслуговування { $site }
feed-update-same-status = Оновлення
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Заплановано з { $from } до { $until }.
feed-next-update = Наступне оновлення очікується до { $time }.

## Календарі технічного обслуговування (iCalendar)

calendar-name = { $site }: технічне обслуговування
calendar-description = Заплановане технічне обслуговування, оголошене на { $site }: { $url }
calendar-component-name = { $site }: технічне обслуговування — { $component }
calendar-component-description = Заплановане технічне обслуговування компонента { $component }, оголошене на { $site }: { $url }
calendar-affected = Зачеплені компоненти: { $components }

## Значки (SVG)

badge-uptime = Доступність: { $component }
badge-no-data = немає даних
badge-as-of = станом на { $time }

task-done = Виконано
task-todo = Треба зробити
