//! Findings: the sample's known problems, found on import and queryable across disclosures.

use budgetql::import::import_document;
use serde_json::{Value, json};

use crate::helpers::{backends, query, sample_document, sample_variant};

const FINDINGS: &str = r#"{ department(name: "中共河北省大城县委办公室") { disclosure(year: 2020) {
    findings { rule severity message location expected actual } } } }"#;

fn with_rule<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

#[tokio::test]
async fn the_sample_produces_its_known_problems() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        let data = query(&test_db.schema(), FINDINGS).await;
        let findings = data["department"]["disclosure"]["findings"]
            .as_array()
            .unwrap()
            .clone();

        let parts = with_rule(&findings, "PARTS_VERSUS_TOTAL");
        assert_eq!(parts.len(), 1, "{parts:?}");
        assert_eq!(parts[0]["location"], "expenditure.basic");
        assert_eq!(
            (parts[0]["expected"].as_str(), parts[0]["actual"].as_str()),
            (Some("640.96"), Some("640.93"))
        );
        assert!(
            parts[0]["message"]
                .as_str()
                .unwrap()
                .starts_with("基本支出 640.93 ≠ 人员经费 485.05 + 日常公用经费 155.91")
        );

        let projects = with_rule(&findings, "PROJECTS_VERSUS_PROJECT_EXPENDITURE");
        assert_eq!(projects.len(), 1);
        assert_eq!(
            projects[0]["message"],
            "the 30 projects sum to 824.4, not the stated 项目支出 824.42"
        );

        let vehicle = with_rule(&findings, "STATED_CHANGE_CONTRADICTION");
        assert_eq!(vehicle.len(), 1, "{vehicle:?}");
        assert_eq!(
            (
                vehicle[0]["expected"].as_str(),
                vehicle[0]["actual"].as_str()
            ),
            (Some("-14"), Some("-8"))
        );
        assert!(
            vehicle[0]["message"]
                .as_str()
                .unwrap()
                .contains("公务用车购置及运维费")
        );

        assert!(!with_rule(&findings, "EMPTY_TARGET").is_empty());
        assert_eq!(with_rule(&findings, "BLANK_TOTAL_ROW").len(), 1);
        let population = with_rule(&findings, "IMPLAUSIBLE_MAGNITUDE");
        assert_eq!(population.len(), 1, "{population:?}");
        assert_eq!(population[0]["actual"], "50人");
        assert!(
            with_rule(&findings, "TRUNCATED_TEXT")
                .iter()
                .any(|f| f["location"] == "performance.subGoals[3]")
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn a_stated_change_is_checked_against_the_stored_previous_year() {
    for test_db in backends().await {
        let mut previous = sample_document();
        previous.fiscal_year = 2019;
        previous.expenditure.total = Some("1000".parse().unwrap());
        import_document(&test_db.db, "2019", &previous)
            .await
            .unwrap();
        // 2020 states +423.1 on 2019; the stored 2019 total of 1000 gives +465.35.
        budgetql::sample::import_sample(&test_db.db).await.unwrap();
        let data = query(&test_db.schema(), FINDINGS).await;
        let findings = data["department"]["disclosure"]["findings"]
            .as_array()
            .unwrap()
            .clone();
        let versus = with_rule(&findings, "STATED_CHANGE_VERSUS_PREVIOUS_YEAR");
        let expenditure: Vec<_> = versus
            .iter()
            .filter(|f| f["message"].as_str().unwrap().starts_with("支出合计"))
            .collect();
        assert_eq!(expenditure.len(), 1, "{versus:?}");
        assert_eq!(
            (
                expenditure[0]["expected"].as_str(),
                expenditure[0]["actual"].as_str()
            ),
            (Some("465.35"), Some("423.1"))
        );
        // Items whose 2019 figure equals 2020's contradict a stated non-zero change too.
        assert!(
            versus
                .iter()
                .any(|f| f["message"].as_str().unwrap().starts_with("基本支出"))
        );
        test_db.cleanup().await;
    }
}

#[tokio::test]
async fn findings_are_queryable_across_disclosures_by_rule_and_severity() {
    for test_db in backends().await {
        let test_db = test_db.with_sample().await;
        import_document(&test_db.db, "other", &sample_variant("另一局", 2020))
            .await
            .unwrap();
        let data = query(
            &test_db.schema(),
            r#"{ findingCounts(severity: ERROR) { rule severity findingCount disclosureCount }
                 findings(rule: PARTS_VERSUS_TOTAL, first: 10) { nodes { location disclosure { department { name } } } } }"#,
        )
        .await;
        assert!(data["findingCounts"].as_array().unwrap().contains(&json!({
            "rule": "PARTS_VERSUS_TOTAL", "severity": "ERROR", "findingCount": 2, "disclosureCount": 2
        })));
        assert!(
            data["findingCounts"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["severity"] == "ERROR")
        );
        let names: Vec<&str> = data["findings"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["disclosure"]["department"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["中共河北省大城县委办公室", "另一局"]);
        test_db.cleanup().await;
    }
}
