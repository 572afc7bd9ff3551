//! One function per command. They return an exit code; errors bubble up as
//! `anyhow::Error` and are printed by `main`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use disclosure_audit::audit::{SiteResult, audit_site, write_reports};
use disclosure_audit::classify::eval::{evaluate, read_labelled};
use disclosure_audit::classify::{Classifier, RulePack, Scratch};
use disclosure_audit::crawl::{CrawlOptions, SiteSpec};
use disclosure_audit::report::Lang;
use disclosure_audit::score::Window;

use super::progress::Bars;
use super::{
    AuditArgs, ClassifyArgs, CrawlArgs, DemoArgs, EvalArgs, FormatArg, LangArg, ReportArgs,
    RulesCommand,
};
use crate::ExitCode;

pub(crate) fn load_classifier(rules: Option<&Path>) -> Result<Classifier> {
    let pack = match rules {
        Some(dir) => RulePack::load(dir)
            .map_err(|e| {
                anyhow::anyhow!(
                    "{}",
                    e.problems
                        .iter()
                        .filter(|p| p.fatal)
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            })
            .with_context(|| format!("cannot load the rule pack in {}", dir.display()))?,
        None => RulePack::builtin(),
    };
    Ok(Classifier::new(pack))
}

pub(crate) fn crawl_options(a: &CrawlArgs) -> CrawlOptions {
    let mut o = CrawlOptions {
        max_pages: a.max_pages,
        max_depth: a.max_depth,
        per_host: a.per_host.max(1),
        delay: Duration::from_millis(a.delay_ms),
        site_timeout: Duration::from_secs(a.site_timeout.max(1)),
        respect_robots: !a.ignore_robots,
        check_attachments: !a.no_attachments,
        request_budget: a
            .max_requests
            .map(|n| std::sync::Arc::new(std::sync::atomic::AtomicU64::new(n))),
        ..CrawlOptions::default()
    };
    o.http.request_timeout = Duration::from_secs(a.timeout.max(1));
    o.http.connect_timeout = o.http.request_timeout.min(Duration::from_secs(10));
    o.http.max_body = a.max_body;
    o.http.insecure_tls = a.insecure_tls;
    if let Some(c) = &a.contact {
        o.http.user_agent = format!("disclosure-audit/{} (+{c})", env!("CARGO_PKG_VERSION"));
    }
    o
}

pub(crate) fn window(r: &ReportArgs) -> Result<Window> {
    let as_of = r.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut w = Window::year_before(as_of);
    if let Some(s) = r.since {
        if s > as_of {
            bail!("--since {s} is after --as-of {as_of}");
        }
        w.since = s;
    }
    Ok(w)
}

pub(crate) fn lang(l: LangArg) -> Lang {
    match l {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

fn site_name(url: &url::Url) -> String {
    url.host_str().map_or_else(
        || url.to_string(),
        |h| match url.port() {
            Some(p) => format!("{h}:{p}"),
            None => h.to_owned(),
        },
    )
}

fn summary_line(r: &SiteResult) -> String {
    let c = &r.card;
    match &c.crawl.fatal {
        Some(e) if c.items_total == 0 => format!("{}: FAILED: {e}", c.site),
        _ => format!(
            "{}: score {:.1} ({} {}), {} items ({} in window), routine {:.1}%, substantive {:.1}%, {} stale and {} empty columns, {} broken links, {} pages in {:.1} s",
            c.site,
            c.score,
            c.grade,
            c.grade_name,
            c.items_total,
            c.items_in_window,
            c.routine_share * 100.0,
            c.substantive_share * 100.0,
            c.stale_columns,
            c.empty_columns,
            c.broken.len(),
            c.crawl.pages_ok,
            c.crawl.elapsed_ms as f64 / 1000.0
        ),
    }
}

async fn run_audit(
    specs: Vec<SiteSpec>,
    opts: &CrawlOptions,
    classifier: &Classifier,
    window: Window,
    quiet: bool,
) -> Vec<SiteResult> {
    let bars = Bars::new(quiet);
    let futs = specs
        .iter()
        .map(|s| audit_site(s, opts, classifier, window, &bars));
    let results = futures_util::future::join_all(futs).await;
    bars.finish();
    results
}

pub(crate) async fn audit(a: AuditArgs, quiet: bool) -> Result<ExitCode> {
    let classifier = load_classifier(a.report.rules.as_deref())?;
    let window = window(&a.report)?;
    let mut opts = crawl_options(&a.crawl);
    opts.reference_date = window.as_of;
    let specs: Vec<SiteSpec> = a
        .urls
        .iter()
        .map(|u| SiteSpec {
            name: site_name(u),
            start: u.clone(),
            scope: a.scope.clone(),
            insecure_tls: a.crawl.insecure_tls,
            max_pages: None,
        })
        .collect();
    for s in &specs {
        if !matches!(s.start.scheme(), "http" | "https") {
            bail!("{}: only http and https URLs can be audited", s.start);
        }
    }
    let results = run_audit(specs, &opts, &classifier, window, quiet).await;
    let written = write_reports(&a.out, &results, lang(a.report.lang), !a.report.no_bom)
        .with_context(|| format!("cannot write the reports into {}", a.out.display()))?;
    if !quiet {
        for r in &results {
            eprintln!("{}", summary_line(r));
        }
        eprintln!(
            "reports: {}, {}, {}, {}",
            written.scorecard_md.display(),
            written.scorecard_csv.display(),
            written.scorecard_json.display(),
            written.items.display()
        );
    }
    let failed = results
        .iter()
        .any(|r| r.card.crawl.fatal.is_some() && r.card.items_total == 0);
    Ok(if failed {
        ExitCode::SiteFailed
    } else {
        ExitCode::Ok
    })
}

fn default_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sites/anlan")
}

/// The as-of date of the bundled fixture site: its figures are fixed against it.
pub(crate) const DEMO_AS_OF: (i32, u32, u32) = (2026, 6, 30);

pub(crate) async fn demo(a: DemoArgs, quiet: bool) -> Result<ExitCode> {
    let site_dir = a.site.unwrap_or_else(default_fixture);
    let site = disclosure_audit::serve::StaticSite::open(&site_dir)
        .with_context(|| format!("cannot open the fixture site {}", site_dir.display()))?;
    if !site_dir.join("www").is_dir() {
        bail!(
            "{} has no www/ folder: pass --site DIR with a fixture site",
            site_dir.display()
        );
    }
    let server = disclosure_audit::serve::Server::start(site)
        .await
        .context("cannot start the loopback server")?;
    let start = url::Url::parse(&server.base_url()).context("server URL")?;
    if !quiet {
        eprintln!("serving {} on {}", site_dir.display(), start);
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(DEMO_AS_OF.0, DEMO_AS_OF.1, DEMO_AS_OF.2)
        .expect("valid date");
    let window = Window::year_before(as_of);
    let opts = CrawlOptions {
        delay: Duration::ZERO,
        per_host: 4,
        reference_date: as_of,
        ..CrawlOptions::default()
    };
    let spec = SiteSpec {
        name: "安澜县人民政府（演示）".into(),
        start,
        scope: None,
        insecure_tls: false,
        max_pages: None,
    };
    let classifier = Classifier::builtin();
    let results = run_audit(vec![spec], &opts, &classifier, window, quiet).await;
    let written = write_reports(&a.out, &results, lang(a.lang), true)
        .with_context(|| format!("cannot write the reports into {}", a.out.display()))?;
    let r = &results[0];
    if !quiet {
        let c = &r.card;
        println!("{}", summary_line(r));
        for f in &c.categories {
            println!("  {:<15} {:>4}  {:>5.1}%", f.id, f.count, f.share * 100.0);
        }
        println!(
            "  interpretations per decision: {}",
            c.interpretation_coverage
                .map_or("-".into(), |v| format!("{v:.2}"))
        );
        println!("  key areas missing: {}", c.key_areas_missing.join(", "));
        println!("wrote {}", written.scorecard_md.display());
        println!("      {}", written.scorecard_csv.display());
        println!("      {}", written.scorecard_json.display());
        println!("      {}", written.items.display());
    }
    Ok(if r.card.crawl.fatal.is_some() {
        ExitCode::SiteFailed
    } else {
        ExitCode::Ok
    })
}

pub(crate) fn classify(a: &ClassifyArgs) -> Result<ExitCode> {
    let classifier = load_classifier(a.rules.as_deref())?;
    let input: Box<dyn std::io::Read> = if a.input.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(&a.input)
                .with_context(|| format!("cannot open {}", a.input.display()))?,
        )
    };
    let mut r = csv::Reader::from_reader(input);
    let headers = r
        .headers()
        .with_context(|| format!("{}: cannot read the header", a.input.display()))?
        .clone();
    let find = |n: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == n)
    };
    let Some(ti) = find("title") else {
        bail!(
            "{}: no `title` column in the header ({})",
            a.input.display(),
            headers.iter().collect::<Vec<_>>().join(",")
        );
    };
    let (ci, ui) = (find("column"), find("url"));
    let stdout = std::io::stdout();
    let mut w = csv::Writer::from_writer(stdout.lock());
    let mut h: Vec<&str> = headers.iter().collect();
    h.extend(["category", "key_area", "rule", "matched"]);
    w.write_record(&h)?;
    let mut s = Scratch::default();
    for (n, rec) in r.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: record {}", a.input.display(), n + 1))?;
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        let v = classifier.classify_with(&mut s, get(Some(ti)), get(ci), get(ui));
        let mut row: Vec<&str> = rec.iter().collect();
        let matched = v.matched.join("|");
        row.extend([
            &*v.category,
            v.key_area.as_deref().unwrap_or(""),
            &*v.rule,
            matched.as_str(),
        ]);
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(ExitCode::Ok)
}

pub(crate) fn eval(a: &EvalArgs) -> Result<ExitCode> {
    let classifier = load_classifier(a.rules.as_deref())?;
    let data = read_labelled(&a.input)?;
    if data.is_empty() {
        bail!("{}: no labelled rows", a.input.display());
    }
    let report = evaluate(&classifier, &data);
    let mut out = std::io::stdout().lock();
    match a.format {
        FormatArg::Text => out.write_all(report.to_text().as_bytes())?,
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(ExitCode::Ok)
}

pub(crate) fn rules(cmd: RulesCommand) -> Result<ExitCode> {
    match cmd {
        RulesCommand::Check { dir } => {
            let problems = RulePack::check(dir.as_deref());
            let label = dir.as_ref().map_or_else(
                || "the built-in rule pack".to_owned(),
                |d| d.display().to_string(),
            );
            for p in &problems {
                println!("{} {p}", if p.fatal { "error:" } else { "warning:" });
            }
            let errors = problems.iter().filter(|p| p.fatal).count();
            if errors > 0 {
                println!(
                    "{label}: {errors} error(s), {} warning(s)",
                    problems.len() - errors
                );
                Ok(ExitCode::BadInput)
            } else {
                let pack = match &dir {
                    Some(d) => RulePack::load(d).map_err(|e| anyhow::anyhow!("{e}"))?,
                    None => RulePack::builtin(),
                };
                println!(
                    "{label}: ok ({} {}): {} category rules, {} key areas, {} column kinds, {} warning(s)",
                    pack.info.name,
                    pack.info.version,
                    pack.rules.len(),
                    pack.areas.len(),
                    pack.column_kinds.len(),
                    problems.len()
                );
                Ok(ExitCode::Ok)
            }
        }
        RulesCommand::Explain {
            title,
            column,
            url,
            rules,
        } => {
            let classifier = load_classifier(rules.as_deref())?;
            let matches = classifier.explain(&title, &column, &url);
            let v = classifier.classify(&title, &column, &url);
            println!("title:    {title}");
            if !column.is_empty() {
                println!("column:   {column}");
            }
            println!(
                "rules that match ({}), highest priority first:",
                matches.len()
            );
            for (i, r) in matches.iter().enumerate() {
                println!(
                    "  {} {:>5}  {:<32} → {:<15} {}:{}",
                    if i == 0 { "*" } else { " " },
                    r.priority,
                    r.id,
                    r.category,
                    r.origin.0,
                    r.origin.1
                );
            }
            println!(
                "verdict:  {} (rule {}), key area {}",
                v.category,
                v.rule,
                v.key_area.as_deref().unwrap_or("-")
            );
            println!("matched:  {}", v.matched.join(", "));
            Ok(ExitCode::Ok)
        }
    }
}
