//! The field's standard vocabulary: Statuspage's component statuses, incident
//! statuses, impacts, maintenance statuses and page indicators.
//!
//! Every enum (de)serializes to the exact lowercase string Statuspage uses in
//! its v2 API (`partial_outage`, `monitoring`, ...), which is also what authors
//! write in entry files (`docs/content-format.md`). The impacts
//! and the update statuses are clap `ValueEnum`s under the same names, so
//! the command line's `--impact` and `--status` accept, list and suggest
//! exactly these.

use serde::{Deserialize, Serialize};

/// A component's status, ordered best to worst as the content format's
/// "Derived state" section ranks them: `Operational < UnderMaintenance <
/// DegradedPerformance < PartialOutage < MajorOutage`. `Ord` follows that
/// order, so "the worst status" is `max()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentStatus {
    Operational,
    UnderMaintenance,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
}

impl ComponentStatus {
    /// Every status, best to worst.
    pub const ALL: [ComponentStatus; 5] = [
        Self::Operational,
        Self::UnderMaintenance,
        Self::DegradedPerformance,
        Self::PartialOutage,
        Self::MajorOutage,
    ];

    /// Statuspage's API string, e.g. `partial_outage`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Operational => "operational",
            Self::UnderMaintenance => "under_maintenance",
            Self::DegradedPerformance => "degraded_performance",
            Self::PartialOutage => "partial_outage",
            Self::MajorOutage => "major_outage",
        }
    }

    /// Weight of one second in this status for uptime: 1.0 for a major
    /// outage, 0.3 for a partial outage, 0 otherwise (content format,
    /// "Uptime per component and day").
    pub fn downtime_weight(self) -> f64 {
        match self {
            Self::MajorOutage => 1.0,
            Self::PartialOutage => 0.3,
            _ => 0.0,
        }
    }
}

/// An incident update's status. `Postmortem` exists in Statuspage's API but is
/// not something authors write, so entries accept only the first four.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

impl IncidentStatus {
    /// Every status, in declaration order (`as usize` indexes it).
    pub const ALL: [IncidentStatus; 4] = [Self::Investigating, Self::Identified, Self::Monitoring, Self::Resolved];

    /// Statuspage's API string, e.g. `monitoring`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Investigating => "investigating",
            Self::Identified => "identified",
            Self::Monitoring => "monitoring",
            Self::Resolved => "resolved",
        }
    }

    /// Statuspage's English label, e.g. `Identified`, for `notify`'s
    /// posts; pages and feeds use the interface's messages
    /// (`incident-status-*`, [`crate::i18n`]).
    pub fn label(self) -> &'static str {
        match self {
            Self::Investigating => "Investigating",
            Self::Identified => "Identified",
            Self::Monitoring => "Monitoring",
            Self::Resolved => "Resolved",
        }
    }
}

/// A scheduled maintenance's status (Statuspage's four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum MaintenanceStatus {
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

impl MaintenanceStatus {
    /// Every status, in declaration order (`as usize` indexes it).
    pub const ALL: [MaintenanceStatus; 4] = [Self::Scheduled, Self::InProgress, Self::Verifying, Self::Completed];

    /// Statuspage's API string, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::InProgress => "in_progress",
            Self::Verifying => "verifying",
            Self::Completed => "completed",
        }
    }

    /// Statuspage's English label, e.g. `In progress`, for `notify`'s
    /// posts; pages and feeds use the interface's messages
    /// (`maintenance-status-*`, [`crate::i18n`]).
    pub fn label(self) -> &'static str {
        match self {
            Self::Scheduled => "Scheduled",
            Self::InProgress => "In progress",
            Self::Verifying => "Verifying",
            Self::Completed => "Completed",
        }
    }

    /// True while the work is under way (`in_progress` or `verifying`):
    /// the affected components are then under maintenance.
    pub fn is_active(self) -> bool {
        matches!(self, Self::InProgress | Self::Verifying)
    }
}

/// An incident's impact, ordered `None < Minor < Major < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Impact {
    None,
    Minor,
    Major,
    Critical,
}

impl Impact {
    /// Every impact, in declaration order (`as usize` indexes it).
    pub const ALL: [Impact; 4] = [Self::None, Self::Minor, Self::Major, Self::Critical];

    /// Statuspage's API string, e.g. `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Minor => "minor",
            Self::Major => "major",
            Self::Critical => "critical",
        }
    }
}

/// The page's overall status indicator (Statuspage's `status.indicator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    None,
    Maintenance,
    Minor,
    Major,
    Critical,
}

impl Indicator {
    /// Every indicator, in declaration order (`as usize` indexes it).
    pub const ALL: [Indicator; 5] = [Self::None, Self::Maintenance, Self::Minor, Self::Major, Self::Critical];

    /// Statuspage's API string, e.g. `critical`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Maintenance => "maintenance",
            Self::Minor => "minor",
            Self::Major => "major",
            Self::Critical => "critical",
        }
    }

    /// Statuspage's usual description for the indicator, as the content
    /// format lists them ("Derived state"): the API's and `notify`'s,
    /// always English; pages use the interface's messages (`indicator-*`).
    pub fn description(self) -> &'static str {
        match self {
            Self::None => "All Systems Operational",
            Self::Maintenance => "Service Under Maintenance",
            Self::Minor => "Minor Service Outage",
            Self::Major => "Partial System Outage",
            Self::Critical => "Major Service Outage",
        }
    }

    /// The indicator an ongoing incident of this impact raises the page to.
    pub fn from_impact(impact: Impact) -> Self {
        match impact {
            Impact::None => Self::None,
            Impact::Minor => Self::Minor,
            Impact::Major => Self::Major,
            Impact::Critical => Self::Critical,
        }
    }

    /// The indicator a component in this status raises the page to:
    /// degraded performance is minor, a partial outage major, a major outage
    /// critical; maintenance is `Maintenance`.
    pub fn from_component(status: ComponentStatus) -> Self {
        match status {
            ComponentStatus::Operational => Self::None,
            ComponentStatus::UnderMaintenance => Self::Maintenance,
            ComponentStatus::DegradedPerformance => Self::Minor,
            ComponentStatus::PartialOutage => Self::Major,
            ComponentStatus::MajorOutage => Self::Critical,
        }
    }
}
