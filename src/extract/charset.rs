//! Charset decoding: BOM, then the HTTP header, then `<meta>`, then detection.
//!
//! Chinese government portals often serve GBK without a charset header, or
//! declare UTF-8 while sending GBK. A declared encoding that fails to decode
//! cleanly is checked against detection, and the better one wins.

use encoding_rs::{Encoding, GBK, UTF_8};

/// How the encoding of a page was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The `Content-Type` header.
    Header,
    /// A `<meta charset>` or `http-equiv` tag.
    Meta,
    /// Statistical detection (nothing declared, or the declaration was wrong).
    Detected,
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: CharsetSource,
    /// A declared charset disagreed with the bytes (or with the BOM).
    pub mismatch: bool,
    /// Replacement characters remained after decoding.
    pub had_errors: bool,
}

/// Maps a charset label to an encoding, treating GB2312 as GBK as browsers do.
#[must_use]
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    Encoding::for_label(label.as_bytes())
}

/// Extracts the `charset=` parameter from a `Content-Type` value.
#[must_use]
pub fn charset_from_content_type(ct: &str) -> Option<&str> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Finds a charset declared in a `<meta>` tag in the first 4 KiB of the page.
#[must_use]
pub fn charset_from_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(i) = find(&lower[pos..], b"<meta") {
        let start = pos + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest
                .iter()
                .position(|&b| b != b' ')
                .map_or(&rest[rest.len()..], |s| &rest[s..]);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest: Vec<u8> = rest
                    .iter()
                    .copied()
                    .skip_while(|&b| b == b' ' || b == b'"' || b == b'\'')
                    .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    .collect();
                if let Some(enc) = Encoding::for_label(&rest) {
                    return Some(enc);
                }
            }
        }
        pos = end.max(start + 5);
        if pos >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// UTF-16 declarations in `<meta>` are treated as UTF-8, as browsers do.
fn normalise(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        enc
    }
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
}

fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, bool) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), had_errors)
}

/// Decodes a page body. `content_type` is the HTTP header, if any.
#[must_use]
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let header = content_type
        .and_then(charset_from_content_type)
        .and_then(encoding_for_label)
        .map(normalise);
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = decode_with(&bytes[bom_len..], enc);
        return Decoded {
            text,
            encoding: enc,
            source: CharsetSource::Bom,
            mismatch: header.is_some_and(|h| h != enc),
            had_errors,
        };
    }
    let declared = header
        .map(|e| (e, CharsetSource::Header))
        .or_else(|| charset_from_meta(bytes).map(|e| (normalise(e), CharsetSource::Meta)));
    if let Some((enc, source)) = declared {
        // Text that is valid UTF-8 and not plain ASCII is UTF-8 whatever the
        // label says: a CMS moved to UTF-8 often keeps its old `gb2312`
        // declaration, and GBK decodes most UTF-8 byte pairs without error,
        // into mojibake. Real GBK text is practically never valid UTF-8.
        if enc != UTF_8
            && !bytes.is_ascii()
            && let Ok(text) = std::str::from_utf8(bytes)
        {
            return Decoded {
                text: text.to_owned(),
                encoding: UTF_8,
                source: CharsetSource::Detected,
                mismatch: true,
                had_errors: false,
            };
        }
        let (text, had_errors) = decode_with(bytes, enc);
        if !had_errors {
            return Decoded {
                text,
                encoding: enc,
                source,
                mismatch: false,
                had_errors,
            };
        }
        // The declaration is wrong: try what the bytes say.
        let guess = detect(bytes);
        if guess != enc {
            let (gtext, gerr) = decode_with(bytes, guess);
            if !gerr || count_replacements(&gtext) < count_replacements(&text) {
                return Decoded {
                    text: gtext,
                    encoding: guess,
                    source: CharsetSource::Detected,
                    mismatch: true,
                    had_errors: gerr,
                };
            }
        }
        return Decoded {
            text,
            encoding: enc,
            source,
            mismatch: false,
            had_errors,
        };
    }
    let enc = detect(bytes);
    let (text, had_errors) = decode_with(bytes, enc);
    Decoded {
        text,
        encoding: enc,
        source: CharsetSource::Detected,
        mismatch: false,
        had_errors,
    }
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// Encodes text as GBK (used by fixtures and tests).
#[must_use]
pub fn encode_gbk(text: &str) -> Vec<u8> {
    GBK.encode(text).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>安澜县人民政府</title></head><body><ul><li><a href='a.html'>关于印发安澜县乡村振兴实施方案的通知</a><span>2026-05-06</span></li><li>县长调研春耕生产工作</li></ul></body></html>";

    #[test]
    fn gbk_without_any_declaration_is_detected() {
        let bytes = encode_gbk(PAGE);
        let d = decode(&bytes, Some("text/html"));
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(d.text.contains("乡村振兴"));
    }

    #[test]
    fn header_charset_wins_over_meta() {
        let page = PAGE.replace("<head>", "<head><meta charset=\"gbk\">");
        let d = decode(page.as_bytes(), Some("text/html; charset=UTF-8"));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, CharsetSource::Header);
    }

    #[test]
    fn meta_http_equiv_gb2312_is_gbk() {
        let page = PAGE.replace(
            "<head>",
            "<head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">",
        );
        let d = decode(&encode_gbk(&page), None);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains("春耕"));
    }

    #[test]
    fn header_says_utf8_but_body_is_gbk() {
        let d = decode(&encode_gbk(PAGE), Some("text/html; charset=utf-8"));
        assert_eq!(d.encoding, GBK);
        assert!(d.mismatch);
        assert!(!d.had_errors);
        assert!(d.text.contains("实施方案"));
    }

    #[test]
    fn bom_wins_over_header() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(PAGE.as_bytes());
        let d = decode(&bytes, Some("text/html; charset=gbk"));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, CharsetSource::Bom);
        assert!(d.mismatch);
        assert!(d.text.starts_with("<html>"));
    }

    #[test]
    fn utf8_labelled_gbk_is_utf8() {
        let page = PAGE.replace("<head>", "<head><meta charset=\"gb2312\">");
        for ct in [None, Some("text/html; charset=gbk")] {
            let d = decode(page.as_bytes(), ct);
            assert_eq!(d.encoding, UTF_8);
            assert!(d.mismatch);
            assert!(d.text.contains("乡村振兴"), "{}", d.text);
        }
    }

    #[test]
    fn big5_meta() {
        let text = "<html><head><meta charset=big5></head><body>政府資訊公開</body></html>";
        let bytes = encoding_rs::BIG5.encode(text).0.into_owned();
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, encoding_rs::BIG5);
        assert!(d.text.contains("政府資訊公開"));
    }

    #[test]
    fn content_type_parameter_parsing() {
        assert_eq!(
            charset_from_content_type("text/html; Charset=\"GB2312\""),
            Some("GB2312")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
        assert_eq!(encoding_for_label("gb2312"), Some(GBK));
    }
}
