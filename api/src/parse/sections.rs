//! Sections: what each line is (blank, heading, table row, text), which section of the
//! disclosure it belongs to (一 部门职责, 三公, 政府采购…), and the paragraphs of narrative text,
//! with sentences broken across line breaks joined again.

use super::normalise::{Text, key_of, split_lines, trim};

/// What a section of a disclosure is about, judged from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Before any recognised heading, or a heading that names nothing known.
    Unknown,
    /// 部门职责 / 机构设置 / 单位构成 / 人员情况.
    Organisation,
    /// 收支总体情况, 收入, 支出, 比上年增减.
    Figures,
    /// 机关运行经费.
    OperatingCost,
    /// 财政拨款"三公"经费 and its items.
    ThreePublic,
    /// 绩效预算信息 in general (and 工作保障措施).
    Performance,
    /// 总体绩效目标.
    OverallGoal,
    /// 分项绩效目标.
    SubGoals,
    /// The project performance target tables (资金绩效目标, …绩效目标表).
    Projects,
    /// 政府采购预算.
    Procurement,
    /// 国有资产信息.
    Assets,
    /// 名词解释.
    Glossary,
    /// 其他需要说明的事项.
    Other,
}

/// What one line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing visible.
    Blank,
    /// A heading at a level: 0 第X部分, 1 一、, 2 （一）, 3 1、 / 1.
    Heading(u8),
    /// A table row with tab-separated cells.
    TabRow,
    /// A table row or cell with `|` separators.
    PipeRow,
    /// Running text.
    Text,
}

/// One line of the source.
#[derive(Debug, Clone)]
pub struct SrcLine<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line as printed (without its line end).
    pub raw: &'a str,
    /// The folded, whitespace-free key.
    pub key: String,
    /// What the line is.
    pub kind: LineKind,
    /// The section the line belongs to.
    pub section: SectionKind,
}

/// The source split into classified lines.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    /// All lines in order.
    pub lines: Vec<SrcLine<'a>>,
}

/// A paragraph of running text: consecutive text lines joined where a sentence runs on.
#[derive(Debug, Clone)]
pub struct Para {
    /// Index (into [`Lines::lines`]) of the first line.
    pub first: usize,
    /// Index of the last line.
    pub last: usize,
    /// The joined text.
    pub text: Text,
    /// The section of the first line.
    pub section: SectionKind,
}

const CHINESE_NUMERALS: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '〇', '零',
];

/// Characters that end a sentence or announce what follows.
const TERMINAL: &[char] = &['。', ';', ':', '!', '?', '；', '：', '！', '？', '…'];

/// The heading level of a line's key, if it is a heading.
pub fn heading_level(key: &str) -> Option<u8> {
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    if n == 0 {
        return None;
    }
    // 第一部分 / 第二部分
    if chars.first() == Some(&'第') {
        let numerals = chars
            .iter()
            .skip(1)
            .take_while(|c| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit())
            .count();
        if numerals > 0
            && chars.get(1 + numerals) == Some(&'部')
            && chars.get(2 + numerals) == Some(&'分')
        {
            return Some(0);
        }
    }
    // 一、 十二、
    let numerals = chars
        .iter()
        .take_while(|c| CHINESE_NUMERALS.contains(c))
        .count();
    if numerals > 0
        && numerals <= 3
        && matches!(chars.get(numerals), Some('、' | '.' | ','))
        && n > numerals + 1
    {
        return Some(1);
    }
    // (一)
    if chars.first() == Some(&'(') {
        let inner = chars
            .iter()
            .skip(1)
            .take_while(|c| CHINESE_NUMERALS.contains(c))
            .count();
        if inner > 0 && inner <= 3 && chars.get(1 + inner) == Some(&')') && n > inner + 2 {
            return Some(2);
        }
    }
    // 1、 1. — only short lines without a sentence end are headings; longer ones are list items.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 2 && matches!(chars.get(digits), Some('、' | '.')) {
        let next = chars.get(digits + 1);
        let is_number = next.is_some_and(char::is_ascii_digit);
        let body = n.saturating_sub(digits + 1);
        let ends_sentence = chars
            .last()
            .is_some_and(|c| TERMINAL.contains(c) || *c == '。');
        if !is_number && body > 0 && body <= 30 && !ends_sentence && !key.contains(':') {
            return Some(3);
        }
    }
    None
}

/// The section a heading opens, if its text says.
pub fn classify_heading(key: &str) -> Option<SectionKind> {
    let has = |p: &str| key.contains(p);
    let kind = if has("名词解释") || has("专业名词") {
        SectionKind::Glossary
    } else if has("三公") || has("因公出国") || has("公务接待") || has("公务用车") {
        SectionKind::ThreePublic
    } else if has("机关运行") {
        SectionKind::OperatingCost
    } else if has("政府采购") {
        SectionKind::Procurement
    } else if has("国有资产") || has("固定资产") || has("资产占用") {
        SectionKind::Assets
    } else if has("总体绩效目标") {
        SectionKind::OverallGoal
    } else if has("分项绩效目标") {
        SectionKind::SubGoals
    } else if has("绩效目标表") || has("资金绩效目标") || has("项目绩效目标") || has("绩效目标申报")
    {
        SectionKind::Projects
    } else if has("绩效") || has("保障措施") {
        SectionKind::Performance
    } else if has("职责")
        || has("机构设置")
        || has("职能")
        || has("单位构成")
        || has("部门概况")
        || has("基本情况")
        || has("人员情况")
        || has("内设机构")
    {
        SectionKind::Organisation
    } else if has("收入")
        || has("支出")
        || has("收支")
        || has("预算安排")
        || has("总体情况")
        || has("预算情况")
        || has("决算情况")
        || has("增减")
    {
        SectionKind::Figures
    } else if has("其他") || has("其它") {
        SectionKind::Other
    } else {
        return None;
    };
    Some(kind)
}

impl<'a> Lines<'a> {
    /// Splits and classifies the lines of a text.
    pub fn new(text: &'a str) -> Self {
        let mut lines = Vec::new();
        // The kind of the open heading at each level (0..=3).
        let mut open: [Option<SectionKind>; 4] = [None; 4];
        for (i, raw) in split_lines(text).into_iter().enumerate() {
            let key = key_of(raw);
            let kind = if key.is_empty() {
                LineKind::Blank
            } else if raw.contains('\t') {
                LineKind::TabRow
            } else if raw.contains('|') {
                LineKind::PipeRow
            } else if let Some(level) = heading_level(&key) {
                LineKind::Heading(level)
            } else {
                LineKind::Text
            };
            if let LineKind::Heading(level) = kind {
                let level = usize::from(level).min(3);
                for slot in open.iter_mut().skip(level) {
                    *slot = None;
                }
                if let Some(slot) = open.get_mut(level) {
                    *slot = Some(classify_heading(&key).unwrap_or(SectionKind::Unknown));
                }
            }
            let section = open
                .iter()
                .rev()
                .flatten()
                .copied()
                .find(|k| *k != SectionKind::Unknown)
                .unwrap_or(SectionKind::Unknown);
            lines.push(SrcLine {
                no: i + 1,
                raw,
                key,
                kind,
                section,
            });
        }
        Lines { lines }
    }

    /// The line at index `i`.
    pub fn get(&self, i: usize) -> Option<&SrcLine<'a>> {
        self.lines.get(i)
    }

    /// The paragraphs of running text (headings are paragraphs of their own). A text line that
    /// does not end a sentence runs on into the next text line (across blank lines), unless the
    /// next line opens a heading or a list item.
    pub fn paragraphs(&self) -> Vec<Para> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.lines.len() {
            let Some(line) = self.lines.get(i) else { break };
            match line.kind {
                LineKind::Heading(_) => {
                    out.push(Para {
                        first: i,
                        last: i,
                        text: Text::from_line(line.no, trim(line.raw)),
                        section: line.section,
                    });
                    i += 1;
                }
                LineKind::Text => {
                    let first = i;
                    let mut members = vec![i];
                    let mut j = i;
                    while let Some(cur) = self.lines.get(j) {
                        if ends_sentence(&cur.key) {
                            break;
                        }
                        // The next visible line.
                        let mut k = j + 1;
                        while self.lines.get(k).is_some_and(|l| l.kind == LineKind::Blank) {
                            k += 1;
                        }
                        let Some(next) = self.lines.get(k) else { break };
                        if next.kind != LineKind::Text || starts_item(&next.key) {
                            break;
                        }
                        let last_digit = cur.key.chars().last().is_some_and(|c| c.is_ascii_digit());
                        let first_digit =
                            next.key.chars().next().is_some_and(|c| c.is_ascii_digit());
                        if last_digit && first_digit {
                            break;
                        }
                        members.push(k);
                        j = k;
                    }
                    let last = members.last().copied().unwrap_or(first);
                    let text = Text::from_lines(
                        members
                            .iter()
                            .filter_map(|&m| self.lines.get(m))
                            .map(|l| (l.no, trim(l.raw))),
                    );
                    out.push(Para {
                        first,
                        last,
                        text,
                        section: line.section,
                    });
                    i = last + 1;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// Whether a line's key ends a sentence (or announces a list with a colon).
pub fn ends_sentence(key: &str) -> bool {
    key.chars().last().is_some_and(|c| TERMINAL.contains(&c))
}

/// Whether a line's key opens a numbered item or heading (一、 (一) 1、 1. (1) ①).
pub fn starts_item(key: &str) -> bool {
    if heading_level(key).is_some() {
        return true;
    }
    let chars: Vec<char> = key.chars().take(6).collect();
    let first = chars.first().copied().unwrap_or(' ');
    if ('①'..='⑳').contains(&first) {
        return true;
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0
        && digits <= 2
        && matches!(chars.get(digits), Some('、' | '.' | ')'))
        && !chars.get(digits + 1).is_some_and(char::is_ascii_digit)
    {
        return true;
    }
    if first == '(' {
        let inner = chars
            .iter()
            .skip(1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if inner > 0 && chars.get(1 + inner) == Some(&')') {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_have_levels() {
        assert_eq!(heading_level("第二部分资金绩效目标"), Some(0));
        assert_eq!(heading_level("一、部门职责及机构设置情况"), Some(1));
        assert_eq!(heading_level("(一)总体绩效目标"), Some(2));
        assert_eq!(heading_level("1、收入说明"), Some(3));
        assert_eq!(heading_level("1.县委秘书组办公经费绩效目标表"), Some(3));
        assert_eq!(
            heading_level(
                "1、承担县委、县委领导同志交办的文件、讲话等文稿的起草或修改工作;负责县委文件。"
            ),
            None
        );
        assert_eq!(heading_level("2020年预算"), None);
    }

    #[test]
    fn sentences_broken_across_lines_join_into_one_paragraph() {
        let lines = Lines::new("一、收支\n\n项目支出824.42\n\n万元，全部。\n\n2、下一项");
        let paras = lines.paragraphs();
        assert_eq!(paras.len(), 3);
        assert!(paras.get(1).is_some_and(|p| p.text.contains("824.42万元") && p.section == SectionKind::Figures));
    }
}
