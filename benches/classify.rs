#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

//! Classifying 100 000 titles with the default rule pack (one automaton pass
//! per title), on two inputs:
//! - `fixture`: the fixture site's titles, varied by a counter so the input
//!   is not 191 strings repeated verbatim;
//! - `real`: the real titles of the labelled development set, with
//!   their columns and URLs, in turn. Real titles of many sites reach far
//!   more of the automaton than one site's do, so this is the figure to
//!   quote.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use disclosure_audit::classify::{Classifier, Scratch};

const N: usize = 100_000;

/// (title, column, url)
type Item = (String, String, String);

/// The named fields of a fixture CSV; a field named "" is left empty.
fn read(file: &str, fields: [&str; 3]) -> Vec<Item> {
    let path = format!("{}/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut r = csv::Reader::from_path(&path).expect("bench titles");
    let headers = r.headers().expect("header").clone();
    let at = fields.map(|f| headers.iter().position(|h| !f.is_empty() && h == f));
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").to_owned();
            (get(at[0]), get(at[1]), get(at[2]))
        })
        .collect()
}

fn fixture_titles() -> Vec<Item> {
    // Without URLs, as this figure has always been taken.
    let base = read("sites/anlan/expected_items.csv", ["title", "column", ""]);
    (0..N)
        .map(|i| {
            let (t, c, u) = &base[i % base.len()];
            (
                format!("{t}（第{}期）", i / base.len()),
                c.clone(),
                u.clone(),
            )
        })
        .collect()
}

fn real_titles() -> Vec<Item> {
    let base = read("labelled/real_dev.csv", ["title", "column", "url"]);
    (0..N).map(|i| base[i % base.len()].clone()).collect()
}

fn bench(c: &mut Criterion) {
    let classifier = Classifier::builtin();
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    for (name, items) in [("fixture", fixture_titles()), ("real", real_titles())] {
        g.bench_function(format!("100k_{name}_titles_decision"), |b| {
            let mut s = Scratch::default();
            b.iter(|| {
                let mut n = 0u32;
                for (t, col, url) in &items {
                    n += classifier
                        .decide_rule(&mut s, t, col, url)
                        .map_or(0, |r| r & 1);
                }
                n
            });
        });
        g.bench_function(format!("100k_{name}_titles_full_verdict"), |b| {
            let mut s = Scratch::default();
            b.iter(|| {
                let mut n = 0usize;
                for (t, col, url) in &items {
                    n += classifier.classify_with(&mut s, t, col, url).matched.len();
                }
                n
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
