//! Hostile and broken servers, one hazard per test, each served over real
//! HTTP (or HTTPS) on 127.0.0.1 by a raw TCP server started by the test:
//! hanging and trickling answers, endless and compressed bodies, redirect
//! loops and off-site redirects, 429/503/500, calendar and pagination traps,
//! wrong charsets and broken markup, robots.txt in all its forms, bad TLS
//! certificates, and attachments that must be checked but never downloaded.
//!
//! The raw server (not hyper) lets a test misbehave at the byte level: hold
//! a connection open without answering, send one byte a second, or stream a
//! gigabyte of zeros lazily while counting what actually left the socket.
//! Every test fails if the protection it names is removed.

mod server;

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use disclosure_audit::crawl::{NoProgress, crawl_site};
use disclosure_audit::model::CrawlBound;

use server::{
    Hazard, Hit, Reply, broken_error, bytes_with, crawl, detail_page, html, item_titles, list_page,
    opts, redirect, spec, status,
};

// ---------------------------------------------------------------------------
// 1. Servers that never answer, or trickle

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_hanging_and_trickling_pages_time_out_as_broken_links() {
    let server = Hazard::start(|h| match h.path.as_str() {
        "/" => html(&list_page(
            "通知公告",
            &[
                (
                    "/art/t20260101_1.html",
                    "关于做好春季森林防火工作的通知",
                    "2026-01-01",
                ),
                (
                    "/art/t20260102_2.html",
                    "关于开展安全生产大检查的通知",
                    "2026-01-02",
                ),
                (
                    "/art/t20260103_3.html",
                    "关于公布政务服务事项清单的通知",
                    "2026-01-03",
                ),
            ],
            "",
        )),
        "/art/t20260101_1.html" => {
            html(&detail_page("关于做好春季森林防火工作的通知", "2026-01-01"))
        }
        "/art/t20260102_2.html" => Reply::Hang,
        "/art/t20260103_3.html" => Reply::Trickle(detail_page("慢", "2026-01-03").into_bytes()),
        _ => status(404),
    })
    .await;
    let t = Instant::now();
    let c = crawl("hang", &server.url("/"), &opts()).await;
    let took = t.elapsed();
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    assert_eq!(c.items.len(), 3, "{:?}", item_titles(&c));
    for path in ["/art/t20260102_2.html", "/art/t20260103_3.html"] {
        let err = broken_error(&c, &server.url(path));
        assert!(err.contains("timed out"), "{path}: {err}");
        // One try and one retry, each cut at the request timeout.
        assert_eq!(server.count(path), 2, "{path}");
    }
    assert_eq!(c.stats.bound, None);
    assert!(took < Duration::from_secs(6), "took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_hanging_start_page_is_a_fatal_timeout_and_site_timeout_bounds_the_crawl() {
    let server = Hazard::start(|h| match h.path.as_str() {
        "/robots.txt" => status(404),
        _ => Reply::Hang,
    })
    .await;
    let mut o = opts();
    o.http.retries = 0;
    let t = Instant::now();
    let c = crawl("hang-start", &server.url("/"), &o).await;
    let fatal = c.stats.fatal.clone().unwrap_or_default();
    assert!(fatal.contains("timed out"), "{fatal}");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

    // With a generous request timeout the per-site budget still ends it.
    o.http.request_timeout = Duration::from_secs(60);
    o.site_timeout = Duration::from_millis(1500);
    let t = Instant::now();
    let c = crawl("hang-start", &server.url("/"), &o).await;
    assert_eq!(c.stats.bound, Some(CrawlBound::SiteTimeout));
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

    // A robots.txt that never answers is bounded too.
    let silent = Hazard::start(|_| Reply::Hang).await;
    let t = Instant::now();
    let c = crawl("hang-robots", &silent.url("/"), &o).await;
    let fatal = c.stats.fatal.clone().unwrap_or_default();
    assert!(fatal.contains("robots.txt"), "{fatal}");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

// ---------------------------------------------------------------------------
// 2. Endless and compressed bodies

/// `n` bytes of zeros, gzip-compressed without holding them in memory.
fn gzip_zeros(n: usize) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..n / chunk.len() {
        gz.write_all(&chunk).unwrap();
    }
    gz.finish().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_endless_body_and_gzip_bomb_stop_at_the_cap() {
    const GIB: u64 = 1 << 30;
    const CAP: usize = 1 << 20;
    let bomb = Arc::new(gzip_zeros(64 << 20));
    assert!(bomb.len() < 1 << 20, "the bomb is small on the wire");
    let server = {
        let bomb = Arc::clone(&bomb);
        Hazard::start(move |h| match h.path.as_str() {
            "/" => html(
                "<html><body><a href=\"/big.html\">大</a> <a href=\"/bomb.html\">炸</a></body></html>",
            ),
            "/big.html" => Reply::Zeros(GIB),
            "/bomb.html" => Reply::Full(
                200,
                vec![
                    ("Content-Type", "text/html".into()),
                    ("Content-Encoding", "gzip".into()),
                ],
                bomb.to_vec(),
            ),
            _ => status(404),
        })
        .await
    };
    let mut o = opts();
    o.http.max_body = CAP;
    o.http.request_timeout = Duration::from_secs(20);
    let t = Instant::now();
    // Without the cap the gigabyte would be read and parsed: stop the crawl
    // as soon as the server has sent far more than the cap, before memory runs out.
    let watchdog = async {
        while server.sent() < 256 << 20 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    let start = server.url("/");
    let c = tokio::select! {
        c = crawl("bodies", &start, &o) => c,
        () = watchdog => panic!("the body was read past the cap: {} bytes sent", server.sent()),
        () = tokio::time::sleep(Duration::from_secs(15)) => panic!("the crawl did not end"),
    };
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    assert_eq!(server.count("/big.html"), 1);
    assert_eq!(server.count("/bomb.html"), 1);
    assert_eq!(c.stats.truncated, 2, "{:#?}", c.stats);
    // The gigabyte was never sent: the client hung up at the cap (what is
    // left is the bomb and what socket buffers took before the hang-up).
    let sent = server.sent();
    assert!(sent < 64 << 20, "server sent {sent} bytes");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

// ---------------------------------------------------------------------------
// 3. Redirects: loops, other hosts and ports, other schemes

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_redirect_loops_and_off_site_redirects_are_recorded_not_followed() {
    let other_port = Hazard::start(|_| html("<html><body>other port</body></html>")).await;
    let other_host =
        Hazard::start_on("127.0.0.2:0", None, |_| html("<html>other host</html>")).await;
    let port_url = other_port.url("/y.html");
    let host_url = other_host.url("/x.html");
    // The ftp: target names this very host and port, so only the scheme
    // tells it apart.
    let me: Arc<Mutex<String>> = Arc::default();
    let server = {
        let me = Arc::clone(&me);
        let (host_url, port_url) = (host_url.clone(), port_url.clone());
        Hazard::start(move |h| match h.path.as_str() {
            "/" => html(
                "<html><body>\
                 <a href=\"/loop-a.html\">甲</a> <a href=\"/self.html\">自</a> \
                 <a href=\"/far.html\">远</a> <a href=\"/port.html\">端</a> \
                 <a href=\"/file.html\">文</a> <a href=\"/ftp.html\">传</a> \
                 <a href=\"/inside.html\">内</a></body></html>",
            ),
            "/loop-a.html" => redirect("/loop-b.html"),
            "/loop-b.html" => redirect("/loop-a.html"),
            "/self.html" => redirect("/self.html"),
            "/far.html" => redirect(&host_url),
            "/port.html" => redirect(&port_url),
            "/file.html" => redirect("file:///etc/passwd"),
            "/ftp.html" => redirect(&format!("ftp://{}/z.html", me.lock().unwrap())),
            "/inside.html" => redirect("/moved/inside.html"),
            "/moved/inside.html" => html("<html><body>moved</body></html>"),
            _ => status(404),
        })
        .await
    };
    *me.lock().unwrap() = server.addr.to_string();
    let c = crawl("redirects", &server.url("/"), &opts()).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);

    assert!(other_port.hits().is_empty(), "followed to another port");
    assert!(other_host.hits().is_empty(), "followed to another host");
    let mut off: Vec<(String, String)> = c
        .stats
        .redirects_out_of_scope
        .iter()
        .map(|r| (r.from.clone(), r.to.clone()))
        .collect();
    off.sort();
    let mut want = vec![
        (server.url("/far.html"), host_url.clone()),
        (server.url("/port.html"), port_url.clone()),
        (server.url("/file.html"), "file:///etc/passwd".to_owned()),
        (
            server.url("/ftp.html"),
            format!("ftp://{}/z.html", server.addr),
        ),
    ];
    want.sort();
    assert_eq!(off, want);

    // Loops end as broken links that say so; each hop was asked for once.
    assert!(broken_error(&c, &server.url("/loop-a.html")).contains("redirect loop"));
    assert!(broken_error(&c, &server.url("/self.html")).contains("redirect loop"));
    assert_eq!(server.count("/loop-a.html"), 1);
    assert_eq!(server.count("/loop-b.html"), 1);
    assert_eq!(server.count("/self.html"), 1);
    // A redirect inside the site is followed.
    assert_eq!(server.count("/moved/inside.html"), 1);
    assert_eq!(c.broken.len(), 2, "{:#?}", c.broken);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_redirect_chains_longer_than_the_limit_are_broken() {
    let server = Hazard::start(|h| {
        let p = h.path.as_str();
        if p == "/" {
            return html("<html><body><a href=\"/hop/0\">链</a></body></html>");
        }
        match p.strip_prefix("/hop/").and_then(|n| n.parse::<u32>().ok()) {
            Some(n) => redirect(&format!("/hop/{}", n + 1)),
            None => status(404),
        }
    })
    .await;
    let c = crawl("chain", &server.url("/"), &opts()).await;
    let err = broken_error(&c, &server.url("/hop/0"));
    assert!(err.contains("redirects"), "{err}");
    let hops = server
        .paths()
        .iter()
        .filter(|p| p.starts_with("/hop/"))
        .count();
    assert_eq!(hops, 6, "{:?}", server.paths());
}

// ---------------------------------------------------------------------------
// 4. 429, 503 and 500: retried with backoff, within the retry budget

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_429_503_and_500_are_retried_with_retry_after_and_backoff() {
    let tries: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let server = {
        let tries = Arc::clone(&tries);
        Hazard::start(move |h| {
            let n = {
                let mut t = tries.lock().unwrap();
                let n = t.entry(h.path.clone()).or_default();
                *n += 1;
                *n
            };
            let busy =
                |code: u16| Reply::Full(code, vec![("Retry-After", "1".into())], b"busy".to_vec());
            match (h.path.as_str(), n) {
                ("/", _) => html(&list_page(
                    "通知公告",
                    &[
                        (
                            "/art/t20260201_1.html",
                            "关于调整部分公交线路的公告",
                            "2026-02-01",
                        ),
                        (
                            "/art/t20260202_2.html",
                            "关于开展农村人居环境整治的通知",
                            "2026-02-02",
                        ),
                        (
                            "/art/t20260203_3.html",
                            "关于公布第一批示范项目名单的通知",
                            "2026-02-03",
                        ),
                    ],
                    "",
                )),
                ("/art/t20260201_1.html", 1) => busy(429),
                ("/art/t20260202_2.html", 1) => busy(503),
                ("/art/t20260203_3.html", 1) => status(500),
                (p, _) if p.starts_with("/art/") => html(&detail_page("详情", "2026-02-01")),
                _ => status(404),
            }
        })
        .await
    };
    let mut o = opts();
    o.http.retries = 2;
    let c = crawl("retries", &server.url("/"), &o).await;
    assert!(c.broken.is_empty(), "{:#?}", c.broken);
    assert_eq!(c.stats.retries, 3);
    assert!(
        c.items.iter().all(|i| i.detail_status == 200),
        "{:#?}",
        c.items
    );
    let gap = |path: &str| {
        let at: Vec<Instant> = server
            .hits()
            .iter()
            .filter(|h| h.path == path)
            .map(|h| h.at)
            .collect();
        assert_eq!(at.len(), 2, "{path}");
        at[1] - at[0]
    };
    // Retry-After: 1 is honoured (the backoff alone would be 0.5 s)…
    for p in ["/art/t20260201_1.html", "/art/t20260202_2.html"] {
        let g = gap(p);
        assert!(
            g >= Duration::from_millis(950) && g < Duration::from_secs(3),
            "{p}: {g:?}"
        );
    }
    // …and a bare 500 waits for the backoff.
    let g = gap("/art/t20260203_3.html");
    assert!(
        g >= Duration::from_millis(450) && g < Duration::from_secs(2),
        "{g:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_retry_budget_stops_retries() {
    let server = Hazard::start(|h| match h.path.as_str() {
        "/" => html(&list_page(
            "通知公告",
            &[
                (
                    "/art/t20260301_1.html",
                    "关于第一季度财政预算执行情况的报告",
                    "2026-03-01",
                ),
                (
                    "/art/t20260302_2.html",
                    "关于第二季度财政预算执行情况的报告",
                    "2026-03-02",
                ),
                (
                    "/art/t20260303_3.html",
                    "关于第三季度财政预算执行情况的报告",
                    "2026-03-03",
                ),
                (
                    "/art/t20260304_4.html",
                    "关于第四季度财政预算执行情况的报告",
                    "2026-03-04",
                ),
            ],
            "",
        )),
        p if p.starts_with("/art/") => status(500),
        _ => status(404),
    })
    .await;
    let mut o = opts();
    o.http.retries = 2;
    o.retry_budget = 2;
    o.per_host = 1;
    let c = crawl("budget", &server.url("/"), &o).await;
    let art = server
        .paths()
        .iter()
        .filter(|p| p.starts_with("/art/"))
        .count();
    // Four first attempts and the two retries the budget allows.
    assert_eq!(art, 4 + 2, "{:?}", server.paths());
    assert_eq!(c.stats.retries, 2);
    assert_eq!(c.stats.bound, Some(CrawlBound::RetryBudget));
    assert_eq!(c.broken.len(), 4);
    assert!(
        c.broken
            .iter()
            .any(|b| b.error.contains("retry budget exhausted")),
        "{:#?}",
        c.broken
    );
}

// ---------------------------------------------------------------------------
// 5. Calendar and pagination traps

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_endless_calendar_and_runaway_pagination_stay_bounded() {
    fn entries(page: u32) -> Vec<(String, String, String)> {
        (1..=3)
            .map(|i| {
                let n = page * 3 + i;
                (
                    format!("/list/t202604{n:02}_{n}.html"),
                    format!("关于第{n}批政府信息公开事项的公告"),
                    format!("2026-04-{n:02}"),
                )
            })
            .collect()
    }
    let server = Hazard::start(|h| {
        let p = h.path.as_str();
        if p == "/" {
            return html(
                "<html><body><a href=\"/cal.html?date=1\">日历</a> <a href=\"/list/index.html\">通知公告</a></body></html>",
            );
        }
        if let Some(n) = p.strip_prefix("/cal.html?date=") {
            // Each day links to the next, forever.
            let n: u32 = n.parse().unwrap_or(0);
            return html(&format!(
                "<html><body><p>第{n}天</p><a href=\"/cal.html?date={}\">后一天</a></body></html>",
                n + 1
            ));
        }
        let page = if p == "/list/index.html" {
            Some(0)
        } else {
            p.strip_prefix("/list/index_")
                .and_then(|r| r.strip_suffix(".html"))
                .and_then(|n| n.parse::<u32>().ok())
        };
        if let Some(page) = page {
            // Three real pages; past them the list is empty, yet the pager
            // still offers a next page, a link to itself and a far "last" page.
            let es = if page < 3 { entries(page) } else { Vec::new() };
            let es: Vec<(&str, &str, &str)> =
                es.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).collect();
            let me = if page == 0 { "index.html".to_owned() } else { format!("index_{page}.html") };
            let pager = format!(
                "<div class=\"pager\"><a href=\"{me}\">{}</a> <a href=\"index_{}.html\">下一页</a> <a href=\"index_999.html\">尾页</a></div>",
                page + 1,
                page + 1
            );
            let empty = if es.is_empty() { "<p>暂无信息</p>" } else { "" };
            return html(&list_page("通知公告", &es, &format!("{empty}{pager}")));
        }
        if p.starts_with("/list/t2026") {
            return html(&detail_page("详情", "2026-04-01"));
        }
        status(404)
    })
    .await;
    let mut o = opts();
    o.max_depth = 1000;
    o.max_pages = 200;
    o.max_query_variants = 5;
    o.max_pages_per_list = 6;
    let c = crawl("traps", &server.url("/"), &o).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    assert_eq!(c.stats.bound, None, "the crawl finished on its own");
    let paths = server.paths();
    let cal = paths.iter().filter(|p| p.starts_with("/cal.html")).count();
    assert_eq!(cal, 5, "calendar pages: {paths:?}");
    let lists = paths
        .iter()
        .filter(|p| p.starts_with("/list/index"))
        .count();
    assert!(lists <= 1 + 6, "list pages: {paths:?}");
    // Every item of the three real pages is found.
    let mut want: Vec<String> = (0..3).flat_map(entries).map(|e| e.1).collect();
    let mut got: Vec<String> = c.items.iter().map(|i| i.title.clone()).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------
// 6. Broken markup and wrong charsets

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_wrong_charsets_and_broken_markup_decode_or_are_counted() {
    use disclosure_audit::extract::charset::encode_gbk;
    fn col(dir: &str, n: u32) -> String {
        list_page(
            "信息公开",
            &[
                (
                    &format!("/{dir}/t2026050{n}_1.html"),
                    &format!("{dir}栏目关于加强耕地保护的通知"),
                    "2026-05-01",
                ),
                (
                    &format!("/{dir}/t2026050{n}_2.html"),
                    &format!("{dir}栏目关于做好汛期安全防范的通知"),
                    "2026-05-02",
                ),
            ],
            "",
        )
    }
    let server = Hazard::start(|h| {
        let p = h.path.as_str();
        match p {
            "/" => html(
                "<html><body><a href=\"/gbk/index.html\">一</a> <a href=\"/bom/index.html\">二</a> \
                 <a href=\"/meta/index.html\">三</a> <a href=\"/broken/index.html\">四</a> \
                 <a href=\"/junk/index.html\">五</a> <a href=\"/utf8/index.html\">六</a></body></html>",
            ),
            // Says GBK (header and meta), is UTF-8: the CMS moved, the label did not.
            "/utf8/index.html" => bytes_with(
                "text/html; charset=gbk",
                col("utf8", 6)
                    .replace("<head>", "<head><meta charset=\"gb2312\">")
                    .into_bytes(),
            ),
            // Says UTF-8, is GBK.
            "/gbk/index.html" => bytes_with("text/html; charset=utf-8", encode_gbk(&col("gbk", 1))),
            // A UTF-8 BOM, and a header that says GBK.
            "/bom/index.html" => {
                let mut b = b"\xEF\xBB\xBF".to_vec();
                b.extend_from_slice(col("bom", 2).as_bytes());
                bytes_with("text/html; charset=gbk", b)
            }
            // GBK declared only in <meta>, on a site whose other pages are UTF-8.
            "/meta/index.html" => {
                let page = col("meta", 3).replace(
                    "<head>",
                    "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                );
                bytes_with("text/html", encode_gbk(&page))
            }
            // Unclosed and stray tags, a NUL, an attribute left open.
            "/broken/index.html" => bytes_with(
                "text/html; charset=utf-8",
                b"<html><head><title>\xE6\xB5\x8B</head><body></div></span><ul><li><a href=\"/broken/t20260504_1.html\">broken\xE6\xA0\x8F\xE7\x9B\xAE\xE5\x85\xB3\xE4\xBA\x8E\xE5\x8A\xA0\xE5\xBC\xBA\xE8\x80\x95\xE5\x9C\xB0\xE4\xBF\x9D\xE6\x8A\xA4<span>2026-05-04</span><li><a href='/broken/t20260504_2.html\0' title=\"x>\xE5\x85\xB3\xE4\xBA\x8E\xE9\x98\xB2\xE6\xB1\x9B\xE7\x9A\x84\xE9\x80\x9A\xE7\x9F\xA5</a>2026-05-05<table><tr><td><td></tr></ul></body><!-- <a"
                    .to_vec(),
            ),
            // Bytes no encoding makes sense of.
            "/junk/index.html" => bytes_with(
                "text/html; charset=utf-8",
                (0..4096u32).map(|i| [0xFF, 0xFE, 0x80, 0xC0, 0x81][i as usize % 5]).collect(),
            ),
            _ if p.ends_with(".html") => html(&detail_page("详情", "2026-05-01")),
            _ => status(404),
        }
    })
    .await;
    let c = crawl("charsets", &server.url("/"), &opts()).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    let titles = item_titles(&c);
    for dir in ["gbk", "bom", "meta", "utf8"] {
        for t in [
            format!("{dir}栏目关于加强耕地保护的通知"),
            format!("{dir}栏目关于做好汛期安全防范的通知"),
        ] {
            assert!(titles.contains(&t.as_str()), "{t} not in {titles:?}");
        }
    }
    // Every page was parsed; the mislabelled ones counted.
    assert_eq!(c.stats.pages_failed, 0, "{:#?}", c.broken);
    assert!(server.count("/broken/index.html") == 1 && server.count("/junk/index.html") == 1);
    // GBK under a UTF-8 label, UTF-8 under a GBK label, the BOM against
    // the header, and the junk.
    assert!(c.stats.charset_detected >= 4, "{:#?}", c.stats);
}

// ---------------------------------------------------------------------------
// 7. robots.txt over HTTP

fn robots_site(robots: Reply) -> impl Fn(&Hit) -> Reply + Send + Sync + 'static {
    move |h| match h.path.as_str() {
        "/robots.txt" => robots.clone(),
        "/" => html(
            "<html><body>\
             <a href=\"/private/secret.html\">密</a> <a href=\"/private/open.html\">开</a> \
             <a href=\"/x/list.jsp\">表</a> <a href=\"/x/list.jsp?k=2\">表二</a> \
             <a href=\"/pub/a.html\">甲</a> <a href=\"/pub/b.html\">乙</a></body></html>",
        ),
        _ => html("<html><body>页</body></html>"),
    }
}

fn robots_txt(body: &str) -> Reply {
    bytes_with("text/plain", body.as_bytes().to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_robots_rules_and_crawl_delay_are_honoured() {
    let site = robots_site(robots_txt(
        "User-agent: *\nDisallow: /private/\nAllow: /private/open.html\nDisallow: /*.jsp$\nCrawl-delay: 0.4\n",
    ));
    // The first page after the start fails once: its retry must wait its
    // turn under the Crawl-delay too, not slip in between other requests.
    let failed = std::sync::atomic::AtomicBool::new(false);
    let server = Hazard::start(move |h| {
        if h.path == "/private/open.html" && !failed.swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            return status(500);
        }
        site(h)
    })
    .await;
    let mut o = opts();
    o.per_host = 4;
    let c = crawl("robots", &server.url("/"), &o).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    let paths = server.paths();
    assert_eq!(paths[0], "/robots.txt");
    for p in [
        "/private/open.html",
        "/x/list.jsp?k=2",
        "/pub/a.html",
        "/pub/b.html",
    ] {
        assert!(paths.iter().any(|x| x == p), "{p} not fetched: {paths:?}");
    }
    for p in ["/private/secret.html", "/x/list.jsp"] {
        assert!(!paths.iter().any(|x| x == p), "{p} fetched: {paths:?}");
    }
    assert_eq!(c.stats.robots_blocked, 2);
    assert_eq!(c.stats.retries, 1);
    // Crawl-delay: 0.4 spaces the page requests, the retry included, even
    // with four allowed in flight.
    let at: Vec<Instant> = server.hits().iter().skip(1).map(|h| h.at).collect();
    assert_eq!(at.len(), 6);
    for w in at.windows(2) {
        let gap = w[1] - w[0];
        // Room for a loaded machine: a retry that skips the queue lands ~0.1 s
        // after its neighbour, and without the delay the gaps are near zero.
        assert!(gap >= Duration::from_millis(300), "gap {gap:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_robots_blocked_links_do_not_use_up_a_pattern_limit() {
    // Sixty sort orders the robots.txt forbids, then three real records of
    // the same path: the forbidden ones must not use up the limit on query
    // variants of /list and crowd the real ones out.
    let mut links = String::new();
    for i in 0..60 {
        links.push_str(&format!("<a href=\"/list?sort={i}\">排序{i}</a> "));
    }
    for i in 1..=3 {
        links.push_str(&format!("<a href=\"/list?id={i}\">记录{i}</a> "));
    }
    let start = format!("<html><body>{links}</body></html>");
    let server = Hazard::start(move |h| match h.path.as_str() {
        "/robots.txt" => robots_txt("User-agent: *\nDisallow: /*?sort=\n"),
        "/" => html(&start),
        _ => html("<html><body>页</body></html>"),
    })
    .await;
    let mut o = opts();
    o.max_query_variants = 50;
    let c = crawl("robots-limit", &server.url("/"), &o).await;
    let paths = server.paths();
    for i in 1..=3 {
        let p = format!("/list?id={i}");
        assert!(paths.contains(&p), "{p} not fetched: {paths:?}");
    }
    assert!(!paths.iter().any(|p| p.contains("sort=")), "{paths:?}");
    assert_eq!(c.stats.robots_blocked, 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_robots_missing_or_html_allows_everything() {
    for (what, robots) in [
        ("missing", status(404)),
        (
            "html",
            html(
                // A soft 404 whose text happens to read like rules.
                "<!DOCTYPE html>\n<html><head><title>页面不存在</title></head><body><pre>\nUser-agent: *\nDisallow: /\n</pre></body></html>",
            ),
        ),
    ] {
        let server = Hazard::start(robots_site(robots)).await;
        let c = crawl(what, &server.url("/"), &opts()).await;
        assert!(c.stats.fatal.is_none(), "{what}: {:?}", c.stats.fatal);
        assert_eq!(c.stats.robots_blocked, 0, "{what}");
        let paths = server.paths();
        for p in ["/", "/private/secret.html", "/x/list.jsp", "/pub/a.html"] {
            assert!(
                paths.iter().any(|x| x == p),
                "{what}: {p} not fetched: {paths:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_robots_server_error_fetches_nothing_else() {
    let server = Hazard::start(robots_site(status(500))).await;
    let c = crawl("robots-500", &server.url("/"), &opts()).await;
    let paths = server.paths();
    assert!(paths.iter().all(|p| p == "/robots.txt"), "{paths:?}");
    let fatal = c.stats.fatal.clone().unwrap_or_default();
    assert!(fatal.contains("robots.txt returned HTTP 500"), "{fatal}");
    assert!(fatal.contains("--ignore-robots"), "{fatal}");
    assert_eq!(c.stats.pages_ok, 0);
}

// ---------------------------------------------------------------------------
// 8. A certificate that fails verification

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_self_signed_tls_fails_clearly_and_insecure_tls_gets_through() {
    let server = Hazard::start_tls(|h| match h.path.as_str() {
        "/robots.txt" => status(404),
        "/" => html(&list_page(
            "通知公告",
            &[(
                "/art/t20260601_1.html",
                "关于开展城乡环境卫生整治的通知",
                "2026-06-01",
            )],
            "",
        )),
        _ => html(&detail_page("关于开展城乡环境卫生整治的通知", "2026-06-01")),
    })
    .await;
    let start = server.url("/");
    assert!(start.starts_with("https://"));
    let c = crawl("自签名站点", &start, &opts()).await;
    let fatal = c.stats.fatal.clone().unwrap_or_default();
    assert!(fatal.contains("自签名站点"), "names the site: {fatal}");
    assert!(fatal.contains("certificate"), "{fatal}");
    assert!(
        fatal.contains("--insecure-tls"),
        "names the remedy: {fatal}"
    );
    assert!(c.items.is_empty());
    assert!(
        server.hits().is_empty(),
        "no request got through the handshake"
    );

    // A plain-HTTP site whose robots.txt is sent on to the HTTPS one.
    let tls_robots = server.url("/robots.txt");
    let plain = Hazard::start(move |h| match h.path.as_str() {
        "/robots.txt" => Reply::Full(301, vec![("Location", tls_robots.clone())], Vec::new()),
        _ => html("<html><body>明文</body></html>"),
    })
    .await;
    let c = crawl("明文站点", &plain.url("/"), &opts()).await;
    let fatal = c.stats.fatal.clone().unwrap_or_default();
    assert!(
        fatal.contains("明文站点") && fatal.contains("--insecure-tls"),
        "{fatal}"
    );
    assert_eq!(plain.paths(), ["/robots.txt"]);

    let mut s = spec("自签名站点", &start);
    s.insecure_tls = true;
    let c = crawl_site(&s, &opts(), &NoProgress).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    assert_eq!(item_titles(&c), ["关于开展城乡环境卫生整治的通知"]);
    assert_eq!(c.items[0].detail_status, 200);
}

// ---------------------------------------------------------------------------
// 9. Attachments: checked, never downloaded

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hazard_attachments_are_checked_with_head_or_range_never_downloaded() {
    const GIB: u64 = 1 << 30;
    let files = Hazard::start(|_| Reply::Zeros(GIB)).await;
    let cdn = files.url("/cdn/h.pdf");
    let server = Hazard::start(move |h| {
        let p = h.path.as_str();
        if p == "/files/h.pdf" {
            return redirect(&cdn);
        }
        if p == "/" {
            return html(
                "<html><body>\
                 <a href=\"/files/a.pdf\">a</a> <a href=\"/files/b.doc\">b</a> <a href=\"/files/c.xls\">c</a> \
                 <a href=\"/files/d.zip\">d</a> <a href=\"/files/e.jpg\">e</a> <a href=\"/files/nohead.pdf\">f</a> \
                 <a href=\"/files/gone.pdf\">g</a> <a href=\"/download?fileid=7\">下载</a> \
                 <a href=\"/files/head404.pdf\">i</a> \
                 <a href=\"/files/h.pdf\">h</a></body></html>",
            );
        }
        if p == "/files/gone.pdf" {
            return status(404);
        }
        if p == "/files/nohead.pdf" && h.method == "HEAD" {
            return status(405);
        }
        // A portal whose HEAD says 404 for a file its GET serves.
        if p == "/files/head404.pdf" && h.method == "HEAD" {
            return status(404);
        }
        if h.range.is_some() {
            return Reply::Full(
                206,
                vec![
                    ("Content-Type", "application/pdf".into()),
                    ("Content-Range", format!("bytes 0-0/{GIB}")),
                ],
                b"%".to_vec(),
            );
        }
        if p.starts_with("/files/") || p.starts_with("/download") {
            // A whole download would be a gigabyte.
            if h.method == "HEAD" {
                return bytes_with("application/octet-stream", Vec::new());
            }
            return Reply::Full(
                200,
                vec![("Content-Type", "application/pdf".into())],
                vec![b'%'; 4 << 20],
            );
        }
        status(404)
    })
    .await;
    let c = crawl("attachments", &server.url("/"), &opts()).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    let hits = server.hits();
    for h in hits.iter().filter(|h| h.path.starts_with("/files/")) {
        assert!(
            h.method == "HEAD" || h.range.as_deref() == Some("bytes=0-0"),
            "a whole GET of {}: {h:?}",
            h.path
        );
    }
    let nohead: Vec<&str> = hits
        .iter()
        .filter(|h| h.path == "/files/nohead.pdf")
        .map(|h| h.method.as_str())
        .collect();
    assert_eq!(nohead, ["HEAD", "GET"]);
    // The extensionless download was asked for once and its body not read.
    assert_eq!(server.count("/download?fileid=7"), 1);

    let status_of = |path: &str| {
        c.stats
            .attachment_checks
            .iter()
            .find(|a| a.url == server.url(path))
            .unwrap_or_else(|| panic!("{path} not checked: {:#?}", c.stats.attachment_checks))
            .status
    };
    for p in [
        "/files/a.pdf",
        "/files/b.doc",
        "/files/c.xls",
        "/files/d.zip",
        "/files/e.jpg",
    ] {
        assert_eq!(status_of(p), 200, "{p}");
    }
    assert_eq!(status_of("/files/nohead.pdf"), 206);
    assert_eq!(status_of("/files/head404.pdf"), 206);
    assert_eq!(status_of("/files/gone.pdf"), 404);
    assert_eq!(status_of("/download?fileid=7"), 200);
    // On another host: recorded with its redirect, not followed.
    assert_eq!(status_of("/files/h.pdf"), 302);
    assert!(files.hits().is_empty());
    assert_eq!(c.stats.attachments, 10);
    let broken: Vec<&str> = c.broken.iter().map(|b| b.url.as_str()).collect();
    assert_eq!(broken, [server.url("/files/gone.pdf")]);
    assert!(c.broken[0].attachment);
    assert_eq!(c.stats.pages_ok, 1, "only the page itself was parsed");
}
