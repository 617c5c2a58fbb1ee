//! Reading disclosures as published (plain text) into the import document.
//!
//! The parser reads the genre, not one template: the Hebei county 部门预算信息公开情况说明 with
//! its nine sections and project tables, pages that hold only a "三公" table and its
//! explanation, final accounts (决算) with 预算数/决算数 columns, municipal 单位预算情况说明, tables
//! flattened to one cell per line or `|`-separated, amounts in 万元 or 元, full-width or ASCII
//! punctuation. What the text does not state stays `None`; anything skipped or guessed becomes
//! a [`ParseWarning`] with its line. It never panics and runs in linear time.
//!
//! The steps, one file each:
//! - `normalise`: folding punctuation and whitespace for matching;
//! - `sections`: lines, headings, sections and paragraphs;
//! - `tables`: table rows (tabs, `|`, one cell per line);
//! - `numbers`: amounts, units and exact decimals;
//! - `title`: department, fiscal year and stage;
//! - `lexicon` and `narrative`: the figures and stated changes of the running text;
//! - `figures`: income, expenditure, 机关运行经费 and function classes;
//! - `three_public`: "三公" figures, including its tables;
//! - `changes`: stated changes against the previous year;
//! - `organisation`: duties and the units table;
//! - `performance`: overall and itemised performance goals;
//! - `projects`: the project indicator tables;
//! - `staff`: staff in service;
//! - `procurement` and `assets`: the procurement and fixed-asset tables.
//!
//! Tests: `tests` (the bundled sample against its hand-checked JSON, field by field),
//! `tests_real` (ten real texts in `testdata/real/`), `tests_genre` (other layouts) and
//! `tests_robust` (property tests: no panic, linear time).

mod assets;
mod changes;
mod figures;
mod lexicon;
mod narrative;
mod normalise;
mod numbers;
mod organisation;
mod performance;
mod procurement;
mod projects;
mod sections;
mod staff;
mod tables;
mod three_public;
mod title;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_genre;
#[cfg(test)]
mod tests_real;
#[cfg(test)]
mod tests_robust;

use crate::document::{DepartmentInfo, DisclosureDocument, Stage};
use crate::money::MoneyUnit;

use sections::Lines;

/// What the user states about a text, overriding what the text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--department NAME`.
    pub department: Option<String>,
    /// `--year YYYY`.
    pub fiscal_year: Option<i32>,
    /// `--stage STAGE`.
    pub stage: Option<Stage>,
}

/// Something the parser noticed but could work around, with the line (1-based) it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWarning {
    /// The line (1-based; 0 for the whole text).
    pub line: usize,
    /// What was skipped or guessed, and why.
    pub message: String,
}

/// A text that cannot be read as a disclosure: the line (1-based, 0 for the whole text) and the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ParseError {
    /// The line (1-based; 0 for the whole text).
    pub line: usize,
    /// What is missing or wrong.
    pub problem: String,
}

/// A parsed disclosure with the parser's warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDisclosure {
    /// The import document.
    pub document: DisclosureDocument,
    /// What the parser skipped or guessed, in line order.
    pub warnings: Vec<ParseWarning>,
}

/// Most warnings kept for one text; a garbage text of 100 000 lines should not produce a
/// million warnings.
const MAX_WARNINGS: usize = 2_000;

/// The warnings collected while parsing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Warnings {
    list: Vec<ParseWarning>,
    dropped: usize,
}

impl Warnings {
    /// Records a warning for `line`.
    pub(crate) fn push(&mut self, line: usize, message: impl Into<String>) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(ParseWarning {
                line,
                message: message.into(),
            });
        } else {
            self.dropped += 1;
        }
    }

    /// The warnings in line order (stable), with a note on any that were dropped.
    fn finish(mut self) -> Vec<ParseWarning> {
        self.list.sort_by_key(|w| w.line);
        if self.dropped > 0 {
            self.list.push(ParseWarning {
                line: 0,
                message: format!("{} more warnings were left out", self.dropped),
            });
        }
        self.list
    }
}

/// What every step needs to know about the text being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Context {
    /// The fiscal year of the disclosure.
    pub fiscal_year: i32,
    /// The stage of the disclosure.
    pub stage: Stage,
    /// The unit every amount of the document is stated in.
    pub unit: MoneyUnit,
}

/// Parses a disclosure text. Never panics.
pub fn parse_disclosure(text: &str, overrides: &Overrides) -> Result<ParsedDisclosure, ParseError> {
    let mut warnings = Warnings::default();
    let lines = Lines::new(text);
    if lines.lines.iter().all(|l| l.key.is_empty()) {
        return Err(ParseError {
            line: 0,
            problem: "the text is empty".to_owned(),
        });
    }
    let head = title::read_title(&lines, &mut warnings);

    let department = overrides
        .department
        .clone()
        .or_else(|| head.department.clone());
    let fiscal_year = overrides.fiscal_year.or(head.year);
    let stage = overrides.stage.or(head.stage);
    let (Some(department), Some(fiscal_year), Some(stage)) =
        (department.clone(), fiscal_year, stage)
    else {
        let mut missing = Vec::new();
        if department.is_none() {
            missing.push("the text names no department (no title or heading line names one); pass --department NAME");
        }
        if fiscal_year.is_none() {
            missing.push("the text states no fiscal year (no title or heading line names one); pass --year YYYY");
        }
        if stage.is_none() {
            missing.push("the text does not say whether it is a budget (预算) or final accounts (决算); pass --stage STAGE");
        }
        return Err(ParseError {
            line: head.line.unwrap_or(0),
            problem: missing.join("; "),
        });
    };
    if let (Some(given), Some(read)) = (&overrides.department, &head.department)
        && given != read
    {
        warnings.push(
            head.line.unwrap_or(0),
            format!("the text names the department \"{read}\"; --department \"{given}\" is used"),
        );
    }
    if let (Some(given), Some(read)) = (overrides.fiscal_year, head.year)
        && given != read
    {
        warnings.push(
            head.line.unwrap_or(0),
            format!("the text states the year {read}; --year {given} is used"),
        );
    }

    let unit = figures::document_unit(&lines, &mut warnings);
    let cx = Context {
        fiscal_year,
        stage,
        unit,
    };
    let paras = lines.paragraphs();
    if let Some(last) = lines
        .lines
        .iter()
        .rev()
        .find(|l| l.kind != sections::LineKind::Blank)
    {
        match last.kind {
            sections::LineKind::Text
                if !sections::ends_sentence(&last.key) && last.key.chars().count() > 6 =>
            {
                warnings.push(
                    last.no,
                    "the text ends mid-sentence here; it may be cut off",
                );
            }
            sections::LineKind::Heading(_) if !sections::ends_sentence(&last.key) => {
                warnings.push(
                    last.no,
                    "the text ends with a heading and nothing under it; it may be cut off",
                );
            }
            _ => {}
        }
    }

    let facts = narrative::read(&lines, &paras, &cx, &mut warnings);
    let mut document = DisclosureDocument {
        department: DepartmentInfo {
            name: department,
            region: None,
            unit_nature: None,
            rank: None,
            funding_form: None,
            duties: None,
        },
        fiscal_year,
        stage,
        amount_unit: unit,
        title: head.title.clone(),
        units: Vec::new(),
        income: Default::default(),
        expenditure: Default::default(),
        expenditure_lines: Vec::new(),
        stated_changes: Vec::new(),
        operating_cost: None,
        three_public: Default::default(),
        staff_in_service: None,
        performance: Default::default(),
        projects: Vec::new(),
        procurement: Default::default(),
        fixed_assets: Default::default(),
    };

    let tables = tables::blocks(&lines);
    let mut values = facts.values;
    figures::read_tables(&lines, &tables, &cx, &mut values, &mut warnings);
    three_public::read_tables(&lines, &tables, &cx, &mut values, &mut warnings);
    figures::apply(&values, &mut document);
    three_public::apply(&values, &mut document.three_public);
    document.expenditure_lines =
        figures::function_lines(&lines, &tables, &paras, &cx, &mut warnings);
    document.stated_changes = changes::finish(facts.changes, &cx);

    organisation::read(&lines, &tables, &paras, &mut document, &mut warnings);
    document.performance = performance::read(&lines, &paras, &mut warnings);
    document.projects = projects::read(&lines, &tables, &cx, &mut warnings);
    document.staff_in_service = staff::read(&paras, &lines, &document.projects, &mut warnings);
    document.procurement = procurement::read(&lines, &tables, &paras, &cx, &mut warnings);
    document.fixed_assets = assets::read(&lines, &tables, &paras, &cx, &mut warnings);

    Ok(ParsedDisclosure {
        document,
        warnings: warnings.finish(),
    })
}
