//! A country's figure repeated over its cities is the country's.
//!
//! Some sources fill a city series with one national value (UN-Habitat's 11.6.1 gives
//! 86.5 % for 2,268 Mexican municipalities in 2018). Ranked as cities' figures, such a
//! value says nothing about any of them. The rule: a value that one source gives, for
//! one series and year, to at least [`MIN_PLACES`] places of a country that are at
//! least [`MIN_SHARE`] of that country's places in that series and year is the
//! national figure. It is bundled once, as the country's (context, never ranked), and
//! taken off the cities.

use std::collections::{BTreeMap, BTreeSet};

use crate::collect::Obs;

/// The fewest places one value must be given to, to count as repeated.
pub const MIN_PLACES: usize = 10;
/// The least share of a country's places (in that series and year) that must have it.
pub const MIN_SHARE: f64 = 0.9;

/// A repeated value found, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeated {
    /// Pack and series.
    pub table: String,
    /// ISO3.
    pub country: String,
    /// Year.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// Places given it.
    pub places: usize,
    /// The country's places in that series and year.
    pub of: usize,
}

/// Splits city observations into those kept as cities' and the national figures found
/// among them (one country observation per country, series and year), with what was
/// found. `country_of` gives a place's ISO3.
pub fn national_figures(
    city_obs: Vec<Obs>,
    country_of: impl Fn(&str) -> Option<String>,
) -> (Vec<Obs>, Vec<Obs>, Vec<Repeated>) {
    type Key = (&'static str, &'static str, String, i32);
    let mut places: BTreeMap<Key, BTreeSet<&str>> = BTreeMap::new();
    let mut by_value: BTreeMap<(Key, u64), BTreeSet<&str>> = BTreeMap::new();
    for o in &city_obs {
        let Some(country) = country_of(&o.place) else {
            continue;
        };
        let key = (o.pack, o.series, country, o.year);
        places.entry(key.clone()).or_default().insert(&o.place);
        by_value
            .entry((key, o.value.to_bits()))
            .or_default()
            .insert(&o.place);
    }
    let mut national: BTreeMap<Key, (f64, usize, usize)> = BTreeMap::new();
    for ((key, bits), with) in &by_value {
        let of = places[key].len();
        if with.len() >= MIN_PLACES && with.len() as f64 >= MIN_SHARE * of as f64 {
            national.insert(key.clone(), (f64::from_bits(*bits), with.len(), of));
        }
    }
    let found: Vec<Repeated> = national
        .iter()
        .map(|((pack, series, country, year), (value, n, of))| Repeated {
            table: format!("{pack}/{series}"),
            country: country.clone(),
            year: *year,
            value: *value,
            places: *n,
            of: *of,
        })
        .collect();
    let mut kept = Vec::with_capacity(city_obs.len());
    let mut country_obs: BTreeMap<Key, Obs> = BTreeMap::new();
    for o in city_obs {
        let country = country_of(&o.place);
        let hit = country.and_then(|c| {
            let key = (o.pack, o.series, c, o.year);
            national
                .get(&key)
                .filter(|(value, _, _)| value.to_bits() == o.value.to_bits())
                .map(|&(_, n, of)| (key, n, of))
        });
        match hit {
            Some((key, n, of)) => {
                country_obs.entry(key.clone()).or_insert_with(|| Obs {
                    place: key.2.clone(),
                    source: format!(
                        "{}; the same value for {n} of the country's {of} places in {}: the national figure",
                        o.source, o.year
                    ),
                    ..o
                });
            }
            None => kept.push(o),
        }
    }
    (kept, country_obs.into_values().collect(), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(place: &str, year: i32, value: f64) -> Obs {
        Obs {
            pack: "unsd-cities",
            series: "waste-collected",
            unit: "%",
            place: place.into(),
            year,
            value,
            source: "UN".into(),
            priority: 0,
        }
    }

    fn country(place: &str) -> Option<String> {
        place.split('-').next().map(str::to_string)
    }

    #[test]
    fn a_value_given_to_nearly_every_place_is_the_countrys() {
        let mut rows: Vec<Obs> = (0..20)
            .map(|i| obs(&format!("MEX-{i}"), 2018, 86.5))
            .collect();
        rows.push(obs("MEX-20", 2018, 70.0));
        rows.push(obs("MEX-0", 2017, 86.5));
        let (kept, national, found) = national_figures(rows, country);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].places, found[0].of), (20, 21));
        assert_eq!(national.len(), 1);
        assert_eq!(national[0].place, "MEX");
        assert_eq!(national[0].value, 86.5);
        assert!(national[0]
            .source
            .contains("20 of the country's 21 places in 2018"));
        // The other year's row and the one different value stay the cities'.
        let kept: Vec<(String, i32)> = kept.iter().map(|o| (o.place.clone(), o.year)).collect();
        assert_eq!(kept, vec![("MEX-20".into(), 2018), ("MEX-0".into(), 2017)]);
    }

    #[test]
    fn few_places_or_a_minority_are_left_as_they_are() {
        // Nine places: too few to tell a national figure from nine equal cities.
        let rows: Vec<Obs> = (0..9)
            .map(|i| obs(&format!("AZE-{i}"), 2015, 100.0))
            .collect();
        let (kept, national, _) = national_figures(rows, country);
        assert_eq!((kept.len(), national.len()), (9, 0));
        // 19 of 39: a common value, not the country's.
        let mut rows: Vec<Obs> = (0..19)
            .map(|i| obs(&format!("MEX-{i}"), 2001, 85.0))
            .collect();
        rows.extend((19..39).map(|i| obs(&format!("MEX-{i}"), 2001, 80.0 + f64::from(i % 7))));
        let (kept, national, _) = national_figures(rows, country);
        assert_eq!((kept.len(), national.len()), (39, 0));
    }
}
