# L'interface du thème par défaut en français (fr). Reflet de en.ftl :
# mêmes identifiants, mêmes { $arguments } et même balisage ; seuls les
# mots sont traduits. Vouvoiement.

## Statuts et impacts

status-operational = Opérationnel
status-under_maintenance = En maintenance
status-degraded_performance = Performances dégradées
status-partial_outage = Panne partielle
status-major_outage = Panne majeure

incident-status-investigating = Enquête en cours
incident-status-identified = Cause identifiée
incident-status-monitoring = Surveillance en cours
incident-status-resolved = Résolu

maintenance-status-scheduled = Planifiée
maintenance-status-in_progress = En cours
maintenance-status-verifying = Vérification en cours
maintenance-status-completed = Terminée
maintenance-status-cancelled = Annulée

impact-none = Aucun impact
impact-minor = Impact mineur
impact-major = Impact majeur
impact-critical = Impact critique
impact-maintenance = Maintenance

indicator-none = Tous les systèmes sont opérationnels
indicator-maintenance = Service en maintenance
indicator-minor = Panne mineure du service
indicator-major = Panne partielle du système
indicator-critical = Panne majeure du service

## Chaque page : en-tête et pied de page

feed-history-rss = { $site } : historique des incidents (RSS)
feed-history-atom = { $site } : historique des incidents (Atom)
feed-updates-atom = { $site } : toutes les mises à jour (Atom)
feed-updates-json = { $site } : toutes les mises à jour (JSON Feed)
skip-to-content = Aller au contenu
nav-site = Site
nav-languages = Langues
language-name = Français
nav-status = État
nav-history = Historique
nav-breadcrumb = Fil d'Ariane
incident-history = Historique des incidents
footer-built = Page générée le <time datetime="{ $iso }">{ $time }</time>.
footer-updated = Dernière mise à jour : <time datetime="{ $iso }">{ $time }</time>.
footer-zone = Les heures sont indiquées dans le fuseau { $zone }, ou dans votre propre fuseau horaire si les scripts sont activés.
footer-calendar = Calendrier des maintenances
footer-api = API
footer-powered = Propulsé par allclear

## Page d'accueil

index-ongoing = Incidents en cours
index-active-maintenance = Maintenance en cours
index-scheduled-maintenance = Maintenances planifiées
index-components = Composants
index-components-note = État actuel et disponibilité { $days ->
        [one] sur le dernier jour.
        [many] sur les { $days } derniers jours.
       *[other] sur les { $days } derniers jours.
    }
index-past = Incidents passés
no-incidents = Aucun incident signalé.

## Incidents et maintenances

entry-rescheduled = Reprogrammée
entry-affected = Concernés :
entry-resolved-after = résolu après { $duration }
entry-ongoing-for = en cours depuis <span data-since="{ $since }">{ $duration }</span>
next-update = Prochaine mise à jour prévue d'ici <time datetime="{ $iso }">{ $time }</time>
next-update-overdue = Prochaine mise à jour attendue d'ici <time datetime="{ $iso }">{ $time }</time> ({ $ago })
update-rescheduled-to = Reprogrammée du <time datetime="{ $from_iso }">{ $from }</time> au <time datetime="{ $until_iso }">{ $until }</time>
update-next-promised = Prochaine mise à jour promise d'ici <time datetime="{ $iso }">{ $time }</time>
time-ago = il y a { $duration }

duration-minutes = { $minutes } min
duration-hours = { $hours } h { $minutes } min
duration-days = { $days } j { $hours } h
time-now = maintenant
incident-description = Incident ({ $impact }) : { $status }
incident-kind = Incident
incident-started = Début
incident-resolved = Résolution
incident-status = État
incident-ongoing = En cours
incident-duration = Durée
incident-so-far = <span data-since="{ $since }">{ $duration }</span> jusqu'à présent
incident-affected = Composants concernés
incident-affected-at-worst = Composants concernés, au plus fort de l'incident
none-listed = Aucun indiqué
updates = Mises à jour
postmortem = Post-mortem
maintenance-description = Maintenance planifiée : { $status }
maintenance-kind = Maintenance
maintenance-scheduled = Maintenance planifiée
maintenance-cancelled = Cette maintenance a été annulée et n'aura pas lieu.
maintenance-window = Créneau
maintenance-rescheduled = ({ $count ->
        [one] reprogrammée
        [many] reprogrammée { $count } fois
       *[other] reprogrammée { $count } fois
    } ; initialement prévue le <del><time datetime="{ $iso }">{ $time }</time></del>)
maintenance-calendar = Calendrier
maintenance-add-to-calendar = Ajouter au calendrier
maintenance-components = Composants
maintenance-details = Détails
maintenance-auto-in_progress = La maintenance planifiée est en cours. Nous publierons des mises à jour si nécessaire.
maintenance-auto-completed = La maintenance planifiée est terminée.

## Barres de disponibilité

uptime-days-ago = { $days ->
        [one] il y a { $days } jour
        [many] il y a { $days } jours
       *[other] il y a { $days } jours
    }
uptime-total = { $uptime } de disponibilité
uptime-over-days = { $days ->
        [one] sur le dernier jour
        [many] sur les { $days } derniers jours
       *[other] sur les { $days } derniers jours
    }
uptime-none = Pas encore de données de disponibilité
uptime-today = Aujourd'hui
uptime-incident-days = { $count ->
        [one] { $count } jour avec incidents
        [many] { $count } jours avec incidents
       *[other] { $count } jours avec incidents
    }
uptime-day = <time datetime="{ $iso }">{ $date }</time> : { $uptime } de disponibilité, { $incidents }
label-separator = {"\u00A0: "}
title-list-separator = {"\u202F; "}
day-summary = { $date } : { $uptime } de disponibilité, { $status ->
        [degraded_performance] performances dégradées
        [partial_outage] panne partielle
        [major_outage] panne majeure
        [under_maintenance] en maintenance
       *[operational] aucun incident
    }
day-summary-no-data = { $date } : aucune donnée

## S'abonner

subscribe = S'abonner
subscribe-to = S'abonner à { $component }
subscribe-component-feeds = <a href="{ $root }components/{ $id }/history.rss">RSS</a> ou <a href="{ $root }components/{ $id }/history.atom">Atom</a> : incidents et maintenances de { $component }
subscribe-component-calendar = <a href="{ $root }components/{ $id }/maintenance.ics">Calendrier</a> : ses maintenances planifiées (iCalendar)
subscribe-history = <a href="{ $root }history.rss">RSS</a> ou <a href="{ $root }history.atom">Atom</a> : un élément par incident ou maintenance
subscribe-updates = <a href="{ $root }updates.atom">Atom</a>, <a href="{ $root }updates.rss">RSS</a> ou <a href="{ $root }feed.json">JSON Feed</a> : un élément par mise à jour, pour être informé de chaque changement
subscribe-calendar = <a href="{ $root }maintenance.ics">Calendrier</a> : maintenances planifiées (iCalendar ; abonnez-vous à <code>{ $webcal }/maintenance.ics</code>)
subscribe-api = <a href="{ $root }api/v2/summary.json">API d'état</a> : JSON compatible avec Statuspage (<code>api/v2/</code>)

## Page d'un composant

component-uptime = Disponibilité
component-no-data = Pas encore de données
component-entries = Incidents et maintenances
component-no-entries = Aucun incident signalé pour { $component }.
component-more = Les { $shown } plus récents sur { $total } sont affichés. L'<a href="{ $root }history/index.html">historique des incidents</a> les contient tous.

## Historique

history-description = Tous les incidents et maintenances de { $site }, par mois
history-total = { $count ->
        [one] { $count } incident ou maintenance, par mois.
        [many] { $count } incidents et maintenances, par mois.
       *[other] { $count } incidents et maintenances, par mois.
    }
history-entries = { $count ->
        [one] élément
        [many] éléments
       *[other] éléments
    }
history-none = Aucun incident signalé pour le moment.
history-month-description = Incidents et maintenances de { $site } en { $month }
history-month-lede = { $count } { $count ->
        [one] élément
        [many] éléments
       *[other] éléments
    }, du plus récent au plus ancien.
history-months-nav = Mois
history-all-months = Tous les mois

## Page introuvable

not-found-title = Page introuvable
not-found-text = Il n'y a aucune page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une erreur.
not-found-status = État actuel
not-found-home = Aller à la page d'état

## Intégrer l'état

embed-title = Intégrer l'état
embed-description = Afficher l'état actuel de { $site } sur un autre site
embed-lede = Collez cette ligne dans n'importe quelle page web pour y afficher l'état actuel de { $site }. Il est mis à jour à chaque nouvelle génération de ce site, ainsi qu'au début et à la fin de chaque maintenance planifiée, et renvoie vers cette page.
embed-loads = Elle charge <a href="{ $root }embed-status.js"><code>embed-status.js</code></a>, le même état que <a href="{ $root }api/v2/status.json"><code>api/v2/status.json</code></a> sous forme de script, et affiche un petit lien à l'emplacement du script. Pour le placer ailleurs, ajoutez un élément vide portant l'attribut <code>data-allclear-embed</code> à l'endroit voulu.
embed-origins = Cela fonctionne sur une page de n'importe quelle origine, sans configuration de part et d'autre : les scripts se chargent d'une origine à l'autre sans en-têtes CORS, l'hébergeur de ce site n'a donc pas besoin d'envoyer <code>Access-Control-Allow-Origin</code>. (Lire <code>api/v2/status.json</code> depuis votre propre script sur une autre origine nécessite en revanche cet en-tête.) L'état est aussi récent que la dernière génération de ce site ; les navigateurs le rechargent au moins une fois par minute. S'il ne peut pas être chargé, l'intégration affiche à la place un simple lien « Page d'état » vers ce site et en indique la raison dans la console du navigateur.
embed-fallback = Page d'état
embed-how = Aperçu

## Le script de la page (allclear.js)

script-built-before-day = Aucune donnée : cette page a été générée avant ce jour.
script-next-update-overdue = Prochaine mise à jour attendue d'ici { $time } ({ $ago })
script-stale = Cette page a été mise à jour pour la dernière fois { $ago }. Elle n'est peut-être plus à jour : rechargez-la pour voir les dernières informations.
script-stale-incident = Cette page a été mise à jour pour la dernière fois { $ago }, pendant un incident. Elle n'est peut-être plus à jour : rechargez-la pour voir les dernières informations.

## Flux (RSS, Atom, JSON Feed)

feed-history-title = { $ends_with_status ->
        [yes] { $site }
       *[no] État de { $site }
    } - Historique des incidents
feed-component-title = { $feed } - { $component }
feed-updates-title = { $site } : toutes les mises à jour
feed-description = Incidents et maintenances de { $site }
feed-update-same-status = Mise à jour
feed-item-title = [{ $label }] { $title }
feed-scheduled-for = Planifiée du { $from } au { $until }.
feed-next-update = Prochaine mise à jour prévue d'ici { $time }.

## Calendriers des maintenances (iCalendar)

calendar-name = Maintenances de { $site }
calendar-description = Maintenances planifiées annoncées sur { $site } : { $url }
calendar-component-name = Maintenances de { $site } : { $component }
calendar-component-description = Maintenances planifiées de { $component } annoncées sur { $site } : { $url }
calendar-affected = Composants concernés : { $components }

## Badges (SVG)

badge-uptime = Disponibilité de { $component }
badge-no-data = aucune donnée
badge-as-of = au { $time }

task-done = Terminé
task-todo = À faire
