//! Exact money: amounts are stored as a 64-bit count of 分 (0.01 元) and converted to
//! [`Decimal`] only at the edges (import documents and GraphQL output).
//!
//! 1 万元 = 10 000 元 = 1 000 000 分, so every amount a disclosure states (万元 with up to
//! 4 decimals, or 元 with 2) is an exact whole number of 分 on every database back end.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The unit a money amount is stated in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, async_graphql::Enum,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MoneyUnit {
    /// 万元 (ten thousand yuan), the unit most disclosures use.
    #[default]
    WanYuan,
    /// 元 (yuan).
    Yuan,
}

/// Why an amount cannot be stored exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{amount} {unit} is finer than 0.01 元 and cannot be stored exactly")]
    TooPrecise { amount: Decimal, unit: &'static str },
    #[error("{amount} {unit} is too large to store")]
    TooLarge { amount: Decimal, unit: &'static str },
}

impl MoneyUnit {
    /// How many 分 one unit holds.
    const fn fen_per_unit(self) -> i64 {
        match self {
            MoneyUnit::WanYuan => 1_000_000,
            MoneyUnit::Yuan => 100,
        }
    }

    /// Decimal places of the unit that one 分 takes.
    const fn fen_scale(self) -> u32 {
        match self {
            MoneyUnit::WanYuan => 6,
            MoneyUnit::Yuan => 2,
        }
    }

    /// The unit's Chinese symbol, as disclosures print it.
    pub const fn symbol(self) -> &'static str {
        match self {
            MoneyUnit::WanYuan => "万元",
            MoneyUnit::Yuan => "元",
        }
    }

    /// Converts an amount stated in this unit into 分, refusing anything that is not exact.
    pub fn to_fen(self, amount: Decimal) -> Result<i64, MoneyError> {
        let too_large = || MoneyError::TooLarge {
            amount,
            unit: self.symbol(),
        };
        let fen = amount
            .checked_mul(Decimal::from(self.fen_per_unit()))
            .ok_or_else(too_large)?;
        if !fen.fract().is_zero() {
            return Err(MoneyError::TooPrecise {
                amount,
                unit: self.symbol(),
            });
        }
        i64::try_from(fen.trunc()).map_err(|_| too_large())
    }

    /// Converts a count of 分 into this unit, exactly, without trailing zeros.
    pub fn from_fen(self, fen: i64) -> Decimal {
        Decimal::new(fen, self.fen_scale()).normalize()
    }

    /// Converts a possibly fractional count of 分 (a quotient) into this unit, rounded to
    /// the nearest 分 (half away from zero).
    pub fn from_fen_rounded(self, fen: Decimal) -> Decimal {
        let whole =
            fen.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        (whole / Decimal::from(self.fen_per_unit())).normalize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn wan_yuan_with_four_decimals_is_exact_to_the_fen() {
        assert_eq!(MoneyUnit::WanYuan.to_fen(dec("502.4251")), Ok(502_425_100));
        assert_eq!(MoneyUnit::WanYuan.from_fen(502_425_100), dec("502.4251"));
        assert_eq!(MoneyUnit::Yuan.from_fen(502_425_100), dec("5024251"));
    }

    #[test]
    fn amounts_finer_than_a_fen_are_refused() {
        assert!(matches!(
            MoneyUnit::Yuan.to_fen(dec("1.005")),
            Err(MoneyError::TooPrecise { .. })
        ));
        assert_eq!(MoneyUnit::WanYuan.to_fen(dec("0.000001")), Ok(1));
    }

    #[test]
    fn amounts_beyond_i64_are_refused() {
        assert!(matches!(
            MoneyUnit::WanYuan.to_fen(dec("99999999999999999")),
            Err(MoneyError::TooLarge { .. })
        ));
    }

    #[test]
    fn negative_changes_convert_both_ways() {
        assert_eq!(MoneyUnit::WanYuan.to_fen(dec("-14")), Ok(-14_000_000));
        assert_eq!(MoneyUnit::WanYuan.from_fen(-14_000_000), dec("-14"));
    }

    #[test]
    fn quotients_round_to_the_nearest_fen() {
        // 155.91 万元 over 46 people.
        let per_head = Decimal::from(155_910_000) / Decimal::from(46);
        assert_eq!(
            MoneyUnit::WanYuan.from_fen_rounded(per_head),
            dec("3.389348")
        );
        assert_eq!(MoneyUnit::Yuan.from_fen_rounded(per_head), dec("33893.48"));
    }
}
