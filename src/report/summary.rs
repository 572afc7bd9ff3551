//! The multi-site summary of a batch: `summary.csv` and `summary.md`, ranked
//! by score, with the batch's median and spread, failures as error rows.

use std::fmt::Write as _;
use std::io::Write;

use super::{Lang, sanitize};
use crate::score::Scorecard;
use crate::score::inspect::finding_ids;

/// One row of the summary: a site's scorecard, or its error.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    /// Site name.
    pub name: String,
    /// Start URL (as given).
    pub url: String,
    /// Extra columns from the sites file.
    pub extra: Vec<(String, String)>,
    /// The scorecard, when the site could be audited.
    pub card: Option<Scorecard>,
    /// Why the site could not be audited (or the row not used).
    pub error: Option<String>,
}

impl SummaryRow {
    fn failed(&self) -> bool {
        self.card
            .as_ref()
            .is_none_or(|c| c.crawl.fatal.is_some() && c.items_total == 0)
    }
    fn error_text(&self) -> String {
        self.error
            .clone()
            .or_else(|| self.card.as_ref().and_then(|c| c.crawl.fatal.clone()))
            .unwrap_or_default()
    }
}

/// Ranks rows: audited sites by score (highest first, then name), failures last.
pub fn rank(rows: &mut [SummaryRow]) {
    rows.sort_by(|a, b| {
        a.failed().cmp(&b.failed()).then_with(|| {
            let (sa, sb) = (
                a.card.as_ref().map_or(0.0, |c| c.score),
                b.card.as_ref().map_or(0.0, |c| c.score),
            );
            sb.total_cmp(&sa).then_with(|| a.name.cmp(&b.name))
        })
    });
}

/// Median, quartiles, minimum and maximum of the audited sites' scores.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Spread {
    /// Sites with a score.
    pub n: usize,
    /// Median.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
    /// Lowest.
    pub min: f64,
    /// Highest.
    pub max: f64,
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The spread of scores, when at least one site was audited.
#[must_use]
pub fn spread(rows: &[SummaryRow]) -> Option<Spread> {
    let mut s: Vec<f64> = rows
        .iter()
        .filter(|r| !r.failed())
        .filter_map(|r| r.card.as_ref().map(|c| c.score))
        .collect();
    if s.is_empty() {
        return None;
    }
    s.sort_by(f64::total_cmp);
    Some(Spread {
        n: s.len(),
        median: quantile(&s, 0.5),
        q1: quantile(&s, 0.25),
        q3: quantile(&s, 0.75),
        min: s[0],
        max: s[s.len() - 1],
    })
}

fn extra_keys(rows: &[SummaryRow]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for r in rows {
        for (k, _) in &r.extra {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys
}

/// Writes `summary.csv`.
///
/// # Errors
/// When the writer fails.
pub fn write_csv(w: &mut dyn Write, rows: &[SummaryRow], bom: bool) -> std::io::Result<()> {
    if bom {
        w.write_all(super::csv::BOM)?;
    }
    let keys = extra_keys(rows);
    let mut c = ::csv::Writer::from_writer(w);
    let mut h: Vec<String> = vec!["rank".into(), "name".into(), "url".into()];
    h.extend(keys.iter().cloned());
    h.extend(
        [
            "score",
            "grade",
            "routine_share",
            "substantive_share",
            "interpretation_coverage",
            "key_areas_missing_count",
            "key_areas_missing",
            "stale_columns",
            "empty_columns",
            "broken_links",
            "items_total",
            "items_in_window",
            "weak_evidence_share",
            "pages_crawled",
            "partial",
            "score_delta",
            "new_items",
            "newly_stale",
            "verdict",
            "vetoes",
            "warnings",
            "error",
        ]
        .map(String::from),
    );
    c.write_record(&h)?;
    for (i, r) in rows.iter().enumerate() {
        let mut rec: Vec<String> = vec![
            if r.failed() {
                String::new()
            } else {
                (i + 1).to_string()
            },
            r.name.clone(),
            r.url.clone(),
        ];
        for k in &keys {
            rec.push(
                r.extra
                    .iter()
                    .find(|(x, _)| x == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            );
        }
        match (&r.card, r.failed()) {
            (Some(s), false) => {
                let tr = s.trend.as_ref();
                rec.extend([
                    format!("{:.1}", s.score),
                    s.grade.clone(),
                    format!("{:.4}", s.routine_share),
                    format!("{:.4}", s.substantive_share),
                    s.interpretation_coverage
                        .map(|v| format!("{v:.4}"))
                        .unwrap_or_default(),
                    s.key_areas_missing.len().to_string(),
                    s.key_areas_missing.join("|"),
                    s.stale_columns.to_string(),
                    s.empty_columns.to_string(),
                    s.broken.len().to_string(),
                    s.items_total.to_string(),
                    s.items_in_window.to_string(),
                    format!("{:.4}", s.basis.weak_share()),
                    s.crawl.pages_ok.to_string(),
                    s.partial.clone().unwrap_or_default(),
                    tr.map(|t| format!("{:+.1}", t.score_delta))
                        .unwrap_or_default(),
                    tr.map(|t| t.new_items.to_string()).unwrap_or_default(),
                    tr.map(|t| t.newly_stale.join("|")).unwrap_or_default(),
                    if s.inspection.pass {
                        "合格"
                    } else {
                        "不合格"
                    }
                    .to_owned(),
                    finding_ids(&s.inspection.vetoes),
                    finding_ids(&s.inspection.warnings),
                    String::new(),
                ]);
            }
            _ => {
                rec.extend(std::iter::repeat_n(String::new(), 21));
                rec.push(r.error_text());
            }
        }
        c.write_record(&rec)?;
    }
    c.flush()?;
    Ok(())
}

/// Renders `summary.md`.
#[must_use]
pub fn render_md(rows: &[SummaryRow], title: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", sanitize(title));
    let failed = rows.iter().filter(|r| r.failed()).count();
    let _ = writeln!(
        o,
        "- {}：{}（{} {}，{} {}）",
        t("站点", "Sites"),
        rows.len(),
        rows.len() - failed,
        t("个完成评估", "audited"),
        failed,
        t("个失败", "failed")
    );
    if let Some(sp) = spread(rows) {
        let _ = writeln!(
            o,
            "- {}：{:.1}；{}：{:.1}–{:.1}；{}：{:.1}–{:.1}",
            t("得分中位数", "Median score"),
            sp.median,
            t("四分位区间", "Interquartile range"),
            sp.q1,
            sp.q3,
            t("最低–最高", "Lowest–highest"),
            sp.min,
            sp.max
        );
    }
    if let Some(c) = rows.iter().find_map(|r| r.card.as_ref()) {
        let _ = writeln!(
            o,
            "- {}：{} {} {}；{}：{}",
            t("评估窗口", "Window"),
            c.window.since,
            t("至", "to"),
            c.window.as_of,
            t("规则包", "Rule pack"),
            c.rules
        );
    }
    let _ = writeln!(o, "\n## {}\n", t("排名", "Ranking"));
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n|---:|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|",
        t("名次", "Rank"),
        t("单位", "Unit"),
        t("得分", "Score"),
        t("等级", "Grade"),
        t("结论", "Verdict"),
        t("日常动态", "Routine"),
        t("实质公开", "Substantive"),
        t("解读/文件", "Interp./decision"),
        t("缺失领域", "Areas missing"),
        t("不及时/空栏目", "Stale/empty"),
        t("断链", "Broken"),
        t("较上次", "Change")
    );
    for (i, r) in rows.iter().enumerate() {
        let Some(s) = r.card.as_ref().filter(|_| !r.failed()) else {
            continue;
        };
        let _ = writeln!(
            o,
            "| {} | [{}](sites/{}/scorecard.md) | {:.1} | {} {} | {} | {:.1}% | {:.1}% | {} | {} | {} / {} | {} | {} |",
            i + 1,
            sanitize(&r.name).replace('|', "｜"),
            site_dir_name(&r.name),
            s.score,
            s.grade,
            s.grade_name,
            if s.inspection.pass {
                t("合格", "pass")
            } else {
                t("不合格", "fail")
            },
            s.routine_share * 100.0,
            s.substantive_share * 100.0,
            s.interpretation_coverage
                .map_or("-".into(), |v| format!("{v:.2}")),
            s.key_areas_missing.len(),
            s.stale_columns,
            s.empty_columns,
            s.broken.len(),
            s.trend
                .as_ref()
                .map_or("-".into(), |t| format!("{:+.1}", t.score_delta))
        );
    }
    if failed > 0 {
        let _ = writeln!(
            o,
            "\n## {}\n",
            t("未能评估的站点", "Sites that could not be audited")
        );
        for r in rows.iter().filter(|r| r.failed()) {
            let _ = writeln!(
                o,
                "- {}（{}）：{}",
                sanitize(&r.name),
                r.url,
                sanitize(&r.error_text())
            );
        }
    }
    o
}

/// The folder name for a site's reports: its name with path separators and
/// control characters replaced.
#[must_use]
pub fn site_dir_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let s = s.trim().trim_matches('.').to_owned();
    if s.is_empty() { "_".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_and_dir_names() {
        let s = [1.0, 2.0, 3.0, 4.0];
        assert!((quantile(&s, 0.5) - 2.5).abs() < 1e-9);
        assert!((quantile(&s, 0.25) - 1.75).abs() < 1e-9);
        assert_eq!(site_dir_name("a/b:c"), "a_b_c");
        assert_eq!(site_dir_name(".."), "_");
    }
}
