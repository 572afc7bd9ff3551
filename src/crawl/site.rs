//! The per-site crawl loop.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use futures_util::stream::{FuturesUnordered, StreamExt};
use tokio::sync::Mutex;
use url::Url;

use super::fetch::{Fetched, Method, fetch_paced};
use super::robots::Robots;
use super::{CrawlOptions, Progress, SiteSpec};
use crate::extract::date::{FoundDate, infer_year};
use crate::extract::links::{normalise, series_base};
use crate::extract::{LinkKind, PageFacts, decode, extract_page};
use crate::model::{
    AttachmentCheck, BlockedPage, BrokenLink, Column, CrawlBound, DateSource, DetailMeta, Item,
    NavLink, PageRecord, Redirect, SiteCrawl,
};

#[derive(Debug, Clone)]
struct Task {
    url: Url,
    depth: u32,
    kind: LinkKind,
    referrer: String,
    /// The URL first asked for, when this task follows a redirect.
    origin: Option<Url>,
    /// The URLs already visited in this redirect chain, oldest first.
    chain: Vec<Url>,
}

/// Redirect hops followed from one link before it counts as broken.
const MAX_REDIRECTS: usize = 5;

struct Gate {
    next: Instant,
    delay: Duration,
}

struct ItemAcc {
    item: Item,
    month_day: Option<(u32, u32)>,
}

struct State<'a> {
    spec: &'a SiteSpec,
    opts: &'a CrawlOptions,
    start_series: String,
    queue: VecDeque<Task>,
    /// URLs queued or crawled, by their 64-bit FNV-1a hash (the set stays
    /// small however many URLs a site shows).
    seen: HashSet<u64>,
    items: Vec<ItemAcc>,
    item_index: HashMap<u64, usize>,
    columns: Vec<Column>,
    column_index: HashMap<String, usize>,
    series_count: HashMap<String, u32>,
    query_variants: HashMap<String, u32>,
    broken: Vec<BrokenLink>,
    stats: crate::model::CrawlStats,
    fetched: u32,
    robots: Robots,
    home_entries: Vec<String>,
    nav: Vec<NavLink>,
    nav_seen: HashSet<String>,
    blocked: Vec<BlockedPage>,
    pages: Vec<PageRecord>,
    /// The page budget of this site.
    max_pages: u32,
    /// URLs found after the frontier already held all the budget could fetch.
    beyond_budget: u64,
}

fn in_scope(spec: &SiteSpec, url: &Url) -> bool {
    let s = &spec.start;
    // `ftp:`, `file:` and the like share no host with the site even when
    // their host and port match.
    matches!(url.scheme(), "http" | "https")
        && same_site_host(url, s)
        // http and https on their default ports are the same site (most
        // portals redirect one to the other); other ports are other servers.
        && (url.port_or_known_default() == s.port_or_known_default() || (url.port().is_none() && s.port().is_none()))
        && spec
            .scope
            .as_deref()
            .is_none_or(|p| url.path().starts_with(p) || url.path() == s.path())
}

/// The same host, counting `www.example.gov.cn` and `example.gov.cn` as one.
fn same_site_host(a: &Url, b: &Url) -> bool {
    let norm = |u: &Url| {
        let h = u.host_str().unwrap_or("").to_ascii_lowercase();
        h.strip_prefix("www.").map(ToOwned::to_owned).unwrap_or(h)
    };
    !a.host_str().unwrap_or("").is_empty() && norm(a) == norm(b)
}

fn url_key(url: &str) -> u64 {
    super::fnv1a64(url.as_bytes())
}

/// Whether a full date a list page prints becomes the item's date, given
/// where the item's date came from so far. A list's date is kept over a
/// detail page's, whichever page was fetched first: pages arrive in the order
/// the server answers, and a re-run must give the same items.
fn list_date_wins(so_far: DateSource) -> bool {
    matches!(so_far, DateSource::None | DateSource::Detail)
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |x| x.0)
}

impl State<'_> {
    fn enqueue(&mut self, url: Url, depth: u32, kind: LinkKind, referrer: &str) {
        let url = normalise(&url);
        if !in_scope(self.spec, &url) {
            self.stats.out_of_scope += 1;
            return;
        }
        let key = url_key(url.as_str());
        if self.seen.contains(&key) {
            return;
        }
        if kind == LinkKind::Attachment && !self.opts.check_attachments {
            return;
        }
        if kind != LinkKind::Item && kind != LinkKind::Attachment && depth > self.opts.max_depth {
            return;
        }
        // Before the per-pattern limits: a forbidden URL must not use up the
        // room of the allowed ones of its pattern.
        if self.opts.respect_robots && !self.robots.allowed(url.as_str()) {
            self.stats.robots_blocked += 1;
            self.seen.insert(key);
            return;
        }
        if kind == LinkKind::Pagination {
            let n = self
                .series_count
                .entry(series_base(&url).to_string())
                .or_default();
            if *n >= self.opts.max_pages_per_list {
                return;
            }
            *n += 1;
        }
        if url.query().is_some() && kind != LinkKind::Pagination {
            let mut base = url.clone();
            base.set_query(None);
            let n = self.query_variants.entry(base.to_string()).or_default();
            if *n >= self.opts.max_query_variants {
                return;
            }
            *n += 1;
        }
        self.seen.insert(key);
        // First in, first out: once the queue holds every page the budget
        // can still fetch, a URL found now would never be reached. It is
        // counted, not kept, so memory stays bounded by the budget however
        // many URLs the site shows.
        if self.fetched as usize + self.queue.len() >= self.max_pages as usize {
            self.beyond_budget += 1;
            return;
        }
        self.queue.push_back(Task {
            url,
            depth,
            kind,
            referrer: referrer.to_owned(),
            origin: None,
            chain: Vec::new(),
        });
    }

    fn column_for(&mut self, page: &Url, name: Option<&str>, empty: bool) -> (String, String) {
        let base = series_base(page).to_string();
        let idx = if let Some(&i) = self.column_index.get(&base) {
            self.columns[i].pages += 1;
            i
        } else {
            let name = name.map_or_else(
                || format!("（未命名栏目）{}", page.path()),
                ToOwned::to_owned,
            );
            self.columns.push(Column {
                name,
                url: base.clone(),
                pages: 1,
                marked_empty: false,
                column_type: None,
            });
            self.column_index
                .insert(base.clone(), self.columns.len() - 1);
            self.columns.len() - 1
        };
        if empty {
            self.columns[idx].marked_empty = true;
        }
        (self.columns[idx].name.clone(), base)
    }

    fn add_entries(&mut self, page: &Url, facts: &PageFacts, is_start: bool) {
        if is_start {
            self.home_entries
                .extend(facts.entries.iter().map(|e| e.url.to_string()));
        }
        if facts.entries.is_empty() && !facts.empty_marker {
            return;
        }
        let (col_name, col_url) =
            self.column_for(page, facts.column.as_deref(), facts.empty_marker);
        if let Some(ct) = &facts.column_type
            && let Some(c) = self.columns.iter_mut().find(|c| c.url == col_url)
        {
            c.column_type.get_or_insert_with(|| ct.clone());
        }
        for e in &facts.entries {
            let key = e.url.as_str().to_owned();
            let (published, date_source, month_day) = match e.date {
                Some(FoundDate::Full(d)) => (Some(d), DateSource::List, None),
                Some(FoundDate::MonthDay(m, d)) => (None, DateSource::None, Some((m, d))),
                None => (None, DateSource::None, None),
            };
            if let Some(&i) = self.item_index.get(&url_key(&key)) {
                let acc = &mut self.items[i];
                let old_dir = dir_of(
                    Url::parse(&acc.item.column_url)
                        .map(|u| u.path().to_owned())
                        .unwrap_or_default()
                        .as_str(),
                )
                .to_owned();
                let new_dir = dir_of(page.path());
                let item_path = e.url.path();
                let old_fits = !old_dir.is_empty() && item_path.starts_with(&format!("{old_dir}/"));
                let new_fits = !new_dir.is_empty() && item_path.starts_with(&format!("{new_dir}/"));
                let from_start = acc.item.column_url == self.start_series;
                if (new_fits && !old_fits) || (from_start && col_url != self.start_series) {
                    acc.item.column.clone_from(&col_name);
                    acc.item.column_url.clone_from(&col_url);
                }
                if published.is_some() && list_date_wins(acc.item.date_source) {
                    acc.item.published = published;
                    acc.item.date_source = DateSource::List;
                }
                continue;
            }
            self.item_index.insert(url_key(&key), self.items.len());
            self.items.push(ItemAcc {
                item: Item {
                    url: key,
                    title: e.title.clone(),
                    column: col_name.clone(),
                    column_url: col_url.clone(),
                    published,
                    date_source,
                    detail_status: 0,
                    detail: None,
                },
                month_day,
            });
        }
    }

    fn merge_detail(&mut self, key: &str, status: u16, detail: Option<DetailMeta>) {
        let Some(&i) = self.item_index.get(&url_key(key)) else {
            return;
        };
        let acc = &mut self.items[i];
        acc.item.detail_status = status;
        let Some(d) = detail else { return };
        if let Some(p) = d.published
            && acc.item.published.is_none()
        {
            acc.item.published = Some(p);
            acc.item.date_source = DateSource::Detail;
            acc.month_day = None;
        }
        if let Some(t) = &d.title {
            let cut = acc.item.title.ends_with("...") || acc.item.title.ends_with('…');
            if cut && t.chars().count() >= acc.item.title.chars().count().saturating_sub(3) {
                acc.item.title.clone_from(t);
            }
        }
        acc.item.detail = Some(d);
    }

    fn record_broken(&mut self, task: &Task, f: &Fetched) {
        let error = f
            .error
            .clone()
            .unwrap_or_else(|| format!("HTTP {}", f.status));
        self.broken_with(task, f.status, error);
    }

    fn broken_with(&mut self, task: &Task, status: u16, error: String) {
        self.broken.push(BrokenLink {
            url: task.origin.as_ref().unwrap_or(&task.url).to_string(),
            referrer: task.referrer.clone(),
            status,
            error,
            attachment: task.kind == LinkKind::Attachment,
        });
    }

    fn record_attachment(&mut self, task: &Task, f: &Fetched) {
        self.stats.attachments += 1;
        self.stats.attachment_checks.push(AttachmentCheck {
            url: task.origin.as_ref().unwrap_or(&task.url).to_string(),
            referrer: task.referrer.clone(),
            status: f.status,
            content_type: f.content_type.clone(),
        });
    }

    /// Handles a 3xx answer: follows it within the scope, records it
    /// otherwise. Returns an error for the start page when it leads nowhere.
    fn follow_redirect(&mut self, task: &Task, f: &Fetched) -> Option<String> {
        let location = f.location.clone().unwrap_or_default();
        let Some(target) = task.url.join(&location).ok().map(|t| normalise(&t)) else {
            let why = format!("HTTP {} without a usable Location ({location:?})", f.status);
            self.stats.pages_failed += u64::from(task.kind != LinkKind::Attachment);
            self.broken_with(task, f.status, why.clone());
            return Some(why);
        };
        if !in_scope(self.spec, &target) {
            self.stats.out_of_scope += 1;
            self.stats.redirects_out_of_scope.push(Redirect {
                from: task.url.to_string(),
                to: location.clone(),
            });
            if task.kind == LinkKind::Attachment {
                // Files often live on another host (a file server, a CDN):
                // the link works as far as this site is concerned.
                self.record_attachment(task, f);
            }
            return Some(format!(
                "the start URL redirects outside the scope (to {location})"
            ));
        }
        let mut chain = task.chain.clone();
        chain.push(normalise(&task.url));
        let looped = chain.contains(&target);
        if looped || chain.len() > MAX_REDIRECTS {
            let path: Vec<&str> = chain.iter().map(Url::as_str).collect();
            let why = if looped {
                format!("redirect loop: {} -> {target}", path.join(" -> "))
            } else {
                format!(
                    "more than {MAX_REDIRECTS} redirects: {} -> {target}",
                    path.join(" -> ")
                )
            };
            self.stats.pages_failed += u64::from(task.kind != LinkKind::Attachment);
            self.broken_with(task, f.status, why.clone());
            return Some(why);
        }
        if self.opts.respect_robots && !self.robots.allowed(target.as_str()) {
            self.stats.robots_blocked += 1;
            return Some(format!(
                "the start URL redirects to {target}, which robots.txt disallows"
            ));
        }
        // A redirect to a page already crawled adds nothing, except for an
        // item, whose detail page must be read for this item.
        if self.seen.insert(url_key(target.as_str())) || task.kind == LinkKind::Item {
            self.queue.push_front(Task {
                url: target,
                origin: Some(task.origin.clone().unwrap_or_else(|| task.url.clone())),
                chain,
                ..task.clone()
            });
        }
        None
    }
}

/// One host's connection: the client, the politeness gate and the retry budget.
struct HostConn<'a> {
    client: &'a reqwest::Client,
    gate: &'a Mutex<Gate>,
    opts: &'a CrawlOptions,
    budget: &'a Arc<AtomicU32>,
}

async fn gated_fetch(
    conn: &HostConn<'_>,
    crawl_delay: Option<Duration>,
    url: &str,
    method: Method,
    extra: &[(String, String)],
) -> Fetched {
    let HostConn {
        client,
        gate,
        opts,
        budget,
    } = *conn;
    let pace = || async move {
        let at = {
            let mut g = gate.lock().await;
            let now = Instant::now();
            let at = g.next.max(now);
            g.next = at + g.delay;
            at
        };
        tokio::time::sleep_until(at.into()).await;
    };
    let f = fetch_paced(client, url, method, &opts.http, extra, budget, pace).await;
    let mut g = gate.lock().await;
    // Adaptive delay: proportional to the last response time, as archival
    // crawlers do, never below the configured delay or robots' Crawl-delay.
    // A zero delay turns pacing off altogether (loopback benchmarks, one's own servers).
    let adaptive = if opts.delay.is_zero() {
        Duration::ZERO
    } else {
        f.elapsed.mul_f64(opts.delay_factor).min(opts.max_delay)
    };
    g.delay = opts
        .delay
        .max(crawl_delay.unwrap_or_default())
        .max(adaptive);
    f
}

/// Crawls one site and extracts its items.
pub async fn crawl_site(
    spec: &SiteSpec,
    opts: &CrawlOptions,
    progress: &dyn Progress,
) -> SiteCrawl {
    let started = Instant::now();
    let deadline = started + opts.site_timeout;
    let mut http = opts.http.clone();
    http.insecure_tls |= spec.insecure_tls;
    let mut out = SiteCrawl {
        site: spec.name.clone(),
        start_url: spec.start.to_string(),
        ..SiteCrawl::default()
    };
    let client = match super::build_client(&http, opts.per_host.max(1) as usize) {
        Ok(c) => c,
        Err(e) => {
            out.stats.fatal = Some(format!("cannot build the HTTP client: {e}"));
            return out;
        }
    };
    let budget = Arc::new(AtomicU32::new(opts.retry_budget));
    let gate = Mutex::new(Gate {
        next: Instant::now(),
        delay: opts.delay,
    });
    let conn = HostConn {
        client: &client,
        gate: &gate,
        opts,
        budget: &budget,
    };

    let mut st = State {
        spec,
        opts,
        start_series: series_base(&spec.start).to_string(),
        queue: VecDeque::new(),
        seen: HashSet::new(),
        items: Vec::new(),
        item_index: HashMap::new(),
        columns: Vec::new(),
        column_index: HashMap::new(),
        series_count: HashMap::new(),
        query_variants: HashMap::new(),
        broken: Vec::new(),
        stats: crate::model::CrawlStats::default(),
        fetched: 0,
        robots: Robots::AllowAll,
        home_entries: Vec::new(),
        nav: Vec::new(),
        nav_seen: HashSet::new(),
        blocked: Vec::new(),
        pages: Vec::new(),
        max_pages: spec.max_pages.unwrap_or(opts.max_pages),
        beyond_budget: 0,
    };

    if opts.respect_robots {
        let robots_url = spec.start.join("/robots.txt").expect("valid robots URL");
        let f = tokio::time::timeout_at(
            deadline.into(),
            gated_fetch(&conn, None, robots_url.as_str(), Method::Page, &[]),
        )
        .await
        .unwrap_or_else(|_| Fetched {
            error: Some("timed out (the site timeout ran out)".into()),
            ..Fetched::default()
        });
        st.stats.requests += 1 + u64::from(f.retries);
        st.stats.retries += u64::from(f.retries);
        if f.tls_error {
            out.stats.fatal = Some(tls_advice(spec, f.error.as_deref().unwrap_or("")));
            out.stats.elapsed_ms = ms(started.elapsed());
            out.stats.requests = st.stats.requests;
            return out;
        }
        st.robots = if f.status == 0 {
            Robots::DisallowAll(format!(
                "robots.txt unreachable: {}",
                f.error.unwrap_or_default()
            ))
        } else if (300..400).contains(&f.status) {
            // One redirect level is enough for the common http→https case.
            match f.location.as_deref().and_then(|l| robots_url.join(l).ok()) {
                Some(u) => {
                    let g = tokio::time::timeout_at(
                        deadline.into(),
                        gated_fetch(&conn, None, u.as_str(), Method::Page, &[]),
                    )
                    .await
                    .unwrap_or_else(|_| Fetched {
                        error: Some("timed out (the site timeout ran out)".into()),
                        ..Fetched::default()
                    });
                    st.stats.requests += 1 + u64::from(g.retries);
                    st.stats.retries += u64::from(g.retries);
                    if g.tls_error {
                        // http:// robots.txt sent on to an https:// one with a bad certificate.
                        out.stats.fatal = Some(tls_advice(spec, g.error.as_deref().unwrap_or("")));
                        out.stats.elapsed_ms = ms(started.elapsed());
                        out.stats.requests = st.stats.requests;
                        return out;
                    }
                    match g.status {
                        0 => Robots::DisallowAll(format!(
                            "robots.txt unreachable: {}",
                            g.error.unwrap_or_default()
                        )),
                        // A second redirect: treated as no robots.txt.
                        300..=399 => Robots::AllowAll,
                        s => Robots::from_response(s, &g.body),
                    }
                }
                None => Robots::AllowAll,
            }
        } else {
            Robots::from_response(f.status, &f.body)
        };
        if let Robots::DisallowAll(why) = &st.robots {
            out.stats.fatal = Some(format!(
                "{why}: RFC 9309 says to assume the whole site is disallowed; try again later, or pass --ignore-robots if you are entitled to"
            ));
        }
    }
    let crawl_delay = st
        .robots
        .crawl_delay()
        .map(|s| Duration::from_secs_f32(s.clamp(0.0, 60.0)));
    if let Some(cd) = crawl_delay {
        // In force from the first page on, not only once a page has answered.
        let mut g = gate.lock().await;
        g.delay = g.delay.max(cd);
        g.next = g.next.max(Instant::now() + cd);
    }

    if out.stats.fatal.is_none() {
        st.seen.insert(url_key(normalise(&spec.start).as_str()));
        st.queue.push_back(Task {
            url: spec.start.clone(),
            depth: 0,
            kind: LinkKind::Page,
            referrer: String::new(),
            origin: None,
            chain: Vec::new(),
        });
        if !st.robots.allowed(spec.start.as_str()) && opts.respect_robots {
            st.queue.clear();
            out.stats.fatal = Some("robots.txt disallows the start URL".into());
        }
    }

    let mut inflight = FuturesUnordered::new();
    let per_host = opts.per_host.max(1) as usize;
    let mut start_failed: Option<String> = None;
    loop {
        st.stats.frontier_peak = st.stats.frontier_peak.max(st.queue.len() as u64);
        while inflight.len() < per_host && st.fetched < st.max_pages {
            if st.queue.is_empty() {
                break;
            }
            if let Some(b) = &opts.request_budget
                && b.fetch_update(
                    std::sync::atomic::Ordering::SeqCst,
                    std::sync::atomic::Ordering::SeqCst,
                    |n| n.checked_sub(1),
                )
                .is_err()
            {
                st.stats.bound = Some(CrawlBound::RequestBudget);
                break;
            }
            let Some(task) = st.queue.pop_front() else {
                break;
            };
            st.fetched += 1;
            let conn = &conn;
            inflight.push(async move {
                let method = if task.kind == LinkKind::Attachment {
                    Method::Check
                } else {
                    Method::Page
                };
                // Conditional requests for detail pages and attachments seen before.
                let mut extra = Vec::new();
                if matches!(task.kind, LinkKind::Item | LinkKind::Attachment)
                    && let Some(v) = opts
                        .previous
                        .as_ref()
                        .and_then(|p| p.validators.get(task.url.as_str()))
                {
                    if let Some(e) = &v.etag {
                        extra.push(("If-None-Match".to_owned(), e.clone()));
                    }
                    if let Some(l) = &v.last_modified {
                        extra.push(("If-Modified-Since".to_owned(), l.clone()));
                    }
                }
                let f = gated_fetch(conn, crawl_delay, task.url.as_str(), method, &extra).await;
                let conditional = !extra.is_empty();
                let facts = if method == Method::Page && f.ok() && is_html(&f) {
                    let body = f.body.clone();
                    let ct = f.content_type.clone();
                    let url = task.url.clone();
                    let via_item = task.kind == LinkKind::Item;
                    tokio::task::spawn_blocking(move || {
                        let d = decode(&body, ct.as_deref());
                        (
                            extract_page(&d.text, &url, via_item),
                            d.mismatch || d.had_errors,
                            d.had_errors,
                        )
                    })
                    .await
                    .ok()
                } else {
                    None
                };
                (task, f, facts, conditional)
            });
        }
        if inflight.is_empty() {
            let pending = st.queue.len() as u64 + st.beyond_budget;
            if pending > 0 && st.fetched >= st.max_pages {
                st.stats.bound = Some(CrawlBound::MaxPages);
            }
            if pending > 0 && st.stats.bound.is_some() {
                st.stats.left_uncrawled = pending;
            }
            break;
        }
        let next = tokio::select! {
            r = inflight.next() => r,
            () = tokio::time::sleep_until(deadline.into()) => None,
        };
        let Some((task, f, facts, conditional)) = next else {
            st.stats.bound = Some(CrawlBound::SiteTimeout);
            st.stats.left_uncrawled = (st.queue.len() + inflight.len()) as u64 + st.beyond_budget;
            break;
        };
        st.stats.requests += 1 + u64::from(f.retries);
        st.stats.retries += u64::from(f.retries);
        let is_start = task.depth == 0 && task.referrer.is_empty();
        if f.tls_error && is_start {
            start_failed = Some(tls_advice(spec, f.error.as_deref().unwrap_or("")));
            continue;
        }
        if f.budget_exhausted && st.stats.bound.is_none() {
            st.stats.bound = Some(CrawlBound::RetryBudget);
        }
        if f.truncated {
            st.stats.truncated += 1;
        }
        if (300..400).contains(&f.status) && f.status != 304 {
            if let Some(why) = st.follow_redirect(&task, &f)
                && is_start
            {
                start_failed = Some(why);
            }
            continue;
        }
        let item_key = task.origin.as_ref().unwrap_or(&task.url).to_string();
        st.stats.conditional += u64::from(conditional);
        if f.status != 0 {
            st.pages.push(PageRecord {
                url: task.url.to_string(),
                status: f.status,
                etag: f.etag.clone(),
                last_modified: f.last_modified.clone(),
                content_hash: (!f.body.is_empty())
                    .then(|| format!("{:016x}", super::fnv1a64(&f.body))),
            });
        }
        if f.status == 304 {
            // Unchanged since the previous run: reuse what it learned.
            st.stats.not_modified += 1;
            if task.kind == LinkKind::Attachment {
                st.stats.attachments += 1;
                continue;
            }
            st.stats.pages_ok += 1;
            let prev = opts
                .previous
                .as_ref()
                .and_then(|p| p.details.get(task.url.as_str()))
                .cloned();
            if let (Some(pv), Some(last)) = (opts.previous.as_ref(), st.pages.last_mut())
                && let Some(v) = pv.validators.get(task.url.as_str())
            {
                last.etag.clone_from(&v.etag);
                last.last_modified.clone_from(&v.last_modified);
            }
            if let Some(d) = &prev {
                for a in &d.attachments {
                    if let Ok(u) = Url::parse(a) {
                        st.enqueue(u, task.depth + 1, LinkKind::Attachment, task.url.as_str());
                    }
                }
            }
            st.merge_detail(&item_key, 200, prev);
            continue;
        }
        // A page with links or list entries is no challenge: only look at
        // failures and at pages that gave nothing to follow.
        let suspicious = !f.ok()
            || facts
                .as_ref()
                .is_none_or(|(fa, ..)| fa.links.is_empty() && fa.entries.is_empty());
        if suspicious && super::waf::is_challenge(f.status, &f.body) {
            st.stats.blocked += 1;
            st.blocked.push(BlockedPage {
                url: item_key.clone(),
                status: f.status,
                referrer: task.referrer.clone(),
            });
            if is_start {
                start_failed = Some(format!(
                    "the start page answered with a firewall challenge (HTTP {}); it is not bypassed",
                    f.status
                ));
            }
            continue;
        }
        if !f.ok() {
            st.stats.pages_failed += u64::from(task.kind != LinkKind::Attachment);
            if task.kind == LinkKind::Attachment {
                st.record_attachment(&task, &f);
            }
            st.record_broken(&task, &f);
            if task.kind == LinkKind::Item {
                st.merge_detail(&item_key, f.status, None);
            }
            if is_start {
                start_failed = Some(
                    f.error
                        .clone()
                        .unwrap_or_else(|| format!("the start page returned HTTP {}", f.status)),
                );
            }
            continue;
        }
        if task.kind == LinkKind::Attachment || f.body_skipped {
            // A link without a file extension that turned out to be a file.
            st.record_attachment(&task, &f);
            if task.kind == LinkKind::Item {
                st.merge_detail(&item_key, f.status, None);
            }
            continue;
        }
        st.stats.pages_ok += 1;
        let Some((facts, charset_note, decode_error)) = facts else {
            if task.kind == LinkKind::Item {
                st.merge_detail(&item_key, f.status, None);
            }
            continue;
        };
        if charset_note {
            st.stats.charset_detected += 1;
        }
        if decode_error {
            st.stats.decode_errors += 1;
        }
        if task.kind == LinkKind::Item || facts.is_detail {
            st.merge_detail(&item_key, f.status, Some(facts.detail.clone()));
        }
        if !facts.is_detail {
            st.add_entries(&task.url, &facts, is_start);
        }
        for (text, url) in &facts.short_links {
            if st.nav.len() < 500
                && opts.nav_keywords.iter().any(|k| text.contains(k.as_str()))
                && st.nav_seen.insert(url.to_string())
            {
                st.nav.push(NavLink {
                    text: text.clone(),
                    url: url.to_string(),
                });
            }
        }
        for l in &facts.links {
            let depth = if l.kind == LinkKind::Pagination {
                task.depth
            } else {
                task.depth + 1
            };
            st.enqueue(l.url.clone(), depth, l.kind, task.url.as_str());
        }
        progress.page(
            &spec.name,
            st.stats.pages_ok,
            st.queue.len(),
            st.items.len(),
        );
    }

    let State {
        items,
        columns,
        broken,
        mut stats,
        home_entries,
        nav,
        blocked,
        pages,
        ..
    } = st;
    out.home_entries = home_entries;
    out.nav = nav;
    out.blocked = blocked;
    out.pages = pages;
    if start_failed.is_some() && items.is_empty() {
        stats.fatal = start_failed;
    }
    if out.stats.fatal.is_some() && stats.fatal.is_none() {
        stats.fatal = out.stats.fatal.take();
    }
    out.items = items
        .into_iter()
        .map(|mut acc| {
            if let (None, Some((m, d))) = (acc.item.published, acc.month_day) {
                acc.item.published = infer_year(m, d, opts.reference_date);
                acc.item.date_source = DateSource::ListInferredYear;
            }
            acc.item
        })
        .collect();
    // A list page whose entries all belong to other columns (a home page's
    // "latest news" block) is not a column of its own.
    let used: HashSet<&str> = out.items.iter().map(|i| i.column_url.as_str()).collect();
    out.columns = columns
        .into_iter()
        .filter(|c| c.marked_empty || used.contains(c.url.as_str()))
        .collect();
    out.broken = broken;
    // With several requests in flight, discovery order varies from run to
    // run; reports must not. Columns by URL, items by column then newest
    // first, broken links and pages by URL.
    out.columns.sort_by(|a, b| a.url.cmp(&b.url));
    out.items.sort_by(|a, b| {
        a.column_url
            .cmp(&b.column_url)
            .then_with(|| b.published.cmp(&a.published))
            .then_with(|| a.url.cmp(&b.url))
    });
    out.broken.sort_by(|a, b| a.url.cmp(&b.url));
    out.pages.sort_by(|a, b| a.url.cmp(&b.url));
    out.home_entries.sort();
    out.nav.sort_by(|a, b| a.url.cmp(&b.url));
    out.blocked.sort_by(|a, b| a.url.cmp(&b.url));
    stats.elapsed_ms = ms(started.elapsed());
    out.stats = stats;
    out
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn is_html(f: &Fetched) -> bool {
    match f.content_type.as_deref() {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html") || ct.contains("xml") || ct.starts_with("text/plain")
        }
        None => true,
    }
}

fn tls_advice(spec: &SiteSpec, err: &str) -> String {
    format!(
        "TLS certificate verification failed for site {} ({}): {err}; if you trust this site, re-run with --insecure-tls (or insecure_tls = true for this site in sites.csv)",
        spec.name, spec.start
    )
}

#[cfg(test)]
mod scope_tests {
    use super::*;

    #[test]
    fn a_list_date_wins_over_a_detail_date_in_either_order() {
        // Detail first, then a dated list page: the list's date replaces it.
        assert!(list_date_wins(DateSource::Detail));
        assert!(list_date_wins(DateSource::None));
        // A dated list page first: a second list page does not replace it.
        assert!(!list_date_wins(DateSource::List));
        assert!(!list_date_wins(DateSource::ListInferredYear));
    }

    fn spec(start: &str, scope: Option<&str>) -> SiteSpec {
        SiteSpec {
            name: "s".into(),
            start: Url::parse(start).unwrap(),
            scope: scope.map(Into::into),
            insecure_tls: false,
            max_pages: None,
        }
    }

    #[test]
    fn scheme_switch_and_www_stay_in_scope() {
        let s = spec("http://www.anlan.gov.cn/", None);
        for inside in [
            "https://www.anlan.gov.cn/zwgk/",
            "http://anlan.gov.cn/a.html",
            "https://anlan.gov.cn/",
        ] {
            assert!(in_scope(&s, &Url::parse(inside).unwrap()), "{inside}");
        }
        for outside in [
            "http://www.anlan.gov.cn:8080/",
            "http://www.other.gov.cn/",
            "ftp://www.anlan.gov.cn/",
            "http://sub.anlan.gov.cn/",
        ] {
            assert!(!in_scope(&s, &Url::parse(outside).unwrap()), "{outside}");
        }
        let scoped = spec("http://www.anlan.gov.cn/zwgk/index.html", Some("/zwgk/"));
        assert!(in_scope(
            &scoped,
            &Url::parse("http://www.anlan.gov.cn/zwgk/gzdt/").unwrap()
        ));
        assert!(!in_scope(
            &scoped,
            &Url::parse("http://www.anlan.gov.cn/news/").unwrap()
        ));
    }
}
