//! What a place name says: its stem, what kind of place it names (a city, a district,
//! a county), a parent city ("X District, Y") and a qualifier ("Columbus (Ga-Al)").
//!
//! The kind decides what a name may match: "X Shi" and "X City" are the city X, but
//! "X Qu" (a district) or "X Xian" (a county) is never the city of the same name.

use crate::fold::fold;

/// What kind of place a name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A plain name, or one marked as a city ("Shi", "City", "-si", "Municipality"):
    /// the same settlement either way.
    City,
    /// An urban district ("Qu", "District", "-gu").
    District,
    /// A county ("Xian", "County", "-gun").
    County,
}

/// Words that end a name to say what kind of place it is; `(folded word, kind)`,
/// longest first where one ends another. The Korean ones (`-si`, `-gu`, `-gun`) count
/// only as a separate part of the name (see [`KOREAN_WORDS`]).
const KIND_WORDS: [(&str, Kind); 12] = [
    ("specialautonomycity", Kind::City),
    ("metropolitancity", Kind::City),
    ("municipality", Kind::City),
    ("district", Kind::District),
    ("county", Kind::County),
    ("city", Kind::City),
    ("xian", Kind::County),
    ("shi", Kind::City),
    ("gun", Kind::County),
    ("qu", Kind::District),
    ("gu", Kind::District),
    ("si", Kind::City),
];

/// Korean kind words: they end a name only after a hyphen or a space ("Suwon-si",
/// "Jongno gu"), so that "Chenggu" (a Chinese town) is not a district "Cheng", nor
/// "Raigun" (an Indian town) a county "Rai".
const KOREAN_WORDS: [&str; 3] = ["gun", "gu", "si"];

/// Words that open a name only to say what kind of place it is ("city Aktobe").
const PREFIXES: [&str; 4] = ["cityof", "city", "village", "town"];

/// The settlement a name stands for (see [`Parsed::identity`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    /// Folded stem.
    pub stem: String,
    /// Kind of place.
    pub kind: Kind,
    /// Folded qualifier, empty when none.
    pub qualifier: String,
}

/// A name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The whole name, folded (case, accents, spaces and punctuation dropped).
    pub full: String,
    /// The folded name without its kind word ("jiujiang" of "Jiujiang Qu").
    pub stem: String,
    /// What kind of place it names.
    pub kind: Kind,
    /// The parent city of "X District, Y", as written.
    pub parent: Option<String>,
    /// The text in brackets, as written ("Ga-Al" of "Columbus (Ga-Al)").
    pub qualifier: Option<String>,
}

impl Parsed {
    /// The settlement a name stands for: its stem, kind and qualifier. Two names with
    /// the same identity are one settlement ("Jiujiang" and "Jiujiang Shi"); different
    /// ones never are ("Jiujiang" and "Jiujiang Qu", "Frankfurt" and "Frankfurt (Oder)").
    pub fn identity(&self) -> Identity {
        Identity {
            stem: self.stem.clone(),
            kind: self.kind,
            qualifier: self.qualifier.as_deref().map(fold).unwrap_or_default(),
        }
    }

    /// The identity without the qualifier (where the qualifier is only a hint, such as
    /// a US state).
    pub fn unqualified(&self) -> Identity {
        Identity {
            qualifier: String::new(),
            ..self.identity()
        }
    }

    /// The qualifier's words in upper case ("Ga-Al" -> GA, AL), as region codes.
    pub fn qualifier_codes(&self) -> Vec<String> {
        self.qualifier
            .iter()
            .flat_map(|q| q.split(['-', ',', '/', ' ']))
            .filter(|t| !t.is_empty())
            .map(|t| t.to_ascii_uppercase())
            .collect()
    }
}

/// Takes a name apart.
pub fn parse(name: &str) -> Parsed {
    let (head, parent) = match name.split_once(',') {
        Some((h, p)) if !p.trim().is_empty() => (h, Some(p.trim().to_string())),
        _ => (name, None),
    };
    let (head, qualifier) = match head.split_once('(') {
        Some((h, q)) => {
            let q = q.trim_end().trim_end_matches(')').trim();
            (h, (!q.is_empty()).then(|| q.to_string()))
        }
        None => (head, None),
    };
    let full = fold(head);
    let mut stem = full.clone();
    for p in PREFIXES {
        if let Some(rest) = stem.strip_prefix(p).filter(|r| r.chars().count() >= 3) {
            stem = rest.to_string();
            break;
        }
    }
    let mut kind = Kind::City;
    let written = head.trim().to_lowercase();
    for (word, k) in KIND_WORDS {
        if KOREAN_WORDS.contains(&word)
            && !written.ends_with(&format!("-{word}"))
            && !written.ends_with(&format!(" {word}"))
        {
            continue;
        }
        if let Some(rest) = stem.strip_suffix(word) {
            if rest.chars().count() >= 3 {
                stem = rest.to_string();
                kind = k;
            }
            break;
        }
    }
    Parsed {
        full,
        stem,
        kind,
        parent,
        qualifier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> (String, Kind) {
        let i = parse(name).identity();
        (i.stem, i.kind)
    }

    #[test]
    fn kinds_and_stems() {
        assert_eq!(id("Kyoto City"), ("kyoto".into(), Kind::City));
        assert_eq!(id("Jiujiang Shi"), id("Jiujiang"));
        assert_eq!(id("Jiujiang Qu"), ("jiujiang".into(), Kind::District));
        assert_eq!(id("Jiujiang Xian"), ("jiujiang".into(), Kind::County));
        assert_eq!(id("Nantou County"), ("nantou".into(), Kind::County));
        assert_eq!(id("Xigang District"), ("xigang".into(), Kind::District));
        assert_eq!(id("city Aktobe"), ("aktobe".into(), Kind::City));
        assert_eq!(id("Suwon-si"), ("suwon".into(), Kind::City));
        assert_eq!(id("Jongno-gu"), ("jongno".into(), Kind::District));
        assert_eq!(id("Gapyeong-gun"), ("gapyeong".into(), Kind::County));
        assert_eq!(id("Seoul"), ("seoul".into(), Kind::City));
        // A kind word is not stripped where too little would be left.
        assert_eq!(id("Wuxi"), ("wuxi".into(), Kind::City));
        assert_eq!(id("Gusi"), ("gusi".into(), Kind::City));
    }

    #[test]
    fn korean_kind_words_only_as_a_separate_part() {
        assert_ne!(parse("Chengqu").identity(), parse("Chenggu").identity());
        assert_eq!(id("Chenggu"), ("chenggu".into(), Kind::City));
        assert_eq!(id("Raigun"), ("raigun".into(), Kind::City));
        assert_eq!(id("Songpa gu"), ("songpa".into(), Kind::District));
        assert_eq!(id("Tbilisi"), ("tbilisi".into(), Kind::City));
    }

    #[test]
    fn parents_and_qualifiers() {
        let p = parse("Xiangyang District, Hegang");
        assert_eq!(
            id("Xiangyang District, Hegang"),
            ("xiangyang".into(), Kind::District)
        );
        assert_eq!(p.parent.as_deref(), Some("Hegang"));
        let q = parse("Columbus (Ga-Al)");
        assert_eq!(id("Columbus (Ga-Al)"), ("columbus".into(), Kind::City));
        assert_eq!(q.qualifier.as_deref(), Some("Ga-Al"));
        assert_eq!(parse("Frankfurt (Oder)").full, "frankfurt");
        assert_ne!(
            parse("Frankfurt (Oder)").identity(),
            parse("Frankfurt").identity()
        );
        assert_eq!(
            parse("Frankfurt (Oder)").unqualified(),
            parse("Frankfurt").identity()
        );
        assert_eq!(q.qualifier_codes(), vec!["GA", "AL"]);
    }
}
