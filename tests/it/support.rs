//! Shared helpers: fixture paths, the loopback server, expected figures.

use std::path::PathBuf;

use chrono::NaiveDate;
use disclosure_audit::crawl::CrawlOptions;
use disclosure_audit::serve::{Server, StaticSite};

pub(crate) fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

pub(crate) fn anlan_dir() -> PathBuf {
    fixtures().join("sites/anlan")
}

pub(crate) async fn serve_anlan() -> Server {
    Server::start(StaticSite::open(&anlan_dir()).expect("fixture site"))
        .await
        .expect("loopback server")
}

pub(crate) const AS_OF: (i32, u32, u32) = (2026, 6, 30);

pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap()
}

/// Crawl options for loopback fixtures: no delay, a few requests in flight.
pub(crate) fn fast_options() -> CrawlOptions {
    CrawlOptions {
        delay: std::time::Duration::ZERO,
        per_host: 4,
        reference_date: as_of(),
        ..CrawlOptions::default()
    }
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct ExpectedItem {
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) column: String,
    pub(crate) published: String,
    pub(crate) category: String,
    pub(crate) key_area: String,
}

pub(crate) fn expected_items() -> Vec<ExpectedItem> {
    let mut r = csv::Reader::from_path(anlan_dir().join("expected_items.csv")).unwrap();
    r.deserialize().map(Result::unwrap).collect()
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct ExpectedColumn {
    pub(crate) name: String,
    pub(crate) items: usize,
    pub(crate) stale: bool,
    pub(crate) empty: bool,
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct Expected {
    pub(crate) as_of: String,
    pub(crate) broken_links: Vec<String>,
    pub(crate) attachments: Vec<String>,
    pub(crate) disallowed: Vec<String>,
    pub(crate) columns: Vec<ExpectedColumn>,
}

pub(crate) fn expected() -> Expected {
    let text = std::fs::read_to_string(anlan_dir().join("expected.toml")).unwrap();
    toml::from_str(&text).unwrap()
}
