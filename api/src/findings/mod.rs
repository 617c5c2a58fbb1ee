//! 数据质量: checks an imported disclosure against itself (and the stored previous year) and
//! records every problem as a finding. The store keeps what the document says; findings say
//! where it contradicts itself. Nothing is ever "fixed" silently.

mod changes;
mod indicators;
mod sums;
mod tolerance;

use serde::{Deserialize, Serialize};

use crate::document::DisclosureDocument;

pub use changes::PreviousYear;

/// What a finding checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingRule {
    /// Parts do not add up to their stated total (基本支出 = 人员经费 + 日常公用经费, 三公 = its items…),
    /// beyond the rounding the source's own precision allows.
    PartsVersusTotal,
    /// The projects' amounts do not add up to 项目支出.
    ProjectsVersusProjectExpenditure,
    /// A stated change on last year contradicts the changes stated for its parts.
    StatedChangeContradiction,
    /// A stated change on last year disagrees with the stored previous year.
    StatedChangeVersusPreviousYear,
    /// An amount or unit is implausible (a population of "50人" where 50万人 is meant…).
    ImplausibleMagnitude,
    /// A performance indicator has no target value (指标值).
    EmptyTarget,
    /// A section or sentence is cut off.
    TruncatedText,
    /// A total row of a table is blank while its rows hold values.
    BlankTotalRow,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    /// The document contradicts itself: figures cannot all be right.
    Error,
    /// Probably wrong or incomplete; worth a look.
    Warning,
    /// Worth knowing; often harmless.
    Info,
}

/// One problem found in a disclosure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: FindingRule,
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where: a field path of the import document (`expenditure.basic`, `projects[10].indicators[5]`).
    pub location: String,
    /// The value the rule expected (decimal text, in the document's unit), if it has one.
    pub expected: Option<String>,
    /// The value the document states, if it has one.
    pub actual: Option<String>,
}

/// Every finding for `doc`; `previous` is the stored disclosure of the year before, if any.
pub fn check(doc: &DisclosureDocument, previous: Option<&PreviousYear>) -> Vec<Finding> {
    let mut findings = Vec::new();
    sums::check(doc, &mut findings);
    changes::check(doc, previous, &mut findings);
    indicators::check(doc, &mut findings);
    findings
}
