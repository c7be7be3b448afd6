//! The plausible ranges every reader of data applies. The loader, the user's import,
//! the share form, the URL parser, the kiosk settings and the data tool all take them
//! from here, so what one accepts the others do (a user's 5,000 µg/m³ is refused as
//! the data tool refuses it).

use std::ops::RangeInclusive;

/// The end of the SDG period: the last year a statistic may be for.
pub const SDG_END: i32 = 2030;

/// Years of statistics: from the first year our sources report to the end of the
/// SDG period.
pub const DATA_YEARS: RangeInclusive<i32> = 1950..=SDG_END;

/// Years of local actions: a reform of 1904 is history worth telling, a plan to 2100
/// is an action.
pub const ACTION_YEARS: RangeInclusive<i32> = 1900..=2100;

/// Years a URL may name: a statistic's year or an action's (the wider span).
pub const URL_YEARS: RangeInclusive<i32> = *ACTION_YEARS.start()..=*ACTION_YEARS.end();

/// The years a user's import accepts: data years up to this year (a figure for next
/// year is a typing error, not a forecast).
pub fn import_years(this_year: i32) -> RangeInclusive<i32> {
    *DATA_YEARS.start()..=this_year.min(*DATA_YEARS.end())
}

/// The highest annual mean concentration taken as possible, µg/m³ (the worst cities
/// measure a few hundred).
pub const MAX_CONCENTRATION: f64 = 1000.0;

/// Whether an annual mean concentration (µg/m³) is plausible: above 0 (a monitor
/// that reads exactly 0 all year is off), at most [`MAX_CONCENTRATION`].
pub fn plausible_concentration(value: f64) -> bool {
    value > 0.0 && value <= MAX_CONCENTRATION
}

/// Seconds a kiosk may wait before its loop, or show one stop: from a glance to an
/// hour.
pub const KIOSK_SECONDS: RangeInclusive<u32> = 3..=3600;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_nest_as_their_readers_need() {
        // Every statistic's year and every action's year can be put in a URL.
        assert!(URL_YEARS.contains(DATA_YEARS.start()) && URL_YEARS.contains(DATA_YEARS.end()));
        assert!(URL_YEARS.contains(ACTION_YEARS.start()) && URL_YEARS.contains(ACTION_YEARS.end()));
        assert_eq!(import_years(2026), 1950..=2026);
        assert_eq!(import_years(2040), 1950..=2030, "never past the SDG period");
    }

    #[test]
    fn concentrations_between_zero_and_a_thousand() {
        assert!(plausible_concentration(18.4));
        assert!(plausible_concentration(1000.0));
        for v in [0.0, -3.0, 1000.5, 5000.0, f64::NAN] {
            assert!(!plausible_concentration(v), "{v}");
        }
    }
}
