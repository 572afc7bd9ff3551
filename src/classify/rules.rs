//! Loading and checking a rule pack: `pack.toml` (scoring weights, grades,
//! column kinds), `categories.toml` (category rules), `key_areas.toml`.
//!
//! Every error names the file, the line and the field. The default pack in
//! `rules/` is embedded in the binary.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::taxonomy::{category_index, key_area_index};

/// The names of the files of a rule pack.
pub const PACK_FILES: [&str; 3] = ["pack.toml", "categories.toml", "key_areas.toml"];

const BUILTIN: [(&str, &str); 3] = [
    ("pack.toml", include_str!("../../rules/pack.toml")),
    (
        "categories.toml",
        include_str!("../../rules/categories.toml"),
    ),
    ("key_areas.toml", include_str!("../../rules/key_areas.toml")),
];

/// The embedded pack's files, named `built-in/<file>`.
fn builtin_files() -> [(String, String); 3] {
    BUILTIN.map(|(n, t)| (format!("built-in/{n}"), t.to_owned()))
}

/// A problem in a rule pack, located by file, line and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (path, or `built-in/<name>`).
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// The rule or entry id, when known.
    pub entry: Option<String>,
    /// The field the problem is in.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// Whether it stops the pack from loading.
    pub fatal: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(e) = &self.entry {
            write!(f, "`{e}`: ")?;
        }
        write!(f, "field `{}`: {}", self.field, self.message)
    }
}

/// A rule pack that failed to load.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid rule pack: {}", .problems.iter().filter(|p| p.fatal).map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct RulesError {
    /// Every problem found (fatal and not).
    pub problems: Vec<Problem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategories {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    category: Spanned<String>,
    priority: Spanned<i64>,
    #[serde(default)]
    description: String,
    title_any: Option<Spanned<Vec<String>>>,
    title_all: Option<Spanned<Vec<String>>>,
    title_none: Option<Spanned<Vec<String>>>,
    column_any: Option<Spanned<Vec<String>>>,
    column_none: Option<Spanned<Vec<String>>>,
    url_any: Option<Spanned<Vec<String>>>,
    title_suffix: Option<Spanned<Vec<String>>>,
    suffix_none: Option<Spanned<Vec<String>>>,
    min_chars: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAreas {
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    no_area: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    reply_markers: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    issuers: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    internal_markers: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    area: Vec<RawArea>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: Spanned<String>,
    keywords: Spanned<Vec<String>>,
    #[serde(default)]
    dominant_keywords: Vec<String>,
    #[serde(default)]
    weak_keywords: Vec<String>,
    #[serde(default)]
    column_keywords: Vec<String>,
    #[serde(default)]
    url_keywords: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: PackInfo,
    scoring: Scoring,
    grade: Vec<Grade>,
    column_kind: Vec<RawColumnKind>,
    inspection: InspectionRules,
    #[serde(default)]
    column_type: Vec<ColumnTypeOverride>,
    #[serde(default)]
    mandatory: Vec<MandatoryPart>,
}

/// Thresholds of the inspection checks (国办秘函〔2019〕19号 single-veto
/// indicators, and the amber warnings before them).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionRules {
    /// The homepage's newest item may be at most this old (days); older is a veto.
    pub homepage_veto_days: i64,
    /// Amber warning when the homepage's newest item is older than this (days).
    pub homepage_warn_days: i64,
    /// Stale columns at or above this count are a veto.
    pub stale_columns_veto: usize,
    /// Empty columns at or above this count are a veto.
    pub empty_columns_veto: usize,
    /// Amber warning when stale columns are more than this.
    pub stale_columns_warn: usize,
    /// Amber warning when empty columns are more than this.
    pub empty_columns_warn: usize,
    /// Dates before this are implausible (before the site could have existed).
    pub earliest_date: chrono::NaiveDate,
    /// The annual disclosure report for year Y is due by this month and day of year Y+1 (MM-DD).
    pub annual_report_deadline: String,
}

/// A correction of the inferred column type, by column name or URL.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnTypeOverride {
    /// Applies when the column name contains this.
    #[serde(default)]
    pub name_contains: Option<String>,
    /// Applies when the column URL contains this.
    #[serde(default)]
    pub url_contains: Option<String>,
    /// The kind id to use.
    pub kind: String,
}

/// A required part of the disclosure platform, found by link or column text.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct MandatoryPart {
    /// Its name.
    pub name: String,
    /// Texts that name it.
    pub keywords: Vec<String>,
}

/// Name and version of a pack.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// Pack name.
    pub name: String,
    /// Pack version.
    pub version: String,
}

/// Weights and targets of the overall score (see `score`).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Weight of the substantive-share component.
    pub weight_substance: f64,
    /// Weight of the interpretation-coverage component.
    pub weight_interpretation: f64,
    /// Weight of the key-area coverage component.
    pub weight_key_areas: f64,
    /// Weight of the column-timeliness component.
    pub weight_timeliness: f64,
    /// Weight of the link-health component.
    pub weight_links: f64,
    /// Substantive share that earns the full substance component.
    pub target_substantive_share: f64,
    /// Interpretations per decision that earn the full interpretation component.
    pub target_interpretation_ratio: f64,
    /// Share of broken links at which the link component reaches zero.
    pub broken_link_zero_at: f64,
}

/// A grade band: the grade given from `min_score` up.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Grade label (e.g. `A`).
    pub id: String,
    /// Chinese label (e.g. 优).
    pub name: String,
    /// Lowest score that earns it.
    pub min_score: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumnKind {
    id: Spanned<String>,
    name: String,
    max_age_days: i64,
    #[serde(default)]
    keywords: Vec<String>,
}

/// A timeliness type of column (news, notice, policy, personnel, planning).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ColumnKind {
    /// Kind id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The newest item may be at most this old (days) before the column is stale.
    pub max_age_days: i64,
    /// Column-name keywords that give this kind (checked in file order).
    pub keywords: Vec<String>,
}

/// One category rule.
#[derive(Debug, Clone)]
pub struct CategoryRule {
    /// Rule id.
    pub id: String,
    /// Category it decides.
    pub category: String,
    /// Higher wins.
    pub priority: i64,
    /// Human description.
    pub description: String,
    /// The title must contain one of these (if any are given).
    pub title_any: Vec<String>,
    /// The title must contain all of these.
    pub title_all: Vec<String>,
    /// The title must contain none of these.
    pub title_none: Vec<String>,
    /// The column name must contain one of these (if any are given).
    pub column_any: Vec<String>,
    /// The column name must contain none of these.
    pub column_none: Vec<String>,
    /// The URL must contain one of these (if any are given).
    pub url_any: Vec<String>,
    /// The title must end with one of these (if any are given), after
    /// trailing white space and a trailing parenthesis are removed.
    pub title_suffix: Vec<String>,
    /// The title must end with none of these, read as `title_suffix` is.
    pub suffix_none: Vec<String>,
    /// The title must have at least this many characters, read as
    /// `title_suffix` is (0: no condition).
    pub min_chars: usize,
    /// Where it was defined (file, line).
    pub origin: (String, usize),
}

/// One key-area definition.
#[derive(Debug, Clone)]
pub struct AreaRule {
    /// Key-area id.
    pub id: String,
    /// Title keywords: the leftmost in the title decides.
    pub keywords: Vec<String>,
    /// Keywords that decide wherever they stand (e.g. 预算 over a department's sector).
    pub dominant_keywords: Vec<String>,
    /// Keywords that decide only when no other area keyword is present (modifiers like 农村).
    pub weak_keywords: Vec<String>,
    /// Column-name keywords, used when the title names no area.
    pub column_keywords: Vec<String>,
    /// URL fragments (a portal's path segment for the area's column, such
    /// as `/shjz/` 社会救助), used when neither title nor column names one.
    pub url_keywords: Vec<String>,
}

/// A loaded, validated rule pack.
#[derive(Debug, Clone)]
pub struct RulePack {
    /// Where it came from (`built-in` or a directory).
    pub source: String,
    /// Name and version.
    pub info: PackInfo,
    /// Category rules, highest priority first (ties by id).
    pub rules: Vec<CategoryRule>,
    /// Key areas, in file order.
    pub areas: Vec<AreaRule>,
    /// Words inside which no area keyword, and no `no_area` word, counts
    /// (人民政府 hides 民政; 领域政府信息公开 hides 政府信息公开).
    pub area_stopwords: Vec<String>,
    /// Title words that mark an item with no key area, whatever else the
    /// title names (政府信息公开工作年度报告: its subject is disclosure),
    /// unless the word stands inside a stopword.
    pub no_area: Vec<String>,
    /// Title words that mark a reply to a deputy's suggestion or a proposal…
    pub reply_markers: Vec<String>,
    /// …in which these department names are the issuer, not the subject:
    /// they name no area there (elsewhere they do: a bureau's penalty or
    /// work summary is in its sector).
    pub issuers: Vec<String>,
    /// Title words of news of a unit's own internal life (学习会, 党课,
    /// 转作风, 演讲赛), in which its name, too, names no area.
    pub internal_markers: Vec<String>,
    /// Column kinds, in file order.
    pub column_kinds: Vec<ColumnKind>,
    /// Score weights and targets.
    pub scoring: Scoring,
    /// Grade bands, highest first.
    pub grades: Vec<Grade>,
    /// Inspection thresholds.
    pub inspection: InspectionRules,
    /// Corrections of inferred column types.
    pub column_types: Vec<ColumnTypeOverride>,
    /// Required parts of the disclosure platform.
    pub mandatory: Vec<MandatoryPart>,
    /// Non-fatal problems found while loading (ties).
    pub warnings: Vec<Problem>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

struct Ctx<'a> {
    file: String,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Ctx<'_> {
    fn add(
        &mut self,
        span: std::ops::Range<usize>,
        entry: Option<&str>,
        field: &str,
        msg: String,
        fatal: bool,
    ) {
        self.problems.push(Problem {
            file: self.file.clone(),
            line: line_of(self.text, span.start),
            entry: entry.map(ToOwned::to_owned),
            field: field.to_owned(),
            message: msg,
            fatal,
        });
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str::<T>(self.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map_or(0, |s| line_of(self.text, s.start));
                let msg = e.message().to_owned();
                let field = field_from_message(&msg);
                self.problems.push(Problem {
                    file: self.file.clone(),
                    line,
                    entry: None,
                    field,
                    message: msg,
                    fatal: true,
                });
                None
            }
        }
    }
}

fn field_from_message(msg: &str) -> String {
    // serde messages name the field in backticks: "missing field `category`".
    msg.split('`').nth(1).unwrap_or("-").to_owned()
}

impl RulePack {
    /// The default pack embedded in the binary.
    ///
    /// # Panics
    /// Never in a released build: a test loads the embedded pack.
    #[must_use]
    pub fn builtin() -> Self {
        let files = builtin_files();
        Self::from_texts("built-in", &files).expect("the embedded rule pack is valid")
    }

    /// Loads a pack from a directory holding the three pack files.
    ///
    /// # Errors
    /// When a file is missing or unreadable, or the pack has a fatal problem.
    pub fn load(dir: &Path) -> Result<Self, RulesError> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for name in PACK_FILES {
            let path: PathBuf = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => files.push((path.display().to_string(), t)),
                Err(e) => problems.push(Problem {
                    file: path.display().to_string(),
                    line: 0,
                    entry: None,
                    field: "-".into(),
                    message: format!("cannot read the file: {e}"),
                    fatal: true,
                }),
            }
        }
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        let files: [(String, String); 3] = files.try_into().expect("three files");
        Self::from_texts(&dir.display().to_string(), &files)
    }

    /// Checks a pack and returns every problem, fatal or not.
    #[must_use]
    pub fn check(dir: Option<&Path>) -> Vec<Problem> {
        let res = match dir {
            Some(d) => Self::load(d),
            None => {
                let files = builtin_files();
                Self::from_texts("built-in", &files)
            }
        };
        match res {
            Ok(p) => p.warnings,
            Err(e) => e.problems,
        }
    }

    fn from_texts(source: &str, files: &[(String, String); 3]) -> Result<Self, RulesError> {
        let mut all = Vec::new();
        let mut pack_ctx = Ctx {
            file: files[0].0.clone(),
            text: &files[0].1,
            problems: vec![],
        };
        let raw_pack: Option<RawPack> = pack_ctx.parse();
        let mut cat_ctx = Ctx {
            file: files[1].0.clone(),
            text: &files[1].1,
            problems: vec![],
        };
        let raw_cats: Option<RawCategories> = cat_ctx.parse();
        let mut area_ctx = Ctx {
            file: files[2].0.clone(),
            text: &files[2].1,
            problems: vec![],
        };
        let raw_areas: Option<RawAreas> = area_ctx.parse();

        let rules = raw_cats
            .map(|r| check_rules(&mut cat_ctx, r.rule))
            .unwrap_or_default();
        // A file that does not parse has a fatal problem: its lists are not used.
        let raw_areas = raw_areas.unwrap_or_default();
        let areas = check_areas(&mut area_ctx, raw_areas.area);
        let area_stopwords = raw_areas.stopwords;
        let mut words = |field, v| list(&mut area_ctx, None, field, v);
        let no_area = words("no_area", raw_areas.no_area);
        let reply_markers = words("reply_markers", raw_areas.reply_markers);
        let issuers = words("issuers", raw_areas.issuers);
        let internal_markers = words("internal_markers", raw_areas.internal_markers);
        let pack = raw_pack.and_then(|p| check_pack(&mut pack_ctx, p));
        all.append(&mut pack_ctx.problems);
        all.append(&mut cat_ctx.problems);
        all.append(&mut area_ctx.problems);
        if all.iter().any(|p| p.fatal) {
            return Err(RulesError { problems: all });
        }
        let PackParts {
            info,
            scoring,
            grades,
            kinds: column_kinds,
            inspection,
            column_types,
            mandatory,
        } = pack.expect("no fatal problem");
        Ok(Self {
            source: source.to_owned(),
            info,
            rules,
            areas,
            area_stopwords,
            no_area,
            reply_markers,
            issuers,
            internal_markers,
            column_kinds,
            scoring,
            grades,
            inspection,
            column_types,
            mandatory,
            warnings: all,
        })
    }

    /// The grade for a score.
    #[must_use]
    pub fn grade_for(&self, score: f64) -> &Grade {
        self.grades
            .iter()
            .find(|g| score >= g.min_score)
            .unwrap_or_else(|| self.grades.last().expect("at least one grade"))
    }
}

/// A keyword list of a rule (`id`) or of the key-area file (no id): an empty
/// list or an empty keyword, which would match everything, is fatal.
fn list(
    ctx: &mut Ctx<'_>,
    id: Option<&str>,
    field: &str,
    v: Option<Spanned<Vec<String>>>,
) -> Vec<String> {
    let Some(v) = v else { return Vec::new() };
    let span = v.span();
    let items = v.into_inner();
    if items.is_empty() {
        ctx.add(
            span.clone(),
            id,
            field,
            "empty keyword list: remove the field or add keywords".into(),
            true,
        );
    }
    if items.iter().any(|k| k.trim().is_empty()) {
        ctx.add(span, id, field, "empty keyword".into(), true);
    }
    items
}

/// A rule's `min_chars`: a positive number of characters (0 when absent).
fn min_chars(ctx: &mut Ctx<'_>, id: &str, v: Option<Spanned<i64>>) -> usize {
    let Some(v) = v else { return 0 };
    match usize::try_from(*v.get_ref()) {
        Ok(n) if n > 0 => n,
        _ => {
            ctx.add(
                v.span(),
                Some(id),
                "min_chars",
                format!(
                    "`{}` is not a number of characters: give a whole number of 1 or more",
                    v.get_ref()
                ),
                true,
            );
            0
        }
    }
}

fn check_rules(ctx: &mut Ctx<'_>, raw: Vec<RawRule>) -> Vec<CategoryRule> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for r in raw {
        let id = r.id.get_ref().clone();
        let line = line_of(ctx.text, r.id.span().start);
        if id.trim().is_empty() {
            ctx.add(r.id.span(), None, "id", "empty rule id".into(), true);
        }
        if let Some(first) = seen.insert(id.clone(), line) {
            ctx.add(
                r.id.span(),
                Some(&id),
                "id",
                format!("duplicate rule id (first defined on line {first})"),
                true,
            );
        }
        if category_index(r.category.get_ref()).is_none() {
            ctx.add(
                r.category.span(),
                Some(&id),
                "category",
                format!(
                    "unknown category id `{}` (known: {})",
                    r.category.get_ref(),
                    super::taxonomy::CATEGORIES
                        .iter()
                        .map(|c| c.0)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                true,
            );
        }
        let rule = CategoryRule {
            title_any: list(ctx, Some(&id), "title_any", r.title_any),
            title_all: list(ctx, Some(&id), "title_all", r.title_all),
            title_none: list(ctx, Some(&id), "title_none", r.title_none),
            column_any: list(ctx, Some(&id), "column_any", r.column_any),
            column_none: list(ctx, Some(&id), "column_none", r.column_none),
            url_any: list(ctx, Some(&id), "url_any", r.url_any),
            title_suffix: list(ctx, Some(&id), "title_suffix", r.title_suffix),
            suffix_none: list(ctx, Some(&id), "suffix_none", r.suffix_none),
            min_chars: min_chars(ctx, &id, r.min_chars),
            id: id.clone(),
            category: r.category.get_ref().clone(),
            priority: *r.priority.get_ref(),
            description: r.description,
            origin: (ctx.file.clone(), line),
        };
        if rule.title_any.is_empty()
            && rule.title_all.is_empty()
            && rule.column_any.is_empty()
            && rule.url_any.is_empty()
            && rule.title_suffix.is_empty()
            && rule.min_chars == 0
        {
            ctx.add(r.id.span(), Some(&id), "title_any", "the rule has no condition: give title_any, title_all, title_suffix, min_chars, column_any or url_any".into(), true);
        }
        out.push(rule);
    }
    out.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.id.cmp(&b.id)));
    // Ties: two rules of equal priority for different categories that one
    // title can satisfy both make the verdict depend on the id order.
    for (i, a) in out.iter().enumerate() {
        for b in out[i + 1..].iter().take_while(|b| b.priority == a.priority) {
            if a.category != b.category && can_overlap(a, b) {
                ctx.problems.push(Problem {
                    file: b.origin.0.clone(),
                    line: b.origin.1,
                    entry: Some(b.id.clone()),
                    field: "priority".into(),
                    message: format!(
                        "ties with rule `{}` (line {}, category {}) at priority {}: a title can match both, so the verdict would depend on rule order; give one a different priority",
                        a.id, a.origin.1, a.category, a.priority
                    ),
                    fatal: false,
                });
            }
        }
    }
    out
}

/// Whether some title could satisfy both rules (an approximation on keywords).
fn can_overlap(a: &CategoryRule, b: &CategoryRule) -> bool {
    // No title satisfies both when every word one rule asks for, or every
    // ending it allows, is one the other excludes.
    let shut_out = |r: &CategoryRule, other: &CategoryRule| {
        let excluded = |k: &String| other.title_none.iter().any(|n| k.contains(n.as_str()));
        let words = || r.title_any.iter().chain(&r.title_all);
        // An ending is shut out too when it ends in one the other refuses.
        let refused =
            |k: &String| excluded(k) || other.suffix_none.iter().any(|n| k.ends_with(n.as_str()));
        words().next().is_some() && words().all(excluded)
            || !r.title_suffix.is_empty() && r.title_suffix.iter().all(refused)
    };
    if shut_out(a, b) || shut_out(b, a) {
        return false;
    }
    // Both need the title to end in a certain way: only when one ending
    // can end the other.
    if !a.title_suffix.is_empty() && !b.title_suffix.is_empty() {
        return a.title_suffix.iter().any(|x| {
            b.title_suffix
                .iter()
                .any(|y| x.ends_with(y.as_str()) || y.ends_with(x.as_str()))
        });
    }
    // Otherwise one title can hold the words of both (县2026年第三季度行政处罚情况).
    true
}

fn check_areas(ctx: &mut Ctx<'_>, raw: Vec<RawArea>) -> Vec<AreaRule> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for a in raw {
        let id = a.id.get_ref().clone();
        if key_area_index(&id).is_none() {
            ctx.add(
                a.id.span(),
                Some(&id),
                "id",
                format!("unknown key-area id `{id}`"),
                true,
            );
        }
        if !seen.insert(id.clone()) {
            ctx.add(
                a.id.span(),
                Some(&id),
                "id",
                "duplicate key area".into(),
                true,
            );
        }
        let kspan = a.keywords.span();
        let keywords = a.keywords.into_inner();
        if keywords.is_empty() || keywords.iter().any(|k| k.trim().is_empty()) {
            ctx.add(
                kspan,
                Some(&id),
                "keywords",
                "empty keyword list or keyword".into(),
                true,
            );
        }
        let url_keywords = list(ctx, Some(&id), "url_keywords", a.url_keywords);
        out.push(AreaRule {
            id,
            keywords,
            dominant_keywords: a.dominant_keywords,
            weak_keywords: a.weak_keywords,
            column_keywords: a.column_keywords,
            url_keywords,
        });
    }
    out
}

struct PackParts {
    info: PackInfo,
    scoring: Scoring,
    grades: Vec<Grade>,
    kinds: Vec<ColumnKind>,
    inspection: InspectionRules,
    column_types: Vec<ColumnTypeOverride>,
    mandatory: Vec<MandatoryPart>,
}

fn check_pack(ctx: &mut Ctx<'_>, raw: RawPack) -> Option<PackParts> {
    let s = &raw.scoring;
    let weights = [
        s.weight_substance,
        s.weight_interpretation,
        s.weight_key_areas,
        s.weight_timeliness,
        s.weight_links,
    ];
    if weights.iter().any(|w| *w < 0.0) || weights.iter().sum::<f64>() <= 0.0 {
        ctx.add(
            0..0,
            None,
            "scoring",
            "weights must be non-negative with a positive sum".into(),
            true,
        );
    }
    if s.target_substantive_share <= 0.0
        || s.target_interpretation_ratio <= 0.0
        || s.broken_link_zero_at <= 0.0
    {
        ctx.add(
            0..0,
            None,
            "scoring",
            "targets must be positive".into(),
            true,
        );
    }
    let mut grades = raw.grade;
    if grades.is_empty() {
        ctx.add(
            0..0,
            None,
            "grade",
            "at least one grade is needed".into(),
            true,
        );
    }
    grades.sort_by(|a, b| b.min_score.total_cmp(&a.min_score));
    let mut kinds = Vec::new();
    for k in raw.column_kind {
        if k.max_age_days <= 0 {
            ctx.add(
                k.id.span(),
                Some(k.id.get_ref()),
                "max_age_days",
                "must be positive".into(),
                true,
            );
        }
        kinds.push(ColumnKind {
            id: k.id.into_inner(),
            name: k.name,
            max_age_days: k.max_age_days,
            keywords: k.keywords,
        });
    }
    if kinds.is_empty() {
        ctx.add(
            0..0,
            None,
            "column_kind",
            "at least one column kind is needed".into(),
            true,
        );
    }
    for o in &raw.column_type {
        if !kinds.iter().any(|k| k.id == o.kind) {
            ctx.add(
                0..0,
                Some(&o.kind),
                "column_type.kind",
                format!("unknown column kind `{}`", o.kind),
                true,
            );
        }
        if o.name_contains.is_none() && o.url_contains.is_none() {
            ctx.add(
                0..0,
                Some(&o.kind),
                "column_type",
                "give name_contains or url_contains".into(),
                true,
            );
        }
    }
    let d = &raw.inspection.annual_report_deadline;
    if chrono::NaiveDate::parse_from_str(&format!("2001-{d}"), "%Y-%m-%d").is_err() {
        ctx.add(
            0..0,
            None,
            "inspection.annual_report_deadline",
            format!("`{d}` is not MM-DD"),
            true,
        );
    }
    Some(PackParts {
        info: raw.pack,
        scoring: raw.scoring,
        grades,
        kinds,
        inspection: raw.inspection,
        column_types: raw.column_type,
        mandatory: raw.mandatory,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_files() -> [(String, String); 3] {
        BUILTIN.map(|(n, t)| (format!("test/{n}"), t.to_owned()))
    }

    fn problems_with(file: usize, edit: impl Fn(&str) -> String) -> Vec<Problem> {
        let mut files = builtin_files();
        files[file].1 = edit(&files[file].1);
        match RulePack::from_texts("test", &files) {
            Ok(p) => p.warnings,
            Err(e) => e.problems,
        }
    }

    const EXTRA: &str = "\n[[rule]]\nid = \"x.extra\"\ncategory = \"routine\"\npriority = 5\ntitle_any = [\"某某\"]\n";

    #[test]
    fn builtin_pack_is_clean() {
        let p = RulePack::builtin();
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert!(!p.rules.is_empty() && p.areas.len() == 15);
    }

    #[test]
    fn unknown_category_names_file_line_and_field() {
        let text = format!(
            "{}{}",
            BUILTIN[1].1,
            EXTRA.replace("\"routine\"", "\"news\"")
        );
        let ps = problems_with(1, |_| text.clone());
        let p = ps.iter().find(|p| p.fatal).expect("a fatal problem");
        assert_eq!(p.file, "test/categories.toml");
        assert_eq!(p.field, "category");
        let want = text
            .lines()
            .position(|l| l == "category = \"news\"")
            .unwrap()
            + 1;
        assert_eq!(p.line, want);
        assert!(p.to_string().contains("unknown category id `news`"), "{p}");
    }

    #[test]
    fn duplicate_rule_id() {
        let text = format!("{}{EXTRA}{EXTRA}", BUILTIN[1].1);
        let ps = problems_with(1, |_| text.clone());
        assert!(
            ps.iter()
                .any(|p| p.fatal && p.field == "id" && p.message.contains("duplicate rule id")),
            "{ps:?}"
        );
    }

    #[test]
    fn empty_keyword_list() {
        let ps = problems_with(1, |t| format!("{t}{}", EXTRA.replace("[\"某某\"]", "[]")));
        assert!(
            ps.iter().any(|p| p.fatal
                && p.field == "title_any"
                && p.message.contains("empty keyword list")),
            "{ps:?}"
        );
    }

    #[test]
    fn min_chars_must_be_a_positive_count_and_counts_as_a_condition() {
        for bad in ["0", "-3"] {
            let text = format!(
                "{}{}",
                BUILTIN[1].1,
                EXTRA.replace("title_any = [\"某某\"]", &format!("min_chars = {bad}"))
            );
            let ps = problems_with(1, |_| text.clone());
            let p = ps
                .iter()
                .find(|p| p.fatal && p.field == "min_chars")
                .unwrap_or_else(|| panic!("{bad}: {ps:?}"));
            let want = text
                .lines()
                .position(|l| l == format!("min_chars = {bad}"))
                .unwrap()
                + 1;
            assert_eq!((p.file.as_str(), p.line), ("test/categories.toml", want));
        }
        // A length alone is a condition: no "the rule has no condition".
        let ps = problems_with(1, |t| {
            format!(
                "{t}{}",
                EXTRA.replace(
                    "title_any = [\"某某\"]",
                    "min_chars = 40\nsuffix_none = [\"公告\"]"
                )
            )
        });
        assert!(!ps.iter().any(|p| p.fatal), "{ps:?}");
    }

    #[test]
    fn empty_words_in_key_area_lists_name_their_line() {
        // An empty word would match every URL or every title.
        for (field, list) in [
            ("url_keywords", "url_keywords = [\"/czyjs/\""),
            ("no_area", "no_area = [\""),
            ("internal_markers", "internal_markers = [\""),
        ] {
            let (head, tail) = list.split_at(list.find('[').unwrap() + 1);
            let ps = problems_with(2, |t| t.replacen(list, &format!("{head}\"\", {tail}"), 1));
            let p = ps
                .iter()
                .find(|p| p.fatal && p.field == field)
                .unwrap_or_else(|| panic!("a fatal {field} problem: {ps:?}"));
            assert!(p.message.contains("empty"), "{p}");
            let want = BUILTIN[2]
                .1
                .lines()
                .position(|l| l.starts_with(list))
                .unwrap()
                + 1;
            assert_eq!(p.line, want, "{p}");
        }
    }

    #[test]
    fn malformed_toml_and_unknown_field() {
        let ps = problems_with(1, |t| format!("{t}\n[[rule]]\nid = \"broken\n"));
        let p = ps.iter().find(|p| p.fatal).expect("fatal");
        assert!(p.line > 100, "{p}");
        let ps = problems_with(1, |t| {
            format!("{t}{}", EXTRA.replace("title_any", "title_anny"))
        });
        let p = ps.iter().find(|p| p.fatal).expect("fatal");
        assert_eq!(p.field, "title_anny", "{p}");
        let ps = problems_with(2, |t| t.replace("id = \"fiscal\"", "id = \"finance\""));
        assert!(
            ps.iter()
                .any(|p| p.fatal && p.message.contains("unknown key-area id `finance`")),
            "{ps:?}"
        );
        let ps = problems_with(0, |t| t.replace("max_age_days = 14", "max_age_days = 0"));
        assert!(
            ps.iter().any(|p| p.fatal && p.field == "max_age_days"),
            "{ps:?}"
        );
    }

    #[test]
    fn ties_that_depend_on_order_are_warned() {
        let tie = "\n[[rule]]\nid = \"x.a\"\ncategory = \"routine\"\npriority = 7\ntitle_any = [\"公告\"]\n\n[[rule]]\nid = \"x.b\"\ncategory = \"service\"\npriority = 7\ntitle_any = [\"公告\"]\n";
        let ps = problems_with(1, |t| format!("{t}{tie}"));
        let p = ps
            .iter()
            .find(|p| p.field == "priority")
            .expect("a tie warning");
        assert!(!p.fatal);
        assert!(p.message.contains("ties with rule `x.a`"), "{p}");
        // Same priority, same category: no warning.
        let ps = problems_with(1, |t| {
            format!("{t}{}", tie.replace("\"service\"", "\"routine\""))
        });
        assert!(!ps.iter().any(|p| p.field == "priority"), "{ps:?}");
        // Different words can stand in one title (…第三季度行政处罚情况): a tie.
        let words = tie.replacen("[\"公告\"]", "[\"季度\"]", 1);
        let ps = problems_with(1, |t| format!("{t}{words}"));
        assert!(ps.iter().any(|p| p.field == "priority"), "{ps:?}");
        // One rule's every ending is a word the other excludes: no tie.
        let apart = words.replacen(
            "title_any = [\"季度\"]",
            "title_any = [\"季度\"]\ntitle_suffix = [\"的通报\"]",
            1,
        ) + "title_none = [\"通报\"]\n";
        let ps = problems_with(1, |t| format!("{t}{apart}"));
        assert!(!ps.iter().any(|p| p.field == "priority"), "{ps:?}");
        // Every ending of one rule ends in one the other refuses: no tie.
        let refused = words.replacen(
            "title_any = [\"季度\"]",
            "title_any = [\"季度\"]\ntitle_suffix = [\"的通报\"]",
            1,
        );
        let ps = problems_with(1, |t| format!("{t}{refused}suffix_none = [\"通报\"]\n"));
        assert!(!ps.iter().any(|p| p.field == "priority"), "{ps:?}");
        // An ending the other does not refuse still meets it: a tie.
        let ps = problems_with(1, |t| format!("{t}{refused}suffix_none = [\"公告\"]\n"));
        assert!(ps.iter().any(|p| p.field == "priority"), "{ps:?}");
    }

    #[test]
    fn missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = RulePack::load(dir.path()).unwrap_err();
        assert!(
            e.problems
                .iter()
                .any(|p| p.file.ends_with("pack.toml") && p.message.contains("cannot read"))
        );
    }
}
