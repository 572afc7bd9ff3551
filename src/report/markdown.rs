//! `scorecard.md`: the scorecard a person reads, in Chinese by default.
//! Headline, category table with text bars, findings stated plainly, column
//! timeliness, and an evidence section listing the items behind each finding.

use std::fmt::Write as _;
use std::io::Write;

use super::{Lang, sanitize};
use crate::classify::taxonomy::{CATEGORIES, KEY_AREAS};
use crate::model::ClassifiedItem;
use crate::score::Scorecard;

/// Items listed per category in the evidence section (the rest are in items.csv).
pub const EVIDENCE_PER_CATEGORY: usize = 30;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn bar(x: f64) -> String {
    let n = (x * 20.0).round() as usize;
    format!("{}{}", "█".repeat(n), "░".repeat(20 - n.min(20)))
}

fn md(s: &str) -> String {
    sanitize(s)
        .replace('|', "｜")
        .replace('[', "［")
        .replace(']', "］")
}

fn cat_name(id: &str, lang: Lang) -> &str {
    CATEGORIES
        .iter()
        .find(|c| c.0 == id)
        .map_or(id, |c| if lang == Lang::Zh { c.1 } else { c.2 })
}

fn area_name(id: &str, lang: Lang) -> &str {
    KEY_AREAS
        .iter()
        .find(|c| c.0 == id)
        .map_or(id, |c| if lang == Lang::Zh { c.1 } else { c.2 })
}

fn kind_name(id: &str, lang: Lang) -> &str {
    match (id, lang) {
        ("news", Lang::Zh) => "动态类",
        ("notice", Lang::Zh) => "通知公告类",
        ("policy", Lang::Zh) => "政策文件类",
        ("personnel", Lang::Zh) => "人事类",
        ("planning", Lang::Zh) => "规划计划类",
        (other, _) => other,
    }
}

fn write_findings(
    o: &mut String,
    title: &str,
    anchor: &str,
    fs: &[crate::score::inspect::Finding],
    lang: Lang,
) {
    if fs.is_empty() {
        return;
    }
    let _ = writeln!(o, "<a id=\"{anchor}\"></a>\n\n### {title}\n");
    for f in fs {
        let text = if lang == Lang::Zh { &f.zh } else { &f.en };
        let _ = writeln!(o, "- {}", md(text));
        for e in f.evidence.iter().take(20) {
            let _ = writeln!(o, "  - {}", md(e));
        }
        if f.evidence.len() > 20 {
            let _ = writeln!(o, "  - …{}", f.evidence.len() - 20);
        }
    }
    o.push('\n');
}

/// The verdict first, then the amber warnings, then what needs a person.
fn write_inspection(o: &mut String, s: &Scorecard, lang: Lang) {
    let zh = lang == Lang::Zh;
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    let i = &s.inspection;
    let verdict = if i.pass {
        t("合格", "pass")
    } else {
        t("不合格", "fail")
    };
    let _ = writeln!(
        o,
        "## {}：{}\n",
        t(
            "检查结论（单项否决指标）",
            "Verdict (single-veto indicators)"
        ),
        verdict
    );
    if i.vetoes.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                "未触发可由抓取判定的单项否决指标。",
                "No single-veto indicator that a crawl can decide was triggered."
            )
        );
    }
    write_findings(o, t("单项否决", "Single vetoes"), "vetoes", &i.vetoes, lang);
    write_findings(
        o,
        t("预警（尚未否决）", "Amber warnings"),
        "warnings",
        &i.warnings,
        lang,
    );
    write_findings(
        o,
        t("需人工核查", "Needs manual review"),
        "manual-review",
        &i.manual_review,
        lang,
    );
}

/// The details behind the checks, at the end of the scorecard.
fn write_inspection_details(o: &mut String, s: &Scorecard, lang: Lang) {
    let zh = lang == Lang::Zh;
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    let i = &s.inspection;
    let _ = writeln!(
        o,
        "\n<a id=\"checks\"></a>\n\n## {}\n",
        t("检查明细", "Check details")
    );
    let h = &i.homepage;
    let _ = writeln!(
        o,
        "- {}：{}",
        t("首页最新信息", "Newest item on the home page"),
        match (h.newest, &h.url) {
            (Some(d), Some(u)) => format!(
                "{d}（{} {}） <{u}>",
                h.age_days.unwrap_or(0),
                t("天前", "days before")
            ),
            _ => t("未发现带日期的信息", "no dated item").to_owned(),
        }
    );
    for p in &i.mandatory {
        let _ = writeln!(
            o,
            "- {}：{}",
            p.name,
            p.found
                .as_ref()
                .map_or_else(|| t("未发现", "not found").to_owned(), |u| format!("<{u}>"))
        );
    }
    if let Some(a) = &i.annual_report {
        let _ = writeln!(
            o,
            "- {}：{}",
            a.name,
            a.found
                .as_ref()
                .map_or_else(|| t("未发现", "not found").to_owned(), |u| format!("<{u}>"))
        );
    }
    let _ = writeln!(
        o,
        "- {}：{} {} / {} {} / {} {}",
        t("断链", "Broken links"),
        t("首页", "home page"),
        i.links.home.len(),
        t("其他页面", "other pages"),
        i.links.pages.len(),
        t("附件", "attachments"),
        i.links.attachments.len()
    );
    for b in i
        .links
        .home
        .iter()
        .chain(&i.links.pages)
        .chain(&i.links.attachments)
    {
        let _ = writeln!(o, "  - <{}> {} ← <{}>", b.url, md(&b.error), b.referrer);
    }
    if !i.blocked.is_empty() {
        let _ = writeln!(
            o,
            "- {}：{}",
            t(
                "被防火墙挑战拦截的页面",
                "Pages blocked by a firewall challenge"
            ),
            i.blocked.len()
        );
    }
    let d = &i.dates;
    let _ = writeln!(
        o,
        "- {}：{} {}，{} {}，{} {}，{} {}",
        t("日期可信度", "Dates"),
        t("无日期", "undated"),
        d.undated.len(),
        t("未来日期", "in the future"),
        d.future.len(),
        t("早于建站可能", "implausibly early"),
        d.implausible.len(),
        t("疑似改动日期", "re-dated"),
        d.redated.len()
    );
    for (u, then, now) in &d.redated {
        let _ = writeln!(o, "  - <{u}> {then} → {now}");
    }
    let m = &i.meta;
    let _ = writeln!(
        o,
        "- {}（{} {}）：",
        t("详情页元数据规范", "Detail-page meta tags"),
        m.pages,
        t("个详情页", "detail pages")
    );
    for (tag, n, share) in &m.tags {
        let _ = writeln!(o, "  - {tag}：{n}（{}）", pct(*share));
    }
    for (tag, ex) in &m.missing_examples {
        let _ = writeln!(
            o,
            "  - {} {tag}：{}",
            t("缺少", "missing"),
            ex.iter()
                .map(|u| format!("<{u}>"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
}

fn write_trend(o: &mut String, s: &Scorecard, lang: Lang) {
    let Some(tr) = &s.trend else { return };
    let stale = tr.newly_stale.iter().map(|c| md(c)).collect::<Vec<_>>();
    if lang == Lang::Zh {
        let _ = writeln!(
            o,
            "> 与上次评估（运行 #{}，基准日 {}）相比：总分 {:+.1}，日常动态占比 {:+.1} 个百分点，实质性公开占比 {:+.1} 个百分点；新增条目 {} 条；新增不及时栏目 {} 个{}；新增断链 {} 个。\n",
            tr.previous_run,
            tr.previous_as_of,
            tr.score_delta,
            tr.routine_share_delta * 100.0,
            tr.substantive_share_delta * 100.0,
            tr.new_items,
            stale.len(),
            if stale.is_empty() {
                String::new()
            } else {
                format!("（{}）", stale.join("、"))
            },
            tr.newly_broken.len()
        );
    } else {
        let _ = writeln!(
            o,
            "> Since the previous run (#{}, as of {}): score {:+.1}, routine share {:+.1} points, substantive share {:+.1} points; {} new items; {} newly stale columns{}; {} newly broken links.\n",
            tr.previous_run,
            tr.previous_as_of,
            tr.score_delta,
            tr.routine_share_delta * 100.0,
            tr.substantive_share_delta * 100.0,
            tr.new_items,
            stale.len(),
            if stale.is_empty() {
                String::new()
            } else {
                format!(" ({})", stale.join(", "))
            },
            tr.newly_broken.len()
        );
    }
}

fn kind_source_name(src: &str, lang: Lang) -> &str {
    match (src, lang) {
        ("override", Lang::Zh) => "规则包指定",
        ("meta", Lang::Zh) => "按ColumnType元数据",
        ("name", Lang::Zh) => "按栏目名",
        ("items", Lang::Zh) => "按条目内容",
        ("default", Lang::Zh) => "默认",
        (s, _) => s,
    }
}

/// Renders one site's scorecard. `items` are the site's classified items.
#[must_use]
pub fn render(s: &Scorecard, items: &[ClassifiedItem], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let t = |a: &'static str, b: &'static str| if zh { a } else { b };
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {}：{}\n",
        t("政务公开质量评估", "Disclosure quality scorecard"),
        md(&s.site)
    );
    let _ = writeln!(o, "- {}：{}", t("网址", "URL"), s.url);
    let _ = writeln!(
        o,
        "- {}：{} {} {}",
        t("评估窗口", "Window"),
        s.window.since,
        t("至", "to"),
        s.window.as_of
    );
    let _ = writeln!(o, "- {}：{}", t("评估基准日", "As of"), s.window.as_of);
    let _ = writeln!(o, "- {}：{}", t("规则包", "Rule pack"), s.rules);
    let _ = writeln!(
        o,
        "- {}：{} / {} / {}\n",
        t(
            "抓取页面 / 条目 / 窗口内条目",
            "Pages crawled / items / items in window"
        ),
        s.crawl.pages_ok,
        s.items_total,
        s.items_in_window
    );
    if let Some(err) = &s.crawl.fatal {
        let _ = writeln!(
            o,
            "> **{}**：{}\n",
            t("无法完成评估", "Audit failed"),
            md(err)
        );
    } else if let Some(p) = &s.partial {
        let _ = writeln!(
            o,
            "> **{}**：{}\n",
            t("数据不完整", "Partial figures"),
            md(p)
        );
    }
    write_inspection(&mut o, s, lang);
    let _ = writeln!(
        o,
        "## {}：{:.1}（{} {}）\n",
        t("总分", "Score"),
        s.score,
        s.grade,
        s.grade_name
    );
    write_trend(&mut o, s, lang);
    let c = &s.components;
    let _ = writeln!(
        o,
        "| {} | {} |\n|---|---:|",
        t("分项", "Component"),
        t("得分率", "Attainment")
    );
    for (name, v) in [
        (t("实质性公开占比", "Substantive share"), c.substance),
        (
            t("政策解读覆盖", "Interpretation coverage"),
            c.interpretation,
        ),
        (t("重点领域覆盖", "Key-area coverage"), c.key_areas),
        (t("栏目更新及时", "Column timeliness"), c.timeliness),
        (t("链接可用", "Link health"), c.links),
    ] {
        let _ = writeln!(o, "| {name} | {} |", pct(v));
    }
    let _ = writeln!(
        o,
        "\n## {}\n",
        t("分类统计（窗口内）", "Categories (in window)")
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | |\n|---|---:|---:|---|",
        t("类别", "Category"),
        t("条数", "Items"),
        t("占比", "Share")
    );
    for f in &s.categories {
        let _ = writeln!(
            o,
            "| {} | {} | {} | `{}` |",
            cat_name(&f.id, lang),
            f.count,
            pct(f.share),
            bar(f.share)
        );
    }

    let b = &s.basis;
    if zh {
        let _ = writeln!(
            o,
            "\n分类依据：标题用词 {} 条，参考栏目名称 {} 条，仅凭网址路径 {} 条，仅凭标题标点 {} 条，无规则匹配（计为其他）{} 条；每个条目的规则和命中词见 items.csv。",
            b.title, b.column, b.url, b.punctuation, b.none
        );
    } else {
        let _ = writeln!(
            o,
            "\nWhat decided the categories: the title's words {}, the column's name {}, the URL's path alone {}, a headline's punctuation alone {}, no rule (counted as other) {}; each item's rule and matched words are in items.csv.",
            b.title, b.column, b.url, b.punctuation, b.none
        );
    }
    let _ = writeln!(o, "\n## {}\n", t("主要发现", "Findings"));
    let routine = s
        .categories
        .iter()
        .find(|c| c.id == "routine")
        .map_or(0, |c| c.count);
    if zh {
        let _ = writeln!(
            o,
            "- 日常动态占窗口内条目的 {}（{} / {} 条），实质性公开（决策、执行、管理、服务、结果、解读、回应）占 {}。（证据：[日常动态条目](#evidence-routine)）",
            pct(s.routine_share),
            routine,
            s.items_in_window,
            pct(s.substantive_share)
        );
        let _ = writeln!(
            o,
            "- 政策解读 {} 条，对应决策类文件 {} 条{}。（证据：[政策解读](#evidence-interpretation)、[决策公开](#evidence-decision)）",
            s.interpretations,
            s.decisions,
            s.interpretation_coverage
                .map_or(String::new(), |c| format!("（每份文件 {c:.2} 条解读）"))
        );
        let _ = writeln!(
            o,
            "- 15 个重点领域中 {} 个在窗口内没有任何信息{}。",
            s.key_areas_missing.len(),
            if s.key_areas_missing.is_empty() {
                String::new()
            } else {
                format!(
                    "：{}",
                    s.key_areas_missing
                        .iter()
                        .map(|a| area_name(a, lang))
                        .collect::<Vec<_>>()
                        .join("、")
                )
            }
        );
        let _ = writeln!(
            o,
            "- {} 个栏目未按时更新，{} 个栏目为空。（证据：[栏目时效](#columns)）",
            s.stale_columns, s.empty_columns
        );
        let _ = writeln!(
            o,
            "- 断链 {} 个（共检查 {} 个链接）。（证据：[断链](#evidence-broken)）",
            s.broken.len(),
            s.links_checked
        );
        if s.undated > 0 {
            let _ = writeln!(
                o,
                "- {} 个条目在列表和详情页均无日期，不计入窗口。",
                s.undated
            );
        }
    } else {
        let _ = writeln!(
            o,
            "- Routine news is {} of the items in the window ({routine} of {}); substantive disclosure is {}. (evidence: [routine items](#evidence-routine))",
            pct(s.routine_share),
            s.items_in_window,
            pct(s.substantive_share)
        );
        let _ = writeln!(
            o,
            "- {} interpretations for {} decision documents{}. (evidence: [interpretations](#evidence-interpretation), [decisions](#evidence-decision))",
            s.interpretations,
            s.decisions,
            s.interpretation_coverage
                .map_or(String::new(), |c| format!(" ({c:.2} per document)"))
        );
        let _ = writeln!(
            o,
            "- {} of 15 key areas have nothing in the window{}.",
            s.key_areas_missing.len(),
            if s.key_areas_missing.is_empty() {
                String::new()
            } else {
                format!(
                    ": {}",
                    s.key_areas_missing
                        .iter()
                        .map(|a| area_name(a, lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        );
        let _ = writeln!(
            o,
            "- {} columns stale, {} empty. (evidence: [columns](#columns))",
            s.stale_columns, s.empty_columns
        );
        let _ = writeln!(
            o,
            "- {} broken links of {} checked. (evidence: [broken links](#evidence-broken))",
            s.broken.len(),
            s.links_checked
        );
        if s.undated > 0 {
            let _ = writeln!(
                o,
                "- {} items have no date on the list or the detail page and are left out of the window.",
                s.undated
            );
        }
    }
    for col in s.columns.iter().filter(|c| c.stale || c.empty) {
        let what = if col.empty {
            t("空栏目", "empty").to_owned()
        } else if zh {
            format!(
                "超过 {} 天未更新，最新 {}",
                col.max_age_days,
                col.newest.map_or("无日期".into(), |d| format!(
                    "{d}（{} 天前）",
                    col.age_days.unwrap_or(0)
                ))
            )
        } else {
            format!(
                "not updated for over {} days, newest {}",
                col.max_age_days,
                col.newest.map_or("undated".into(), |d| format!(
                    "{d} ({} days before)",
                    col.age_days.unwrap_or(0)
                ))
            )
        };
        let _ = writeln!(
            o,
            "  - {}（{}）：{} <{}>",
            md(&col.name),
            kind_name(&col.kind, lang),
            what,
            col.url
        );
    }

    let _ = writeln!(
        o,
        "\n## {} {{#columns}}\n<a id=\"columns\"></a>\n",
        t("栏目时效", "Column timeliness")
    );
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---|---:|---|",
        t("栏目", "Column"),
        t("类型", "Kind"),
        t("时限(天)", "Limit (days)"),
        t("条目", "Items"),
        t("最新", "Newest"),
        t("距今(天)", "Age (days)"),
        t("状态", "State")
    );
    for col in &s.columns {
        let state = if col.empty {
            t("空栏目", "empty")
        } else if col.stale {
            t("不及时", "stale")
        } else {
            t("正常", "ok")
        };
        let _ = writeln!(
            o,
            "| [{}]({}) | {}（{}） | {} | {} | {} | {} | {} |",
            md(&col.name),
            col.url,
            kind_name(&col.kind, lang),
            kind_source_name(&col.kind_source, lang),
            col.max_age_days,
            col.items,
            col.newest.map(|d| d.to_string()).unwrap_or_default(),
            col.age_days.map(|d| d.to_string()).unwrap_or_default(),
            state
        );
    }

    write_inspection_details(&mut o, s, lang);
    let _ = writeln!(o, "\n## {}\n", t("证据", "Evidence"));
    let _ = writeln!(
        o,
        "{}\n",
        t(
            "每条均可在 items.csv 中按网址追溯，rule 列为判定规则，matched 列为命中的关键词。",
            "Every item is in items.csv by URL, with the deciding rule (`rule`) and the matched words (`matched`)."
        )
    );
    for (id, _, _) in CATEGORIES {
        let mine: Vec<&ClassifiedItem> = items
            .iter()
            .filter(|i| {
                *i.verdict.category == **id
                    && i.item.published.is_some_and(|d| s.window.contains(d))
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "<a id=\"evidence-{id}\"></a>\n\n### {}（{}）\n",
            cat_name(id, lang),
            mine.len()
        );
        for i in mine.iter().take(EVIDENCE_PER_CATEGORY) {
            let _ = writeln!(
                o,
                "- {} [{}]({}) — {}，{}: `{}`",
                i.item.published.map(|d| d.to_string()).unwrap_or_default(),
                md(&i.item.title),
                i.item.url,
                md(&i.item.column),
                t("规则", "rule"),
                i.verdict.rule
            );
        }
        if mine.len() > EVIDENCE_PER_CATEGORY {
            let _ = writeln!(
                o,
                "- …{} {} {}",
                t("另有", "and"),
                mine.len() - EVIDENCE_PER_CATEGORY,
                t("条，见 items.csv", "more in items.csv")
            );
        }
        o.push('\n');
    }
    let _ = writeln!(
        o,
        "<a id=\"evidence-broken\"></a>\n\n### {}（{}）\n",
        t("断链", "Broken links"),
        s.broken.len()
    );
    for b in &s.broken {
        let _ = writeln!(
            o,
            "- <{}> — {}{} ← {}",
            b.url,
            md(&b.error),
            if b.attachment {
                t("（附件）", " (attachment)")
            } else {
                ""
            },
            if b.referrer.is_empty() {
                "-".to_owned()
            } else {
                format!("<{}>", b.referrer)
            }
        );
    }
    o
}

/// Writes several sites' scorecards into one document.
///
/// # Errors
/// When the writer fails.
pub fn write_scorecards(
    w: &mut dyn Write,
    cards: &[(&Scorecard, &[ClassifiedItem])],
    lang: Lang,
) -> std::io::Result<()> {
    for (i, (s, items)) in cards.iter().enumerate() {
        if i > 0 {
            w.write_all(b"\n---\n\n")?;
        }
        w.write_all(render(s, items, lang).as_bytes())?;
    }
    Ok(())
}
