//! Helpers shared by the parser's tests.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Overrides, ParsedDisclosure, parse_disclosure};

/// Parses `text` with no overrides, failing the test if it does not parse.
pub fn parse(text: &str) -> ParsedDisclosure {
    match parse_disclosure(text, &Overrides::default()) {
        Ok(p) => p,
        Err(e) => panic!("does not parse: {e}"),
    }
}

/// A decimal from its text.
pub fn d(s: &str) -> Option<Decimal> {
    Decimal::from_str(s).ok()
}
