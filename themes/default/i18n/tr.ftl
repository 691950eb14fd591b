# Varsayılan temanın arayüzü Türkçe (tr). en.ftl ile birebir örtüşür: aynı
# kimlikler, aynı { $bağımsız değişkenler } ve aynı işaretleme; yalnızca
# sözcükler çevrilmiştir. Hitap: "siz".

## Durumlar ve etki düzeyleri

status-operational = Çalışıyor
status-under_maintenance = Bakımda
status-degraded_performance = Düşük performans
status-partial_outage = Kısmi kesinti
status-major_outage = Büyük kesinti

incident-status-investigating = İnceleniyor
incident-status-identified = Sorun belirlendi
incident-status-monitoring = İzleniyor
incident-status-resolved = Çözüldü

maintenance-status-scheduled = Planlandı
maintenance-status-in_progress = Devam ediyor
maintenance-status-verifying = Doğrulanıyor
maintenance-status-completed = Tamamlandı
maintenance-status-cancelled = İptal edildi

impact-none = Etki yok
impact-minor = Düşük etki
impact-major = Yüksek etki
impact-critical = Kritik etki
impact-maintenance = Bakım

indicator-none = Tüm sistemler çalışıyor
indicator-maintenance = Hizmet bakımda
indicator-minor = Hizmette küçük kesinti
indicator-major = Sistemde kısmi kesinti
indicator-critical = Hizmette büyük kesinti

## Her sayfa: üst bilgi ve alt bilgi

feed-history-rss = { $site }: olay geçmişi (RSS)
feed-history-atom = { $site }: olay geçmişi (Atom)
feed-updates-atom = { $site }: tüm güncellemeler (Atom)
feed-updates-json = { $site }: tüm güncellemeler (JSON Feed)
skip-to-content = İçeriğe geç
nav-site = Site
nav-languages = Diller
language-name = Türkçe
nav-status = Durum
nav-history = Geçmiş
nav-breadcrumb = Sayfa yolu
incident-history = Olay geçmişi
footer-built = Sayfanın oluşturulma zamanı: <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Son güncelleme: <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Saatler { $zone } saat diliminde gösterilir; betikler çalıştığında ise kendi saat diliminizde.
footer-calendar = Bakım takvimi
footer-api = API
footer-powered = allclear ile oluşturuldu

## Ana sayfa

index-ongoing = Devam eden olaylar
index-active-maintenance = Devam eden bakım
index-scheduled-maintenance = Planlı bakım
index-components = Bileşenler
index-components-note = Güncel durum ve { $days ->
        [one] son bir gündeki erişilebilirlik.
       *[other] son { $days } gündeki erişilebilirlik.
    }
index-past = Geçmiş olaylar
no-incidents = Bildirilen olay yok.

## Olaylar ve bakımlar

entry-rescheduled = Yeniden planlandı
entry-affected = Etkilenenler:
entry-resolved-after = { $duration } sonra çözüldü
entry-ongoing-for = <span data-since="{ $since }">{ $duration }</span> süredir devam ediyor
next-update = Sonraki güncelleme en geç <time datetime="{ $iso }">{ $time }</time> bekleniyor
next-update-overdue = Sonraki güncelleme en geç <time datetime="{ $iso }">{ $time }</time> bekleniyordu ({ $ago })
update-rescheduled-to = Yeni zaman: <time datetime="{ $from_iso }">{ $from }</time> – <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Sonraki güncelleme en geç <time datetime="{ $iso }">{ $time }</time> verilecek
time-ago = { $duration } önce

duration-minutes = { $minutes } dk
duration-hours = { $hours } sa { $minutes } dk
duration-days = { $days } g { $hours } sa
time-now = şimdi
incident-description = Olay ({ $impact }): { $status }
incident-kind = Olay
incident-started = Başlangıç
incident-resolved = Çözüm
incident-status = Durum
incident-ongoing = Devam ediyor
incident-duration = Süre
incident-so-far = şimdiye kadar <span data-since="{ $since }">{ $duration }</span>
incident-affected = Etkilenen bileşenler
incident-affected-at-worst = Etkilenen bileşenler, en kötü anında
none-listed = Belirtilmedi
updates = Güncellemeler
postmortem = Olay sonrası analiz
maintenance-description = Planlı bakım: { $status }
maintenance-kind = Bakım
maintenance-scheduled = Planlı bakım
maintenance-cancelled = Bu bakım iptal edildi ve yapılmayacak.
maintenance-window = Zaman aralığı
maintenance-rescheduled = ({ $count ->
        [one] yeniden planlandı
       *[other] { $count } kez yeniden planlandı
    }; ilk planlanan zaman: <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Takvim
maintenance-add-to-calendar = Takvime ekle
maintenance-components = Bileşenler
maintenance-details = Ayrıntılar
maintenance-auto-in_progress = Planlı bakım şu anda devam ediyor. Gerektiğinde güncelleme paylaşacağız.
maintenance-auto-completed = Planlı bakım tamamlandı.

## Erişilebilirlik çubukları

uptime-days-ago = { $days ->
        [one] { $days } gün önce
       *[other] { $days } gün önce
    }
uptime-total = { $uptime } erişilebilirlik
uptime-over-days = { $days ->
        [one] son bir günde
       *[other] son { $days } günde
    }
uptime-none = Henüz erişilebilirlik verisi yok
uptime-today = Bugün
uptime-incident-days = Olay yaşanan { $count ->
        [one] { $count } gün
       *[other] { $count } gün
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time>: { $uptime } erişilebilirlik, { $incidents }
label-separator = {": "}
title-list-separator = {"; "}
day-summary = { $date }: { $uptime } erişilebilirlik, { $status ->
        [degraded_performance] düşük performans
        [partial_outage] kısmi kesinti
        [major_outage] büyük kesinti
        [under_maintenance] bakım
       *[operational] olay yok
    }
day-summary-no-data = { $date }: veri yok

## Abonelik

subscribe = Abone olun
subscribe-to = Abone olun: { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> veya <a href="{ $root }components/{ $id }/history.atom">Atom</a>: { $component } bileşenindeki olaylar ve bakımlar
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Takvim</a>: bu bileşenin planlı bakımları (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> veya <a href="{ $root }history.atom">Atom</a>: her olay veya bakım için bir öğe
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> veya <a href="{ $root }feed.json">JSON Feed</a>: her güncelleme için bir öğe; her değişiklikten haberdar olmak için
subscribe-calendar = <a href="{ $root }maintenance.ics">Takvim</a>: planlı bakımlar (iCalendar; abone olmak için: <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">Durum API'si</a>: Statuspage uyumlu JSON (<code>api/v2/</code>)

## Bileşen sayfası

component-uptime = Erişilebilirlik
component-no-data = Henüz veri yok
component-entries = Olaylar ve bakımlar
component-no-entries = { $component } için bildirilen olay yok.
component-more = { $total } kayıttan en yeni { $shown } tanesi gösteriliyor. <a href="{ $root }history/index.html">Olay geçmişi</a> tümünü içerir.

## Geçmiş arşivi

history-description = { $site } için tüm olaylar ve bakımlar, aylara göre
history-total = { $count ->
        [one] { $count } olay ve bakım, aylara göre.
       *[other] { $count } olay ve bakım, aylara göre.
    }
history-entries = { $count ->
        [one] kayıt
       *[other] kayıt
    }
history-none = Henüz bildirilen olay yok.
history-month-description = { $site } için { $month } dönemindeki olaylar ve bakımlar
history-month-lede = { $count } { $count ->
        [one] kayıt
       *[other] kayıt
    }, en yeniden eskiye.
history-months-nav = Aylar
history-all-months = Tüm aylar

## Bulunamayan adres

not-found-title = Sayfa bulunamadı
not-found-text = Bu adreste bir sayfa yok. Sayfa taşınmış ya da bağlantı yanlış yazılmış olabilir.
not-found-status = Güncel durum
not-found-home = Durum sayfasına git

## Durumu yerleştirme

embed-title = Durumu yerleştirin
embed-description = { $site } için güncel durumu başka bir sitede gösterin
embed-lede = { $site } için güncel durumu göstermek istediğiniz herhangi bir web sayfasına bu satırı yapıştırın. Durum, bu site her yeniden oluşturulduğunda ve planlı bir bakım başlayıp bittiğinde güncellenir ve buraya bağlantı verir.
embed-loads = Bu satır <a href="{ $root }embed-status.js"><code>embed-status.js</code></a> dosyasını, yani <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> ile aynı durumu bir betik olarak yükler ve betiğin bulunduğu yere küçük bir bağlantı çizer. Başka bir yere yerleştirmek için, görünmesini istediğiniz yere <code>data-allclear-embed</code> özniteliğine sahip boş bir öğe ekleyin.
embed-origins = Her iki tarafta da ayar gerekmeden, herhangi bir kaynaktaki sayfada çalışır: betikler kaynaklar arasında CORS üst bilgileri olmadan yüklenir, bu yüzden bu sitenin sunucusunun <code>Access-Control-Allow-Origin</code> göndermesi gerekmez. (Başka bir kaynaktaki kendi betiğinizden <code>api/v2/status.json</code> dosyasını okumak ise bu üst bilgiyi gerektirir.) Durum, bu sitenin son oluşturulması kadar günceldir; tarayıcılar onu en az dakikada bir yeniden yükler. Yüklenemezse yerleştirilen öğe bunun yerine buraya giden sade bir "Durum sayfası" bağlantısı gösterir ve nedenini tarayıcı konsoluna yazar.
embed-fallback = Durum sayfası
embed-how = Görünümü

## Sayfa betiği (allclear.js)

script-built-before-day = Veri yok: bu sayfa bu günden önce oluşturuldu.
script-next-update-overdue = Sonraki güncelleme en geç { $time } bekleniyordu ({ $ago })
script-stale = Bu sayfa en son { $ago } güncellendi. Güncel olmayabilir: daha yeni bilgiler için sayfayı yeniden yükleyin.
script-stale-incident = Bu sayfa en son { $ago }, bir olay sırasında güncellendi. Güncel olmayabilir: daha yeni bilgiler için sayfayı yeniden yükleyin.

## Akışlar (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] { $site } Durumu
    } - Olay Geçmişi
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site }: tüm güncellemeler
feed-description = { $site } için olaylar ve bakımlar
feed-update-same-status = Güncelleme
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Planlanan zaman: { $from } – { $until }.
feed-next-update = Sonraki güncelleme en geç { $time } bekleniyor.

## Bakım takvimleri (iCalendar)

calendar-name = { $site } bakımları
calendar-description = { $site } üzerinde duyurulan planlı bakımlar: { $url }
calendar-component-name = { $site } bakımları: { $component }
calendar-component-description = { $site } üzerinde duyurulan { $component } planlı bakımları: { $url }
calendar-affected = Etkilenen bileşenler: { $components }

## Rozetler (SVG)

badge-uptime = { $component } erişilebilirliği
badge-no-data = veri yok
badge-as-of = { $time } itibarıyla

task-done = Tamamlandı
task-todo = Yapılacak
