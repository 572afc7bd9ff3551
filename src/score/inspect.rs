//! Inspection checks from the national indicators for government websites
//! (国办秘函〔2019〕19号) and the disclosure-platform requirements: the
//! single-veto verdict with its evidence, amber warnings before the red line,
//! the required parts of the platform, dates that can be trusted, link
//! health as the indicators count it, and page-metadata compliance.
//! What a single crawl cannot decide is listed for manual review, never
//! silently passed.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ColumnFigure;
use crate::classify::RulePack;
use crate::extract::meta::STANDARD_META;
use crate::model::{BrokenLink, ClassifiedItem, SiteCrawl};

/// One check that fired, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id (`homepage_stale`, `stale_columns`, …).
    pub id: String,
    /// What it says, in Chinese.
    pub zh: String,
    /// What it says, in English.
    pub en: String,
    /// URLs and dates behind it.
    pub evidence: Vec<String>,
}

/// The newest dated item reachable from the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Homepage {
    /// Its date.
    pub newest: Option<NaiveDate>,
    /// The item.
    pub url: Option<String>,
    /// Days before the as-of date.
    pub age_days: Option<i64>,
    /// Dated items found on the home page.
    pub dated_items: usize,
}

/// A required part of the platform and where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFound {
    /// The part.
    pub name: String,
    /// A link or column that names it.
    pub found: Option<String>,
}

/// Broken links as the indicators count them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkHealth {
    /// Broken links on the home page.
    pub home: Vec<BrokenLink>,
    /// Broken links on other pages.
    pub pages: Vec<BrokenLink>,
    /// Broken attachments.
    pub attachments: Vec<BrokenLink>,
}

/// Presence of the standard meta tags on detail pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetaCompliance {
    /// Detail pages read.
    pub pages: usize,
    /// Per tag: (tag, pages carrying it, share).
    pub tags: Vec<(String, usize, f64)>,
    /// Per tag: up to three pages without it.
    pub missing_examples: Vec<(String, Vec<String>)>,
    /// `PubDate` values that are not a date.
    pub bad_pubdate: usize,
}

/// Dates that cannot be trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateTrust {
    /// Items with no date anywhere (they do not update their column).
    pub undated: Vec<String>,
    /// Items dated after the as-of date.
    pub future: Vec<(String, NaiveDate)>,
    /// Items dated before a government website could exist.
    pub implausible: Vec<(String, NaiveDate)>,
    /// Items seen in an earlier run with an older date (re-dated to look fresh): (url, then, now).
    pub redated: Vec<(String, NaiveDate, NaiveDate)>,
}

/// The inspection of one site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    /// 合格 (true) or 不合格 (false) on the indicators a crawl can decide.
    pub pass: bool,
    /// Single-veto indicators that failed.
    pub vetoes: Vec<Finding>,
    /// Amber warnings.
    pub warnings: Vec<Finding>,
    /// Indicators a crawl cannot decide.
    pub manual_review: Vec<Finding>,
    /// Homepage freshness.
    pub homepage: Homepage,
    /// The four required columns.
    pub mandatory: Vec<PartFound>,
    /// Last year's annual disclosure report, once due: the link found, if any.
    pub annual_report: Option<PartFound>,
    /// Dates.
    pub dates: DateTrust,
    /// Link health.
    pub links: LinkHealth,
    /// Pages blocked by a firewall challenge.
    pub blocked: Vec<String>,
    /// Meta tags.
    pub meta: MetaCompliance,
}

/// The ids of findings, `|`-separated (for CSV columns).
#[must_use]
pub fn finding_ids(fs: &[Finding]) -> String {
    fs.iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join("|")
}

fn finding(id: &str, zh: String, en: String, evidence: Vec<String>) -> Finding {
    Finding {
        id: id.to_owned(),
        zh,
        en,
        evidence,
    }
}

/// Runs every check a crawl can decide.
#[must_use]
pub fn inspect(
    crawl: &SiteCrawl,
    items: &[ClassifiedItem],
    columns: &[ColumnFigure],
    as_of: NaiveDate,
    pack: &RulePack,
) -> Inspection {
    let r = &pack.inspection;
    let failed = crawl.stats.fatal.is_some() && items.is_empty();

    // Homepage freshness: the newest dated item listed on the start page.
    let home: std::collections::HashSet<&str> =
        crawl.home_entries.iter().map(String::as_str).collect();
    let home_items: Vec<&ClassifiedItem> = items
        .iter()
        .filter(|i| home.contains(i.item.url.as_str()))
        .collect();
    let newest = home_items
        .iter()
        .filter(|i| i.item.published.is_some_and(|d| d <= as_of))
        .max_by_key(|i| i.item.published);
    let homepage = Homepage {
        newest: newest.and_then(|i| i.item.published),
        url: newest.map(|i| i.item.url.clone()),
        age_days: newest
            .and_then(|i| i.item.published)
            .map(|d| (as_of - d).num_days()),
        dated_items: home_items
            .iter()
            .filter(|i| i.item.published.is_some())
            .count(),
    };

    let stale: Vec<&ColumnFigure> = columns.iter().filter(|c| c.stale).collect();
    let empty: Vec<&ColumnFigure> = columns.iter().filter(|c| c.empty).collect();
    let col_evidence = |cs: &[&ColumnFigure]| -> Vec<String> {
        cs.iter()
            .map(|c| {
                format!(
                    "{} <{}> {}",
                    c.name,
                    c.url,
                    c.newest.map_or_else(|| "-".to_owned(), |d| d.to_string())
                )
            })
            .collect()
    };
    let mut vetoes = Vec::new();
    let mut warnings = Vec::new();
    let mut manual = Vec::new();

    match homepage.age_days {
        Some(age) if age > r.homepage_veto_days => vetoes.push(finding(
            "homepage_stale",
            format!(
                "首页 {age} 天未更新（超过 {} 天）：最新信息 {}",
                r.homepage_veto_days,
                homepage.newest.map(|d| d.to_string()).unwrap_or_default()
            ),
            format!(
                "homepage not updated for {age} days (limit {}): newest item {}",
                r.homepage_veto_days,
                homepage.newest.map(|d| d.to_string()).unwrap_or_default()
            ),
            homepage.url.iter().cloned().collect(),
        )),
        Some(age) if age > r.homepage_warn_days => warnings.push(finding(
            "homepage_ageing",
            format!(
                "首页已 {age} 天未更新，{} 天即触及单项否决",
                r.homepage_veto_days
            ),
            format!(
                "homepage not updated for {age} days; {} days is a single veto",
                r.homepage_veto_days
            ),
            homepage.url.iter().cloned().collect(),
        )),
        Some(_) => {}
        None if !failed => manual.push(finding(
            "homepage_undated",
            "首页未发现带日期的信息，需人工确认首页更新情况".into(),
            "no dated item found on the home page: check its updates by hand".into(),
            vec![crawl.start_url.clone()],
        )),
        None => {}
    }
    if stale.len() >= r.stale_columns_veto {
        vetoes.push(finding(
            "stale_columns",
            format!(
                "{} 个栏目应更新未更新（达到 {} 个即否决）",
                stale.len(),
                r.stale_columns_veto
            ),
            format!(
                "{} columns not updated in time (veto at {})",
                stale.len(),
                r.stale_columns_veto
            ),
            col_evidence(&stale),
        ));
    } else if stale.len() > r.stale_columns_warn {
        warnings.push(finding(
            "stale_columns",
            format!(
                "{} 个栏目未按时更新，达到 {} 个即否决",
                stale.len(),
                r.stale_columns_veto
            ),
            format!(
                "{} columns stale; {} is a single veto",
                stale.len(),
                r.stale_columns_veto
            ),
            col_evidence(&stale),
        ));
    }
    if empty.len() >= r.empty_columns_veto {
        vetoes.push(finding(
            "empty_columns",
            format!(
                "{} 个空白栏目（达到 {} 个即否决）",
                empty.len(),
                r.empty_columns_veto
            ),
            format!(
                "{} empty columns (veto at {})",
                empty.len(),
                r.empty_columns_veto
            ),
            col_evidence(&empty),
        ));
    } else if empty.len() > r.empty_columns_warn {
        warnings.push(finding(
            "empty_columns",
            format!(
                "{} 个空白栏目，达到 {} 个即否决",
                empty.len(),
                r.empty_columns_veto
            ),
            format!(
                "{} empty columns; {} is a single veto",
                empty.len(),
                r.empty_columns_veto
            ),
            col_evidence(&empty),
        ));
    }
    manual.push(finding(
        "availability",
        "站点可用性须连续一周抽样监测，单次抓取无法判定".into(),
        "site availability needs a week of sampling; one crawl cannot decide it".into(),
        vec![],
    ));
    manual.push(finding(
        "interaction_replies",
        "互动留言超过 3 个月未回复的情况（留言未公开时）须人工核查".into(),
        "messages unanswered for over 3 months (where messages are not public) need a manual check"
            .into(),
        vec![],
    ));

    // The required columns: a column or a link whose text names each part.
    let mandatory: Vec<PartFound> = pack
        .mandatory
        .iter()
        .map(|m| {
            let found = columns
                .iter()
                .find(|c| m.keywords.iter().any(|k| c.name.contains(k.as_str())))
                .map(|c| c.url.clone())
                .or_else(|| {
                    crawl
                        .nav
                        .iter()
                        .find(|n| m.keywords.iter().any(|k| n.text.contains(k.as_str())))
                        .map(|n| n.url.clone())
                });
            PartFound {
                name: m.name.clone(),
                found,
            }
        })
        .collect();
    let missing: Vec<&PartFound> = mandatory.iter().filter(|p| p.found.is_none()).collect();
    if !missing.is_empty() && !failed {
        warnings.push(finding(
            "mandatory_columns",
            format!(
                "政府信息公开专栏缺少必备栏目：{}",
                missing
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            format!(
                "the disclosure platform lacks required columns: {}",
                missing
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            vec![],
        ));
    }

    // Last year's annual report, once the deadline has passed.
    let deadline = NaiveDate::parse_from_str(
        &format!("{}-{}", as_of.year(), r.annual_report_deadline),
        "%Y-%m-%d",
    )
    .ok();
    let annual_report = deadline.filter(|d| as_of > *d).map(|_| {
        let year = as_of.year() - 1;
        let y = year.to_string();
        let is_report = |t: &str| t.contains(&y) && (t.contains("年度报告") || t.contains("年报"));
        let found = items
            .iter()
            .find(|i| is_report(&i.item.title))
            .map(|i| i.item.url.clone())
            .or_else(|| {
                crawl
                    .nav
                    .iter()
                    .find(|n| is_report(&n.text))
                    .map(|n| n.url.clone())
            });
        PartFound {
            name: format!("{year}年政府信息公开工作年度报告"),
            found,
        }
    });
    if let Some(a) = annual_report
        .as_ref()
        .filter(|a| a.found.is_none() && !failed)
    {
        warnings.push(finding(
            "annual_report_missing",
            format!(
                "未发现{}（应于 {} 前发布）",
                a.name, r.annual_report_deadline
            ),
            format!("{} not found (due by {})", a.name, r.annual_report_deadline),
            vec![],
        ));
    }

    // Dates.
    let mut dates = DateTrust::default();
    for i in items {
        match i.item.published {
            None => dates.undated.push(i.item.url.clone()),
            Some(d) if d > as_of => dates.future.push((i.item.url.clone(), d)),
            Some(d) if d < r.earliest_date => dates.implausible.push((i.item.url.clone(), d)),
            Some(_) => {}
        }
    }
    if !dates.undated.is_empty() {
        warnings.push(finding(
            "undated_items",
            format!(
                "{} 条信息无发布日期，视为未更新所在栏目",
                dates.undated.len()
            ),
            format!(
                "{} items carry no date and do not count as updating their column",
                dates.undated.len()
            ),
            dates.undated.iter().take(20).cloned().collect(),
        ));
    }
    if !dates.future.is_empty() || !dates.implausible.is_empty() {
        warnings.push(finding(
            "implausible_dates",
            format!(
                "{} 条信息的日期晚于评估基准日，{} 条早于 {}",
                dates.future.len(),
                dates.implausible.len(),
                r.earliest_date
            ),
            format!(
                "{} items dated after the as-of date, {} before {}",
                dates.future.len(),
                dates.implausible.len(),
                r.earliest_date
            ),
            dates
                .future
                .iter()
                .chain(&dates.implausible)
                .take(20)
                .map(|(u, d)| format!("{u} {d}"))
                .collect(),
        ));
    }

    // Links as the indicators count them.
    let mut links = LinkHealth::default();
    let start = crawl.start_url.trim_end_matches('/');
    for b in &crawl.broken {
        if b.attachment {
            links.attachments.push(b.clone());
        } else if b.referrer.trim_end_matches('/') == start
            || b.referrer.trim_end_matches("/index.html") == start
        {
            links.home.push(b.clone());
        } else {
            links.pages.push(b.clone());
        }
    }
    let blocked: Vec<String> = crawl.blocked.iter().map(|b| b.url.clone()).collect();
    if !blocked.is_empty() {
        manual.push(finding(
            "blocked_by_challenge",
            format!("{} 个页面被防火墙挑战页拦截（未绕过），相关数据不完整，须人工核查", blocked.len()),
            format!("{} pages answered with a firewall challenge (not bypassed); the figures that depend on them are incomplete", blocked.len()),
            blocked.iter().take(20).cloned().collect(),
        ));
    }

    // Meta tags on detail pages.
    let details: Vec<&ClassifiedItem> = items.iter().filter(|i| i.item.detail.is_some()).collect();
    let mut meta = MetaCompliance {
        pages: details.len(),
        ..MetaCompliance::default()
    };
    for tag in STANDARD_META {
        let without: Vec<&ClassifiedItem> = details
            .iter()
            .copied()
            .filter(|i| {
                !i.item
                    .detail
                    .as_ref()
                    .is_some_and(|d| d.meta_tags.iter().any(|t| t == tag))
            })
            .collect();
        let have = details.len() - without.len();
        meta.tags.push((
            (*tag).to_owned(),
            have,
            if details.is_empty() {
                0.0
            } else {
                have as f64 / details.len() as f64
            },
        ));
        if !without.is_empty() {
            meta.missing_examples.push((
                (*tag).to_owned(),
                without.iter().take(3).map(|i| i.item.url.clone()).collect(),
            ));
        }
    }
    meta.bad_pubdate = details
        .iter()
        .filter(|i| {
            i.item.detail.as_ref().is_some_and(|d| {
                d.meta_tags.iter().any(|t| t == "PubDate") && d.published.is_none()
            })
        })
        .count();

    Inspection {
        pass: vetoes.is_empty() && !failed,
        vetoes,
        warnings,
        manual_review: manual,
        homepage,
        mandatory,
        annual_report,
        dates,
        links,
        blocked,
        meta,
    }
}

/// Flags items that an earlier run saw with an older date (by URL, or by
/// title under another URL): a known way to fake freshness.
pub fn flag_redated(
    ins: &mut Inspection,
    items: &[ClassifiedItem],
    before: &[(String, String, Option<NaiveDate>)],
) {
    let by_url: std::collections::HashMap<&str, NaiveDate> = before
        .iter()
        .filter_map(|(u, _, d)| d.map(|d| (u.as_str(), d)))
        .collect();
    let by_title: std::collections::HashMap<&str, NaiveDate> = before
        .iter()
        .filter_map(|(_, t, d)| d.map(|d| (t.as_str(), d)))
        .collect();
    for i in items {
        let Some(now) = i.item.published else {
            continue;
        };
        let then = by_url
            .get(i.item.url.as_str())
            .or_else(|| by_title.get(i.item.title.as_str()));
        if let Some(&then) = then.filter(|t| **t < now) {
            ins.dates.redated.push((i.item.url.clone(), then, now));
        }
    }
    if !ins.dates.redated.is_empty() {
        ins.warnings.push(finding(
            "redated_items",
            format!(
                "{} 条信息与上次评估相比日期被改新（疑似刷新日期）",
                ins.dates.redated.len()
            ),
            format!(
                "{} items carry a newer date than in the previous run (re-dated)",
                ins.dates.redated.len()
            ),
            ins.dates
                .redated
                .iter()
                .take(20)
                .map(|(u, a, b)| format!("{u} {a} → {b}"))
                .collect(),
        ));
    }
}
