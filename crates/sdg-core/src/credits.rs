//! Who a figure comes from and under which licence: one rule for the line under every
//! chart and map and for every download. A value's pack is known row by row (see
//! [`crate::query::SeriesTables::pack_of_city_row`]); the packs name their licences
//! in the manifest.

use crate::model::Manifest;
use crate::query::{SeriesTables, USER_PACK};

/// One pack's credit: what it is and its licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The pack's title.
    pub title: String,
    /// The licence as the source states it.
    pub licence: String,
}

/// The credits of these packs, in the order given, once each; a pack the manifest
/// does not list is left out, and the user's own data is credited as such.
pub fn credits(manifest: &Manifest, packs: &[&str]) -> Vec<Credit> {
    let mut out: Vec<Credit> = Vec::new();
    for id in packs {
        let credit = if *id == USER_PACK {
            Some(Credit {
                title: crate::userdata::MARK.to_string(),
                licence: String::new(),
            })
        } else {
            manifest.packs.iter().find(|p| p.id == *id).map(|p| Credit {
                title: p.title.clone(),
                licence: p.licence.clone(),
            })
        };
        if let Some(c) = credit.filter(|c| !out.contains(c)) {
            out.push(c);
        }
    }
    out
}

/// The credit line of the values these tables hold (every pack they merge).
pub fn of_tables(manifest: &Manifest, tables: &[&SeriesTables]) -> String {
    let ids: Vec<&str> = tables.iter().flat_map(|t| t.packs()).collect();
    credit_line(&credits(manifest, &ids))
}

/// The licence of one city value (by its row in the merged city table): its pack's,
/// or empty when unknown.
pub fn licence_of_row(manifest: &Manifest, tables: &SeriesTables, row: usize) -> String {
    tables
        .pack_of_city_row(row)
        .and_then(|id| credits(manifest, &[id]).pop())
        .map(|c| c.licence)
        .unwrap_or_default()
}

/// The credits as one line: `title — licence` (the title alone when there is no
/// licence), joined by ` · `.
pub fn credit_line(credits: &[Credit]) -> String {
    credits
        .iter()
        .map(|c| match c.licence.as_str() {
            "" => c.title.clone(),
            l => format!("{} — {l}", c.title),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PackKind;

    #[test]
    fn packs_are_credited_once_in_order_with_their_licence() {
        let mut who = crate::fixtures::pack("who", PackKind::Observations, vec![]);
        who.title = "WHO AAP".into();
        who.licence = "CC BY-NC-SA 3.0 IGO".into();
        let mut wb = crate::fixtures::pack("wb", PackKind::Observations, vec![]);
        wb.title = "World Bank".into();
        wb.licence = "CC BY 4.0".into();
        let manifest = Manifest {
            schema: crate::model::SCHEMA_VERSION,
            coverage: vec![],
            version: None,
            actions: None,
            packs: vec![who, wb],
        };
        let c = credits(&manifest, &["wb", "who", "wb", "gone", USER_PACK]);
        assert_eq!(
            credit_line(&c),
            "World Bank — CC BY 4.0 · WHO AAP — CC BY-NC-SA 3.0 IGO · Your data, not published"
        );
        assert_eq!(credit_line(&[]), "");
    }
}
