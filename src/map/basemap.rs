//! The map under the article's places: land, oblasts, water, rivers and borders, read from
//! `data/basemap.json` (written by `scripts/build_basemap.py`, whose docstring defines the format)
//! and projected once to world coordinates.

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

/// A name drawn on the basemap (the seas).
#[derive(Clone, Debug)]
pub struct MapLabel {
    pub name: String,
    pub at: Point,
}

/// The whole basemap in world coordinates.
#[derive(Clone, Debug)]
pub struct Basemap {
    pub countries: Vec<Area>,
    pub admin1: Vec<Area>,
    pub water: Vec<Area>,
    pub rivers: Vec<River>,
    pub borders: Vec<Border>,
    pub labels: Vec<MapLabel>,
    /// Ukraine (its admin-1 units), the view before any article is mapped.
    pub ukraine: Bounds,
    /// Everything the basemap covers.
    pub extent: Bounds,
}

#[derive(Deserialize)]
struct RawFile {
    scale: f64,
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
    lon: f64,
    lat: f64,
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
        let mut extent = Bounds::EMPTY;
        let countries = raw
            .countries
            .into_iter()
            .map(|a| {
                let g = a.name.clone().unwrap_or_default();
                area(a, g, s)
            })
            .collect::<Result<Vec<_>, _>>()?;
        for c in &countries {
            extent.union(&c.bounds);
        }
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
                at: forward(l.lon, l.lat),
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

    const TINY: &str = r#"{"scale":1000,
      "countries":[{"name":"Ukraine","rings":[[30000,45000,10000,0,0,7000,-10000,0,0,-7000]]}],
      "admin1":[{"name":"Kharkiv Oblast","country":"UKR","rings":[[35000,49000,2000,0,0,1000,-2000,0,0,-1000]]}],
      "water":[],"rivers":[{"name":"Oskil","rank":11,"lines":[[37000,49000,100,500]]}],
      "borders":[{"kind":"oblast","line":[35000,49000,2000,0]}],
      "labels":[{"name":"Black Sea","kind":"sea","lon":33.0,"lat":43.5}]}"#;

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
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let e = Basemap::from_json_str("{").unwrap_err().to_string();
        assert!(
            e.contains("basemap") && e.contains("build_basemap.py"),
            "{e}"
        );
        let odd = TINY.replace("[37000,49000,100,500]", "[37000,49000,100]");
        assert!(Basemap::from_json_str(&odd)
            .unwrap_err()
            .to_string()
            .contains("odd length"));
    }

    #[test]
    fn the_shipped_basemap_loads_and_draws_crimea_as_ukraine() {
        let text = include_str!("../../data/basemap.json");
        let b = Basemap::from_json_str(text).unwrap();
        let ukr = b.admin1.iter().filter(|a| a.group == "UKR").count();
        assert_eq!(ukr, 27);
        let crimea = b.admin1_named("Autonomous Republic of Crimea").unwrap();
        assert_eq!(crimea.group, "UKR");
        assert!(
            crimea.contains(forward(34.1, 44.95)),
            "Simferopol is in Crimea"
        );
        assert!(b
            .admin1_named("Kharkiv Oblast")
            .unwrap()
            .contains(forward(37.2768, 49.207)));
        assert!(b.borders.iter().any(|x| x.kind == BorderKind::National));
        assert!(b.water.iter().any(|w| w.name == "Kremenchuk Reservoir"));
        assert!(b
            .rivers
            .iter()
            .any(|r| r.name.as_deref() == Some("Siverskyi Donets")));
    }
}
