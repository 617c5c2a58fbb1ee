//! Rankings of departments by one metric, sorted and cut in SQL.

use sea_orm::sea_query::{
    Alias, Expr, ExprTrait, Func, JoinType, Order, Query, SelectStatement, SimpleExpr,
};
use sea_orm::{DatabaseConnection, DbBackend, DbErr, FromQueryResult, Statement};

use entity::{department, disclosure, region};

use super::sql::as_bigint;

/// What a ranking sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankingMetric {
    /// 机关运行经费 / 在职人数.
    PerCapitaOperatingCost,
    /// 三公 / 支出合计.
    ThreePublicShare,
    /// 支出合计.
    ExpenditureTotal,
    /// 三公合计.
    ThreePublicTotal,
    /// 支出合计 − the previous year's (same stage).
    YoyExpenditureChange,
    /// (支出合计 − previous) / previous.
    YoyExpenditureChangeRate,
}

/// Which disclosures compete.
#[derive(Debug, Clone)]
pub struct RankingFilter {
    pub fiscal_year: i32,
    pub stage: &'static str,
    pub region_path: Option<String>,
    pub descending: bool,
    pub limit: u64,
}

/// One ranked department: the metric is `numerator / denominator` (or `numerator` alone), so
/// the value is computed exactly from integers.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RankingRow {
    pub department_id: i32,
    pub numerator: i64,
    pub denominator: Option<i64>,
}

fn d() -> Alias {
    Alias::new("d")
}
fn p() -> Alias {
    Alias::new("p")
}

/// `numerator / denominator` as an exact-enough sort key: NUMERIC on PostgreSQL, DECIMAL on
/// MySQL; SQLite has no decimal type and orders by REAL (the values served are exact either way).
fn ratio(backend: DbBackend, numerator: Expr, denominator: Expr) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => {
            SimpleExpr::from(Func::cast_as(numerator, Alias::new("NUMERIC"))).div(denominator)
        }
        DbBackend::Sqlite => {
            SimpleExpr::from(Func::cast_as(numerator, Alias::new("REAL"))).div(denominator)
        }
        _ => numerator.div(denominator),
    }
}

pub async fn ranking(
    db: &DatabaseConnection,
    metric: RankingMetric,
    filter: &RankingFilter,
) -> Result<Vec<RankingRow>, DbErr> {
    RankingRow::find_by_statement(statement(db.get_database_backend(), metric, filter))
        .all(db)
        .await
}

/// The statement of [`ranking`] (public for the benchmark's raw-SQL floor).
pub fn statement(backend: DbBackend, metric: RankingMetric, filter: &RankingFilter) -> Statement {
    backend.build(&build(backend, metric, filter))
}

fn build(backend: DbBackend, metric: RankingMetric, filter: &RankingFilter) -> SelectStatement {
    use disclosure::Column as D;
    let column = |table: Alias, c: D| Expr::col((table, c));
    let mut select = Query::select();
    select
        .from_as(disclosure::Entity, d())
        .column((d(), D::DepartmentId));
    let (numerator, denominator): (Expr, Option<Expr>) = match metric {
        RankingMetric::PerCapitaOperatingCost => (
            column(d(), D::OperatingCostFen),
            Some(column(d(), D::StaffInService)),
        ),
        RankingMetric::ThreePublicShare => (
            column(d(), D::ThreePublicTotalFen),
            Some(column(d(), D::ExpenditureTotalFen)),
        ),
        RankingMetric::ExpenditureTotal => (column(d(), D::ExpenditureTotalFen), None),
        RankingMetric::ThreePublicTotal => (column(d(), D::ThreePublicTotalFen), None),
        RankingMetric::YoyExpenditureChange | RankingMetric::YoyExpenditureChangeRate => {
            let change =
                column(d(), D::ExpenditureTotalFen).sub(column(p(), D::ExpenditureTotalFen));
            let previous = matches!(metric, RankingMetric::YoyExpenditureChangeRate)
                .then(|| column(p(), D::ExpenditureTotalFen));
            select.join_as(
                JoinType::InnerJoin,
                disclosure::Entity,
                p(),
                column(p(), D::DepartmentId)
                    .equals((d(), D::DepartmentId))
                    .and(column(p(), D::Stage).equals((d(), D::Stage)))
                    .and(column(p(), D::FiscalYear).eq(filter.fiscal_year - 1)),
            );
            (change, previous)
        }
    };
    select.and_where(numerator.clone().is_not_null());
    let sort_key = match &denominator {
        Some(denominator) => {
            select.and_where(denominator.clone().gt(0));
            ratio(backend, numerator.clone(), denominator.clone())
        }
        None => numerator.clone(),
    };
    select
        .expr_as(as_bigint(backend, numerator), Alias::new("numerator"))
        .expr_as(
            denominator.map_or_else(|| Expr::cust("NULL"), |d| as_bigint(backend, d)),
            Alias::new("denominator"),
        )
        .and_where(column(d(), D::FiscalYear).eq(filter.fiscal_year))
        .and_where(column(d(), D::Stage).eq(filter.stage))
        .order_by_expr(
            sort_key,
            if filter.descending {
                Order::Desc
            } else {
                Order::Asc
            },
        )
        .order_by((d(), D::DepartmentId), Order::Asc)
        .limit(filter.limit);
    if let Some(path) = &filter.region_path {
        select
            .join_as(
                JoinType::InnerJoin,
                department::Entity,
                Alias::new("dep"),
                Expr::col((Alias::new("dep"), department::Column::Id))
                    .equals((d(), D::DepartmentId)),
            )
            .join_as(
                JoinType::InnerJoin,
                region::Entity,
                Alias::new("r"),
                Expr::col((Alias::new("r"), region::Column::Id))
                    .equals((Alias::new("dep"), department::Column::RegionId)),
            )
            .and_where(Expr::col((Alias::new("r"), region::Column::Path)).like(format!("{path}%")));
    }
    select
}
