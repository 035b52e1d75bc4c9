//! Web Mercator and the viewport: where a longitude/latitude lands on the screen, fitting a view
//! to a set of points, and panning and zooming about a point. Knows nothing about the canvas.
//!
//! World coordinates are spherical Web Mercator scaled to the unit square: x grows east from
//! 0 at 180°W to 1 at 180°E, y grows south from 0 at 85.05°N to 1 at 85.05°S (EPSG:3857 divided
//! by the circumference and shifted, the convention of slippy-map tiles). Screen coordinates are
//! CSS pixels from the top-left corner of the canvas.

use std::f64::consts::PI;

/// Equatorial circumference of the WGS84 ellipsoid in metres (the Web Mercator sphere).
pub const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;

/// A point in world (unit-square Mercator) or screen coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// Projects longitude/latitude (degrees) to world coordinates (Snyder, *Map Projections — A
/// Working Manual*, eq. 7-1 and 7-2, on the unit square).
pub fn forward(lon: f64, lat: f64) -> Point {
    let lat = lat.clamp(-85.051_128_78, 85.051_128_78).to_radians();
    Point {
        x: (lon + 180.0) / 360.0,
        y: (1.0 - (PI / 4.0 + lat / 2.0).tan().ln() / PI) / 2.0,
    }
}

/// The longitude/latitude (degrees) of a world point (Snyder eq. 7-4 and 7-5).
pub fn inverse(p: Point) -> (f64, f64) {
    let lon = p.x * 360.0 - 180.0;
    let lat = (2.0 * (PI * (1.0 - 2.0 * p.y)).exp().atan() - PI / 2.0).to_degrees();
    (lon, lat)
}

/// An axis-aligned box in world or screen coordinates; empty until a point is added.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds::EMPTY
    }
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min: Point {
            x: f64::INFINITY,
            y: f64::INFINITY,
        },
        max: Point {
            x: f64::NEG_INFINITY,
            y: f64::NEG_INFINITY,
        },
    };

    pub fn is_empty(&self) -> bool {
        self.min.x > self.max.x || self.min.y > self.max.y
    }

    pub fn extend(&mut self, p: Point) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    pub fn union(&mut self, other: &Bounds) {
        if !other.is_empty() {
            self.extend(other.min);
            self.extend(other.max);
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }
}

/// What part of the world the canvas shows: the world point at its centre, the zoom as CSS
/// pixels per world unit, the canvas size in CSS pixels and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub center: Point,
    pub scale: f64,
    pub width: f64,
    pub height: f64,
    pub pixel_ratio: f64,
}

impl Viewport {
    /// The widest view of any map: half the world on a 1000-pixel canvas (a map's own limits,
    /// see [`Viewport::keep_within`], are closer).
    pub const MIN_SCALE: f64 = 2_000.0;
    /// The closest view: about 5 m per pixel.
    pub const MAX_SCALE: f64 = 8_000_000.0;

    /// A viewport of the given CSS size showing `bounds` (see [`Viewport::fit`]).
    pub fn new(width: f64, height: f64, pixel_ratio: f64) -> Viewport {
        Viewport {
            center: Point::new(0.5, 0.5),
            scale: Self::MIN_SCALE,
            width: width.max(1.0),
            height: height.max(1.0),
            pixel_ratio: if pixel_ratio > 0.0 { pixel_ratio } else { 1.0 },
        }
    }

    /// World to screen (CSS pixels).
    pub fn to_screen(&self, p: Point) -> Point {
        Point::new(
            (p.x - self.center.x) * self.scale + self.width / 2.0,
            (p.y - self.center.y) * self.scale + self.height / 2.0,
        )
    }

    /// Screen (CSS pixels) to world.
    pub fn to_world(&self, s: Point) -> Point {
        Point::new(
            (s.x - self.width / 2.0) / self.scale + self.center.x,
            (s.y - self.height / 2.0) / self.scale + self.center.y,
        )
    }

    /// The world box the canvas shows.
    pub fn world_bounds(&self) -> Bounds {
        let mut b = Bounds::EMPTY;
        b.extend(self.to_world(Point::new(0.0, 0.0)));
        b.extend(self.to_world(Point::new(self.width, self.height)));
        b
    }

    /// Changes the canvas size, keeping the centre and zoom.
    pub fn resize(&mut self, width: f64, height: f64, pixel_ratio: f64) {
        self.width = width.max(1.0);
        self.height = height.max(1.0);
        if pixel_ratio > 0.0 {
            self.pixel_ratio = pixel_ratio;
        }
    }

    /// Shows `bounds` as large as fits inside the canvas less `padding` CSS pixels on each side,
    /// never zooming in closer than `min_extent` world units across.
    pub fn fit(&mut self, bounds: &Bounds, padding: f64, min_extent: f64) {
        if bounds.is_empty() {
            return;
        }
        let w = bounds.width().max(min_extent);
        let h = bounds.height().max(min_extent);
        let avail_w = (self.width - 2.0 * padding).max(self.width * 0.25);
        let avail_h = (self.height - 2.0 * padding).max(self.height * 0.25);
        self.center = bounds.center();
        self.scale = (avail_w / w)
            .min(avail_h / h)
            .clamp(Self::MIN_SCALE, Self::MAX_SCALE);
    }

    /// Moves the map by a drag of `dx`, `dy` CSS pixels.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.center.x -= dx / self.scale;
        self.center.y -= dy / self.scale;
        self.center.x = self.center.x.clamp(0.0, 1.0);
        self.center.y = self.center.y.clamp(0.0, 1.0);
    }

    /// Keeps the view over the map: its centre inside `centre_limits` (the detailed map) and
    /// all of it inside `view_limits` (the surroundings, which hold `centre_limits`), zooming in
    /// when the canvas would show more than those. So panning never leaves the map for empty
    /// sea, and zooming out never shows where the map has no data.
    pub fn keep_within(&mut self, centre_limits: &Bounds, view_limits: &Bounds) {
        if centre_limits.is_empty() || view_limits.is_empty() {
            return;
        }
        let widest = (self.width / view_limits.width()).max(self.height / view_limits.height());
        self.scale = self.scale.max(widest).min(Self::MAX_SCALE.max(widest));
        let (half_w, half_h) = (
            self.width / 2.0 / self.scale,
            self.height / 2.0 / self.scale,
        );
        let clamp = |v: f64, (lo, hi): (f64, f64), (view_lo, view_hi): (f64, f64)| {
            let (lo, hi) = (lo.max(view_lo), hi.min(view_hi));
            if lo <= hi {
                v.clamp(lo, hi)
            } else {
                (view_lo + view_hi) / 2.0
            }
        };
        self.center.x = clamp(
            self.center.x,
            (centre_limits.min.x, centre_limits.max.x),
            (view_limits.min.x + half_w, view_limits.max.x - half_w),
        );
        self.center.y = clamp(
            self.center.y,
            (centre_limits.min.y, centre_limits.max.y),
            (view_limits.min.y + half_h, view_limits.max.y - half_h),
        );
    }

    /// The zoom level of the view as web maps count it: 0 shows the world in 256 pixels, each
    /// level doubles the scale.
    pub fn zoom_level(&self) -> f64 {
        (self.scale / 256.0).log2()
    }

    /// Centres the view on the world point `center` at zoom level `zoom` (clamped to the
    /// scales the map allows).
    pub fn set_view(&mut self, center: Point, zoom: f64) {
        self.center = Point::new(center.x.clamp(0.0, 1.0), center.y.clamp(0.0, 1.0));
        self.scale = (256.0 * zoom.exp2()).clamp(Self::MIN_SCALE, Self::MAX_SCALE);
    }

    /// Zooms by `factor` keeping the world point under the screen point `at` where it is.
    pub fn zoom_at(&mut self, at: Point, factor: f64) {
        let before = self.to_world(at);
        self.scale = (self.scale * factor).clamp(Self::MIN_SCALE, Self::MAX_SCALE);
        let after = self.to_world(at);
        self.center.x += before.x - after.x;
        self.center.y += before.y - after.y;
    }

    /// Ground distance in metres of one CSS pixel at the centre of the view (the Mercator scale
    /// factor is sec φ, so a world unit spans the circumference times cos φ).
    pub fn metres_per_pixel(&self) -> f64 {
        let (_, lat) = inverse(self.center);
        EARTH_CIRCUMFERENCE_M * lat.to_radians().cos() / self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    /// The world box of a box in degrees.
    fn degrees(west: f64, south: f64, east: f64, north: f64) -> Bounds {
        let mut b = Bounds::EMPTY;
        b.extend(forward(west, north));
        b.extend(forward(east, south));
        b
    }

    #[test]
    fn the_view_stays_over_the_map() {
        let centre_limits = degrees(21.0, 43.0, 41.0, 53.0);
        let view_limits = degrees(10.0, 34.0, 52.0, 60.0);
        // (canvas, centre, scale) → (centre, scale) once kept within the limits.
        type Case = ((f64, f64), Point, f64, (Point, f64));
        let middle = forward(31.0, 48.0);
        let cases: [Case; 5] = [
            // Inside: nothing changes.
            ((800.0, 600.0), middle, 50_000.0, (middle, 50_000.0)),
            // Panned far west at a close zoom: the centre stops at the detailed map's edge.
            (
                (800.0, 600.0),
                forward(5.0, 48.0),
                50_000.0,
                (Point::new(centre_limits.min.x, middle.y), 50_000.0),
            ),
            // Zoomed out too far: as wide as the surroundings, centred where they allow.
            (
                (800.0, 600.0),
                middle,
                2_000.0,
                (middle, 800.0 / view_limits.width()),
            ),
            // A tall canvas is limited by the surroundings' height.
            (
                (300.0, 1_000.0),
                middle,
                2_000.0,
                (
                    Point::new(middle.x, view_limits.center().y),
                    1_000.0 / view_limits.height(),
                ),
            ),
            // Zoomed out at the corner: the view slides in so that it ends at the surroundings.
            (
                (800.0, 700.0),
                centre_limits.max,
                10_000.0,
                (
                    Point::new(
                        view_limits.max.x - 400.0 / 10_000.0,
                        view_limits.max.y - 350.0 / 10_000.0,
                    ),
                    10_000.0,
                ),
            ),
        ];
        for ((w, h), center, scale, (want_center, want_scale)) in cases {
            let mut v = Viewport::new(w, h, 1.0);
            v.center = center;
            v.scale = scale;
            v.keep_within(&centre_limits, &view_limits);
            assert!(
                close(v.center.x, want_center.x, 1e-12)
                    && close(v.center.y, want_center.y, 1e-12)
                    && close(v.scale, want_scale, 1e-6),
                "{w}×{h} at {center:?} × {scale}: {:?} × {}",
                v.center,
                v.scale
            );
            let seen = v.world_bounds();
            assert!(
                seen.min.x >= view_limits.min.x - 1e-12 && seen.max.x <= view_limits.max.x + 1e-12
            );
            assert!(
                seen.min.y >= view_limits.min.y - 1e-12 && seen.max.y <= view_limits.max.y + 1e-12
            );
        }
    }

    #[test]
    fn the_view_round_trips_through_its_zoom_level() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        let (center, zoom) = (forward(37.6, 48.3), 9.5);
        v.set_view(center, zoom);
        assert!(close(v.zoom_level(), zoom, 1e-12));
        assert_eq!(v.center, center);
        v.set_view(center, 40.0);
        assert_eq!(v.scale, Viewport::MAX_SCALE);
    }

    #[test]
    fn forward_and_inverse_round_trip() {
        for &(lon, lat) in &[
            (37.2768, 49.207),
            (30.52, 50.45),
            (-120.0, -33.0),
            (0.0, 0.0),
        ] {
            let (lon2, lat2) = inverse(forward(lon, lat));
            assert!(
                close(lon, lon2, 1e-9) && close(lat, lat2, 1e-9),
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn forward_matches_known_values() {
        let p = forward(0.0, 0.0);
        assert!(close(p.x, 0.5, 1e-12) && close(p.y, 0.5, 1e-12));
        // Tile maths: at zoom 1 the top edge is 85.0511° and the east edge is 180°.
        assert!(close(forward(180.0, 85.051_128_78).y, 0.0, 1e-6));
        assert!(close(forward(180.0, 0.0).x, 1.0, 1e-12));
        // Kharkiv is north of Izium: smaller y.
        assert!(forward(36.25, 49.99).y < forward(37.28, 49.21).y);
    }

    #[test]
    fn screen_and_world_are_inverse() {
        let mut v = Viewport::new(800.0, 600.0, 2.0);
        v.center = forward(36.0, 49.0);
        v.scale = 50_000.0;
        let w = forward(37.0, 49.5);
        let s = v.to_screen(w);
        let back = v.to_world(s);
        assert!(close(w.x, back.x, 1e-12) && close(w.y, back.y, 1e-12));
        let c = v.to_screen(v.center);
        assert!(close(c.x, 400.0, 1e-9) && close(c.y, 300.0, 1e-9));
    }

    #[test]
    fn fit_shows_every_point_inside_the_padding() {
        let mut v = Viewport::new(900.0, 500.0, 1.0);
        let mut b = Bounds::EMPTY;
        for &(lon, lat) in &[(37.6158, 49.71), (37.2768, 49.207), (36.2639, 49.4627)] {
            b.extend(forward(lon, lat));
        }
        v.fit(&b, 40.0, 0.0);
        for p in [b.min, b.max] {
            let s = v.to_screen(p);
            assert!(
                s.x >= 39.9 && s.x <= 860.1 && s.y >= 39.9 && s.y <= 460.1,
                "{s:?}"
            );
        }
        let s = v.to_screen(b.max);
        let t = v.to_screen(b.min);
        assert!(close(t.y, 40.0, 1e-6) || close(s.x, 860.0, 1e-6) || close(t.x, 40.0, 1e-6));
    }

    #[test]
    fn fit_of_one_point_keeps_a_minimum_extent() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        let mut b = Bounds::EMPTY;
        b.extend(forward(37.0, 49.0));
        v.fit(&b, 40.0, 0.002);
        assert!(v.scale.is_finite() && v.scale <= 520.0 / 0.002 + 1e-6);
        assert!(close(v.center.x, b.center().x, 1e-12));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        v.center = forward(35.0, 48.0);
        v.scale = 20_000.0;
        let at = Point::new(123.0, 456.0);
        let world = v.to_world(at);
        v.zoom_at(at, 2.0);
        assert!(close(v.scale, 40_000.0, 1e-9));
        let s = v.to_screen(world);
        assert!(close(s.x, at.x, 1e-6) && close(s.y, at.y, 1e-6));
        v.zoom_at(at, 1e-9);
        assert_eq!(v.scale, Viewport::MIN_SCALE);
    }

    #[test]
    fn pan_moves_the_map_with_the_pointer() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        v.center = forward(35.0, 48.0);
        v.scale = 20_000.0;
        let w = forward(36.0, 48.5);
        let before = v.to_screen(w);
        v.pan(30.0, -20.0);
        let after = v.to_screen(w);
        assert!(close(after.x - before.x, 30.0, 1e-6) && close(after.y - before.y, -20.0, 1e-6));
    }

    #[test]
    fn metres_per_pixel_shrinks_towards_the_pole() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        v.scale = 1.0;
        v.center = forward(0.0, 0.0);
        assert!(close(v.metres_per_pixel(), EARTH_CIRCUMFERENCE_M, 1e-3));
        v.center = forward(0.0, 60.0);
        assert!(close(
            v.metres_per_pixel(),
            EARTH_CIRCUMFERENCE_M / 2.0,
            1e-3
        ));
    }
}
