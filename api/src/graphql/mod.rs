//! The GraphQL API: types and resolvers by domain area, loaders, and the schema.

mod analytics;
mod comparison;
mod department;
mod disclosure;
pub mod error;
mod figures;
mod findings;
mod import;
mod lines;
mod loaders;
mod money;
mod paging;
mod project;
mod region;
mod scalars;
mod schema;

pub use import::{AdminToken, BearerToken};
pub use schema::{AppSchema, build_schema, schema_sdl};
