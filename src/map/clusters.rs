//! Grouping markers that would overlap on the screen into clusters, so a bulletin of 80 villages
//! stays readable: which markers stand alone and which are drawn as one cluster with a count
//! and its status mix. Clusters depend on the view, so they split as one zooms in; the selected
//! place always stands alone.

use rustc_hash::FxHashMap as HashMap;

use super::projection::{Bounds, Point, Viewport};
use super::scene::Mark;

/// Markers whose centres lie closer than this, in CSS pixels, join one cluster.
pub const CLUSTER_DISTANCE: f64 = 16.0;

/// Markers drawn as one.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The marks in the cluster, in report order.
    pub members: Vec<usize>,
    /// The mean of the members' screen positions.
    pub at: Point,
}

impl Cluster {
    /// The cluster's radius in CSS pixels: larger for more members.
    pub fn radius(&self) -> f64 {
        (9.0 + 2.0 * (self.members.len() as f64).log2()).min(18.0)
    }

    /// The world box of the members.
    pub fn bounds(&self, marks: &[Mark]) -> Bounds {
        let mut b = Bounds::EMPTY;
        for &i in &self.members {
            b.extend(marks[i].at);
        }
        b
    }
}

/// The markers of the frame: those drawn alone, and the clusters. Only marks with a marker on
/// the screen, not hidden, take part. Each cluster grows from the first mark (in report order) not yet in
/// one, taking every free mark within [`CLUSTER_DISTANCE`] of it; `selected` is never taken.
pub fn group(
    marks: &[Mark],
    view: &Viewport,
    selected: Option<usize>,
) -> (Vec<usize>, Vec<Cluster>) {
    let on_screen: Vec<(usize, Point)> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.marker && !m.hidden)
        .map(|(i, m)| (i, view.to_screen(m.at)))
        .filter(|(_, p)| p.x >= 0.0 && p.y >= 0.0 && p.x <= view.width && p.y <= view.height)
        .collect();
    let cell_of = |p: Point| {
        (
            (p.x / CLUSTER_DISTANCE).floor() as i64,
            (p.y / CLUSTER_DISTANCE).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::default();
    for (k, &(i, p)) in on_screen.iter().enumerate() {
        if Some(i) != selected {
            grid.entry(cell_of(p)).or_default().push(k);
        }
    }
    let mut taken = vec![false; on_screen.len()];
    let (mut alone, mut clusters) = (Vec::new(), Vec::new());
    for (k, &(i, p)) in on_screen.iter().enumerate() {
        if taken[k] {
            continue;
        }
        taken[k] = true;
        if Some(i) == selected {
            alone.push(i);
            continue;
        }
        let (cx, cy) = cell_of(p);
        let mut members = vec![k];
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &j in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    let q = on_screen[j].1;
                    if !taken[j] && (q.x - p.x).hypot(q.y - p.y) < CLUSTER_DISTANCE {
                        taken[j] = true;
                        members.push(j);
                    }
                }
            }
        }
        if members.len() == 1 {
            alone.push(i);
            continue;
        }
        members.sort_unstable();
        let n = members.len() as f64;
        let (sx, sy) = members.iter().fold((0.0, 0.0), |(sx, sy), &j| {
            (sx + on_screen[j].1.x, sy + on_screen[j].1.y)
        });
        clusters.push(Cluster {
            members: members.into_iter().map(|j| on_screen[j].0).collect(),
            at: Point::new(sx / n, sy / n),
        });
    }
    (alone, clusters)
}

/// The cluster whose disc holds the screen point `s`.
pub fn cluster_at(clusters: &[Cluster], s: Point) -> Option<&Cluster> {
    clusters
        .iter()
        .find(|c| (c.at.x - s.x).hypot(c.at.y - s.y) <= c.radius())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::forward;
    use crate::report::{Kind, Status};

    fn mark(lon: f64, lat: f64) -> Mark {
        Mark {
            name: format!("{lon},{lat}"),
            status: Status::Contested,
            kind: Kind::Settlement,
            at: forward(lon, lat),
            region: None,
            marker: true,
            hidden: false,
            disputed: false,
        }
    }

    /// A view of 800×600 CSS pixels centred on (37.5°E, 48.5°N) at `km` kilometres across.
    fn view(km: f64) -> Viewport {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        let centre = forward(37.5, 48.5);
        let half = km / 2.0 / 40_075.0 / (48.5f64).to_radians().cos();
        v.fit(
            &Bounds {
                min: Point::new(centre.x - half, centre.y - half),
                max: Point::new(centre.x + half, centre.y + half),
            },
            0.0,
            0.0,
        );
        v
    }

    /// The lone marks and the members of every cluster, as sorted lists.
    type Grouping = (Vec<usize>, Vec<Vec<usize>>);

    fn shape(marks: &[Mark], v: &Viewport, selected: Option<usize>) -> Grouping {
        let (mut alone, clusters) = group(marks, v, selected);
        alone.sort_unstable();
        (alone, clusters.into_iter().map(|c| c.members).collect())
    }

    #[test]
    fn close_markers_cluster_and_split_as_one_zooms_in() {
        // Three villages 2 km apart, one 30 km away.
        let marks = vec![
            mark(37.50, 48.50),
            mark(37.52, 48.51),
            mark(37.50, 48.52),
            mark(37.90, 48.50),
        ];
        let cases: &[(f64, Option<usize>, Grouping)] = &[
            (400.0, None, (vec![3], vec![vec![0, 1, 2]])),
            (400.0, Some(1), (vec![1, 3], vec![vec![0, 2]])),
            (20.0, None, (vec![0, 1, 2], vec![])),
        ];
        for (km, selected, expected) in cases {
            assert_eq!(
                &shape(&marks, &view(*km), *selected),
                expected,
                "{km} km, {selected:?}"
            );
        }
    }

    #[test]
    fn marks_off_the_screen_or_without_marker_take_no_part() {
        let mut marks = vec![mark(37.50, 48.50), mark(37.50, 48.50), mark(30.0, 50.0)];
        marks[1].marker = false;
        assert_eq!(shape(&marks, &view(100.0), None), (vec![0], vec![]));
    }

    #[test]
    fn a_cluster_is_found_under_its_disc_and_bounds_its_members() {
        let marks = vec![mark(37.50, 48.50), mark(37.51, 48.50)];
        let v = view(400.0);
        let (_, clusters) = group(&marks, &v, None);
        let c = &clusters[0];
        assert_eq!(cluster_at(&clusters, c.at), Some(c));
        assert_eq!(
            cluster_at(&clusters, Point::new(c.at.x + c.radius() + 1.0, c.at.y)),
            None
        );
        let b = c.bounds(&marks);
        assert!(b.contains(marks[0].at) && b.contains(marks[1].at));
        assert_eq!(c.radius(), 11.0);
    }

    #[test]
    fn a_thousand_markers_on_one_spot_make_one_cluster() {
        let marks: Vec<Mark> = (0..1000)
            .map(|k| mark(37.5 + k as f64 * 1e-5, 48.5))
            .collect();
        let (alone, clusters) = group(&marks, &view(400.0), None);
        assert!(alone.is_empty());
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 1000);
        assert_eq!(clusters[0].radius(), 18.0);
    }
}
