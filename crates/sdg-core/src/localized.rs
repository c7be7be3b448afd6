//! A text in several languages: every name and title of the bundle (a city's name,
//! a target's title, an action's summary) is one, so a language is added by data and
//! one message file, never by a new field.
//!
//! In the bundle it is an object of language keys, English required:
//! `{"en": "Seoul", "ko": "서울", "zh": "首尔"}`. Languages the interface does not
//! speak are kept too (the framework's official Russian or Khmer titles), so a
//! language that adds only its message file finds its titles already there.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A text with its English form and any others, by language key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(into = "BTreeMap<String, String>")]
pub struct Localized {
    en: String,
    others: BTreeMap<String, String>,
}

impl Localized {
    /// A text known only in English.
    pub fn new(en: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            others: BTreeMap::new(),
        }
    }

    /// The text with its form in the language `key` added (an empty form is none).
    pub fn with(mut self, key: &str, text: impl Into<String>) -> Self {
        self.set(key, text);
        self
    }

    /// The text with its form in the language `key` added, where there is one.
    pub fn with_some(self, key: &str, text: Option<impl Into<String>>) -> Self {
        match text {
            Some(t) => self.with(key, t),
            None => self,
        }
    }

    /// Sets the form in the language `key`; an empty text removes it.
    pub fn set(&mut self, key: &str, text: impl Into<String>) {
        let text = text.into();
        if key == "en" {
            self.en = text;
        } else if text.trim().is_empty() {
            self.others.remove(key);
        } else {
            self.others.insert(key.to_string(), text);
        }
    }

    /// The English form (always there: the fallback).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The form in the language `key`, only if there is one.
    pub fn exact(&self, key: &str) -> Option<&str> {
        match key {
            "en" => Some(&self.en),
            _ => self.others.get(key).map(String::as_str),
        }
    }

    /// The form in `lang`, or the English one where it has none.
    pub fn get(&self, lang: Lang) -> &str {
        self.shown(lang).0
    }

    /// The form shown in `lang` and the language it is really in: English where
    /// `lang` has no form, so the page can mark the fallback with its `lang`.
    pub fn shown(&self, lang: Lang) -> (&str, Lang) {
        match self.exact(lang.key()) {
            Some(t) => (t, lang),
            None => (&self.en, Lang::En),
        }
    }

    /// The language of the form shown in `lang` when it is a fallback (English on a
    /// Chinese page): the page marks that text with it. `None` when it is `lang`'s own.
    pub fn fallback(&self, lang: Lang) -> Option<Lang> {
        let (_, shown) = self.shown(lang);
        (shown != lang).then_some(shown)
    }

    /// A second form worth showing beside the one shown in `lang`, with its language
    /// key: in English, the first local form (Korean before Chinese, as the
    /// interface lists them); in another language, the English one.
    pub fn alternate(&self, lang: Lang) -> Option<(&str, Lang)> {
        let (shown, _) = self.shown(lang);
        let second = if lang == Lang::En {
            Lang::ALL.iter().find_map(|l| {
                self.exact(l.key())
                    .filter(|_| *l != Lang::En)
                    .map(|t| (t, *l))
            })
        } else {
            Some((self.en.as_str(), Lang::En))
        };
        second.filter(|(t, _)| *t != shown)
    }

    /// Keeps only the forms whose language `keep` accepts (English always stays).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.others.retain(|k, _| keep(k));
    }

    /// Every form, English first, as `(language key, text)`.
    pub fn forms(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("en", self.en.as_str()))
            .chain(self.others.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

/// Read straight from the object's entries, as [`Localized::with`] adds them (an empty
/// form is none; a repeated key keeps its last form): every place name of the bundle
/// is one, and going through a map of owned keys first made an English-only name
/// cost three allocations instead of one.
impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Forms;
        impl<'de> serde::de::Visitor<'de> for Forms {
            type Value = Localized;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of texts by language key")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Localized, A::Error> {
                let mut en = None;
                let mut others = BTreeMap::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let text: String = map.next_value()?;
                    if key == "en" {
                        en = Some(text);
                    } else if text.trim().is_empty() {
                        others.remove(key.as_ref());
                    } else {
                        others.insert(key.into_owned(), text);
                    }
                }
                let en = en.ok_or_else(|| {
                    serde::de::Error::custom("a text needs its English form (`en`)")
                })?;
                Ok(Localized { en, others })
            }
        }
        deserializer.deserialize_map(Forms)
    }
}

impl From<Localized> for BTreeMap<String, String> {
    fn from(text: Localized) -> Self {
        let mut out = text.others;
        out.insert("en".into(), text.en);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_and_says_so() {
        let seoul = Localized::new("Seoul").with("ko", "서울");
        assert_eq!(seoul.get(Lang::Ko), "서울");
        assert_eq!(seoul.shown(Lang::Zh), ("Seoul", Lang::En));
        assert_eq!(seoul.fallback(Lang::Zh), Some(Lang::En));
        assert_eq!(seoul.fallback(Lang::Ko), None);
        assert_eq!(seoul.alternate(Lang::En), Some(("서울", Lang::Ko)));
        assert_eq!(seoul.alternate(Lang::Ko), Some(("Seoul", Lang::En)));
        // Where Chinese falls back to English, there is nothing else to show.
        assert_eq!(seoul.alternate(Lang::Zh), None);
        assert_eq!(Localized::new("Bristol").alternate(Lang::En), None);
    }

    #[test]
    fn reads_and_writes_an_object_of_languages() {
        let t: Localized =
            serde_json::from_str(r#"{"en":"Housing","zh":"住房","ru":"Жильё","ko":""}"#).unwrap();
        assert_eq!(t.exact("ru"), Some("Жильё"));
        assert_eq!(t.exact("ko"), None, "an empty form is none");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"en":"Housing","ru":"Жильё","zh":"住房"}"#
        );
        let err = serde_json::from_str::<Localized>(r#"{"ko":"서울"}"#).unwrap_err();
        assert!(err.to_string().contains("English form"), "{err}");
    }
}
