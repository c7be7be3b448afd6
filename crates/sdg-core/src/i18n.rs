//! UI strings in every interface language, and number formatting.
//!
//! Every string the app shows goes through [`text`]. The strings of a language are
//! one message file, `messages/<key>.txt` (a key, a tab, the text, per line); a test
//! fails when a key used in the app's source is missing from a file, when a file
//! lacks a key English has, or when placeholders differ. Names of cities and titles
//! of indicators come from the data ([`crate::model::Localized`]), not from here.
//!
//! English, the fallback of every text, is compiled into every build. The other
//! languages are too with the `every-language-built-in` feature (the tools and the
//! tests); the browser app goes without it and fetches the file of the language it
//! shows ([`Lang::message_path`], then [`install`]): a visitor downloads one
//! language's texts, not all of them inside the code.
//!
//! Adding a language is one line in [`languages!`] and one message file.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Declares the interface languages: the enum, its list, URL keys, own names and
/// message files.
macro_rules! languages {
    ($($(#[$doc:meta])* $variant:ident => $key:literal, $html:literal, $name:literal, $built_in:ident),+ $(,)?) => {
        /// UI language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub enum Lang {
            $($(#[$doc])* $variant,)+
        }

        impl Lang {
            /// Every interface language, in the order the language menu lists them.
            pub const ALL: &'static [Lang] = &[$(Lang::$variant),+];

            /// URL key, and the key of the language's texts in the data.
            pub fn key(self) -> &'static str {
                match self {
                    $(Lang::$variant => $key,)+
                }
            }

            /// The `<html lang>` value (`zh-Hans`: the script matters for fonts).
            pub fn html_lang(self) -> &'static str {
                match self {
                    $(Lang::$variant => $html,)+
                }
            }

            /// The language's own name, for the language menu ("한국어"): known
            /// without its message file, which the menu's other languages lack.
            pub fn native_name(self) -> &'static str {
                match self {
                    $(Lang::$variant => $name,)+
                }
            }

            /// The language's message file, when this build has it compiled in.
            fn built_in_file(self) -> Option<&'static str> {
                match self {
                    $(Lang::$variant => built_in!($built_in, $key),)+
                }
            }
        }
    };
}

/// A language's compiled-in message file: `always` for English, `on_request` for a
/// language that only builds with the `every-language-built-in` feature carry.
macro_rules! built_in {
    (always, $key:literal) => {
        Some(include_str!(concat!("../messages/", $key, ".txt")))
    };
    (on_request, $key:literal) => {{
        #[cfg(feature = "every-language-built-in")]
        let file = Some(include_str!(concat!("../messages/", $key, ".txt")));
        #[cfg(not(feature = "every-language-built-in"))]
        let file = None;
        file
    }};
}

languages! {
    /// English: the fallback of every text.
    #[default]
    En => "en", "en", "English", always,
    /// Korean.
    Ko => "ko", "ko", "한국어", on_request,
    /// Chinese (Simplified).
    Zh => "zh", "zh-Hans", "简体中文", on_request,
}

impl Lang {
    /// The language a URL or data key names (`ko`), if it is an interface language.
    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.key() == key)
    }

    /// Where the built site serves the language's message file, relative to the page.
    pub fn message_path(self) -> String {
        format!("messages/{}.txt", self.key())
    }
}

/// One language's messages: key to text.
type Messages = HashMap<&'static str, &'static str>;

/// Reads a message file: `key<TAB>text` per line; blank lines are skipped.
fn parse_messages(file: &str) -> HashMap<&str, &str> {
    file.lines()
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

/// Each language's messages, once compiled in or installed.
static TABLES: [OnceLock<Messages>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// The language's messages, if this build has them (compiled in or installed).
fn messages(lang: Lang) -> Option<&'static Messages> {
    let slot = &TABLES[lang as usize];
    slot.get().or_else(|| {
        lang.built_in_file()
            .map(|file| slot.get_or_init(|| parse_messages(file)))
    })
}

/// Whether the texts of `lang` are at hand, so that it can be shown.
pub fn has_messages(lang: Lang) -> bool {
    messages(lang).is_some()
}

/// Installs the fetched message file of `lang` (see [`Lang::message_path`]) for the
/// rest of the page's life. A file with no message in it (a server's error page, say)
/// is refused: the language then stays unavailable and English is shown.
pub fn install(lang: Lang, file: String) -> Result<(), String> {
    if has_messages(lang) {
        return Ok(());
    }
    check_message_file(lang, &file)?;
    // Kept for the page's life, as the compiled-in files are: the texts are
    // `&'static str` everywhere, and a language is installed at most once.
    let _ = TABLES[lang as usize].set(parse_messages(file.leak()));
    Ok(())
}

/// Whether a fetched file is a message file: a real one has as many messages as
/// English, give or take a few; a few stray tabs in an error page do not make one.
fn check_message_file(lang: Lang, file: &str) -> Result<(), String> {
    let found = parse_messages(file).len();
    let english = messages(Lang::En).map_or(0, HashMap::len);
    if found * 2 < english {
        return Err(format!(
            "{}: not a message file ({found} messages, English has {english})",
            lang.message_path()
        ));
    }
    Ok(())
}

/// The language a page shows when it wants `wanted` and showed `shown` (none yet):
/// `wanted` once its messages are in; until then the one it showed, so that a page
/// never mixes English into a language whose file is on its way; and English when
/// the first language's file could not be had.
pub fn language_to_show(wanted: Lang, shown: Option<Lang>) -> Lang {
    match shown {
        _ if has_messages(wanted) => wanted,
        Some(shown) => shown,
        None => Lang::En,
    }
}

/// The string for `key` in `lang`, in English where the language lacks it (or its
/// file is not installed), and a visible marker where English lacks it too (a test
/// keeps both from happening).
pub fn text(lang: Lang, key: &str) -> &'static str {
    messages(lang)
        .and_then(|m| m.get(key))
        .or_else(|| messages(Lang::En).and_then(|m| m.get(key)))
        .copied()
        .unwrap_or(MISSING)
}

/// The string for `key` in `lang` only, without falling back (for labels whose
/// fallback is data, such as a subregion's English name).
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    messages(lang)?.get(key).copied()
}

/// The message for `key` with each `{name}` placeholder replaced by its value.
/// Placeholders without a value stay visible, so a gap shows rather than hides.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = text(lang, key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Shown for a missing key, so that the gap is visible rather than blank.
const MISSING: &str = "[missing text]";

/// An integer with thousands separators: `1947` -> `1,947`.
pub fn format_int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder_and_keeps_unknown_ones() {
        assert_eq!(
            fill(Lang::En, "filter.count", &[("n", "1,947")]),
            "1,947 cities match"
        );
        assert_eq!(
            fill(Lang::Ko, "filter.count", &[("n", "3")]),
            "3개 도시가 조건에 맞습니다"
        );
        assert_eq!(fill(Lang::En, "filter.count", &[]), "{n} cities match");
    }

    #[test]
    fn chinese_fills_placeholders_too() {
        assert_eq!(
            fill(Lang::Zh, "filter.count", &[("n", "3")]),
            "3 个城市符合"
        );
    }

    #[test]
    fn thousands() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1_947), "1,947");
        assert_eq!(format_int(13_000_000), "13,000,000");
    }
}

/// A measured value for display: 1 decimal from 10 up, 2 below, none from 1,000
/// (with separators); trailing zeros are dropped.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    if a >= 1000.0 {
        let s = format_int(a.round() as u64);
        return if v < 0.0 { format!("-{s}") } else { s };
    }
    let s = if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;

    #[test]
    fn values_for_display() {
        assert_eq!(format_value(23.44), "23.4");
        assert_eq!(format_value(23.0), "23");
        assert_eq!(format_value(0.105), "0.1");
        assert_eq!(format_value(-0.1050), "-0.1");
        assert_eq!(format_value(1234567.0), "1,234,567");
        assert_eq!(format_value(f64::NAN), "–");
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn app_sources(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                app_sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(without_tests(&std::fs::read_to_string(path).unwrap()));
            }
        }
    }

    /// A source file less its `#[cfg(test)]` modules, which hold CSS selectors and
    /// sample words rather than keys the app shows (each ends at the first line that
    /// is a lone `}`, as rustfmt writes a top-level item's end).
    fn without_tests(text: &str) -> String {
        let mut out = String::new();
        let mut in_test = false;
        for line in text.lines() {
            if line.trim() == "#[cfg(test)]" {
                in_test = true;
            } else if in_test && line == "}" {
                in_test = false;
            } else if !in_test {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    #[test]
    fn a_test_module_is_left_out_and_the_code_after_it_kept() {
        let text = "let a = \"x.kept\";\n#[cfg(test)]\nmod t {\n    fn f() {\n        \"svg.chart\";\n    }\n}\nlet b = \"y.kept\";\n";
        let code = without_tests(text);
        assert!(code.contains("x.kept") && code.contains("y.kept"), "{code}");
        assert!(!code.contains("svg.chart"), "{code}");
    }

    /// String literals in the app that look like message keys (`area.name`).
    fn keys_used() -> BTreeSet<String> {
        let mut texts = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        app_sources(&root.join("../../src"), &mut texts);
        // The core names keys too (a status's, a judgement's, an import problem's).
        app_sources(&root.join("src"), &mut texts);
        let mut keys = BTreeSet::new();
        for text in texts {
            for literal in text.split('"').skip(1).step_by(2) {
                let is_key = literal.contains('.')
                    && !literal.ends_with('.')
                    && !literal.contains(['/', ' ', '{', '='])
                    && literal
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_lowercase())
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-+".contains(c))
                    && !literal
                        .rsplit('.')
                        .next()
                        .is_some_and(|ext| ["json", "svg", "png", "csv", "rs"].contains(&ext));
                if is_key {
                    keys.insert(literal.to_string());
                }
            }
        }
        keys
    }

    /// Keys the app builds with `format!` from a prefix and a list (`theme.{theme}`,
    /// `nav.{view}`): each built key is checked as a literal one is.
    fn built_keys() -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for view in crate::url_state::View::ALL {
            keys.insert(format!("nav.{}", view.key()));
        }
        for theme in crate::model::ACTION_THEMES {
            keys.insert(crate::actions::theme_key(theme));
        }
        for column in crate::userdata::COLUMNS {
            keys.insert(format!("mydata.col.{column}"));
        }
        for theme in crate::url_state::Theme::ALL {
            keys.insert(theme.label_key().to_string());
        }
        for status in crate::assess::Status::ALL {
            keys.insert(crate::style::status_key(status).to_string());
        }
        keys
    }

    #[test]
    fn every_key_used_by_the_app_exists_in_every_language() {
        let used = keys_used();
        assert!(used.len() > 50, "the scan found the app's keys: {used:?}");
        let built = built_keys();
        for lang in Lang::ALL {
            let missing: Vec<&String> = used
                .iter()
                .chain(built.iter())
                .filter(|k| !built_in_messages(*lang).contains_key(k.as_str()))
                .collect();
            assert!(
                missing.is_empty(),
                "keys used in src/ but missing from messages/{}.txt: {missing:?}",
                lang.key()
            );
        }
    }

    /// The `{name}` placeholders of a message.
    fn holes(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .map(|p| p.split('}').next().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn every_language_has_every_message_once_with_the_same_placeholders() {
        let english = built_in_messages(Lang::En);
        assert!(english.len() > 300, "{} messages", english.len());
        for lang in Lang::ALL {
            let file = lang
                .built_in_file()
                .expect("the tests build every language in");
            let mut seen = BTreeSet::new();
            for (i, line) in file
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let (key, value) = line.split_once('\t').unwrap_or_else(|| {
                    panic!("messages/{}.txt line {}: no tab", lang.key(), i + 1)
                });
                assert!(seen.insert(key), "{}: duplicate key {key}", lang.key());
                assert!(!value.trim().is_empty(), "{}: {key} is empty", lang.key());
                let en = english
                    .get(key)
                    .unwrap_or_else(|| panic!("{}: {key} is not an English key", lang.key()));
                assert_eq!(
                    holes(en),
                    holes(value),
                    "{}: {key}: placeholders differ",
                    lang.key()
                );
            }
            let missing: Vec<&&str> = english.keys().filter(|k| !seen.contains(*k)).collect();
            assert!(
                missing.is_empty(),
                "messages/{}.txt lacks {missing:?}",
                lang.key()
            );
        }
        assert_eq!(text(Lang::Ko, "nav.map"), "지도");
        assert_eq!(text(Lang::Zh, "nav.map"), "地图");
        assert_eq!(text(Lang::En, "no.such.key"), MISSING);
    }

    /// A language's compiled-in messages (the tests build every language in).
    fn built_in_messages(lang: Lang) -> Messages {
        parse_messages(
            lang.built_in_file()
                .expect("the tests build every language in"),
        )
    }

    #[test]
    fn a_fetched_file_is_checked_before_it_is_installed() {
        let korean = Lang::Ko.built_in_file().unwrap();
        assert_eq!(check_message_file(Lang::Ko, korean), Ok(()));
        let error_page = "<html><body>Not found\tsorry</body></html>\n";
        let refused = check_message_file(Lang::Ko, error_page).unwrap_err();
        assert!(
            refused.starts_with("messages/ko.txt: not a message file (1 messages"),
            "{refused}"
        );
        assert!(check_message_file(Lang::Zh, "").is_err());
        // Installing a language the build already has changes nothing.
        assert_eq!(install(Lang::Ko, String::new()), Ok(()));
        assert_eq!(text(Lang::Ko, "nav.map"), "지도");
    }

    #[test]
    fn a_page_shows_the_wanted_language_once_its_messages_are_in() {
        // The tests build every language in: each is shown as soon as it is wanted.
        assert_eq!(language_to_show(Lang::Ko, Some(Lang::En)), Lang::Ko);
        assert_eq!(language_to_show(Lang::Zh, None), Lang::Zh);
        assert_eq!(language_to_show(Lang::En, Some(Lang::Ko)), Lang::En);
    }

    #[test]
    fn languages_are_named_and_found_by_their_keys() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_key(lang.key()), Some(*lang));
            assert!(!lang.native_name().is_empty());
            assert_eq!(lang.message_path(), format!("messages/{}.txt", lang.key()));
        }
        assert_eq!(Lang::Ko.native_name(), "한국어");
        assert_eq!(Lang::Zh.html_lang(), "zh-Hans");
        assert_eq!(Lang::from_key("xx"), None);
    }
}
