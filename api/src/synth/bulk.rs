//! Writing many documents fast: rows of a whole batch go in multi-row INSERTs, in one
//! transaction, with ids assigned up front so children need no round trip per parent.

use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QuerySelect,
    TransactionTrait,
};

use entity::performance_indicator;

use crate::document::{DisclosureDocument, DocumentError};
use crate::findings::{self, PreviousYear};
use crate::import::rows::{Checker, disclosure_rows};
use crate::import::store::{content_hash, insert_all, insert_findings};
use crate::queries::data_version;
use crate::queries::rollup::{self, RollupCells};

/// A document ready to write, for a department whose id is known.
pub struct PendingDocument {
    pub department_id: i32,
    /// The department's region, whose summary rows the batch recomputes.
    pub region_id: i32,
    pub document: DisclosureDocument,
    pub previous: Option<PreviousYear>,
}

/// How many rows a batch wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub disclosures: u64,
    pub projects: u64,
    pub indicators: u64,
    pub findings: u64,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Self) {
        self.disclosures += other.disclosures;
        self.projects += other.projects;
        self.indicators += other.indicators;
        self.findings += other.findings;
    }
}

/// The next free id of a table.
pub async fn next_id<E: EntityTrait>(db: &DatabaseConnection, id: E::Column) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .column_as(Expr::col(id).max(), "max_id")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

/// Assigns ids and writes the batch in one transaction.
pub async fn write_batch(
    db: &DatabaseConnection,
    batch: Vec<PendingDocument>,
    next_disclosure: &mut i32,
    next_project: &mut i32,
) -> Result<Written, WriteError> {
    let mut disclosures = Vec::with_capacity(batch.len());
    let mut children = Vec::with_capacity(batch.len());
    let mut projects = Vec::new();
    let mut indicators = Vec::new();
    let mut found = Vec::new();
    let mut regions = std::collections::BTreeSet::new();
    for pending in batch {
        regions.insert(pending.region_id);
        let doc = &pending.document;
        let check = Checker::new("synthetic", doc.amount_unit);
        let mut rows = disclosure_rows(&check, doc, &content_hash(doc))?;
        let disclosure_id = *next_disclosure;
        *next_disclosure += 1;
        rows.disclosure.id = Set(disclosure_id);
        rows.disclosure.department_id = Set(pending.department_id);
        disclosures.push(rows.disclosure);
        for (mut project_row, project_indicators) in std::mem::take(&mut rows.children.projects) {
            let project_id = *next_project;
            *next_project += 1;
            project_row.id = Set(project_id);
            project_row.disclosure_id = Set(disclosure_id);
            projects.push(project_row);
            indicators.extend(project_indicators.into_iter().map(|mut row| {
                row.project_id = Set(project_id);
                row
            }));
        }
        found.push((
            disclosure_id,
            findings::check(doc, pending.previous.as_ref()),
        ));
        children.push((disclosure_id, rows.children));
    }
    let written = Written {
        disclosures: disclosures.len() as u64,
        projects: projects.len() as u64,
        indicators: indicators.len() as u64,
        findings: found.iter().map(|(_, f)| f.len() as u64).sum(),
    };

    let txn = db.begin().await?;
    data_version::begin_write(&txn).await?;
    insert_all(&txn, disclosures, |_| ()).await?;
    insert_all(&txn, projects, |_| ()).await?;
    insert_all(
        &txn,
        indicators,
        |_: &mut performance_indicator::ActiveModel| (),
    )
    .await?;
    let (mut changes, mut lines, mut goals, mut items, mut assets) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (disclosure_id, rows) in children {
        let id = Set(disclosure_id);
        changes.extend(rows.stated_changes.into_iter().map(|mut r| {
            r.disclosure_id = id.clone();
            r
        }));
        lines.extend(rows.expenditure_lines.into_iter().map(|mut r| {
            r.disclosure_id = id.clone();
            r
        }));
        goals.extend(rows.performance_goals.into_iter().map(|mut r| {
            r.disclosure_id = id.clone();
            r
        }));
        items.extend(rows.procurement_items.into_iter().map(|mut r| {
            r.disclosure_id = id.clone();
            r
        }));
        assets.extend(rows.fixed_assets.into_iter().map(|mut r| {
            r.disclosure_id = id.clone();
            r
        }));
    }
    insert_all(&txn, changes, |_| ()).await?;
    insert_all(&txn, lines, |_| ()).await?;
    insert_all(&txn, goals, |_| ()).await?;
    insert_all(&txn, items, |_| ()).await?;
    insert_all(&txn, assets, |_| ()).await?;
    for (disclosure_id, findings) in found {
        insert_findings(&txn, disclosure_id, findings).await?;
    }
    let regions = RollupCells::Regions(regions.into_iter().collect());
    rollup::refresh(&txn, &regions).await?;
    txn.commit().await?;
    Ok(written)
}

/// After rows were written with explicit ids, PostgreSQL's sequences must move past them.
pub async fn advance_sequences(db: &DatabaseConnection, tables: &[&str]) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)"
        ))
        .await?;
    }
    Ok(())
}

/// Why a batch was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error(transparent)]
    Database(#[from] DbErr),
}
