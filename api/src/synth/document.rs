//! One synthetic disclosure: believable amounts (in whole 0.01 万元), projects with indicator
//! tables, function-class lines, 三公, procurement and assets. Integer arithmetic only.

use rand::Rng;
use rust_decimal::Decimal;

use super::names::DepartmentKind;
use crate::document::*;
use crate::money::MoneyUnit;

/// 0.01 万元 in 分: amounts are whole multiples of it, as disclosures print them.
const CENT_OF_WAN: i64 = 10_000;
/// 1 万元 in 分.
const WAN: i64 = 1_000_000;

/// What stays the same for a department across years.
#[derive(Debug, Clone)]
pub struct Profile {
    pub staff: i32,
    pub personnel_per_head_fen: i64,
    pub public_per_head_fen: i64,
    pub project_ratio_bp: i64,
    pub three_public_per_head_fen: i64,
    pub project_count: usize,
}

impl Profile {
    pub fn random(rng: &mut impl Rng, kind: &DepartmentKind, projects: (usize, usize)) -> Self {
        let staff = 8
            + rng.random_range(0..40) * rng.random_range(1..6)
            + if kind.administrative {
                0
            } else {
                rng.random_range(0..120)
            };
        Profile {
            staff,
            personnel_per_head_fen: rng.random_range(12 * WAN..22 * WAN),
            public_per_head_fen: rng.random_range(2 * WAN..5 * WAN),
            project_ratio_bp: rng.random_range(2_000..20_000),
            three_public_per_head_fen: rng.random_range(WAN / 20..WAN / 2),
            project_count: rng.random_range(projects.0..=projects.1),
        }
    }
}

/// The headline figures of one year, in 分 (whole 0.01 万元).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    pub personnel: i64,
    pub public_operating: i64,
    pub project: i64,
    pub outbound: i64,
    pub vehicle_purchase: i64,
    pub vehicle_operation: i64,
    pub reception: i64,
}

impl Headline {
    pub fn basic(&self) -> i64 {
        self.personnel + self.public_operating
    }
    pub fn total(&self) -> i64 {
        self.basic() + self.project
    }
    pub fn vehicle(&self) -> i64 {
        self.vehicle_purchase + self.vehicle_operation
    }
    pub fn three_public(&self) -> i64 {
        self.outbound + self.vehicle() + self.reception
    }
}

/// `fen` scaled by `bp` basis points and rounded down to 0.01 万元.
fn scaled(fen: i64, bp: i64) -> i64 {
    (fen.saturating_mul(bp) / 10_000 / CENT_OF_WAN) * CENT_OF_WAN
}

fn round(fen: i64) -> i64 {
    (fen / CENT_OF_WAN) * CENT_OF_WAN
}

/// The first year's figures of a department.
pub fn first_year(rng: &mut impl Rng, profile: &Profile) -> Headline {
    let staff = i64::from(profile.staff);
    let personnel = round(staff * profile.personnel_per_head_fen);
    let public_operating = round(staff * profile.public_per_head_fen);
    let three = staff * profile.three_public_per_head_fen;
    Headline {
        personnel,
        public_operating,
        project: scaled(personnel + public_operating, profile.project_ratio_bp),
        outbound: if rng.random_bool(0.1) {
            round(three / 5)
        } else {
            0
        },
        vehicle_purchase: if rng.random_bool(0.15) { 25 * WAN } else { 0 },
        vehicle_operation: round(three / 2),
        reception: round(three / 3),
    }
}

/// The next year: each figure grows or shrinks a little.
pub fn next_year(rng: &mut impl Rng, previous: &Headline) -> Headline {
    let mut grow = |fen: i64| scaled(fen, rng.random_range(9_300..11_200));
    Headline {
        personnel: grow(previous.personnel),
        public_operating: grow(previous.public_operating),
        project: grow(previous.project),
        outbound: grow(previous.outbound),
        vehicle_purchase: if previous.vehicle_purchase > 0 {
            0
        } else {
            previous.vehicle_purchase
        },
        vehicle_operation: grow(previous.vehicle_operation),
        reception: grow(previous.reception),
    }
}

/// The final accounts of a budget: what was actually spent.
pub fn final_accounts(rng: &mut impl Rng, budget: &Headline) -> Headline {
    let mut spent = |fen: i64| scaled(fen, rng.random_range(8_500..10_300));
    Headline {
        personnel: spent(budget.personnel),
        public_operating: spent(budget.public_operating),
        project: spent(budget.project),
        outbound: spent(budget.outbound),
        vehicle_purchase: budget.vehicle_purchase,
        vehicle_operation: spent(budget.vehicle_operation),
        reception: spent(budget.reception),
    }
}

fn wan(fen: i64) -> Option<Decimal> {
    Some(MoneyUnit::WanYuan.from_fen(fen))
}

/// What a generated document is about.
pub struct Subject<'a> {
    pub department: DepartmentInfo,
    pub kind: &'a DepartmentKind,
    pub fiscal_year: i32,
    pub stage: Stage,
    pub profile: &'a Profile,
}

/// Builds the document; `flawed` plants one of the inconsistencies real documents have.
pub fn document(
    rng: &mut impl Rng,
    subject: &Subject<'_>,
    figures: &Headline,
    previous: Option<&Headline>,
    flawed: bool,
) -> DisclosureDocument {
    let mut basic = figures.basic();
    let mut project_total = figures.project;
    let mut vehicle_change_error = 0;
    if flawed {
        match rng.random_range(0..3) {
            0 => basic += 3 * CENT_OF_WAN,
            1 => project_total += 2 * CENT_OF_WAN,
            _ => vehicle_change_error = 6 * WAN,
        }
    }
    let total = basic + project_total;
    let stated_changes = previous
        .map(|p| stated_changes(subject.fiscal_year, figures, p, vehicle_change_error))
        .unwrap_or_default();
    DisclosureDocument {
        department: subject.department.clone(),
        fiscal_year: subject.fiscal_year,
        stage: subject.stage,
        amount_unit: MoneyUnit::WanYuan,
        title: Some(format!(
            "{}{}年部门{}信息公开情况说明",
            subject.department.name,
            subject.fiscal_year,
            if subject.stage == Stage::FinalAccounts {
                "决算"
            } else {
                "预算"
            }
        )),
        units: Vec::new(),
        income: Income {
            total: wan(total),
            general_public_budget: wan(total - round(total / 20)),
            government_fund: wan(0),
            special_account: wan(0),
            other: wan(round(total / 20)),
            ..Income::default()
        },
        expenditure: Expenditure {
            total: wan(total),
            basic: wan(basic),
            personnel: wan(figures.personnel),
            public_operating: wan(figures.public_operating),
            project: wan(project_total),
        },
        expenditure_lines: function_lines(subject.kind, figures.total()),
        stated_changes,
        operating_cost: wan(figures.public_operating),
        three_public: ThreePublic {
            total: wan(figures.three_public()),
            outbound_travel: wan(figures.outbound),
            vehicle_total: wan(figures.vehicle()),
            vehicle_purchase: wan(figures.vehicle_purchase),
            vehicle_operation: wan(figures.vehicle_operation),
            reception: wan(figures.reception),
        },
        staff_in_service: Some(subject.profile.staff),
        performance: Performance {
            overall_goal: Some(format!(
                "保障{}正常运转，完成年度工作任务。",
                subject.department.name
            )),
            sub_goals: Vec::new(),
        },
        projects: projects(rng, subject.profile.project_count, figures.project),
        procurement: procurement(rng, figures.project),
        fixed_assets: fixed_assets(rng, subject.profile.staff),
    }
}

/// The changes a document states against the previous year (true, except a planted error).
fn stated_changes(
    year: i32,
    now: &Headline,
    before: &Headline,
    vehicle_error: i64,
) -> Vec<StatedChange> {
    let change = |item, fen: i64| StatedChange {
        item,
        previous_year: Some(year - 1),
        amount: wan(fen),
        percent: None,
        reason: None,
    };
    vec![
        change(BudgetItem::ExpenditureTotal, now.total() - before.total()),
        change(BudgetItem::Basic, now.basic() - before.basic()),
        change(BudgetItem::Project, now.project - before.project),
        change(
            BudgetItem::ThreePublicTotal,
            now.three_public() - before.three_public(),
        ),
        change(
            BudgetItem::VehicleTotal,
            now.vehicle() - before.vehicle() + vehicle_error,
        ),
        change(
            BudgetItem::VehiclePurchase,
            now.vehicle_purchase - before.vehicle_purchase,
        ),
        change(
            BudgetItem::VehicleOperation,
            now.vehicle_operation - before.vehicle_operation,
        ),
    ]
}

/// Expenditure by function class (项, 7 digits): most in the department's own class, the rest
/// in pensions, health insurance and housing, adding up exactly to the total.
fn function_lines(kind: &DepartmentKind, total: i64) -> Vec<ExpenditureLine> {
    let pension = round(total / 10);
    let health = round(total / 25);
    let housing = round(total / 20);
    let own = total - pension - health - housing;
    [
        (
            format!("{}0101", kind.function_class),
            format!("{}（行政运行）", kind.function_name),
            own,
        ),
        (
            "2080505".to_owned(),
            "机关事业单位基本养老保险缴费支出".to_owned(),
            pension,
        ),
        ("2101101".to_owned(), "行政单位医疗".to_owned(), health),
        ("2210201".to_owned(), "住房公积金".to_owned(), housing),
    ]
    .into_iter()
    .map(|(code, name, fen)| ExpenditureLine {
        classification: Classification::Function,
        code,
        name,
        amount: wan(fen),
    })
    .collect()
}

const LEVEL2: &[(&str, &str, &str)] = &[
    ("产出指标", "数量指标", "个"),
    ("产出指标", "质量指标", "%"),
    ("产出指标", "时效指标", "个月"),
    ("产出指标", "成本指标", "万元"),
    ("效益指标", "社会效益指标", "万人"),
    ("效益指标", "可持续影响指标", ""),
    ("满意度指标", "服务对象满意度指标", "%"),
    ("效益指标", "经济效益指标", "%"),
];

/// Projects whose amounts add up exactly to `total`, with 5–8 indicator rows each.
fn projects(rng: &mut impl Rng, count: usize, total: i64) -> Vec<Project> {
    if count == 0 {
        return Vec::new();
    }
    let weights: Vec<i64> = (0..count).map(|_| rng.random_range(1..20)).collect();
    let weight_sum: i64 = weights.iter().sum();
    let mut left = total;
    (0..count)
        .map(|n| {
            let amount = if n + 1 == count {
                left
            } else {
                round(total / weight_sum * weights[n])
            };
            left -= amount;
            let indicators = (0..rng.random_range(5..=8usize))
                .map(|k| {
                    let (level1, level2, unit) = LEVEL2[k % LEVEL2.len()];
                    let target = match (level2, rng.random_range(0..20)) {
                        (_, 0) => None,
                        ("成本指标", _) => {
                            Some(format!("{}万元", MoneyUnit::WanYuan.from_fen(amount)))
                        }
                        ("可持续影响指标", _) => Some("长期".to_owned()),
                        ("质量指标" | "服务对象满意度指标" | "经济效益指标", x) => {
                            Some(format!("≥{}{unit}", 80 + x))
                        }
                        (_, x) => Some(format!("{}{unit}", x + 1)),
                    };
                    Indicator {
                        level1: level1.to_owned(),
                        level2: Some(level2.to_owned()),
                        level3: Some(format!("{level2}{}", k + 1)),
                        description: Some(format!("项目{}的{level2}", n + 1)),
                        target,
                        basis: Some("年度工作计划".to_owned()),
                    }
                })
                .collect();
            Project {
                name: format!("专项业务经费{}", n + 1),
                amount: wan(amount),
                goal: Some(format!("完成专项业务经费{}所列年度工作任务。", n + 1)),
                indicators,
            }
        })
        .collect()
}

fn procurement(rng: &mut impl Rng, project_total: i64) -> Procurement {
    let count = rng.random_range(0..3usize);
    let items: Vec<ProcurementItem> = (0..count)
        .map(|n| {
            let quantity: i64 = rng.random_range(1..30);
            let price = round(project_total / 400).max(CENT_OF_WAN);
            ProcurementItem {
                project_name: Some(format!("专项业务经费{}", n + 1)),
                item_name: ["计算机设备", "打印机", "复印机"][n % 3].to_owned(),
                catalogue_number: None,
                quantity_unit: Some("台".to_owned()),
                quantity: Some(Decimal::from(quantity)),
                unit_price: wan(price),
                amount: wan(price * quantity),
                general_public_budget: wan(price * quantity),
            }
        })
        .collect();
    let total = items.iter().filter_map(|i| i.amount).sum();
    Procurement {
        total: (!items.is_empty()).then_some(total),
        items,
    }
}

fn fixed_assets(rng: &mut impl Rng, staff: i32) -> FixedAssets {
    let vehicles =
        i64::from(staff) * rng.random_range(WAN..5 * WAN) / 10 / CENT_OF_WAN * CENT_OF_WAN;
    let other = i64::from(staff) * rng.random_range(WAN..3 * WAN) / CENT_OF_WAN * CENT_OF_WAN;
    FixedAssets {
        total: wan(vehicles + other),
        as_of: None,
        items: vec![
            FixedAssetItem {
                category: "车辆".to_owned(),
                quantity: None,
                value: wan(vehicles),
            },
            FixedAssetItem {
                category: "其他固定资产".to_owned(),
                quantity: None,
                value: wan(other),
            },
        ],
    }
}
