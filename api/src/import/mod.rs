//! Importing disclosure documents: each document in one transaction, idempotent, replacing an
//! older version of the same department × year × stage atomically.

pub(crate) mod rows;
pub(crate) mod store;
pub mod target;

use std::num::NonZeroUsize;

use sea_orm::DbBackend;

pub use store::{
    ImportError, ImportOutcome, ImportReport, import_document, import_json, import_text,
};

/// How many documents to write at once: as `requested`, else 4 on PostgreSQL and MySQL, where
/// concurrent imports overlap all but their last step, and 1 on SQLite, which has one writer.
pub fn jobs(requested: Option<NonZeroUsize>, backend: DbBackend) -> usize {
    match (requested, backend) {
        (Some(jobs), _) => jobs.get(),
        (None, DbBackend::Sqlite) => 1,
        (None, _) => 4,
    }
}
