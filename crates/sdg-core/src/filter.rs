//! The criteria of a selection of cities (region, subregion, countries, population
//! class, statuses, search text) and the tests a city or a country passes. The URL
//! state carries these ([`crate::url_state::ViewState::filter`]); the selection
//! ([`crate::query`]) applies them.

use serde::{Deserialize, Serialize};

use crate::assess::Status;
use crate::fold::{fold, slug};
use crate::model::{City, Gazetteer};

/// Population classes of the UN World Urbanization Prospects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeClass {
    /// Fewer than 300,000 inhabitants.
    Under300k,
    /// 300,000 to 1 million.
    From300kTo1m,
    /// 1 to 5 million.
    From1mTo5m,
    /// 5 to 10 million.
    From5mTo10m,
    /// 10 million or more (megacities).
    Over10m,
}

impl SizeClass {
    /// Every class, smallest first.
    pub const ALL: [SizeClass; 5] = [
        SizeClass::Under300k,
        SizeClass::From300kTo1m,
        SizeClass::From1mTo5m,
        SizeClass::From5mTo10m,
        SizeClass::Over10m,
    ];

    /// The class of a population.
    pub fn of(population: u64) -> Self {
        match population {
            0..=299_999 => SizeClass::Under300k,
            300_000..=999_999 => SizeClass::From300kTo1m,
            1_000_000..=4_999_999 => SizeClass::From1mTo5m,
            5_000_000..=9_999_999 => SizeClass::From5mTo10m,
            _ => SizeClass::Over10m,
        }
    }

    /// Stable key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            SizeClass::Under300k => "lt300k",
            SizeClass::From300kTo1m => "300k-1m",
            SizeClass::From1mTo5m => "1m-5m",
            SizeClass::From5mTo10m => "5m-10m",
            SizeClass::Over10m => "10m+",
        }
    }

    /// Inverse of [`SizeClass::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Which part of the world to show. Korea lies within Asia-Pacific, which lies within
/// the world. Serialized by its key (a data file's `region`, see
/// [`crate::model::PackFile::region`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Everything.
    #[default]
    World,
    /// ESCAP regional and associate members.
    AsiaPacific,
    /// The Republic of Korea.
    Korea,
}

impl Region {
    /// Every region.
    pub const ALL: [Region; 3] = [Region::World, Region::AsiaPacific, Region::Korea];

    /// Stable key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Region::World => "world",
            Region::AsiaPacific => "asia-pacific",
            Region::Korea => "korea",
        }
    }

    /// Inverse of [`Region::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The narrowest region holding the country `iso3` (whether it is an ESCAP member
    /// is `asia_pacific`): what the region filter and the data's split files both go by.
    pub fn narrowest(iso3: &str, asia_pacific: bool) -> Region {
        if iso3 == "KOR" {
            Region::Korea
        } else if asia_pacific {
            Region::AsiaPacific
        } else {
            Region::World
        }
    }

    /// Whether this region holds all of `part` (a region holds itself).
    pub fn includes(self, part: Region) -> bool {
        match self {
            Region::World => true,
            Region::AsiaPacific => part != Region::World,
            Region::Korea => part == Region::Korea,
        }
    }
}

/// Whether a city matches a folded search text in any of its names (English,
/// Korean, Chinese, ...).
pub fn matches_text(city: &City, folded_query: &str) -> bool {
    folded_query.is_empty()
        || city
            .name
            .forms()
            .any(|(_, name)| fold(name).contains(folded_query))
}

impl Filter {
    /// Whether the cities of country `iso3` pass the region, subregion and country
    /// parts of the filter.
    pub fn passes_country(&self, gazetteer: &Gazetteer, iso3: &str) -> bool {
        let country = gazetteer.country(iso3);
        let part = Region::narrowest(iso3, country.is_some_and(|k| k.asia_pacific));
        self.region.includes(part)
            && self
                .subregion
                .as_ref()
                .is_none_or(|s| country.is_some_and(|k| slug(&k.subregion) == *s))
            && (self.countries.is_empty() || self.countries.iter().any(|c| c == iso3))
    }
}

/// The criteria of a selection of cities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Region ([`Region::World`] = not restricted).
    pub region: Region,
    /// Subregion, as its [`slug`], if restricted.
    pub subregion: Option<String>,
    /// ISO3 codes; empty = all.
    pub countries: Vec<String>,
    /// Population class, if restricted.
    pub size: Option<SizeClass>,
    /// Statuses to keep; empty = all.
    pub statuses: Vec<Status>,
    /// Search text (raw; folded here).
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes() {
        assert_eq!(SizeClass::of(0), SizeClass::Under300k);
        assert_eq!(SizeClass::of(300_000), SizeClass::From300kTo1m);
        assert_eq!(SizeClass::of(10_000_000), SizeClass::Over10m);
        for s in SizeClass::ALL {
            assert_eq!(SizeClass::from_key(s.key()), Some(s));
        }
    }

    #[test]
    fn regions_nest_korea_in_asia_pacific_in_the_world() {
        use Region::*;
        assert_eq!(Region::narrowest("KOR", true), Korea);
        assert_eq!(Region::narrowest("JPN", true), AsiaPacific);
        assert_eq!(Region::narrowest("FRA", false), World);
        let holds = |r: Region| {
            Region::ALL
                .into_iter()
                .filter(move |p| r.includes(*p))
                .collect::<Vec<_>>()
        };
        assert_eq!(holds(World), vec![World, AsiaPacific, Korea]);
        assert_eq!(holds(AsiaPacific), vec![AsiaPacific, Korea]);
        assert_eq!(holds(Korea), vec![Korea]);
        // Serialized by the URL's key.
        assert_eq!(
            serde_json::to_string(&AsiaPacific).unwrap(),
            "\"asia-pacific\""
        );
        for r in Region::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.key())
            );
        }
    }
}
