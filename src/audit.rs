//! The whole pipeline for one or more sites: crawl → extract → classify →
//! score → report.

use std::path::{Path, PathBuf};

use crate::classify::{Classifier, Scratch};
use crate::crawl::{CrawlOptions, Progress, SiteSpec, crawl_site};
use crate::model::{ClassifiedItem, Item, SiteCrawl};
use crate::report::{self, Lang};
use crate::score::{Scorecard, Window, score_site};

/// One audited site.
#[derive(Debug, Clone)]
pub struct SiteResult {
    /// What the crawl found.
    pub crawl: SiteCrawl,
    /// Its items, classified.
    pub items: Vec<ClassifiedItem>,
    /// Its scorecard.
    pub card: Scorecard,
}

/// Classifies items with a compiled pack.
#[must_use]
pub fn classify_items(items: Vec<Item>, classifier: &Classifier) -> Vec<ClassifiedItem> {
    let mut scratch = Scratch::default();
    items
        .into_iter()
        .map(|item| {
            let verdict =
                classifier.classify_with(&mut scratch, &item.title, &item.column, &item.url);
            ClassifiedItem { item, verdict }
        })
        .collect()
}

/// Classifies and scores a finished crawl.
#[must_use]
/// The crawl's items move into the result's classified items (the crawl
/// keeps none), so a site's items are held once.
pub fn finish_site(mut crawl: SiteCrawl, classifier: &Classifier, window: Window) -> SiteResult {
    let items = classify_items(std::mem::take(&mut crawl.items), classifier);
    let card = score_site(&crawl, &items, window, classifier.pack());
    SiteResult { crawl, items, card }
}

/// The crawl options for a rule pack: the link texts its inspection looks for.
#[must_use]
pub fn crawl_options_for(opts: &CrawlOptions, classifier: &Classifier) -> CrawlOptions {
    let mut o = opts.clone();
    for m in &classifier.pack().mandatory {
        o.nav_keywords.extend(m.keywords.iter().cloned());
    }
    o.nav_keywords
        .extend(["年报".to_owned(), "年度报告".to_owned()]);
    o.nav_keywords.sort();
    o.nav_keywords.dedup();
    o
}

/// Crawls, classifies and scores one site.
pub async fn audit_site(
    spec: &SiteSpec,
    opts: &CrawlOptions,
    classifier: &Classifier,
    window: Window,
    progress: &dyn Progress,
) -> SiteResult {
    let crawl = crawl_site(spec, &crawl_options_for(opts, classifier), progress).await;
    finish_site(crawl, classifier, window)
}

/// The files a report run wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// `items.csv`.
    pub items: PathBuf,
    /// `scorecard.csv`.
    pub scorecard_csv: PathBuf,
    /// `scorecard.md`.
    pub scorecard_md: PathBuf,
    /// `scorecard.json`.
    pub scorecard_json: PathBuf,
}

/// Writes the four report files for the audited sites into `dir`.
///
/// # Errors
/// When a file cannot be written.
pub fn write_reports(
    dir: &Path,
    results: &[SiteResult],
    lang: Lang,
    bom: bool,
) -> std::io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let out = Written {
        items: dir.join("items.csv"),
        scorecard_csv: dir.join("scorecard.csv"),
        scorecard_md: dir.join("scorecard.md"),
        scorecard_json: dir.join("scorecard.json"),
    };
    report::write_atomic(&out.items, |w| {
        report::csv::write_items(
            w,
            results.iter().flat_map(|r| {
                r.items.iter().map(|i| {
                    let inw = i.item.published.is_some_and(|d| r.card.window.contains(d));
                    (r.card.site.as_str(), i, inw)
                })
            }),
            bom,
        )
    })?;
    let cards: Vec<Scorecard> = results.iter().map(|r| r.card.clone()).collect();
    report::write_atomic(&out.scorecard_csv, |w| {
        report::csv::write_scorecards(w, &cards, bom)
    })?;
    report::write_atomic(&out.scorecard_json, |w| {
        report::json::write_scorecards(w, &cards)
    })?;
    let pairs: Vec<(&Scorecard, &[ClassifiedItem])> = results
        .iter()
        .map(|r| (&r.card, r.items.as_slice()))
        .collect();
    report::write_atomic(&out.scorecard_md, |w| {
        report::markdown::write_scorecards(w, &pairs, lang)
    })?;
    Ok(out)
}
