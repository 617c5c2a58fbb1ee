//! Schema assembly: the query root merged from the areas, limits, and loaders.

use async_graphql::{EmptySubscription, MergedObject, SDLExportOptions, Schema, SchemaBuilder};
use sea_orm::DatabaseConnection;

use super::analytics::AnalyticsQuery;
use super::department::DepartmentQuery;
use super::disclosure::DisclosureQuery;
use super::findings::FindingQuery;
use super::import::{AdminToken, Mutation};
use super::loaders;
use super::region::RegionQuery;

/// budgetql's queries: departments and their disclosures (部门预算/决算), regions (财政区划),
/// fiscal years and data-quality findings.
#[derive(MergedObject, Default)]
pub struct Query(
    DepartmentQuery,
    DisclosureQuery,
    AnalyticsQuery,
    FindingQuery,
    RegionQuery,
);

pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// Deepest query accepted (the contract query is 6 deep).
const MAX_DEPTH: usize = 12;
/// Most fields one query may select (each list counts its items' fields once).
const MAX_COMPLEXITY: usize = 2_000;

fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation, EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
}

/// The schema with its database, loaders and the admin token that mutations need (`None`
/// refuses every mutation).
pub fn build_schema(db: DatabaseConnection, admin_token: Option<String>) -> AppSchema {
    loaders::register(builder(), &db)
        .data(db)
        .data(AdminToken(admin_token))
        .finish()
}

/// The schema's SDL, sorted, as checked in at `schema.graphql`. Needs no database.
pub fn schema_sdl() -> String {
    builder()
        .finish()
        .sdl_with_options(SDLExportOptions::new().sorted_fields().sorted_enum_items())
}
