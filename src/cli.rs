//! The command line (clap). Doc comments here are the `--help` text.

use std::path::PathBuf;
use std::time::Duration;

use std::ffi::{OsStr, OsString};

use allclear::author::AnyStatus;
use allclear::model::Impact;
use allclear::notify::{DEFAULT_MAX_POSTS, SecretUrl};
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// allclear: a static status page from a folder of YAML and Markdown.
#[derive(Debug, Parser)]
#[command(
    name = "allclear",
    version,
    about,
    long_about = None,
    after_help = AFTER_HELP,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// The site folder (holds site.yaml) [default: .]
    #[arg(long, global = true, value_name = "DIR")]
    pub site: Option<PathBuf>,

    /// The reference time, RFC 3339 [default: $SOURCE_DATE_EPOCH, else the current time]
    #[arg(long, global = true, value_name = "TIME")]
    pub now: Option<String>,

    // `SOURCE_DATE_EPOCH` (reproducible-builds.org), read by clap. Clap
    // reads a variable only through an argument, hence this flag, hidden
    // from --help and the manual (the completion scripts still list it). The
    // value is kept as given, not parsed here: the clock's own error names
    // the variable and says what to write, which clap's would not.
    /// The reference time in seconds since 1970 when --now is not given; set it through the environment variable SOURCE_DATE_EPOCH.
    #[arg(
        long = "source-date-epoch",
        env = "SOURCE_DATE_EPOCH",
        global = true,
        hide = true,
        value_name = "SECONDS"
    )]
    pub source_date_epoch: Option<OsString>,
}

const AFTER_HELP: &str = "During an incident:
  allclear new incident \"Elevated API errors\" --impact major --component api=partial_outage --next-update 30m
  allclear update 2026-11-20-elevated-api-errors --status identified --next-update 30m
  allclear resolve 2026-11-20-elevated-api-errors --message \"Error rates are back to normal.\"

Moving or calling off a maintenance:
  allclear reschedule 2026-12-01-database-upgrade --from \"2026-12-08 02:00\" --until \"2026-12-08 04:00\"
  allclear cancel 2026-12-01-database-upgrade --message \"The upgrade is no longer needed.\"

Exit codes: 0 success, 1 errors in the site (or warnings with --deny-warnings), 2 bad usage.
";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site folder that builds right away, with CI for GitHub Pages and GitLab Pages.
    ///
    /// Writes site.yaml, incidents/, maintenance/, .gitignore,
    /// .github/workflows/status.yml (the allclear GitHub Action, pinned to
    /// this version) and .gitlab-ci.yml (the allclear container image, pinned
    /// too); runs `git init` unless the folder is in a git repository; and
    /// prints the next steps. Takes the folder as its argument: --site and
    /// --now are refused.
    #[command(
        after_help = "Examples:\n  allclear init my-status\n  allclear init my-status --title \"Acme Status\" --base-url https://status.acme.example\n"
    )]
    Init(InitArgs),

    /// Build the site: pages, feeds, calendars, API and badges into the output folder.
    ///
    /// The output folder is replaced atomically; a failed build leaves the
    /// previous site untouched. Builds into one folder take turns (see
    /// --lock-timeout). An --out inside a folder the build reads
    /// (incidents/, maintenance/, static/, templates/, themes/) or a hidden
    /// folder such as .git/ is refused, and so is a symbolic link.
    #[command(
        after_help = "Examples:\n  allclear build\n  allclear build example-site --now 2026-11-20T15:00:00Z\n  SOURCE_DATE_EPOCH=1795186800 allclear build my-status --out dist\n"
    )]
    Build(BuildArgs),

    /// Check the site as build would, and warn about what readers would notice.
    ///
    /// Warnings: a promised update that is overdue or missing, an incident
    /// ongoing for more than 72 hours, an update dated in the future, a
    /// resolved incident without a final message, a maintenance past its
    /// window without a completed update, a component marked
    /// operational in an incident, and a maintenance window edited in
    /// place since git's HEAD instead of moved by `allclear reschedule`,
    /// `base_url` still the placeholder `allclear init` writes,
    /// `allow_raw_html: true` (entries' HTML published unsanitized), a
    /// `language` without interface messages (the pages stay English),
    /// each interface message that language lacks (shown in English), and
    /// an ongoing incident whose newest update has no translation in one of
    /// `languages:` (shown in the default language there).
    #[command(after_help = "Examples:\n  allclear check\n  allclear check my-status --format json --deny-warnings\n")]
    Check(CheckArgs),

    /// Serve the site with live reload while you edit it.
    #[command(after_help = "Examples:\n  allclear serve\n  allclear serve my-status --port 8080 --open\n")]
    Serve(ServeArgs),

    /// Start a new incident or scheduled maintenance, or with --lang write the translation of one's title and first update.
    #[command(
        subcommand,
        after_help = "Examples:\n  allclear new incident \"Elevated API errors\" --impact major --component api=partial_outage --next-update 30m\n  allclear new maintenance \"Database upgrade\" --from \"2026-12-01 02:00\" --until \"2026-12-01 04:00\" --component database\n"
    )]
    New(NewCommand),

    /// Add an update to an incident or maintenance, or with --lang write an update's translation.
    #[command(
        after_help = "Examples:\n  allclear update 2026-11-20-api-errors --status identified --message \"A bad deploy; rolling back.\" --next-update 30m\n  allclear update 2026-11-20-api-errors --status monitoring --component api=operational\n  allclear update 2026-12-01-db-upgrade --status in_progress\n  allclear update 2026-11-20-api-errors --lang de --message \"Ein fehlerhaftes Deployment; wir setzen es zurück.\"\n  allclear update 2026-11-20-api-errors --lang de --at \"2026-11-20 15:03\" --title \"Erhöhte API-Fehlerraten\"\n"
    )]
    Update(UpdateArgs),

    /// Resolve an incident, or complete a maintenance; with --lang, write that update's translation.
    #[command(
        after_help = "Examples:\n  allclear resolve 2026-11-20-api-errors --message \"Error rates are back to normal.\"\n  allclear resolve 2026-11-20-api-errors --lang de --message \"Die Fehlerraten sind wieder normal.\"\n"
    )]
    Resolve(ResolveArgs),

    /// Move a scheduled maintenance to a new window, with an update that records it.
    ///
    /// Appends an update dated now with the new scheduled_for and
    /// scheduled_until, so the window's history stays in the file, and
    /// calendar subscribers get a new revision (SEQUENCE counts these
    /// updates). The times are read as `new maintenance` reads them.
    /// Refuses incidents, and cancelled or completed maintenance.
    #[command(
        after_help = "Examples:\n  allclear reschedule 2026-12-01-db-upgrade --from \"2026-12-08 02:00\" --until \"2026-12-08 04:00\"\n  allclear reschedule 2026-12-01-db-upgrade --from 2026-12-08T01:00:00Z --until 2026-12-08T03:00:00Z --message \"Moved a week to avoid the release freeze.\"\n"
    )]
    Reschedule(RescheduleArgs),

    /// Call off a scheduled maintenance, with an update that records it.
    ///
    /// Appends an update dated now with `status: completed` and
    /// `cancelled: true`: the page shows the maintenance as cancelled, it
    /// never changes a component's status, and calendar subscribers see
    /// the event cancelled. Refuses incidents, and cancelled or completed
    /// maintenance.
    #[command(
        after_help = "Examples:\n  allclear cancel 2026-12-01-db-upgrade --message \"The upgrade is no longer needed.\"\n"
    )]
    Cancel(CancelArgs),

    /// Post the updates added or changed since a git revision to webhooks and Slack.
    ///
    /// Each update is posted once: a ledger in the git folder remembers what
    /// went where. Exits 1 when a target keeps failing or the site has errors;
    /// 2 for bad usage: an unknown revision, a bad URL, or more than
    /// --max-posts posts to one target without --force.
    #[command(
        after_help = "Examples:\n  allclear notify --since HEAD~1 --webhook https://hooks.example.com/status --dry-run\n  allclear notify --since \"$LAST_DEPLOYED\" --slack \"$SLACK_WEBHOOK_URL\"\n"
    )]
    Notify(NotifyArgs),

    /// Print a shell completion script to standard output.
    ///
    /// The script completes subcommands, options, and the values of options
    /// that take a fixed set (such as `check --format`). Load it from your shell's
    /// start-up file or save it where the shell looks for completions.
    #[command(
        after_help = "Examples:\n  allclear completions bash > ~/.local/share/bash-completion/completions/allclear\n  allclear completions zsh > \"${fpath[1]}/_allclear\"\n  allclear completions fish > ~/.config/fish/completions/allclear.fish\n  allclear completions powershell >> $PROFILE\n"
    )]
    Completions(CompletionsArgs),

    /// Print the manual page (roff) to standard output, or write one page per command.
    ///
    /// Without --out, prints allclear(1), which lists every command. With
    /// --out DIR, writes allclear.1 and a page per command
    /// (allclear-build.1, allclear-new-incident.1, …) into DIR, creating
    /// it if needed; existing pages of those names are replaced.
    #[command(after_help = "Examples:\n  allclear man | man -l -\n  allclear man --out /usr/local/share/man/man1\n")]
    Man(ManArgs),

    /// Print the help of allclear or of a command: `allclear help new incident` is `allclear new incident --help`.
    #[command(after_help = "Examples:\n  allclear help\n  allclear help new incident\n")]
    Help(HelpArgs),

    /// Import the history of another status page into the site (or a new one).
    #[command(
        subcommand,
        after_help = "Examples:\n  allclear import statuspage https://www.githubstatus.com --site my-status\n  allclear import statuspage saved-api/ --site my-status\n"
    )]
    Import(ImportCommand),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write allclear.1 and one page per command into this folder instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it may exist if empty, or holding only .git).
    pub dir: PathBuf,

    /// The page's name.
    #[arg(long, default_value = "Acme Status")]
    pub title: String,

    /// The absolute URL the site will be served from. Until you set one, the generated CI builds with the platform's address (GitHub Pages' URL, GitLab's CI_PAGES_URL) and `check` warns.
    #[arg(long, value_name = "URL", default_value = allclear::author::PLACEHOLDER_BASE_URL)]
    pub base_url: String,
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// The command, with its subcommand if it has one (e.g. `new incident`); none for allclear itself.
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder [default: --site, else .]
    #[arg(id = "site_dir", value_name = "SITE")]
    pub site: Option<PathBuf>,

    /// Where to write the site [default: SITE/public].
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Absolute URL the site is served from; overrides base_url in site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// How long to wait for another build into the same --out: `0` (fail at once), `90s`, `10m`, `1h`.
    ///
    /// Builds into one output folder take turns, holding the lock file
    /// `.NAME.allclear-lock` next to it while they write. A build that
    /// finds it held says so and waits; after this long it fails with exit
    /// code 1 and leaves the output as it was. The default, 2m, lets the
    /// builds queued ahead finish (a build holds the lock only while it
    /// writes, seconds even for 100,000 incidents), yet fails a CI job
    /// stuck behind a hung build within minutes rather than at the job's
    /// time limit. A bare number is seconds.
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration)]
    pub lock_timeout: Duration,

    /// Parse every entry file, without reading or writing the load cache.
    ///
    /// A build keeps, next to the output folder, the file
    /// `.NAME.allclear-cache`: each entry file's SHA-256 and what loading it
    /// gave, so that the next build parses only the files that changed (and
    /// all of them after a change to site.yaml or to allclear). It is never
    /// trusted blindly, never published, and may be deleted whenever no
    /// build is running.
    #[arg(long, env = "ALLCLEAR_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_cache: bool,
}

/// A duration for the command line: `humantime`'s `90s`, `10m`, `1h 30m`,
/// or a bare number of seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    if let Ok(seconds) = text.trim().parse::<u64>() {
        return Ok(Duration::from_secs(seconds));
    }
    humantime::parse_duration(text.trim()).map_err(|e| format!("{e}; write a duration like `0`, `90s`, `10m` or `1h`"))
}

/// Clap's parser for the `ValueEnum` `E`, on the value with the spaces
/// around it trimmed, as allclear has always read impacts and statuses
/// (`--impact " major"`). Its possible values, and so the help, the
/// completions and clap's "a similar value exists" suggestion, are `E`'s.
#[derive(Clone)]
struct Trimmed<E: ValueEnum + Clone + Send + Sync + 'static>(EnumValueParser<E>);

impl<E: ValueEnum + Clone + Send + Sync + 'static> Trimmed<E> {
    fn new() -> Self {
        Trimmed(EnumValueParser::new())
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Trimmed<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<E, clap::Error> {
        let trimmed = value.to_str().map_or(value, |text| OsStr::new(text.trim()));
        self.0.parse_ref(cmd, arg, trimmed)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        self.0.possible_values()
    }
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: each finding with its line and a caret.
    Text,
    /// For CI annotations: one JSON array of {file, line, column, severity, code, message}.
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder [default: --site, else .]
    #[arg(id = "site_dir", value_name = "SITE")]
    pub site: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Exit 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder [default: --site, else .]
    #[arg(id = "site_dir", value_name = "SITE")]
    pub site: Option<PathBuf>,

    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,

    /// The address to listen on; loopback unless you say otherwise.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,

    /// Also answer requests for this host name (besides localhost, IP addresses and the --bind name); .NAME allows NAME and every name below it; repeat for more.
    ///
    /// Requests for any other name get 403, so that other web sites cannot
    /// read the preview through DNS rebinding.
    #[arg(long = "allow-host", value_name = "NAME", value_parser = allclear::serve::allowed_host_name)]
    pub allowed_hosts: Vec<String>,

    /// Open the page in a browser.
    #[arg(long)]
    pub open: bool,

    /// Watch by polling (for network file systems where change events do not arrive).
    #[arg(long)]
    pub poll: bool,
}

/// `import`'s sources.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a Statuspage page: components, incidents with every update, postmortems and maintenances.
    ///
    /// SOURCE is a page's address (its public /api/v2/ endpoints: summary,
    /// components, incidents, scheduled-maintenances; they hold only the
    /// newest 50 incidents), a saved JSON file, or a folder of them (every
    /// *.json below it in a Statuspage v2 shape; duplicates merged by id, the
    /// newest updated_at wins). Into --site (default .): a folder that does
    /// not exist becomes a new site. Each entry records `source:
    /// statuspage:ID`; a second import updates the files it wrote, keeps
    /// those edited since (with a warning; --force overwrites them) and
    /// touches no other file. The ledger .allclear-import.json records what
    /// it wrote. docs/import.md has the mapping.
    #[command(
        after_help = "Examples:\n  allclear import statuspage https://www.githubstatus.com --site my-status\n  allclear import statuspage saved-api/ --site my-status\n  allclear import statuspage incidents.json --force\n"
    )]
    Statuspage(ImportStatuspageArgs),
}

#[derive(Debug, Args)]
pub struct ImportStatuspageArgs {
    /// A page's URL (https://www.githubstatus.com), a JSON file or a folder of JSON files
    #[arg(value_name = "SOURCE")]
    pub source: String,

    /// Overwrite entries edited since the last import
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Start an incident: writes incidents/YYYY-MM-DD-slug.md with a first `investigating` update.
    #[command(
        after_help = "Examples:\n  allclear new incident \"Elevated API errors\" --impact major --component api=partial_outage --next-update 30m\n  allclear new incident \"Slow dashboard\" --impact minor --component dashboard=degraded_performance --message \"Pages load slowly; we are investigating.\"\n  allclear new incident \"Langsames Dashboard\" --lang de --of 2026-11-20-slow-dashboard --message \"Seiten laden langsam; wir untersuchen das.\"\n"
    )]
    Incident(NewIncidentArgs),

    /// Schedule a maintenance: writes maintenance/YYYY-MM-DD-slug.md, dated by the window's start.
    #[command(
        after_help = "Examples:\n  allclear new maintenance \"Database upgrade\" --from \"2026-12-01 02:00\" --until \"2026-12-01 04:00\" --component database --component api\n  allclear new maintenance \"Datenbank-Upgrade\" --lang de --of 2026-12-01-database-upgrade --message \"Wir aktualisieren die Datenbank.\"\n"
    )]
    Maintenance(NewMaintenanceArgs),
}

#[derive(Debug, Args)]
pub struct NewIncidentArgs {
    /// What users see, e.g. "Elevated error rates on the API".
    pub title: String,

    /// How much the incident affects users [required unless --lang].
    #[arg(long, value_parser = Trimmed::<Impact>::new(), required_unless_present = "lang")]
    pub impact: Option<Impact>,

    /// An affected component and its status, ID=STATUS (degraded_performance, partial_outage, major_outage); repeat for more.
    #[arg(long = "component", value_name = "ID=STATUS")]
    pub components: Vec<String>,

    /// The first update's text [default: standard input when it is not a terminal, else $VISUAL or $EDITOR on a temporary file].
    #[arg(long, short)]
    pub message: Option<String>,

    /// When the next update is promised: 30m, 2h, a local time or RFC 3339.
    #[arg(long, value_name = "WHEN")]
    pub next_update: Option<String>,

    /// Write a translation into LANG (one of site.yaml's `languages:`) instead of a new entry: the title (TITLE) and first update of the entry --of names, into NAME.LANG.md next to its file. It holds only text: --impact, --component and --next-update are refused with it.
    #[arg(long, value_name = "LANG", requires = "of")]
    pub lang: Option<String>,

    /// With --lang: the entry to translate, by id.
    #[arg(long, value_name = "ID", requires = "lang")]
    pub of: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewMaintenanceArgs {
    /// What will happen, e.g. "Database upgrade".
    pub title: String,

    /// When it starts: a local time, RFC 3339, or an offset from now (2h) [required unless --lang].
    #[arg(long, value_name = "TIME", required_unless_present = "lang")]
    pub from: Option<String>,

    /// When it ends [required unless --lang].
    #[arg(long, value_name = "TIME", required_unless_present = "lang")]
    pub until: Option<String>,

    /// An affected component id; repeat for more.
    #[arg(long = "component", value_name = "ID")]
    pub components: Vec<String>,

    /// The announcement [default: standard input when it is not a terminal, else $VISUAL or $EDITOR on a temporary file].
    #[arg(long, short)]
    pub message: Option<String>,

    /// Write a translation into LANG (one of site.yaml's `languages:`) instead of a new entry: the title (TITLE) and first update of the entry --of names, into NAME.LANG.md next to its file. It holds only text: --from, --until and --component are refused with it.
    #[arg(long, value_name = "LANG", requires = "of")]
    pub lang: Option<String>,

    /// With --lang: the entry to translate, by id.
    #[arg(long, value_name = "ID", requires = "lang")]
    pub of: Option<String>,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The incident or maintenance id (its file name without extension).
    pub id: String,

    /// The new status: for an incident one of the first four, for a maintenance one of the last four [required unless --lang].
    #[arg(long, value_parser = Trimmed::<AnyStatus>::new(), required_unless_present = "lang")]
    pub status: Option<AnyStatus>,

    /// The update's text [default: standard input when it is not a terminal, else $VISUAL or $EDITOR on a temporary file].
    #[arg(long, short)]
    pub message: Option<String>,

    /// When the next update is promised: 30m, 2h, a local time or RFC 3339.
    #[arg(long, value_name = "WHEN")]
    pub next_update: Option<String>,

    /// A component's status from this update on, ID=STATUS; repeat for more.
    #[arg(long = "component", value_name = "ID=STATUS")]
    pub components: Vec<String>,

    /// Instead of a new update, write an update's translation into LANG (one of site.yaml's `languages:`): into NAME.LANG.md next to the entry's file (an existing NAME.LANG.yaml is edited instead), replacing an earlier translation of that update. It holds only text: --status, --next-update and --component are refused with it.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// With --lang: the update to translate, by its time (RFC 3339 or a local time, compared as an instant) [default: the newest].
    #[arg(long, value_name = "TIME", requires = "lang")]
    pub at: Option<String>,

    /// With --lang: the entry's title in LANG too.
    #[arg(long, requires = "lang")]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The incident or maintenance id.
    pub id: String,

    /// The final text [default: standard input when it is not a terminal, else $VISUAL or $EDITOR on a temporary file].
    #[arg(long, short)]
    pub message: Option<String>,

    /// Write the translation of the resolving (or completing) update into LANG (one of site.yaml's `languages:`) instead: into NAME.LANG.md next to the entry's file. The entry must be resolved already.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct RescheduleArgs {
    /// The maintenance id.
    pub id: String,

    /// The new start: a local time, RFC 3339, or an offset from now (2h).
    #[arg(long, value_name = "TIME")]
    pub from: String,

    /// The new end, the same way.
    #[arg(long, value_name = "TIME")]
    pub until: String,

    /// The update's text [default: "This maintenance is rescheduled to FROM – UNTIL." in the site's time zone].
    #[arg(long, short)]
    pub message: Option<String>,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// The maintenance id.
    pub id: String,

    /// The update's text [default: the theme's `maintenance-cancelled` in the site's language, "This maintenance was cancelled and will not take place." in English].
    #[arg(long, short)]
    pub message: Option<String>,
}

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// Post what changed since this git revision (a commit, tag or HEAD~1). If the site does not load there, the newest earlier commit where it does is used (following first parents; at most 100 commits, this one included).
    #[arg(long, value_name = "GIT_REV")]
    pub since: String,

    /// A URL that receives Statuspage-style incident webhooks (JSON); repeat for more. Printed only as scheme, host and first path segment.
    #[arg(long = "webhook", value_name = "URL")]
    pub webhooks: Vec<SecretUrl>,

    /// A Slack-compatible incoming-webhook URL; repeat for more. Printed only as scheme, host and first path segment.
    #[arg(long = "slack", value_name = "URL")]
    pub slacks: Vec<SecretUrl>,

    /// Print what would be sent, send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Refuse (exit 2, nothing sent) when any one target would receive more than N posts in this run. Counted per target, one post per update, leaving out posts already made, so adding a target does not lower the limit.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_POSTS)]
    pub max_posts: usize,

    /// Post even when a target would receive more than --max-posts.
    #[arg(long)]
    pub force: bool,

    /// Words that are no option: taken here, not by clap, whose "unexpected
    /// argument" error would print a webhook URL given without `--webhook`
    /// whole, secret path and all.
    #[arg(hide = true, value_name = "URL")]
    pub stray: Vec<SecretUrl>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_arguments_debug_print_urls_redacted() {
        let cli = Cli::try_parse_from([
            "allclear",
            "notify",
            "--since",
            "HEAD~1",
            "--webhook",
            "https://hooks.example/services/T0/SECRET",
            "--slack",
            "htps://hooks.example/SECRET",
        ])
        .unwrap();
        let debug = format!("{cli:?} {cli:#?}");
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("https://hooks.example/services/…"), "{debug}");
        let Command::Notify(args) = cli.command else {
            panic!("not notify: {debug}");
        };
        assert_eq!((args.max_posts, args.force), (DEFAULT_MAX_POSTS, false));
        assert_eq!(args.webhooks[0].expose(), "https://hooks.example/services/T0/SECRET");
    }
}
