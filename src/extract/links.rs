//! Link classification: attachments, pagination, article-like URLs.

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

/// File extensions recorded as attachments instead of being crawled.
pub const ATTACHMENT_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ppt", "pptx", "zip", "rar", "7z", "ofd",
    "csv", "jpg", "jpeg", "png", "gif", "bmp", "mp4", "mp3", "avi", "tif", "tiff", "txt", "xml",
    "apk", "exe", "dwg", "ceb", "gz", "tar",
];

/// Query parameters that carry a page number.
pub const PAGE_PARAMS: &[&str] = &[
    "page",
    "pageno",
    "pageindex",
    "pagenum",
    "p",
    "pn",
    "currentpage",
    "curpage",
    "cur_page",
    "page_no",
    "pageNo",
];

/// Whether the URL's path names a non-HTML file.
#[must_use]
pub fn is_attachment(url: &Url) -> bool {
    let path = url.path();
    let name = path.rsplit('/').next().unwrap_or("");
    match name.rsplit_once('.') {
        Some((_, ext)) => ATTACHMENT_EXTENSIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(ext)),
        None => false,
    }
}

static INDEX_N: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)_(\d{1,5})\.(s?html?|jsp|php|aspx?)$").expect("valid regex")
});

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        /t\d{8}_\d+\.s?html?$            # TRS
        | /art_\d+_\d+\.html$            # Hanweb
        | /\d{6,8}/[0-9a-f]{16,}\.s?html?$ # date folder + hash
        | /content[_-]\d+\.s?html?$
        | /\d{4}-?\d{2}/\d{2}/\w+\.s?html?$
        | [?&](?:id|articleid|docid|infoid|newsid|contentid)=\w+",
    )
    .expect("valid regex")
});

/// Whether the URL looks like an article (detail) page of a common CMS.
#[must_use]
pub fn is_article_like(url: &Url) -> bool {
    let s = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    };
    ARTICLE.is_match(&s)
}

/// The page number of a pagination URL (`index_3.html` → 3, `?page=3` → 3).
#[must_use]
pub fn page_number(url: &Url) -> Option<u32> {
    if let Some(n) = url.query_pairs().find_map(|(k, v)| {
        PAGE_PARAMS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&k))
            .then(|| v.parse().ok())
            .flatten()
    }) {
        return Some(n);
    }
    let name = url.path().rsplit('/').next().unwrap_or("");
    INDEX_N
        .captures(name)
        .filter(|c| c[1].eq_ignore_ascii_case("index") || c[1].eq_ignore_ascii_case("list"))
        .and_then(|c| c[2].parse().ok())
}

/// The first page of the series a pagination URL belongs to: `index_3.html`
/// → `index.html`, `list.jsp?page=3` → `list.jsp`, other parameters kept.
#[must_use]
pub fn series_base(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_fragment(None);
    if u.query().is_some() {
        // Hanweb pages are `index.html?uid=N&pageNum=K`: the unit id goes with the page number.
        let paged = u
            .query_pairs()
            .any(|(k, _)| k.eq_ignore_ascii_case("pagenum"));
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| !PAGE_PARAMS.iter().any(|p| p.eq_ignore_ascii_case(k)))
            .filter(|(k, _)| !(paged && k.eq_ignore_ascii_case("uid")))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    let path = u.path().to_owned();
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", &path));
    if let Some(c) = INDEX_N.captures(name)
        && (c[1].eq_ignore_ascii_case("index") || c[1].eq_ignore_ascii_case("list"))
    {
        u.set_path(&format!("{dir}/{}.{}", &c[1], &c[3]));
    }
    // `/col/` and `/col/index.html` are the same list.
    if u.path().ends_with('/') {
        let p = format!("{}index.html", u.path());
        u.set_path(&p);
    }
    u
}

/// Normalises a URL for deduplication: no fragment, default port dropped.
#[must_use]
pub fn normalise(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_fragment(None);
    if u.query() == Some("") {
        u.set_query(None);
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn attachments_by_extension() {
        assert!(is_attachment(&u("http://a.gov.cn/x/P0202405.PDF")));
        assert!(is_attachment(&u("http://a.gov.cn/x/a.docx?v=1")));
        assert!(!is_attachment(&u("http://a.gov.cn/x/t20240506_1.html")));
        assert!(!is_attachment(&u("http://a.gov.cn/x/")));
    }

    #[test]
    fn pagination_numbers_and_bases() {
        assert_eq!(page_number(&u("http://a/zw/index_3.html")), Some(3));
        assert_eq!(page_number(&u("http://a/zw/list.jsp?page=2")), Some(2));
        assert_eq!(page_number(&u("http://a/zw/t20240506_3.html")), None);
        assert_eq!(
            series_base(&u("http://a/zw/index_3.shtml")).as_str(),
            "http://a/zw/index.shtml"
        );
        assert_eq!(
            series_base(&u("http://a/zw/list.jsp?cat=5&page=2")).as_str(),
            "http://a/zw/list.jsp?cat=5"
        );
        assert_eq!(
            series_base(&u("http://a/zw/")).as_str(),
            "http://a/zw/index.html"
        );
    }

    #[test]
    fn article_like_urls() {
        assert!(is_article_like(&u("http://a/zw/202405/t20240506_123.html")));
        assert!(is_article_like(&u("http://a/art/2024/5/6/art_12_345.html")));
        assert!(is_article_like(&u(
            "http://a/x/202305/7215380191c5400397df5d7d0b5fd06b.shtml"
        )));
        assert!(is_article_like(&u("http://a/show.jsp?id=42")));
        assert!(!is_article_like(&u("http://a/zw/index_2.html")));
    }
}
