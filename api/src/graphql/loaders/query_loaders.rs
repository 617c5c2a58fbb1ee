//! Loaders that batch keys into one call of a query function: rows by id, a department's
//! disclosures, a disclosure by department × year × stage, a region's sub-regions.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use sea_orm::{DatabaseConnection, DbErr};

use crate::queries::disclosures::DisclosureKey;
use crate::queries::{departments, disclosures, regions};

macro_rules! query_loader {
    ($(#[$doc:meta])* $name:ident: $key:ty => $value:ty, $query:path) => {
        $(#[$doc])*
        pub struct $name {
            db: DatabaseConnection,
        }

        impl $name {
            pub fn new(db: DatabaseConnection) -> Self {
                Self { db }
            }
        }

        impl Loader<$key> for $name {
            type Value = $value;
            type Error = Arc<DbErr>;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Self::Value>, Self::Error> {
                $query(&self.db, keys).await.map_err(Arc::new)
            }
        }
    };
}

query_loader!(
    /// Departments by id.
    DepartmentLoader: i32 => entity::department::Model, departments::by_ids);
query_loader!(
    /// Regions by id.
    RegionLoader: i32 => entity::region::Model, regions::by_ids);
query_loader!(
    /// Disclosures by id.
    DisclosureLoader: i32 => entity::disclosure::Model, disclosures::by_ids);
query_loader!(
    /// `Department.disclosures`: every disclosure of many departments in one query.
    DisclosuresOfDepartmentLoader: i32 => Vec<entity::disclosure::Model>, disclosures::by_departments);
query_loader!(
    /// `Department.disclosure(year, stage)`: one query per distinct year × stage.
    DisclosureByKeyLoader: DisclosureKey => entity::disclosure::Model, disclosures::by_keys);
query_loader!(
    /// `Region.children`: the sub-regions of many regions in one query.
    RegionChildrenLoader: i32 => Vec<entity::region::Model>, regions::children_of);
