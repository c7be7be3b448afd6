//! Text folding for tolerant matching and stable slugs: a leaf module every other
//! (search, the import's place names, the data tool's matcher) folds text through.

/// Folds a string for tolerant matching: lower case, Latin accents removed, spaces,
/// hyphens and apostrophes dropped. Hangul is kept as it is.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' | '-' | '\'' | '’' | '.' | '_' | ',' | '(' | ')' => {}
            // Combining marks: what is left of an accent after lowercasing (İ -> i̇).
            '\u{300}'..='\u{36f}' => {}
            'Æ' | 'æ' | 'Ǣ' | 'ǣ' | 'Ǽ' | 'ǽ' => out.push_str("ae"),
            'Œ' | 'œ' => out.push_str("oe"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'Ĳ' | 'ĳ' => out.push_str("ij"),
            _ => match latin_base(c) {
                Some(b) => out.push(b),
                None => out.extend(
                    c.to_lowercase()
                        .filter(|l| !('\u{300}'..='\u{36f}').contains(l)),
                ),
            },
        }
    }
    out
}

/// Base letters of U+00C0..=U+024F (Latin-1 Supplement, Latin Extended-A and -B), one
/// byte per code point, `?` where there is none (symbols, letters of other scripts'
/// transcriptions). Made from Unicode's canonical decompositions (NFD's first letter),
/// plus the letters that have no decomposition (ø, đ, ł, ħ, ı, ŋ, ð, þ, …).
const LATIN_BASE: &[u8; 400] = b"aaaaaa?ceeeeiiiidnooooo?ouuuuyt?aaaaaa?ceeeeiiiidnooooo?ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnn?nnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsbb?b???cc?ddd?????f????ikkl?????oo??pp??????tt?uu??yyzz??????????????????????aaiioouuuuuuuuuu?aaaa??ggggkkoooo??j???gg??nnaa??ooaaaaeeeeiiiioooorrrruuuusstt??hh?d??zzaaeeooooooooyylntj??acclt????b??eejjqqrryy";

/// Base letters of U+1E00..=U+1EFF (Latin Extended Additional: Vietnamese and more),
/// made the same way.
const LATIN_ADDITIONAL_BASE: &[u8; 256] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";

/// The lowercase ASCII base letter of an accented Latin letter, if it has one.
fn latin_base(c: char) -> Option<char> {
    let cp = c as usize;
    let b = match cp {
        0xC0..=0x24F => LATIN_BASE[cp - 0xC0],
        0x1E00..=0x1EFF => LATIN_ADDITIONAL_BASE[cp - 0x1E00],
        _ => return None,
    };
    (b != b'?').then_some(char::from(b))
}

/// A URL-friendly form of a name: lower case ASCII letters and digits joined by `-`
/// ("South-East Asia" -> `south-east-asia`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_handles_every_latin_accent() {
        for (name, folded) in [
            ("İzmir", "izmir"),
            ("Vĩnh Long", "vinhlong"),
            ("Thành phố Hồ Chí Minh", "thanhphohochiminh"),
            ("Đà Nẵng", "danang"),
            ("Cần Thơ", "cantho"),
            ("Ōsaka", "osaka"),
            ("Hāpur", "hapur"),
            ("Łódź", "lodz"),
            ("Straße", "strasse"),
            ("Ærøskøbing", "aeroskobing"),
            ("Şanlıurfa", "sanliurfa"),
            ("Mỹ Tho", "mytho"),
            ("Nuʻuuli", "nuʻuuli"),
        ] {
            assert_eq!(fold(name), folded, "{name}");
        }
    }

    #[test]
    fn fold_tolerates_case_accents_and_spaces() {
        assert_eq!(fold("Hạ Long"), "halong");
        assert_eq!(fold("SÃO-Paulo"), "saopaulo");
        assert_eq!(fold("서울 특별시"), "서울특별시");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("South-East Asia"), "south-east-asia");
        assert_eq!(slug("East and North-East Asia"), "east-and-north-east-asia");
        assert_eq!(slug("  Pacific "), "pacific");
    }
}
