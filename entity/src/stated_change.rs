//! 比上年增减: a change against the previous year, as the disclosure states it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stated_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub disclosure_id: i32,
    pub ordinal: i32,
    pub item: String,
    pub previous_year: Option<i32>,
    pub amount_fen: Option<i64>,
    pub percent: Option<String>,
    pub reason: Option<String>,
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
