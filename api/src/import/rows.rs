//! Checks a document and turns it into database rows: amounts into 分, text within the
//! column limits. Every problem names the field path (`projects[3].amount`).

use std::fmt;

use rust_decimal::Decimal;
use sea_orm::ActiveValue::{self, NotSet, Set};

use entity::{
    disclosure, expenditure_line, fixed_asset, performance_goal, performance_indicator,
    procurement_item, project, stated_change,
};

use super::target::parse_target;
use crate::document::{DisclosureDocument, DocumentError};
use crate::labels::Label;
use crate::money::MoneyUnit;

/// The rows of one disclosure, ready to insert once the department's id is known.
pub struct DisclosureRows {
    pub disclosure: disclosure::ActiveModel,
    pub children: ChildRows,
}

/// The rows that belong to the disclosure, ready once its id is known.
pub struct ChildRows {
    pub stated_changes: Vec<stated_change::ActiveModel>,
    pub expenditure_lines: Vec<expenditure_line::ActiveModel>,
    pub performance_goals: Vec<performance_goal::ActiveModel>,
    pub projects: Vec<(
        project::ActiveModel,
        Vec<performance_indicator::ActiveModel>,
    )>,
    pub procurement_items: Vec<procurement_item::ActiveModel>,
    pub fixed_assets: Vec<fixed_asset::ActiveModel>,
}

/// Years a disclosure can plausibly cover.
const FISCAL_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Checks values against the format's rules and the columns' limits.
pub struct Checker<'a> {
    document: &'a str,
    unit: MoneyUnit,
}

impl<'a> Checker<'a> {
    pub fn new(document: &'a str, unit: MoneyUnit) -> Self {
        Self { document, unit }
    }

    /// An error at `path` of this document.
    pub fn invalid(&self, path: impl fmt::Display, problem: String) -> DocumentError {
        DocumentError::Invalid {
            document: self.document.to_owned(),
            path: path.to_string(),
            problem,
        }
    }

    /// An amount in the document's unit, as 分.
    pub fn fen(
        &self,
        path: impl fmt::Display,
        amount: Option<Decimal>,
    ) -> Result<Option<i64>, DocumentError> {
        amount
            .map(|a| self.unit.to_fen(a))
            .transpose()
            .map_err(|e| self.invalid(&path, e.to_string()))
    }

    /// An amount that cannot be negative.
    pub fn non_negative_fen(
        &self,
        path: impl fmt::Display,
        amount: Option<Decimal>,
    ) -> Result<Option<i64>, DocumentError> {
        match self.fen(&path, amount)? {
            Some(fen) if fen < 0 => Err(self.invalid(
                path,
                format!("{} must not be negative", amount.unwrap_or_default()),
            )),
            other => Ok(other),
        }
    }

    /// Text that must fit a column of `max` characters; blank text counts as absent.
    pub fn text(
        &self,
        path: impl fmt::Display,
        value: &Option<String>,
        max: usize,
    ) -> Result<Option<String>, DocumentError> {
        self.checked_text(path, value.as_deref(), max)
    }

    fn checked_text(
        &self,
        path: impl fmt::Display,
        value: Option<&str>,
        max: usize,
    ) -> Result<Option<String>, DocumentError> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            // A text of at most `max` bytes has at most `max` characters: no need to count.
            Some(text) if text.len() > max && text.chars().count() > max => Err(self.invalid(
                path,
                format!(
                    "{} characters where at most {max} fit",
                    text.chars().count()
                ),
            )),
            Some(text) => Ok(Some(text.to_owned())),
        }
    }

    /// Text that must be present and fit `max` characters.
    pub fn required_text(
        &self,
        path: impl fmt::Display,
        value: &str,
        max: usize,
    ) -> Result<String, DocumentError> {
        self.checked_text(&path, Some(value), max)?
            .ok_or_else(|| self.invalid(&path, "must not be empty".to_owned()))
    }

    pub fn fiscal_year(&self, path: impl fmt::Display, year: i32) -> Result<i32, DocumentError> {
        if FISCAL_YEARS.contains(&year) {
            Ok(year)
        } else {
            Err(self.invalid(
                path,
                format!("{year} is not a plausible fiscal year ({FISCAL_YEARS:?})"),
            ))
        }
    }

    pub fn count(
        &self,
        path: impl fmt::Display,
        value: Option<i32>,
    ) -> Result<Option<i32>, DocumentError> {
        match value {
            Some(n) if n < 0 => Err(self.invalid(path, format!("{n} must not be negative"))),
            other => Ok(other),
        }
    }

    /// The length of a list, as stored.
    pub fn list_length(
        &self,
        path: impl fmt::Display,
        length: usize,
    ) -> Result<i32, DocumentError> {
        i32::try_from(length)
            .map_err(|_| self.invalid(path, format!("{length} entries are too many")))
    }
}

/// Unlimited text (TEXT columns): still bounded, so a runaway document is refused clearly.
const LONG_TEXT: usize = 60_000;

/// Builds the rows of `doc`, with `source_hash` identifying its content.
pub fn disclosure_rows(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
    source_hash: &str,
) -> Result<DisclosureRows, DocumentError> {
    let (i, e, t) = (&doc.income, &doc.expenditure, &doc.three_public);
    let projects = projects(check, doc)?;
    let project_amount_total_fen = project_amount_total(check, &projects)?;
    let disclosure = disclosure::ActiveModel {
        id: NotSet,
        department_id: NotSet,
        fiscal_year: Set(check.fiscal_year("fiscalYear", doc.fiscal_year)?),
        stage: Set(doc.stage.label().to_owned()),
        amount_unit: Set(doc.amount_unit.label().to_owned()),
        title: Set(check.text("title", &doc.title, LONG_TEXT)?),
        source_hash: Set(source_hash.to_owned()),
        income_total_fen: Set(check.non_negative_fen("income.total", i.total)?),
        income_general_public_budget_fen: Set(
            check.non_negative_fen("income.generalPublicBudget", i.general_public_budget)?
        ),
        income_government_fund_fen: Set(
            check.non_negative_fen("income.governmentFund", i.government_fund)?
        ),
        income_state_capital_fen: Set(
            check.non_negative_fen("income.stateCapital", i.state_capital)?
        ),
        income_special_account_fen: Set(
            check.non_negative_fen("income.specialAccount", i.special_account)?
        ),
        income_carried_over_fen: Set(check.non_negative_fen("income.carriedOver", i.carried_over)?),
        income_other_fen: Set(check.non_negative_fen("income.other", i.other)?),
        expenditure_total_fen: Set(check.non_negative_fen("expenditure.total", e.total)?),
        expenditure_basic_fen: Set(check.non_negative_fen("expenditure.basic", e.basic)?),
        expenditure_personnel_fen: Set(
            check.non_negative_fen("expenditure.personnel", e.personnel)?
        ),
        expenditure_public_operating_fen: Set(
            check.non_negative_fen("expenditure.publicOperating", e.public_operating)?
        ),
        expenditure_project_fen: Set(check.non_negative_fen("expenditure.project", e.project)?),
        operating_cost_fen: Set(check.non_negative_fen("operatingCost", doc.operating_cost)?),
        three_public_total_fen: Set(check.non_negative_fen("threePublic.total", t.total)?),
        outbound_travel_fen: Set(
            check.non_negative_fen("threePublic.outboundTravel", t.outbound_travel)?
        ),
        vehicle_total_fen: Set(check.non_negative_fen("threePublic.vehicleTotal", t.vehicle_total)?),
        vehicle_purchase_fen: Set(
            check.non_negative_fen("threePublic.vehiclePurchase", t.vehicle_purchase)?
        ),
        vehicle_operation_fen: Set(
            check.non_negative_fen("threePublic.vehicleOperation", t.vehicle_operation)?
        ),
        reception_fen: Set(check.non_negative_fen("threePublic.reception", t.reception)?),
        staff_in_service: Set(check.count("staffInService", doc.staff_in_service)?),
        overall_goal: Set(check.text(
            "performance.overallGoal",
            &doc.performance.overall_goal,
            LONG_TEXT,
        )?),
        procurement_total_fen: Set(
            check.non_negative_fen("procurement.total", doc.procurement.total)?
        ),
        fixed_assets_total_fen: Set(
            check.non_negative_fen("fixedAssets.total", doc.fixed_assets.total)?
        ),
        fixed_assets_as_of: Set(check.text("fixedAssets.asOf", &doc.fixed_assets.as_of, 50)?),
        project_count: Set(check.list_length("projects", projects.len())?),
        project_amount_total_fen: Set(project_amount_total_fen),
    };
    Ok(DisclosureRows {
        disclosure,
        children: ChildRows {
            stated_changes: stated_changes(check, doc)?,
            expenditure_lines: expenditure_lines(check, doc)?,
            performance_goals: performance_goals(check, doc)?,
            projects,
            procurement_items: procurement_items(check, doc)?,
            fixed_assets: fixed_assets(check, doc)?,
        },
    })
}

/// A field of a list entry (`projects[3].indicators[2].level1`), spelled out only when a
/// message names it: checking a document builds no strings for the fields that are fine.
#[derive(Clone, Copy)]
struct Field {
    list: &'static str,
    index: usize,
    nested: Option<(&'static str, usize)>,
    name: &'static str,
}

impl Field {
    fn of(list: &'static str, index: usize, name: &'static str) -> Self {
        Self {
            list,
            index,
            nested: None,
            name,
        }
    }

    /// The field `name` of entry `index` of the nested list `list`.
    fn within(self, list: &'static str, index: usize) -> Self {
        Self {
            nested: Some((list, index)),
            ..self
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)?;
        if let Some((list, index)) = self.nested {
            write!(f, ".{list}[{index}]")?;
        }
        write!(f, ".{}", self.name)
    }
}

fn ordinal(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

fn stated_changes(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<stated_change::ActiveModel>, DocumentError> {
    doc.stated_changes
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let at = |field| Field::of("statedChanges", n, field);
            Ok(stated_change::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                item: Set(c.item.label().to_owned()),
                previous_year: Set(c
                    .previous_year
                    .map(|y| check.fiscal_year(at("previousYear"), y))
                    .transpose()?),
                amount_fen: Set(check.fen(at("amount"), c.amount)?),
                percent: Set(c.percent.map(|p| p.normalize().to_string())),
                reason: Set(check.text(at("reason"), &c.reason, LONG_TEXT)?),
            })
        })
        .collect()
}

fn expenditure_lines(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<expenditure_line::ActiveModel>, DocumentError> {
    doc.expenditure_lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let at = |field| Field::of("expenditureLines", n, field);
            let code = check.required_text(at("code"), &line.code, 16)?;
            if !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(check.invalid(
                    at("code"),
                    format!("classification code {code:?} must be digits only"),
                ));
            }
            Ok(expenditure_line::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                classification: Set(line.classification.label().to_owned()),
                code: Set(code),
                name: Set(check.required_text(at("name"), &line.name, 255)?),
                amount_fen: Set(check.fen(at("amount"), line.amount)?),
            })
        })
        .collect()
}

fn performance_goals(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<performance_goal::ActiveModel>, DocumentError> {
    doc.performance
        .sub_goals
        .iter()
        .enumerate()
        .map(|(n, goal)| {
            let at = |field| Field::of("performance.subGoals", n, field);
            Ok(performance_goal::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                name: Set(check.required_text(at("name"), &goal.name, LONG_TEXT)?),
                description: Set(check.text(at("description"), &goal.description, LONG_TEXT)?),
                goal: Set(check.text(at("goal"), &goal.goal, LONG_TEXT)?),
                indicator: Set(check.text(at("indicator"), &goal.indicator, LONG_TEXT)?),
            })
        })
        .collect()
}

type ProjectRows = (
    project::ActiveModel,
    Vec<performance_indicator::ActiveModel>,
);

/// The exact sum of the projects' stated amounts; `None` when none states one.
fn project_amount_total(
    check: &Checker<'_>,
    projects: &[ProjectRows],
) -> Result<Option<i64>, DocumentError> {
    let mut total: Option<i64> = None;
    for (project, _) in projects {
        if let ActiveValue::Set(Some(amount)) = project.amount_fen {
            total = Some(total.unwrap_or(0).checked_add(amount).ok_or_else(|| {
                check.invalid(
                    "projects",
                    "the project amounts add up to more than budgetql can store".to_owned(),
                )
            })?);
        }
    }
    Ok(total)
}

fn projects(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<ProjectRows>, DocumentError> {
    doc.projects
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let at = |field| Field::of("projects", n, field);
            let project = project::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                name: Set(check.required_text(at("name"), &p.name, LONG_TEXT)?),
                amount_fen: Set(check.non_negative_fen(at("amount"), p.amount)?),
                goal: Set(check.text(at("goal"), &p.goal, LONG_TEXT)?),
            };
            let indicators = p
                .indicators
                .iter()
                .enumerate()
                .map(|(k, row)| {
                    let at = |field| Field::of("projects", n, field).within("indicators", k);
                    let target_raw = check.text(at("target"), &row.target, LONG_TEXT)?;
                    let target = target_raw.as_deref().map(parse_target).unwrap_or_default();
                    Ok(performance_indicator::ActiveModel {
                        id: NotSet,
                        project_id: NotSet,
                        ordinal: Set(ordinal(k)),
                        level1: Set(check.required_text(at("level1"), &row.level1, 100)?),
                        level2: Set(check.text(at("level2"), &row.level2, 100)?),
                        level3: Set(check.text(at("level3"), &row.level3, LONG_TEXT)?),
                        description: Set(check.text(
                            at("description"),
                            &row.description,
                            LONG_TEXT,
                        )?),
                        target_raw: Set(target_raw),
                        target_operator: Set(target.operator.map(str::to_owned)),
                        target_value: Set(target
                            .value
                            .map(|v| v.to_string())
                            .filter(|v| v.len() <= 40)),
                        target_unit: Set(target.unit.filter(|u| u.len() <= 20)),
                        basis: Set(check.text(at("basis"), &row.basis, LONG_TEXT)?),
                    })
                })
                .collect::<Result<Vec<_>, DocumentError>>()?;
            Ok((project, indicators))
        })
        .collect()
}

fn procurement_items(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<procurement_item::ActiveModel>, DocumentError> {
    doc.procurement
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let at = |field| Field::of("procurement.items", n, field);
            let quantity = item.quantity.map(|q| q.normalize().to_string());
            Ok(procurement_item::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                project_name: Set(check.text(at("projectName"), &item.project_name, LONG_TEXT)?),
                item_name: Set(check.required_text(at("itemName"), &item.item_name, LONG_TEXT)?),
                catalogue_number: Set(check.text(
                    at("catalogueNumber"),
                    &item.catalogue_number,
                    50,
                )?),
                quantity_unit: Set(check.text(at("quantityUnit"), &item.quantity_unit, 20)?),
                quantity: Set(check.text(at("quantity"), &quantity, 40)?),
                unit_price_fen: Set(check.non_negative_fen(at("unitPrice"), item.unit_price)?),
                amount_fen: Set(check.non_negative_fen(at("amount"), item.amount)?),
                general_public_budget_fen: Set(check
                    .non_negative_fen(at("generalPublicBudget"), item.general_public_budget)?),
            })
        })
        .collect()
}

fn fixed_assets(
    check: &Checker<'_>,
    doc: &DisclosureDocument,
) -> Result<Vec<fixed_asset::ActiveModel>, DocumentError> {
    doc.fixed_assets
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let at = |field| Field::of("fixedAssets.items", n, field);
            Ok(fixed_asset::ActiveModel {
                id: NotSet,
                disclosure_id: NotSet,
                ordinal: Set(ordinal(n)),
                category: Set(check.required_text(at("category"), &item.category, 255)?),
                quantity: Set(check.text(at("quantity"), &item.quantity, 50)?),
                value_fen: Set(check.non_negative_fen(at("value"), item.value)?),
            })
        })
        .collect()
}
