//! "三公" tables: the column-oriented 三公经费支出表 ("合计 | 因公出国(境)费 | 公务用车购置及运行费
//! (小计 | 购置费 | 运行费) | 公务接待费" over a row of amounts), whether its cells come in rows
//! or flattened one per line. The narrative is read first, so where a table contradicts it the
//! narrative's figure is kept and the difference is a warning. (Row-oriented 三公 tables — one
//! item per row with 预算数/决算数 columns — are read with the other label/amount tables.)

use crate::document::{Stage, ThreePublic};

use super::figures::{label_figure, table_amount, table_unit};
use super::lexicon::Figure;
use super::narrative::Values;
use super::normalise::key_of;
use super::numbers::{SourceUnit, parse_cell_amount};
use super::sections::{Lines, SectionKind};
use super::tables::{Block, Row};
use super::{Context, Warnings};

/// Reads the column-oriented "三公" tables.
pub fn read_tables(
    lines: &Lines<'_>,
    tables: &[Block],
    cx: &Context,
    values: &mut Values,
    warnings: &mut Warnings,
) {
    for block in tables {
        if !matches!(
            block.section,
            SectionKind::Unknown | SectionKind::Figures | SectionKind::ThreePublic
        ) {
            continue;
        }
        let unit = table_unit(lines, block, cx);
        if block.flat {
            read_flat(block, unit, cx, values, warnings);
        } else {
            read_grid(block, unit, cx, values, warnings);
        }
    }
}

/// Whether a cell is an amount (or blank).
fn is_amount(cell: &str) -> bool {
    matches!(parse_cell_amount(cell, SourceUnit::WanYuan), Some(Ok(_)))
}

/// A flattened table: groups of headings, then one group of amounts. The vehicle heading of
/// the first group is replaced by the sub-headings of the second (小计, 购置费, 运行费).
fn read_flat(
    block: &Block,
    unit: SourceUnit,
    cx: &Context,
    values: &mut Values,
    warnings: &mut Warnings,
) {
    let Some(value_at) = block
        .rows
        .iter()
        .position(|r| r.cells.len() > 1 && r.cells.iter().all(|c| is_amount(c)))
    else {
        return;
    };
    let headers = block.rows.get(..value_at).unwrap_or(&[]);
    let Some(top) = headers.iter().rev().find(|r| {
        r.cells
            .iter()
            .any(|c| label_figure(c, true) == Some(Figure::ThreeTotal))
    }) else {
        return;
    };
    let mut leaves: Vec<Option<Figure>> = top.cells.iter().map(|c| label_figure(c, true)).collect();
    if let Some(sub) = headers
        .iter()
        .find(|r| r.cells.iter().any(|c| key_of(c) == "小计"))
        && let Some(pos) = leaves.iter().position(|f| *f == Some(Figure::VehicleTotal))
    {
        let subs: Vec<Option<Figure>> = sub.cells.iter().map(|c| label_figure(c, true)).collect();
        leaves.splice(pos..=pos, subs);
    }
    let Some(row) = block.rows.get(value_at) else {
        return;
    };
    if leaves.len() != row.cells.len() {
        warnings.push(
            row.line,
            format!(
                "the \"三公\" table has {} headings but {} amounts; it was skipped",
                leaves.len(),
                row.cells.len()
            ),
        );
        return;
    }
    for (figure, cell) in leaves.iter().zip(&row.cells) {
        if let Some(f) = figure {
            set(*f, cell, row.line, unit, cx, values, warnings);
        }
    }
}

/// A table whose heading rows name the "三公" items column by column and whose data rows
/// hold the amounts (one row per year or per 预算数/决算数).
fn read_grid(
    block: &Block,
    unit: SourceUnit,
    cx: &Context,
    values: &mut Values,
    warnings: &mut Warnings,
) {
    let is_header = |r: &Row| {
        r.cells
            .iter()
            .filter(|c| {
                label_figure(c, true).is_some_and(Figure::is_three_public) || key_of(c) == "小计"
            })
            .count()
            >= 2
    };
    let headers: Vec<&Row> = block.rows.iter().filter(|r| is_header(r)).collect();
    if headers.is_empty() {
        return;
    }
    let data: Vec<&Row> = block
        .rows
        .iter()
        .filter(|r| {
            !is_header(r)
                && r.cells
                    .iter()
                    .skip(1)
                    .filter(|c| !key_of(c).is_empty())
                    .count()
                    >= 2
                && r.cells
                    .iter()
                    .skip(1)
                    .all(|c| key_of(c).is_empty() || is_amount(c))
        })
        .collect();
    let year = cx.fiscal_year.to_string();
    let pick = |want: &dyn Fn(&str) -> bool| {
        data.iter()
            .find(|r| r.cells.first().is_some_and(|c| want(&key_of(c))))
            .copied()
    };
    let row = match cx.stage {
        Stage::FinalAccounts => pick(&|k| k.contains("决算")),
        _ => pick(&|k| (k.contains(&year) || k.contains("本年")) && !k.contains("上年")),
    }
    .or_else(|| (data.len() == 1).then(|| data.first().copied()).flatten());
    let Some(row) = row else {
        if !data.is_empty() {
            warnings.push(block.rows.first().map_or(0, |r| r.line), "a \"三公\" table has several rows of amounts and none says which is this year's; it was skipped");
        }
        return;
    };
    for (j, cell) in row.cells.iter().enumerate() {
        let figure = headers
            .iter()
            .rev()
            .take(3)
            .find_map(|h| h.cells.get(j).filter(|c| !key_of(c).is_empty()))
            .and_then(|c| label_figure(c, true));
        if let Some(f) = figure.filter(|f| f.is_three_public()) {
            set(f, cell, row.line, unit, cx, values, warnings);
        }
    }
}

/// Records one table amount.
fn set(
    figure: Figure,
    cell: &str,
    line: usize,
    unit: SourceUnit,
    cx: &Context,
    values: &mut Values,
    warnings: &mut Warnings,
) {
    if let Some(v) = table_amount(cell, unit, cx, line, figure.label(), warnings) {
        values.set(figure, v, line, warnings);
    }
}

/// Fills the "三公" figures from the values read.
pub fn apply(values: &Values, three: &mut ThreePublic) {
    three.total = values.get(Figure::ThreeTotal);
    three.outbound_travel = values.get(Figure::Outbound);
    three.vehicle_total = values.get(Figure::VehicleTotal);
    three.vehicle_purchase = values.get(Figure::VehiclePurchase);
    three.vehicle_operation = values.get(Figure::VehicleOperation);
    three.reception = values.get(Figure::Reception);
}
