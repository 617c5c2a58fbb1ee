//! The contract query of the foundation issue, exactly as written, against the sample.

use serde_json::{Value, json};

use crate::helpers::{backends, query};

pub const CONTRACT_QUERY: &str = r#"
{ department(name: "中共河北省大城县委办公室") { name
    disclosure(year: 2020, stage: BUDGET) {
      income { total generalPublicBudget governmentFund specialAccount other }
      expenditure { total basic personnel publicOperating project }
      operatingCost  operatingCostYuan: operatingCost(unit: YUAN)
      staffInService perCapitaOperatingCost
      threePublic { total outboundTravel vehiclePurchase vehicleOperation reception }
      projects { name amount indicators { level1 level2 level3 description target basis } }
      procurementItems { itemName quantity unitPrice amount }
      fixedAssets { category value } fixedAssetsTotal } } }
"#;

fn check_sample_figures(data: &Value) {
    let department = &data["department"];
    assert_eq!(department["name"], "中共河北省大城县委办公室");
    let d = &department["disclosure"];
    assert_eq!(
        d["income"],
        json!({ "total": "1465.35", "generalPublicBudget": "1465.35", "governmentFund": "0", "specialAccount": "0", "other": "0" })
    );
    assert_eq!(
        d["expenditure"],
        json!({ "total": "1465.35", "basic": "640.93", "personnel": "485.05", "publicOperating": "155.91", "project": "824.42" })
    );
    assert_eq!(d["operatingCost"], "155.91");
    assert_eq!(d["operatingCostYuan"], "1559100");
    assert_eq!(d["staffInService"], 46);
    // 155.91 万元 / 46 = 3.38934782… 万元, to the 分.
    assert_eq!(d["perCapitaOperatingCost"], "3.389348");
    assert_eq!(
        d["threePublic"],
        json!({ "total": "35.5", "outboundTravel": "0", "vehiclePurchase": "0", "vehicleOperation": "3.5", "reception": "32" })
    );

    let projects = d["projects"].as_array().expect("projects");
    assert_eq!(projects.len(), 30);
    assert_eq!(projects[0]["name"], "县委秘书组办公经费");
    assert_eq!(projects[0]["amount"], "13");
    assert_eq!(projects[17]["amount"], "250");
    let indicators: Vec<&Value> = projects
        .iter()
        .flat_map(|p| p["indicators"].as_array().unwrap())
        .collect();
    assert_eq!(indicators.len(), 202);
    assert!(
        indicators.iter().all(|i| i["level1"].is_string()),
        "every row carries its level-1 group"
    );
    assert_eq!(
        projects[0]["indicators"][1],
        json!({ "level1": "产出指标", "level2": "质量指标", "level3": "合格率", "description": "购置办公用品合格率 ≥ 100%", "target": "100%", "basis": "验收报告" })
    );
    // A row whose level-1 cell was merged into the group above, and an empty target.
    assert_eq!(projects[0]["indicators"][5]["level1"], "效果指标");
    assert_eq!(projects[0]["indicators"][5]["target"], Value::Null);

    assert_eq!(
        d["procurementItems"],
        json!([
            { "itemName": "计算机设备", "quantity": "46", "unitPrice": "1", "amount": "46" },
            { "itemName": "打印机", "quantity": "10", "unitPrice": "0.9", "amount": "9" }
        ])
    );
    let assets = d["fixedAssets"].as_array().expect("fixed assets");
    assert!(assets.contains(&json!({ "category": "2、车辆（台、辆）", "value": "220.5841" })));
    assert!(assets.contains(&json!({ "category": "4、其他固定资产", "value": "281.841" })));
    assert!(
        assets.contains(&json!({ "category": "资产总额", "value": null })),
        "the blank total row stays blank"
    );
    assert_eq!(d["fixedAssetsTotal"], "502.4251");
}

#[tokio::test]
async fn the_contract_query_returns_the_sample_figures_on_every_backend() {
    let mut answers = Vec::new();
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        let data = query(&test_db.schema(), CONTRACT_QUERY).await;
        check_sample_figures(&data);
        answers.push((test_db.backend, data));
        test_db.cleanup().await;
    }
    let (_, sqlite) = &answers[0];
    for (backend, answer) in &answers[1..] {
        assert_eq!(
            answer, sqlite,
            "{backend:?} answers differently from SQLite"
        );
    }
}

#[tokio::test]
async fn every_money_field_converts_exactly_between_units() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        let data = query(
            &test_db.schema(),
            r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
                wan: income { total } yuan: income { total(unit: YUAN) }
                perCapitaOperatingCost(unit: YUAN)
                threePublic { reception(unit: YUAN) vehicleOperation(unit: WAN_YUAN) }
                procurementItems { unitPrice(unit: YUAN) }
                fixedAssetsTotal(unit: YUAN) } } }"#,
        )
        .await;
        let d = &data["department"]["disclosure"];
        assert_eq!(d["wan"]["total"], "1465.35");
        assert_eq!(d["yuan"]["total"], "14653500");
        assert_eq!(d["perCapitaOperatingCost"], "33893.48");
        assert_eq!(
            d["threePublic"],
            json!({ "reception": "320000", "vehicleOperation": "3.5" })
        );
        assert_eq!(d["procurementItems"][1]["unitPrice"], "9000");
        assert_eq!(d["fixedAssetsTotal"], "5024251");
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn derived_metrics_are_computed_from_the_stored_figures() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        let data = query(
            &test_db.schema(),
            r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
                perCapitaPersonnelCost perCapitaThreePublic threePublicShare basicShare projectShare } } }"#,
        )
        .await;
        let d = &data["department"]["disclosure"];
        // 485.05 / 46, 35.5 / 46 (万元, to the 分); 35.5 / 1465.35, 640.93 / 1465.35, 824.42 / 1465.35.
        assert_eq!(d["perCapitaPersonnelCost"], "10.544565");
        assert_eq!(d["perCapitaThreePublic"], "0.771739");
        assert_eq!(d["threePublicShare"], "0.024226");
        assert_eq!(d["basicShare"], "0.43739");
        assert_eq!(d["projectShare"], "0.56261");
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_missing_denominator_gives_null_not_an_error() {
    for test_db in backends().await {
        let mut doc = crate::helpers::sample_document();
        doc.staff_in_service = None;
        doc.expenditure.total = Some(rust_decimal::Decimal::ZERO);
        budgetql::import::import_document(&test_db.db, "no staff", &doc)
            .await
            .expect("import");
        let data = query(
            &test_db.schema(),
            r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
                staffInService perCapitaOperatingCost perCapitaPersonnelCost perCapitaThreePublic threePublicShare basicShare projectShare } } }"#,
        )
        .await;
        assert_eq!(
            data["department"]["disclosure"],
            json!({ "staffInService": null, "perCapitaOperatingCost": null, "perCapitaPersonnelCost": null,
                    "perCapitaThreePublic": null, "threePublicShare": null, "basicShare": null, "projectShare": null })
        );
        test_db.cleanup().await;
    }
}
