//! The inspection checks, each on a fixture site where it fires and one where it does not.

use chrono::NaiveDate;
use disclosure_audit::audit::audit_site;
use disclosure_audit::classify::Classifier;
use disclosure_audit::crawl::NoProgress;
use disclosure_audit::score::{Scorecard, Window};
use disclosure_audit::serve::Server;

use crate::support::{MiniSite, detail_page, fast_options, list_page, serve_anlan, spec};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn audit(base: &str, as_of: &str) -> Scorecard {
    let spec = spec("s", base);
    let mut opts = fast_options();
    opts.reference_date = d(as_of);
    audit_site(
        &spec,
        &opts,
        &Classifier::builtin(),
        Window::year_before(d(as_of)),
        &NoProgress,
    )
    .await
    .card
}

fn ids(fs: &[disclosure_audit::score::inspect::Finding]) -> Vec<&str> {
    fs.iter().map(|f| f.id.as_str()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn homepage_freshness_amber_then_veto() {
    let server = serve_anlan().await;
    let base = server.base_url();
    // 5 days after the newest homepage item: nothing fires.
    let c = audit(&base, "2026-06-30").await;
    let i = &c.inspection;
    assert!(i.pass, "{:?}", i.vetoes);
    assert_eq!(i.homepage.newest, Some(d("2026-06-25")));
    assert!(!ids(&i.warnings).contains(&"homepage_ageing"));
    assert!(
        !ids(&i.warnings).contains(&"stale_columns")
            && !ids(&i.warnings).contains(&"empty_columns")
    );
    // Dated, plausible, unblocked: none of the date or firewall checks fire.
    for quiet in [
        "undated_items",
        "implausible_dates",
        "redated_items",
        "annual_report_missing",
    ] {
        assert!(
            !ids(&i.warnings).contains(&quiet),
            "{quiet} fired: {:?}",
            i.warnings
        );
    }
    assert!(i.blocked.is_empty() && !ids(&i.manual_review).contains(&"blocked_by_challenge"));
    // 13 days: amber.
    let c = audit(&base, "2026-07-08").await;
    assert!(c.inspection.pass);
    assert!(
        ids(&c.inspection.warnings).contains(&"homepage_ageing"),
        "{:?}",
        c.inspection.warnings
    );
    // 25 days: single veto, with the item as evidence.
    let c = audit(&base, "2026-07-20").await;
    assert!(!c.inspection.pass);
    let v = c
        .inspection
        .vetoes
        .iter()
        .find(|f| f.id == "homepage_stale")
        .expect("homepage veto");
    assert!(
        v.evidence[0].ends_with("t20260625_10565.html"),
        "{:?}",
        v.evidence
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_columns_veto_and_missing_annual_report() {
    let server = serve_anlan().await;
    let c = audit(&server.base_url(), "2027-09-30").await;
    let i = &c.inspection;
    assert!(c.stale_columns >= 10, "{}", c.stale_columns);
    assert!(ids(&i.vetoes).contains(&"stale_columns"));
    let veto = i.vetoes.iter().find(|f| f.id == "stale_columns").unwrap();
    assert_eq!(veto.evidence.len(), c.stale_columns);
    // The 2026 annual report was due on 2027-01-31 and is not there; the 2025 one was found in 2026.
    assert!(ids(&i.warnings).contains(&"annual_report_missing"));
    let c = audit(&server.base_url(), "2026-06-30").await;
    let a = c.inspection.annual_report.clone().unwrap();
    assert!(a.found.unwrap().ends_with("t20260120_10241.html"));
    // Link health by place: the removed page in the nav is on the home page.
    let l = &c.inspection.links;
    assert_eq!(
        (l.home.len(), l.pages.len(), l.attachments.len()),
        (1, 5, 1),
        "{l:?}"
    );
    assert!(l.home[0].url.ends_with("/zwgk/old/index.html"));
    // Every detail page of the fixture carries the standard meta tags.
    assert!(
        c.inspection
            .meta
            .tags
            .iter()
            .all(|(_, _, share)| (*share - 1.0).abs() < 1e-9),
        "{:?}",
        c.inspection.meta.tags
    );
}

fn columns_site(empty: usize, with_platform: bool) -> MiniSite {
    let mut home = String::from(
        "<html><head><meta charset=utf-8><title>测试县人民政府</title></head><body><ul>",
    );
    let mut site = MiniSite::default();
    for k in 0..empty {
        home.push_str(&format!("<li><a href=\"/e{k}/\">空栏目{k}</a></li>"));
        site = site.page(&format!("/e{k}/"), &list_page(&format!("空栏目{k}"), &[]));
    }
    if with_platform {
        for (p, t) in [
            ("/gk/zn.html", "政府信息公开指南"),
            ("/gk/zd.html", "政府信息公开制度"),
            ("/gk/fd/", "法定主动公开内容"),
            ("/gk/nb/", "政府信息公开年报"),
        ] {
            home.push_str(&format!("<li><a href=\"{p}\">{t}</a></li>"));
            site = site.page(p, "<html><body><p>内容</p></body></html>");
        }
    }
    home.push_str("<li><a href=\"/news/\">工作动态</a></li></ul></body></html>");
    site.page("/", &home)
        .page(
            "/news/",
            &list_page(
                "工作动态",
                &[
                    (
                        "/news/202606/t20260625_1.html",
                        "县长调研春耕生产工作",
                        "2026-06-25",
                    ),
                    (
                        "/news/202606/t20260624_2.html",
                        "关于做好2026年防汛工作的通知",
                        "2026-06-24",
                    ),
                ],
            ),
        )
        .page(
            "/news/202606/t20260625_1.html",
            &detail_page("县长调研春耕生产工作", "2026-06-25 09:00"),
        )
        .page(
            "/news/202606/t20260624_2.html",
            &detail_page("关于做好2026年防汛工作的通知", "2026-06-24 09:00"),
        )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_columns_amber_veto_and_required_columns() {
    let amber = Server::start(columns_site(3, true)).await.unwrap();
    let c = audit(&amber.base_url(), "2026-06-30").await;
    assert_eq!(c.empty_columns, 3);
    assert!(c.inspection.pass);
    assert!(ids(&c.inspection.warnings).contains(&"empty_columns"));
    assert!(
        c.inspection.mandatory.iter().all(|p| p.found.is_some()),
        "{:?}",
        c.inspection.mandatory
    );
    assert!(!ids(&c.inspection.warnings).contains(&"mandatory_columns"));

    let veto = Server::start(columns_site(5, false)).await.unwrap();
    let c = audit(&veto.base_url(), "2026-06-30").await;
    assert_eq!(c.empty_columns, 5);
    assert!(!c.inspection.pass);
    assert!(ids(&c.inspection.vetoes).contains(&"empty_columns"));
    assert!(ids(&c.inspection.warnings).contains(&"mandatory_columns"));
    assert!(c.inspection.mandatory.iter().all(|p| p.found.is_none()));

    let fine = Server::start(columns_site(2, true)).await.unwrap();
    let c = audit(&fine.base_url(), "2026-06-30").await;
    assert!(!ids(&c.inspection.warnings).contains(&"empty_columns"));
    // The manual-review list is never empty: availability needs sampling.
    assert!(ids(&c.inspection.manual_review).contains(&"availability"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn firewall_challenges_are_blocked_not_broken_and_dates_are_checked() {
    let challenge = "<html><head><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;</script><script src=\"/x.js\"></script></head><body></body></html>";
    let site = MiniSite::default()
        .page("/", "<html><head><meta charset=utf-8></head><body><a href=\"/news/\">工作动态</a><a href=\"/gk/\">信息公开</a></body></html>")
        .status("/gk/", 412, challenge)
        .page(
            "/news/",
            &list_page(
                "工作动态",
                &[
                    ("/news/t20260625_1.html", "县长调研春耕生产工作", "2026-06-25"),
                    ("/news/t20290101_2.html", "县政府召开全县安全生产工作会议", "2029-01-01"),
                    ("/news/t19900101_3.html", "县长走访慰问困难群众", "1990-01-01"),
                    ("/news/t_4.html", "县领导调研防汛工作", ""),
                    ("/news/t_5.html", "县领导检查指导森林防火工作", ""),
                ],
            ),
        )
        .page("/news/t20260625_1.html", &detail_page("县长调研春耕生产工作", "2026-06-25 09:00"))
        .status("/news/t20290101_2.html", 200, challenge)
        .page("/news/t19900101_3.html", &detail_page("县长走访慰问困难群众", "1990-01-01"))
        .page("/news/t_4.html", "<html><body><h1>县领导调研防汛工作</h1></body></html>")
        .page("/news/t_5.html", "<html><body><h1>县领导检查指导森林防火工作</h1></body></html>");
    let server = Server::start(site).await.unwrap();
    let c = audit(&server.base_url(), "2026-06-30").await;
    let i = &c.inspection;
    assert_eq!(i.blocked.len(), 2, "{:?}", i.blocked);
    assert!(
        c.broken.is_empty(),
        "a challenge is not a broken link: {:?}",
        c.broken
    );
    assert!(ids(&i.manual_review).contains(&"blocked_by_challenge"));
    assert_eq!(i.dates.future.len(), 1);
    assert_eq!(i.dates.implausible.len(), 1);
    assert_eq!(i.dates.undated.len(), 2);
    assert!(
        ids(&i.warnings).contains(&"undated_items")
            && ids(&i.warnings).contains(&"implausible_dates")
    );
    // Meta compliance: the two undated pages carry no meta tags.
    let (_, have, _) = i.meta.tags.iter().find(|(t, ..)| t == "PubDate").unwrap();
    assert_eq!((*have, i.meta.pages), (2, 4));
    assert_eq!(i.meta.missing_examples[0].1.len(), 2);
}
