//! The extractor on real saved pages of government sites (../shared/real-pages,
//! read in place; skipped when the folder is absent).

use std::path::PathBuf;

use disclosure_audit::extract::{LinkKind, extract_page};
use url::Url;

fn page(name: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/real-pages/pages")
        .join(name);
    std::fs::read_to_string(p).ok()
}

fn facts(name: &str, url: &str) -> Option<disclosure_audit::extract::PageFacts> {
    let html = page(name)?;
    Some(extract_page(&html, &Url::parse(url).unwrap(), false))
}

fn pagination(f: &disclosure_audit::extract::PageFacts) -> Vec<String> {
    let mut v: Vec<String> = f
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Pagination)
        .map(|l| l.url.to_string())
        .collect();
    v.dedup();
    v
}

#[test]
fn trs_table_list_with_create_page_html() {
    let Some(f) = facts(
        "yzq-gov-cn_zwyw_list.html",
        "http://www.yzq.gov.cn/zwgk/zwdt/zwyw/index.html",
    ) else {
        return;
    };
    assert_eq!(f.column.as_deref(), Some("政务要闻"));
    assert_eq!(f.entries.len(), 25);
    assert!(
        f.entries
            .iter()
            .all(|e| e.date.is_some() && e.url.path().contains("/zwyw/2017"))
    );
    let p = pagination(&f);
    assert_eq!(p.len(), 120, "createPageHTML(120, …) gives 120 pages");
    assert_eq!(p[1], "http://www.yzq.gov.cn/zwgk/zwdt/zwyw/index_1.html");
}

#[test]
fn rendered_trs_pager_and_annual_reports() {
    let Some(f) = facts(
        "egb-ordos-gov-cn_xxgknb_list.html",
        "http://egb.ordos.gov.cn/xxgk/xxgknb/index.html",
    ) else {
        return;
    };
    assert_eq!(f.column.as_deref(), Some("信息公开年报"));
    assert_eq!(
        f.entries.len(),
        10,
        "{:?}",
        f.entries.iter().map(|e| &e.title).collect::<Vec<_>>()
    );
    assert!(
        f.entries
            .iter()
            .any(|e| e.title == "鄂尔多斯市2019年政府信息公开工作年度报告")
    );
    assert!(
        pagination(&f).contains(&"http://egb.ordos.gov.cn/xxgk/xxgknb/index_1.html".to_owned())
    );
}

#[test]
fn month_day_dates_and_marquee_left_out() {
    let Some(f) = facts(
        "zhangshu-gov-cn_zhxx_list.html",
        "http://www.zhangshu.gov.cn/zwgk/zhxx/index.html",
    ) else {
        return;
    };
    assert_eq!(f.column.as_deref(), Some("综合信息"));
    assert!(f.entries.iter().all(|e| matches!(
        e.date,
        Some(disclosure_audit::extract::date::FoundDate::MonthDay(..))
    )));
    assert!(
        f.entries
            .iter()
            .all(|e| !e.url.path().starts_with("/wsfw/")),
        "marquee notices are not entries"
    );
    assert!(f.entries.len() >= 20, "{}", f.entries.len());
}

#[test]
fn pre_rendered_groups_give_every_item() {
    let Some(f) = facts(
        "pingtan-gov-cn_gzjzqk_list.html",
        "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/",
    ) else {
        return;
    };
    assert_eq!(f.column.as_deref(), Some("工作进展情况"));
    assert_eq!(f.entries.len(), 75);
    assert!(f.entries.iter().all(|e| e.date.is_some()));
}

#[test]
fn fragment_with_rendered_pager() {
    let Some(f) = facts(
        "stats-gov-cn_zxfb_list_fragment.html",
        "http://www.stats.gov.cn/tjsj/zxfb/",
    ) else {
        return;
    };
    assert_eq!(f.entries.len(), 20);
    assert!(pagination(&f).contains(&"http://www.stats.gov.cn/tjsj/zxfb/index_1.html".to_owned()));
}

#[test]
fn title_attribute_wins_over_a_label_inside_the_anchor() {
    let Some(f) = facts(
        "suining-gov-cn_search_list.html",
        "https://www.suining.gov.cn/search.html?q=x&page=2",
    ) else {
        return;
    };
    assert!(
        f.entries
            .iter()
            .any(|e| e.title == "船山区党政考察团莅射考察学习")
    );
}

#[test]
fn detail_metadata_of_real_pages() {
    let url = "http://x.gov.cn/a/t20230516_1.html";
    if let Some(f) = facts("yichun-gov-cn_tjgb_detail.html", url) {
        let d = &f.detail;
        assert!(f.is_detail);
        assert_eq!(
            d.title.as_deref(),
            Some("宜春市2022年国民经济和社会发展统计公报")
        );
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2023-05-16")
        );
        assert_eq!(d.index_no.as_deref(), Some("014717475N/2023-0040295"));
        assert_eq!(d.publisher.as_deref(), Some("宜春市统计局"));
        assert_eq!(
            d.written.map(|d| d.to_string()).as_deref(),
            Some("2023-04-18")
        );
        assert_eq!(d.column.as_deref(), Some("统计公报"));
    }
    if let Some(f) = facts("wanzai-gov-cn_tjsj_detail.html", url) {
        assert_eq!(
            f.detail.index_no.as_deref(),
            Some("014742224A/2023-0043406")
        );
        assert_eq!(f.detail.source.as_deref(), Some("万载县统计局"));
    }
    if let Some(f) = facts("fgw-zj-gov-cn_tzyx_detail.html", url) {
        assert_eq!(
            f.detail.published.map(|d| d.to_string()).as_deref(),
            Some("2016-11-22")
        );
        assert!(
            !f.detail.meta_tags.contains(&"SiteIDCode".to_owned()),
            "an empty SiteIDCode is missing"
        );
    }
}
