//! Lists: departments as a Relay connection, fiscal years, regions, a department's disclosures.

use std::collections::HashSet;

use budgetql::import::import_document;
use serde_json::json;

use crate::helpers::{backends, query, query_errors, query_with, sample_variant};

async fn import_departments(db: &sea_orm::DatabaseConnection, count: usize) {
    for n in 0..count {
        let doc = sample_variant(&format!("测试县第{n:02}局"), 2020);
        import_document(db, "variant", &doc).await.expect("import");
    }
}

#[tokio::test]
async fn paging_through_departments_visits_each_exactly_once() {
    for test_db in backends().await {
        import_departments(&test_db.db, 23).await;
        let schema = test_db.schema();
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let data = query_with(
                &schema,
                "query($after: String) { departments(first: 5, after: $after) {
                    totalCount nodes { name } pageInfo { hasNextPage endCursor } } }",
                json!({ "after": after }),
            )
            .await;
            let page = &data["departments"];
            assert_eq!(page["totalCount"], 23);
            seen.extend(
                page["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n["name"].as_str().unwrap().to_owned()),
            );
            if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
                break;
            }
            after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
        }
        assert_eq!(seen.len(), 23);
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 23);
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn departments_can_be_filtered_by_name_region_and_nature() {
    for test_db in backends().await {
        import_departments(&test_db.db, 3).await;
        let test_db = test_db.with_sample().await;
        let schema = test_db.schema();
        let data = query(
            &schema,
            r#"{ byName: departments(filter: { nameContains: "测试县" }) { totalCount }
                 byRegion: departments(filter: { regionCode: "131000" }) { totalCount nodes { region { code name } } }
                 elsewhere: departments(filter: { regionCode: "110000" }) { totalCount }
                 byNature: departments(filter: { unitNature: "行政单位" }) { totalCount } }"#,
        )
        .await;
        assert_eq!(data["byName"]["totalCount"], 3);
        assert_eq!(
            data["byRegion"]["totalCount"], 4,
            "a region includes its sub-regions"
        );
        assert_eq!(
            data["byRegion"]["nodes"][0]["region"],
            json!({ "code": "131025", "name": "大城县" })
        );
        assert_eq!(data["elsewhere"]["totalCount"], 0);
        assert_eq!(data["byNature"]["totalCount"], 4);
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn asking_for_too_large_a_page_is_a_clear_error() {
    let test_db = crate::helpers::TestDb::sqlite().await;
    let errors = query_errors(
        &test_db.schema(),
        "{ departments(first: 100000) { totalCount } }",
    )
    .await;
    assert_eq!(
        errors[0]["message"],
        "argument `first`: 100000 is more than 500"
    );
    assert_eq!(errors[0]["extensions"]["code"], "BAD_ARGUMENT");
    test_db.cleanup().await;
}

#[tokio::test]
async fn fiscal_years_and_a_departments_disclosures_list_what_is_stored() {
    for test_db in backends().await {
        for year in [2019, 2020, 2021] {
            import_document(&test_db.db, "variant", &sample_variant("甲局", year))
                .await
                .unwrap();
        }
        import_document(&test_db.db, "variant", &sample_variant("乙局", 2020))
            .await
            .unwrap();
        let data = query(
            &test_db.schema(),
            r#"{ fiscalYears { year disclosureCount departmentCount }
                 department(name: "甲局") { disclosures { fiscalYear stage } disclosure(year: 2019) { fiscalYear } }
                 regions { code level parent { code } children { code } } }"#,
        )
        .await;
        assert_eq!(
            data["fiscalYears"],
            json!([
                { "year": 2019, "disclosureCount": 1, "departmentCount": 1 },
                { "year": 2020, "disclosureCount": 2, "departmentCount": 2 },
                { "year": 2021, "disclosureCount": 1, "departmentCount": 1 }
            ])
        );
        assert_eq!(
            data["department"]["disclosures"],
            json!([{ "fiscalYear": 2021, "stage": "BUDGET" }, { "fiscalYear": 2020, "stage": "BUDGET" }, { "fiscalYear": 2019, "stage": "BUDGET" }])
        );
        assert_eq!(data["department"]["disclosure"]["fiscalYear"], 2019);
        assert_eq!(
            data["regions"],
            json!([
                { "code": "130000", "level": "PROVINCE", "parent": null, "children": [{ "code": "131000" }] },
                { "code": "131000", "level": "CITY", "parent": { "code": "130000" }, "children": [{ "code": "131025" }] },
                { "code": "131025", "level": "COUNTY", "parent": { "code": "131000" }, "children": [] }
            ])
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn expenditure_by_function_is_empty_for_the_sample() {
    let test_db = crate::helpers::TestDb::sqlite().await.with_sample().await;
    let data = query(
        &test_db.schema(),
        r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) { expenditureByFunction { code name amount } } } }"#,
    )
    .await;
    assert_eq!(
        data["department"]["disclosure"]["expenditureByFunction"],
        json!([])
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_query_deeper_than_the_limit_is_refused() {
    let test_db = crate::helpers::TestDb::sqlite().await;
    let deep = "{ regions { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } } } }";
    let errors = query_errors(&test_db.schema(), deep).await;
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("nested too deep"),
        "{errors}"
    );
    test_db.cleanup().await;
}

#[tokio::test]
async fn a_query_more_complex_than_the_limit_is_refused() {
    let test_db = crate::helpers::TestDb::sqlite().await;
    let fields: String = (0..1100)
        .map(|n| format!("y{n}: fiscalYears {{ year }} "))
        .collect();
    let errors = query_errors(&test_db.schema(), &format!("{{ {fields} }}")).await;
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("too complex"),
        "{errors}"
    );
    test_db.cleanup().await;
}
