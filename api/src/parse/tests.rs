//! The bundled sample: parsing its published text gives the hand-checked JSON document, field
//! by field (except `department.region`, which the text cannot state). Each part is compared on
//! its own so that a failure names the field that differs.

use crate::document::{DisclosureDocument, parse_document};
use crate::sample::{SAMPLE_JSON, SAMPLE_TEXT};

use super::{Overrides, ParsedDisclosure, parse_disclosure};

/// The hand-checked document, without the region the text cannot state.
fn expected() -> DisclosureDocument {
    match parse_document("sample", SAMPLE_JSON) {
        Ok(mut doc) => {
            doc.department.region = None;
            doc
        }
        Err(e) => panic!("the sample JSON does not load: {e}"),
    }
}

fn parsed() -> ParsedDisclosure {
    match parse_disclosure(SAMPLE_TEXT, &Overrides::default()) {
        Ok(p) => p,
        Err(e) => panic!("the sample text does not parse: {e}"),
    }
}

fn actual() -> DisclosureDocument {
    parsed().document
}

#[test]
fn sample_title_department_year_stage_and_unit() {
    let (a, e) = (actual(), expected());
    assert_eq!(a.department.name, e.department.name, "department.name");
    assert_eq!(
        a.department.unit_nature, e.department.unit_nature,
        "department.unitNature"
    );
    assert_eq!(a.department.rank, e.department.rank, "department.rank");
    assert_eq!(
        a.department.funding_form, e.department.funding_form,
        "department.fundingForm"
    );
    assert_eq!(a.fiscal_year, e.fiscal_year, "fiscalYear");
    assert_eq!(a.stage, e.stage, "stage");
    assert_eq!(a.amount_unit, e.amount_unit, "amountUnit");
    assert_eq!(a.title, e.title, "title");
}

#[test]
fn sample_duties_and_units() {
    let (a, e) = (actual(), expected());
    assert_eq!(
        a.department.duties, e.department.duties,
        "department.duties"
    );
    assert_eq!(a.units, e.units, "units");
}

#[test]
fn sample_income_expenditure_and_operating_cost() {
    let (a, e) = (actual(), expected());
    assert_eq!(a.income, e.income, "income");
    assert_eq!(a.expenditure, e.expenditure, "expenditure");
    assert_eq!(a.operating_cost, e.operating_cost, "operatingCost");
    assert_eq!(a.expenditure_lines, e.expenditure_lines, "expenditureLines");
}

#[test]
fn sample_three_public() {
    assert_eq!(
        actual().three_public,
        expected().three_public,
        "threePublic"
    );
}

#[test]
fn sample_stated_changes() {
    let (a, e) = (actual(), expected());
    for (i, want) in e.stated_changes.iter().enumerate() {
        assert_eq!(a.stated_changes.get(i), Some(want), "statedChanges[{i}]");
    }
    assert_eq!(
        a.stated_changes.len(),
        e.stated_changes.len(),
        "statedChanges: {:#?}",
        a.stated_changes
    );
}

#[test]
fn sample_staff_in_service_is_inferred_with_a_warning() {
    let p = parsed();
    assert_eq!(
        p.document.staff_in_service,
        expected().staff_in_service,
        "staffInService"
    );
    assert!(
        p.warnings
            .iter()
            .any(|w| w.message.contains("在职人数") && w.message.contains("inferred")),
        "{:?}",
        p.warnings
    );
}

#[test]
fn sample_performance_goals() {
    let (a, e) = (actual().performance, expected().performance);
    assert_eq!(a.overall_goal, e.overall_goal, "performance.overallGoal");
    for (i, want) in e.sub_goals.iter().enumerate() {
        let got = a.sub_goals.get(i);
        assert_eq!(
            got.map(|g| &g.name),
            Some(&want.name),
            "performance.subGoals[{i}].name"
        );
        assert_eq!(
            got.map(|g| &g.description),
            Some(&want.description),
            "performance.subGoals[{i}].description"
        );
        assert_eq!(
            got.map(|g| &g.goal),
            Some(&want.goal),
            "performance.subGoals[{i}].goal"
        );
        assert_eq!(
            got.map(|g| &g.indicator),
            Some(&want.indicator),
            "performance.subGoals[{i}].indicator"
        );
    }
    assert_eq!(a.sub_goals.len(), e.sub_goals.len(), "performance.subGoals");
}

#[test]
fn sample_projects_and_every_indicator_row() {
    let (a, e) = (actual(), expected());
    for (i, want) in e.projects.iter().enumerate() {
        let Some(got) = a.projects.get(i) else {
            panic!("projects[{i}] ({}) is missing", want.name);
        };
        assert_eq!(got.name, want.name, "projects[{i}].name");
        assert_eq!(
            got.amount, want.amount,
            "projects[{i}] ({}).amount",
            want.name
        );
        assert_eq!(got.goal, want.goal, "projects[{i}] ({}).goal", want.name);
        for (j, row) in want.indicators.iter().enumerate() {
            assert_eq!(
                got.indicators.get(j),
                Some(row),
                "projects[{i}] ({}).indicators[{j}]",
                want.name
            );
        }
        assert_eq!(
            got.indicators.len(),
            want.indicators.len(),
            "projects[{i}] ({}).indicators",
            want.name
        );
    }
    assert_eq!(a.projects.len(), e.projects.len(), "projects");
    assert_eq!(a.projects.len(), 30);
    assert_eq!(
        a.projects.iter().map(|p| p.indicators.len()).sum::<usize>(),
        202
    );
}

#[test]
fn sample_procurement() {
    let (a, e) = (actual().procurement, expected().procurement);
    assert_eq!(a.total, e.total, "procurement.total");
    for (i, want) in e.items.iter().enumerate() {
        assert_eq!(a.items.get(i), Some(want), "procurement.items[{i}]");
    }
    assert_eq!(a.items.len(), e.items.len(), "procurement.items");
}

#[test]
fn sample_fixed_assets() {
    let (a, e) = (actual().fixed_assets, expected().fixed_assets);
    assert_eq!(a.total, e.total, "fixedAssets.total");
    assert_eq!(a.as_of, e.as_of, "fixedAssets.asOf");
    for (i, want) in e.items.iter().enumerate() {
        assert_eq!(a.items.get(i), Some(want), "fixedAssets.items[{i}]");
    }
    assert_eq!(a.items.len(), e.items.len(), "fixedAssets.items");
}

#[test]
fn sample_text_gives_the_hand_checked_document() {
    assert_eq!(actual(), expected());
}

#[test]
fn sample_warnings_name_their_lines() {
    let p = parsed();
    // 4. 保密机要事务管理：涉密 — cut off mid-sentence.
    assert!(
        p.warnings
            .iter()
            .any(|w| w.line == 100 && w.message.contains("cut off")),
        "{:?}",
        p.warnings
    );
    assert!(
        p.warnings
            .iter()
            .all(|w| w.line <= SAMPLE_TEXT.lines().count())
    );
}

#[test]
fn overrides_win_over_the_text() {
    let given = Overrides {
        department: Some("大城县委办".to_owned()),
        fiscal_year: Some(2021),
        stage: Some(crate::document::Stage::AdjustedBudget),
    };
    let p = match parse_disclosure(SAMPLE_TEXT, &given) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(p.document.department.name, "大城县委办");
    assert_eq!(p.document.fiscal_year, 2021);
    assert_eq!(p.document.stage, crate::document::Stage::AdjustedBudget);
    assert!(
        p.warnings
            .iter()
            .any(|w| w.message.contains("--department"))
    );
    assert!(p.warnings.iter().any(|w| w.message.contains("--year")));
}
