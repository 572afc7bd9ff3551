//! Progress on stderr: an overall bar for a batch and a line per active
//! site when stderr is a terminal; nothing otherwise (log lines carry the
//! news then).

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Mutex;

use disclosure_audit::crawl::Progress;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

/// Shows crawl progress.
pub(crate) struct Bars {
    multi: MultiProgress,
    overall: Option<ProgressBar>,
    bars: Mutex<HashMap<String, ProgressBar>>,
    enabled: bool,
}

impl Bars {
    pub(crate) fn new(quiet: bool) -> Self {
        Self {
            multi: MultiProgress::new(),
            overall: None,
            bars: Mutex::new(HashMap::new()),
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    /// Adds the overall bar of a batch of `sites` sites.
    pub(crate) fn with_overall(mut self, sites: usize) -> Self {
        if self.enabled {
            let b = self.multi.add(ProgressBar::new(sites as u64));
            b.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} sites {elapsed_precise} (eta {eta})",
                )
                .expect("valid template"),
            );
            self.overall = Some(b);
        }
        self
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.overall {
            b.finish_and_clear();
        }
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
            b.set_prefix(disclosure_audit::report::sanitize(site));
            b
        });
        bar.set_message(format!(
            "{pages_done} pages, {items} items, {queued} queued"
        ));
        bar.tick();
    }

    fn site_done(&self, site: &str) {
        if let Some(b) = self.bars.lock().expect("bars lock").remove(site) {
            b.finish_and_clear();
            self.multi.remove(&b);
        }
        if let Some(o) = &self.overall {
            o.inc(1);
        }
    }
}
