//! Table rows as they arrive in text: tab-separated cells, `|`-separated cells, and tables
//! flattened to one cell per line (`79 |`) with bare `|` lines between rows.

use super::normalise::{is_space, key_of, trim};
use super::sections::{LineKind, Lines, SectionKind};

/// Splits a table row into trimmed cells: on tabs when the row has any, otherwise on `|` (one
/// leading and one trailing `|` are row borders, not separators). Empty cells are kept.
pub fn split_cells(raw: &str) -> Vec<String> {
    if raw.contains('\t') {
        return raw.split('\t').map(|c| trim(c).to_owned()).collect();
    }
    let mut row = raw.trim_matches(is_space);
    if let Some(r) = row.strip_prefix('|') {
        row = r;
    }
    if let Some(r) = row.strip_suffix('|') {
        row = r;
    }
    row.split('|').map(|c| trim(c).to_owned()).collect()
}

/// One row of a flattened table: its cells, each with its line number.
pub type FlatRow = Vec<(usize, String)>;

/// Reads a table flattened to one cell per line (`合 计 |`, `246 |`) starting at line index
/// `start`. Rows are the runs of cells between lines that hold only `|`. Returns the rows, each
/// group separator's width (the number of `|` on the separator line before the row), and the
/// index after the table.
pub fn flat_rows(lines: &Lines<'_>, start: usize) -> (Vec<FlatRow>, usize) {
    let mut rows: Vec<FlatRow> = Vec::new();
    let mut current: FlatRow = Vec::new();
    let mut i = start;
    while let Some(line) = lines.get(i) {
        match line.kind {
            LineKind::PipeRow => {
                let cells = split_cells(line.raw);
                let visible: Vec<&String> =
                    cells.iter().filter(|c| !key_of(c).is_empty()).collect();
                match visible.as_slice() {
                    [] => {
                        if !current.is_empty() {
                            rows.push(std::mem::take(&mut current));
                        }
                    }
                    [one] if cells.len() == 1 => current.push((line.no, (*one).clone())),
                    _ => break,
                }
            }
            LineKind::Blank => {}
            _ => break,
        }
        i += 1;
    }
    if !current.is_empty() {
        rows.push(current);
    }
    (rows, i)
}

/// Whether the line at `i` is a cell of a flattened table (one visible cell and a `|`).
pub fn is_flat_cell(lines: &Lines<'_>, i: usize) -> bool {
    lines.get(i).is_some_and(|l| {
        l.kind == LineKind::PipeRow && {
            let cells = split_cells(l.raw);
            cells.len() == 1 || cells.iter().all(|c| key_of(c).is_empty())
        }
    })
}

/// One row of a table: its cells and its line (1-based; the first cell's line for a
/// flattened table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number.
    pub line: usize,
    /// The cells, trimmed, empty cells kept.
    pub cells: Vec<String>,
}

impl Row {
    /// The text of cell `column`, unless the row has no such cell or it holds nothing.
    pub fn filled_cell(&self, column: Option<usize>) -> Option<String> {
        column
            .and_then(|c| self.cells.get(c))
            .filter(|s| !super::normalise::key_of(s).is_empty())
            .cloned()
    }

    /// Warns when the row has another number of cells than its header.
    pub fn check_width(&self, header: &Row, table: &str, warnings: &mut super::Warnings) {
        if self.cells.len() != header.cells.len() {
            warnings.push(
                self.line,
                format!(
                    "a row of the {table} has {} cells where the header has {}",
                    self.cells.len(),
                    header.cells.len()
                ),
            );
        }
    }
}

/// A table: consecutive rows (blank lines allowed between them).
#[derive(Debug, Clone)]
pub struct Block {
    /// Index (into the lines) of the first row.
    pub first: usize,
    /// The rows.
    pub rows: Vec<Row>,
    /// The section the table sits in.
    pub section: SectionKind,
    /// Whether the table was flattened to one cell per line.
    pub flat: bool,
}

/// Every table of the text, in order.
pub fn blocks(lines: &Lines<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if !matches!(line.kind, LineKind::TabRow | LineKind::PipeRow) {
            i += 1;
            continue;
        }
        let section = line.section;
        if is_flat_cell(lines, i) {
            let (rows, end) = flat_rows(lines, i);
            let rows: Vec<Row> = rows
                .into_iter()
                .filter_map(|r| {
                    let line = r.first().map(|(no, _)| *no)?;
                    Some(Row {
                        line,
                        cells: r.into_iter().map(|(_, c)| c).collect(),
                    })
                })
                .collect();
            if !rows.is_empty() {
                out.push(Block {
                    first: i,
                    rows,
                    section,
                    flat: true,
                });
            }
            i = end.max(i + 1);
            continue;
        }
        let first = i;
        let mut rows = Vec::new();
        let mut last_row = i;
        while let Some(l) = lines.get(i) {
            match l.kind {
                LineKind::TabRow | LineKind::PipeRow if !is_flat_cell(lines, i) => {
                    rows.push(Row {
                        line: l.no,
                        cells: split_cells(l.raw),
                    });
                    last_row = i;
                }
                LineKind::Blank => {}
                _ => break,
            }
            i += 1;
        }
        out.push(Block {
            first,
            rows,
            section,
            flat: false,
        });
        i = last_row + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_on_tabs_or_pipes() {
        assert_eq!(
            split_cells("\t质量指标\t合格率"),
            vec!["", "质量指标", "合格率"]
        );
        assert_eq!(
            split_cells("| 单位名称 | 项目名称 | |||"),
            vec!["单位名称", "项目名称", "", "", ""]
        );
        assert_eq!(split_cells("79 |"), vec!["79"]);
    }

    #[test]
    fn flattened_tables_group_into_rows() {
        let lines = Lines::new("|\n项 目 |\n预 算 数 |\n|\n合 计 |\n246 |\n说明");
        let (rows, end) = flat_rows(&lines, 0);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows.get(1)
                .map(|r| r.iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>()),
            Some(vec!["合 计", "246"])
        );
        assert_eq!(end, 6);
    }
}
