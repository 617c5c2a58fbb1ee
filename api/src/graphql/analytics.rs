//! Roll-ups and rankings across departments, regions and years, computed in the database.

use std::sync::Arc;

use async_graphql::{Context, Enum, ErrorExtensions, InputObject, Object};

use super::department::Department;
use super::disclosure::database;
use super::error::{ApiError, ApiResult, database_error};
use super::figures::{Expenditure, Income, ThreePublic};
use super::loaders::{DepartmentLoader, load_one};
use super::money::{money, per_head, share};
use super::scalars::Decimal;
use crate::document::Stage;
use crate::labels::Label;
use crate::money::MoneyUnit;
use crate::queries::aggregate::{self, AggregateFilter as Filter, AggregateRow, Dimension};
use crate::queries::figures::Figures;
use crate::queries::ranking::{self, RankingFilter, RankingMetric as Metric};
use crate::queries::regions;

/// What a roll-up groups by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum AggregateDimension {
    /// 预算年度: by fiscal year.
    Year,
    /// 财政区划: by the departments' own region.
    Region,
    /// 部门: by department.
    Department,
    /// 预算/决算: by stage.
    Stage,
    /// 单位性质: by unit nature (行政单位, 事业单位…).
    UnitNature,
    /// 支出功能分类: by function class of the expenditure lines (at `functionClassLevel`).
    FunctionClass,
}

/// How many digits of a function classification code a group keeps.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum FunctionClassLevel {
    /// 类: 3 digits (201 一般公共服务支出).
    #[default]
    Class,
    /// 款: 5 digits (20131).
    Section,
    /// 项: 7 digits (2013101).
    Item,
}

impl FunctionClassLevel {
    fn digits(self) -> u32 {
        match self {
            FunctionClassLevel::Class => 3,
            FunctionClassLevel::Section => 5,
            FunctionClassLevel::Item => 7,
        }
    }
}

/// Which disclosures a roll-up covers. Every condition uses an index.
#[derive(InputObject, Default)]
pub struct AggregateFilter {
    /// 财政区划代码: a region and all its sub-regions.
    pub region_code: Option<String>,
    /// 预算年度: only these fiscal years.
    pub years: Option<Vec<i32>>,
    /// Only this stage. Defaults to BUDGET unless the roll-up groups by STAGE (budget and final
    /// accounts are not summed together).
    pub stage: Option<Stage>,
    /// 单位性质: only departments of this nature.
    pub unit_nature: Option<String>,
    /// 支出功能分类: only expenditure lines whose function code starts with this (208, 20805…);
    /// the group's `functionExpenditure` sums those lines.
    pub function_class_prefix: Option<String>,
}

pub struct AggregateGroup(Arc<AggregateRow>);

/// One group of a roll-up: its keys (null where the roll-up does not group by them) and its
/// figures, summed exactly in SQL. Derived figures are computed from the group's sums.
#[Object]
impl AggregateGroup {
    /// 预算年度, when grouped by YEAR.
    async fn year(&self) -> Option<i32> {
        self.0.fiscal_year
    }
    /// The stage, when grouped by STAGE.
    async fn stage(&self) -> Option<Stage> {
        self.0.stage.as_deref().and_then(Stage::from_label)
    }
    /// 财政区划代码, when grouped by REGION.
    async fn region_code(&self) -> Option<&str> {
        self.0.region_code.as_deref()
    }
    /// The region's name, when grouped by REGION.
    async fn region_name(&self) -> Option<&str> {
        self.0.region_name.as_deref()
    }
    /// 部门, when grouped by DEPARTMENT.
    async fn department(&self, ctx: &Context<'_>) -> ApiResult<Option<Department>> {
        let Some(id) = self.0.department_id else {
            return Ok(None);
        };
        Ok(load_one::<DepartmentLoader, _>(ctx, id)
            .await?
            .map(Department))
    }
    /// 单位性质, when grouped by UNIT_NATURE.
    async fn unit_nature(&self) -> Option<&str> {
        self.0.unit_nature.as_deref()
    }
    /// 支出功能分类 code prefix, when grouped by FUNCTION_CLASS.
    async fn function_class(&self) -> Option<&str> {
        self.0.function_class.as_deref()
    }
    /// How many departments the group holds.
    async fn department_count(&self) -> i64 {
        self.0.department_count
    }
    /// How many disclosures the group holds.
    async fn disclosure_count(&self) -> i64 {
        self.0.disclosure_count
    }
    /// 收入: income summed over the group.
    async fn income(&self) -> Income {
        Income(self.figures())
    }
    /// 支出: expenditure summed over the group (the disclosures' stated totals).
    async fn expenditure(&self) -> Expenditure {
        Expenditure(self.figures())
    }
    /// 支出功能分类: the group's expenditure lines by function class, summed (when the roll-up
    /// uses function classes).
    async fn function_expenditure(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.function_expenditure_fen, unit)
    }
    /// "三公"经费 summed over the group.
    async fn three_public(&self) -> ThreePublic {
        ThreePublic(self.figures())
    }
    /// 机关运行经费 summed over the group.
    async fn operating_cost(&self, #[graphql(default)] unit: MoneyUnit) -> Option<Decimal> {
        money(self.0.figures.operating_cost_fen, unit)
    }
    /// 在职人数 summed over the group.
    async fn staff_in_service(&self) -> Option<i64> {
        self.0.staff_in_service
    }
    /// 人均机关运行经费: the group's operating cost over its staff, both summed over the
    /// disclosures that state both (not an average of ratios).
    async fn per_capita_operating_cost(
        &self,
        #[graphql(default)] unit: MoneyUnit,
    ) -> Option<Decimal> {
        let staff = self
            .0
            .staff_with_operating_cost
            .and_then(|s| i32::try_from(s).ok());
        per_head(self.0.operating_cost_with_staff_fen, staff, unit)
    }
    /// "三公"经费占比: the group's 三公 over its total expenditure, both summed over the
    /// disclosures that state both.
    async fn three_public_share(&self) -> Option<Decimal> {
        share(
            self.0.three_public_with_expenditure_fen,
            self.0.expenditure_with_three_public_fen,
        )
    }
}

impl AggregateGroup {
    fn figures(&self) -> Arc<Figures> {
        Arc::new(self.0.figures.clone())
    }
}

/// What a ranking sorts departments by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum RankingMetric {
    /// 人均机关运行经费: operating cost per staff member in service.
    PerCapitaOperatingCost,
    /// "三公"经费占比: 三公 as a fraction of total expenditure.
    ThreePublicShare,
    /// 支出合计: total expenditure.
    ExpenditureTotal,
    /// "三公"经费合计.
    ThreePublicTotal,
    /// 支出比上年增减: total expenditure minus the stored previous year's (same stage).
    YoyExpenditureChange,
    /// 支出比上年增减率: that change as a fraction of the previous year's total.
    YoyExpenditureChangeRate,
}

/// Which way a ranking runs.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankingOrder {
    /// Largest first.
    #[default]
    Desc,
    /// Smallest first.
    Asc,
}

/// One place of a ranking.
pub struct RankingEntry {
    rank: i32,
    value: Option<Decimal>,
    department_id: i32,
}

/// A department's place in a ranking, with the value it was ranked by.
#[Object]
impl RankingEntry {
    /// 1 for the first; departments with equal values share a rank (1, 2, 2, 4).
    async fn rank(&self) -> i32 {
        self.rank
    }
    /// The metric's value: money in the ranking's `unit`, shares as fractions.
    async fn value(&self) -> Option<Decimal> {
        self.value
    }
    /// 部门: the department.
    async fn department(&self, ctx: &Context<'_>) -> ApiResult<Option<Department>> {
        Ok(load_one::<DepartmentLoader, _>(ctx, self.department_id)
            .await?
            .map(Department))
    }
}

/// Most groups of a ranking a client may ask for.
const MAX_RANKING: i32 = 1000;

/// Queries that roll up and rank across departments.
#[derive(Default)]
pub struct AnalyticsQuery;

#[Object]
impl AnalyticsQuery {
    /// Rolls disclosures up by the given dimensions (none: one group of everything), summing
    /// every figure in the database. A region filter includes its sub-regions. For a time
    /// series, group by YEAR over `filter.years`.
    async fn aggregate(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: AggregateFilter,
        group_by: Vec<AggregateDimension>,
        #[graphql(default)] function_class_level: FunctionClassLevel,
    ) -> ApiResult<Vec<AggregateGroup>> {
        let db = database(ctx)?;
        let dimensions: Vec<Dimension> = group_by
            .iter()
            .map(|d| match d {
                AggregateDimension::Year => Dimension::Year,
                AggregateDimension::Region => Dimension::Region,
                AggregateDimension::Department => Dimension::Department,
                AggregateDimension::Stage => Dimension::Stage,
                AggregateDimension::UnitNature => Dimension::UnitNature,
                AggregateDimension::FunctionClass => {
                    Dimension::FunctionClass(function_class_level.digits())
                }
            })
            .collect();
        let region_path = match &filter.region_code {
            Some(code) => match regions::find_by_code(db, code)
                .await
                .map_err(database_error)?
            {
                Some(region) => Some(region.path),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let stage = match filter.stage {
            Some(stage) => Some(stage.label()),
            None if group_by.contains(&AggregateDimension::Stage) => None,
            None => Some(Stage::Budget.label()),
        };
        let query_filter = Filter {
            region_path,
            years: filter.years,
            stage,
            unit_nature: filter.unit_nature,
            function_class_prefix: filter
                .function_class_prefix
                .filter(|p| p.chars().all(|c| c.is_ascii_digit())),
        };
        let rows = aggregate::aggregate(db, &query_filter, &dimensions)
            .await
            .map_err(database_error)?;
        Ok(rows
            .into_iter()
            .map(|row| AggregateGroup(Arc::new(row)))
            .collect())
    }

    /// Ranks the departments of a year (and region) by one metric, computed in the database.
    /// Departments without the figures the metric needs are left out.
    #[allow(clippy::too_many_arguments)]
    async fn ranking(
        &self,
        ctx: &Context<'_>,
        metric: RankingMetric,
        year: i32,
        #[graphql(default_with = "Stage::Budget")] stage: Stage,
        region_code: Option<String>,
        #[graphql(default)] order: RankingOrder,
        #[graphql(default = 10)] limit: i32,
        #[graphql(default)] unit: MoneyUnit,
    ) -> ApiResult<Vec<RankingEntry>> {
        if !(1..=MAX_RANKING).contains(&limit) {
            return Err(ApiError::BadArgument {
                argument: "limit",
                problem: format!("{limit} is not between 1 and {MAX_RANKING}"),
            }
            .extend());
        }
        let db = database(ctx)?;
        let region_path = match &region_code {
            Some(code) => match regions::find_by_code(db, code)
                .await
                .map_err(database_error)?
            {
                Some(region) => Some(region.path),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let query_metric = match metric {
            RankingMetric::PerCapitaOperatingCost => Metric::PerCapitaOperatingCost,
            RankingMetric::ThreePublicShare => Metric::ThreePublicShare,
            RankingMetric::ExpenditureTotal => Metric::ExpenditureTotal,
            RankingMetric::ThreePublicTotal => Metric::ThreePublicTotal,
            RankingMetric::YoyExpenditureChange => Metric::YoyExpenditureChange,
            RankingMetric::YoyExpenditureChangeRate => Metric::YoyExpenditureChangeRate,
        };
        let filter = RankingFilter {
            fiscal_year: year,
            stage: stage.label(),
            region_path,
            descending: order == RankingOrder::Desc,
            limit: limit as u64,
        };
        let rows = ranking::ranking(db, query_metric, &filter)
            .await
            .map_err(database_error)?;
        let value = |numerator: i64, denominator: Option<i64>| match metric {
            RankingMetric::PerCapitaOperatingCost => per_head(
                Some(numerator),
                denominator.and_then(|d| i32::try_from(d).ok()),
                unit,
            ),
            RankingMetric::ThreePublicShare | RankingMetric::YoyExpenditureChangeRate => {
                share(Some(numerator), denominator)
            }
            _ => money(Some(numerator), unit),
        };
        let mut entries: Vec<RankingEntry> = Vec::with_capacity(rows.len());
        for (n, row) in rows.into_iter().enumerate() {
            let value = value(row.numerator, row.denominator);
            let rank = match entries.last() {
                Some(last) if last.value == value => last.rank,
                _ => i32::try_from(n + 1).unwrap_or(i32::MAX),
            };
            entries.push(RankingEntry {
                rank,
                value,
                department_id: row.department_id,
            });
        }
        Ok(entries)
    }
}
