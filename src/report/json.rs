//! `scorecard.json`: the scorecards' figures for machines.

use std::io::Write;

use serde::Serialize;

use crate::score::Scorecard;

#[derive(Serialize)]
struct Doc<'a> {
    tool: &'static str,
    version: &'static str,
    sites: &'a [Scorecard],
}

/// Writes the scorecards as one JSON document.
///
/// # Errors
/// When the writer fails.
pub fn write_scorecards(w: &mut dyn Write, cards: &[Scorecard]) -> std::io::Result<()> {
    let doc = Doc {
        tool: "disclosure-audit",
        version: env!("CARGO_PKG_VERSION"),
        sites: cards,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}
