//! Disclosures: by id, by department, and by department × year × stage.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use entity::disclosure;

/// Identifies one disclosure of a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisclosureKey {
    pub department_id: i32,
    pub fiscal_year: i32,
    pub stage: &'static str,
}

pub async fn by_ids(
    db: &DatabaseConnection,
    ids: &[i32],
) -> Result<HashMap<i32, disclosure::Model>, DbErr> {
    Ok(disclosure::Entity::find()
        .filter(disclosure::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

/// Every disclosure of each department, newest year first.
pub async fn by_departments(
    db: &DatabaseConnection,
    department_ids: &[i32],
) -> Result<HashMap<i32, Vec<disclosure::Model>>, DbErr> {
    let rows = disclosure::Entity::find()
        .filter(disclosure::Column::DepartmentId.is_in(department_ids.iter().copied()))
        .order_by_desc(disclosure::Column::FiscalYear)
        .order_by_asc(disclosure::Column::Stage)
        .all(db)
        .await?;
    let mut grouped: HashMap<i32, Vec<disclosure::Model>> = HashMap::new();
    for row in rows {
        grouped.entry(row.department_id).or_default().push(row);
    }
    Ok(grouped)
}

/// The disclosures for `keys`: one query per distinct year × stage (usually one).
pub async fn by_keys(
    db: &DatabaseConnection,
    keys: &[DisclosureKey],
) -> Result<HashMap<DisclosureKey, disclosure::Model>, DbErr> {
    let mut by_year_stage: HashMap<(i32, &'static str), Vec<i32>> = HashMap::new();
    for key in keys {
        by_year_stage
            .entry((key.fiscal_year, key.stage))
            .or_default()
            .push(key.department_id);
    }
    let mut found = HashMap::with_capacity(keys.len());
    for ((fiscal_year, stage), department_ids) in by_year_stage {
        let rows = disclosure::Entity::find()
            .filter(disclosure::Column::FiscalYear.eq(fiscal_year))
            .filter(disclosure::Column::Stage.eq(stage))
            .filter(disclosure::Column::DepartmentId.is_in(department_ids))
            .all(db)
            .await?;
        for row in rows {
            found.insert(
                DisclosureKey {
                    department_id: row.department_id,
                    fiscal_year,
                    stage,
                },
                row,
            );
        }
    }
    Ok(found)
}
