//! Roll-ups of disclosures: `GROUP BY` year, region, department, stage, unit nature or
//! function class, with every money figure summed exactly in SQL.

use sea_orm::sea_query::{
    Alias, Expr, ExprTrait, JoinType, Order, Query, SelectStatement, SimpleExpr,
};
use sea_orm::{DatabaseConnection, DbBackend, DbErr, FromQueryResult, Statement};

use entity::{department, disclosure, expenditure_line, region, region_rollup};

use super::figures::Figures;
use super::sql::sum_fen;
use super::sums;

/// What a roll-up can group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Year,
    Region,
    Department,
    Stage,
    UnitNature,
    /// 支出功能分类 at the given number of code digits (类 3, 款 5, 项 7).
    FunctionClass(u32),
}

/// Which disclosures a roll-up covers.
#[derive(Debug, Clone, Default)]
pub struct AggregateFilter {
    /// Only departments in the region with this materialised path, or below it.
    pub region_path: Option<String>,
    pub years: Option<Vec<i32>>,
    pub stage: Option<&'static str>,
    pub unit_nature: Option<String>,
    /// Only expenditure lines by function class whose code starts with this.
    pub function_class_prefix: Option<String>,
}

/// One group of a roll-up: its keys (null where not grouped by) and its sums.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct AggregateRow {
    pub fiscal_year: Option<i32>,
    pub stage: Option<String>,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
    pub department_id: Option<i32>,
    pub unit_nature: Option<String>,
    pub function_class: Option<String>,
    pub department_count: i64,
    pub disclosure_count: i64,
    #[sea_orm(nested)]
    pub figures: Figures,
    /// Expenditure by function class in the group (the lines' sum), when the roll-up uses them.
    pub function_expenditure_fen: Option<i64>,
    pub staff_in_service: Option<i64>,
    /// 机关运行经费 and staff of the disclosures that state both: the per-head denominator pair.
    pub operating_cost_with_staff_fen: Option<i64>,
    pub staff_with_operating_cost: Option<i64>,
    /// 三公 and total expenditure of the disclosures that state both: the share pair.
    pub three_public_with_expenditure_fen: Option<i64>,
    pub expenditure_with_three_public_fen: Option<i64>,
}

fn d() -> Alias {
    Alias::new("d")
}
fn dep() -> Alias {
    Alias::new("dep")
}
fn r() -> Alias {
    Alias::new("r")
}
fn fl() -> Alias {
    Alias::new("fl")
}
fn rr() -> Alias {
    Alias::new("rr")
}

/// A column of the alias `table`.
fn col<T: sea_orm::sea_query::Iden + 'static>(table: Alias, column: T) -> Expr {
    Expr::col((table, column))
}

/// Where a roll-up reads its sums from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The disclosures themselves (any grouping).
    Disclosures,
    /// The `region_rollup` summary table: a few rows per county instead of every disclosure.
    Rollup,
}

impl Source {
    /// The summary table when it holds the answer: no grouping or filter finer than its rows
    /// (department, function class), and one year and one stage in every group, so that its
    /// per-row department counts add up to distinct departments.
    pub fn for_query(filter: &AggregateFilter, dimensions: &[Dimension]) -> Source {
        let finer = dimensions
            .iter()
            .any(|d| matches!(d, Dimension::Department | Dimension::FunctionClass(_)))
            || filter.function_class_prefix.is_some();
        let one_year = dimensions.contains(&Dimension::Year)
            || filter
                .years
                .as_ref()
                .is_some_and(|years| years.first().is_some_and(|y| years.iter().all(|x| x == y)));
        let one_stage = dimensions.contains(&Dimension::Stage) || filter.stage.is_some();
        if !finer && one_year && one_stage {
            Source::Rollup
        } else {
            Source::Disclosures
        }
    }
}

/// Runs the roll-up, from the summary table when it can answer.
pub async fn aggregate(
    db: &DatabaseConnection,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> Result<Vec<AggregateRow>, DbErr> {
    aggregate_from(
        db,
        Source::for_query(filter, dimensions),
        filter,
        dimensions,
    )
    .await
}

/// Runs the roll-up from the given source (tests compare the two).
pub async fn aggregate_from(
    db: &DatabaseConnection,
    source: Source,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> Result<Vec<AggregateRow>, DbErr> {
    let backend = db.get_database_backend();
    let statement = build(backend, source, filter, dimensions);
    AggregateRow::find_by_statement(backend.build(&statement))
        .all(db)
        .await
}

/// The statement of [`aggregate`] (public for the benchmark's raw-SQL floor).
pub fn statement(
    backend: DbBackend,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> Statement {
    let source = Source::for_query(filter, dimensions);
    backend.build(&build(backend, source, filter, dimensions))
}

fn function_class_digits(dimensions: &[Dimension]) -> Option<u32> {
    dimensions.iter().find_map(|d| match d {
        Dimension::FunctionClass(digits) => Some(*digits),
        _ => None,
    })
}

/// Expenditure lines by function class, summed per disclosure (and per class when grouped by it).
fn function_lines(
    backend: DbBackend,
    prefix: Option<&str>,
    digits: Option<u32>,
) -> SelectStatement {
    use expenditure_line::Column as L;
    let mut lines = Query::select();
    lines
        .from(expenditure_line::Entity)
        .column(L::DisclosureId)
        .expr_as(sum_fen(backend, L::AmountFen), Alias::new("amount_fen"))
        .and_where(Expr::col(L::Classification).eq("FUNCTION"))
        .group_by_col(L::DisclosureId);
    if let Some(prefix) = prefix {
        lines.and_where(Expr::col(L::Code).like(format!("{prefix}%")));
    }
    if let Some(digits) = digits {
        // The length is written into the SQL, not bound: PostgreSQL only matches a GROUP BY
        // expression with the selected one when both are the same text.
        let class = Expr::cust(format!("SUBSTR(code, 1, {digits})"));
        lines.expr_as(class.clone(), Alias::new("function_class"));
        lines.add_group_by([SimpleExpr::from(class)]);
    }
    lines
}

/// The key columns a source offers (`None`: it cannot group by that).
struct Keys {
    year: Expr,
    stage: Expr,
    region_id: Expr,
    department: Option<Expr>,
    unit_nature: Expr,
    function_class: Option<Expr>,
}

/// `FROM`, joins and key columns of the disclosures, with the function lines when used.
fn from_disclosures(
    select: &mut SelectStatement,
    backend: DbBackend,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> Keys {
    use disclosure::Column as D;
    select.from_as(disclosure::Entity, d()).join_as(
        JoinType::InnerJoin,
        department::Entity,
        dep(),
        col(dep(), department::Column::Id).equals((d(), D::DepartmentId)),
    );
    let digits = function_class_digits(dimensions);
    let uses_lines = digits.is_some() || filter.function_class_prefix.is_some();
    if uses_lines {
        let lines = function_lines(backend, filter.function_class_prefix.as_deref(), digits);
        select.join_subquery(
            JoinType::InnerJoin,
            lines,
            fl(),
            col(fl(), Alias::new("disclosure_id")).equals((d(), D::Id)),
        );
    }
    select
        .expr_as(
            col(d(), D::DepartmentId).count_distinct(),
            Alias::new("department_count"),
        )
        .expr_as(col(d(), D::Id).count(), Alias::new("disclosure_count"));
    for (name, sum) in sums::over_disclosures(backend, &d()) {
        select.expr_as(sum, Alias::new(name));
    }
    let function_sum = if uses_lines {
        sum_fen(backend, (fl(), Alias::new("amount_fen")))
    } else {
        Expr::cust("NULL")
    };
    select.expr_as(function_sum, Alias::new("function_expenditure_fen"));
    Keys {
        year: col(d(), D::FiscalYear),
        stage: col(d(), D::Stage),
        region_id: col(dep(), department::Column::RegionId),
        department: Some(col(d(), D::DepartmentId)),
        unit_nature: col(dep(), department::Column::UnitNature),
        function_class: digits.map(|_| col(fl(), Alias::new("function_class"))),
    }
}

/// `FROM` and key columns of the summary table. Its disclosure counts are department counts
/// because [`Source::for_query`] only picks it when each group has one year and one stage.
fn from_rollup(select: &mut SelectStatement, backend: DbBackend) -> Keys {
    use region_rollup::Column as R;
    let count = || sum_fen(backend, (rr(), R::DisclosureCount));
    select
        .from_as(region_rollup::Entity, rr())
        .expr_as(count(), Alias::new("department_count"))
        .expr_as(count(), Alias::new("disclosure_count"));
    for (name, sum) in sums::over_rollup(backend, &rr()) {
        select.expr_as(sum, Alias::new(name));
    }
    select.expr_as(Expr::cust("NULL"), Alias::new("function_expenditure_fen"));
    Keys {
        year: col(rr(), R::FiscalYear),
        stage: col(rr(), R::Stage),
        region_id: col(rr(), R::RegionId),
        department: None,
        unit_nature: col(rr(), R::UnitNature),
        function_class: None,
    }
}

fn build(
    backend: DbBackend,
    source: Source,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> SelectStatement {
    let mut select = Query::select();
    let keys = match source {
        Source::Disclosures => from_disclosures(&mut select, backend, filter, dimensions),
        Source::Rollup => from_rollup(&mut select, backend),
    };
    select.join_as(
        JoinType::LeftJoin,
        region::Entity,
        r(),
        col(r(), region::Column::Id).eq(keys.region_id.clone()),
    );

    // Keys: grouped ones carry values, the others are NULL.
    let grouped = |dimension: Dimension, expression: Option<Expr>| {
        expression.filter(|_| dimensions.contains(&dimension))
    };
    let class = function_class_digits(dimensions).and_then(|digits| {
        grouped(
            Dimension::FunctionClass(digits),
            keys.function_class.clone(),
        )
    });
    let key_columns: [(&str, Option<Expr>); 7] = [
        (
            "fiscal_year",
            grouped(Dimension::Year, Some(keys.year.clone())),
        ),
        ("stage", grouped(Dimension::Stage, Some(keys.stage.clone()))),
        (
            "region_code",
            grouped(Dimension::Region, Some(col(r(), region::Column::Code))),
        ),
        (
            "region_name",
            grouped(Dimension::Region, Some(col(r(), region::Column::Name))),
        ),
        (
            "department_id",
            grouped(Dimension::Department, keys.department.clone()),
        ),
        (
            "unit_nature",
            grouped(Dimension::UnitNature, Some(keys.unit_nature.clone())),
        ),
        ("function_class", class),
    ];
    for (alias, expression) in key_columns {
        match expression {
            Some(expression) => {
                select.expr_as(expression.clone(), Alias::new(alias));
                select.add_group_by([SimpleExpr::from(expression.clone())]);
                select.order_by_expr(expression, Order::Asc);
            }
            None => {
                select.expr_as(Expr::cust("NULL"), Alias::new(alias));
            }
        }
    }
    apply_filter(&mut select, filter, &keys);
    select
}

fn apply_filter(select: &mut SelectStatement, filter: &AggregateFilter, keys: &Keys) {
    if let Some(path) = &filter.region_path {
        select.and_where(col(r(), region::Column::Path).like(format!("{path}%")));
    }
    if let Some(years) = &filter.years {
        select.and_where(keys.year.clone().is_in(years.iter().copied()));
    }
    if let Some(stage) = filter.stage {
        select.and_where(keys.stage.clone().eq(stage));
    }
    if let Some(nature) = &filter.unit_nature {
        select.and_where(keys.unit_nature.clone().eq(nature.as_str()));
    }
}
