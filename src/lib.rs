//! disclosure-audit: audits the quality of government information-disclosure
//! websites (政府信息公开).
//!
//! The pipeline has five stages, each a module taking and returning plain
//! data: [`crawl`] → [`extract`] → [`classify`] → [`score`] → [`report`].

pub mod audit;
pub mod batch;
pub mod classify;
pub mod crawl;
pub mod extract;
pub mod model;
pub mod report;
pub mod score;
pub mod serve;
pub mod store;

/// The User-Agent sent with every request: the tool's name and version.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "disclosure-audit/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/disclosure-audit/disclosure-audit)"
);
