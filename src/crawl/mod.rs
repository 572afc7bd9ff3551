//! The crawl stage: a site (start URL, scope, limits) in; its items,
//! columns, broken links and crawl statistics out.
//!
//! Breadth-first within the start host (and an optional path prefix),
//! honouring robots.txt, with at most `per_host` requests in flight and an
//! adaptive delay between them. Pages are handed to [`crate::extract`] on a
//! blocking thread; list entries become items, detail pages complete them.

pub mod fetch;
pub mod robots;
mod site;
pub mod waf;

use std::time::Duration;

use url::Url;

pub use fetch::{HttpOptions, build_client};
pub use robots::Robots;
pub use site::crawl_site;

/// Default page budget per site.
pub const DEFAULT_MAX_PAGES: u32 = 3000;
/// Default concurrent requests per host.
pub const DEFAULT_PER_HOST: u32 = 1;
/// Default minimum delay between requests to one host, in milliseconds.
pub const DEFAULT_DELAY_MS: u64 = 250;
/// Default link depth.
pub const DEFAULT_MAX_DEPTH: u32 = 8;

/// One site to audit.
#[derive(Debug, Clone)]
pub struct SiteSpec {
    /// Display name.
    pub name: String,
    /// Start URL.
    pub start: Url,
    /// Only URLs whose path starts with this are crawled (besides the start URL).
    pub scope: Option<String>,
    /// Accept invalid TLS certificates for this site.
    pub insecure_tls: bool,
    /// Page budget override.
    pub max_pages: Option<u32>,
}

/// Crawl limits and politeness.
#[derive(Debug, Clone)]
pub struct CrawlOptions {
    /// HTTP limits.
    pub http: HttpOptions,
    /// Page budget (HTML pages and attachment checks).
    pub max_pages: u32,
    /// Link depth from the start page (pagination does not add depth).
    pub max_depth: u32,
    /// Concurrent requests per host.
    pub per_host: u32,
    /// Minimum delay between requests to one host.
    pub delay: Duration,
    /// The delay grows to this multiple of the last response time.
    pub delay_factor: f64,
    /// Longest delay the adaptive rule may reach.
    pub max_delay: Duration,
    /// Honour robots.txt.
    pub respect_robots: bool,
    /// Check attachment links (HEAD / ranged GET).
    pub check_attachments: bool,
    /// Per-site wall-clock budget.
    pub site_timeout: Duration,
    /// Retries a site may spend in total.
    pub retry_budget: u32,
    /// Pages one pagination series may contribute.
    pub max_pages_per_list: u32,
    /// Distinct query strings one path may contribute (calendar and search traps).
    pub max_query_variants: u32,
    /// The date month-day list dates are resolved against.
    pub reference_date: chrono::NaiveDate,
    /// Link texts worth keeping (the parts of the disclosure platform the
    /// inspection looks for: 公开指南, 公开年报…).
    pub nav_keywords: Vec<String>,
    /// Requests the whole run may still send, shared by every site
    /// (`--max-requests`); `None` for no limit.
    pub request_budget: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
    /// What a previous run of the site learned: validators for conditional
    /// requests and the detail metadata to reuse when a page is unchanged.
    pub previous: Option<std::sync::Arc<Previous>>,
}

/// Validators of a page fetched before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
}

/// A previous crawl of a site, for an incremental re-crawl.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// Validators by URL.
    pub validators: std::collections::HashMap<String, Validators>,
    /// Detail metadata by item URL.
    pub details: std::collections::HashMap<String, crate::model::DetailMeta>,
}

/// A stable 64-bit hash (FNV-1a) of page content or names.
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Default for CrawlOptions {
    fn default() -> Self {
        Self {
            http: HttpOptions::default(),
            max_pages: DEFAULT_MAX_PAGES,
            max_depth: DEFAULT_MAX_DEPTH,
            per_host: DEFAULT_PER_HOST,
            delay: Duration::from_millis(DEFAULT_DELAY_MS),
            delay_factor: 1.0,
            max_delay: Duration::from_secs(30),
            respect_robots: true,
            check_attachments: true,
            site_timeout: Duration::from_secs(3600),
            retry_budget: 100,
            max_pages_per_list: 300,
            max_query_variants: 50,
            reference_date: chrono::Local::now().date_naive(),
            nav_keywords: Vec::new(),
            request_budget: None,
            previous: None,
        }
    }
}

/// Progress reports from a running crawl.
pub trait Progress: Send + Sync {
    /// A page was fetched.
    fn page(&self, site: &str, pages_done: u64, queued: usize, items: usize);

    /// A site is finished (audited and stored, or failed).
    fn site_done(&self, _site: &str) {}
}

/// A progress sink that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn page(&self, _: &str, _: u64, _: usize, _: usize) {}
}
