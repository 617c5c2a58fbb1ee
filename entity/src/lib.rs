//! SeaORM entities of budgetql: one module per table. Money columns are `Option<i64>` counts
//! of 分 (0.01 元); see the `migration` crate for why.

pub mod data_version;
pub mod department;
pub mod disclosure;
pub mod expenditure_line;
pub mod finding;
pub mod fixed_asset;
pub mod performance_goal;
pub mod performance_indicator;
pub mod procurement_item;
pub mod project;
pub mod region;
pub mod region_rollup;
pub mod stated_change;
