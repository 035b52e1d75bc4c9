//! The attachment stage: which cue of its sentence, if any, a place mention takes, and what that
//! cue then says of it. A cue before the name attaches when only a few words stand between them
//! and no clause barrier, quotation edge or other place does; the list the name stands in shares
//! one cue; after the name only passive, relative and "where" clauses describe it. The actor's
//! side (the subject, a "by"/"of" phrase, the voice) turns a capture, a withdrawal or a
//! "liberation" into the side that holds the place; negation, nearness and the past weaken.

use super::clauses::{
    after_apposition, after_near_of, including_word, is_locative, list_span, opens_as_setting,
    quotation_of, word_classes, word_in, word_is, CueAt,
};
use super::lexicon::{lexicon, Class, ClassSet, Cue, CueWord};
use super::{MentionStatus, PlaceMention, Side};
use crate::mentions::Framing;
use crate::report::Status;
use crate::text::{floor_char_boundary, Document, TokenKind};
use std::cell::OnceCell;

/// How many tokens around a mention are looked at for cues, lists and sides.
pub(super) const WINDOW: usize = 40;

/// The most words between a cue and a name before it that still attach the cue.
const WORDS_AFTER_CUE: usize = 9;
/// … when the name stands in a list opened by "including", "namely" or a colon.
const WORDS_AFTER_CUE_TO_LIST: usize = 20;
/// The most words between a name and a passive or relative cue after it.
const WORDS_BEFORE_CUE: usize = 6;
/// The most words a reference point ("40 km from", "north of") stands from its name.
const WORDS_OF_REFERENCE: usize = 3;

/// A place name's token range, and the side it stands for when it names a country or a
/// government.
type NameSpan = (usize, usize, Option<Side>);

/// The possessive endings a side word may carry ("Russia's").
const POSSESSIVES: [&str; 3] = ["'s", "’s", "ʼs"];

/// The side a word names, ignoring case and a possessive ending.
pub(super) fn side_of_word(w: &str) -> Option<Side> {
    let w = POSSESSIVES
        .iter()
        .find_map(|p| w.strip_suffix(p))
        .unwrap_or(w);
    side_of_classes(lexicon().classes_of(w))
}

/// The side token `i` names, as [`side_of_word`] reads it.
fn side_of_token(doc: &Document, i: usize) -> Option<Side> {
    let w = doc.tok(i);
    if POSSESSIVES.iter().any(|p| w.ends_with(p)) {
        side_of_word(w)
    } else {
        side_of_classes(word_classes(doc, i))
    }
}

fn side_of_classes(classes: ClassSet) -> Option<Side> {
    if classes.has(Class::SideRussian) {
        Some(Side::Russian)
    } else if classes.has(Class::SideUkrainian) {
        Some(Side::Ukrainian)
    } else {
        None
    }
}

/// The first side named in a phrase (a speaker: "the Russian Defense Ministry").
pub(crate) fn side_of_phrase(phrase: &str) -> Option<Side> {
    let lowered = phrase.to_lowercase().replace('-', " ");
    lowered
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find_map(side_of_word)
}

/// A word before a side word that makes that side the object, not the actor: "attacking
/// Russian forces", "against Ukrainian troops".
fn is_object_marker(w: &str) -> bool {
    lexicon().is(Class::ObjectMarker, w)
        || (w.len() > 5
            && w.to_ascii_lowercase().ends_with("ing")
            && !w.eq_ignore_ascii_case("forcing"))
}

/// The side acting in the cue at `cue`: the nearest side word in the sentence, preferring the
/// subject before the cue; "by X" and "of X" right after it name the actor too.
pub(super) fn actor_side(
    doc: &Document,
    sentence: usize,
    cue: &CueAt,
    names: &[NameSpan],
) -> Option<Side> {
    let s = doc.sentences[sentence];
    // (Names are in text order and do not overlap.)
    let name_at = |i: usize| {
        names
            .get(names.partition_point(|&(_, b, _)| b <= i))
            .filter(|&&(a, _, _)| a <= i)
    };
    let mut best: Option<(usize, Side)> = None;
    let lo = s.first_token.max(cue.first.saturating_sub(SUBJECT_REACH));
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
            None => side_of_token(doc, i).filter(|_| !word_is(doc, i + 1, Class::PlaceNoun)),
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
        // The subject of the nearest clause acts, however far its verb: "Ukrainian units cut
        // Russian supply lines and retook X".
        let rank = if i < cue.first && opens_clause(doc, before, s.first_token) {
            dist
        } else if dist <= ACTOR_WORDS {
            dist + SUBJECT_FIRST
        } else {
            continue;
        };
        if best.is_none_or(|(d, _)| rank < d) {
            best = Some((rank, side));
        }
    }
    best.map(|(_, s)| s)
}

/// The most words between an actor's side word and its cue.
const ACTOR_WORDS: usize = 14;
/// The most tokens between a clause's subject and its cue ("Over the summer, Ukrainian units
/// cut Russian supply to A with strikes on the bridges and in October retook B").
const SUBJECT_REACH: usize = 30;
/// Added to the distance of a side word that is not a clause's subject: any subject is
/// preferred.
const SUBJECT_FIRST: usize = 100;

/// Token `t` opens a clause: the sentence starts there, or a comma, a colon, a conjunction or a
/// verb of speech stands before it ("officials said the Ukrainian forces …", "… and Russian
/// forces hold …").
fn opens_clause(doc: &Document, t: usize, sentence_start: usize) -> bool {
    t == sentence_start
        || [",", ":", "—", "–"].contains(&doc.tok(t - 1))
        || word_in(
            doc,
            t - 1,
            &["that", "and", "but", "while", "whereas", "as"],
        )
        || crate::text::is_speech_verb(doc.tok(t - 1))
}

/// The words between a cue and a name, summarised: how many, the first two and last two, and
/// whether one names a destination ("to", "for") or puts the cue beside the place ("near").
#[derive(Clone, Copy, Default)]
struct Between<'a> {
    len: usize,
    first: Option<&'a str>,
    second: Option<&'a str>,
    last: Option<&'a str>,
    second_last: Option<&'a str>,
    destination: bool,
    near: bool,
    /// An "and" that does not go on to more places ("and to be advancing", not "and other
    /// villages"): after the name, another clause begins.
    and_clause: bool,
}

impl<'a> Between<'a> {
    /// Notes word `w`, of word classes `classes`.
    fn push(&mut self, w: &'a str, classes: ClassSet, for_people: impl FnOnce() -> bool) {
        if self.last.is_some_and(|l| l.eq_ignore_ascii_case("and")) {
            self.and_clause |= !classes.has(Class::MorePlaces);
        }
        self.len += 1;
        if self.len == 2 {
            self.second = Some(w);
        }
        self.first = self.first.or(Some(w));
        self.second_last = self.last;
        self.last = Some(w);
        self.destination |= classes.has(Class::Destination) && !for_people();
        self.near |= classes.has(Class::Near);
    }
}

/// Buffers of `mention_status`, reused from mention to mention.
#[derive(Default)]
pub(super) struct Scratch {
    /// Place names near the mention: token range and the side a country or government stands for.
    names: Vec<NameSpan>,
    /// The names that are places (not countries or governments).
    others: Vec<(usize, usize)>,
    /// Which tokens of the window around the mention belong to other places.
    place_tokens: Vec<bool>,
    /// The names of regions ("the Donetsk region", "Zaporizhzhia Oblast").
    regions: Vec<(usize, usize)>,
    /// The word tokens of the sentence whose cues are being found.
    pub(super) words: Vec<usize>,
}

/// What attachment knows of one mention: its sentence's other names, its list, its quotation.
struct Context<'d, 's> {
    doc: &'d Document<'d>,
    m: &'s PlaceMention,
    names: &'s [NameSpan],
    others: &'s [(usize, usize)],
    place_tokens: &'s [bool],
    regions: &'s [(usize, usize)],
    /// The first token of the window `place_tokens` covers.
    lo: usize,
    /// The list the mention stands in ("from Izyum, Kupiansk and Balakliya"), as a token range.
    list: (usize, usize),
    /// The word opening that list ("including", "namely", a colon), if any.
    including: Option<usize>,
    quote: Option<usize>,
}

/// A cue attached to the mention: the cue, the words between them, and whether it follows
/// the name.
#[derive(Clone, Copy)]
struct Attached<'c, 'd> {
    rank: usize,
    cue: &'c CueAt,
    between: Between<'d>,
    after: bool,
}

/// Gathers the names around mention `k` into `scratch` and returns its context.
fn context<'d, 's>(
    doc: &'d Document<'d>,
    mentions: &'s [PlaceMention],
    k: usize,
    scratch: &'s mut Scratch,
) -> Context<'d, 's> {
    let m = &mentions[k];
    // Other place names near it in the sentence: not counted as distance, and not actors' side
    // words. Only a window around the mention is looked at, so long lists stay linear.
    // (Twice the window for names, so that the list the mention stands in is seen whole.)
    let lo = m.first_token.saturating_sub(2 * WINDOW);
    let hi = m.end_token + 2 * WINDOW;
    let from = mentions.partition_point(|o| o.first_token < lo);
    let near = || {
        mentions[from..]
            .iter()
            .take_while(|o| o.first_token < hi)
            .filter(|o| o.sentence == m.sentence)
    };
    let Scratch {
        names,
        others,
        place_tokens,
        regions,
        ..
    } = scratch;
    names.clear();
    names.extend(
        near()
            .filter(|o| !o.coreference)
            .map(|o| (o.first_token, o.end_token, o.side)),
    );
    regions.clear();
    regions.extend(
        near()
            .filter(|o| o.region)
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
    let list = list_span(doc, others, m);
    Context {
        doc,
        m,
        names,
        others,
        place_tokens,
        regions,
        lo,
        list,
        including: including_word(doc, list.0),
        quote: quotation_of(doc, m.start),
    }
}

impl<'d> Context<'d, '_> {
    fn in_other(&self, i: usize) -> bool {
        i >= self.lo && i - self.lo < self.place_tokens.len() && self.place_tokens[i - self.lo]
    }

    /// Words between two tokens, without other place names and the prepositions that introduce
    /// them ("near Avdiivka" only locates the place before it); the preposition before the list
    /// the mention stands in is kept ("attacks near A, B and C").
    fn words_between(&self, a: usize, b: usize) -> Between<'d> {
        let doc = self.doc;
        let mut between = Between::default();
        for i in (a..b).filter(|&i| doc.tokens[i].kind == TokenKind::Word && !self.in_other(i)) {
            let next = if doc.is_word(i + 1, "the") {
                i + 2
            } else {
                i + 1
            };
            let before_other = self.in_other(next) && !(self.list.0..self.list.1).contains(&next);
            if before_other && word_is(doc, i, Class::Near) {
                continue;
            }
            // "evacuation for the residents of X": people, not a destination.
            let for_people = || word_is(doc, next, Class::Civilian);
            between.push(doc.tok(i), word_classes(doc, i), for_people);
        }
        between
    }

    /// A clause boundary between two tokens; a parenthesis opened and closed between them is an
    /// aside ("a 15-km (9-mile) zone"), one left open or closed from outside is not.
    fn barrier(&self, a: usize, b: usize) -> bool {
        let mut depth = 0usize;
        for i in a..b {
            match self.doc.tok(i) {
                ";" => return true,
                "(" => depth += 1,
                ")" if depth == 0 => return true,
                ")" => depth -= 1,
                _ if word_is(self.doc, i, Class::ClauseBreak) => return true,
                _ => {}
            }
        }
        depth > 0
    }

    /// The words between `cue` and the name (or its list), and whether the cue follows the
    /// name; `None` when the cue stands where it cannot describe the name.
    fn span_to(&self, cue: &CueAt) -> Option<(Between<'d>, bool)> {
        let (list_first, list_end) = self.list;
        let list_start = self.including.unwrap_or(list_first);
        let m = self.m;
        if cue.end <= list_start {
            let mut between = self.words_between(cue.end, list_start);
            // "nearby settlements, including A and B": the list is those settlements.
            between.near &= self.including.is_none();
            Some((between, false))
        } else if cue.end <= m.first_token {
            Some((self.words_between(cue.end, m.first_token), false))
        } else if cue.first >= m.end_token {
            // A reference point after the name locates it: "Zaporizhzhia, 50 km to the north,
            // was hit".
            if cue.cue == Cue::Reference {
                return None;
            }
            // An apposition between commas describes the name: "Zaporizhzhia, about 50 km to
            // the north, was hit". One with a verb of its own is a clause, and what follows it
            // is not about the name.
            let apposition_end = after_apposition(self.doc, list_end, cue.first);
            if (list_end..apposition_end).any(|t| word_is(self.doc, t, Class::Auxiliary)) {
                return None;
            }
            Some((self.words_between(apposition_end, cue.first), true))
        } else {
            None
        }
    }

    /// Whether `cue`, at `between` words from the name, is kept from attaching by distance,
    /// a clause boundary, a quotation edge or the direction of movement.
    fn blocked(&self, cue: &CueAt, between: &Between, after: bool) -> bool {
        let doc = self.doc;
        // After the name, "and" begins another clause ("it moved its seat to Henichesk, near
        // Crimea, and that residents were being relocated", "taken Andriivka this week and to
        // be advancing") unless more places follow it ("X and other settlements along the
        // Dnipro came under fire").
        let new_clause =
            between.and_clause || between.last.is_some_and(|w| w.eq_ignore_ascii_case("and"));
        // A withdrawal or an evacuation "to" or "towards" a place goes there; the place is not
        // left ("retreating towards Seversk", "evacuation trains depart for Lviv").
        let goal =
            matches!(cue.cue, Cue::Withdraw | Cue::Evacuated) && !after && between.destination;
        // Only civilians or an army leave a place: "leaving X under Russian control" leaves it
        // in a state, "attacks have left 28,000 people in X without power" leave it as it is,
        // and the next cue may tell what happened there.
        let leaving = cue.cue == Cue::Withdraw
            && word_in(doc, cue.first, &["leave", "left", "leaving"])
            && !civilians_before(doc, cue.first)
            && (doc.tok(cue.first).eq_ignore_ascii_case("leaving")
                || actor_side(doc, self.m.sentence, cue, self.names).is_none());
        // A reference point is the word right before the name ("north of X", "40 km from X");
        // "northwest of Avdiivka near Stepove" locates Avdiivka only.
        let far_reference = cue.cue == Cue::Reference
            && (between.len > WORDS_OF_REFERENCE
                || (between.len > 0 && doc.is_word(cue.end - 1, "of")));
        let limit = if after {
            WORDS_BEFORE_CUE
        } else if self.including.is_some() {
            WORDS_AFTER_CUE_TO_LIST
        } else {
            WORDS_AFTER_CUE
        };
        let (a, b) = self.gap(cue, after);
        (after && new_clause)
            || goal
            || leaving
            || far_reference
            || between.len > limit
            || self.barrier(a, b)
            || cue.quote != self.quote
            || self.intervening(cue, a, b, after)
    }

    /// The tokens between the cue and the name (or its list, or the apposition after it).
    fn gap(&self, cue: &CueAt, after: bool) -> (usize, usize) {
        if after {
            (
                after_apposition(self.doc, self.list.1, cue.first),
                cue.first,
            )
        } else {
            (cue.end, self.m.first_token)
        }
    }

    /// Another place between the cue and this one, not in this one's list, takes the cue:
    /// "liberated Robotyne in the Zaporizhzhia region". After the name, a place introduced by
    /// a preposition only locates it: "Stepove near Avdiivka came under Russian control". (A
    /// list after "including" elaborates the clause's object, which may be a place.)
    fn intervening(&self, cue: &CueAt, a: usize, b: usize, after: bool) -> bool {
        let doc = self.doc;
        let m = self.m;
        let (list_first, list_end) = self.list;
        let toward = m.first_token > 0
            && word_in(doc, m.first_token - 1, &["toward", "towards", "on"])
            && cue.cue == Cue::Contested;
        self.including.is_none()
            && self.others.iter().any(|&(o_first, o_end)| {
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
                    && !self.regions.contains(&(o_first, o_end))
                    && !(is_locative(doc, o_first) && is_locative(doc, list_first))
            })
    }

    /// The cue attached to the mention, if any: the nearest that may attach, a cue before the
    /// name preferred to one after it; a relative clause after the name ("…, which was
    /// liberated") beats a reference point before it ("west of X").
    fn attached<'c>(&self, cues: &'c [CueAt]) -> Option<Attached<'c, 'd>> {
        let list_start = self.including.unwrap_or(self.list.0);
        let mut best: Option<Attached> = None;
        let mut best_after: Option<Attached> = None;
        for cue in cues {
            // Too far in tokens to be near in words: skip before counting.
            if cue.end + 3 * 12 < list_start || cue.first > self.list.1 + 3 * 6 {
                continue;
            }
            let Some((between, after)) = self.span_to(cue) else {
                continue;
            };
            if self.blocked(cue, &between, after)
                || (after && !passive_after(self.doc, cue, &between))
            {
                continue;
            }
            let rank = if after { between.len + 2 } else { between.len };
            let candidate = Attached {
                rank,
                cue,
                between,
                after,
            };
            if better(&candidate, best.as_ref()) {
                best = Some(candidate);
            }
            if after && better(&candidate, best_after.as_ref()) {
                best_after = Some(candidate);
            }
        }
        let relative_after =
            best_after.is_some_and(|a| a.between.first.is_some_and(is_relative_pronoun));
        if best.is_some_and(|b| b.cue.cue == Cue::Reference) && relative_after {
            best = best_after;
        }
        best
    }
}

/// A cue before the name binds tighter than one after it at the same distance ("the
/// Russian-held town of Enerhodar, was shelled" reports Enerhodar held), and anything beats a
/// reference point.
fn better(candidate: &Attached, best: Option<&Attached>) -> bool {
    match best {
        None => true,
        Some(b) => {
            candidate.rank < b.rank
                || (candidate.rank == b.rank && b.after && !candidate.after)
                || (candidate.rank == b.rank && b.cue.cue == Cue::Reference)
        }
    }
}

/// After the name only passive or intransitive forms describe it: "X was liberated", "X fell",
/// "X is encircled", "X, which had been occupied", "X, where fighting has raged".
fn passive_after(doc: &Document, cue: &CueAt, between: &Between) -> bool {
    let is_aux = |w: &&str| lexicon().is(Class::Passive, w);
    // The auxiliary stands right before the cue, or before one adverb: "were quickly
    // liberated", "has been partially encircled".
    let is_adverb = |w: &&str| {
        w.ends_with("ly")
            || word_list_has(
                &[
                    "again", "also", "still", "already", "now", "then", "finally",
                ],
                w,
            )
    };
    let dist = between.len;
    // "remained under heavy shelling": a state the place is under.
    let under = [between.last, between.second_last]
        .into_iter()
        .flatten()
        .any(|w| w.eq_ignore_ascii_case("under"));
    // Or the cue phrase starts with its own auxiliary: "was hit", "attacks were".
    let own_aux = is_aux(&doc.tok(cue.first));
    let where_clause = between
        .first
        .is_some_and(|w| w.eq_ignore_ascii_case("where"));
    // "Robotyne, which they recaptured": the place is the object of a relative clause.
    let object_clause = dist <= 4
        && between
            .first
            .is_some_and(|w| is_relative_pronoun(w) && !w.eq_ignore_ascii_case("where"));
    under
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
        || (dist == 0 && is_noun_form(doc.tok(cue.first)))
        || (cue.cue == Cue::Occupied && described_as(between))
}

/// The words after a name describe it with a noun phrase, an apposition or a copula: "Izyum,
/// a key Russian staging point", "Izyum was a major base for Russian forces".
fn described_as(between: &Between) -> bool {
    let article = |w: Option<&str>| w.is_some_and(|w| word_list_has(&["a", "an"], w));
    let copula = between
        .first
        .is_some_and(|w| word_list_has(&["is", "was", "remains", "remained", "became"], w));
    between.len <= 4 && (article(between.first) || (copula && article(between.second)))
}

/// `w` is one of `list`, ignoring ASCII case.
fn word_list_has(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word that opens a relative clause about the name before it.
fn is_relative_pronoun(w: &str) -> bool {
    lexicon().is(Class::Relative, w)
}

/// "Kharkiv shelling", "Kramatorsk evacuation": a cue noun right after the name.
fn is_noun_form(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    w.ends_with("ing") || w.ends_with("ion") || w.ends_with("ions")
}

/// The verb at token `t` is tried: "to" and a word of attempt stand before it, or before a verb
/// it is coordinated with ("failed to topple the government or capture").
fn tried(doc: &Document, t: usize) -> bool {
    let attempt_to =
        |i: usize| i > 0 && doc.is_word(i, "to") && word_is(doc, i - 1, Class::Attempt);
    if t > 0 && attempt_to(t - 1) {
        return true;
    }
    let coordinated = t > 0 && word_in(doc, t - 1, &["or", "and"]);
    let clause_start = (t.saturating_sub(COORDINATED_REACH)..t)
        .rev()
        .find(|&i| [",", ";", ".", ":"].contains(&doc.tok(i)))
        .unwrap_or(t.saturating_sub(COORDINATED_REACH));
    coordinated && (clause_start..t - 1).any(attempt_to)
}

/// The most tokens back from a coordinated verb to the "tried to" that governs it.
const COORDINATED_REACH: usize = 12;

/// A word of possibility stands before the cue at token `t` in its clause: "may lack the
/// strength to attack X", "the possibility that they prepare an assault on X"; "may have
/// captured" reports a likely past, not a possibility.
fn hypothetical(doc: &Document, sentence_start: usize, t: usize) -> bool {
    // The word of possibility is looked for first (most windows have none), then the clause
    // boundaries between it and the cue.
    let modal = (t.saturating_sub(HYPOTHETICAL_REACH).max(sentence_start)..t)
        .rev()
        .find(|&i| {
            word_is(doc, i, Class::Hypothetical)
                && !(i + 1 < t && word_in(doc, i + 1, &["have", "has"]))
        });
    let boundary = |i: usize| {
        [",", ";", ":", "—", "–", "(", "“", "\""].contains(&doc.tok(i))
            || word_is(doc, i, Class::ClauseBreak)
            || crate::text::is_speech_verb(doc.tok(i))
    };
    modal.is_some_and(|modal| !(modal..t).any(boundary))
}

/// A word of denial stands before the cue at token `t` in its sentence, with no clause of
/// contrast between: "dismissed statements that Moscow's forces had seized X", "untrue are
/// statements suggesting that X has been captured".
fn denied(doc: &Document, sentence_start: usize, t: usize) -> bool {
    (sentence_start..t)
        .rev()
        .take_while(|&i| doc.tok(i) != ";" && !word_is(doc, i, Class::ClauseBreak))
        .any(|i| word_is(doc, i, Class::Denial))
}

/// A word of possibility follows the name, which ends a noun phrase the cue opens: "control
/// of X would give them a foothold", "the fall of X could open the road".
fn modal_after(doc: &Document, t: usize, sentence_end: usize) -> bool {
    t < sentence_end
        && (word_is(doc, t, Class::Hypothetical) || word_is(doc, t, Class::Conditional))
}

/// The most tokens back from a cue to the word of possibility that governs it.
const HYPOTHETICAL_REACH: usize = 12;

/// Civilians stand among the three words before token `t`: "many residents fled", "residents
/// are also leaving".
fn civilians_before(doc: &Document, t: usize) -> bool {
    (t.saturating_sub(3)..t).any(|i| word_is(doc, i, Class::Civilian))
}

/// How a cue reads in its setting: negated, earlier, beside the place, civilians leaving.
struct Reading {
    negated: bool,
    hypothetical: bool,
    past: bool,
    beside: bool,
    civilians_leave: bool,
}

/// The qualifiers of `cue` as it attaches to the mention.
fn reading(ctx: &Context, cue: &CueAt, between: &Between, after: bool) -> Reading {
    let doc = ctx.doc;
    let m = ctx.m;
    let sentence = doc.sentences[m.sentence];
    let window_start = sentence.first_token.max(cue.first.saturating_sub(3));
    // (A denial only turns a change of control or a state, so only those look for one.)
    let control = !matches!(
        cue.cue,
        Cue::Contested | Cue::Attacked | Cue::Evacuated | Cue::Reference
    );
    let negated = (window_start..cue.first).any(|i| word_is(doc, i, Class::Negation))
        || doc.text[doc.tokens[window_start].start..doc.tokens[cue.first].start].contains("n't")
        || (control && denied(doc, sentence.first_token, cue.first));
    // Past perfect is the tense of the news for events ("had been retaken"), and of an earlier
    // state only for states ("which Russia had held").
    let state = matches!(cue.cue, Cue::Occupied | Cue::Hold);
    let past = (window_start..cue.first)
        .any(|i| (state && doc.is_word(i, "had")) || word_is(doc, i, Class::Earlier));
    // "near X, which they recaptured": a relative clause is about X itself, whatever locates it.
    let relative = between.first.is_some_and(is_relative_pronoun);
    // "took [Klishchiivka's] heights": the cue acts on what the place has, not the place.
    let possessive = !after && m.end_token > 0 && m.end < doc.tokens[m.end_token - 1].end;
    let beside = between.near
        || possessive
        || (after
            && !relative
            && m.first_token > 0
            && word_is(doc, m.first_token - 1, Class::Near));
    // "Many residents fled Lysychansk", "told families with children to leave X": civilians
    // leaving is an evacuation, not a retreat.
    let civilians_leave = cue.cue == Cue::Withdraw && civilians_before(doc, cue.first);
    Reading {
        negated,
        hypothetical: hypothetical(doc, sentence.first_token, cue.first)
            || (!after && modal_after(doc, m.end_token, sentence.end_token)),
        past,
        beside,
        civilians_leave,
    }
}

/// The status `cue` gives the mention, with a note on the side, before qualifiers; `None` when
/// it gives none (a reference point, anyone leaving). `actor` tells the side that acts in it.
fn status_of_cue(
    doc: &Document,
    cue: &CueAt,
    actor: &dyn Fn() -> Option<Side>,
    civilians_leave: bool,
    russian_voice: &dyn Fn() -> bool,
) -> Option<(Status, &'static str)> {
    Some(match cue.cue {
        Cue::Liberate => match actor() {
            Some(Side::Russian) => (Status::Occupied, RUSSIAN_LIBERATION),
            None if russian_voice() => (Status::Occupied, RUSSIAN_LIBERATION),
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
            // Anyone may "leave" a place ("we left Rodynske at five"); a retreat or a
            // withdrawal is an army's.
            None if word_in(doc, cue.first, &["leave", "left", "leaving"]) => return None,
            None => (Status::Liberated, GUESSED_WITHDRAWAL),
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
    })
}

/// The note on a withdrawal whose side the sentence does not name: a weaker reading.
const GUESSED_WITHDRAWAL: &str = " — Russian forces left it, as the sentence names no side";

/// The note on an attempted change of control.
const ATTEMPT: &str = " — an attempt, so fighting there";

/// The note on a "liberation" the Russian side claims.
const RUSSIAN_LIBERATION: &str = " — the Russian side's “liberated” means taken by Russian forces";

/// The status mention `k` gets from the cues of its sentence. `russian_voice` tells whether
/// the voice the mention stands in (the narrator, or its quotation's speaker) speaks in the
/// Russian side's terms; `earlier_setting`, whether the sentence is set in an earlier phase of
/// the war, when fighting and fire there say nothing of the place now.
pub(super) fn mention_status(
    doc: &Document,
    mentions: &[PlaceMention],
    k: usize,
    cues: &[CueAt],
    (russian_voice, earlier_setting): (&dyn Fn() -> bool, bool),
    scratch: &mut Scratch,
) -> Option<MentionStatus> {
    let m = &mentions[k];
    if m.framing == Framing::Region && cues.is_empty() {
        return None;
    }
    let ctx = context(doc, mentions, k, scratch);
    let (cues_from, cues_to) = (ctx.list.0.saturating_sub(WINDOW), ctx.list.1 + WINDOW);
    let cues = &cues
        [cues.partition_point(|c| c.end < cues_from)..cues.partition_point(|c| c.first < cues_to)];
    let (cue, between, after, topic) = match ctx.attached(cues) {
        Some(a) => (a.cue, a.between, a.after, false),
        None if m.domestic => {
            let setting = ctx.others.len() == 1 && opens_as_setting(doc, m);
            (
                sentence_topic(doc, m, cues, setting)?,
                Between::default(),
                false,
                true,
            )
        }
        None => return None,
    };
    let mut r = reading(&ctx, cue, &between, after);
    // What may happen has not: fire, fighting or an evacuation that may come says nothing of
    // the place now; a possible change of control is fighting at most.
    if r.hypothetical && matches!(cue.cue, Cue::Contested | Cue::Attacked | Cue::Evacuated) {
        return None;
    }
    if earlier_setting {
        if matches!(cue.cue, Cue::Contested | Cue::Attacked) {
            return None;
        }
        r.past = true;
    }
    // A goal is not an event: "the operation to liberate X", "aiming to capture X" (but an order
    // to civilians to leave is one).
    let control = matches!(cue.cue, Cue::Liberate | Cue::Capture | Cue::Withdraw);
    let goal = control && cue.first > 0 && doc.is_word(cue.first - 1, "to") && !r.civilians_leave;
    // … unless it was tried: "failed to capture X", "tried to retake X", "failed to topple the
    // government or capture X" is fighting there.
    let attempt = control && tried(doc, cue.first);
    let goal = goal || attempt;
    if attempt && cue.cue != Cue::Withdraw {
        if earlier_setting {
            return None;
        }
        return Some(qualified(&ctx, cue, Status::Contested, ATTEMPT, &r, topic));
    }
    if goal {
        return None;
    }
    // The actor is looked for once, when a side-dependent cue or the decision asks for it.
    let actor = OnceCell::new();
    let actor_of = || *actor.get_or_init(|| actor_side(doc, m.sentence, cue, ctx.names));
    let (status, side_note) = status_of_cue(doc, cue, &actor_of, r.civilians_leave, russian_voice)?;
    let mut st = qualified(&ctx, cue, status, side_note, &r, topic);
    if matches!(status, Status::Liberated | Status::Occupied) {
        st.actor = actor_of();
    }
    Some(st)
}

/// The status a list's header gives a line of the list that has no cue of its own: the event
/// of the header's last cue ("the enemy continued shelling civilian infrastructure, namely:" →
/// attacked), for the side the header names. (A sentence naming the places of the one before
/// it has that one for its header.)
pub(super) fn header_status(
    doc: &Document,
    header: usize,
    header_cues: &[CueAt],
    russian_voice: &dyn Fn() -> bool,
) -> Option<MentionStatus> {
    let cue = header_cues.iter().rev().find(|c| c.cue != Cue::Reference)?;
    let civilians_leave = cue.cue == Cue::Withdraw && civilians_before(doc, cue.first);
    let actor = || actor_side(doc, header, cue, &[]);
    let (status, side_note) = status_of_cue(doc, cue, &actor, civilians_leave, russian_voice)?;
    let (snippet, cut) = shortened(
        &doc.text[doc.tokens[cue.first].start..doc.sentences[header].end],
        140,
    );
    let reason = [
        capitalised(status),
        ": named as a place of “",
        snippet,
        cut,
        "”",
        side_note,
        ".",
    ]
    .concat();
    Some(MentionStatus {
        status,
        strength: 2,
        reason,
        claimant: None,
        actor: None,
    })
}

/// The status weakened or turned by its reading, with its reason.
fn qualified(
    ctx: &Context,
    cue: &CueAt,
    mut status: Status,
    side_note: &str,
    r: &Reading,
    topic: bool,
) -> MentionStatus {
    let (doc, m) = (ctx.doc, ctx.m);
    let mut strength = 2;
    let mut qualifier = "";
    // "No Russian troops are left in X" negates nothing: none remain.
    let none_left = cue.cue == Cue::Withdraw && doc.tok(cue.first).eq_ignore_ascii_case("left");
    if r.negated && !none_left && matches!(status, Status::Liberated | Status::Occupied) {
        status = Status::Contested;
        qualifier = " (denied or failed, so still fought over)";
    }
    if r.hypothetical && matches!(status, Status::Liberated | Status::Occupied) {
        status = Status::Contested;
        qualifier = " (possible, not done, so fought over)";
    }
    if r.beside {
        // "attacked near Bohdanivka", "attacks in the areas of Rozdolne": ground assaults
        // around a place are fighting there, not strikes on it.
        let assault = cue.cue == Cue::Attacked && ASSAULT.matches(doc.tok(cue.first));
        // Fighting and ground attacks near a place are fighting for it, as sure as in it; a
        // change of control or fire near it is only a weaker sign.
        if cue.cue != Cue::Contested && !assault {
            strength = 1;
        }
        if matches!(status, Status::Liberated | Status::Occupied) || assault {
            status = Status::Contested;
        }
        qualifier = " (near the place rather than in it)";
    }
    if r.past {
        strength = 1;
        qualifier = " (earlier in the war)";
    }
    if (m.coreference && !m.antecedent_in_sentence) || topic || side_note == GUESSED_WITHDRAWAL {
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
    MentionStatus {
        status,
        strength,
        reason,
        claimant: None,
        actor: None,
    }
}

/// "attack", "attacks", "attacked": beside a place, ground assaults.
const ASSAULT: CueWord = CueWord::prefix("attack");

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
    let destination = goal_before(doc, m.first_token);
    let after_cue = first.end <= m.first_token && !destination;
    (single && plain && (after_cue || setting) && first.quote == quotation_of(doc, m.start))
        .then_some(first)
}

/// The name at token `t` is a goal: a destination word stands before it, with only
/// determiners and settlement words between ("depart for Lviv", "to the city of Dnipro").
fn goal_before(doc: &Document, t: usize) -> bool {
    let mut i = t;
    while i > 0
        && (word_in(doc, i - 1, &["the", "of"]) || word_is(doc, i - 1, Class::SettlementNoun))
    {
        i -= 1;
    }
    i > 0 && word_is(doc, i - 1, Class::Destination)
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
    (&s[..floor_char_boundary(s, max)], "…")
}
