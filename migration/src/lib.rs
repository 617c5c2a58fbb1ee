//! Schema changes of budgetql, in order. Schema changes live here and nowhere else.
//!
//! Money columns end in `_fen`: a 64-bit integer count of 分 (0.01 元). Integers are exact on
//! SQLite, PostgreSQL and MySQL alike, in storage and in `SUM`, where a DECIMAL column would
//! turn into floating-point REAL on SQLite.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_budget_tables;
mod m20261128_000002_create_region_rollup;
mod m20261128_000003_disclosure_project_totals;
mod schema_helpers;

/// Runs budgetql's migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_budget_tables::Migration),
            Box::new(m20261128_000002_create_region_rollup::Migration),
            Box::new(m20261128_000003_disclosure_project_totals::Migration),
        ]
    }
}
