//! 预算/决算信息公开: the Disclosure type, its derived metrics, and the queries that reach it
//! directly.

use std::sync::Arc;

use async_graphql::{Context, Object, SimpleObject};
use sea_orm::DatabaseConnection;

use entity::{
    disclosure, expenditure_line, finding, fixed_asset, performance_goal, procurement_item,
    project, stated_change,
};

use super::comparison::{BudgetExecution, YearOverYear, budget_execution, year_over_year};
use super::department::Department;
use async_graphql::ErrorExtensions;

use super::error::{ApiError, ApiResult, database_error};
use super::figures::{Expenditure, Income, ThreePublic};
use super::findings::Finding;
use super::lines::{ExpenditureLine, FixedAsset, PerformanceGoal, ProcurementItem, StatedChange};
use super::loaders::{DepartmentLoader, DisclosureLoader, children_of, load_one};
use super::money::{money, per_head, share};
use super::project::Project;
use super::scalars::Decimal;
use crate::document::{Classification, Stage};
use crate::labels::Label;
use crate::money::MoneyUnit;
use crate::queries::figures::Figures;
use crate::queries::fiscal_years;

#[derive(Clone)]
pub struct Disclosure(pub Arc<disclosure::Model>);

impl From<disclosure::Model> for Disclosure {
    fn from(model: disclosure::Model) -> Self {
        Disclosure(Arc::new(model))
    }
}

impl Disclosure {
    fn figures(&self) -> Arc<Figures> {
        Arc::new(Figures::from(self.0.as_ref()))
    }

    async fn lines_of(
        &self,
        ctx: &Context<'_>,
        classification: Classification,
    ) -> ApiResult<Vec<ExpenditureLine>> {
        let rows = children_of::<expenditure_line::Entity>(ctx, self.0.id).await?;
        Ok(rows
            .into_iter()
            .filter(|row| row.classification == classification.label())
            .map(ExpenditureLine)
            .collect())
    }
}

/// 部门预算/决算信息公开: one department's disclosure for one fiscal year and stage. Amounts are
/// exact decimals; every money field takes `unit` (万元 by default, or 元).
#[Object]
impl Disclosure {
    /// The disclosure's id.
    async fn id(&self) -> i32 {
        self.0.id
    }
    /// 预算年度: the fiscal year.
    async fn fiscal_year(&self) -> i32 {
        self.0.fiscal_year
    }
    /// 预算 / 调整预算 / 决算: the stage.
    async fn stage(&self) -> Option<Stage> {
        Stage::from_label(&self.0.stage)
    }
    /// 单位: the money unit the source document used (amounts are served in any unit).
    async fn source_unit(&self) -> Option<MoneyUnit> {
        MoneyUnit::from_label(&self.0.amount_unit)
    }
    /// The document's title as published.
    async fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }
    /// SHA-256 of the imported document's content; a re-import with the same hash changes nothing.
    async fn source_hash(&self) -> &str {
        &self.0.source_hash
    }
    /// 部门: the department that published it.
    async fn department(&self, ctx: &Context<'_>) -> ApiResult<Option<Department>> {
        let found = load_one::<DepartmentLoader, _>(ctx, self.0.department_id).await?;
        Ok(found.map(Department))
    }
    /// 收入: income by fund source.
    async fn income(&self) -> Income {
        Income(self.figures())
    }
    /// 支出: expenditure, basic and project.
    async fn expenditure(&self) -> Expenditure {
        Expenditure(self.figures())
    }
    /// 支出功能分类: expenditure lines by function class, where the source lists them.
    async fn expenditure_by_function(&self, ctx: &Context<'_>) -> ApiResult<Vec<ExpenditureLine>> {
        self.lines_of(ctx, Classification::Function).await
    }
    /// 部门预算支出经济分类: expenditure lines by economic class, where the source lists them.
    async fn expenditure_by_economic(&self, ctx: &Context<'_>) -> ApiResult<Vec<ExpenditureLine>> {
        self.lines_of(ctx, Classification::Economic).await
    }
    /// 比上年增减: headline figures against the stored previous year of the same department
    /// and stage, beside the change the document states; null when that year is not stored.
    async fn year_over_year(&self, ctx: &Context<'_>) -> ApiResult<Option<YearOverYear>> {
        year_over_year(ctx, self).await
    }
    /// 预算执行: budget against final accounts of the same department and year, figure by
    /// figure; null unless both stages are stored.
    async fn budget_execution(&self, ctx: &Context<'_>) -> ApiResult<Option<BudgetExecution>> {
        budget_execution(ctx, self).await
    }
    /// 比上年增减: the changes against the previous year that the document states.
    async fn stated_changes(&self, ctx: &Context<'_>) -> ApiResult<Vec<StatedChange>> {
        let rows = children_of::<stated_change::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(StatedChange).collect())
    }
    /// 机关运行经费: the operating cost of the organ (office running costs).
    async fn operating_cost(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.operating_cost_fen, unit)
    }
    /// 财政拨款"三公"经费: outbound travel, official vehicles, official reception.
    async fn three_public(&self) -> ThreePublic {
        ThreePublic(self.figures())
    }
    /// 在职人数: staff in service.
    async fn staff_in_service(&self) -> Option<i32> {
        self.0.staff_in_service
    }
    /// 人均机关运行经费: operating cost per staff member in service, to the 分; null without staff.
    async fn per_capita_operating_cost(
        &self,
        #[graphql(default)] unit: MoneyUnit,
    ) -> Option<Decimal> {
        per_head(self.0.operating_cost_fen, self.0.staff_in_service, unit)
    }
    /// 人均人员经费: personnel cost per staff member in service, to the 分; null without staff.
    async fn per_capita_personnel_cost(
        &self,
        #[graphql(default)] unit: MoneyUnit,
    ) -> Option<Decimal> {
        per_head(
            self.0.expenditure_personnel_fen,
            self.0.staff_in_service,
            unit,
        )
    }
    /// 人均"三公"经费: "三公" per staff member in service, to the 分; null without staff.
    async fn per_capita_three_public(
        &self,
        #[graphql(default)] unit: MoneyUnit,
    ) -> Option<Decimal> {
        per_head(self.0.three_public_total_fen, self.0.staff_in_service, unit)
    }
    /// "三公"经费占比: "三公" as a fraction of total expenditure (0.0242 = 2.42%).
    async fn three_public_share(&self) -> Option<Decimal> {
        share(self.0.three_public_total_fen, self.0.expenditure_total_fen)
    }
    /// 基本支出占比: basic expenditure as a fraction of total expenditure.
    async fn basic_share(&self) -> Option<Decimal> {
        share(self.0.expenditure_basic_fen, self.0.expenditure_total_fen)
    }
    /// 项目支出占比: project expenditure as a fraction of total expenditure.
    async fn project_share(&self) -> Option<Decimal> {
        share(self.0.expenditure_project_fen, self.0.expenditure_total_fen)
    }
    /// 总体绩效目标: the overall performance goal.
    async fn overall_goal(&self) -> Option<&str> {
        self.0.overall_goal.as_deref()
    }
    /// 分项绩效目标: the itemised performance goals.
    async fn performance_goals(&self, ctx: &Context<'_>) -> ApiResult<Vec<PerformanceGoal>> {
        let rows = children_of::<performance_goal::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(PerformanceGoal).collect())
    }
    /// 项目支出: the projects with their performance indicator tables, in source order.
    async fn projects(&self, ctx: &Context<'_>) -> ApiResult<Vec<Project>> {
        let rows = children_of::<project::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Project).collect())
    }
    /// How many projects the disclosure lists.
    async fn project_count(&self) -> i64 {
        i64::from(self.0.project_count)
    }
    /// The sum of the projects' amounts (exact, added up in 分 when the disclosure was
    /// imported), to compare with 项目支出.
    async fn project_amount_total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.project_amount_total_fen, unit)
    }
    /// 政府采购预算: the procurement total as stated.
    async fn procurement_total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.procurement_total_fen, unit)
    }
    /// 政府采购预算: the rows of the procurement table.
    async fn procurement_items(&self, ctx: &Context<'_>) -> ApiResult<Vec<ProcurementItem>> {
        let rows = children_of::<procurement_item::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(ProcurementItem).collect())
    }
    /// 国有资产: the rows of the fixed-asset table, by category.
    async fn fixed_assets(&self, ctx: &Context<'_>) -> ApiResult<Vec<FixedAsset>> {
        let rows = children_of::<fixed_asset::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(FixedAsset).collect())
    }
    /// 上年末固定资产金额: fixed assets at the end of the previous year, as stated.
    async fn fixed_assets_total(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.fixed_assets_total_fen, unit)
    }
    /// 数据质量: the problems found in this disclosure when it was imported.
    async fn findings(&self, ctx: &Context<'_>) -> ApiResult<Vec<Finding>> {
        let rows = children_of::<finding::Entity>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Finding).collect())
    }
    /// 截止时间: the date of the fixed-asset table, as printed.
    async fn fixed_assets_as_of(&self) -> Option<&str> {
        self.0.fixed_assets_as_of.as_deref()
    }
}

/// A fiscal year that holds data.
#[derive(SimpleObject)]
pub struct FiscalYear {
    /// 预算年度: the year.
    pub year: i32,
    /// How many disclosures (all stages) the year holds.
    pub disclosure_count: i64,
    /// How many departments have a disclosure for the year.
    pub department_count: i64,
}

#[derive(Default)]
pub struct DisclosureQuery;

/// Queries that reach disclosures directly.
#[Object]
impl DisclosureQuery {
    /// One disclosure by its id.
    async fn disclosure(&self, ctx: &Context<'_>, id: i32) -> ApiResult<Option<Disclosure>> {
        Ok(load_one::<DisclosureLoader, _>(ctx, id)
            .await?
            .map(Disclosure::from))
    }

    /// 预算年度: the fiscal years that hold data, with their counts, oldest first.
    async fn fiscal_years(&self, ctx: &Context<'_>) -> ApiResult<Vec<FiscalYear>> {
        let db = database(ctx)?;
        Ok(fiscal_years::with_counts(db)
            .await
            .map_err(database_error)?
            .into_iter()
            .map(|y| FiscalYear {
                year: y.fiscal_year,
                disclosure_count: y.disclosure_count,
                department_count: y.department_count,
            })
            .collect())
    }
}

/// The database connection registered on the schema.
pub fn database<'a>(ctx: &'a Context<'_>) -> ApiResult<&'a DatabaseConnection> {
    ctx.data::<DatabaseConnection>().map_err(|_| {
        ApiError::BadArgument {
            argument: "context",
            problem: "no database connection is registered".to_owned(),
        }
        .extend()
    })
}
