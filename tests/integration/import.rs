//! Importing documents: all or nothing, idempotent, with errors that name the place.

use budgetql::import::{ImportError, ImportOutcome, import_document, import_json};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

use crate::helpers::{TestDb, backends, sample_document};

/// Row counts of the tables an import writes.
async fn counts(db: &sea_orm::DatabaseConnection) -> [u64; 6] {
    [
        entity::region::Entity::find().count(db).await.unwrap(),
        entity::department::Entity::find().count(db).await.unwrap(),
        entity::disclosure::Entity::find().count(db).await.unwrap(),
        entity::project::Entity::find().count(db).await.unwrap(),
        entity::performance_indicator::Entity::find()
            .count(db)
            .await
            .unwrap(),
        entity::stated_change::Entity::find()
            .count(db)
            .await
            .unwrap(),
    ]
}

#[tokio::test]
async fn importing_the_sample_stores_every_row() {
    for test_db in backends().await {
        let report = budgetql::sample::import_sample(&test_db.db)
            .await
            .expect("import");
        assert_eq!(report.outcome, ImportOutcome::Inserted);
        assert_eq!(counts(&test_db.db).await, [3, 1, 1, 30, 202, 11]);
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn importing_the_same_document_twice_changes_nothing() {
    for test_db in backends().await {
        let version = || budgetql::queries::data_version::current(&test_db.db);
        let empty = version().await.unwrap();
        let first = budgetql::sample::import_sample(&test_db.db).await.unwrap();
        let stored = version().await.unwrap();
        assert!(stored > empty, "a write moves the data version on");
        let before = counts(&test_db.db).await;
        let second = budgetql::sample::import_sample(&test_db.db).await.unwrap();
        assert_eq!(second.outcome, ImportOutcome::Unchanged);
        assert_eq!(second.disclosure_id, first.disclosure_id);
        assert_eq!(counts(&test_db.db).await, before);
        // Cached responses stay valid: nothing was written.
        assert_eq!(version().await.unwrap(), stored);
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_corrected_document_replaces_the_old_version() {
    for test_db in backends().await {
        budgetql::sample::import_sample(&test_db.db).await.unwrap();
        let mut corrected = sample_document();
        corrected.expenditure.project = Some("824.40".parse().unwrap());
        corrected.projects.truncate(29);
        let report = import_document(&test_db.db, "corrected", &corrected)
            .await
            .unwrap();
        assert_eq!(report.outcome, ImportOutcome::Replaced);
        let [_, departments, disclosures, projects, ..] = counts(&test_db.db).await;
        assert_eq!((departments, disclosures, projects), (1, 1, 29));
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn an_import_that_fails_halfway_leaves_nothing_behind() {
    for test_db in backends().await {
        // Regions, the department, the disclosure and its projects are written before the
        // fixed assets; without their table the import fails at that point.
        test_db
            .db
            .execute_unprepared("DROP TABLE fixed_asset")
            .await
            .unwrap();
        let error = budgetql::sample::import_sample(&test_db.db)
            .await
            .unwrap_err();
        assert!(matches!(error, ImportError::Database { .. }), "{error}");
        assert!(
            error.to_string().starts_with(budgetql::sample::SAMPLE_NAME),
            "{error}"
        );
        assert_eq!(counts(&test_db.db).await, [0; 6], "{:?}", test_db.backend);
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn malformed_json_names_the_document_the_line_and_the_problem() {
    let test_db = TestDb::sqlite().await;
    let error = import_json(
        &test_db.db,
        "broken.json",
        "{\n  \"fiscalYear\": 2020,\n  \"stage\": \"BUDGETT\"\n}",
    )
    .await
    .unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("broken.json: at `stage` (line 3"),
        "{message}"
    );
    assert!(message.contains("unknown variant `BUDGETT`"), "{message}");
    assert_eq!(counts(&test_db.db).await, [0; 6]);
    test_db.cleanup().await;
}

#[tokio::test]
async fn an_amount_finer_than_a_fen_is_refused_with_its_field_path() {
    let test_db = TestDb::sqlite().await;
    let mut doc = sample_document();
    doc.projects[3].indicators.clear();
    doc.projects[3].amount = Some("1.0000001".parse().unwrap());
    let error = import_document(&test_db.db, "too-precise.json", &doc)
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "too-precise.json: at `projects[3].amount`: 1.0000001 万元 is finer than 0.01 元 and cannot be stored exactly"
    );
    assert_eq!(counts(&test_db.db).await, [0; 6]);
    test_db.cleanup().await;
}

#[tokio::test]
async fn implausible_values_are_refused_with_their_field_path() {
    let test_db = TestDb::sqlite().await;
    type Mangle = fn(&mut budgetql::document::DisclosureDocument);
    let cases: Vec<(Mangle, &str)> = vec![
        (
            |d| d.fiscal_year = 20200,
            "at `fiscalYear`: 20200 is not a plausible fiscal year",
        ),
        (
            |d| d.department.name = "  ".into(),
            "at `department.name`: must not be empty",
        ),
        (
            |d| d.income.total = Some("-1".parse().unwrap()),
            "at `income.total`: -1 must not be negative",
        ),
        (
            |d| d.projects[0].indicators[2].level1 = String::new(),
            "at `projects[0].indicators[2].level1`: must not be empty",
        ),
        (
            |d| d.staff_in_service = Some(-3),
            "at `staffInService`: -3 must not be negative",
        ),
    ];
    for (mangle, expected) in cases {
        let mut doc = sample_document();
        mangle(&mut doc);
        let message = import_document(&test_db.db, "doc", &doc)
            .await
            .unwrap_err()
            .to_string();
        assert!(message.contains(expected), "{message}");
    }
    assert_eq!(counts(&test_db.db).await, [0; 6]);
    test_db.cleanup().await;
}
