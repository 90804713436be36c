//! Problems found in dictionary files, located to file, line and column, rendered with a caret.

use std::fmt;

/// How bad a problem is: errors make `dyad dict check` fail, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Suspicious but usable (a duplicate, a shadowed pattern).
    Warning,
    /// The entry was skipped.
    Error,
}

/// One problem in one dictionary line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path of the file under the dictionary root ("verbs/04-consult.txt").
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// One-based column (in characters) of the offending text; 0 for the whole line.
    pub column: usize,
    /// Lowercase message that says what was expected.
    pub message: String,
    /// The line as written, for the caret display.
    pub source_line: String,
}

impl Diagnostic {
    /// The position as `file:line` or `file:line:column`.
    pub fn location(&self) -> String {
        if self.column > 0 {
            format!("{}:{}:{}", self.file, self.line, self.column)
        } else {
            format!("{}:{}", self.file, self.line)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{}: {kind}: {}", self.location(), self.message)?;
        if !self.source_line.is_empty() {
            writeln!(f, "  | {}", self.source_line)?;
            if self.column > 0 {
                writeln!(f, "  | {}^", " ".repeat(self.column - 1))?;
            }
        }
        Ok(())
    }
}

/// Collects diagnostics while a file is parsed, so every problem is reported in one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem at a column of a line.
    pub fn push(
        &mut self,
        severity: Severity,
        file: &str,
        line: usize,
        column: usize,
        source: &str,
        message: impl Into<String>,
    ) {
        self.items.push(Diagnostic {
            severity,
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            source_line: source.to_string(),
        });
    }

    /// Records an error.
    pub fn error(&mut self, file: &str, line: usize, column: usize, source: &str, message: impl Into<String>) {
        self.push(Severity::Error, file, line, column, source, message);
    }

    /// Records a warning.
    pub fn warn(&mut self, file: &str, line: usize, column: usize, source: &str, message: impl Into<String>) {
        self.push(Severity::Warning, file, line, column, source, message);
    }

    /// All problems in the order found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Appends the problems found in another file.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Takes the collected problems.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// The column (1-based, in characters) of `needle` inside `line`, or 1 when absent.
pub fn column_of(line: &str, needle: &str) -> usize {
    line.find(needle).map(|b| line[..b].chars().count() + 1).unwrap_or(1)
}

/// The edit distance between two short strings, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate within distance 2, for suggestions in messages.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates.into_iter().map(|c| (edit_distance(word, c), c)).filter(|(d, _)| *d <= 2).min().map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_caret() {
        let mut d = Diagnostics::default();
        d.error(
            "verbs/04-consult.txt",
            12,
            6,
            "0429  visit $T",
            "'0429' is not in the CAMEO codebook (did you mean 042?)",
        );
        let text = d.items()[0].to_string();
        assert!(text.starts_with("verbs/04-consult.txt:12:6: error: '0429'"), "{text}");
        assert!(text.contains("  |      ^"), "{text}");
        assert_eq!(d.errors(), 1);
    }

    #[test]
    fn suggests_nearest() {
        assert_eq!(nearest("GOB", ["GOV", "MIL", "COP"]), Some("GOV"));
        assert_eq!(nearest("XYZW", ["GOV"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
