//! The running text's figures and changes: one pass over each narrative paragraph that reads
//! "2020年预算收入1465.35万元，其中：一般公共预算收入1465.35万元", "公务接待费32万元，与2019年
//! 相比减少8万元，主要原因是…" and "比上年预算减少49万元,下降38.28%" into values per figure
//! and stated changes with their reasons.
//!
//! The figure an amount belongs to is the last one named before it, provided only filler words
//! ("预算安排", "支出决算为", a year, a comparison) stand between the name and the amount. A
//! parenthesis ("（其中：公务用车购置费0万元…）") names figures only inside it. A heading names
//! the figure its paragraphs talk about ("二、公务接待费" / "2019年预算安排12万元").

use rust_decimal::Decimal;

use crate::document::Stage;

use super::lexicon::{CompareRef, Figure, Word, gap_is_filler, read_comparison, word_at};
use super::normalise::Text;
use super::numbers::{NumKind, NumTok, scan_numbers, to_document_unit};
use super::sections::{LineKind, Lines, Para, SectionKind};
use super::{Context, Warnings};

/// Values stated for figures: the first statement wins, later different ones are warned about.
#[derive(Debug, Clone, Default)]
pub struct Values {
    entries: Vec<(Figure, Decimal, usize)>,
}

impl Values {
    /// The value of a figure, if stated.
    pub fn get(&self, figure: Figure) -> Option<Decimal> {
        self.entries
            .iter()
            .find(|(f, _, _)| *f == figure)
            .map(|(_, v, _)| *v)
    }

    /// Records a value; a different value for a figure already stated is a warning.
    pub fn set(&mut self, figure: Figure, value: Decimal, line: usize, warnings: &mut Warnings) {
        if figure == Figure::Other {
            return;
        }
        match self.entries.iter().find(|(f, _, _)| *f == figure) {
            Some((_, old, old_line)) => {
                if *old != value {
                    warnings.push(
                        line,
                        format!(
                            "{} is stated as {old} on line {old_line} and as {value} here; kept {old}",
                            figure.label()
                        ),
                    );
                }
            }
            None => self.entries.push((figure, value, line)),
        }
    }
}

/// A change against an earlier year, as the text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeFact {
    /// The figure that changed.
    pub figure: Figure,
    /// The year compared against.
    pub previous_year: Option<i32>,
    /// The signed change in the document unit.
    pub amount: Option<Decimal>,
    /// The signed change in percent.
    pub percent: Option<Decimal>,
    /// The stated reason.
    pub reason: Option<String>,
    /// Where it is stated.
    pub line: usize,
}

/// What the narrative states.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Values per figure.
    pub values: Values,
    /// Stated changes, in text order.
    pub changes: Vec<ChangeFact>,
}

/// Whether paragraphs of a section are read for figures.
fn is_narrative(section: SectionKind) -> bool {
    matches!(
        section,
        SectionKind::Unknown
            | SectionKind::Figures
            | SectionKind::OperatingCost
            | SectionKind::ThreePublic
    )
}

/// Longest text between a change verb and its amount ("了", "为", "幅度为").
const MAX_VERB_GAP: usize = 4;

/// Reads the figures and changes of every narrative paragraph.
pub fn read(lines: &Lines<'_>, paras: &[Para], cx: &Context, warnings: &mut Warnings) -> Facts {
    let mut facts = Facts::default();
    let mut current: Option<Figure> = None;
    let mut section = SectionKind::Unknown;
    for para in paras {
        if !is_narrative(para.section) {
            current = None;
            continue;
        }
        if para.section != section {
            current = None;
            section = para.section;
        }
        let heading = lines
            .get(para.first)
            .is_some_and(|l| matches!(l.kind, LineKind::Heading(_)));
        if heading {
            current = None;
        }
        let mut reader = Reader {
            text: &para.text,
            cx,
            current,
            gap_start: 0,
            compare: None,
            parens: Vec::new(),
            verb: None,
            first_change: facts.changes.len(),
            clause_item: false,
            sentence_end: 0,
        };
        reader.run(&mut facts, warnings);
        current = reader.current;
    }
    facts
}

/// The state of reading one paragraph.
struct Reader<'t, 'c> {
    text: &'t Text,
    cx: &'c Context,
    /// The figure named last.
    current: Option<Figure>,
    /// Where the words between the current figure and the next amount start.
    gap_start: usize,
    /// The comparison in force.
    compare: Option<CompareRef>,
    /// The current figure outside each open parenthesis.
    parens: Vec<Option<Figure>>,
    /// A change verb waiting for its amount: its sign and where it ends.
    verb: Option<(i8, usize)>,
    /// The first change of this paragraph in `facts.changes`.
    first_change: usize,
    /// Whether the current clause has named a figure.
    clause_item: bool,
    /// The end of the sentence last looked up by a reason.
    sentence_end: usize,
}

/// Longest reason kept (key characters); a reason runs to the end of its sentence.
const MAX_REASON: usize = 400;

/// How many of the paragraph's changes a reason looks back over for its figure's change.
const MAX_LOOK_BACK: usize = 16;

/// Most nested parentheses tracked.
const MAX_PARENS: usize = 8;

impl Reader<'_, '_> {
    fn run(&mut self, facts: &mut Facts, warnings: &mut Warnings) {
        let key = self.text.key();
        let nums = scan_numbers(key);
        let mut next_num = 0;
        let mut i = 0;
        while i < key.len() {
            while nums.get(next_num).is_some_and(|t| t.start < i) {
                next_num += 1;
            }
            if let Some(tok) = nums.get(next_num).filter(|t| t.start == i) {
                self.number(tok, facts, warnings);
                i = tok.end.max(i + 1);
                continue;
            }
            let c = key.get(i).copied().unwrap_or(' ');
            match c {
                '(' | '[' => {
                    if self.parens.len() < MAX_PARENS {
                        self.parens.push(self.current);
                    }
                    i += 1;
                    continue;
                }
                ')' | ']' => {
                    if let Some(saved) = self.parens.pop() {
                        self.current = saved;
                        self.gap_start = i + 1;
                    }
                    i += 1;
                    continue;
                }
                ',' | '、' | ':' => {
                    self.gap_start = i + 1;
                    self.verb = None;
                    self.clause_item = false;
                    i += 1;
                    continue;
                }
                '。' | ';' | '!' | '?' => {
                    self.gap_start = i + 1;
                    self.verb = None;
                    self.clause_item = false;
                    self.parens.clear();
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let Some((word, n)) = word_at(key, i) else {
                i += 1;
                continue;
            };
            match word {
                Word::Item(f) => {
                    // A generic word right after a named figure ("“三公”经费支出预算为79万元")
                    // describes that figure's amount; it does not name another figure.
                    let generic = is_generic(key, i, n);
                    let filler_so_far = key.get(self.gap_start..i).is_some_and(gap_is_filler);
                    if !(generic && self.clause_item && filler_so_far) {
                        self.current = Some(f);
                        self.gap_start = i + n;
                        self.verb = None;
                        self.clause_item = true;
                    }
                }
                Word::Verb(sign) => {
                    let gap_ok = key.get(self.gap_start..i).is_some_and(gap_is_filler);
                    match self.current {
                        Some(f) if gap_ok => {
                            if sign == 0 {
                                self.change(
                                    facts,
                                    f,
                                    Some(Decimal::ZERO),
                                    None,
                                    self.text.line_at(i),
                                );
                                self.verb = None;
                            } else {
                                self.verb = Some((sign, i + n));
                            }
                        }
                        _ => self.verb = None,
                    }
                    self.gap_start = i + n;
                }
                Word::Compare => {
                    if let Some((len, reference)) = read_comparison(key, i) {
                        self.compare = Some(reference);
                        i += len;
                        continue;
                    }
                }
                Word::Reason => {
                    i = self.reason(i, n, &nums, facts);
                    continue;
                }
                Word::Nil => {
                    if let Some((Word::Item(f), len)) = word_at(key, i + 1)
                        && f != Figure::Other
                    {
                        facts
                            .values
                            .set(f, Decimal::ZERO, self.text.line_at(i), warnings);
                        self.current = Some(f);
                        self.gap_start = i + 1 + len;
                        i += 1 + len;
                        continue;
                    }
                }
                Word::Skip => {}
            }
            i += n.max(1);
        }
    }

    /// An amount or percentage: a change if a verb waits for it, else the current figure's value.
    fn number(&mut self, tok: &NumTok, facts: &mut Facts, warnings: &mut Warnings) {
        let key = self.text.key();
        let line = self.text.line_at(tok.start);
        let verb = self.verb.filter(|(_, end)| {
            key.get(*end..tok.start)
                .is_some_and(|g| g.len() <= MAX_VERB_GAP && gap_is_filler(g))
        });
        match tok.kind {
            NumKind::Money(unit) => {
                let value = match &tok.value {
                    Ok(v) => match to_document_unit(*v, unit, self.cx.unit) {
                        Ok(v) => Some(v),
                        Err(e) => {
                            warnings.push(line, format!("skipped an amount: {e}"));
                            None
                        }
                    },
                    Err(e) => {
                        warnings.push(line, format!("skipped an amount: {e}"));
                        None
                    }
                };
                if let Some((sign, _)) = verb {
                    if let (Some(v), Some(f)) = (value, self.current) {
                        self.change(facts, f, Some(v * Decimal::from(sign)), None, line);
                    }
                    self.verb = None;
                } else if let (Some(v), Some(f)) = (value, self.current) {
                    let gap = key.get(self.gap_start..tok.start).unwrap_or(&[]);
                    if gap_is_filler(gap) && !self.other_year(gap) && !has_comparison(gap) {
                        facts.values.set(f, v, line, warnings);
                    }
                }
            }
            NumKind::Percent => {
                if let Some((sign, _)) = verb {
                    if let (Ok(v), Some(f)) = (&tok.value, self.current) {
                        self.change(facts, f, None, Some(*v * Decimal::from(sign)), line);
                    }
                    self.verb = None;
                }
            }
            NumKind::Plain => {
                // A figure's number with nothing after it: an amount whose unit is missing.
                // (A list number — "2、", "3." at the start — is not an amount.)
                let bare =
                    tok.start > 0 && matches!(key.get(tok.end), None | Some(',' | ';' | '。'));
                let gap = key.get(self.gap_start..tok.start).unwrap_or(&[]);
                if bare
                    && verb.is_none()
                    && let Some(f) = self.current.filter(|f| *f != Figure::Other)
                    && gap_is_filler(gap)
                {
                    warnings.push(
                        line,
                        format!(
                            "{} is followed by a number without a unit ({}); it was skipped",
                            f.label(),
                            self.text.key_str(tok.start, tok.end)
                        ),
                    );
                }
                return;
            }
            NumKind::Year => return,
        }
        self.gap_start = tok.end;
    }

    /// Whether the words before an amount say it is not this disclosure's figure: the budget
    /// column of final accounts ("支出预算为145,500.00元"), or last year's figure ("上年预算数").
    fn other_year(&self, gap: &[char]) -> bool {
        let g: String = gap.iter().collect();
        let g = g.replace("一般公共预算", "");
        if g.contains("上年") || g.contains("去年") {
            return true;
        }
        self.cx.stage == Stage::FinalAccounts && g.contains("预算") && !g.contains("决算")
    }

    /// Records a stated change of `figure` under the comparison in force, merging the amount
    /// and the percentage of one statement ("减少49万元,下降38.28%").
    fn change(
        &mut self,
        facts: &mut Facts,
        figure: Figure,
        amount: Option<Decimal>,
        percent: Option<Decimal>,
        line: usize,
    ) {
        if figure == Figure::Other {
            return;
        }
        let fy = self.cx.fiscal_year;
        let previous_year = match self.compare {
            None => None,
            Some(CompareRef::Budget) => return,
            Some(CompareRef::Year(y)) if y >= fy => return,
            Some(CompareRef::Year(y)) => Some(y),
            Some(CompareRef::PreviousYear | CompareRef::Unnamed) => fy.checked_sub(1),
        };
        if let Some(last) = facts
            .changes
            .get_mut(self.first_change..)
            .and_then(|c| c.last_mut())
            && last.figure == figure
            && (last.previous_year == previous_year || previous_year.is_none())
            && (amount.is_none() || last.amount.is_none() || last.amount == amount)
            && (percent.is_none() || last.percent.is_none())
        {
            if last.amount.is_none() {
                last.amount = amount;
            }
            if last.percent.is_none() {
                last.percent = percent;
            }
            return;
        }
        facts.changes.push(ChangeFact {
            figure,
            previous_year,
            amount,
            percent,
            reason: None,
            line,
        });
    }

    /// A reason marker at `i` (length `n`): the reason, marker included, runs to the end of the
    /// sentence and belongs to the last change of the current figure in this paragraph. A
    /// "reason" that states further changes ("主要为人员经费支出较去年增加199.12万元") is read as text instead.
    /// Returns where reading continues.
    fn reason(&mut self, i: usize, n: usize, nums: &[NumTok], facts: &mut Facts) -> usize {
        let key = self.text.key();
        let start = i + n;
        if self.sentence_end < start {
            // The next sentence end, found once per sentence (reasons may repeat within one).
            self.sentence_end = (start..key.len())
                .find(|&j| matches!(key.get(j), Some('。' | ';' | '!' | '?')))
                .unwrap_or(key.len());
        }
        let end = self.sentence_end.min(start + MAX_REASON);
        if states_change(key, nums, start, end) {
            return start;
        }
        // The reason as printed, with its marker ("主要原因是…").
        let reason = self.text.orig_str(i, end);
        if let Some(f) = self.current
            && !reason.is_empty()
            && let Some(change) = facts.changes.get_mut(self.first_change..).and_then(|c| {
                c.iter_mut()
                    .rev()
                    .take(MAX_LOOK_BACK)
                    .find(|c| c.figure == f)
            })
            && change.reason.is_none()
        {
            change.reason = Some(reason);
        }
        self.verb = None;
        end
    }
}

/// Words that name the totals generically ("支出预算", "收入"): after a named figure in the same
/// clause they describe its amount instead.
const GENERIC: &[&str] = &[
    "支出预算",
    "预算支出",
    "本年支出",
    "支出合计",
    "支出总额",
    "收入预算",
    "预算收入",
    "本年收入",
    "收入合计",
    "收入",
    "总支出",
    "总收入",
];

/// Whether the word of length `n` at `i` is a generic total.
fn is_generic(key: &[char], i: usize, n: usize) -> bool {
    key.get(i..i + n)
        .is_some_and(|w| GENERIC.iter().any(|g| g.chars().eq(w.iter().copied())))
}

/// Whether a gap holds a comparison: the amount after it is the figure compared with
/// ("比2019年的43.5万元减少8万元"), not this year's.
fn has_comparison(gap: &[char]) -> bool {
    (0..gap.len()).any(|i| read_comparison(gap, i).is_some())
}

/// Whether key positions `start..end` state a change: a verb followed by an amount or a
/// percentage.
fn states_change(key: &[char], nums: &[NumTok], start: usize, end: usize) -> bool {
    let first = nums.partition_point(|t| t.start < start);
    nums.get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.start < end)
        .filter(|t| matches!(t.kind, NumKind::Money(_) | NumKind::Percent))
        .any(|t| {
            // A verb ending at most MAX_VERB_GAP characters before the number.
            let from = t.start.saturating_sub(MAX_VERB_GAP + 4).max(start);
            (from..t.start).any(|p| {
                matches!(word_at(key, p), Some((Word::Verb(sign), n))
                    if sign != 0 && p + n <= t.start && t.start - (p + n) <= MAX_VERB_GAP)
            })
        })
}
