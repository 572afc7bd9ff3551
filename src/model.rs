//! Plain data passed between the stages: pages, items, verdicts.
//!
//! Every stage takes and returns these values, so each stage can be tested
//! alone and re-run from stored data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where an item's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A full date next to the item on the list page.
    List,
    /// The detail page's `PubDate` meta tag or 发布日期 field.
    Detail,
    /// A month and day on the list page; the year inferred from context.
    ListInferredYear,
    /// No date found anywhere.
    #[default]
    None,
}

impl DateSource {
    /// A short stable name used in CSV output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Detail => "detail",
            Self::ListInferredYear => "list_inferred_year",
            Self::None => "none",
        }
    }
}

/// Metadata read from a detail page (standard meta tags and the
/// 政府信息公开 metadata table).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailMeta {
    /// `<meta name="ArticleTitle">`, else the page heading.
    pub title: Option<String>,
    /// `<meta name="PubDate">` or the 发布日期 field.
    pub published: Option<NaiveDate>,
    /// `<meta name="ColumnName">`.
    pub column: Option<String>,
    /// `<meta name="ContentSource">`.
    pub source: Option<String>,
    /// 索引号.
    pub index_no: Option<String>,
    /// 发布机构.
    pub publisher: Option<String>,
    /// 成文日期 (or 发文日期 / 生成日期).
    pub written: Option<NaiveDate>,
    /// 文号.
    pub doc_no: Option<String>,
    /// Standard meta tags found on the page, by name (for compliance checks).
    pub meta_tags: Vec<String>,
    /// Attachment links found on the page (absolute URLs).
    pub attachments: Vec<String>,
}

/// One published entry on a disclosure site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Absolute URL of the item (its identity within a run).
    pub url: String,
    /// Full title.
    pub title: String,
    /// The column (栏目) the item was listed in.
    pub column: String,
    /// The list page (first page of the column) the item was found on.
    pub column_url: String,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// HTTP status of the detail page, when it was fetched (0: not fetched).
    pub detail_status: u16,
    /// Detail-page metadata, when fetched.
    pub detail: Option<DetailMeta>,
}

/// The classifier's verdict on one item. Its strings are shared with the
/// compiled rule pack, so a verdict costs one allocation (its list of
/// words), not one per string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// Category id from the taxonomy.
    pub category: Arc<str>,
    /// Key-area id, if any.
    pub key_area: Option<Arc<str>>,
    /// The id of the rule that decided the category.
    pub rule: Arc<str>,
    /// The words that matched, for the deciding rule and the key area.
    pub matched: Vec<Arc<str>>,
}

/// An item with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassifiedItem {
    /// The item.
    #[serde(flatten)]
    pub item: Item,
    /// Its classification.
    pub verdict: Verdict,
}

/// A column (栏目) as found on the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The column's name.
    pub name: String,
    /// The first list page of the column.
    pub url: String,
    /// Number of list pages fetched.
    pub pages: u32,
    /// The list page said it has no entries (暂无信息…).
    pub marked_empty: bool,
    /// The list page's `<meta name="ColumnType">`, if any.
    #[serde(default)]
    pub column_type: Option<String>,
}

/// A link that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenLink {
    /// The link target.
    pub url: String,
    /// The page that linked to it.
    pub referrer: String,
    /// HTTP status, 0 when the request itself failed.
    pub status: u16,
    /// What went wrong, in words.
    pub error: String,
    /// Whether the target is an attachment (PDF, DOC…).
    pub attachment: bool,
}

/// A redirect the crawler did not follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    /// The URL that answered with the redirect.
    pub from: String,
    /// The `Location` it pointed to, as sent.
    pub to: String,
}

/// The status of one attachment link, checked without downloading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentCheck {
    /// The attachment's URL.
    pub url: String,
    /// The page that linked to it.
    pub referrer: String,
    /// HTTP status, 0 when the request itself failed.
    pub status: u16,
    /// `Content-Type`, when the server sent one.
    pub content_type: Option<String>,
}

/// Why a crawl stopped before it had fetched everything in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrawlBound {
    /// `--max-pages` was reached.
    MaxPages,
    /// The per-site time budget ran out.
    SiteTimeout,
    /// The retry budget ran out.
    RetryBudget,
    /// The run's total request budget (`--max-requests`) ran out.
    RequestBudget,
}

/// Facts about a site's crawl that the scorecard reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CrawlStats {
    /// Requests sent (including robots.txt and attachment checks).
    pub requests: u64,
    /// HTML pages fetched successfully.
    pub pages_ok: u64,
    /// Pages that failed (status or transport error).
    pub pages_failed: u64,
    /// Attachments checked.
    pub attachments: u64,
    /// Links skipped because robots.txt disallows them.
    pub robots_blocked: u64,
    /// Links skipped because they leave the scope.
    pub out_of_scope: u64,
    /// Retries made.
    pub retries: u64,
    /// Pages whose declared charset was wrong or missing and had to be detected.
    pub charset_detected: u64,
    /// Pages that still held undecodable bytes after the best decoding
    /// (shown as U+FFFD in their text).
    #[serde(default)]
    pub decode_errors: u64,
    /// Bodies cut at the size cap (`HttpOptions::max_body`).
    #[serde(default)]
    pub truncated: u64,
    /// Redirects that were not followed because they leave the scope
    /// (another host or port, another path, a non-HTTP scheme).
    #[serde(default)]
    pub redirects_out_of_scope: Vec<Redirect>,
    /// Attachment links checked (HEAD or a one-byte ranged GET), with their status.
    #[serde(default)]
    pub attachment_checks: Vec<AttachmentCheck>,
    /// Wall-clock time of the crawl in milliseconds.
    pub elapsed_ms: u64,
    /// The bound that stopped the crawl, if one did.
    pub bound: Option<CrawlBound>,
    /// URLs left in the frontier when a bound stopped the crawl.
    pub left_uncrawled: u64,
    /// A fatal error for the whole site (unreachable start page, TLS…).
    pub fatal: Option<String>,
    /// Conditional requests sent (If-None-Match / If-Modified-Since).
    pub conditional: u64,
    /// Of those, answered 304 Not Modified.
    pub not_modified: u64,
    /// Pages blocked by a firewall challenge.
    pub blocked: u64,
    /// The most URLs waiting in the frontier at once (bounded by the page
    /// budget left: a URL that the budget cannot reach is counted in
    /// `left_uncrawled` instead of queued).
    pub frontier_peak: u64,
}

/// A page or attachment fetched, with what an incremental re-crawl needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRecord {
    /// The URL asked for.
    pub url: String,
    /// HTTP status (304 when unchanged since the previous run).
    pub status: u16,
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
    /// FNV-1a hash of the body, hex.
    pub content_hash: Option<String>,
}

/// A page that answered with a web-application-firewall challenge instead
/// of its content: blocked, not broken, and never bypassed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedPage {
    /// The page.
    pub url: String,
    /// HTTP status of the challenge.
    pub status: u16,
    /// The page that linked to it.
    pub referrer: String,
}

/// A link on the site whose text names a part of the disclosure platform
/// (公开指南, 公开制度, 公开年报…), kept for the mandatory-parts check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavLink {
    /// The link text (or title).
    pub text: String,
    /// The target.
    pub url: String,
}

/// Everything the crawl and extract stages learned about one site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteCrawl {
    /// The site's display name.
    pub site: String,
    /// The start URL.
    pub start_url: String,
    /// Items, once per URL, in discovery order.
    pub items: Vec<Item>,
    /// Columns found.
    pub columns: Vec<Column>,
    /// Broken links.
    pub broken: Vec<BrokenLink>,
    /// Crawl statistics.
    pub stats: CrawlStats,
    /// Item URLs listed on the start page (for the homepage-freshness check).
    pub home_entries: Vec<String>,
    /// Links whose text names a part of the disclosure platform.
    pub nav: Vec<NavLink>,
    /// Pages that answered with a firewall challenge.
    pub blocked: Vec<BlockedPage>,
    /// Pages and attachments fetched.
    pub pages: Vec<PageRecord>,
}
