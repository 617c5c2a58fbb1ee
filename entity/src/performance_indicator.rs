//! 绩效指标: one row of a project's performance indicator table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "performance_indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub ordinal: i32,
    pub level1: String,
    pub level2: Option<String>,
    pub level3: Option<String>,
    pub description: Option<String>,
    pub target_raw: Option<String>,
    pub target_operator: Option<String>,
    pub target_value: Option<String>,
    pub target_unit: Option<String>,
    pub basis: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::project::Entity",
        from = "Column::ProjectId",
        to = "super::project::Column::Id",
        on_delete = "Cascade"
    )]
    Project,
}

impl Related<super::project::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
