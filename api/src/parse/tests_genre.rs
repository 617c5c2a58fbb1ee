//! The genre beyond the sample and the real excerpts: a municipal 单位预算情况说明, a final
//! accounts report with 年初预算数/决算数 columns and blank zero cells, a 三公 table in rows,
//! punctuation and line-break variants, and the errors for texts that do not say enough.

use rust_decimal::Decimal;

use super::{Overrides, parse_disclosure};
use crate::document::{BudgetItem, Classification, Stage};
use crate::money::MoneyUnit;

use super::test_support::{d, parse};

const MUNICIPAL: &str = "某某市自然资源和规划局2023年单位预算情况说明

一、收支总体情况

2023年收入预算总额1,234.56万元，支出预算总额1,234.56万元。

收入 | 金额 | 支出 | 金额
一、一般公共预算拨款 | 1000 | 一、一般公共服务支出 | 900
二、政府性基金预算拨款 | 200 | 二、社会保障和就业支出 | 134.56
三、上年结转 | 34.56 | 三、住房保障支出 | 200
收入合计 | 1,234.56 | 支出合计 | 1,234.56

二、预算情况说明

（一）收入预算

年初预算数1234.56万元，其中：一般公共预算拨款1000万元，政府性基金预算拨款200万元，上年结转34.56万元。

（二）支出预算

基本支出800万元，其中人员经费650万元，日常公用经费150万元；项目支出434.56万元，比上年增长12.5%。

（三）“三公”经费预算

2023年“三公”经费预算20万元，与上年预算持平。其中：因公出国（境）费0万元；公务用车购置及运行维护费15万元（其中公务用车购置费0万元，公务用车运行维护费15万元）；公务接待费5万元，比上年减少1万元，下降16.67%，主要原因是厉行节约。

（四）机关运行经费

2023年机关运行经费150万元，比上年减少10万元。
";

#[test]
fn a_municipal_unit_budget_reads_income_expenditure_and_function_classes() {
    let parsed = parse(MUNICIPAL);
    let doc = &parsed.document;
    assert_eq!(doc.department.name, "某某市自然资源和规划局");
    assert_eq!(
        (doc.fiscal_year, doc.stage, doc.amount_unit),
        (2023, Stage::Budget, MoneyUnit::WanYuan)
    );
    assert_eq!(doc.income.total, d("1234.56"));
    assert_eq!(doc.income.general_public_budget, d("1000"));
    assert_eq!(doc.income.government_fund, d("200"));
    assert_eq!(doc.income.carried_over, d("34.56"));
    assert_eq!(doc.income.special_account, None, "not stated, not 0");
    assert_eq!(doc.expenditure.total, d("1234.56"));
    assert_eq!(doc.expenditure.basic, d("800"));
    assert_eq!(doc.expenditure.personnel, d("650"));
    assert_eq!(doc.expenditure.public_operating, d("150"));
    assert_eq!(doc.expenditure.project, d("434.56"));
    assert_eq!(doc.operating_cost, d("150"));
    let lines: Vec<(&str, &str, Option<Decimal>)> = doc
        .expenditure_lines
        .iter()
        .map(|l| (l.code.as_str(), l.name.as_str(), l.amount))
        .collect();
    assert_eq!(
        lines,
        [
            ("201", "一般公共服务支出", d("900")),
            ("208", "社会保障和就业支出", d("134.56")),
            ("221", "住房保障支出", d("200"))
        ]
    );
    assert!(
        doc.expenditure_lines
            .iter()
            .all(|l| l.classification == Classification::Function)
    );
    assert_eq!(doc.three_public.total, d("20"));
    assert_eq!(doc.three_public.vehicle_total, d("15"));
    assert_eq!(doc.three_public.vehicle_operation, d("15"));
    assert_eq!(doc.three_public.reception, d("5"));
    let project = doc
        .stated_changes
        .iter()
        .find(|c| c.item == BudgetItem::Project);
    assert_eq!(project.and_then(|c| c.percent), d("12.5"));
    assert_eq!(project.and_then(|c| c.previous_year), Some(2022));
    let reception = doc
        .stated_changes
        .iter()
        .find(|c| c.item == BudgetItem::Reception);
    assert_eq!(
        reception.map(|c| (c.amount, c.percent)),
        Some((d("-1"), d("-16.67")))
    );
    assert_eq!(
        reception.and_then(|c| c.reason.clone()).as_deref(),
        Some("主要原因是厉行节约")
    );
    let total = doc
        .stated_changes
        .iter()
        .find(|c| c.item == BudgetItem::ThreePublicTotal);
    assert_eq!(total.and_then(|c| c.amount), d("0"), "持平 is a stated 0");
    let cost = doc
        .stated_changes
        .iter()
        .find(|c| c.item == BudgetItem::OperatingCost);
    assert_eq!(cost.and_then(|c| c.amount), d("-10"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

const FINAL_ACCOUNTS: &str = "某县教育局2022年度部门决算

一、收入支出决算总体情况说明

2022年度收入总计5,000.00万元，支出总计4,800.00万元。

收入支出决算总表
单位：万元
项目\t年初预算数\t决算数\t项目\t年初预算数\t决算数
一、一般公共预算财政拨款收入\t4,500.00\t4,600.00\t一、一般公共服务支出\t\t
二、政府性基金预算财政拨款收入\t\t400.00\t二、教育支出\t4,000.00\t4,300.00
\t\t\t三、社会保障和就业支出\t300.00\t500.00
本年收入合计\t4,500.00\t5,000.00\t本年支出合计\t4,300.00\t4,800.00

二、财政拨款“三公”经费支出决算情况说明

2022年度“三公”经费支出预算为15万元，支出决算12.5万元，完成预算的83.33%，比2021年减少2.5万元，下降16.67%，主要原因是严格控制公务用车支出。较年初预算减少2.5万元。
";

#[test]
fn final_accounts_store_the_actual_amounts() {
    let doc = parse(FINAL_ACCOUNTS).document;
    assert_eq!((doc.fiscal_year, doc.stage), (2022, Stage::FinalAccounts));
    assert_eq!(doc.income.total, d("5000.00"));
    assert_eq!(
        doc.income.general_public_budget,
        d("4600.00"),
        "the 决算数 column"
    );
    assert_eq!(doc.income.government_fund, d("400.00"));
    assert_eq!(doc.expenditure.total, d("4800.00"));
    let lines: Vec<(&str, Option<Decimal>)> = doc
        .expenditure_lines
        .iter()
        .map(|l| (l.code.as_str(), l.amount))
        .collect();
    // 一般公共服务支出 has blank cells: nothing stated, no line.
    assert_eq!(lines, [("205", d("4300.00")), ("208", d("500.00"))]);
    assert_eq!(doc.three_public.total, d("12.5"), "支出决算, not 支出预算");
    assert_eq!(
        doc.stated_changes.len(),
        1,
        "the change against the year-start budget is not a change on last year"
    );
    let c = doc.stated_changes.first();
    assert_eq!(
        c.map(|c| (c.item, c.previous_year, c.amount, c.percent)),
        Some((
            BudgetItem::ThreePublicTotal,
            Some(2021),
            d("-2.5"),
            d("-16.67")
        ))
    );
}

#[test]
fn a_three_public_table_in_rows_takes_this_years_column() {
    let text = "某区文化旅游局2024年部门预算
四、“三公”经费预算情况
单位：元
项目 | 2023年预算数 | 2024年预算数
合计 | 150,000.00 | 120,000.00
因公出国（境）费 |  |
公务接待费 | 30,000.00 | 20,000.00
公务用车购置及运行维护费 | 120,000.00 | 100,000.00
其中：公务用车购置费 |  |
公务用车运行维护费 | 120,000.00 | 100,000.00
";
    let doc = parse(text).document;
    assert_eq!(doc.amount_unit, MoneyUnit::Yuan);
    let t = &doc.three_public;
    assert_eq!(t.total, d("120000.00"));
    assert_eq!(t.outbound_travel, None, "a blank cell states nothing");
    assert_eq!(t.reception, d("20000.00"));
    assert_eq!(t.vehicle_total, d("100000.00"));
    assert_eq!(t.vehicle_purchase, None);
    assert_eq!(t.vehicle_operation, d("100000.00"));
}

#[test]
fn a_three_public_grid_with_sub_headings_reads_each_column() {
    let text = "某县水利局2021年部门预算
“三公”经费支出预算表
单位：万元
项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费
\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t
2021年预算数\t30\t0\t25\t10\t15\t5
";
    let doc = parse(text).document;
    let t = &doc.three_public;
    assert_eq!(
        [
            t.total,
            t.outbound_travel,
            t.vehicle_total,
            t.vehicle_purchase,
            t.vehicle_operation,
            t.reception
        ],
        [d("30"), d("0"), d("25"), d("10"), d("15"), d("5")]
    );
}

#[test]
fn punctuation_and_line_breaks_do_not_matter() {
    let full = "某县统计局2020年部门预算\n一、部门预算安排的总体情况\n2020年预算收入1465.35万元，其中：一般公共预算收入1465.35万元。项目支出824.42\n\n万元，全部为本级支出。\n";
    let ascii = "某县统计局2020年部门预算\n一、部门预算安排的总体情况\n2020 年预算收入 1465.35 万元,其中:一般公共预算收入1465.35万元.项目支出824.42\r\n\r\n万元,全部为本级支出.\n";
    for text in [full, ascii] {
        let doc = parse(text).document;
        assert_eq!(doc.income.total, d("1465.35"), "{text}");
        assert_eq!(doc.income.general_public_budget, d("1465.35"), "{text}");
        assert_eq!(doc.expenditure.project, d("824.42"), "{text}");
    }
}

#[test]
fn amounts_in_another_unit_convert_exactly() {
    let text = "某县档案馆2021年部门预算\n单位：万元\n一、“三公”经费预算情况\n2021年“三公”经费预算12,345.67元，其中公务接待费5000元。\n";
    let doc = parse(text).document;
    assert_eq!(doc.amount_unit, MoneyUnit::WanYuan);
    assert_eq!(doc.three_public.total, d("1.234567"));
    assert_eq!(doc.three_public.reception, d("0.5"));
}

#[test]
fn stages_come_from_the_title() {
    let adjusted = parse("某县财政局2021年调整预算\n一、“三公”经费\n公务接待费1万元。\n").document;
    assert_eq!(adjusted.stage, Stage::AdjustedBudget);
    let final_accounts = parse("某县财政局2021年度部门决算公开\n公务接待费1万元。\n").document;
    assert_eq!(final_accounts.stage, Stage::FinalAccounts);
}

#[test]
fn a_text_without_a_year_or_department_is_an_error_naming_the_option() {
    let no_year = parse_disclosure(
        "某县财政局部门预算\n公务接待费1万元。\n",
        &Overrides::default(),
    )
    .err();
    assert!(no_year.is_some_and(|e| e.problem.contains("--year")));
    let no_department = parse_disclosure("2020年公务接待费1万元。\n", &Overrides::default()).err();
    assert!(no_department.is_some_and(|e| e.problem.contains("--department")));
}

#[test]
fn what_the_text_does_not_state_stays_absent() {
    let doc = parse("某县财政局2021年部门预算\n一、“三公”经费\n公务接待费1万元。\n").document;
    assert_eq!(doc.three_public.reception, d("1"));
    assert_eq!(doc.three_public.total, None);
    assert_eq!(doc.three_public.outbound_travel, None);
    assert_eq!(doc.income, Default::default());
    assert_eq!(doc.expenditure, Default::default());
    assert!(doc.stated_changes.is_empty());
    assert_eq!(doc.staff_in_service, None);
}

#[test]
fn a_stated_staff_count_needs_no_guess() {
    let parsed =
        parse("某县财政局2021年部门预算\n一、部门基本情况\n本部门在职人员32人，退休人员10人。\n");
    assert_eq!(parsed.document.staff_in_service, Some(32));
    assert!(parsed.warnings.iter().all(|w| !w.message.contains("在职")));
}

#[test]
fn a_table_row_with_the_wrong_number_of_cells_is_a_warning() {
    let text = "某县财政局2021年部门预算
1. 办公经费绩效目标表
绩效目标\t保障运转\t\t\t\t
一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据
产出指标\t数量指标\t科室运行\t保障科室运行数量\t1个\t科室数量
\t成本指标\t经费\t经费支出\t13万元
";
    let parsed = parse(text);
    let project = parsed.document.projects.first().cloned();
    assert_eq!(project.as_ref().map(|p| p.name.as_str()), Some("办公经费"));
    assert_eq!(project.as_ref().and_then(|p| p.amount), d("13"));
    assert_eq!(project.as_ref().map(|p| p.indicators.len()), Some(2));
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 6 && w.message.contains("cells")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn the_amount_compared_with_is_not_this_years() {
    let parsed = parse(
        "某县财政局2020年部门预算\n一、“三公”经费\n2020年“三公”经费预算35.5万元，比2019年的43.5万元减少8万元。\n",
    );
    assert_eq!(parsed.document.three_public.total, d("35.5"));
    let c = parsed.document.stated_changes.first();
    assert_eq!(
        c.map(|c| (c.item, c.previous_year, c.amount)),
        Some((BudgetItem::ThreePublicTotal, Some(2019), d("-8")))
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn an_amount_without_a_unit_is_a_warning() {
    let parsed = parse("某县财政局2021年部门预算\n一、“三公”经费\n公务接待费32，公务用车2辆。\n");
    assert_eq!(parsed.document.three_public.reception, None);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.line == 3 && w.message.contains("without a unit")),
        "{:?}",
        parsed.warnings
    );
}
