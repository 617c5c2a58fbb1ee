//! 部门: the Department type and the queries that find departments.

use async_graphql::connection::{Connection, Edge, EmptyFields, query};
use async_graphql::{Context, InputObject, Object};

use entity::department;

use super::disclosure::{Disclosure, database};

use super::error::{ApiResult, database_error};
use super::loaders::{
    DepartmentLoader, DisclosureByKeyLoader, DisclosuresOfDepartmentLoader, RegionLoader, load_one,
};
use super::paging::{fetch_limit, page_size, split_page};
use super::region::Region;
use crate::document::Stage;
use crate::labels::Label;
use crate::queries::departments::{self, DepartmentFilter as Filter};
use crate::queries::disclosures::DisclosureKey;
use crate::queries::regions;

pub struct Department(pub department::Model);

/// 部门 / 单位: a department (or one of its units) that publishes disclosures.
#[Object]
impl Department {
    /// The department's id.
    async fn id(&self) -> i32 {
        self.0.id
    }
    /// 部门名称: the full official name (e.g. 中共河北省大城县委办公室); unique.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// 单位性质: the unit's nature (行政单位, 事业单位…).
    async fn unit_nature(&self) -> Option<&str> {
        self.0.unit_nature.as_deref()
    }
    /// 单位规格: the unit's rank (处级, 科级…).
    async fn rank(&self) -> Option<&str> {
        self.0.rank.as_deref()
    }
    /// 经费保障形式: how the unit is funded (财政拨款…).
    async fn funding_form(&self) -> Option<&str> {
        self.0.funding_form.as_deref()
    }
    /// 部门职责: the duties text.
    async fn duties(&self) -> Option<&str> {
        self.0.duties.as_deref()
    }
    /// 财政区划: the region the department belongs to.
    async fn region(&self, ctx: &Context<'_>) -> ApiResult<Option<Region>> {
        let Some(id) = self.0.region_id else {
            return Ok(None);
        };
        Ok(load_one::<RegionLoader, _>(ctx, id).await?.map(Region))
    }
    /// 上级部门: the department this unit belongs to, if any.
    async fn parent(&self, ctx: &Context<'_>) -> ApiResult<Option<Department>> {
        let Some(id) = self.0.parent_id else {
            return Ok(None);
        };
        Ok(load_one::<DepartmentLoader, _>(ctx, id)
            .await?
            .map(Department))
    }
    /// The department's disclosure for one fiscal year and stage (预算 by default).
    async fn disclosure(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "预算年度: the fiscal year.")] year: i32,
        #[graphql(
            desc = "The stage; BUDGET when omitted.",
            default_with = "Stage::Budget"
        )]
        stage: Stage,
    ) -> ApiResult<Option<Disclosure>> {
        let key = DisclosureKey {
            department_id: self.0.id,
            fiscal_year: year,
            stage: stage.label(),
        };
        Ok(load_one::<DisclosureByKeyLoader, _>(ctx, key)
            .await?
            .map(Disclosure::from))
    }
    /// All of the department's disclosures, newest year first.
    async fn disclosures(&self, ctx: &Context<'_>) -> ApiResult<Vec<Disclosure>> {
        let rows = load_one::<DisclosuresOfDepartmentLoader, _>(ctx, self.0.id).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Disclosure::from)
            .collect())
    }
}

/// Narrows a list of departments. Every condition uses an index.
#[derive(InputObject, Default)]
pub struct DepartmentFilter {
    /// 财政区划代码: only departments in this region or its sub-regions.
    pub region_code: Option<String>,
    /// Only departments whose name contains this text.
    pub name_contains: Option<String>,
    /// 单位性质: only departments of this nature (行政单位, 事业单位…).
    pub unit_nature: Option<String>,
}

pub struct DepartmentTotal(Filter);

/// The total number of departments the filter matches, across all pages.
#[Object]
impl DepartmentTotal {
    /// The number of departments that match, across all pages.
    async fn total_count(&self, ctx: &Context<'_>) -> ApiResult<u64> {
        Ok(departments::count(database(ctx)?, &self.0)
            .await
            .map_err(database_error)?)
    }
}

#[derive(Default)]
pub struct DepartmentQuery;

/// Queries that find departments.
#[Object]
impl DepartmentQuery {
    /// One department by its full official name (部门名称).
    async fn department(&self, ctx: &Context<'_>, name: String) -> ApiResult<Option<Department>> {
        Ok(departments::find_by_name(database(ctx)?, &name)
            .await
            .map_err(database_error)?
            .map(Department))
    }

    /// Departments in id order, as a Relay connection with stable cursors (`first` ≤ 500).
    async fn departments(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        first: Option<i32>,
        filter: Option<DepartmentFilter>,
    ) -> async_graphql::Result<Connection<i32, Department, DepartmentTotal, EmptyFields>> {
        let db = database(ctx)?;
        let filter = resolve_filter(db, filter.unwrap_or_default()).await?;
        query(
            after,
            None,
            first,
            None,
            |after: Option<i32>, _, first, _| async move {
                let size = page_size(first)?;
                let rows = departments::page(db, &filter, after, fetch_limit(size))
                    .await
                    .map_err(database_error)?;
                let (rows, has_next) = split_page(rows, size);
                let mut connection = Connection::with_additional_fields(
                    after.is_some(),
                    has_next,
                    DepartmentTotal(filter),
                );
                connection
                    .edges
                    .extend(rows.into_iter().map(|d| Edge::new(d.id, Department(d))));
                Ok::<_, async_graphql::Error>(connection)
            },
        )
        .await
    }
}

/// Turns the GraphQL filter into the query's filter (a region code into its sub-tree's ids).
async fn resolve_filter(
    db: &sea_orm::DatabaseConnection,
    filter: DepartmentFilter,
) -> ApiResult<Filter> {
    let region_ids = match &filter.region_code {
        None => None,
        Some(code) => Some(
            match regions::find_by_code(db, code)
                .await
                .map_err(database_error)?
            {
                Some(region) => regions::subtree_ids(db, &region)
                    .await
                    .map_err(database_error)?,
                None => Vec::new(),
            },
        ),
    };
    Ok(Filter {
        region_ids,
        name_contains: filter.name_contains,
        unit_nature: filter.unit_nature,
    })
}
