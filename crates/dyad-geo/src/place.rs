//! Places and their kinds.

use dyad_model::Location;

/// Index of a place in its [`Gazetteer`](crate::Gazetteer); valid for that gazetteer only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub(crate) u32);

impl PlaceId {
    /// The position of the place in [`Gazetteer::places`](crate::Gazetteer::places).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a place is. Cities and capitals come from GeoNames; every other kind is a site written
/// by hand in `data/places/sites.txt`, where the kind is spelled as [`PlaceKind::as_str`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlaceKind {
    /// A country's capital (from the GeoNames country table).
    Capital,
    /// Any other GeoNames populated place of 5,000+ people.
    City,
    /// A region, province, state or disputed territory ("Donbas", "Kashmir", "Texas").
    Region,
    /// An island or archipelago ("Spratly Islands", "Lampedusa").
    Island,
    /// A sea, strait, gulf, canal or river ("Strait of Hormuz", "Black Sea").
    Water,
    /// A military base ("Incirlik Air Base").
    MilitaryBase,
    /// A nuclear facility or test site ("Natanz", "Yongbyon").
    NuclearSite,
    /// A launch site ("Plesetsk Cosmodrome").
    Spaceport,
    /// A border crossing ("Rafah crossing").
    BorderCrossing,
    /// A building, camp, dam, port or other landmark ("Tahrir Square", "Zaatari refugee camp").
    Landmark,
}

impl PlaceKind {
    /// Every kind, in declaration order.
    pub const ALL: [PlaceKind; 10] = [
        PlaceKind::Capital,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::Island,
        PlaceKind::Water,
        PlaceKind::MilitaryBase,
        PlaceKind::NuclearSite,
        PlaceKind::Spaceport,
        PlaceKind::BorderCrossing,
        PlaceKind::Landmark,
    ];

    /// The lower-case name used in `sites.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Island => "island",
            PlaceKind::Water => "water",
            PlaceKind::MilitaryBase => "base",
            PlaceKind::NuclearSite => "nuclear",
            PlaceKind::Spaceport => "spaceport",
            PlaceKind::BorderCrossing => "crossing",
            PlaceKind::Landmark => "landmark",
        }
    }

    /// The kind spelled `name` ([`PlaceKind::as_str`]).
    pub fn from_name(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Whether the kind is a hand-written site rather than a GeoNames city.
    pub fn is_site(self) -> bool {
        !matches!(self, PlaceKind::Capital | PlaceKind::City)
    }
}

/// One place: a GeoNames city or a hand-written site.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id; `None` for hand-written sites.
    pub geonames_id: Option<u64>,
    /// Name as GeoNames writes it (English for well-known cities, else local in Latin script:
    /// "Kyiv", "Kraków", "Al Ḩudaydah"), or the site's first name in `sites.txt`.
    pub name: String,
    /// ISO 3166-1 alpha-3 code (Kosovo: `KOS`, as in the rest of Dyad). For a disputed place, the
    /// internationally recognised state; for a leased one, the state it lies in (see
    /// `sites.txt`). Empty for waters shared by several states ("Black Sea", "Taiwan Strait").
    pub country: String,
    /// GeoNames first-level administrative division code ("TX", "66", "ENG"); empty for sites.
    pub admin1: String,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
    /// Population from GeoNames; 0 for sites.
    pub population: u64,
    /// What the place is.
    pub kind: PlaceKind,
}

impl Place {
    /// Whether the place is a hand-written site rather than a GeoNames city.
    pub fn is_site(&self) -> bool {
        self.kind.is_site()
    }

    /// Great-circle distance in kilometres from the place to a point.
    pub fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        distance_km(self.lat, self.lon, lat, lon)
    }

    /// The place as an event location (no text offsets; the caller sets `start` and `end`).
    pub fn to_location(&self) -> Location {
        Location {
            name: self.name.clone(),
            country: (!self.country.is_empty()).then(|| self.country.clone()),
            lat: self.lat,
            lon: self.lon,
            geonames_id: self.geonames_id,
            start: None,
            end: None,
        }
    }
}

/// Great-circle (haversine) distance in kilometres between two points given in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_plausible() {
        // Paris to London, about 344 km.
        let d = distance_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((d - 344.0).abs() < 3.0, "{d}");
        assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
        // Across the antimeridian.
        assert!(distance_km(0.0, 179.9, 0.0, -179.9) < 23.0);
    }

    #[test]
    fn kinds_round_trip() {
        for k in PlaceKind::ALL {
            assert_eq!(PlaceKind::from_name(k.as_str()), Some(k));
        }
        assert!(PlaceKind::Spaceport.is_site());
        assert!(!PlaceKind::Capital.is_site());
        assert_eq!(PlaceKind::from_name("town"), None);
    }
}
