//! Korea's Goal 11 implementation matrix: Korean local governments (rows) by Goal 11
//! targets (columns); a cell counts the actions the government reported on the target
//! and says whether a statistical series of the target has a value for it. Leading
//! governments, those covering the most targets, come first.

use crate::actions::ActionFilter;
use crate::i18n::Lang;
use crate::lists::Pager;
use crate::model::{ActionsPack, Framework, Gazetteer};
use crate::query::SeriesTables;

/// The matrix shows its leading governments a page at a time: a page fits a screen,
/// and the whole list (over a hundred rows of thirteen cells) is not in the DOM before
/// anyone asks for it.
pub const MATRIX_PAGER: Pager = Pager::new(20);

/// Goal 11's targets in order: the matrix's columns.
pub use crate::model::GOAL11_TARGETS as TARGETS;

/// One cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Actions reported on the target.
    pub actions: usize,
    /// Series of the target with a value for the government.
    pub series: Vec<String>,
}

impl Cell {
    /// Whether the target is covered at all.
    pub fn covered(&self) -> bool {
        self.actions > 0 || !self.series.is_empty()
    }
}

/// One local government's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// Place id.
    pub id: String,
    /// Its name in the UI language.
    pub name: String,
    /// One cell per target, in [`TARGETS`] order.
    pub cells: Vec<Cell>,
    /// Actions reported (each action once, whatever its targets).
    pub actions: usize,
}

impl MatrixRow {
    /// Targets with an action or a series.
    pub fn covered(&self) -> usize {
        self.cells.iter().filter(|c| c.covered()).count()
    }
}

/// How the matrix is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixSort {
    /// Most targets covered, then most actions, then name.
    #[default]
    Leaders,
    /// By name.
    Name,
    /// Most actions on one target (index into [`TARGETS`]), then leaders.
    Target(usize),
}

/// The matrix rows of Korea's local governments that have at least one action or one
/// series value. `series` pairs each series id with its merged tables.
pub fn korea_matrix(
    gazetteer: &Gazetteer,
    framework: &Framework,
    actions: Option<&ActionsPack>,
    series: &[(&str, &SeriesTables)],
    lang: Lang,
) -> Vec<MatrixRow> {
    let target_of = |series_id: &str| -> Option<usize> {
        let s = framework.series(series_id)?;
        let target = framework.series_target(s)?;
        TARGETS.iter().position(|t| *t == target)
    };
    let mut rows = Vec::new();
    for city in gazetteer.cities.iter().filter(|c| c.country == "KOR") {
        let mut cells = vec![Cell::default(); TARGETS.len()];
        let mut action_count = 0;
        if let Some(pack) = actions {
            let filter = ActionFilter {
                places: vec![city.id.clone()],
                ..ActionFilter::default()
            };
            for a in crate::actions::filter_actions(pack, &filter) {
                action_count += 1;
                for t in &a.targets {
                    if let Some(i) = TARGETS.iter().position(|x| x == t) {
                        cells[i].actions += 1;
                    }
                }
            }
        }
        for (id, tables) in series {
            let has = tables
                .city()
                .is_some_and(|(t, i)| i.latest(t, &city.id, None).is_some());
            if let (true, Some(i)) = (has, target_of(id)) {
                cells[i].series.push(id.to_string());
            }
        }
        let row = MatrixRow {
            id: city.id.clone(),
            name: city.name(lang).to_string(),
            cells,
            actions: action_count,
        };
        if row.covered() > 0 {
            rows.push(row);
        }
    }
    rows
}

/// The rows in the chosen order.
pub fn sort_matrix(rows: &mut [MatrixRow], sort: MatrixSort) {
    let leaders = |a: &MatrixRow, b: &MatrixRow| {
        b.covered()
            .cmp(&a.covered())
            .then(b.actions.cmp(&a.actions))
            .then(a.name.cmp(&b.name))
    };
    match sort {
        MatrixSort::Leaders => rows.sort_by(leaders),
        MatrixSort::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
        MatrixSort::Target(i) => rows.sort_by(|a, b| {
            let n = |r: &MatrixRow| r.cells.get(i).map_or(0, |c| c.actions);
            n(b).cmp(&n(a)).then_with(|| leaders(a, b))
        }),
    }
}

/// The matrix as CSV (UTF-8 with BOM, for spreadsheets): one row per government, per
/// target the actions reported and the series with a value.
pub fn matrix_csv(rows: &[MatrixRow]) -> String {
    let mut out = String::from("\u{feff}place_id,name,targets_covered,actions");
    for t in TARGETS {
        out.push_str(&format!(",actions_{t},series_{t}"));
    }
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{}",
            crate::export::csv_cell(&r.id),
            crate::export::csv_cell(&r.name),
            r.covered(),
            r.actions
        ));
        for c in &r.cells {
            out.push_str(&format!(
                ",{},{}",
                c.actions,
                crate::export::csv_cell(&c.series.join(" "))
            ));
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::tests::{action, pack};
    use crate::model::AdminLevel;
    use crate::scene::rows::fixture::tables;

    fn korea() -> Gazetteer {
        let m = AdminLevel::Municipality;
        crate::fixtures::korea(&[
            ("kr-11", "Seoul", Some("서울특별시"), m, None),
            ("kr-31010", "Suwon-si", Some("수원시"), m, None),
            ("kr-31090", "Ansan-si", Some("안산시"), m, None),
            ("kr-32010", "Chuncheon-si", Some("춘천시"), m, None),
        ])
    }

    fn framework() -> Framework {
        crate::fixtures::framework(&["11.6.2"], vec![crate::fixtures::pm25()])
    }

    #[test]
    fn cells_count_actions_and_series_and_leaders_come_first() {
        let pm = tables(
            "pm25",
            &[("kr-31090", 2019, 20.0), ("kr-11", 2019, 21.0)],
            &[],
        );
        let mut rows = korea_matrix(
            &korea(),
            &framework(),
            Some(&pack()),
            &[("pm25", &pm)],
            Lang::En,
        );
        sort_matrix(&mut rows, MatrixSort::Leaders);
        let order: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        // Seoul: actions on 11.2 and 11.6 and PM2.5 (11.6): 2 targets, 2 actions.
        // Suwon: 11.3 and 11.6 by one action: 2 targets, 1 action.
        // Ansan: the Sihwa group's 11.6 and 11.b, and PM2.5: 2 targets, 1 action.
        // Chuncheon has nothing and is left out.
        assert_eq!(order, vec!["kr-11", "kr-31090", "kr-31010"]);
        let seoul = &rows[0];
        assert_eq!(seoul.actions, 2);
        assert_eq!(
            seoul.cells[5],
            Cell {
                actions: 1,
                series: vec!["pm25".into()]
            }
        );
        assert_eq!(seoul.cells[1].actions, 1);
        assert_eq!(seoul.covered(), 2);
        sort_matrix(&mut rows, MatrixSort::Name);
        assert_eq!(rows[0].name, "Ansan-si");
        sort_matrix(&mut rows, MatrixSort::Target(2));
        assert_eq!(rows[0].id, "kr-31010", "most actions on 11.3");
    }

    #[test]
    fn the_csv_has_a_column_pair_per_target() {
        let mut p = pack();
        p.actions.push(action(
            "LA009",
            "Suwon, \"=cmd\"",
            &["kr-31010"],
            Some(2020),
            &["11.1"],
            "housing",
        ));
        let rows = korea_matrix(&korea(), &framework(), Some(&p), &[], Lang::Ko);
        let csv = matrix_csv(&rows);
        assert!(csv.starts_with(
            "\u{feff}place_id,name,targets_covered,actions,actions_11.1,series_11.1,"
        ));
        assert!(csv.contains("kr-31010,수원시,3,2,1,,"), "{csv}");
    }
}
