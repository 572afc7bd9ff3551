//! Load harness: simulated disclosure sites served on loopback, audited end
//! to end by the release binary (crawl, extract, classify, store, reports),
//! with its wall time, CPU time and peak RSS measured by GNU time.
//!
//! `cargo bench --bench load -- single [PAGES]`   one site of 20 000 pages
//! `cargo bench --bench load -- multi [SITES]`    200 sites × 100 pages, distinct loopback hosts
//! `cargo bench --bench load -- batch [SITES]`    500 sites of 30–300 pages with 10 refusing,
//!                                                10 silent and 10 failing ones, run twice
//!
//! `single` and `multi` serve a static copy of the generated site with nginx
//! when it is installed (`/usr/sbin/nginx`, one worker process), so the
//! server takes little of the machine's CPU; otherwise, or with
//! `LOAD_SERVER=inproc`, the in-process server generates every page. The
//! line printed names the server used. `batch` always uses the in-process
//! server (it needs refusing, silent and failing sites).
//!
//! Every request loop is bounded; the servers stop with the harness.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use bytes::Bytes;
use disclosure_audit::serve::{Handler, RequestInfo, Server};

const TITLES: &[&str] = &[
    "县长调研春耕生产工作",
    "关于印发《安全生产专项整治实施方案》的通知",
    "《城乡居民医疗保险办法》政策解读",
    "2026年第一季度主要经济指标",
    "关于2026年部门预算的公开说明",
    "行政处罚决定书（罚〔2026〕{n}号）",
    "义务教育招生入学办事指南",
    "关于网友反映道路积水问题的回应",
    "县政府召开常务会议研究部署重点工作",
    "2026年上半年重点工作推进情况",
];

/// A generated site: `pages` pages in 5 columns of dated items.
struct Synth {
    pages: u32,
    status: u16,
    served: Arc<AtomicU64>,
}

impl Synth {
    fn per_col(&self) -> u32 {
        (self.pages * 20 / 21).max(5) / 5
    }
    /// List pages of one column, 20 items each.
    fn list_pages(&self) -> u32 {
        self.per_col().div_ceil(20).max(1)
    }
    /// Item `i` of column `col`: its id, month, day and path below the column.
    fn item(col: u32, i: u32) -> (u32, u32, u32, String) {
        let id = col * 100_000 + i;
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        (
            id,
            month,
            day,
            format!("2026{month:02}/t2026{month:02}{day:02}_{id}.html"),
        )
    }
    fn list(&self, col: u32, page: u32) -> String {
        let per_col = self.per_col();
        let pages = self.list_pages();
        let mut s = format!(
            "<html><head><meta charset=\"utf-8\"><meta name=\"ColumnName\" content=\"栏目{col}\"><title>栏目{col}</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div><h2>栏目{col}</h2><ul class=\"list\">"
        );
        for i in page * 20..((page + 1) * 20).min(per_col) {
            let (id, month, day, file) = Self::item(col, i);
            let title = TITLES[(id % TITLES.len() as u32) as usize].replace("{n}", &i.to_string());
            s.push_str(&format!(
                "<li><a href=\"./{file}\" title=\"{title}{i}\">{title}{i}</a><span>2026-{month:02}-{day:02}</span></li>"
            ));
        }
        s.push_str(&format!("</ul><script>createPageHTML({pages}, {page}, \"index\", \"html\");</script></body></html>"));
        s
    }
    fn detail(path: &str) -> String {
        format!(
            "<html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"模拟县\"><meta name=\"ArticleTitle\" content=\"{path}\"><meta name=\"PubDate\" content=\"2026-05-01 09:00\"><meta name=\"ColumnName\" content=\"栏目\"><meta name=\"ContentSource\" content=\"县政府办\"></head><body><h1>正文</h1><p>{}</p></body></html>",
            "为进一步做好相关工作，现将有关事项通知如下。".repeat(20)
        )
    }
}

impl Handler for Synth {
    fn respond(&self, pq: &str) -> (u16, Vec<(String, String)>, Bytes) {
        self.served.fetch_add(1, Ordering::Relaxed);
        let html = vec![("Content-Type".to_owned(), "text/html".to_owned())];
        if self.status != 200 {
            return (
                self.status,
                html,
                Bytes::from_static(b"<html><body>error</body></html>"),
            );
        }
        let body = if pq == "/robots.txt" {
            return (
                200,
                vec![("Content-Type".into(), "text/plain".into())],
                Bytes::from_static(b"User-agent: *\nAllow: /\n"),
            );
        } else if pq == "/" {
            let mut s = String::from(
                "<html><head><meta charset=\"utf-8\"><title>模拟县人民政府</title></head><body><ul>",
            );
            for c in 0..5 {
                s.push_str(&format!(
                    "<li><a href=\"/c{c}/index.html\">栏目{c}</a></li>"
                ));
            }
            s.push_str("<li><a href=\"/gk/zn.html\">政府信息公开指南</a></li></ul></body></html>");
            s
        } else if let Some(rest) = pq.strip_prefix("/c") {
            let (col, file) = rest.split_once('/').unwrap_or(("0", ""));
            let col: u32 = col.parse().unwrap_or(0);
            if file == "index.html" {
                self.list(col, 0)
            } else if let Some(p) = file
                .strip_prefix("index_")
                .and_then(|f| f.strip_suffix(".html"))
            {
                self.list(col, p.parse().unwrap_or(0))
            } else {
                Self::detail(pq)
            }
        } else {
            "<html><body><p>政府信息公开指南</p></body></html>".to_owned()
        };
        (200, html, Bytes::from(body))
    }

    fn respond_to(&self, req: &RequestInfo) -> (u16, Vec<(String, String)>, Bytes) {
        let (status, mut headers, body) = self.respond(&req.path_and_query);
        if status != 200 {
            return (status, headers, body);
        }
        let etag = format!("\"{:016x}\"", disclosure_audit::crawl::fnv1a64(&body));
        if req.if_none_match.as_deref() == Some(etag.as_str()) {
            return (304, vec![("ETag".into(), etag)], Bytes::new());
        }
        headers.push(("ETag".into(), etag));
        (status, headers, body)
    }
}

impl Synth {
    /// Every path the site links to, with its body.
    fn pages(&self) -> Vec<(String, Bytes)> {
        let mut out = Vec::new();
        for p in ["/robots.txt", "/", "/gk/zn.html"] {
            out.push((p.to_owned(), self.respond(p).2));
        }
        for col in 0..5 {
            out.push((
                format!("/c{col}/index.html"),
                Bytes::from(self.list(col, 0)),
            ));
            for p in 1..self.list_pages() {
                out.push((
                    format!("/c{col}/index_{p}.html"),
                    Bytes::from(self.list(col, p)),
                ));
            }
            for i in 0..self.per_col() {
                let path = format!("/c{col}/{}", Self::item(col, i).3);
                let body = Bytes::from(Self::detail(&path));
                out.push((path, body));
            }
        }
        out
    }
}

/// nginx serving one static site on one or more loopback addresses.
struct Nginx {
    dir: PathBuf,
    child: std::process::Child,
}

const NGINX: &str = "/usr/sbin/nginx";

impl Nginx {
    fn wanted() -> bool {
        std::env::var("LOAD_SERVER").map_or(true, |v| v != "inproc") && Path::new(NGINX).exists()
    }

    /// Writes the site under `dir/www` and serves it on `addrs`.
    fn start(dir: &Path, site: &Synth, addrs: &[SocketAddr]) -> Nginx {
        use std::os::unix::fs::PermissionsExt;
        let root = dir.join("www");
        for (path, body) in site.pages() {
            let file = if path == "/" {
                root.join("index.html")
            } else {
                root.join(path.trim_start_matches('/'))
            };
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &body).unwrap();
        }
        // Workers run as an unprivileged user when started by root.
        for d in [dir, root.as_path()] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let listen: String = addrs.iter().map(|a| format!("listen {a};")).collect();
        let d = dir.display();
        let conf = format!(
            "worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/error.log warn;
events {{ worker_connections 8192; }}
http {{
  types {{ text/html html; text/plain txt; }}
  default_type application/octet-stream;
  log_format st '$status';
  access_log {d}/access.log st buffer=256k;
  client_body_temp_path {d}/body;
  sendfile on; tcp_nodelay on; keepalive_requests 1000000; keepalive_timeout 60s;
  open_file_cache max=4000 inactive=120s;
  server {{ {listen} root {root}; }}
}}
",
            root = root.display()
        );
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(&conf_path)
            .spawn()
            .expect("nginx");
        // Ready when every address answers.
        for a in addrs {
            let start = Instant::now();
            while std::net::TcpStream::connect(a).is_err() {
                assert!(
                    start.elapsed().as_secs() < 10,
                    "nginx did not start: {}",
                    std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
                );
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        Nginx {
            dir: dir.to_owned(),
            child,
        }
    }

    /// Stops nginx and returns the number of requests it answered.
    fn stop(mut self) -> u64 {
        let _ = Command::new("kill")
            .args(["-QUIT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        std::fs::read_to_string(self.dir.join("access.log")).map_or(0, |s| s.lines().count() as u64)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port free on every 127.x address.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Measured {
    wall: f64,
    cpu: f64,
    rss_kib: u64,
    code: Option<i32>,
}

fn binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("cargo")
        .args(["build", "--release", "--quiet", "--bin", "disclosure-audit"])
        .current_dir(root)
        .status()
        .expect("cargo");
    assert!(status.success(), "release build failed");
    root.join("target/release/disclosure-audit")
}

fn measure(bin: &Path, args: &[String]) -> Measured {
    let stats = tempfile::NamedTempFile::new().unwrap();
    let start = Instant::now();
    // LOAD_PROFILE=FILE records a perf profile of the audited process.
    let mut cmd = Command::new("/usr/bin/time");
    cmd.args(["-f", "%U %S %M", "-o"]).arg(stats.path());
    if let Ok(p) = std::env::var("LOAD_PROFILE") {
        cmd.args(["perf", "record", "-F", "499", "-g", "-o", &p, "--"]);
    }
    // LOAD_WRAPPER="valgrind --tool=massif" and the like run the audited
    // process under another tool (figures then measure that tool too).
    if let Ok(w) = std::env::var("LOAD_WRAPPER") {
        cmd.args(w.split_whitespace());
    }
    let out = cmd
        .arg(bin)
        .args(args)
        .output()
        .expect("/usr/bin/time (GNU time) is needed");
    let wall = start.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(stats.path()).unwrap();
    let line = text.lines().last().unwrap_or("0 0 0");
    let v: Vec<f64> = line
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    if !out.status.success() && out.status.code() != Some(1) {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    Measured {
        wall,
        cpu: v.first().unwrap_or(&0.0) + v.get(1).unwrap_or(&0.0),
        rss_kib: v.get(2).copied().unwrap_or(0.0) as u64,
        code: out.status.code(),
    }
}

fn report(name: &str, m: &Measured, pages: u64) {
    let line = format!(
        "{name}: {pages} pages in {:.2} s = {:.0} pages/s; CPU {:.2} s = {:.3} CPU-s per 1000 pages; peak RSS {:.1} MiB; exit {:?}",
        m.wall,
        pages as f64 / m.wall,
        m.cpu,
        m.cpu / pages as f64 * 1000.0,
        m.rss_kib as f64 / 1024.0,
        m.code
    );
    println!("{line}");
    let _ = std::io::stdout().flush();
}

async fn serve_synth(addr: SocketAddr, pages: u32, status: u16, served: &Arc<AtomicU64>) -> Server {
    Server::start_on(
        addr,
        Synth {
            pages,
            status,
            served: Arc::clone(served),
        },
    )
    .await
    .expect("bind")
}

fn sites_file(dir: &Path, rows: &[(String, String)]) -> PathBuf {
    let p = dir.join("sites.csv");
    let mut s = String::from("name,url\n");
    for (n, u) in rows {
        s.push_str(&format!("{n},{u}\n"));
    }
    std::fs::write(&p, s).unwrap();
    p
}

fn batch_args(sites: &Path, out: &Path, db: &Path, per_host: u32, jobs: u32) -> Vec<String> {
    [
        "batch",
        sites.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--per-host",
        &per_host.to_string(),
        "--delay-ms",
        "0",
        "--jobs",
        &jobs.to_string(),
        "--timeout",
        "3",
        "--site-timeout",
        "120",
        "--as-of",
        "2026-06-30",
        "-q",
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let scenario = args.first().map_or("single", String::as_str).to_owned();
    let n: Option<u32> = args.get(1).and_then(|x| x.parse().ok());
    let bin = binary();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let served = Arc::new(AtomicU64::new(0));
    match scenario.as_str() {
        "single" => {
            let pages = n.unwrap_or(20_000);
            let synth = Synth {
                pages,
                status: 200,
                served: Arc::clone(&served),
            };
            let (base, nginx, server) = if Nginx::wanted() {
                let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
                let ng = Nginx::start(&dir.path().join("ng"), &synth, &[addr]);
                (format!("http://{addr}/"), Some(ng), None)
            } else {
                let s = rt.block_on(Server::start_on("127.0.0.1:0".parse().unwrap(), synth));
                let s = s.expect("bind");
                (s.base_url(), None, Some(s))
            };
            let mut a = vec![
                "audit".to_owned(),
                base,
                "--out".into(),
                dir.path().join("out").display().to_string(),
            ];
            a.extend(
                [
                    "--per-host",
                    "32",
                    "--delay-ms",
                    "0",
                    "--max-pages",
                    "100000",
                    "--as-of",
                    "2026-06-30",
                    "-q",
                ]
                .map(String::from),
            );
            let m = measure(&bin, &a);
            let (label, count) = match nginx {
                Some(ng) => ("single site (nginx)", ng.stop()),
                None => (
                    "single site (in-process server)",
                    served.load(Ordering::Relaxed),
                ),
            };
            drop(server);
            report(label, &m, count);
        }
        "multi" => {
            let sites = n.unwrap_or(200);
            let use_nginx = Nginx::wanted();
            let port = if use_nginx { free_port() } else { 0 };
            let addrs: Vec<SocketAddr> = (0..sites)
                .map(|i| {
                    format!("127.0.{}.{}:{port}", 1 + i / 250, 1 + i % 250)
                        .parse()
                        .unwrap()
                })
                .collect();
            let synth = || Synth {
                pages: 100,
                status: 200,
                served: Arc::clone(&served),
            };
            let (nginx, servers) = if use_nginx {
                let ng = Nginx::start(&dir.path().join("ng"), &synth(), &addrs);
                (Some(ng), Vec::new())
            } else {
                let servers: Vec<Server> = addrs
                    .iter()
                    .map(|a| rt.block_on(Server::start_on(*a, synth())).expect("bind"))
                    .collect();
                (None, servers)
            };
            let rows: Vec<(String, String)> = if use_nginx {
                addrs
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("site{i}"), format!("http://{a}/")))
                    .collect()
            } else {
                servers
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("site{i}"), s.base_url()))
                    .collect()
            };
            let sites_csv = sites_file(dir.path(), &rows);
            let m = measure(
                &bin,
                &batch_args(
                    &sites_csv,
                    &dir.path().join("out"),
                    &dir.path().join("h.sqlite"),
                    4,
                    16,
                ),
            );
            let (label, count) = match nginx {
                Some(ng) => (format!("{sites} sites (nginx)"), ng.stop()),
                None => (
                    format!("{sites} sites (in-process servers)"),
                    served.load(Ordering::Relaxed),
                ),
            };
            drop(servers);
            report(&label, &m, count);
        }
        "batch" => {
            let sites = n.unwrap_or(500);
            let mut rows = Vec::new();
            let mut keep = Vec::new();
            let mut silent = Vec::new();
            for i in 0..sites {
                let addr: SocketAddr = format!("127.0.{}.{}:0", 10 + i / 250, 1 + i % 250)
                    .parse()
                    .unwrap();
                let url = if i < 10 {
                    // Refuses connections: a port bound and released.
                    let l = std::net::TcpListener::bind(addr).unwrap();
                    format!("http://{}/", l.local_addr().unwrap())
                } else if i < 20 {
                    // Accepts and never answers.
                    let l = std::net::TcpListener::bind(addr).unwrap();
                    let u = format!("http://{}/", l.local_addr().unwrap());
                    silent.push(l);
                    u
                } else {
                    let status = if i < 30 { 500 } else { 200 };
                    let pages = 30 + (i * 37) % 271;
                    let s = rt.block_on(serve_synth(addr, pages, status, &served));
                    let u = s.base_url();
                    keep.push(s);
                    u
                };
                rows.push((format!("site{i:03}"), url));
            }
            let sites_csv = sites_file(dir.path(), &rows);
            let db = dir.path().join("h.sqlite");
            let first = measure(
                &bin,
                &batch_args(&sites_csv, &dir.path().join("one"), &db, 4, 16),
            );
            let pages_first = served.swap(0, Ordering::Relaxed);
            report(
                &format!("batch of {sites} sites, first run"),
                &first,
                pages_first,
            );
            let cond_before: u64 = keep.iter().map(Server::conditional_requests).sum();
            let second = measure(
                &bin,
                &batch_args(&sites_csv, &dir.path().join("two"), &db, 4, 16),
            );
            let pages_second = served.load(Ordering::Relaxed);
            let cond: u64 =
                keep.iter().map(Server::conditional_requests).sum::<u64>() - cond_before;
            report(
                &format!("batch of {sites} sites, second run"),
                &second,
                pages_second,
            );
            println!(
                "second run: {cond} conditional requests of {pages_second} ({:.1}%)",
                cond as f64 * 100.0 / pages_second.max(1) as f64
            );
            let summary = std::fs::read_to_string(dir.path().join("two/summary.csv")).unwrap();
            let rows = summary.lines().count() - 1;
            let errors = summary
                .lines()
                .skip(1)
                .filter(|l| !l.ends_with(','))
                .count();
            println!("summary.csv: {rows} rows, {errors} with an error");
            drop(silent);
        }
        other => eprintln!("unknown scenario {other}: single, multi or batch"),
    }
}
