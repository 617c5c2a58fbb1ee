//! Rows that belong to a parent row (a disclosure's projects, a project's indicators…),
//! loaded for many parents in one `WHERE parent IN (…)` query, in source order.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use entity::{
    expenditure_line, finding, fixed_asset, performance_goal, performance_indicator,
    procurement_item, project, stated_change,
};

/// A table whose rows belong to one parent and keep the source's order.
pub trait ChildRows: EntityTrait {
    /// The column that holds the parent's id.
    fn parent_column() -> Self::Column;
    /// The column that keeps the source's order.
    fn order_column() -> Self::Column;
    /// The parent's id of a row.
    fn parent_id(row: &Self::Model) -> i32;
}

macro_rules! child_rows {
    ($module:ident, $parent:ident, $field:ident) => {
        impl ChildRows for $module::Entity {
            fn parent_column() -> Self::Column {
                $module::Column::$parent
            }
            fn order_column() -> Self::Column {
                $module::Column::Ordinal
            }
            fn parent_id(row: &Self::Model) -> i32 {
                row.$field
            }
        }
    };
}

child_rows!(project, DisclosureId, disclosure_id);
child_rows!(stated_change, DisclosureId, disclosure_id);
child_rows!(expenditure_line, DisclosureId, disclosure_id);
child_rows!(performance_goal, DisclosureId, disclosure_id);
child_rows!(procurement_item, DisclosureId, disclosure_id);
child_rows!(fixed_asset, DisclosureId, disclosure_id);
child_rows!(finding, DisclosureId, disclosure_id);
child_rows!(performance_indicator, ProjectId, project_id);

/// The rows of each parent in `parent_ids`, in source order. Parents without rows are absent.
pub async fn by_parents<E: ChildRows>(
    db: &DatabaseConnection,
    parent_ids: &[i32],
) -> Result<HashMap<i32, Vec<E::Model>>, DbErr> {
    let rows = E::find()
        .filter(E::parent_column().is_in(parent_ids.iter().copied()))
        .order_by_asc(E::parent_column())
        .order_by_asc(E::order_column())
        .all(db)
        .await?;
    let mut grouped: HashMap<i32, Vec<E::Model>> = HashMap::with_capacity(parent_ids.len());
    for row in rows {
        grouped.entry(E::parent_id(&row)).or_default().push(row);
    }
    Ok(grouped)
}
