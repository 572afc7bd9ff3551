//! Shared helpers: fixture paths, the loopback server, expected figures.

use std::path::PathBuf;

use chrono::NaiveDate;
use disclosure_audit::crawl::{CrawlOptions, SiteSpec};
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

/// A site to crawl from `start`, with the default scope and budget.
pub(crate) fn spec(name: &str, start: &str) -> SiteSpec {
    SiteSpec {
        name: name.into(),
        start: start.parse().unwrap(),
        scope: None,
        insecure_tls: false,
        max_pages: None,
    }
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
    pub(crate) kind: String,
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

/// A small site held in memory: path → (status, body). Pages are served
/// as HTML without a charset header, like the fixture folders.
#[derive(Debug, Clone, Default)]
pub(crate) struct MiniSite {
    pub(crate) pages: std::collections::HashMap<String, (u16, String)>,
}

impl MiniSite {
    pub(crate) fn page(mut self, path: &str, body: &str) -> Self {
        self.pages.insert(path.to_owned(), (200, body.to_owned()));
        self
    }
    pub(crate) fn status(mut self, path: &str, status: u16, body: &str) -> Self {
        self.pages
            .insert(path.to_owned(), (status, body.to_owned()));
        self
    }
}

impl disclosure_audit::serve::Handler for MiniSite {
    fn respond(&self, pq: &str) -> (u16, Vec<(String, String)>, bytes::Bytes) {
        match self.pages.get(pq) {
            Some((s, b)) => (
                *s,
                vec![("Content-Type".into(), "text/html".into())],
                bytes::Bytes::from(b.clone()),
            ),
            None => (404, vec![], bytes::Bytes::from_static(b"not found")),
        }
    }
}

/// A list page of a column with dated entries.
pub(crate) fn list_page(column: &str, entries: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        "<html><head><meta charset=utf-8><meta name=\"ColumnName\" content=\"{column}\"></head><body><h2>{column}</h2><ul>"
    );
    for (href, title, date) in entries {
        s.push_str(&format!(
            "<li><a href=\"{href}\">{title}</a><span>{date}</span></li>"
        ));
    }
    if entries.is_empty() {
        s.push_str("<li>暂无信息</li>");
    }
    s.push_str("</ul></body></html>");
    s
}

/// A detail page with the standard meta tags.
pub(crate) fn detail_page(title: &str, date: &str) -> String {
    format!(
        "<html><head><meta charset=utf-8><meta name=\"SiteName\" content=\"测试县\"><meta name=\"SiteDomain\" content=\"x.gov.cn\"><meta name=\"SiteIDCode\" content=\"1\"><meta name=\"ColumnName\" content=\"c\"><meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"{date}\"><meta name=\"ContentSource\" content=\"县政府办\"></head><body><h1>{title}</h1><p>正文。</p></body></html>"
    )
}
