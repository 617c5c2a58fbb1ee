//! Database access, grouped by area. Resolvers and loaders call these small functions and never
//! build SQL themselves.

pub mod aggregate;
pub mod children;
pub mod data_version;
pub mod departments;
pub mod disclosures;
pub mod figures;
pub mod findings;
pub mod fiscal_years;
pub mod ranking;
pub mod regions;
pub mod rollup;
pub mod sql;
pub mod sums;
