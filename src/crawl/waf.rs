//! Web-application-firewall challenges: pages that answer a crawler with a
//! script to run instead of their content (瑞数 `$_ts` behind HTTP 412,
//! 加速乐 `__jsl_clearance`, Aliyun `acw_sc__v2`, Cloudflare's `cf_chl`, …).
//! They are blocked, not broken, and never bypassed.

/// Markers of challenge scripts, as they appear in the page source.
const MARKERS: &[&str] = &[
    "$_ts",
    "__jsl_clearance",
    "__jsluid",
    "acw_sc__v2",
    "acw_tc",
    "cf_chl",
    "cf-browser-verification",
    "challenge-platform",
    "yunsuo_session_verify",
    "safedog",
    "waf_",
    "_waf",
    "HW_CHECK",
    "FSSBBIl1UgzbN7N",
    "NfBCSins2OywS",
];

static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(MARKERS.iter().copied().chain(["<script"]))
        .expect("marker automaton builds")
});

/// Challenge pages are small: a larger 200 is an ordinary page.
const MAX_CHALLENGE_BODY: usize = 32 * 1024;

/// Whether a response is a challenge page.
#[must_use]
pub fn is_challenge(status: u16, body: &[u8]) -> bool {
    let script_id = MARKERS.len();
    let (mut marker, mut scripted) = (false, false);
    let scan = |marker: &mut bool, scripted: &mut bool| {
        for m in FINDER.find_overlapping_iter(&body[..body.len().min(64 * 1024)]) {
            if m.pattern().as_usize() == script_id {
                *scripted = true;
            } else {
                *marker = true;
            }
        }
    };
    match status {
        // 412 to a request without preconditions, or 521, with a script page.
        412 | 521 => {
            scan(&mut marker, &mut scripted);
            scripted || marker || body.is_empty()
        }
        // A 200 (or 403/503) whose body is only a challenge script.
        200 | 202 | 403 | 503 if body.len() <= MAX_CHALLENGE_BODY => {
            scan(&mut marker, &mut scripted);
            marker && scripted && visible_text_len(&String::from_utf8_lossy(body)) < 80
        }
        _ => false,
    }
}

/// Characters outside tags and scripts, roughly.
fn visible_text_len(html: &str) -> usize {
    let mut n = 0;
    let mut in_tag = false;
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    // Drop script and style bodies.
    let mut cleaned = String::with_capacity(html.len());
    while let Some(i) = rest.find("<script") {
        cleaned.push_str(&rest[..i]);
        match rest[i..].find("</script>") {
            Some(j) => rest = &rest[i + j + 9..],
            None => {
                rest = "";
                break;
            }
        }
    }
    cleaned.push_str(rest);
    for c in cleaned.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_and_ordinary_pages() {
        let rs = b"<html><head><meta charset=utf-8><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};</script><script src=/x.js></script></head><body></body></html>";
        assert!(is_challenge(412, rs));
        assert!(is_challenge(200, rs));
        let jsl = b"<script>document.cookie=('__jsl_clearance=1580;max-age=3600');location.href=location.pathname</script>";
        assert!(is_challenge(521, jsl));
        let page = "<html><body><script>var _hmt;</script><ul><li><a href=a.html>关于印发某方案的通知</a></li></ul><p>安澜县人民政府主办 联系我们 网站地图 政府信息公开指南 政府信息公开制度 法定主动公开内容 政府信息公开年报 政策解读 办事服务</p></body></html>";
        assert!(!is_challenge(200, page.as_bytes()));
        assert!(!is_challenge(404, rs));
        assert!(!is_challenge(500, b"<html><body>error</body></html>"));
    }
}
