//! CSV reports: `items.csv` and `scorecard.csv`. UTF-8 with a BOM by
//! default, so Excel on a Chinese Windows machine opens them correctly.

use std::io::Write;

use crate::classify::taxonomy::CATEGORIES;
use crate::model::ClassifiedItem;
use crate::score::Scorecard;
use crate::score::inspect::finding_ids;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header of `items.csv`. The first eight columns are a stable contract.
pub const ITEMS_HEADER: &[&str] = &[
    "site",
    "url",
    "title",
    "column",
    "published",
    "category",
    "key_area",
    "rule",
    "matched",
    "date_source",
    "detail_status",
    "column_url",
    "index_no",
    "publisher",
    "doc_no",
    "written",
    "in_window",
];

fn fmt_share(x: f64) -> String {
    format!("{x:.4}")
}

/// Writes `items.csv` a site at a time, so a batch never holds every item.
pub struct ItemsCsv<'w> {
    c: ::csv::Writer<&'w mut dyn Write>,
}

impl std::fmt::Debug for ItemsCsv<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ItemsCsv")
    }
}

impl<'w> ItemsCsv<'w> {
    /// Starts the file: the BOM (if asked) and the header.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn new(w: &'w mut dyn Write, bom: bool) -> std::io::Result<Self> {
        if bom {
            w.write_all(BOM)?;
        }
        let mut c = ::csv::Writer::from_writer(w);
        c.write_record(ITEMS_HEADER)?;
        Ok(Self { c })
    }

    /// Writes one site's items.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn site(
        &mut self,
        site: &str,
        items: &[ClassifiedItem],
        window: &crate::score::Window,
    ) -> std::io::Result<()> {
        for ci in items {
            let inw = ci.item.published.is_some_and(|d| window.contains(d));
            write_item(&mut self.c, site, ci, inw)?;
        }
        Ok(())
    }

    /// Flushes the file.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.c.flush()
    }
}

fn write_item<W: Write>(
    c: &mut ::csv::Writer<W>,
    site: &str,
    ci: &ClassifiedItem,
    in_window: bool,
) -> std::io::Result<()> {
    let i = &ci.item;
    let d = i.detail.as_ref();
    c.write_record([
        site,
        &i.url,
        &super::sanitize(&i.title),
        &super::sanitize(&i.column),
        &i.published.map(|d| d.to_string()).unwrap_or_default(),
        &ci.verdict.category,
        ci.verdict.key_area.as_deref().unwrap_or(""),
        &ci.verdict.rule,
        &ci.verdict.matched.join("|"),
        i.date_source.as_str(),
        &i.detail_status.to_string(),
        &i.column_url,
        d.and_then(|d| d.index_no.as_deref()).unwrap_or(""),
        d.and_then(|d| d.publisher.as_deref()).unwrap_or(""),
        d.and_then(|d| d.doc_no.as_deref()).unwrap_or(""),
        &d.and_then(|d| d.written)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        if in_window { "1" } else { "0" },
    ])?;
    Ok(())
}

/// Writes `items.csv`.
///
/// # Errors
/// When the writer fails.
pub fn write_items<'a>(
    w: &mut dyn Write,
    rows: impl IntoIterator<Item = (&'a str, &'a ClassifiedItem, bool)>,
    bom: bool,
) -> std::io::Result<()> {
    if bom {
        w.write_all(BOM)?;
    }
    let mut c = ::csv::Writer::from_writer(w);
    c.write_record(ITEMS_HEADER)?;
    for (site, ci, in_window) in rows {
        write_item(&mut c, site, ci, in_window)?;
    }
    c.flush()?;
    Ok(())
}

/// The header of `scorecard.csv`.
#[must_use]
pub fn scorecard_header() -> Vec<String> {
    let mut h: Vec<String> = [
        "site",
        "url",
        "as_of",
        "since",
        "score",
        "grade",
        "items_total",
        "items_in_window",
        "undated",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for (id, _, _) in CATEGORIES {
        h.push(format!("{id}_count"));
        h.push(format!("{id}_share"));
    }
    for s in [
        "substantive_share",
        "routine_share",
        "decisions",
        "interpretations",
        "interpretation_coverage",
        "key_areas_covered",
        "key_areas_missing",
        "columns",
        "stale_columns",
        "empty_columns",
        "stale_column_names",
        "empty_column_names",
        "broken_links",
        "links_checked",
        "pages_crawled",
        "partial",
        "error",
        "rules",
        "verdict",
        "vetoes",
        "warnings",
        "decided_by_title",
        "decided_by_column",
        "decided_by_url",
        "decided_by_punctuation",
        "decided_by_none",
    ] {
        h.push(s.to_owned());
    }
    h
}

/// One scorecard as a CSV row (matching [`scorecard_header`]).
#[must_use]
pub fn scorecard_row(s: &Scorecard) -> Vec<String> {
    let mut r = vec![
        s.site.clone(),
        s.url.clone(),
        s.window.as_of.to_string(),
        s.window.since.to_string(),
        format!("{:.1}", s.score),
        s.grade.clone(),
        s.items_total.to_string(),
        s.items_in_window.to_string(),
        s.undated.to_string(),
    ];
    for c in &s.categories {
        r.push(c.count.to_string());
        r.push(fmt_share(c.share));
    }
    let names = |f: &dyn Fn(&crate::score::ColumnFigure) -> bool| {
        s.columns
            .iter()
            .filter(|c| f(c))
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
            .join("|")
    };
    r.extend([
        fmt_share(s.substantive_share),
        fmt_share(s.routine_share),
        s.decisions.to_string(),
        s.interpretations.to_string(),
        s.interpretation_coverage.map(fmt_share).unwrap_or_default(),
        s.key_areas_covered.join("|"),
        s.key_areas_missing.join("|"),
        s.columns.len().to_string(),
        s.stale_columns.to_string(),
        s.empty_columns.to_string(),
        names(&|c| c.stale),
        names(&|c| c.empty),
        s.broken.len().to_string(),
        s.links_checked.to_string(),
        s.crawl.pages_ok.to_string(),
        s.partial.clone().unwrap_or_default(),
        s.crawl.fatal.clone().unwrap_or_default(),
        s.rules.clone(),
        if s.inspection.pass { "pass" } else { "fail" }.to_owned(),
        finding_ids(&s.inspection.vetoes),
        finding_ids(&s.inspection.warnings),
        s.basis.title.to_string(),
        s.basis.column.to_string(),
        s.basis.url.to_string(),
        s.basis.punctuation.to_string(),
        s.basis.none.to_string(),
    ]);
    r
}

/// Writes `scorecard.csv`: one row per site.
///
/// # Errors
/// When the writer fails.
pub fn write_scorecards(w: &mut dyn Write, cards: &[Scorecard], bom: bool) -> std::io::Result<()> {
    if bom {
        w.write_all(BOM)?;
    }
    let mut c = ::csv::Writer::from_writer(w);
    c.write_record(scorecard_header())?;
    for s in cards {
        c.write_record(scorecard_row(s))?;
    }
    c.flush()?;
    Ok(())
}
