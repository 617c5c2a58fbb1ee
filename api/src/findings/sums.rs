//! Parts against their stated totals.

use rust_decimal::Decimal;

use super::tolerance::allowed_difference;
use super::{Finding, FindingRule, Severity};
use crate::document::DisclosureDocument;

/// A figure with its name and place in the document.
pub struct Figure<'a> {
    pub name: &'static str,
    pub location: &'a str,
    pub value: Option<Decimal>,
}

/// Records a finding when `total` and every part are stated and the parts miss the total by
/// more than rounding explains.
pub fn compare(
    findings: &mut Vec<Finding>,
    rule: FindingRule,
    total: Figure<'_>,
    parts: &[Figure<'_>],
) {
    let Some(stated) = total.value else { return };
    let Some(values) = parts
        .iter()
        .map(|p| p.value)
        .collect::<Option<Vec<Decimal>>>()
    else {
        return;
    };
    if values.is_empty() {
        return;
    }
    let sum: Decimal = values.iter().sum();
    let difference = (stated - sum).abs();
    let allowed = allowed_difference(stated, &values);
    if difference <= allowed {
        return;
    }
    let terms = parts
        .iter()
        .zip(&values)
        .map(|(p, v)| format!("{} {}", p.name, v.normalize()))
        .collect::<Vec<_>>()
        .join(" + ");
    findings.push(Finding {
        rule,
        severity: Severity::Error,
        message: format!(
            "{} {} ≠ {terms} = {} (off by {}; rounding allows {})",
            total.name,
            stated.normalize(),
            sum.normalize(),
            difference.normalize(),
            allowed.normalize()
        ),
        location: total.location.to_owned(),
        expected: Some(sum.normalize().to_string()),
        actual: Some(stated.normalize().to_string()),
    });
}

fn figure<'a>(name: &'static str, location: &'a str, value: Option<Decimal>) -> Figure<'a> {
    Figure {
        name,
        location,
        value,
    }
}

/// Categories of a fixed-asset table that are totals or breakdowns of another row.
fn is_total_row(category: &str) -> bool {
    ["资产总额", "合计", "总计"]
        .iter()
        .any(|t| category.contains(t))
}

fn is_breakdown_row(category: &str) -> bool {
    category.trim_start().starts_with("其中")
}

pub fn check(doc: &DisclosureDocument, findings: &mut Vec<Finding>) {
    use FindingRule::PartsVersusTotal as Parts;
    let (i, e, t) = (&doc.income, &doc.expenditure, &doc.three_public);
    compare(
        findings,
        Parts,
        figure("基本支出", "expenditure.basic", e.basic),
        &[
            figure("人员经费", "expenditure.personnel", e.personnel),
            figure(
                "日常公用经费",
                "expenditure.publicOperating",
                e.public_operating,
            ),
        ],
    );
    compare(
        findings,
        Parts,
        figure("支出合计", "expenditure.total", e.total),
        &[
            figure("基本支出", "expenditure.basic", e.basic),
            figure("项目支出", "expenditure.project", e.project),
        ],
    );
    let income_parts: Vec<Figure<'_>> = [
        (
            "一般公共预算",
            "income.generalPublicBudget",
            i.general_public_budget,
        ),
        ("政府性基金", "income.governmentFund", i.government_fund),
        ("国有资本经营", "income.stateCapital", i.state_capital),
        ("财政专户核拨", "income.specialAccount", i.special_account),
        ("上年结转", "income.carriedOver", i.carried_over),
        ("其他", "income.other", i.other),
    ]
    .into_iter()
    .filter(|(_, _, v)| v.is_some())
    .map(|(n, l, v)| figure(n, l, v))
    .collect();
    compare(
        findings,
        Parts,
        figure("收入合计", "income.total", i.total),
        &income_parts,
    );
    compare(
        findings,
        Parts,
        figure(
            "公务用车购置及运维费",
            "threePublic.vehicleTotal",
            t.vehicle_total,
        ),
        &[
            figure("购置费", "threePublic.vehiclePurchase", t.vehicle_purchase),
            figure(
                "运维费",
                "threePublic.vehicleOperation",
                t.vehicle_operation,
            ),
        ],
    );
    compare(
        findings,
        Parts,
        figure("“三公”经费", "threePublic.total", t.total),
        &[
            figure(
                "因公出国（境）费",
                "threePublic.outboundTravel",
                t.outbound_travel,
            ),
            figure(
                "公务用车购置及运维费",
                "threePublic.vehicleTotal",
                t.vehicle_total.or(vehicle_sum(doc)),
            ),
            figure("公务接待费", "threePublic.reception", t.reception),
        ],
    );

    let projects: Vec<Figure<'_>> = doc
        .projects
        .iter()
        .map(|p| figure("项目", "projects", p.amount))
        .collect();
    if !projects.is_empty() {
        let mut found = Vec::new();
        compare(
            &mut found,
            FindingRule::ProjectsVersusProjectExpenditure,
            figure("项目支出", "expenditure.project", e.project),
            &projects,
        );
        // The message names the count, not thirty terms.
        for mut finding in found {
            finding.message = format!(
                "the {} projects sum to {}, not the stated 项目支出 {}",
                projects.len(),
                finding.expected.as_deref().unwrap_or_default(),
                finding.actual.as_deref().unwrap_or_default()
            );
            findings.push(finding);
        }
    }

    let procurement: Vec<Figure<'_>> = doc
        .procurement
        .items
        .iter()
        .map(|p| figure("采购", "procurement.items", p.amount))
        .collect();
    compare(
        findings,
        Parts,
        figure("政府采购预算", "procurement.total", doc.procurement.total),
        &procurement,
    );

    check_fixed_assets(doc, findings);
}

fn vehicle_sum(doc: &DisclosureDocument) -> Option<Decimal> {
    Some(doc.three_public.vehicle_purchase? + doc.three_public.vehicle_operation?)
}

/// The fixed-asset table: its stated total against its category rows, and blank total rows.
fn check_fixed_assets(doc: &DisclosureDocument, findings: &mut Vec<Finding>) {
    let items = &doc.fixed_assets.items;
    let categories: Vec<Figure<'_>> = items
        .iter()
        .filter(|row| {
            !is_total_row(&row.category) && !is_breakdown_row(&row.category) && row.value.is_some()
        })
        .map(|row| figure("资产", "fixedAssets.items", row.value))
        .collect();
    if !categories.is_empty() {
        compare(
            findings,
            FindingRule::PartsVersusTotal,
            figure("固定资产总额", "fixedAssets.total", doc.fixed_assets.total),
            &categories,
        );
    }
    for (n, row) in items.iter().enumerate() {
        if is_total_row(&row.category) && row.value.is_none() && !categories.is_empty() {
            findings.push(Finding {
                rule: FindingRule::BlankTotalRow,
                severity: Severity::Warning,
                message: format!("the total row “{}” of the fixed-asset table is blank while its rows hold values", row.category),
                location: format!("fixedAssets.items[{n}]"),
                expected: doc.fixed_assets.total.map(|t| t.normalize().to_string()),
                actual: None,
            });
        }
    }
}
