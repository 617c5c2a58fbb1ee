//! The parser never panics and stays fast: property tests over arbitrary text and over mangled
//! versions of the sample (truncated, shuffled, lines dropped or repeated, bytes inserted, huge
//! numbers), and a 100 000-line input.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::Config;

use super::{Overrides, parse_disclosure};
use crate::sample::SAMPLE_TEXT;

/// Parses with and without overrides; the result (Ok or Err) does not matter, only that it
/// returns.
fn parse_any(text: &str) {
    let _ = parse_disclosure(text, &Overrides::default());
    let forced = Overrides {
        department: Some("某部门".to_owned()),
        fiscal_year: Some(2020),
        stage: None,
    };
    let _ = parse_disclosure(text, &forced);
}

fn sample_lines() -> Vec<&'static str> {
    SAMPLE_TEXT.lines().collect()
}

fn config() -> Config {
    Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Lines built from the words disclosures are made of, to reach deep into the parser.
fn disclosure_line() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("一、".to_owned()),
        Just("（一）".to_owned()),
        Just("1. ".to_owned()),
        Just("“三公”经费".to_owned()),
        Just("公务用车购置及运维费".to_owned()),
        Just("公务接待费".to_owned()),
        Just("因公出国（境）费".to_owned()),
        Just("较2019年".to_owned()),
        Just("比上年预算".to_owned()),
        Just("增加".to_owned()),
        Just("减少".to_owned()),
        Just("持平".to_owned()),
        Just("主要原因是".to_owned()),
        Just("（其中：".to_owned()),
        Just("）".to_owned()),
        Just("，".to_owned()),
        Just("。".to_owned()),
        Just("\t".to_owned()),
        Just(" | ".to_owned()),
        Just("|".to_owned()),
        Just("无".to_owned()),
        Just("单位：元".to_owned()),
        Just("一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据".to_owned()),
        Just("产出指标".to_owned()),
        Just("成本指标".to_owned()),
        Just("绩效目标".to_owned()),
        Just("政府采购".to_owned()),
        Just("固定资产".to_owned()),
        Just("收入".to_owned()),
        Just("支出预算".to_owned()),
        Just("社会保障和就业支出".to_owned()),
        Just("201".to_owned()),
        Just("万元".to_owned()),
        Just("元".to_owned()),
        Just("%".to_owned()),
        Just("99999999999999999999999999999".to_owned()),
        "[0-9]{1,6}(\\.[0-9]{1,6})?",
        "[0-9]{1,3}(,[0-9]{3}){0,3}",
        "\\PC{0,6}",
    ];
    vec(words, 0..12).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_any(&text);
    }

    #[test]
    fn text_made_of_disclosure_words_never_panics(lines in vec(disclosure_line(), 0..40)) {
        parse_any(&lines.join("\n"));
    }

    #[test]
    fn the_sample_cut_anywhere_never_panics(cut in 0usize..SAMPLE_TEXT.chars().count()) {
        let text: String = SAMPLE_TEXT.chars().take(cut).collect();
        parse_any(&text);
    }

    #[test]
    fn the_sample_with_shuffled_lines_never_panics(lines in Just(sample_lines()).prop_shuffle()) {
        parse_any(&lines.join("\n"));
    }

    #[test]
    fn the_sample_with_lines_dropped_or_repeated_never_panics(ops in vec((0usize..600, 0u8..3), 1..60)) {
        let mut lines = sample_lines();
        for (at, op) in ops {
            if lines.is_empty() {
                break;
            }
            let at = at % lines.len();
            match op {
                0 => {
                    lines.remove(at);
                }
                1 => {
                    let line = lines.get(at).copied().unwrap_or("");
                    lines.insert(at, line);
                }
                _ => {
                    let last = lines.len() - 1;
                    lines.swap(at, last);
                }
            }
        }
        parse_any(&lines.join("\n"));
    }

    #[test]
    fn the_sample_with_random_bytes_never_panics(inserts in vec((0usize..50_000, vec(any::<u8>(), 1..8)), 1..12)) {
        let mut bytes = SAMPLE_TEXT.as_bytes().to_vec();
        for (at, junk) in inserts {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, junk);
        }
        parse_any(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn the_sample_with_huge_numbers_never_panics(at in 0usize..600, digits in 20usize..60, unit in prop_oneof![Just("万元"), Just("元"), Just("%"), Just("")]) {
        let mut lines: Vec<String> = sample_lines().into_iter().map(str::to_owned).collect();
        let huge = format!("公务接待费{}{unit}，较2019年减少{}{unit}", "9".repeat(digits), "9".repeat(digits));
        let at = at % (lines.len() + 1);
        lines.insert(at, huge.clone());
        let cell_at = (at + 200) % (lines.len() + 1);
        lines.insert(cell_at, format!("\t成本指标\t经费\t经费支出\t{}{unit}\t年初预算", "9".repeat(digits)));
        parse_any(&lines.join("\n"));
    }
}

#[test]
fn huge_amounts_become_warnings() {
    let text = SAMPLE_TEXT.replacen(
        "预算安排35.5万元",
        "预算安排99999999999999999999999999999万元",
        1,
    );
    let parsed = parse_disclosure(&text, &Overrides::default());
    let Ok(parsed) = parsed else {
        panic!("the sample with a huge amount should still parse: {parsed:?}");
    };
    assert_eq!(parsed.document.three_public.total, None);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.message.contains("skipped an amount")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn an_empty_text_is_an_error() {
    assert!(parse_disclosure("", &Overrides::default()).is_err());
    assert!(parse_disclosure(" \n\t\n", &Overrides::default()).is_err());
}

/// 100 000 lines (the sample repeated, and random garbage) parse in well under a few seconds
/// even in a debug build.
#[test]
fn a_100k_line_input_parses_quickly() {
    let lines = sample_lines();
    let mut text = String::new();
    let mut n = 0;
    while n < 100_000 {
        for line in &lines {
            text.push_str(line);
            text.push('\n');
            n += 1;
        }
    }
    // How long it takes is measured by the benchmark, not asserted here.
    let parsed = parse_disclosure(&text, &Overrides::default());
    assert!(parsed.is_ok());

    // One very long line and many short garbage lines.
    let garbage: String = (0..100_000)
        .map(|i| format!("{}公务接待费{}万元,较上年减少{}%\n", i % 7, i, i % 100))
        .collect();
    let _ = parse_disclosure(&garbage, &Overrides::default());
    let long_line = "收入".repeat(200_000) + "1万元";
    let _ = parse_disclosure(&long_line, &Overrides::default());
    // One paragraph of many distinct changes and reasons without a sentence end.
    let changes: String = (0..50_000)
        .map(|i| format!("公务接待费较上年减少{i}%主要是增加{i}万元，"))
        .collect();
    let _ = parse_disclosure(
        &format!("某县2020年部门预算\n{changes}"),
        &Overrides::default(),
    );
    // Many distinct function codes in one table.
    let codes: String = (0..20_000)
        .map(|i| format!("201{:04}\t行政运行\t{i}\n", i % 10_000))
        .collect();
    let _ = parse_disclosure(
        &format!("某县2020年部门预算\n一、支出情况\n{codes}"),
        &Overrides::default(),
    );
}

#[test]
fn extreme_overrides_never_panic() {
    for year in [i32::MIN, -1, 0, i32::MAX] {
        let given = Overrides {
            department: Some(String::new()),
            fiscal_year: Some(year),
            stage: Some(crate::document::Stage::FinalAccounts),
        };
        let parsed = parse_disclosure(SAMPLE_TEXT, &given);
        assert!(parsed.is_ok_and(|p| p.document.fiscal_year == year));
    }
}
