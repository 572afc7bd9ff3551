//! One HTTP exchange with bounds: a total timeout, a body-size cap (applied
//! to the decoded body, so compression bombs stop at the cap), no automatic
//! redirects (the crawler checks each hop against the scope), and retries
//! with backoff on timeouts, 5xx and 429 within a per-site budget.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use reqwest::header::{CONTENT_TYPE, ETAG, HeaderMap, LAST_MODIFIED, LOCATION, RANGE, RETRY_AFTER};

/// Limits and identity for HTTP requests.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// User-Agent header.
    pub user_agent: String,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Total time for one request, body included.
    pub request_timeout: Duration,
    /// Largest body kept, in bytes (after decompression).
    pub max_body: usize,
    /// Retries after the first attempt.
    pub retries: u32,
    /// Longest `Retry-After` honoured.
    pub max_retry_after: Duration,
    /// Accept certificates that fail verification.
    pub insecure_tls: bool,
}

/// Defaults.
pub const DEFAULT_MAX_BODY: usize = 8 * 1024 * 1024;

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            user_agent: crate::DEFAULT_USER_AGENT.to_owned(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_body: DEFAULT_MAX_BODY,
            retries: 2,
            max_retry_after: Duration::from_secs(60),
            insecure_tls: false,
        }
    }
}

/// Builds the HTTP client for one site, keeping up to `per_host` idle
/// connections per host so that every concurrent request slot reuses its
/// connection instead of opening a new one. The client lives as long as the
/// site's crawl: its connections close when the site is done.
///
/// # Errors
/// When the TLS backend cannot be set up.
pub fn build_client(opts: &HttpOptions, per_host: usize) -> reqwest::Result<reqwest::Client> {
    let mut b = reqwest::Client::builder()
        .user_agent(&opts.user_agent)
        .connect_timeout(opts.connect_timeout)
        .timeout(opts.request_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(per_host.max(1));
    b = match verified_tls() {
        Some(tls) if !opts.insecure_tls => b.tls_backend_preconfigured(tls),
        _ => b.danger_accept_invalid_certs(opts.insecure_tls),
    };
    b.build()
}

/// TLS settings that verify certificates against the system's trust store,
/// built once per process and shared by every site's client: loading the
/// trust store costs more CPU than crawling a small site. `None` when the
/// store cannot be loaded (each client then loads it itself and reports the
/// error).
fn verified_tls() -> Option<rustls::ClientConfig> {
    static CONFIG: std::sync::OnceLock<Option<rustls::ClientConfig>> = std::sync::OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
            let verifier = rustls_platform_verifier::Verifier::new(provider.clone()).ok()?;
            let mut config = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .ok()?
                .dangerous()
                .with_custom_certificate_verifier(std::sync::Arc::new(verifier))
                .with_no_client_auth();
            config.alpn_protocols = vec![b"http/1.1".to_vec()];
            Some(config)
        })
        .clone()
}

/// The outcome of one fetch (after retries).
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    /// HTTP status; 0 when no response came.
    pub status: u16,
    /// Body bytes (possibly cut at the cap).
    pub body: Bytes,
    /// The body was cut at the cap.
    pub truncated: bool,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// `Location` on redirects.
    pub location: Option<String>,
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
    /// Transport error, in words.
    pub error: Option<String>,
    /// The error was a TLS certificate failure.
    pub tls_error: bool,
    /// Time of the last attempt.
    pub elapsed: Duration,
    /// Retries made.
    pub retries: u32,
    /// A retry was due but the site's retry budget was spent.
    pub budget_exhausted: bool,
    /// A GET answered with a non-HTML type (PDF, image, archive…): the body
    /// was not read, so a mislabelled link never downloads a whole file.
    pub body_skipped: bool,
}

impl Fetched {
    /// Whether the fetch produced a 2xx response.
    #[must_use]
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// How to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A full GET.
    Get,
    /// A GET for a page to parse: the body is not read when the
    /// `Content-Type` names a file type (PDF, image, archive…).
    Page,
    /// A status check for attachments: HEAD, falling back to a one-byte ranged GET.
    Check,
}

fn header(h: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(ToOwned::to_owned)
}

fn retry_after(h: &HeaderMap) -> Option<Duration> {
    let v = h.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let secs = (when.timestamp() - chrono::Utc::now().timestamp()).max(0);
    Some(Duration::from_secs(u64::try_from(secs).unwrap_or(0)))
}

fn describe(e: &reqwest::Error) -> (String, bool) {
    use std::error::Error as _;
    let mut msg = e.to_string();
    let mut src = e.source();
    let mut tls = false;
    while let Some(s) = src {
        let t = s.to_string();
        if t.contains("certificate") || t.contains("Certificate") || t.contains("UnknownIssuer") {
            tls = true;
        }
        msg = format!("{msg}: {t}");
        src = s.source();
    }
    if e.is_timeout() {
        msg = format!("timed out ({msg})");
    }
    (msg, tls)
}

async fn once(
    client: &reqwest::Client,
    url: &str,
    method: Method,
    opts: &HttpOptions,
    extra: &[(String, String)],
) -> (Fetched, Option<Duration>) {
    let start = Instant::now();
    let mut req = match method {
        Method::Get | Method::Page => client.get(url),
        Method::Check => client.head(url),
    };
    for (k, v) in extra {
        req = req.header(k.as_str(), v.as_str());
    }
    let mut out = Fetched::default();
    let resp = match req.send().await {
        Ok(r) => r,
        Err(e) => {
            let (msg, tls) = describe(&e);
            out.error = Some(msg);
            out.tls_error = tls;
            out.elapsed = start.elapsed();
            return (out, None);
        }
    };
    // Many portals answer HEAD with an error their GET does not give (405,
    // 403, even 404 or 500): an attachment is called broken only when a
    // one-byte GET says so too. 429 and 503 are retried as they are.
    let head_failed = |code: u16| (400..600).contains(&code) && !matches!(code, 429 | 503);
    let mut resp = if method == Method::Check && head_failed(resp.status().as_u16()) {
        match client.get(url).header(RANGE, "bytes=0-0").send().await {
            Ok(r) => r,
            Err(e) => {
                out.error = Some(describe(&e).0);
                out.elapsed = start.elapsed();
                return (out, None);
            }
        }
    } else {
        resp
    };
    out.status = resp.status().as_u16();
    let h = resp.headers();
    out.content_type = header(h, CONTENT_TYPE);
    out.location = header(h, LOCATION);
    out.etag = header(h, ETAG);
    out.last_modified = header(h, LAST_MODIFIED);
    let ra = retry_after(h);
    if method == Method::Page && is_binary(out.content_type.as_deref()) {
        out.body_skipped = true;
    } else if method != Method::Check {
        let mut buf = BytesMut::new();
        loop {
            match resp.chunk().await {
                Ok(Some(c)) => {
                    if buf.len() + c.len() > opts.max_body {
                        let room = opts.max_body - buf.len();
                        buf.extend_from_slice(&c[..room]);
                        out.truncated = true;
                        break;
                    }
                    buf.extend_from_slice(&c);
                }
                Ok(None) => break,
                Err(e) => {
                    out.error = Some(describe(&e).0);
                    break;
                }
            }
        }
        out.body = buf.freeze();
    }
    out.elapsed = start.elapsed();
    (out, ra)
}

/// Whether a `Content-Type` names a type that is never parsed as a page.
#[must_use]
pub fn is_binary(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else {
        return false;
    };
    let ct = ct.trim().to_ascii_lowercase();
    let mime = ct.split(';').next().unwrap_or("").trim();
    if mime.contains("html") || mime.contains("xml") || mime.starts_with("text/") {
        return false;
    }
    ["image/", "audio/", "video/", "font/", "application/"]
        .iter()
        .any(|p| mime.starts_with(p))
        && !matches!(mime, "application/json" | "application/javascript")
}

fn retryable(f: &Fetched) -> bool {
    (f.status == 0 && !f.tls_error)
        || f.status == 429
        || (500..600).contains(&f.status) && f.status != 501
}

/// Fetches with retries. `budget` is the site's remaining retry budget.
pub async fn fetch(
    client: &reqwest::Client,
    url: &str,
    method: Method,
    opts: &HttpOptions,
    extra: &[(String, String)],
    budget: &Arc<AtomicU32>,
) -> Fetched {
    fetch_paced(client, url, method, opts, extra, budget, || async {}).await
}

/// Like [`fetch`], awaiting `pace` before every attempt, retries included,
/// so that a retry waits its turn under the per-host delay and robots.txt's
/// `Crawl-delay` like any other request.
pub async fn fetch_paced<P, F>(
    client: &reqwest::Client,
    url: &str,
    method: Method,
    opts: &HttpOptions,
    extra: &[(String, String)],
    budget: &Arc<AtomicU32>,
    mut pace: P,
) -> Fetched
where
    P: FnMut() -> F,
    F: std::future::Future<Output = ()>,
{
    let mut attempt = 0;
    loop {
        pace().await;
        let (mut f, ra) = once(client, url, method, opts, extra).await;
        f.retries = attempt;
        // A body error after a 2xx status (a trickle that timed out) is a failure.
        if f.ok() && f.error.is_some() {
            f.status = 0;
        }
        if attempt >= opts.retries || !retryable(&f) {
            return f;
        }
        if budget
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |b| b.checked_sub(1))
            .is_err()
        {
            let e = f
                .error
                .take()
                .unwrap_or_else(|| format!("HTTP {}", f.status));
            f.error = Some(format!("{e} (retry budget exhausted)"));
            f.budget_exhausted = true;
            return f;
        }
        let backoff = Duration::from_millis(500 * (1 << attempt));
        let wait = ra.map_or(backoff, |r| r.min(opts.max_retry_after).max(backoff));
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
