//! The `region_rollup` summary table: which of its rows a write touches, and recomputing them
//! from the disclosures in SQL inside the writer's transaction.

use sea_orm::sea_query::{Alias, Cond, Expr, ExprTrait, JoinType, Query, SimpleExpr};
use sea_orm::{ConnectionTrait, DbErr, Value};

use entity::{department, disclosure, region_rollup};

use super::sums;

/// A set of summary rows to recompute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollupCells {
    /// One (region, unit nature, year, stage) row: what storing or replacing a disclosure changes.
    Cell {
        region_id: Option<i32>,
        unit_nature: Option<String>,
        fiscal_year: i32,
        stage: String,
    },
    /// Every year and stage of a (region, unit nature): where a department moved from or to.
    Placement {
        region_id: Option<i32>,
        unit_nature: Option<String>,
    },
    /// Every row of these regions (a bulk load).
    Regions(Vec<i32>),
    /// The whole table.
    All,
}

/// `column IS NULL` or `column = value`.
fn matches<V: Into<Value>>(column: Expr, value: Option<V>) -> SimpleExpr {
    match value {
        Some(value) => column.eq(value.into()),
        None => column.is_null(),
    }
}

impl RollupCells {
    /// The condition on the summary table's own columns.
    fn on_summary_rows(&self) -> Cond {
        use region_rollup::Column as R;
        self.condition(
            Expr::col(R::RegionId),
            Expr::col(R::UnitNature),
            Expr::col(R::FiscalYear),
            Expr::col(R::Stage),
        )
    }

    /// The condition on (region id, unit nature, fiscal year, stage) expressions.
    fn condition(&self, region_id: Expr, unit_nature: Expr, year: Expr, stage: Expr) -> Cond {
        match self {
            RollupCells::Cell {
                region_id: region,
                unit_nature: nature,
                fiscal_year,
                stage: stage_label,
            } => Cond::all()
                .add(matches(region_id, *region))
                .add(matches(unit_nature, nature.clone()))
                .add(year.eq(*fiscal_year))
                .add(stage.eq(stage_label.as_str())),
            RollupCells::Placement {
                region_id: region,
                unit_nature: nature,
            } => Cond::all()
                .add(matches(region_id, *region))
                .add(matches(unit_nature, nature.clone())),
            RollupCells::Regions(ids) => Cond::all().add(region_id.is_in(ids.iter().copied())),
            RollupCells::All => Cond::all(),
        }
    }
}

/// The summary table's columns in insert order: its keys and count, then the summed ones.
fn columns<'a>(summed: impl Iterator<Item = &'a str>) -> impl Iterator<Item = Alias> {
    [
        "region_id",
        "fiscal_year",
        "stage",
        "unit_nature",
        "disclosure_count",
    ]
    .into_iter()
    .chain(summed)
    .map(Alias::new)
}

/// Adds a newly stored disclosure (not a replacement) to its summary row, creating the row when
/// it is the first of its cell: one `UPDATE` on the row's index, no scan of the disclosures.
/// `region_id` and `unit_nature` are its department's. Callers hold the data-version lock.
pub async fn add_disclosure<C: ConnectionTrait>(
    db: &C,
    region_id: Option<i32>,
    unit_nature: Option<String>,
    disclosure: &disclosure::Model,
) -> Result<(), DbErr> {
    use region_rollup::Column as R;
    let cell = RollupCells::Cell {
        region_id,
        unit_nature: unit_nature.clone(),
        fiscal_year: disclosure.fiscal_year,
        stage: disclosure.stage.clone(),
    };
    let values = sums::of_disclosure(disclosure);
    let mut update = Query::update();
    update
        .table(region_rollup::Entity)
        .value(R::DisclosureCount, Expr::col(R::DisclosureCount).add(1));
    for (name, value) in &values {
        if let Some(value) = value {
            // NULL (nothing stated yet) + value is value.
            let column = Alias::new(*name);
            update.value(
                column.clone(),
                Expr::col(column.clone()).add(*value).if_null(*value),
            );
        }
    }
    update.cond_where(cell.on_summary_rows());
    if db.execute(&update).await?.rows_affected() > 0 {
        return Ok(());
    }
    let mut insert = Query::insert();
    insert
        .into_table(region_rollup::Entity)
        .columns(columns(values.iter().map(|(name, _)| *name)));
    let mut row: Vec<SimpleExpr> = vec![
        region_id.into(),
        disclosure.fiscal_year.into(),
        disclosure.stage.clone().into(),
        unit_nature.into(),
        1i64.into(),
    ];
    row.extend(values.into_iter().map(|(_, value)| SimpleExpr::from(value)));
    insert
        .values(row)
        .map_err(|e| DbErr::Custom(format!("summary row statement: {e}")))?;
    db.execute(&insert).await?;
    Ok(())
}

/// Recomputes the summary rows `cells` names from the disclosures: deletes them, then inserts
/// them again with one `INSERT … SELECT … GROUP BY`. Callers hold the data-version lock (see
/// [`super::data_version::begin_write`]), so no other writer recomputes the same rows meanwhile.
pub async fn refresh<C: ConnectionTrait>(db: &C, cells: &RollupCells) -> Result<(), DbErr> {
    let delete = Query::delete()
        .from_table(region_rollup::Entity)
        .cond_where(cells.on_summary_rows())
        .to_owned();
    db.execute(&delete).await?;

    let (d, dep) = (Alias::new("d"), Alias::new("dep"));
    let keys = [
        Expr::col((dep.clone(), department::Column::RegionId)),
        Expr::col((d.clone(), disclosure::Column::FiscalYear)),
        Expr::col((d.clone(), disclosure::Column::Stage)),
        Expr::col((dep.clone(), department::Column::UnitNature)),
    ];
    let mut select = Query::select();
    select.from_as(disclosure::Entity, d.clone()).join_as(
        JoinType::InnerJoin,
        department::Entity,
        dep.clone(),
        Expr::col((dep.clone(), department::Column::Id))
            .equals((d.clone(), disclosure::Column::DepartmentId)),
    );
    for key in &keys {
        select.expr(key.clone());
    }
    select.expr(Expr::col((d.clone(), disclosure::Column::Id)).count());
    let sums = sums::over_disclosures(db.get_database_backend(), &d);
    for (_, sum) in &sums {
        select.expr(sum.clone());
    }
    let [region_key, year_key, stage_key, nature_key] = keys.clone();
    select.cond_where(cells.condition(region_key, nature_key, year_key, stage_key));
    select.add_group_by(keys);

    let insert = Query::insert()
        .into_table(region_rollup::Entity)
        .columns(columns(sums.iter().map(|(name, _)| *name)))
        .select_from(select)
        .map_err(|e| DbErr::Custom(format!("summary rows statement: {e}")))?
        .to_owned();
    db.execute(&insert).await?;
    Ok(())
}
