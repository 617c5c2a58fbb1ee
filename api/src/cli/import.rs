//! `budgetql import`: many files and directories, each document on its own.

use std::path::{Path, PathBuf};

use futures_util::{StreamExt, stream};
use sea_orm::DatabaseConnection;

use super::CliError;
use crate::import::{ImportReport, import_json, import_text};
use crate::parse::Overrides;
use crate::sample::{SAMPLE_NAME, import_sample};

/// Imports each document in its own transaction, `jobs` at a time, and reports each in the
/// order given; fails if any failed, keeping the ones that succeeded.
pub async fn run(
    db: &DatabaseConnection,
    paths: &[PathBuf],
    sample: bool,
    overrides: &Overrides,
    jobs: usize,
) -> Result<(), CliError> {
    let mut total = 0;
    let mut failed = 0;
    if sample {
        total += 1;
        let report = import_sample(db).await?;
        println!("{SAMPLE_NAME}: {}", describe(&report, 0));
    }
    let mut files = Vec::new();
    for path in paths {
        collect_documents(path, &mut files)?;
    }
    let mut outcomes = stream::iter(files)
        .map(|file| async move {
            let name = file.display().to_string();
            let outcome = import_file(db, &file, &name, overrides).await;
            (name, outcome)
        })
        .buffered(jobs);
    while let Some((name, outcome)) = outcomes.next().await {
        total += 1;
        match outcome {
            Ok(Imported { line, warnings }) => {
                for warning in warnings {
                    eprintln!("warning: {name}: {warning}");
                }
                println!("{name}: {line}");
            }
            Err(message) => {
                failed += 1;
                eprintln!("error: {message}");
            }
        }
    }
    if failed > 0 {
        return Err(CliError::SomeImportsFailed { failed, total });
    }
    Ok(())
}

/// What importing a file printed: its outcome, and the parser's warnings.
struct Imported {
    line: String,
    warnings: Vec<String>,
}

async fn import_file(
    db: &DatabaseConnection,
    file: &Path,
    name: &str,
    overrides: &Overrides,
) -> Result<Imported, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if is_json(file) {
        let report = import_json(db, name, &text)
            .await
            .map_err(|e| e.to_string())?;
        return Ok(Imported {
            line: describe(&report, 0),
            warnings: Vec::new(),
        });
    }
    let (report, warnings) = import_text(db, name, &text, overrides)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Imported {
        line: describe(&report, warnings.len()),
        warnings: warnings
            .iter()
            .map(|w| format!("line {}: {}", w.line, w.message))
            .collect(),
    })
}

fn describe(report: &ImportReport, warnings: usize) -> String {
    let outcome = format!("{:?}", report.outcome).to_lowercase();
    match warnings {
        0 => format!("{outcome} (disclosure {})", report.disclosure_id),
        n => format!(
            "{outcome} (disclosure {}, {n} parser warnings)",
            report.disclosure_id
        ),
    }
}

fn is_json(file: &Path) -> bool {
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// A file as given, or every *.json and *.txt below a directory, in name order.
fn collect_documents(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let read_error = |source| CliError::Read {
        path: path.display().to_string(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if !metadata.is_dir() {
        files.push(path.to_owned());
        return Ok(());
    }
    let mut entries = std::fs::read_dir(path)
        .map_err(read_error)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(read_error)?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_documents(&entry, files)?;
        } else if entry
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("txt"))
        {
            files.push(entry);
        }
    }
    Ok(())
}
