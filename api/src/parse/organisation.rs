//! 部门职责 and 机构设置: the duties text and the table of units (单位名称, 单位性质, 单位规格,
//! 经费保障形式).

use crate::document::{DisclosureDocument, UnitInfo};

use super::Warnings;
use super::normalise::key_of;
use super::sections::{LineKind, Lines, Para, SectionKind};
use super::tables::Block;

/// Labels that open the duties text inside a paragraph.
const DUTY_LABELS: &[&str] = &[
    "部门职责:",
    "主要职责:",
    "部门主要职责:",
    "职责:",
    "主要职能:",
];

/// Paragraph openings that end the duties text.
const DUTY_ENDS: &[&str] = &[
    "机构设置",
    "内设机构",
    "单位构成",
    "人员情况",
    "部门机构设置",
    "纳入",
];

/// Reads the duties and the units table into the document.
pub fn read(
    lines: &Lines<'_>,
    tables: &[Block],
    paras: &[Para],
    doc: &mut DisclosureDocument,
    warnings: &mut Warnings,
) {
    doc.department.duties = duties(lines, paras);
    doc.units = units(tables, warnings);
    // The units table's row for the department itself states the department's attributes.
    if let Some(own) = doc
        .units
        .iter()
        .find(|u| key_of(&u.name) == key_of(&doc.department.name))
    {
        doc.department.unit_nature = own.unit_nature.clone();
        doc.department.rank = own.rank.clone();
        doc.department.funding_form = own.funding_form.clone();
    }
}

/// The duties: from a 职责 heading or a "部门职责：" label to the next heading or the 机构设置
/// part, paragraphs joined with line breaks.
fn duties(lines: &Lines<'_>, paras: &[Para]) -> Option<String> {
    let mut i = 0;
    while i < paras.len() {
        let Some(para) = paras.get(i) else { break };
        let is_heading = lines
            .get(para.first)
            .is_some_and(|l| matches!(l.kind, LineKind::Heading(_)));
        let duty_heading = is_heading
            && para.section == SectionKind::Organisation
            && (para.text.contains("职责") || para.text.contains("职能"));
        let label = DUTY_LABELS.iter().find(|l| para.text.matches_at(0, l));
        if !duty_heading && label.is_none() {
            i += 1;
            continue;
        }
        let mut parts: Vec<String> = Vec::new();
        let mut j = i;
        if let Some(label) = label {
            let n = label.chars().count();
            let first = para.text.orig_str(n, para.text.len());
            if !first.is_empty() {
                parts.push(first);
            }
        }
        j += 1;
        while let Some(p) = paras.get(j) {
            let k = p.text.key_str(0, p.text.len());
            let heading = lines.get(p.first).is_some_and(|l| matches!(l.kind, LineKind::Heading(level) if level <= 2 || !(k.contains("职责") || k.contains("职能"))));
            if heading || DUTY_ENDS.iter().any(|e| k.starts_with(e)) || p.section != para.section {
                break;
            }
            // A table between paragraphs ends the duties too.
            let previous_last = paras.get(j - 1).map_or(para.last, |q| q.last);
            if (previous_last + 1..p.first).any(|x| {
                lines
                    .get(x)
                    .is_some_and(|l| matches!(l.kind, LineKind::TabRow | LineKind::PipeRow))
            }) {
                break;
            }
            // "部门职责：…" under a 职责 heading: the label is not part of the text.
            let from = DUTY_LABELS
                .iter()
                .find(|l| parts.is_empty() && p.text.matches_at(0, l))
                .map_or(0, |l| l.chars().count());
            parts.push(p.text.orig_str(from, p.text.len()));
            j += 1;
        }
        if !parts.is_empty() {
            return Some(parts.join("\n"));
        }
        i = j.max(i + 1);
    }
    None
}

/// The units table: a table whose header has 单位名称.
fn units(tables: &[Block], warnings: &mut Warnings) -> Vec<UnitInfo> {
    let mut out = Vec::new();
    for block in tables {
        let Some(h) = block.rows.iter().position(|r| {
            r.cells
                .iter()
                .any(|c| c.contains("单位名称") && key_of(c) == "单位名称")
        }) else {
            continue;
        };
        let Some(header) = block.rows.get(h) else {
            continue;
        };
        let keys: Vec<String> = header.cells.iter().map(|c| key_of(c)).collect();
        // A performance table with a 单位名称 column is not the units table.
        if keys.iter().any(|k| k.contains("指标")) {
            continue;
        }
        let col = |words: &[&str]| {
            keys.iter()
                .position(|k| words.iter().any(|w| k.contains(w)))
        };
        let (Some(name), nature, rank, funding) = (
            col(&["单位名称"]),
            col(&["单位性质"]),
            col(&["单位规格", "规格", "级别"]),
            col(&["经费保障形式", "经费形式", "保障形式"]),
        ) else {
            continue;
        };
        for row in block.rows.iter().skip(h + 1) {
            row.check_width(header, "units table", warnings);
            let cell = |c: Option<usize>| row.filled_cell(c);
            let Some(unit_name) = cell(Some(name)) else {
                continue;
            };
            out.push(UnitInfo {
                name: unit_name,
                unit_nature: cell(nature),
                rank: cell(rank),
                funding_form: cell(funding),
            });
        }
    }
    out
}
