//! The result of reading one article: the places it names, what it reports about each, and the
//! evidence (sentences, quotations, speakers) behind every decision. Plain serialisable structs
//! with public fields, and their GeoJSON form — the contract of `frontline extract`.

use serde::Serialize;
use std::sync::Arc;

/// What kind of thing a place is; the scorer and the map treat settlements apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Settlement,
    Region,
    Country,
    Other,
}

impl Kind {
    /// Parses the `kind` property of the gazetteer.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "settlement" => Some(Kind::Settlement),
            "region" => Some(Kind::Region),
            "country" => Some(Kind::Country),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }
}

/// What the article reports happened at a place (definitions: `shared/eval/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Liberated,
    Occupied,
    Contested,
    Attacked,
    Evacuated,
    Mentioned,
}

impl Status {
    /// Every status, in the order a legend lists them.
    pub const ALL: [Status; 6] = [
        Status::Liberated,
        Status::Occupied,
        Status::Contested,
        Status::Attacked,
        Status::Evacuated,
        Status::Mentioned,
    ];

    /// The lower-case name used in GeoJSON and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Liberated => "liberated",
            Status::Occupied => "occupied",
            Status::Contested => "contested",
            Status::Attacked => "attacked",
            Status::Evacuated => "evacuated",
            Status::Mentioned => "mentioned",
        }
    }
}

/// One mention of a place: where it is in the article and the sentence and quotation around it.
/// The texts are shared: every mention in one sentence holds the same `sentence`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The whole sentence that holds the mention, as written.
    pub sentence: Arc<str>,
    /// Byte offset of `sentence` in the article.
    pub sentence_start: usize,
    /// The quotation the mention stands in, if any (without its quote marks).
    pub quote: Option<Arc<str>>,
    /// Who said the quotation, or who the sentence attributes its report to, where the text says.
    pub speaker: Option<Arc<str>>,
    /// Byte range of the mention in the article.
    pub start: usize,
    pub end: usize,
    /// What this sentence alone reports about the place, and why; null where it reports nothing.
    pub status: Option<Status>,
    pub reason: Option<String>,
}

/// One place the article names, with its reported status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportedPlace {
    /// The gazetteer's English name.
    pub name: String,
    pub geonameid: Option<u64>,
    pub kind: Kind,
    pub lon: f64,
    pub lat: f64,
    /// The oblast (admin-1 unit) the place lies in, where known.
    pub oblast: Option<String>,
    pub status: Status,
    /// One short sentence: why this status.
    pub reason: String,
    /// Who reports the status, e.g. "Ukrainian president", where the text says.
    pub claimed_by: Option<String>,
    /// The surface strings the article used for the place, in order of first use.
    pub forms: Vec<String>,
    /// Every mention, in article order.
    pub mentions: Vec<Evidence>,
}

/// Everything `extract` found in one article: places in order of first mention.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub places: Vec<ReportedPlace>,
}

impl Report {
    /// The report as a GeoJSON FeatureCollection: one Point feature per place.
    pub fn to_feature_collection(&self) -> geojson::FeatureCollection {
        let features = self
            .places
            .iter()
            .map(|p| {
                let mut properties = serde_json::Map::new();
                let fields = serde_json::to_value(p).expect("ReportedPlace serialises");
                if let serde_json::Value::Object(map) = fields {
                    for (k, v) in map {
                        if k != "lon" && k != "lat" {
                            properties.insert(k, v);
                        }
                    }
                }
                geojson::Feature {
                    bbox: None,
                    geometry: Some(geojson::Geometry::new_point([p.lon, p.lat])),
                    id: None,
                    properties: Some(properties),
                    foreign_members: None,
                }
            })
            .collect();
        geojson::FeatureCollection {
            bbox: None,
            features,
            foreign_members: None,
        }
    }

    /// The GeoJSON text of the report, compact or indented.
    pub fn to_geojson_string(&self, pretty: bool) -> String {
        let fc = self.to_feature_collection();
        if pretty {
            serde_json::to_string_pretty(&fc).expect("GeoJSON serialises")
        } else {
            serde_json::to_string(&fc).expect("GeoJSON serialises")
        }
    }
}
