//! The configuration file: every long flag can be set in a TOML file given
//! with `--config FILE`. Top-level keys apply to every command that has the
//! flag; a `[batch]` (or `[audit]`, …) table applies to that command only.
//! The file's values are placed before the command line's, and clap keeps
//! the last value of a flag, so flags on the command line win.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::CommandFactory;

use super::Cli;

fn config_path(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--config" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = s.strip_prefix("--config=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

fn to_args(file: &str, key: &str, v: &toml::Value, out: &mut Vec<OsString>) -> Result<()> {
    let flag = format!("--{}", key.replace('_', "-"));
    match v {
        toml::Value::Boolean(true) => out.push(flag.into()),
        toml::Value::Boolean(false) => {}
        toml::Value::String(s) => out.extend([flag.into(), s.into()]),
        toml::Value::Integer(i) => out.extend([flag.into(), i.to_string().into()]),
        toml::Value::Float(f) => out.extend([flag.into(), f.to_string().into()]),
        toml::Value::Datetime(d) => out.extend([flag.into(), d.to_string().into()]),
        toml::Value::Array(a) => {
            for x in a {
                to_args(file, key, x, out)?;
            }
        }
        toml::Value::Table(_) => {
            bail!("{file}: key `{key}`: a table is only allowed for a command name")
        }
    }
    Ok(())
}

/// The command line with the configuration file's flags inserted after the
/// command name.
///
/// # Errors
/// When the file cannot be read or parsed, or names a flag no command has.
pub(crate) fn args_with_config(mut args: Vec<OsString>) -> Result<Vec<OsString>> {
    let Some(path) = config_path(&args) else {
        return Ok(args);
    };
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {file}"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map_or(0, |s| text[..s.start].lines().count().max(1));
        anyhow::anyhow!("{file}:{line}: {}", e.message())
    })?;
    let cmd = Cli::command();
    let sub_names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let Some(pos) = args
        .iter()
        .position(|a| sub_names.iter().any(|n| a.to_string_lossy() == *n))
    else {
        return Ok(args);
    };
    let sub_name = args[pos].to_string_lossy().into_owned();
    let sub = cmd.find_subcommand(&sub_name).expect("known subcommand");
    let has = |key: &str| {
        let long = key.replace('_', "-");
        sub.get_arguments()
            .any(|a| a.get_long() == Some(long.as_str()))
            || cmd
                .get_arguments()
                .any(|a| a.get_long() == Some(long.as_str()))
    };
    let any_has = |key: &str| {
        let long = key.replace('_', "-");
        cmd.get_subcommands().any(|s| {
            s.get_arguments()
                .any(|a| a.get_long() == Some(long.as_str()))
        })
    };
    let mut inserted = Vec::new();
    for (k, v) in &table {
        if let toml::Value::Table(t) = v {
            if !sub_names.contains(k) {
                bail!(
                    "{file}: [{k}]: no such command (commands: {})",
                    sub_names.join(", ")
                );
            }
            if *k != sub_name {
                continue;
            }
            for (k2, v2) in t {
                if !has(k2) {
                    bail!(
                        "{file}: [{k}] key `{k2}`: `{k}` has no flag --{}",
                        k2.replace('_', "-")
                    );
                }
                to_args(&file, k2, v2, &mut inserted)?;
            }
        } else if k == "config" {
            bail!("{file}: key `config`: a configuration file cannot name another");
        } else if has(k) {
            to_args(&file, k, v, &mut inserted)?;
        } else if !any_has(k) {
            bail!(
                "{file}: key `{k}`: no command has a flag --{}",
                k.replace('_', "-")
            );
        }
    }
    let tail = args.split_off(pos + 1);
    args.extend(inserted);
    args.extend(tail);
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn args(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn example_config_loads_and_flags_win() {
        let example = concat!(env!("CARGO_MANIFEST_DIR"), "/disclosure-audit.example.toml");
        let a = args_with_config(args(&[
            "disclosure-audit",
            "--config",
            example,
            "batch",
            "s.csv",
            "--out",
            "o",
            "--per-host",
            "3",
        ]))
        .unwrap();
        let cli = Cli::try_parse_from(a).unwrap();
        let super::super::Command::Batch(b) = cli.command else {
            panic!("batch")
        };
        assert_eq!(b.crawl.per_host, 3, "the command line wins");
        assert_eq!(b.crawl.delay_ms, 500, "from the file's [batch] table");
        assert_eq!(b.jobs, 8);
        assert_eq!(b.crawl.max_pages, 2000, "from the top level");
    }

    #[test]
    fn unknown_keys_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "per_hots = 2\n").unwrap();
        let e = args_with_config(args(&[
            "x",
            "--config",
            p.to_str().unwrap(),
            "batch",
            "s.csv",
        ]))
        .unwrap_err();
        assert!(e.to_string().contains("c.toml: key `per_hots`"), "{e}");
        std::fs::write(&p, "[batch]\nper_host = \n").unwrap();
        let e = args_with_config(args(&[
            "x",
            "--config",
            p.to_str().unwrap(),
            "batch",
            "s.csv",
        ]))
        .unwrap_err();
        assert!(e.to_string().contains("c.toml:2"), "{e}");
    }
}
