//! The towns and villages around the article's places, to orient by: the gazetteer's
//! settlements, biggest first, drawn small and grey — more of them as one zooms in, the largest
//! labelled where their names leave the article's own labels room.

use crate::gazetteer::{Gazetteer, Kind, PlaceType};

use super::projection::{forward, Point, Viewport};

/// A settlement of the context layer.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextPlace {
    pub name: String,
    /// World position.
    pub at: Point,
    pub population: u64,
}

/// Screen area, in square CSS pixels, per context settlement drawn: one dot per 70×70 pixels.
const PIXELS_PER_DOT: f64 = 4_900.0;
/// Screen area per context settlement labelled: one name per 250×250 pixels.
const PIXELS_PER_LABEL: f64 = 62_500.0;

/// The settlements of the theatre (Ukraine's, and the neighbours' near the border), biggest
/// first. Districts and historical places are left out.
pub fn context_places(gazetteer: &Gazetteer) -> Vec<ContextPlace> {
    let mut places: Vec<ContextPlace> = gazetteer
        .places
        .iter()
        .filter(|p| {
            p.kind == Kind::Settlement
                && matches!(
                    p.place_type,
                    PlaceType::City | PlaceType::Town | PlaceType::Village | PlaceType::Capital
                )
                && (p.country.as_deref() == Some("UA") || p.oblast.is_some())
        })
        .map(|p| ContextPlace {
            name: p.name.clone(),
            at: forward(p.lon, p.lat),
            population: p.population,
        })
        .collect();
    places.sort_by(|a, b| b.population.cmp(&a.population).then(a.name.cmp(&b.name)));
    places
}

/// The context settlements to draw in `view`, biggest first: as many as the screen's area
/// allows, and how many of those (the first) get a label.
pub fn visible<'c>(context: &'c [ContextPlace], view: &Viewport) -> (Vec<&'c ContextPlace>, usize) {
    let area = view.width * view.height;
    let dots = (area / PIXELS_PER_DOT) as usize;
    let labels = (area / PIXELS_PER_LABEL) as usize;
    let bounds = view.world_bounds();
    let shown: Vec<&ContextPlace> = context
        .iter()
        .filter(|c| bounds.contains(c.at))
        .take(dots)
        .collect();
    let labelled = labels.min(shown.len());
    (shown, labelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let feature = |id: u32, name: &str, kind: &str, ty: &str, lon: f64, lat: f64, pop: u32| {
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
                "properties":{{"id":{id},"name":"{name}","kind":"{kind}","type":"{ty}",
                "names":["{name}"],"country":"UA","pop":{pop}}}}}"#
            )
        };
        let features = [
            feature(1, "Kharkiv", "settlement", "city", 36.25, 49.98, 1_400_000),
            feature(2, "Izium", "settlement", "city", 37.28, 49.21, 45_000),
            feature(3, "Udy", "settlement", "village", 36.13, 50.25, 2_000),
            feature(
                4,
                "Saltivka",
                "settlement",
                "section",
                36.35,
                50.02,
                400_000,
            ),
            feature(5, "Donets", "other", "river", 37.0, 49.5, 0),
        ];
        Gazetteer::of_features(&features)
    }

    #[test]
    fn settlements_come_biggest_first_without_districts_or_rivers() {
        let names: Vec<String> = context_places(&gazetteer())
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["Kharkiv", "Izium", "Udy"]);
    }

    #[test]
    fn more_are_shown_and_labelled_on_a_bigger_screen_and_only_those_in_view() {
        let context = context_places(&gazetteer());
        let view_of = |w: f64, h: f64, lon: f64, lat: f64, km: f64| {
            let mut v = Viewport::new(w, h, 1.0);
            let c = forward(lon, lat);
            let half = km / 2.0 / 40_075.0 / lat.to_radians().cos();
            v.fit(
                &super::super::projection::Bounds {
                    min: Point::new(c.x - half, c.y - half),
                    max: Point::new(c.x + half, c.y + half),
                },
                0.0,
                0.0,
            );
            v
        };
        let names = |(shown, labelled): (Vec<&ContextPlace>, usize)| {
            let shown: Vec<String> = shown.iter().map(|c| c.name.clone()).collect();
            (shown, labelled)
        };
        type Case = ((f64, f64, f64, f64, f64), (Vec<&'static str>, usize));
        let cases: &[Case] = &[
            (
                (800.0, 600.0, 36.8, 49.6, 300.0),
                (vec!["Kharkiv", "Izium", "Udy"], 3),
            ),
            (
                (140.0, 140.0, 36.8, 49.6, 300.0),
                (vec!["Kharkiv", "Izium", "Udy"], 0),
            ),
            (
                (140.0, 70.0, 36.8, 49.6, 300.0),
                (vec!["Kharkiv", "Izium"], 0),
            ),
            ((800.0, 600.0, 36.2, 50.2, 30.0), (vec!["Udy"], 1)),
        ];
        for &((w, h, lon, lat, km), ref expected) in cases {
            let (shown, labelled) = names(visible(&context, &view_of(w, h, lon, lat, km)));
            assert_eq!(
                (
                    shown.iter().map(String::as_str).collect::<Vec<_>>(),
                    labelled
                ),
                *expected,
                "{w}×{h} at {lon},{lat}, {km} km"
            );
        }
    }
}
