//! Findings across disclosures, for aggregation tools.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect,
};

use entity::finding;

/// What a list of findings can be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct FindingFilter {
    pub rule: Option<&'static str>,
    pub severity: Option<&'static str>,
}

impl FindingFilter {
    fn condition(&self) -> Condition {
        let mut condition = Condition::all();
        if let Some(rule) = self.rule {
            condition = condition.add(finding::Column::Rule.eq(rule));
        }
        if let Some(severity) = self.severity {
            condition = condition.add(finding::Column::Severity.eq(severity));
        }
        condition
    }
}

/// Up to `limit` findings after id `after`, in id order.
pub async fn page(
    db: &DatabaseConnection,
    filter: &FindingFilter,
    after: Option<i32>,
    limit: u64,
) -> Result<Vec<finding::Model>, DbErr> {
    let mut query = finding::Entity::find().filter(filter.condition());
    if let Some(after) = after {
        query = query.filter(finding::Column::Id.gt(after));
    }
    query
        .order_by_asc(finding::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// How many findings of each rule and severity, and in how many disclosures.
#[derive(Debug, Clone, FromQueryResult)]
pub struct FindingCount {
    pub rule: String,
    pub severity: String,
    pub finding_count: i64,
    pub disclosure_count: i64,
}

pub async fn counts(
    db: &DatabaseConnection,
    filter: &FindingFilter,
) -> Result<Vec<FindingCount>, DbErr> {
    finding::Entity::find()
        .select_only()
        .column(finding::Column::Rule)
        .column(finding::Column::Severity)
        .column_as(Expr::col(finding::Column::Id).count(), "finding_count")
        .column_as(
            Expr::col(finding::Column::DisclosureId).count_distinct(),
            "disclosure_count",
        )
        .filter(filter.condition())
        .group_by(finding::Column::Rule)
        .group_by(finding::Column::Severity)
        .order_by_asc(finding::Column::Rule)
        .order_by_asc(finding::Column::Severity)
        .into_model::<FindingCount>()
        .all(db)
        .await
}
