//! Places beyond the map (Moscow in a report on Kharkiv): the arrow at the edge of the canvas
//! that points toward one, and where it lies said in words, from the nearest of the article's
//! places on the map ("about 640 km north-east of Kharkiv").

use crate::report::Kind;

use super::projection::{inverse, Point, Viewport};
use super::scene::Mark;

/// Whether mark `m` is a point place beyond the basemap: it has no marker, and an arrow at the
/// edge of the map points toward it.
pub fn off_map(m: &Mark) -> bool {
    !m.marker && m.region.is_none() && m.kind != Kind::Country && !m.hidden
}

/// How far from the edge of the canvas an arrow toward an off-map place stands, CSS pixels.
pub const ARROW_INSET: f64 = 16.0;
/// How far from an arrow's middle a click still selects its place, CSS pixels.
pub const ARROW_HIT_RADIUS: f64 = 14.0;

/// An arrow on the screen: its tip and the unit vector it points along.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrow {
    pub tip: Point,
    pub dir: (f64, f64),
}

impl Arrow {
    /// The arrow toward the world point `at` from the centre of `view`: its tip where the ray
    /// leaves the canvas less [`ARROW_INSET`] (or at the point, if it is nearer). None when the
    /// point is the centre.
    pub fn toward(view: &Viewport, at: Point) -> Option<Arrow> {
        let centre = Point::new(view.width / 2.0, view.height / 2.0);
        let p = view.to_screen(at);
        let (dx, dy) = (p.x - centre.x, p.y - centre.y);
        let length = dx.hypot(dy);
        if length < 1.0 {
            return None;
        }
        let (ux, uy) = (dx / length, dy / length);
        let reach = ((centre.x - ARROW_INSET) / ux.abs().max(1e-9))
            .min((centre.y - ARROW_INSET) / uy.abs().max(1e-9))
            .min(length)
            .max(0.0);
        Some(Arrow {
            tip: Point::new(centre.x + ux * reach, centre.y + uy * reach),
            dir: (ux, uy),
        })
    }

    /// A point `back` pixels behind the tip and `side` pixels to its left.
    pub fn behind(&self, back: f64, side: f64) -> Point {
        let (ux, uy) = self.dir;
        Point::new(
            self.tip.x - ux * back + side * uy,
            self.tip.y - uy * back - side * ux,
        )
    }

    /// Whether a click at `s` is on the arrow.
    pub fn hit(&self, s: Point) -> bool {
        let middle = self.behind(5.0, 0.0);
        (s.x - middle.x).hypot(s.y - middle.y) <= ARROW_HIT_RADIUS
    }
}

/// Mean radius of the Earth, km (IUGG).
const EARTH_RADIUS_KM: f64 = 6_371.008_8;

/// Great-circle distance (km) and initial bearing (degrees clockwise from north) from `a` to
/// `b`, both (longitude, latitude) in degrees (haversine formula; Sinnott, *Sky & Telescope*
/// 68(2), 1984).
fn distance_and_bearing(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (l1, p1) = (a.0.to_radians(), a.1.to_radians());
    let (l2, p2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((l2 - l1) / 2.0).sin().powi(2);
    let km = 2.0 * EARTH_RADIUS_KM * h.sqrt().asin();
    let y = (l2 - l1).sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * (l2 - l1).cos();
    (km, y.atan2(x).to_degrees().rem_euclid(360.0))
}

/// The compass point of a bearing, in words.
fn compass(bearing: f64) -> &'static str {
    const POINTS: [&str; 8] = [
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    ];
    POINTS[((bearing + 22.5) / 45.0) as usize % 8]
}

/// A distance in km rounded as one says it: to 10 km below 1,000 km, to 100 km above, with a
/// thousands separator.
fn round_km(km: f64) -> String {
    let step = if km < 1_000.0 { 10.0 } else { 100.0 };
    let n = ((km / step).round() * step).max(step) as u64;
    if n >= 1_000 {
        format!("{},{:03}", n / 1_000, n % 1_000)
    } else {
        n.to_string()
    }
}

/// Where off-map place `i` lies, for the details: "Off the map: about 640 km north-east of
/// Kharkiv." from the nearest of the places shown on the map, or from `middle` (the middle of
/// the map's country, named `middle_name`) when none is. None for a place on the map.
pub fn whereabouts(marks: &[Mark], i: usize, middle: Point, middle_name: &str) -> Option<String> {
    let place = marks.get(i).filter(|m| off_map(m))?;
    let target = inverse(place.at);
    let from = marks
        .iter()
        .filter(|m| m.marker && !m.hidden)
        .map(|m| (distance_and_bearing(inverse(m.at), target), m.name.as_str()))
        .min_by(|a, b| a.0 .0.total_cmp(&b.0 .0));
    let ((km, bearing), name) =
        from.unwrap_or_else(|| (distance_and_bearing(inverse(middle), target), middle_name));
    Some(format!(
        "Off the map: about {} km {} of {name}.",
        round_km(km),
        compass(bearing)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::forward;
    use crate::report::Status;

    fn mark(name: &str, lon: f64, lat: f64, marker: bool) -> Mark {
        Mark {
            name: name.into(),
            status: Status::Mentioned,
            kind: Kind::Settlement,
            at: forward(lon, lat),
            region: None,
            marker,
            hidden: false,
            disputed: false,
        }
    }

    #[test]
    fn an_off_map_place_is_said_to_lie_from_the_nearest_place_on_the_map() {
        let kharkiv = mark("Kharkiv", 36.25, 49.99, true);
        let izium = mark("Izium", 37.28, 49.21, true);
        let moscow = mark("Moscow", 37.62, 55.75, false);
        let washington = mark("Washington", -77.04, 38.9, false);
        let hidden_kharkiv = Mark {
            hidden: true,
            ..kharkiv.clone()
        };
        let middle = forward(31.2, 48.4);
        let cases: Vec<(&str, Vec<Mark>, usize, Option<&str>)> = vec![
            (
                "Moscow from Kharkiv, the nearer",
                vec![izium.clone(), kharkiv.clone(), moscow.clone()],
                2,
                Some("Off the map: about 650 km north of Kharkiv."),
            ),
            (
                "Kharkiv hidden by the filter: from Izium",
                vec![izium.clone(), hidden_kharkiv, moscow.clone()],
                2,
                Some("Off the map: about 730 km north of Izium."),
            ),
            (
                "no place on the map: from the middle of Ukraine",
                vec![moscow.clone(), washington.clone()],
                1,
                Some("Off the map: about 8,000 km north-west of central Ukraine."),
            ),
            ("a place on the map", vec![kharkiv.clone(), moscow], 0, None),
            ("no such place", vec![kharkiv], 3, None),
        ];
        for (what, marks, i, want) in cases {
            assert_eq!(
                whereabouts(&marks, i, middle, "central Ukraine").as_deref(),
                want,
                "{what}"
            );
        }
    }

    #[test]
    fn distances_bearings_and_their_words() {
        let (km, bearing) = distance_and_bearing((0.0, 0.0), (1.0, 0.0));
        assert!((km - 111.195).abs() < 0.01 && (bearing - 90.0).abs() < 1e-9);
        let cases = [
            (0.0, "north"),
            (22.4, "north"),
            (22.6, "north-east"),
            (180.0, "south"),
            (300.0, "north-west"),
            (350.0, "north"),
        ];
        for (b, want) in cases {
            assert_eq!(compass(b), want, "{b}");
        }
        let rounded: Vec<String> = [3.0, 644.6, 999.0, 1_049.0, 7_954.0]
            .iter()
            .map(|&km| round_km(km))
            .collect();
        assert_eq!(rounded, ["10", "640", "1,000", "1,000", "8,000"]);
    }

    #[test]
    fn the_arrow_points_from_the_centre_and_stops_inside_the_edge() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        v.set_view(forward(37.0, 49.0), 8.0);
        // (world point) → arrow tip, or none.
        let east = Arrow::toward(&v, forward(60.0, 49.0)).unwrap();
        assert!(
            (east.tip.x - (800.0 - ARROW_INSET)).abs() < 1e-9,
            "{east:?}"
        );
        assert!((east.dir.0 - 1.0).abs() < 1e-3);
        let north = Arrow::toward(&v, forward(37.0, 70.0)).unwrap();
        assert_eq!(north.tip, Point::new(400.0, ARROW_INSET));
        let near = v.to_screen(forward(37.1, 49.0));
        assert_eq!(Arrow::toward(&v, forward(37.1, 49.0)).unwrap().tip, near);
        assert_eq!(Arrow::toward(&v, v.center), None);
        assert!(north.hit(Point::new(400.0, ARROW_INSET + 5.0)));
        assert!(!north.hit(Point::new(400.0, ARROW_INSET + 30.0)));
    }
}
