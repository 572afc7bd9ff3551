//! The hazard server: a raw HTTP/1.1 (optionally TLS) server on 127.0.0.1
//! that misbehaves on request, and the helpers the hazard tests share.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use disclosure_audit::crawl::{CrawlOptions, HttpOptions, NoProgress, crawl_site};
use disclosure_audit::model::SiteCrawl;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::support::as_of;
pub(super) use crate::support::spec;

// ---------------------------------------------------------------------------
// The hazard server

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub(super) method: String,
    /// Path with query.
    pub(super) path: String,
    pub(super) range: Option<String>,
    pub(super) at: Instant,
}

/// What the server does with a request.
#[derive(Clone)]
pub(super) enum Reply {
    /// A complete response; `Content-Length` is added.
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Accept the request and never answer.
    Hang,
    /// A 200 HTML response whose body comes one byte a second.
    Trickle(Vec<u8>),
    /// A 200 HTML response announcing `n` bytes of zeros, written lazily
    /// 64 KiB at a time until the client hangs up.
    Zeros(u64),
}

pub(super) type Route = dyn Fn(&Hit) -> Reply + Send + Sync;

pub(super) struct Hazard {
    pub(super) addr: SocketAddr,
    tls: bool,
    log: Arc<Mutex<Vec<Hit>>>,
    /// Body bytes written to sockets.
    sent: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl Hazard {
    pub(super) async fn start(route: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Self {
        Self::start_on("127.0.0.1:0", None, route).await
    }

    pub(super) async fn start_on(
        addr: &str,
        tls: Option<tokio_rustls::TlsAcceptor>,
        route: impl Fn(&Hit) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind(addr).await.expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let sent = Arc::new(AtomicU64::new(0));
        let route: Arc<Route> = Arc::new(route);
        let is_tls = tls.is_some();
        let (log2, sent2) = (Arc::clone(&log), Arc::clone(&sent));
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let (route, log, sent) =
                    (Arc::clone(&route), Arc::clone(&log2), Arc::clone(&sent2));
                let tls = tls.clone();
                tokio::spawn(async move {
                    match tls {
                        Some(acceptor) => {
                            // A client that rejects the certificate ends here.
                            if let Ok(s) = acceptor.accept(stream).await {
                                serve_conn(s, &*route, &log, &sent).await;
                            }
                        }
                        None => serve_conn(stream, &*route, &log, &sent).await,
                    }
                });
            }
        });
        Self {
            addr,
            tls: is_tls,
            log,
            sent,
            task,
        }
    }

    pub(super) async fn start_tls(route: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Self {
        use tokio_rustls::rustls;
        let ck = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()])
            .expect("self-signed certificate");
        let key = rustls::pki_types::PrivatePkcs8KeyDer::from(ck.signing_key.serialize_der());
        let cfg = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(vec![ck.cert.der().clone()], key.into())
            .expect("server config");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
        Self::start_on("127.0.0.1:0", Some(acceptor), route).await
    }

    pub(super) fn url(&self, path: &str) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}{path}", self.addr)
    }

    pub(super) fn hits(&self) -> Vec<Hit> {
        self.log.lock().unwrap().clone()
    }

    pub(super) fn paths(&self) -> Vec<String> {
        self.hits().into_iter().map(|h| h.path).collect()
    }

    pub(super) fn count(&self, path: &str) -> usize {
        self.hits().iter().filter(|h| h.path == path).count()
    }

    pub(super) fn sent(&self) -> u64 {
        self.sent.load(Ordering::SeqCst)
    }
}

impl Drop for Hazard {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub(super) async fn serve_conn<S: AsyncRead + AsyncWrite + Unpin>(
    mut s: S,
    route: &Route,
    log: &Mutex<Vec<Hit>>,
    sent: &AtomicU64,
) {
    let mut buf = Vec::new();
    let mut tmp = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > 64 * 1024 {
            return;
        }
        match s.read(&mut tmp).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&tmp[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or("").split(' ');
    let method = first.next().unwrap_or("").to_owned();
    let path = first.next().unwrap_or("/").to_owned();
    let range = lines.find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("range")
            .then(|| v.trim().to_owned())
    });
    let hit = Hit {
        method,
        path,
        range,
        at: Instant::now(),
    };
    log.lock().unwrap().push(hit.clone());
    let head_only = hit.method == "HEAD";
    let reply = route(&hit);
    let write_head = |code: u16, headers: &[(&str, String)], len: u64| {
        let mut h =
            format!("HTTP/1.1 {code} Hazard\r\nContent-Length: {len}\r\nConnection: close\r\n");
        for (k, v) in headers {
            h.push_str(&format!("{k}: {v}\r\n"));
        }
        h.push_str("\r\n");
        h.into_bytes()
    };
    let html = [("Content-Type", "text/html; charset=utf-8".to_owned())];
    match reply {
        Reply::Full(code, headers, body) => {
            let mut out = write_head(code, &headers, body.len() as u64);
            if !head_only {
                out.extend_from_slice(&body);
                sent.fetch_add(body.len() as u64, Ordering::SeqCst);
            }
            let _ = s.write_all(&out).await;
        }
        Reply::Hang => {
            // Hold the connection until the client gives up.
            let _ = tokio::time::timeout(Duration::from_secs(30), async {
                while let Ok(n) = s.read(&mut tmp).await {
                    if n == 0 {
                        break;
                    }
                }
            })
            .await;
        }
        Reply::Trickle(body) => {
            if s.write_all(&write_head(200, &html, body.len() as u64))
                .await
                .is_err()
            {
                return;
            }
            for b in body {
                if s.write_all(&[b]).await.is_err() || s.flush().await.is_err() {
                    return;
                }
                sent.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
        Reply::Zeros(n) => {
            if s.write_all(&write_head(200, &html, n)).await.is_err() || head_only {
                return;
            }
            let chunk = vec![0u8; 64 * 1024];
            let mut left = n;
            while left > 0 {
                let k = usize::try_from(left.min(chunk.len() as u64)).unwrap();
                if s.write_all(&chunk[..k]).await.is_err() {
                    return;
                }
                sent.fetch_add(k as u64, Ordering::SeqCst);
                left -= k as u64;
            }
        }
    }
    let _ = s.shutdown().await;
}

pub(super) fn html(body: &str) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        body.as_bytes().to_vec(),
    )
}

pub(super) fn bytes_with(ct: &str, body: Vec<u8>) -> Reply {
    Reply::Full(200, vec![("Content-Type", ct.to_owned())], body)
}

pub(super) fn status(code: u16) -> Reply {
    Reply::Full(
        code,
        vec![("Content-Type", "text/html".into())],
        format!("<html><body>HTTP {code}</body></html>").into_bytes(),
    )
}

pub(super) fn redirect(location: &str) -> Reply {
    Reply::Full(302, vec![("Location", location.to_owned())], Vec::new())
}

/// A list page of dated entries, as a disclosure column shows them.
pub(super) fn list_page(title: &str, entries: &[(&str, &str, &str)], extra: &str) -> String {
    let rows: String = entries
        .iter()
        .map(|(href, t, d)| format!("<li><a href=\"{href}\">{t}</a><span>{d}</span></li>\n"))
        .collect();
    format!(
        "<html><head><title>{title}</title></head><body><h2>{title}</h2><ul class=\"list\">\n{rows}</ul>{extra}</body></html>"
    )
}

pub(super) fn detail_page(title: &str, date: &str) -> String {
    format!(
        "<html><head><meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"{date}\"><title>{title}</title></head><body><h1>{title}</h1><p>正文。</p></body></html>"
    )
}

// ---------------------------------------------------------------------------
// Options and helpers

/// Tight limits so that every hazard resolves in seconds.
pub(super) fn opts() -> CrawlOptions {
    CrawlOptions {
        http: HttpOptions {
            connect_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            retries: 1,
            ..HttpOptions::default()
        },
        delay: Duration::ZERO,
        delay_factor: 0.0,
        per_host: 2,
        site_timeout: Duration::from_secs(10),
        reference_date: as_of(),
        ..CrawlOptions::default()
    }
}

pub(super) async fn crawl(name: &str, start: &str, o: &CrawlOptions) -> SiteCrawl {
    crawl_site(&spec(name, start), o, &NoProgress).await
}

pub(super) fn broken_error<'a>(c: &'a SiteCrawl, url: &str) -> &'a str {
    c.broken
        .iter()
        .find(|b| b.url == url)
        .map(|b| b.error.as_str())
        .unwrap_or_else(|| panic!("{url} not recorded as broken: {:#?}", c.broken))
}

pub(super) fn item_titles(c: &SiteCrawl) -> Vec<&str> {
    c.items.iter().map(|i| i.title.as_str()).collect()
}
