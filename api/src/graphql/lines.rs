//! Rows a disclosure lists: stated changes, expenditure by code, goals, procurement, assets.

use std::str::FromStr;

use async_graphql::Object;

use entity::{expenditure_line, fixed_asset, performance_goal, procurement_item, stated_change};

use super::money::money;
use super::scalars::Decimal;
use crate::document::{BudgetItem, Classification};
use crate::labels::Label;
use crate::money::MoneyUnit;

/// A stored decimal text (quantities, percents) as a Decimal.
pub fn decimal_text(text: &Option<String>) -> Option<Decimal> {
    text.as_deref()
        .and_then(|t| rust_decimal::Decimal::from_str(t).ok())
        .map(Decimal)
}

pub struct StatedChange(pub stated_change::Model);

/// 比上年增减: a change against the previous year, as the document states it.
#[Object]
impl StatedChange {
    /// The figure that changed.
    async fn item(&self) -> Option<BudgetItem> {
        BudgetItem::from_label(&self.0.item)
    }
    /// The year compared against.
    async fn previous_year(&self) -> Option<i32> {
        self.0.previous_year
    }
    /// The stated change, signed (增加 +, 减少 −, 持平 0).
    async fn amount(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.amount_fen, unit)
    }
    /// The stated change in percent, signed (下降38.28% is -38.28).
    async fn percent(&self) -> Option<Decimal> {
        decimal_text(&self.0.percent)
    }
    /// The stated reason (主要原因…).
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
}

pub struct ExpenditureLine(pub expenditure_line::Model);

/// An expenditure line by classification code (支出功能分类 or 经济分类).
#[Object]
impl ExpenditureLine {
    /// Function (功能分类) or economic (经济分类) classification.
    async fn classification(&self) -> Option<Classification> {
        Classification::from_label(&self.0.classification)
    }
    /// The classification code (类 3 digits, 款 5, 项 7), e.g. 201, 20131, 2013101.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// The name the source gives the code (一般公共服务支出…).
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The amount.
    async fn amount(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.amount_fen, unit)
    }
}

pub struct PerformanceGoal(pub performance_goal::Model);

/// 分项绩效目标: one itemised performance goal.
#[Object]
impl PerformanceGoal {
    /// The item's name (参谋协调运转…).
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The item's description.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// 绩效目标: the goal.
    async fn goal(&self) -> Option<&str> {
        self.0.goal.as_deref()
    }
    /// 绩效指标: the indicator text.
    async fn indicator(&self) -> Option<&str> {
        self.0.indicator.as_deref()
    }
}

pub struct ProcurementItem(pub procurement_item::Model);

/// 政府采购预算: one row of the procurement table.
#[Object]
impl ProcurementItem {
    /// 政府采购项目来源: the project that funds the purchase.
    async fn project_name(&self) -> Option<&str> {
        self.0.project_name.as_deref()
    }
    /// 采购物品名称: what is bought.
    async fn item_name(&self) -> &str {
        &self.0.item_name
    }
    /// 政府采购目录序号: the procurement catalogue number.
    async fn catalogue_number(&self) -> Option<&str> {
        self.0.catalogue_number.as_deref()
    }
    /// 数量单位: the unit of the quantity (台, 辆…).
    async fn quantity_unit(&self) -> Option<&str> {
        self.0.quantity_unit.as_deref()
    }
    /// 数量: how many.
    async fn quantity(&self) -> Option<Decimal> {
        decimal_text(&self.0.quantity)
    }
    /// 单价: the unit price.
    async fn unit_price(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.unit_price_fen, unit)
    }
    /// 政府采购金额: the amount.
    async fn amount(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.amount_fen, unit)
    }
    /// Of the amount, 一般公共预算拨款: funded by the general public budget.
    async fn general_public_budget(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.general_public_budget_fen, unit)
    }
}

pub struct FixedAsset(pub fixed_asset::Model);

/// 国有资产: one row of the fixed-asset table (资产总额, 房屋, 车辆…).
#[Object]
impl FixedAsset {
    /// 项目: the category, as printed (车辆（台、辆）…).
    async fn category(&self) -> &str {
        &self.0.category
    }
    /// 数量: the quantity, as printed.
    async fn quantity(&self) -> Option<&str> {
        self.0.quantity.as_deref()
    }
    /// 价值: the value; null where the table leaves it blank.
    async fn value(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.value_fen, unit)
    }
}
