//! The names of the countries and of the admin-1 units (oblasts) at low zoom, to orient by:
//! grey, each where its area has room for it on the screen, fading out as one zooms in. The
//! scene places them after every label of the article, so they never cover one.

use super::basemap::{LabelKind, MapLabel};
use super::projection::{Point, Viewport};
use super::scene::Measure;
use super::style::Font;

/// A name to draw, centred on `at` (CSS pixels), at opacity `alpha`.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaName {
    pub text: String,
    pub at: Point,
    pub font: Font,
    pub alpha: f64,
}

/// The zoom levels (as web maps count them) between which country names fade out: whole at
/// Ukraine and its neighbours, gone at a region's scale.
const COUNTRY_FADE: (f64, f64) = (6.5, 8.0);
/// The same for the admin-1 units: whole at Ukraine, gone at a few districts' scale.
const ADMIN1_FADE: (f64, f64) = (8.0, 9.5);

/// The opacity of a name at `zoom`: 1 up to the fade's start, 0 from its end.
fn fade(zoom: f64, (start, end): (f64, f64)) -> f64 {
    ((end - zoom) / (end - start)).clamp(0.0, 1.0)
}

/// The names to draw in `view`: for each country, of its spots on the screen, the one with the
/// most room, if the name fits inside the area there; each admin-1 unit's, likewise, unless it
/// is in `skip` (the units the article names, which its own labels show). Countries first, then
/// units, each by room, largest first. Nothing once faded out.
pub fn visible(
    labels: &[MapLabel],
    view: &Viewport,
    skip: &[&str],
    measure: &dyn Measure,
) -> Vec<AreaName> {
    let zoom = view.zoom_level();
    let mut out = Vec::new();
    for (kind, font, span) in [
        (LabelKind::Country, Font::Country, COUNTRY_FADE),
        (LabelKind::Admin1, Font::Admin1, ADMIN1_FADE),
    ] {
        let alpha = fade(zoom, span);
        if alpha == 0.0 {
            continue;
        }
        let mut best: Vec<(f64, AreaName)> = Vec::new();
        for l in labels.iter().filter(|l| l.kind == kind) {
            if skip.contains(&l.name.as_str()) {
                continue;
            }
            let text = match kind {
                LabelKind::Country => l.name.to_ascii_uppercase(),
                _ => l.name.clone(),
            };
            let room = l.room * view.scale;
            let (w, h) = (measure.text_width(&text, font), font.size());
            let at = view.to_screen(l.at);
            let on_screen = at.x - w / 2.0 >= 0.0
                && at.x + w / 2.0 <= view.width
                && at.y - h / 2.0 >= 0.0
                && at.y + h / 2.0 <= view.height;
            if room < w / 2.0 || !on_screen {
                continue;
            }
            let name = AreaName {
                text,
                at,
                font,
                alpha,
            };
            match best.iter_mut().find(|(_, n)| n.text == name.text) {
                Some(b) if b.0 < room => *b = (room, name),
                Some(_) => {}
                None => best.push((room, name)),
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0));
        out.extend(best.into_iter().map(|(_, n)| n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::forward;
    use crate::map::scene::ApproximateMeasure;

    fn label(name: &str, kind: LabelKind, lon: f64, lat: f64, room_km: f64) -> MapLabel {
        MapLabel {
            name: name.into(),
            kind,
            at: forward(lon, lat),
            room: room_km * 1000.0 / 40_075_016.686 / lat.to_radians().cos(),
        }
    }

    fn labels() -> Vec<MapLabel> {
        vec![
            label("Russia", LabelKind::Country, 45.0, 52.0, 600.0),
            label("Russia", LabelKind::Country, 38.5, 50.5, 150.0),
            label("Belarus", LabelKind::Country, 28.0, 53.0, 200.0),
            label("Moldova", LabelKind::Country, 28.5, 47.2, 30.0),
            label("Kharkiv Oblast", LabelKind::Admin1, 36.5, 49.6, 120.0),
            label("Donetsk Oblast", LabelKind::Admin1, 37.8, 48.7, 100.0),
            label("Black Sea", LabelKind::Sea, 33.5, 43.8, 0.0),
        ]
    }

    /// A view of 1000×700 CSS pixels centred on (`lon`, `lat`) at zoom level `zoom`.
    fn view(lon: f64, lat: f64, zoom: f64) -> Viewport {
        let mut v = Viewport::new(1000.0, 700.0, 1.0);
        v.set_view(forward(lon, lat), zoom);
        v
    }

    #[test]
    fn names_fit_their_area_show_once_and_fade_as_one_zooms_in() {
        // (centre, zoom, skipped) → (name, opacity) of each name drawn, in order.
        type Case = (
            (f64, f64, f64),
            &'static [&'static str],
            Vec<(&'static str, f64)>,
        );
        let cases: Vec<Case> = vec![
            // All Ukraine: the names whole, most room first; Russia at its spot with the most
            // room on the screen, Moldova too small for its name.
            (
                (32.0, 48.5, 6.0),
                &[],
                vec![
                    ("BELARUS", 1.0),
                    ("RUSSIA", 1.0),
                    ("Kharkiv Oblast", 1.0),
                    ("Donetsk Oblast", 1.0),
                ],
            ),
            // A region: the countries fading, the units whole; Russia's far spot is off screen.
            (
                (37.0, 49.0, 7.25),
                &[],
                vec![
                    ("RUSSIA", 0.5),
                    ("Kharkiv Oblast", 1.0),
                    ("Donetsk Oblast", 1.0),
                ],
            ),
            // The same with the article naming Kharkiv Oblast: its own label stands for it.
            (
                (37.0, 49.0, 7.25),
                &["Kharkiv Oblast"],
                vec![("RUSSIA", 0.5), ("Donetsk Oblast", 1.0)],
            ),
            // Closer: the countries gone, the units fading.
            (
                (37.0, 49.0, 8.75),
                &[],
                vec![("Kharkiv Oblast", 0.5), ("Donetsk Oblast", 0.5)],
            ),
            // A bulletin's villages: no area names.
            ((37.5, 48.3, 10.5), &[], vec![]),
        ];
        for ((lon, lat, zoom), skip, want) in cases {
            let got: Vec<(String, f64)> =
                visible(&labels(), &view(lon, lat, zoom), skip, &ApproximateMeasure)
                    .into_iter()
                    .map(|n| (n.text, n.alpha))
                    .collect();
            let want: Vec<(String, f64)> = want.into_iter().map(|(t, a)| (t.into(), a)).collect();
            assert_eq!(got, want, "at {lon}, {lat}, zoom {zoom}, skipping {skip:?}");
        }
    }

    #[test]
    fn a_name_stands_centred_on_its_spot() {
        let v = view(37.0, 49.0, 7.0);
        let names = visible(&labels(), &v, &[], &ApproximateMeasure);
        let kharkiv = names.iter().find(|n| n.text == "Kharkiv Oblast").unwrap();
        assert_eq!(
            (kharkiv.at, kharkiv.font),
            (v.to_screen(forward(36.5, 49.6)), Font::Admin1)
        );
    }
}
