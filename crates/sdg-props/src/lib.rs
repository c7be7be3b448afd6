//! What the core must do with *any* input, as plain functions over bytes.
//!
//! Each function is one fuzz target's body (`fuzz/fuzz_targets/`) and also what the
//! regression test replays over every input fuzzing ever found (`fuzz/regressions/`),
//! so a crash is fixed once and stays fixed in `make test`. A function panics when a
//! property fails; for every other input it returns quietly, whatever the input is.
//!
//! The context (framework, countries, cities, actions) is the bundled data itself,
//! compiled in, so the fuzzer explores the rules the app runs on the real bundle.

use sdg_core::geo::Viewport;
use sdg_core::load::{self, Context, Problem};
use sdg_core::model::{ActionsPack, Framework, Gazetteer};
use sdg_core::url_state::ViewState;
use sdg_core::{assess, csv, export, kiosk, share, userdata};
use std::sync::OnceLock;

/// The bundled framework, gazetteer and actions pack, loaded once.
pub struct Bundled {
    framework: Framework,
    gazetteer: Gazetteer,
    actions: ActionsPack,
}

impl Bundled {
    /// The checking context of the bundled data.
    pub fn context(&self) -> Context<'_> {
        Context {
            framework: &self.framework,
            gazetteer: &self.gazetteer,
        }
    }
}

/// The bundle's own files, which must load: they are what the app ships.
pub fn bundled() -> &'static Bundled {
    static BUNDLED: OnceLock<Bundled> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let framework = load::load_framework(
            "framework.json",
            include_str!("../../../data/framework.json"),
        )
        .expect("bundled framework loads");
        let countries = load::load_countries(
            "countries.json",
            include_str!("../../../data/countries.json"),
        )
        .expect("bundled countries load");
        let gazetteer = load::load_places(
            "cities.json",
            include_str!("../../../data/cities.json"),
            countries,
        )
        .expect("bundled cities load");
        let actions = load::load_actions(
            "actions.json",
            include_str!("../../../data/actions.json"),
            &Context {
                framework: &framework,
                gazetteer: &gazetteer,
            },
        )
        .expect("bundled actions load");
        Bundled {
            framework,
            gazetteer,
            actions,
        }
    })
}

/// Every problem a loader reports must say where and what: a file and a message.
fn well_formed(file: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "{file}: refused without a reason");
    for p in problems {
        assert_eq!(p.file, file, "a problem names its file");
        assert!(
            !p.message.trim().is_empty(),
            "{file}: a problem with no message"
        );
    }
}

/// The kinds of file a data pack holds; the input's first byte picks one.
const KINDS: [&str; 8] = [
    "manifest.json",
    "framework.json",
    "countries.json",
    "cities.json",
    "obs/x/pm25.json",
    "geo/x.json",
    "actions.json",
    "kiosk.json",
];

/// One file of a pack, of the kind the first byte picks, through the app's own
/// decoding and loader. Whatever the bytes: no panic, and a refusal names the file
/// and gives a message. What loads is then used the way the app uses it (statuses for
/// every value, every feature projected and drawn).
pub fn pack_file(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let file = KINDS[usize::from(kind) % KINDS.len()];
    let text = match load::decode_file(file, bytes.to_vec()) {
        Ok(text) => text,
        Err(message) => {
            assert!(message.contains(file), "a decoding error names its file");
            return;
        }
    };
    let b = bundled();
    let ctx = b.context();
    let outcome: Result<(), Vec<Problem>> = match file {
        "manifest.json" => load::load_manifest(file, &text).map(|_| ()),
        "framework.json" => load::load_framework(file, &text).map(|_| ()),
        "countries.json" => load::load_countries(file, &text).map(|_| ()),
        "cities.json" => load::load_places(file, &text, b.gazetteer.countries.clone()).map(|_| ()),
        "obs/x/pm25.json" => load::load_observations(file, &text, &ctx).map(|table| {
            if let Some(series) = b.framework.series.iter().find(|s| s.id == table.series) {
                for v in &table.values {
                    let _ = assess::status(series, Some(*v));
                }
            }
        }),
        "geo/x.json" => load::load_topology(file, &text).map(|topology| {
            let view = Viewport::fit([-180.0, -60.0, 180.0, 85.0], 960.0, 500.0);
            for object in topology.objects.keys() {
                let polygons: Vec<_> = topology
                    .features(object)
                    .into_iter()
                    .flat_map(|f| f.polygons)
                    .collect();
                let _ = sdg_core::geo::svg_path(&polygons, &view);
            }
        }),
        "actions.json" => load::load_actions(file, &text, &ctx).map(|_| ()),
        _ => kiosk::KioskConfig::parse(file, &text).map(|_| ()),
    };
    if let Err(problems) = outcome {
        well_formed(file, &problems);
    }
}

/// Any query string: parsed into a view state (unknown values become notices, never a
/// panic), and the state's own query parses back to the same state with no notice.
pub fn url_query(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let (state, _notices) = ViewState::parse(&query);
    let written = state.to_query();
    let (again, notices) = ViewState::parse(&written);
    assert_eq!(
        again, state,
        "the state's own query `{written}` means the same state"
    );
    assert!(notices.is_empty(), "`{written}` gives notices: {notices:?}");
    assert_eq!(again.to_query(), written, "writing is stable");
}

/// Any text opened as the user's CSV: no panic; problems name a line; what it
/// imports, saved as a pack file, opens again as the same pack. Then each CSV line's
/// cells go through the export's cell rule and read back as the same text.
pub fn csv_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let b = bundled();
    let ctx = b.context();
    let opened = userdata::open("yours.csv", &text, &ctx, 2026);
    for p in &opened.problems {
        assert!(!p.message(sdg_core::i18n::Lang::En).trim().is_empty());
    }
    if let Some(pack) = opened.pack {
        let saved = userdata::pack_file(&pack);
        match userdata::load_user_pack("saved.json", &saved, &ctx) {
            Ok(reopened) => assert_eq!(reopened, pack, "a saved pack reopens unchanged"),
            Err(p) => panic!("a saved pack does not reopen: {p:?}\n{saved}"),
        }
    }
    export_cells_read_back(&text);
}

/// The export's cell rule: whatever a cell holds, a CSV reader gets it back, with at
/// most the formula guard's one leading apostrophe added. The cells are the text's
/// comma-separated pieces, written as the export writes a line (after its BOM).
fn export_cells_read_back(text: &str) {
    let cells: Vec<&str> = text.split(',').take(16).collect();
    if cells == [""] {
        return; // an empty line is no record, rightly
    }
    let line: Vec<String> = cells.iter().map(|c| export::csv_cell(c)).collect();
    let line = format!("\u{feff}{}", line.join(","));
    let records = csv::read(&line).expect("the export's own line reads");
    assert_eq!(records.len(), 1, "one line, one record: {line:?}");
    assert_eq!(
        records[0].fields.len(),
        cells.len(),
        "one field per cell: {line:?}"
    );
    for (got, cell) in records[0].fields.iter().zip(&cells) {
        let guarded = got.strip_prefix('\'') == Some(cell);
        assert!(got == cell || guarded, "cell {cell:?} read back as {got:?}");
    }
}

/// Any text opened as a partner's shared-action file: checked by the pack's rules
/// (no panic, problems well formed); what passes merges into the bundled pack once
/// (a second merge adds nothing), and each action written out as a shared file reads
/// back equal.
pub fn shared_action(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let b = bundled();
    let ctx = b.context();
    let file = "action-SH-x.json";
    let shared = match load::load_actions(file, &text, &ctx) {
        Ok(pack) => pack,
        Err(problems) => return well_formed(file, &problems),
    };
    for a in &shared.actions {
        let written = share::shared_file(a);
        let back = load::load_actions(file, &written, &ctx).expect("a written action reads back");
        assert_eq!(back.actions, vec![a.clone()], "round trip of {}", a.id);
    }
    let mut pack = b.actions.clone();
    if share::merge_shared(&mut pack, shared.clone()).is_ok() {
        let before = pack.actions.len();
        let again = share::merge_shared(
            &mut pack,
            ActionsPack {
                actions: shared.actions,
                figures: Vec::new(),
            },
        );
        assert_eq!(again, Ok(0), "merging twice adds nothing");
        assert_eq!(pack.actions.len(), before);
    }
}
