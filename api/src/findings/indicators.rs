//! Performance indicators and goal texts: empty targets, implausible units, cut-off text.

use super::{Finding, FindingRule, Severity};
use crate::document::DisclosureDocument;
use crate::import::target::parse_target;

/// Below this many, a population counted in 人 is implausible for a county (50人 for 全县人口).
const IMPLAUSIBLE_POPULATION: u32 = 1000;

/// Characters that end a complete sentence.
const SENTENCE_ENDS: &[char] = &[
    '。', '！', '？', '；', '.', '!', '?', ';', '」', '”', '）', ')',
];

pub fn check(doc: &DisclosureDocument, findings: &mut Vec<Finding>) {
    for (p, project) in doc.projects.iter().enumerate() {
        for (k, row) in project.indicators.iter().enumerate() {
            let location = format!("projects[{p}].indicators[{k}]");
            let label = row
                .level3
                .as_deref()
                .or(row.description.as_deref())
                .unwrap_or(&row.level1);
            match row.target.as_deref().map(str::trim) {
                None | Some("") => findings.push(Finding {
                    rule: FindingRule::EmptyTarget,
                    severity: Severity::Warning,
                    message: format!(
                        "indicator “{label}” of project “{}” has no target value",
                        project.name
                    ),
                    location: format!("{location}.target"),
                    expected: None,
                    actual: None,
                }),
                Some(target) => {
                    check_population_unit(findings, &location, project.name.as_str(), row, target)
                }
            }
        }
        if let Some(goal) = project.goal.as_deref() {
            check_cut_off(
                findings,
                &format!("projects[{p}].goal"),
                &format!("the goal of project “{}”", project.name),
                goal,
            );
        }
    }
    for (n, goal) in doc.performance.sub_goals.iter().enumerate() {
        let empty = goal.goal.is_none() && goal.indicator.is_none();
        let short = goal
            .description
            .as_deref()
            .is_none_or(|d| d.chars().count() <= 4);
        if empty && short {
            findings.push(Finding {
                rule: FindingRule::TruncatedText,
                severity: Severity::Warning,
                message: format!(
                    "the performance goal “{}” is cut off: “{}”, with no goal or indicator",
                    goal.name,
                    goal.description.as_deref().unwrap_or_default()
                ),
                location: format!("performance.subGoals[{n}]"),
                expected: None,
                actual: goal.description.clone(),
            });
        }
    }
}

/// 受益人口数 of "50人" where every other row says 50万人: a population needs 万人 at this size.
fn check_population_unit(
    findings: &mut Vec<Finding>,
    location: &str,
    project: &str,
    row: &crate::document::Indicator,
    target: &str,
) {
    let staff = row.basis.as_deref().is_some_and(|b| b.contains("在职"));
    let about_population = !staff
        && [
            row.level3.as_deref(),
            row.description.as_deref(),
            row.basis.as_deref(),
        ]
        .iter()
        .flatten()
        .any(|text| text.contains("人口"));
    let parsed = parse_target(target);
    let small = parsed
        .value
        .is_some_and(|v| v < rust_decimal::Decimal::from(IMPLAUSIBLE_POPULATION));
    if about_population && small && parsed.unit.as_deref() == Some("人") {
        findings.push(Finding {
            rule: FindingRule::ImplausibleMagnitude,
            severity: Severity::Warning,
            message: format!("a population of “{target}” in project “{project}” is implausibly small; 万人 may be meant"),
            location: format!("{location}.target"),
            expected: None,
            actual: Some(target.to_owned()),
        });
    }
}

/// A text that stops mid-word: no sentence end, and the source's other texts of its kind end in one.
fn check_cut_off(findings: &mut Vec<Finding>, location: &str, what: &str, text: &str) {
    let trimmed = text.trim_end();
    if trimmed.ends_with(SENTENCE_ENDS) || trimmed.chars().count() < 20 {
        return;
    }
    findings.push(Finding {
        rule: FindingRule::TruncatedText,
        severity: Severity::Info,
        message: format!(
            "{what} ends without a sentence end and may be cut off: “…{}”",
            tail(trimmed, 12)
        ),
        location: location.to_owned(),
        expected: None,
        actual: Some(tail(trimmed, 12)),
    });
}

fn tail(text: &str, chars: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(chars)).collect()
}
