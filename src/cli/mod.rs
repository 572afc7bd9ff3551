//! The command line: clap types, and their conversion to library options.

pub(crate) mod batch;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod progress;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use disclosure_audit::crawl;

/// Audits the quality of government information-disclosure websites
/// (政府信息公开): crawls a unit's disclosure site, sorts every item into the
/// categories of the taxonomy, and writes CSV, Markdown and JSON scorecards.
///
/// Exit codes: 0 every site audited; 1 the run finished but a site failed to be
/// audited (or fell below --fail-below); 2 bad input or configuration; 3 interrupted.
#[derive(Debug, Parser)]
#[command(
    name = "disclosure-audit",
    version,
    max_term_width = 100,
    args_override_self = true
)]
pub(crate) struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
    /// A configuration file (TOML) whose keys are the long flags; flags given on the command line win.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Also write logs to this file.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) log_file: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Audit one or more sites and write items.csv, scorecard.csv, scorecard.md and scorecard.json.
    Audit(AuditArgs),
    /// Classify the items of a CSV (a `title` column, optionally `column` and `url`) and write them to stdout with category, key_area, rule and matched appended. No network.
    Classify(ClassifyArgs),
    /// Serve the bundled fixture site on 127.0.0.1 and audit it end to end.
    Demo(DemoArgs),
    /// Measure the rule pack against a labelled CSV (title, category, key_area; optionally column, url).
    Eval(EvalArgs),
    /// Check or explain a rule pack.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Audit every site of a sites file (`name,url`, optionally `unit_level,region,scope,max_pages,insecure_tls,notes`), storing each run in the history database.
    Batch(BatchArgs),
    /// List the runs in the history database.
    Runs(RunsArgs),
    /// Re-render a stored run's reports, without the network.
    Report(ReportRunArgs),
    /// Re-classify and re-score a stored run, optionally with another rule pack.
    Rescore(RescoreArgs),
    /// Combine the outputs of several shards into one set of reports.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub(crate) struct DbArgs {
    /// The history database (SQLite).
    #[arg(long, value_name = "FILE")]
    pub(crate) db: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct BatchArgs {
    /// The sites file (CSV with a header).
    #[arg(value_name = "SITES_CSV")]
    pub(crate) sites: PathBuf,
    /// Output folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Sites crawled at once.
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub(crate) jobs: usize,
    /// Exit with code 1 when a site scores below this.
    #[arg(long, value_name = "SCORE")]
    pub(crate) fail_below: Option<f64>,
    /// Continue the latest interrupted run instead of starting a new one (sites already stored are not fetched again).
    #[arg(long)]
    pub(crate) resume: bool,
    /// Take only a deterministic share K of N of the sites (stable under reordering).
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<disclosure_audit::batch::Shard>,
    #[command(flatten)]
    pub(crate) db: DbArgs,
    #[command(flatten)]
    pub(crate) crawl: CrawlArgs,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RunsArgs {
    #[command(flatten)]
    pub(crate) db: DbArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ReportRunArgs {
    #[command(flatten)]
    pub(crate) stored: StoredRunArgs,
}

/// Which stored run, and where its reports go.
#[derive(Debug, Args)]
pub(crate) struct StoredRunArgs {
    /// The run id (see `runs`).
    #[arg(long, value_name = "ID")]
    pub(crate) run: i64,
    /// Output folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Language of the Markdown reports.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub(crate) lang: LangArg,
    /// Write CSV files without the UTF-8 byte-order mark.
    #[arg(long)]
    pub(crate) no_bom: bool,
    #[command(flatten)]
    pub(crate) db: DbArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RescoreArgs {
    #[command(flatten)]
    pub(crate) stored: StoredRunArgs,
    /// A rule pack folder instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// Output folders of the shards (each with summary.csv, items.csv and sites/).
    #[arg(required = true, value_name = "DIR")]
    pub(crate) dirs: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Language of summary.md.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub(crate) lang: LangArg,
    /// The shards' history databases to copy into `--db`.
    #[arg(long = "store", value_name = "FILE")]
    pub(crate) stores: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) db: DbArgs,
}

/// Options shared by the commands that crawl.
#[derive(Debug, Args, Clone)]
pub(crate) struct CrawlArgs {
    /// Page budget per site (HTML pages and attachment checks).
    #[arg(long, value_name = "N", default_value_t = crawl::DEFAULT_MAX_PAGES)]
    pub(crate) max_pages: u32,
    /// Link depth from the start page (pagination adds none).
    #[arg(long, value_name = "N", default_value_t = crawl::DEFAULT_MAX_DEPTH)]
    pub(crate) max_depth: u32,
    /// Concurrent requests per host.
    #[arg(long, value_name = "N", default_value_t = crawl::DEFAULT_PER_HOST)]
    pub(crate) per_host: u32,
    /// Minimum delay between requests to one host, in milliseconds; it grows with the server's response time (0 turns pacing off).
    #[arg(long, value_name = "MS", default_value_t = crawl::DEFAULT_DELAY_MS)]
    pub(crate) delay_ms: u64,
    /// Per-request timeout in seconds (connect, headers and body).
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub(crate) timeout: u64,
    /// Requests the whole run may send (all sites together); when it runs out the figures are marked partial.
    #[arg(long, value_name = "N")]
    pub(crate) max_requests: Option<u64>,
    /// Per-site time budget in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 3600)]
    pub(crate) site_timeout: u64,
    /// Largest body read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crawl::fetch::DEFAULT_MAX_BODY)]
    pub(crate) max_body: usize,
    /// Do not honour robots.txt (only where you are entitled to).
    #[arg(long)]
    pub(crate) ignore_robots: bool,
    /// Accept TLS certificates that fail verification (self-signed, expired).
    #[arg(long)]
    pub(crate) insecure_tls: bool,
    /// Do not check attachment links (PDF, DOC, XLS…).
    #[arg(long)]
    pub(crate) no_attachments: bool,
    /// A contact URL or e-mail added to the User-Agent.
    #[arg(long, value_name = "URL")]
    pub(crate) contact: Option<String>,
}

/// Options shared by the commands that score and report.
#[derive(Debug, Args, Clone)]
pub(crate) struct ReportArgs {
    /// The as-of date of the scorecard (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) as_of: Option<chrono::NaiveDate>,
    /// Start of the window (default: 12 months before --as-of).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) since: Option<chrono::NaiveDate>,
    /// A rule pack folder (pack.toml, categories.toml, key_areas.toml) instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
    /// Language of scorecard.md.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub(crate) lang: LangArg,
    /// Write CSV files without the UTF-8 byte-order mark.
    #[arg(long)]
    pub(crate) no_bom: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum LangArg {
    /// Chinese.
    Zh,
    /// English.
    En,
}

#[derive(Debug, Args)]
pub(crate) struct AuditArgs {
    /// Start URLs, one site each.
    #[arg(required = true, value_name = "URL")]
    pub(crate) urls: Vec<url::Url>,
    /// Output folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Only crawl URLs whose path starts with this prefix (besides the start URL).
    #[arg(long, value_name = "PATH")]
    pub(crate) scope: Option<String>,
    #[command(flatten)]
    pub(crate) crawl: CrawlArgs,
    #[command(flatten)]
    pub(crate) report: ReportArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ClassifyArgs {
    /// Input CSV with a `title` column (`-` for stdin).
    #[arg(value_name = "ITEMS_CSV")]
    pub(crate) input: PathBuf,
    /// A rule pack folder instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "disclosure-audit-demo")]
    pub(crate) out: PathBuf,
    /// The fixture site folder to serve.
    #[arg(long, value_name = "DIR")]
    pub(crate) site: Option<PathBuf>,
    /// Language of scorecard.md.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub(crate) lang: LangArg,
}

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// Labelled CSV: title, category, key_area (optionally column, url, site).
    #[arg(value_name = "LABELLED_CSV")]
    pub(crate) input: PathBuf,
    /// A rule pack folder instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub(crate) format: FormatArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum FormatArg {
    /// Plain text.
    Text,
    /// JSON.
    Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RulesCommand {
    /// Validate a rule pack (default: the built-in one); every problem names file, line and field.
    Check {
        /// The pack folder.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Show every rule that matches a title and which one wins.
    Explain {
        /// The title.
        title: String,
        /// The column name.
        #[arg(long, value_name = "NAME", default_value = "")]
        column: String,
        /// The item URL.
        #[arg(long, value_name = "URL", default_value = "")]
        url: String,
        /// A rule pack folder instead of the built-in one.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
