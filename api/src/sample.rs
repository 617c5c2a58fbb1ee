//! The bundled sample: 中共河北省大城县委办公室's 2020 budget disclosure, transcribed by hand
//! into the import format and checked against the published text.

use sea_orm::DatabaseConnection;

use crate::import::{ImportError, ImportReport, import_json};

/// The name the sample goes by in messages.
pub const SAMPLE_NAME: &str = "api/samples/dacheng-county-party-office-2020-budget.json";

/// The sample document (JSON import format).
pub const SAMPLE_JSON: &str =
    include_str!("../samples/dacheng-county-party-office-2020-budget.json");

/// The published text the sample was transcribed from.
pub const SAMPLE_TEXT: &str =
    include_str!("../samples/dacheng-county-party-office-2020-budget.txt");

/// Imports the sample (idempotent).
pub async fn import_sample(db: &DatabaseConnection) -> Result<ImportReport, ImportError> {
    import_json(db, SAMPLE_NAME, SAMPLE_JSON).await
}
