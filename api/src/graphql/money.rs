//! Money and ratios at the GraphQL edge: 分 from the database become exact decimals in the
//! unit the client asks for.

use rust_decimal::{Decimal as Exact, RoundingStrategy};

use super::scalars::Decimal;
use crate::money::MoneyUnit;

/// A stored amount in `unit`.
pub fn money(fen: Option<i64>, unit: MoneyUnit) -> Option<Decimal> {
    fen.map(|f| Decimal(unit.from_fen(f)))
}

/// An amount per head, rounded to the 分; null without a positive head count.
pub fn per_head(fen: Option<i64>, heads: Option<i32>, unit: MoneyUnit) -> Option<Decimal> {
    match (fen, heads) {
        (Some(fen), Some(heads)) if heads > 0 => Some(Decimal(
            unit.from_fen_rounded(Exact::from(fen) / Exact::from(heads)),
        )),
        _ => None,
    }
}

/// Decimal places of a share.
const SHARE_DP: u32 = 6;

/// `part / whole` as a fraction (0.2423 for 24.23%), to 6 decimals; null without a positive whole.
pub fn share(part: Option<i64>, whole: Option<i64>) -> Option<Decimal> {
    match (part, whole) {
        (Some(part), Some(whole)) if whole > 0 => Some(Decimal(
            (Exact::from(part) / Exact::from(whole))
                .round_dp_with_strategy(SHARE_DP, RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_missing_or_zero_denominator_gives_null() {
        assert_eq!(per_head(Some(100), None, MoneyUnit::Yuan), None);
        assert_eq!(per_head(Some(100), Some(0), MoneyUnit::Yuan), None);
        assert_eq!(share(Some(1), Some(0)), None);
        assert_eq!(share(None, Some(5)), None);
    }

    #[test]
    fn shares_are_exact_fractions_rounded_to_six_places() {
        // 35.5 万元 of 三公 in 1465.35 万元 of expenditure.
        assert_eq!(
            share(Some(35_500_000), Some(1_465_350_000)),
            Some(Decimal(Exact::from_str("0.024226").unwrap()))
        );
        assert_eq!(
            share(Some(1), Some(4)),
            Some(Decimal(Exact::from_str("0.25").unwrap()))
        );
    }
}
