//! Label placement: puts each label beside its anchor in the first of eight positions that
//! overlaps no label already placed and no obstacle, in priority order (a greedy version of the
//! candidate-position method, Christensen, Marks & Shieber, *ACM ToG* 14(3), 1995); a label
//! centred on its anchor (the name of an area) has that one position.

use super::projection::{Bounds, Point};

/// Where a label may stand about its anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spot {
    /// Beside it, `gap` CSS pixels away (a marker's label).
    Beside { gap: f64 },
    /// Centred on it (an area's name).
    Centred,
}

/// One label to place: its anchor (a marker's centre), where it may stand about the anchor, and
/// the size of its text box in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    pub anchor: Point,
    pub spot: Spot,
    pub width: f64,
    pub height: f64,
}

impl LabelRequest {
    /// The text boxes the label may take, best first.
    fn candidates(&self) -> impl Iterator<Item = Bounds> + '_ {
        let count = match self.spot {
            Spot::Beside { .. } => CANDIDATES,
            Spot::Centred => 1,
        };
        (0..count).map(|i| self.candidate(i))
    }

    /// The text box at candidate position `i` (0: right, 1: left, 2: above, 3: below, then the
    /// four diagonals); a centred label's only box.
    fn candidate(&self, i: usize) -> Bounds {
        let (a, w, h) = (self.anchor, self.width, self.height);
        let g = match self.spot {
            Spot::Beside { gap } => gap,
            Spot::Centred => {
                return Bounds {
                    min: Point::new(a.x - w / 2.0, a.y - h / 2.0),
                    max: Point::new(a.x + w / 2.0, a.y + h / 2.0),
                }
            }
        };
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
            let found = r.candidates().find(|b| {
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
            spot: Spot::Beside { gap: 6.0 },
            width: 60.0,
            height: 14.0,
        }
    }

    #[test]
    fn a_centred_label_takes_its_one_spot_or_none() {
        let centred = |x: f64, y: f64| LabelRequest {
            spot: Spot::Centred,
            ..req(x, y)
        };
        let spot = |x0: f64, y0: f64| {
            Some(Bounds {
                min: Point::new(x0, y0),
                max: Point::new(x0 + 60.0, y0 + 14.0),
            })
        };
        // Centred on (100, 100); the second, on a placed label, and the third, across the
        // edge, are dropped rather than moved; the fourth fits.
        let out = place(
            &[
                centred(100.0, 100.0),
                centred(110.0, 104.0),
                centred(20.0, 200.0),
                centred(300.0, 200.0),
            ],
            &[],
            &area(),
        );
        assert_eq!(out, [spot(70.0, 93.0), None, None, spot(270.0, 193.0)]);
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
