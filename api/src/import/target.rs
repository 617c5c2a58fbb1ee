//! 指标值: splitting a target value into operator, number and unit where it has that shape
//! ("≥ 90%", "12个月", "50 万人", "≤300人"); anything else ("达标", "及时") stays raw only.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A target value split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedTarget {
    /// ≥ ≤ > < =, normalised to these symbols; `None` where the source gives none.
    pub operator: Option<&'static str>,
    /// The number, exactly as a decimal.
    pub value: Option<Decimal>,
    /// What follows the number (%, 个, 万人, 个月…), if anything.
    pub unit: Option<String>,
}

const OPERATORS: &[(&str, &str)] = &[
    (">=", "≥"),
    ("<=", "≤"),
    ("≥", "≥"),
    ("≤", "≤"),
    ("＞", ">"),
    ("＜", "<"),
    ("＝", "="),
    (">", ">"),
    ("<", "<"),
    ("=", "="),
];

/// Longest unit accepted after the number; longer text means the cell is prose, not a target.
const MAX_UNIT_CHARS: usize = 6;

/// Splits `raw` when it is an optional operator, a number and a short unit; otherwise returns
/// all parts `None`.
pub fn parse_target(raw: &str) -> ParsedTarget {
    let mut rest = raw.trim();
    let mut operator = None;
    for (spelling, symbol) in OPERATORS {
        if let Some(after) = rest.strip_prefix(spelling) {
            operator = Some(*symbol);
            rest = after.trim_start();
            break;
        }
    }
    let number_len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let Ok(value) = Decimal::from_str(&rest[..number_len]) else {
        return ParsedTarget::default();
    };
    let unit = rest[number_len..].trim();
    if unit.chars().count() > MAX_UNIT_CHARS || unit.chars().any(|c| c.is_ascii_digit()) {
        return ParsedTarget::default();
    }
    ParsedTarget {
        operator,
        value: Some(value),
        unit: (!unit.is_empty()).then(|| unit.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(raw: &str) -> (Option<&'static str>, Option<String>, Option<String>) {
        let t = parse_target(raw);
        (t.operator, t.value.map(|v| v.to_string()), t.unit)
    }

    #[test]
    fn operator_number_and_unit_are_split() {
        assert_eq!(
            parts("≥ 90%"),
            (Some("≥"), Some("90".into()), Some("%".into()))
        );
        assert_eq!(
            parts("≤300人"),
            (Some("≤"), Some("300".into()), Some("人".into()))
        );
        assert_eq!(
            parts(">=95 %"),
            (Some("≥"), Some("95".into()), Some("%".into()))
        );
    }

    #[test]
    fn a_number_without_operator_keeps_its_unit() {
        assert_eq!(
            parts("12 个月"),
            (None, Some("12".into()), Some("个月".into()))
        );
        assert_eq!(
            parts("50万人"),
            (None, Some("50".into()), Some("万人".into()))
        );
        assert_eq!(
            parts("0.3 万元"),
            (None, Some("0.3".into()), Some("万元".into()))
        );
        assert_eq!(parts("46"), (None, Some("46".into()), None));
    }

    #[test]
    fn qualitative_and_empty_targets_stay_raw() {
        for raw in [
            "达标",
            "及时",
            "",
            "健全",
            "≥",
            "1.2.3个",
            "受益人口数≥50万人全县人口",
        ] {
            assert_eq!(parse_target(raw), ParsedTarget::default(), "{raw}");
        }
    }
}
