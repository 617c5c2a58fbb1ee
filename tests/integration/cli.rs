//! The command line's errors: each names what is wrong.

use budgetql::cli::Cli;
use clap::Parser;

async fn run(args: &[&str]) -> Result<(), String> {
    let cli = Cli::try_parse_from(std::iter::once("budgetql").chain(args.iter().copied()))
        .map_err(|e| e.to_string())?;
    cli.run().await.map_err(|e| e.to_string())
}

/// Removes an SQLite file with its WAL and shared-memory files.
fn remove_sqlite(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn temp_sqlite_url(name: &str) -> (String, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("budgetql-cli-{}-{name}.db", std::process::id()));
    remove_sqlite(&path);
    (format!("sqlite://{}", path.display()), path)
}

#[tokio::test]
async fn an_unsupported_database_url_is_named_in_the_error() {
    let error = run(&["--database-url", "oracle://scott:tiger@db/x", "migrate"])
        .await
        .unwrap_err();
    assert!(
        error.contains("database URL \"oracle://scott:***@db/x\" is not supported"),
        "{error}"
    );
}

#[tokio::test]
async fn an_unreachable_database_is_a_clear_error() {
    let error = run(&[
        "--database-url",
        "postgres://nobody@127.0.0.1:1/none",
        "migrate",
    ])
    .await
    .unwrap_err();
    assert!(
        error.starts_with("cannot connect to the database at postgres://nobody@127.0.0.1:1/none"),
        "{error}"
    );
}

#[tokio::test]
async fn importing_a_missing_file_fails_and_names_it() {
    let (url, path) = temp_sqlite_url("missing");
    run(&["--database-url", &url, "migrate"]).await.unwrap();
    let error = run(&["--database-url", &url, "import", "/no/such/file.json"])
        .await
        .unwrap_err();
    assert_eq!(
        error,
        "cannot read /no/such/file.json: No such file or directory (os error 2)"
    );
    remove_sqlite(&path);
}

#[tokio::test]
async fn importing_a_directory_keeps_the_good_documents_and_fails_for_the_bad() {
    let (url, path) = temp_sqlite_url("directory");
    let dir = std::env::temp_dir().join(format!("budgetql-cli-docs-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(dir.join("nested/good.json"), budgetql::sample::SAMPLE_JSON).unwrap();
    std::fs::write(dir.join("bad.json"), "{ not json").unwrap();
    run(&["--database-url", &url, "migrate"]).await.unwrap();
    let error = run(&[
        "--database-url",
        &url,
        "import",
        "--jobs",
        "2",
        dir.to_str().unwrap(),
    ])
    .await
    .unwrap_err();
    assert_eq!(error, "1 of 2 documents were not imported");

    let db = budgetql::db::connect(&url).await.unwrap();
    let data = crate::helpers::query(
        &budgetql::graphql::build_schema(db, None),
        "{ fiscalYears { disclosureCount } }",
    )
    .await;
    assert_eq!(
        data["fiscalYears"][0]["disclosureCount"], 1,
        "the good document was kept"
    );
    let _ = std::fs::remove_dir_all(dir);
    remove_sqlite(&path);
}

#[tokio::test]
async fn import_needs_files_or_the_sample_flag() {
    let error = run(&["import"]).await.unwrap_err();
    assert!(
        error.contains("required arguments were not provided"),
        "{error}"
    );
}

#[tokio::test]
async fn migrate_then_import_sample_gives_the_same_answers_on_every_backend() {
    let mut answers = Vec::new();
    for test_db in crate::helpers::empty_backends().await {
        run(&["--database-url", &test_db.url, "migrate"])
            .await
            .unwrap();
        run(&["--database-url", &test_db.url, "import", "--sample"])
            .await
            .unwrap();
        let data = crate::helpers::query(&test_db.schema(), crate::contract::CONTRACT_QUERY).await;
        answers.push((test_db.backend, data));
        test_db.cleanup().await;
    }
    let (_, sqlite) = &answers[0];
    assert_eq!(
        sqlite["department"]["disclosure"]["expenditure"]["total"],
        "1465.35"
    );
    for (backend, answer) in &answers[1..] {
        assert_eq!(
            answer, sqlite,
            "{backend:?} answers differently from SQLite"
        );
    }
}

fn real_text(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../api/src/parse/testdata/real")
        .join(name)
}

#[tokio::test]
async fn published_texts_are_imported_and_a_nameless_one_needs_department() {
    let (url, path) = temp_sqlite_url("texts");
    run(&["--database-url", &url, "migrate"]).await.unwrap();
    let pingwu = real_text("01-pingwu-forestry-2019-sangong-budget.txt");
    run(&["--database-url", &url, "import", pingwu.to_str().unwrap()])
        .await
        .unwrap();

    let jiaoshi = real_text("09-jiaoshi-town-fuling-2020-sangong-finalaccounts.txt");
    let error = run(&["--database-url", &url, "import", jiaoshi.to_str().unwrap()])
        .await
        .unwrap_err();
    assert_eq!(error, "1 of 1 documents were not imported");
    run(&[
        "--database-url",
        &url,
        "import",
        "--department",
        "焦石镇人民政府",
        jiaoshi.to_str().unwrap(),
    ])
    .await
    .unwrap();

    let db = budgetql::db::connect(&url).await.unwrap();
    let data = crate::helpers::query(
        &budgetql::graphql::build_schema(db, None),
        r#"{ pingwu: department(name: "平武县林业和草原局") { disclosure(year: 2019) { stage threePublic { total reception vehicleOperation } } }
             jiaoshi: department(name: "焦石镇人民政府") { disclosure(year: 2020, stage: FINAL_ACCOUNTS) { threePublic { total reception } } } }"#,
    )
    .await;
    assert_eq!(
        data["pingwu"]["disclosure"]["threePublic"]["reception"],
        "12"
    );
    assert_eq!(
        data["pingwu"]["disclosure"]["threePublic"]["vehicleOperation"],
        "25"
    );
    assert_eq!(data["jiaoshi"]["disclosure"]["threePublic"]["total"], "41");
    remove_sqlite(&path);
}
