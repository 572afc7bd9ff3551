//! Supervisor and cron use: a batch over several fixture sites with an
//! unreachable site and a malformed row, the store, resume after a kill,
//! and rescoring with another rule pack.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::serve_anlan;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_disclosure-audit"))
}

fn batch_args(sites: &Path, out: &Path, db: &Path) -> Vec<String> {
    [
        "batch",
        sites.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--as-of",
        "2026-06-30",
        "--per-host",
        "4",
        "--delay-ms",
        "0",
        "--timeout",
        "5",
        "-q",
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

async fn run(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || bin().args(args).output().unwrap())
        .await
        .unwrap()
}

fn csv_rows(p: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(p)
        .unwrap();
    r.records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|s| s.trim_start_matches('\u{feff}').to_owned())
                .collect()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_with_unreachable_site_and_malformed_row() {
    let a = serve_anlan().await;
    let b = serve_anlan().await;
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites.csv");
    std::fs::write(
        &sites,
        format!(
            "name,url,unit_level,region,owner\n甲县,{},县,东部,张三\n乙县,{},县,西部,李四\n关闭县,http://127.0.0.1:9/,县,北部,王五\n无网址县,,乡镇,南部,赵六\n",
            a.base_url(),
            b.base_url()
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let db = dir.path().join("h.sqlite");
    let o = run(batch_args(&sites, &out, &db)).await;
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("sites.csv:5: no URL"));

    let rows = csv_rows(&out.join("summary.csv"));
    let h = &rows[0];
    assert_eq!(
        &h[..6],
        &["rank", "name", "url", "unit_level", "region", "owner"]
    );
    assert_eq!(rows.len(), 5, "header + 4 sites");
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    // Ranked: the two audited sites first, failures last with their errors.
    assert_eq!(rows[1][col("rank")], "1");
    assert_eq!(rows[1][col("items_total")], "191");
    assert_eq!(rows[2][col("items_total")], "191");
    // How much of each site's category table rests on weaker evidence than
    // the titles' own words (the fixture site: its column names, 11 items of
    // 169).
    for r in &rows[1..3] {
        assert_eq!(r[col("weak_evidence_share")], "0.0651", "{r:?}");
    }
    assert_eq!(
        rows[1][col("owner")],
        if rows[1][1] == "甲县" {
            "张三"
        } else {
            "李四"
        }
    );
    let failed: Vec<&Vec<String>> = rows[3..].iter().collect();
    assert!(failed.iter().all(|r| r[col("rank")].is_empty()
        && r[col("weak_evidence_share")].is_empty()
        && !r[col("error")].is_empty()));
    assert!(failed.iter().any(|r| r[1] == "关闭县"));
    assert!(
        failed
            .iter()
            .any(|r| r[1] == "无网址县" && r[col("error")].contains("line 5"))
    );
    for s in ["甲县", "乙县", "关闭县"] {
        assert!(
            out.join("sites").join(s).join("scorecard.md").is_file(),
            "{s}"
        );
    }
    let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(md.contains("得分中位数") && md.contains("未能评估的站点"));

    // The store: one completed run with three sites, one failed.
    let o = run(vec![
        "runs".into(),
        "--db".into(),
        db.to_str().unwrap().into(),
    ])
    .await;
    let text = String::from_utf8_lossy(&o.stdout);
    let line = text.lines().nth(1).unwrap();
    assert!(
        line.contains("completed") && line.contains("    3      1"),
        "{text}"
    );

    // A second run shows the trend, keeps first-seen dates, and re-crawls
    // incrementally: detail pages and attachments seen before are asked for
    // conditionally and answered 304.
    let before = a.requests().len();
    let out2 = dir.path().join("out2");
    let o = run(batch_args(&sites, &out2, &db)).await;
    assert_eq!(o.status.code(), Some(1));
    let sent = (a.requests().len() - before) as u64;
    let conditional = a.conditional_requests();
    assert!(
        conditional * 100 >= sent * 80,
        "{conditional} conditional of {sent} requests"
    );
    let (one, two) = (
        std::fs::read_to_string(out.join("items.csv")).unwrap(),
        std::fs::read_to_string(out2.join("items.csv")).unwrap(),
    );
    for (a, b) in one.lines().zip(two.lines()) {
        assert_eq!(a, b, "unchanged pages give the same items");
    }
    assert_eq!(one.lines().count(), two.lines().count());
    let rows = csv_rows(&out2.join("summary.csv"));
    let h = &rows[0];
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    assert_eq!(rows[1][col("score_delta")], "+0.0");
    assert_eq!(rows[1][col("new_items")], "0");
    let md = std::fs::read_to_string(out2.join("sites/甲县/scorecard.md")).unwrap();
    assert!(md.contains("与上次评估（运行 #1"), "{md}");

    // report --run re-renders without the network.
    drop((a, b));
    let out3 = dir.path().join("out3");
    let o = run(vec![
        "report".into(),
        "--run".into(),
        "1".into(),
        "--out".into(),
        out3.to_str().unwrap().into(),
        "--db".into(),
        db.to_str().unwrap().into(),
    ])
    .await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(out3.join("items.csv")).unwrap(),
        std::fs::read(out.join("items.csv")).unwrap()
    );
}

/// One fixture site audited by `batch` into a fresh folder: the server (kept
/// alive), the folder, the reports folder and the store.
async fn one_site_batch() -> (
    disclosure_audit::serve::Server,
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
) {
    let a = serve_anlan().await;
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites.csv");
    std::fs::write(&sites, format!("name,url\n甲县,{}\n", a.base_url())).unwrap();
    let (out, db) = (dir.path().join("out"), dir.path().join("h.sqlite"));
    let o = run(batch_args(&sites, &out, &db)).await;
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (a, dir, out, db)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rescore_with_another_pack_changes_only_classification_figures() {
    let (site, dir, out, db) = one_site_batch().await;
    // Another pack: every news-verb rule now says `other`.
    let pack = dir.path().join("rules");
    std::fs::create_dir_all(&pack).unwrap();
    for f in ["pack.toml", "categories.toml", "key_areas.toml"] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").join(f))
                .unwrap();
        let text = if f == "categories.toml" {
            text.replace("category = \"routine\"", "category = \"other\"")
        } else {
            text
        };
        std::fs::write(pack.join(f), text).unwrap();
    }
    drop(site);
    let out2 = dir.path().join("rescored");
    let o = run(vec![
        "rescore".into(),
        "--run".into(),
        "1".into(),
        "--rules".into(),
        pack.to_str().unwrap().into(),
        "--out".into(),
        out2.to_str().unwrap().into(),
        "--db".into(),
        db.to_str().unwrap().into(),
    ])
    .await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (before, after) = (
        csv_rows(&out.join("summary.csv")),
        csv_rows(&out2.join("summary.csv")),
    );
    let h = &before[0];
    for (i, name) in h.iter().enumerate() {
        let changed = before[1][i] != after[1][i];
        let classification = [
            "score",
            "grade",
            "routine_share",
            "substantive_share",
            "interpretation_coverage",
        ]
        .contains(&name.as_str());
        if classification {
            if name == "routine_share" {
                assert!(
                    changed && after[1][i] == "0.0000",
                    "{name}: {} → {}",
                    before[1][i],
                    after[1][i]
                );
            }
        } else {
            assert!(
                !changed,
                "{name} changed: {} → {}",
                before[1][i], after[1][i]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_run_resumes_to_the_same_reports() {
    let servers = [
        serve_anlan().await,
        serve_anlan().await,
        serve_anlan().await,
        serve_anlan().await,
    ];
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites.csv");
    let mut text = String::from("name,url\n");
    for (i, s) in servers.iter().enumerate() {
        text.push_str(&format!("site{i},{}\n", s.base_url()));
    }
    std::fs::write(&sites, text).unwrap();
    let slow = |out: &Path, db: &Path| {
        let mut v = batch_args(&sites, out, db);
        let at = v.iter().position(|x| x == "--delay-ms").unwrap();
        v[at + 1] = "3".into();
        let at = v.iter().position(|x| x == "--per-host").unwrap();
        v[at + 1] = "1".into();
        v.extend(["--jobs".into(), "1".into()]);
        v
    };
    // Uninterrupted.
    let (out_a, db_a) = (dir.path().join("a"), dir.path().join("a.sqlite"));
    let o = run(slow(&out_a, &db_a)).await;
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Killed after the first site, then resumed.
    let (out_b, db_b) = (dir.path().join("b"), dir.path().join("b.sqlite"));
    let args = slow(&out_b, &db_b);
    let db_b2 = db_b.clone();
    let code = tokio::task::spawn_blocking(move || {
        let mut child = bin().args(&args).spawn().unwrap();
        // Wait until one site is stored, then send SIGTERM.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let stored = rusqlite::Connection::open(&db_b2)
                .and_then(|c| c.query_row("SELECT COUNT(*) FROM sites", [], |r| r.get::<_, i64>(0)))
                .unwrap_or(0);
            if stored >= 1 || std::time::Instant::now() > deadline {
                break;
            }
        }
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        child.wait().unwrap().code()
    })
    .await
    .unwrap();
    assert_eq!(code, Some(3), "interrupted exit code");
    let conn = rusqlite::Connection::open(&db_b).unwrap();
    let (status, stored): (String, i64) = conn
        .query_row(
            "SELECT status, (SELECT COUNT(*) FROM sites) FROM runs",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(status, "interrupted");
    assert!(
        (1..4).contains(&stored),
        "{stored} sites stored before the kill"
    );
    let mut args = slow(&out_b, &db_b);
    args.push("--resume".into());
    let o = run(args).await;
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for f in ["summary.csv", "items.csv", "sites/site2/scorecard.csv"] {
        assert_eq!(
            std::fs::read(out_a.join(f)).unwrap(),
            std::fs::read(out_b.join(f)).unwrap(),
            "{f} differs"
        );
    }
    let runs: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE status = 'completed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(runs, 1, "the resumed run is the same run");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redated_items_are_flagged_against_the_previous_run() {
    use crate::support::{MiniSite, detail_page, list_page};
    use disclosure_audit::serve::Server;
    let site = |date: &str| {
        MiniSite::default()
            .page(
                "/",
                &list_page(
                    "工作动态",
                    &[
                        ("/n/t1.html", "关于做好2026年防汛工作的通知", date),
                        ("/n/t2.html", "县长调研春耕生产工作", "2026-03-02"),
                    ],
                ),
            )
            .page(
                "/n/t1.html",
                &detail_page("关于做好2026年防汛工作的通知", date),
            )
            .page(
                "/n/t2.html",
                &detail_page("县长调研春耕生产工作", "2026-03-02"),
            )
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let old = Server::start(site("2026-03-01")).await.unwrap();
    let sites = dir.path().join("sites.csv");
    std::fs::write(&sites, format!("name,url\n甲县,{}\n", old.base_url())).unwrap();
    let o = run(batch_args(&sites, &dir.path().join("o1"), &db)).await;
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let new = Server::start(site("2026-06-28")).await.unwrap();
    std::fs::write(&sites, format!("name,url\n甲县,{}\n", new.base_url())).unwrap();
    let out = dir.path().join("o2");
    let o = run(batch_args(&sites, &out, &db)).await;
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows = csv_rows(&out.join("summary.csv"));
    let col = rows[0].iter().position(|x| x == "warnings").unwrap();
    assert!(rows[1][col].contains("redated_items"), "{:?}", rows[1]);
    let md = std::fs::read_to_string(out.join("sites/甲县/scorecard.md")).unwrap();
    assert!(md.contains("2026-03-01 → 2026-06-28"), "{md}");
    assert!(!md.contains("2026-03-02 →"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_cover_the_sites_once_and_merge_into_one_report() {
    let servers = [
        serve_anlan().await,
        serve_anlan().await,
        serve_anlan().await,
    ];
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites.csv");
    let mut text = String::from("name,url,region\n");
    for (i, s) in servers.iter().enumerate() {
        text.push_str(&format!("县{i},{},区{i}\n", s.base_url()));
    }
    text.push_str("坏行县,,区9\n");
    std::fs::write(&sites, text).unwrap();
    let mut shard_dirs = Vec::new();
    let mut seen = 0;
    for k in 1..=2 {
        let out = dir.path().join(format!("shard{k}"));
        let mut args = batch_args(&sites, &out, &dir.path().join(format!("s{k}.sqlite")));
        args.extend(["--shard".into(), format!("{k}/2")]);
        let o = run(args).await;
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        seen += std::fs::read_dir(out.join("sites")).map_or(0, Iterator::count);
        shard_dirs.push(out);
    }
    assert_eq!(seen, 3, "every site in exactly one shard");
    let merged = dir.path().join("all");
    let mut args = vec!["merge".to_owned()];
    args.extend(shard_dirs.iter().map(|d| d.display().to_string()));
    args.extend(["--out".into(), merged.display().to_string()]);
    let merged_db = dir.path().join("all.sqlite");
    for k in 1..=2 {
        args.extend([
            "--store".into(),
            dir.path()
                .join(format!("s{k}.sqlite"))
                .display()
                .to_string(),
        ]);
    }
    args.extend(["--db".into(), merged_db.display().to_string()]);
    let o = run(args).await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = csv_rows(&merged.join("summary.csv"));
    let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    for n in ["县0", "县1", "县2", "坏行县"] {
        assert_eq!(
            names.iter().filter(|x| **x == n).count(),
            1,
            "{n} once in {names:?}"
        );
    }
    assert_eq!(rows[0][3], "region");
    let items = std::fs::read_to_string(merged.join("items.csv")).unwrap();
    assert_eq!(items.lines().count(), 1 + 3 * 191);
    assert!(merged.join("sites/县2/scorecard.md").is_file());
    // The shards' stores are copied into one.
    let conn = rusqlite::Connection::open(&merged_db).unwrap();
    let (runs, sites, items): (i64, i64, i64) = conn
        .query_row("SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM sites), (SELECT COUNT(*) FROM items)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((runs, sites, items), (2, 3, 3 * 191));
}

#[tokio::test]
async fn a_site_report_that_cannot_be_written_fails_the_render_and_keeps_the_old_files() {
    let (_site, dir, _out, db) = one_site_batch().await;
    // A folder where `sites` is a file: the site's scorecards cannot be written.
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("sites"), "not a folder").unwrap();
    std::fs::write(bad.join("items.csv"), "old items\n").unwrap();
    let o = run(vec![
        "report".into(),
        "--db".into(),
        db.display().to_string(),
        "--run".into(),
        "1".into(),
        "--out".into(),
        bad.display().to_string(),
    ])
    .await;
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot write the reports"), "{err}");
    // Nothing half-written replaced what was there.
    assert_eq!(
        std::fs::read_to_string(bad.join("items.csv")).unwrap(),
        "old items\n"
    );
    assert!(!bad.join("summary.csv").exists());
}
