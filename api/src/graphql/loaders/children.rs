//! One generic loader for every "rows of a parent" edge (a disclosure's projects, a project's
//! indicators…): one query with `WHERE parent IN (…)` per batch.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::Loader;
use sea_orm::{DatabaseConnection, DbErr};

use crate::graphql::error::ApiResult;
use crate::queries::children::{ChildRows, by_parents};

/// Loads the rows of table `E` for many parents at once.
pub struct ChildrenLoader<E> {
    db: DatabaseConnection,
    table: PhantomData<fn() -> E>,
}

impl<E> ChildrenLoader<E> {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            table: PhantomData,
        }
    }
}

impl<E> Loader<i32> for ChildrenLoader<E>
where
    E: ChildRows + 'static,
    E::Model: Send + Sync + Clone,
{
    type Value = Vec<E::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        by_parents::<E>(&self.db, keys).await.map_err(Arc::new)
    }
}

/// The rows of `E` that belong to `parent_id`, in source order.
pub async fn children_of<E>(ctx: &Context<'_>, parent_id: i32) -> ApiResult<Vec<E::Model>>
where
    E: ChildRows + 'static,
    E::Model: Send + Sync + Clone,
{
    Ok(super::load_one::<ChildrenLoader<E>, _>(ctx, parent_id)
        .await?
        .unwrap_or_default())
}
