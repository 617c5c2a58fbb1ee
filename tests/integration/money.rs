//! Money stays exact from import to SQL `SUM` to GraphQL, on every back end.

use std::str::FromStr;

use budgetql::document::Project;
use budgetql::money::MoneyUnit;
use rust_decimal::Decimal;

use crate::helpers::{backends, query, sample_document};

/// Amounts whose floating-point sum drifts: 0.1 and 0.07 have no exact binary form.
fn drifting_amounts(count: usize) -> Vec<Decimal> {
    ["0.10", "0.07", "1234.56", "0.01", "99999.99"]
        .iter()
        .cycle()
        .take(count)
        .map(|s| Decimal::from_str(s).unwrap())
        .collect()
}

#[tokio::test]
async fn a_sql_sum_over_many_amounts_is_exact_on_every_backend() {
    let amounts = drifting_amounts(10_000);
    let exact: Decimal = amounts.iter().sum();
    let float: f64 = amounts
        .iter()
        .map(|a| a.to_string().parse::<f64>().unwrap())
        .sum();
    assert_ne!(
        float.to_string(),
        exact.to_string(),
        "the amounts must be ones a float sum gets wrong"
    );

    let mut doc = sample_document();
    doc.amount_unit = MoneyUnit::Yuan;
    doc.fixed_assets = Default::default(); // 502.4251 is finer than a 分 when read as 元
    doc.projects = amounts
        .iter()
        .enumerate()
        .map(|(n, amount)| Project {
            name: format!("项目{n}"),
            amount: Some(*amount),
            goal: None,
            indicators: Vec::new(),
        })
        .collect();
    for test_db in backends().await {
        budgetql::import::import_document(&test_db.db, "many amounts", &doc)
            .await
            .expect("import");
        let data = query(
            &test_db.schema(),
            r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
                projectCount projectAmountTotal(unit: YUAN) } } }"#,
        )
        .await;
        let d = &data["department"]["disclosure"];
        assert_eq!(d["projectCount"], 10_000);
        assert_eq!(
            d["projectAmountTotal"],
            exact.normalize().to_string(),
            "{:?}",
            test_db.backend
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn the_sample_projects_sum_to_824_40_not_the_stated_824_42() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        let data = query(
            &test_db.schema(),
            r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
                projectAmountTotal expenditure { project } } } }"#,
        )
        .await;
        let d = &data["department"]["disclosure"];
        assert_eq!(d["projectAmountTotal"], "824.4");
        assert_eq!(d["expenditure"]["project"], "824.42");
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn money_values_are_decimal_strings_in_graphql() {
    let test_db = crate::helpers::TestDb::sqlite().await.with_sample().await;
    let data = query(&test_db.schema(), r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) { fixedAssetsTotal } } }"#).await;
    assert!(data["department"]["disclosure"]["fixedAssetsTotal"].is_string());
    test_db.cleanup().await;
}
