//! Toponym resolution: which of the places a name may denote is meant here.
//!
//! The rules, in order (see [`Gazetteer::resolve`]):
//!
//! 1. **Sites by their own name** win ("Plesetsk Cosmodrome", "Strait of Hormuz", "Incirlik"),
//!    unless a hint country has a city of that name and no site of it.
//! 2. **Country names** ("Georgia", "Jordan", "Lebanon") denote the country, which the coder
//!    handles; they resolve only to a city-state's city of the same name ("Singapore").
//! 3. **Blocklisted words** ([`Ambiguity`]) need evidence: a function word needs the hint country,
//!    an everyday word the hint country or a document country. When the name opens its sentence
//!    ([`ResolveContext::sentence_start`]), its capital letter proves nothing: an everyday word
//!    then needs the hint country, and a person's name the hint country or a document country.
//! 4. **The hint country** ("St. Petersburg, Florida" → `USA`): if it has places of that name,
//!    the choice is made among those.
//! 5. **Otherwise the weightiest place**: population, times 4 for a capital, times 0.1 when the
//!    name is only an alternate name of the place (GeoNames lists other towns' names among
//!    alternates), and times a document boost for a place in one of the document's countries:
//!    up to 50 for its first country, 40 for its second, 30 for its third and 20 for the rest,
//!    scaled down for places under 250,000 people (a town of 25,000 gets a tenth of it). The US,
//!    Russia or China appear in most international stories as actors, and their small towns
//!    share names with the world's cities, so the boost must not let Geneva, Illinois beat
//!    Geneva: "St. Petersburg" with the US in the document is the Florida city (260,000 people),
//!    while "Paris" or "Geneva" stays in Europe unless the clause says "Texas" or "Illinois".

use crate::fold::fold;
use crate::{Ambiguity, Gazetteer, Place, PlaceId};

/// What the document and the clause say about where a place is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResolveContext {
    /// ISO3 codes of the countries mentioned in the document, most frequent first (actors' and
    /// places' countries alike).
    pub countries: Vec<String>,
    /// ISO3 code of a country the clause ties the name to: "X, Russia", "the Russian city of X",
    /// "X, Florida" (a US state resolves to a [`Region`](crate::PlaceKind::Region) in `USA`).
    pub hint_country: Option<String>,
    /// Whether the name is the first word of its sentence or headline, where a capital letter
    /// says nothing ("Reading the statement, …"); blocklisted names then need more evidence.
    pub sentence_start: bool,
}

impl ResolveContext {
    /// A context with the document's countries, most frequent first.
    pub fn with_countries<I, S>(mut self, countries: I) -> ResolveContext
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.countries = countries.into_iter().map(Into::into).collect();
        self
    }

    /// A context with a hint country.
    pub fn with_hint(mut self, iso3: impl Into<String>) -> ResolveContext {
        self.hint_country = Some(iso3.into());
        self
    }

    /// A context for a name that opens its sentence.
    pub fn at_sentence_start(mut self) -> ResolveContext {
        self.sentence_start = true;
        self
    }

    fn hint(&self) -> Option<&str> {
        self.hint_country.as_deref().filter(|h| !h.is_empty())
    }

    /// Rank of a country among the document's countries.
    fn rank(&self, iso3: &str) -> Option<usize> {
        self.countries.iter().position(|c| c == iso3)
    }
}

const ALTERNATE_WEIGHT: f64 = 0.1;
const CAPITAL_WEIGHT: f64 = 4.0;

/// Population at which a place gets the whole document boost.
const FULL_BOOST_POPULATION: f64 = 250_000.0;

fn document_weight(rank: usize, population: u64) -> f64 {
    let full = (50.0 - 10.0 * rank as f64).max(20.0);
    1.0 + (full - 1.0) * (population as f64 / FULL_BOOST_POPULATION).min(1.0)
}

impl Gazetteer {
    /// The place a name most likely denotes in this context, or `None` (see the module rules:
    /// sites first, then the hint country, the document's countries and population; country
    /// names and blocklisted words resolve only as described there).
    pub fn resolve(&self, name: &str, context: &ResolveContext) -> Option<&Place> {
        self.resolve_id(name, context).map(|id| self.get(id))
    }

    /// [`Gazetteer::resolve`], giving the id.
    pub fn resolve_id(&self, name: &str, context: &ResolveContext) -> Option<PlaceId> {
        let key = fold(name);
        let (all, primary) = self.entry(&key)?;
        let hint = context.hint();
        let in_country = |id: &PlaceId, iso3: &str| self.get(*id).country == iso3;

        // 1. Sites by their own name.
        let sites: Vec<PlaceId> = all[..primary].iter().copied().filter(|&id| self.get(id).is_site()).collect();
        if !sites.is_empty() {
            if let Some(&s) = hint.and_then(|h| sites.iter().find(|id| in_country(id, h))) {
                return Some(s);
            }
            let city_in_hint = hint.is_some_and(|h| all.iter().any(|id| !self.get(*id).is_site() && in_country(id, h)));
            if !city_in_hint {
                let by_rank = sites.iter().min_by_key(|id| context.rank(&self.get(**id).country).unwrap_or(usize::MAX));
                return by_rank.copied();
            }
        }

        // 2. Country names.
        if let Some(iso3) = self.country_names.get(key.as_str()) {
            return all[..primary].iter().copied().find(|id| in_country(id, iso3));
        }

        // 3 and 4. Evidence for blocklisted words; the hint country.
        let is_primary = |i: usize| i < primary;
        let candidates: Vec<(usize, PlaceId)> = all.iter().copied().enumerate().collect();
        let hinted: Vec<(usize, PlaceId)> = match hint {
            Some(h) => candidates.iter().copied().filter(|(_, id)| in_country(id, h)).collect(),
            None => Vec::new(),
        };
        let pool = if !hinted.is_empty() {
            hinted
        } else {
            let level = self.ambiguity.get(key.as_str()).copied();
            match (level, context.sentence_start) {
                (Some(Ambiguity::Function), _) | (Some(Ambiguity::Word), true) => return None,
                (Some(Ambiguity::Word), false) | (Some(Ambiguity::Name), true) => {
                    let documented: Vec<_> = candidates
                        .into_iter()
                        .filter(|(_, id)| context.rank(&self.get(*id).country).is_some())
                        .collect();
                    if documented.is_empty() {
                        return None;
                    }
                    documented
                }
                _ => candidates,
            }
        };

        // 5. The weightiest place.
        let weight = |i: usize, id: PlaceId| {
            let p = self.get(id);
            let mut w = p.population.max(1) as f64;
            if !is_primary(i) {
                w *= ALTERNATE_WEIGHT;
            }
            if p.kind == crate::PlaceKind::Capital {
                w *= CAPITAL_WEIGHT;
            }
            if let Some(r) = context.rank(&p.country) {
                w *= document_weight(r, p.population);
            }
            w
        };
        let mut best: Option<(f64, PlaceId)> = None;
        for (i, id) in pool {
            let w = weight(i, id);
            if best.is_none_or(|(bw, _)| w > bw) {
                best = Some((w, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sources;

    fn tiny() -> Gazetteer {
        Gazetteer::from_sources(Sources {
            cities: "# h\n\
                     10\tParis\tParis\t\tFRA\t11\t48.85\t2.35\t2000000\n\
                     11\tParis\tParis\t\tUSA\tTX\t33.66\t-95.55\t25000\n\
                     20\tSaint Petersburg\tSaint Petersburg\tPetersburg\tRUS\t66\t59.94\t30.31\t5000000\n\
                     21\tSaint Petersburg\tSaint Petersburg\t\tUSA\tFL\t27.77\t-82.68\t260000\n\
                     22\tPetersburg\tPetersburg\t\tUSA\tVA\t37.23\t-77.40\t32000\n\
                     30\tReading\tReading\t\tGBR\tENG\t51.45\t-0.97\t318000\n\
                     31\tReading\tReading\t\tUSA\tPA\t40.34\t-75.93\t88000\n\
                     40\tOf\tOf\t\tTUR\t61\t40.95\t40.27\t32000\n\
                     50\tSingapore\tSingapore\t\tSGP\t01\t1.29\t103.85\t5600000\n\
                     51\tLebanon\tLebanon\t\tUSA\tPA\t40.34\t-76.41\t26000\n\
                     60\tPlesetsk\tPlesetsk\t\tRUS\t49\t62.71\t40.28\t9000\n",
            countries: "# h\nFR\tFRA\tFR\tFrance\t10\nSG\tSGP\tSN\tSingapore\t50\nLB\tLBN\tLE\tLebanon\t\n",
            sites: "Plesetsk Cosmodrome; Plesetsk | spaceport | RUS | 62.93, 40.58\n",
            aliases: "",
            blocklist: "Reading | word\nOf | function\n",
        })
        .unwrap()
    }

    fn country(g: &Gazetteer, name: &str, ctx: &ResolveContext) -> Option<String> {
        g.resolve(name, ctx).map(|p| format!("{} {}", p.country, p.admin1))
    }

    #[test]
    fn population_then_document_then_hint() {
        let g = tiny();
        let none = ResolveContext::default();
        assert_eq!(country(&g, "St. Petersburg", &none).unwrap(), "RUS 66");
        let us = ResolveContext::default().with_countries(["USA"]);
        assert_eq!(country(&g, "St. Petersburg", &us).unwrap(), "USA FL");
        let both = ResolveContext::default().with_countries(["USA", "RUS"]);
        assert_eq!(country(&g, "St. Petersburg", &both).unwrap(), "RUS 66");
        assert_eq!(country(&g, "Paris", &us).unwrap(), "FRA 11", "a capital 80 times larger stays");
        let texas = ResolveContext::default().with_hint("USA");
        assert_eq!(country(&g, "Paris", &texas).unwrap(), "USA TX");
        let unknown_hint = ResolveContext::default().with_hint("DEU");
        assert_eq!(country(&g, "Paris", &unknown_hint).unwrap(), "FRA 11");
    }

    #[test]
    fn alternate_names_weigh_less() {
        let g = tiny();
        // "Petersburg" is the Virginia city's own name and an alternate of the Russian one.
        let none = ResolveContext::default();
        assert_eq!(country(&g, "Petersburg", &none).unwrap(), "RUS 66", "5,000,000 x 0.1 > 32,000");
        // A town of 32,000 gets a small document boost: 32,000 x 7.3 < 500,000.
        let us = ResolveContext::default().with_countries(["USA"]);
        assert_eq!(country(&g, "Petersburg", &us).unwrap(), "RUS 66");
        let virginia = ResolveContext::default().with_hint("USA");
        assert_eq!(country(&g, "Petersburg", &virginia).unwrap(), "USA VA");
    }

    #[test]
    fn sites_come_first() {
        let g = tiny();
        let none = ResolveContext::default();
        assert_eq!(g.resolve("Plesetsk", &none).unwrap().kind, crate::PlaceKind::Spaceport);
        assert_eq!(g.resolve("plesetsk cosmodrome", &none).unwrap().name, "Plesetsk Cosmodrome");
    }

    #[test]
    fn country_names_resolve_only_to_their_city_state() {
        let g = tiny();
        let none = ResolveContext::default();
        assert!(g.resolve("Lebanon", &none).is_none());
        assert!(g.resolve("Lebanon", &ResolveContext::default().with_hint("USA")).is_none());
        assert_eq!(country(&g, "Singapore", &none).unwrap(), "SGP 01");
    }

    #[test]
    fn blocklisted_words_need_evidence() {
        let g = tiny();
        assert!(g.resolve("Reading", &ResolveContext::default()).is_none());
        let uk = ResolveContext::default().with_countries(["GBR"]);
        assert_eq!(country(&g, "Reading", &uk).unwrap(), "GBR ENG");
        let pa = ResolveContext::default().with_countries(["FRA"]).with_hint("USA");
        assert_eq!(country(&g, "Reading", &pa).unwrap(), "USA PA");
        assert!(g.resolve("Of", &ResolveContext::default().with_countries(["TUR"])).is_none());
        assert!(g.resolve("Reading", &uk.clone().at_sentence_start()).is_none());
        assert_eq!(country(&g, "Reading", &pa.clone().at_sentence_start()).unwrap(), "USA PA");
        assert_eq!(country(&g, "Of", &ResolveContext::default().with_hint("TUR")).unwrap(), "TUR 61");
    }

    #[test]
    fn unknown_names_resolve_to_nothing() {
        let g = tiny();
        assert!(g.resolve("Atlantis", &ResolveContext::default()).is_none());
        assert!(g.resolve("", &ResolveContext::default()).is_none());
    }
}
