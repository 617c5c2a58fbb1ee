//! Serde structs of the disclosure document (see the module docs).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::MoneyUnit;

/// An optional decimal written as a string ("1465.35").
type Amount = Option<Decimal>;

/// One disclosure (预算/决算信息公开) of one department, fiscal year and stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DisclosureDocument {
    /// The department that publishes the disclosure.
    pub department: DepartmentInfo,
    /// 预算年度: the fiscal year the disclosure covers.
    pub fiscal_year: i32,
    /// 预算 / 调整预算 / 决算.
    pub stage: Stage,
    /// The unit every amount in this document is stated in (单位：万元 / 元).
    pub amount_unit: MoneyUnit,
    /// The document's title as published.
    #[serde(default)]
    pub title: Option<String>,
    /// 机构设置: the units (单位) the disclosure covers, with their attributes.
    #[serde(default)]
    pub units: Vec<UnitInfo>,
    /// 收入: income by fund source.
    #[serde(default)]
    pub income: Income,
    /// 支出: expenditure, basic (personnel + public operating) and project.
    #[serde(default)]
    pub expenditure: Expenditure,
    /// Expenditure lines by function or economic classification code, where the source lists them.
    #[serde(default)]
    pub expenditure_lines: Vec<ExpenditureLine>,
    /// 比上年增减: the changes against the previous year that the source states.
    #[serde(default)]
    pub stated_changes: Vec<StatedChange>,
    /// 机关运行经费: the operating cost of the organ.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub operating_cost: Amount,
    /// 财政拨款"三公"经费.
    #[serde(default)]
    pub three_public: ThreePublic,
    /// 在职人数: staff in service.
    #[serde(default)]
    pub staff_in_service: Option<i32>,
    /// 绩效预算信息: overall and itemised performance goals.
    #[serde(default)]
    pub performance: Performance,
    /// 项目: project spending with performance indicators.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// 政府采购预算.
    #[serde(default)]
    pub procurement: Procurement,
    /// 国有资产信息: fixed assets.
    #[serde(default)]
    pub fixed_assets: FixedAssets,
}

/// Disclosure stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Stage {
    /// 预算: the year-start budget.
    Budget,
    /// 调整预算: an adjusted budget.
    AdjustedBudget,
    /// 决算: final accounts.
    FinalAccounts,
}

/// 部门: the department and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DepartmentInfo {
    /// The full official name (e.g. 中共河北省大城县委办公室); it identifies the department.
    pub name: String,
    /// The region (财政区划) the department belongs to.
    #[serde(default)]
    pub region: Option<RegionInfo>,
    /// 单位性质 (行政单位, 事业单位…).
    #[serde(default)]
    pub unit_nature: Option<String>,
    /// 单位规格 (处级, 科级…).
    #[serde(default)]
    pub rank: Option<String>,
    /// 经费保障形式 (财政拨款, 财政补助…).
    #[serde(default)]
    pub funding_form: Option<String>,
    /// 部门职责: the duties text.
    #[serde(default)]
    pub duties: Option<String>,
}

/// 财政区划: a region, with its parent chain up to the province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegionInfo {
    /// 财政区划代码 (6 digits, e.g. 131025).
    pub code: String,
    /// The region's name (e.g. 大城县).
    pub name: String,
    /// Administrative level.
    pub level: RegionLevel,
    /// The region above this one.
    #[serde(default)]
    pub parent: Option<Box<RegionInfo>>,
}

/// Administrative level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RegionLevel {
    /// 省级.
    Province,
    /// 市级.
    City,
    /// 县级.
    County,
    /// 乡镇级.
    Township,
}

/// 单位: one unit listed in the 机构设置 table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitInfo {
    /// 单位名称.
    pub name: String,
    /// 单位性质.
    #[serde(default)]
    pub unit_nature: Option<String>,
    /// 单位规格.
    #[serde(default)]
    pub rank: Option<String>,
    /// 经费保障形式.
    #[serde(default)]
    pub funding_form: Option<String>,
}

/// 收入: income by fund source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Income {
    /// 收入合计.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub total: Amount,
    /// 一般公共预算拨款.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub general_public_budget: Amount,
    /// 政府性基金预算拨款.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub government_fund: Amount,
    /// 国有资本经营预算拨款.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub state_capital: Amount,
    /// 财政专户核拨.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub special_account: Amount,
    /// 上年结转: carried over from the previous year.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub carried_over: Amount,
    /// 其他收入.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub other: Amount,
}

/// 支出: expenditure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expenditure {
    /// 支出合计.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub total: Amount,
    /// 基本支出 (= personnel + public operating).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub basic: Amount,
    /// 人员经费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub personnel: Amount,
    /// 日常公用经费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub public_operating: Amount,
    /// 项目支出.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub project: Amount,
}

/// Which classification an expenditure line follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Classification {
    /// 支出功能分类 (201, 20131, 2013101…).
    Function,
    /// 部门预算支出经济分类 (301, 30101…).
    Economic,
}

/// One expenditure line by classification code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpenditureLine {
    /// Function or economic classification.
    pub classification: Classification,
    /// The code as text (类 3 digits, 款 5, 项 7).
    pub code: String,
    /// The name the source gives the code.
    pub name: String,
    /// The amount.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Amount,
}

/// A figure that a stated change or finding refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BudgetItem {
    /// 收入合计.
    IncomeTotal,
    /// 支出合计.
    ExpenditureTotal,
    /// 基本支出.
    Basic,
    /// 人员经费.
    Personnel,
    /// 日常公用经费.
    PublicOperating,
    /// 项目支出.
    Project,
    /// 机关运行经费.
    OperatingCost,
    /// "三公"经费合计.
    ThreePublicTotal,
    /// 因公出国（境）费.
    OutboundTravel,
    /// 公务用车购置及运维费.
    VehicleTotal,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运维费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
}

/// A change against the previous year, as the source states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatedChange {
    /// The figure that changed.
    pub item: BudgetItem,
    /// The year compared against (usually the fiscal year − 1).
    #[serde(default)]
    pub previous_year: Option<i32>,
    /// The stated change, signed (增加 +, 减少 −, 持平 0), in the document's unit.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub amount: Amount,
    /// The stated change in percent, signed (下降 38.28% → "-38.28").
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub percent: Amount,
    /// The stated reason (主要原因…).
    #[serde(default)]
    pub reason: Option<String>,
}

/// 财政拨款"三公"经费.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThreePublic {
    /// "三公"经费合计.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub total: Amount,
    /// 因公出国（境）费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub outbound_travel: Amount,
    /// 公务用车购置及运维费 (the subtotal as stated).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub vehicle_total: Amount,
    /// 公务用车购置费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub vehicle_purchase: Amount,
    /// 公务用车运维费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub vehicle_operation: Amount,
    /// 公务接待费.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub reception: Amount,
}

/// 绩效预算信息.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Performance {
    /// 总体绩效目标.
    #[serde(default)]
    pub overall_goal: Option<String>,
    /// 分项绩效目标.
    #[serde(default)]
    pub sub_goals: Vec<SubGoal>,
}

/// 分项绩效目标: one itemised performance goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubGoal {
    /// The item's name (参谋协调运转).
    pub name: String,
    /// The item's description.
    #[serde(default)]
    pub description: Option<String>,
    /// 绩效目标 (also 效绩目标 / 效能目标 in the sample).
    #[serde(default)]
    pub goal: Option<String>,
    /// 绩效指标.
    #[serde(default)]
    pub indicator: Option<String>,
}

/// 项目: one project with its performance target table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Project {
    /// The project's name (县委秘书组办公经费).
    pub name: String,
    /// The project's amount.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub amount: Amount,
    /// 绩效目标: the project's goal text.
    #[serde(default)]
    pub goal: Option<String>,
    /// The indicator rows, in source order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// 绩效指标: one row of a project's indicator table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Indicator {
    /// 一级指标, carried down where the source merged the cell.
    pub level1: String,
    /// 二级指标.
    #[serde(default)]
    pub level2: Option<String>,
    /// 三级指标.
    #[serde(default)]
    pub level3: Option<String>,
    /// 绩效指标描述.
    #[serde(default)]
    pub description: Option<String>,
    /// 指标值, raw as the source prints it ("≥ 90%", "12 个月", "达标").
    #[serde(default)]
    pub target: Option<String>,
    /// 指标值确定依据.
    #[serde(default)]
    pub basis: Option<String>,
}

/// 政府采购预算.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Procurement {
    /// The total as stated (安排政府采购预算55万元).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub total: Amount,
    /// The items of the procurement table.
    #[serde(default)]
    pub items: Vec<ProcurementItem>,
}

/// One row of the procurement table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcurementItem {
    /// 政府采购项目来源: the project that funds it.
    #[serde(default)]
    pub project_name: Option<String>,
    /// 采购物品名称.
    pub item_name: String,
    /// 政府采购目录序号.
    #[serde(default)]
    pub catalogue_number: Option<String>,
    /// 数量单位 (台, 辆…).
    #[serde(default)]
    pub quantity_unit: Option<String>,
    /// 数量.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub quantity: Amount,
    /// 单价.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub unit_price: Amount,
    /// 政府采购金额.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub amount: Amount,
    /// Of the amount: 一般公共预算拨款.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub general_public_budget: Amount,
}

/// 国有资产信息: fixed assets at the end of the previous year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FixedAssets {
    /// The total as stated in the narrative (上年末固定资产金额).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub total: Amount,
    /// The date of the table (截止时间), as printed.
    #[serde(default)]
    pub as_of: Option<String>,
    /// The rows of the table, in source order.
    #[serde(default)]
    pub items: Vec<FixedAssetItem>,
}

/// One row of the fixed-asset table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FixedAssetItem {
    /// 项目 (资产总额, 车辆（台、辆）…), as printed.
    pub category: String,
    /// 数量, as printed.
    #[serde(default)]
    pub quantity: Option<String>,
    /// 价值.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub value: Amount,
}
