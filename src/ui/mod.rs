//! The views: each reads a chart model and draws it.

pub mod over_time;
pub mod palette;
