//! The commands of supervisor and cron use: batch, runs, report, rescore, merge.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};
use disclosure_audit::audit::finish_site;
use disclosure_audit::batch::{BatchContext, read_sites, run_sites, write_batch_reports};
use disclosure_audit::report::summary::{self, SummaryRow};
use disclosure_audit::score::{Scorecard, Window};
use disclosure_audit::store::{RunStatus, Store, StoredSite, default_db_path};

use super::commands::{crawl_options, lang, load_classifier, window};
use super::progress::Bars;
use super::{BatchArgs, DbArgs, LangArg, MergeArgs, ReportRunArgs, RescoreArgs, RunsArgs};
use crate::ExitCode;

fn db_path(a: &DbArgs) -> PathBuf {
    a.db.clone().unwrap_or_else(default_db_path)
}

/// Turns SIGINT and SIGTERM into a `true` on the returned channel.
fn stop_signal() -> tokio::sync::watch::Receiver<bool> {
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("signal handler");
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::warn!("stop signal received: finishing the current writes");
        let _ = tx.send(true);
    });
    rx
}

fn fails(rows: &[SummaryRow], fail_below: Option<f64>) -> usize {
    rows.iter()
        .filter(|r| match &r.card {
            None => true,
            Some(c) => {
                (c.crawl.fatal.is_some() && c.items_total == 0)
                    || fail_below.is_some_and(|t| c.score < t)
            }
        })
        .count()
}

pub(crate) async fn batch(a: BatchArgs, quiet: bool) -> Result<ExitCode> {
    let classifier = load_classifier(a.report.rules.as_deref())?;
    let window = window(&a.report)?;
    let mut opts = crawl_options(&a.crawl);
    opts.reference_date = window.as_of;
    let (mut rows, mut row_errors) = read_sites(&a.sites)?;
    if let Some(sh) = a.shard {
        rows.retain(|r| sh.contains(&r.name));
        // A bad row belongs to the shard of its name; nameless ones to the first shard.
        row_errors.retain(|e| {
            if e.name.is_empty() {
                sh.k == 1
            } else {
                sh.contains(&e.name)
            }
        });
    }
    for e in &row_errors {
        eprintln!(
            "disclosure-audit: {}:{}: {}",
            a.sites.display(),
            e.line,
            e.message
        );
    }
    let db = db_path(&a.db);
    let store = Store::open(&db)?;
    let run = if a.resume {
        match store.latest_unfinished()? {
            Some(r) => {
                store.reopen_run(r.id)?;
                let done = store.site_names(r.id)?;
                rows.retain(|row| !done.contains(&row.name));
                if !quiet {
                    eprintln!(
                        "resuming run {}: {} sites already stored, {} to go",
                        r.id,
                        done.len(),
                        rows.len()
                    );
                }
                r.id
            }
            None => bail!("--resume: no interrupted run in {}", db.display()),
        }
    } else {
        let options = serde_json::json!({ "sites": a.sites, "shard": a.shard.map(|s| format!("{}/{}", s.k, s.n)) }).to_string();
        store.begin_run(
            "batch",
            window,
            &classifier.pack().info.version,
            &a.sites.display().to_string(),
            &options,
        )?
    };
    let store = std::sync::Arc::new(Mutex::new(store));
    let bars = Bars::new(quiet).with_overall(rows.len());
    let ctx = BatchContext {
        crawl: &opts,
        classifier: &classifier,
        window,
        jobs: a.jobs,
        run,
    };
    let outcome = run_sites(&rows, &ctx, &store, stop_signal(), &bars).await?;
    bars.finish();
    // Every store write has finished by now; a read of a crawl cut short by
    // an interruption may still hold the lock for a moment.
    let store = store.lock().expect("store lock");
    let status = if outcome.interrupted {
        RunStatus::Interrupted
    } else {
        RunStatus::Completed
    };
    store.finish_run(run, status)?;
    let names = store.site_names(run)?;
    let summary = write_batch_reports(
        &a.out,
        &names,
        &mut |n| store.load_site(run, n),
        &row_errors,
        lang(a.report.lang),
        !a.report.no_bom,
    )
    .with_context(|| format!("cannot write the reports into {}", a.out.display()))?;
    if outcome.interrupted {
        eprintln!(
            "disclosure-audit: interrupted: run {run} has {} of its sites stored; `disclosure-audit batch {} --out {} --resume` continues it",
            store.site_names(run)?.len(),
            a.sites.display(),
            a.out.display()
        );
        return Ok(ExitCode::Interrupted);
    }
    let failing = fails(&summary, a.fail_below);
    if !quiet {
        eprintln!(
            "run {run}: {} sites, {failing} failed or below the threshold; reports in {}",
            summary.len(),
            a.out.display()
        );
    }
    Ok(if failing > 0 {
        ExitCode::SiteFailed
    } else {
        ExitCode::Ok
    })
}

pub(crate) fn runs(a: &RunsArgs) -> Result<ExitCode> {
    let db = db_path(&a.db);
    if !db.exists() {
        bail!(
            "no history database at {} (run `batch` first, or pass --db)",
            db.display()
        );
    }
    let store = Store::open_unlocked(&db)?;
    println!(
        "{:>5}  {:<6} {:<20} {:<11} {:<10} {:>5} {:>6}  input",
        "id", "kind", "started (UTC)", "status", "as-of", "sites", "failed"
    );
    for r in store.runs()? {
        println!(
            "{:>5}  {:<6} {:<20} {:<11} {:<10} {:>5} {:>6}  {}",
            r.id,
            r.kind,
            r.started_at.trim_end_matches('Z').replace('T', " "),
            format!("{:?}", r.status).to_lowercase(),
            r.as_of,
            r.sites,
            r.failed,
            r.input
        );
    }
    Ok(ExitCode::Ok)
}

fn open_existing(a: &DbArgs) -> Result<Store> {
    let db = db_path(a);
    if !db.exists() {
        bail!("no history database at {} (pass --db)", db.display());
    }
    Ok(Store::open_unlocked(&db)?)
}

pub(crate) fn report(a: &ReportRunArgs) -> Result<ExitCode> {
    let a = &a.stored;
    let store = open_existing(&a.db)?;
    store.run(a.run)?;
    let names = store.site_names(a.run)?;
    write_batch_reports(
        &a.out,
        &names,
        &mut |n| store.load_site(a.run, n),
        &[],
        lang(a.lang),
        !a.no_bom,
    )?;
    eprintln!("run {}: reports written to {}", a.run, a.out.display());
    Ok(ExitCode::Ok)
}

pub(crate) fn rescore(r: &RescoreArgs) -> Result<ExitCode> {
    let classifier = load_classifier(r.rules.as_deref())?;
    let a = &r.stored;
    let store = open_existing(&a.db)?;
    let info = store.run(a.run)?;
    let window = Window {
        since: info.since,
        as_of: info.as_of,
    };
    let names = store.site_names(a.run)?;
    let mut load = |n: &str| {
        let s = store.load_site(a.run, n)?;
        let trend = s.card.trend.clone();
        let mut r = finish_site(s.crawl, &classifier, window);
        r.card.trend = trend;
        Ok(StoredSite {
            name: s.name,
            extra: s.extra,
            crawl: r.crawl,
            items: r.items,
            card: r.card,
        })
    };
    write_batch_reports(&a.out, &names, &mut load, &[], lang(a.lang), !a.no_bom)?;
    eprintln!(
        "run {} re-scored with {}: reports written to {}",
        a.run,
        classifier.pack().source,
        a.out.display()
    );
    Ok(ExitCode::Ok)
}

fn read_cards(dir: &Path) -> Result<Vec<Scorecard>> {
    #[derive(serde::Deserialize)]
    struct Doc {
        sites: Vec<Scorecard>,
    }
    let mut out = Vec::new();
    let sites = dir.join("sites");
    let mut entries: Vec<_> = std::fs::read_dir(&sites)
        .with_context(|| format!("{}: no sites/ folder", dir.display()))?
        .collect::<std::io::Result<_>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let p = e.path().join("scorecard.json");
        let doc: Doc = serde_json::from_slice(
            &std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?,
        )
        .with_context(|| format!("{}: not a scorecard", p.display()))?;
        out.extend(doc.sites);
    }
    Ok(out)
}

pub(crate) fn merge(a: &MergeArgs) -> Result<ExitCode> {
    let mut rows: Vec<SummaryRow> = Vec::new();
    let mut items_out: Vec<u8> = disclosure_audit::report::csv::BOM.to_vec();
    let mut header_done = false;
    for dir in &a.dirs {
        // Extra columns and error rows come from the shard's summary.csv.
        let mut extras: std::collections::HashMap<String, Vec<(String, String)>> =
            std::collections::HashMap::new();
        let mut r = csv::Reader::from_path(dir.join("summary.csv"))
            .with_context(|| format!("{}: no summary.csv", dir.display()))?;
        let h = r.headers()?.clone();
        let h: Vec<String> = h
            .iter()
            .map(|x| x.trim_start_matches('\u{feff}').to_owned())
            .collect();
        let score_at = h.iter().position(|x| x == "score").unwrap_or(h.len());
        for rec in r.records() {
            let rec = rec?;
            let extra: Vec<(String, String)> = (3..score_at)
                .map(|i| (h[i].clone(), rec.get(i).unwrap_or("").to_owned()))
                .collect();
            let error = rec.get(h.len() - 1).unwrap_or("");
            if rec.get(score_at).unwrap_or("").is_empty() && !error.is_empty() {
                rows.push(SummaryRow {
                    name: rec[1].to_owned(),
                    url: rec[2].to_owned(),
                    extra: extra.clone(),
                    card: None,
                    error: Some(error.to_owned()),
                });
            }
            extras.insert(rec[1].to_owned(), extra);
        }
        for card in read_cards(dir)? {
            let name = card.site.clone();
            let failed = card.crawl.fatal.is_some() && card.items_total == 0;
            if failed && rows.iter().any(|r| r.name == name) {
                continue;
            }
            rows.push(SummaryRow {
                url: card.url.clone(),
                extra: extras.remove(&name).unwrap_or_default(),
                card: Some(card),
                error: None,
                name,
            });
        }
        let text = std::fs::read(dir.join("items.csv"))
            .with_context(|| format!("{}: no items.csv", dir.display()))?;
        let text = text
            .strip_prefix(disclosure_audit::report::csv::BOM)
            .unwrap_or(&text);
        let mut lines = text.splitn(2, |&b| b == b'\n');
        let head = lines.next().unwrap_or_default();
        if !header_done {
            items_out.extend_from_slice(head);
            items_out.push(b'\n');
            header_done = true;
        }
        items_out.extend_from_slice(lines.next().unwrap_or_default());
        copy_dir(&dir.join("sites"), &a.out.join("sites"))?;
    }
    summary::rank(&mut rows);
    std::fs::create_dir_all(&a.out)?;
    disclosure_audit::report::write_atomic(&a.out.join("items.csv"), |w| w.write_all(&items_out))?;
    disclosure_audit::report::write_atomic(&a.out.join("summary.csv"), |w| {
        summary::write_csv(w, &rows, true)
    })?;
    let l = lang(a.lang);
    let title = if a.lang == LangArg::Zh {
        "政务公开质量评估汇总"
    } else {
        "Disclosure quality summary"
    };
    disclosure_audit::report::write_atomic(&a.out.join("summary.md"), |w| {
        w.write_all(summary::render_md(&rows, title, l).as_bytes())
    })?;
    eprintln!(
        "merged {} shard folders: {} sites; reports in {}",
        a.dirs.len(),
        rows.len(),
        a.out.display()
    );
    if !a.stores.is_empty() {
        let db = db_path(&a.db);
        let mut store = Store::open(&db)?;
        for s in &a.stores {
            let n = store
                .import(s)
                .with_context(|| format!("cannot copy the runs of {}", s.display()))?;
            eprintln!("copied {n} runs of {} into {}", s.display(), db.display());
        }
    }
    Ok(ExitCode::Ok)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            std::fs::create_dir_all(&dest)?;
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}
