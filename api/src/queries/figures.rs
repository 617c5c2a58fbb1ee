//! The money figures a disclosure states once, as a shape shared by one disclosure and by a
//! group of them summed in SQL (the column names are the disclosure table's).

use sea_orm::FromQueryResult;

use entity::disclosure;

use crate::document::BudgetItem;

/// Income, expenditure, 机关运行经费 and 三公, in 分; `None` where not stated.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromQueryResult)]
pub struct Figures {
    pub income_total_fen: Option<i64>,
    pub income_general_public_budget_fen: Option<i64>,
    pub income_government_fund_fen: Option<i64>,
    pub income_state_capital_fen: Option<i64>,
    pub income_special_account_fen: Option<i64>,
    pub income_carried_over_fen: Option<i64>,
    pub income_other_fen: Option<i64>,
    pub expenditure_total_fen: Option<i64>,
    pub expenditure_basic_fen: Option<i64>,
    pub expenditure_personnel_fen: Option<i64>,
    pub expenditure_public_operating_fen: Option<i64>,
    pub expenditure_project_fen: Option<i64>,
    pub operating_cost_fen: Option<i64>,
    pub three_public_total_fen: Option<i64>,
    pub outbound_travel_fen: Option<i64>,
    pub vehicle_total_fen: Option<i64>,
    pub vehicle_purchase_fen: Option<i64>,
    pub vehicle_operation_fen: Option<i64>,
    pub reception_fen: Option<i64>,
}

/// The figure columns, in the order of [`Figures`]' fields.
pub const FIGURE_COLUMNS: [disclosure::Column; 19] = {
    use disclosure::Column as C;
    [
        C::IncomeTotalFen,
        C::IncomeGeneralPublicBudgetFen,
        C::IncomeGovernmentFundFen,
        C::IncomeStateCapitalFen,
        C::IncomeSpecialAccountFen,
        C::IncomeCarriedOverFen,
        C::IncomeOtherFen,
        C::ExpenditureTotalFen,
        C::ExpenditureBasicFen,
        C::ExpenditurePersonnelFen,
        C::ExpenditurePublicOperatingFen,
        C::ExpenditureProjectFen,
        C::OperatingCostFen,
        C::ThreePublicTotalFen,
        C::OutboundTravelFen,
        C::VehicleTotalFen,
        C::VehiclePurchaseFen,
        C::VehicleOperationFen,
        C::ReceptionFen,
    ]
};

impl From<&disclosure::Model> for Figures {
    fn from(d: &disclosure::Model) -> Self {
        Figures {
            income_total_fen: d.income_total_fen,
            income_general_public_budget_fen: d.income_general_public_budget_fen,
            income_government_fund_fen: d.income_government_fund_fen,
            income_state_capital_fen: d.income_state_capital_fen,
            income_special_account_fen: d.income_special_account_fen,
            income_carried_over_fen: d.income_carried_over_fen,
            income_other_fen: d.income_other_fen,
            expenditure_total_fen: d.expenditure_total_fen,
            expenditure_basic_fen: d.expenditure_basic_fen,
            expenditure_personnel_fen: d.expenditure_personnel_fen,
            expenditure_public_operating_fen: d.expenditure_public_operating_fen,
            expenditure_project_fen: d.expenditure_project_fen,
            operating_cost_fen: d.operating_cost_fen,
            three_public_total_fen: d.three_public_total_fen,
            outbound_travel_fen: d.outbound_travel_fen,
            vehicle_total_fen: d.vehicle_total_fen,
            vehicle_purchase_fen: d.vehicle_purchase_fen,
            vehicle_operation_fen: d.vehicle_operation_fen,
            reception_fen: d.reception_fen,
        }
    }
}

/// The stored figure (in 分) of a disclosure that `item` names.
pub fn fen_of(d: &disclosure::Model, item: BudgetItem) -> Option<i64> {
    match item {
        BudgetItem::IncomeTotal => d.income_total_fen,
        BudgetItem::ExpenditureTotal => d.expenditure_total_fen,
        BudgetItem::Basic => d.expenditure_basic_fen,
        BudgetItem::Personnel => d.expenditure_personnel_fen,
        BudgetItem::PublicOperating => d.expenditure_public_operating_fen,
        BudgetItem::Project => d.expenditure_project_fen,
        BudgetItem::OperatingCost => d.operating_cost_fen,
        BudgetItem::ThreePublicTotal => d.three_public_total_fen,
        BudgetItem::OutboundTravel => d.outbound_travel_fen,
        BudgetItem::VehicleTotal => d.vehicle_total_fen,
        BudgetItem::VehiclePurchase => d.vehicle_purchase_fen,
        BudgetItem::VehicleOperation => d.vehicle_operation_fen,
        BudgetItem::Reception => d.reception_fen,
    }
}
