//! Importing disclosure documents: each document in one transaction, idempotent, replacing an
//! older version of the same department × year × stage atomically.

pub(crate) mod rows;
pub(crate) mod store;
pub mod target;

pub use store::{
    ImportError, ImportOutcome, ImportReport, import_document, import_json, import_text,
};
