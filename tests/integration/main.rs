//! budgetql's integration tests: one binary, every test on every configured back end.

mod analytics;
mod cli;
mod contract;
mod findings;
mod helpers;
mod import;
mod listing;
mod money;
mod rollup;
mod schema;
mod server;
