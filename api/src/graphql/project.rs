//! 项目支出 and their performance indicator tables.

use async_graphql::{Context, Object};

use entity::{performance_indicator, project};

use super::error::ApiResult;
use super::lines::decimal_text;
use super::loaders::children_of;
use super::money::money;
use super::scalars::Decimal;
use crate::money::MoneyUnit;

pub struct Project(pub project::Model);

/// 项目: one project with its performance target table (绩效目标表).
#[Object]
impl Project {
    /// The project's id.
    async fn id(&self) -> i32 {
        self.0.id
    }
    /// 项目名称: the project's name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The project's amount (its table's 成本指标 where the source states no other).
    async fn amount(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.amount_fen, unit)
    }
    /// 绩效目标: the project's goal text.
    async fn goal(&self) -> Option<&str> {
        self.0.goal.as_deref()
    }
    /// 绩效指标: the rows of the indicator table, in source order.
    async fn indicators(&self, ctx: &Context<'_>) -> ApiResult<Vec<Indicator>> {
        let rows = children_of::<performance_indicator::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Indicator).collect())
    }
}

pub struct Indicator(pub performance_indicator::Model);

/// 绩效指标: one row of a project's indicator table.
#[Object]
impl Indicator {
    /// 一级指标: 产出指标, 效益指标 (效果指标), 满意度指标…; carried down where the source merged the cell.
    async fn level1(&self) -> &str {
        &self.0.level1
    }
    /// 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标…
    async fn level2(&self) -> Option<&str> {
        self.0.level2.as_deref()
    }
    /// 三级指标: the indicator's own name.
    async fn level3(&self) -> Option<&str> {
        self.0.level3.as_deref()
    }
    /// 绩效指标描述: the description.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// 指标值: the target value, raw as printed ("≥ 90%", "12 个月", "达标"); null where empty.
    async fn target(&self) -> Option<&str> {
        self.0.target_raw.as_deref()
    }
    /// The target's operator (≥ ≤ > < =), where the target has one.
    async fn target_operator(&self) -> Option<&str> {
        self.0.target_operator.as_deref()
    }
    /// The target's number, where the target is numeric ("≥ 90%" gives 90).
    async fn target_value(&self) -> Option<Decimal> {
        decimal_text(&self.0.target_value)
    }
    /// The target's unit (%, 个, 万人, 个月…), where the target is numeric.
    async fn target_unit(&self) -> Option<&str> {
        self.0.target_unit.as_deref()
    }
    /// 指标值确定依据: the basis for the target.
    async fn basis(&self) -> Option<&str> {
        self.0.basis.as_deref()
    }
}
