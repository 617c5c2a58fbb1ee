//! Roll-ups of disclosures: `GROUP BY` year, region, department, stage, unit nature or
//! function class, with every money figure summed exactly in SQL.

use sea_orm::sea_query::{
    Alias, Cond, Expr, ExprTrait, JoinType, Order, Query, SelectStatement, SimpleExpr,
};
use sea_orm::{DatabaseConnection, DbBackend, DbErr, FromQueryResult, Statement};

use entity::{department, disclosure, expenditure_line, region};

use super::figures::{FIGURE_COLUMNS, Figures};
use super::sql::{sum_exact, sum_fen};

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
#[derive(Debug, Clone, FromQueryResult)]
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

/// A column of the alias `table`.
fn col<T: sea_orm::sea_query::Iden + 'static>(table: Alias, column: T) -> Expr {
    Expr::col((table, column))
}

/// `CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN value END`.
fn when_both(a: Expr, b: Expr, value: Expr) -> SimpleExpr {
    Expr::case(Cond::all().add(a.is_not_null()).add(b.is_not_null()), value).into()
}

/// Runs the roll-up.
pub async fn aggregate(
    db: &DatabaseConnection,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> Result<Vec<AggregateRow>, DbErr> {
    let backend = db.get_database_backend();
    let statement = build(backend, filter, dimensions);
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
    backend.build(&build(backend, filter, dimensions))
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

fn build(
    backend: DbBackend,
    filter: &AggregateFilter,
    dimensions: &[Dimension],
) -> SelectStatement {
    use disclosure::Column as D;
    let mut select = Query::select();
    select
        .from_as(disclosure::Entity, d())
        .join_as(
            JoinType::InnerJoin,
            department::Entity,
            dep(),
            col(dep(), department::Column::Id).equals((d(), D::DepartmentId)),
        )
        .join_as(
            JoinType::LeftJoin,
            region::Entity,
            r(),
            col(r(), region::Column::Id).equals((dep(), department::Column::RegionId)),
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

    // Keys: grouped ones carry values, the others are NULL.
    let null = || Expr::cust("NULL");
    let key = |dimension: Dimension, expression: Expr| {
        if dimensions.contains(&dimension) {
            expression
        } else {
            null()
        }
    };
    let keys: [(&str, Expr, bool); 7] = [
        (
            "fiscal_year",
            key(Dimension::Year, col(d(), D::FiscalYear)),
            dimensions.contains(&Dimension::Year),
        ),
        (
            "stage",
            key(Dimension::Stage, col(d(), D::Stage)),
            dimensions.contains(&Dimension::Stage),
        ),
        (
            "region_code",
            key(Dimension::Region, col(r(), region::Column::Code)),
            dimensions.contains(&Dimension::Region),
        ),
        (
            "region_name",
            key(Dimension::Region, col(r(), region::Column::Name)),
            dimensions.contains(&Dimension::Region),
        ),
        (
            "department_id",
            key(Dimension::Department, col(d(), D::DepartmentId)),
            dimensions.contains(&Dimension::Department),
        ),
        (
            "unit_nature",
            key(
                Dimension::UnitNature,
                col(dep(), department::Column::UnitNature),
            ),
            dimensions.contains(&Dimension::UnitNature),
        ),
        (
            "function_class",
            if digits.is_some() {
                col(fl(), Alias::new("function_class"))
            } else {
                null()
            },
            digits.is_some(),
        ),
    ];
    for (alias, expression, grouped) in keys {
        select.expr_as(expression.clone(), Alias::new(alias));
        if grouped {
            select.add_group_by([SimpleExpr::from(expression.clone())]);
            select.order_by_expr(expression, Order::Asc);
        }
    }

    select
        .expr_as(
            col(d(), D::DepartmentId).count_distinct(),
            Alias::new("department_count"),
        )
        .expr_as(col(d(), D::Id).count(), Alias::new("disclosure_count"));
    for column in FIGURE_COLUMNS {
        select.expr_as(
            sum_fen(backend, (d(), column)),
            Alias::new(sea_orm::IdenStatic::as_str(&column)),
        );
    }
    let function_sum = if uses_lines {
        sum_fen(backend, (fl(), Alias::new("amount_fen")))
    } else {
        null()
    };
    select.expr_as(function_sum, Alias::new("function_expenditure_fen"));
    let (staff, op, three, total) = (
        col(d(), D::StaffInService),
        col(d(), D::OperatingCostFen),
        col(d(), D::ThreePublicTotalFen),
        col(d(), D::ExpenditureTotalFen),
    );
    select
        .expr_as(
            sum_fen(backend, (d(), D::StaffInService)),
            Alias::new("staff_in_service"),
        )
        .expr_as(
            sum_exact(backend, when_both(op.clone(), staff.clone(), op.clone())),
            Alias::new("operating_cost_with_staff_fen"),
        )
        .expr_as(
            sum_exact(backend, when_both(op.clone(), staff.clone(), staff.clone())),
            Alias::new("staff_with_operating_cost"),
        )
        .expr_as(
            sum_exact(
                backend,
                when_both(three.clone(), total.clone(), three.clone()),
            ),
            Alias::new("three_public_with_expenditure_fen"),
        )
        .expr_as(
            sum_exact(backend, when_both(three.clone(), total.clone(), total)),
            Alias::new("expenditure_with_three_public_fen"),
        );

    apply_filter(&mut select, filter);
    select
}

fn apply_filter(select: &mut SelectStatement, filter: &AggregateFilter) {
    use disclosure::Column as D;
    if let Some(path) = &filter.region_path {
        select.and_where(col(r(), region::Column::Path).like(format!("{path}%")));
    }
    if let Some(years) = &filter.years {
        select.and_where(col(d(), D::FiscalYear).is_in(years.iter().copied()));
    }
    if let Some(stage) = filter.stage {
        select.and_where(col(d(), D::Stage).eq(stage));
    }
    if let Some(nature) = &filter.unit_nature {
        select.and_where(col(dep(), department::Column::UnitNature).eq(nature.as_str()));
    }
}
