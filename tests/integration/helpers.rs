//! Test databases and servers. Every test gets its own fresh, migrated database on each back
//! end: an SQLite file always, and PostgreSQL / MySQL when `TEST_POSTGRES_URL` /
//! `TEST_MYSQL_URL` point at a server (a new database is created there for each test).

use std::sync::atomic::{AtomicUsize, Ordering};

use async_graphql::{Request, Variables};
use budgetql::graphql::{AppSchema, build_schema};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};
use serde_json::Value;

/// A migrated database that exists for one test.
pub struct TestDb {
    pub db: DatabaseConnection,
    pub backend: DbBackend,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "budgetql_test_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Replaces the database name (the URL's last path segment).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(head, _)| head);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl TestDb {
    /// A fresh migrated SQLite file.
    pub async fn sqlite() -> TestDb {
        Self::sqlite_file(true).await
    }

    async fn sqlite_file(migrated: bool) -> TestDb {
        let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
        let url = format!("sqlite://{}", path.display());
        let db = budgetql::db::connect(&url).await.expect("open SQLite");
        if migrated {
            budgetql::db::migrate(&db).await.expect("migrate SQLite");
        }
        TestDb {
            db,
            backend: DbBackend::Sqlite,
            url,
            cleanup: Cleanup::File(path),
        }
    }

    /// A fresh database on the server at `admin_url`.
    async fn server(admin_url: &str, backend: DbBackend, migrated: bool) -> TestDb {
        let name = unique_name();
        let admin = budgetql::db::connect(admin_url)
            .await
            .expect("connect to the test server");
        let create = match backend {
            DbBackend::MySql => {
                format!("CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
            }
            _ => format!("CREATE DATABASE {name}"),
        };
        admin
            .execute_unprepared(&create)
            .await
            .expect("create the test database");
        admin.close().await.ok();
        let url = with_database(admin_url, &name);
        let db = budgetql::db::connect(&url)
            .await
            .expect("connect to the test database");
        if migrated {
            budgetql::db::migrate(&db)
                .await
                .expect("migrate the test database");
        }
        TestDb {
            db,
            backend,
            url,
            cleanup: Cleanup::Database {
                admin_url: admin_url.to_owned(),
                name,
            },
        }
    }

    /// Drops the database (best effort).
    pub async fn cleanup(self) {
        self.db.close().await.ok();
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = budgetql::db::connect(&admin_url).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                        .await;
                    admin.close().await.ok();
                }
            }
        }
    }

    /// The schema over this database.
    pub fn schema(&self) -> AppSchema {
        build_schema(self.db.clone(), None)
    }

    /// Imports the bundled sample.
    pub async fn with_sample(self) -> Self {
        budgetql::sample::import_sample(&self.db)
            .await
            .expect("import the sample");
        self
    }
}

/// One fresh database per configured back end: SQLite always, then PostgreSQL and MySQL when
/// their URLs are set.
pub async fn backends() -> Vec<TestDb> {
    databases(true).await
}

/// Like [`backends`], but empty: no tables yet.
pub async fn empty_backends() -> Vec<TestDb> {
    databases(false).await
}

async fn databases(migrated: bool) -> Vec<TestDb> {
    let mut dbs = vec![TestDb::sqlite_file(migrated).await];
    if let Ok(url) = std::env::var("TEST_POSTGRES_URL") {
        dbs.push(TestDb::server(&url, DbBackend::Postgres, migrated).await);
    }
    if let Ok(url) = std::env::var("TEST_MYSQL_URL") {
        dbs.push(TestDb::server(&url, DbBackend::MySql, migrated).await);
    }
    dbs
}

/// Runs a query and returns its `data`, failing the test on any error.
pub async fn query(schema: &AppSchema, query: &str) -> Value {
    query_with(schema, query, Value::Null).await
}

/// Runs a query with variables and returns its `data`, failing the test on any error.
pub async fn query_with(schema: &AppSchema, query: &str, variables: Value) -> Value {
    let response = schema
        .execute(Request::new(query).variables(Variables::from_json(variables)))
        .await;
    assert!(
        response.errors.is_empty(),
        "query failed: {:?}",
        response.errors
    );
    response.data.into_json().expect("data is JSON")
}

/// Runs a query that must fail; returns the errors as JSON.
pub async fn query_errors(schema: &AppSchema, query: &str) -> Value {
    let response = schema.execute(Request::new(query)).await;
    assert!(!response.errors.is_empty(), "query unexpectedly succeeded");
    serde_json::to_value(&response.errors).expect("errors are JSON")
}

/// The sample document, parsed, for tests that derive variants of it.
pub fn sample_document() -> budgetql::document::DisclosureDocument {
    budgetql::document::parse_document("sample", budgetql::sample::SAMPLE_JSON)
        .expect("the sample parses")
}

/// The sample as if published by another department (in the same region) for another year.
pub fn sample_variant(department: &str, year: i32) -> budgetql::document::DisclosureDocument {
    let mut doc = sample_document();
    doc.department.name = department.to_owned();
    doc.units.clear();
    doc.fiscal_year = year;
    doc
}
