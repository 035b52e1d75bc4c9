//! The reported status of each place, decided from the cue words of the sentences that mention
//! it: "liberated", "withdrawal of Russian troops from X" (liberated), "occupied", "captured by
//! Russian forces" (occupied), "fighting near", "entered", "encircled" (contested), "shelled",
//! "missile strike" (attacked), "evacuation" (evacuated); otherwise mentioned. Cues that depend
//! on who acts (capture, withdrawal, "liberate" in the Russian side's mouth) look for the side
//! in the clause and in the speaker. "The city"/"the town" refers to the place named just before.
//! Every decision keeps a one-sentence reason and who reports it.

use crate::gazetteer::{Gazetteer, PlaceId};
use crate::mentions::Framing;
use crate::report::{Evidence, Kind, Report, ReportedPlace, Status};
use crate::resolve::Resolved;
use crate::text::{Document, TokenKind};
use crate::words::WordSet;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, OnceLock};

/// What a cue word says, before the actor's side is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// liberated, retook, freed: liberated (occupied when the Russian side says it).
    Liberate,
    /// captured, seized, took control: depends on who took it.
    Capture,
    /// withdrew, retreated, fled: the side that left loses it.
    Withdraw,
    /// occupied, under Russian control, Russian-held.
    Occupied,
    /// hold, held: occupied when Russian forces hold it, contested when Ukrainian forces do.
    Hold,
    Contested,
    Attacked,
    Evacuated,
    /// "kilometers from X", "the road to X": X is a reference point.
    Reference,
}

/// Cue phrases (lower case, words separated by spaces; a trailing `*` matches any ending).
const CUES: &[(&str, Cue)] = &[
    ("liberat*", Cue::Liberate),
    ("freed", Cue::Liberate),
    ("frees", Cue::Liberate),
    ("retook", Cue::Liberate),
    ("retake*", Cue::Liberate),
    ("retaken", Cue::Liberate),
    ("re taken", Cue::Liberate),
    ("re took", Cue::Liberate),
    ("recapture*", Cue::Liberate),
    ("regain*", Cue::Liberate),
    ("took back", Cue::Liberate),
    ("taken back", Cue::Liberate),
    ("take back", Cue::Liberate),
    ("de occupied", Cue::Liberate),
    ("deoccupied", Cue::Liberate),
    ("flag was raised", Cue::Liberate),
    ("raised the flag", Cue::Liberate),
    ("raised a flag", Cue::Liberate),
    ("raising the flag", Cue::Liberate),
    ("raising a flag", Cue::Liberate),
    ("raising the ukrainian flag", Cue::Liberate),
    ("raised the ukrainian flag", Cue::Liberate),
    ("hands of the armed forces of ukraine", Cue::Liberate),
    ("back under ukrainian control", Cue::Liberate),
    ("under ukrainian control", Cue::Liberate),
    ("captur*", Cue::Capture),
    ("seize*", Cue::Capture),
    ("seizing", Cue::Capture),
    ("took control", Cue::Capture),
    ("taken control", Cue::Capture),
    ("take control", Cue::Capture),
    ("full control", Cue::Capture),
    ("control over", Cue::Capture),
    ("control of", Cue::Capture),
    ("control the", Cue::Capture),
    ("control", Cue::Capture),
    ("controls", Cue::Capture),
    ("controlled", Cue::Capture),
    ("took over", Cue::Capture),
    ("taken over", Cue::Capture),
    ("fell", Cue::Capture),
    ("fall of", Cue::Capture),
    ("conquer*", Cue::Capture),
    ("annex*", Cue::Occupied),
    ("occupied", Cue::Occupied),
    ("occupy", Cue::Occupied),
    ("occupies", Cue::Occupied),
    ("hold", Cue::Hold),
    ("holds", Cue::Hold),
    ("held", Cue::Hold),
    ("holding", Cue::Hold),
    ("occupation of", Cue::Occupied),
    ("under russian control", Cue::Occupied),
    ("russian held", Cue::Occupied),
    ("russian occupied", Cue::Occupied),
    ("held by russia*", Cue::Occupied),
    ("in russian hands", Cue::Occupied),
    ("withdr*", Cue::Withdraw),
    ("retreat*", Cue::Withdraw),
    ("fled", Cue::Withdraw),
    ("flee*", Cue::Withdraw),
    ("pulled out", Cue::Withdraw),
    ("pulled back", Cue::Withdraw),
    ("pull back", Cue::Withdraw),
    ("pulling back", Cue::Withdraw),
    ("pull out", Cue::Withdraw),
    ("pullout", Cue::Withdraw),
    ("left", Cue::Withdraw),
    ("leave", Cue::Withdraw),
    ("abandon*", Cue::Withdraw),
    ("regroup*", Cue::Withdraw),
    ("lost control", Cue::Withdraw),
    ("lose control", Cue::Withdraw),
    ("fighting", Cue::Contested),
    ("fight for", Cue::Contested),
    ("fights", Cue::Contested),
    ("fought", Cue::Contested),
    ("fight", Cue::Contested),
    ("battle*", Cue::Contested),
    ("clash*", Cue::Contested),
    ("encircl*", Cue::Contested),
    ("semi encircled", Cue::Contested),
    ("surrounded", Cue::Contested),
    ("surround", Cue::Contested),
    ("assault*", Cue::Contested),
    ("storm*", Cue::Contested),
    ("offensive", Cue::Contested),
    ("counteroffensive", Cue::Contested),
    ("counter offensive", Cue::Contested),
    ("advanc*", Cue::Contested),
    ("approach*", Cue::Contested),
    ("entered", Cue::Contested),
    ("enter", Cue::Contested),
    ("entering", Cue::Contested),
    ("enters", Cue::Contested),
    ("outskirts", Cue::Contested),
    ("repelled", Cue::Contested),
    ("counterattack*", Cue::Contested),
    ("counter attack*", Cue::Contested),
    ("repulsed", Cue::Contested),
    ("repel*", Cue::Contested),
    ("attacks were", Cue::Contested),
    ("attacked the positions", Cue::Contested),
    ("push toward*", Cue::Contested),
    ("pushing toward*", Cue::Contested),
    ("moving toward*", Cue::Contested),
    ("moving north", Cue::Contested),
    ("moving south", Cue::Contested),
    ("moving east", Cue::Contested),
    ("moving west", Cue::Contested),
    ("defend*", Cue::Contested),
    ("besieg*", Cue::Contested),
    ("siege of", Cue::Contested),
    ("attacking", Cue::Contested),
    ("engagement*", Cue::Contested),
    ("engaged", Cue::Contested),
    ("defeated", Cue::Contested),
    ("dislodge", Cue::Contested),
    ("inflicted losses", Cue::Contested),
    ("shell*", Cue::Attacked),
    ("struck", Cue::Attacked),
    ("strike*", Cue::Attacked),
    ("airstrike*", Cue::Attacked),
    ("missile*", Cue::Attacked),
    ("drone*", Cue::Attacked),
    ("bomb*", Cue::Attacked),
    ("rocket*", Cue::Attacked),
    ("artillery", Cue::Attacked),
    ("explosion*", Cue::Attacked),
    ("blast*", Cue::Attacked),
    ("hit by", Cue::Attacked),
    ("was hit", Cue::Attacked),
    ("were hit", Cue::Attacked),
    ("attack on", Cue::Attacked),
    ("attacks on", Cue::Attacked),
    ("attacked", Cue::Attacked),
    ("attack", Cue::Attacked),
    ("attacks", Cue::Attacked),
    ("power outage", Cue::Attacked),
    ("blackout*", Cue::Attacked),
    ("fired upon", Cue::Attacked),
    ("under fire", Cue::Attacked),
    ("killed", Cue::Attacked),
    ("wounded", Cue::Attacked),
    ("damaged", Cue::Attacked),
    ("destroyed", Cue::Attacked),
    ("evacuat*", Cue::Evacuated),
    ("kilometers", Cue::Reference),
    ("kilometres", Cue::Reference),
    ("km", Cue::Reference),
    ("miles", Cue::Reference),
    ("road to", Cue::Reference),
    ("highway", Cue::Reference),
    ("border between", Cue::Reference),
    ("born in", Cue::Reference),
    ("north of", Cue::Reference),
    ("south of", Cue::Reference),
    ("east of", Cue::Reference),
    ("west of", Cue::Reference),
    ("northeast of", Cue::Reference),
    ("northwest of", Cue::Reference),
    ("southeast of", Cue::Reference),
    ("southwest of", Cue::Reference),
    ("based in", Cue::Reference),
    ("taken out of", Cue::Evacuated),
    ("relocat*", Cue::Evacuated),
    ("pushed out", Cue::Withdraw),
    ("push out", Cue::Withdraw),
    ("driven out", Cue::Withdraw),
    ("drove out", Cue::Withdraw),
    ("forced out", Cue::Withdraw),
    ("kicked out", Cue::Withdraw),
    ("out of", Cue::Withdraw),
    ("troops in", Cue::Contested),
    ("forces in", Cue::Contested),
    ("soldiers in", Cue::Contested),
    ("units in", Cue::Contested),
    ("fighting for control", Cue::Contested),
    ("fight for control", Cue::Contested),
    ("battle for control", Cue::Contested),
    ("battles for control", Cue::Contested),
    ("struggle for control", Cue::Contested),
    ("positions near", Cue::Contested),
    ("positions in", Cue::Contested),
    ("positions around", Cue::Contested),
];

/// Cue words that are no cue before one of these words: "the left bank", "what is left of",
/// "artillery units", "attack aircraft".
const NOT_CUES_BEFORE: &[(&str, &[&str])] = &[
    (
        "left",
        &[
            "bank", "flank", "side", "behind", "hand", "wing", "of", "over",
        ],
    ),
    (
        "artillery",
        &[
            "of",
            "units",
            "unit",
            "brigade",
            "battalion",
            "systems",
            "pieces",
            "crews",
        ],
    ),
    (
        "attack",
        &[
            "aircraft",
            "helicopter",
            "helicopters",
            "jets",
            "planes",
            "submarine",
            "group",
            "groups",
        ],
    ),
];

/// How many tokens around a mention are looked at for cues, lists and sides.
const WINDOW: usize = 40;

/// Words that name the Russian side.
static RUSSIAN_SIDE: WordSet = WordSet::new(&[
    "russian",
    "russians",
    "russia",
    "moscow",
    "kremlin",
    "occupiers",
    "occupying",
    "invaders",
    "invading",
    "enemy",
    "pro russian",
    "pro russians",
    "separatists",
    "separatist",
    "wagner",
    "rashists",
    "orcs",
    "dpr",
    "lpr",
    "putin",
    "rashist",
    "invader",
    "occupier",
    "russia's",
]);
/// Words that name the Ukrainian side.
static UKRAINIAN_SIDE: WordSet = WordSet::new(&[
    "ukrainian",
    "ukrainians",
    "ukraine",
    "kyiv",
    "kiev",
    "zsu",
    "afu",
    "defenders",
    "sbu",
    "our",
    "ukraine's",
    "kyiv's",
    "kiev's",
]);

/// Words that may follow a conjunction inside a list of places.
const LIST_FILLERS: &[&str] = &[
    "the",
    "whole",
    "entire",
    "of",
    "village",
    "villages",
    "town",
    "towns",
    "settlement",
    "settlements",
    "city",
    "cities",
    "nearby",
];

/// People who are not soldiers.
const CIVILIANS: &[&str] = &[
    "residents",
    "civilians",
    "people",
    "families",
    "children",
    "locals",
    "inhabitants",
    "refugees",
    "thousands",
    "hundreds",
];

/// Nouns for places: a side word before one describes the place ("the Russian town").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "villages",
    "region",
    "territory",
    "border",
    "soil",
    "side",
    "settlement",
    "settlements",
    "towns",
    "cities",
    "bank",
];

/// Auxiliary verbs: one in a phrase makes it a clause.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
];

/// Words between a cue and a place that put the cue beside the place rather than on it.
static NEAR_WORDS: WordSet = WordSet::new(&[
    "near",
    "along",
    "around",
    "outside",
    "nearby",
    "close",
    "areas",
    "area",
    "vicinity",
    "surrounding",
    "towards",
    "toward",
    "west",
    "east",
    "north",
    "south",
    "southeast",
    "southwest",
    "northeast",
    "northwest",
]);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Russian,
    Ukrainian,
}

/// The status one mention gives its place.
#[derive(Clone, Debug)]
struct MentionStatus {
    status: Status,
    /// 2: a direct cue; 1: beside the place, in the past, or through "the city".
    strength: u8,
    reason: String,
}

/// A cue found in a sentence: token range and meaning.
#[derive(Clone, Copy, Debug)]
struct CueAt {
    first: usize,
    end: usize,
    cue: Cue,
    /// Start of the quotation the cue stands in, if any.
    quote: Option<usize>,
}

/// One place's mention, real or through "the city".
struct PlaceMention {
    place: PlaceId,
    first_token: usize,
    end_token: usize,
    start: usize,
    end: usize,
    sentence: usize,
    coreference: bool,
    /// A "the city" reference to a place named earlier in the same sentence: as sure as the name.
    antecedent_in_sentence: bool,
    metonym: bool,
    framing: Framing,
    /// The place is in Ukraine.
    domestic: bool,
    /// The place is a region (an oblast, a historical region), which locates places within it.
    region: bool,
    /// The side the name stands for when it names a country or a government ("Russia",
    /// "Kiev’s forces"); such names are actors, not places, for the cue words around them.
    side: Option<Side>,
}

/// The article speaks in the Russian side's terms ("the Kiev regime", "the special military
/// operation", "people's militia"): its bare "liberated" means taken by Russian forces.
fn has_russian_framing(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "kiev regime",
        "kyiv regime",
        "special military operation",
        "people's militia",
        "people’s militia",
        "neo-nazi",
        "neonazi",
        "ukrainian nationalists",
        "nationalist formations",
        "armed formations of ukraine",
        "denazification",
    ];
    let lower = text.to_ascii_lowercase();
    PHRASES.iter().any(|p| lower.contains(p))
}

/// The side a country or a metonymic capital stands for.
fn place_side(gazetteer: &Gazetteer, r: &Resolved) -> Option<Side> {
    let p = gazetteer.place(r.place);
    if p.kind != Kind::Country && !r.mention.metonym {
        return None;
    }
    match p.country.as_deref() {
        Some("RU") => Some(Side::Russian),
        Some("UA") => Some(Side::Ukrainian),
        _ => None,
    }
}

/// The top-level entry point for status: the report of all resolved mentions.
pub fn report(gazetteer: &Gazetteer, doc: &Document, resolved: &[Resolved]) -> Report {
    let mut mentions: Vec<PlaceMention> = resolved
        .iter()
        .map(|r| PlaceMention {
            place: r.place,
            first_token: r.mention.first_token,
            end_token: r.mention.end_token,
            start: r.mention.start,
            end: r.mention.end,
            sentence: r.mention.sentence,
            coreference: false,
            antecedent_in_sentence: false,
            metonym: r.mention.metonym || r.mention.dateline,
            framing: r.mention.framing,
            domestic: gazetteer.place(r.place).country.as_deref() == Some("UA"),
            region: gazetteer.place(r.place).kind == Kind::Region,
            side: place_side(gazetteer, r),
        })
        .collect();
    mentions.extend(coreferences(gazetteer, doc, &mentions));
    mentions.sort_by_key(|m| m.start);

    let attributions: Attributions = mentions
        .iter()
        .map(|m| m.sentence)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|s| (s, doc.attribution(s)))
        .collect();
    let russian_source = has_russian_framing(doc.text);
    // Mentions come in article order, so the cues of one sentence are found once and kept while
    // its mentions are read.
    let mut cues: Vec<CueAt> = Vec::new();
    let mut cues_of: Option<usize> = None;
    let mut scratch = Scratch::default();
    let mut order: Vec<PlaceId> = Vec::new();
    let mut by_place: HashMap<PlaceId, Vec<(usize, Option<MentionStatus>)>> = HashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        if !by_place.contains_key(&m.place) {
            if m.coreference {
                continue;
            }
            order.push(m.place);
        }
        if cues_of != Some(m.sentence) {
            find_cues(doc, m.sentence, &mut scratch.words, &mut cues);
            cues_of = Some(m.sentence);
        }
        // Countries act rather than suffer in war reports; rivers and seas only locate things.
        let locatable = matches!(
            gazetteer.place(m.place).kind,
            Kind::Settlement | Kind::Region
        );
        // "the Lyman direction", "the Kharkiv axis", "the Kupiansk-Svatove-Kreminna line": a
        // line of the front named after towns.
        let axis = word_in(
            doc,
            after_hyphenated_names(doc, m.end_token),
            &["direction", "directions", "axis", "sector", "front", "line"],
        );
        let st = if m.metonym || !locatable || axis {
            None
        } else {
            mention_status(
                doc,
                russian_source,
                &attributions,
                &mentions,
                k,
                &cues,
                &mut scratch,
            )
        };
        by_place.entry(m.place).or_default().push((k, st));
    }

    let mut shared = SharedText::default();
    let places = order
        .into_iter()
        .map(|id| {
            let entries = by_place.remove(&id).unwrap_or_default();
            build_place(
                gazetteer,
                doc,
                &attributions,
                &mut shared,
                id,
                &mentions,
                entries,
            )
        })
        .collect();
    Report { places }
}

fn build_place(
    gazetteer: &Gazetteer,
    doc: &Document,
    attributions: &Attributions,
    shared: &mut SharedText,
    id: PlaceId,
    mentions: &[PlaceMention],
    entries: Vec<(usize, Option<MentionStatus>)>,
) -> ReportedPlace {
    let place = gazetteer.place(id);
    let best = entries
        .iter()
        .filter_map(|(k, st)| st.as_ref().map(|s| (*k, s)))
        .max_by_key(|(k, s)| (s.strength, priority(s.status), *k))
        .map(|(k, s)| {
            // Both sides reported in control, equally surely: the place is divided or disputed.
            let top = s.strength;
            let claims = |wanted: Status| {
                entries.iter().any(|(_, st)| {
                    st.as_ref()
                        .is_some_and(|t| t.strength == top && t.status == wanted)
                })
            };
            if claims(Status::Liberated) && claims(Status::Occupied) {
                let reason = format!(
                    "Contested: both sides are reported in control — {}",
                    s.reason
                );
                (k, Status::Contested, reason)
            } else {
                (k, s.status, s.reason.clone())
            }
        });
    let metonym_only = entries
        .iter()
        .all(|(k, _)| mentions[*k].metonym || mentions[*k].coreference);
    let mut forms: Vec<String> = Vec::new();
    let mut evidence = Vec::with_capacity(entries.len());
    for (k, st) in entries {
        let m = &mentions[k];
        let form = &doc.text[m.start..m.end];
        if !m.coreference && !forms.iter().any(|f| f == form) {
            forms.push(form.to_string());
        }
        let mut e = evidence_of(doc, attributions, shared, m);
        if let Some(st) = st {
            e.status = Some(st.status);
            e.reason = Some(st.reason);
        }
        evidence.push(e);
    }
    let (status, reason, claimed_by) = match best {
        Some((k, status, reason)) => (
            status,
            reason,
            speaker_of(doc, attributions, &mentions[k]).map(str::to_string),
        ),
        None if metonym_only => (
            Status::Mentioned,
            "Named for its government or army, not as a place where something happened."
                .to_string(),
            None,
        ),
        None => (
            Status::Mentioned,
            "Named without a report of fighting, control, attack or evacuation there.".to_string(),
            None,
        ),
    };
    ReportedPlace {
        name: place.name.clone(),
        geonameid: place.geonameid,
        kind: place.kind,
        lon: place.lon,
        lat: place.lat,
        oblast: place.oblast.clone(),
        status,
        reason,
        claimed_by,
        forms,
        mentions: evidence,
    }
}

fn priority(s: Status) -> u8 {
    match s {
        Status::Liberated | Status::Occupied => 5,
        Status::Evacuated => 4,
        Status::Contested => 3,
        Status::Attacked => 2,
        Status::Mentioned => 0,
    }
}

/// Who each sentence that mentions a place attributes its report to, computed once.
type Attributions<'a> = HashMap<usize, Option<&'a str>>;

/// Slices of the article made shareable once: the mentions of one sentence, one quotation or
/// one speaker hold the same text.
#[derive(Default)]
struct SharedText {
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

fn evidence_of(
    doc: &Document,
    attributions: &Attributions,
    shared: &mut SharedText,
    m: &PlaceMention,
) -> Evidence {
    let s = doc.sentences[m.sentence];
    let (sentence_start, sentence_end) = excerpt(doc.text, s.start..s.end, m.start..m.end);
    let quote = doc.quote_at(m.start).map(|q| {
        let (start, end) = excerpt(doc.text, q.start..q.end, m.start..m.end);
        shared.get(doc.text[start..end].trim())
    });
    Evidence {
        sentence: shared.get(&doc.text[sentence_start..sentence_end]),
        sentence_start,
        quote,
        speaker: speaker_of(doc, attributions, m).map(|s| shared.get(s)),
        start: m.start,
        end: m.end,
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

fn speaker_of<'a>(
    doc: &Document<'a>,
    attributions: &Attributions<'a>,
    m: &PlaceMention,
) -> Option<&'a str> {
    match doc.quote_at(m.start) {
        Some(q) => q.speaker,
        None => attributions.get(&m.sentence).copied().flatten(),
    }
}

/// "the city", "the strategic eastern town", "the village" (not followed by "of"): the
/// settlement named last, in this sentence or one of the two before.
fn coreferences(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &[PlaceMention],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut next_mention = 0;
    let mut last_settlement: Option<&PlaceMention> = None;
    for i in 0..n {
        while next_mention < mentions.len() && mentions[next_mention].start < doc.tokens[i].start {
            let m = &mentions[next_mention];
            if gazetteer.place(m.place).kind == Kind::Settlement && !m.metonym {
                last_settlement = Some(m);
            }
            next_mention += 1;
        }
        if !doc.is_word(i, "the") {
            continue;
        }
        let Some(noun) = (i + 1..(i + 4).min(n)).find(|&j| {
            ["city", "town", "village", "settlement"]
                .iter()
                .any(|w| doc.is_word(j, w))
        }) else {
            continue;
        };
        if (i + 1..noun).any(|j| {
            doc.tokens[j].kind != TokenKind::Word || !doc.tok(j).chars().all(char::is_lowercase)
        }) {
            continue;
        }
        if doc.is_word(noun + 1, "of")
            || (noun + 1 < n
                && doc.tokens[noun + 1].kind == TokenKind::Word
                && doc
                    .tok(noun + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
        {
            continue;
        }
        let sentence = doc.sentence_of(i);
        if let Some(prev) = last_settlement {
            if prev.sentence + 3 >= sentence && prev.end <= doc.tokens[i].start {
                out.push(PlaceMention {
                    place: prev.place,
                    first_token: i,
                    end_token: noun + 1,
                    start: doc.tokens[i].start,
                    end: doc.tokens[noun].end,
                    sentence,
                    coreference: true,
                    antecedent_in_sentence: prev.sentence == sentence,
                    metonym: false,
                    framing: Framing::Settlement,
                    domestic: prev.domestic,
                    region: false,
                    side: None,
                });
            }
        }
    }
    out
}

/// The token after a chain of hyphen-joined capitalised words starting at `t` with a hyphen
/// ("-Svatove-Kreminna"); `t` itself when there is none.
fn after_hyphenated_names(doc: &Document, t: usize) -> usize {
    let mut t = t;
    while t + 1 < doc.tokens.len()
        && doc.tok(t) == "-"
        && doc.tokens[t].start == doc.tokens[t - 1].end
        && doc.tokens[t + 1].start == doc.tokens[t].end
        && doc.tokens[t + 1].kind == TokenKind::Word
        && doc.tok(t + 1).starts_with(char::is_uppercase)
    {
        t += 2;
    }
    t
}

/// Token `i` exists and is a word equal, ignoring ASCII case, to one of `list`.
fn word_in(doc: &Document, i: usize, list: &[&str]) -> bool {
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && list.iter().any(|w| doc.tok(i).eq_ignore_ascii_case(w))
}

/// One word of a cue phrase: exact, or a prefix (written with a trailing `*`).
#[derive(Clone, Copy)]
struct CueWord {
    text: &'static str,
    prefix: bool,
}

impl CueWord {
    /// Whether `word` matches, ignoring ASCII case.
    fn matches(self, word: &str) -> bool {
        if self.prefix {
            word.len() >= self.text.len()
                && word.as_bytes()[..self.text.len()].eq_ignore_ascii_case(self.text.as_bytes())
        } else {
            word.eq_ignore_ascii_case(self.text)
        }
    }
}

/// The cue phrases, compiled once: each phrase's words, and the phrases by the first two
/// letters of their first word (so a word is compared with the few phrases that can start it).
struct CueMatcher {
    phrases: Vec<(Vec<CueWord>, Cue)>,
    by_first_letters: Vec<Vec<usize>>,
}

/// The slot of a word's first two letters, ASCII letters only, ignoring case (every cue word
/// starts with two of them).
fn first_two(w: &str) -> Option<usize> {
    match w.as_bytes() {
        [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(
            usize::from(a.to_ascii_lowercase() - b'a') * 26
                + usize::from(b.to_ascii_lowercase() - b'a'),
        ),
        _ => None,
    }
}

fn cue_matcher() -> &'static CueMatcher {
    static MATCHER: OnceLock<CueMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut m = CueMatcher {
            phrases: Vec::new(),
            by_first_letters: vec![Vec::new(); 26 * 26],
        };
        for (i, (phrase, cue)) in CUES.iter().enumerate() {
            let words: Vec<CueWord> = phrase
                .split(' ')
                .map(|w| match w.strip_suffix('*') {
                    Some(p) => CueWord {
                        text: p,
                        prefix: true,
                    },
                    None => CueWord {
                        text: w,
                        prefix: false,
                    },
                })
                .collect();
            let key = first_two(words[0].text).expect("cue words have two letters or more");
            m.by_first_letters[key].push(i);
            m.phrases.push((words, *cue));
        }
        m
    })
}

/// The cues of a sentence, in order, into `cues`; `words` is a buffer for its word tokens.
fn find_cues(doc: &Document, sentence: usize, words: &mut Vec<usize>, cues: &mut Vec<CueAt>) {
    let matcher = cue_matcher();
    let s = doc.sentences[sentence];
    words.clear();
    words.extend((s.first_token..s.end_token).filter(|&i| doc.tokens[i].kind == TokenKind::Word));
    let word = |w: usize| doc.tok(words[w]);
    cues.clear();
    let mut w = 0;
    while w < words.len() {
        let candidates = first_two(word(w)).map(|k| &matcher.by_first_letters[k]);
        let mut matched: Option<(usize, Cue)> = None;
        for &i in candidates.into_iter().flatten() {
            let (parts, cue) = &matcher.phrases[i];
            if w + parts.len() > words.len() {
                continue;
            }
            let ok = parts
                .iter()
                .enumerate()
                .all(|(k, p)| p.matches(word(w + k)));
            if ok && matched.is_none_or(|(len, _)| parts.len() > len) {
                matched = Some((parts.len(), *cue));
            }
        }
        match matched {
            Some((len, cue)) => {
                // "the left bank" and "attack aircraft" are no cues; "out of" is one only after
                // pushing: "pushed Russian units out of Lukashivka".
                let adjective = w + 1 < words.len()
                    && NOT_CUES_BEFORE.iter().any(|(cue_word, nouns)| {
                        word(w).eq_ignore_ascii_case(cue_word)
                            && nouns.iter().any(|n| n.eq_ignore_ascii_case(word(w + 1)))
                    });
                let loose_out_of = word(w).eq_ignore_ascii_case("out")
                    && len == 2
                    && !(w.saturating_sub(4)..w).map(word).any(|p| {
                        [
                            "pushed", "driven", "drove", "forced", "kicked", "thrown", "ousted",
                            "pushing",
                        ]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(p))
                    });
                if !adjective && !loose_out_of {
                    cues.push(CueAt {
                        first: words[w],
                        end: words[w + len - 1] + 1,
                        cue,
                        quote: quotation_of(doc, doc.tokens[words[w]].start),
                    });
                }
                w += len;
            }
            None => w += 1,
        }
    }
}

/// The side a word names, ignoring case and a possessive ending.
fn side_of_word(w: &str) -> Option<Side> {
    let w = ["'s", "’s", "ʼs"]
        .iter()
        .find_map(|p| w.strip_suffix(p))
        .unwrap_or(w);
    if RUSSIAN_SIDE.contains(w) {
        Some(Side::Russian)
    } else if UKRAINIAN_SIDE.contains(w) {
        Some(Side::Ukrainian)
    } else {
        None
    }
}

fn side_of_phrase(phrase: &str) -> Option<Side> {
    let lowered = phrase.to_lowercase().replace('-', " ");
    lowered
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find_map(side_of_word)
}

/// The side acting in the cue at `cue`: the nearest side word in the sentence, preferring the
/// subject before the cue; "by X" and "of X" right after it name the actor too.
fn actor_side(
    doc: &Document,
    sentence: usize,
    cue: &CueAt,
    names: &[(usize, usize, Option<Side>)],
) -> Option<Side> {
    let s = doc.sentences[sentence];
    // (Names are in text order and do not overlap.)
    let name_at = |i: usize| {
        names
            .get(names.partition_point(|&(_, b, _)| b <= i))
            .filter(|&&(a, _, _)| a <= i)
    };
    let mut best: Option<(usize, Side)> = None;
    let lo = s.first_token.max(cue.first.saturating_sub(16));
    let hi = s.end_token.min(cue.end + 16);
    for i in lo..hi {
        if doc.tokens[i].kind != TokenKind::Word || (i >= cue.first && i < cue.end) {
            continue;
        }
        // Place names are not side words, but countries and governments are ("Russia said").
        let side = match name_at(i) {
            Some(&(a, _, side)) if a == i => side,
            Some(_) => None,
            None if doc.is_word(i, "pro") && doc.is_word(i + 2, "russian") => Some(Side::Russian),
            // "the Russian town of Sudzha": an adjective of a place, not an actor.
            None if word_in(doc, i + 1, PLACE_NOUNS) => None,
            None => side_of_word(doc.tok(i)),
        };
        let Some(side) = side else { continue };
        let mut before = i;
        while before > s.first_token + 1
            && word_in(
                doc,
                before - 1,
                &["the", "a", "an", "its", "their", "his", "her"],
            )
        {
            before -= 1;
        }
        if before > s.first_token && is_object_marker(doc.tok(before - 1)) {
            continue;
        }
        // After the cue, only an agent ("by Russian forces") or a nominalisation's subject
        // ("withdrawal of Russian troops") acts.
        if i >= cue.end && !(before > 0 && word_in(doc, before - 1, &["by", "of"])) {
            continue;
        }
        let dist = if i < cue.first {
            cue.first - i
        } else {
            (i - cue.end + 1) + 1
        };
        if dist <= 14 && best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, side));
        }
    }
    best.map(|(_, s)| s)
}

/// A word before a side word that makes that side the object, not the actor: "attacking
/// Russian forces", "against Ukrainian troops".
fn is_object_marker(w: &str) -> bool {
    const MARKERS: &[&str] = &[
        "against",
        "from",
        "with",
        "on",
        "toward",
        "towards",
        "at",
        "to",
        "into",
        "repelled",
        "repulsed",
        "defeated",
        "expelled",
        "drove",
        "killed",
        "captured",
        "encircled",
        "surrounded",
    ];
    MARKERS.iter().any(|m| m.eq_ignore_ascii_case(w))
        || (w.len() > 5
            && w.to_ascii_lowercase().ends_with("ing")
            && !w.eq_ignore_ascii_case("forcing"))
}

/// The words between a cue and a name, summarised: how many, the last two, and whether one
/// names a destination ("to", "for") or puts the cue beside the place ("near", "around").
#[derive(Clone, Copy, Default)]
struct Between<'a> {
    len: usize,
    first: Option<&'a str>,
    second: Option<&'a str>,
    last: Option<&'a str>,
    second_last: Option<&'a str>,
    destination: bool,
    near: bool,
}

impl<'a> Between<'a> {
    fn push(&mut self, w: &'a str) {
        self.len += 1;
        if self.len == 2 {
            self.second = Some(w);
        }
        self.first = self.first.or(Some(w));
        self.second_last = self.last;
        self.last = Some(w);
        self.destination |= ["to", "towards", "toward", "into", "for"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w));
        self.near |= NEAR_WORDS.contains(w);
    }
}

/// Buffers of `mention_status`, reused from mention to mention.
#[derive(Default)]
struct Scratch {
    /// Place names near the mention: token range and the side a country or government stands for.
    names: Vec<(usize, usize, Option<Side>)>,
    /// The names that are places (not countries or governments).
    others: Vec<(usize, usize)>,
    /// Which tokens of the window around the mention belong to other places.
    place_tokens: Vec<bool>,
    /// The names of regions ("the Donetsk region", "Zaporizhzhia Oblast").
    regions: Vec<(usize, usize)>,
    /// The word tokens of the sentence whose cues are being found.
    words: Vec<usize>,
}

/// The status mention `k` gets from the cues of its sentence.
fn mention_status(
    doc: &Document,
    russian_source: bool,
    attributions: &Attributions,
    mentions: &[PlaceMention],
    k: usize,
    cues: &[CueAt],
    scratch: &mut Scratch,
) -> Option<MentionStatus> {
    let m = &mentions[k];
    if m.framing == Framing::Region && cues.is_empty() {
        return None;
    }
    // Other place names near it in the sentence: not counted as distance, and not actors' side
    // words. Only a window around the mention is looked at, so long lists stay linear.
    // (Twice the window for names, so that the list the mention stands in is seen whole.)
    let lo = m.first_token.saturating_sub(2 * WINDOW);
    let hi = m.end_token + 2 * WINDOW;
    let from = mentions.partition_point(|o| o.first_token < lo);
    let Scratch {
        names,
        others,
        place_tokens,
        regions,
        ..
    } = scratch;
    names.clear();
    names.extend(
        mentions[from..]
            .iter()
            .take_while(|o| o.first_token < hi)
            .filter(|o| o.sentence == m.sentence && !o.coreference)
            .map(|o| (o.first_token, o.end_token, o.side)),
    );
    regions.clear();
    regions.extend(
        mentions[from..]
            .iter()
            .take_while(|o| o.first_token < hi)
            .filter(|o| o.sentence == m.sentence && o.region)
            .map(|o| (o.first_token, o.end_token)),
    );
    // Countries and governments act; they are words of the clause, not places in it.
    others.clear();
    others.extend(
        names
            .iter()
            .filter(|n| n.2.is_none() || (n.0, n.1) == (m.first_token, m.end_token))
            .map(|n| (n.0, n.1)),
    );
    place_tokens.clear();
    place_tokens.resize(hi - lo, false);
    for &(a, b) in others.iter() {
        for i in a.max(lo)..b.min(hi) {
            place_tokens[i - lo] = true;
        }
    }
    let (names, others, place_tokens, regions) = (&*names, &*others, &*place_tokens, &*regions);
    let in_other = |i: usize| i >= lo && i < hi && place_tokens[i - lo];
    // The list the mention stands in: "from Izyum, Kupiansk, Shevchenkovo and Balakliya".
    let (list_first, list_end) = list_span(doc, others, m);
    let (cues_from, cues_to) = (list_first.saturating_sub(WINDOW), list_end + WINDOW);
    let cues = &cues
        [cues.partition_point(|c| c.end < cues_from)..cues.partition_point(|c| c.first < cues_to)];
    // Words between two tokens, without other place names and the prepositions that introduce
    // them ("near Avdiivka" only locates the place before it); the preposition before the list
    // the mention stands in is kept ("attacks near A, B and C").
    let words_between = |a: usize, b: usize| -> Between {
        let mut between = Between::default();
        for i in (a..b).filter(|&i| doc.tokens[i].kind == TokenKind::Word && !in_other(i)) {
            // "near Avdiivka", "along the Dnipro".
            let next = if doc.is_word(i + 1, "the") {
                i + 2
            } else {
                i + 1
            };
            let before_other = in_other(next) && !(list_first..list_end).contains(&next);
            if before_other && NEAR_WORDS.contains(doc.tok(i)) {
                continue;
            }
            between.push(doc.tok(i));
        }
        between
    };
    // A clause boundary between two tokens; a parenthesis opened and closed between them is an
    // aside ("a 15-km (9-mile) zone"), one left open or closed from outside is not.
    let barrier = |a: usize, b: usize| -> bool {
        let mut depth = 0usize;
        for i in a..b {
            match doc.tok(i) {
                ";" => return true,
                "(" => depth += 1,
                ")" if depth == 0 => return true,
                ")" => depth -= 1,
                _ if word_in(doc, i, &["but", "while", "whereas", "however"]) => return true,
                _ => {}
            }
        }
        depth > 0
    };

    let m_quote = quotation_of(doc, m.start);
    // A list introduced by "including" or "such as" takes the event of the clause before it:
    // "took control of dozens of villages as Russian troops pulled back, including A, B and C".
    let including = including_word(doc, list_first);
    let list_start = including.unwrap_or(list_first);
    let mut best: Option<(usize, &CueAt, Between, bool)> = None;
    let mut best_after: Option<(usize, &CueAt, Between, bool)> = None;
    for cue in cues {
        // Too far in tokens to be near in words: skip before counting.
        if cue.end + 3 * 12 < list_start || cue.first > list_end + 3 * 6 {
            continue;
        }
        let (between, after) = if cue.end <= list_start {
            let mut between = words_between(cue.end, list_start);
            // "nearby settlements, including A and B": the list is those settlements.
            between.near &= including.is_none();
            (between, false)
        } else if cue.end <= m.first_token {
            (words_between(cue.end, m.first_token), false)
        } else if cue.first >= m.end_token {
            // A reference point after the name locates it: "Zaporizhzhia, 50 km to the north, was hit".
            if cue.cue == Cue::Reference {
                continue;
            }
            // An apposition between commas describes the name: "Zaporizhzhia, about 50 km to
            // the north, was hit". One with a verb of its own is a clause, and what follows it is
            // not about the name: "From the area of Popasna, the occupiers are trying to advance
            // …, fighting continues".
            let apposition_end = after_apposition(doc, list_end, cue.first);
            if (list_end..apposition_end).any(|t| word_in(doc, t, AUXILIARIES)) {
                continue;
            }
            (words_between(apposition_end, cue.first), true)
        } else {
            continue;
        };
        // After the name, "and" begins another clause ("it moved its seat to Henichesk, near
        // Crimea, and that residents were being relocated") unless more places follow it ("X
        // and other settlements along the Dnipro came under fire").
        const MORE_PLACES: &[&str] = &[
            "other",
            "nearby",
            "surrounding",
            "several",
            "neighbouring",
            "neighboring",
            "adjacent",
            "the",
            "its",
            "their",
            "some",
            "many",
            "all",
        ];
        let new_clause = between.first.is_some_and(|w| w.eq_ignore_ascii_case("and"))
            && !between
                .second
                .is_some_and(|w| MORE_PLACES.iter().any(|p| p.eq_ignore_ascii_case(w)));
        if after && new_clause {
            continue;
        }
        // A withdrawal or an evacuation "to" or "towards" a place goes there; the place is not
        // left ("retreating towards Seversk", "evacuation trains depart for Lviv").
        if matches!(cue.cue, Cue::Withdraw | Cue::Evacuated) && !after && between.destination {
            continue;
        }
        let dist = between.len;
        // A reference point is the word right before the name ("north of X", "40 km from X");
        // "northwest of Avdiivka near Stepove" locates Avdiivka only.
        if cue.cue == Cue::Reference && (dist > 3 || (dist > 0 && doc.is_word(cue.end - 1, "of"))) {
            continue;
        }
        let limit = if after {
            6
        } else if including.is_some() {
            20
        } else {
            9
        };
        if dist > limit {
            continue;
        }
        let (a, b) = if after {
            (after_apposition(doc, list_end, cue.first), cue.first)
        } else {
            (cue.end, m.first_token)
        };
        if barrier(a, b) || cue.quote != m_quote {
            continue;
        }
        // Another place between the cue and this one, not in this one's list, takes the cue:
        // "liberated Robotyne in the Zaporizhzhia region".
        // After the name, a place introduced by a preposition only locates it: "Stepove near
        // Avdiivka came under Russian control".
        // (A list after "including" elaborates the clause's object, which may be a place.)
        let toward = m.first_token > 0
            && word_in(doc, m.first_token - 1, &["toward", "towards", "on"])
            && cue.cue == Cue::Contested;
        let intervening = including.is_none()
            && others.iter().any(|&(o_first, o_end)| {
                (o_first, o_end) != (m.first_token, m.end_token)
                    && o_first >= a
                    && o_end <= b
                    && (o_end <= list_first || o_first >= list_end)
                    && !(after && is_locative(doc, o_first))
                    // "advancing from Stepove toward Berdychi": the origin does not take the
                    // advance from the goal.
                    && !(o_first > 0 && doc.is_word(o_first - 1, "from") && toward)
                    // "northwest of Avdiivka near Stepove", "in western Zaporizhia Oblast near
                    // Robotyne": a reference point or a region only locates what follows; and
                    // "attacked near A and south of B near C": places of one verb, side by side.
                    && !after_near_of(doc, o_first)
                    && !regions.contains(&(o_first, o_end))
                    && !(is_locative(doc, o_first) && is_locative(doc, list_first))
            });
        if intervening {
            continue;
        }
        if after {
            // After the name only passive or intransitive forms describe it: "X was liberated",
            // "X fell", "X is encircled", "X, which had been occupied", "that have been liberated".
            const PASSIVE: &[&str] = &[
                "is", "was", "were", "are", "been", "being", "be", "remains", "remained", "came",
                "comes", "under",
            ];
            // The auxiliary stands right before the cue, or before one adverb: "were quickly
            // liberated", "has been partially encircled".
            let is_aux = |w: &&str| PASSIVE.iter().any(|p| p.eq_ignore_ascii_case(w));
            let is_adverb = |w: &&str| {
                w.ends_with("ly")
                    || [
                        "again", "also", "still", "already", "now", "then", "finally",
                    ]
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(w))
            };
            // "remained under heavy shelling": a state the place is under.
            let under = [between.last, between.second_last]
                .into_iter()
                .flatten()
                .any(|w| w.eq_ignore_ascii_case("under"));
            // Or the cue phrase starts with its own auxiliary: "was hit", "attacks were".
            let own_aux = is_aux(&doc.tok(cue.first));
            // "Bakhmut, where fighting has raged for months": a clause about the place.
            let where_clause = between
                .first
                .is_some_and(|w| w.eq_ignore_ascii_case("where"));
            // "Robotyne, which they recaptured": the place is the object of a relative clause.
            let object_clause = dist <= 4
                && between
                    .first
                    .is_some_and(|w| is_relative_pronoun(w) && !w.eq_ignore_ascii_case("where"));
            let passive = under
                || where_clause
                || object_clause
                || (dist == 0 && own_aux)
                || between.last.as_ref().is_some_and(is_aux)
                || (between.last.as_ref().is_some_and(is_adverb)
                    && between.second_last.as_ref().is_some_and(is_aux))
                || (dist == 0 && doc.tok(cue.first).eq_ignore_ascii_case("fell"))
                // A state right after the name: "leaving Nova Kakhovka under Russian control",
                // "Kherson is returning under Ukrainian control".
                || (dist <= 2
                    && matches!(cue.cue, Cue::Occupied | Cue::Liberate)
                    && word_in(doc, cue.first, &["under", "back"]))
                || (dist == 0 && is_noun_form(doc.tok(cue.first)));
            if !passive {
                continue;
            }
        }
        // A cue before the name binds tighter than one after it: "the Russian-held town of
        // Enerhodar, was shelled" reports Enerhodar held, not shelled.
        let rank = if after { dist + 2 } else { dist };
        let better = |best: &Option<(usize, &CueAt, Between, bool)>| match best {
            None => true,
            Some((r, c, _, was_after)) => {
                rank < *r
                    || (rank == *r && *was_after && !after)
                    || (rank == *r && c.cue == Cue::Reference)
            }
        };
        if better(&best) {
            best = Some((rank, cue, between, after));
        }
        if after && better(&best_after) {
            best_after = Some((rank, cue, between, after));
        }
    }
    // A reference point before the name ("west of Kurakhovo") does not hide what a clause after
    // it says of the place in a relative clause ("…, which was liberated on 6 January").
    let relative_after =
        best_after.is_some_and(|(_, _, b, _)| b.first.is_some_and(is_relative_pronoun));
    if best.is_some_and(|(_, c, _, _)| c.cue == Cue::Reference) && relative_after {
        best = best_after;
    }
    let (cue, between, after, topic) = match best {
        Some((_, cue, between, after)) => (cue, between, after, false),
        None if m.domestic => (
            sentence_topic(doc, m, cues, others.len() == 1 && opens_as_setting(doc, m))?,
            Between::default(),
            false,
            true,
        ),
        None => return None,
    };
    if cue.cue == Cue::Reference {
        return None;
    }
    // "Many residents fled Lysychansk", "told families with children to leave X": civilians
    // leaving is an evacuation, not a retreat.
    let civilians_leave = cue.cue == Cue::Withdraw
        && (cue.first.saturating_sub(3)..cue.first).any(|t| word_in(doc, t, CIVILIANS));
    // A goal is not an event: "the operation to liberate X", "aiming to capture X", "asked for
    // permission to withdraw from the city" (but an order to civilians to leave is one).
    if matches!(cue.cue, Cue::Liberate | Cue::Capture | Cue::Withdraw)
        && cue.first > 0
        && doc.is_word(cue.first - 1, "to")
        && !civilians_leave
    {
        return None;
    }

    let sentence = doc.sentences[m.sentence];
    let window_start = sentence.first_token.max(cue.first.saturating_sub(3));
    let negated = (window_start..cue.first).any(|i| {
        word_in(
            doc,
            i,
            &[
                "not",
                "no",
                "never",
                "failed",
                "unable",
                "fruitless",
                "unsuccessfully",
                "without",
            ],
        )
    }) || doc.text[doc.tokens[window_start].start..doc.tokens[cue.first].start]
        .contains("n't");
    // Past perfect is the tense of the news for events ("had been retaken"), and of an earlier
    // state only for states ("which Russia had held").
    let state = matches!(cue.cue, Cue::Occupied | Cue::Hold);
    let past = (window_start..cue.first).any(|i| {
        (state && doc.is_word(i, "had"))
            || word_in(
                doc,
                i,
                &["before", "since", "previously", "formerly", "earlier"],
            )
    });
    // "near X, which they recaptured": a relative clause is about X itself, whatever locates it.
    let relative = between.first.is_some_and(is_relative_pronoun);
    let beside = between.near
        || (after
            && !relative
            && m.first_token > 0
            && NEAR_WORDS.contains(doc.tok(m.first_token - 1)));

    // Who acts, and who speaks: looked for only for the cues that depend on them.
    let actor = || actor_side(doc, m.sentence, cue, names);
    let speaker_side = || speaker_of(doc, attributions, m).and_then(side_of_phrase);

    let (mut status, side_note) = match cue.cue {
        Cue::Liberate => match (actor(), speaker_side(), russian_source) {
            (Some(Side::Russian), _, _) | (None, Some(Side::Russian), _) | (None, None, true) => (
                Status::Occupied,
                " — the Russian side's “liberated” means taken by Russian forces",
            ),
            _ => (Status::Liberated, ""),
        },
        Cue::Capture => match actor() {
            Some(Side::Ukrainian) => (Status::Liberated, " — taken by Ukrainian forces"),
            _ => (Status::Occupied, " — taken by Russian forces"),
        },
        Cue::Withdraw if civilians_leave => (Status::Evacuated, " — civilians left it"),
        Cue::Withdraw => match actor() {
            Some(Side::Ukrainian) => (Status::Occupied, " — Ukrainian forces left it"),
            Some(Side::Russian) => (Status::Liberated, " — Russian forces left it"),
            // Anyone may "leave" a place ("we left Rodynske at five", "buses leave daily from
            // Kherson"); a retreat or a withdrawal is an army's.
            None if word_in(doc, cue.first, &["leave", "left"]) => return None,
            None => (Status::Liberated, " — Russian forces left it"),
        },
        Cue::Occupied => (Status::Occupied, ""),
        Cue::Hold => match actor() {
            Some(Side::Russian) => (Status::Occupied, " — held by Russian forces"),
            _ => (Status::Contested, " — held by Ukrainian forces"),
        },
        Cue::Contested => (Status::Contested, ""),
        Cue::Attacked => (Status::Attacked, ""),
        Cue::Evacuated => (Status::Evacuated, ""),
        Cue::Reference => return None,
    };
    let mut strength = 2;
    let mut qualifier = "";
    // "No Russian troops are left in X" negates nothing: none remain.
    let none_left = cue.cue == Cue::Withdraw && doc.tok(cue.first).eq_ignore_ascii_case("left");
    if negated && !none_left && matches!(status, Status::Liberated | Status::Occupied) {
        status = Status::Contested;
        qualifier = " (denied or failed, so still fought over)";
    }
    if beside {
        // "attacked near Bohdanivka", "attacks in the areas of Rozdolne": ground assaults
        // around a place are fighting there, not strikes on it.
        let assault = cue.cue == Cue::Attacked
            && CueWord {
                text: "attack",
                prefix: true,
            }
            .matches(doc.tok(cue.first));
        if matches!(status, Status::Liberated | Status::Occupied) || assault {
            status = Status::Contested;
        }
        strength = 1;
        qualifier = " (near the place rather than in it)";
    }
    if past {
        strength = 1;
        qualifier = " (earlier in the war)";
    }
    if (m.coreference && !m.antecedent_in_sentence) || topic {
        strength = 1;
    }
    if topic {
        qualifier = " (the event of the whole sentence)";
    }
    let lo = cue.first.min(m.first_token);
    let hi = cue.end.max(m.end_token);
    let snippet = &doc.text[doc.tokens[lo].start..doc.tokens[hi - 1].end];
    let (snippet, cut) = shortened(snippet, 140);
    let reason = [
        capitalised(status),
        ": “",
        snippet,
        cut,
        "”",
        side_note,
        qualifier,
        ".",
    ]
    .concat();
    Some(MentionStatus {
        status,
        strength,
        reason,
    })
}

/// The word that introduces the list starting at token `first`: "including", "such as",
/// "among them", or a colon.
fn including_word(doc: &Document, first: usize) -> Option<usize> {
    let mut i = first;
    while i > 0
        && word_in(
            doc,
            i - 1,
            &["the", "towns", "villages", "settlements", "cities", "of"],
        )
    {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let prev = i - 1;
    if word_in(doc, prev, &["including", "include", "includes", "namely"]) || doc.tok(prev) == ":" {
        return Some(prev);
    }
    (prev > 0 && word_in(doc, prev, &["as", "them"]) && word_in(doc, prev - 1, &["such", "among"]))
        .then_some(prev - 1)
}

/// The name at token `t` stands in a locative phrase: "near X", "along the X", "around X", "in
/// the area of X", "south of X".
fn is_locative(doc: &Document, t: usize) -> bool {
    let t = if t > 0 && doc.is_word(t - 1, "the") {
        t - 1
    } else {
        t
    };
    t > 0 && (NEAR_WORDS.contains(doc.tok(t - 1)) || after_near_of(doc, t))
}

/// The name at token `t` follows "south of", "in the area of": a word of nearness and "of".
fn after_near_of(doc: &Document, t: usize) -> bool {
    t > 1 && doc.is_word(t - 1, "of") && NEAR_WORDS.contains(doc.tok(t - 2))
}

/// A word that opens a relative clause about the name before it.
fn is_relative_pronoun(w: &str) -> bool {
    ["which", "that", "whom", "where"]
        .iter()
        .any(|r| r.eq_ignore_ascii_case(w))
}

/// "Kharkiv shelling", "Kramatorsk evacuation": a cue noun right after the name.
fn is_noun_form(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    w.ends_with("ing") || w.ends_with("ion") || w.ends_with("ions")
}

/// The token span of the list a mention stands in: neighbouring mentions joined only by
/// commas, "and", "or", "&".
fn list_span(doc: &Document, others: &[(usize, usize)], m: &PlaceMention) -> (usize, usize) {
    let (first, end) = (m.first_token, m.end_token);
    // Between two members of a list: commas and conjunctions; names the gazetteer lacks
    // ("A, Unknown, B"); and after "and"/"or" only, determiners and settlement words ("A and the
    // villages of B", "A, B and the whole C region") — never an apposition ("A, the C").
    let joined = |a: usize, b: usize| {
        let mut after_conjunction = false;
        let mut separated = false;
        for t in a..b {
            let w = doc.tok(t);
            if w == "," {
                separated = true;
            } else if ["and", "or", "&"].iter().any(|j| w.eq_ignore_ascii_case(j)) {
                separated = true;
                after_conjunction = true;
            } else {
                let unknown_name = separated
                    && w.starts_with(char::is_uppercase)
                    && doc.tokens[t].kind == TokenKind::Word;
                let filler = after_conjunction && word_in(doc, t, LIST_FILLERS);
                if !unknown_name && !filler {
                    return false;
                }
            }
        }
        separated
    };
    let (mut lo, mut hi) = (first, end);
    loop {
        let mut grew = false;
        for &(a, b) in others {
            if b <= lo && joined(b, lo) {
                lo = a;
                grew = true;
            } else if a >= hi && joined(hi, a) {
                hi = b;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    // Names the gazetteer lacks still belong to the list: "including Unknown, Other and B".
    let is_member = |t: usize| {
        let w = doc.tok(t);
        w == ","
            || w.eq_ignore_ascii_case("and")
            || w.eq_ignore_ascii_case("or")
            || w == "-"
            || (doc.tokens[t].kind == TokenKind::Word && w.starts_with(char::is_uppercase))
    };
    let sentence = doc.sentences[m.sentence];
    while lo > sentence.first_token && first - lo < 40 && is_member(lo - 1) {
        lo -= 1;
    }
    while lo < first
        && !(doc.tokens[lo].kind == TokenKind::Word && doc.tok(lo).starts_with(char::is_uppercase))
    {
        lo += 1;
    }
    while hi < sentence.end_token && hi - end < 40 && is_member(hi) {
        hi += 1;
    }
    while hi > end
        && !(doc.tokens[hi - 1].kind == TokenKind::Word
            && doc.tok(hi - 1).starts_with(char::is_uppercase))
    {
        hi -= 1;
    }
    (lo, hi)
}

/// The token after an apposition that starts at `from` ("X, a key rail hub, was …") and closes
/// with a comma before `limit`; `from` itself when there is none.
fn after_apposition(doc: &Document, from: usize, limit: usize) -> usize {
    // "Zaporizhzhia city, about 50 km to the north, was hit": the settlement word goes too.
    let from = if from < limit && word_in(doc, from, &["city", "town", "village"]) {
        from + 1
    } else {
        from
    };
    if from >= limit || doc.tok(from) != "," {
        return from;
    }
    // A comma between digits ("27,000") separates thousands, not an apposition.
    let digits = |t: usize| doc.tok(t).starts_with(|c: char| c.is_ascii_digit());
    (from + 1..limit.min(from + 20))
        .find(|&t| {
            doc.tok(t) == ","
                && !(digits(t - 1)
                    && t + 1 < doc.tokens.len()
                    && digits(t + 1)
                    && doc.tokens[t + 1].start == doc.tokens[t].end)
        })
        .map_or(from, |t| t + 1)
}

/// The one event a sentence is about, when it reports only one kind and it is not a
/// side-dependent cue: "The evacuation order encompasses … the towns of A and B". A `setting`
/// (the sentence's only place, opening it: "In Synkivka, a house was destroyed") has the event
/// wherever it stands, and fighting counts too.
fn sentence_topic<'c>(
    doc: &Document,
    m: &PlaceMention,
    cues: &'c [CueAt],
    setting: bool,
) -> Option<&'c CueAt> {
    let first = cues.iter().find(|c| c.cue != Cue::Reference)?;
    let single = cues.iter().all(|c| c.cue == first.cue);
    let plain = matches!(first.cue, Cue::Evacuated | Cue::Attacked)
        || (setting && first.cue == Cue::Contested);
    // The event governs the names after it, not a place named before it ("a transit point in
    // Pavlohrad, from where evacuation trains depart") nor a destination ("… depart for Lviv").
    let destination = (first.end..m.first_token)
        .any(|t| word_in(doc, t, &["to", "towards", "toward", "into", "for"]));
    let after_cue = first.end <= m.first_token && !destination;
    (single && plain && (after_cue || setting) && first.quote == quotation_of(doc, m.start))
        .then_some(first)
}

/// The mention opens its sentence as where it happens: "In Synkivka, …", "In the city of
/// Dnipro, …", "At Kupiansk …".
fn opens_as_setting(doc: &Document, m: &PlaceMention) -> bool {
    let sentence = doc.sentences[m.sentence];
    // Past bullets and emoji ("🔻 In Antonivka, …").
    let first = (sentence.first_token..m.first_token)
        .find(|&t| doc.tokens[t].kind == TokenKind::Word)
        .unwrap_or(m.first_token);
    if !(word_in(doc, first, &["in", "at"])) || m.coreference {
        return false;
    }
    let mut t = first + 1;
    if doc.is_word(t, "the") {
        t += 1;
        if word_in(doc, t, &["city", "town", "village", "settlement"]) && doc.is_word(t + 1, "of") {
            t += 2;
        }
    }
    t == m.first_token
}

/// The start of the quotation holding byte `pos`, if any: two positions with equal values stand
/// in the same quotation, or both outside any. A word or three in quote marks that nobody is
/// said to have said (claims its forces have "liberated" X) are the writer's scare quotes: no
/// quotation.
fn quotation_of(doc: &Document, pos: usize) -> Option<usize> {
    doc.quote_at(pos)
        .filter(|q| {
            q.speaker.is_some() || doc.text[q.start..q.end].split_whitespace().nth(3).is_some()
        })
        .map(|q| q.start)
}

/// The status's name with a capital, to begin a reason.
fn capitalised(status: Status) -> &'static str {
    match status {
        Status::Liberated => "Liberated",
        Status::Occupied => "Occupied",
        Status::Contested => "Contested",
        Status::Attacked => "Attacked",
        Status::Evacuated => "Evacuated",
        Status::Mentioned => "Mentioned",
    }
}

/// `s` cut to at most `max` bytes at a character boundary, and "…" where it was cut.
fn shortened(s: &str, max: usize) -> (&str, &'static str) {
    if s.len() <= max {
        return (s, "");
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    (&s[..cut], "…")
}
