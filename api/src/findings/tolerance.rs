//! The rounding a comparison allows, from the precision the source itself used.
//!
//! A figure printed to d decimals may be off by half a unit of its last place when d is the
//! finest precision among the figures compared: those were rounded to it. Figures printed more
//! coarsely (whole 万元 among figures with two decimals) are taken as exact allocations. So
//! 640.93 against 485.05 + 155.91 allows 3 × 0.005 = 0.015, and 824.42 against thirty project
//! amounts in whole or tenth 万元 allows 0.005.

use rust_decimal::Decimal;

/// The largest difference between `stated` and the sum of `parts` that rounding explains.
pub fn allowed_difference(stated: Decimal, parts: &[Decimal]) -> Decimal {
    let finest = parts
        .iter()
        .chain(std::iter::once(&stated))
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0);
    let rounded = parts
        .iter()
        .chain(std::iter::once(&stated))
        .filter(|d| d.normalize().scale() == finest)
        .count();
    Decimal::new(5, finest + 1) * Decimal::from(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn three_figures_to_the_cent_allow_one_and_a_half_cents() {
        assert_eq!(
            allowed_difference(d("640.93"), &[d("485.05"), d("155.91")]),
            d("0.015")
        );
    }

    #[test]
    fn coarser_parts_are_exact() {
        assert_eq!(
            allowed_difference(d("824.42"), &[d("13"), d("88.5"), d("0.3")]),
            d("0.005")
        );
        assert_eq!(
            allowed_difference(d("35.5"), &[d("0"), d("3.5"), d("32")]),
            d("0.1")
        );
        assert_eq!(
            allowed_difference(d("79"), &[d("0"), d("75"), d("4")]),
            d("2")
        );
    }
}
