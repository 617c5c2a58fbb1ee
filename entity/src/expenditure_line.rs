//! An expenditure line by function (支出功能分类) or economic (经济分类) code.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expenditure_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub disclosure_id: i32,
    pub ordinal: i32,
    pub classification: String,
    pub code: String,
    pub name: String,
    pub amount_fen: Option<i64>,
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
