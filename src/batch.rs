//! Many sites at once: the sites file, sharding, and the summary of a batch.
//!
//! A malformed row becomes an error row with its line number and the rest go
//! on; a failed site becomes a row with its error and never stops the others.

use std::collections::HashSet;
use std::path::Path;

use url::Url;

use crate::crawl::SiteSpec;

/// One site of a sites file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteRow {
    /// Line in the file (1-based, the header is line 1).
    pub line: u64,
    /// Unique name.
    pub name: String,
    /// Start URL.
    pub url: Url,
    /// Path prefix to stay under.
    pub scope: Option<String>,
    /// Page budget override.
    pub max_pages: Option<u32>,
    /// Accept invalid certificates for this site.
    pub insecure_tls: bool,
    /// Every other column (`unit_level`, `region`, `notes`, unknown ones), kept for the reports.
    pub extra: Vec<(String, String)>,
}

impl SiteRow {
    /// The crawl spec of this row.
    #[must_use]
    pub fn spec(&self) -> SiteSpec {
        SiteSpec {
            name: self.name.clone(),
            start: self.url.clone(),
            scope: self.scope.clone(),
            insecure_tls: self.insecure_tls,
            max_pages: self.max_pages,
        }
    }
}

/// A row that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file.
    pub line: u64,
    /// The name given on the row, if any.
    pub name: String,
    /// What is wrong.
    pub message: String,
}

/// A sites file that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum SitesError {
    /// Unreadable.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// Not CSV, or no header.
    #[error("{path}: {message}")]
    Format {
        /// File.
        path: String,
        /// What is wrong.
        message: String,
    },
}

const KNOWN: &[&str] = &["name", "url", "scope", "max_pages", "insecure_tls"];

/// Reads a sites file: a CSV header with at least `name,url`.
///
/// # Errors
/// When the file is unreadable, empty, or its header lacks `name` or `url`.
pub fn read_sites(path: &Path) -> Result<(Vec<SiteRow>, Vec<RowError>), SitesError> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| SitesError::Io {
        path: p.clone(),
        source: e,
    })?;
    let text =
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).into_owned();
    if text.trim().is_empty() {
        return Err(SitesError::Format {
            path: p,
            message: "the file is empty: it needs a header line `name,url` and one row per site"
                .into(),
        });
    }
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = r
        .headers()
        .map_err(|e| SitesError::Format {
            path: p.clone(),
            message: e.to_string(),
        })?
        .clone();
    let col = |n: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(n));
    let (Some(ni), Some(ui)) = (col("name"), col("url")) else {
        return Err(SitesError::Format {
            path: p,
            message: format!(
                "the header must name the columns `name` and `url` (found: {})",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        });
    };
    let (si, mi, ti) = (col("scope"), col("max_pages"), col("insecure_tls"));
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut names = HashSet::new();
    for rec in r.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                errors.push(RowError {
                    line,
                    name: String::new(),
                    message: e.to_string(),
                });
                continue;
            }
        };
        let line = rec.position().map_or(0, csv::Position::line);
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").to_owned();
        let name = get(Some(ni));
        let url = get(Some(ui));
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let err = |m: String| RowError {
            line,
            name: name.clone(),
            message: m,
        };
        if name.is_empty() {
            errors.push(err("no name".into()));
            continue;
        }
        if url.is_empty() {
            errors.push(err("no URL".into()));
            continue;
        }
        let parsed = match Url::parse(&url).or_else(|_| Url::parse(&format!("http://{url}"))) {
            Ok(u)
                if matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some()
                    && !url.contains(' ') =>
            {
                u
            }
            _ => {
                errors.push(err(format!("bad URL `{url}`")));
                continue;
            }
        };
        if !names.insert(name.clone()) {
            errors.push(err(format!("duplicate name `{name}`")));
            continue;
        }
        let max_pages = match get(mi).as_str() {
            "" => None,
            v => match v.parse() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(err(format!("max_pages `{v}` is not a whole number")));
                    continue;
                }
            },
        };
        let insecure_tls = matches!(
            get(ti).to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "y" | "是"
        );
        let scope = Some(get(si)).filter(|s| !s.is_empty());
        let extra = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| !KNOWN.iter().any(|k| h.eq_ignore_ascii_case(k)))
            .map(|(i, h)| (h.to_owned(), rec.get(i).unwrap_or("").to_owned()))
            .collect();
        rows.push(SiteRow {
            line,
            name,
            url: parsed,
            scope,
            max_pages,
            insecure_tls,
            extra,
        });
    }
    Ok((rows, errors))
}

/// A shard `K/N` (1-based K).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 1..=N.
    pub k: u32,
    /// Number of shards.
    pub n: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("`{s}`: a shard is K/N, e.g. 2/8"))?;
        let k: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("`{s}`: K is not a number"))?;
        let n: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("`{s}`: N is not a number"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("`{s}`: K must be between 1 and N"));
        }
        Ok(Self { k, n })
    }
}

impl Shard {
    /// Whether a site belongs to this shard: a stable hash of its name, so
    /// the share does not change when the file is reordered.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        crate::crawl::fnv1a64(name.as_bytes()) % u64::from(self.n) == u64::from(self.k - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("sites.csv");
        std::fs::write(&p, text).unwrap();
        (d, p)
    }

    #[test]
    fn rows_errors_and_extra_columns() {
        let (_d, p) = write(
            "name,url,unit_level,region,max_pages,insecure_tls,owner\n\
             甲县,http://a.gov.cn/,县,东部,100,true,张三\n\
             乙县,,县,,,,\n\
             丙县,not a url,,,,,\n\
             甲县,http://b.gov.cn/,,,,,\n\
             丁县,www.d.gov.cn/zwgk/,,,,,\n",
        );
        let (rows, errors) = read_sites(&p).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].max_pages, Some(100));
        assert!(rows[0].insecure_tls);
        assert_eq!(
            rows[0].extra,
            vec![
                ("unit_level".into(), "县".into()),
                ("region".into(), "东部".into()),
                ("owner".into(), "张三".into())
            ]
        );
        assert_eq!(rows[1].url.as_str(), "http://www.d.gov.cn/zwgk/");
        let lines: Vec<(u64, &str)> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(lines[0], (3, "no URL"));
        assert_eq!(lines[1].0, 4);
        assert!(lines[1].1.starts_with("bad URL"));
        assert_eq!(lines[2], (5, "duplicate name `甲县`"));
    }

    #[test]
    fn empty_and_headerless_files_are_errors() {
        let (_d, p) = write("");
        assert!(read_sites(&p).unwrap_err().to_string().contains("empty"));
        let (_d, p) = write("http://a.gov.cn/,甲县\n");
        assert!(
            read_sites(&p)
                .unwrap_err()
                .to_string()
                .contains("`name` and `url`")
        );
    }

    #[test]
    fn shards_partition_stably() {
        let names: Vec<String> = (0..200).map(|i| format!("site{i}")).collect();
        let n = 4;
        let mut total = 0;
        for k in 1..=n {
            let s: Shard = format!("{k}/{n}").parse().unwrap();
            let mine = names.iter().filter(|x| s.contains(x)).count();
            assert!(mine > 20, "{mine}");
            total += mine;
        }
        assert_eq!(total, names.len());
        assert!(
            "0/3".parse::<Shard>().is_err()
                && "4/3".parse::<Shard>().is_err()
                && "x".parse::<Shard>().is_err()
        );
    }
}

/// Everything a batch run needs besides the sites.
#[derive(Debug)]
pub struct BatchContext<'a> {
    /// Crawl options.
    pub crawl: &'a crate::crawl::CrawlOptions,
    /// The compiled rule pack.
    pub classifier: &'a crate::classify::Classifier,
    /// The scoring window.
    pub window: crate::score::Window,
    /// Sites crawled at once.
    pub jobs: usize,
    /// The run being written.
    pub run: i64,
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Sites audited and stored in this invocation.
    pub stored: usize,
    /// A stop signal ended it early.
    pub interrupted: bool,
}

/// The store of a batch, shared by the crawls (which read what the previous
/// run learned) and the writers (which store each finished site).
pub type SharedStore = std::sync::Arc<std::sync::Mutex<crate::store::Store>>;

/// Audits the sites, `jobs` at a time, storing each as soon as it is done
/// (one transaction per site, so an interruption loses at most the sites in
/// flight). Stops scheduling when `stop` turns true.
///
/// The store is read and written on the blocking pool, never on the threads
/// that drive the crawls: a site being stored does not hold up the requests
/// of the sites still crawling.
///
/// # Errors
/// When the store cannot be written.
pub async fn run_sites(
    rows: &[SiteRow],
    ctx: &BatchContext<'_>,
    store: &SharedStore,
    mut stop: tokio::sync::watch::Receiver<bool>,
    progress: &dyn crate::crawl::Progress,
) -> Result<BatchOutcome, crate::store::StoreError> {
    use futures_util::StreamExt;
    let jobs = ctx.jobs.max(1);
    let mut stream = futures_util::stream::iter(rows.iter().map(|row| async move {
        let spec = row.spec();
        let mut opts = crate::audit::crawl_options_for(ctx.crawl, ctx.classifier);
        // What the previous run of this site learned, read as the site starts
        // (not for every site at once: memory stays flat over a large batch).
        let previous = {
            let (store, name, run) = (std::sync::Arc::clone(store), row.name.clone(), ctx.run);
            blocking(move || store.lock().expect("store lock").previous_crawl(&name, run)).await
        };
        opts.previous = match previous {
            Ok(p) => p.map(std::sync::Arc::new),
            Err(e) => {
                tracing::warn!(site = %row.name, "cannot read the previous run: {e}");
                None
            }
        };
        let crawl = crate::crawl::crawl_site(&spec, &opts, progress).await;
        (
            row,
            crate::audit::finish_site(crawl, ctx.classifier, ctx.window),
        )
    }))
    .buffer_unordered(jobs);
    let mut storing = futures_util::stream::FuturesUnordered::new();
    let mut stored = 0;
    let mut interrupted = *stop.borrow();
    let mut crawling = !interrupted;
    let mut watching = true;
    loop {
        tokio::select! {
            // Crawls go on while fewer than `jobs` finished sites wait for the store.
            n = stream.next(), if crawling && storing.len() < jobs => match n {
                Some((row, result)) => {
                    let (store, run) = (std::sync::Arc::clone(store), ctx.run);
                    let (name, extra) = (row.name.clone(), row.extra.clone());
                    storing.push(blocking(move || {
                        store_site(&store, run, &name, &extra, result).map(|()| name)
                    }));
                }
                None => crawling = false,
            },
            s = storing.next(), if !storing.is_empty() => {
                if let Some(s) = s {
                    let name = s?;
                    stored += 1;
                    progress.site_done(&name);
                }
            }
            changed = stop.changed(), if crawling && watching => match changed {
                Ok(()) if *stop.borrow() => {
                    // Sites already crawled are still stored; no new ones start.
                    interrupted = true;
                    crawling = false;
                }
                Ok(()) => {}
                Err(_) => watching = false,
            },
            else => break,
        }
    }
    Ok(BatchOutcome {
        stored,
        interrupted,
    })
}

/// Runs store work on the blocking pool; a panic there goes on in the caller.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Stores one finished site, with its trend against the previous run.
fn store_site(
    store: &std::sync::Mutex<crate::store::Store>,
    run: i64,
    name: &str,
    extra: &[(String, String)],
    mut result: crate::audit::SiteResult,
) -> Result<(), crate::store::StoreError> {
    let mut st = store.lock().expect("store lock");
    if let Some(prev) = st.previous(name, run)? {
        result.card.trend = Some(crate::score::trend(
            &result.card,
            &result.items,
            prev.run,
            &prev.card,
            prev.items.iter().map(|(url, ..)| url.as_str()),
        ));
        crate::score::inspect::flag_redated(
            &mut result.card.inspection,
            &result.items,
            &prev.items,
        );
    }
    st.put_site(run, name, extra, &result.crawl, &result.items, &result.card)?;
    tracing::info!(site = %name, score = result.card.score, items = result.card.items_total, "site stored");
    Ok(())
}

/// Writes one site's `scorecard.{csv,json,md}` into its folder.
fn write_site_reports(
    sdir: &Path,
    s: &crate::store::StoredSite,
    lang: crate::report::Lang,
    bom: bool,
) -> std::io::Result<()> {
    use crate::report;
    let card = std::slice::from_ref(&s.card);
    report::write_atomic(&sdir.join("scorecard.csv"), |w| {
        report::csv::write_scorecards(w, card, bom)
    })?;
    report::write_atomic(&sdir.join("scorecard.json"), |w| {
        report::json::write_scorecards(w, card)
    })?;
    report::write_atomic(&sdir.join("scorecard.md"), |w| {
        report::markdown::write_scorecards(w, &[(&s.card, s.items.as_slice())], lang)
    })
}

/// Reports of a batch that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A report file could not be written.
    #[error("cannot write the reports: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes a batch's reports (callers load the sites from the store): `summary.csv`, `summary.md`,
/// `items.csv` and `sites/<name>/scorecard.{md,csv,json}`. Rendering from
/// the store makes a resumed run's reports identical to an uninterrupted one's.
///
/// # Errors
/// When the store cannot be read or a file cannot be written.
pub fn write_batch_reports(
    dir: &Path,
    names: &[String],
    load: &mut dyn FnMut(&str) -> Result<crate::store::StoredSite, crate::store::StoreError>,
    row_errors: &[RowError],
    lang: crate::report::Lang,
    bom: bool,
) -> Result<Vec<crate::report::summary::SummaryRow>, ReportError> {
    use crate::report::{self, summary};
    // Sites in name order, so reports do not depend on which crawl finished
    // first; loaded one at a time, so memory does not grow with the batch.
    let mut names = names.to_vec();
    names.sort();
    std::fs::create_dir_all(dir)?;
    // This thread reads the store and writes items.csv; a second one renders
    // and writes each site's three scorecards meanwhile (file creation and
    // fsync wait on the disk). The queue between them holds a few sites.
    let mut rows = std::thread::scope(|scope| -> Result<_, ReportError> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<crate::store::StoredSite>(4);
        let sites_dir = dir.join("sites");
        let writer = scope.spawn(move || -> std::io::Result<Vec<summary::SummaryRow>> {
            let mut rows = Vec::new();
            for s in rx {
                write_site_reports(
                    &sites_dir.join(summary::site_dir_name(&s.name)),
                    &s,
                    lang,
                    bom,
                )?;
                rows.push(summary::SummaryRow {
                    name: s.name,
                    url: s.crawl.start_url,
                    extra: s.extra,
                    card: Some(s.card),
                    error: None,
                });
            }
            Ok(rows)
        });
        let mut rows = Vec::new();
        report::write_atomic(&dir.join("items.csv"), |w| {
            let mut items = report::csv::ItemsCsv::new(w, bom)?;
            for name in &names {
                let s = load(name).map_err(std::io::Error::other)?;
                items.site(&s.name, &s.items, &s.card.window)?;
                if tx.send(s).is_err() {
                    break; // the writer stopped on an error, returned below
                }
            }
            drop(tx);
            // items.csv is kept only when every site's scorecards were written.
            rows = writer.join().expect("report writer thread")?;
            items.finish()
        })?;
        Ok(rows)
    })?;
    rows.extend(row_errors.iter().map(|e| summary::SummaryRow {
        name: if e.name.is_empty() {
            format!("（第 {} 行）", e.line)
        } else {
            e.name.clone()
        },
        url: String::new(),
        extra: Vec::new(),
        card: None,
        error: Some(format!("sites file line {}: {}", e.line, e.message)),
    }));
    summary::rank(&mut rows);
    report::write_atomic(&dir.join("summary.csv"), |w| {
        summary::write_csv(w, &rows, bom)
    })?;
    let title = match lang {
        crate::report::Lang::Zh => "政务公开质量评估汇总",
        crate::report::Lang::En => "Disclosure quality summary",
    };
    report::write_atomic(&dir.join("summary.md"), |w| {
        w.write_all(summary::render_md(&rows, title, lang).as_bytes())
    })?;
    Ok(rows)
}
