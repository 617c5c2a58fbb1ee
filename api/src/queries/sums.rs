//! The sums a roll-up reports: over disclosures, or over the `region_rollup` summary table
//! whose columns carry the same names.

use sea_orm::sea_query::{Alias, Cond, Expr, ExprTrait, SimpleExpr};
use sea_orm::{DbBackend, IdenStatic, ModelTrait};

use entity::disclosure;

use super::figures::FIGURE_COLUMNS;
use super::sql::{sum_exact, sum_fen};

/// Sums of figure pairs over the disclosures that state both: the denominators of ratios.
const PAIRS: [&str; 4] = [
    "operating_cost_with_staff_fen",
    "staff_with_operating_cost",
    "three_public_with_expenditure_fen",
    "expenditure_with_three_public_fen",
];

/// The summed columns' names, in the disclosure and summary tables alike (pairs last).
pub fn names() -> impl Iterator<Item = &'static str> {
    FIGURE_COLUMNS
        .iter()
        .map(IdenStatic::as_str)
        .chain(["staff_in_service"])
        .chain(PAIRS)
}

/// `CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN value END`.
fn when_both(a: &Expr, b: &Expr, value: &Expr) -> SimpleExpr {
    Expr::case(
        Cond::all()
            .add(a.clone().is_not_null())
            .add(b.clone().is_not_null()),
        value.clone(),
    )
    .into()
}

/// Each summed column's name and its `SUM` over the disclosures aliased `d`.
pub fn over_disclosures(backend: DbBackend, d: &Alias) -> Vec<(&'static str, SimpleExpr)> {
    use disclosure::Column as D;
    let col = |column: D| Expr::col((d.clone(), column));
    let mut sums: Vec<(&'static str, SimpleExpr)> = FIGURE_COLUMNS
        .iter()
        .map(|column| (column.as_str(), sum_fen(backend, (d.clone(), *column))))
        .collect();
    sums.push((
        "staff_in_service",
        sum_fen(backend, (d.clone(), D::StaffInService)),
    ));
    let (staff, operating, three, total) = (
        col(D::StaffInService),
        col(D::OperatingCostFen),
        col(D::ThreePublicTotalFen),
        col(D::ExpenditureTotalFen),
    );
    let pairs = [
        when_both(&operating, &staff, &operating),
        when_both(&operating, &staff, &staff),
        when_both(&three, &total, &three),
        when_both(&three, &total, &total),
    ];
    sums.extend(
        PAIRS
            .into_iter()
            .zip(pairs)
            .map(|(name, pair)| (name, sum_exact(backend, pair))),
    );
    sums
}

/// Each summed column's name and one disclosure's value for it: what adding the disclosure to
/// a group adds to each sum (`None` adds nothing, as `SUM` skips NULL).
pub fn of_disclosure(d: &disclosure::Model) -> Vec<(&'static str, Option<i64>)> {
    let mut values: Vec<(&'static str, Option<i64>)> = FIGURE_COLUMNS
        .iter()
        .map(|column| (column.as_str(), fen_of_column(d, *column)))
        .collect();
    let staff = d.staff_in_service.map(i64::from);
    values.push(("staff_in_service", staff));
    let both = |a: Option<i64>, b: Option<i64>, value: Option<i64>| a.and(b).and(value);
    let (operating, three, total) = (
        d.operating_cost_fen,
        d.three_public_total_fen,
        d.expenditure_total_fen,
    );
    let pairs = [
        both(operating, staff, operating),
        both(operating, staff, staff),
        both(three, total, three),
        both(three, total, total),
    ];
    values.extend(PAIRS.into_iter().zip(pairs));
    values
}

/// The value of a figure column of a disclosure.
fn fen_of_column(d: &disclosure::Model, column: disclosure::Column) -> Option<i64> {
    match d.get(column) {
        sea_orm::Value::BigInt(value) => value,
        _ => None,
    }
}

/// Each summed column's name and its `SUM` over the summary rows aliased `table`.
pub fn over_rollup(backend: DbBackend, table: &Alias) -> Vec<(&'static str, SimpleExpr)> {
    names()
        .map(|name| (name, sum_fen(backend, (table.clone(), Alias::new(name)))))
        .collect()
}
