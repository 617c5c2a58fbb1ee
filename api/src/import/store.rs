//! Writing one document in one transaction.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr,
    EntityTrait, IntoActiveModel, QueryFilter, SqlErr, TransactionTrait, TryIntoModel,
};
use sha2::{Digest, Sha256};

use entity::{department, disclosure, finding, project, region};

use super::rows::{Checker, ChildRows, disclosure_rows};
use crate::document::{
    BudgetItem, DepartmentInfo, DisclosureDocument, DocumentError, RegionInfo, UnitInfo,
    parse_document,
};
use crate::findings::{self, Finding, PreviousYear};
use crate::labels::Label;
use crate::money::MoneyUnit;
use crate::parse::{Overrides, ParseError, ParseWarning, parse_disclosure};
use crate::queries::data_version;
use crate::queries::figures::fen_of;
use crate::queries::rollup::{self, RollupCells};

/// Why a document was not imported. The database is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("{document}: the database refused the import: {source}")]
    Database { document: String, source: DbErr },
    #[error("{document}: {source}")]
    Text {
        document: String,
        source: ParseError,
    },
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum ImportOutcome {
    /// A new disclosure was stored.
    Inserted,
    /// The same document was already stored; nothing changed.
    Unchanged,
    /// A different version of the same department × year × stage was replaced.
    Replaced,
}

/// The result of importing one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub disclosure_id: i32,
    pub outcome: ImportOutcome,
}

/// Reads a JSON document and imports it. `document` names it in messages.
pub async fn import_json(
    db: &DatabaseConnection,
    document: &str,
    json: &str,
) -> Result<ImportReport, ImportError> {
    let doc = parse_document(document, json)?;
    import_document(db, document, &doc).await
}

/// Reads a disclosure as published (text), then imports what it states. `overrides` (the
/// user's --department, --year, --stage) win over the text. Returns the parser's warnings too.
pub async fn import_text(
    db: &DatabaseConnection,
    document: &str,
    text: &str,
    overrides: &Overrides,
) -> Result<(ImportReport, Vec<ParseWarning>), ImportError> {
    let parsed = parse_disclosure(text, overrides).map_err(|source| ImportError::Text {
        document: document.to_owned(),
        source,
    })?;
    let report = import_document(db, document, &parsed.document).await?;
    Ok((report, parsed.warnings))
}

/// How often a document is tried: a concurrent import may create the same region or
/// department first, and the document is then written again on top of what that one stored.
const ATTEMPTS: usize = 3;

/// Imports one document in one transaction: all of it, or nothing. Imports may run
/// concurrently (see [`write_document`]).
pub async fn import_document(
    db: &DatabaseConnection,
    document: &str,
    doc: &DisclosureDocument,
) -> Result<ImportReport, ImportError> {
    let mut attempt = 1;
    loop {
        match write_document(db, document, doc).await {
            Err(ImportError::Database { source, .. })
                if attempt < ATTEMPTS
                    && matches!(source.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
            {
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}

/// Writes one document in one transaction. Concurrent writers overlap while they store their
/// rows and take the data-version lock ([`data_version::begin_write`]) only for the summary
/// rows and the commit, so that part runs one writer at a time. SQLite, which has one writer
/// at a time anyway, takes the lock first: a transaction that has read may not then write
/// while another writes.
async fn write_document(
    db: &DatabaseConnection,
    document: &str,
    doc: &DisclosureDocument,
) -> Result<ImportReport, ImportError> {
    let check = Checker::new(document, doc.amount_unit);
    let department_name = check.required_text("department.name", &doc.department.name, 255)?;
    let regions = region_chain(&check, doc.department.region.as_ref())?;
    let rows = disclosure_rows(&check, doc, &content_hash(doc))?;
    let database = |source| ImportError::Database {
        document: document.to_owned(),
        source,
    };

    let txn = db.begin().await.map_err(database)?;
    let lock_first = db.get_database_backend() == DbBackend::Sqlite;
    if lock_first {
        data_version::begin_write(&txn).await.map_err(database)?;
    }
    let mut writes = Writes::default();
    let region_id = upsert_regions(&txn, &regions, &mut writes)
        .await
        .map_err(database)?;
    let department = upsert_department(
        &txn,
        &check,
        &doc.department,
        &department_name,
        region_id,
        &mut writes,
    )
    .await
    .map_err(database)?;
    let department_id = department.id;
    for unit in &doc.units {
        upsert_unit(&txn, unit, department_id, region_id, &mut writes)
            .await
            .map_err(database)?;
    }
    let existing = disclosure::Entity::find()
        .filter(disclosure::Column::DepartmentId.eq(department_id))
        .filter(disclosure::Column::FiscalYear.eq(doc.fiscal_year))
        .filter(disclosure::Column::Stage.eq(doc.stage.label()))
        .one(&txn)
        .await
        .map_err(database)?;
    let outcome = match existing {
        Some(old) if rows.disclosure.source_hash.as_ref() == &old.source_hash => {
            if writes.any {
                update_summary(&txn, &writes, lock_first, None)
                    .await
                    .map_err(database)?;
                txn.commit().await.map_err(database)?;
            } else {
                // Nothing changed: the data version goes back too, and no flush is needed.
                txn.rollback().await.map_err(database)?;
            }
            return Ok(ImportReport {
                disclosure_id: old.id,
                outcome: ImportOutcome::Unchanged,
            });
        }
        Some(old) => {
            // Its rows go with it (ON DELETE CASCADE on every back end).
            disclosure::Entity::delete_by_id(old.id)
                .exec(&txn)
                .await
                .map_err(database)?;
            ImportOutcome::Replaced
        }
        None => ImportOutcome::Inserted,
    };
    let mut disclosure_row = rows.disclosure;
    disclosure_row.department_id = Set(department_id);
    let disclosure_id = disclosure::Entity::insert(disclosure_row.clone())
        .exec(&txn)
        .await
        .map_err(database)?
        .last_insert_id;
    disclosure_row.id = Set(disclosure_id);
    let stored = disclosure_row.try_into_model().map_err(database)?;
    insert_children(&txn, disclosure_id, rows.children)
        .await
        .map_err(database)?;
    let previous = previous_year(&txn, department_id, doc)
        .await
        .map_err(database)?;
    let found = findings::check(doc, previous.as_ref());
    insert_findings(&txn, disclosure_id, found)
        .await
        .map_err(database)?;
    let change = if outcome == ImportOutcome::Inserted {
        SummaryChange::Added {
            department: &department,
            disclosure: &stored,
        }
    } else {
        SummaryChange::Recomputed(RollupCells::Cell {
            region_id: department.region_id,
            unit_nature: department.unit_nature.clone(),
            fiscal_year: doc.fiscal_year,
            stage: doc.stage.label().to_owned(),
        })
    };
    update_summary(&txn, &writes, lock_first, Some(change))
        .await
        .map_err(database)?;
    txn.commit().await.map_err(database)?;
    Ok(ImportReport {
        disclosure_id,
        outcome,
    })
}

/// What storing a disclosure changes in its summary row.
enum SummaryChange<'a> {
    /// A new disclosure: added to its row.
    Added {
        department: &'a Placed,
        disclosure: &'a disclosure::Model,
    },
    /// A replaced disclosure: its row is recomputed.
    Recomputed(RollupCells),
}

/// The last step of a write, one writer at a time: takes the data-version lock unless it is
/// held already, then brings the summary rows up to date. The rows of a department that moved
/// to another region or unit nature are recomputed whole, old and new, which covers the row of
/// the disclosure just stored too.
async fn update_summary<C: ConnectionTrait>(
    txn: &C,
    writes: &Writes,
    locked: bool,
    change: Option<SummaryChange<'_>>,
) -> Result<(), DbErr> {
    if !locked {
        data_version::begin_write(txn).await?;
    }
    if !writes.moved.is_empty() {
        for cells in &writes.moved {
            rollup::refresh(txn, cells).await?;
        }
        return Ok(());
    }
    match change {
        None => Ok(()),
        Some(SummaryChange::Added {
            department,
            disclosure,
        }) => {
            rollup::add_disclosure(
                txn,
                department.region_id,
                department.unit_nature.clone(),
                disclosure,
            )
            .await
        }
        Some(SummaryChange::Recomputed(cells)) => rollup::refresh(txn, &cells).await,
    }
}

/// SHA-256 of the document's canonical JSON: the same content gives the same hash whatever its
/// formatting.
pub(crate) fn content_hash(doc: &DisclosureDocument) -> String {
    let canonical = serde_json::to_vec(doc).unwrap_or_default();
    Sha256::digest(canonical)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Rows per multi-row INSERT, well under every back end's parameter limit.
const CHUNK: usize = 500;

/// Inserts `rows` in chunks after `set` gives each its parent.
pub(crate) async fn insert_all<C, A>(
    db: &C,
    mut rows: Vec<A>,
    set: impl Fn(&mut A),
) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    A: ActiveModelTrait + Send,
{
    rows.iter_mut().for_each(set);
    for chunk in chunks(rows) {
        A::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// `rows` in runs of at most [`CHUNK`], moved rather than copied.
fn chunks<A>(mut rows: Vec<A>) -> impl Iterator<Item = Vec<A>> {
    std::iter::from_fn(move || {
        if rows.is_empty() {
            return None;
        }
        let rest = rows.split_off(rows.len().min(CHUNK));
        Some(std::mem::replace(&mut rows, rest))
    })
}

pub(crate) async fn insert_children<C: ConnectionTrait>(
    db: &C,
    disclosure_id: i32,
    rows: ChildRows,
) -> Result<(), DbErr> {
    insert_all(db, rows.stated_changes, |r| {
        r.disclosure_id = Set(disclosure_id)
    })
    .await?;
    insert_all(db, rows.expenditure_lines, |r| {
        r.disclosure_id = Set(disclosure_id)
    })
    .await?;
    insert_all(db, rows.performance_goals, |r| {
        r.disclosure_id = Set(disclosure_id)
    })
    .await?;
    insert_all(db, rows.procurement_items, |r| {
        r.disclosure_id = Set(disclosure_id)
    })
    .await?;
    insert_all(db, rows.fixed_assets, |r| {
        r.disclosure_id = Set(disclosure_id)
    })
    .await?;

    let (project_rows, indicator_rows): (Vec<_>, Vec<_>) = rows
        .projects
        .into_iter()
        .map(|(mut project_row, indicators)| {
            project_row.disclosure_id = Set(disclosure_id);
            (project_row, indicators)
        })
        .unzip();
    let project_ids = insert_projects(db, project_rows).await?;
    let indicators = indicator_rows
        .into_iter()
        .zip(project_ids)
        .flat_map(|(indicators, project_id)| {
            indicators.into_iter().map(move |mut row| {
                row.project_id = Set(project_id);
                row
            })
        })
        .collect();
    insert_all(db, indicators, |_| ()).await
}

/// Inserts a disclosure's projects and returns their ids in the same order: one multi-row
/// `INSERT … RETURNING` where the back end has it (PostgreSQL, SQLite), else one per row.
async fn insert_projects<C: ConnectionTrait>(
    db: &C,
    rows: Vec<project::ActiveModel>,
) -> Result<Vec<i32>, DbErr> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    if !db.support_returning() {
        let mut ids = Vec::with_capacity(rows.len());
        for row in rows {
            ids.push(project::Entity::insert(row).exec(db).await?.last_insert_id);
        }
        return Ok(ids);
    }
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in chunks(rows) {
        let mut inserted = project::Entity::insert_many(chunk)
            .exec_with_returning(db)
            .await?;
        // Map back by source order rather than trusting RETURNING's row order.
        inserted.sort_by_key(|p| p.ordinal);
        ids.extend(inserted.into_iter().map(|p| p.id));
    }
    Ok(ids)
}

/// The stored disclosure of the same department and stage for the year before, in `doc`'s unit.
async fn previous_year<C: ConnectionTrait>(
    db: &C,
    department_id: i32,
    doc: &DisclosureDocument,
) -> Result<Option<PreviousYear>, DbErr> {
    let Some(fiscal_year) = doc.fiscal_year.checked_sub(1) else {
        return Ok(None);
    };
    let found = disclosure::Entity::find()
        .filter(disclosure::Column::DepartmentId.eq(department_id))
        .filter(disclosure::Column::FiscalYear.eq(fiscal_year))
        .filter(disclosure::Column::Stage.eq(doc.stage.label()))
        .one(db)
        .await?;
    Ok(found.map(|d| previous_figures(&d, doc.amount_unit)))
}

/// A stored disclosure's figures by item, in `unit`.
pub fn previous_figures(d: &disclosure::Model, unit: MoneyUnit) -> PreviousYear {
    let figures = BudgetItem::ALL
        .iter()
        .filter_map(|(item, _)| fen_of(d, *item).map(|f| (*item, unit.from_fen(f))))
        .collect();
    PreviousYear {
        fiscal_year: d.fiscal_year,
        figures,
    }
}

pub(crate) async fn insert_findings<C: ConnectionTrait>(
    db: &C,
    disclosure_id: i32,
    found: Vec<Finding>,
) -> Result<(), DbErr> {
    let clip = |text: Option<String>| text.map(|t| t.chars().take(100).collect::<String>());
    let rows = found
        .into_iter()
        .enumerate()
        .map(|(n, f)| finding::ActiveModel {
            id: NotSet,
            disclosure_id: Set(disclosure_id),
            ordinal: Set(i32::try_from(n).unwrap_or(i32::MAX)),
            rule: Set(f.rule.label().to_owned()),
            severity: Set(f.severity.label().to_owned()),
            message: Set(f.message),
            location: Set(f.location.chars().take(255).collect()),
            expected: Set(clip(f.expected)),
            actual: Set(clip(f.actual)),
        })
        .collect();
    insert_all(db, rows, |_| ()).await
}

/// A region checked, with its path in the document.
struct CheckedRegion {
    code: String,
    name: String,
    level: &'static str,
}

/// The region and its parents, checked, top-down.
fn region_chain(
    check: &Checker<'_>,
    region: Option<&RegionInfo>,
) -> Result<Vec<CheckedRegion>, DocumentError> {
    let mut chain = Vec::new();
    let mut at = "department.region".to_owned();
    let mut next = region;
    while let Some(info) = next {
        let code = check.required_text(format!("{at}.code"), &info.code, 12)?;
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(check.invalid(
                format!("{at}.code"),
                format!("财政区划代码 {code:?} must be digits only"),
            ));
        }
        chain.push(CheckedRegion {
            code,
            name: check.required_text(format!("{at}.name"), &info.name, 100)?,
            level: info.level.label(),
        });
        next = info.parent.as_deref();
        at.push_str(".parent");
    }
    chain.reverse();
    Ok(chain)
}

/// Finds or creates each region of the chain (top-down); returns the last one's id.
async fn upsert_regions<C: ConnectionTrait>(
    db: &C,
    chain: &[CheckedRegion],
    writes: &mut Writes,
) -> Result<Option<i32>, DbErr> {
    let mut parent: Option<region::Model> = None;
    for info in chain {
        let found = region::Entity::find()
            .filter(region::Column::Code.eq(&info.code))
            .one(db)
            .await?;
        let model = match found {
            Some(existing) => existing,
            None => {
                writes.any = true;
                let path = format!(
                    "{}{}/",
                    parent.as_ref().map_or("/", |p| p.path.as_str()),
                    info.code
                );
                region::ActiveModel {
                    id: NotSet,
                    code: Set(info.code.clone()),
                    name: Set(info.name.clone()),
                    level: Set(info.level.to_owned()),
                    parent_id: Set(parent.as_ref().map(|p| p.id)),
                    path: Set(path),
                }
                .insert(db)
                .await?
            }
        };
        parent = Some(model);
    }
    Ok(parent.map(|p| p.id))
}

/// Attributes of a department or unit, as the document states them.
struct Attributes {
    unit_nature: Option<String>,
    rank: Option<String>,
    funding_form: Option<String>,
    duties: Option<String>,
}

/// A department as stored after an import: where its disclosures are summed.
struct Placed {
    id: i32,
    region_id: Option<i32>,
    unit_nature: Option<String>,
}

/// The summary rows of a department's region and unit nature, every year and stage.
fn placement(department: &department::Model) -> RollupCells {
    RollupCells::Placement {
        region_id: department.region_id,
        unit_nature: department.unit_nature.clone(),
    }
}

/// What an import wrote before its disclosure.
#[derive(Default)]
struct Writes {
    /// Whether any region or department was created or changed.
    any: bool,
    /// The summary rows of departments whose region or unit nature changed: old and new.
    moved: Vec<RollupCells>,
}

/// Finds the department by name and refreshes what the document states, or creates it.
async fn upsert_by_name<C: ConnectionTrait>(
    db: &C,
    name: &str,
    region_id: Option<i32>,
    parent_id: Option<i32>,
    attributes: Attributes,
    writes: &mut Writes,
) -> Result<Placed, DbErr> {
    let found = department::Entity::find()
        .filter(department::Column::Name.eq(name))
        .one(db)
        .await?;
    let Some(existing) = found else {
        let row = department::ActiveModel {
            id: NotSet,
            name: Set(name.to_owned()),
            region_id: Set(region_id),
            parent_id: Set(parent_id),
            unit_nature: Set(attributes.unit_nature),
            rank: Set(attributes.rank),
            funding_form: Set(attributes.funding_form),
            duties: Set(attributes.duties),
        };
        let inserted = row.insert(db).await?;
        writes.any = true;
        return Ok(Placed {
            id: inserted.id,
            region_id: inserted.region_id,
            unit_nature: inserted.unit_nature,
        });
    };
    let before = placement(&existing);
    let mut row = existing.into_active_model();
    // What the document states updates the stored department; what it omits is kept.
    if region_id.is_some() {
        row.region_id.set_if_not_equals(region_id);
    }
    for (column, value) in [
        (&mut row.unit_nature, attributes.unit_nature),
        (&mut row.rank, attributes.rank),
        (&mut row.funding_form, attributes.funding_form),
        (&mut row.duties, attributes.duties),
    ] {
        if value.is_some() {
            column.set_if_not_equals(value);
        }
    }
    let stored = if row.is_changed() {
        writes.any = true;
        row.update(db).await?
    } else {
        row.try_into_model()?
    };
    let after = placement(&stored);
    if after != before {
        writes.moved.extend([before, after]);
    }
    Ok(Placed {
        id: stored.id,
        region_id: stored.region_id,
        unit_nature: stored.unit_nature,
    })
}

/// Text that fits `max` characters, else absent (attributes are informative, never fatal).
fn short(value: &Option<String>, max: usize) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.chars().count() <= max)
        .map(str::to_owned)
}

async fn upsert_department<C: ConnectionTrait>(
    db: &C,
    check: &Checker<'_>,
    info: &DepartmentInfo,
    name: &str,
    region_id: Option<i32>,
    writes: &mut Writes,
) -> Result<Placed, DbErr> {
    let duties = check
        .text("department.duties", &info.duties, 60_000)
        .ok()
        .flatten();
    let attributes = Attributes {
        unit_nature: short(&info.unit_nature, 50),
        rank: short(&info.rank, 50),
        funding_form: short(&info.funding_form, 50),
        duties,
    };
    upsert_by_name(db, name, region_id, None, attributes, writes).await
}

/// A unit of the 机构设置 table: the department itself (its attributes), or a subordinate
/// unit whose parent is the department.
async fn upsert_unit<C: ConnectionTrait>(
    db: &C,
    unit: &UnitInfo,
    department_id: i32,
    region_id: Option<i32>,
    writes: &mut Writes,
) -> Result<(), DbErr> {
    let Some(name) = short(&Some(unit.name.clone()), 255) else {
        return Ok(());
    };
    let attributes = Attributes {
        unit_nature: short(&unit.unit_nature, 50),
        rank: short(&unit.rank, 50),
        funding_form: short(&unit.funding_form, 50),
        duties: None,
    };
    upsert_by_name(
        db,
        &name,
        region_id,
        Some(department_id),
        attributes,
        writes,
    )
    .await
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, chunks};

    #[test]
    fn chunks_keep_every_row_in_order_within_the_limit() {
        let rows: Vec<usize> = (0..2 * CHUNK + 1).collect();
        let runs: Vec<Vec<usize>> = chunks(rows.clone()).collect();
        assert_eq!(
            runs.iter().map(Vec::len).collect::<Vec<_>>(),
            [CHUNK, CHUNK, 1]
        );
        assert_eq!(runs.concat(), rows);
        assert_eq!(chunks(Vec::<usize>::new()).count(), 0);
    }
}
