//! The sums a roll-up reports: over disclosures, or over the `region_rollup` summary table
//! whose columns carry the same names.

use sea_orm::sea_query::{Alias, Cond, Expr, ExprTrait, SimpleExpr};
use sea_orm::{DbBackend, IdenStatic};

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

/// Each summed column's name and its `SUM` over the summary rows aliased `table`.
pub fn over_rollup(backend: DbBackend, table: &Alias) -> Vec<(&'static str, SimpleExpr)> {
    names()
        .map(|name| (name, sum_fen(backend, (table.clone(), Alias::new(name)))))
        .collect()
}
