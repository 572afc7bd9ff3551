//! Progress on stderr: a spinner line per site when stderr is a terminal,
//! nothing otherwise (logs carry the news then).

use std::io::IsTerminal;

use disclosure_audit::crawl::Progress;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

/// Shows crawl progress.
pub(crate) struct Bars {
    multi: MultiProgress,
    bars: std::sync::Mutex<std::collections::HashMap<String, ProgressBar>>,
    enabled: bool,
}

impl Bars {
    pub(crate) fn new(quiet: bool) -> Self {
        Self {
            multi: MultiProgress::new(),
            bars: std::sync::Mutex::new(std::collections::HashMap::new()),
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    pub(crate) fn finish(&self) {
        for b in self.bars.lock().expect("bars lock").values() {
            b.finish_and_clear();
        }
    }
}

impl Progress for Bars {
    fn page(&self, site: &str, pages_done: u64, queued: usize, items: usize) {
        if !self.enabled {
            return;
        }
        let mut bars = self.bars.lock().expect("bars lock");
        let bar = bars.entry(site.to_owned()).or_insert_with(|| {
            let b = self.multi.add(ProgressBar::new_spinner());
            b.set_style(
                ProgressStyle::with_template("{spinner} {prefix}: {msg}").expect("valid template"),
            );
            b.set_prefix(site.to_owned());
            b
        });
        bar.set_message(format!(
            "{pages_done} pages, {items} items, {queued} queued"
        ));
        bar.tick();
    }
}
