//! How many projects a disclosure lists and what their amounts add up to, stored with the
//! disclosure: a list of disclosures needs them without a `GROUP BY` over the project table.
//! A disclosure's rows never change after import (a new version replaces them all), so the
//! totals are written once, in the import's transaction; existing disclosures are filled here.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::schema_helpers::money;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds only one at a time.
        for column in [
            integer("project_count").default(0).to_owned(),
            money("project_amount_total_fen"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("disclosure")
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let projects_of_row = |value: SimpleExpr| {
            Query::select()
                .expr(value)
                .from("project")
                .and_where(Expr::col(("project", "disclosure_id")).equals(("disclosure", "id")))
                .to_owned()
        };
        let fill = Query::update()
            .table("disclosure")
            .value(
                "project_count",
                SimpleExpr::SubQuery(
                    None,
                    Box::new(projects_of_row(Expr::col("id").count()).into_sub_query_statement()),
                ),
            )
            .value(
                "project_amount_total_fen",
                SimpleExpr::SubQuery(
                    None,
                    Box::new(
                        projects_of_row(Expr::col("amount_fen").sum()).into_sub_query_statement(),
                    ),
                ),
            )
            .to_owned();
        manager.exec_stmt(fill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["project_amount_total_fen", "project_count"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("disclosure")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
