//! robots.txt as RFC 9309 says: 2xx parsed; 4xx means no restrictions;
//! 5xx or an unreachable file means complete disallow.

use texting_robots::Robot;

/// The product token matched against `User-agent` lines.
pub const ROBOTS_TOKEN: &str = "disclosure-audit";

/// The rules in force for one site.
#[derive(Debug)]
pub enum Robots {
    /// No restrictions (no robots.txt, 4xx, or `--ignore-robots`).
    AllowAll,
    /// The server failed: RFC 9309 requires assuming complete disallow.
    DisallowAll(String),
    /// Parsed rules.
    Rules(Box<Robot>),
}

impl Robots {
    /// Builds the rules from a robots.txt response.
    #[must_use]
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        match status {
            // An HTML page (a soft 404, a portal's home page) is no
            // robots.txt, even if some of its lines read like rules.
            200..=299 if looks_like_html(body) => Self::AllowAll,
            200..=299 => match Robot::new(ROBOTS_TOKEN, body) {
                Ok(r) => Self::Rules(Box::new(r)),
                // Unparsable (HTML, binary): no usable rules.
                Err(_) => Self::AllowAll,
            },
            400..=499 => Self::AllowAll,
            s => Self::DisallowAll(format!("robots.txt returned HTTP {s}")),
        }
    }

    /// Whether the URL may be fetched.
    #[must_use]
    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Self::AllowAll => true,
            Self::DisallowAll(_) => false,
            Self::Rules(r) => r.allowed(url),
        }
    }

    /// The `Crawl-delay`, in seconds, if any.
    #[must_use]
    pub fn crawl_delay(&self) -> Option<f32> {
        match self {
            Self::Rules(r) => r.delay,
            _ => None,
        }
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let lower = head[start..].to_ascii_lowercase();
    lower.starts_with(b"<")
        && [&b"<html"[..], b"<!doctype", b"<head", b"<body"]
            .iter()
            .any(|t| lower.windows(t.len()).any(|w| w == *t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disallow_allow_wildcards_and_delay() {
        let txt = b"User-agent: *\nDisallow: /search/\nDisallow: /*.jsp$\nAllow: /search/help.html\nCrawl-delay: 2\n";
        let r = Robots::from_response(200, txt);
        assert!(!r.allowed("http://a.gov.cn/search/index.html?q=1"));
        assert!(r.allowed("http://a.gov.cn/search/help.html"));
        assert!(!r.allowed("http://a.gov.cn/x/list.jsp"));
        assert!(r.allowed("http://a.gov.cn/x/list.jsp?page=2"));
        assert!(r.allowed("http://a.gov.cn/zwgk/"));
        assert_eq!(r.crawl_delay(), Some(2.0));
    }

    #[test]
    fn specific_agent_group_wins() {
        let txt =
            b"User-agent: *\nDisallow: /\n\nUser-agent: disclosure-audit\nDisallow: /private/\n";
        let r = Robots::from_response(200, txt);
        assert!(r.allowed("http://a.gov.cn/zwgk/"));
        assert!(!r.allowed("http://a.gov.cn/private/x"));
    }

    #[test]
    fn status_handling() {
        assert!(Robots::from_response(404, b"").allowed("http://a/x"));
        assert!(!Robots::from_response(500, b"").allowed("http://a/x"));
        assert!(!Robots::from_response(503, b"").allowed("http://a/"));
        let html = Robots::from_response(200, b"<html><body>Not found</body></html>");
        assert!(html.allowed("http://a/x"));
        let html = Robots::from_response(
            200,
            b"\n<!DOCTYPE html>\n<html><body><pre>\nUser-agent: *\nDisallow: /\n</pre></body></html>",
        );
        assert!(html.allowed("http://a/x"));
    }
}
