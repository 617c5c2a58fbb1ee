//! Departments: by name, by id, and in pages.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use entity::department;

/// What a list of departments can be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct DepartmentFilter {
    /// Only departments in these regions (a region and its sub-regions, resolved by the caller).
    pub region_ids: Option<Vec<i32>>,
    /// Only departments whose name contains this text.
    pub name_contains: Option<String>,
    /// Only departments of this 单位性质.
    pub unit_nature: Option<String>,
}

impl DepartmentFilter {
    fn condition(&self) -> Condition {
        let mut condition = Condition::all();
        if let Some(ids) = &self.region_ids {
            condition = condition.add(department::Column::RegionId.is_in(ids.iter().copied()));
        }
        if let Some(text) = &self.name_contains {
            condition = condition.add(department::Column::Name.contains(text));
        }
        if let Some(nature) = &self.unit_nature {
            condition = condition.add(department::Column::UnitNature.eq(nature));
        }
        condition
    }
}

pub async fn find_by_name(
    db: &DatabaseConnection,
    name: &str,
) -> Result<Option<department::Model>, DbErr> {
    department::Entity::find()
        .filter(department::Column::Name.eq(name))
        .one(db)
        .await
}

pub async fn by_ids(
    db: &DatabaseConnection,
    ids: &[i32],
) -> Result<HashMap<i32, department::Model>, DbErr> {
    Ok(department::Entity::find()
        .filter(department::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

/// Up to `limit` departments after the one with id `after`, in id order (stable cursors).
pub async fn page(
    db: &DatabaseConnection,
    filter: &DepartmentFilter,
    after: Option<i32>,
    limit: u64,
) -> Result<Vec<department::Model>, DbErr> {
    let mut query = department::Entity::find().filter(filter.condition());
    if let Some(after) = after {
        query = query.filter(department::Column::Id.gt(after));
    }
    query
        .order_by_asc(department::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

pub async fn count(db: &DatabaseConnection, filter: &DepartmentFilter) -> Result<u64, DbErr> {
    department::Entity::find()
        .filter(filter.condition())
        .count(db)
        .await
}
