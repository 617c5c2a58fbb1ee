//! Amounts and their units: numbers as printed (`1465.35`, `390,118.10`, `824.42\n\n万元`),
//! the unit that follows them (万元, 元, 亿元, %), exact decimals, and conversion between units.
//! Never a float: every value is a [`Decimal`] parsed from its digits.

use rust_decimal::Decimal;

use crate::money::MoneyUnit;

/// The unit a money amount is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceUnit {
    /// 元.
    Yuan,
    /// 万元.
    WanYuan,
    /// 亿元.
    YiYuan,
}

impl SourceUnit {
    /// The unit's Chinese symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            SourceUnit::Yuan => "元",
            SourceUnit::WanYuan => "万元",
            SourceUnit::YiYuan => "亿元",
        }
    }

    /// The document unit closest to this one.
    pub fn money_unit(self) -> MoneyUnit {
        match self {
            SourceUnit::Yuan => MoneyUnit::Yuan,
            SourceUnit::WanYuan | SourceUnit::YiYuan => MoneyUnit::WanYuan,
        }
    }
}

/// What follows a number in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// A money amount in the given unit.
    Money(SourceUnit),
    /// A percentage (`38.28%`).
    Percent,
    /// A year (`2020年`, four digits followed by 年).
    Year,
    /// Anything else (a count, a bare table number).
    Plain,
}

/// A number found in a key (folded, whitespace-free text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumTok {
    /// Key position of the first digit.
    pub start: usize,
    /// Key position just after the number's digits.
    pub num_end: usize,
    /// Key position just after the unit (or the number, without a unit).
    pub end: usize,
    /// What follows the number.
    pub kind: NumKind,
    /// The value, or why it could not be read.
    pub value: Result<Decimal, String>,
}

/// Longest run of digits accepted before a number is treated as absurd.
const MAX_DIGITS: usize = 24;

/// Reads the digits of a number (thousands commas allowed) into an exact decimal.
pub fn parse_decimal(raw: &str) -> Result<Decimal, String> {
    let cleaned: String = raw
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    let digits = cleaned.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return Err(format!("\"{raw}\" is not a number"));
    }
    if digits > MAX_DIGITS {
        return Err(format!(
            "the number {raw} has {digits} digits and cannot be a real amount"
        ));
    }
    Decimal::from_str_exact(&cleaned)
        .map_err(|e| format!("the number {raw} cannot be read exactly: {e}"))
}

/// Finds every number in a key, with what follows it.
pub fn scan_numbers(key: &[char]) -> Vec<NumTok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < key.len() {
        let c = key.get(i).copied().unwrap_or(' ');
        let prev = if i == 0 {
            None
        } else {
            key.get(i - 1).copied()
        };
        let starts =
            c.is_ascii_digit() && !matches!(prev, Some(p) if p.is_ascii_digit() || p == '.');
        if !starts {
            i += 1;
            continue;
        }
        let (num_end, raw) = read_number(key, i);
        let (kind, end) = unit_after(key, i, num_end);
        out.push(NumTok {
            start: i,
            num_end,
            end,
            kind,
            value: parse_decimal(&raw),
        });
        i = num_end.max(i + 1);
    }
    out
}

/// Reads a number starting at `i`: digits, thousands groups (`,` + exactly three digits), one
/// decimal point followed by digits. Returns the end and the raw text.
fn read_number(key: &[char], start: usize) -> (usize, String) {
    let mut raw = String::new();
    let mut i = start;
    let mut seen_point = false;
    while let Some(&c) = key.get(i) {
        if c.is_ascii_digit() || (c == ',' && !seen_point && is_thousands_group(key, i + 1)) {
            raw.push(c);
            i += 1;
        } else if c == '.' && !seen_point && key.get(i + 1).is_some_and(char::is_ascii_digit) {
            seen_point = true;
            raw.push(c);
            i += 1;
        } else {
            break;
        }
    }
    (i, raw)
}

/// Whether exactly three digits follow at `i` (and then no further digit).
fn is_thousands_group(key: &[char], i: usize) -> bool {
    (i..i + 3).all(|j| key.get(j).is_some_and(char::is_ascii_digit))
        && !key.get(i + 3).is_some_and(char::is_ascii_digit)
}

/// The unit after a number ending at `num_end`.
fn unit_after(key: &[char], start: usize, num_end: usize) -> (NumKind, usize) {
    let at = |s: &str| super::normalise::matches_at(key, num_end, s);
    if at("万元") {
        (NumKind::Money(SourceUnit::WanYuan), num_end + 2)
    } else if at("亿元") {
        (NumKind::Money(SourceUnit::YiYuan), num_end + 2)
    } else if at("元") && !at("元/") {
        (NumKind::Money(SourceUnit::Yuan), num_end + 1)
    } else if at("%") {
        (NumKind::Percent, num_end + 1)
    } else if at("年") && num_end == start + 4 && matches!(key.get(start), Some('1' | '2')) {
        (NumKind::Year, num_end + 1)
    } else {
        (NumKind::Plain, num_end)
    }
}

/// Converts an amount between units, exactly; `None` if it overflows.
pub fn convert(value: Decimal, from: SourceUnit, to: MoneyUnit) -> Option<Decimal> {
    let ten_thousand = Decimal::from(10_000);
    let v = match (from, to) {
        (SourceUnit::Yuan, MoneyUnit::Yuan) | (SourceUnit::WanYuan, MoneyUnit::WanYuan) => value,
        (SourceUnit::Yuan, MoneyUnit::WanYuan) => value.checked_div(ten_thousand)?.normalize(),
        (SourceUnit::WanYuan, MoneyUnit::Yuan) => value.checked_mul(ten_thousand)?.normalize(),
        (SourceUnit::YiYuan, MoneyUnit::WanYuan) => value.checked_mul(ten_thousand)?.normalize(),
        (SourceUnit::YiYuan, MoneyUnit::Yuan) => {
            value.checked_mul(Decimal::from(100_000_000))?.normalize()
        }
    };
    Some(v)
}

/// Converts an amount printed in `from` into the document unit and checks that it can be stored
/// exactly (to the 分, within range). The error is a message for a warning.
pub fn to_document_unit(
    value: Decimal,
    from: SourceUnit,
    to: MoneyUnit,
) -> Result<Decimal, String> {
    let Some(v) = convert(value, from, to) else {
        return Err(format!(
            "{value}{} is too large to convert to {}",
            from.symbol(),
            to.symbol()
        ));
    };
    to.to_fen(v.abs()).map_err(|e| e.to_string())?;
    Ok(v)
}

/// A money cell of a table: `None` for a blank cell or a dash; the amount in the given unit
/// otherwise. A unit printed in the cell (`46万元`) wins over `unit`.
pub fn parse_cell_amount(
    cell: &str,
    unit: SourceUnit,
) -> Option<Result<(Decimal, SourceUnit), String>> {
    let key = super::normalise::key_of(cell);
    if key.is_empty()
        || key
            .chars()
            .all(|c| matches!(c, '-' | '—' | '/' | '─' | '_' | '*'))
    {
        return None;
    }
    let chars: Vec<char> = key.chars().collect();
    let toks = scan_numbers(&chars);
    let Some(tok) = toks.first() else {
        return Some(Err(format!("\"{cell}\" is not an amount")));
    };
    if toks.len() > 1 || tok.start != 0 || tok.end != chars.len() {
        return Some(Err(format!("\"{cell}\" is not an amount")));
    }
    let unit = match tok.kind {
        NumKind::Money(u) => u,
        NumKind::Plain => unit,
        NumKind::Percent | NumKind::Year => {
            return Some(Err(format!("\"{cell}\" is not an amount")));
        }
    };
    Some(tok.value.clone().map(|v| (v, unit)))
}

/// A plain quantity (`46`, `0.9`) from a table cell; `None` when blank.
pub fn parse_cell_number(cell: &str) -> Option<Result<Decimal, String>> {
    let key = super::normalise::key_of(cell);
    if key.is_empty() || key.chars().all(|c| matches!(c, '-' | '—' | '/')) {
        return None;
    }
    Some(parse_decimal(&key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Option<Decimal> {
        Decimal::from_str(s).ok()
    }

    fn scan(s: &str) -> Vec<(NumKind, String)> {
        let key: Vec<char> = super::super::normalise::key_of(s).chars().collect();
        scan_numbers(&key)
            .into_iter()
            .map(|t| (t.kind, t.value.map(|v| v.to_string()).unwrap_or_else(|e| e)))
            .collect()
    }

    #[test]
    fn amounts_units_and_percentages_are_found() {
        assert_eq!(
            scan("支出预算为145,500.00元,比上年减少49万元，下降38.28%"),
            vec![
                (NumKind::Money(SourceUnit::Yuan), "145500.00".into()),
                (NumKind::Money(SourceUnit::WanYuan), "49".into()),
                (NumKind::Percent, "38.28".into()),
            ]
        );
        assert_eq!(scan("2020 年"), vec![(NumKind::Year, "2020".into())]);
        assert_eq!(
            scan("项目支出824.42\n\n万元"),
            vec![(NumKind::Money(SourceUnit::WanYuan), "824.42".into())]
        );
    }

    #[test]
    fn a_comma_between_clauses_is_not_a_thousands_separator() {
        assert_eq!(
            scan("0万元,1万元"),
            vec![
                (NumKind::Money(SourceUnit::WanYuan), "0".into()),
                (NumKind::Money(SourceUnit::WanYuan), "1".into())
            ]
        );
        assert_eq!(
            scan("12,34元"),
            vec![
                (NumKind::Plain, "12".into()),
                (NumKind::Money(SourceUnit::Yuan), "34".into())
            ]
        );
    }

    #[test]
    fn huge_numbers_are_errors_not_panics() {
        let found = scan("99999999999999999999999999999万元");
        assert_eq!(found.len(), 1);
        assert!(
            found
                .first()
                .is_some_and(|(_, v)| v.contains("digits") || v.contains("exactly"))
        );
        assert!(parse_decimal("79228162514264337593543950336").is_err());
    }

    #[test]
    fn units_convert_exactly() {
        let v = dec("390118.10").unwrap_or_default();
        assert_eq!(
            convert(v, SourceUnit::Yuan, MoneyUnit::WanYuan),
            dec("39.01181")
        );
        assert_eq!(
            convert(
                dec("1.5").unwrap_or_default(),
                SourceUnit::YiYuan,
                MoneyUnit::WanYuan
            ),
            dec("15000")
        );
        assert!(
            to_document_unit(
                dec("0.0000001").unwrap_or_default(),
                SourceUnit::WanYuan,
                MoneyUnit::WanYuan
            )
            .is_err()
        );
    }

    #[test]
    fn table_cells_read_blank_dash_and_unit() {
        assert_eq!(parse_cell_amount("", SourceUnit::WanYuan), None);
        assert_eq!(parse_cell_amount("---", SourceUnit::WanYuan), None);
        assert_eq!(
            parse_cell_amount("1,465.35", SourceUnit::Yuan),
            Some(Ok((dec("1465.35").unwrap_or_default(), SourceUnit::Yuan)))
        );
        assert_eq!(
            parse_cell_amount("46 万元", SourceUnit::Yuan),
            Some(Ok((dec("46").unwrap_or_default(), SourceUnit::WanYuan)))
        );
        assert!(matches!(
            parse_cell_amount("台", SourceUnit::Yuan),
            Some(Err(_))
        ));
    }
}
