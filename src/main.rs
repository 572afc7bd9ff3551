//! The `disclosure-audit` binary: parse the arguments, set up logging and
//! the runtime, run one command, map the outcome to an exit code.

mod cli;

use clap::Parser;

use cli::{Cli, Command};

/// Exit codes, documented in `--help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitCode {
    /// Every site audited (and above `--fail-below`).
    Ok = 0,
    /// The run finished, but a site failed or fell below the threshold.
    SiteFailed = 1,
    /// Bad input or configuration.
    BadInput = 2,
    /// Interrupted.
    Interrupted = 3,
}

fn main() {
    let args = match cli::config::args_with_config(std::env::args_os().collect()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("disclosure-audit: {e:#}");
            std::process::exit(ExitCode::BadInput as i32);
        }
    };
    let cli = Cli::parse_from(args);
    if let Err(e) = init_logging(&cli) {
        eprintln!("disclosure-audit: {e:#}");
        std::process::exit(ExitCode::BadInput as i32);
    }
    let code = match run(cli) {
        Ok(c) => c,
        Err(e) => {
            if is_broken_pipe(&e) {
                ExitCode::Ok
            } else {
                eprintln!("disclosure-audit: {e:#}");
                ExitCode::BadInput
            }
        }
    };
    std::process::exit(code as i32);
}

fn init_logging(cli: &Cli) -> anyhow::Result<()> {
    use tracing_subscriber::prelude::*;
    // Without a terminal (cron), progress is shown as plain log lines.
    let default = if cli.quiet {
        "error"
    } else if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        "warn"
    } else {
        "warn,disclosure_audit=info"
    };
    let filter = std::env::var("DISCLOSURE_AUDIT_LOG").unwrap_or_else(|_| default.into());
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(tracing_subscriber::EnvFilter::new(&filter));
    let file = match &cli.log_file {
        Some(p) => {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .map_err(|e| anyhow::anyhow!("cannot open the log file {}: {e}", p.display()))?;
            Some(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_writer(std::sync::Mutex::new(f))
                    .with_filter(tracing_subscriber::EnvFilter::new(
                        std::env::var("DISCLOSURE_AUDIT_LOG").unwrap_or_else(|_| "info".into()),
                    )),
            )
        }
        None => None,
    };
    tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .init();
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|ce| matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    // Extraction (the CPU-heavy part) runs on the blocking pool, one thread
    // per core; the workers only move bytes and keep the crawl's books, so
    // half the cores serve them. More threads than that contend for the
    // cores (on 2 cores, one worker gave 10.8k pages/s where two gave 10.0k)
    // and each brings its own allocator arena.
    // TOKIO_WORKER_THREADS, tokio's own setting, still wins when given.
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let mut b = tokio::runtime::Builder::new_multi_thread();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        b.worker_threads((cores / 2).max(1));
    }
    Ok(b.enable_all().max_blocking_threads(cores).build()?)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Audit(a) => runtime()?.block_on(cli::commands::audit(a, quiet)),
        Command::Demo(a) => runtime()?.block_on(cli::commands::demo(a, quiet)),
        Command::Classify(a) => cli::commands::classify(&a),
        Command::Eval(a) => cli::commands::eval(&a),
        Command::Rules(r) => cli::commands::rules(r),
        Command::Batch(a) => runtime()?.block_on(cli::batch::batch(a, quiet)),
        Command::Runs(a) => cli::batch::runs(&a),
        Command::Report(a) => cli::batch::report(&a),
        Command::Rescore(a) => cli::batch::rescore(&a),
        Command::Merge(a) => cli::batch::merge(&a),
    }
}
