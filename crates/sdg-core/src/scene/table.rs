//! The table's rows: sorted by a column either way, and cut into pages.

use crate::i18n::Lang;
use crate::scene::Row;

/// Rows per page: a page the DOM holds at once (50 rows are about 1,800 nodes; 100
/// took the view over 3,000).
pub const PAGE: usize = 50;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// City name (in the UI language).
    Name,
    /// Country code.
    Country,
    /// Population.
    Population,
    /// The value.
    Value,
    /// The value's year.
    Year,
    /// The status.
    Status,
}

/// A column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub column: Column,
    /// Descending.
    pub descending: bool,
}

impl Default for Sort {
    /// The largest values first.
    fn default() -> Self {
        Sort {
            column: Column::Value,
            descending: true,
        }
    }
}

impl Sort {
    /// After a click on `column`'s header: the same column flips; another starts with
    /// its natural direction (numbers largest first, names A to Z).
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                descending: !self.descending,
                ..self
            }
        } else {
            Sort {
                column,
                descending: matches!(column, Column::Value | Column::Population | Column::Year),
            }
        }
    }

    /// The `aria-sort` value of a column's header.
    pub fn aria(self, column: Column) -> &'static str {
        match (self.column == column, self.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        }
    }
}

/// The rows sorted (stable: ties keep the selection's order). Missing values sort
/// below every value.
pub fn sort_rows(rows: &[Row], sort: Sort, lang: Lang) -> Vec<Row> {
    let mut out = rows.to_vec();
    out.sort_by(|a, b| {
        let o = match sort.column {
            Column::Name => a.city.name(lang).cmp(b.city.name(lang)),
            Column::Country => a.city.country.cmp(&b.city.country),
            Column::Population => a.city.population.cmp(&b.city.population),
            Column::Value => a
                .value()
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&b.value().unwrap_or(f64::NEG_INFINITY)),
            Column::Year => a.latest.map(|l| l.year).cmp(&b.latest.map(|l| l.year)),
            Column::Status => a.status.cmp(&b.status),
        };
        if sort.descending {
            o.reverse()
        } else {
            o
        }
    });
    out
}

/// Number of pages for `n` rows (at least one, so an empty table reads "page 1 of 1").
pub fn page_count(n: usize) -> usize {
    n.div_ceil(PAGE).max(1)
}

/// The rows of page `page` (0-based); an out-of-range page is empty.
pub fn page_of(rows: &[Row], page: usize) -> &[Row] {
    let start = (page * PAGE).min(rows.len());
    &rows[start..(start + PAGE).min(rows.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::rows::fixture::*;

    fn ids(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.city.id.as_str()).collect()
    }

    #[test]
    fn sorting_by_each_column_both_ways() {
        let rows = rows();
        let by = |column, descending| sort_rows(&rows, Sort { column, descending }, Lang::En);
        assert_eq!(
            ids(&by(Column::Value, true)),
            vec!["kr-22", "kr-11", "jp-1", "kr-21"]
        );
        assert_eq!(
            ids(&by(Column::Name, false)),
            vec!["kr-21", "kr-22", "kr-11", "jp-1"]
        );
        let ko = sort_rows(
            &rows,
            Sort {
                column: Column::Name,
                descending: false,
            },
            Lang::Ko,
        );
        assert_eq!(
            ids(&ko),
            vec!["jp-1", "kr-22", "kr-21", "kr-11"],
            "Tokyo (Latin) before Hangul"
        );
        assert_eq!(ids(&by(Column::Population, true))[0], "kr-11");
        assert_eq!(ids(&by(Column::Status, false))[0], "kr-21", "green first");
    }

    #[test]
    fn header_clicks_flip_or_start_naturally() {
        let s = Sort::default();
        assert_eq!(
            s.clicked(Column::Value),
            Sort {
                column: Column::Value,
                descending: false
            }
        );
        assert_eq!(
            s.clicked(Column::Name),
            Sort {
                column: Column::Name,
                descending: false
            }
        );
        assert!(s.clicked(Column::Year).descending);
        assert_eq!(s.aria(Column::Value), "descending");
        assert_eq!(s.aria(Column::Name), "none");
    }

    #[test]
    fn pages_of_fifty() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(51), 2);
        let many: Vec<Row> = std::iter::repeat_n(rows()[0].clone(), 125).collect();
        assert_eq!(page_of(&many, 0).len(), 50);
        assert_eq!(page_of(&many, 2).len(), 25);
        assert!(page_of(&many, 9).is_empty());
    }
}
