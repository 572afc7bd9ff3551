//! A small HTTP/1.1 server on 127.0.0.1 that serves a saved site from a
//! folder. The demo and the tests crawl fixture sites through it, over real
//! HTTP, and it records every request so tests can assert what was fetched.
//!
//! File mapping: `/` → `index.html`; `/a/` → `a/index.html`; a request with a
//! query string `/a/list.jsp?page=2` → the file `a/list.jsp@page=2`. A missing
//! file is a 404. `Content-Type` comes from the extension (HTML without a
//! charset, as many government servers send it) and can be overridden per
//! path prefix by a `headers.csv` (`path_prefix,header,value`) beside `www/`.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// What a handler sees of a request.
#[derive(Debug, Clone, Default)]
pub struct RequestInfo {
    /// Path with query (`/a/b.html?x=1`).
    pub path_and_query: String,
    /// `If-None-Match`, if sent.
    pub if_none_match: Option<String>,
    /// `If-Modified-Since`, if sent.
    pub if_modified_since: Option<String>,
}

/// Answers one request: status, headers, body.
pub trait Handler: Send + Sync + 'static {
    /// Builds the response for a path with its query (`/a/b.html?x=1`).
    fn respond(&self, path_and_query: &str) -> (u16, Vec<(String, String)>, Bytes);

    /// Builds the response for a request; by default from its path alone.
    fn respond_to(&self, req: &RequestInfo) -> (u16, Vec<(String, String)>, Bytes) {
        self.respond(&req.path_and_query)
    }
}

/// A folder served as a site.
#[derive(Debug, Clone)]
pub struct StaticSite {
    root: PathBuf,
    headers: Vec<(String, String, String)>,
}

impl StaticSite {
    /// A site folder holding `www/` and optionally `headers.csv`.
    ///
    /// # Errors
    /// When `headers.csv` exists but cannot be read.
    pub fn open(site_dir: &Path) -> std::io::Result<Self> {
        let mut headers = Vec::new();
        let hpath = site_dir.join("headers.csv");
        if hpath.exists() {
            let text = std::fs::read_to_string(&hpath)?;
            for line in text.lines().skip(1) {
                let mut parts = line.splitn(3, ',');
                if let (Some(p), Some(h), Some(v)) = (parts.next(), parts.next(), parts.next()) {
                    headers.push((p.to_owned(), h.to_owned(), v.to_owned()));
                }
            }
        }
        Ok(Self {
            root: site_dir.join("www"),
            headers,
        })
    }

    fn file_for(&self, path_and_query: &str) -> Option<PathBuf> {
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_and_query, None),
        };
        let path = percent_decode(path);
        if path.split('/').any(|seg| seg == "..") {
            return None;
        }
        let mut rel = path.trim_start_matches('/').to_owned();
        if rel.is_empty() || rel.ends_with('/') {
            rel.push_str("index.html");
        }
        if let Some(q) = query {
            rel = format!("{rel}@{q}");
        }
        let p = self.root.join(rel);
        if p.is_dir() {
            Some(p.join("index.html"))
        } else {
            Some(p)
        }
    }
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn content_type(path: &str) -> &'static str {
    let ext = path
        .split('?')
        .next()
        .unwrap_or("")
        .rsplit_once('.')
        .map_or("", |x| x.1)
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "txt" => "text/plain",
        "js" => "application/javascript",
        "css" => "text/css",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "zip" => "application/zip",
        _ => "text/html",
    }
}

impl Handler for StaticSite {
    /// Files carry an `ETag` (a hash of their bytes), and a matching
    /// `If-None-Match` gets 304 Not Modified, as real servers do.
    fn respond_to(&self, req: &RequestInfo) -> (u16, Vec<(String, String)>, Bytes) {
        let (status, mut headers, body) = self.respond(&req.path_and_query);
        if status != 200 {
            return (status, headers, body);
        }
        let etag = format!("\"{:016x}\"", crate::crawl::fnv1a64(&body));
        if req.if_none_match.as_deref() == Some(etag.as_str()) {
            return (304, vec![("ETag".to_owned(), etag)], Bytes::new());
        }
        headers.push(("ETag".to_owned(), etag));
        (status, headers, body)
    }

    fn respond(&self, path_and_query: &str) -> (u16, Vec<(String, String)>, Bytes) {
        let Some(file) = self.file_for(path_and_query) else {
            return (400, vec![], Bytes::from_static(b"bad request"));
        };
        match std::fs::read(&file) {
            Ok(body) => {
                let path = path_and_query.split('?').next().unwrap_or("/");
                let mut headers = vec![(
                    "Content-Type".to_owned(),
                    content_type(&file.to_string_lossy()).to_owned(),
                )];
                for (prefix, h, v) in &self.headers {
                    if path.starts_with(prefix.as_str()) {
                        headers.retain(|(k, _)| !k.eq_ignore_ascii_case(h));
                        headers.push((h.clone(), v.clone()));
                    }
                }
                (200, headers, Bytes::from(body))
            }
            Err(_) => (
                404,
                vec![("Content-Type".to_owned(), "text/html".to_owned())],
                Bytes::from_static(b"<html><body><h1>404 Not Found</h1></body></html>"),
            ),
        }
    }
}

/// A running server; it stops when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
    conditional: Arc<std::sync::atomic::AtomicU64>,
    connections: Arc<std::sync::atomic::AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Serves `handler` on 127.0.0.1 at an ephemeral port. Must be called
    /// inside a tokio runtime.
    ///
    /// # Errors
    /// When no loopback port can be bound.
    pub async fn start(handler: impl Handler) -> std::io::Result<Self> {
        Self::start_on("127.0.0.1:0".parse().expect("valid address"), handler).await
    }

    /// Serves `handler` on the given loopback address.
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub async fn start_on(addr: SocketAddr, handler: impl Handler) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler = Arc::new(handler);
        let log2 = Arc::clone(&log);
        let conditional = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let cond2 = Arc::clone(&conditional);
        let connections = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let conn2 = Arc::clone(&connections);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                conn2.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let handler = Arc::clone(&handler);
                let log = Arc::clone(&log2);
                let cond = Arc::clone(&cond2);
                tokio::spawn(async move {
                    let svc = service_fn(move |req: Request<Incoming>| {
                        let handler = Arc::clone(&handler);
                        let log = Arc::clone(&log);
                        let cond = Arc::clone(&cond);
                        async move {
                            let pq = req
                                .uri()
                                .path_and_query()
                                .map_or("/", |p| p.as_str())
                                .to_owned();
                            log.lock().expect("log lock").push(pq.clone());
                            let h = |n: &str| {
                                req.headers()
                                    .get(n)
                                    .and_then(|v| v.to_str().ok())
                                    .map(ToOwned::to_owned)
                            };
                            let info = RequestInfo {
                                path_and_query: pq,
                                if_none_match: h("if-none-match"),
                                if_modified_since: h("if-modified-since"),
                            };
                            if info.if_none_match.is_some() || info.if_modified_since.is_some() {
                                cond.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            }
                            let (status, headers, body) = handler.respond_to(&info);
                            let mut resp =
                                Response::new(Full::new(if req.method() == hyper::Method::HEAD {
                                    Bytes::new()
                                } else {
                                    body
                                }));
                            *resp.status_mut() = StatusCode::from_u16(status)
                                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                            for (k, v) in headers {
                                if let (Ok(k), Ok(v)) = (
                                    hyper::header::HeaderName::from_bytes(k.as_bytes()),
                                    hyper::header::HeaderValue::from_str(&v),
                                ) {
                                    resp.headers_mut().append(k, v);
                                }
                            }
                            Ok::<_, Infallible>(resp)
                        }
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
        Ok(Self {
            addr,
            log,
            conditional,
            connections,
            task,
        })
    }

    /// The server's address.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/`.
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Requests received with `If-None-Match` or `If-Modified-Since`.
    #[must_use]
    pub fn conditional_requests(&self) -> u64 {
        self.conditional.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// TCP connections accepted so far.
    #[must_use]
    pub fn connections(&self) -> u64 {
        self.connections.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Every request path (with query) received so far.
    #[must_use]
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("log lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}
