#![expect(missing_docs, reason = "criterion macros generate undocumented items")]

//! Classifying 100 000 titles with the default rule pack (one automaton pass
//! per title). Titles are the fixture site's real-looking titles, varied by
//! a counter so the input is not 191 strings repeated verbatim.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use disclosure_audit::classify::{Classifier, Scratch};

fn titles() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/sites/anlan/expected_items.csv"
    );
    let mut r = csv::Reader::from_path(path).expect("fixture titles");
    let base: Vec<(String, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.expect("record");
            (rec[1].to_owned(), rec[2].to_owned())
        })
        .collect();
    (0..100_000)
        .map(|i| {
            let (t, c) = &base[i % base.len()];
            (format!("{t}（第{}期）", i / base.len()), c.clone())
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let classifier = Classifier::builtin();
    let titles = titles();
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Elements(titles.len() as u64));
    g.sample_size(10);
    g.bench_function("100k_titles_with_column", |b| {
        let mut s = Scratch::default();
        b.iter(|| {
            let mut n = 0u32;
            for (t, col) in &titles {
                n += classifier
                    .decide_rule(&mut s, t, col, "")
                    .map_or(0, |r| r & 1);
            }
            n
        });
    });
    g.bench_function("100k_titles_full_verdict", |b| {
        let mut s = Scratch::default();
        b.iter(|| {
            let mut n = 0usize;
            for (t, col) in &titles {
                n += classifier.classify_with(&mut s, t, col, "").matched.len();
            }
            n
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
