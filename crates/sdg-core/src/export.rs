//! CSV export of a selection: UTF-8 with a byte-order mark so that Excel opens Korean
//! names intact, one row per city, with the source and the licence of each value.
//! (The data package's tables, `tools/datagen/src/package.rs`, are plain RFC 4180
//! without a BOM on purpose: they are for data tools, these for spreadsheets.)

use crate::assess::Status;
use crate::filter::Filter;
use crate::i18n::Lang;
use crate::model::{Gazetteer, Manifest, ObservationTable, Series};
use crate::query::{select, Selected, SeriesTables};

/// A cell made safe for spreadsheets: quoted when needed, and a leading `=`, `+`, `-`,
/// `@` (which Excel would run as a formula) prefixed with an apostrophe. Only a finite
/// number keeps its sign bare: `-inf`, `+NaN` and `-Infinity` parse as Rust floats
/// but are text to a spreadsheet, so they are guarded like any other text.
pub fn csv_cell(s: &str) -> String {
    let number = s.parse::<f64>().is_ok_and(f64::is_finite);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV the table view downloads: the view's selection of cities (the same filter
/// and year as the table shows), each value with its source and licence. Status words
/// are English whatever the interface language: a column meant for machines keeps
/// stable values. `None` before the series' city table has loaded.
pub fn table_csv(
    gazetteer: &Gazetteer,
    filter: &Filter,
    year: Option<i32>,
    series: &Series,
    tables: &SeriesTables,
    manifest: &Manifest,
) -> Option<String> {
    let (table, index) = tables.city()?;
    let selected = select(
        gazetteer,
        filter,
        Some((series, table, index)),
        &tables.local,
        year,
    );
    Some(selection_csv(
        &selected,
        series,
        table,
        gazetteer,
        |s| crate::i18n::text(Lang::En, crate::style::status_key(s)).to_string(),
        |row| crate::credits::licence_of_row(manifest, tables, row),
    ))
}

/// The CSV text of a selection for a series (with a UTF-8 BOM). `licence` gives the
/// licence of a value by its row in `table` (see [`crate::credits::licence_of_row`]).
pub fn selection_csv(
    rows: &[Selected<'_>],
    series: &Series,
    table: &ObservationTable,
    gazetteer: &Gazetteer,
    status_label: impl Fn(Status) -> String,
    licence: impl Fn(usize) -> String,
) -> String {
    let mut out = String::from("\u{feff}");
    // The city's name in English, then in each other interface language
    // (`city_ko`, `city_zh`, ...), empty where it has no form in it.
    let local_langs: Vec<Lang> = Lang::ALL
        .iter()
        .copied()
        .filter(|l| *l != Lang::En)
        .collect();
    let local_columns: Vec<String> = local_langs
        .iter()
        .map(|l| format!("city_{}", l.key()))
        .collect();
    let header_head = ["city_id", "city"];
    let header_tail = [
        "country",
        "subregion",
        "population",
        "indicator",
        "series",
        "value",
        "unit",
        "year",
        "status",
        "source",
        "licence",
    ];
    let header: Vec<&str> = header_head
        .iter()
        .copied()
        .chain(local_columns.iter().map(String::as_str))
        .chain(header_tail)
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in rows {
        let country = gazetteer.country(&r.city.country);
        let (value, year, source, licence) = match r.latest {
            Some(l) => (
                l.value.to_string(),
                l.year.to_string(),
                table
                    .row(l.row)
                    .map(|o| o.source.to_string())
                    .unwrap_or_default(),
                licence(l.row),
            ),
            None => Default::default(),
        };
        let head = [r.city.id.clone(), r.city.name.en().to_string()];
        let local = local_langs
            .iter()
            .map(|l| r.city.name.exact(l.key()).unwrap_or_default().to_string());
        let tail = [
            country.map_or(r.city.country.clone(), |c| c.name.en().to_string()),
            country.map(|c| c.subregion.clone()).unwrap_or_default(),
            r.city.population.map(|p| p.to_string()).unwrap_or_default(),
            series.indicator.clone(),
            series.title.en().to_string(),
            value,
            series.unit.clone(),
            year,
            status_label(r.status),
            source,
            licence,
        ];
        let line: Vec<String> = head
            .into_iter()
            .chain(local)
            .chain(tail)
            .map(|c| csv_cell(&c))
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("Seoul"), "Seoul");
        assert_eq!(csv_cell("Daejeon, Korea"), "\"Daejeon, Korea\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(
            csv_cell("-0.105"),
            "-0.105",
            "negative numbers stay numbers"
        );
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("서울특별시"), "서울특별시");
    }

    #[test]
    fn infinities_and_nan_are_guarded_like_text() {
        for cell in ["-inf", "+NaN", "-Infinity", "+inf"] {
            assert_eq!(csv_cell(cell), format!("'{cell}"), "{cell}");
        }
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("+3e2"), "+3e2");
    }

    #[test]
    fn each_row_carries_its_source_and_its_licence() {
        use crate::scene::rows::fixture::{gazetteer, pm25, pm25_tables};
        let gz = gazetteer();
        let tables = pm25_tables();
        let (table, index) = tables.city().unwrap();
        let series = pm25();
        let filter = crate::query::Filter {
            statuses: Status::ALL.to_vec(),
            ..Default::default()
        };
        let rows = crate::query::select(
            &gz,
            &filter,
            Some((&series, table, index)),
            &tables.local,
            None,
        );
        let mut pack =
            crate::fixtures::pack("fixture", crate::model::PackKind::Observations, vec![]);
        pack.licence = "CC BY 4.0".into();
        let manifest = crate::model::Manifest {
            schema: crate::model::SCHEMA_VERSION,
            coverage: vec![],
            version: None,
            actions: None,
            packs: vec![pack],
        };
        let csv = selection_csv(
            &rows,
            &series,
            table,
            &gz,
            |s| s.key().to_string(),
            |row| crate::credits::licence_of_row(&manifest, &tables, row),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].ends_with(",status,source,licence"), "{}", lines[0]);
        let seoul = lines.iter().find(|l| l.starts_with("kr-11,")).unwrap();
        assert!(seoul.ends_with(",Source A; detail,CC BY 4.0"), "{seoul}");
        let suwon = lines.iter().find(|l| l.starts_with("kr-31010,")).unwrap();
        assert!(
            suwon.ends_with(",nodata,,"),
            "no value, no source, no licence: {suwon}"
        );
        // The table view's download: the same rows, status words in English.
        let view_csv = table_csv(&gz, &filter, None, &series, &tables, &manifest).unwrap();
        let view_lines: Vec<&str> = view_csv.trim_end().split("\r\n").collect();
        assert_eq!(view_lines.len(), lines.len());
        let seoul = view_lines.iter().find(|l| l.starts_with("kr-11,")).unwrap();
        assert!(
            seoul.contains(",Goal achieved,") || seoul.contains("challenges,"),
            "{seoul}"
        );
    }
}
