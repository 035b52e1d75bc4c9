//! Choosing one place for each mention among its homonyms, and dropping mentions that are not
//! places after all. Evidence, strongest first: the framing of the mention ("X region", "the
//! city of X"), the regions the article names, nearness to the article's unambiguous places
//! (its anchors), then kind and population. A small village whose name is also a common word,
//! a sentence's first word or only a historical alternate needs such support to count.

use crate::gazetteer::{Gazetteer, NameRef, PlaceId, PlaceType};
use crate::mentions::{in_one_list, Framing, Mention};
use crate::names::fold_name;
use crate::report::Kind;
use crate::text::Document;
use crate::words::WordSet;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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

fn type_weight(t: PlaceType) -> f64 {
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
        PlaceType::City | PlaceType::ForeignCity => r.primary || p.population >= 20_000,
        PlaceType::Town => r.primary && p.population >= 5_000,
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

    let named_oblasts: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.framing == Framing::Region)
        .filter_map(|m| gazetteer.place(m.candidates[0].place).oblast.as_deref())
        .collect();
    let oblasts_by_sentence: HashSet<(usize, &str)> = mentions
        .iter()
        .filter(|m| m.framing == Framing::Region)
        .filter_map(|m| {
            Some((
                m.sentence,
                gazetteer.place(m.candidates[0].place).oblast.as_deref()?,
            ))
        })
        .collect();

    // Each mention's spelling, folded and numbered; each distinct spelling is folded once.
    let mut key_by_surface: HashMap<&str, usize> = HashMap::default();
    let mut key_index: HashMap<String, usize> = HashMap::default();
    let key_ids: Vec<usize> = mentions
        .iter()
        .map(|m| {
            let surface = &doc.text[m.start..m.end];
            *key_by_surface.entry(surface).or_insert_with(|| {
                let next = key_index.len();
                *key_index.entry(fold_name(surface)).or_insert(next)
            })
        })
        .collect();
    // Anchors: mentions whose best reading is prominent. Each anchor place remembers the
    // spellings that named it, so that a name never supports its own homonyms.
    let mut anchors: HashMap<PlaceId, (GeoPoint, HashSet<usize>)> = HashMap::default();
    for (m, &key) in mentions.iter().zip(&key_ids) {
        if let Some(best) = best_prominent(gazetteer, m) {
            let p = gazetteer.place(best.place);
            if in_theatre(p) && !m.metonym {
                anchors
                    .entry(best.place)
                    .or_insert((GeoPoint::new((p.lon, p.lat)), HashSet::default()))
                    .1
                    .insert(key);
            }
        }
    }
    // What a candidate's score owes to its place and the mention's spelling alone — the base
    // score, support from the article's regions, and (in the theatre) from nearness to the
    // anchors — worked out once per spelling and place.
    let mut fixed_cache: HashMap<(NameRef, usize), (f64, f64, Option<f64>)> = HashMap::default();
    let half_km = (0.5 / (2.0 * GeoPoint::EARTH_RADIUS_KM)).sin().powi(2);
    let mut fixed_part = |r: NameRef, key: usize| -> (f64, f64, Option<f64>) {
        *fixed_cache.entry((r, key)).or_insert_with(|| {
            let p = gazetteer.place(r.place);
            let regions = match p.oblast.as_deref() {
                Some(o) if named_oblasts.contains(o) => 3.0,
                _ => 0.0,
            };
            let nearness = in_theatre(p).then(|| {
                // The nearest anchor more than half a kilometre away (not the place itself),
                // compared by haversines: one arcsine for the lot.
                let here = GeoPoint::new((p.lon, p.lat));
                let nearest = anchors
                    .iter()
                    .filter(|(_, (_, names))| names.iter().any(|n| *n != key))
                    .map(|(_, (anchor, _))| anchor.haversine(here))
                    .filter(|&h| h > half_km)
                    .fold(None, |best: Option<f64>, h| {
                        Some(best.map_or(h, |b| b.min(h)))
                    })
                    .map_or(f64::INFINITY, GeoPoint::km_of);
                // Front-line reports name places close together: 8.2 at 10 km, 4.5 at 40 km.
                10.0 * (-nearest / 50.0).exp()
            });
            (base_score(gazetteer, r), regions, nearness)
        })
    };

    // "Andriivka south of Bakhmut", "Stepove near Avdiivka": the place that locates a mention.
    let locators: Vec<Option<GeoPoint>> = (0..mentions.len())
        .map(|k| {
            let next = mentions.get(k + 1)?;
            let m = &mentions[k];
            let gap = m.end_token..next.first_token;
            let located = next.sentence == m.sentence
                && gap.len() <= 4
                && gap.clone().any(|t| LOCATOR_WORDS.contains(doc.tok(t)));
            if !located {
                return None;
            }
            let best = best_prominent(gazetteer, next)?;
            let p = gazetteer.place(best.place);
            in_theatre(p).then(|| GeoPoint::new((p.lon, p.lat)))
        })
        .collect();

    // Each candidate of mention `k` with its score and the support in it, into `scored`.
    let mut score_candidates = |k: usize, scored: &mut Vec<(NameRef, f64, f64)>| {
        let m = &mentions[k];
        scored.clear();
        scored.extend(m.candidates.iter().map(|&r| {
            let (mut s, mut support, nearness) = fixed_part(r, key_ids[k]);
            let p = gazetteer.place(r.place);
            if let Some(o) = p.oblast.as_deref() {
                if oblasts_by_sentence.contains(&(m.sentence, o)) {
                    support += 6.0;
                }
            }
            if let Some(nearness) = nearness {
                support += nearness;
                if let Some(at) = locators[k] {
                    support += 12.0 * (-at.km_to(GeoPoint::new((p.lon, p.lat))) / 25.0).exp();
                }
            }
            s += support;
            (r, s, support)
        }));
    };

    let mut chosen: Vec<Option<PlaceId>> = vec![None; mentions.len()];
    let mut scored = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        score_candidates(k, &mut scored);
        let Some(&(best, _, support)) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
            continue;
        };
        if accept(gazetteer, doc, m, best, support, !anchors.is_empty()) {
            chosen[k] = Some(best.place);
        }
    }
    support_from_list_mates(gazetteer, doc, &mentions, &mut chosen);

    // Second look at homonyms in lists: the members of a list lie close together, so a
    // candidate near the chosen list-mates wins ("Ternova, Rubizhne, Ruski Tyshky": the village
    // Rubizhne near Kharkiv, not the city in Luhansk oblast).
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if chosen[k].is_none() || m.candidates.len() < 2 || m.framing == Framing::Region {
            continue;
        }
        let mates: Vec<(f64, f64)> = list_mates(doc, &mentions, k)
            .into_iter()
            .filter_map(|j| chosen[j])
            .map(|p| gazetteer.place(p))
            .filter(|p| in_theatre(p))
            .map(|p| (p.lon, p.lat))
            .collect();
        if mates.is_empty() {
            continue;
        }
        score_candidates(k, &mut scored);
        let rescored = scored.iter().map(|&(r, s, support)| {
            let p = gazetteer.place(r.place);
            let near = mates
                .iter()
                .map(|&q| distance_km(q, (p.lon, p.lat)))
                .fold(f64::INFINITY, f64::min);
            let bonus = if in_theatre(p) {
                12.0 * (-near / 30.0).exp()
            } else {
                0.0
            };
            (r, s + bonus, support + bonus)
        });
        if let Some((best, _, support)) = rescored.max_by(|a, b| a.1.total_cmp(&b.1)) {
            if Some(best.place) != chosen[k]
                && accept(gazetteer, doc, m, best, support, !anchors.is_empty())
            {
                chosen[k] = Some(best.place);
            }
        }
    }
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

/// A village left out for want of support is kept when it stands in a list beside a place that
/// was kept and one of its homonyms lies near that place: "the areas of Ternova, Rubizhne and
/// Ruski Tyshky" once Ternova is known.
fn support_from_list_mates(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &[Mention],
    chosen: &mut [Option<PlaceId>],
) {
    const LIST_MATE_KM: f64 = 40.0;
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
        + (p.population as f64 + 1.0).log10() * 0.8
        // A current name beats a historical or foreign alternate of a bigger place: "Lysivka"
        // is the village, not the town once called so.
        + if r.primary { 1.5 } else { -2.5 }
        // Between otherwise equal readings, Ukraine's place: a village, not its namesake (of no
        // known population either) across the border.
        + if p.country.as_deref() == Some("UA") { 0.1 } else { 0.0 }
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
    if CAPITALISED_WORDS.contains(surface) && p.kind == Kind::Settlement && p.population < 1_000_000
    {
        return false;
    }
    if m.framing == Framing::Region || p.kind != Kind::Settlement {
        return !(m.common_word && m.sentence_initial && p.kind == Kind::Other);
    }
    // A short word in capitals is an acronym or a code ("ROM"), not a town.
    if surface.len() <= 4 && surface.chars().all(|c| !c.is_lowercase()) && !m.dateline {
        return false;
    }
    // A common word is a place only under the place's own name ("Being" is not Beijing).
    if m.common_word && !best.primary {
        return false;
    }
    let all_caps = !surface.chars().any(char::is_lowercase);
    let doubtful_word = m.common_word && (p.population < 50_000 || m.sentence_initial || all_caps);
    if is_prominent(gazetteer, best) && !doubtful_word {
        return true;
    }
    let framed = m.framing == Framing::Settlement;
    if m.common_word && !framed {
        return false;
    }
    // "Progress", "Marine": a village named like an English word needs the text to call it a
    // village, or strong support and a place inside a sentence.
    if p.english_word && !framed && (m.sentence_initial || support < 6.0) {
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
            3.0
        } else {
            6.0
        };
        return framed && support >= 3.0 || support >= needed;
    }
    if m.sentence_initial && !framed && support < 3.0 {
        return false;
    }
    // A village with no namesake is still far-fetched when the article's places lie 150 km or
    // more from it and no region it is in is named.
    framed || support >= 3.0 || (homonyms == 1 && (support >= 0.5 || !anchored))
}
