//! The score stage: a site's classified items and crawl facts, an as-of date
//! and a window in; a scorecard out. Every formula is here.
//!
//! - category shares are over items published in the window `[since, as_of]`;
//! - substantive share = items not `routine` or `other` / items in window;
//! - interpretation coverage = `interpretation` items / `decision` items;
//! - key-area coverage = areas with at least one item in the window;
//! - a column is stale when its newest item is older than its kind's limit
//!   (or it has items but none dated), empty when it has no item;
//! - the overall score and grade use the weights of the rule pack
//!   (`rules/pack.toml`, documented there).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod inspect;

use crate::classify::RulePack;
use crate::classify::taxonomy::{CATEGORIES, KEY_AREAS, is_substantive};
use crate::model::{BrokenLink, ClassifiedItem, CrawlStats, SiteCrawl};

/// The window a scorecard covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// First day (inclusive).
    pub since: NaiveDate,
    /// Last day (inclusive): the as-of date.
    pub as_of: NaiveDate,
}

impl Window {
    /// The 12 months before `as_of`.
    #[must_use]
    pub fn year_before(as_of: NaiveDate) -> Self {
        let since = as_of
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(as_of);
        Self { since, as_of }
    }

    /// Whether a date is inside.
    #[must_use]
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.since && d <= self.as_of
    }
}

/// One category's figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryFigure {
    /// Category id.
    pub id: String,
    /// Items in the window.
    pub count: usize,
    /// Share of items in the window.
    pub share: f64,
}

/// What decided the category of the items in the window: how much of the
/// category table rests on the titles' own words, and how much on weaker
/// evidence (the column's name, the URL's path, a headline's punctuation)
/// or on none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    /// Decided by words of the title.
    pub title: usize,
    /// Decided with the column's name (`column.*` rules).
    pub column: usize,
    /// Decided by the URL's path alone (`url.*` rules).
    pub url: usize,
    /// Decided by a headline's punctuation (`routine.headline_style`, and
    /// `routine.headline_in_column`, which outweighs a column's name).
    pub punctuation: usize,
    /// No rule matched: counted as `other`.
    pub none: usize,
}

impl Basis {
    /// The share of the counted items whose category rests on weaker
    /// evidence than the title's words: the column, the URL, punctuation, or
    /// nothing (0 when there are no items).
    #[must_use]
    pub fn weak_share(&self) -> f64 {
        let weak = self.column + self.url + self.punctuation + self.none;
        ratio(weak, weak + self.title)
    }

    /// Counts the deciding rules of `items`.
    #[must_use]
    pub fn of<'a>(items: impl IntoIterator<Item = &'a ClassifiedItem>) -> Self {
        let mut b = Self::default();
        for i in items {
            let rule = &*i.verdict.rule;
            let slot = if rule == crate::classify::engine::NO_RULE {
                &mut b.none
            } else if rule.starts_with("column.") {
                &mut b.column
            } else if rule.starts_with("url.") {
                &mut b.url
            } else if matches!(
                rule,
                "routine.headline_style" | "routine.headline_in_column"
            ) {
                &mut b.punctuation
            } else {
                &mut b.title
            };
            *slot += 1;
        }
        b
    }
}

/// One column's timeliness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnFigure {
    /// Column name.
    pub name: String,
    /// First list page.
    pub url: String,
    /// Inferred kind id (news, notice, policy, personnel, planning).
    pub kind: String,
    /// How the kind was decided: `override` (the pack's column_type table),
    /// `name` (a keyword of the column name), `items` (most of its items are
    /// news or documents), or `default`.
    #[serde(default)]
    pub kind_source: String,
    /// The kind's limit in days.
    pub max_age_days: i64,
    /// Items found (any date).
    pub items: usize,
    /// Items in the window.
    pub items_in_window: usize,
    /// Newest dated item.
    pub newest: Option<NaiveDate>,
    /// Days from the newest item to the as-of date.
    pub age_days: Option<i64>,
    /// Older than the limit (or nothing dated).
    pub stale: bool,
    /// No items at all.
    pub empty: bool,
}

/// The components of the overall score, each in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Components {
    /// Substantive share against its target.
    pub substance: f64,
    /// Interpretation coverage against its target.
    pub interpretation: f64,
    /// Key areas covered / all key areas.
    pub key_areas: f64,
    /// Columns neither stale nor empty / columns.
    pub timeliness: f64,
    /// Link health.
    pub links: f64,
}

/// A site's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Site name.
    pub site: String,
    /// Start URL.
    pub url: String,
    /// The window.
    pub window: Window,
    /// Rule pack name and version.
    pub rules: String,
    /// Items found (any date).
    pub items_total: usize,
    /// Items published in the window.
    pub items_in_window: usize,
    /// Items with no date anywhere.
    pub undated: usize,
    /// Per category, in taxonomy order.
    pub categories: Vec<CategoryFigure>,
    /// What decided those categories.
    #[serde(default)]
    pub basis: Basis,
    /// Substantive share in the window.
    pub substantive_share: f64,
    /// Routine share in the window.
    pub routine_share: f64,
    /// `decision` items in the window.
    pub decisions: usize,
    /// `interpretation` items in the window.
    pub interpretations: usize,
    /// Interpretations per decision (none when there are no decisions).
    pub interpretation_coverage: Option<f64>,
    /// Key areas with at least one item in the window.
    pub key_areas_covered: Vec<String>,
    /// Key areas with none.
    pub key_areas_missing: Vec<String>,
    /// Columns and their timeliness.
    pub columns: Vec<ColumnFigure>,
    /// Stale columns.
    pub stale_columns: usize,
    /// Empty columns.
    pub empty_columns: usize,
    /// Links checked (pages and attachments).
    pub links_checked: u64,
    /// Broken links.
    pub broken: Vec<BrokenLink>,
    /// Crawl statistics.
    pub crawl: CrawlStats,
    /// Why the figures are partial, if they are.
    pub partial: Option<String>,
    /// Score components.
    pub components: Components,
    /// Overall score, 0–100.
    pub score: f64,
    /// Grade id.
    pub grade: String,
    /// Grade name (优/良/中/差).
    pub grade_name: String,
    /// Change since the previous run of the same site, when there is one.
    #[serde(default)]
    pub trend: Option<Trend>,
    /// The inspection checks.
    pub inspection: inspect::Inspection,
}

/// The change of a site's scorecard since its previous run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// The previous run's id.
    pub previous_run: i64,
    /// The previous run's as-of date.
    pub previous_as_of: NaiveDate,
    /// Score now minus score then.
    pub score_delta: f64,
    /// Routine share now minus then.
    pub routine_share_delta: f64,
    /// Substantive share now minus then.
    pub substantive_share_delta: f64,
    /// Columns stale now that were not stale then.
    pub newly_stale: Vec<String>,
    /// Broken links now that were not broken then.
    pub newly_broken: Vec<String>,
    /// Items whose URL the previous run did not have.
    pub new_items: usize,
}

/// Compares a scorecard with the previous one of the same site.
#[must_use]
pub fn trend<'a>(
    now: &Scorecard,
    items: &[ClassifiedItem],
    previous_run: i64,
    then: &Scorecard,
    then_urls: impl IntoIterator<Item = &'a str>,
) -> Trend {
    let old: std::collections::HashSet<&str> = then_urls.into_iter().collect();
    let was_stale: std::collections::HashSet<&str> = then
        .columns
        .iter()
        .filter(|c| c.stale)
        .map(|c| c.url.as_str())
        .collect();
    let was_broken: std::collections::HashSet<&str> =
        then.broken.iter().map(|b| b.url.as_str()).collect();
    Trend {
        previous_run,
        previous_as_of: then.window.as_of,
        score_delta: ((now.score - then.score) * 10.0).round() / 10.0,
        routine_share_delta: now.routine_share - then.routine_share,
        substantive_share_delta: now.substantive_share - then.substantive_share,
        newly_stale: now
            .columns
            .iter()
            .filter(|c| c.stale && !was_stale.contains(c.url.as_str()))
            .map(|c| c.name.clone())
            .collect(),
        newly_broken: now
            .broken
            .iter()
            .filter(|b| !was_broken.contains(b.url.as_str()))
            .map(|b| b.url.clone())
            .collect(),
        new_items: items
            .iter()
            .filter(|i| !old.contains(i.item.url.as_str()))
            .count(),
    }
}

/// The column kind: a correction from the pack's `column_type` table, else a
/// keyword of the name, else what most of its items are (news → news-type,
/// documents and interpretations → policy-type), else the default kind.
#[must_use]
pub fn infer_kind<'p>(
    pack: &'p RulePack,
    column: &crate::model::Column,
    items: &[&ClassifiedItem],
) -> (&'p crate::classify::rules::ColumnKind, &'static str) {
    let (name, url) = (column.name.as_str(), column.url.as_str());
    let by_id = |id: &str| pack.column_kinds.iter().find(|k| k.id == id);
    for o in &pack.column_types {
        let hit = o.name_contains.as_deref().is_some_and(|n| name.contains(n))
            || o.url_contains.as_deref().is_some_and(|u| url.contains(u));
        if let Some(k) = by_id(&o.kind).filter(|_| hit) {
            return (k, "override");
        }
    }
    let keyword_kind = |text: &str| {
        pack.column_kinds
            .iter()
            .find(|k| k.keywords.iter().any(|w| text.contains(w.as_str())))
    };
    if let Some(k) = column.column_type.as_deref().and_then(keyword_kind) {
        return (k, "meta");
    }
    if let Some(k) = keyword_kind(name) {
        return (k, "name");
    }
    let n = items.len();
    if n >= 3 {
        let share = |cats: &[&str]| {
            items
                .iter()
                .filter(|i| cats.contains(&&*i.verdict.category))
                .count()
                * 10
                >= n * 7
        };
        let kind = if share(&["routine"]) {
            by_id("news")
        } else if share(&["decision", "interpretation"]) {
            by_id("policy")
        } else {
            None
        };
        if let Some(k) = kind {
            return (k, "items");
        }
    }
    (
        pack.column_kinds.last().expect("a pack has column kinds"),
        "default",
    )
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Computes a scorecard.
#[must_use]
pub fn score_site(
    crawl: &SiteCrawl,
    items: &[ClassifiedItem],
    window: Window,
    pack: &RulePack,
) -> Scorecard {
    let full_crawl = crawl;
    let (site, url, columns, broken, crawl) = (
        &crawl.site,
        &crawl.start_url,
        &crawl.columns,
        &crawl.broken,
        &crawl.stats,
    );
    let in_window: Vec<&ClassifiedItem> = items
        .iter()
        .filter(|i| i.item.published.is_some_and(|d| window.contains(d)))
        .collect();
    let n = in_window.len();
    let categories: Vec<CategoryFigure> = CATEGORIES
        .iter()
        .map(|(id, _, _)| {
            let count = in_window
                .iter()
                .filter(|i| *i.verdict.category == **id)
                .count();
            CategoryFigure {
                id: (*id).to_owned(),
                count,
                share: ratio(count, n),
            }
        })
        .collect();
    let count_of = |id: &str| {
        categories
            .iter()
            .find(|c| c.id == id)
            .map_or(0, |c| c.count)
    };
    let substantive = in_window
        .iter()
        .filter(|i| is_substantive(&i.verdict.category))
        .count();
    let decisions = count_of("decision");
    let routine_share = ratio(count_of("routine"), n);
    let interpretations = count_of("interpretation");
    let (covered, missing): (Vec<_>, Vec<_>) = KEY_AREAS
        .iter()
        .map(|(id, _, _)| (*id).to_owned())
        .partition(|id| {
            in_window
                .iter()
                .any(|i| i.verdict.key_area.as_deref() == Some(id.as_str()))
        });

    let mut col_figs = Vec::new();
    for c in columns {
        let mine: Vec<&ClassifiedItem> = items
            .iter()
            .filter(|i| i.item.column_url == c.url)
            .collect();
        let (kind, kind_source) = infer_kind(pack, c, &mine);
        let newest = mine
            .iter()
            .filter_map(|i| i.item.published)
            .filter(|d| *d <= window.as_of)
            .max();
        let age_days = newest.map(|d| (window.as_of - d).num_days());
        let empty = mine.is_empty();
        col_figs.push(ColumnFigure {
            name: c.name.clone(),
            url: c.url.clone(),
            kind: kind.id.clone(),
            kind_source: kind_source.to_owned(),
            max_age_days: kind.max_age_days,
            items: mine.len(),
            items_in_window: mine
                .iter()
                .filter(|i| i.item.published.is_some_and(|d| window.contains(d)))
                .count(),
            newest,
            age_days,
            stale: !empty && age_days.is_none_or(|a| a > kind.max_age_days),
            empty,
        });
    }
    let stale_columns = col_figs.iter().filter(|c| c.stale).count();
    let empty_columns = col_figs.iter().filter(|c| c.empty).count();
    let links_checked = crawl.pages_ok + crawl.pages_failed + crawl.attachments;

    let s = &pack.scoring;
    let substantive_share = ratio(substantive, n);
    let coverage = (decisions > 0).then(|| ratio(interpretations, decisions));
    let components = Components {
        substance: (substantive_share / s.target_substantive_share).min(1.0),
        interpretation: coverage.map_or(1.0, |c| (c / s.target_interpretation_ratio).min(1.0)),
        key_areas: ratio(covered.len(), KEY_AREAS.len()),
        timeliness: if col_figs.is_empty() {
            0.0
        } else {
            1.0 - ratio(stale_columns + empty_columns, col_figs.len())
        },
        links: if links_checked == 0 {
            0.0
        } else {
            (1.0 - (broken.len() as f64 / links_checked as f64) / s.broken_link_zero_at).max(0.0)
        },
    };
    let weights = s.weight_substance
        + s.weight_interpretation
        + s.weight_key_areas
        + s.weight_timeliness
        + s.weight_links;
    let score = if n == 0 && items.is_empty() {
        0.0
    } else {
        100.0
            * (s.weight_substance * components.substance
                + s.weight_interpretation * components.interpretation
                + s.weight_key_areas * components.key_areas
                + s.weight_timeliness * components.timeliness
                + s.weight_links * components.links)
            / weights
    };
    let score = (score * 10.0).round() / 10.0;
    let inspection = inspect::inspect(full_crawl, items, &col_figs, window.as_of, pack);
    let grade = pack.grade_for(score);
    let partial = crawl.fatal.clone().or_else(|| {
        crawl.bound.map(|b| {
            format!(
                "the crawl stopped at a bound ({}) with {} URLs left uncrawled",
                match b {
                    crate::model::CrawlBound::MaxPages => "--max-pages",
                    crate::model::CrawlBound::SiteTimeout => "--site-timeout",
                    crate::model::CrawlBound::RetryBudget => "retry budget",
                    crate::model::CrawlBound::RequestBudget => "--max-requests",
                },
                crawl.left_uncrawled
            )
        })
    });
    Scorecard {
        site: site.clone(),
        url: url.clone(),
        window,
        rules: format!("{} {}", pack.info.name, pack.info.version),
        items_total: items.len(),
        items_in_window: n,
        undated: items.iter().filter(|i| i.item.published.is_none()).count(),
        categories,
        basis: Basis::of(in_window.iter().copied()),
        substantive_share,
        routine_share,
        decisions,
        interpretations,
        interpretation_coverage: coverage,
        key_areas_covered: covered,
        key_areas_missing: missing,
        columns: col_figs,
        stale_columns,
        empty_columns,
        links_checked,
        broken: broken.to_vec(),
        crawl: crawl.clone(),
        partial,
        components,
        score,
        grade: grade.id.clone(),
        grade_name: grade.name.clone(),
        trend: None,
        inspection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, CrawlStats, DateSource, Item, SiteCrawl, Verdict};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(col: &str, date: Option<&str>, cat: &str, area: Option<&str>) -> ClassifiedItem {
        ClassifiedItem {
            item: Item {
                url: format!("http://x/{col}/{}.html", date.unwrap_or("none")),
                title: "t".into(),
                column: col.into(),
                column_url: format!("http://x/{col}/index.html"),
                published: date.map(d),
                date_source: DateSource::List,
                detail_status: 200,
                detail: None,
            },
            verdict: Verdict {
                category: cat.into(),
                key_area: area.map(Into::into),
                rule: "r".into(),
                matched: vec![],
            },
        }
    }

    #[test]
    fn basis_counts_what_decided_each_category() {
        let with_rule = |rule: &str| {
            let mut i = item("a", Some("2026-05-01"), "routine", None);
            i.verdict.rule = rule.into();
            i
        };
        let items: Vec<ClassifiedItem> = [
            "routine.news",
            "routine.headline_verb",
            "decision.issued",
            "column.decision",
            "column.interpretation",
            "url.result",
            "routine.headline_style",
            "routine.headline_in_column",
            crate::classify::engine::NO_RULE,
        ]
        .into_iter()
        .map(with_rule)
        .collect();
        assert_eq!(
            Basis::of(&items),
            Basis {
                title: 3,
                column: 2,
                url: 1,
                punctuation: 2,
                none: 1
            }
        );
        assert!((Basis::of(&items).weak_share() - 6.0 / 9.0).abs() < 1e-9);
        assert!(Basis::default().weak_share().abs() < f64::EPSILON);
    }

    fn crawl(cols: &[&str], broken: usize, pages: u64) -> SiteCrawl {
        SiteCrawl {
            site: "s".into(),
            start_url: "http://x/".into(),
            items: vec![],
            columns: cols
                .iter()
                .map(|c| Column {
                    name: (*c).into(),
                    url: format!("http://x/{c}/index.html"),
                    pages: 1,
                    marked_empty: false,
                    column_type: None,
                })
                .collect(),
            broken: (0..broken)
                .map(|i| BrokenLink {
                    url: format!("http://x/b{i}"),
                    referrer: String::new(),
                    status: 404,
                    error: "HTTP 404".into(),
                    attachment: false,
                })
                .collect(),
            stats: CrawlStats {
                pages_ok: pages,
                ..CrawlStats::default()
            },
            ..SiteCrawl::default()
        }
    }

    #[test]
    fn shares_coverage_and_window() {
        let pack = RulePack::builtin();
        let w = Window::year_before(d("2026-06-30"));
        assert_eq!(w.since, d("2025-06-30"));
        let items = vec![
            item("工作动态", Some("2026-06-25"), "routine", None),
            item("工作动态", Some("2026-06-20"), "routine", Some("safety")),
            item(
                "政策文件",
                Some("2026-05-01"),
                "decision",
                Some("education"),
            ),
            item("政策文件", Some("2026-04-01"), "decision", None),
            item(
                "政策解读",
                Some("2026-05-02"),
                "interpretation",
                Some("education"),
            ),
            item("政策文件", Some("2024-01-01"), "decision", Some("fiscal")), // outside the window
            item("政策文件", None, "decision", None),                         // undated
        ];
        let c = score_site(
            &crawl(&["工作动态", "政策文件", "政策解读"], 0, 10),
            &items,
            w,
            &pack,
        );
        assert_eq!(c.items_total, 7);
        assert_eq!(c.items_in_window, 5);
        assert_eq!(c.undated, 1);
        assert!((c.routine_share - 0.4).abs() < 1e-9);
        assert!((c.substantive_share - 0.6).abs() < 1e-9);
        assert_eq!(c.interpretation_coverage, Some(0.5));
        assert_eq!(
            c.key_areas_covered,
            vec!["education".to_owned(), "safety".to_owned()]
        );
        assert_eq!(c.key_areas_missing.len(), 13);
        let share_sum: f64 = c.categories.iter().map(|f| f.share).sum();
        assert!((share_sum - 1.0).abs() < 1e-9);
    }

    #[test]
    fn timeliness_by_column_kind() {
        let pack = RulePack::builtin();
        let w = Window::year_before(d("2026-06-30"));
        let items = vec![
            item("工作动态", Some("2026-06-16"), "routine", None), // 14 days: fresh
            item("乡镇动态", Some("2026-06-15"), "routine", None), // 15 days: stale news
            item("人事信息", Some("2025-07-01"), "management", None), // 364 days: fresh
            item("通知公告", None, "other", None),                 // nothing dated: stale
        ];
        let c = score_site(
            &crawl(
                &["工作动态", "乡镇动态", "人事信息", "通知公告", "规划计划"],
                0,
                10,
            ),
            &items,
            w,
            &pack,
        );
        let by = |n: &str| c.columns.iter().find(|f| f.name == n).unwrap().clone();
        assert_eq!(
            (by("工作动态").kind.as_str(), by("工作动态").stale),
            ("news", false)
        );
        assert_eq!(
            (by("乡镇动态").kind.as_str(), by("乡镇动态").stale),
            ("news", true)
        );
        assert_eq!(
            (by("人事信息").kind.as_str(), by("人事信息").stale),
            ("personnel", false)
        );
        assert!(by("通知公告").stale);
        assert!(by("规划计划").empty && !by("规划计划").stale);
        assert_eq!((c.stale_columns, c.empty_columns), (2, 1));
    }

    #[test]
    fn column_kind_overrides_and_item_evidence() {
        let mut pack = RulePack::builtin();
        let w = Window::year_before(d("2026-06-30"));
        let items = vec![
            item("专题专栏", Some("2026-06-01"), "routine", None),
            item("专题专栏", Some("2026-05-01"), "routine", None),
            item("专题专栏", Some("2026-04-01"), "routine", None),
            item("领导活动", Some("2026-06-01"), "routine", None),
        ];
        let cols = ["专题专栏", "领导活动"];
        let c = score_site(&crawl(&cols, 0, 10), &items, w, &pack);
        let by = |c: &Scorecard, n: &str| c.columns.iter().find(|f| f.name == n).unwrap().clone();
        let f = by(&c, "专题专栏");
        assert_eq!(
            (f.kind.as_str(), f.kind_source.as_str(), f.stale),
            ("news", "items", true)
        );
        assert_eq!(by(&c, "领导活动").kind_source, "default");
        pack.column_types
            .push(crate::classify::rules::ColumnTypeOverride {
                name_contains: Some("领导活动".into()),
                url_contains: None,
                kind: "news".into(),
            });
        let c = score_site(&crawl(&cols, 0, 10), &items, w, &pack);
        let f = by(&c, "领导活动");
        assert_eq!(
            (f.kind.as_str(), f.kind_source.as_str(), f.max_age_days),
            ("news", "override", 14)
        );
    }

    #[test]
    fn column_type_meta_decides_before_the_name() {
        let pack = RulePack::builtin();
        let col = Column {
            name: "专题栏目".into(),
            url: "http://x/zt/".into(),
            pages: 1,
            marked_empty: false,
            column_type: Some("政务动态".into()),
        };
        let (k, src) = infer_kind(&pack, &col, &[]);
        assert_eq!((k.id.as_str(), src), ("news", "meta"));
        let col = Column {
            column_type: None,
            ..col
        };
        assert_eq!(infer_kind(&pack, &col, &[]).1, "default");
    }

    #[test]
    fn overall_score_formula() {
        let pack = RulePack::builtin();
        let s = &pack.scoring;
        let w = Window::year_before(d("2026-06-30"));
        // 3 of 5 substantive (0.6 = target), 1 interpretation for 2 decisions,
        // 2 of 15 areas, 1 of 2 columns stale, 1 broken of 10 pages.
        let items = vec![
            item("工作动态", Some("2026-06-29"), "routine", Some("safety")),
            item("工作动态", Some("2026-06-28"), "routine", None),
            item("乡镇动态", Some("2026-01-01"), "decision", Some("health")),
            item("乡镇动态", Some("2026-01-02"), "decision", None),
            item("乡镇动态", Some("2026-01-03"), "interpretation", None),
        ];
        let c = score_site(&crawl(&["工作动态", "乡镇动态"], 1, 10), &items, w, &pack);
        let comp = [
            (
                s.weight_substance,
                (0.6 / s.target_substantive_share).min(1.0),
            ),
            (
                s.weight_interpretation,
                (0.5 / s.target_interpretation_ratio).min(1.0),
            ),
            (s.weight_key_areas, 2.0 / 15.0),
            (s.weight_timeliness, 0.5),
            (s.weight_links, (1.0 - 0.1 / s.broken_link_zero_at).max(0.0)),
        ];
        let want = 100.0 * comp.iter().map(|(w, v)| w * v).sum::<f64>()
            / comp.iter().map(|(w, _)| w).sum::<f64>();
        assert!(
            (c.score - (want * 10.0).round() / 10.0).abs() < 1e-9,
            "{} vs {want}",
            c.score
        );
        assert_eq!(c.grade, pack.grade_for(c.score).id);
        assert!((c.components.timeliness - 0.5).abs() < 1e-9);
    }
}
