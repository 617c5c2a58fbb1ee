//! budgetql: one exact, queryable store of Chinese department budget disclosures
//! (部门预算 / 部门决算), served over GraphQL.

pub mod cli;
pub mod db;
pub mod document;
pub mod findings;
pub mod graphql;
pub mod import;
pub mod labels;
pub mod money;
pub mod parse;
pub mod persisted_queries;
pub mod queries;
pub mod response_cache;
pub mod sample;
pub mod startup;
pub mod synth;
pub mod telemetry;
