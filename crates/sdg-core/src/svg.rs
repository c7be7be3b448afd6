//! Numbers written into SVG path data, in tenths of a unit.
//!
//! Paths are written without float formatting: formatting a float to a precision
//! (`{:.1}`) was the largest single cost of drawing the map's symbols in wasm. A value
//! is rounded to whole tenths once and its digits are written as an integer's, in the
//! shortest form (`12`, `-3.5`, `0.1`).

/// Appends `tenths / 10`: `120` as `12`, `-35` as `-3.5`.
pub fn push_tenths(out: &mut String, tenths: i64) {
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    push_digits(out, a / 10);
    if !a.is_multiple_of(10) {
        out.push('.');
        push_digits(out, a % 10);
    }
}

/// Appends `tenths / 10` as the next number of a list: after a space unless it is
/// negative (the sign separates it), and without a leading zero (`.5`, `-.5`), as
/// path data allows. A boundary's steps are mostly under a pixel: written this way
/// the Korea map's path data took about half the bytes.
pub fn push_tenths_after(out: &mut String, tenths: i64) {
    if tenths >= 0 {
        out.push(' ');
    }
    let start = out.len();
    push_tenths(out, tenths);
    let digits = if tenths < 0 { start + 1 } else { start };
    if out[digits..].starts_with("0.") {
        out.remove(digits);
    }
}

/// Appends `v` rounded to the nearest tenth (see [`push_tenths`]); a value that is
/// not finite is written as 0 (a path with a stray point, never a panic).
pub fn push_number(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    push_tenths(out, if tenths.is_finite() { tenths as i64 } else { 0 });
}

/// Appends a path command and its numbers, separated by spaces: `M12 -3.5`.
pub fn push_command(out: &mut String, command: char, numbers: &[f64]) {
    out.push(command);
    for (i, n) in numbers.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_number(out, *n);
    }
}

fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f64) -> String {
        let mut s = String::new();
        push_number(&mut s, v);
        s
    }

    #[test]
    fn numbers_are_written_in_tenths_in_the_shortest_form() {
        assert_eq!(written(12.0), "12");
        assert_eq!(written(-3.5), "-3.5");
        assert_eq!(written(0.05), "0.1");
        assert_eq!(written(-0.04), "0", "no negative zero");
        assert_eq!(written(0.96), "1");
        assert_eq!(written(1234.56), "1234.6");
        assert_eq!(written(-0.3), "-0.3");
        assert_eq!(written(f64::NAN), "0");
        assert_eq!(written(f64::INFINITY), "0");
    }

    #[test]
    fn tenths_agree_with_rusts_own_formatting() {
        // Every value a map of this size draws, against `{:.1}` with its trailing
        // ".0" dropped (the two may differ only in the sign of zero).
        for t in -20_000i64..20_000 {
            let v = t as f64 / 10.0 + 0.03;
            let expected = format!("{v:.1}");
            let expected = expected.strip_suffix(".0").unwrap_or(&expected);
            assert_eq!(written(v), expected, "{v}");
        }
    }

    #[test]
    fn a_list_s_numbers_are_parted_by_a_space_or_their_sign_and_lose_a_leading_zero() {
        let mut s = String::from("l");
        for t in [5, -5, 12, -120, 0, -1, 10] {
            push_tenths_after(&mut s, t);
        }
        assert_eq!(s, "l .5-.5 1.2-12 0-.1 1");
        let read: Vec<f64> = s[1..]
            .replace('-', " -")
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(
            read,
            [0.5, -0.5, 1.2, -12.0, 0.0, -0.1, 1.0],
            "the same numbers"
        );
    }

    #[test]
    fn a_command_separates_its_numbers() {
        let mut s = String::new();
        push_command(&mut s, 'M', &[1.0, -2.25]);
        push_command(&mut s, 'Z', &[]);
        assert_eq!(s, "M1 -2.3Z");
    }
}
