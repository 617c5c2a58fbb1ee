//! SQL expressions that differ between back ends.

use sea_orm::DbBackend;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, IntoColumnRef, SimpleExpr};

/// `SUM(column)` of an integer column (分, head counts) as a 64-bit integer on every back end.
/// PostgreSQL widens `SUM(bigint)` to NUMERIC and MySQL to DECIMAL; both are exact, and the cast
/// brings them back to BIGINT so the value reads as `i64` everywhere. SQLite sums integers
/// exactly as is.
pub fn sum_fen(backend: DbBackend, column: impl IntoColumnRef) -> SimpleExpr {
    sum_exact(backend, Expr::col(column))
}

/// `SUM(expression)` of an integer expression, as [`sum_fen`].
pub fn sum_exact(backend: DbBackend, expression: impl Into<SimpleExpr>) -> SimpleExpr {
    as_bigint(backend, expression.into().sum())
}

/// An integer expression as a 64-bit integer, so it reads as `i64` on every back end.
pub fn as_bigint(backend: DbBackend, expression: impl Into<SimpleExpr>) -> SimpleExpr {
    let expression = expression.into();
    match backend {
        DbBackend::Postgres => Func::cast_as(expression, Alias::new("BIGINT")).into(),
        DbBackend::MySql => Func::cast_as(expression, Alias::new("SIGNED")).into(),
        _ => expression,
    }
}
