//! The reported status of each place, in stages that each do one thing:
//! - [`lexicon`]: the words, as data (`data/lexicon.tsv`): event predicates and word classes;
//! - [`clauses`]: the structure of a sentence: its cues, lists, appositions, clause barriers,
//!   locatives and quotations;
//! - [`attach`]: which cue a mention takes by its place in that structure, and what the cue
//!   says of it given the actor's side, negation, nearness and time;
//! - [`decide`]: one status per place from its mentions, with its reason and who claims it.
//!
//! This module drives them: it gathers the mentions (with "the city"/"the town" references to
//! the settlement named just before), finds each sentence's cues once, reads each mention in
//! its voice (the narrator, or the quotation's speaker: a voice that uses the Russian side's
//! terms means "taken by Russia" by a bare "liberated"), and builds the report.

mod attach;
mod clauses;
mod decide;
mod lexicon;
#[cfg(test)]
mod tests;

use crate::gazetteer::{Gazetteer, PlaceId};
use crate::mentions::Framing;
use crate::report::{Kind, Report, SharedText, Side, Status};
use crate::resolve::Resolved;
use crate::text::{Document, TokenKind};
pub(crate) use attach::side_of_phrase;
use attach::{header_status, mention_status, Scratch};
use clauses::{find_cues, governing_headers, names_front_line, word_is, CueAt};
use decide::{build_place, speaker_of, Attributions};
use lexicon::{lexicon, Class};
use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};

/// The status one mention gives its place.
#[derive(Clone, Debug)]
struct MentionStatus {
    status: Status,
    /// 2: a direct cue; 1: beside the place, in the past, or through "the city".
    strength: u8,
    reason: String,
    /// The side of the voice that reports it, where the speaker names one.
    claimant: Option<Side>,
    /// For a change of control, the side the sentence says acted, if it names one.
    actor: Option<Side>,
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

/// Which voices of an article speak in the Russian side's terms ("the Kiev regime", "the
/// special military operation"): the narrator (the text outside quotations) and each quotation;
/// and the side of each speaker, read once per speaker.
struct Voices<'a> {
    doc: &'a Document<'a>,
    /// Read on first need: most articles never ask.
    narrator: OnceCell<bool>,
    /// By quotation start, read on first need.
    quotations: RefCell<HashMap<usize, bool>>,
    /// By the speaker's slice of the article (address, length).
    speakers: RefCell<HashMap<(usize, usize), Option<Side>>>,
}

/// The side whose terms the narrator of `doc` (the text outside quotations) uses, where they
/// are one side's: Russian ("the Kiev regime", "liberated" for a Russian capture), else
/// Ukrainian ("temporarily occupied", "the occupiers").
pub(crate) fn narrator_side(doc: &Document) -> Option<Side> {
    let narrator = narrator_text(doc);
    if lexicon().russian_framing(&narrator) {
        Some(Side::Russian)
    } else if lexicon().ukrainian_framing(&narrator) {
        Some(Side::Ukrainian)
    } else {
        None
    }
}

/// The narrator's text of `doc` (outside quotations), in the form framing phrases are matched in.
fn narrator_text(doc: &Document) -> String {
    let mut narrator = String::with_capacity(doc.text.len());
    let mut at = 0;
    for q in &doc.quotes {
        if q.start >= at {
            push_matchable(&mut narrator, &doc.text[at..q.start]);
            at = q.end;
        }
    }
    push_matchable(&mut narrator, &doc.text[at.min(doc.text.len())..]);
    narrator
}

/// `text` in lower case (ASCII), hyphens and apostrophes as spaces, appended to `out`: the form
/// the framing phrases are matched in.
fn push_matchable(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| match c {
        '-' | '’' | '\'' => ' ',
        c => c.to_ascii_lowercase(),
    }));
}

impl<'a> Voices<'a> {
    fn of(doc: &'a Document<'a>) -> Voices<'a> {
        Voices {
            doc,
            narrator: OnceCell::new(),
            quotations: RefCell::default(),
            speakers: RefCell::default(),
        }
    }

    /// Whether the narrator (the text outside quotations) speaks in the Russian side's terms.
    fn narrator(&self) -> bool {
        *self
            .narrator
            .get_or_init(|| lexicon().russian_framing(&narrator_text(self.doc)))
    }

    /// Whether the quotation `q` speaks in the Russian side's terms.
    fn quotation(&self, q: &crate::text::Quote) -> bool {
        *self
            .quotations
            .borrow_mut()
            .entry(q.start)
            .or_insert_with(|| {
                let mut quote = String::new();
                push_matchable(&mut quote, &self.doc.text[q.start..q.end]);
                lexicon().russian_framing(&quote)
            })
    }

    /// The side of the speaker who reports mention `m`, where the speaker names one.
    fn speaker_side(&self, attributions: &Attributions, m: &PlaceMention) -> Option<Side> {
        let speaker = speaker_of(self.doc, attributions, m)?;
        *self
            .speakers
            .borrow_mut()
            .entry((speaker.as_ptr() as usize, speaker.len()))
            .or_insert_with(|| side_of_phrase(speaker))
    }

    /// Whether mention `m` is read in the Russian side's terms: its speaker is of that side, or,
    /// with no side named, its voice uses that side's phrases.
    fn russian(&self, attributions: &Attributions, m: &PlaceMention) -> bool {
        match self.speaker_side(attributions, m) {
            Some(side) => side == Side::Russian,
            None => match self.doc.quote_at(m.start) {
                // A source the narrator quotes without naming its side speaks as the narrator
                // does, or in its own terms.
                Some(q) => self.narrator() || self.quotation(q),
                None => self.narrator(),
            },
        }
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
    let voices = Voices::of(doc);
    let (order, mut by_place) = read_mentions(
        gazetteer,
        doc,
        &mentions,
        |m| voices.russian(&attributions, m),
        |m| voices.speaker_side(&attributions, m),
    );
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

/// The places in order of first mention, and each place's mentions with the status each gives.
type Readings = (
    Vec<PlaceId>,
    HashMap<PlaceId, Vec<(usize, Option<MentionStatus>)>>,
);

/// Reads every mention (in article order, so the cues of one sentence are found once and kept
/// while its mentions are read). `russian_voice` tells whether a mention is read in the Russian
/// side's terms; `claimant`, the side of the voice that reports it.
fn read_mentions(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &[PlaceMention],
    russian_voice: impl Fn(&PlaceMention) -> bool,
    claimant: impl Fn(&PlaceMention) -> Option<Side>,
) -> Readings {
    let mut cues: Vec<CueAt> = Vec::new();
    let mut cues_of: Option<usize> = None;
    let mut earlier_setting = false;
    let headers = governing_headers(doc);
    let mut header_cues: Vec<CueAt> = Vec::new();
    let mut header_cues_of: Option<usize> = None;
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
            earlier_setting = find_cues(doc, m.sentence, &mut scratch.words, &mut cues);
            cues_of = Some(m.sentence);
        }
        // Countries act rather than suffer in war reports; rivers and seas only locate things.
        let locatable = matches!(
            gazetteer.place(m.place).kind,
            Kind::Settlement | Kind::Region
        );
        let axis = names_front_line(doc, m.end_token);
        let st = if m.metonym || !locatable || axis {
            None
        } else if let Some(st) = mention_status(
            doc,
            mentions,
            k,
            &cues,
            (&|| russian_voice(m), earlier_setting),
            &mut scratch,
        ) {
            Some(st)
        } else if let Some(header) = headers[m.sentence] {
            if header_cues_of != Some(header) {
                find_cues(doc, header, &mut scratch.words, &mut header_cues);
                header_cues_of = Some(header);
            }
            header_status(doc, header, &header_cues, &|| russian_voice(m))
        } else {
            None
        };
        let st = st.map(|st| MentionStatus {
            claimant: claimant(m),
            ..st
        });
        by_place.entry(m.place).or_default().push((k, st));
    }
    (order, by_place)
}

/// "the city", "the strategic eastern town", "this wrecked port city" (not followed by "of"): the
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
        if !doc.is_word(i, "the") && !doc.is_word(i, "this") {
            continue;
        }
        let Some(noun) = (i + 1..(i + 4).min(n)).find(|&j| word_is(doc, j, Class::SettlementNoun))
        else {
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
