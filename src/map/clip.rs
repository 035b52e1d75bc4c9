//! Cutting what is drawn to the part of the screen that shows it. A filled ring is clipped to
//! a rectangle (Sutherland & Hodgman, "Reentrant polygon clipping", *CACM* 17(1), 1974): one
//! pass per edge of the rectangle keeps the points inside that edge and adds the crossings, so
//! a country seen up close costs the canvas a handful of points instead of thousands and fills
//! the same pixels inside the rectangle (a ring that wraps around a corner leaves zero-area runs
//! along the rectangle's edges, which fill nothing). A stroked line keeps only its runs of
//! segments that reach into the rectangle.

use super::projection::{Bounds, Point};

/// Which side of the rectangle a pass clips against.
#[derive(Clone, Copy)]
enum Edge {
    Left(f64),
    Right(f64),
    Top(f64),
    Bottom(f64),
}

impl Edge {
    fn inside(self, p: Point) -> bool {
        match self {
            Edge::Left(x) => p.x >= x,
            Edge::Right(x) => p.x <= x,
            Edge::Top(y) => p.y >= y,
            Edge::Bottom(y) => p.y <= y,
        }
    }

    /// Where the segment from `a` to `b`, which crosses this edge, meets it.
    fn crossing(self, a: Point, b: Point) -> Point {
        match self {
            Edge::Left(x) | Edge::Right(x) => {
                Point::new(x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x))
            }
            Edge::Top(y) | Edge::Bottom(y) => {
                Point::new(a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y)
            }
        }
    }
}

/// One pass: the ring `input` cut to the inside of `edge`, written to `out`.
fn clip_to(input: &[Point], edge: Edge, out: &mut Vec<Point>) {
    out.clear();
    let Some(&last) = input.last() else {
        return;
    };
    let mut prev = last;
    for &p in input {
        match (edge.inside(prev), edge.inside(p)) {
            (true, true) => out.push(p),
            (true, false) => out.push(edge.crossing(prev, p)),
            (false, true) => {
                out.push(edge.crossing(prev, p));
                out.push(p);
            }
            (false, false) => {}
        }
        prev = p;
    }
}

/// The closed ring `ring` (its last point joins its first) cut to `rect`; empty when nothing
/// of it is inside.
pub fn clip_ring(ring: &[Point], rect: &Bounds) -> Vec<Point> {
    let mut a = ring.to_vec();
    let mut b = Vec::with_capacity(ring.len());
    for edge in [
        Edge::Left(rect.min.x),
        Edge::Right(rect.max.x),
        Edge::Top(rect.min.y),
        Edge::Bottom(rect.max.y),
    ] {
        clip_to(&a, edge, &mut b);
        std::mem::swap(&mut a, &mut b);
    }
    a
}

/// The runs of the polyline `line` whose segments' boxes meet `rect`, each at least two points
/// long; the segments left out cannot touch the rectangle.
pub fn clip_line(line: &[Point], rect: &Bounds) -> Vec<Vec<Point>> {
    let mut runs: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for pair in line.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let meets = a.x.min(b.x) <= rect.max.x
            && a.x.max(b.x) >= rect.min.x
            && a.y.min(b.y) <= rect.max.y
            && a.y.max(b.y) >= rect.min.y;
        if meets {
            if current.is_empty() {
                current.push(a);
            }
            current.push(b);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(points: &[(f64, f64)]) -> Vec<Point> {
        points.iter().map(|&(x, y)| Point::new(x, y)).collect()
    }

    #[test]
    fn rings_are_cut_to_the_rectangle() {
        let rect = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        type Case = (&'static str, Vec<(f64, f64)>, Vec<(f64, f64)>);
        let cases: [Case; 5] = [
            (
                "inside: unchanged",
                vec![(1.0, 1.0), (9.0, 1.0), (5.0, 8.0)],
                vec![(1.0, 1.0), (9.0, 1.0), (5.0, 8.0)],
            ),
            (
                "outside: nothing",
                vec![(20.0, 1.0), (30.0, 1.0), (25.0, 8.0)],
                vec![],
            ),
            (
                "around: the rectangle",
                vec![(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)],
                vec![(0.0, 10.0), (0.0, 0.0), (10.0, 0.0), (10.0, 10.0)],
            ),
            (
                "across the right edge: cut along it",
                vec![(5.0, 2.0), (15.0, 2.0), (15.0, 6.0), (5.0, 6.0)],
                vec![(5.0, 2.0), (10.0, 2.0), (10.0, 6.0), (5.0, 6.0)],
            ),
            (
                "over a corner: the corner's part",
                vec![(8.0, 8.0), (12.0, 8.0), (12.0, 12.0), (8.0, 12.0)],
                vec![(8.0, 10.0), (8.0, 8.0), (10.0, 8.0), (10.0, 10.0)],
            ),
        ];
        for (what, input, want) in cases {
            assert_eq!(clip_ring(&ring(&input), &rect), ring(&want), "{what}");
        }
    }

    #[test]
    fn lines_keep_the_runs_that_reach_the_rectangle() {
        let rect = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        type Case = (&'static str, Vec<(f64, f64)>, Vec<Vec<(f64, f64)>>);
        let cases: [Case; 4] = [
            (
                "inside: whole",
                vec![(1.0, 1.0), (5.0, 5.0), (9.0, 2.0)],
                vec![vec![(1.0, 1.0), (5.0, 5.0), (9.0, 2.0)]],
            ),
            (
                "outside: nothing",
                vec![(20.0, 1.0), (30.0, 1.0), (40.0, 8.0)],
                vec![],
            ),
            (
                "in, out and in again: two runs, each with the segment that leaves or enters",
                vec![
                    (5.0, 5.0),
                    (15.0, 5.0),
                    (30.0, 5.0),
                    (40.0, 20.0),
                    (30.0, 30.0),
                    (8.0, 8.0),
                    (2.0, 2.0),
                ],
                vec![
                    vec![(5.0, 5.0), (15.0, 5.0)],
                    vec![(30.0, 30.0), (8.0, 8.0), (2.0, 2.0)],
                ],
            ),
            ("one point: nothing", vec![(5.0, 5.0)], vec![]),
        ];
        for (what, input, want) in cases {
            let want: Vec<Vec<Point>> = want.iter().map(|r| ring(r)).collect();
            assert_eq!(clip_line(&ring(&input), &rect), want, "{what}");
        }
    }
}
