//! Pre-aggregated sums for roll-ups at national scale, and the data version that tells caches
//! when anything was written.
//!
//! `region_rollup` holds one row per (region of the department, fiscal year, stage, unit
//! nature): the number of disclosures and the sum of every once-stated figure. Because a
//! department has at most one disclosure per year and stage, the disclosure count of a row is
//! also its count of departments, and sums over regions and unit natures stay exact. budgetql
//! recomputes the rows an import touches inside the import's transaction; the table is filled
//! from the existing disclosures when this migration is applied through `budgetql migrate` or
//! `budgetql serve`.
//!
//! `data_version` is a single row whose `version` every write transaction increments first.
//! That one row lock also puts writers one after another, so two imports never recompute the
//! same roll-up row at once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::schema_helpers::{foreign_key, index, money, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The summed figure columns: the disclosure table's, with the same names.
const FIGURE_COLUMNS: [&str; 19] = [
    "income_total_fen",
    "income_general_public_budget_fen",
    "income_government_fund_fen",
    "income_state_capital_fen",
    "income_special_account_fen",
    "income_carried_over_fen",
    "income_other_fen",
    "expenditure_total_fen",
    "expenditure_basic_fen",
    "expenditure_personnel_fen",
    "expenditure_public_operating_fen",
    "expenditure_project_fen",
    "operating_cost_fen",
    "three_public_total_fen",
    "outbound_travel_fen",
    "vehicle_total_fen",
    "vehicle_purchase_fen",
    "vehicle_operation_fen",
    "reception_fen",
];

/// Sums of figure pairs over the disclosures that state both (the denominators of ratios).
const PAIR_COLUMNS: [&str; 4] = [
    "operating_cost_with_staff_fen",
    "staff_with_operating_cost",
    "three_public_with_expenditure_fen",
    "expenditure_with_three_public_fen",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut rollup = table(manager, "region_rollup");
        rollup
            .col(pk_auto("id"))
            .col(integer_null("region_id"))
            .col(integer("fiscal_year"))
            .col(string_len("stage", 20))
            .col(string_len_null("unit_nature", 50))
            .col(big_integer("disclosure_count"));
        for column in FIGURE_COLUMNS {
            rollup.col(money(column));
        }
        rollup.col(big_integer_null("staff_in_service"));
        for column in PAIR_COLUMNS {
            rollup.col(big_integer_null(column));
        }
        rollup.foreign_key(&mut foreign_key(
            "region_rollup",
            "region_id",
            "region",
            ForeignKeyAction::Cascade,
        ));
        manager.create_table(rollup.to_owned()).await?;
        index(
            manager,
            "region_rollup",
            &["region_id", "fiscal_year", "stage"],
            false,
        )
        .await?;
        index(manager, "region_rollup", &["fiscal_year", "stage"], false).await?;

        manager
            .create_table(
                table(manager, "data_version")
                    .col(integer("id").primary_key())
                    .col(big_integer("version"))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table("data_version")
                    .columns(["id", "version"])
                    .values_panic([1.into(), 0.into()])
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["data_version", "region_rollup"] {
            manager
                .drop_table(Table::drop().table(name).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
