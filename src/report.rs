//! The result of reading one article: the places it names, what it reports about each, and the
//! evidence (sentences, quotations, speakers) behind every decision. Plain serialisable structs
//! with public fields, and their GeoJSON form — the contract of `frontline extract`.

use crate::dates::Date;
use crate::text::Document;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::sync::Arc;

/// What kind of thing a place is (the gazetteer's, repeated in the report).
pub use crate::gazetteer::Kind;

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

/// The two sides of the war, as actors and as voices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Russian,
    Ukrainian,
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
    /// The side of the voice that reports the status, where the text names one.
    pub claimant_side: Option<Side>,
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

/// Where a report of a set comes from, written into each of its features.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Origin<'a> {
    /// The report's name (its file's name, or its title).
    pub report: &'a str,
    /// The report's date, where known.
    pub date: Option<Date>,
    /// Who published it, where its text says.
    pub source: Option<&'a str>,
}

/// The GeoJSON text of a set of reports: one FeatureCollection of every report's features in
/// turn, each with the fields of [`Report::to_geojson_string`] and its report's [`Origin`].
pub fn set_to_geojson_string(set: &[(&Report, Origin)], pretty: bool) -> String {
    let collection = CollectionView {
        kind: "FeatureCollection",
        features: SetFeaturesView(set),
    };
    if pretty {
        serde_json::to_string_pretty(&collection).expect("GeoJSON serialises")
    } else {
        serde_json::to_string(&collection).expect("GeoJSON serialises")
    }
}

impl Report {
    /// The GeoJSON text of the report (a FeatureCollection, one Point feature per place, the
    /// place's fields as properties), compact or indented. Written straight from the report,
    /// without an intermediate JSON tree.
    pub fn to_geojson_string(&self, pretty: bool) -> String {
        let collection = CollectionView {
            kind: "FeatureCollection",
            features: FeaturesView(&self.places),
        };
        if pretty {
            serde_json::to_string_pretty(&collection).expect("GeoJSON serialises")
        } else {
            serde_json::to_string(&collection).expect("GeoJSON serialises")
        }
    }

    /// The features of [`Report::to_geojson_string`]'s collection, borrowed for writing in
    /// another frame (the CLI's JSON Lines): a JSON array, one Point feature per place.
    pub fn geojson_features(&self) -> impl Serialize + '_ {
        FeaturesView(&self.places)
    }
}

/// The report as a GeoJSON FeatureCollection, borrowed for writing.
#[derive(Serialize)]
struct CollectionView<F: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: F,
}

/// The places as GeoJSON features, written one by one.
struct FeaturesView<'a>(&'a [ReportedPlace]);

impl Serialize for FeaturesView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|p| FeatureView::of(p, None)))
    }
}

#[derive(Serialize)]
struct FeatureView<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: geojson::Geometry,
    properties: PropertiesView<'a>,
}

/// The features of a set of reports, written one by one.
struct SetFeaturesView<'a>(&'a [(&'a Report, Origin<'a>)]);

impl Serialize for SetFeaturesView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().flat_map(|(report, origin)| {
            report
                .places
                .iter()
                .map(move |p| FeatureView::of(p, Some(origin)))
        }))
    }
}

/// Every field of a place but its coordinates, which are the feature's geometry.
#[derive(Serialize)]
struct PropertiesView<'a> {
    name: &'a str,
    geonameid: Option<u64>,
    kind: Kind,
    oblast: Option<&'a str>,
    status: Status,
    reason: &'a str,
    claimed_by: Option<&'a str>,
    forms: &'a [String],
    mentions: &'a [Evidence],
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    origin: Option<&'a Origin<'a>>,
}

impl<'a> FeatureView<'a> {
    fn of(p: &'a ReportedPlace, origin: Option<&'a Origin<'a>>) -> FeatureView<'a> {
        FeatureView {
            kind: "Feature",
            geometry: geojson::Geometry::new_point([p.lon, p.lat]),
            properties: PropertiesView {
                name: &p.name,
                geonameid: p.geonameid,
                kind: p.kind,
                oblast: p.oblast.as_deref(),
                status: p.status,
                reason: &p.reason,
                claimed_by: p.claimed_by.as_deref(),
                forms: &p.forms,
                mentions: &p.mentions,
                origin,
            },
        }
    }
}

/// Slices of the article made shareable once: the mentions of one sentence, one quotation or
/// one speaker hold the same text.
#[derive(Default)]
pub(crate) struct SharedText {
    /// By the slice's address and length: the same slice of the article.
    texts: HashMap<(usize, usize), Arc<str>>,
}

impl SharedText {
    fn get(&mut self, slice: &str) -> Arc<str> {
        self.texts
            .entry((slice.as_ptr() as usize, slice.len()))
            .or_insert_with(|| Arc::from(slice))
            .clone()
    }
}

/// The evidence of the mention at bytes `mention` in sentence `sentence`: the sentence, the
/// quotation it stands in and who says it, with no status yet.
pub(crate) fn evidence(
    doc: &Document,
    shared: &mut SharedText,
    sentence: usize,
    mention: std::ops::Range<usize>,
    speaker: Option<&str>,
) -> Evidence {
    let s = doc.sentences[sentence];
    let (sentence_start, sentence_end) = excerpt(doc.text, s.start..s.end, mention.clone());
    let quote = doc.quote_at(mention.start).map(|q| {
        let (start, end) = excerpt(doc.text, q.start..q.end, mention.clone());
        shared.get(doc.text[start..end].trim())
    });
    Evidence {
        sentence: shared.get(&doc.text[sentence_start..sentence_end]),
        sentence_start,
        quote,
        speaker: speaker.map(|s| shared.get(s)),
        start: mention.start,
        end: mention.end,
        status: None,
        reason: None,
    }
}

/// The longest evidence text kept whole, in bytes. Text with no sentence ends (a list pasted
/// without full stops, a runaway quotation) would otherwise repeat its whole length in the
/// evidence of every mention in it.
const LONGEST_EVIDENCE: usize = 1000;

/// The byte range of `text[range]` to show for the mention at `mention`: the whole range when
/// it is short, else a window of about `LONGEST_EVIDENCE` bytes around the mention, cut at
/// spaces.
fn excerpt(
    text: &str,
    range: std::ops::Range<usize>,
    mention: std::ops::Range<usize>,
) -> (usize, usize) {
    if range.len() <= LONGEST_EVIDENCE {
        return (range.start, range.end);
    }
    let side = LONGEST_EVIDENCE.saturating_sub(mention.len()) / 2;
    let mut start = mention.start.saturating_sub(side).max(range.start);
    let mut end = (mention.end + side).min(range.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Whole words: from just after a space, to just before one.
    if start > range.start {
        if let Some(space) = text[start..mention.start.max(start)].find(' ') {
            start += space + 1;
        }
    }
    if end < range.end {
        if let Some(space) = text[mention.end.min(end)..end].rfind(' ') {
            end = mention.end.min(end) + space;
        }
    }
    (start, end)
}
