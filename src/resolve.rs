//! Choosing one place for each mention among its homonyms, and dropping mentions that are not
//! places after all. Evidence, strongest first: the framing of the mention ("X region", "the
//! city of X"), the regions the article names, nearness to the article's unambiguous places
//! (its anchors), then kind and population. A small village whose name is also a common word,
//! a sentence's first word or only a historical alternate needs such support to count.

use crate::gazetteer::Kind;
use crate::gazetteer::{Gazetteer, NameRef, PlaceId, PlaceType};
use crate::mentions::{in_one_list, Framing, Mention};
use crate::names::fold_name;
use crate::text::Document;
use crate::words::WordSet;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The numbers of resolution, in one place. Scores and support are points on one scale (a
/// village's base score is about 2–4, a city's 9–11); distances are kilometres.
mod tuning {
    use crate::gazetteer::PlaceType;

    /// Points per tenfold population.
    pub const POPULATION_WEIGHT: f64 = 0.8;
    /// Points for a mention spelled with the place's own current name.
    pub const OWN_NAME_BONUS: f64 = 1.5;
    /// Points off for a historical or foreign alternate name.
    pub const ALTERNATE_NAME_PENALTY: f64 = 2.5;
    /// Points for a place in Ukraine, to settle a tie with a namesake across the border.
    pub const HOME_COUNTRY_BONUS: f64 = 0.1;
    /// Support when the article names the place's oblast anywhere.
    pub const OBLAST_IN_ARTICLE: f64 = 3.0;
    /// Support when the mention's own sentence names the place's oblast.
    pub const OBLAST_IN_SENTENCE: f64 = 6.0;
    /// Support from an anchor at distance 0; it decays by e every `ANCHOR_DECAY_KM`.
    pub const ANCHOR_SUPPORT: f64 = 10.0;
    pub const ANCHOR_DECAY_KM: f64 = 50.0;
    /// A village lying this far or farther from every anchor, in no oblast the article names,
    /// is far-fetched: its support from nearness is below [`faint_support`].
    pub const FAR_FROM_ANCHORS_KM: f64 = 150.0;
    /// Support from the place that locates a mention ("A near B") at distance 0, decaying by e
    /// every `LOCATOR_DECAY_KM`; the locator follows within `LOCATOR_GAP_TOKENS` tokens.
    pub const LOCATOR_SUPPORT: f64 = 12.0;
    pub const LOCATOR_DECAY_KM: f64 = 25.0;
    pub const LOCATOR_GAP_TOKENS: usize = 4;
    /// Support from the nearest chosen list-mate at distance 0, decaying by e every
    /// `LIST_MATE_DECAY_KM`.
    pub const LIST_MATE_SUPPORT: f64 = 12.0;
    pub const LIST_MATE_DECAY_KM: f64 = 30.0;
    /// A village dropped for want of support is kept when a homonym lies this near a kept
    /// list-mate.
    pub const LIST_MATE_KM: f64 = 40.0;
    /// The members of one list lie within this distance of each other.
    pub const LIST_SPREAD_KM: f64 = 40.0;
    /// The fewest list-mates lying together that make a list a cluster.
    pub const LIST_CLUSTER: usize = 3;
    /// How many members on each side of a list member count as its list-mates when a list is
    /// settled (so that a list of thousands stays linear).
    pub const LIST_NEIGHBOURS: usize = 12;
    /// Support a small place needs when named by an alternate name, or as an English word.
    pub const STRONG_SUPPORT: f64 = 6.0;
    /// Support a village with homonyms, or a sentence's first word, needs.
    pub const SOME_SUPPORT: f64 = 3.0;
    /// A city's own or alternate name is trusted above this population.
    pub const PROMINENT_CITY_POP: u64 = 20_000;
    /// A town's own name is trusted above this population.
    pub const PROMINENT_TOWN_POP: u64 = 5_000;
    /// A common word names a city on its own only above this population.
    pub const COMMON_WORD_CITY_POP: u64 = 50_000;
    /// A capitalised English word ("May", "Victory") names a place only above this population.
    pub const CAPITALISED_WORD_POP: u64 = 1_000_000;
    /// The longest all-capitals word taken for an acronym rather than a town, in bytes.
    pub const ACRONYM_BYTES: usize = 4;
    /// An anchor nearer than this to a candidate is the place itself.
    pub const SAME_PLACE_KM: f64 = 0.5;

    /// The base points of a place's type, before population and spelling.
    pub fn type_weight(t: PlaceType) -> f64 {
        match t {
            PlaceType::Country => 10.0,
            PlaceType::Capital | PlaceType::Oblast => 9.0,
            PlaceType::HistoricalRegion => 8.0,
            PlaceType::City => 6.0,
            PlaceType::ForeignCity => 5.0,
            PlaceType::Town => 4.0,
            PlaceType::River | PlaceType::Water => 3.0,
            PlaceType::Village => 2.0,
            PlaceType::Section => 1.0,
            PlaceType::Minor => 0.5,
        }
    }

    /// The nearness support of a place [`FAR_FROM_ANCHORS_KM`] from the nearest anchor.
    pub fn faint_support() -> f64 {
        ANCHOR_SUPPORT * (-FAR_FROM_ANCHORS_KM / ANCHOR_DECAY_KM).exp()
    }
}
use tuning::*;

/// A mention with the place chosen for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub mention: Mention,
    pub place: PlaceId,
}

/// Capitalised English words of news text that are also the names of villages.
static CAPITALISED_WORDS: WordSet = WordSet::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "general",
    "army",
    "defense",
    "defence",
    "ministry",
    "security",
    "service",
    "forces",
    "staff",
    "telegram",
    "facebook",
    "twitter",
    "news",
    "ukrainian",
    "russian",
    "the",
    "this",
    "that",
    "but",
    "and",
    "after",
    "before",
    "during",
    "since",
    "also",
    "over",
    "under",
    "along",
    "near",
    "north",
    "south",
    "east",
    "west",
    "central",
    "new",
    "old",
    "red",
    "white",
    "black",
    "green",
    "victory",
    "peace",
    "liberty",
    "freedom",
    "hope",
    "star",
    "union",
    "sun",
    "moon",
    "world",
    "national",
    "state",
    "river",
    "sea",
    "lake",
    "field",
    "mountain",
    "forest",
    "island",
    "bay",
    "port",
    "city",
    "town",
    "village",
    "according",
    "source",
    "reuters",
    "interfax",
    "tass",
    "cnn",
    "bbc",
    "ria",
    "kremlin",
    "pentagon",
    "nato",
    "eu",
    "un",
    "isw",
]);

/// Words between a place and the place that locates it ("A near B", "A, south of B").
static LOCATOR_WORDS: WordSet = WordSet::new(&[
    "near",
    "outside",
    "around",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
]);

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    GeoPoint::new(a).km_to(GeoPoint::new(b))
}

/// A position (lon, lat in degrees) prepared for distances: radians, and the latitude's cosine.
#[derive(Clone, Copy, Debug)]
struct GeoPoint {
    lon: f64,
    lat: f64,
    cos_lat: f64,
}

impl GeoPoint {
    const EARTH_RADIUS_KM: f64 = 6371.0088;

    fn new((lon, lat): (f64, f64)) -> GeoPoint {
        let lat = lat.to_radians();
        GeoPoint {
            lon: lon.to_radians(),
            lat,
            cos_lat: lat.cos(),
        }
    }

    /// The haversine of the central angle to `b`: distances compare as these do.
    fn haversine(self, b: GeoPoint) -> f64 {
        ((b.lat - self.lat) / 2.0).sin().powi(2)
            + self.cos_lat * b.cos_lat * ((b.lon - self.lon) / 2.0).sin().powi(2)
    }

    /// The kilometres of a haversine.
    fn km_of(h: f64) -> f64 {
        2.0 * Self::EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    fn km_to(self, b: GeoPoint) -> f64 {
        Self::km_of(self.haversine(b))
    }
}

/// Settlements of the war's theatre: Ukraine's, and the neighbours' near the border (those
/// carry their oblast). Only these support each other by nearness.
fn in_theatre(p: &crate::gazetteer::Place) -> bool {
    p.kind == Kind::Settlement && (p.country.as_deref() == Some("UA") || p.oblast.is_some())
}

/// Places that a mention may be trusted for on its own.
fn is_prominent(gazetteer: &Gazetteer, r: NameRef) -> bool {
    let p = gazetteer.place(r.place);
    match p.place_type {
        PlaceType::Country
        | PlaceType::Capital
        | PlaceType::Oblast
        | PlaceType::HistoricalRegion => true,
        PlaceType::City | PlaceType::ForeignCity => r.primary || p.population >= PROMINENT_CITY_POP,
        PlaceType::Town => r.primary && p.population >= PROMINENT_TOWN_POP,
        _ => false,
    }
}

/// The top-level entry point for resolution: one place per kept mention, in text order.
pub fn resolve(gazetteer: &Gazetteer, doc: &Document, mentions: Vec<Mention>) -> Vec<Resolved> {
    let mentions: Vec<Mention> = mentions
        .into_iter()
        .map(|mut m| {
            filter_by_framing(gazetteer, m.framing, &mut m.candidates);
            m
        })
        .filter(|m| !m.candidates.is_empty())
        .collect();
    let mut evidence = Evidence::gather(gazetteer, doc, &mentions);
    let anchored = !evidence.anchors.is_empty();
    let mut chosen: Vec<Option<PlaceId>> = vec![None; mentions.len()];
    let mut scored = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        evidence.score_candidates(&mentions, k, &mut scored);
        let Some(&(best, _, support)) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
            continue;
        };
        if accept(gazetteer, doc, m, best, support, anchored) {
            chosen[k] = Some(best.place);
        }
    }
    support_from_list_mates(gazetteer, doc, &mentions, &mut chosen);
    second_look_in_lists(&mut evidence, &mentions, &mut chosen);
    settle_lists(
        gazetteer,
        &list_groups(doc, &mentions),
        &mentions,
        &mut chosen,
    );
    mentions
        .into_iter()
        .zip(chosen)
        .filter_map(|(mention, place)| {
            Some(Resolved {
                place: place?,
                mention,
            })
        })
        .collect()
}

/// What a candidate's score owes to its place and spelling alone: the base score, support
/// from the article's regions, and (in the theatre) support from nearness to the anchors.
type FixedPart = (f64, f64, Option<f64>);

/// The article-wide evidence that scores the candidates of every mention.
struct Evidence<'g, 'd> {
    gazetteer: &'g Gazetteer,
    doc: &'d Document<'d>,
    /// The oblasts the article names, anywhere and by sentence.
    named_oblasts: HashSet<&'g str>,
    oblasts_by_sentence: HashSet<(usize, &'g str)>,
    /// Each mention's spelling, folded and numbered.
    key_ids: Vec<usize>,
    /// Mentions whose best reading is prominent. Each anchor place remembers the spellings
    /// that named it, so that a name never supports its own homonyms.
    anchors: HashMap<PlaceId, (GeoPoint, HashSet<usize>)>,
    /// For each mention, the place that locates it ("Andriivka south of Bakhmut").
    locators: Vec<Option<GeoPoint>>,
    /// The fixed part of each (reading, spelling), worked out once.
    fixed: HashMap<(NameRef, usize), FixedPart>,
}

impl<'g, 'd> Evidence<'g, 'd> {
    fn gather(gazetteer: &'g Gazetteer, doc: &'d Document<'d>, mentions: &[Mention]) -> Self {
        let oblast_of = |m: &Mention| gazetteer.place(m.candidates[0].place).oblast.as_deref();
        let regions = || mentions.iter().filter(|m| m.framing == Framing::Region);
        let key_ids = spelling_keys(doc, mentions);
        Evidence {
            gazetteer,
            doc,
            named_oblasts: regions().filter_map(oblast_of).collect(),
            oblasts_by_sentence: regions()
                .filter_map(|m| Some((m.sentence, oblast_of(m)?)))
                .collect(),
            anchors: anchors(gazetteer, mentions, &key_ids),
            locators: (0..mentions.len())
                .map(|k| locator(gazetteer, doc, mentions, k))
                .collect(),
            key_ids,
            fixed: HashMap::default(),
        }
    }

    /// The fixed part of reading `r` under spelling `key`.
    fn fixed_part(&mut self, r: NameRef, key: usize) -> FixedPart {
        if let Some(&fixed) = self.fixed.get(&(r, key)) {
            return fixed;
        }
        let p = self.gazetteer.place(r.place);
        let regions = match p.oblast.as_deref() {
            Some(o) if self.named_oblasts.contains(o) => OBLAST_IN_ARTICLE,
            _ => 0.0,
        };
        let nearness = in_theatre(p).then(|| {
            let same_place = (SAME_PLACE_KM / (2.0 * GeoPoint::EARTH_RADIUS_KM))
                .sin()
                .powi(2);
            // The nearest anchor named by another spelling, compared by haversines: one
            // arcsine for the lot. An anchor at the place is the place itself, which supports
            // it only when the article names it otherwise too ("Liman", then "Krasny Liman");
            // another place there is a duplicate and supports nothing.
            let here = GeoPoint::new((p.lon, p.lat));
            let nearest = self
                .anchors
                .iter()
                .filter(|(_, (_, names))| names.iter().any(|n| *n != key))
                .map(|(&id, (anchor, _))| (id, anchor.haversine(here)))
                .filter(|&(id, h)| id == r.place || h > same_place)
                .map(|(_, h)| h)
                .fold(None, |best: Option<f64>, h| {
                    Some(best.map_or(h, |b| b.min(h)))
                })
                .map_or(f64::INFINITY, GeoPoint::km_of);
            // Front-line reports name places close together: 8.2 at 10 km, 4.5 at 40 km.
            ANCHOR_SUPPORT * (-nearest / ANCHOR_DECAY_KM).exp()
        });
        let fixed = (base_score(self.gazetteer, r), regions, nearness);
        self.fixed.insert((r, key), fixed);
        fixed
    }

    /// Each candidate of mention `k` with its score and the support in it, into `scored`.
    fn score_candidates(
        &mut self,
        mentions: &[Mention],
        k: usize,
        scored: &mut Vec<(NameRef, f64, f64)>,
    ) {
        let m = &mentions[k];
        scored.clear();
        for &r in &m.candidates {
            let (mut s, mut support, nearness) = self.fixed_part(r, self.key_ids[k]);
            let p = self.gazetteer.place(r.place);
            if let Some(o) = p.oblast.as_deref() {
                if self.oblasts_by_sentence.contains(&(m.sentence, o)) {
                    support += OBLAST_IN_SENTENCE;
                }
            }
            if let Some(nearness) = nearness {
                support += nearness;
                if let Some(at) = self.locators[k] {
                    support += LOCATOR_SUPPORT
                        * (-at.km_to(GeoPoint::new((p.lon, p.lat))) / LOCATOR_DECAY_KM).exp();
                }
            }
            s += support;
            scored.push((r, s, support));
        }
    }
}

/// Each mention's spelling, folded and numbered; each distinct spelling is folded once.
fn spelling_keys(doc: &Document, mentions: &[Mention]) -> Vec<usize> {
    let mut key_by_surface: HashMap<&str, usize> = HashMap::default();
    let mut key_index: HashMap<String, usize> = HashMap::default();
    mentions
        .iter()
        .map(|m| {
            let surface = &doc.text[m.start..m.end];
            *key_by_surface.entry(surface).or_insert_with(|| {
                let next = key_index.len();
                *key_index.entry(fold_name(surface)).or_insert(next)
            })
        })
        .collect()
}

/// The anchors: mentions whose best reading is a prominent place of the theatre, with the
/// spellings that named each.
fn anchors(
    gazetteer: &Gazetteer,
    mentions: &[Mention],
    key_ids: &[usize],
) -> HashMap<PlaceId, (GeoPoint, HashSet<usize>)> {
    let mut anchors: HashMap<PlaceId, (GeoPoint, HashSet<usize>)> = HashMap::default();
    for (m, &key) in mentions.iter().zip(key_ids) {
        if let Some(best) = best_prominent(gazetteer, m) {
            let p = gazetteer.place(best.place);
            if in_theatre(p) && !m.metonym && !m.dateline {
                anchors
                    .entry(best.place)
                    .or_insert((GeoPoint::new((p.lon, p.lat)), HashSet::default()))
                    .1
                    .insert(key);
            }
        }
    }
    anchors
}

/// "Andriivka south of Bakhmut", "Stepove near Avdiivka": the place that locates mention `k`.
fn locator(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &[Mention],
    k: usize,
) -> Option<GeoPoint> {
    let next = mentions.get(k + 1)?;
    let m = &mentions[k];
    let gap = m.end_token..next.first_token;
    let located = next.sentence == m.sentence
        && gap.len() <= LOCATOR_GAP_TOKENS
        && gap.clone().any(|t| LOCATOR_WORDS.contains(doc.tok(t)));
    if !located {
        return None;
    }
    let best = best_prominent(gazetteer, next)?;
    let p = gazetteer.place(best.place);
    in_theatre(p).then(|| GeoPoint::new((p.lon, p.lat)))
}

/// Second look at homonyms in lists: the members of a list lie close together, so a candidate
/// near the chosen list-mates wins ("Ternova, Rubizhne, Ruski Tyshky": the village Rubizhne
/// near Kharkiv, not the city in Luhansk oblast).
fn second_look_in_lists(
    evidence: &mut Evidence,
    mentions: &[Mention],
    chosen: &mut [Option<PlaceId>],
) {
    let (gazetteer, doc) = (evidence.gazetteer, evidence.doc);
    let anchored = !evidence.anchors.is_empty();
    let mut scored = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if chosen[k].is_none() || m.candidates.len() < 2 || m.framing == Framing::Region {
            continue;
        }
        let mates: Vec<(f64, f64)> = list_mates(doc, mentions, k)
            .into_iter()
            .filter_map(|j| chosen[j])
            .map(|p| gazetteer.place(p))
            .filter(|p| in_theatre(p))
            .map(|p| (p.lon, p.lat))
            .collect();
        if mates.is_empty() {
            continue;
        }
        evidence.score_candidates(mentions, k, &mut scored);
        let rescored = scored.iter().map(|&(r, s, support)| {
            let p = gazetteer.place(r.place);
            let near = mates
                .iter()
                .map(|&q| distance_km(q, (p.lon, p.lat)))
                .fold(f64::INFINITY, f64::min);
            let bonus = if in_theatre(p) {
                LIST_MATE_SUPPORT * (-near / LIST_MATE_DECAY_KM).exp()
            } else {
                0.0
            };
            (r, s + bonus, support + bonus)
        });
        if let Some((best, _, support)) = rescored.max_by(|a, b| a.1.total_cmp(&b.1)) {
            if Some(best.place) != chosen[k] && accept(gazetteer, doc, m, best, support, anchored) {
                chosen[k] = Some(best.place);
            }
        }
    }
}

/// The neighbours of mention `k` in a list: the mentions right before and after it, joined to
/// it only by commas, "and" or "or".
fn list_mates(doc: &Document, mentions: &[Mention], k: usize) -> Vec<usize> {
    [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter(|&j| j < mentions.len())
        .filter(|&j| in_one_list(doc, &mentions[j.min(k)], &mentions[j.max(k)]))
        .collect()
}

/// Groups of mentions that form one list: names joined by commas, "and" or "or", or by a
/// hyphen ("the Seversk-Artemovsk highway"), in one sentence, and one or more names per item of a
/// bulleted list ("- the village of A,\n- the village of B"). Each group in text order.
fn list_groups(doc: &Document, mentions: &[Mention]) -> Vec<Vec<usize>> {
    let bulleted = |s: usize| {
        matches!(
            doc.tok(doc.sentences[s].first_token),
            "-" | "–" | "—" | "•" | "*" | "·"
        )
    };
    let joined = |a: &Mention, b: &Mention| {
        in_one_list(doc, a, b)
            || (a.sentence == b.sentence
                && a.end_token + 1 == b.first_token
                && matches!(doc.tok(a.end_token), "-" | "–" | "—")
                && doc.tokens[a.end_token].start == a.end
                && doc.tokens[b.first_token].start == doc.tokens[a.end_token].end)
            || (a.sentence + 1 == b.sentence && bulleted(a.sentence) && bulleted(b.sentence))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for k in 0..mentions.len() {
        match groups.last_mut() {
            Some(g) if joined(&mentions[k - 1], &mentions[k]) => g.push(k),
            _ => groups.push(vec![k]),
        }
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// The members of a list lie close together. A member takes the homonym with more chosen
/// list-mates within [`LIST_SPREAD_KM`] than its reading has (on a tie, the own name with the
/// greater affinity: each mate counts e^(−d/[`LIST_MATE_DECAY_KM`])), even over a bigger namesake ("Udy,
/// Sosnivka, …, Petrivka": the village near Kharkiv, not the one near Kramatorsk). A member left
/// out for want of support, even one named by an alternate (a Russian spelling), is kept when a
/// homonym has two list-mates within [`LIST_SPREAD_KM`]; a member with homonyms and no list-mate that near, in a list whose other
/// members lie together, is dropped. Two passes, so that settled members settle others.
fn settle_lists(
    gazetteer: &Gazetteer,
    groups: &[Vec<usize>],
    mentions: &[Mention],
    chosen: &mut [Option<PlaceId>],
) {
    for _ in 0..2 {
        for group in groups {
            for (i, &k) in group.iter().enumerate() {
                let m = &mentions[k];
                let left_out_word = chosen[k].is_none() && m.common_word;
                if m.framing == Framing::Region || m.metonym || m.dateline || left_out_word {
                    continue;
                }
                let near = &group
                    [i.saturating_sub(LIST_NEIGHBOURS)..(i + LIST_NEIGHBOURS + 1).min(group.len())];
                let mates = mate_points(gazetteer, near, k, chosen);
                let closeness = |id: PlaceId| list_closeness(gazetteer.place(id), &mates);
                let (current, current_near) = chosen[k].map_or((0.0, 0), closeness);
                let best = m
                    .candidates
                    .iter()
                    .map(|&r| (r, closeness(r.place)))
                    .max_by(|a, b| (a.1 .1.cmp(&b.1 .1)).then(a.1 .0.total_cmp(&b.1 .0)));
                let Some((r, (affinity, near))) = best else {
                    continue;
                };
                let switch = match chosen[k] {
                    Some(_) => {
                        near > current_near
                            || (near > 0 && near == current_near && affinity > current && r.primary)
                    }
                    None => near >= 2,
                };
                if switch {
                    chosen[k] = Some(r.place);
                } else if current_near == 0 && m.candidates.len() > 1 && lies_together(&mates) {
                    chosen[k] = None;
                }
            }
        }
    }
}

/// The positions of the chosen list-mates of member `k` in the theatre.
fn mate_points(
    gazetteer: &Gazetteer,
    group: &[usize],
    k: usize,
    chosen: &[Option<PlaceId>],
) -> Vec<GeoPoint> {
    group
        .iter()
        .filter(|&&j| j != k)
        .filter_map(|&j| chosen[j])
        .map(|p| gazetteer.place(p))
        .filter(|p| in_theatre(p))
        .map(|p| GeoPoint::new((p.lon, p.lat)))
        .collect()
}

/// A place's affinity to list-mates (each e^(−d/[`LIST_MATE_DECAY_KM`])), and how many lie
/// within [`LIST_SPREAD_KM`]; nothing for a place outside the theatre.
fn list_closeness(p: &crate::gazetteer::Place, mates: &[GeoPoint]) -> (f64, usize) {
    if !in_theatre(p) {
        return (0.0, 0);
    }
    let here = GeoPoint::new((p.lon, p.lat));
    mates
        .iter()
        .map(|q| q.km_to(here))
        .fold((0.0, 0), |(a, n), d| {
            (
                a + (-d / LIST_MATE_DECAY_KM).exp(),
                n + usize::from(d <= LIST_SPREAD_KM),
            )
        })
}

/// Whether at least [`LIST_CLUSTER`] places, and most of them, each lie within
/// [`LIST_SPREAD_KM`] of another.
fn lies_together(points: &[GeoPoint]) -> bool {
    let together = points
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            points
                .iter()
                .enumerate()
                .any(|(j, b)| i != j && a.km_to(*b) <= LIST_SPREAD_KM)
        })
        .count();
    together >= LIST_CLUSTER && 2 * together > points.len()
}

/// A village left out for want of support is kept when it stands in a list beside a place that
/// was kept and one of its homonyms lies near that place: "the areas of Ternova, Rubizhne and
/// Ruski Tyshky" once Ternova is known.
fn support_from_list_mates(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &[Mention],
    chosen: &mut [Option<PlaceId>],
) {
    // Forward, then backward, so support passes along a list in both directions.
    let order: Vec<usize> = (0..mentions.len())
        .chain((0..mentions.len()).rev())
        .collect();
    for k in order {
        let m = &mentions[k];
        if chosen[k].is_some() || m.framing != Framing::Bare || m.common_word || m.metonym {
            continue;
        }
        let mates: Vec<PlaceId> = list_mates(doc, mentions, k)
            .into_iter()
            .filter_map(|j| chosen[j])
            .filter(|&p| in_theatre(gazetteer.place(p)))
            .collect();
        let near = m
            .candidates
            .iter()
            .filter(|r| r.primary)
            .filter(|r| {
                let p = gazetteer.place(r.place);
                in_theatre(p) && !p.english_word
            })
            .map(|r| {
                let p = gazetteer.place(r.place);
                let d = mates
                    .iter()
                    .map(|&q| {
                        let q = gazetteer.place(q);
                        distance_km((q.lon, q.lat), (p.lon, p.lat))
                    })
                    .fold(f64::INFINITY, f64::min);
                (r.place, d)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((place, d)) = near {
            if d < LIST_MATE_KM {
                chosen[k] = Some(place);
            }
        }
    }
}

/// The best reading of a mention among the places it may be trusted for on its own.
fn best_prominent(gazetteer: &Gazetteer, m: &Mention) -> Option<NameRef> {
    m.candidates
        .iter()
        .copied()
        .filter(|r| is_prominent(gazetteer, *r))
        .max_by(|a, b| base_score(gazetteer, *a).total_cmp(&base_score(gazetteer, *b)))
}

fn base_score(gazetteer: &Gazetteer, r: NameRef) -> f64 {
    let p = gazetteer.place(r.place);
    type_weight(p.place_type)
        + (p.population as f64 + 1.0).log10() * POPULATION_WEIGHT
        // A current name beats a historical or foreign alternate of a bigger place: "Lysivka"
        // is the village, not the town once called so.
        + if r.primary {
            OWN_NAME_BONUS
        } else {
            -ALTERNATE_NAME_PENALTY
        }
        // Between otherwise equal readings, Ukraine's place: a village, not its namesake (of no
        // known population either) across the border.
        + if p.country.as_deref() == Some("UA") {
            HOME_COUNTRY_BONUS
        } else {
            0.0
        }
}

/// Keeps the candidates compatible with how the text frames the mention.
fn filter_by_framing(gazetteer: &Gazetteer, framing: Framing, candidates: &mut Vec<NameRef>) {
    type Test = fn(&crate::gazetteer::Place) -> bool;
    let any = |test: Test, candidates: &[NameRef]| {
        candidates.iter().any(|r| test(gazetteer.place(r.place)))
    };
    let settlement: Test = |p| p.kind == Kind::Settlement;
    let not_settlement: Test = |p| p.kind != Kind::Settlement;
    let settlement_or_country: Test = |p| p.kind == Kind::Settlement || p.kind == Kind::Country;
    let keep: Test = match framing {
        Framing::Region => |p| p.kind == Kind::Region,
        Framing::Settlement => settlement,
        Framing::Definite if any(not_settlement, candidates) => not_settlement,
        Framing::Definite => return,
        // A bare name is the settlement when there is one, not the river or the oblast.
        Framing::Bare if any(settlement_or_country, candidates) => settlement_or_country,
        Framing::Bare => |p| p.place_type != PlaceType::River,
    };
    candidates.retain(|r| keep(gazetteer.place(r.place)));
}

/// Whether the chosen reading of a mention is a place the article names.
fn accept(
    gazetteer: &Gazetteer,
    doc: &Document,
    m: &Mention,
    best: NameRef,
    support: f64,
    anchored: bool,
) -> bool {
    let p = gazetteer.place(best.place);
    let surface = &doc.text[m.start..m.end];
    if CAPITALISED_WORDS.contains(surface)
        && p.kind == Kind::Settlement
        && p.population < CAPITALISED_WORD_POP
    {
        return false;
    }
    if m.framing == Framing::Region || p.kind != Kind::Settlement {
        return !(m.common_word && m.sentence_initial && p.kind == Kind::Other);
    }
    // A short word in capitals is an acronym or a code ("ROM"), not a town.
    if surface.len() <= ACRONYM_BYTES && surface.chars().all(|c| !c.is_lowercase()) && !m.dateline {
        return false;
    }
    // A common word is a place only under the place's own name ("Being" is not Beijing).
    if m.common_word && !best.primary {
        return false;
    }
    let all_caps = !surface.chars().any(char::is_lowercase);
    let doubtful_word =
        m.common_word && (p.population < COMMON_WORD_CITY_POP || m.sentence_initial || all_caps);
    if is_prominent(gazetteer, best) && !doubtful_word {
        return true;
    }
    let framed = m.framing == Framing::Settlement;
    if m.common_word && !framed {
        return false;
    }
    // "Progress", "Marine": a village named like an English word needs the text to call it a
    // village, or strong support and a place inside a sentence.
    if p.english_word && !framed && (m.sentence_initial || support < STRONG_SUPPORT) {
        return false;
    }
    // Namesakes count in the place's own country: a Ukrainian village whose name only a
    // Belarusian or Russian village shares is still the one place of that name at home.
    let homonyms = m
        .candidates
        .iter()
        .filter(|r| gazetteer.place(r.place).country == p.country)
        .count();
    // Another spelling of a small place (a former or a foreign name) needs more support than its
    // own; a city's Russian-derived name ("Ugledar") is common enough to need less.
    if !best.primary {
        let needed = if p.place_type == PlaceType::City {
            SOME_SUPPORT
        } else {
            STRONG_SUPPORT
        };
        return framed && support >= SOME_SUPPORT || support >= needed;
    }
    if m.sentence_initial && !framed && support < SOME_SUPPORT {
        return false;
    }
    // A village with no namesake is still far-fetched when the article's places lie
    // FAR_FROM_ANCHORS_KM or more from it and no region it is in is named.
    framed
        || support >= SOME_SUPPORT
        || (homonyms == 1 && (support >= faint_support() || !anchored))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::mentions::find;

    /// One place of a test gazetteer: name, type, (lon, lat), oblast, population, other names.
    pub(crate) type Row<'a> = (&'a str, &'a str, (f64, f64), &'a str, u64, &'a [&'a str]);

    /// A gazetteer of `rows` (settlements, and oblasts for type "oblast", their stem the first
    /// word of the name).
    pub(crate) fn fixture(rows: &[Row]) -> Gazetteer {
        let features: Vec<String> = rows
            .iter()
            .map(|&(name, kind, (lon, lat), oblast, pop, names)| {
                let (class, stems) = match kind {
                    "oblast" => ("region", vec![name.split(' ').next().unwrap_or(name)]),
                    _ => ("settlement", Vec::new()),
                };
                let mut all = vec![name];
                all.extend_from_slice(names);
                serde_json::json!({"type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"name": name, "kind": class, "type": kind, "names": all,
                        "stems": stems, "oblast": oblast, "country": "UA", "pop": pop}})
                .to_string()
            })
            .collect();
        Gazetteer::of_features(&features)
    }

    /// The places `text` resolves to, as (surface, place name), in text order.
    pub(crate) fn resolved(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        let doc = Document::parse(text);
        resolve(g, &doc, find(g, &doc))
            .into_iter()
            .map(|r| {
                let surface = text[r.mention.start..r.mention.end].to_string();
                (surface, g.place(r.place).name.clone())
            })
            .collect()
    }

    /// Whether `text` resolves the spelling `surface` to a place in `oblast`.
    fn resolves_into(g: &Gazetteer, text: &str, surface: &str, oblast: &str) -> bool {
        let doc = Document::parse(text);
        resolve(g, &doc, find(g, &doc)).iter().any(|r| {
            &text[r.mention.start..r.mention.end] == surface
                && g.place(r.place).oblast.as_deref() == Some(oblast)
        })
    }

    const KYIV: Row = (
        "Kyiv",
        "capital",
        (30.52, 50.45),
        "Kyiv City",
        2_900_000,
        &[],
    );

    #[test]
    fn a_dateline_is_no_anchor_for_distance() {
        let g = fixture(&[
            KYIV,
            (
                "Zarichka",
                "village",
                (37.8, 48.5),
                "Donetsk Oblast",
                300,
                &[],
            ),
        ]);
        let text = "KYIV, Aug 28 (Reuters) - Ukrainian forces liberated Zarichka.";
        assert!(resolved(&g, text).iter().any(|(_, p)| p == "Zarichka"));
        let anchored = "Officials in Kyiv said Ukrainian forces liberated Zarichka.";
        assert!(!resolved(&g, anchored).iter().any(|(_, p)| p == "Zarichka"));
    }

    #[test]
    fn another_spelling_of_an_anchor_names_the_anchor() {
        let g = fixture(&[
            (
                "Lyman",
                "city",
                (37.81, 48.99),
                "Donetsk Oblast",
                20_066,
                &["Liman", "Krasny Liman"],
            ),
            (
                "Krasnyi Lyman",
                "village",
                (38.97, 48.72),
                "Luhansk Oblast",
                500,
                &[],
            ),
        ]);
        let found = resolved(
            &g,
            "Russians defend Liman. Fighting goes on near Krasny Liman.",
        );
        assert!(
            found.contains(&("Krasny Liman".into(), "Lyman".into())),
            "{found:?}"
        );
    }

    /// Villages north of Kharkiv, and a bigger Petrivka beside Kramatorsk.
    const LIST: &[Row] = &[
        (
            "Kharkiv",
            "city",
            (36.25, 49.98),
            "Kharkiv Oblast",
            1_400_000,
            &[],
        ),
        (
            "Kramatorsk",
            "city",
            (37.57, 48.73),
            "Donetsk Oblast",
            150_000,
            &[],
        ),
        (
            "Petrivka",
            "settlement",
            (37.56, 48.72),
            "Donetsk Oblast",
            9_000,
            &[],
        ),
        (
            "Petrivka",
            "village",
            (36.07, 50.37),
            "Kharkiv Oblast",
            300,
            &[],
        ),
        ("Lypky", "village", (36.0, 50.4), "Kharkiv Oblast", 300, &[]),
        (
            "Ternova",
            "village",
            (36.1, 50.35),
            "Kharkiv Oblast",
            300,
            &[],
        ),
        ("Udy", "village", (36.05, 50.39), "Kharkiv Oblast", 300, &[]),
        (
            "Ridne",
            "village",
            (36.15, 50.3),
            "Kharkiv Oblast",
            300,
            &[],
        ),
        (
            "Kostiantynivka",
            "city",
            (37.71, 48.53),
            "Donetsk Oblast",
            67_000,
            &[],
        ),
        (
            "Kostiantynivka",
            "village",
            (30.0, 46.5),
            "Odesa Oblast",
            300,
            &[],
        ),
    ];

    #[test]
    fn a_list_member_takes_the_homonym_among_its_list_mates() {
        let g = fixture(LIST);
        let text = "Kramatorsk is calm. Near Kharkiv the enemy shelled Lypky, Ternova, Udy, Ridne and Petrivka.";
        assert!(resolves_into(&g, text, "Petrivka", "Kharkiv Oblast"));
    }

    #[test]
    fn a_village_named_by_an_alternate_is_kept_beside_two_list_mates() {
        let mut rows = LIST.to_vec();
        rows.push((
            "Tsyrkuny",
            "village",
            (36.12, 50.33),
            "Kharkiv Oblast",
            300,
            &["Cirkuny"],
        ));
        let g = fixture(&rows);
        let text = "Kramatorsk is calm. Near Kharkiv the enemy shelled Lypky, Ternova and Cirkuny.";
        assert!(resolves_into(&g, text, "Cirkuny", "Kharkiv Oblast"));
    }

    #[test]
    fn names_each_called_a_village_form_a_list() {
        let g = fixture(LIST);
        let text = "Kramatorsk is calm. Near Kharkiv the enemy shelled the village of Lypky, \
                    the village of Ternova, the village of Udy and the village of Petrivka.";
        assert!(resolves_into(&g, text, "Petrivka", "Kharkiv Oblast"));
    }

    #[test]
    fn a_list_member_far_from_its_clustered_list_mates_is_dropped() {
        let g = fixture(LIST);
        let text = "Near Kharkiv the enemy shelled Lypky, Ternova, Udy, Ridne and Kostiantynivka.";
        let found = resolved(&g, text);
        assert!(
            !found.iter().any(|(s, _)| s == "Kostiantynivka"),
            "{found:?}"
        );
        assert_eq!(found.len(), 5, "{found:?}");
    }

    #[test]
    fn items_of_a_bulleted_list_are_list_mates() {
        let g = fixture(LIST);
        let text = "Kramatorsk is calm. Evacuation near Kharkiv:\n- the village of Lypky,\n\
                    - the village of Petrivka,\n- the village of Ternova.";
        assert!(resolves_into(&g, text, "Petrivka", "Kharkiv Oblast"));
    }

    #[test]
    fn names_joined_by_a_hyphen_are_list_mates() {
        let g = fixture(&[
            (
                "Siversk",
                "city",
                (38.10, 48.86),
                "Donetsk Oblast",
                11_000,
                &["Seversk"],
            ),
            (
                "Bakhmut",
                "city",
                (38.0, 48.59),
                "Donetsk Oblast",
                80_000,
                &["Artemovsk"],
            ),
            (
                "Kypuche",
                "city",
                (38.73, 48.44),
                "Luhansk Oblast",
                7_000,
                &["Artemovsk"],
            ),
            (
                "Luhansk Oblast",
                "oblast",
                (39.0, 48.9),
                "Luhansk Oblast",
                0,
                &[],
            ),
        ]);
        let text = "Troops held the Seversk-Artemovsk highway and shelled the Luhansk region.";
        assert!(resolves_into(&g, text, "Artemovsk", "Donetsk Oblast"));
    }
}
