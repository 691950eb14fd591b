//! `cargo dev gen-site`: a synthetic site, the same bytes for the same
//! seed, that builds without errors or warnings at [`REFERENCE_NOW`].
//!
//! - N incidents spread over the ten years before 2026-11-20, each with 3 to
//!   5 updates (investigating → identified → monitoring → resolved), the
//!   newest 2 ongoing (each promising a next update after the reference
//!   time); Markdown messages with lists, links and code; a postmortem on
//!   one in ten; component changes in some updates (about 30%);
//! - 20 components in 4 groups, two of them with a `start_date`;
//! - N/20 maintenances: most completed, one in ten cancelled, one in eight
//!   rescheduled, one in progress and up to three upcoming;
//! - files in `incidents/YYYY/MM/` and `maintenance/YYYY/`, `.md` and
//!   `.yaml` mixed, times written as UTC, with an offset, or local to
//!   Europe/Berlin.
//!
//! Randomness comes from [`Rng`] (splitmix64), seeded per entry from the
//! seed and the entry's index, so entry `i` does not depend on the others.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;

/// The instant the synthetic site is built at: `2026-11-20T15:00:00Z`.
pub const REFERENCE_NOW: &str = "2026-11-20T15:00:00Z";

/// The first line of every generated `site.yaml`; `cargo dev bench --keep`
/// reuses a site whose header says the same size and seed. It still names
/// the command as it was before the tools left the product (`allclear
/// dev`), so that the same seed gives the same bytes as before, and sites
/// kept with `--keep` are still recognised.
const HEADER_PREFIX: &str = "# Synthetic site written by `allclear dev gen-site`";

/// [`REFERENCE_NOW`] as a time.
pub fn reference_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 15, 0, 0).unwrap()
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    pub incidents: usize,
    pub seed: u64,
    /// A second language (`languages: [de]`): the site's texts in German,
    /// and a German translation file for every other incident (see the
    /// `translate` module). Everything else is the same bytes as without.
    pub translations: bool,
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GenSummary {
    pub incidents: usize,
    pub maintenances: usize,
    /// Every file written, `site.yaml` included.
    pub files: usize,
    pub bytes: u64,
}

/// A small, fast, deterministic PRNG (splitmix64). Not for anything secret.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// A generator for one entry: independent streams from one seed.
    fn for_entry(seed: u64, stream: u64, index: usize) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 ^= r.next_u64() ^ (index as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// `(id, name, description)` of a component.
type Member = (&'static str, &'static str, &'static str);

/// The components, by group.
const GROUPS: [(&str, [Member; 5]); 4] = [
    (
        "Core platform",
        [
            ("api", "API", "The REST API at api.synthetic.example."),
            ("dashboard", "Dashboard", "The web dashboard at app.synthetic.example."),
            ("auth", "Authentication", "Sign-in, single sign-on and API keys."),
            ("graphql", "GraphQL API", "The GraphQL endpoint and its subscriptions."),
            (
                "deploys",
                "Deployments",
                "Builds and deployments started from git pushes.",
            ),
        ],
    ),
    (
        "Data",
        [
            ("database", "Primary database", "The managed PostgreSQL clusters."),
            ("storage", "Object storage", "Uploads, downloads and the bucket API."),
            ("search", "Search", "Full-text search over project data."),
            ("cache", "Cache", "The managed key-value cache."),
            ("analytics", "Analytics", "Usage graphs and exports."),
        ],
    ),
    (
        "Delivery",
        [
            ("webhooks", "Webhooks", "Outgoing webhook delivery and retries."),
            ("jobs", "Background jobs", "Queued and scheduled job execution."),
            ("cdn", "CDN", "Edge caching of static assets."),
            ("queues", "Message queues", "Hosted queues and their consumers."),
            (
                "streaming",
                "Event streaming",
                "Change streams and event subscriptions.",
            ),
        ],
    ),
    (
        "Notifications",
        [
            ("email", "Email", "Transactional email sent for projects."),
            ("sms", "SMS", "Text messages and sign-in codes."),
            ("push", "Push notifications", "Mobile push through APNs and FCM."),
            ("chat", "Chat integrations", "Slack and Teams notifications."),
            ("voice", "Voice calls", "Automated voice calls for on-call alerts."),
        ],
    ),
];

/// Components that went live after the history starts: `(id, start_date)`.
const START_DATES: [(&str, &str); 2] = [("analytics", "2018-03-01"), ("voice", "2021-06-15")];

const REGIONS: [&str; 6] = [
    "eu-west",
    "eu-central",
    "us-east",
    "us-west",
    "ap-southeast",
    "ap-northeast",
];

const TITLES: [&str; 8] = [
    "Elevated error rates on {c}",
    "Increased latency for {c}",
    "{c} unavailable in {r}",
    "Degraded performance of {c}",
    "Intermittent failures in {c}",
    "Delays in {c}",
    "Partial outage of {c}",
    "{c} returning errors for some customers",
];

const SYMPTOMS: [&str; 6] = [
    "requests fail with `502` or `503` errors",
    "responses take several seconds",
    "some requests time out after 30 seconds",
    "the dashboard shows stale data",
    "new items take minutes to appear",
    "sign-in codes arrive late",
];

const CAUSES: [&str; 10] = [
    "a faulty configuration change to the load balancers",
    "a failed failover of the primary database",
    "an expired TLS certificate on an internal endpoint",
    "a saturated network link between two data centers",
    "a bug in the latest release",
    "a noisy neighbour on shared hardware",
    "a misbehaving connection pool",
    "a full disk on a replica",
    "an outage at an upstream provider",
    "a runaway batch job",
];

const ACTIONS: [&str; 6] = [
    "rolling back the change",
    "failing over to the standby",
    "replacing the certificate",
    "moving traffic to another region",
    "adding capacity",
    "restarting the affected nodes",
];

const MAINTENANCE_TITLES: [&str; 8] = [
    "Database upgrade",
    "Network maintenance in {r}",
    "{c} cluster migration",
    "Storage replication upgrade",
    "Load balancer replacement",
    "Operating system updates for {c}",
    "Certificate rotation",
    "Data center move in {r}",
];

const DOCS: &str = "https://docs.synthetic.example";

mod translate;

/// Write a synthetic site into `dir`, which must not exist or be empty.
///
/// # Errors
/// An I/O error, or `AlreadyExists` when `dir` holds files.
pub fn generate(dir: &Path, options: &GenOptions) -> io::Result<GenSummary> {
    if fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty; give a new or empty folder", dir.display()),
        ));
    }
    let mut w = Writer {
        root: dir.to_path_buf(),
        made: BTreeSet::new(),
        summary: GenSummary::default(),
    };
    fs::create_dir_all(dir)?;
    w.write("site.yaml", &site_yaml(options))?;

    let now = reference_now();
    let n = options.incidents;
    let ongoing = n.min(2);
    let resolved = n - ongoing;
    // Resolved incidents start in even slots from ten years back to four
    // days before the reference time, so all of them end before it.
    let begin = Utc.with_ymd_and_hms(2016, 11, 20, 0, 0, 0).unwrap();
    let span = (now - Duration::days(4) - begin).num_minutes();
    for i in 0..n {
        let mut rng = Rng::for_entry(options.seed, 1, i);
        let (path, text, texts) = if i < resolved {
            let slot = span / resolved as i64;
            let start = begin + Duration::minutes(i as i64 * slot + rng.range(0, slot * 3 / 5));
            incident(&mut rng, i, start, None)
        } else {
            // The newest two: one since last night, one since this afternoon.
            let ago = if i + 1 == n {
                rng.range(40, 150)
            } else {
                rng.range(8 * 60, 26 * 60)
            };
            incident(&mut rng, i, now - Duration::minutes(ago), Some(now))
        };
        w.write(&path, &text)?;
        if options.translations && i % 2 == 0 {
            w.write(&translate::path(&path), &translate::incident(&texts))?;
        }
        w.summary.incidents += 1;
    }

    let m = n / 20;
    let upcoming = if m >= 2 { (m / 2).min(3) } else { 0 };
    let in_progress = usize::from(m >= 5);
    let past = m - upcoming - in_progress;
    let span = (now - Duration::days(10) - begin).num_minutes();
    for j in 0..m {
        let mut rng = Rng::for_entry(options.seed, 2, j);
        let kind = if j < past {
            let slot = span / past as i64;
            let day = begin + Duration::minutes(j as i64 * slot + rng.range(0, slot * 3 / 5));
            MaintenanceKind::Past(day)
        } else if j < past + in_progress {
            MaintenanceKind::InProgress
        } else {
            MaintenanceKind::Upcoming(j - past - in_progress)
        };
        let (path, text) = maintenance(&mut rng, j, kind, now);
        w.write(&path, &text)?;
        w.summary.maintenances += 1;
    }
    Ok(w.summary)
}

/// Whether `dir` holds a site generated with `options` (by its header).
pub fn is_generated(dir: &Path, options: &GenOptions) -> bool {
    fs::read_to_string(dir.join("site.yaml")).is_ok_and(|t| t.lines().next() == Some(header(options).as_str()))
}

fn header(options: &GenOptions) -> String {
    format!(
        "{HEADER_PREFIX} --incidents {} --seed {}{}",
        options.incidents,
        options.seed,
        if options.translations { " --translations" } else { "" }
    )
}

struct Writer {
    root: PathBuf,
    made: BTreeSet<PathBuf>,
    summary: GenSummary,
}

impl Writer {
    fn write(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent()
            && !self.made.contains(parent)
        {
            fs::create_dir_all(parent)?;
            self.made.insert(parent.to_path_buf());
        }
        fs::write(&path, text)?;
        self.summary.files += 1;
        self.summary.bytes += text.len() as u64;
        Ok(())
    }
}

fn site_yaml(options: &GenOptions) -> String {
    let mut s = header(options);
    s.push_str(
        "\n# Build it at the reference time: allclear build SITE --now 2026-11-20T15:00:00Z\n\n\
         title: Synthetic Status\n\
         base_url: https://status.synthetic.example\n\
         description: A generated site for benchmarks and tests.\n\
         time_zone: Europe/Berlin\n\
         links:\n  - title: Support\n    url: https://synthetic.example/support\n\
         components:\n",
    );
    for (group, members) in GROUPS {
        for (id, name, description) in members {
            let _ = write!(
                s,
                "  - id: {id}\n    name: {name}\n    description: {description}\n    group: {group}\n"
            );
            if let Some((_, date)) = START_DATES.iter().find(|(c, _)| *c == id) {
                let _ = writeln!(s, "    start_date: {date}");
            }
        }
    }
    if options.translations {
        s.push_str(&translate::site_texts(&GROUPS));
    }
    s
}

/// All components, flattened: `(id, name)`.
fn components() -> impl Iterator<Item = (&'static str, &'static str)> {
    GROUPS
        .iter()
        .flat_map(|(_, m)| m.iter().map(|&(id, name, _)| (id, name)))
}

fn component(i: usize) -> (&'static str, &'static str) {
    components().nth(i).expect("20 components")
}

/// `k` distinct component indices, mostly from one group.
fn pick_components(rng: &mut Rng, k: usize) -> Vec<usize> {
    let group = rng.below(4) as usize;
    let mut out: Vec<usize> = Vec::with_capacity(k);
    while out.len() < k {
        let c = if rng.chance(75) {
            group * 5 + rng.below(5) as usize
        } else {
            rng.below(20) as usize
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// A title as an id: lowercase words joined by `-`, at most 40 characters
/// (whole words).
fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// A time as an author might write it: UTC, with the zone's offset, or
/// local to the site's zone (only where that is unambiguous).
fn time(rng: &mut Rng, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Berlin);
    match rng.below(4) {
        0 | 1 => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        2 => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        _ => match Berlin.from_local_datetime(&local.naive_local()) {
            LocalResult::Single(_) => local.format("%Y-%m-%d %H:%M").to_string(),
            _ => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        },
    }
}

fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&Berlin).date_naive()
}

/// `text` as a YAML block scalar at `indent` spaces (after `key: |`).
fn block(out: &mut String, indent: usize, text: &str) {
    out.push_str("|\n");
    for line in text.lines() {
        if !line.is_empty() {
            out.extend(std::iter::repeat_n(' ', indent));
            out.push_str(line);
        }
        out.push('\n');
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Investigating => "investigating",
            Status::Identified => "identified",
            Status::Monitoring => "monitoring",
            Status::Resolved => "resolved",
        }
    }
}

struct Context<'a> {
    component: &'a str,
    region: &'a str,
    cause: &'a str,
    action: &'a str,
    slug: &'a str,
}

fn message(rng: &mut Rng, status: Status, cx: &Context<'_>) -> String {
    let mut m = String::new();
    match status {
        Status::Investigating => {
            let _ = writeln!(
                m,
                "We are investigating reports of problems with {} in {}: {}.",
                cx.component,
                cx.region,
                rng.pick(&SYMPTOMS)
            );
            if rng.chance(50) {
                let _ = write!(
                    m,
                    "\nWhat we see so far:\n\n- {}\n- about {}% of requests are affected\n",
                    rng.pick(&SYMPTOMS),
                    rng.range(2, 40)
                );
            }
        }
        Status::Identified => {
            let _ = writeln!(m, "We have identified the cause: {}. We are {}.", cx.cause, cx.action);
            if rng.chance(60) {
                let _ = write!(
                    m,
                    "\nNext steps:\n\n1. finish {} in {}\n2. check every region\n3. replay what failed\n",
                    cx.action, cx.region
                );
            }
        }
        Status::Monitoring => {
            let _ = writeln!(
                m,
                "A fix is in place and {} is recovering. We are monitoring error rates and latency.",
                cx.component
            );
        }
        Status::Resolved => {
            let _ = writeln!(
                m,
                "{} is operating normally again. This incident is resolved.",
                cx.component
            );
        }
    }
    if rng.chance(30) {
        let _ = write!(
            m,
            "\nSee [the {} guide]({DOCS}/guides/{}) for workarounds, and **retry** failed requests.\n",
            cx.component, cx.slug
        );
    }
    m
}

fn postmortem(rng: &mut Rng, cx: &Context<'_>, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let minutes = (end - start).num_minutes();
    let mut p = String::new();
    let _ = write!(
        p,
        "## Summary\n\nFor {minutes} minutes, {} in {} was impaired: {}.\n\n\
         ## Root cause\n\nThe cause was {}. Our alerting caught it within {} minutes.\n\n\
         ## Timeline\n\n",
        cx.component,
        cx.region,
        rng.pick(&SYMPTOMS),
        cx.cause,
        rng.range(1, 9)
    );
    let _ = write!(
        p,
        "- {} UTC: the first errors\n- {} UTC: {}\n- {} UTC: resolved\n\n",
        start.format("%H:%M"),
        (start + Duration::minutes(minutes / 2)).format("%H:%M"),
        cx.action,
        end.format("%H:%M")
    );
    let _ = write!(
        p,
        "## Action items\n\n1. Add a check that catches {} before it reaches production.\n\
         2. Shorten the time to fail over ([tracking issue]({DOCS}/changelog#{})).\n\
         3. Document the recovery in the `{}` runbook.\n",
        cx.cause, cx.slug, cx.slug
    );
    p
}

/// One incident: `(path inside the site, text, its texts)`. With
/// `ongoing_at`, the incident is still open at that time and promises its
/// next update after it.
fn incident(
    rng: &mut Rng,
    i: usize,
    start: DateTime<Utc>,
    ongoing_at: Option<DateTime<Utc>>,
) -> (String, String, translate::Texts) {
    let k = rng.range(1, 3) as usize;
    let affected = pick_components(rng, k);
    let (_, main_name) = component(affected[0]);
    let region = *rng.pick(&REGIONS);
    let title = rng.pick(&TITLES).replace("{c}", main_name).replace("{r}", region);
    let date = local_date(start);
    let id = format!("{date}-{}-{i}", slug(&title));
    let cx = Context {
        component: main_name,
        region,
        cause: rng.pick::<&str>(&CAUSES),
        action: rng.pick::<&str>(&ACTIONS),
        slug: &slug(&title),
    };
    let (impact, worst) = match rng.below(10) {
        0 => ("none", "degraded_performance"),
        1..=4 => ("minor", "degraded_performance"),
        5..=8 => ("major", "partial_outage"),
        _ => ("critical", "major_outage"),
    };
    let statuses: Vec<Status> = if ongoing_at.is_some() {
        vec![Status::Investigating, Status::Identified, Status::Monitoring]
    } else {
        match rng.below(6) {
            0 => vec![Status::Investigating, Status::Identified, Status::Resolved],
            1 => vec![Status::Investigating, Status::Monitoring, Status::Resolved],
            2 | 3 => vec![
                Status::Investigating,
                Status::Identified,
                Status::Monitoring,
                Status::Resolved,
            ],
            _ => vec![
                Status::Investigating,
                Status::Identified,
                Status::Identified,
                Status::Monitoring,
                Status::Resolved,
            ],
        }
    };
    // Times: minutes after `start`, increasing; one in twenty lasts days.
    let mut times = vec![start];
    match ongoing_at {
        Some(now) => {
            let last = now - Duration::minutes(rng.range(5, 15));
            let total = (last - start).num_minutes();
            let middle = start + Duration::minutes(total / 3 + rng.range(0, total / 3));
            times.push(middle);
            times.push(last);
        }
        None => {
            let long = rng.chance(5);
            for _ in 1..statuses.len() {
                let gap = if long { rng.range(60, 20 * 60) } else { rng.range(5, 90) };
                let t = *times.last().unwrap() + Duration::minutes(gap);
                times.push(t);
            }
        }
    }
    let end = *times.last().unwrap();

    let mut y = String::new();
    let _ = writeln!(y, "title: {title}");
    let _ = writeln!(y, "impact: {impact}");
    y.push_str("components:\n");
    for (k, &c) in affected.iter().enumerate() {
        let status = if k == 0 { worst } else { "degraded_performance" };
        let _ = writeln!(y, "  {}: {status}", component(c).0);
    }
    if rng.chance(5) {
        let started = start - Duration::minutes(rng.range(1, 20));
        let _ = writeln!(y, "started: {}", time(rng, started));
    }
    y.push_str("updates:\n");
    let changes = rng.chance(30);
    let mut texts = translate::Texts {
        title: title.clone(),
        ..translate::Texts::default()
    };
    for (k, (&status, &at)) in statuses.iter().zip(&times).enumerate() {
        let at = time(rng, at);
        let _ = writeln!(y, "  - at: {at}");
        let _ = writeln!(y, "    status: {}", status.as_str());
        y.push_str("    message: ");
        let text = message(rng, status, &cx);
        block(&mut y, 6, &text);
        texts.updates.push((at, text));
        let last = k + 1 == statuses.len();
        if last && let Some(now) = ongoing_at {
            let promised = now + Duration::minutes(rng.range(15, 55));
            let _ = writeln!(y, "    next_update: {}", time(rng, promised));
        } else if !last && rng.chance(60) {
            let promised = times[k] + Duration::minutes(*rng.pick(&[30, 60]));
            let _ = writeln!(y, "    next_update: {}", time(rng, promised));
        }
        // Some incidents report recovery before they are resolved.
        let recovering = status == Status::Monitoring || (status == Status::Identified && k == 1);
        if changes && recovering {
            y.push_str("    components:\n");
            for (j, &c) in affected.iter().enumerate() {
                let to = if j == 0 && status == Status::Identified {
                    "degraded_performance"
                } else {
                    "operational"
                };
                let _ = writeln!(y, "      {}: {to}", component(c).0);
            }
        }
    }
    // One in ten has a postmortem.
    let post = (ongoing_at.is_none() && i % 10 == 7).then(|| postmortem(rng, &cx, start, end));
    texts.postmortem.clone_from(&post);
    let yaml_file = rng.chance(40);
    let folder = format!("incidents/{:04}/{:02}", date.year(), date.month());
    if yaml_file {
        if let Some(p) = post {
            y.push_str("postmortem: ");
            block(&mut y, 2, &p);
        }
        (format!("{folder}/{id}.yaml"), y, texts)
    } else {
        let mut md = format!("---\n{y}---\n");
        if let Some(p) = post {
            md.push_str(&p);
        }
        (format!("{folder}/{id}.md"), md, texts)
    }
}

#[derive(Debug, Clone, Copy)]
enum MaintenanceKind {
    /// Over; its window starts on this day.
    Past(DateTime<Utc>),
    /// In progress at the reference time.
    InProgress,
    /// The n-th upcoming one.
    Upcoming(usize),
}

fn maintenance(rng: &mut Rng, j: usize, kind: MaintenanceKind, now: DateTime<Utc>) -> (String, String) {
    let k = rng.range(1, 3) as usize;
    let affected = pick_components(rng, k);
    let (_, main_name) = component(affected[0]);
    let region = *rng.pick(&REGIONS);
    let title = rng
        .pick(&MAINTENANCE_TITLES)
        .replace("{c}", main_name)
        .replace("{r}", region);
    // Windows start at night (UTC), last one to four hours.
    let from = match kind {
        MaintenanceKind::Past(day) => {
            let midnight = day.date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc();
            midnight + Duration::minutes(rng.range(0, 3) * 60 + 30 * rng.range(0, 1))
        }
        MaintenanceKind::InProgress => now - Duration::minutes(rng.range(20, 60)),
        MaintenanceKind::Upcoming(n) => {
            let day = (now + Duration::days(3 + 9 * n as i64 + rng.range(0, 5)))
                .date_naive()
                .and_hms_opt(1, 0, 0)
                .unwrap()
                .and_utc();
            day + Duration::minutes(30 * rng.range(0, 4))
        }
    };
    // One that is in progress ends at least an hour after the reference time.
    let hours = match kind {
        MaintenanceKind::InProgress => rng.range(2, 4),
        _ => rng.range(1, 4),
    };
    let until = from + Duration::hours(hours);
    // One in ten is cancelled, one in eight rescheduled (never both).
    let cancelled = !matches!(kind, MaintenanceKind::InProgress) && j % 10 == 3;
    let rescheduled = !cancelled && !matches!(kind, MaintenanceKind::InProgress) && j % 8 == 5;
    let shift = Duration::days(rng.range(1, 6));
    let (from_final, until_final) = if rescheduled {
        (from + shift, until + shift)
    } else {
        (from, until)
    };
    let date = local_date(from);
    let id = format!("{date}-{}-m{j}", slug(&title));

    let mut y = String::new();
    let _ = writeln!(y, "title: {title}");
    let names: Vec<&str> = affected.iter().map(|&c| component(c).0).collect();
    match rng.below(4) {
        0 => {
            y.push_str("components:\n");
            for (k, n) in names.iter().enumerate() {
                let status = if k == 0 {
                    "under_maintenance"
                } else {
                    "degraded_performance"
                };
                let _ = writeln!(y, "  {n}: {status}");
            }
        }
        1 => {
            y.push_str("components:\n");
            for n in &names {
                let _ = writeln!(y, "  - {n}");
            }
        }
        _ => {
            let _ = writeln!(y, "components: [{}]", names.join(", "));
        }
    }
    let _ = writeln!(y, "scheduled_for: {}", time(rng, from));
    let _ = writeln!(y, "scheduled_until: {}", time(rng, until));
    if cancelled {
        y.push_str("cancelled: true\n");
    }
    // Updates: all at or before the reference time.
    let announced = match kind {
        MaintenanceKind::Upcoming(_) | MaintenanceKind::InProgress => now - Duration::hours(rng.range(2, 72)),
        MaintenanceKind::Past(_) => from - Duration::days(rng.range(7, 14)),
    };
    let silent = matches!(kind, MaintenanceKind::Upcoming(_)) && rng.chance(30);
    if !silent {
        y.push_str("updates:\n");
        let _ = writeln!(y, "  - at: {}", time(rng, announced));
        y.push_str("    status: scheduled\n    message: ");
        let announcement = format!(
            "We will carry out maintenance on {main_name} in {region}. During the window:\n\n\
             - requests may fail for up to a minute at a time\n\
             - [scheduled jobs]({DOCS}/jobs) may start late\n\n\
             No action is needed on your side.\n"
        );
        block(&mut y, 6, &announcement);
        if rescheduled {
            let at = (announced + Duration::days(1)).min(now - Duration::hours(1));
            let _ = writeln!(y, "  - at: {}", time(rng, at));
            y.push_str("    status: scheduled\n    message: ");
            block(
                &mut y,
                6,
                &format!("We moved this maintenance by {} days.\n", shift.num_days()),
            );
            let _ = writeln!(y, "    scheduled_for: {}", time(rng, from_final));
            let _ = writeln!(y, "    scheduled_until: {}", time(rng, until_final));
        }
        if cancelled {
            let at = (announced + Duration::days(2)).min(now - Duration::minutes(30));
            let _ = writeln!(y, "  - at: {}", time(rng, at));
            y.push_str("    status: scheduled\n    message: ");
            block(
                &mut y,
                6,
                "This maintenance is cancelled: the work is no longer needed. Nothing changes for you.\n",
            );
        }
        if matches!(kind, MaintenanceKind::InProgress) || (matches!(kind, MaintenanceKind::Past(_)) && !cancelled) {
            if rng.chance(50) || matches!(kind, MaintenanceKind::InProgress) {
                let _ = writeln!(y, "  - at: {}", time(rng, from_final + Duration::minutes(2)));
                y.push_str("    status: in_progress\n    message: The maintenance has started.\n");
            }
            if let MaintenanceKind::Past(_) = kind {
                let done = until_final - Duration::minutes(rng.range(0, 30));
                let _ = writeln!(y, "  - at: {}", time(rng, done));
                y.push_str("    status: completed\n    message: ");
                block(
                    &mut y,
                    6,
                    &format!("The maintenance is complete and {main_name} is operating normally.\n"),
                );
            }
        }
    }
    let folder = format!("maintenance/{:04}", date.year());
    if rng.chance(50) {
        (format!("{folder}/{id}.yaml"), y)
    } else {
        let mut md = format!("---\n{y}---\n");
        if rng.chance(50) {
            let _ = write!(
                md,
                "## Why\n\nThis work keeps {main_name} on supported versions.\n\n\
                 ## What to expect\n\n- short interruptions in {region}\n- see the [maintenance policy]({DOCS}/maintenance)\n"
            );
        }
        (format!("{folder}/{id}.md"), md)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            let x = a.range(3, 5);
            assert_eq!(x, b.range(3, 5));
            assert!((3..=5).contains(&x));
        }
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Elevated error rates on API"), "elevated-error-rates-on-api");
        assert_eq!(slug("API unavailable in eu-west"), "api-unavailable-in-eu-west");
        assert_eq!(
            slug("Primary database returning errors for some customers"),
            "primary-database-returning-errors-for"
        );
    }
}
