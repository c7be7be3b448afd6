//! A small RFC 4180 CSV reader for files people bring (the "use your own data"
//! import): quoted fields with doubled quotes and line breaks, CRLF or LF, a UTF-8 byte
//! order mark, blank lines skipped. It never panics; a broken quote is an error naming
//! its line.

/// One record with the line it starts on (1-based, as a spreadsheet shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Line number where the record starts.
    pub line: usize,
    /// Its fields.
    pub fields: Vec<String>,
}

/// A quote opened and never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// Line where the unclosed quoted field starts.
    pub line: usize,
}

/// Reads every record of `text`.
pub fn read(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let mut end_record = |fields: &mut Vec<String>, field: &mut String, start: usize| {
        fields.push(std::mem::take(field));
        // A blank line is no record.
        if !(fields.len() == 1 && fields[0].is_empty()) {
            records.push(Record {
                line: start,
                fields: std::mem::take(fields),
            });
        }
        fields.clear();
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            ',' => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut fields, &mut field, start);
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError { line: quote_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        end_record(&mut fields, &mut field, start);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<&str>)> {
        let records = read(text).unwrap();
        let leaked: &'static [Record] = Box::leak(records.into_boxed_slice());
        leaked
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn quotes_line_breaks_bom_and_blank_lines() {
        let text = "\u{feff}a,b\r\n\"x, \"\"y\"\"\",2\r\n\r\n\"two\nlines\",3\nlast,";
        assert_eq!(
            fields(text),
            vec![
                (1, vec!["a", "b"]),
                (2, vec!["x, \"y\"", "2"]),
                (4, vec!["two\nlines", "3"]),
                (6, vec!["last", ""]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(read("a\n\"b,c\nd"), Err(CsvError { line: 2 }));
        assert_eq!(read(""), Ok(vec![]));
        assert_eq!(fields("x"), vec![(1, vec!["x"])]);
    }
}
