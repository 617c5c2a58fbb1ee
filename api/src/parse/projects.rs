//! Project performance target tables (项目绩效目标表): one table per project under a title
//! ("1. 县委秘书组办公经费绩效目标表") with a 绩效目标 row and the indicator rows (一级指标, 二级指标,
//! 三级指标, 绩效指标描述, 指标值, 指标值确定依据), or one 绩效目标申报表 listing many projects with
//! 项目名称, 预算数 and 年度目标 columns and the target split into 指标性质/指标值/度量单位.
//!
//! Level-1 cells merged over several rows are carried down; empty cells are `None`; cell text
//! is kept exactly as printed. A project's amount is its 资金总额 where the table states one,
//! else the target of its 成本指标 row ("13 万元").

use rust_decimal::Decimal;

use crate::document::{Indicator, Project};

use super::figures::table_unit;
use super::normalise::{key_of, trim};
use super::numbers::{NumKind, SourceUnit, parse_cell_amount, scan_numbers, to_document_unit};
use super::sections::{LineKind, Lines};
use super::tables::{Block, Row};
use super::{Context, Warnings};

/// Level-1 indicator names (成本指标 is level 1 under newer rules).
const LEVEL1: &[&str] = &["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"];
/// First cells of a table's goal row.
const GOAL_ROWS: &[&str] = &[
    "绩效目标",
    "年度目标",
    "总体目标",
    "年度绩效目标",
    "项目绩效目标",
    "总目标",
];
/// First cells of a table's amount row.
const AMOUNT_ROWS: &[&str] = &[
    "资金总额",
    "年度资金总额",
    "项目金额",
    "预算金额",
    "项目资金",
    "资金金额",
];
/// Title endings that are not part of the project's name.
const TITLE_ENDS: &[&str] = &[
    "项目支出绩效目标表",
    "项目绩效目标表",
    "绩效目标申报表",
    "绩效目标表",
    "绩效目标",
];

/// Where each field sits in a table's header.
#[derive(Debug, Clone, Default)]
struct Columns {
    count: usize,
    level1: usize,
    level2: Option<usize>,
    level3: Option<usize>,
    description: Option<usize>,
    target: Option<usize>,
    basis: Option<usize>,
    operator: Option<usize>,
    measure: Option<usize>,
    name: Option<usize>,
    amount: Option<usize>,
    goal: Option<usize>,
}

impl Columns {
    /// Reads a header row, if it is one (it has 一级指标).
    fn of(row: &Row) -> Option<Self> {
        if !row.cells.iter().any(|c| c.contains("一级")) {
            return None;
        }
        let keys: Vec<String> = row.cells.iter().map(|c| key_of(c)).collect();
        let find = |pred: &dyn Fn(&str) -> bool| keys.iter().position(|k| pred(k));
        let level1 = find(&|k| k == "一级指标")?;
        Some(Columns {
            count: keys.len(),
            level1,
            level2: find(&|k| k == "二级指标"),
            level3: find(&|k| k == "三级指标"),
            description: find(&|k| k.contains("指标描述") || k == "指标内容"),
            target: find(&|k| {
                k == "指标值" || k == "目标值" || (k.contains("指标值") && !k.contains("依据"))
            }),
            basis: find(&|k| k.contains("依据")),
            operator: find(&|k| k == "指标性质" || k == "符号"),
            measure: find(&|k| k == "度量单位" || k == "计量单位"),
            name: find(&|k| k == "项目名称"),
            amount: find(&|k| k == "预算数" || k.contains("金额") || k.contains("资金总额")),
            goal: find(&|k| k == "年度目标" || k == "绩效目标" || k == "项目目标"),
        })
    }
}

/// Reads every project table.
pub fn read(
    lines: &Lines<'_>,
    tables: &[Block],
    cx: &Context,
    warnings: &mut Warnings,
) -> Vec<Project> {
    let mut out = Vec::new();
    for block in tables {
        if block.flat {
            continue;
        }
        let Some(h) = block.rows.iter().position(|r| Columns::of(r).is_some()) else {
            continue;
        };
        let Some(cols) = block.rows.get(h).and_then(Columns::of) else {
            continue;
        };
        let unit = table_unit(lines, block, cx);
        if cols.name.is_some() {
            read_listing(lines, block, h, &cols, unit, cx, &mut out, warnings);
        } else {
            read_single(lines, block, h, &cols, unit, cx, &mut out, warnings);
        }
    }
    out
}

/// A table of one project under its title.
#[allow(clippy::too_many_arguments)]
fn read_single(
    lines: &Lines<'_>,
    block: &Block,
    h: usize,
    cols: &Columns,
    unit: SourceUnit,
    cx: &Context,
    out: &mut Vec<Project>,
    warnings: &mut Warnings,
) {
    let mut name = title_above(lines, block);
    let mut goal = None;
    let mut amount = None;
    for row in block.rows.iter().take(h) {
        let first = row.cells.first().map(|c| key_of(c)).unwrap_or_default();
        let value = row
            .cells
            .iter()
            .skip(1)
            .find(|c| !key_of(c).is_empty())
            .cloned();
        if GOAL_ROWS.contains(&first.as_str()) {
            goal = value;
        } else if first == "项目名称" {
            name = value.or(name);
        } else if AMOUNT_ROWS.iter().any(|a| first.starts_with(a))
            && let Some(cell) = value
        {
            amount = money(&cell, unit, cx, row.line, warnings);
        }
    }
    let mut indicators = Vec::new();
    let mut level1: Option<String> = None;
    let mut cost: Option<(String, usize)> = None;
    for row in block.rows.iter().skip(h + 1) {
        if row.cells.iter().all(String::is_empty) {
            continue;
        }
        if row.cells.len() != cols.count {
            warnings.push(
                row.line,
                format!(
                    "an indicator row has {} cells where the header has {}; read by position",
                    row.cells.len(),
                    cols.count
                ),
            );
        }
        let cells = align(row, cols);
        if let Some(ind) = indicator(&cells, cols, &mut level1, row.line, warnings) {
            if cost.is_none() && is_cost(&ind) {
                cost = ind.target.clone().map(|t| (t, row.line));
            }
            indicators.push(ind);
        }
    }
    if amount.is_none()
        && let Some((target, line)) = cost
    {
        amount = cost_amount(&target, cx, line, warnings);
    }
    let Some(name) = name else {
        warnings.push(
            block.rows.first().map_or(0, |r| r.line),
            "a performance target table has no title naming its project; it was skipped",
        );
        return;
    };
    out.push(Project {
        name,
        amount,
        goal,
        indicators,
    });
}

/// A 绩效目标申报表 listing projects, one row opening each (项目名称, 预算数, 年度目标).
#[allow(clippy::too_many_arguments)]
fn read_listing(
    lines: &Lines<'_>,
    block: &Block,
    h: usize,
    cols: &Columns,
    unit: SourceUnit,
    cx: &Context,
    out: &mut Vec<Project>,
    warnings: &mut Warnings,
) {
    let mut level1: Option<String> = None;
    let mut current: Option<Project> = None;
    for row in block.rows.iter().skip(h + 1) {
        let cells = align(row, cols);
        let has_indicator = [Some(cols.level1), cols.level2, cols.level3]
            .into_iter()
            .flatten()
            .any(|c| cells.get(c).is_some_and(|s| !key_of(s).is_empty()));
        if !has_indicator {
            continue;
        }
        if lines
            .get(row.line.saturating_sub(1))
            .is_some_and(|l| l.kind == LineKind::PipeRow && !trim(l.raw).ends_with('|'))
        {
            warnings.push(
                row.line,
                "an indicator row stops without its closing `|`; the text may be cut off here",
            );
        }
        if let Some(name) = cols
            .name
            .and_then(|c| cells.get(c))
            .filter(|s| !key_of(s).is_empty())
        {
            if let Some(done) = current.take() {
                out.push(done);
            }
            level1 = None;
            current = Some(Project {
                name: name.clone(),
                amount: cols
                    .amount
                    .and_then(|c| cells.get(c))
                    .and_then(|c| money(c, unit, cx, row.line, warnings)),
                goal: cols
                    .goal
                    .and_then(|c| cells.get(c))
                    .filter(|s| !key_of(s).is_empty())
                    .cloned(),
                indicators: Vec::new(),
            });
        }
        let Some(project) = current.as_mut() else {
            warnings.push(
                row.line,
                "an indicator row comes before any project row; it was skipped",
            );
            continue;
        };
        if let Some(ind) = indicator(&cells, cols, &mut level1, row.line, warnings) {
            project.indicators.push(ind);
        }
    }
    if let Some(done) = current.take() {
        out.push(done);
    }
}

/// The row's cells placed under the header's columns. A row whose leading merged cells were
/// left out (it starts further left than the header) is shifted so that its level-1 cell sits
/// under 一级指标.
fn align(row: &Row, cols: &Columns) -> Vec<String> {
    let shift = row
        .cells
        .iter()
        .take(cols.level1)
        .position(|c| LEVEL1.contains(&key_of(c).as_str()))
        .map(|r| cols.level1 - r);
    match shift {
        Some(s) if s > 0 => {
            let mut cells = vec![String::new(); s];
            cells.extend(row.cells.iter().cloned());
            cells
        }
        _ => row.cells.clone(),
    }
}

/// One indicator from aligned cells, carrying the level-1 cell down.
fn indicator(
    cells: &[String],
    cols: &Columns,
    level1: &mut Option<String>,
    line: usize,
    warnings: &mut Warnings,
) -> Option<Indicator> {
    let cell = |c: Option<usize>| {
        c.and_then(|c| cells.get(c))
            .filter(|s| !s.is_empty())
            .cloned()
    };
    if let Some(l1) = cell(Some(cols.level1)) {
        *level1 = Some(l1);
    }
    let target = if cols.operator.is_some() || cols.measure.is_some() {
        let parts: String = [cols.operator, cols.target, cols.measure]
            .into_iter()
            .filter_map(&cell)
            .collect();
        (!parts.is_empty()).then_some(parts)
    } else {
        cell(cols.target)
    };
    let ind = Indicator {
        level1: String::new(),
        level2: cell(cols.level2),
        level3: cell(cols.level3),
        description: cell(cols.description),
        target,
        basis: cell(cols.basis),
    };
    let Some(l1) = level1.clone() else {
        warnings.push(
            line,
            "an indicator row has no 一级指标 and none above it to carry down; it was skipped",
        );
        return None;
    };
    Some(Indicator { level1: l1, ..ind })
}

/// Whether an indicator is the project's cost (成本指标 at level 1 or 2).
fn is_cost(ind: &Indicator) -> bool {
    key_of(&ind.level1) == "成本指标"
        || ind
            .level2
            .as_deref()
            .is_some_and(|l| key_of(l) == "成本指标")
}

/// The amount a 成本指标 target states ("13 万元", "≤25.8万元"), in the document unit.
fn cost_amount(
    target: &str,
    cx: &Context,
    line: usize,
    warnings: &mut Warnings,
) -> Option<Decimal> {
    let key: Vec<char> = key_of(target).chars().collect();
    let tok = scan_numbers(&key)
        .into_iter()
        .find(|t| matches!(t.kind, NumKind::Money(_)));
    let Some(tok) = tok else {
        warnings.push(line, format!("the 成本指标 target \"{target}\" is not an amount; the project's amount is left out"));
        return None;
    };
    let NumKind::Money(unit) = tok.kind else {
        return None;
    };
    match tok.value.and_then(|v| to_document_unit(v, unit, cx.unit)) {
        Ok(v) => Some(v),
        Err(e) => {
            warnings.push(line, format!("skipped a project amount: {e}"));
            None
        }
    }
}

/// An amount cell in the table's unit.
fn money(
    cell: &str,
    unit: SourceUnit,
    cx: &Context,
    line: usize,
    warnings: &mut Warnings,
) -> Option<Decimal> {
    match parse_cell_amount(cell, unit)? {
        Ok((v, u)) => match to_document_unit(v, u, cx.unit) {
            Ok(v) => Some(v),
            Err(e) => {
                warnings.push(line, format!("skipped a project amount: {e}"));
                None
            }
        },
        Err(e) => {
            warnings.push(line, format!("skipped a project amount: {e}"));
            None
        }
    }
}

/// The project's name from the title line above its table ("1. 县委秘书组办公经费绩效目标表" →
/// "县委秘书组办公经费").
fn title_above(lines: &Lines<'_>, block: &Block) -> Option<String> {
    let mut i = block.first;
    while i > 0 {
        i -= 1;
        let line = lines.get(i)?;
        match line.kind {
            LineKind::Blank => continue,
            LineKind::Heading(_) | LineKind::Text => return project_name(line.raw),
            _ => return None,
        }
    }
    None
}

/// A title without its number and its "绩效目标表" ending.
pub fn project_name(title: &str) -> Option<String> {
    let t = trim(title);
    let mut rest = t;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let after: &str = rest.get(digits..).unwrap_or("");
        if let Some(r) = after.strip_prefix(['.', '、', '．', ')', '）']) {
            rest = r;
        }
    } else if let Some(r) = rest.strip_prefix(['(', '（']) {
        let d = r.chars().take_while(char::is_ascii_digit).count();
        if d > 0
            && let Some(r2) = r.get(d..).and_then(|s| s.strip_prefix([')', '）']))
        {
            rest = r2;
        }
    }
    let mut name = trim(rest).to_owned();
    for end in TITLE_ENDS {
        if let Some(n) = name.strip_suffix(end) {
            name = trim(n).to_owned();
            break;
        }
    }
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_number_and_ending() {
        assert_eq!(
            project_name("1. 县委秘书组办公经费绩效目标表").as_deref(),
            Some("县委秘书组办公经费")
        );
        assert_eq!(
            project_name("12、密码通信主渠道联通线路租费经费绩效目标表").as_deref(),
            Some("密码通信主渠道联通线路租费经费")
        );
        assert_eq!(project_name("绩效目标表"), None);
    }
}
