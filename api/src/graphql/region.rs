//! 财政区划: the Region type and the region tree.

use async_graphql::{Context, Object};

use entity::region;

use super::disclosure::database;
use super::error::{ApiResult, database_error};
use super::loaders::{RegionChildrenLoader, RegionLoader, load_one};
use crate::document::RegionLevel;
use crate::labels::Label;
use crate::queries::regions;

pub struct Region(pub region::Model);

/// 财政区划: a province, city, county or township, identified by its 财政区划代码.
#[Object]
impl Region {
    /// 财政区划代码: the finance division code (e.g. 131025).
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// The region's name (e.g. 大城县).
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// 级次: the administrative level.
    async fn level(&self) -> Option<RegionLevel> {
        RegionLevel::from_label(&self.0.level)
    }
    /// The region above this one.
    async fn parent(&self, ctx: &Context<'_>) -> ApiResult<Option<Region>> {
        let Some(id) = self.0.parent_id else {
            return Ok(None);
        };
        Ok(load_one::<RegionLoader, _>(ctx, id).await?.map(Region))
    }
    /// The regions directly below this one.
    async fn children(&self, ctx: &Context<'_>) -> ApiResult<Vec<Region>> {
        let rows = load_one::<RegionChildrenLoader, _>(ctx, self.0.id).await?;
        Ok(rows.unwrap_or_default().into_iter().map(Region).collect())
    }
}

#[derive(Default)]
pub struct RegionQuery;

/// Queries over the region tree.
#[Object]
impl RegionQuery {
    /// Every region, top-down (a parent before its children).
    async fn regions(&self, ctx: &Context<'_>) -> ApiResult<Vec<Region>> {
        Ok(regions::all(database(ctx)?)
            .await
            .map_err(database_error)?
            .into_iter()
            .map(Region)
            .collect())
    }

    /// One region by its 财政区划代码.
    async fn region(&self, ctx: &Context<'_>, code: String) -> ApiResult<Option<Region>> {
        Ok(regions::find_by_code(database(ctx)?, &code)
            .await
            .map_err(database_error)?
            .map(Region))
    }
}
