//! The import format for machines: one JSON document per disclosure.
//!
//! A document states one department's disclosure for one fiscal year and stage, in the money
//! unit the source used (`amountUnit`). Every amount is a decimal **string** in that unit
//! (`"1465.35"`), so no float ever touches it. What the source does not state is left out
//! (or `null`): it is stored as absent, never as 0. The format is described field by field in
//! `docs/import-format.md`; the bundled sample (`api/samples/*.json`) is a complete example.

mod load;
mod types;

pub use load::{DocumentError, parse_document};
pub use types::*;
