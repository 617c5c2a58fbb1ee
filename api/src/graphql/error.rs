//! Errors that reach GraphQL clients, each with a stable `code` extension. The client sees a
//! clear message; the log keeps the cause.

use std::sync::Arc;

use async_graphql::ErrorExtensions;
use sea_orm::DbErr;

/// An error a resolver reports to the client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The database failed; the cause is logged, not shown.
    #[error("the database could not answer this request; the cause is in the server log")]
    Database(#[source] Arc<DbErr>),
    /// An argument is not acceptable.
    #[error("argument `{argument}`: {problem}")]
    BadArgument {
        argument: &'static str,
        problem: String,
    },
    /// The request needs the admin token.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// An import was refused; the message names the place and the problem.
    #[error("{0}")]
    ImportRefused(String),
}

impl ApiError {
    fn code(&self) -> &'static str {
        match self {
            ApiError::Database(_) => "DATABASE_ERROR",
            ApiError::BadArgument { .. } => "BAD_ARGUMENT",
            ApiError::Unauthorized(_) => "UNAUTHORIZED",
            ApiError::ImportRefused(_) => "IMPORT_REFUSED",
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> async_graphql::Error {
        async_graphql::Error::new(self.to_string()).extend_with(|_, e| e.set("code", self.code()))
    }
}

/// Logs a database error and turns it into the client's error (`DATABASE_ERROR`).
pub fn database_error(error: impl Into<Arc<DbErr>>) -> async_graphql::Error {
    let error = error.into();
    tracing::error!(error = %error, "database error while resolving a GraphQL request");
    ApiError::Database(error).extend()
}

/// Results of resolvers: errors carry their `code` extension.
pub type ApiResult<T> = async_graphql::Result<T>;
