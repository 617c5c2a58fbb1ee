//! Regions (财政区划) and their sub-trees.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use entity::region;

pub async fn by_ids(
    db: &DatabaseConnection,
    ids: &[i32],
) -> Result<HashMap<i32, region::Model>, DbErr> {
    Ok(region::Entity::find()
        .filter(region::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect())
}

pub async fn find_by_code(
    db: &DatabaseConnection,
    code: &str,
) -> Result<Option<region::Model>, DbErr> {
    region::Entity::find()
        .filter(region::Column::Code.eq(code))
        .one(db)
        .await
}

/// The ids of a region and every region below it (by materialised path).
pub async fn subtree_ids(db: &DatabaseConnection, root: &region::Model) -> Result<Vec<i32>, DbErr> {
    region::Entity::find()
        .select_only()
        .column(region::Column::Id)
        .filter(region::Column::Path.starts_with(&root.path))
        .into_tuple()
        .all(db)
        .await
}

/// All regions, top-down by path.
pub async fn all(db: &DatabaseConnection) -> Result<Vec<region::Model>, DbErr> {
    region::Entity::find()
        .order_by_asc(region::Column::Path)
        .all(db)
        .await
}

/// The children of each region in `parent_ids`.
pub async fn children_of(
    db: &DatabaseConnection,
    parent_ids: &[i32],
) -> Result<HashMap<i32, Vec<region::Model>>, DbErr> {
    let rows = region::Entity::find()
        .filter(region::Column::ParentId.is_in(parent_ids.iter().copied()))
        .order_by_asc(region::Column::Code)
        .all(db)
        .await?;
    let mut grouped: HashMap<i32, Vec<region::Model>> = HashMap::new();
    for row in rows {
        if let Some(parent) = row.parent_id {
            grouped.entry(parent).or_default().push(row);
        }
    }
    Ok(grouped)
}
