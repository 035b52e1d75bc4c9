//! Scoring a report against a gold annotation, by the rules of the evaluation kit
//! (`../shared/eval/README.md`; `eval/README.md` restates them):
//!
//! - scored gold places are settlements that are not optional;
//! - a system place matches a gold place when their GeoNames ids are equal or it lies within
//!   [`MATCH_KM`] of it; pairs are taken greedily, equal ids first, then the nearest, each
//!   system place once and each scored gold place once;
//! - gold places that are not scored (optional, regions, countries, rivers) absorb the system
//!   places that match them: neither credit nor penalty;
//! - system places of kind region, country or other are set aside;
//! - status is counted over matched settlements: lenient when the system's status is the gold
//!   `status` or one of `also`, strict when it is the gold `status`.

use frontline::{Kind, Report};
use serde::Deserialize;
use std::fmt::Write as _;
use std::ops::AddAssign;

/// How near a system place must lie to a gold place to match it, in kilometres.
pub const MATCH_KM: f64 = 15.0;

/// The mean Earth radius of the kit's haversine (IUGG), in kilometres.
const EARTH_KM: f64 = 6371.0088;

/// One article's annotation (`NAME.gold.json`); fields the scorer does not read are skipped.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub places: Vec<GoldPlace>,
}

#[derive(Debug, Deserialize)]
pub struct GoldPlace {
    pub geonameid: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default = "settlement")]
    pub kind: String,
    #[serde(default)]
    pub optional: bool,
    pub status: String,
    #[serde(default)]
    pub also: Vec<String>,
}

fn settlement() -> String {
    "settlement".to_owned()
}

impl GoldPlace {
    fn scored(&self) -> bool {
        self.kind == "settlement" && !self.optional
    }
}

/// Great-circle distance between two points given in degrees, in kilometres (haversine).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_KM * a.sqrt().min(1.0).asin()
}

/// Counts for one article or summed over several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Scored gold places.
    pub gold: usize,
    /// System places that are settlements.
    pub system: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Matched settlements whose status is the gold status or one of `also`.
    pub lenient: usize,
    /// Matched settlements whose status is the gold status.
    pub strict: usize,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.lenient += o.lenient;
        self.strict += o.strict;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn status_lenient(&self) -> f64 {
        ratio(self.lenient, self.tp)
    }
    pub fn status_strict(&self) -> f64 {
        ratio(self.strict, self.tp)
    }
}

/// Scores one report against its gold annotation.
pub fn score(gold: &Gold, report: &Report) -> Counts {
    let system: Vec<_> = report
        .places
        .iter()
        .filter(|p| p.kind == Kind::Settlement)
        .collect();
    // Every matching (system, gold) pair: equal ids rank before distances.
    let mut pairs = Vec::new();
    for (i, s) in system.iter().enumerate() {
        for (j, g) in gold.places.iter().enumerate() {
            let same_id = s.geonameid.is_some() && s.geonameid == g.geonameid;
            let km = match (g.lat, g.lon) {
                (Some(lat), Some(lon)) => haversine_km(s.lat, s.lon, lat, lon),
                _ => f64::INFINITY,
            };
            if same_id || km <= MATCH_KM {
                pairs.push((!same_id, km, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut taken_by: Vec<Option<usize>> = vec![None; system.len()];
    let mut gold_taken = vec![false; gold.places.len()];
    for &(_, _, i, j) in &pairs {
        let g = &gold.places[j];
        if taken_by[i].is_some() || (g.scored() && gold_taken[j]) {
            continue;
        }
        gold_taken[j] = true;
        taken_by[i] = Some(j);
    }
    let mut c = Counts {
        gold: gold.places.iter().filter(|g| g.scored()).count(),
        system: system.len(),
        ..Counts::default()
    };
    for (s, taken) in system.iter().zip(&taken_by) {
        match taken.map(|j| &gold.places[j]) {
            None => c.fp += 1,
            Some(g) if !g.scored() => {}
            Some(g) => {
                c.tp += 1;
                let status = s.status.as_str();
                c.strict += usize::from(status == g.status);
                c.lenient += usize::from(status == g.status || g.also.iter().any(|a| a == status));
            }
        }
    }
    c.fn_ = c.gold - c.tp;
    c
}

/// A table of articles and their counts, with a total row per group, as the CLI kit prints it:
/// P, R and F1 over settlements, then the status right over matched settlements.
pub struct Table {
    text: String,
}

impl Table {
    pub fn new(title: &str) -> Table {
        let mut text = format!("{title}\n");
        let _ = writeln!(
            text,
            "{:<44} {:>4} {:>4} {:>4} {:>3} {:>3} {:>6} {:>6} {:>6} {:>9} {:>9}",
            "article", "gold", "sys", "tp", "fp", "fn", "P", "R", "F1", "lenient", "strict"
        );
        Table { text }
    }

    pub fn row(&mut self, label: &str, c: &Counts) {
        let label: String = label.chars().take(44).collect();
        let _ = writeln!(
            self.text,
            "{label:<44} {:>4} {:>4} {:>4} {:>3} {:>3} {:>6.3} {:>6.3} {:>6.3} {:>9} {:>9}",
            c.gold,
            c.system,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1(),
            format!("{}/{}", c.lenient, c.tp),
            format!("{}/{}", c.strict, c.tp),
        );
    }

    pub fn total(&mut self, label: &str, c: &Counts) {
        self.text.push_str(&summary(label, c));
        self.text.push('\n');
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// One line of totals: P, R and F1 over settlements, then lenient and strict status.
pub fn summary(label: &str, c: &Counts) -> String {
    format!(
        "{label}: P {:.3}  R {:.3}  F1 {:.3}  status lenient {:.3}  strict {:.3}  \
         ({} matched of {} gold settlements)",
        c.precision(),
        c.recall(),
        c.f1(),
        c.status_lenient(),
        c.status_strict(),
        c.tp,
        c.gold,
    )
}
