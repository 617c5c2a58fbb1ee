//! 部门 / 单位: a department or one of its units.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "department")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub region_id: Option<i32>,
    pub parent_id: Option<i32>,
    pub unit_nature: Option<String>,
    pub rank: Option<String>,
    pub funding_form: Option<String>,
    pub duties: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::region::Entity",
        from = "Column::RegionId",
        to = "super::region::Column::Id"
    )]
    Region,
    #[sea_orm(belongs_to = "Entity", from = "Column::ParentId", to = "Column::Id")]
    Parent,
    #[sea_orm(has_many = "super::disclosure::Entity")]
    Disclosure,
}

impl Related<super::region::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Region.def()
    }
}

impl Related<super::disclosure::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Disclosure.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
