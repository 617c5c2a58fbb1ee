//! Stated changes against the previous year ("较2019年预算增加423.1万元", "与2019年持平",
//! "比上年预算减少49万元,下降38.28%"), as the narrative reader found them, turned into the
//! document's [`StatedChange`]s. Changes against the same year's budget (决算 vs 年初预算) are
//! not changes on the previous year and were left out by the reader.

use std::collections::HashSet;

use crate::document::{BudgetItem, StatedChange};

use super::Context;
use super::lexicon::Figure;
use super::narrative::ChangeFact;

/// The document's stated changes, in text order, without repeats. A change of the combined
/// 收支 figure is a change of both the income and the expenditure total.
pub fn finish(facts: Vec<ChangeFact>, _cx: &Context) -> Vec<StatedChange> {
    let mut out: Vec<StatedChange> = Vec::new();
    let mut seen = HashSet::new();
    for fact in facts {
        let items: Vec<BudgetItem> = match fact.figure {
            Figure::IncomeAndExpenditure => {
                vec![BudgetItem::IncomeTotal, BudgetItem::ExpenditureTotal]
            }
            f => f.budget_item().into_iter().collect(),
        };
        for item in items {
            let change = StatedChange {
                item,
                previous_year: fact.previous_year,
                amount: fact.amount,
                percent: fact.percent,
                reason: fact.reason.clone(),
            };
            let key = (
                change.item,
                change.previous_year,
                change.amount,
                change.percent,
                change.reason.clone(),
            );
            if seen.insert(key) {
                out.push(change);
            }
        }
    }
    out
}
