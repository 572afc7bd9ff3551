//! The store: an embedded SQLite run history (one file, no server).
//!
//! Runs, their sites (with the crawl facts and the scorecard), and every
//! item with its verdict and the date it was first seen. It makes cron use
//! work: trends against the previous run, re-rendering and re-scoring
//! without the network, resuming an interrupted run, and evidence that
//! still stands months later. The schema is migrated in code
//! (`PRAGMA user_version`).

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::model::{ClassifiedItem, Item, SiteCrawl, Verdict};
use crate::score::Scorecard;

/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("store {path}: {source}")]
    Sqlite {
        /// Database file.
        path: String,
        /// Cause.
        source: rusqlite::Error,
    },
    /// A stored value could not be read back.
    #[error("store {path}: corrupt record: {source}")]
    Json {
        /// Database file.
        path: String,
        /// Cause.
        source: serde_json::Error,
    },
    /// Another run holds the lock.
    #[error(
        "another disclosure-audit run is using {path} (lock file {lock}); wait for it to finish or use another --db"
    )]
    Locked {
        /// Database file.
        path: String,
        /// Lock file.
        lock: String,
    },
    /// The lock file could not be created.
    #[error("cannot create the lock file {lock}: {source}")]
    LockIo {
        /// Lock file.
        lock: String,
        /// Cause.
        source: std::io::Error,
    },
    /// No such run.
    #[error("no run {0} in the store (see `disclosure-audit runs`)")]
    NoRun(i64),
}

type Result<T> = std::result::Result<T, StoreError>;

/// The state of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// In progress (or killed without a chance to say otherwise).
    Running,
    /// Every site done.
    Completed,
    /// Stopped by a signal; `batch --resume` continues it.
    Interrupted,
}

impl RunStatus {
    fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Completed => "completed",
            Self::Interrupted => "interrupted",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "completed" => Self::Completed,
            "interrupted" => Self::Interrupted,
            _ => Self::Running,
        }
    }
}

/// A run as listed by `runs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// Run id.
    pub id: i64,
    /// Kind of run (`audit`, `batch`).
    pub kind: String,
    /// Start time (UTC, RFC 3339).
    pub started_at: String,
    /// End time, when finished.
    pub finished_at: Option<String>,
    /// State.
    pub status: RunStatus,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Start of the window.
    pub since: NaiveDate,
    /// Rule pack.
    pub rules: String,
    /// Input (sites file or URLs).
    pub input: String,
    /// Sites stored.
    pub sites: i64,
    /// Sites that failed.
    pub failed: i64,
}

/// A site's previous run, as trends and the re-dating check need it.
#[derive(Debug, Clone)]
pub struct PreviousSite {
    /// The run id.
    pub run: i64,
    /// Its scorecard.
    pub card: Scorecard,
    /// Its items: (url, title, published).
    pub items: Vec<(String, String, Option<NaiveDate>)>,
}

/// One stored site of a run.
#[derive(Debug, Clone)]
pub struct StoredSite {
    /// Site name (unique within a run).
    pub name: String,
    /// Extra columns from the sites file, kept for the reports.
    pub extra: Vec<(String, String)>,
    /// The crawl (items included, unclassified).
    pub crawl: SiteCrawl,
    /// The classified items.
    pub items: Vec<ClassifiedItem>,
    /// The scorecard.
    pub card: Scorecard,
}

/// The store: a SQLite file and the lock that keeps two runs apart.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    _lock: Option<std::fs::File>,
}

const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        as_of TEXT NOT NULL,
        since TEXT NOT NULL,
        rules TEXT NOT NULL,
        input TEXT NOT NULL,
        options TEXT NOT NULL
    );
    CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        extra TEXT NOT NULL,
        failed INTEGER NOT NULL,
        error TEXT,
        crawl TEXT NOT NULL,
        scorecard TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        UNIQUE (run_id, name)
    );
    CREATE TABLE pages (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        status INTEGER NOT NULL,
        fetched_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        PRIMARY KEY (site_id, url)
    );
    CREATE TABLE items (
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        column_name TEXT NOT NULL,
        published TEXT,
        category TEXT NOT NULL,
        key_area TEXT,
        rule TEXT NOT NULL,
        matched TEXT NOT NULL,
        column_url TEXT NOT NULL,
        date_source TEXT NOT NULL,
        detail_status INTEGER NOT NULL,
        detail TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (site_id, url)
    );
    CREATE INDEX sites_by_name ON sites(name, run_id);
    CREATE INDEX items_by_url ON items(url);",
];

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The default database file: in the user's data directory.
#[must_use]
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("disclosure-audit")
        .join("history.sqlite")
}

impl Store {
    /// Opens (creating and migrating) a store, taking its lock so that two
    /// runs never write one file at once.
    ///
    /// # Errors
    /// When the file cannot be opened or migrated, or another run holds the lock.
    pub fn open(path: &Path) -> Result<Self> {
        let lock = Self::lock(path)?;
        let mut s = Self::open_unlocked(path)?;
        s._lock = Some(lock);
        Ok(s)
    }

    /// Opens a store for reading without taking the run lock.
    ///
    /// # Errors
    /// When the file cannot be opened or migrated.
    pub fn open_unlocked(path: &Path) -> Result<Self> {
        let p = path.display().to_string();
        let sq = |source| StoreError::Sqlite {
            path: p.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::LockIo {
                lock: dir.display().to_string(),
                source: e,
            })?;
        }
        let conn = Connection::open(path).map_err(sq)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sq)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        )
        .map_err(sq)?;
        let mut s = Self {
            conn,
            path: path.to_owned(),
            _lock: None,
        };
        s.migrate()?;
        Ok(s)
    }

    fn lock(path: &Path) -> Result<std::fs::File> {
        let lock_path = PathBuf::from(format!("{}.lock", path.display()));
        if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::LockIo {
                lock: lock_path.display().to_string(),
                source: e,
            })?;
        }
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::LockIo {
                lock: lock_path.display().to_string(),
                source: e,
            })?;
        match f.try_lock() {
            Ok(()) => Ok(f),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: path.display().to_string(),
                lock: lock_path.display().to_string(),
            }),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::LockIo {
                lock: lock_path.display().to_string(),
                source: e,
            }),
        }
    }

    fn sq(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.display().to_string(),
            source,
        }
    }

    fn js(&self) -> impl Fn(serde_json::Error) -> StoreError + '_ {
        move |source| StoreError::Json {
            path: self.path.display().to_string(),
            source,
        }
    }

    fn migrate(&mut self) -> Result<()> {
        let p = self.path.display().to_string();
        let sq = |source| StoreError::Sqlite {
            path: p.clone(),
            source,
        };
        let version: usize = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sq)?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = self.conn.transaction().map_err(sq)?;
            tx.execute_batch(m).map_err(sq)?;
            tx.pragma_update(None, "user_version", i + 1).map_err(sq)?;
            tx.commit().map_err(sq)?;
        }
        Ok(())
    }

    /// The database file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a run.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn begin_run(
        &self,
        kind: &str,
        window: crate::score::Window,
        rules: &str,
        input: &str,
        options: &str,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (kind, started_at, status, as_of, since, rules, input, options) VALUES (?1, ?2, 'running', ?3, ?4, ?5, ?6, ?7)",
                params![kind, now(), window.as_of.to_string(), window.since.to_string(), rules, input, options],
            )
            .map_err(self.sq())?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Marks a run finished or interrupted.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn finish_run(&self, run: i64, status: RunStatus) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET status = ?2, finished_at = ?3 WHERE id = ?1",
                params![run, status.as_str(), now()],
            )
            .map_err(self.sq())?;
        Ok(())
    }

    /// Marks a run as running again (for `--resume`).
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn reopen_run(&self, run: i64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?1",
                params![run],
            )
            .map_err(self.sq())?;
        Ok(())
    }

    /// Stores one audited site in one transaction: it is either wholly in
    /// the store or not at all. Items keep the date they were first seen in
    /// any earlier run of the same site.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn put_site(
        &mut self,
        run: i64,
        name: &str,
        extra: &[(String, String)],
        crawl: &SiteCrawl,
        items: &[ClassifiedItem],
        card: &Scorecard,
    ) -> Result<()> {
        let p = self.path.display().to_string();
        let sq = |source| StoreError::Sqlite {
            path: p.clone(),
            source,
        };
        let js = |source| StoreError::Json {
            path: p.clone(),
            source,
        };
        let mut bare = crawl.clone();
        bare.items.clear();
        bare.pages.clear();
        let crawl_json = serde_json::to_string(&bare).map_err(js)?;
        let card_json = serde_json::to_string(card).map_err(js)?;
        let extra_json = serde_json::to_string(extra).map_err(js)?;
        let failed = crawl.stats.fatal.is_some() && items.is_empty();
        let stamp = now();
        let tx = self.conn.transaction().map_err(sq)?;
        tx.execute(
            "DELETE FROM sites WHERE run_id = ?1 AND name = ?2",
            params![run, name],
        )
        .map_err(sq)?;
        tx.execute(
            "INSERT INTO sites (run_id, name, url, extra, failed, error, crawl, scorecard, stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![run, name, crawl.start_url, extra_json, failed, crawl.stats.fatal, crawl_json, card_json, stamp],
        )
        .map_err(sq)?;
        let site_id = tx.last_insert_rowid();
        {
            let mut page = tx
                .prepare(
                    "INSERT OR REPLACE INTO pages (site_id, url, status, fetched_at, etag, last_modified, content_hash)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(sq)?;
            for p in &crawl.pages {
                page.execute(params![
                    site_id,
                    p.url,
                    p.status,
                    stamp,
                    p.etag,
                    p.last_modified,
                    p.content_hash
                ])
                .map_err(sq)?;
            }
        }
        {
            let mut first = tx
                .prepare(
                    "SELECT MIN(i.first_seen) FROM items i JOIN sites s ON s.id = i.site_id
                     WHERE s.name = ?1 AND s.run_id < ?2 AND i.url = ?3",
                )
                .map_err(sq)?;
            let mut ins = tx
                .prepare(
                    "INSERT OR REPLACE INTO items (site_id, url, title, column_name, published, category, key_area, rule,
                        matched, column_url, date_source, detail_status, detail, first_seen)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(sq)?;
            for ci in items {
                let i = &ci.item;
                let seen: Option<String> = first
                    .query_row(params![name, run, i.url], |r| r.get(0))
                    .optional()
                    .map_err(sq)?
                    .flatten();
                ins.execute(params![
                    site_id,
                    i.url,
                    i.title,
                    i.column,
                    i.published.map(|d| d.to_string()),
                    ci.verdict.category,
                    ci.verdict.key_area,
                    ci.verdict.rule,
                    serde_json::to_string(&ci.verdict.matched).map_err(js)?,
                    i.column_url,
                    serde_json::to_string(&i.date_source).map_err(js)?,
                    i.detail_status,
                    i.detail
                        .as_ref()
                        .map(serde_json::to_string)
                        .transpose()
                        .map_err(js)?,
                    seen.unwrap_or_else(|| stamp.clone())
                ])
                .map_err(sq)?;
            }
        }
        tx.commit().map_err(sq)?;
        Ok(())
    }

    /// Lists runs, newest first.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn runs(&self) -> Result<Vec<RunInfo>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT r.id, r.kind, r.started_at, r.finished_at, r.status, r.as_of, r.since, r.rules, r.input,
                        (SELECT COUNT(*) FROM sites s WHERE s.run_id = r.id),
                        (SELECT COUNT(*) FROM sites s WHERE s.run_id = r.id AND s.failed)
                 FROM runs r ORDER BY r.id DESC",
            )
            .map_err(self.sq())?;
        let rows = st
            .query_map([], |r| {
                Ok(RunInfo {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    started_at: r.get(2)?,
                    finished_at: r.get(3)?,
                    status: RunStatus::parse(&r.get::<_, String>(4)?),
                    as_of: r.get::<_, String>(5)?.parse().unwrap_or_default(),
                    since: r.get::<_, String>(6)?.parse().unwrap_or_default(),
                    rules: r.get(7)?,
                    input: r.get(8)?,
                    sites: r.get(9)?,
                    failed: r.get(10)?,
                })
            })
            .map_err(self.sq())?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(self.sq())
    }

    /// One run's information.
    ///
    /// # Errors
    /// When the run does not exist.
    pub fn run(&self, id: i64) -> Result<RunInfo> {
        self.runs()?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or(StoreError::NoRun(id))
    }

    /// The options a run was started with (as stored).
    ///
    /// # Errors
    /// When the run does not exist.
    pub fn run_options(&self, id: i64) -> Result<String> {
        self.conn
            .query_row("SELECT options FROM runs WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sq())?
            .ok_or(StoreError::NoRun(id))
    }

    /// Names of the sites already stored for a run.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn site_names(&self, run: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT name FROM sites WHERE run_id = ?1 ORDER BY id")
            .map_err(self.sq())?;
        let rows = st
            .query_map(params![run], |r| r.get(0))
            .map_err(self.sq())?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(self.sq())
    }

    /// Loads one site of a run with its items.
    ///
    /// # Errors
    /// When the run or the site does not exist, on SQLite errors or corrupt records.
    pub fn load_site(&self, run: i64, name: &str) -> Result<StoredSite> {
        let (id, extra, crawl, card): (i64, String, String, String) = self
            .conn
            .query_row(
                "SELECT id, extra, crawl, scorecard FROM sites WHERE run_id = ?1 AND name = ?2",
                params![run, name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(self.sq())?
            .ok_or(StoreError::NoRun(run))?;
        let mut crawl: SiteCrawl = serde_json::from_str(&crawl).map_err(self.js())?;
        let card: Scorecard = serde_json::from_str(&card).map_err(self.js())?;
        let extra: Vec<(String, String)> = serde_json::from_str(&extra).map_err(self.js())?;
        let items = self.load_items(id)?;
        crawl.items = items.iter().map(|c| c.item.clone()).collect();
        Ok(StoredSite {
            name: name.to_owned(),
            extra,
            crawl,
            items,
            card,
        })
    }

    fn load_items(&self, site_id: i64) -> Result<Vec<ClassifiedItem>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT url, title, column_name, published, category, key_area, rule, matched, column_url, date_source,
                        detail_status, detail
                 FROM items WHERE site_id = ?1 ORDER BY rowid",
            )
            .map_err(self.sq())?;
        let rows = st
            .query_map(params![site_id], |r| {
                let published: Option<String> = r.get(3)?;
                let matched: String = r.get(7)?;
                let date_source: String = r.get(9)?;
                let detail: Option<String> = r.get(11)?;
                Ok(ClassifiedItem {
                    item: Item {
                        url: r.get(0)?,
                        title: r.get(1)?,
                        column: r.get(2)?,
                        column_url: r.get(8)?,
                        published: published.and_then(|p| p.parse().ok()),
                        date_source: serde_json::from_str(&date_source).unwrap_or_default(),
                        detail_status: r.get(10)?,
                        detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
                    },
                    verdict: Verdict {
                        category: r.get(4)?,
                        key_area: r.get(5)?,
                        rule: r.get(6)?,
                        matched: serde_json::from_str(&matched).unwrap_or_default(),
                    },
                })
            })
            .map_err(self.sq())?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(self.sq())
    }

    /// The latest stored, not failed, copy of a site in a run before `run`:
    /// (site id, run id, scorecard JSON).
    fn previous_site(&self, name: &str, run: i64) -> Result<Option<(i64, i64, String)>> {
        self.conn
            .query_row(
                "SELECT id, run_id, scorecard FROM sites WHERE name = ?1 AND run_id < ?2 AND NOT failed ORDER BY run_id DESC LIMIT 1",
                params![name, run],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.sq())
    }

    /// The previous run of a site: its run id, scorecard and items
    /// (url, title, published), for trends and the re-dating check.
    ///
    /// # Errors
    /// On SQLite errors or corrupt records.
    pub fn previous(&self, name: &str, run: i64) -> Result<Option<PreviousSite>> {
        let Some((site_id, run_id, card)) = self.previous_site(name, run)? else {
            return Ok(None);
        };
        let card: Scorecard = serde_json::from_str(&card).map_err(self.js())?;
        let mut st = self
            .conn
            .prepare("SELECT url, title, published FROM items WHERE site_id = ?1")
            .map_err(self.sq())?;
        let items = st
            .query_map(params![site_id], |r| {
                let p: Option<String> = r.get(2)?;
                Ok((r.get(0)?, r.get(1)?, p.and_then(|p| p.parse().ok())))
            })
            .map_err(self.sq())?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(self.sq())?;
        Ok(Some(PreviousSite {
            run: run_id,
            card,
            items,
        }))
    }

    /// What the latest earlier run of a site learned, for an incremental
    /// re-crawl: validators of its pages and the detail metadata of its items.
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn previous_crawl(&self, name: &str, run: i64) -> Result<Option<crate::crawl::Previous>> {
        let Some((site, _, _)) = self.previous_site(name, run)? else {
            return Ok(None);
        };
        let mut prev = crate::crawl::Previous::default();
        let mut st = self
            .conn
            .prepare("SELECT url, etag, last_modified FROM pages WHERE site_id = ?1 AND status BETWEEN 200 AND 299 AND (etag IS NOT NULL OR last_modified IS NOT NULL)")
            .map_err(self.sq())?;
        let rows = st
            .query_map(params![site], |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(self.sq())?;
        for row in rows {
            let (url, etag, last_modified) = row.map_err(self.sq())?;
            prev.validators.insert(
                url,
                crate::crawl::Validators {
                    etag,
                    last_modified,
                },
            );
        }
        let mut st = self
            .conn
            .prepare("SELECT url, detail FROM items WHERE site_id = ?1 AND detail IS NOT NULL")
            .map_err(self.sq())?;
        let rows = st
            .query_map(params![site], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(self.sq())?;
        for row in rows {
            let (url, detail) = row.map_err(self.sq())?;
            if let Ok(d) = serde_json::from_str(&detail) {
                prev.details.insert(url, d);
            }
        }
        Ok(Some(prev))
    }

    /// Copies every run of another store (a shard's) into this one, with new
    /// run and site ids, in one transaction. Returns the runs copied.
    ///
    /// # Errors
    /// On SQLite errors (nothing is copied then).
    pub fn import(&mut self, other: &Path) -> Result<usize> {
        let p = self.path.display().to_string();
        let sq = |source| StoreError::Sqlite {
            path: p.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sq)?;
        tx.execute(
            "ATTACH DATABASE ?1 AS shard",
            params![other.display().to_string()],
        )
        .map_err(sq)?;
        let runs: Vec<i64> = {
            let mut st = tx
                .prepare("SELECT id FROM shard.runs ORDER BY id")
                .map_err(sq)?;
            st.query_map([], |r| r.get(0))
                .map_err(sq)?
                .collect::<std::result::Result<_, _>>()
                .map_err(sq)?
        };
        for run in &runs {
            tx.execute(
                "INSERT INTO runs (kind, started_at, finished_at, status, as_of, since, rules, input, options)
                 SELECT kind, started_at, finished_at, status, as_of, since, rules, input, options FROM shard.runs WHERE id = ?1",
                params![run],
            )
            .map_err(sq)?;
            let new_run = tx.last_insert_rowid();
            let sites: Vec<i64> = {
                let mut st = tx
                    .prepare("SELECT id FROM shard.sites WHERE run_id = ?1 ORDER BY id")
                    .map_err(sq)?;
                st.query_map(params![run], |r| r.get(0))
                    .map_err(sq)?
                    .collect::<std::result::Result<_, _>>()
                    .map_err(sq)?
            };
            for site in sites {
                tx.execute(
                    "INSERT INTO sites (run_id, name, url, extra, failed, error, crawl, scorecard, stored_at)
                     SELECT ?2, name, url, extra, failed, error, crawl, scorecard, stored_at FROM shard.sites WHERE id = ?1",
                    params![site, new_run],
                )
                .map_err(sq)?;
                let new_site = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO pages (site_id, url, status, fetched_at, etag, last_modified, content_hash)
                     SELECT ?2, url, status, fetched_at, etag, last_modified, content_hash FROM shard.pages WHERE site_id = ?1",
                    params![site, new_site],
                )
                .map_err(sq)?;
                tx.execute(
                    "INSERT INTO items (site_id, url, title, column_name, published, category, key_area, rule, matched,
                        column_url, date_source, detail_status, detail, first_seen)
                     SELECT ?2, url, title, column_name, published, category, key_area, rule, matched,
                        column_url, date_source, detail_status, detail, first_seen FROM shard.items WHERE site_id = ?1",
                    params![site, new_site],
                )
                .map_err(sq)?;
            }
        }
        tx.commit().map_err(sq)?;
        self.conn
            .execute("DETACH DATABASE shard", [])
            .map_err(self.sq())?;
        Ok(runs.len())
    }

    /// The latest run that is not completed (for `--resume`).
    ///
    /// # Errors
    /// On SQLite errors.
    pub fn latest_unfinished(&self) -> Result<Option<RunInfo>> {
        Ok(self
            .runs()?
            .into_iter()
            .find(|r| r.status != RunStatus::Completed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_keeps_two_runs_apart() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        let a = Store::open(&db).unwrap();
        let e = Store::open(&db).unwrap_err();
        assert!(matches!(e, StoreError::Locked { .. }), "{e}");
        assert!(e.to_string().contains("another disclosure-audit run"));
        drop(a);
        Store::open(&db).unwrap();
    }

    #[test]
    fn migrations_are_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        drop(Store::open(&db).unwrap());
        let s = Store::open(&db).unwrap();
        let v: usize = s
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
        assert!(s.runs().unwrap().is_empty());
    }
}
