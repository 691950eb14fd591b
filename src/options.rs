//! From the arguments as clap parsed them ([`crate::cli`], the low level)
//! to what the library's commands take (the high level): the site folder,
//! the clock, and each command's options, with the checks that need more
//! than one argument. As ripgrep separates its low-level arguments from
//! their conversion, `cli` only declares and `main` only runs.

use std::ffi::OsString;
use std::path::PathBuf;

use allclear::BuildOptions;
use allclear::author;
use allclear::clock::Clock;
use allclear::notify::{self, NotifyOptions};
use allclear::serve::ServeOptions;

use crate::cli::{
    BuildArgs, Cli, InitArgs, NewIncidentArgs, NewMaintenanceArgs, NotifyArgs, RescheduleArgs, ResolveArgs, ServeArgs,
    UpdateArgs,
};
use crate::error::Error;

/// The options every command shares: `--site`, `--now` and
/// `SOURCE_DATE_EPOCH`.
#[derive(Debug, Clone)]
pub struct Global {
    site: Option<PathBuf>,
    now: Option<String>,
    source_date_epoch: Option<OsString>,
}

impl Global {
    /// The shared options of `cli`.
    pub fn of(cli: &Cli) -> Self {
        Global {
            site: cli.site.clone(),
            now: cli.now.clone(),
            source_date_epoch: cli.source_date_epoch.clone(),
        }
    }

    /// The clock: `--now`, else `SOURCE_DATE_EPOCH`, else the system clock
    /// (`allclear::clock`).
    ///
    /// # Errors
    /// [`Error::BadValue`] naming `--now` or `SOURCE_DATE_EPOCH`, with
    /// what to write instead. A value that is not UTF-8 is shown lossily and
    /// refused as not a number.
    pub fn clock(&self) -> Result<Clock, Error> {
        let epoch = self.source_date_epoch.as_ref().map(|e| e.to_string_lossy());
        Clock::from_settings(self.now.as_deref(), epoch.as_deref()).map_err(|e| {
            let source = if self.now.is_some() {
                "--now"
            } else {
                "SOURCE_DATE_EPOCH"
            };
            Error::bad_value(source, e.to_string(), e.help())
        })
    }

    /// The site folder: a command's positional argument or `--site`, not two
    /// different ones; `.` without either.
    ///
    /// # Errors
    /// [`Error::Usage`] when both are given and differ.
    pub fn site_dir(&self, positional: Option<PathBuf>) -> Result<PathBuf, Error> {
        match (positional, &self.site) {
            (Some(a), Some(b)) if &a != b => Err(Error::Usage(format!(
                "two site folders given: {} and --site {}; give one",
                a.display(),
                b.display()
            ))),
            (Some(dir), _) => Ok(dir),
            (None, Some(dir)) => Ok(dir.clone()),
            (None, None) => Ok(PathBuf::from(".")),
        }
    }

    /// Where and when an authoring command runs: `--site` (or `.`) at the
    /// clock's time.
    pub fn author_context(&self, clock: Clock) -> author::Context {
        author::Context {
            site_dir: self.site.clone().unwrap_or_else(|| PathBuf::from(".")),
            now: clock.now(),
        }
    }

    /// `init`'s refusals: it takes its folder as an argument and writes no
    /// dated file.
    ///
    /// # Errors
    /// [`Error::Usage`] for `--site` or `--now`; [`Error::BadValue`] for a
    /// `--base-url` that `site.yaml` would refuse.
    pub fn check_init(&self, args: &InitArgs) -> Result<(), Error> {
        check_base_url(&args.base_url)?;
        if self.site.is_some() {
            return Err(Error::Usage(
                "init takes the new folder as its argument, not --site: write `allclear init DIR`".into(),
            ));
        }
        if self.now.is_some() {
            return Err(Error::Usage(
                "init writes no dated file, so --now means nothing to it: leave it out".into(),
            ));
        }
        Ok(())
    }
}

/// A `--base-url` that `site.yaml` would refuse as `base_url`: bad usage,
/// found before anything is read or written.
///
/// # Errors
/// [`Error::BadValue`] naming `--base-url`.
fn check_base_url(url: &str) -> Result<(), Error> {
    allclear::load::check_base_url(url).map_err(|why| {
        Error::bad_value(
            "--base-url",
            format!("`{url}` {why}"),
            "write the full address the site is served from, like `https://status.example.com`",
        )
    })
}

impl BuildArgs {
    /// `build`'s options, into `site_dir` at `clock`'s time.
    ///
    /// # Errors
    /// [`Error::BadValue`] for a bad `--base-url`.
    pub fn options(self, site_dir: PathBuf, clock: Clock) -> Result<BuildOptions, Error> {
        if let Some(url) = &self.base_url {
            check_base_url(url)?;
        }
        Ok(BuildOptions {
            site_dir,
            out_dir: self.out,
            base_url: self.base_url,
            now: clock.now(),
            lock_timeout: self.lock_timeout,
            load_cache: !self.no_cache,
        })
    }
}

impl ServeArgs {
    /// `serve`'s options.
    pub fn options(self, site_dir: PathBuf, clock: Clock) -> ServeOptions {
        ServeOptions {
            site_dir,
            bind: self.bind,
            allowed_hosts: self.allowed_hosts,
            port: self.port,
            open: self.open,
            poll: self.poll,
            clock,
        }
    }
}

impl NotifyArgs {
    /// `notify`'s options; `backoff` is `ALLCLEAR_NOTIFY_BACKOFF_MS` as set.
    ///
    /// # Errors
    /// [`Error::Usage`] for a word that is no option (a webhook URL given
    /// without `--webhook`, shown redacted), and [`Error::Notify`] for a
    /// bad `ALLCLEAR_NOTIFY_BACKOFF_MS`.
    pub fn options(self, site_dir: PathBuf, clock: Clock, backoff: Option<&str>) -> Result<NotifyOptions, Error> {
        if let Some(stray) = self.stray.first() {
            return Err(Error::Usage(format!(
                "unexpected argument `{stray}`: give a webhook's URL with --webhook URL, and a Slack URL with --slack URL"
            )));
        }
        Ok(NotifyOptions {
            site_dir,
            since: self.since,
            webhooks: self.webhooks,
            slacks: self.slacks,
            dry_run: self.dry_run,
            now: clock.now(),
            backoff: notify::backoff_from_env(backoff)?,
            max_posts: self.max_posts,
            force: self.force,
        })
    }
}

/// What `new`, `update` or `resolve` writes: the entry itself, or with
/// `--lang` a translation of it ([`author::translate`]).
#[derive(Debug, Clone)]
pub enum Request<T> {
    Entry(T),
    Translation(author::Translation),
}

/// `--lang`'s refusal of the flags that state facts (`flags`: each flag's
/// name and whether it was given): a translation holds only text.
///
/// # Errors
/// [`Error::Usage`] naming the first fact flag given.
fn only_text(flags: &[(&str, bool)]) -> Result<(), Error> {
    match flags.iter().find(|(_, given)| *given) {
        Some((flag, _)) => Err(Error::Usage(format!(
            "{flag} cannot be used with --lang: a translation holds only text (the title and the messages); the facts stay in the entry itself, so leave {flag} out"
        ))),
        None => Ok(()),
    }
}

impl NewIncidentArgs {
    /// The incident to start (or with `--lang` the translation to write),
    /// and `--message`.
    ///
    /// # Errors
    /// [`Error::Usage`] for a fact flag with `--lang`.
    pub fn request(self) -> Result<(Request<author::NewIncident>, Option<String>), Error> {
        if let (Some(lang), Some(of)) = (self.lang, self.of) {
            only_text(&[
                ("--impact", self.impact.is_some()),
                ("--component", !self.components.is_empty()),
                ("--next-update", self.next_update.is_some()),
            ])?;
            let t = author::Translation {
                id: of,
                lang,
                title: Some(self.title),
                target: author::Target::First { incident: true },
            };
            return Ok((Request::Translation(t), self.message));
        }
        let request = author::NewIncident {
            title: self.title,
            impact: self.impact.expect("clap requires --impact without --lang"),
            components: self.components,
            next_update: self.next_update,
        };
        Ok((Request::Entry(request), self.message))
    }
}

impl NewMaintenanceArgs {
    /// The maintenance to schedule (or with `--lang` the translation to
    /// write), and `--message`.
    ///
    /// # Errors
    /// [`Error::Usage`] for a fact flag with `--lang`.
    pub fn request(self) -> Result<(Request<author::NewMaintenance>, Option<String>), Error> {
        if let (Some(lang), Some(of)) = (self.lang, self.of) {
            only_text(&[
                ("--from", self.from.is_some()),
                ("--until", self.until.is_some()),
                ("--component", !self.components.is_empty()),
            ])?;
            let t = author::Translation {
                id: of,
                lang,
                title: Some(self.title),
                target: author::Target::First { incident: false },
            };
            return Ok((Request::Translation(t), self.message));
        }
        let request = author::NewMaintenance {
            title: self.title,
            from: self.from.expect("clap requires --from without --lang"),
            until: self.until.expect("clap requires --until without --lang"),
            components: self.components,
        };
        Ok((Request::Entry(request), self.message))
    }
}

impl UpdateArgs {
    /// The update to add (or with `--lang` the translation to write), and
    /// `--message`.
    ///
    /// # Errors
    /// [`Error::Usage`] for a fact flag with `--lang`.
    pub fn request(self) -> Result<(Request<author::UpdateRequest>, Option<String>), Error> {
        if let Some(lang) = self.lang {
            only_text(&[
                ("--status", self.status.is_some()),
                ("--next-update", self.next_update.is_some()),
                ("--component", !self.components.is_empty()),
            ])?;
            let t = author::Translation {
                id: self.id,
                lang,
                title: self.title,
                target: author::Target::Update { at: self.at },
            };
            return Ok((Request::Translation(t), self.message));
        }
        let request = author::UpdateRequest {
            id: self.id,
            status: self.status.expect("clap requires --status without --lang"),
            next_update: self.next_update,
            components: self.components,
        };
        Ok((Request::Entry(request), self.message))
    }
}

impl ResolveArgs {
    /// The entry to resolve by id (or with `--lang` the translation to
    /// write), and `--message`.
    pub fn request(self) -> (Request<String>, Option<String>) {
        match self.lang {
            Some(lang) => {
                let t = author::Translation {
                    id: self.id,
                    lang,
                    title: None,
                    target: author::Target::Resolution,
                };
                (Request::Translation(t), self.message)
            }
            None => (Request::Entry(self.id), self.message),
        }
    }
}

impl RescheduleArgs {
    /// The new window, and `--message`.
    pub fn request(self) -> (author::Reschedule, Option<String>) {
        let request = author::Reschedule {
            id: self.id,
            from: self.from,
            until: self.until,
        };
        (request, self.message)
    }
}
