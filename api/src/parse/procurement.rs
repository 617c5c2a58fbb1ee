//! 政府采购预算: the total the narrative states ("安排政府采购预算55万元") and the rows of the
//! procurement table, whose header may span several rows (政府采购项目来源 / 项目名称 / 预算资金,
//! 采购物品名称, 政府采购目录序号, 数量单位, 数量, 单价, 政府采购金额 / 总计, 一般公共预算拨款…).

use rust_decimal::Decimal;

use crate::document::{Procurement, ProcurementItem};

use super::figures::table_unit;
use super::lexicon::gap_is_filler;
use super::normalise::key_of;
use super::numbers::{
    NumKind, SourceUnit, parse_cell_amount, parse_cell_number, scan_numbers, to_document_unit,
};
use super::sections::{Lines, Para, SectionKind};
use super::tables::Block;
use super::{Context, Warnings};

/// Words of a procurement table's header.
const HEADER_WORDS: &[&str] = &[
    "采购",
    "项目名称",
    "项目来源",
    "预算资金",
    "目录",
    "数量",
    "单价",
    "金额",
    "总计",
    "拨款",
    "资金",
    "序号",
    "品目",
];

/// Reads the procurement total and table.
pub fn read(
    lines: &Lines<'_>,
    tables: &[Block],
    paras: &[Para],
    cx: &Context,
    warnings: &mut Warnings,
) -> Procurement {
    Procurement {
        total: total(paras, cx, warnings),
        items: tables
            .iter()
            .filter(|b| {
                b.section == SectionKind::Procurement
                    || b.rows.iter().take(3).any(|r| {
                        r.cells
                            .iter()
                            .any(|c| c.contains("采购物品") || c.contains("采购品目"))
                    })
            })
            .flat_map(|b| items(lines, b, cx, warnings))
            .collect(),
    }
}

/// The total the narrative states: the first amount after 政府采购 ("安排政府采购预算55万元"), or
/// 0 where it says there is none ("无政府采购预算").
fn total(paras: &[Para], cx: &Context, warnings: &mut Warnings) -> Option<Decimal> {
    for para in paras
        .iter()
        .filter(|p| p.section == SectionKind::Procurement)
    {
        let t = &para.text;
        let Some(at) = t.find("政府采购", 0) else {
            continue;
        };
        if at > 0 && t.at(at - 1) == Some('无') {
            return Some(Decimal::ZERO);
        }
        let after = at + "政府采购".chars().count();
        let key = t.key();
        let nums = scan_numbers(key);
        let Some(tok) = nums.iter().find(|n| n.start >= after) else {
            continue;
        };
        let NumKind::Money(unit) = tok.kind else {
            continue;
        };
        if !key.get(after..tok.start).is_some_and(gap_is_filler) {
            continue;
        }
        match tok
            .value
            .clone()
            .and_then(|v| to_document_unit(v, unit, cx.unit))
        {
            Ok(v) => return Some(v),
            Err(e) => warnings.push(
                t.line_at(tok.start),
                format!("skipped the procurement total: {e}"),
            ),
        }
    }
    None
}

/// The item rows of one procurement table.
fn items(
    lines: &Lines<'_>,
    block: &Block,
    cx: &Context,
    warnings: &mut Warnings,
) -> Vec<ProcurementItem> {
    // Header rows: up to the first row whose first cell is not a header word (合计, a project).
    let header_end = block
        .rows
        .iter()
        .position(|r| {
            let first = r.cells.first().map(|c| key_of(c)).unwrap_or_default();
            !first.is_empty() && !HEADER_WORDS.iter().any(|w| first.contains(w))
        })
        .unwrap_or(block.rows.len());
    let headers = block.rows.get(..header_end).unwrap_or(&[]);
    let width = block.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let merged: Vec<String> = (0..width)
        .map(|j| {
            headers
                .iter()
                .filter_map(|r| r.cells.get(j))
                .map(|c| key_of(c))
                .collect::<String>()
        })
        .collect();
    let col = |pred: &dyn Fn(&str) -> bool| merged.iter().position(|k| pred(k));
    let item_col = col(&|k| {
        k.contains("采购物品")
            || k.contains("品目名称")
            || k.contains("物品名称")
            || k.contains("采购项目名称")
            || k.contains("采购品目")
    });
    let Some(item_col) = item_col else {
        return Vec::new();
    };
    let project_col =
        col(&|k| k.contains("项目名称") || k.contains("项目来源")).filter(|c| *c != item_col);
    let catalogue_col = col(&|k| k.contains("目录"));
    let qty_unit_col = col(&|k| k.contains("数量单位") || k.contains("计量单位"));
    let qty_col = col(&|k| k.contains("数量") && !k.contains("数量单位"));
    let price_col = col(&|k| k.contains("单价"));
    let amount_col = col(&|k| k.contains("金额") || k.contains("总计"));
    let gpb_col = col(&|k| k.contains("一般公共预算"));
    let unit = table_unit(lines, block, cx);

    let mut out = Vec::new();
    for row in block.rows.iter().skip(header_end) {
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .filter(|s| !key_of(s).is_empty())
                .cloned()
        };
        let first = row.cells.first().map(|c| key_of(c)).unwrap_or_default();
        let Some(item_name) = cell(Some(item_col)) else {
            let is_total = ["合计", "小计", "总计"].iter().any(|w| first.ends_with(w));
            let has_figures = row.cells.iter().skip(1).any(|c| !key_of(c).is_empty());
            if has_figures && !is_total {
                warnings.push(row.line, "a procurement row names no item; it was skipped");
            }
            continue;
        };
        if row.cells.len() != width {
            warnings.push(
                row.line,
                format!(
                    "a procurement row has {} cells where the table has {width}",
                    row.cells.len()
                ),
            );
        }
        let mut amount = |c: Option<usize>| money(cell(c), unit, cx, row.line, warnings);
        let unit_price = amount(price_col);
        let total = amount(amount_col);
        let gpb = amount(gpb_col);
        let quantity = cell(qty_col).and_then(|q| match parse_cell_number(&q) {
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => {
                warnings.push(row.line, format!("skipped a procurement quantity: {e}"));
                None
            }
            None => None,
        });
        out.push(ProcurementItem {
            project_name: cell(project_col),
            item_name,
            catalogue_number: cell(catalogue_col),
            quantity_unit: cell(qty_unit_col),
            quantity,
            unit_price,
            amount: total,
            general_public_budget: gpb,
        });
    }
    out
}

/// An amount cell in the table's unit, converted to the document unit.
fn money(
    cell: Option<String>,
    unit: SourceUnit,
    cx: &Context,
    line: usize,
    warnings: &mut Warnings,
) -> Option<Decimal> {
    match parse_cell_amount(&cell?, unit)? {
        Ok((v, u)) => match to_document_unit(v, u, cx.unit) {
            Ok(v) => Some(v),
            Err(e) => {
                warnings.push(line, format!("skipped a procurement amount: {e}"));
                None
            }
        },
        Err(e) => {
            warnings.push(line, format!("skipped a procurement amount: {e}"));
            None
        }
    }
}
