//! The map under the article's places: the neighbouring countries, Ukraine's and Russia's
//! admin-1 units, water, rivers, borders and the names of seas, countries and units, read from
//! `data/basemap.json` (written by `scripts/build_basemap.py`, whose docstring defines the format)
//! and projected once to world coordinates. The detailed box holds all of it; around it the
//! surroundings hold coarser countries and coasts, so that land is land wherever the view goes.

use std::fmt;

use serde::Deserialize;

use super::projection::{forward, Bounds, Point};

/// Why the basemap could not be read.
#[derive(Debug)]
pub struct BasemapError(String);

impl fmt::Display for BasemapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the basemap (data/basemap.json) is not valid: {}; rebuild it with scripts/build_basemap.py",
            self.0
        )
    }
}

impl std::error::Error for BasemapError {}

/// A filled area: a country, an admin-1 unit or a body of water. Its rings are filled together
/// with the even-odd rule.
#[derive(Clone, Debug)]
pub struct Area {
    pub name: String,
    /// "UKR", "RUS" for admin-1 units; the country name for countries; the water kind for water.
    pub group: String,
    pub rings: Vec<Vec<Point>>,
    pub bounds: Bounds,
}

impl Area {
    /// Whether a world point lies inside the area (even-odd ray casting, as the area is filled).
    pub fn contains(&self, p: Point) -> bool {
        if !self.bounds.contains(p) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[i], ring[(i + n - 1) % n]);
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// How a border line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BorderKind {
    /// Ukraine's outline (land borders and coast), with Crimea as Ukraine.
    National,
    /// Between two Ukrainian admin-1 units.
    Oblast,
    /// Between two Russian admin-1 units.
    RuAdmin,
    /// Between two countries other than Ukraine.
    Country,
    /// A neighbouring country's coast.
    Coast,
}

/// A line with a name and an importance (rivers) or a kind (borders).
#[derive(Clone, Debug)]
pub struct Polyline {
    pub points: Vec<Point>,
    pub bounds: Bounds,
}

/// A river: Natural Earth's `scalerank` (smaller is more important) and its lines.
#[derive(Clone, Debug)]
pub struct River {
    pub name: Option<String>,
    pub rank: u32,
    pub lines: Vec<Polyline>,
}

/// A border line and how to draw it.
#[derive(Clone, Debug)]
pub struct Border {
    pub kind: BorderKind,
    pub line: Polyline,
}

/// What a name on the basemap names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    Sea,
    Country,
    Admin1,
}

/// A name drawn on the basemap: a sea, or one of the points where a country's or an admin-1
/// unit's name may stand.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    pub name: String,
    pub kind: LabelKind,
    pub at: Point,
    /// How far the area reaches around `at` in every direction, world units (0 for seas).
    pub room: f64,
}

/// The whole basemap in world coordinates.
#[derive(Clone, Debug)]
pub struct Basemap {
    /// The neighbouring countries (Ukraine is its admin-1 units); with the Ukrainian units, all
    /// the land: the sea is what they leave.
    pub countries: Vec<Area>,
    pub admin1: Vec<Area>,
    pub water: Vec<Area>,
    pub rivers: Vec<River>,
    pub borders: Vec<Border>,
    pub labels: Vec<MapLabel>,
    /// Ukraine (its admin-1 units), the view before any article is mapped.
    pub ukraine: Bounds,
    /// The detailed box: its places get markers, and the centre of the view stays in it.
    pub extent: Bounds,
    /// The box of the surroundings, which the view never leaves.
    pub surroundings: Bounds,
}

#[derive(Deserialize)]
struct RawFile {
    scale: f64,
    detail: [f64; 4],
    surroundings: [f64; 4],
    countries: Vec<RawArea>,
    admin1: Vec<RawArea>,
    water: Vec<RawArea>,
    rivers: Vec<RawRiver>,
    borders: Vec<RawBorder>,
    labels: Vec<RawLabel>,
}

#[derive(Deserialize)]
struct RawArea {
    name: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    rings: Vec<Vec<i64>>,
}

#[derive(Deserialize)]
struct RawRiver {
    name: Option<String>,
    rank: u32,
    lines: Vec<Vec<i64>>,
}

#[derive(Deserialize)]
struct RawBorder {
    kind: BorderKind,
    line: Vec<i64>,
}

#[derive(Deserialize)]
struct RawLabel {
    name: String,
    kind: LabelKind,
    lon: f64,
    lat: f64,
    #[serde(default)]
    room: f64,
}

/// The world box of a `[west, south, east, north]` box in degrees.
fn world_box([west, south, east, north]: [f64; 4]) -> Result<Bounds, BasemapError> {
    if !(west < east && south < north) {
        return Err(BasemapError(format!(
            "the box [{west}, {south}, {east}, {north}] is empty"
        )));
    }
    let mut b = Bounds::EMPTY;
    b.extend(forward(west, north));
    b.extend(forward(east, south));
    Ok(b)
}

/// Decodes a flat list of a first point and deltas (integers, degrees × `scale`) to world points.
fn decode(flat: &[i64], scale: f64) -> Result<Polyline, BasemapError> {
    if !flat.len().is_multiple_of(2) {
        return Err(BasemapError(format!(
            "a coordinate list has an odd length ({})",
            flat.len()
        )));
    }
    let (mut x, mut y) = (0i64, 0i64);
    let mut bounds = Bounds::EMPTY;
    let points = flat
        .chunks_exact(2)
        .map(|d| {
            x += d[0];
            y += d[1];
            let p = forward(x as f64 / scale, y as f64 / scale);
            bounds.extend(p);
            p
        })
        .collect();
    Ok(Polyline { points, bounds })
}

fn area(raw: RawArea, group: String, scale: f64) -> Result<Area, BasemapError> {
    let mut bounds = Bounds::EMPTY;
    let mut rings = Vec::with_capacity(raw.rings.len());
    for r in &raw.rings {
        let line = decode(r, scale)?;
        bounds.union(&line.bounds);
        rings.push(line.points);
    }
    Ok(Area {
        name: raw.name.unwrap_or_default(),
        group,
        rings,
        bounds,
    })
}

impl Basemap {
    /// Reads the JSON text of `data/basemap.json`.
    pub fn from_json_str(text: &str) -> Result<Basemap, BasemapError> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| BasemapError(e.to_string()))?;
        if raw.scale <= 0.0 {
            return Err(BasemapError(format!("scale is {}", raw.scale)));
        }
        let s = raw.scale;
        let extent = world_box(raw.detail)?;
        let surroundings = world_box(raw.surroundings)?;
        if !(surroundings.contains(extent.min) && surroundings.contains(extent.max)) {
            return Err(BasemapError(
                "the surroundings do not hold the detailed box".into(),
            ));
        }
        let countries = raw
            .countries
            .into_iter()
            .map(|a| {
                let g = a.name.clone().unwrap_or_default();
                area(a, g, s)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let admin1 = raw
            .admin1
            .into_iter()
            .map(|a| {
                let g = a.country.clone().unwrap_or_default();
                area(a, g, s)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut ukraine = Bounds::EMPTY;
        for a in admin1.iter().filter(|a| a.group == "UKR") {
            ukraine.union(&a.bounds);
        }
        let water = raw
            .water
            .into_iter()
            .map(|a| {
                let g = a.kind.clone().unwrap_or_default();
                area(a, g, s)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rivers = raw
            .rivers
            .into_iter()
            .map(|r| {
                Ok(River {
                    name: r.name,
                    rank: r.rank,
                    lines: r
                        .lines
                        .iter()
                        .map(|l| decode(l, s))
                        .collect::<Result<_, _>>()?,
                })
            })
            .collect::<Result<Vec<_>, BasemapError>>()?;
        let borders = raw
            .borders
            .into_iter()
            .map(|b| {
                Ok(Border {
                    kind: b.kind,
                    line: decode(&b.line, s)?,
                })
            })
            .collect::<Result<Vec<_>, BasemapError>>()?;
        let labels = raw
            .labels
            .into_iter()
            .map(|l| MapLabel {
                name: l.name,
                kind: l.kind,
                at: forward(l.lon, l.lat),
                room: l.room,
            })
            .collect();
        if ukraine.is_empty() {
            return Err(BasemapError("it has no Ukrainian admin-1 unit".into()));
        }
        Ok(Basemap {
            countries,
            admin1,
            water,
            rivers,
            borders,
            labels,
            ukraine,
            extent,
            surroundings,
        })
    }

    /// The admin-1 unit with this exact `name` (e.g. "Kharkiv Oblast").
    pub fn admin1_named(&self, name: &str) -> Option<&Area> {
        self.admin1.iter().find(|a| a.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"{"scale":1000,"detail":[21,43,41,53],"surroundings":[10,34,52,60],
      "countries":[{"name":"Russia","rings":[[38000,47000,3000,0,0,6000,-3000,0,0,-6000]]}],
      "admin1":[{"name":"Kharkiv Oblast","country":"UKR","rings":[[35000,49000,2000,0,0,1000,-2000,0,0,-1000]]}],
      "water":[],"rivers":[{"name":"Oskil","rank":11,"lines":[[37000,49000,100,500]]}],
      "borders":[{"kind":"oblast","line":[35000,49000,2000,0]}],
      "labels":[{"name":"Black Sea","kind":"sea","lon":33.0,"lat":43.5},
        {"name":"Russia","kind":"country","lon":39.5,"lat":50.0,"room":0.004}]}"#;

    #[test]
    fn reads_and_projects_the_tiny_basemap() {
        let b = Basemap::from_json_str(TINY).unwrap();
        let kharkiv = b.admin1_named("Kharkiv Oblast").unwrap();
        assert_eq!(kharkiv.rings[0].len(), 5);
        assert_eq!(kharkiv.rings[0][1], forward(37.0, 49.0));
        assert!(kharkiv.contains(forward(36.0, 49.5)));
        assert!(!kharkiv.contains(forward(38.0, 49.5)));
        assert_eq!(b.rivers[0].lines[0].points[1], forward(37.1, 49.5));
        assert_eq!(b.borders[0].kind, BorderKind::Oblast);
        assert!(b.ukraine.contains(forward(36.0, 49.5)));
        assert_eq!(
            (b.extent.min, b.extent.max),
            (forward(21.0, 53.0), forward(41.0, 43.0))
        );
        assert_eq!(
            (b.surroundings.min, b.surroundings.max),
            (forward(10.0, 60.0), forward(52.0, 34.0))
        );
        assert_eq!(
            b.labels,
            [
                MapLabel {
                    name: "Black Sea".into(),
                    kind: LabelKind::Sea,
                    at: forward(33.0, 43.5),
                    room: 0.0
                },
                MapLabel {
                    name: "Russia".into(),
                    kind: LabelKind::Country,
                    at: forward(39.5, 50.0),
                    room: 0.004
                }
            ]
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let odd = TINY.replace("[37000,49000,100,500]", "[37000,49000,100]");
        let empty = TINY.replace("[21,43,41,53]", "[41,43,21,53]");
        let outside = TINY.replace("[10,34,52,60]", "[22,34,52,60]");
        let cases = [
            ("{", "EOF while parsing"),
            (odd.as_str(), "a coordinate list has an odd length (3)"),
            (empty.as_str(), "the box [41, 43, 21, 53] is empty"),
            (
                outside.as_str(),
                "the surroundings do not hold the detailed box",
            ),
        ];
        for (text, why) in cases {
            let e = Basemap::from_json_str(text).unwrap_err().to_string();
            assert!(
                e.starts_with("the basemap (data/basemap.json) is not valid: ")
                    && e.contains(why)
                    && e.ends_with("; rebuild it with scripts/build_basemap.py"),
                "{e}"
            );
        }
    }

    /// What covers the point (`lon`, `lat`): a Ukrainian unit ("UKR"), a neighbouring country
    /// (its name), or nothing (the sea); and whether more than one area claims it.
    fn land_at(b: &Basemap, lon: f64, lat: f64) -> (Option<&str>, bool) {
        let p = forward(lon, lat);
        let owners: Vec<&str> = (b.admin1.iter().filter(|a| a.group == "UKR"))
            .map(|a| (a, "UKR"))
            .chain(b.countries.iter().map(|c| (c, c.name.as_str())))
            .filter(|(a, _)| a.contains(p))
            .map(|(_, name)| name)
            .collect();
        (owners.first().copied(), owners.len() > 1)
    }

    #[test]
    fn the_shipped_basemap_has_land_and_sea_inside_the_box_and_around_it() {
        let b = Basemap::from_json_str(include_str!("../../data/basemap.json")).unwrap();
        let cases = [
            ("Simferopol: Crimea is Ukraine", 34.1, 44.95, Some("UKR")),
            ("Kharkiv", 36.25, 49.99, Some("UKR")),
            ("Belgorod", 36.59, 50.6, Some("Russia")),
            ("Gomel", 30.98, 52.44, Some("Belarus")),
            ("the Black Sea off Crimea", 33.5, 43.8, None),
            ("the Sea of Azov", 36.8, 46.2, None),
            ("Minsk, north of the box", 27.56, 53.9, Some("Belarus")),
            ("Moscow, north of the box", 37.62, 55.75, Some("Russia")),
            ("Warsaw, west of the box", 21.01, 52.23, Some("Poland")),
            ("Vienna, west of the box", 16.37, 48.21, Some("Austria")),
            ("Tbilisi, east of the box", 44.79, 41.72, Some("Georgia")),
            ("Ankara, south of the box", 32.85, 39.93, Some("Turkey")),
            ("the Black Sea, south of the box", 34.0, 42.5, None),
            ("the Caspian Sea", 50.5, 42.0, None),
            ("the Aegean Sea", 25.0, 39.0, None),
            ("the Baltic Sea", 18.0, 55.5, None),
        ];
        for (what, lon, lat, owner) in cases {
            assert_eq!(land_at(&b, lon, lat), (owner, false), "{what}");
        }
    }

    #[test]
    fn the_shipped_basemap_has_its_units_rivers_and_names() {
        let b = Basemap::from_json_str(include_str!("../../data/basemap.json")).unwrap();
        let ukr = b.admin1.iter().filter(|a| a.group == "UKR").count();
        assert_eq!(ukr, 27);
        assert_eq!(
            b.admin1_named("Autonomous Republic of Crimea")
                .map(|a| a.group.as_str()),
            Some("UKR")
        );
        assert!(!b.countries.iter().any(|c| c.name == "Ukraine"));
        assert!(b.borders.iter().any(|x| x.kind == BorderKind::National));
        assert!(b.water.iter().any(|w| w.name == "Kremenchuk Reservoir"));
        assert!(b
            .rivers
            .iter()
            .any(|r| r.name.as_deref() == Some("Siverskyi Donets")));
        let count = |kind| b.labels.iter().filter(|l| l.kind == kind).count();
        assert_eq!(
            (count(LabelKind::Sea), count(LabelKind::Admin1)),
            (2, b.admin1.len())
        );
        for name in [
            "Ukraine", "Russia", "Belarus", "Poland", "Moldova", "Romania",
        ] {
            let spots: Vec<&MapLabel> = b
                .labels
                .iter()
                .filter(|l| l.kind == LabelKind::Country && l.name == name)
                .collect();
            assert!(!spots.is_empty(), "{name} has a name");
            assert!(spots.iter().all(|l| l.room > 0.0), "{name}");
        }
    }
}
