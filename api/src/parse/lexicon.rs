//! The words the narrative is read by: the figures a disclosure states (收入, 基本支出, "三公"
//! 经费, 公务接待费…), change verbs (增加, 下降, 持平), comparisons (较2019年, 比上年预算),
//! reason markers (主要原因是) and the filler words allowed between a figure's name and its
//! amount. Every pattern is written in folded form (ASCII punctuation, no whitespace).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::document::BudgetItem;

use super::normalise::matches_at;

/// A figure the narrative can state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    /// 收入合计.
    IncomeTotal,
    /// 一般公共预算拨款.
    GeneralPublicBudget,
    /// 政府性基金预算拨款.
    GovernmentFund,
    /// 国有资本经营预算拨款.
    StateCapital,
    /// 财政专户核拨.
    SpecialAccount,
    /// 上年结转.
    CarriedOver,
    /// 其他收入.
    OtherIncome,
    /// 收支 (a figure that is both the income and the expenditure total: 预算收支安排).
    IncomeAndExpenditure,
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
    ThreeTotal,
    /// 因公出国（境）费.
    Outbound,
    /// 公务用车购置及运维费.
    VehicleTotal,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运维费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// A named thing that is none of the above (事业收入, 会议费, 公务用车 on its own): it stops
    /// an amount from being taken for the figure named before it.
    Other,
}

impl Figure {
    /// The budget item a stated change of this figure refers to.
    pub fn budget_item(self) -> Option<BudgetItem> {
        Some(match self {
            Figure::IncomeTotal => BudgetItem::IncomeTotal,
            Figure::ExpenditureTotal => BudgetItem::ExpenditureTotal,
            Figure::Basic => BudgetItem::Basic,
            Figure::Personnel => BudgetItem::Personnel,
            Figure::PublicOperating => BudgetItem::PublicOperating,
            Figure::Project => BudgetItem::Project,
            Figure::OperatingCost => BudgetItem::OperatingCost,
            Figure::ThreeTotal => BudgetItem::ThreePublicTotal,
            Figure::Outbound => BudgetItem::OutboundTravel,
            Figure::VehicleTotal => BudgetItem::VehicleTotal,
            Figure::VehiclePurchase => BudgetItem::VehiclePurchase,
            Figure::VehicleOperation => BudgetItem::VehicleOperation,
            Figure::Reception => BudgetItem::Reception,
            _ => return None,
        })
    }

    /// Whether the figure is one of the "三公" figures.
    pub fn is_three_public(self) -> bool {
        matches!(
            self,
            Figure::ThreeTotal
                | Figure::Outbound
                | Figure::VehicleTotal
                | Figure::VehiclePurchase
                | Figure::VehicleOperation
                | Figure::Reception
        )
    }

    /// The figure's name in messages.
    pub fn label(self) -> &'static str {
        match self {
            Figure::IncomeTotal => "收入合计",
            Figure::GeneralPublicBudget => "一般公共预算拨款",
            Figure::GovernmentFund => "政府性基金预算拨款",
            Figure::StateCapital => "国有资本经营预算拨款",
            Figure::SpecialAccount => "财政专户核拨",
            Figure::CarriedOver => "上年结转",
            Figure::OtherIncome => "其他收入",
            Figure::IncomeAndExpenditure => "收支总额",
            Figure::ExpenditureTotal => "支出合计",
            Figure::Basic => "基本支出",
            Figure::Personnel => "人员经费",
            Figure::PublicOperating => "日常公用经费",
            Figure::Project => "项目支出",
            Figure::OperatingCost => "机关运行经费",
            Figure::ThreeTotal => "\"三公\"经费合计",
            Figure::Outbound => "因公出国（境）费",
            Figure::VehicleTotal => "公务用车购置及运维费",
            Figure::VehiclePurchase => "公务用车购置费",
            Figure::VehicleOperation => "公务用车运维费",
            Figure::Reception => "公务接待费",
            Figure::Other => "其他",
        }
    }
}

/// A word of the narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// Names a figure.
    Item(Figure),
    /// A change verb: +1 增加, −1 减少, 0 持平.
    Verb(i8),
    /// Opens a comparison (较, 比, 与, 同比).
    Compare,
    /// Opens a reason (主要原因是).
    Reason,
    /// 无: the figure named next is stated to be zero.
    Nil,
    /// A word that only looks like one of the above (比较, 主要用于).
    Skip,
}

/// The lexicon, longest pattern first within each group (matching picks the longest anyway).
const WORDS: &[(&str, Word)] = &[
    // Income.
    ("收入合计", Word::Item(Figure::IncomeTotal)),
    ("收入总计", Word::Item(Figure::IncomeTotal)),
    ("本年收入", Word::Item(Figure::IncomeTotal)),
    ("预算收入", Word::Item(Figure::IncomeTotal)),
    ("收入预算", Word::Item(Figure::IncomeTotal)),
    ("总收入", Word::Item(Figure::IncomeTotal)),
    ("收入总额", Word::Item(Figure::IncomeTotal)),
    ("收入", Word::Item(Figure::IncomeTotal)),
    (
        "一般公共预算拨款收入",
        Word::Item(Figure::GeneralPublicBudget),
    ),
    (
        "一般公共预算财政拨款收入",
        Word::Item(Figure::GeneralPublicBudget),
    ),
    ("一般公共预算拨款", Word::Item(Figure::GeneralPublicBudget)),
    ("一般公共预算收入", Word::Item(Figure::GeneralPublicBudget)),
    (
        "一般公共预算财政拨款",
        Word::Item(Figure::GeneralPublicBudget),
    ),
    ("一般公共预算", Word::Item(Figure::GeneralPublicBudget)),
    ("一般公共预算支出", Word::Item(Figure::Other)),
    ("政府性基金预算拨款收入", Word::Item(Figure::GovernmentFund)),
    ("政府性基金预算拨款", Word::Item(Figure::GovernmentFund)),
    ("政府性基金预算收入", Word::Item(Figure::GovernmentFund)),
    ("政府性基金预算财政拨款", Word::Item(Figure::GovernmentFund)),
    ("政府性基金收入", Word::Item(Figure::GovernmentFund)),
    ("政府性基金预算", Word::Item(Figure::GovernmentFund)),
    ("政府性基金", Word::Item(Figure::GovernmentFund)),
    ("基金预算收入", Word::Item(Figure::GovernmentFund)),
    ("基金预算拨款", Word::Item(Figure::GovernmentFund)),
    ("国有资本经营预算拨款收入", Word::Item(Figure::StateCapital)),
    ("国有资本经营预算拨款", Word::Item(Figure::StateCapital)),
    ("国有资本经营预算收入", Word::Item(Figure::StateCapital)),
    ("国有资本经营预算", Word::Item(Figure::StateCapital)),
    ("国有资本经营收入", Word::Item(Figure::StateCapital)),
    ("财政专户核拨收入", Word::Item(Figure::SpecialAccount)),
    ("财政专户管理资金收入", Word::Item(Figure::SpecialAccount)),
    ("财政专户管理资金", Word::Item(Figure::SpecialAccount)),
    ("财政专户核拨", Word::Item(Figure::SpecialAccount)),
    ("财政专户", Word::Item(Figure::SpecialAccount)),
    ("上年结转结余", Word::Item(Figure::CarriedOver)),
    ("上年结转", Word::Item(Figure::CarriedOver)),
    ("年初结转和结余", Word::Item(Figure::CarriedOver)),
    ("年初结转结余", Word::Item(Figure::CarriedOver)),
    ("其他来源收入", Word::Item(Figure::OtherIncome)),
    ("其他收入", Word::Item(Figure::OtherIncome)),
    ("事业收入", Word::Item(Figure::Other)),
    ("经营收入", Word::Item(Figure::Other)),
    ("上级补助收入", Word::Item(Figure::Other)),
    ("附属单位上缴收入", Word::Item(Figure::Other)),
    ("财政拨款收入", Word::Item(Figure::Other)),
    ("单位资金", Word::Item(Figure::Other)),
    // Income and expenditure at once.
    ("预算收支", Word::Item(Figure::IncomeAndExpenditure)),
    ("收支预算", Word::Item(Figure::IncomeAndExpenditure)),
    ("收支总预算", Word::Item(Figure::IncomeAndExpenditure)),
    ("收支总额", Word::Item(Figure::IncomeAndExpenditure)),
    ("收支安排", Word::Item(Figure::IncomeAndExpenditure)),
    ("收支", Word::Item(Figure::IncomeAndExpenditure)),
    // Expenditure.
    ("支出合计", Word::Item(Figure::ExpenditureTotal)),
    ("支出总计", Word::Item(Figure::ExpenditureTotal)),
    ("本年支出", Word::Item(Figure::ExpenditureTotal)),
    ("支出预算", Word::Item(Figure::ExpenditureTotal)),
    ("预算支出", Word::Item(Figure::ExpenditureTotal)),
    ("总支出", Word::Item(Figure::ExpenditureTotal)),
    ("支出总额", Word::Item(Figure::ExpenditureTotal)),
    ("基本支出", Word::Item(Figure::Basic)),
    ("人员经费", Word::Item(Figure::Personnel)),
    ("人员支出", Word::Item(Figure::Personnel)),
    ("日常公用经费", Word::Item(Figure::PublicOperating)),
    ("日常公用支出", Word::Item(Figure::PublicOperating)),
    ("日常公用", Word::Item(Figure::PublicOperating)),
    ("公用经费", Word::Item(Figure::PublicOperating)),
    ("公用支出", Word::Item(Figure::PublicOperating)),
    ("项目支出", Word::Item(Figure::Project)),
    ("机关运行经费", Word::Item(Figure::OperatingCost)),
    ("机关运行费", Word::Item(Figure::OperatingCost)),
    // "三公".
    ("\"三公\"经费", Word::Item(Figure::ThreeTotal)),
    ("'三公'经费", Word::Item(Figure::ThreeTotal)),
    ("三公经费", Word::Item(Figure::ThreeTotal)),
    ("\"三公\"", Word::Item(Figure::ThreeTotal)),
    ("三公", Word::Item(Figure::ThreeTotal)),
    ("因公出国(境)经费", Word::Item(Figure::Outbound)),
    ("因公出国(境)费用", Word::Item(Figure::Outbound)),
    ("因公出国(境)费", Word::Item(Figure::Outbound)),
    ("因公出国(境)", Word::Item(Figure::Outbound)),
    ("因公出国境费", Word::Item(Figure::Outbound)),
    ("因公出国费", Word::Item(Figure::Outbound)),
    ("因公出国", Word::Item(Figure::Outbound)),
    ("公务用车购置及运行维护费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置及运行费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置及运维费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置和运行维护费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置和运行费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置与运行维护费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置及", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置和", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置与", Word::Item(Figure::VehicleTotal)),
    ("公车购置及运维费", Word::Item(Figure::VehicleTotal)),
    ("公车购置及运行维护费", Word::Item(Figure::VehicleTotal)),
    ("公务用车购置费", Word::Item(Figure::VehiclePurchase)),
    ("公务用车购置支出", Word::Item(Figure::VehiclePurchase)),
    ("公务用车购置", Word::Item(Figure::VehiclePurchase)),
    ("公车购置费", Word::Item(Figure::VehiclePurchase)),
    ("公车购置", Word::Item(Figure::VehiclePurchase)),
    ("公务用车运行维护费", Word::Item(Figure::VehicleOperation)),
    ("公务用车运行维护支出", Word::Item(Figure::VehicleOperation)),
    ("公务用车运行维护", Word::Item(Figure::VehicleOperation)),
    ("公务用车运行费", Word::Item(Figure::VehicleOperation)),
    ("公务用车运维费", Word::Item(Figure::VehicleOperation)),
    ("公务用车运行", Word::Item(Figure::VehicleOperation)),
    ("公务用车运维", Word::Item(Figure::VehicleOperation)),
    ("公车运行维护费", Word::Item(Figure::VehicleOperation)),
    ("公车运维费", Word::Item(Figure::VehicleOperation)),
    ("公车运行费", Word::Item(Figure::VehicleOperation)),
    ("公车运维", Word::Item(Figure::VehicleOperation)),
    ("公务用车", Word::Item(Figure::Other)),
    ("公务接待费用", Word::Item(Figure::Reception)),
    ("公务接待费", Word::Item(Figure::Reception)),
    ("公务接待", Word::Item(Figure::Reception)),
    ("接待费", Word::Item(Figure::Reception)),
    // Other named costs: an amount after them is theirs.
    ("会议费", Word::Item(Figure::Other)),
    ("培训费", Word::Item(Figure::Other)),
    ("差旅费", Word::Item(Figure::Other)),
    ("政府采购", Word::Item(Figure::Other)),
    ("固定资产", Word::Item(Figure::Other)),
    // Change verbs.
    ("增加", Word::Verb(1)),
    ("增长", Word::Verb(1)),
    ("上升", Word::Verb(1)),
    ("提高", Word::Verb(1)),
    ("上涨", Word::Verb(1)),
    ("增幅", Word::Verb(1)),
    ("减少", Word::Verb(-1)),
    ("下降", Word::Verb(-1)),
    ("降低", Word::Verb(-1)),
    ("缩减", Word::Verb(-1)),
    ("压减", Word::Verb(-1)),
    ("减幅", Word::Verb(-1)),
    ("降幅", Word::Verb(-1)),
    ("持平", Word::Verb(0)),
    ("无变化", Word::Verb(0)),
    ("没有变化", Word::Verb(0)),
    ("未变化", Word::Verb(0)),
    ("无增减", Word::Verb(0)),
    ("一致", Word::Verb(0)),
    // Comparisons.
    ("同比", Word::Compare),
    ("相比", Word::Skip),
    ("比较", Word::Skip),
    ("对比", Word::Compare),
    ("较", Word::Compare),
    ("比", Word::Compare),
    ("与", Word::Compare),
    // Reasons.
    ("主要原因是", Word::Reason),
    ("主要原因为", Word::Reason),
    ("主要原因:", Word::Reason),
    ("主要原因", Word::Reason),
    ("原因主要是", Word::Reason),
    ("原因主要为", Word::Reason),
    ("原因是", Word::Reason),
    ("原因为", Word::Reason),
    ("原因:", Word::Reason),
    ("主要是", Word::Reason),
    ("主要为", Word::Reason),
    ("主要由于", Word::Reason),
    ("主要系", Word::Reason),
    ("是因为", Word::Reason),
    ("由于", Word::Reason),
    ("主要用于", Word::Skip),
    // Nil.
    ("无", Word::Nil),
    ("未安排", Word::Skip),
];

/// Patterns grouped by first character, sorted by that character; each group longest first.
type Index<T> = Vec<(char, Vec<(Vec<char>, T)>)>;

/// Groups patterns by first character for [`longest_at`].
fn build_index<T: Copy>(patterns: impl Iterator<Item = (&'static str, T)>) -> Index<T> {
    let mut map: BTreeMap<char, Vec<(Vec<char>, T)>> = BTreeMap::new();
    for (pat, value) in patterns {
        let chars: Vec<char> = pat.chars().collect();
        if let Some(&first) = chars.first() {
            map.entry(first).or_default().push((chars, value));
        }
    }
    map.into_iter()
        .map(|(c, mut list)| {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            (c, list)
        })
        .collect()
}

/// The longest pattern of an index at position `i` of `key`: its value and length.
fn longest_at<T: Copy>(index: &Index<T>, key: &[char], i: usize) -> Option<(T, usize)> {
    let first = key.get(i)?;
    let group = index.binary_search_by_key(first, |(c, _)| *c).ok()?;
    let (_, candidates) = index.get(group)?;
    candidates
        .iter()
        .find(|(pat, _)| key.get(i..i + pat.len()) == Some(pat.as_slice()))
        .map(|(pat, value)| (*value, pat.len()))
}

/// The longest word of the lexicon at position `i` of `key`: the word and its length.
pub fn word_at(key: &[char], i: usize) -> Option<(Word, usize)> {
    static INDEX: OnceLock<Index<Word>> = OnceLock::new();
    let index = INDEX.get_or_init(|| build_index(WORDS.iter().map(|(p, w)| (*p, *w))));
    longest_at(index, key, i)
}

/// The length of the longest filler word at position `i` of `key`.
fn filler_at(key: &[char], i: usize) -> Option<usize> {
    static INDEX: OnceLock<Index<()>> = OnceLock::new();
    let index = INDEX.get_or_init(|| build_index(FILLERS.iter().map(|p| (*p, ()))));
    longest_at(index, key, i).map(|(_, n)| n)
}

/// Longest gap (in key characters) between a figure's name and its amount.
const MAX_GAP: usize = 40;

/// Filler words allowed between a figure's name and its amount ("预算安排", "支出决算为").
const FILLERS: &[&str] = &[
    "本年度",
    "本年",
    "全年",
    "当年",
    "年初",
    "年度",
    "预算数",
    "决算数",
    "预算",
    "决算",
    "支出",
    "安排",
    "共计",
    "合计",
    "总计",
    "小计",
    "共",
    "计",
    "为",
    "是",
    "数",
    "财政拨款",
    "拨款",
    "资金",
    "总额",
    "金额",
    "达到",
    "达",
    "累计",
    "实际",
    "完成",
    "(境)",
    "经费",
    "费用",
    "费",
    "的",
    "本部门",
    "我部门",
    "部门",
    "我单位",
    "本单位",
    "单位",
    "其中",
    "预计",
    "计划",
    "运行维护",
    "运维",
    "运行",
    "购置",
    "本级",
    "财政",
    "了",
    "约",
    "总",
    "一共",
    "共安排",
    "执行",
    "编制",
    "情况",
    "(",
    ")",
    "\"",
    "'",
    "列支",
    "开支",
    "使用",
    "发生",
    "人民币",
    "镇",
    "全部",
    "收入",
    "拨款收入",
];

/// Whether `gap` (key text between a figure's name, or the clause start, and an amount or a
/// verb) holds only filler words, years and comparisons.
pub fn gap_is_filler(gap: &[char]) -> bool {
    if gap.len() > MAX_GAP {
        return false;
    }
    let mut i = 0;
    while i < gap.len() {
        if let Some(n) = year_len(gap, i) {
            i += n;
            continue;
        }
        if let Some(n) = comparison_len(gap, i) {
            i += n;
            continue;
        }
        let Some(n) = filler_at(gap, i) else {
            return false;
        };
        i += n;
    }
    true
}

/// The length of a year (`2020年`, `2020年度`, or four digits alone) at `i`.
pub fn year_len(key: &[char], i: usize) -> Option<usize> {
    let four = (i..i + 4).all(|j| key.get(j).is_some_and(char::is_ascii_digit));
    if !four || key.get(i + 4).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let year: String = key
        .get(i..i + 4)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    if !year.starts_with("19") && !year.starts_with("20") {
        return None;
    }
    let mut n = 4;
    if key.get(i + n) == Some(&'年') {
        n += 1;
        if key.get(i + n) == Some(&'度') {
            n += 1;
        }
    }
    Some(n)
}

/// What a comparison compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareRef {
    /// A named year (较2019年).
    Year(i32),
    /// The previous year (上年, 去年).
    PreviousYear,
    /// The budget of the same year (年初预算, 预算数) — not a change on the previous year.
    Budget,
    /// Nothing named (同比).
    Unnamed,
}

/// Reads a comparison at `i` (较2019年预算, 比上年, 与2021年度预算相比, 同比): its length and
/// what it compares with.
pub fn read_comparison(key: &[char], i: usize) -> Option<(usize, CompareRef)> {
    let opener = ["同比", "对比", "较", "比", "与", "和"]
        .into_iter()
        .find(|p| matches_at(key, i, p))?;
    let mut j = i + opener.chars().count();
    let mut reference = None;
    let mut budget = false;
    if let Some(n) = year_len(key, j) {
        let y: String = key
            .get(j..j + 4)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        reference = y.parse::<i32>().ok().map(CompareRef::Year);
        j += n;
    } else if let Some(p) = [
        "上一年度",
        "上一年",
        "上年度",
        "上年同期",
        "上年",
        "去年同期",
        "去年",
        "前一年",
    ]
    .into_iter()
    .find(|p| matches_at(key, j, p))
    {
        reference = Some(CompareRef::PreviousYear);
        j += p.chars().count();
    }
    // What of that year: 年初预算数, 预算, 决算数, 同期…
    while let Some(p) = [
        "年初预算数",
        "年初预算",
        "预算数",
        "预算",
        "决算数",
        "决算",
        "同期",
        "执行数",
        "实际",
        "数",
        "的",
    ]
    .into_iter()
    .find(|p| matches_at(key, j, p))
    {
        budget |= p.contains("预算");
        j += p.chars().count();
    }
    if let Some(p) = ["相比较", "相比", "比较", "对比"]
        .into_iter()
        .find(|p| matches_at(key, j, p))
    {
        j += p.chars().count();
    }
    let reference = match reference {
        Some(r) => r,
        None if budget => CompareRef::Budget,
        None if opener == "同比" => CompareRef::Unnamed,
        None => return None,
    };
    Some((j - i, reference))
}

/// The length of a comparison at `i`, if there is one.
fn comparison_len(key: &[char], i: usize) -> Option<usize> {
    read_comparison(key, i).map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_longest_word_wins() {
        assert_eq!(
            word_at(&chars("一般公共预算收入1465"), 0),
            Some((Word::Item(Figure::GeneralPublicBudget), 8))
        );
        assert_eq!(
            word_at(&chars("公务用车购置费0万元"), 0),
            Some((Word::Item(Figure::VehiclePurchase), 7))
        );
        assert_eq!(
            word_at(&chars("公务用车购置及运维费"), 0),
            Some((Word::Item(Figure::VehicleTotal), 10))
        );
    }

    #[test]
    fn fillers_and_comparisons_fill_a_gap() {
        assert!(gap_is_filler(&chars("支出决算为")));
        assert!(gap_is_filler(&chars("2019年预算安排")));
        assert!(gap_is_filler(&chars("与2019年相比")));
        assert!(gap_is_filler(&chars("支出较去年")));
        assert!(!gap_is_filler(&chars("有工作经费")));
        assert!(!gap_is_filler(&chars("委员活动经费")));
    }

    #[test]
    fn comparisons_name_their_reference() {
        assert_eq!(
            read_comparison(&chars("较2018年年初预算下降"), 0),
            Some((10, CompareRef::Year(2018)))
        );
        assert_eq!(
            read_comparison(&chars("比上年预算减少"), 0),
            Some((5, CompareRef::PreviousYear))
        );
        assert_eq!(
            read_comparison(&chars("较年初预算数减少"), 0),
            Some((6, CompareRef::Budget))
        );
        assert_eq!(
            read_comparison(&chars("与2021年度预算相比,"), 0),
            Some((11, CompareRef::Year(2021)))
        );
        assert_eq!(read_comparison(&chars("与领导"), 0), None);
    }
}
