//! Bytes as a server might send them: decoded, parsed as a page, searched
//! for dates. Nothing here may panic.
#![no_main]

use disclosure_audit::extract::{date::find_date, decode, extract_page};
use libfuzzer_sys::fuzz_target;

const TYPES: &[Option<&str>] = &[
    None,
    Some("text/html"),
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=gbk"),
    Some("text/html; charset=big5"),
    Some("text/html; charset=\"utf-16\""),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let ct = TYPES[usize::from(first) % TYPES.len()];
    let d = decode(body, ct);
    let url = url::Url::parse("http://a.gov.cn/col/list_2.html?page=2").unwrap();
    let _ = extract_page(&d.text, &url, first & 0x80 != 0);
    let _ = find_date(&d.text);
});
