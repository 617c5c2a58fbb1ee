//! Comparing a disclosure with another stored one: the previous year (year-on-year change,
//! beside the change the document states) and the other stage (budget execution).

use async_graphql::{Context, Object};
use rust_decimal::{Decimal as Exact, RoundingStrategy};

use entity::{disclosure, stated_change};

use super::disclosure::Disclosure;
use super::error::ApiResult;
use super::loaders::{DisclosureByKeyLoader, children_of, load_one};
use super::money::{money, share};
use super::scalars::Decimal;
use crate::document::{BudgetItem, Stage};
use crate::labels::Label;
use crate::money::MoneyUnit;
use crate::queries::disclosures::DisclosureKey;
use crate::queries::figures::fen_of;

/// The stored disclosure of the same department for `year` and `stage`.
pub async fn sibling(
    ctx: &Context<'_>,
    of: &disclosure::Model,
    year: i32,
    stage: Stage,
) -> ApiResult<Option<disclosure::Model>> {
    let key = DisclosureKey {
        department_id: of.department_id,
        fiscal_year: year,
        stage: stage.label(),
    };
    load_one::<DisclosureByKeyLoader, _>(ctx, key).await
}

/// 比上年增减: one figure against the stored previous year, beside what the document states.
pub struct Change {
    previous: Option<i64>,
    current: Option<i64>,
    stated: Option<stated_change::Model>,
}

/// A figure against the stored previous year (same department and stage), with the change the
/// document itself states.
#[Object]
impl Change {
    /// The previous year's figure, as stored.
    async fn previous(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.previous, unit)
    }
    /// This year's figure.
    async fn current(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.current, unit)
    }
    /// 增减额: current − previous, computed.
    async fn absolute(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.absolute_fen(), unit)
    }
    /// 增减率: the computed change in percent of the previous year (42.5 = +42.5%), to 2 decimals.
    async fn percent(&self) -> Option<Decimal> {
        let (Some(change), Some(previous)) = (self.absolute_fen(), self.previous) else {
            return None;
        };
        if previous <= 0 {
            return None;
        }
        let percent = Exact::from(change) * Exact::ONE_HUNDRED / Exact::from(previous);
        Some(Decimal(
            percent
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        ))
    }
    /// The change the document states (比上年增加/减少…), if any.
    async fn stated(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.stated.as_ref().and_then(|s| s.amount_fen), unit)
    }
    /// Whether the stated change agrees with the computed one (to the 分); null when the
    /// document states none.
    async fn stated_agrees(&self) -> Option<bool> {
        let stated = self.stated.as_ref()?.amount_fen?;
        Some(self.absolute_fen()? == stated)
    }
}

impl Change {
    fn absolute_fen(&self) -> Option<i64> {
        self.current?.checked_sub(self.previous?)
    }
}

/// 比上年增减: this disclosure against the stored previous year of the same department and stage.
pub struct YearOverYear {
    previous: disclosure::Model,
    current: disclosure::Model,
    stated: Vec<stated_change::Model>,
}

impl YearOverYear {
    fn change(&self, item: BudgetItem) -> Change {
        Change {
            previous: fen_of(&self.previous, item),
            current: fen_of(&self.current, item),
            stated: self.stated.iter().find(|s| s.item == item.label()).cloned(),
        }
    }
}

/// Each headline figure against the stored previous year.
#[Object]
impl YearOverYear {
    /// The year compared with.
    async fn previous_year(&self) -> i32 {
        self.previous.fiscal_year
    }
    /// 收入合计.
    async fn income_total(&self) -> Change {
        self.change(BudgetItem::IncomeTotal)
    }
    /// 支出合计.
    async fn expenditure_total(&self) -> Change {
        self.change(BudgetItem::ExpenditureTotal)
    }
    /// 基本支出.
    async fn basic(&self) -> Change {
        self.change(BudgetItem::Basic)
    }
    /// 项目支出.
    async fn project(&self) -> Change {
        self.change(BudgetItem::Project)
    }
    /// 机关运行经费.
    async fn operating_cost(&self) -> Change {
        self.change(BudgetItem::OperatingCost)
    }
    /// "三公"经费合计.
    async fn three_public_total(&self) -> Change {
        self.change(BudgetItem::ThreePublicTotal)
    }
}

/// The previous year's comparison for `current`, if that year is stored.
pub async fn year_over_year(
    ctx: &Context<'_>,
    current: &Disclosure,
) -> ApiResult<Option<YearOverYear>> {
    let model = current.0.as_ref();
    let stage = Stage::from_label(&model.stage).unwrap_or(Stage::Budget);
    let Some(previous) = sibling(ctx, model, model.fiscal_year - 1, stage).await? else {
        return Ok(None);
    };
    let stated = children_of::<stated_change::Entity>(ctx, model.id).await?;
    Ok(Some(YearOverYear {
        previous,
        current: model.clone(),
        stated,
    }))
}

/// 预算执行: one figure in the budget and in the final accounts.
pub struct ExecutionFigure {
    budget: Option<i64>,
    final_accounts: Option<i64>,
}

/// One figure as budgeted (预算) and as spent (决算).
#[Object]
impl ExecutionFigure {
    /// 预算数: the budget.
    async fn budget(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.budget, unit)
    }
    /// 决算数: the final accounts.
    async fn final_accounts(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.final_accounts, unit)
    }
    /// 执行率: final accounts over budget, as a fraction (0.68 = 68%).
    async fn execution_rate(&self) -> Option<Decimal> {
        share(self.final_accounts, self.budget)
    }
}

/// 预算执行情况: the budget and final accounts of one department and year, figure by figure.
pub struct BudgetExecution {
    budget: disclosure::Model,
    final_accounts: disclosure::Model,
}

impl BudgetExecution {
    fn figure(&self, item: BudgetItem) -> ExecutionFigure {
        ExecutionFigure {
            budget: fen_of(&self.budget, item),
            final_accounts: fen_of(&self.final_accounts, item),
        }
    }
}

/// Budget against final accounts for the same department and year.
#[Object]
impl BudgetExecution {
    /// 收入合计.
    async fn income_total(&self) -> ExecutionFigure {
        self.figure(BudgetItem::IncomeTotal)
    }
    /// 支出合计.
    async fn expenditure_total(&self) -> ExecutionFigure {
        self.figure(BudgetItem::ExpenditureTotal)
    }
    /// 基本支出.
    async fn basic(&self) -> ExecutionFigure {
        self.figure(BudgetItem::Basic)
    }
    /// 人员经费.
    async fn personnel(&self) -> ExecutionFigure {
        self.figure(BudgetItem::Personnel)
    }
    /// 日常公用经费.
    async fn public_operating(&self) -> ExecutionFigure {
        self.figure(BudgetItem::PublicOperating)
    }
    /// 项目支出.
    async fn project(&self) -> ExecutionFigure {
        self.figure(BudgetItem::Project)
    }
    /// 机关运行经费.
    async fn operating_cost(&self) -> ExecutionFigure {
        self.figure(BudgetItem::OperatingCost)
    }
    /// "三公"经费合计.
    async fn three_public_total(&self) -> ExecutionFigure {
        self.figure(BudgetItem::ThreePublicTotal)
    }
}

/// The budget against the final accounts of the disclosure's department and year, when both
/// stages are stored (from either side).
pub async fn budget_execution(
    ctx: &Context<'_>,
    of: &Disclosure,
) -> ApiResult<Option<BudgetExecution>> {
    let model = of.0.as_ref();
    let (other_stage, this_is_budget) = match Stage::from_label(&model.stage) {
        Some(Stage::FinalAccounts) => (Stage::Budget, false),
        Some(Stage::Budget) => (Stage::FinalAccounts, true),
        _ => return Ok(None),
    };
    let Some(other) = sibling(ctx, model, model.fiscal_year, other_stage).await? else {
        return Ok(None);
    };
    let (budget, final_accounts) = if this_is_budget {
        (model.clone(), other)
    } else {
        (other, model.clone())
    };
    Ok(Some(BudgetExecution {
        budget,
        final_accounts,
    }))
}
