//! The document's money unit, the income and expenditure figures (收入, 基本支出, 人员经费,
//! 项目支出, 机关运行经费…) from the narrative and from label/amount tables (收支总表), and
//! expenditure by function class (一般公共服务支出 → 201).

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::document::{Classification, DisclosureDocument, ExpenditureLine, Stage};
use crate::money::MoneyUnit;

use super::lexicon::{Figure, Word, gap_is_filler, word_at};
use super::narrative::Values;
use super::normalise::{Text, key_of, matches_at};
use super::numbers::{NumKind, SourceUnit, parse_cell_amount, scan_numbers, to_document_unit};
use super::sections::{Lines, Para, SectionKind};
use super::tables::{Block, Row};
use super::{Context, Warnings};

/// The unit every amount of the document is stated in: the first "单位：万元 / 元" line, else the
/// unit most amounts are printed in, else 万元 (with a warning).
pub fn document_unit(lines: &Lines<'_>, warnings: &mut Warnings) -> MoneyUnit {
    for line in &lines.lines {
        if let Some(unit) = declared_unit(&line.key) {
            return unit.money_unit();
        }
    }
    let (mut wan, mut yuan) = (0usize, 0usize);
    for line in &lines.lines {
        let chars: Vec<char> = line.key.chars().collect();
        for tok in scan_numbers(&chars) {
            match tok.kind {
                NumKind::Money(SourceUnit::Yuan) => yuan += 1,
                NumKind::Money(_) => wan += 1,
                _ => {}
            }
        }
    }
    if wan == 0 && yuan == 0 {
        warnings.push(0, "no amount states its unit; 万元 assumed");
        return MoneyUnit::WanYuan;
    }
    if yuan > wan {
        MoneyUnit::Yuan
    } else {
        MoneyUnit::WanYuan
    }
}

/// The unit a line declares ("单位：万元", "金额单位:元", "(单位:元)"), if any.
pub fn declared_unit(key: &str) -> Option<SourceUnit> {
    let at = key.find("单位:")?;
    let rest = key.get(at + "单位:".len()..)?;
    if rest.starts_with("万元") {
        Some(SourceUnit::WanYuan)
    } else if rest.starts_with("亿元") {
        Some(SourceUnit::YiYuan)
    } else if rest.starts_with('元') {
        Some(SourceUnit::Yuan)
    } else {
        None
    }
}

/// The unit in force for a table starting at line index `first`: a declaration within the
/// few lines above it or in its header, else the document unit.
pub fn table_unit(lines: &Lines<'_>, block: &Block, cx: &Context) -> SourceUnit {
    let header_unit = block
        .rows
        .iter()
        .take(3)
        .flat_map(|r| r.cells.iter())
        .find_map(|c| declared_unit(&key_of(c)));
    if let Some(u) = header_unit {
        return u;
    }
    for back in 1..=6 {
        let Some(idx) = block.first.checked_sub(back) else {
            break;
        };
        if let Some(u) = lines.get(idx).and_then(|l| declared_unit(&l.key)) {
            return u;
        }
    }
    match cx.unit {
        MoneyUnit::WanYuan => SourceUnit::WanYuan,
        MoneyUnit::Yuan => SourceUnit::Yuan,
    }
}

/// Removes numbering and "其中：" from a row label ("一、", "1.", "(一)", "其中:").
pub fn strip_label(key: &str) -> String {
    let mut s = strip_numbering(key);
    for p in ["其中:", "其中", "注:"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r;
        }
    }
    s.to_owned()
}

/// Removes a leading item number: "一、", "(一)", "1.", "1、", "(1)".
pub fn strip_numbering(key: &str) -> &str {
    const NUMERALS: &str = "一二三四五六七八九十";
    let is_num = |c: char| c.is_ascii_digit() || NUMERALS.contains(c);
    if let Some(inner) = key.strip_prefix('(') {
        let n: usize = inner
            .chars()
            .take_while(|c| is_num(*c))
            .map(char::len_utf8)
            .sum();
        if n > 0
            && let Some(rest) = inner.get(n..).and_then(|r| r.strip_prefix(')'))
        {
            return rest;
        }
        return key;
    }
    let n: usize = key
        .chars()
        .take_while(|c| is_num(*c))
        .map(char::len_utf8)
        .sum();
    if n > 0
        && let Some(rest) = key.get(n..).and_then(|r| r.strip_prefix(['、', '.']))
    {
        return rest;
    }
    key
}

/// The figure a table label names, when the whole label is that figure's name.
pub fn label_figure(label: &str, three_public_table: bool) -> Option<Figure> {
    let key = strip_label(&key_of(label));
    match key.as_str() {
        "合计" | "总计" | "合计数" => {
            return three_public_table.then_some(Figure::ThreeTotal);
        }
        "小计" => return three_public_table.then_some(Figure::VehicleTotal),
        _ => {}
    }
    let chars: Vec<char> = key.chars().collect();
    let (Word::Item(f), n) = word_at(&chars, 0)? else {
        return None;
    };
    let rest = chars.get(n..).unwrap_or(&[]);
    (f != Figure::Other && gap_is_filler(rest)).then_some(f)
}

/// The value columns of a table: the columns whose header says 决算 (final accounts) or this
/// year (budget), in the first header row (a row without amounts) that says; empty to take the
/// first amount after each label.
fn value_columns(rows: &[Row], cx: &Context) -> Vec<usize> {
    let year = cx.fiscal_year.to_string();
    for row in rows.iter().take(4) {
        if row
            .cells
            .iter()
            .any(|c| matches!(parse_cell_amount(c, SourceUnit::WanYuan), Some(Ok(_))))
        {
            continue;
        }
        let keys: Vec<String> = row.cells.iter().map(|c| key_of(c)).collect();
        let pick = |want: &dyn Fn(&str) -> bool| -> Vec<usize> {
            keys.iter()
                .enumerate()
                .filter(|(_, k)| want(k))
                .map(|(i, _)| i)
                .collect()
        };
        let cols = match cx.stage {
            Stage::FinalAccounts => pick(&|k| k.contains("决算")),
            _ => {
                let this_year =
                    pick(&|k| (k.contains(&year) || k.contains("本年")) && !k.contains("上年"));
                if this_year.is_empty() && keys.iter().any(|k| k.contains("上年")) {
                    pick(&|k| k.contains("预算") && !k.contains("上年"))
                } else {
                    this_year
                }
            }
        };
        if !cols.is_empty() {
            return cols;
        }
    }
    Vec::new()
}

/// The amount cell for a label at `label_at` whose amounts run up to `next_label`: the value
/// column in that range, or (without value columns) the first non-blank cell.
fn amount_cell<'r>(
    row: &'r Row,
    columns: &[usize],
    label_at: usize,
    next_label: usize,
) -> Option<&'r String> {
    if columns.is_empty() {
        return row
            .cells
            .get(label_at + 1..next_label)?
            .iter()
            .find(|c| !key_of(c).is_empty());
    }
    let col = columns.iter().find(|&&c| c > label_at && c < next_label)?;
    row.cells.get(*col)
}

/// Reads label/amount rows of the tables outside the sections that have their own readers.
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
            SectionKind::Unknown
                | SectionKind::Figures
                | SectionKind::OperatingCost
                | SectionKind::ThreePublic
        ) {
            continue;
        }
        let three = block.section == SectionKind::ThreePublic
            || block
                .rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .any(|c| label_figure(c, false).is_some_and(Figure::is_three_public));
        let unit = table_unit(lines, block, cx);
        let columns = value_columns(&block.rows, cx);
        for row in &block.rows {
            read_row(row, three, &columns, unit, cx, values, warnings);
        }
    }
}

/// One row: each label cell naming a figure takes the amount in the value column, or the
/// first amount after it.
fn read_row(
    row: &Row,
    three: bool,
    columns: &[usize],
    unit: SourceUnit,
    cx: &Context,
    values: &mut Values,
    warnings: &mut Warnings,
) {
    let mut j = 0;
    while j < row.cells.len() {
        let Some(cell) = row.cells.get(j) else { break };
        let Some(figure) = label_figure(cell, three) else {
            j += 1;
            continue;
        };
        // The amounts run up to the next label.
        let mut k = j + 1;
        while row
            .cells
            .get(k)
            .is_some_and(|c| label_figure(c, three).is_none())
        {
            k += 1;
        }
        let chosen = amount_cell(row, columns, j, k);
        if let Some(cell) = chosen
            && let Some(v) = table_amount(cell, unit, cx, row.line, figure.label(), warnings)
        {
            values.set(figure, v, row.line, warnings);
        }
        j = k;
    }
}

/// An amount cell of a label/amount table in the document unit. A cell without digits (a
/// heading such as 金额, a dash) is not an amount and is passed over silently; one with digits
/// that cannot be read is a warning.
pub fn table_amount(
    cell: &str,
    unit: SourceUnit,
    cx: &Context,
    line: usize,
    what: &str,
    warnings: &mut Warnings,
) -> Option<Decimal> {
    if !cell
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    match parse_cell_amount(cell, unit)? {
        Ok((v, u)) => match to_document_unit(v, u, cx.unit) {
            Ok(v) => Some(v),
            Err(e) => {
                warnings.push(line, format!("skipped {what} in a table: {e}"));
                None
            }
        },
        Err(e) => {
            warnings.push(line, format!("skipped {what} in a table: {e}"));
            None
        }
    }
}

/// Fills income, expenditure and the operating cost from the values read.
pub fn apply(values: &Values, doc: &mut DisclosureDocument) {
    let both = values.get(Figure::IncomeAndExpenditure);
    let income = &mut doc.income;
    income.total = values.get(Figure::IncomeTotal).or(both);
    income.general_public_budget = values.get(Figure::GeneralPublicBudget);
    income.government_fund = values.get(Figure::GovernmentFund);
    income.state_capital = values.get(Figure::StateCapital);
    income.special_account = values.get(Figure::SpecialAccount);
    income.carried_over = values.get(Figure::CarriedOver);
    income.other = values.get(Figure::OtherIncome);
    let exp = &mut doc.expenditure;
    exp.total = values.get(Figure::ExpenditureTotal).or(both);
    exp.basic = values.get(Figure::Basic);
    exp.personnel = values.get(Figure::Personnel);
    exp.public_operating = values.get(Figure::PublicOperating);
    exp.project = values.get(Figure::Project);
    doc.operating_cost = values.get(Figure::OperatingCost);
}

/// 支出功能分类 at the 类 level: code and the names it goes by (current and older editions).
const FUNCTION_CLASSES: &[(&str, &[&str])] = &[
    ("201", &["一般公共服务支出"]),
    ("202", &["外交支出"]),
    ("203", &["国防支出"]),
    ("204", &["公共安全支出"]),
    ("205", &["教育支出"]),
    ("206", &["科学技术支出"]),
    ("207", &["文化旅游体育与传媒支出", "文化体育与传媒支出"]),
    ("208", &["社会保障和就业支出"]),
    ("209", &["社会保险基金支出"]),
    (
        "210",
        &["卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"],
    ),
    ("211", &["节能环保支出"]),
    ("212", &["城乡社区支出", "城乡社区事务支出"]),
    ("213", &["农林水支出", "农林水事务支出"]),
    ("214", &["交通运输支出"]),
    ("215", &["资源勘探工业信息等支出", "资源勘探信息等支出"]),
    ("216", &["商业服务业等支出"]),
    ("217", &["金融支出"]),
    ("219", &["援助其他地区支出"]),
    ("220", &["自然资源海洋气象等支出", "国土海洋气象等支出"]),
    ("221", &["住房保障支出"]),
    ("222", &["粮油物资储备支出"]),
    ("224", &["灾害防治及应急管理支出"]),
    ("227", &["预备费"]),
    ("229", &["其他支出"]),
    ("230", &["转移性支出"]),
    ("231", &["债务还本支出"]),
    ("232", &["债务付息支出"]),
    ("233", &["债务发行费用支出"]),
];

/// The 类 code of a function class name, if it is one.
pub fn function_code(name_key: &str) -> Option<&'static str> {
    FUNCTION_CLASSES
        .iter()
        .find(|(_, names)| names.contains(&name_key))
        .map(|(code, _)| *code)
}

/// Whether a text starts with a function code of a known class (201…233).
fn is_function_code(key: &str) -> bool {
    let class: String = key.chars().take(3).collect();
    FUNCTION_CLASSES.iter().any(|(code, _)| *code == class)
}

/// The function class named at key position `i`: its code and name length. Names that are
/// common words (预备费, 其他支出) count only in tables.
fn function_class_at(key: &[char], i: usize, in_table: bool) -> Option<(&'static str, usize)> {
    /// The first characters of the class names.
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = FUNCTION_CLASSES
            .iter()
            .flat_map(|(_, names)| names.iter().filter_map(|n| n.chars().next()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let first = key.get(i)?;
    if firsts.binary_search(first).is_err() {
        return None;
    }
    let mut best: Option<(&'static str, usize)> = None;
    for (code, names) in FUNCTION_CLASSES {
        if !in_table && matches!(*code, "227" | "229") {
            continue;
        }
        for name in *names {
            let n = name.chars().count();
            if best.is_none_or(|(_, len)| n > len) && matches_at(key, i, name) {
                best = Some((code, n));
            }
        }
    }
    best
}

/// Expenditure lines by function class: from label/amount table rows ("201 | 一般公共服务支出 |
/// 1200", "一般公共服务支出 | 1200") and from the narrative ("社会保障和就业支出1740.8万元").
pub fn function_lines(
    lines: &Lines<'_>,
    tables: &[Block],
    paras: &[Para],
    cx: &Context,
    warnings: &mut Warnings,
) -> Vec<ExpenditureLine> {
    let mut out: Vec<ExpenditureLine> = Vec::new();
    let mut codes: HashSet<String> = HashSet::new();
    let mut push = |out: &mut Vec<ExpenditureLine>, code: String, name: String, amount: Decimal| {
        if codes.insert(code.clone()) {
            out.push(ExpenditureLine {
                classification: Classification::Function,
                code,
                name,
                amount: Some(amount),
            });
        }
    };
    for block in tables {
        if !matches!(block.section, SectionKind::Unknown | SectionKind::Figures) {
            continue;
        }
        let unit = table_unit(lines, block, cx);
        let columns = value_columns(&block.rows, cx);
        for row in &block.rows {
            let labels = function_labels(row);
            for (n, (label_at, code, name)) in labels.iter().enumerate() {
                let next_label = labels.get(n + 1).map_or(row.cells.len(), |(at, _, _)| *at);
                let Some(cell) = amount_cell(row, &columns, *label_at, next_label) else {
                    continue;
                };
                if let Some(v) = table_amount(cell, unit, cx, row.line, name, warnings) {
                    push(&mut out, code.clone(), name.clone(), v);
                }
            }
        }
    }
    for para in paras {
        if !matches!(para.section, SectionKind::Unknown | SectionKind::Figures) {
            continue;
        }
        for (code, name, amount) in narrative_function_lines(&para.text, cx, warnings) {
            push(&mut out, code, name, amount);
        }
    }
    out
}

/// The function classes a table row names: each label's cell index, code and name as
/// printed. A code cell (3, 5 or 7 digits) before a name cell counts; so does a code printed in
/// front of the name ("201一般公共服务支出"), or a 类 name alone ("一、一般公共服务支出").
fn function_labels(row: &Row) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut j = 0;
    while let Some(cell) = row.cells.get(j) {
        let key = key_of(cell);
        let digits = key.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits == key.chars().count() {
            if matches!(digits, 3 | 5 | 7) && is_function_code(&key) {
                let name = row
                    .cells
                    .get(j + 1)
                    .map(|c| c.trim().to_owned())
                    .unwrap_or_default();
                if !name.is_empty() && !name.chars().any(|c| c.is_ascii_digit()) {
                    out.push((j + 1, key, name));
                    j += 2;
                    continue;
                }
            }
            j += 1;
            continue;
        }
        let rest: String = key.chars().skip(digits).collect();
        let rest = rest.trim_start_matches(['[', ']', '-', '.', '、']);
        if matches!(digits, 3 | 5 | 7) && !rest.is_empty() && is_function_code(&key) {
            let name: String = cell
                .trim()
                .chars()
                .skip_while(|c| c.is_ascii_digit() || "[]【】-.、 ".contains(*c))
                .collect();
            out.push((j, key.chars().take(digits).collect(), name));
        } else if digits == 0 {
            let stripped = strip_label(&key);
            if let Some(code) = function_code(&stripped) {
                out.push((j, code.to_owned(), stripped));
            }
        }
        j += 1;
    }
    out
}

/// Function classes named in running text and followed by an amount.
fn narrative_function_lines(
    text: &Text,
    cx: &Context,
    warnings: &mut Warnings,
) -> Vec<(String, String, Decimal)> {
    let key = text.key();
    let nums = scan_numbers(key);
    let mut out = Vec::new();
    let mut i = 0;
    while i < key.len() {
        let Some((code, n)) = function_class_at(key, i, false) else {
            i += 1;
            continue;
        };
        // A printed code right before the name wins ("201一般公共服务支出", "[201]…").
        let mut code_text = code.to_owned();
        let mut back = i;
        while back > 0 && matches!(key.get(back - 1), Some('[' | ']' | '-')) {
            back -= 1;
        }
        let digits = (0..back)
            .rev()
            .take_while(|&j| key.get(j).is_some_and(char::is_ascii_digit))
            .count();
        let printed: String = key
            .get(back.saturating_sub(digits)..back)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        if matches!(digits, 3 | 5 | 7) && printed.starts_with(code) {
            code_text = key
                .get(back - digits..back)
                .map(|s| s.iter().collect())
                .unwrap_or(code_text);
        }
        let name = text.orig_str(i, i + n);
        let after = i + n;
        let first = nums.partition_point(|t| t.start < after);
        if let Some(tok) = nums.get(first).filter(|t| t.start <= after + 6)
            && let NumKind::Money(unit) = tok.kind
            && key.get(after..tok.start).is_some_and(gap_is_filler)
        {
            match tok
                .value
                .clone()
                .and_then(|v| to_document_unit(v, unit, cx.unit))
            {
                Ok(v) => out.push((code_text, name, v)),
                Err(e) => warnings.push(
                    text.line_at(tok.start),
                    format!("skipped the amount of {name}: {e}"),
                ),
            }
        }
        i = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_declared_or_taken_from_the_amounts() {
        assert_eq!(declared_unit("金额单位:元"), Some(SourceUnit::Yuan));
        assert_eq!(declared_unit("单位:万元"), Some(SourceUnit::WanYuan));
        assert_eq!(
            declared_unit("价值(金额单位:万元)"),
            Some(SourceUnit::WanYuan)
        );
        let mut w = Warnings::default();
        assert_eq!(
            document_unit(&Lines::new("支出决算为390,118.10元,其中0元"), &mut w),
            MoneyUnit::Yuan
        );
    }

    #[test]
    fn table_labels_name_figures_whole() {
        assert_eq!(
            label_figure("其中:公务用车运行维护费", true),
            Some(Figure::VehicleOperation)
        );
        assert_eq!(label_figure("合 计", true), Some(Figure::ThreeTotal));
        assert_eq!(label_figure("合计", false), None);
        assert_eq!(
            label_figure("一、一般公共预算拨款收入", false),
            Some(Figure::GeneralPublicBudget)
        );
        assert_eq!(label_figure("委员活动经费", false), None);
    }

    #[test]
    fn function_classes_have_codes() {
        assert_eq!(function_code("社会保障和就业支出"), Some("208"));
        let row = Row {
            line: 1,
            cells: vec!["2013101".into(), "行政运行".into(), "100".into()],
        };
        assert_eq!(
            function_labels(&row),
            vec![(1, "2013101".into(), "行政运行".into())]
        );
        let row = Row {
            line: 1,
            cells: vec![
                "一、一般公共预算拨款".into(),
                "1000".into(),
                "一、一般公共服务支出".into(),
                "1000".into(),
            ],
        };
        assert_eq!(
            function_labels(&row),
            vec![(2, "201".into(), "一般公共服务支出".into())]
        );
    }
}
