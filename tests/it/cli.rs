//! The binary: classify, rules check, and the demo.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_disclosure-audit"))
}

#[test]
fn classify_appends_verdict_columns() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "title,column\n《安澜县城乡居民基本医疗保险实施办法》政策解读,政策文件\n县长调研春耕生产工作,政策文件\n").unwrap();
    let out = bin().arg("classify").arg(&input).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "title,column,category,key_area,rule,matched");
    assert!(
        lines[1].contains(",interpretation,health,interpretation.title,"),
        "{}",
        lines[1]
    );
    // Precedence rule 4: news in a policy-document column is still routine.
    assert!(
        lines[2].contains(",routine,rural,routine.news,"),
        "{}",
        lines[2]
    );
}

#[test]
fn classify_without_title_column_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "name\nx\n").unwrap();
    let out = bin().arg("classify").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no `title` column"));
}

#[test]
fn demo_writes_the_four_reports() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["demo", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("191 items"), "{stdout}");
    for f in [
        "items.csv",
        "scorecard.csv",
        "scorecard.md",
        "scorecard.json",
    ] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
}
