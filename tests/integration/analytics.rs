//! Roll-ups, rankings and year-on-year change over synthetic data, checked against the
//! departments' own figures, on every back end; and a nested list costs a constant number of
//! SQL statements.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use budgetql::synth::{SynthOptions, synthesize};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::helpers::{TestDb, backends, query, query_with};

fn small(seed: u64) -> SynthOptions {
    SynthOptions {
        counties: 3,
        departments: 5,
        years: 3,
        last_year: 2024,
        seed,
        projects: (2, 4),
        flawed_per_mille: 100,
    }
}

fn dec(value: &Value) -> Decimal {
    Decimal::from_str(
        value
            .as_str()
            .unwrap_or_else(|| panic!("not a decimal string: {value}")),
    )
    .unwrap()
}

/// Every department with its region and disclosures, read one by one through the API.
async fn departments(schema: &budgetql::graphql::AppSchema) -> Vec<Value> {
    let data = query(
        schema,
        "{ departments(first: 500) { nodes { name region { code parent { code } } disclosures {
            fiscalYear stage staffInService operatingCost perCapitaOperatingCost
            expenditure { total } threePublic { total } } } } }",
    )
    .await;
    data["departments"]["nodes"].as_array().unwrap().clone()
}

#[tokio::test]
async fn roll_ups_equal_the_sum_of_their_departments() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(7)).await.unwrap();
        let schema = test_db.schema();
        let mut expected: HashMap<(i64, String), (Decimal, Decimal, i64)> = HashMap::new();
        for department in departments(&schema).await {
            let region = department["region"]["code"].as_str().unwrap().to_owned();
            for d in department["disclosures"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["stage"] == "BUDGET")
            {
                let entry = expected
                    .entry((d["fiscalYear"].as_i64().unwrap(), region.clone()))
                    .or_default();
                entry.0 += dec(&d["expenditure"]["total"]);
                entry.1 += dec(&d["threePublic"]["total"]);
                entry.2 += 1;
            }
        }
        let data = query(
            &schema,
            "{ aggregate(groupBy: [YEAR, REGION]) { year regionCode departmentCount expenditure { total } threePublic { total } } }",
        )
        .await;
        let groups = data["aggregate"].as_array().unwrap();
        assert_eq!(groups.len(), expected.len(), "{:?}", test_db.backend);
        for group in groups {
            let key = (
                group["year"].as_i64().unwrap(),
                group["regionCode"].as_str().unwrap().to_owned(),
            );
            let (total, three, count) = expected[&key];
            assert_eq!(
                dec(&group["expenditure"]["total"]),
                total,
                "{key:?} on {:?}",
                test_db.backend
            );
            assert_eq!(dec(&group["threePublic"]["total"]), three);
            assert_eq!(group["departmentCount"].as_i64().unwrap(), count);
        }
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_region_roll_up_includes_its_sub_regions_and_derives_from_sums() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(8)).await.unwrap();
        let schema = test_db.schema();
        let (mut operating, mut staff, mut count) = (Decimal::ZERO, 0i64, 0);
        for department in departments(&schema).await {
            for d in department["disclosures"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["stage"] == "BUDGET" && d["fiscalYear"] == 2024)
            {
                operating += dec(&d["operatingCost"]);
                staff += d["staffInService"].as_i64().unwrap();
                count += 1;
            }
        }
        let data = query(
            &schema,
            r#"{ aggregate(filter: { regionCode: "660000", years: [2024] }, groupBy: []) {
                departmentCount operatingCost staffInService perCapitaOperatingCost } }"#,
        )
        .await;
        let group = &data["aggregate"][0];
        assert_eq!(group["departmentCount"], count);
        assert_eq!(dec(&group["operatingCost"]), operating);
        assert_eq!(group["staffInService"].as_i64().unwrap(), staff);
        // From the sums (to the 分), not an average of the departments' ratios.
        let per_head = (operating * Decimal::from(1_000_000) / Decimal::from(staff)).round()
            / Decimal::from(1_000_000);
        assert_eq!(dec(&group["perCapitaOperatingCost"]), per_head.normalize());
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_time_series_and_function_classes_come_in_one_round_trip() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(9)).await.unwrap();
        let data = query(
            &test_db.schema(),
            r#"{ series: aggregate(filter: { regionCode: "660000", years: [2022, 2023, 2024] }, groupBy: [YEAR]) { year expenditure { total } }
                 byClass: aggregate(filter: { years: [2024] }, groupBy: [FUNCTION_CLASS]) { functionClass functionExpenditure threePublic { total } }
                 pensions: aggregate(filter: { years: [2024], functionClassPrefix: "20805" }, groupBy: []) { functionExpenditure departmentCount }
                 stages: aggregate(filter: { years: [2023] }, groupBy: [STAGE]) { stage disclosureCount } }"#,
        )
        .await;
        let years: Vec<i64> = data["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["year"].as_i64().unwrap())
            .collect();
        assert_eq!(years, [2022, 2023, 2024]);
        let classes: Vec<&str> = data["byClass"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["functionClass"].as_str().unwrap())
            .collect();
        assert!(
            classes.contains(&"208") && classes.contains(&"210"),
            "{classes:?}"
        );
        let all_functions: Decimal = data["byClass"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| dec(&g["functionExpenditure"]))
            .sum();
        let total = query(
            &test_db.schema(),
            "{ aggregate(filter: { years: [2024] }, groupBy: []) { expenditure { total } } }",
        )
        .await;
        // Synthetic lines add up to the totals unless a planted flaw changed the stated total.
        let stated = dec(&total["aggregate"][0]["expenditure"]["total"]);
        assert!(
            (stated - all_functions).abs() <= Decimal::from(15) * Decimal::new(3, 2),
            "{stated} vs {all_functions}"
        );
        assert_eq!(data["pensions"][0]["departmentCount"], 15);
        assert_eq!(
            data["stages"],
            json!([{ "stage": "BUDGET", "disclosureCount": 15 }, { "stage": "FINAL_ACCOUNTS", "disclosureCount": 15 }])
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_ranking_is_the_sort_of_the_departments_own_figures() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(10)).await.unwrap();
        let schema = test_db.schema();
        let mut own: Vec<(Decimal, String)> = Vec::new();
        for department in departments(&schema).await {
            for d in department["disclosures"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["stage"] == "BUDGET" && d["fiscalYear"] == 2024)
            {
                own.push((
                    dec(&d["perCapitaOperatingCost"]),
                    department["name"].as_str().unwrap().to_owned(),
                ));
            }
        }
        own.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        let data = query(
            &schema,
            "{ ranking(metric: PER_CAPITA_OPERATING_COST, year: 2024, limit: 10) { rank value department { name } } }",
        )
        .await;
        let ranked = data["ranking"].as_array().unwrap();
        assert_eq!(ranked.len(), 10);
        for (n, entry) in ranked.iter().enumerate() {
            assert_eq!(
                dec(&entry["value"]),
                own[n].0,
                "place {n} on {:?}",
                test_db.backend
            );
            assert_eq!(entry["rank"].as_i64().unwrap(), (n + 1) as i64);
        }
        let ascending = query(&schema, "{ ranking(metric: EXPENDITURE_TOTAL, year: 2024, order: ASC, limit: 3, unit: YUAN) { value } }").await;
        let values: Vec<Decimal> = ascending["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| dec(&e["value"]))
            .collect();
        assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn year_over_year_change_is_computed_from_the_stored_years() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(11)).await.unwrap();
        let schema = test_db.schema();
        let department = departments(&schema).await[0]["name"]
            .as_str()
            .unwrap()
            .to_owned();
        let data = query_with(
            &schema,
            "query($name: String!) { department(name: $name) {
                y2023: disclosure(year: 2023) { expenditure { total } }
                y2024: disclosure(year: 2024) { expenditure { total } yearOverYear { previousYear
                    expenditureTotal { previous current absolute percent stated statedAgrees } } }
                y2022: disclosure(year: 2022) { yearOverYear { previousYear } }
                final: disclosure(year: 2023, stage: FINAL_ACCOUNTS) { budgetExecution { expenditureTotal { budget finalAccounts executionRate } } } } }",
            json!({ "name": department }),
        )
        .await;
        let d = &data["department"];
        let change = &d["y2024"]["yearOverYear"]["expenditureTotal"];
        assert_eq!(d["y2024"]["yearOverYear"]["previousYear"], 2023);
        assert_eq!(change["previous"], d["y2023"]["expenditure"]["total"]);
        assert_eq!(change["current"], d["y2024"]["expenditure"]["total"]);
        assert_eq!(
            dec(&change["absolute"]),
            dec(&d["y2024"]["expenditure"]["total"]) - dec(&d["y2023"]["expenditure"]["total"])
        );
        assert!(
            change["stated"].is_string() && change["statedAgrees"].is_boolean(),
            "{change}"
        );
        assert_eq!(d["y2022"]["yearOverYear"], Value::Null, "no 2021 is stored");
        let execution = &d["final"]["budgetExecution"]["expenditureTotal"];
        assert_eq!(execution["budget"], d["y2023"]["expenditure"]["total"]);
        let rate = dec(&execution["executionRate"]);
        assert!(
            rate > Decimal::new(8, 1) && rate < Decimal::new(11, 1),
            "{rate}"
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data() {
    let (a, b) = (TestDb::sqlite().await, TestDb::sqlite().await);
    synthesize(&a.db, &small(42)).await.unwrap();
    synthesize(&b.db, &small(42)).await.unwrap();
    let q = "{ aggregate(groupBy: [YEAR, STAGE, DEPARTMENT]) { year stage department { name } expenditure { total } threePublic { total } } findingCounts { rule findingCount } }";
    assert_eq!(query(&a.schema(), q).await, query(&b.schema(), q).await);
    a.cleanup().await;
    b.cleanup().await;
}

/// Counts the SQL statements a query sends.
async fn statements_for(url: &str, first: usize) -> usize {
    let mut db = budgetql::db::connect(url).await.unwrap();
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let schema = budgetql::graphql::build_schema(db, None);
    query_with(
        &schema,
        "query($first: Int) { departments(first: $first) { nodes { name region { code parent { name } }
            disclosure(year: 2024) { expenditure { total } threePublic { total } projectCount findings { rule }
              yearOverYear { expenditureTotal { absolute } }
              projects { name amount indicators { level1 target } } } } } }",
        json!({ "first": first }),
    )
    .await;
    count.load(Ordering::SeqCst)
}

#[tokio::test]
async fn a_nested_list_costs_the_same_number_of_statements_for_any_length() {
    for test_db in backends().await {
        synthesize(&test_db.db, &small(12)).await.unwrap();
        let few = statements_for(&test_db.url, 2).await;
        let many = statements_for(&test_db.url, 15).await;
        assert_eq!(
            few, many,
            "statements for 2 and 15 departments on {:?}",
            test_db.backend
        );
        assert!(many <= 12, "{many} statements");
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn over_complex_queries_and_bad_limits_are_refused_clearly() {
    let test_db = TestDb::sqlite().await;
    let errors = crate::helpers::query_errors(
        &test_db.schema(),
        "{ ranking(metric: EXPENDITURE_TOTAL, year: 2024, limit: 0) { rank } }",
    )
    .await;
    assert_eq!(
        errors[0]["message"],
        "argument `limit`: 0 is not between 1 and 1000"
    );
    test_db.cleanup().await;
}
