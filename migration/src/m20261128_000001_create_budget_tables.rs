//! The budget data model: regions, departments, disclosures and everything a disclosure states.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::schema_helpers::{foreign_key, index, money, table};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables in creation order; dropped in reverse.
const TABLES: &[&str] = &[
    "region",
    "department",
    "disclosure",
    "stated_change",
    "expenditure_line",
    "performance_goal",
    "project",
    "performance_indicator",
    "procurement_item",
    "fixed_asset",
    "finding",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_regions_and_departments(manager).await?;
        create_disclosures(manager).await?;
        create_disclosure_lines(manager).await?;
        create_projects(manager).await?;
        create_procurement_and_assets(manager).await?;
        create_findings(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(*name).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn create_regions_and_departments(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            table(manager, "region")
                .col(pk_auto("id"))
                .col(string_len("code", 12))
                .col(string_len("name", 100))
                .col(string_len("level", 16))
                .col(integer_null("parent_id"))
                // Materialised path of codes ("/130000/131000/131025/"): a sub-tree is a prefix.
                .col(string_len("path", 255))
                .foreign_key(&mut foreign_key(
                    "region",
                    "parent_id",
                    "region",
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
    index(manager, "region", &["code"], true).await?;
    index(manager, "region", &["parent_id"], false).await?;
    index(manager, "region", &["path"], false).await?;

    manager
        .create_table(
            table(manager, "department")
                .col(pk_auto("id"))
                .col(string_len("name", 255))
                .col(integer_null("region_id"))
                .col(integer_null("parent_id"))
                .col(string_len_null("unit_nature", 50))
                .col(string_len_null("rank", 50))
                .col(string_len_null("funding_form", 50))
                .col(text_null("duties"))
                .foreign_key(&mut foreign_key(
                    "department",
                    "region_id",
                    "region",
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut foreign_key(
                    "department",
                    "parent_id",
                    "department",
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
    index(manager, "department", &["name"], true).await?;
    index(manager, "department", &["region_id"], false).await?;
    index(manager, "department", &["parent_id"], false).await?;
    index(manager, "department", &["unit_nature"], false).await
}

async fn create_disclosures(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            table(manager, "disclosure")
                .col(pk_auto("id"))
                .col(integer("department_id"))
                .col(integer("fiscal_year"))
                .col(string_len("stage", 20))
                .col(string_len("amount_unit", 10))
                .col(text_null("title"))
                .col(string_len("source_hash", 64))
                .col(money("income_total_fen"))
                .col(money("income_general_public_budget_fen"))
                .col(money("income_government_fund_fen"))
                .col(money("income_state_capital_fen"))
                .col(money("income_special_account_fen"))
                .col(money("income_carried_over_fen"))
                .col(money("income_other_fen"))
                .col(money("expenditure_total_fen"))
                .col(money("expenditure_basic_fen"))
                .col(money("expenditure_personnel_fen"))
                .col(money("expenditure_public_operating_fen"))
                .col(money("expenditure_project_fen"))
                .col(money("operating_cost_fen"))
                .col(money("three_public_total_fen"))
                .col(money("outbound_travel_fen"))
                .col(money("vehicle_total_fen"))
                .col(money("vehicle_purchase_fen"))
                .col(money("vehicle_operation_fen"))
                .col(money("reception_fen"))
                .col(integer_null("staff_in_service"))
                .col(text_null("overall_goal"))
                .col(money("procurement_total_fen"))
                .col(money("fixed_assets_total_fen"))
                .col(string_len_null("fixed_assets_as_of", 50))
                .foreign_key(&mut foreign_key(
                    "disclosure",
                    "department_id",
                    "department",
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
    index(
        manager,
        "disclosure",
        &["department_id", "fiscal_year", "stage"],
        true,
    )
    .await?;
    index(manager, "disclosure", &["fiscal_year", "stage"], false).await?;
    index(manager, "disclosure", &["stage"], false).await
}

/// Lines that belong to one disclosure: stated changes, expenditure by code, goals.
async fn create_disclosure_lines(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            child_of_disclosure(manager, "stated_change")
                .col(string_len("item", 32))
                .col(integer_null("previous_year"))
                .col(money("amount_fen"))
                .col(string_len_null("percent", 40))
                .col(text_null("reason"))
                .to_owned(),
        )
        .await?;
    index(manager, "stated_change", &["disclosure_id"], false).await?;

    manager
        .create_table(
            child_of_disclosure(manager, "expenditure_line")
                .col(string_len("classification", 16))
                .col(string_len("code", 16))
                .col(string_len("name", 255))
                .col(money("amount_fen"))
                .to_owned(),
        )
        .await?;
    index(manager, "expenditure_line", &["disclosure_id"], false).await?;
    index(
        manager,
        "expenditure_line",
        &["classification", "code"],
        false,
    )
    .await?;

    manager
        .create_table(
            child_of_disclosure(manager, "performance_goal")
                .col(text("name"))
                .col(text_null("description"))
                .col(text_null("goal"))
                .col(text_null("indicator"))
                .to_owned(),
        )
        .await?;
    index(manager, "performance_goal", &["disclosure_id"], false).await
}

async fn create_projects(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            child_of_disclosure(manager, "project")
                .col(text("name"))
                .col(money("amount_fen"))
                .col(text_null("goal"))
                .to_owned(),
        )
        .await?;
    index(manager, "project", &["disclosure_id"], false).await?;

    manager
        .create_table(
            table(manager, "performance_indicator")
                .col(pk_auto("id"))
                .col(integer("project_id"))
                .col(integer("ordinal"))
                .col(string_len("level1", 100))
                .col(string_len_null("level2", 100))
                .col(text_null("level3"))
                .col(text_null("description"))
                .col(text_null("target_raw"))
                .col(string_len_null("target_operator", 4))
                .col(string_len_null("target_value", 40))
                .col(string_len_null("target_unit", 20))
                .col(text_null("basis"))
                .foreign_key(&mut foreign_key(
                    "performance_indicator",
                    "project_id",
                    "project",
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
    index(manager, "performance_indicator", &["project_id"], false).await
}

async fn create_procurement_and_assets(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            child_of_disclosure(manager, "procurement_item")
                .col(text_null("project_name"))
                .col(text("item_name"))
                .col(string_len_null("catalogue_number", 50))
                .col(string_len_null("quantity_unit", 20))
                .col(string_len_null("quantity", 40))
                .col(money("unit_price_fen"))
                .col(money("amount_fen"))
                .col(money("general_public_budget_fen"))
                .to_owned(),
        )
        .await?;
    index(manager, "procurement_item", &["disclosure_id"], false).await?;

    manager
        .create_table(
            child_of_disclosure(manager, "fixed_asset")
                .col(string_len("category", 255))
                .col(string_len_null("quantity", 50))
                .col(money("value_fen"))
                .to_owned(),
        )
        .await?;
    index(manager, "fixed_asset", &["disclosure_id"], false).await
}

/// 数据质量: problems found in a disclosure when it was imported.
async fn create_findings(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            child_of_disclosure(manager, "finding")
                .col(string_len("rule", 40))
                .col(string_len("severity", 10))
                .col(text("message"))
                .col(string_len("location", 255))
                .col(string_len_null("expected", 100))
                .col(string_len_null("actual", 100))
                .to_owned(),
        )
        .await?;
    index(manager, "finding", &["disclosure_id"], false).await?;
    index(manager, "finding", &["rule", "severity"], false).await
}

/// A table of rows that belong to one disclosure, in source order (`ordinal`), deleted with it.
fn child_of_disclosure(manager: &SchemaManager<'_>, name: &'static str) -> TableCreateStatement {
    table(manager, name)
        .col(pk_auto("id"))
        .col(integer("disclosure_id"))
        .col(integer("ordinal"))
        .foreign_key(&mut foreign_key(
            name,
            "disclosure_id",
            "disclosure",
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}
