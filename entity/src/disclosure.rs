//! 预算/决算信息公开: one department's disclosure for one fiscal year and stage, with the
//! figures it states once (income, expenditure, 机关运行经费, 三公, staff).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disclosure")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub department_id: i32,
    pub fiscal_year: i32,
    pub stage: String,
    pub amount_unit: String,
    pub title: Option<String>,
    pub source_hash: String,
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
    pub staff_in_service: Option<i32>,
    pub overall_goal: Option<String>,
    pub procurement_total_fen: Option<i64>,
    pub fixed_assets_total_fen: Option<i64>,
    pub fixed_assets_as_of: Option<String>,
    /// How many projects the disclosure lists (written at import).
    pub project_count: i32,
    /// The sum of the projects' stated amounts, in 分; `None` when none is stated.
    pub project_amount_total_fen: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::department::Entity",
        from = "Column::DepartmentId",
        to = "super::department::Column::Id",
        on_delete = "Cascade"
    )]
    Department,
}

impl Related<super::department::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Department.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
