//! The "use your own data" files in `public/`: the template has the documented
//! columns, and the filled example loads without a problem and holds real figures
//! (each equals the committed bundle's published value for its place and year).

use std::path::Path;

use sdg_core::load;
use sdg_core::model::Gazetteer;
use sdg_core::userdata::{import_csv, COLUMNS};

fn read(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(rel),
    )
    .unwrap()
}

fn world() -> (sdg_core::model::Framework, Gazetteer) {
    let fw = load::load_framework("framework.json", &read("data/framework.json")).unwrap();
    let countries = load::load_countries("countries.json", &read("data/countries.json")).unwrap();
    let gz = load::load_places("cities.json", &read("data/cities.json"), countries).unwrap();
    (fw, gz)
}

#[test]
fn the_template_has_the_documented_columns() {
    assert_eq!(
        read("public/your-data-template.csv").trim_end(),
        COLUMNS.join(",")
    );
}

#[test]
fn the_example_loads_cleanly_and_its_figures_are_the_published_ones() {
    let (fw, gz) = world();
    let import = import_csv(
        &read("public/your-data-example.csv"),
        "example.csv",
        &fw,
        &gz,
        2026,
    );
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.pack.rows(), 11);
    assert_eq!(import.pack.targets.len(), 1, "Suwon's PM2.5 target");
    for table in &import.pack.tables {
        let published: sdg_core::model::ObservationTable = serde_json::from_str(&read(&format!(
            "data/obs/kostat-capital-region/{}.json",
            table.series
        )))
        .unwrap();
        for i in 0..table.len() {
            let found = (0..published.len()).find(|&j| {
                published.places[j] == table.places[i] && published.years[j] == table.years[i]
            });
            let j = found
                .unwrap_or_else(|| panic!("{} {} not published", table.places[i], table.years[i]));
            assert_eq!(
                published.values[j], table.values[i],
                "{} {}",
                table.places[i], table.years[i]
            );
        }
    }
}
