//! Number formatting for the UI (the message tables arrive with the explorer views).

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
    fn thousands() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1_947), "1,947");
        assert_eq!(format_int(13_000_000), "13,000,000");
    }
}
