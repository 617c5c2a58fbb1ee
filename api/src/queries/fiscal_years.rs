//! The fiscal years that hold data, counted in SQL.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryOrder, QuerySelect};

use entity::disclosure;

/// One fiscal year with how much it holds.
#[derive(Debug, Clone, FromQueryResult)]
pub struct FiscalYearCount {
    pub fiscal_year: i32,
    pub disclosure_count: i64,
    pub department_count: i64,
}

pub async fn with_counts(db: &DatabaseConnection) -> Result<Vec<FiscalYearCount>, DbErr> {
    disclosure::Entity::find()
        .select_only()
        .column(disclosure::Column::FiscalYear)
        .column_as(
            Expr::col(disclosure::Column::Id).count(),
            "disclosure_count",
        )
        .column_as(
            Expr::col(disclosure::Column::DepartmentId).count_distinct(),
            "department_count",
        )
        .group_by(disclosure::Column::FiscalYear)
        .order_by_asc(disclosure::Column::FiscalYear)
        .into_model::<FiscalYearCount>()
        .all(db)
        .await
}
