//! The `Decimal` scalar.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

/// An exact decimal, as GraphQL's `Decimal` scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal(pub rust_decimal::Decimal);

impl From<rust_decimal::Decimal> for Decimal {
    fn from(value: rust_decimal::Decimal) -> Self {
        Decimal(value)
    }
}

/// An exact decimal number, serialised as a string ("1465.35", "-14", "0.024226") so that no
/// floating point ever touches it. Money fields give it in the unit their `unit` argument names
/// (万元 by default); shares are fractions (0.25 = 25%).
#[Scalar(name = "Decimal")]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => text
                .trim()
                .parse()
                .map(Decimal)
                .map_err(|_| InputValueError::custom(format!("{text:?} is not a decimal"))),
            Value::Number(number) => number
                .to_string()
                .parse()
                .map(Decimal)
                .map_err(|_| InputValueError::custom(format!("{number} is not a decimal"))),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}
