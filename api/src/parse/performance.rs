//! 绩效预算信息: the overall goal (总体绩效目标) and the itemised goals (分项绩效目标), each
//! "N. name：description" followed by "绩效目标：…" (also 效绩目标 / 效能目标) and "绩效指标：…".

use crate::document::{Performance, SubGoal};

use super::Warnings;
use super::normalise::Text;
use super::sections::{LineKind, Lines, Para, SectionKind, ends_sentence};

/// Labels of a sub-goal's goal line.
const GOAL_LABELS: &[&str] = &["绩效目标:", "效绩目标:", "效能目标:", "年度目标:", "目标:"];
/// Labels of a sub-goal's indicator line.
const INDICATOR_LABELS: &[&str] = &["绩效指标:", "效绩指标:", "效能指标:", "指标:"];

/// Reads the overall and itemised performance goals.
pub fn read(lines: &Lines<'_>, paras: &[Para], warnings: &mut Warnings) -> Performance {
    let is_heading = |p: &Para| {
        lines
            .get(p.first)
            .is_some_and(|l| matches!(l.kind, LineKind::Heading(_)))
    };
    let overall: Vec<String> = paras
        .iter()
        .filter(|p| p.section == SectionKind::OverallGoal && !is_heading(p))
        .map(|p| p.text.orig_str(0, p.text.len()))
        .filter(|s| !s.is_empty())
        .collect();
    let mut sub_goals: Vec<SubGoal> = Vec::new();
    let mut open: Option<(SubGoal, usize)> = None;
    for para in paras
        .iter()
        .filter(|p| p.section == SectionKind::SubGoals && !is_heading(p))
    {
        let t = &para.text;
        if let Some(n) = label_len(t, GOAL_LABELS) {
            if let Some((goal, _)) = open.as_mut() {
                goal.goal = non_empty(t.orig_str(n, t.len()));
            }
            continue;
        }
        if let Some(n) = label_len(t, INDICATOR_LABELS) {
            if let Some((goal, _)) = open.as_mut() {
                goal.indicator = non_empty(t.orig_str(n, t.len()));
            }
            continue;
        }
        if let Some(item) = numbered_item(t) {
            if let Some(done) = open.take() {
                finish(done, &mut sub_goals, warnings);
            }
            open = Some((item, t.line_at(0)));
        }
    }
    if let Some(done) = open.take() {
        finish(done, &mut sub_goals, warnings);
    }
    Performance {
        overall_goal: (!overall.is_empty()).then(|| overall.join("\n")),
        sub_goals,
    }
}

/// Keeps a finished sub-goal, warning when it stops short (no goal, no indicator, and its text
/// does not end a sentence: cut off).
fn finish((goal, line): (SubGoal, usize), out: &mut Vec<SubGoal>, warnings: &mut Warnings) {
    if goal.goal.is_none() && goal.indicator.is_none() {
        let text = goal.description.as_deref().unwrap_or(&goal.name);
        let key = super::normalise::key_of(text);
        if !ends_sentence(&key) {
            warnings.push(
                line,
                format!(
                    "the sub-goal \"{}\" is cut off mid-sentence and has no goal or indicator",
                    goal.name
                ),
            );
        }
    }
    out.push(goal);
}

/// The length of a label that opens the text, if one does.
fn label_len(t: &Text, labels: &[&str]) -> Option<usize> {
    labels
        .iter()
        .find(|l| t.matches_at(0, l))
        .map(|l| l.chars().count())
}

/// "1. 参谋协调运转：保障…" → name and description.
fn numbered_item(t: &Text) -> Option<SubGoal> {
    let key = t.key();
    let digits = key.iter().take_while(|c| c.is_ascii_digit()).count();
    let (digits, skip) = if digits > 0 && matches!(key.get(digits), Some('.' | '、' | ')')) {
        (digits, digits + 1)
    } else if key.first() == Some(&'(') {
        let inner = key
            .iter()
            .skip(1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if inner == 0 || key.get(1 + inner) != Some(&')') {
            return None;
        }
        (inner, inner + 2)
    } else {
        return None;
    };
    if digits == 0 {
        return None;
    }
    let colon = (skip..key.len()).find(|&i| key.get(i) == Some(&':'));
    let (name, description) = match colon {
        Some(c) => (t.orig_str(skip, c), non_empty(t.orig_str(c + 1, t.len()))),
        None => (t.orig_str(skip, t.len()), None),
    };
    let name = name.trim_end_matches(['。', '.']).trim().to_owned();
    (!name.is_empty()).then_some(SubGoal {
        name,
        description,
        goal: None,
        indicator: None,
    })
}

/// `Some(s)` unless `s` is blank.
fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}
