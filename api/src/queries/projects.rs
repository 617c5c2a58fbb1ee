//! Project figures summed per disclosure, in SQL.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use entity::project;

use super::sql::sum_fen;

/// How many projects a disclosure lists, and what their amounts add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromQueryResult)]
pub struct ProjectTotals {
    pub disclosure_id: i32,
    pub project_count: i64,
    /// The sum of the amounts that are stated; `None` when none is.
    pub amount_fen: Option<i64>,
}

/// The project totals of each disclosure in `disclosure_ids` (one `GROUP BY` query).
pub async fn totals_by_disclosures(
    db: &DatabaseConnection,
    disclosure_ids: &[i32],
) -> Result<HashMap<i32, ProjectTotals>, DbErr> {
    Ok(project::Entity::find()
        .select_only()
        .column(project::Column::DisclosureId)
        .column_as(Expr::col(project::Column::Id).count(), "project_count")
        .column_as(
            sum_fen(db.get_database_backend(), project::Column::AmountFen),
            "amount_fen",
        )
        .filter(project::Column::DisclosureId.is_in(disclosure_ids.iter().copied()))
        .group_by(project::Column::DisclosureId)
        .into_model::<ProjectTotals>()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.disclosure_id, t))
        .collect())
}
