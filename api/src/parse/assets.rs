//! 国有资产信息: the fixed-asset total the narrative states ("上年末固定资产金额为502.4251万元"),
//! the table's date (截止时间) and its rows (项目, 数量, 价值), blank rows included.

use crate::document::{FixedAssetItem, FixedAssets};

use super::figures::table_unit;
use super::lexicon::gap_is_filler;
use super::normalise::{key_of, trim};
use super::numbers::{NumKind, parse_cell_amount, scan_numbers, to_document_unit};
use super::sections::{Lines, Para, SectionKind};
use super::tables::Block;
use super::{Context, Warnings};

/// Reads the fixed assets.
pub fn read(
    lines: &Lines<'_>,
    tables: &[Block],
    paras: &[Para],
    cx: &Context,
    warnings: &mut Warnings,
) -> FixedAssets {
    let mut assets = FixedAssets::default();
    for para in paras.iter().filter(|p| p.section == SectionKind::Assets) {
        let t = &para.text;
        if assets.total.is_none()
            && let Some(at) = t.find("固定资产", 0)
        {
            let after = at + "固定资产".chars().count();
            let key = t.key();
            if let Some(tok) = scan_numbers(key).into_iter().find(|n| n.start >= after)
                && let NumKind::Money(unit) = tok.kind
                && key.get(after..tok.start).is_some_and(gap_is_filler)
            {
                match tok.value.and_then(|v| to_document_unit(v, unit, cx.unit)) {
                    Ok(v) => assets.total = Some(v),
                    Err(e) => warnings.push(
                        t.line_at(tok.start),
                        format!("skipped the fixed-asset total: {e}"),
                    ),
                }
            }
        }
    }
    for line in lines
        .lines
        .iter()
        .filter(|l| l.section == SectionKind::Assets)
    {
        for label in ["截止时间", "截至时间", "截止日期", "截至日期"] {
            if assets.as_of.is_none()
                && let Some(at) = line.raw.find(label)
            {
                let rest = line.raw.get(at + label.len()..).unwrap_or("");
                let rest = trim(rest.trim_start_matches([':', '：', ' ']));
                if !rest.is_empty() {
                    assets.as_of = Some(rest.to_owned());
                }
            }
        }
    }
    for block in tables
        .iter()
        .filter(|b| b.section == SectionKind::Assets && !b.flat)
    {
        let Some(h) = block.rows.iter().position(|r| {
            let keys: Vec<String> = r.cells.iter().map(|c| key_of(c)).collect();
            keys.iter().any(|k| k.contains("数量"))
                && keys
                    .iter()
                    .any(|k| k.contains("价值") || k.contains("金额") || k.contains("原值"))
        }) else {
            continue;
        };
        let Some(header) = block.rows.get(h) else {
            continue;
        };
        let keys: Vec<String> = header.cells.iter().map(|c| key_of(c)).collect();
        let qty = keys.iter().position(|k| k.contains("数量"));
        let value = keys
            .iter()
            .position(|k| k.contains("价值") || k.contains("金额") || k.contains("原值"));
        let unit = table_unit(lines, block, cx);
        for row in block.rows.iter().skip(h + 1) {
            let Some(category) = row.cells.first().filter(|c| !key_of(c).is_empty()).cloned()
            else {
                continue;
            };
            row.check_width(header, "fixed-asset table", warnings);
            let cell = |c: Option<usize>| row.filled_cell(c);
            let value = match cell(value).and_then(|c| parse_cell_amount(&c, unit)) {
                Some(Ok((v, u))) => match to_document_unit(v, u, cx.unit) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        warnings.push(row.line, format!("skipped a fixed-asset value: {e}"));
                        None
                    }
                },
                Some(Err(e)) => {
                    warnings.push(row.line, format!("skipped a fixed-asset value: {e}"));
                    None
                }
                None => None,
            };
            assets.items.push(FixedAssetItem {
                category,
                quantity: cell(qty),
                value,
            });
        }
    }
    assets
}
