//! Detail-page metadata: the standard `<meta>` tags of government sites
//! (SiteName, SiteIDCode, ColumnName, ArticleTitle, PubDate, ContentSource…)
//! and the 政府信息公开 metadata block (索引号, 发布机构, 成文日期, 文号, 发布日期).

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{Html, Node, Selector};
use url::Url;

use super::date::find_full;
use super::links::is_attachment;
use super::page::clean_text;
use crate::model::DetailMeta;

/// The standard meta tags a government page is expected to carry.
pub const STANDARD_META: &[&str] = &[
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ArticleTitle",
    "PubDate",
    "ContentSource",
];

static META: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("meta[name][content]").expect("valid selector"));
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid selector"));
static ANCHOR: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("a[href]").expect("valid selector"));

/// Meta tags by lower-cased name; the first non-empty one wins.
#[must_use]
pub fn read_meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in doc.select(&META) {
        let (Some(name), Some(content)) = (m.value().attr("name"), m.value().attr("content"))
        else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        out.entry(name.trim().to_ascii_lowercase())
            .or_insert_with(|| content.to_owned());
    }
    out
}

#[derive(Clone, Copy)]
enum Field {
    IndexNo,
    Publisher,
    Written,
    DocNo,
    Published,
}

/// Labels of the metadata block, compared with all white space removed.
const LABELS: &[(&str, Field)] = &[
    ("索引号", Field::IndexNo),
    ("发布机构", Field::Publisher),
    ("发文机关", Field::Publisher),
    ("发布单位", Field::Publisher),
    ("成文日期", Field::Written),
    ("发文日期", Field::Written),
    ("生成日期", Field::Written),
    ("文号", Field::DocNo),
    ("发文字号", Field::DocNo),
    ("发布日期", Field::Published),
    ("发布时间", Field::Published),
];

/// First characters of the labels, to skip other text cheaply.
const LABEL_STARTS: &[char] = &['索', '发', '成', '生', '文'];

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect()
}

/// Reads the detail metadata of a page.
#[must_use]
pub fn read_detail_meta(doc: &Html, meta: &HashMap<String, String>, base: &Url) -> DetailMeta {
    let mut d = DetailMeta {
        title: meta.get("articletitle").map(|s| clean_text(s)),
        published: meta.get("pubdate").and_then(|s| find_full(s)),
        column: meta.get("columnname").map(|s| clean_text(s)),
        source: meta.get("contentsource").map(|s| clean_text(s)),
        meta_tags: STANDARD_META
            .iter()
            .filter(|n| meta.contains_key(&n.to_ascii_lowercase()))
            .map(|n| (*n).to_owned())
            .collect(),
        ..DetailMeta::default()
    };
    // Text nodes in document order, outside scripts and styles.
    // Text nodes in document order, outside scripts and styles, borrowed from
    // the tree; only those that can start a label are cleaned.
    let texts: Vec<&str> = doc
        .root_element()
        .descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => {
                let in_code = n
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "title"));
                let t: &str = t;
                let t =
                    t.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
                (!in_code && !t.is_empty()).then_some(t)
            }
            _ => None,
        })
        .collect();
    for (i, raw) in texts.iter().enumerate() {
        if !raw.starts_with(LABEL_STARTS) {
            continue;
        }
        let t = &clean_text(raw);
        let sq = squeeze(t);
        for (label, field) in LABELS {
            let Some(rest) = sq.strip_prefix(label) else {
                continue;
            };
            let rest = rest.trim_start_matches([':', '：']);
            let value = if rest.is_empty() {
                texts
                    .get(i + 1)
                    .map(|n| clean_text(n))
                    .filter(|n| !LABELS.iter().any(|(l, _)| squeeze(n).starts_with(l)))
            } else {
                // Keep the original spacing of the value part.
                let orig = t
                    .split_once([':', '：'])
                    .map_or(rest.to_owned(), |x| x.1.trim().to_owned());
                // Several fields on one line ("发布日期：… 浏览次数：…"): stop at the next label.
                Some(orig.split("  ").next().unwrap_or(&orig).to_owned())
            };
            let Some(value) = value.filter(|v| !v.is_empty() && v.chars().count() <= 80) else {
                continue;
            };
            match field {
                Field::IndexNo => {
                    d.index_no.get_or_insert_with(|| squeeze(&value));
                }
                Field::Publisher => {
                    d.publisher.get_or_insert(value);
                }
                Field::DocNo => {
                    d.doc_no.get_or_insert(value);
                }
                Field::Written => {
                    if d.written.is_none() {
                        d.written = find_full(&value);
                    }
                }
                Field::Published => {
                    if d.published.is_none() {
                        d.published = find_full(&value);
                    }
                }
            }
            break;
        }
    }
    if d.title.is_none() {
        d.title = doc
            .select(&H1)
            .map(|h| clean_text(&h.text().collect::<String>()))
            .find(|t| t.chars().count() >= 4);
    }
    let mut seen = std::collections::HashSet::new();
    for a in doc.select(&ANCHOR) {
        if let Some(u) = a
            .value()
            .attr("href")
            .and_then(|h| base.join(h.trim()).ok())
            && matches!(u.scheme(), "http" | "https")
            && is_attachment(&u)
            && seen.insert(u.clone())
        {
            d.attachments.push(u.to_string());
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn meta_tags_and_table() {
        let html = r#"<html><head>
        <meta name="SiteName" content="安澜县人民政府"><meta name="ArticleTitle" content="关于印发某方案的通知">
        <meta name="PubDate" content="2026-05-10 09:30"><meta name="ColumnName" content="政策文件">
        <meta name="ContentSource" content="县政府办"></head><body>
        <table><tr><td>索 引 号：</td><td>014742224A/2026-0043406</td><td>发布机构：</td><td>安澜县人民政府办公室</td></tr>
        <tr><td>成文日期：</td><td>2026年5月8日</td><td>文　　号：</td><td>安府办发〔2026〕3号</td></tr>
        <tr><td>发布日期：</td><td>2026-05-10</td></tr></table>
        <a href="P020260510.pdf">附件</a></body></html>"#;
        let doc = Html::parse_document(html);
        let base = Url::parse("http://x.gov.cn/zc/202605/t20260510_1.html").unwrap();
        let m = read_meta_tags(&doc);
        let d = read_detail_meta(&doc, &m, &base);
        assert_eq!(d.title.as_deref(), Some("关于印发某方案的通知"));
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2026, 5, 10));
        assert_eq!(d.written, NaiveDate::from_ymd_opt(2026, 5, 8));
        assert_eq!(d.index_no.as_deref(), Some("014742224A/2026-0043406"));
        assert_eq!(d.publisher.as_deref(), Some("安澜县人民政府办公室"));
        assert_eq!(d.doc_no.as_deref(), Some("安府办发〔2026〕3号"));
        assert_eq!(d.source.as_deref(), Some("县政府办"));
        assert_eq!(
            d.attachments,
            vec!["http://x.gov.cn/zc/202605/P020260510.pdf"]
        );
        assert!(d.meta_tags.contains(&"SiteName".to_owned()));
        assert!(!d.meta_tags.contains(&"SiteIDCode".to_owned()));
    }

    #[test]
    fn inline_labels_with_en_spaces() {
        let html = "<html><body><dd>索\u{2002}引\u{2002}号：014717475N/2023-0040295</dd><dd>发文日期：2023-04-18</dd><p>发布日期：2016-11-22 浏览次数：</p></body></html>";
        let doc = Html::parse_document(html);
        let base = Url::parse("http://x.gov.cn/").unwrap();
        let d = read_detail_meta(&doc, &read_meta_tags(&doc), &base);
        assert_eq!(d.index_no.as_deref(), Some("014717475N/2023-0040295"));
        assert_eq!(d.written, NaiveDate::from_ymd_opt(2023, 4, 18));
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2016, 11, 22));
    }
}
