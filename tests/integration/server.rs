//! The HTTP server: GraphQL over POST and GET, GraphiQL, health, on a port picked by the OS.

use budgetql::startup::{Application, ServerOptions};
use serde_json::{Value, json};

use crate::contract::CONTRACT_QUERY;
use crate::helpers::TestDb;

pub const ADMIN_TOKEN: &str = "s3cret-token";

/// A server on port 0 over a fresh SQLite database with the sample.
async fn spawn_app() -> (String, TestDb) {
    let test_db = TestDb::sqlite().await.with_sample().await;
    let options = ServerOptions {
        admin_token: Some(ADMIN_TOKEN.to_owned()),
        ..ServerOptions::default()
    };
    let app = Application::build("127.0.0.1:0", test_db.db.clone(), options).expect("bind");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    (address, test_db)
}

#[tokio::test]
async fn the_contract_query_works_over_http_post_and_get() {
    let (address, test_db) = spawn_app().await;
    let client = reqwest::Client::new();
    let posted: Value = client
        .post(format!("{address}/graphql"))
        .json(&json!({ "query": CONTRACT_QUERY }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        posted["data"]["department"]["disclosure"]["income"]["total"],
        "1465.35"
    );
    assert_eq!(
        posted["data"]["department"]["disclosure"]["projects"]
            .as_array()
            .unwrap()
            .len(),
        30
    );

    let got: Value = client
        .get(format!("{address}/graphql"))
        .query(&[("query", "{ fiscalYears { year } }")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got["data"], json!({ "fiscalYears": [{ "year": 2020 }] }));
    test_db.cleanup().await;
}

#[tokio::test]
async fn graphiql_and_health_are_served() {
    let (address, test_db) = spawn_app().await;
    let graphiql = reqwest::get(format!("{address}/graphiql")).await.unwrap();
    assert_eq!(graphiql.status(), 200);
    assert!(graphiql.text().await.unwrap().contains("graphiql"));
    let health = reqwest::get(format!("{address}/health")).await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(
        health.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_port_already_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let test_db = TestDb::sqlite().await;
    let error = Application::build(&address, test_db.db.clone(), ServerOptions::default())
        .err()
        .expect("the port is taken");
    assert!(
        error
            .to_string()
            .starts_with(&format!("cannot listen on {address}: ")),
        "{error}"
    );
    test_db.cleanup().await;
}

async fn post(address: &str, token: Option<&str>, body: Value) -> Value {
    let mut request = reqwest::Client::new()
        .post(format!("{address}/graphql"))
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().json().await.unwrap()
}

const IMPORT_MUTATION: &str = "mutation($text: String!) { importDisclosure(text: $text) {
    outcome warnings { line message }
    disclosure { fiscalYear stage department { name } expenditure { total } }
    findings { rule severity message location expected actual } } }";

#[tokio::test]
async fn import_disclosure_needs_the_admin_token() {
    let (address, test_db) = spawn_app().await;
    let body = json!({ "query": IMPORT_MUTATION, "variables": { "text": "不是预算" } });
    let missing = post(&address, None, body.clone()).await;
    assert_eq!(missing["errors"][0]["extensions"]["code"], "UNAUTHORIZED");
    assert_eq!(
        missing["errors"][0]["message"],
        "this mutation needs the admin token: send `Authorization: Bearer <token>`"
    );
    let wrong = post(&address, Some("guess"), body).await;
    assert_eq!(
        wrong["errors"][0]["message"],
        "the bearer token does not match the admin token"
    );
    let reading = post(
        &address,
        None,
        json!({ "query": "{ fiscalYears { year } }" }),
    )
    .await;
    assert_eq!(
        reading["data"]["fiscalYears"][0]["year"], 2020,
        "reading stays open"
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn without_a_configured_token_mutations_are_refused() {
    let test_db = TestDb::sqlite().await;
    let response = test_db
        .schema()
        .execute(
            async_graphql::Request::new(IMPORT_MUTATION)
                .variables(async_graphql::Variables::from_json(json!({ "text": "x" }))),
        )
        .await;
    assert_eq!(
        response.errors[0].message,
        "mutations are disabled on this server: it has no BUDGETQL_ADMIN_TOKEN"
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn import_disclosure_stores_a_published_text_with_its_findings() {
    let (address, test_db) = spawn_app().await;
    let text = budgetql::sample::SAMPLE_TEXT;
    let body = json!({ "query": IMPORT_MUTATION, "variables": { "text": text } });
    let response = post(&address, Some(ADMIN_TOKEN), body.clone()).await;
    assert!(response["errors"].is_null(), "{response}");
    let result = &response["data"]["importDisclosure"];
    // The sample JSON was loaded already: the text states more (no region), so it replaces it.
    assert_eq!(result["outcome"], "REPLACED");
    assert_eq!(
        result["disclosure"]["department"]["name"],
        "中共河北省大城县委办公室"
    );
    assert_eq!(result["disclosure"]["expenditure"]["total"], "1465.35");
    let rules: Vec<&str> = result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"PARTS_VERSUS_TOTAL"), "{rules:?}");
    let again = post(&address, Some(ADMIN_TOKEN), body).await;
    assert_eq!(again["data"]["importDisclosure"]["outcome"], "UNCHANGED");
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_get_query_carries_an_etag_and_an_unchanged_answer_is_304() {
    let (address, test_db) = spawn_app().await;
    let client = reqwest::Client::new();
    let url = format!("{address}/graphql");
    let first = client
        .get(&url)
        .query(&[("query", "{ fiscalYears { year } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.len() == 34, "{etag}");
    let again = client
        .get(&url)
        .query(&[("query", "{ fiscalYears { year } }")])
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
    let other = client
        .get(&url)
        .query(&[("query", "{ fiscalYears { disclosureCount } }")])
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200, "a different answer is sent in full");
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_persisted_query_is_sent_by_its_hash_once_the_server_knows_it() {
    let (address, test_db) = spawn_app().await;
    let query = "{ fiscalYears { year disclosureCount } }";
    let hash = "2c9d6f7a0c7b1ef3e4e5e9b1f7c0e7f2b0a3c6d9e8f7a6b5c4d3e2f1a0b9c8d7"; // wrong on purpose first
    let unknown = post(
        &address,
        None,
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } }),
    )
    .await;
    assert_eq!(unknown["errors"][0]["message"], "PersistedQueryNotFound");
    let mismatched = post(&address, None, json!({ "query": query, "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } })).await;
    assert_eq!(
        mismatched["errors"][0]["message"],
        "the sha256Hash does not match the query"
    );

    use sha2::Digest;
    let real: String = sha2::Sha256::digest(query.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let registered = post(&address, None, json!({ "query": query, "extensions": { "persistedQuery": { "version": 1, "sha256Hash": real } } })).await;
    assert_eq!(registered["data"]["fiscalYears"][0]["year"], 2020);
    let by_hash = post(
        &address,
        None,
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": real } } }),
    )
    .await;
    assert_eq!(by_hash["data"], registered["data"]);
    let extensions = format!(r#"{{"persistedQuery":{{"version":1,"sha256Hash":"{real}"}}}}"#);
    let by_get: Value = reqwest::Client::new()
        .get(format!("{address}/graphql"))
        .query(&[("extensions", extensions.as_str())])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_get["data"], registered["data"], "{by_get}");
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_repeated_query_sees_a_write_made_by_another_connection() {
    let (address, test_db) = spawn_app().await;
    let query = json!({ "query": "{ fiscalYears { year disclosureCount } }" });
    let before = post(&address, None, query.clone()).await;
    assert_eq!(before, post(&address, None, query.clone()).await);
    assert_eq!(before["data"]["fiscalYears"].as_array().unwrap().len(), 1);

    // Another process (here: another connection) imports a disclosure for another year.
    let other = budgetql::db::connect(&test_db.url).await.unwrap();
    let doc = crate::helpers::sample_variant("另一个局", 2021);
    budgetql::import::import_document(&other, "other", &doc)
        .await
        .unwrap();
    other.close().await.unwrap();

    let after = post(&address, None, query).await;
    let years: Vec<i64> = after["data"]["fiscalYears"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years.len(), 2, "{after}");
    assert!(years.contains(&2021), "{after}");
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_mutation_is_never_answered_from_the_cache() {
    let (address, test_db) = spawn_app().await;
    let text = budgetql::sample::SAMPLE_TEXT;
    let body = json!({ "query": IMPORT_MUTATION, "variables": { "text": text } });
    let first = post(&address, Some(ADMIN_TOKEN), body.clone()).await;
    assert_eq!(
        first["data"]["importDisclosure"]["outcome"], "REPLACED",
        "{first}"
    );
    let second = post(&address, Some(ADMIN_TOKEN), body).await;
    assert_eq!(
        second["data"]["importDisclosure"]["outcome"], "UNCHANGED",
        "{second}"
    );
    test_db.cleanup().await;
}
