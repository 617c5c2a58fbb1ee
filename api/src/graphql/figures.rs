//! The figures a disclosure states once: income, expenditure, "三公"经费. Each money field takes
//! an optional `unit` (万元 by default) and converts exactly.

use std::sync::Arc;

use async_graphql::Object;

use crate::queries::figures::Figures;

use super::money::money;
use super::scalars::Decimal;
use crate::money::MoneyUnit;

pub struct Income(pub Arc<Figures>);

/// 收入: income by fund source (one disclosure's, or a group's sum). Null where the source does not state it.
#[Object]
impl Income {
    /// 收入合计: total income.
    async fn total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_total_fen, unit)
    }
    /// 一般公共预算拨款: general public budget appropriation.
    async fn general_public_budget(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_general_public_budget_fen, unit)
    }
    /// 政府性基金预算拨款: government fund appropriation.
    async fn government_fund(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_government_fund_fen, unit)
    }
    /// 国有资本经营预算拨款: state capital operation appropriation.
    async fn state_capital(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_state_capital_fen, unit)
    }
    /// 财政专户核拨: funds allotted from the fiscal special account.
    async fn special_account(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_special_account_fen, unit)
    }
    /// 上年结转: carried over from the previous year.
    async fn carried_over(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_carried_over_fen, unit)
    }
    /// 其他收入: other income.
    async fn other(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.income_other_fen, unit)
    }
}

pub struct Expenditure(pub Arc<Figures>);

/// 支出: expenditure (one disclosure's, or a group's sum); 基本支出 = 人员经费 + 日常公用经费, plus 项目支出.
#[Object]
impl Expenditure {
    /// 支出合计: total expenditure.
    async fn total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.expenditure_total_fen, unit)
    }
    /// 基本支出: basic expenditure (personnel + public operating), as stated.
    async fn basic(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.expenditure_basic_fen, unit)
    }
    /// 人员经费: personnel cost.
    async fn personnel(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.expenditure_personnel_fen, unit)
    }
    /// 日常公用经费: public operating cost.
    async fn public_operating(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.expenditure_public_operating_fen, unit)
    }
    /// 项目支出: project expenditure.
    async fn project(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.expenditure_project_fen, unit)
    }
}

pub struct ThreePublic(pub Arc<Figures>);

/// 财政拨款"三公"经费: outbound travel, official vehicles and official reception.
#[Object]
impl ThreePublic {
    /// "三公"经费合计: the total as stated.
    async fn total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.three_public_total_fen, unit)
    }
    /// 因公出国（境）费: outbound (overseas) travel on official business.
    async fn outbound_travel(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.outbound_travel_fen, unit)
    }
    /// 公务用车购置及运维费: official vehicles, purchase and operation (the subtotal as stated).
    async fn vehicle_total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.vehicle_total_fen, unit)
    }
    /// 公务用车购置费: official vehicle purchase.
    async fn vehicle_purchase(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.vehicle_purchase_fen, unit)
    }
    /// 公务用车运维费: official vehicle operation and maintenance.
    async fn vehicle_operation(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.vehicle_operation_fen, unit)
    }
    /// 公务接待费: official reception.
    async fn reception(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.reception_fen, unit)
    }
}
