//! Connecting to the database and bringing its schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    TransactionTrait,
};

use crate::queries::data_version;
use crate::queries::rollup::{self, RollupCells};

/// The embedded default: an SQLite file in the working directory, created on first use.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://budgetql.db";

/// Why the database could not be reached or prepared.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("database URL {url:?} is not supported: use sqlite://FILE, postgres://… or mysql://…")]
    UnsupportedUrl { url: String },
    #[error("cannot connect to the database at {url}: {source}")]
    Connect { url: String, source: DbErr },
    #[error("cannot migrate the database: {0}")]
    Migrate(DbErr),
}

/// Connects to `url`. An SQLite file is created when missing.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DatabaseError> {
    let url = normalise_url(url)?;
    let mut options = ConnectOptions::new(url.clone());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    let db = Database::connect(options)
        .await
        .map_err(|source| DatabaseError::Connect {
            url: redact(&url),
            source,
        })?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // Readers do not block the writer; a busy writer is waited for, not failed.
        for pragma in [
            "PRAGMA journal_mode=WAL",
            "PRAGMA busy_timeout=5000",
            "PRAGMA foreign_keys=ON",
        ] {
            db.execute_unprepared(pragma)
                .await
                .map_err(|source| DatabaseError::Connect {
                    url: redact(&url),
                    source,
                })?;
        }
    }
    Ok(db)
}

/// The migration that creates the summary table, which must then be filled from the disclosures.
const ROLLUP_MIGRATION: &str = "m20261128_000002_create_region_rollup";

/// Applies every pending migration, and fills the roll-up summary table when it was just made.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DatabaseError> {
    let pending = Migrator::get_pending_migrations(db)
        .await
        .map_err(DatabaseError::Migrate)?;
    Migrator::up(db, None)
        .await
        .map_err(DatabaseError::Migrate)?;
    if pending.iter().any(|m| m.name() == ROLLUP_MIGRATION) {
        let txn = db.begin().await.map_err(DatabaseError::Migrate)?;
        data_version::begin_write(&txn)
            .await
            .map_err(DatabaseError::Migrate)?;
        rollup::refresh(&txn, &RollupCells::All)
            .await
            .map_err(DatabaseError::Migrate)?;
        txn.commit().await.map_err(DatabaseError::Migrate)?;
    }
    Ok(())
}

/// Checks the scheme and lets SQLite create its file.
fn normalise_url(url: &str) -> Result<String, DatabaseError> {
    let url = url.trim();
    if url.starts_with("sqlite:") {
        if url.contains("mode=") || url.contains(":memory:") {
            return Ok(url.to_owned());
        }
        let separator = if url.contains('?') { '&' } else { '?' };
        return Ok(format!("{url}{separator}mode=rwc"));
    }
    if ["postgres://", "postgresql://", "mysql://", "mariadb://"]
        .iter()
        .any(|s| url.starts_with(s))
    {
        return Ok(url.replacen("mariadb://", "mysql://", 1));
    }
    Err(DatabaseError::UnsupportedUrl { url: redact(url) })
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_files_are_created_when_missing() {
        assert_eq!(
            normalise_url("sqlite://budgetql.db").unwrap(),
            "sqlite://budgetql.db?mode=rwc"
        );
        assert_eq!(normalise_url("sqlite::memory:").unwrap(), "sqlite::memory:");
        assert_eq!(
            normalise_url("sqlite://x.db?mode=ro").unwrap(),
            "sqlite://x.db?mode=ro"
        );
    }

    #[test]
    fn unknown_schemes_are_refused_without_leaking_passwords() {
        let error = normalise_url("oracle://scott:tiger@host/db").unwrap_err();
        assert_eq!(
            error.to_string(),
            "database URL \"oracle://scott:***@host/db\" is not supported: use sqlite://FILE, postgres://… or mysql://…"
        );
    }
}
