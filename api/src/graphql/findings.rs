//! 数据质量: findings on a disclosure, and across disclosures for aggregation tools.

use async_graphql::connection::{Connection, Edge, EmptyFields, query};
use async_graphql::{Context, Object, SimpleObject};

use entity::finding;

use super::disclosure::{Disclosure, database};
use super::error::{ApiResult, database_error};
use super::loaders::{DisclosureLoader, load_one};
use super::paging::{fetch_limit, page_size, split_page};
use crate::findings::{FindingRule, Severity};
use crate::labels::Label;
use crate::queries::findings::{self, FindingFilter};

pub struct Finding(pub finding::Model);

/// 数据质量问题: a problem found in a disclosure when it was imported (parts that do not add up
/// to their total, contradicting stated changes, empty targets…). The stored figures stay as the
/// document states them.
#[Object]
impl Finding {
    /// The finding's id.
    async fn id(&self) -> i32 {
        self.0.id
    }
    /// The rule that found it.
    async fn rule(&self) -> Option<FindingRule> {
        FindingRule::from_label(&self.0.rule)
    }
    /// How serious it is.
    async fn severity(&self) -> Option<Severity> {
        Severity::from_label(&self.0.severity)
    }
    /// What is wrong, in a sentence (with the Chinese names of the figures).
    async fn message(&self) -> &str {
        &self.0.message
    }
    /// Where: a field path of the import document (`expenditure.basic`, `projects[10].indicators[5].target`).
    async fn location(&self) -> &str {
        &self.0.location
    }
    /// The value the rule expected (decimal text in the document's unit), if any.
    async fn expected(&self) -> Option<&str> {
        self.0.expected.as_deref()
    }
    /// The value the document states, if any.
    async fn actual(&self) -> Option<&str> {
        self.0.actual.as_deref()
    }
    /// The disclosure it was found in.
    async fn disclosure(&self, ctx: &Context<'_>) -> ApiResult<Option<Disclosure>> {
        Ok(load_one::<DisclosureLoader, _>(ctx, self.0.disclosure_id)
            .await?
            .map(Disclosure::from))
    }
}

/// How many findings of one rule and severity there are.
#[derive(SimpleObject)]
pub struct FindingCount {
    /// The rule.
    pub rule: Option<FindingRule>,
    /// The severity.
    pub severity: Option<Severity>,
    /// How many findings.
    pub finding_count: i64,
    /// In how many disclosures.
    pub disclosure_count: i64,
}

fn filter(rule: Option<FindingRule>, severity: Option<Severity>) -> FindingFilter {
    FindingFilter {
        rule: rule.map(Label::label),
        severity: severity.map(Label::label),
    }
}

#[derive(Default)]
pub struct FindingQuery;

/// Queries over findings across disclosures.
#[Object]
impl FindingQuery {
    /// 数据质量问题: findings across all disclosures, by rule and severity, in id order (`first` ≤ 500).
    async fn findings(
        &self,
        ctx: &Context<'_>,
        rule: Option<FindingRule>,
        severity: Option<Severity>,
        after: Option<String>,
        first: Option<i32>,
    ) -> async_graphql::Result<Connection<i32, Finding, EmptyFields, EmptyFields>> {
        let db = database(ctx)?;
        let filter = filter(rule, severity);
        query(
            after,
            None,
            first,
            None,
            |after: Option<i32>, _, first, _| async move {
                let size = page_size(first)?;
                let rows = findings::page(db, &filter, after, fetch_limit(size))
                    .await
                    .map_err(database_error)?;
                let (rows, has_next) = split_page(rows, size);
                let mut connection = Connection::new(after.is_some(), has_next);
                connection
                    .edges
                    .extend(rows.into_iter().map(|f| Edge::new(f.id, Finding(f))));
                Ok::<_, async_graphql::Error>(connection)
            },
        )
        .await
    }

    /// How many findings there are of each rule and severity, and in how many disclosures.
    async fn finding_counts(
        &self,
        ctx: &Context<'_>,
        rule: Option<FindingRule>,
        severity: Option<Severity>,
    ) -> ApiResult<Vec<FindingCount>> {
        let rows = findings::counts(database(ctx)?, &filter(rule, severity))
            .await
            .map_err(database_error)?;
        Ok(rows
            .into_iter()
            .map(|c| FindingCount {
                rule: FindingRule::from_label(&c.rule),
                severity: Severity::from_label(&c.severity),
                finding_count: c.finding_count,
                disclosure_count: c.disclosure_count,
            })
            .collect())
    }
}
