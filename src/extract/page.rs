//! One HTML page in, its facts out: column name, list entries, pagination,
//! links to follow, detail-page metadata.
//!
//! Pure and synchronous: takes decoded text and the page URL, returns owned
//! values. List entries are found structurally (rows of a list that carry
//! dates, or article-like links), not by site-specific selectors.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::NodeId;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

use super::date::{FoundDate, find_date};
use super::links::{is_article_like, is_attachment, page_number};
use super::meta::{read_detail_meta, read_meta_tags};

/// What a link on a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// An ordinary page.
    Page,
    /// An item's detail page (from a list entry).
    Item,
    /// Another page of the same list.
    Pagination,
    /// A non-HTML file.
    Attachment,
}

/// A link found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Absolute URL without fragment.
    pub url: Url,
    /// What it is for.
    pub kind: LinkKind,
}

/// An entry of a list page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// Absolute URL of the item.
    pub url: Url,
    /// Full title (the `title` attribute when the text is cut short).
    pub title: String,
    /// The date next to it, if any.
    pub date: Option<FoundDate>,
}

/// Everything extracted from one page.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// The column name, if the page names one.
    pub column: Option<String>,
    /// Whether this looks like an article (detail) page.
    pub is_detail: bool,
    /// List entries (empty for detail pages).
    pub entries: Vec<ListEntry>,
    /// All links to consider following, pagination included.
    pub links: Vec<Link>,
    /// The page says its list is empty (暂无信息…).
    pub empty_marker: bool,
    /// Detail metadata (always read; meaningful for detail pages).
    pub detail: crate::model::DetailMeta,
    /// Links with a short text (navigation: 公开指南, 公开年报…), text first.
    pub short_links: Vec<(String, Url)>,
    /// `<meta name="ColumnType">`, if any.
    pub column_type: Option<String>,
}

macro_rules! sel {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("valid selector"));
    };
}

sel!(ANCHOR, "a[href], area[href]");
sel!(FRAME, "iframe[src], frame[src]");
sel!(SCRIPT, "script");
sel!(BASE, "base[href]");
sel!(TITLE, "title");
sel!(TRS_CRUMB, "a.CurrChnlCls");
sel!(HEADING, "h1, h2, h3");
sel!(
    CRUMB,
    "[class*=crumb], [class*=position], [class*=location], [id*=crumb], [id*=position], [id*=location], [class*=dqwz], [class*=weizhi], [class*=curmb], [class*=lujing], [class*=path]"
);

static CREATE_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"createPageHTML\s*\(([^()]*)\)").expect("valid regex"));
static JS_REDIRECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"'\s]{1,300})["']|location\.replace\(\s*["']([^"'\s]{1,300})["']"#)
        .expect("valid regex")
});
sel!(REFRESH, "meta[http-equiv]");

static COUNT_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:countPage|pageCount|totalPage|page_count)\s*=\s*(\d{1,5})")
        .expect("valid regex")
});
static TRAILING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\s\[\(（【]*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}-\d{1,2})[\]\)）】]*\s*$")
        .expect("valid regex")
});

const PAGER_WORDS: &[&str] = &[
    "下一页",
    "下页",
    "后一页",
    "尾页",
    "末页",
    "最后一页",
    "上一页",
    "上页",
    "前一页",
    "首页",
    "第一页",
    ">",
    ">>",
    "»",
    "›",
    "<",
    "<<",
    "«",
    "‹",
    "next",
    "last",
    "prev",
    "first",
];
const NAV_WORDS: &[&str] = &[
    "首页",
    "更多",
    "更多>>",
    "more",
    "返回",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "登录",
    "注册",
    "返回顶部",
    "关闭窗口",
    "打印本页",
    "网站地图",
    "联系我们",
    "English",
];
const EMPTY_MARKERS: &[&str] = &[
    "暂无信息",
    "暂无数据",
    "暂无内容",
    "暂无记录",
    "暂无相关",
    "没有记录",
    "无相关信息",
    "暂无文章",
    "没有找到",
];

/// Collapses runs of white space (including full-width, no-break and
/// zero-width spaces, and the byte-order mark a page may leave in a title).
#[must_use]
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace()
            || matches!(
                c,
                '\u{3000}' | '\u{a0}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn element_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            // Skip script and style contents.
            let in_code = node.ancestors().take(3).any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !in_code {
                s.push_str(t);
            }
        }
    }
    clean_text(&s)
}

fn is_cut_short(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…') || t.ends_with("..") || t.ends_with("．．")
}

/// Picks the full title of an anchor: its text, or the `title` attribute
/// when the text is cut short, empty, or a prefix of the attribute.
fn anchor_title(text: &str, attr: Option<&str>) -> String {
    let attr = attr.map(clean_text).filter(|a| !a.is_empty());
    match attr {
        Some(a) if text.is_empty() || is_cut_short(text) => a,
        Some(a) => {
            let stem = text.trim_end_matches(['.', '…']).trim();
            let longer_with_prefix =
                a.chars().count() > text.chars().count() && a.starts_with(stem);
            // A label inside the anchor ("政务信息" + title): the attribute is the title.
            let text_wraps_attr = a.chars().count() >= 4 && text.contains(a.as_str());
            if longer_with_prefix || text_wraps_attr {
                a
            } else {
                text.to_owned()
            }
        }
        None => text.to_owned(),
    }
}

fn cjk_count(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

fn looks_like_title(t: &str) -> bool {
    let n = t.chars().count();
    if !(5..=300).contains(&n) {
        return false;
    }
    if NAV_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)) || PAGER_WORDS.contains(&t) {
        return false;
    }
    cjk_count(t) >= 4 || (n >= 12 && t.contains(' '))
}

struct Anchor<'a> {
    el: ElementRef<'a>,
    url: Url,
    title: String,
    text: String,
}

/// Resolves an `href` against the page, keeping only http(s) URLs.
fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty()
        || href.starts_with('#')
        || href.len() > 2048
        || href
            .get(..11)
            .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
    {
        return None;
    }
    let mut u = base.join(href).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    u.set_fragment(None);
    Some(u)
}

/// Extracts the facts of one page. `via_item` says the page was reached as
/// an item's detail link, which makes it a detail page.
#[must_use]
pub fn extract_page(html: &str, page_url: &Url, via_item: bool) -> PageFacts {
    let doc = Html::parse_document(html);
    let base = doc
        .select(&BASE)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page_url.join(h).ok())
        .unwrap_or_else(|| page_url.clone());

    let meta = read_meta_tags(&doc);
    let detail = read_detail_meta(&doc, &meta, &base);
    let is_detail = via_item
        || meta.contains_key("articletitle")
        || detail.index_no.is_some()
        || (meta.contains_key("pubdate") && detail.title.is_some());

    let column = meta
        .get("columnname")
        .map(|c| clean_text(c))
        .filter(|c| !c.is_empty())
        .or_else(|| breadcrumb_column(&doc))
        .or_else(|| heading_column(&doc))
        .or_else(|| title_column(&doc));

    let mut anchors = Vec::new();
    let mut links = Vec::new();
    let mut short_links = Vec::new();
    for el in doc.select(&ANCHOR) {
        let Some(url) = el.value().attr("href").and_then(|h| resolve(&base, h)) else {
            continue;
        };
        if is_detail {
            // A detail page gives links to follow, not entries or pagers:
            // its anchors' texts are not needed.
            let kind = if is_attachment(&url) {
                LinkKind::Attachment
            } else {
                LinkKind::Page
            };
            links.push(Link { url, kind });
            continue;
        }
        let text = element_text(el);
        let title = anchor_title(&text, el.value().attr("title"));
        let kind = if is_attachment(&url) {
            LinkKind::Attachment
        } else if is_pager_link(&text, &url, page_url) {
            LinkKind::Pagination
        } else {
            LinkKind::Page
        };
        links.push(Link {
            url: url.clone(),
            kind,
        });
        if !title.is_empty() && title.chars().count() <= 24 {
            short_links.push((title.clone(), url.clone()));
        }
        if kind != LinkKind::Pagination {
            anchors.push(Anchor {
                el,
                url,
                title,
                text,
            });
        }
    }
    for el in doc.select(&FRAME) {
        if let Some(url) = el.value().attr("src").and_then(|h| resolve(&base, h)) {
            links.push(Link {
                url,
                kind: LinkKind::Page,
            });
        }
    }
    for url in script_pagination(&doc, page_url) {
        links.push(Link {
            url,
            kind: LinkKind::Pagination,
        });
    }
    // Portals often send their home page on with a meta refresh or a script.
    // Only a page with (almost) nothing else to follow is such a page: on
    // ordinary pages a scripted jump is a mobile-version switch, not content.
    if links.len() < 3 {
        for url in redirects(&doc, &base) {
            links.push(Link {
                url,
                kind: LinkKind::Page,
            });
        }
    }

    let mut entries = if is_detail {
        Vec::new()
    } else {
        list_entries(&anchors, page_url)
    };
    if !is_detail {
        for url in jpage_pagination(html, page_url) {
            links.push(Link {
                url,
                kind: LinkKind::Pagination,
            });
        }
        for e in recordset_entries(html, &base, page_url) {
            if !entries.iter().any(|x| x.url == e.url) {
                links.push(Link {
                    url: e.url.clone(),
                    kind: LinkKind::Page,
                });
                entries.push(e);
            }
        }
    }
    let item_urls: std::collections::HashSet<&Url> = entries.iter().map(|e| &e.url).collect();
    for l in &mut links {
        if l.kind == LinkKind::Page && item_urls.contains(&l.url) {
            l.kind = LinkKind::Item;
        }
    }

    let empty_marker = !is_detail && entries.is_empty() && {
        let body = element_text(doc.root_element());
        EMPTY_MARKERS.iter().any(|m| body.contains(m))
    };

    PageFacts {
        column,
        is_detail,
        entries,
        links,
        empty_marker,
        detail,
        short_links,
        column_type: meta
            .get("columntype")
            .map(|c| clean_text(c))
            .filter(|c| !c.is_empty()),
    }
}

fn is_pager_link(text: &str, url: &Url, page_url: &Url) -> bool {
    let t = text.trim();
    if PAGER_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w)) && t != "首页" {
        return true;
    }
    if let Some(_n) = page_number(url) {
        // `index_2.html` in the same folder, or `?page=2` on the same path.
        let same_dir = url.path().rsplit_once('/').map(|x| x.0)
            == page_url.path().rsplit_once('/').map(|x| x.0);
        return same_dir && (t.is_empty() || t.chars().all(|c| c.is_ascii_digit()) || t.len() < 12);
    }
    if t == "首页" {
        // "首页" in a pager points at page one of the list, not the home page.
        return url.path().rsplit_once('/').map(|x| x.0)
            == page_url.path().rsplit_once('/').map(|x| x.0)
            && url.path() != "/"
            && url != page_url;
    }
    false
}

/// Pagination that exists only in scripts: TRS `createPageHTML(n, cur, "index", "html")`
/// and `countPage = n` style counters.
fn script_pagination(doc: &Html, page_url: &Url) -> Vec<Url> {
    let mut out = Vec::new();
    for s in doc.select(&SCRIPT) {
        let code: String = s.text().collect();
        for cap in CREATE_PAGE.captures_iter(&code) {
            let args = split_args(&cap[1]);
            let nums: Vec<(usize, u32)> = args
                .iter()
                .enumerate()
                .filter_map(|(i, a)| a.parse::<u32>().ok().map(|n| (i, n)))
                .collect();
            let Some(&(i0, count)) = nums.first() else {
                continue; // the function's definition, not a call
            };
            let strings: Vec<&str> = args[i0..]
                .iter()
                .filter(|a| a.parse::<u32>().is_err())
                .map(String::as_str)
                .collect();
            let name = strings.first().copied().unwrap_or("index");
            let ext = strings.get(1).copied().unwrap_or("html");
            push_series(&mut out, page_url, count, name, ext);
        }
        if out.is_empty()
            && let Some(c) = COUNT_PAGE.captures(&code)
            && let Ok(count) = c[1].parse::<u32>()
        {
            let ext = page_url
                .path()
                .rsplit_once('.')
                .map_or("html", |(_, e)| e)
                .to_owned();
            push_series(&mut out, page_url, count, "index", &ext);
        }
    }
    out
}

static JPAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\$\(\s*['\x22]#(\d+)['\x22]\s*\)\s*\.jpage\(\s*\{(.{0,2000}?)\}\s*\)")
        .expect("valid regex")
});
static JPAGE_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(totalRecord|perPage)\s*:\s*(\d{1,6})").expect("valid regex"));

/// Pages of a Hanweb `jpage` list: `index.html?uid=N&pageNum=K`, which the
/// CMS also serves for a plain GET.
fn jpage_pagination(html: &str, page_url: &Url) -> Vec<Url> {
    let Some(c) = JPAGE.captures(html) else {
        return Vec::new();
    };
    let (mut total, mut per) = (0u32, 0u32);
    for n in JPAGE_NUM.captures_iter(&c[2]) {
        let v: u32 = n[2].parse().unwrap_or(0);
        if &n[1] == "totalRecord" {
            total = v;
        } else {
            per = v;
        }
    }
    if total == 0 || per == 0 {
        return Vec::new();
    }
    let mut base = page_url.clone();
    base.set_query(None);
    (2..=total.div_ceil(per).min(MAX_SCRIPT_PAGES))
        .map(|k| {
            let mut u = base.clone();
            u.query_pairs_mut()
                .append_pair("uid", &c[1])
                .append_pair("pageNum", &k.to_string());
            u
        })
        .collect()
}

static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>").expect("valid regex")
});

/// Entries held in a Hanweb (大汉) `<recordset>` script: the first page of a
/// list that scripts render, kept as HTML fragments inside CDATA.
fn recordset_entries(html: &str, base: &Url, page_url: &Url) -> Vec<ListEntry> {
    if !html.contains("<recordset") {
        return Vec::new();
    }
    let mut fragment = String::from("<html><body><ul>");
    for c in RECORD.captures_iter(html).take(500) {
        fragment.push_str(&c[1]);
    }
    fragment.push_str("</ul></body></html>");
    let doc = Html::parse_document(&fragment);
    let anchors: Vec<Anchor<'_>> = doc
        .select(&ANCHOR)
        .filter_map(|el| {
            let url = el.value().attr("href").and_then(|h| resolve(base, h))?;
            let text = element_text(el);
            let title = anchor_title(&text, el.value().attr("title"));
            Some(Anchor {
                el,
                url,
                title,
                text,
            })
        })
        .collect();
    list_entries(&anchors, page_url)
}

/// Targets of `<meta http-equiv="refresh">` and of `location.href = "…"` /
/// `location.replace("…")` in scripts.
fn redirects(doc: &Html, base: &Url) -> Vec<Url> {
    let mut out = Vec::new();
    for m in doc.select(&REFRESH) {
        if m.value()
            .attr("http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
            && let Some(content) = m.value().attr("content")
            && let Some(i) = content.to_ascii_lowercase().find("url=")
            && let Some(u) = resolve(base, content[i + 4..].trim().trim_matches(['\'', '"']))
        {
            out.push(u);
        }
    }
    for s in doc.select(&SCRIPT) {
        let code: String = s.text().collect();
        for c in JS_REDIRECT.captures_iter(&code) {
            if let Some(u) = c
                .get(1)
                .or_else(|| c.get(2))
                .and_then(|m| resolve(base, m.as_str()))
            {
                out.push(u);
            }
        }
    }
    out
}

/// Bound on pages generated from one script call; the crawler applies its own
/// per-series limits on top.
const MAX_SCRIPT_PAGES: u32 = 500;

fn push_series(out: &mut Vec<Url>, page_url: &Url, count: u32, name: &str, ext: &str) {
    if name.is_empty()
        || name.contains(['/', '\\', '?', '#'])
        || !ext.chars().all(char::is_alphanumeric)
    {
        return;
    }
    for i in 0..count.min(MAX_SCRIPT_PAGES) {
        let file = if i == 0 {
            format!("{name}.{ext}")
        } else {
            format!("{name}_{i}.{ext}")
        };
        if let Ok(u) = page_url.join(&file) {
            out.push(u);
        }
    }
}

fn split_args(s: &str) -> Vec<String> {
    s.split(',')
        .map(|a| {
            a.trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .trim()
                .to_owned()
        })
        .collect()
}

/// Finds the row of an anchor: the highest ancestor (up to five levels) that
/// holds no other title-like anchor.
fn list_entries(anchors: &[Anchor<'_>], page_url: &Url) -> Vec<ListEntry> {
    let candidates: Vec<&Anchor<'_>> = anchors
        .iter()
        .filter(|a| {
            looks_like_title(&a.title) && !is_list_link(&a.url, page_url) && !in_marquee(a.el)
        })
        .collect();
    let mut counts: HashMap<NodeId, u32> = HashMap::new();
    for a in &candidates {
        for anc in a.el.ancestors().take(6) {
            *counts.entry(anc.id()).or_default() += 1;
        }
    }
    struct Row<'a, 'b> {
        anchor: &'b Anchor<'a>,
        group: Option<NodeId>,
        date: Option<FoundDate>,
        title: String,
    }
    let mut rows = Vec::new();
    for a in candidates {
        let mut row = a.el;
        for anc in a.el.ancestors().take(5) {
            if counts.get(&anc.id()).copied().unwrap_or(0) > 1 {
                break;
            }
            match ElementRef::wrap(anc) {
                Some(e) if !matches!(e.value().name(), "body" | "html") => row = e,
                _ => break,
            }
        }
        let mut title = a.title.clone();
        let date = if row.id() == a.el.id() {
            sibling_date(a.el)
        } else {
            let text = element_text(row);
            let rest = text.replacen(&a.text, " ", 1);
            // `<dt><a>…</a></dt><dd>date</dd>`: the date in the next element.
            find_date(&rest).or_else(|| next_element_date(row))
        };
        let date = date.or_else(|| {
            // A date inside the anchor, after the title.
            let m = TRAILING_DATE.captures(&a.title)?;
            let d = find_date(&m[1]);
            if d.is_some() {
                title = a.title[..m.get(0).map_or(0, |x| x.start())]
                    .trim()
                    .to_owned();
            }
            d
        });
        let group = row.parent().map(|p| p.id());
        rows.push(Row {
            anchor: a,
            group,
            date,
            title,
        });
    }
    let mut dated: HashMap<Option<NodeId>, (u32, u32)> = HashMap::new();
    for r in &rows {
        let e = dated.entry(r.group).or_default();
        e.0 += 1;
        if r.date.is_some() {
            e.1 += 1;
        }
    }
    let mut article: HashMap<Option<NodeId>, u32> = HashMap::new();
    for r in &rows {
        if is_article_like(&r.anchor.url) {
            *article.entry(r.group).or_default() += 1;
        }
    }
    let mut seen = std::collections::HashSet::new();
    rows.into_iter()
        .filter(|r| {
            let (total, with_date) = dated.get(&r.group).copied().unwrap_or_default();
            let arts = article.get(&r.group).copied().unwrap_or(0);
            r.date.is_some()
                || (with_date >= 2 && with_date * 2 >= total)
                || (arts >= 3 && is_article_like(&r.anchor.url))
        })
        .filter(|r| seen.insert(r.anchor.url.clone()))
        .map(|r| ListEntry {
            url: r.anchor.url.clone(),
            title: r.title,
            date: r.date,
        })
        .collect()
}

/// Links to a folder or a list page (the column itself, a sibling column)
/// are navigation, not items.
fn is_list_link(url: &Url, page_url: &Url) -> bool {
    if url == page_url || url.path() == "/" || url.path().ends_with('/') {
        return true;
    }
    let name = url.path().rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    matches!(stem, "index" | "default" | "list")
        || (stem.starts_with("index_") && page_number(url).is_some())
}

/// Scrolling notices (`<marquee>`) repeat items of other columns.
/// Scrolling widgets are recognised by `<marquee>` or a scroll handler, id or class.
fn in_marquee(el: ElementRef<'_>) -> bool {
    el.ancestors().take(16).any(|a| {
        a.value().as_element().is_some_and(|e| {
            e.name() == "marquee"
                || e.attrs().any(|(k, v)| {
                    matches!(k, "id" | "class" | "onmouseover") && {
                        let v = v.to_ascii_lowercase();
                        v.contains("scroll") || v.contains("marquee") || v == "mq"
                    }
                })
        })
    })
}

/// A date in the element right after `row`, when that element holds no link.
fn next_element_date(row: ElementRef<'_>) -> Option<FoundDate> {
    let next = row.next_siblings().find_map(ElementRef::wrap)?;
    if next.select(&ANCHOR).next().is_some() {
        return None;
    }
    let text = element_text(next);
    (text.chars().count() <= 40)
        .then(|| find_date(&text))
        .flatten()
}

/// For anchors with no row of their own: a date in the text that follows,
/// up to the next element that holds a link.
fn sibling_date(el: ElementRef<'_>) -> Option<FoundDate> {
    let mut text = String::new();
    for sib in el.next_siblings().take(4) {
        match sib.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) => {
                if e.name() == "a" || e.name() == "br" && !text.trim().is_empty() {
                    break;
                }
                if let Some(er) = ElementRef::wrap(sib) {
                    if er.select(&ANCHOR).next().is_some() {
                        break;
                    }
                    text.push_str(&element_text(er));
                }
            }
            _ => {}
        }
    }
    find_date(&text)
}

fn breadcrumb_column(doc: &Html) -> Option<String> {
    // TRS sites mark every breadcrumb link with class CurrChnlCls; the last is the column.
    if let Some(last) = doc.select(&TRS_CRUMB).next_back() {
        let t = last
            .value()
            .attr("title")
            .map(clean_text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| element_text(last));
        if !t.is_empty() && t != "首页" && t.chars().count() <= 30 {
            return Some(t);
        }
    }
    let crumb = doc.select(&CRUMB).map(element_text).find(|t| {
        t.contains('>') || t.contains('»') || t.contains('›') || t.contains('＞') || t.contains('→')
    })?;
    crumb_last(&crumb)
}

fn crumb_last(crumb: &str) -> Option<String> {
    let last = crumb
        .split(['>', '»', '›', '＞', '→', '/'])
        .map(|s| s.trim().trim_start_matches(['：', ':']).trim())
        .rfind(|s| !s.is_empty())?;
    let last = last
        .trim_start_matches("当前位置")
        .trim_start_matches("您的位置")
        .trim_start_matches(['：', ':'])
        .trim();
    (!last.is_empty() && last.chars().count() <= 30 && last != "正文").then(|| last.to_owned())
}

fn heading_column(doc: &Html) -> Option<String> {
    doc.select(&HEADING)
        .map(element_text)
        .find(|t| (2..=12).contains(&t.chars().count()) && cjk_count(t) >= 2)
}

fn title_column(doc: &Html) -> Option<String> {
    let t = element_text(doc.select(&TITLE).next()?);
    t.split(['_', '-', '|', '—', '－'])
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(ToOwned::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn invisible_characters_in_titles_are_spaces() {
        assert_eq!(
            clean_text("\u{feff}关于调整低保标准的通知\u{200b}\u{a0}"),
            "关于调整低保标准的通知"
        );
        assert_eq!(
            clean_text("城东镇\u{2060}\u{200d}召开会议"),
            "城东镇 召开会议"
        );
    }

    #[test]
    fn li_rows_with_span_dates_and_truncated_titles() {
        let html = r#"<html><head><meta name="ColumnName" content="工作动态"></head><body>
        <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政府信息公开</a></li></ul>
        <ul class="list">
          <li><a href="./202606/t20260625_10001.html" title="安澜县召开2026年安全生产工作部署会议暨防汛工作会">安澜县召开2026年安全生产工作部署...</a><span>2026-06-25</span></li>
          <li><a href="./202606/t20260620_10002.html">县长调研春耕生产工作</a><span>2026/06/20</span></li>
          <li><a href="./202606/t20260618_10003.html">青石镇开展防溺水宣传活动</a><span>[06-18]</span></li>
        </ul></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/zwgk/gzdt/index.html"), false);
        assert_eq!(f.column.as_deref(), Some("工作动态"));
        assert_eq!(f.entries.len(), 3);
        assert_eq!(
            f.entries[0].title,
            "安澜县召开2026年安全生产工作部署会议暨防汛工作会"
        );
        assert_eq!(
            f.entries[0].url.as_str(),
            "http://x.gov.cn/zwgk/gzdt/202606/t20260625_10001.html"
        );
        assert_eq!(f.entries[2].date, Some(FoundDate::MonthDay(6, 18)));
        assert!(!f.is_detail);
    }

    #[test]
    fn table_rows_and_create_page_html() {
        let html = r#"<html><head><title>政务要闻_宜州区</title><script>
        function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){ var x = 1; }
        </script></head><body><TABLE>
        <TR><TD><A
          href="./202405/t20240506_1.html">区政府召开常务会议研究部署重点工作</A></TD><TD>2024-05-06</TD></TR>
        <TR><TD><A href="./202405/t20240505_2.html">区长调研重点项目建设情况</A></TD><TD>2024-05-05</TD></TR>
        </TABLE><script>createPageHTML(3, 0, "index", "html");</script></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/zw/index.html"), false);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(f.column.as_deref(), Some("政务要闻"));
        let pages: Vec<_> = f
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Pagination)
            .map(|l| l.url.as_str().to_owned())
            .collect();
        assert_eq!(
            pages,
            vec![
                "http://x.gov.cn/zw/index.html",
                "http://x.gov.cn/zw/index_1.html",
                "http://x.gov.cn/zw/index_2.html"
            ]
        );
    }

    #[test]
    fn next_page_links_and_query_pages() {
        let html = r#"<html><body><div class="list">
        <p><a href="show.jsp?id=1">关于印发安澜县优化营商环境若干措施的通知</a> 2024年5月6日</p>
        <p><a href="show.jsp?id=2">安澜县人民政府关于调整最低工资标准的通知</a> 2024年4月1日</p>
        </div><div class="page"><a href="?page=1">首页</a><a href="?page=2">下一页</a><a href="?page=2">2</a></div></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/zc/list.jsp?page=1"), false);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(
            f.entries[0].date,
            Some(FoundDate::Full(
                chrono::NaiveDate::from_ymd_opt(2024, 5, 6).unwrap()
            ))
        );
        assert!(
            f.links
                .iter()
                .any(|l| l.kind == LinkKind::Pagination && l.url.as_str().ends_with("?page=2"))
        );
    }

    #[test]
    fn navigation_is_not_items_and_empty_marker() {
        let html = r#"<html><head><meta name="ColumnName" content="规划计划"></head><body>
        <ul><li><a href="/a/">政府信息公开指南</a></li><li><a href="/b/">政府信息公开制度</a></li></ul>
        <div class="list">暂无信息</div></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/ghjh/"), false);
        assert!(f.entries.is_empty());
        assert!(f.empty_marker);
    }

    #[test]
    fn detail_pages_give_no_entries() {
        let html = r#"<html><head><meta name="ArticleTitle" content="某某通知"><meta name="PubDate" content="2024-05-06 10:00"></head>
        <body><ul><li><a href="/x/t20240501_1.html">上一篇：关于某项工作的通知</a><span>2024-05-01</span></li></ul></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/x/t20240506_2.html"), false);
        assert!(f.is_detail);
        assert!(f.entries.is_empty());
    }

    #[test]
    fn meta_refresh_and_script_redirects_are_links() {
        let html = r#"<html><head><meta http-equiv="Refresh" content="0; URL=/col/col123/index.html"></head>
        <body><script>window.location.href = "./zwgk/index.html";</script><script>location.replace('/xxgk/');</script></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/"), false);
        let got: Vec<&str> = f.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "http://x.gov.cn/col/col123/index.html",
                "http://x.gov.cn/zwgk/index.html",
                "http://x.gov.cn/xxgk/"
            ]
        );
    }

    #[test]
    fn hanweb_recordset_lists() {
        let html = r#"<html><head><meta name="ColumnName" content="通知公告"></head><body><div id="4567">
        <script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1"></a>]]></nextgroup>
        <recordset><record><![CDATA[<li><a href="/art/2026/6/25/art_123_4567.html" title="关于2026年度城乡居民医疗保险集中缴费的通告">关于2026年度城乡居民医疗保险集中缴费的通告</a><span>2026-06-25</span></li>]]></record>
        <record><![CDATA[<li><a href="/art/2026/6/20/art_123_4560.html">县政府召开全县安全生产工作会议</a><span>2026-06-20</span></li>]]></record>
        </recordset></datastore></script></div>
        <script>$(document).ready(function(){ $('#4567').jpage({ dataStore: dataStore, totalRecord: 62, perPage: 15, proxyUrl: '/module/web/jpage/dataproxy.jsp' }); });</script></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/col/col123/index.html"), false);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(
            f.entries[0].url.as_str(),
            "http://x.gov.cn/art/2026/6/25/art_123_4567.html"
        );
        assert_eq!(
            f.entries[1].date,
            Some(FoundDate::Full(
                chrono::NaiveDate::from_ymd_opt(2026, 6, 20).unwrap()
            ))
        );
        assert!(
            f.links
                .iter()
                .any(|l| l.kind == LinkKind::Item && l.url.as_str().ends_with("art_123_4560.html"))
        );
        let pages: Vec<&str> = f
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Pagination)
            .map(|l| l.url.as_str())
            .collect();
        assert_eq!(pages.len(), 4, "{pages:?}");
        assert_eq!(
            pages[0],
            "http://x.gov.cn/col/col123/index.html?uid=4567&pageNum=2"
        );
    }

    #[test]
    fn definition_lists_with_dates_in_dd() {
        let html = r#"<html><body><dl class="list">
        <dt><a href="./t20260601_1.html">关于印发安澜县防汛应急预案的通知</a></dt><dd>2026-06-01</dd>
        <dt><a href="./t20260520_2.html">县长调研春耕生产工作情况</a></dt><dd>2026-05-20</dd>
        </dl></body></html>"#;
        let f = extract_page(html, &url("http://x.gov.cn/zw/index.html"), false);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(
            f.entries[1].date,
            Some(FoundDate::Full(
                chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap()
            ))
        );
    }

    #[test]
    fn crumbs() {
        assert_eq!(
            crumb_last("当前位置：首页 > 政府信息公开 > 政策解读").as_deref(),
            Some("政策解读")
        );
        assert_eq!(crumb_last("首页 » 工作动态 »").as_deref(), Some("工作动态"));
    }
}
