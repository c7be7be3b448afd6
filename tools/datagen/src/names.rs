//! Name keys for matching place names across sources.

use sdg_core::query::fold;

/// Words that name a kind of place rather than the place itself; dropped from the end
/// of a name when building a looser key ("Kyoto City" ~ "Kyoto", "Beibei Qu" ~ "Beibei").
const SUFFIXES: [&str; 14] = [
    "metropolitancity",
    "specialautonomycity",
    "municipality",
    "district",
    "county",
    "city",
    "town",
    "shi",
    "xian",
    "qu",
    "si",
    "gun",
    "gu",
    "do",
];

/// Words that open a name only to say what kind of place it is ("city Aktobe").
const PREFIXES: [&str; 4] = ["cityof", "city", "village", "town"];

/// Keys for a name, strictest first: the folded name, then without a place-kind prefix or
/// suffix, then the part before a parenthesis.
pub fn keys(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |k: String| {
        if k.chars().count() >= 2 && !out.contains(&k) {
            out.push(k);
        }
    };
    let base = name.split(['(', ',', '*', '«']).next().unwrap_or(name);
    for candidate in [name, base] {
        let folded = fold(candidate);
        push(folded.clone());
        let mut stripped = folded.clone();
        for p in PREFIXES {
            if let Some(rest) = stripped.strip_prefix(p) {
                stripped = rest.to_string();
                break;
            }
        }
        for s in SUFFIXES {
            if let Some(rest) = stripped.strip_suffix(s) {
                if rest.chars().count() >= 3 {
                    stripped = rest.to_string();
                }
                break;
            }
        }
        push(stripped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_loosen_step_by_step() {
        assert_eq!(keys("Kyoto City"), vec!["kyotocity", "kyoto"]);
        assert_eq!(keys("Beibei Qu"), vec!["beibeiqu", "beibei"]);
        assert_eq!(keys("city Aktobe"), vec!["cityaktobe", "aktobe"]);
        assert_eq!(keys("Aligarh (Jagraon)"), vec!["aligarhjagraon", "aligarh"]);
        assert_eq!(keys("Gyeonggi-Do"), vec!["gyeonggido", "gyeonggi"]);
        assert_eq!(keys("Seoul"), vec!["seoul"]);
    }
}
