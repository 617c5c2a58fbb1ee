//! Changes on last year: against each other, against the stated percent, and against the
//! stored previous year.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::sums::{Figure, compare};
use super::tolerance::allowed_difference;
use super::{Finding, FindingRule, Severity};
use crate::document::{BudgetItem, DisclosureDocument};
use crate::labels::Label;

/// The stored disclosure of the year before: its figures, in the current document's unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousYear {
    pub fiscal_year: i32,
    pub figures: HashMap<BudgetItem, Decimal>,
}

impl PreviousYear {
    /// The figures an earlier document states (in its unit, which must be the later one's).
    pub fn from_document(doc: &DisclosureDocument) -> Self {
        let figures = BudgetItem::ALL
            .iter()
            .filter_map(|(item, _)| figure_of(doc, *item).map(|v| (*item, v)))
            .collect();
        PreviousYear {
            fiscal_year: doc.fiscal_year,
            figures,
        }
    }
}

/// A figure of the document by the item that names it.
pub fn figure_of(doc: &DisclosureDocument, item: BudgetItem) -> Option<Decimal> {
    let (i, e, t) = (&doc.income, &doc.expenditure, &doc.three_public);
    match item {
        BudgetItem::IncomeTotal => i.total,
        BudgetItem::ExpenditureTotal => e.total,
        BudgetItem::Basic => e.basic,
        BudgetItem::Personnel => e.personnel,
        BudgetItem::PublicOperating => e.public_operating,
        BudgetItem::Project => e.project,
        BudgetItem::OperatingCost => doc.operating_cost,
        BudgetItem::ThreePublicTotal => t.total,
        BudgetItem::OutboundTravel => t.outbound_travel,
        BudgetItem::VehicleTotal => t.vehicle_total,
        BudgetItem::VehiclePurchase => t.vehicle_purchase,
        BudgetItem::VehicleOperation => t.vehicle_operation,
        BudgetItem::Reception => t.reception,
    }
}

/// Items whose change is the sum of their parts' changes.
const COMPOSITES: &[(BudgetItem, &[BudgetItem])] = &[
    (
        BudgetItem::ExpenditureTotal,
        &[BudgetItem::Basic, BudgetItem::Project],
    ),
    (
        BudgetItem::Basic,
        &[BudgetItem::Personnel, BudgetItem::PublicOperating],
    ),
    (
        BudgetItem::VehicleTotal,
        &[BudgetItem::VehiclePurchase, BudgetItem::VehicleOperation],
    ),
    (
        BudgetItem::ThreePublicTotal,
        &[
            BudgetItem::OutboundTravel,
            BudgetItem::VehicleTotal,
            BudgetItem::Reception,
        ],
    ),
];

/// The Chinese name of an item, for messages.
pub fn item_name(item: BudgetItem) -> &'static str {
    match item {
        BudgetItem::IncomeTotal => "收入合计",
        BudgetItem::ExpenditureTotal => "支出合计",
        BudgetItem::Basic => "基本支出",
        BudgetItem::Personnel => "人员经费",
        BudgetItem::PublicOperating => "日常公用经费",
        BudgetItem::Project => "项目支出",
        BudgetItem::OperatingCost => "机关运行经费",
        BudgetItem::ThreePublicTotal => "“三公”经费",
        BudgetItem::OutboundTravel => "因公出国（境）费",
        BudgetItem::VehicleTotal => "公务用车购置及运维费",
        BudgetItem::VehiclePurchase => "公务用车购置费",
        BudgetItem::VehicleOperation => "公务用车运维费",
        BudgetItem::Reception => "公务接待费",
    }
}

pub fn check(
    doc: &DisclosureDocument,
    previous: Option<&PreviousYear>,
    findings: &mut Vec<Finding>,
) {
    let mut stated: HashMap<BudgetItem, (usize, Decimal)> = HashMap::new();
    for (n, change) in doc.stated_changes.iter().enumerate() {
        if let Some(amount) = change.amount {
            stated.entry(change.item).or_insert((n, amount));
        }
    }
    let locations: HashMap<BudgetItem, String> = stated
        .iter()
        .map(|(item, (n, _))| (*item, format!("statedChanges[{n}].amount")))
        .collect();

    for (whole, parts) in COMPOSITES {
        let Some(whole_location) = locations.get(whole) else {
            continue;
        };
        let part_figures: Vec<Figure<'_>> = parts
            .iter()
            .map(|p| Figure {
                name: item_name(*p),
                location: "",
                value: stated.get(p).map(|(_, a)| *a),
            })
            .collect();
        let total = Figure {
            name: item_name(*whole),
            location: whole_location,
            value: stated.get(whole).map(|(_, a)| *a),
        };
        let mut found = Vec::new();
        compare(
            &mut found,
            FindingRule::StatedChangeContradiction,
            total,
            &part_figures,
        );
        for mut finding in found {
            finding.message = format!("the stated change of {}", finding.message);
            findings.push(finding);
        }
    }

    for (n, change) in doc.stated_changes.iter().enumerate() {
        let (Some(amount), Some(current)) = (change.amount, figure_of(doc, change.item)) else {
            continue;
        };
        let implied_previous = current - amount;
        if let Some(percent) = change.percent {
            check_percent(findings, n, change.item, amount, implied_previous, percent);
        }
        let Some(previous) = previous else { continue };
        if change
            .previous_year
            .is_some_and(|y| y != previous.fiscal_year)
        {
            continue;
        }
        let Some(stored) = previous.figures.get(&change.item) else {
            continue;
        };
        let computed = current - stored;
        let allowed = allowed_difference(amount, &[current, *stored]);
        if (computed - amount).abs() > allowed {
            findings.push(Finding {
                rule: FindingRule::StatedChangeVersusPreviousYear,
                severity: Severity::Error,
                message: format!(
                    "{} is stated to change by {} on {}, but the stored {} figure {} gives {}",
                    item_name(change.item),
                    amount.normalize(),
                    previous.fiscal_year,
                    previous.fiscal_year,
                    stored.normalize(),
                    computed.normalize()
                ),
                location: format!("statedChanges[{n}].amount"),
                expected: Some(computed.normalize().to_string()),
                actual: Some(amount.normalize().to_string()),
            });
        }
    }
}

/// A stated percent against the stated amount and the previous value it implies.
fn check_percent(
    findings: &mut Vec<Finding>,
    n: usize,
    item: BudgetItem,
    amount: Decimal,
    previous: Decimal,
    percent: Decimal,
) {
    if previous <= Decimal::ZERO {
        return;
    }
    let Some(expected) = amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|a| a.checked_div(previous))
    else {
        return;
    };
    let half_ulp = |d: Decimal| Decimal::new(5, d.normalize().scale() + 1);
    let relative = |d: Decimal| {
        if d.is_zero() {
            Decimal::ZERO
        } else {
            half_ulp(d) / d.abs()
        }
    };
    let allowed = half_ulp(percent) + expected.abs() * (relative(amount) + relative(previous));
    if (expected - percent).abs() <= allowed {
        return;
    }
    findings.push(Finding {
        rule: FindingRule::StatedChangeContradiction,
        severity: Severity::Error,
        message: format!(
            "{} is stated to change by {} ({}%), but {} on the implied previous {} is {}%",
            item_name(item),
            amount.normalize(),
            percent.normalize(),
            amount.normalize(),
            previous.normalize(),
            expected.round_dp(2).normalize()
        ),
        location: format!("statedChanges[{n}].percent"),
        expected: Some(expected.round_dp(2).normalize().to_string()),
        actual: Some(percent.normalize().to_string()),
    });
}
