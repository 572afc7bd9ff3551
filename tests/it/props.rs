//! Property tests: the extract stage takes whatever a server sends
//! (arbitrary bytes, arbitrary text, tag soup) without panicking, and the
//! classifier whatever title a list page gives it.
//! `PROPTEST_CASES=5000 cargo test --test it props` searches longer.

use disclosure_audit::classify::Classifier;
use disclosure_audit::classify::taxonomy::category_index;
use disclosure_audit::extract::date::{FoundDate, find_date, infer_year};
use disclosure_audit::extract::{decode, extract_page};
use proptest::prelude::*;
use url::Url;

/// Fragments that steer the extractor into its interesting paths.
const PIECES: &[&str] = &[
    "<html>",
    "<head>",
    "</head>",
    "<body>",
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<a href=\"t20260101_1.html\">",
    "<a href='index_2.html'>",
    "<a href=\"?page=3\">",
    "<a href=\"a.pdf\">",
    "<a href=\"javascript:void(0)\">",
    "<a href=\"//x\">",
    "<a href=\"http://[::1\">",
    "</a>",
    "<span>",
    "</span>",
    "2026-05-06",
    "05-06",
    "5月6日",
    "2026年5月6日",
    "12-31",
    "02-29",
    "关于做好春季森林防火工作的通知",
    "下一页",
    "尾页",
    "首页",
    "暂无信息",
    "<marquee>",
    "<base href=\"../\">",
    "<meta name=\"ArticleTitle\" content=\"标题\">",
    "<meta name=\"PubDate\" content=\"2026-13-45\">",
    "<meta charset=\"gbk\">",
    "<script>createPageHTML(9999999, 0, \"index\", \"html\");</script>",
    "<script>countPage = 99999</script>",
    "<script>createPageHTML(3,0,\"../x\",\"html\")</script>",
    "索引号：",
    "发布日期：",
    "成文日期：2026-02-30",
    "<div class=\"crumb\">",
    "</div>",
    "&gt;",
    "&#0;",
    "<!--",
    "-->",
    "<![CDATA[",
    "\u{0}",
    "\u{FFFD}",
    "<iframe src=\"f.html\">",
    "<title>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => "\\PC{0,12}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn page_url() -> impl Strategy<Value = Url> {
    prop::sample::select(
        &[
            "http://127.0.0.1/",
            "http://a.gov.cn/col/index_3.html",
            "http://a.gov.cn/list.jsp?page=2&x=1",
            "https://b.gov.cn/a/b/t20260101_1.html",
        ][..],
    )
    .prop_map(|u| u.parse().unwrap())
}

proptest! {
    #[test]
    fn decode_takes_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        ct in prop::option::of(prop_oneof![
            Just("text/html; charset=utf-8".to_owned()),
            Just("text/html; charset=gbk".to_owned()),
            Just("text/html; charset=\"".to_owned()),
            Just("text/html; charset=utf-16".to_owned()),
            "\\PC{0,40}",
        ]),
    ) {
        let d = decode(&bytes, ct.as_deref());
        // Whatever came in, the text is valid and not empty unless the input was.
        prop_assert!(bytes.is_empty() || !d.text.is_empty() || bytes.len() <= 4);
    }

    #[test]
    fn decode_takes_meta_soup(s in soup(), gbk in any::<bool>()) {
        let bytes = if gbk {
            disclosure_audit::extract::charset::encode_gbk(&s)
        } else {
            s.clone().into_bytes()
        };
        let d = decode(&bytes, None);
        if !gbk {
            // Valid UTF-8 always decodes to itself (a BOM aside).
            prop_assert_eq!(d.text.trim_start_matches('\u{FEFF}'), s.trim_start_matches('\u{FEFF}'));
        }
    }

    #[test]
    fn find_date_takes_any_text(s in "\\PC{0,80}") {
        if let Some(FoundDate::MonthDay(m, d)) = find_date(&s) {
            prop_assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            let r = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
            prop_assert!(infer_year(m, d, r).is_some_and(|x| x <= r));
        }
    }

    #[test]
    fn find_date_takes_date_like_text(s in "[0-9年月日 ./\\-]{0,30}") {
        let _ = find_date(&s);
    }

    #[test]
    fn extract_page_takes_tag_soup(html in soup(), url in page_url(), via_item in any::<bool>()) {
        let f = extract_page(&html, &url, via_item);
        for l in &f.links {
            prop_assert!(matches!(l.url.scheme(), "http" | "https"));
        }
        if f.is_detail {
            prop_assert!(f.entries.is_empty());
        }
    }

    #[test]
    fn extract_page_takes_decoded_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), url in page_url()) {
        let d = decode(&bytes, Some("text/html"));
        let _ = extract_page(&d.text, &url, false);
    }

    #[test]
    fn classify_takes_any_title(
        head in "\\PC{0,30}",
        tail in prop_oneof![
            Just(String::new()),
            Just(" NEW".to_owned()),
            Just("new".to_owned()),
            Just(" 热".to_owned()),
            Just(" 05-01".to_owned()),
            Just("（2026年）".to_owned()),
            Just("\u{3000}".to_owned()),
            "[ 0-9年月日./\\-]{0,12}",
            "\\PC{0,6}",
        ],
        column in "\\PC{0,8}",
    ) {
        let c = classifier();
        let title = format!("{head}{tail}");
        let v = c.classify(&title, &column, "");
        prop_assert!(category_index(&v.category).is_some(), "{}", v.category);
        prop_assert!(!v.rule.is_empty());
    }
}

/// The built-in classifier, compiled once for all cases.
fn classifier() -> &'static Classifier {
    static C: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
    C.get_or_init(Classifier::builtin)
}
