//! The title: which department, fiscal year and stage a disclosure covers, read from its title
//! or heading lines ("中共河北省大城县委办公室 2020 年部门预算信息公开情况说明", "关于平武县林业和
//! 草原局2019年财政拨款"三公"经费预算情况的说明", "寿县司法局2022年"三公"经费预算情况").

use crate::document::Stage;

use super::Warnings;
use super::normalise::{Text, find_in, key_of, strip_pipes, trim};
use super::sections::{LineKind, Lines};
use super::tables::split_cells;

/// What the title and heading lines say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleInfo {
    /// The title as printed.
    pub title: Option<String>,
    /// The title's line (1-based).
    pub line: Option<usize>,
    /// The department the text names.
    pub department: Option<String>,
    /// The fiscal year.
    pub year: Option<i32>,
    /// The stage.
    pub stage: Option<Stage>,
}

/// How many visible lines at the top may hold the title.
const TITLE_WINDOW: usize = 12;
/// How many lines at the top may name the department in full or state the year.
const HEAD_WINDOW: usize = 40;
/// Longest line (in bytes) looked at for a title or a fuller name; longer lines are body text.
const MAX_LINE_BYTES: usize = 4_000;
/// Longest key a title can have.
const MAX_TITLE_CHARS: usize = 90;

/// Words that open a sentence, not a title.
const SENTENCE_OPENERS: &[&str] = &[
    "按照",
    "根据",
    "现将",
    "为了",
    "为进一步",
    "依据",
    "经",
    "本单位",
    "我单位",
    "我部门",
];

/// Where the name ends inside a title: the first of these after the name.
const NAME_ENDS: &[&str] = &[
    "财政拨款",
    "\"三公\"",
    "'三公'",
    "三公",
    "一般公共预算",
    "政府性基金",
    "部门预算",
    "部门决算",
    "单位预算",
    "单位决算",
    "部门整体",
    "调整预算",
    "预算",
    "决算",
    "年度",
];

/// Reads the title, department, year and stage.
pub fn read_title(lines: &Lines<'_>, warnings: &mut Warnings) -> TitleInfo {
    let mut info = TitleInfo::default();
    if let Some((index, text)) = find_title(lines) {
        let no = lines.get(index).map_or(0, |l| l.no);
        let t = Text::from_line(no, &text);
        info.title = Some(text.clone());
        info.line = Some(no);
        info.year = first_year(t.key()).map(|(y, _, _)| y);
        info.stage = stage_of(&t.key_str(0, t.len()));
        info.department = department_in_title(&t, warnings);
    }
    if info.year.is_none() || info.stage.is_none() {
        // A page without a title: the first line near the top that states a year and a stage.
        for line in lines
            .lines
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .take(HEAD_WINDOW)
        {
            let chars: Vec<char> = line.key.chars().collect();
            let Some(stage) = stage_of(&line.key) else {
                continue;
            };
            if let Some((year, _, _)) = first_year(&chars) {
                if info.year.is_none() {
                    info.year = Some(year);
                    warnings.push(
                        line.no,
                        format!("no title states the fiscal year; took {year} from this line"),
                    );
                }
                if info.stage.is_none() {
                    info.stage = Some(stage);
                }
                break;
            }
        }
    }
    if info.stage.is_none() {
        info.stage = stage_from_body(lines);
    }
    match info.department.clone() {
        Some(name) => {
            if let Some((full, no)) = fuller_name(lines, &name, info.line) {
                warnings.push(
                    no,
                    format!("the title names the department \"{name}\"; this line gives its full name \"{full}\", which is used"),
                );
                info.department = Some(full);
            }
        }
        None => {
            if let Some((name, no)) = department_from_labels(lines) {
                warnings.push(
                    no,
                    format!("no title names the department; took \"{name}\" from this line"),
                );
                info.department = Some(name);
            }
        }
    }
    info
}

/// The first line near the top that reads as a title: it states a year and a stage (or 三公),
/// is short, and is not a sentence.
fn find_title(lines: &Lines<'_>) -> Option<(usize, String)> {
    let visible = lines
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind != LineKind::Blank)
        .take(TITLE_WINDOW);
    for (i, line) in visible {
        if matches!(line.kind, LineKind::Heading(_))
            || line.kind == LineKind::TabRow
            || line.raw.len() > MAX_LINE_BYTES
        {
            continue;
        }
        let text = trim(strip_pipes(line.raw));
        let key = key_of(text);
        let chars: Vec<char> = key.chars().collect();
        if chars.len() > MAX_TITLE_CHARS || chars.len() < 6 {
            continue;
        }
        if SENTENCE_OPENERS.iter().any(|w| key.starts_with(w))
            || key.ends_with(':')
            || key.ends_with('。')
        {
            continue;
        }
        if first_year(&chars).is_none() {
            continue;
        }
        if !(key.contains("预算") || key.contains("决算") || key.contains("三公")) {
            continue;
        }
        return Some((i, text.to_owned()));
    }
    None
}

/// The first year (`2020年`, `2022年度`, 1949–2100) in a key: the year and its key span.
pub fn first_year(key: &[char]) -> Option<(i32, usize, usize)> {
    let mut i = 0;
    while i + 4 < key.len() + 1 {
        let prev_digit = i > 0 && key.get(i - 1).is_some_and(char::is_ascii_digit);
        let year = key.get(i..i + 4).and_then(|d| {
            d.iter().try_fold(0i32, |acc, c| {
                c.to_digit(10)
                    .filter(|_| c.is_ascii_digit())
                    .map(|v| acc * 10 + v as i32)
            })
        });
        if key.get(i + 4) == Some(&'年')
            && !prev_digit
            && let Some(year) = year
            && (1949..=2100).contains(&year)
        {
            let end = if key.get(i + 5) == Some(&'度') {
                i + 6
            } else {
                i + 5
            };
            return Some((year, i, end));
        }
        i += 1;
    }
    None
}

/// The stage a title or line states.
pub fn stage_of(key: &str) -> Option<Stage> {
    if key.contains("调整预算") {
        Some(Stage::AdjustedBudget)
    } else if key.contains("决算") {
        Some(Stage::FinalAccounts)
    } else if key.contains("预算") {
        Some(Stage::Budget)
    } else {
        None
    }
}

/// The stage judged from the whole text when no line near the top states one.
fn stage_from_body(lines: &Lines<'_>) -> Option<Stage> {
    let mut budget = false;
    for line in &lines.lines {
        if line.key.contains("决算数")
            || line.key.contains("支出决算")
            || line.key.contains("决算表")
        {
            return Some(Stage::FinalAccounts);
        }
        budget |= line.key.contains("预算");
    }
    budget.then_some(Stage::Budget)
}

/// The department named before the year in a title (or after it, when the title starts with
/// the year).
fn department_in_title(t: &Text, warnings: &mut Warnings) -> Option<String> {
    let (_, start, end) = first_year(t.key())?;
    let mut from = 0;
    if t.matches_at(0, "关于") {
        from = 2;
    }
    let (a, b) = if start > from {
        (from, start)
    } else {
        // "2020年中共某某委员会部门预算"
        let stop = NAME_ENDS
            .iter()
            .filter_map(|p| t.find(p, end))
            .min()
            .unwrap_or(t.len());
        (end, stop)
    };
    let b = NAME_ENDS
        .iter()
        .filter_map(|p| t.find(p, a).filter(|&i| i < b && i > a))
        .min()
        .unwrap_or(b);
    let name = t.orig_str(a, b);
    let name = name.trim_end_matches(['的', '_', '-', '—']).trim();
    let name = strip_alias(name, t.line_at(0), warnings);
    let key = key_of(&name);
    let generic = [
        "部门",
        "单位",
        "本部门",
        "本单位",
        "我部门",
        "我单位",
        "部门整体",
        "本级",
    ]
    .contains(&key.as_str())
        || ["预算", "决算", "绩效", "说明", "公开"]
            .iter()
            .any(|w| key.contains(w));
    (key.chars().count() >= 2 && !generic).then_some(name)
}

/// Drops a trailing parenthesised alias ("杭州市钱塘区综合行政执法局 (杭州市钱塘区城市管理局)").
fn strip_alias(name: &str, line: usize, warnings: &mut Warnings) -> String {
    let trimmed = trim(name);
    if let Some(open) = trimmed.rfind(['(', '（'])
        && trimmed.ends_with([')', '）'])
        && open > 0
    {
        let main = trim(trimmed.get(..open).unwrap_or(trimmed));
        let alias = trimmed.get(open..).unwrap_or("");
        if main.chars().count() >= 2 {
            warnings.push(
                line,
                format!("the title also names the department {alias}; kept \"{main}\""),
            );
            return main.to_owned();
        }
    }
    trimmed.to_owned()
}

/// A longer form of `name` near the top (the 发文机构 of the page, or the name before a year in
/// an opening sentence): it starts and ends like `name` and holds all its characters in order
/// ("寻甸县农业农村局" → "寻甸回族彝族自治县农业农村局").
fn fuller_name(
    lines: &Lines<'_>,
    name: &str,
    title_line: Option<usize>,
) -> Option<(String, usize)> {
    let short: Vec<char> = key_of(name).chars().collect();
    for line in lines.lines.iter().take(HEAD_WINDOW) {
        if Some(line.no) == title_line
            || line.kind == LineKind::Blank
            || line.raw.len() > MAX_LINE_BYTES
        {
            continue;
        }
        let mut candidates: Vec<String> = Vec::new();
        if let Some(v) = labelled_value(line.raw, &["发文机构", "发布机构"]) {
            candidates.push(v);
        }
        let t = Text::from_line(line.no, line.raw);
        let key = t.key();
        let mut from = 0;
        while let Some((_, start, end)) = key.get(from..).and_then(first_year) {
            let (start, end) = (start + from, end + from);
            let mut a = start;
            while a > 0 && key.get(a - 1).is_some_and(|c| !is_name_break(*c)) {
                a -= 1;
            }
            for opener in ["现将", "关于", "根据"] {
                if t.matches_at(a, opener) {
                    a += 2;
                }
            }
            candidates.push(t.orig_str(a, start));
            from = end;
        }
        for c in candidates {
            let long: Vec<char> = key_of(&c).chars().collect();
            if long.len() > short.len()
                && long.len() <= 40
                && long.first() == short.first()
                && is_abbreviation(&short, &long)
            {
                return Some((trim(&c).to_owned(), line.no));
            }
        }
    }
    None
}

/// Whether a character cannot be part of a department name.
fn is_name_break(c: char) -> bool {
    matches!(
        c,
        ',' | '。' | ';' | ':' | '、' | '"' | '(' | ')' | '《' | '》' | '!' | '?' | '|' | '[' | ']'
    ) || c.is_ascii_digit()
}

/// Whether `short` abbreviates `long`: its characters appear in `long` in order, and `long`
/// goes on at most two characters after the last of them ("政府办" → "人民政府办公室").
fn is_abbreviation(short: &[char], long: &[char]) -> bool {
    let mut pos = 0;
    for c in short {
        match long.iter().skip(pos).position(|l| l == c) {
            Some(p) => pos += p + 1,
            None => return false,
        }
    }
    long.len() - pos <= 2
}

/// The value after a label ("发文机构: 游仙区人民政府办公室 发文日期…", "编制部门：…",
/// "发布机构 | 稷山县人民政府 | 文号").
fn labelled_value(raw: &str, labels: &[&str]) -> Option<String> {
    for label in labels {
        let Some(at) = raw.find(label) else { continue };
        let rest = raw.get(at + label.len()..).unwrap_or("");
        let rest = rest
            .trim_start_matches(|c: char| c == ':' || c == '：' || c == '|' || c.is_whitespace());
        let value: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '|')
            .collect();
        let value = value
            .trim_end_matches(['。', ',', '，', ';', '；'])
            .to_owned();
        if value.chars().count() >= 2 {
            return Some(value);
        }
    }
    None
}

/// A department named by a label (编制部门：…, 编制单位：…, 单位名称：…) or in the first rows of
/// a table under a 单位名称 header ("820001-井研县马踏镇人民政府").
fn department_from_labels(lines: &Lines<'_>) -> Option<(String, usize)> {
    for line in &lines.lines {
        if line.kind == LineKind::Text
            && let Some(v) =
                labelled_value(line.raw, &["编制部门", "编制单位", "单位名称", "部门名称"])
        {
            return Some((v, line.no));
        }
    }
    let header = lines.lines.iter().position(|l| {
        matches!(l.kind, LineKind::PipeRow | LineKind::TabRow)
            && split_cells(l.raw)
                .first()
                .is_some_and(|c| key_of(c) == "单位名称")
    })?;
    let mut fallback = None;
    for line in lines.lines.iter().skip(header + 1).take(6) {
        if !matches!(line.kind, LineKind::PipeRow | LineKind::TabRow) {
            continue;
        }
        let cells = split_cells(line.raw);
        let Some(first) = cells.first() else { continue };
        let name = strip_code(first);
        if name.chars().count() < 2
            || find_in(&key_of(&name).chars().collect::<Vec<_>>(), "指标", 0).is_some()
        {
            continue;
        }
        if name.ends_with("部门") {
            fallback.get_or_insert((name, line.no));
        } else {
            return Some((name, line.no));
        }
    }
    fallback
}

/// Drops a leading code from a unit name ("820001-井研县马踏镇人民政府" → "井研县马踏镇人民政府").
fn strip_code(cell: &str) -> String {
    let t = trim(cell);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest: String = t.chars().skip(digits).collect();
        let rest = rest.trim_start_matches(['-', '_', ' ', '—']);
        return trim(rest).to_owned();
    }
    t.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> TitleInfo {
        let lines = Lines::new(text);
        let mut w = Warnings::default();
        read_title(&lines, &mut w)
    }

    #[test]
    fn department_year_and_stage_come_from_the_title() {
        let t = read("\n\n中共河北省大城县委办公室 2020 年部门预算信息公开情况说明\n");
        assert_eq!(t.department.as_deref(), Some("中共河北省大城县委办公室"));
        assert_eq!(t.year, Some(2020));
        assert_eq!(t.stage, Some(Stage::Budget));
        let t = read("关于平武县林业和草原局2019年财政拨款“三公”经费预算情况的说明\n");
        assert_eq!(t.department.as_deref(), Some("平武县林业和草原局"));
        let t = read("寿县司法局2022年“三公”经费预算情况\n");
        assert_eq!(t.department.as_deref(), Some("寿县司法局"));
        let t =
            read("杜集区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明");
        assert_eq!(t.department.as_deref(), Some("杜集区机关事务管理中心"));
        assert_eq!(t.stage, Some(Stage::FinalAccounts));
        let t = read("某县财政局2021年调整预算");
        assert_eq!(t.stage, Some(Stage::AdjustedBudget));
    }

    #[test]
    fn a_sentence_is_not_a_title() {
        let t = read(
            "按照要求,现将焦石镇2020年度“三公”经费决算情况公布如下:\n2020年度“三公”经费41万元。",
        );
        assert_eq!(t.department, None);
        assert_eq!(t.year, Some(2020));
        assert_eq!(t.stage, Some(Stage::FinalAccounts));
    }

    #[test]
    fn an_abbreviated_name_is_completed_from_the_page() {
        let t = read(
            "寻甸县农业农村局2022年度“三公”经费决算情况说明\n寻甸回族彝族自治县农业农村局2022年度一般公共预算支出",
        );
        assert_eq!(
            t.department.as_deref(),
            Some("寻甸回族彝族自治县农业农村局")
        );
    }
}
