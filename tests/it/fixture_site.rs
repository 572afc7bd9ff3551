//! The 安澜县 fixture site, audited end to end and checked against its
//! expected figures exactly.

use std::collections::{BTreeMap, BTreeSet};

use disclosure_audit::audit::{finish_site, write_reports};
use disclosure_audit::classify::Classifier;
use disclosure_audit::crawl::{NoProgress, SiteSpec, crawl_site};
use disclosure_audit::report::Lang;
use disclosure_audit::score::Window;

use crate::support::{as_of, expected, expected_items, fast_options, serve_anlan, spec};

fn path_of(url: &str, base: &str) -> String {
    url.strip_prefix(base.trim_end_matches('/'))
        .map_or_else(|| url.to_owned(), ToOwned::to_owned)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_finds_every_item_with_dates_columns_and_categories() {
    let server = serve_anlan().await;
    let base = server.base_url();
    let spec = spec("anlan", &base);
    let crawl = crawl_site(&spec, &fast_options(), &NoProgress).await;
    assert!(crawl.stats.fatal.is_none(), "{:?}", crawl.stats.fatal);
    let exp = expected();
    assert_eq!(exp.as_of, as_of().to_string());
    let result = finish_site(crawl, &Classifier::builtin(), Window::year_before(as_of()));

    let got: BTreeMap<String, _> = result
        .items
        .iter()
        .map(|i| (path_of(&i.item.url, &base), i))
        .collect();
    let want = expected_items();
    assert_eq!(got.len(), want.len(), "item count");
    for e in &want {
        let g = got
            .get(&e.url)
            .unwrap_or_else(|| panic!("missing item {}", e.url));
        assert_eq!(g.item.title, e.title, "{}", e.url);
        assert_eq!(g.item.column, e.column, "{}", e.url);
        assert_eq!(
            g.item.published.map(|d| d.to_string()).unwrap_or_default(),
            e.published,
            "{}",
            e.url
        );
        assert_eq!(*g.verdict.category, *e.category, "{} {}", e.url, e.title);
        assert_eq!(
            g.verdict.key_area.as_deref().unwrap_or_default(),
            e.key_area,
            "{} {}",
            e.url,
            e.title
        );
    }

    // Columns: items per column, stale and empty ones.
    let card = &result.card;
    for c in &exp.columns {
        let fig = card
            .columns
            .iter()
            .find(|f| f.name == c.name)
            .unwrap_or_else(|| panic!("column {} not found", c.name));
        assert_eq!(fig.items, c.items, "items in {}", c.name);
        assert_eq!(fig.stale, c.stale, "stale {}", c.name);
        assert_eq!(fig.empty, c.empty, "empty {}", c.name);
        assert_eq!(fig.kind, c.kind, "kind of {}", c.name);
    }
    assert_eq!(
        card.columns.len(),
        exp.columns.len(),
        "no extra columns: {:?}",
        card.columns.iter().map(|c| &c.name).collect::<Vec<_>>()
    );

    // Broken links, exactly.
    let broken: BTreeSet<String> = card.broken.iter().map(|b| path_of(&b.url, &base)).collect();
    let want_broken: BTreeSet<String> = exp.broken_links.iter().cloned().collect();
    assert_eq!(broken, want_broken);

    // Politeness: robots.txt first, nothing disallowed, attachments only checked.
    let log = server.requests();
    assert_eq!(log.first().map(String::as_str), Some("/robots.txt"));
    for p in &log {
        assert!(
            !exp.disallowed.iter().any(|d| p.starts_with(d.as_str())),
            "requested disallowed {p}"
        );
    }
    for a in &exp.attachments {
        assert!(log.iter().any(|p| p == a), "attachment {a} not checked");
    }
    // Pages once each; an attachment at most twice (a HEAD that fails is
    // confirmed by a one-byte GET).
    let pages: Vec<&String> = log
        .iter()
        .filter(|p| !exp.attachments.contains(*p))
        .collect();
    let unique: BTreeSet<&String> = pages.iter().copied().collect();
    assert_eq!(unique.len(), pages.len(), "a page was fetched twice");
    for a in &exp.attachments {
        assert!(
            log.iter().filter(|p| *p == a).count() <= 2,
            "{a} checked more than twice"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_are_written_with_bom_and_contract_headers() {
    let server = serve_anlan().await;
    let spec = spec("anlan", &server.base_url());
    let crawl = crawl_site(&spec, &fast_options(), &NoProgress).await;
    let result = finish_site(crawl, &Classifier::builtin(), Window::year_before(as_of()));
    let dir = tempfile::tempdir().unwrap();
    let w = write_reports(dir.path(), std::slice::from_ref(&result), Lang::Zh, true).unwrap();
    let items = std::fs::read(&w.items).unwrap();
    assert!(
        items.starts_with(b"\xEF\xBB\xBFsite,url,title,column,published,category,key_area,rule,")
    );
    let rows = items.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(rows, result.items.len() + 1);
    let card = std::fs::read_to_string(&w.scorecard_csv).unwrap();
    assert!(card.lines().nth(1).unwrap().starts_with("anlan,"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&w.scorecard_json).unwrap()).unwrap();
    assert_eq!(json["sites"][0]["items_total"], 191);
    assert_eq!(json["sites"][0]["empty_columns"], 1);
    assert_eq!(json["sites"][0]["stale_columns"], 2);
    let md = std::fs::read_to_string(&w.scorecard_md).unwrap();
    assert!(md.contains("## 总分"), "{md}");
    // What decided the categories, summed over the items in the window.
    let b = &result.card.basis;
    assert_eq!(
        b.title + b.column + b.url + b.punctuation + b.none,
        result.card.items_in_window
    );
    assert!(b.title > 0, "{b:?}");
    assert!(
        md.contains(&format!("分类依据：标题用词 {} 条", b.title)),
        "{md}"
    );
    assert!(md.contains("乡镇动态（动态类）：超过 14 天未更新"));
    assert!(md.contains("规划计划（规划计划类）：空栏目"));
    assert!(md.contains("### 断链（7）"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_wide_request_budget_stops_the_crawl_and_marks_it_partial() {
    let server = serve_anlan().await;
    let spec = spec("anlan", &server.base_url());
    let mut opts = fast_options();
    opts.request_budget = Some(std::sync::Arc::new(std::sync::atomic::AtomicU64::new(30)));
    let crawl = crawl_site(&spec, &opts, &NoProgress).await;
    assert_eq!(
        crawl.stats.bound,
        Some(disclosure_audit::model::CrawlBound::RequestBudget)
    );
    assert!(crawl.stats.left_uncrawled > 0);
    // robots.txt plus at most 30 budgeted requests.
    assert!(server.requests().len() <= 31, "{}", server.requests().len());
    let r = finish_site(crawl, &Classifier::builtin(), Window::year_before(as_of()));
    assert!(
        r.card
            .partial
            .as_deref()
            .is_some_and(|p| p.contains("--max-requests")),
        "{:?}",
        r.card.partial
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_home_page_that_only_redirects_is_followed() {
    use crate::support::{MiniSite, detail_page, list_page};
    let site = MiniSite::default()
        .page("/", "<html><head><meta http-equiv=\"refresh\" content=\"0;url=/col/col1/index.html\"></head><body></body></html>")
        .page("/col/col1/index.html", &list_page("工作动态", &[("/art/2026/6/25/art_1_1.html", "县长调研春耕生产工作", "2026-06-25")]))
        .page("/art/2026/6/25/art_1_1.html", &detail_page("县长调研春耕生产工作", "2026-06-25 09:00"));
    let server = disclosure_audit::serve::Server::start(site).await.unwrap();
    let spec = spec("s", &server.base_url());
    let crawl = crawl_site(&spec, &fast_options(), &NoProgress).await;
    assert_eq!(crawl.items.len(), 1, "{:?}", server.requests());
    assert_eq!(crawl.items[0].column, "工作动态");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_reused_up_to_the_per_host_limit() {
    let server = serve_anlan().await;
    let spec = spec("anlan", &server.base_url());
    let mut opts = fast_options();
    opts.per_host = 16;
    let crawl = crawl_site(&spec, &opts, &NoProgress).await;
    let requests = server.requests().len();
    assert!(crawl.stats.pages_ok > 150, "{}", crawl.stats.pages_ok);
    // Each of the 16 request slots keeps its connection; a pool smaller
    // than the slots closes and reopens connections all along the crawl.
    assert!(
        server.connections() <= 20,
        "{} connections for {requests} requests",
        server.connections()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frontier_holds_no_more_than_the_page_budget_can_fetch() {
    use crate::support::{MiniSite, list_page};
    let hrefs: Vec<String> = (0..3000)
        .map(|i| format!("/art/2026/6/1/art_1_{i}.html"))
        .collect();
    let entries: Vec<(&str, &str, &str)> = hrefs
        .iter()
        .map(|h| (h.as_str(), "县政府召开常务会议", "2026-06-01"))
        .collect();
    let site = MiniSite::default().page("/", &list_page("工作动态", &entries));
    let server = disclosure_audit::serve::Server::start(site).await.unwrap();
    let spec = SiteSpec {
        max_pages: Some(50),
        ..spec("s", &server.base_url())
    };
    let crawl = crawl_site(&spec, &fast_options(), &NoProgress).await;
    assert_eq!(
        crawl.stats.bound,
        Some(disclosure_audit::model::CrawlBound::MaxPages)
    );
    // The start page took one of the 50; 49 detail pages were fetched and
    // the other 2951 reported, not queued.
    assert!(
        crawl.stats.frontier_peak <= 50,
        "{}",
        crawl.stats.frontier_peak
    );
    assert_eq!(crawl.stats.left_uncrawled, 2951);
    assert_eq!(server.requests().len(), 51, "robots.txt and 50 pages");
    assert_eq!(crawl.items.len(), 3000);
}
