//! 在职人数: staff in service, where the narrative states it ("在职人员46人"), or else inferred
//! from indicator rows that count people "46 人" on the basis of 在职人数 / 在职人员数 (with a
//! warning that says so).

use crate::document::Project;

use super::Warnings;
use super::normalise::{key_of, matches_at};
use super::numbers::{NumKind, scan_numbers};
use super::sections::{LineKind, Lines, Para, SectionKind};
use super::tables::split_cells;

/// Words that name the staff in service.
const STAFF_WORDS: &[&str] = &[
    "在职人员",
    "在职人数",
    "在职职工",
    "在职在编人员",
    "在编在职人员",
];

/// Reads the staff in service.
pub fn read(
    paras: &[Para],
    lines: &Lines<'_>,
    _projects: &[Project],
    warnings: &mut Warnings,
) -> Option<i32> {
    if let Some(n) = stated(paras) {
        return Some(n);
    }
    inferred(lines, warnings)
}

/// "在职人员46人", "在职人数为46人": a count right after the words.
fn stated(paras: &[Para]) -> Option<i32> {
    for para in paras.iter().filter(|p| p.section != SectionKind::Glossary) {
        let key = para.text.key();
        if !key.contains(&'在') {
            continue;
        }
        for (i, _) in key.iter().enumerate() {
            let Some(word) = STAFF_WORDS.iter().find(|w| matches_at(key, i, w)) else {
                continue;
            };
            let after = i + word.chars().count();
            let window = key.get(after..(after + 12).min(key.len())).unwrap_or(&[]);
            let Some(tok) = scan_numbers(window).into_iter().next() else {
                continue;
            };
            let gap: String = window
                .get(..tok.start)
                .map(|s| s.iter().collect())
                .unwrap_or_default();
            if tok.kind == NumKind::Plain
                && window.get(tok.end) == Some(&'人')
                && window.get(tok.end + 1) != Some(&'次')
                && ["", "为", "共", "数", "总数", "共计", ":", "数为", "总数为"]
                    .contains(&gap.as_str())
                && let Ok(v) = &tok.value
                && let Ok(n) = v.to_string().parse::<i32>()
            {
                return Some(n);
            }
        }
    }
    None
}

/// Indicator rows whose target is "N 人" and whose basis or description says 在职.
fn inferred(lines: &Lines<'_>, warnings: &mut Warnings) -> Option<i32> {
    let mut found: Vec<(i32, usize)> = Vec::new();
    for line in lines.lines.iter().filter(|l| {
        matches!(l.kind, LineKind::TabRow | LineKind::PipeRow) && l.raw.contains("在职")
    }) {
        let cells = split_cells(line.raw);
        if !cells.iter().any(|c| key_of(c).contains("在职")) {
            continue;
        }
        for cell in &cells {
            let key = key_of(cell);
            let Some(digits) = key.strip_suffix('人') else {
                continue;
            };
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && digits.len() <= 7
                && let Ok(n) = digits.parse::<i32>()
            {
                found.push((n, line.no));
            }
        }
    }
    let (first, _) = *found.first()?;
    let where_: Vec<String> = found.iter().map(|(_, l)| l.to_string()).collect();
    if found.iter().any(|(n, _)| *n != first) {
        let values: Vec<String> = found
            .iter()
            .map(|(n, l)| format!("{n} (line {l})"))
            .collect();
        warnings.push(
            found.first().map_or(0, |(_, l)| *l),
            format!(
                "the text does not state 在职人数 and its indicator rows disagree ({}); left out",
                values.join(", ")
            ),
        );
        return None;
    }
    warnings.push(
        found.first().map_or(0, |(_, l)| *l),
        format!(
            "the text does not state 在职人数; {first} is inferred from the indicator rows that count \"{first} 人\" on the basis of 在职人数/在职人员数 (lines {})",
            where_.join(", ")
        ),
    );
    Some(first)
}
