//! DataLoaders: every edge a list can reach loads through one of these, so a nested list costs
//! one query per level (`WHERE key IN (…)`), not one per row.

mod children;
mod query_loaders;

pub use children::{ChildrenLoader, children_of};
pub use query_loaders::{
    DepartmentLoader, DisclosureByKeyLoader, DisclosureLoader, DisclosuresOfDepartmentLoader,
    RegionChildrenLoader, RegionLoader,
};

use std::hash::Hash;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ErrorExtensions, SchemaBuilder};
use sea_orm::{DatabaseConnection, DbErr};

use super::error::{ApiError, ApiResult, database_error};

/// Registers every loader on the schema.
pub fn register<Q, M, S>(
    builder: SchemaBuilder<Q, M, S>,
    db: &DatabaseConnection,
) -> SchemaBuilder<Q, M, S> {
    use entity::*;
    fn loader<T: Send + Sync + 'static>(inner: T) -> DataLoader<T> {
        DataLoader::new(inner, tokio::spawn).delay(std::time::Duration::from_micros(200))
    }
    builder
        .data(loader(DepartmentLoader::new(db.clone())))
        .data(loader(RegionLoader::new(db.clone())))
        .data(loader(DisclosureLoader::new(db.clone())))
        .data(loader(DisclosureByKeyLoader::new(db.clone())))
        .data(loader(DisclosuresOfDepartmentLoader::new(db.clone())))
        .data(loader(RegionChildrenLoader::new(db.clone())))
        .data(loader(ChildrenLoader::<project::Entity>::new(db.clone())))
        .data(loader(
            ChildrenLoader::<performance_indicator::Entity>::new(db.clone()),
        ))
        .data(loader(ChildrenLoader::<stated_change::Entity>::new(
            db.clone(),
        )))
        .data(loader(ChildrenLoader::<expenditure_line::Entity>::new(
            db.clone(),
        )))
        .data(loader(ChildrenLoader::<performance_goal::Entity>::new(
            db.clone(),
        )))
        .data(loader(ChildrenLoader::<procurement_item::Entity>::new(
            db.clone(),
        )))
        .data(loader(ChildrenLoader::<fixed_asset::Entity>::new(
            db.clone(),
        )))
        .data(loader(ChildrenLoader::<finding::Entity>::new(db.clone())))
}

/// Loads `key` through the registered loader `T`, batched with the other keys of this level.
pub async fn load_one<T, K>(ctx: &Context<'_>, key: K) -> ApiResult<Option<T::Value>>
where
    T: Loader<K, Error = Arc<DbErr>>,
    K: Send + Sync + Hash + Eq + Clone + 'static,
{
    let loader = ctx.data::<DataLoader<T>>().map_err(|_| {
        ApiError::BadArgument {
            argument: "context",
            problem: format!("no loader {} is registered", std::any::type_name::<T>()),
        }
        .extend()
    })?;
    loader.load_one(key).await.map_err(database_error)
}
