//! Outage statistics per component, for `api/v2/uptime.json` (allclear's
//! own extension; Statuspage has no such figures).
//!
//! An outage is an incident in which the component was `partial_outage` or
//! `major_outage` at some point. Over the same twelve months the monthly
//! uptime covers:
//! - MTTR (mean time to recovery) is the mean time from an outage's start
//!   (the incident's `started`) to its resolution, over resolved outages;
//! - MTBF (mean time between failures) is the mean time between the starts
//!   of consecutive outages, so it needs at least two.

use chrono::{DateTime, Duration, Utc};

use super::site::Incident;
use super::types::ComponentStatus;
use super::uptime::TaggedSegment;

/// A component's outage statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reliability {
    /// Outages that started in the period.
    pub outages: usize,
    /// Mean time to recovery; `None` without a resolved outage.
    pub mttr: Option<Duration>,
    /// Mean time between outage starts; `None` with fewer than two.
    pub mtbf: Option<Duration>,
}

/// Statistics from the segments of one component (as the uptime uses
/// them), counting outages that started at or after `since`.
pub fn reliability(segments: &[TaggedSegment], incidents: &[Incident], since: DateTime<Utc>) -> Reliability {
    let mut outages: Vec<usize> = segments
        .iter()
        .filter(|(_, s)| matches!(s.status, ComponentStatus::PartialOutage | ComponentStatus::MajorOutage))
        .map(|&(i, _)| i)
        .filter(|&i| incidents[i].started >= since)
        .collect();
    outages.sort_by_key(|&i| (incidents[i].started, i));
    outages.dedup();

    let repairs: Vec<Duration> = outages
        .iter()
        .filter_map(|&i| incidents[i].resolved_at().map(|r| r - incidents[i].started))
        .collect();
    let starts: Vec<DateTime<Utc>> = outages.iter().map(|&i| incidents[i].started).collect();
    let gaps: Vec<Duration> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    Reliability {
        outages: outages.len(),
        mttr: mean(&repairs),
        mtbf: mean(&gaps),
    }
}

fn mean(values: &[Duration]) -> Option<Duration> {
    let n = i32::try_from(values.len()).ok().filter(|&n| n > 0)?;
    let total: Duration = values.iter().copied().sum();
    Some(total / n)
}
