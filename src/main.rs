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
    #[expect(dead_code, reason = "used by batch runs once signals are handled")]
    Interrupted = 3,
}

fn main() {
    let cli = Cli::parse();
    let filter = std::env::var("DISCLOSURE_AUDIT_LOG").unwrap_or_else(|_| {
        if cli.quiet {
            "error".into()
        } else {
            "warn".into()
        }
    });
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .init();
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

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|ce| matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Audit(a) => runtime()?.block_on(cli::commands::audit(a, quiet)),
        Command::Demo(a) => runtime()?.block_on(cli::commands::demo(a, quiet)),
        Command::Classify(a) => cli::commands::classify(&a),
        Command::Eval(a) => cli::commands::eval(&a),
        Command::Rules(r) => cli::commands::rules(r),
    }
}
