//! The model: what the site's files say ([`Site`]) and everything derived
//! from them at one instant ([`Snapshot`]). Pure: no I/O, and the clock is
//! an argument.

mod site;
pub mod types;

pub use site::*;
pub use types::*;
pub mod reliability;
mod snapshot;
mod translation;
pub mod uptime;

pub use snapshot::*;
pub use translation::*;
