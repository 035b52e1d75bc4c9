//! Label placement: puts each label beside its anchor in the first of eight positions that
//! overlaps no label already placed and no obstacle, in priority order (a greedy version of the
//! candidate-position method, Christensen, Marks & Shieber, *ACM ToG* 14(3), 1995).

use super::projection::{Bounds, Point};

/// One label to place: its anchor (a marker's centre), the free gap around the anchor, and the
/// size of its text box in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    pub anchor: Point,
    pub gap: f64,
    pub width: f64,
    pub height: f64,
}

impl LabelRequest {
    /// The text box at candidate position `i` (0: right, 1: left, 2: above, 3: below, then the
    /// four diagonals).
    fn candidate(&self, i: usize) -> Bounds {
        let (a, g, w, h) = (self.anchor, self.gap, self.width, self.height);
        let (x, y) = match i {
            0 => (a.x + g, a.y - h / 2.0),
            1 => (a.x - g - w, a.y - h / 2.0),
            2 => (a.x - w / 2.0, a.y - g - h),
            3 => (a.x - w / 2.0, a.y + g),
            4 => (a.x + g * 0.7, a.y - g * 0.7 - h),
            5 => (a.x + g * 0.7, a.y + g * 0.7),
            6 => (a.x - g * 0.7 - w, a.y - g * 0.7 - h),
            _ => (a.x - g * 0.7 - w, a.y + g * 0.7),
        };
        Bounds {
            min: Point::new(x, y),
            max: Point::new(x + w, y + h),
        }
    }
}

/// Number of candidate positions tried for each label.
const CANDIDATES: usize = 8;

/// Places labels in the order given (most important first). A label is dropped (`None`) when
/// every position overlaps a placed label or an obstacle, or leaves `area`.
pub fn place(
    requests: &[LabelRequest],
    obstacles: &[Bounds],
    area: &Bounds,
) -> Vec<Option<Bounds>> {
    let mut placed: Vec<Bounds> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|r| {
            let found = (0..CANDIDATES).map(|i| r.candidate(i)).find(|b| {
                area.contains(b.min)
                    && area.contains(b.max)
                    && !placed.iter().any(|p| p.intersects(b))
                    && !obstacles.iter().any(|o| o.intersects(b))
            });
            if let Some(b) = found {
                placed.push(b);
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Bounds {
        Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(400.0, 300.0),
        }
    }

    fn req(x: f64, y: f64) -> LabelRequest {
        LabelRequest {
            anchor: Point::new(x, y),
            gap: 6.0,
            width: 60.0,
            height: 14.0,
        }
    }

    #[test]
    fn a_lone_label_goes_right_of_its_marker() {
        let out = place(&[req(100.0, 100.0)], &[], &area());
        let b = out[0].unwrap();
        assert_eq!(b.min, Point::new(106.0, 93.0));
    }

    #[test]
    fn crowded_labels_never_overlap() {
        let reqs: Vec<_> = (0..40)
            .map(|i| req(150.0 + (i % 7) as f64 * 9.0, 120.0 + (i / 7) as f64 * 8.0))
            .collect();
        let out = place(&reqs, &[], &area());
        let boxes: Vec<_> = out.iter().flatten().collect();
        assert!(boxes.len() >= 4, "some labels fit");
        assert!(boxes.len() < 40, "some are dropped");
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.intersects(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn labels_avoid_obstacles_and_stay_inside() {
        let obstacle = Bounds {
            min: Point::new(100.0, 80.0),
            max: Point::new(200.0, 120.0),
        };
        let out = place(
            &[req(100.0, 100.0), req(395.0, 150.0)],
            &[obstacle],
            &area(),
        );
        let first = out[0].unwrap();
        assert!(!first.intersects(&obstacle));
        let second = out[1].unwrap();
        assert!(second.max.x <= 400.0, "the label near the edge flips left");
    }

    #[test]
    fn the_first_request_wins_a_contested_spot() {
        let out = place(&[req(100.0, 100.0), req(100.0, 100.0)], &[], &area());
        assert_eq!(out[0].unwrap().min, Point::new(106.0, 93.0));
        assert_ne!(out[1], out[0]);
    }
}
