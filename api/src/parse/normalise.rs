//! Punctuation and whitespace: the folded, whitespace-free view of the text that the parser
//! matches against, with a map back to the text as printed.
//!
//! Real disclosures mix full-width and ASCII punctuation (`（）：，；` and `( ) : , ;`), break
//! numbers from their unit across lines (`824.42\n\n万元`) and put spaces inside words
//! (`公务 接待费`, `2020 年`). Matching happens on a *key*: every character folded to one
//! spelling (full-width ASCII to ASCII, curly quotes to `"`) with all whitespace dropped. Every
//! key character remembers where it came from, so what the parser keeps (names, reasons, cell
//! text) is cut from the text exactly as printed.

/// Folds one character to the spelling the parser matches against. One character in, one out,
/// so positions in the folded text match positions in the original.
pub fn fold_char(c: char) -> char {
    match c {
        // Full-width ASCII forms: （ ） ： ， ； ％ ０-９ Ａ-Ｚ …
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '“' | '”' | '〝' | '〞' | '„' | '‟' => '"',
        '‘' | '’' => '\'',
        '﹪' => '%',
        '﹐' => ',',
        '﹔' => ';',
        '﹕' => ':',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        '−' | '–' => '-',
        _ => c,
    }
}

/// Whether `c` is whitespace for matching purposes (including zero-width characters and the
/// byte-order mark, which real pages carry).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Splits a text into lines (`\n`, `\r\n` or a lone `\r`), without the line ends.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\n') => {
                lines.push(text.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            Some(b'\r') => {
                lines.push(text.get(start..i).unwrap_or(""));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        lines.push(text.get(start..).unwrap_or(""));
    }
    lines
}

/// The folded, whitespace-free key of a string (what patterns are written in).
pub fn key_of(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).map(fold_char).collect()
}

/// Trims `s` of whitespace (including zero-width characters) at both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A stretch of text (one or more lines) with its folded, whitespace-free key.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The characters as printed, lines joined with `\n`.
    orig: Vec<char>,
    /// The folded characters without whitespace.
    key: Vec<char>,
    /// For each key character, its index in `orig`.
    map: Vec<usize>,
    /// For each key character, its source line (1-based).
    line: Vec<usize>,
    /// The first source line.
    first_line: usize,
}

impl Text {
    /// Builds a text from lines `(line number, text)`, joining them with `\n`.
    pub fn from_lines<'a, I>(lines: I) -> Self
    where
        I: IntoIterator<Item = (usize, &'a str)>,
    {
        let mut text = Text::default();
        let mut first = true;
        for (no, line) in lines {
            if first {
                text.first_line = no;
                first = false;
            } else {
                text.orig.push('\n');
            }
            for c in line.chars() {
                if !is_space(c) {
                    text.key.push(fold_char(c));
                    text.map.push(text.orig.len());
                    text.line.push(no);
                }
                text.orig.push(c);
            }
        }
        text
    }

    /// Builds a text from one line.
    pub fn from_line(no: usize, line: &str) -> Self {
        Self::from_lines([(no, line)])
    }

    /// The folded, whitespace-free characters.
    pub fn key(&self) -> &[char] {
        &self.key
    }

    /// The key length.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// The key character at `i`, if any.
    pub fn at(&self, i: usize) -> Option<char> {
        self.key.get(i).copied()
    }

    /// The source line of key position `i` (the last line for positions past the end).
    pub fn line_at(&self, i: usize) -> usize {
        self.line
            .get(i)
            .or_else(|| self.line.last())
            .copied()
            .unwrap_or(self.first_line)
    }

    /// Whether the key holds `pat` (a folded, whitespace-free pattern) at `i`.
    pub fn matches_at(&self, i: usize, pat: &str) -> bool {
        matches_at(&self.key, i, pat)
    }

    /// The first position at or after `from` where the key holds `pat`.
    pub fn find(&self, pat: &str, from: usize) -> Option<usize> {
        find_in(&self.key, pat, from)
    }

    /// Whether the key contains `pat` anywhere.
    pub fn contains(&self, pat: &str) -> bool {
        self.find(pat, 0).is_some()
    }

    /// The folded key between `a` and `b` as a string.
    pub fn key_str(&self, a: usize, b: usize) -> String {
        let b = b.min(self.key.len());
        self.key
            .get(a.min(b)..b)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// The text as printed from key position `a` up to (not including) key position `b`:
    /// interior whitespace as printed, line breaks removed (a sentence broken across lines is
    /// joined without the break), trimmed.
    pub fn orig_str(&self, a: usize, b: usize) -> String {
        let b = b.min(self.key.len());
        if a >= b {
            return String::new();
        }
        let (Some(&start), Some(&end)) = (self.map.get(a), self.map.get(b - 1)) else {
            return String::new();
        };
        let Some(chars) = self.orig.get(start..=end) else {
            return String::new();
        };
        let mut out = String::new();
        let mut after_break = false;
        for &c in chars {
            if c == '\n' {
                // A line break inside a sentence: join without it, and drop the next line's indent.
                after_break = true;
                while out.ends_with(is_space) {
                    out.pop();
                }
                continue;
            }
            if after_break && is_space(c) {
                continue;
            }
            after_break = false;
            out.push(c);
        }
        trim(&out).to_owned()
    }
}

/// Whether `hay` holds `pat` at `i`.
pub fn matches_at(hay: &[char], i: usize, pat: &str) -> bool {
    (i..).zip(pat.chars()).all(|(j, p)| hay.get(j) == Some(&p))
}

/// The first position at or after `from` where `hay` holds `pat`.
pub fn find_in(hay: &[char], pat: &str, from: usize) -> Option<usize> {
    let first = pat.chars().next()?;
    let mut i = from;
    while i < hay.len() {
        if hay.get(i) == Some(&first) && matches_at(hay, i, pat) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Removes table separators (`|`) and surrounding whitespace from a line that is a one-cell
/// table row or a caption in a `|` table.
pub fn strip_pipes(s: &str) -> &str {
    s.trim_matches(|c: char| c == '|' || is_space(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_punctuation_folds_to_ascii() {
        assert_eq!(key_of("（境）费：１２，３"), "(境)费:12,3");
        assert_eq!(key_of("“三公”经费"), "\"三公\"经费");
    }

    #[test]
    fn numbers_split_from_their_unit_join_in_the_key() {
        let t = Text::from_lines([(1, "项目支出824.42"), (3, "万元，全部")]);
        assert!(t.contains("824.42万元"));
        let at = t.find("全部", 0).unwrap_or(0);
        assert_eq!(t.line_at(at), 3);
        assert_eq!(t.orig_str(0, t.len()), "项目支出824.42万元，全部");
    }

    #[test]
    fn original_text_keeps_interior_spaces_but_not_line_breaks() {
        let t = Text::from_lines([(1, "主要原因是勤俭节约的"), (2, "  各项规定 严格")]);
        let a = t.find("勤俭", 0).unwrap_or(0);
        assert_eq!(t.orig_str(a, t.len()), "勤俭节约的各项规定 严格");
    }

    #[test]
    fn lines_split_on_every_line_end() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), vec!["a"]);
        assert!(split_lines("").is_empty());
    }
}
