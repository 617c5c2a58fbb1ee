//! Importing disclosure documents: each document in one transaction, idempotent, replacing an
//! older version of the same department × year × stage atomically.

pub(crate) mod rows;
pub(crate) mod store;
pub mod target;

use sea_orm::DbBackend;

pub use store::{
    ImportError, ImportOutcome, ImportReport, import_document, import_json, import_text,
};

/// How many documents to write at once by default: on PostgreSQL and MySQL concurrent imports
/// overlap all but their last step; SQLite has one writer at a time.
pub fn default_jobs(backend: DbBackend) -> usize {
    match backend {
        DbBackend::Sqlite => 1,
        _ => 4,
    }
}
