//! 政府采购预算: one row of the procurement table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procurement_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub disclosure_id: i32,
    pub ordinal: i32,
    pub project_name: Option<String>,
    pub item_name: String,
    pub catalogue_number: Option<String>,
    pub quantity_unit: Option<String>,
    pub quantity: Option<String>,
    pub unit_price_fen: Option<i64>,
    pub amount_fen: Option<i64>,
    pub general_public_budget_fen: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::disclosure::Entity",
        from = "Column::DisclosureId",
        to = "super::disclosure::Column::Id",
        on_delete = "Cascade"
    )]
    Disclosure,
}

impl Related<super::disclosure::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Disclosure.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
