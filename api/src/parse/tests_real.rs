//! The ten real texts of `testdata/real/` (other provinces, years and layouts): the figures
//! each states, worked out by hand from the text. Where a text is cut off, only what is present
//! is asserted.

use super::{Overrides, parse_disclosure};
use crate::document::{BudgetItem, DisclosureDocument, Stage, StatedChange};
use crate::money::MoneyUnit;

const PINGWU: &str = include_str!("testdata/real/01-pingwu-forestry-2019-sangong-budget.txt");
const SHOUXIAN: &str = include_str!("testdata/real/02-shouxian-justice-2022-sangong-budget.txt");
const YOUXIAN: &str = include_str!("testdata/real/03-youxian-govoffice-2022-sangong-budget.txt");
const XUNDIAN: &str =
    include_str!("testdata/real/04-xundian-agriculture-2022-sangong-finalaccounts-yuan.txt");
const JISHAN: &str = include_str!("testdata/real/05-jishan-cppcc-2022-dept-budget.txt");
const DUJI: &str =
    include_str!("testdata/real/06-duji-logistics-centre-2021-sangong-finalaccounts.txt");
const ZHASHUI: &str =
    include_str!("testdata/real/07-zhashui-audit-2020-dept-finalaccounts-opening.txt");
const QIANTANG: &str =
    include_str!("testdata/real/08-qiantang-law-enforcement-2021-dept-finalaccounts-opening.txt");
const JIAOSHI: &str =
    include_str!("testdata/real/09-jiaoshi-town-fuling-2020-sangong-finalaccounts.txt");
const MATA: &str =
    include_str!("testdata/real/10-mata-town-jingyan-2023-performance-targets-table-yuan.txt");

use super::test_support::{d, parse};

fn change(doc: &DisclosureDocument, item: BudgetItem) -> StatedChange {
    match doc.stated_changes.iter().find(|c| c.item == item) {
        Some(c) => c.clone(),
        None => panic!("no stated change of {item:?} in {:#?}", doc.stated_changes),
    }
}

/// Asserts the "三公" figures: total, outbound, vehicle total, purchase, operation, reception.
fn assert_three_public(doc: &DisclosureDocument, expected: [Option<&str>; 6]) {
    let t = &doc.three_public;
    let found = [
        t.total,
        t.outbound_travel,
        t.vehicle_total,
        t.vehicle_purchase,
        t.vehicle_operation,
        t.reception,
    ];
    let expected = expected.map(|e| e.and_then(d));
    assert_eq!(
        found, expected,
        "三公 figures: total, outbound, vehicle total, purchase, operation, reception"
    );
}

fn assert_change(
    doc: &DisclosureDocument,
    item: BudgetItem,
    previous_year: i32,
    amount: Option<&str>,
    percent: Option<&str>,
) {
    let c = change(doc, item);
    assert_eq!(
        c.previous_year,
        Some(previous_year),
        "{item:?} previous year"
    );
    assert_eq!(c.amount, amount.and_then(d), "{item:?} amount");
    assert_eq!(c.percent, percent.and_then(d), "{item:?} percent");
}

#[test]
fn pingwu_forestry_2019_three_public_budget() {
    let doc = parse(PINGWU).document;
    assert_eq!(doc.department.name, "平武县林业和草原局");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2019, Stage::Budget, MoneyUnit::WanYuan)
    );
    // "无因公出国(境)经费预算安排" and "无公务用车购置费预算安排" state zeros; no total is stated.
    assert_three_public(
        &doc,
        [
            None,
            Some("0"),
            Some("25"),
            Some("0"),
            Some("25"),
            Some("12"),
        ],
    );
    assert_change(&doc, BudgetItem::Reception, 2018, None, Some("-51.22"));
    assert_eq!(
        change(&doc, BudgetItem::Reception).reason.as_deref(),
        Some("主要原因是厉行节约")
    );
    assert_change(&doc, BudgetItem::VehicleOperation, 2018, Some("0"), None);
}

#[test]
fn shouxian_justice_2022_flattened_table_and_narrative() {
    let parsed = parse(SHOUXIAN);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "寿县司法局");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2022, Stage::Budget, MoneyUnit::WanYuan)
    );
    // The narrative: 运行费 50, 购置费 25. The flattened table's headings are in another order
    // than its amounts; where they disagree the narrative is kept and the difference warned.
    assert_three_public(
        doc,
        [
            Some("79"),
            Some("0"),
            Some("75"),
            Some("25"),
            Some("50"),
            Some("4"),
        ],
    );
    assert_eq!(
        parsed
            .warnings
            .iter()
            .filter(|w| w.line == 13 && w.message.contains("kept"))
            .count(),
        2,
        "{:?}",
        parsed.warnings
    );
    assert_change(
        doc,
        BudgetItem::ThreePublicTotal,
        2021,
        Some("-49"),
        Some("-38.28"),
    );
    assert_change(doc, BudgetItem::OutboundTravel, 2021, Some("0"), None);
    assert_change(doc, BudgetItem::Reception, 2021, Some("-4"), Some("-50"));
    assert_eq!(
        change(doc, BudgetItem::Reception).reason.as_deref(),
        Some("原因主要是压缩开支,减少接待次数")
    );
    assert_change(
        doc,
        BudgetItem::VehicleTotal,
        2021,
        Some("-45"),
        Some("-37.5"),
    );
    assert_change(
        doc,
        BudgetItem::VehicleOperation,
        2021,
        Some("-10"),
        Some("-16.67"),
    );
    assert_change(
        doc,
        BudgetItem::VehiclePurchase,
        2021,
        Some("-35"),
        Some("-58.33"),
    );
    assert_eq!(
        change(doc, BudgetItem::VehiclePurchase).reason.as_deref(),
        Some("原因主要是本年度预计购置执法执勤用车2辆,比上年度少3辆")
    );
    assert_eq!(
        doc.expenditure.total, None,
        "三公 amounts are not the expenditure total"
    );
}

#[test]
fn youxian_gov_office_2022_narrative_under_headings() {
    let parsed = parse(YOUXIAN);
    let doc = &parsed.document;
    // The title abbreviates the name; the page's 发文机构 gives it in full.
    assert_eq!(doc.department.name, "游仙区人民政府办公室");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("游仙区政府办"))
    );
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2022, Stage::Budget, MoneyUnit::WanYuan)
    );
    assert_three_public(
        doc,
        [
            Some("9"),
            Some("0"),
            Some("8"),
            Some("0"),
            Some("8"),
            Some("1"),
        ],
    );
    assert_change(
        doc,
        BudgetItem::ThreePublicTotal,
        2021,
        Some("-6"),
        Some("-40"),
    );
    assert_eq!(
        change(doc, BudgetItem::ThreePublicTotal).reason.as_deref(),
        Some("主要原因是节约开支")
    );
    assert_change(doc, BudgetItem::OutboundTravel, 2021, Some("0"), None);
    assert_change(doc, BudgetItem::Reception, 2021, Some("0"), None);
    assert_change(doc, BudgetItem::VehicleTotal, 2021, None, Some("-42.86"));
    assert_change(doc, BudgetItem::VehiclePurchase, 2021, Some("0"), None);
    assert_change(
        doc,
        BudgetItem::VehicleOperation,
        2021,
        Some("-6"),
        Some("-42.86"),
    );
    // Cut off in 名词解释.
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("cut off"))
    );
}

#[test]
fn xundian_agriculture_2022_final_accounts_in_yuan() {
    let parsed = parse(XUNDIAN);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "寻甸回族彝族自治县农业农村局");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2022, Stage::FinalAccounts, MoneyUnit::Yuan)
    );
    // 决算 amounts, not the 预算 (145,500.00元).
    assert_three_public(
        doc,
        [
            Some("390118.10"),
            Some("0"),
            Some("273702.10"),
            Some("0"),
            Some("273702.10"),
            Some("116416.00"),
        ],
    );
    assert_change(
        doc,
        BudgetItem::ThreePublicTotal,
        2021,
        Some("231448.10"),
        Some("145.87"),
    );
    assert!(
        change(doc, BudgetItem::ThreePublicTotal)
            .reason
            .is_some_and(|r| r.starts_with("主要原因是2022年因新冠疫情缓解"))
    );
    assert_change(doc, BudgetItem::OutboundTravel, 2021, Some("0"), Some("0"));
    // "公务用车购置及运行费支出决算174,732.10元,增长176.55%": the amount lacks its verb.
    assert_change(doc, BudgetItem::VehicleTotal, 2021, None, Some("176.55"));
    assert_change(
        doc,
        BudgetItem::Reception,
        2021,
        Some("56716.00"),
        Some("95.00"),
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 4 && w.message.contains("174732.10"))
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 10 && w.message.contains("cut off"))
    );
}

#[test]
fn jishan_cppcc_2022_department_budget() {
    let parsed = parse(JISHAN);
    let doc = &parsed.document;
    assert_eq!(
        doc.department.name,
        "中国人民政治协商会议山西省稷山县委员会"
    );
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2022, Stage::Budget, MoneyUnit::WanYuan)
    );
    assert_eq!(doc.income.total, d("455.04"));
    assert_eq!(doc.income.general_public_budget, d("455.04"));
    assert_eq!(doc.income.government_fund, d("0"), "无政府性基金预算拨款");
    assert_eq!(doc.expenditure.basic, d("332.04"));
    assert_eq!(
        doc.expenditure.project,
        d("123"),
        "not the 30万元 of 工作经费 after it"
    );
    assert_eq!(doc.expenditure.total, None);
    assert_change(doc, BudgetItem::IncomeTotal, 2021, Some("41.58"), None);
    assert_change(doc, BudgetItem::Basic, 2021, Some("10.28"), None);
    assert_change(doc, BudgetItem::Project, 2021, Some("31.3"), None);
    assert_eq!(doc.stated_changes.len(), 3, "{:#?}", doc.stated_changes);
    assert!(
        doc.department
            .duties
            .as_deref()
            .is_some_and(|t| t.starts_with("1、政协稷山县委员会")
                && t.ends_with("3、完成市县交办的各项工作任务。"))
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 18 && w.message.contains("cut off"))
    );
}

#[test]
fn duji_logistics_2021_final_accounts_table_one_cell_per_line() {
    let parsed = parse(DUJI);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "杜集区机关事务管理中心");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2021, Stage::FinalAccounts, MoneyUnit::WanYuan)
    );
    assert_three_public(
        doc,
        [
            Some("167.37"),
            Some("0"),
            Some("165.23"),
            Some("78.16"),
            Some("87.07"),
            Some("2.14"),
        ],
    );
    // Every comparison is with the same year's budget, not the previous year.
    assert!(doc.stated_changes.is_empty(), "{:#?}", doc.stated_changes);
    assert_eq!(doc.expenditure.total, None);
    // Cut off at "3.公务用车购".
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 39 && w.message.contains("cut off")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn zhashui_audit_2020_final_accounts_opening() {
    let parsed = parse(ZHASHUI);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "柞水县审计局");
    assert_eq!((doc.fiscal_year, doc.stage), (2020, Stage::FinalAccounts));
    assert_three_public(doc, [None; 6]);
    assert_eq!(doc.income, Default::default());
    let duties = doc.department.duties.as_deref().unwrap_or("");
    assert!(duties.starts_with("根据《中共商洛市委办公室"), "{duties}");
    assert!(
        duties.contains("\n1.贯彻执行国家、省、市审计方针政策"),
        "{duties}"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("no amount states its unit"))
    );
}

#[test]
fn qiantang_law_enforcement_2021_final_accounts_opening() {
    let parsed = parse(QIANTANG);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "杭州市钱塘区综合行政执法局");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 1 && w.message.contains("杭州市钱塘区城市管理局"))
    );
    assert_eq!((doc.fiscal_year, doc.stage), (2021, Stage::FinalAccounts));
    assert!(
        doc.department
            .duties
            .as_deref()
            .is_some_and(|t| t.starts_with("1.贯彻执行国家、省、市有关综合行政执法"))
    );
    assert_three_public(doc, [None; 6]);
}

#[test]
fn jiaoshi_town_2020_final_accounts_names_no_department() {
    let err = parse_disclosure(JIAOSHI, &Overrides::default()).err();
    assert!(
        err.as_ref().is_some_and(
            |e| e.problem.contains("names no department") && e.problem.contains("--department")
        ),
        "{err:?}"
    );

    let given = Overrides {
        department: Some("焦石镇人民政府".to_owned()),
        ..Overrides::default()
    };
    let doc = match parse_disclosure(JIAOSHI, &given) {
        Ok(p) => p.document,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(doc.department.name, "焦石镇人民政府");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2020, Stage::FinalAccounts, MoneyUnit::WanYuan)
    );
    assert_three_public(
        &doc,
        [
            Some("41"),
            Some("0"),
            Some("21"),
            Some("0"),
            Some("21"),
            Some("20"),
        ],
    );
    // Changes on the previous year; those against the year-start budget are not.
    assert_change(
        &doc,
        BudgetItem::ThreePublicTotal,
        2019,
        Some("-19"),
        Some("-43.78"),
    );
    assert_eq!(
        change(&doc, BudgetItem::ThreePublicTotal).reason.as_deref(),
        Some("主要是严格落实我镇过紧日子十条举措,严控一般性支出,压减“三公”经费")
    );
    assert_change(&doc, BudgetItem::VehicleTotal, 2019, Some("-16"), None);
    assert_change(&doc, BudgetItem::Reception, 2019, Some("-2.5"), None);
    assert_eq!(doc.stated_changes.len(), 3, "{:#?}", doc.stated_changes);
}

#[test]
fn mata_town_2023_performance_target_listing_in_yuan() {
    let parsed = parse(MATA);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "井研县马踏镇人民政府");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2023, Stage::Budget, MoneyUnit::Yuan)
    );
    let names: Vec<&str> = doc.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["村组干部报酬", "基层组织活动经费"]);
    let first = doc
        .projects
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no project"));
    assert_eq!(first.amount, d("3309840.00"));
    assert_eq!(first.goal.as_deref(), Some("按时发放村组干部报酬"));
    assert_eq!(first.indicators.len(), 8);
    let i0 = first
        .indicators
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no indicator"));
    assert_eq!(
        (
            i0.level1.as_str(),
            i0.level2.as_deref(),
            i0.level3.as_deref(),
            i0.target.as_deref()
        ),
        (
            "效益指标",
            Some("社会效益指标"),
            Some("维护社会稳定"),
            Some("≥95%")
        )
    );
    let second = doc
        .projects
        .get(1)
        .cloned()
        .unwrap_or_else(|| panic!("no second project"));
    assert_eq!(second.amount, d("660000.00"));
    assert_eq!(
        second.indicators.len(),
        5,
        "the last row is cut off but readable"
    );
    assert_eq!(
        second
            .indicators
            .last()
            .and_then(|i| i.target.clone())
            .as_deref(),
        Some("=11个")
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 17 && w.message.contains("cut off"))
    );
}
