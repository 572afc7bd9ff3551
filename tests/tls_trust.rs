//! Verified TLS: a site whose certificate chains to a trusted root is
//! crawled without `--insecure-tls`. The root is made trusted through
//! `SSL_CERT_FILE`, which the system trust store honours; that changes the
//! whole process, so this test is a binary of its own.

use std::sync::Arc;

use disclosure_audit::crawl::{CrawlOptions, NoProgress, SiteSpec, crawl_site};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls;

const PAGE: &str = "<html><head><meta charset=utf-8><meta name=\"ColumnName\" content=\"通知公告\"></head><body><ul><li><a href=\"/art/t20260601_1.html\">关于开展城乡环境卫生整治的通知</a><span>2026-06-01</span></li></ul></body></html>";

/// Answers every request on one TLS connection with `PAGE` (robots.txt: 404).
async fn serve(acceptor: tokio_rustls::TlsAcceptor, stream: tokio::net::TcpStream) {
    let Ok(mut s) = acceptor.accept(stream).await else {
        return;
    };
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let Ok(n) = s.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).into_owned();
            buf.drain(..end + 4);
            let (status, body) = if head.starts_with("GET /robots.txt") {
                ("404 Not Found", "")
            } else {
                ("200 OK", PAGE)
            };
            let reply = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            if s.write_all(reply.as_bytes()).await.is_err() {
                return;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_from_a_trusted_root_is_accepted_without_insecure_tls() {
    let ck = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()])
        .expect("certificate");
    let dir = tempfile::tempdir().unwrap();
    let pem = dir.path().join("root.pem");
    std::fs::write(&pem, ck.cert.pem()).unwrap();
    // SAFETY: set before any thread of this test binary reads the
    // environment or loads the trust store.
    unsafe { std::env::set_var("SSL_CERT_FILE", &pem) };

    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(ck.signing_key.serialize_der());
    let cfg = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![ck.cert.der().clone()], key.into())
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(acceptor.clone(), stream));
        }
    });

    let spec = SiteSpec {
        name: "可信站点".into(),
        start: format!("https://{addr}/").parse().unwrap(),
        scope: None,
        insecure_tls: false,
        max_pages: Some(5),
    };
    let opts = CrawlOptions {
        delay: std::time::Duration::ZERO,
        ..CrawlOptions::default()
    };
    let c = crawl_site(&spec, &opts, &NoProgress).await;
    assert!(c.stats.fatal.is_none(), "{:?}", c.stats.fatal);
    assert_eq!(c.items.len(), 1);
    assert_eq!(c.items[0].title, "关于开展城乡环境卫生整治的通知");
    assert_eq!(c.items[0].detail_status, 200);
    server.abort();
}
