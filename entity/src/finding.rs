//! 数据质量: a problem found in a disclosure when it was imported.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finding")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub disclosure_id: i32,
    pub ordinal: i32,
    pub rule: String,
    pub severity: String,
    pub message: String,
    pub location: String,
    pub expected: Option<String>,
    pub actual: Option<String>,
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
