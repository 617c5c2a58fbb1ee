//! Pre-aggregated sums of disclosures per (department region, fiscal year, stage, unit nature),
//! kept up to date by every import: what roll-ups read at national scale.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "region_rollup")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub region_id: Option<i32>,
    pub fiscal_year: i32,
    pub stage: String,
    pub unit_nature: Option<String>,
    /// Disclosures in the row; also its departments (one disclosure per year and stage each).
    pub disclosure_count: i64,
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
    pub staff_in_service: Option<i64>,
    /// 机关运行经费 of the disclosures that state both it and their staff.
    pub operating_cost_with_staff_fen: Option<i64>,
    /// Staff of the disclosures that state both 机关运行经费 and staff.
    pub staff_with_operating_cost: Option<i64>,
    /// 三公 of the disclosures that state both it and total expenditure.
    pub three_public_with_expenditure_fen: Option<i64>,
    /// Total expenditure of the disclosures that state both it and 三公.
    pub expenditure_with_three_public_fen: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::region::Entity",
        from = "Column::RegionId",
        to = "super::region::Column::Id",
        on_delete = "Cascade"
    )]
    Region,
}

impl Related<super::region::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Region.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
