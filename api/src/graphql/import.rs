//! `importDisclosure`: importing a published text over GraphQL, for holders of the admin token.

use async_graphql::{Context, ErrorExtensions, Object, SimpleObject};

use entity::finding;

use super::disclosure::{Disclosure, database};
use super::error::{ApiError, ApiResult, database_error};
use super::findings::Finding;
use super::loaders::{DisclosureLoader, children_of, load_one};
use crate::document::Stage;
use crate::import::{ImportError, ImportOutcome, import_text};
use crate::parse::Overrides;

/// The admin token the server was configured with (`BUDGETQL_ADMIN_TOKEN`); `None` disables mutations.
#[derive(Clone, Default)]
pub struct AdminToken(pub Option<String>);

/// The bearer token a request carried (`Authorization: Bearer …`).
#[derive(Clone, Default)]
pub struct BearerToken(pub Option<String>);

/// Compares in time independent of where the strings differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn authorise(ctx: &Context<'_>) -> ApiResult<()> {
    let configured = ctx.data_opt::<AdminToken>().and_then(|t| t.0.as_deref());
    let Some(configured) = configured else {
        return Err(ApiError::Unauthorized(
            "mutations are disabled on this server: it has no BUDGETQL_ADMIN_TOKEN",
        )
        .extend());
    };
    let sent = ctx.data_opt::<BearerToken>().and_then(|t| t.0.as_deref());
    match sent {
        Some(sent) if same_secret(sent, configured) => Ok(()),
        Some(_) => {
            Err(ApiError::Unauthorized("the bearer token does not match the admin token").extend())
        }
        None => Err(ApiError::Unauthorized(
            "this mutation needs the admin token: send `Authorization: Bearer <token>`",
        )
        .extend()),
    }
}

/// 解析警告: something the parser noticed but worked around, with its line.
#[derive(SimpleObject)]
pub struct ParseWarning {
    /// The line of the text (1-based).
    pub line: i32,
    /// What was noticed.
    pub message: String,
}

/// The result of importing one disclosure.
pub struct ImportResult {
    outcome: ImportOutcome,
    disclosure_id: i32,
    warnings: Vec<crate::parse::ParseWarning>,
}

/// What an import did, with the stored disclosure, its findings and the parser's warnings.
#[Object]
impl ImportResult {
    /// Inserted, unchanged (the same document was already stored) or replaced (a different
    /// version of the same department × year × stage).
    async fn outcome(&self) -> ImportOutcome {
        self.outcome
    }
    /// The stored disclosure.
    async fn disclosure(&self, ctx: &Context<'_>) -> ApiResult<Option<Disclosure>> {
        Ok(load_one::<DisclosureLoader, _>(ctx, self.disclosure_id)
            .await?
            .map(Disclosure::from))
    }
    /// 数据质量: the problems found in the disclosure.
    async fn findings(&self, ctx: &Context<'_>) -> ApiResult<Vec<Finding>> {
        let rows = children_of::<finding::Entity>(ctx, self.disclosure_id).await?;
        Ok(rows.into_iter().map(Finding).collect())
    }
    /// What the parser noticed but worked around.
    async fn warnings(&self) -> Vec<ParseWarning> {
        self.warnings
            .iter()
            .map(|w| ParseWarning {
                line: i32::try_from(w.line).unwrap_or(i32::MAX),
                message: w.message.clone(),
            })
            .collect()
    }
}

#[derive(Default)]
pub struct Mutation;

/// Changes to the store. Each needs the admin token (`Authorization: Bearer …`).
#[Object]
impl Mutation {
    /// Imports a disclosure as published (its text) in one transaction. `department`, `year`
    /// and `stage` override what the text says. Needs `Authorization: Bearer <BUDGETQL_ADMIN_TOKEN>`.
    async fn import_disclosure(
        &self,
        ctx: &Context<'_>,
        text: String,
        department: Option<String>,
        year: Option<i32>,
        stage: Option<Stage>,
    ) -> ApiResult<ImportResult> {
        authorise(ctx)?;
        let overrides = Overrides {
            department,
            fiscal_year: year,
            stage,
        };
        match import_text(database(ctx)?, "text", &text, &overrides).await {
            Ok((report, warnings)) => Ok(ImportResult {
                outcome: report.outcome,
                disclosure_id: report.disclosure_id,
                warnings,
            }),
            Err(ImportError::Database { source, .. }) => Err(database_error(source)),
            Err(refused) => Err(ApiError::ImportRefused(refused.to_string()).extend()),
        }
    }
}
