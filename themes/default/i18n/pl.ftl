# Interfejs domyślnego motywu po polsku (pl). Odpowiada en.ftl: te same
# identyfikatory, te same { $argumenty } i ten sam znacznik HTML;
# przetłumaczone są tylko słowa. Forma bezosobowa i grzecznościowa.

## Statusy i wpływ

status-operational = Działa prawidłowo
status-under_maintenance = Prace konserwacyjne
status-degraded_performance = Obniżona wydajność
status-partial_outage = Częściowa awaria
status-major_outage = Poważna awaria

incident-status-investigating = Trwa analiza
incident-status-identified = Zidentyfikowano przyczynę
incident-status-monitoring = Monitorowanie
incident-status-resolved = Rozwiązano

maintenance-status-scheduled = Zaplanowane
maintenance-status-in_progress = W toku
maintenance-status-verifying = Weryfikacja
maintenance-status-completed = Zakończone
maintenance-status-cancelled = Odwołane

impact-none = Brak wpływu
impact-minor = Niewielki wpływ
impact-major = Znaczny wpływ
impact-critical = Krytyczny wpływ
impact-maintenance = Prace konserwacyjne

indicator-none = Wszystkie systemy działają prawidłowo
indicator-maintenance = Trwają prace konserwacyjne
indicator-minor = Drobne zakłócenia usługi
indicator-major = Częściowa awaria systemu
indicator-critical = Poważna awaria usługi

## Każda strona: nagłówek i stopka

feed-history-rss = { $site }: historia incydentów (RSS)
feed-history-atom = { $site }: historia incydentów (Atom)
feed-updates-atom = { $site }: wszystkie aktualizacje (Atom)
feed-updates-json = { $site }: wszystkie aktualizacje (JSON Feed)
skip-to-content = Przejdź do treści
nav-site = Witryna
nav-languages = Języki
language-name = Polski
nav-status = Status
nav-history = Historia
nav-breadcrumb = Ścieżka nawigacji
incident-history = Historia incydentów
footer-built = Strona wygenerowana: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Ostatnia aktualizacja: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Czas jest podawany w strefie { $zone } lub, gdy działają skrypty, w Twojej strefie czasowej.
footer-calendar = Kalendarz prac konserwacyjnych
footer-api = API
footer-powered = Działa dzięki allclear

## Strona główna

index-ongoing = Trwające incydenty
index-active-maintenance = Trwające prace konserwacyjne
index-scheduled-maintenance = Zaplanowane prace konserwacyjne
index-components = Komponenty
index-components-note = Bieżący status i dostępność { $days ->
        [one] z ostatniego dnia.
        [few] z ostatnich { $days } dni.
        [many] z ostatnich { $days } dni.
       *[other] z ostatnich { $days } dnia.
    }
index-past = Wcześniejsze incydenty
no-incidents = Nie zgłoszono żadnych incydentów.

## Incydenty i prace konserwacyjne

entry-rescheduled = Przełożone
entry-affected = Dotyczy:
entry-resolved-after = rozwiązany po { $duration }
entry-ongoing-for = trwa od <span data-since="{ $since }">{ $duration }</span>
next-update = Następna aktualizacja spodziewana do <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Następna aktualizacja była spodziewana do <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Przełożone na <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Następna aktualizacja zapowiedziana do <time datetime="{ $iso }">{ $time }</time>
time-ago = { $duration } temu

duration-minutes = { $minutes } min
duration-hours = { $hours } godz. { $minutes } min
duration-days = { $days } d. { $hours } godz.
time-now = teraz
incident-description = Incydent ({ $impact }): { $status }
incident-kind = Incydent
incident-started = Początek
incident-resolved = Rozwiązanie
incident-status = Status
incident-ongoing = Trwa
incident-duration = Czas trwania
incident-so-far = <span data-since="{ $since }">{ $duration }</span> do tej pory
incident-affected = Komponenty, których dotyczy
incident-affected-at-worst = Komponenty, których dotyczy, w najgorszym momencie
none-listed = Nie podano
updates = Aktualizacje
postmortem = Analiza poincydentalna
maintenance-description = Zaplanowane prace konserwacyjne: { $status }
maintenance-kind = Prace konserwacyjne
maintenance-scheduled = Zaplanowane prace konserwacyjne
maintenance-cancelled = Te prace konserwacyjne zostały odwołane i się nie odbędą.
maintenance-window = Okno czasowe
maintenance-rescheduled = ({ $count ->
        [one] przełożone
        [few] przełożone { $count } razy
        [many] przełożone { $count } razy
       *[other] przełożone { $count } razy
    }; pierwotnie zaplanowane na <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Kalendarz
maintenance-add-to-calendar = Dodaj do kalendarza
maintenance-components = Komponenty
maintenance-details = Szczegóły
maintenance-auto-in_progress = Trwają zaplanowane prace konserwacyjne. W razie potrzeby będziemy publikować aktualizacje.
maintenance-auto-completed = Zaplanowane prace konserwacyjne zostały zakończone.

## Paski dostępności

uptime-days-ago = { $days ->
        [one] { $days } dzień temu
        [few] { $days } dni temu
        [many] { $days } dni temu
       *[other] { $days } dnia temu
    }
uptime-total = dostępność { $uptime }
uptime-over-days = { $days ->
        [one] z ostatniego dnia
        [few] z ostatnich { $days } dni
        [many] z ostatnich { $days } dni
       *[other] z ostatnich { $days } dnia
    }
uptime-none = Brak danych o dostępności
uptime-today = Dziś
uptime-incident-days = { $count ->
        [one] { $count } dzień z incydentami
        [few] { $count } dni z incydentami
        [many] { $count } dni z incydentami
       *[other] { $count } dnia z incydentami
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: dostępność { $uptime }, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: dostępność { $uptime }, { $status ->
        [degraded_performance] obniżona wydajność
        [partial_outage] częściowa awaria
        [major_outage] poważna awaria
        [under_maintenance] prace konserwacyjne
       *[operational] brak incydentów
    }
day-summary-no-data = { $date }: brak danych

## Subskrypcja

subscribe = Subskrybuj
subscribe-to = Subskrybuj: { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> lub <a href="{ $root }components/{ $id }/history.atom">Atom</a>: incydenty i prace konserwacyjne komponentu { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Kalendarz</a>: zaplanowane prace konserwacyjne tego komponentu (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> lub <a href="{ $root }history.atom">Atom</a>: jeden wpis na każdy incydent lub prace konserwacyjne
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> lub <a href="{ $root }feed.json">JSON Feed</a>: jeden wpis na każdą aktualizację, aby wiedzieć o każdej zmianie
subscribe-calendar = <a href="{ $root }maintenance.ics">Kalendarz</a>: zaplanowane prace konserwacyjne (iCalendar; adres subskrypcji: <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API statusu</a>: JSON zgodny ze Statuspage (<code>api/v2/</code>)

## Strona komponentu

component-uptime = Dostępność
component-no-data = Brak danych
component-entries = Incydenty i prace konserwacyjne
component-no-entries = Nie zgłoszono incydentów dotyczących komponentu { $component }.
component-more = Wyświetlono { $shown } najnowszych z { $total }. <a href="{ $root }history/index.html">Historia incydentów</a> zawiera wszystkie.

## Archiwum

history-description = Wszystkie incydenty i prace konserwacyjne w serwisie { $site }, według miesięcy
history-total = { $count ->
        [one] { $count } incydent lub prace konserwacyjne, według miesięcy.
        [few] { $count } incydenty i prace konserwacyjne, według miesięcy.
        [many] { $count } incydentów i prac konserwacyjnych, według miesięcy.
       *[other] { $count } incydentu i prac konserwacyjnych, według miesięcy.
    }
history-entries = { $count ->
        [one] wpis
        [few] wpisy
        [many] wpisów
       *[other] wpisu
    }
history-none = Nie zgłoszono jeszcze żadnych incydentów.
history-month-description = Incydenty i prace konserwacyjne w serwisie { $site }: { $month }
history-month-lede = { $count } { $count ->
        [one] wpis
        [few] wpisy
        [many] wpisów
       *[other] wpisu
    }, od najnowszych.
history-months-nav = Miesiące
history-all-months = Wszystkie miesiące

## Nie znaleziono strony

not-found-title = Nie znaleziono strony
not-found-text = Pod tym adresem nie ma strony. Mogła zostać przeniesiona albo link zawiera błąd.
not-found-status = Bieżący status
not-found-home = Przejdź do strony statusu

## Osadzanie statusu

embed-title = Osadź status
embed-description = Pokaż bieżący status serwisu { $site } w innej witrynie
embed-lede = Wklej ten wiersz na dowolnej stronie internetowej, aby wyświetlić na niej bieżący status serwisu { $site }. Status odświeża się przy każdym ponownym wygenerowaniu tej witryny oraz na początku i na końcu zaplanowanych prac konserwacyjnych i zawiera link do tej strony.
embed-loads = Wiersz wczytuje <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, ten sam status co <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> w postaci skryptu, i rysuje mały link w miejscu skryptu. Aby umieścić go gdzie indziej, dodaj w tym miejscu pusty element z atrybutem <code>data-allclear-embed</code>.
embed-origins = Działa na stronie z dowolnego źródła bez konfiguracji po żadnej stronie: skrypty wczytują się między źródłami bez nagłówków CORS, więc serwer tej witryny nie musi wysyłać <code>Access-Control-Allow-Origin</code>. (Odczyt <code>api/v2/status.json</code> z własnego skryptu w innym źródle wymaga jednak tego nagłówka). Status jest tak aktualny jak ostatnie wygenerowanie tej witryny; przeglądarki wczytują go ponownie co najmniej raz na minutę. Jeśli nie da się go wczytać, osadzony element wyświetla zamiast niego zwykły link „Strona statusu” do tej witryny, a przyczynę podaje w konsoli przeglądarki.
embed-fallback = Strona statusu
embed-how = Jak to wygląda

## Skrypt strony (allclear.js)

script-built-before-day = Brak danych: ta strona została wygenerowana przed tym dniem.
script-next-update-overdue = Następna aktualizacja była spodziewana do { $time } ({ $ago })
script-stale = Ta strona została ostatnio zaktualizowana { $ago }. Może być nieaktualna: odśwież ją, aby zobaczyć nowsze informacje.
script-stale-incident = Ta strona została ostatnio zaktualizowana { $ago }, w trakcie incydentu. Może być nieaktualna: odśwież ją, aby zobaczyć nowsze informacje.

## Kanały (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] Status { $site }
    } - Historia incydentów
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: wszystkie aktualizacje
feed-description = Incydenty i prace konserwacyjne w serwisie { $site }
feed-update-same-status = Aktualizacja
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Zaplanowane od { $from } do { $until }.
feed-next-update = Następna aktualizacja spodziewana do { $time }.

## Kalendarze prac konserwacyjnych (iCalendar)

calendar-name = { $site }: prace konserwacyjne
calendar-description = Zaplanowane prace konserwacyjne ogłoszone w serwisie { $site }: { $url }
calendar-component-name = { $site }: prace konserwacyjne – { $component }
calendar-component-description = Zaplanowane prace konserwacyjne komponentu { $component } ogłoszone w serwisie { $site }: { $url }
calendar-affected = Komponenty, których dotyczy: { $components }

## Odznaki (SVG)

badge-uptime = Dostępność: { $component }
badge-no-data = brak danych
badge-as-of = stan na { $time }

task-done = Zrobione
task-todo = Do zrobienia
