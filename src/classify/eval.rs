//! Measuring a rule pack against labelled titles: accuracy, macro-F1,
//! per-category precision/recall/F1, the confusion matrix, key-area
//! accuracy, the share classified `other`, and the errors.

use serde::Serialize;

use super::engine::{Classifier, Scratch};
use super::taxonomy::{CATEGORIES, OTHER, category_index, key_area_index};

/// One labelled example.
#[derive(Debug, Clone)]
pub struct Labelled {
    /// Title.
    pub title: String,
    /// Column name (may be empty).
    pub column: String,
    /// URL (may be empty).
    pub url: String,
    /// Gold category.
    pub category: String,
    /// Gold key area (empty for none).
    pub key_area: String,
    /// Site (for reference).
    pub site: String,
}

/// Per-category figures.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryScore {
    /// Category id.
    pub category: String,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Gold examples.
    pub support: usize,
}

/// A wrong decision.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// Title.
    pub title: String,
    /// Column.
    pub column: String,
    /// Gold category.
    pub expected: String,
    /// Predicted category.
    pub got: String,
    /// Deciding rule.
    pub rule: String,
    /// Matched words.
    pub matched: Vec<String>,
}

/// Accuracy with less evidence, to show what the column and URL add.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceFigures {
    /// Accuracy with the title alone.
    pub title_only: f64,
    /// Accuracy with title and column.
    pub title_column: f64,
    /// Accuracy with title, column and URL (the full verdict).
    pub title_column_url: f64,
    /// Examples that carry a column name.
    pub with_column: usize,
}

/// The evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Examples.
    pub n: usize,
    /// Accuracy.
    pub accuracy: f64,
    /// Macro-F1 over the categories with support.
    pub macro_f1: f64,
    /// Per category.
    pub per_category: Vec<CategoryScore>,
    /// Category ids, the order of the confusion matrix.
    pub labels: Vec<String>,
    /// `confusion[gold][predicted]`.
    pub confusion: Vec<Vec<usize>>,
    /// Key-area accuracy (empty counts as a value).
    pub key_area_accuracy: f64,
    /// Share classified `other`.
    pub other_share: f64,
    /// What each kind of evidence contributes.
    pub evidence: EvidenceFigures,
    /// Wrong categories.
    pub misses: Vec<Miss>,
    /// Wrong key areas: (title, expected, got).
    pub area_misses: Vec<(String, String, String)>,
}

/// A labelled file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    /// Unreadable or malformed CSV.
    #[error("{path}: {source}")]
    Csv {
        /// File.
        path: String,
        /// Cause.
        source: csv::Error,
    },
    /// A required column is missing.
    #[error("{path}: missing column `{column}` (the header needs at least title and category)")]
    MissingColumn {
        /// File.
        path: String,
        /// Column.
        column: &'static str,
    },
    /// A label that is not a taxonomy id.
    #[error("{path}:{line}: field `{field}`: unknown id `{value}`")]
    UnknownLabel {
        /// File.
        path: String,
        /// Line.
        line: u64,
        /// Field.
        field: &'static str,
        /// Value.
        value: String,
    },
}

/// Reads a labelled CSV (header with at least `title` and `category`).
///
/// # Errors
/// A [`LabelError`] naming the file, and the line for bad labels.
pub fn read_labelled(path: &std::path::Path) -> Result<Vec<Labelled>, LabelError> {
    let p = path.display().to_string();
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .map_err(|e| LabelError::Csv {
            path: p.clone(),
            source: e,
        })?;
    let headers = r
        .headers()
        .map_err(|e| LabelError::Csv {
            path: p.clone(),
            source: e,
        })?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let title = col("title").ok_or(LabelError::MissingColumn {
        path: p.clone(),
        column: "title",
    })?;
    let category = col("category").ok_or(LabelError::MissingColumn {
        path: p.clone(),
        column: "category",
    })?;
    let (column, url, area, site) = (col("column"), col("url"), col("key_area"), col("site"));
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| LabelError::Csv {
            path: p.clone(),
            source: e,
        })?;
        let line = rec.position().map_or(0, csv::Position::line);
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim().to_owned();
        let l = Labelled {
            title: get(Some(title)),
            column: get(column),
            url: get(url),
            category: get(Some(category)),
            key_area: get(area),
            site: get(site),
        };
        if category_index(&l.category).is_none() {
            return Err(LabelError::UnknownLabel {
                path: p,
                line,
                field: "category",
                value: l.category,
            });
        }
        if !l.key_area.is_empty() && key_area_index(&l.key_area).is_none() {
            return Err(LabelError::UnknownLabel {
                path: p,
                line,
                field: "key_area",
                value: l.key_area,
            });
        }
        out.push(l);
    }
    Ok(out)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Evaluates a classifier on labelled examples.
#[must_use]
pub fn evaluate(classifier: &Classifier, data: &[Labelled]) -> EvalReport {
    let k = CATEGORIES.len();
    let mut confusion = vec![vec![0usize; k]; k];
    let mut misses = Vec::new();
    let mut area_misses = Vec::new();
    let (mut area_ok, mut other, mut title_only_ok, mut title_col_ok) = (0, 0, 0, 0);
    let mut s = Scratch::default();
    let cat_of = |c: &Classifier, s: &mut Scratch, t: &str, col: &str, u: &str| {
        c.decide_rule(s, t, col, u)
            .map_or(OTHER, |r| c.pack().rules[r as usize].category.as_str())
            .to_owned()
    };
    for l in data {
        let v = classifier.classify_with(&mut s, &l.title, &l.column, &l.url);
        let gi = category_index(&l.category).unwrap_or(k - 1);
        let pi = category_index(&v.category).unwrap_or(k - 1);
        confusion[gi][pi] += 1;
        if *v.category == *OTHER {
            other += 1;
        }
        if gi != pi {
            misses.push(Miss {
                title: l.title.clone(),
                column: l.column.clone(),
                expected: l.category.clone(),
                got: v.category.to_string(),
                rule: v.rule.to_string(),
                matched: v.matched.iter().map(ToString::to_string).collect(),
            });
        }
        let got_area = v.key_area.as_deref().unwrap_or_default().to_owned();
        if got_area == l.key_area {
            area_ok += 1;
        } else {
            area_misses.push((l.title.clone(), l.key_area.clone(), got_area));
        }
        if cat_of(classifier, &mut s, &l.title, "", "") == l.category {
            title_only_ok += 1;
        }
        if cat_of(classifier, &mut s, &l.title, &l.column, "") == l.category {
            title_col_ok += 1;
        }
    }
    let n = data.len();
    let correct: usize = (0..k).map(|i| confusion[i][i]).sum();
    let mut per = Vec::new();
    for (i, (id, _, _)) in CATEGORIES.iter().enumerate() {
        let support: usize = confusion[i].iter().sum();
        let predicted: usize = (0..k).map(|g| confusion[g][i]).sum();
        let tp = confusion[i][i];
        let precision = ratio(tp, predicted);
        let recall = ratio(tp, support);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        per.push(CategoryScore {
            category: (*id).to_owned(),
            precision,
            recall,
            f1,
            support,
        });
    }
    let with_support: Vec<&CategoryScore> = per.iter().filter(|c| c.support > 0).collect();
    let macro_f1 = if with_support.is_empty() {
        0.0
    } else {
        with_support.iter().map(|c| c.f1).sum::<f64>() / with_support.len() as f64
    };
    EvalReport {
        n,
        accuracy: ratio(correct, n),
        macro_f1,
        per_category: per,
        labels: CATEGORIES.iter().map(|c| c.0.to_owned()).collect(),
        confusion,
        key_area_accuracy: ratio(area_ok, n),
        other_share: ratio(other, n),
        evidence: EvidenceFigures {
            title_only: ratio(title_only_ok, n),
            title_column: ratio(title_col_ok, n),
            title_column_url: ratio(correct, n),
            with_column: data.iter().filter(|l| !l.column.is_empty()).count(),
        },
        misses,
        area_misses,
    }
}

impl EvalReport {
    /// The report as text.
    #[must_use]
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut o = String::new();
        let _ = writeln!(o, "examples           {}", self.n);
        let _ = writeln!(o, "accuracy           {:.4}", self.accuracy);
        let _ = writeln!(o, "macro-F1           {:.4}", self.macro_f1);
        let _ = writeln!(o, "key-area accuracy  {:.4}", self.key_area_accuracy);
        let _ = writeln!(o, "classified other   {:.4}", self.other_share);
        let _ = writeln!(
            o,
            "evidence           title only {:.4} · + column {:.4} · + url {:.4} ({} examples have a column)\n",
            self.evidence.title_only,
            self.evidence.title_column,
            self.evidence.title_column_url,
            self.evidence.with_column
        );
        let _ = writeln!(
            o,
            "{:<16}{:>10}{:>10}{:>10}{:>9}",
            "category", "precision", "recall", "F1", "support"
        );
        for c in &self.per_category {
            let _ = writeln!(
                o,
                "{:<16}{:>10.4}{:>10.4}{:>10.4}{:>9}",
                c.category, c.precision, c.recall, c.f1, c.support
            );
        }
        let _ = writeln!(o, "\nconfusion (rows: expected, columns: predicted)");
        let short: Vec<String> = self
            .labels
            .iter()
            .map(|l| l.chars().take(5).collect())
            .collect();
        let _ = writeln!(
            o,
            "{:<16}{}",
            "",
            short.iter().map(|s| format!("{s:>7}")).collect::<String>()
        );
        for (i, row) in self.confusion.iter().enumerate() {
            let _ = writeln!(
                o,
                "{:<16}{}",
                self.labels[i],
                row.iter().map(|v| format!("{v:>7}")).collect::<String>()
            );
        }
        let _ = writeln!(o, "\nwrong categories ({})", self.misses.len());
        for m in &self.misses {
            let _ = writeln!(
                o,
                "  {} → {} [{}] {}{} ({})",
                m.expected,
                m.got,
                m.rule,
                m.title,
                if m.column.is_empty() {
                    String::new()
                } else {
                    format!(" ｜栏目 {}", m.column)
                },
                m.matched.join(",")
            );
        }
        let _ = writeln!(o, "\nwrong key areas ({})", self.area_misses.len());
        for (t, e, g) in &self.area_misses {
            let _ = writeln!(
                o,
                "  {} → {} {}",
                if e.is_empty() { "-" } else { e },
                if g.is_empty() { "-" } else { g },
                t
            );
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default pack's scores on a file of `fixtures/labelled/`, which
    /// must hold at least `at_least` titles.
    fn scores_on(file: &str, at_least: usize) -> EvalReport {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/labelled")
            .join(file);
        let data = read_labelled(&path).expect("labelled titles");
        assert!(data.len() >= at_least, "{file}: {} titles", data.len());
        evaluate(&Classifier::builtin(), &data)
    }

    /// The synthetic titles (typical county and township phrasing, never
    /// counted in the real-title figures) guard the pack against
    /// regressions on the common cases.
    #[test]
    fn the_pack_holds_on_the_synthetic_titles() {
        let r = scores_on("synthetic.csv", 90);
        assert!(r.accuracy >= 0.95, "accuracy {:.3}", r.accuracy);
        assert!(r.macro_f1 >= 0.93, "macro-F1 {:.3}", r.macro_f1);
    }

    /// The probe titles (written in the phrasing of grass-roots columns, each
    /// batch around one kind of hard case, and never counted in the
    /// real-title figures) guard the conventions the pack learned from them.
    #[test]
    fn the_pack_holds_on_the_probe_titles() {
        let r = scores_on("probes.csv", 3000);
        assert!(r.accuracy >= 0.98, "accuracy {:.3}", r.accuracy);
        assert!(
            r.key_area_accuracy >= 0.97,
            "key area {:.3}",
            r.key_area_accuracy
        );
    }

    /// The development titles the rules were written from stay decided as
    /// they were: an edit of the pack that breaks many of them fails here
    /// (the held-out titles are never a test's threshold). The floor is
    /// 0.94 since the development part holds a whole 政策解读 column of a
    /// national portal (`parts/extra15.csv`), whose news and commentaries
    /// with no signal of their own the column decides as readings.
    #[test]
    fn the_pack_holds_on_the_development_titles() {
        let r = scores_on("real_dev.csv", 400);
        assert!(r.accuracy >= 0.94, "accuracy {:.3}", r.accuracy);
        assert!(
            r.key_area_accuracy >= 0.92,
            "key area {:.3}",
            r.key_area_accuracy
        );
    }

    /// The real titles are split as `fixtures/labelled/README.md` says: a
    /// site is held out when `sha256(site) mod 10 < 3`, so no site is on
    /// both sides, and no title is counted twice.
    #[test]
    fn the_labelled_set_is_split_by_site() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/labelled");
        let held_out = |site: &str| {
            let d = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, site.as_bytes());
            // The digest as a big-endian number, mod 10.
            d.as_ref()
                .iter()
                .fold(0u32, |m, &b| (m * 256 + u32::from(b)) % 10)
                < 3
        };
        let mut titles = std::collections::HashSet::new();
        let mut sites = std::collections::HashSet::new();
        for (file, want) in [("real_dev.csv", false), ("real_holdout.csv", true)] {
            let data = read_labelled(&dir.join(file)).expect("labelled titles");
            for l in &data {
                assert!(!l.site.is_empty(), "{file}: {} has no site", l.title);
                assert_eq!(held_out(&l.site), want, "{file}: {} ({})", l.site, l.title);
                assert!(titles.insert(l.title.clone()), "{file}: twice: {}", l.title);
                sites.insert(l.site.clone());
            }
        }
        assert!(
            titles.len() >= 400 && sites.len() >= 40,
            "{} titles, {} sites",
            titles.len(),
            sites.len()
        );
    }
}
