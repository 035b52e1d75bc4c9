//! The structure stage: what a sentence is made of, computed from its tokens for the attachment
//! stage. The cues it holds (matched against the lexicon), with the quotation (voice) each stands
//! in; lists of places (commas and conjunctions, names the gazetteer lacks, "including" lists);
//! appositions ("X, a rail hub, was …"); clause barriers (semicolons, open parentheses, "but",
//! "while"); locative phrases ("near X", "south of X"); a name opening its sentence as the
//! setting ("In X, …"); the voice of a position (narrator or quotation); and headers: a
//! sentence ending in a colon governs the lines of the list under it.

use super::lexicon::{lexicon, Class, ClassSet, Cue, Phrase};
use super::PlaceMention;
use crate::text::{Document, TokenKind};

/// The most tokens a list of names runs on after a name before the word that ends it.
const LIST_REACH: usize = 40;

/// The name ending at token `end` stands in a list that names lines of the front: "the Lyman
/// direction", "the Kupiansk-Svatove-Kreminna line", "in the Kramatorsk, Huliaipole and Orikhiv
/// sectors" — names, commas, conjunctions and dashes up to a front-line word.
pub(super) fn names_front_line(doc: &Document, end: usize) -> bool {
    let sentence_end = doc.sentences[doc.sentence_of(end.saturating_sub(1))].end_token;
    let limit = sentence_end.min(end + LIST_REACH);
    let mut t = end;
    while t < limit {
        let w = doc.tok(t);
        let joins = [",", "-", "–", "—", "&"].contains(&w) || word_in(doc, t, &["and", "or"]);
        let name = doc.tokens[t].kind == TokenKind::Word && w.starts_with(char::is_uppercase);
        if !joins && !name {
            break;
        }
        t += 1;
    }
    word_is(doc, t, Class::FrontLine)
}

/// Token `i` exists and is a word of the lexicon's `class`.
#[inline]
pub(super) fn word_is(doc: &Document, i: usize, class: Class) -> bool {
    word_classes(doc, i).has(class)
}

/// The word classes of token `i` (none for a token that is not a word or does not exist).
#[inline(always)]
pub(super) fn word_classes(doc: &Document, i: usize) -> ClassSet {
    ClassSet::from_bits(doc.word_tag(i, |w| lexicon().classes_of(w).bits()))
}

/// Token `i` exists and is a word equal, ignoring ASCII case, to one of `list`.
pub(super) fn word_in(doc: &Document, i: usize, list: &[&str]) -> bool {
    i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Word && {
        let word = doc.tok(i);
        list.iter().any(|w| word.eq_ignore_ascii_case(w))
    }
}

/// A cue found in a sentence: token range and meaning.
#[derive(Clone, Copy, Debug)]
pub(super) struct CueAt {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) cue: Cue,
    /// Start of the quotation the cue stands in, if any.
    pub(super) quote: Option<usize>,
}

/// The cues of a sentence, in order, into `cues`; `words` is a buffer for its word tokens.
/// Returns whether a phrase sets the sentence in an earlier phase of the war ("early in the
/// war", "in the first days of the invasion").
pub(super) fn find_cues(
    doc: &Document,
    sentence: usize,
    words: &mut Vec<usize>,
    cues: &mut Vec<CueAt>,
) -> bool {
    let lexicon = lexicon();
    let s = doc.sentences[sentence];
    words.clear();
    words.extend((s.first_token..s.end_token).filter(|&i| doc.tokens[i].kind == TokenKind::Word));
    let word = |w: usize| doc.tok(words[w]);
    cues.clear();
    let mut earlier = false;
    let mut w = 0;
    while w < words.len() {
        let Some((len, phrase)) = lexicon.phrase_at(w, words.len(), word) else {
            w += 1;
            continue;
        };
        // "out of" is a cue only after pushing: "pushed Russian units out of Lukashivka".
        let loose_out_of = word(w).eq_ignore_ascii_case("out")
            && len == 2
            && !(w.saturating_sub(4)..w).any(|p| lexicon.is(Class::Expel, word(p)));
        match phrase {
            Phrase::Cue(cue) if !loose_out_of => cues.push(CueAt {
                first: words[w],
                end: words[w + len - 1] + 1,
                cue,
                quote: quotation_of(doc, doc.tokens[words[w]].start),
            }),
            Phrase::EarlierTime => earlier = true,
            _ => {}
        }
        w += len;
    }
    earlier
}

/// The word that introduces the list starting at token `first`: "including", "such as",
/// "among them", or a colon.
pub(super) fn including_word(doc: &Document, first: usize) -> Option<usize> {
    // Past the words that name what the members are: "including the capital, Kyiv", "such as
    // the frontline towns of A and B".
    let mut i = first;
    while i > 0
        && first - i < LIST_REACH
        && (word_is(doc, i - 1, Class::ListFiller)
            || (doc.tok(i - 1) == "," && i > 1 && word_is(doc, i - 2, Class::ListFiller)))
    {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let prev = i - 1;
    if word_is(doc, prev, Class::ListOpener) || doc.tok(prev) == ":" {
        return Some(prev);
    }
    // "nearby settlements, the largest of which are A and B".
    let which_are = word_in(doc, prev, &["are", "were", "include", "included"])
        && (prev.saturating_sub(3)..prev).any(|t| doc.is_word(t, "which"));
    if which_are {
        return Some(prev);
    }
    (prev > 0 && word_in(doc, prev, &["as", "them"]) && word_in(doc, prev - 1, &["such", "among"]))
        .then_some(prev - 1)
}

/// The name at token `t` stands in a locative phrase: "near X", "along the X", "around X", "in
/// the area of X", "south of X".
pub(super) fn is_locative(doc: &Document, t: usize) -> bool {
    let t = if t > 0 && doc.is_word(t - 1, "the") {
        t - 1
    } else {
        t
    };
    t > 0 && (word_is(doc, t - 1, Class::Near) || after_near_of(doc, t))
}

/// The name at token `t` follows "south of", "in the area of": a word of nearness and "of".
pub(super) fn after_near_of(doc: &Document, t: usize) -> bool {
    t > 1 && doc.is_word(t - 1, "of") && word_is(doc, t - 2, Class::Near)
}

/// The token span of the list a mention stands in: neighbouring mentions joined only by
/// commas, "and", "or", "&".
pub(super) fn list_span(
    doc: &Document,
    others: &[(usize, usize)],
    m: &PlaceMention,
) -> (usize, usize) {
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
                let filler = after_conjunction && word_is(doc, t, Class::ListFiller);
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
pub(super) fn after_apposition(doc: &Document, from: usize, limit: usize) -> usize {
    // "Zaporizhzhia city, about 50 km to the north, was hit": the settlement word goes too.
    let from = if from < limit && word_in(doc, from, &["city", "town", "village"]) {
        from + 1
    } else {
        from
    };
    // "Sviatohirsk in the Donetsk region, judging by photos, has been retaken": the region
    // locates the name and goes with it.
    let from = if from < limit && doc.is_word(from, "in") {
        (from + 1..limit.min(from + REGION_LOCATOR_WORDS))
            .find(|&t| word_in(doc, t, &["region", "oblast", "province", "district"]))
            .map_or(from, |t| t + 1)
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

/// The most tokens of a locator after a name: "in the Donetsk region", "in Ukraine's Kharkiv
/// oblast".
const REGION_LOCATOR_WORDS: usize = 6;

/// The mention opens its sentence as where it happens: "In Synkivka, …", "In the city of
/// Dnipro, …", "At Kupiansk …".
pub(super) fn opens_as_setting(doc: &Document, m: &PlaceMention) -> bool {
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
/// quotation. Nor is a fragment woven into the writer's sentence, which opens in lower case
/// (X "had been liberated from the invader"): its words are the sentence's.
pub(super) fn quotation_of(doc: &Document, pos: usize) -> Option<usize> {
    doc.quote_at(pos)
        .filter(|q| {
            let text = &doc.text[q.start..q.end];
            let fragment = text.trim_start().starts_with(char::is_lowercase);
            !fragment && (q.speaker.is_some() || text.split_whitespace().nth(3).is_some())
        })
        .map(|q| q.start)
}

/// A line of a list under a header: it opens with a bullet, a lower-case word, or a locative
/// ("in the Kharkiv direction – A, B", "- the village of C,", "In D community:").
fn continues_list(doc: &Document, sentence: usize) -> bool {
    let s = doc.sentences[sentence];
    if s.first_token >= s.end_token {
        return false;
    }
    let first = doc.tok(s.first_token);
    let bullet = ["-", "–", "—", "•", "*", "·", "▪"].contains(&first);
    let lower = first.starts_with(|c: char| c.is_lowercase());
    bullet || lower || word_in(doc, s.first_token, &["in", "on", "at", "near"])
}

/// The sentence says which places the one before it was about: "the areas in question are A
/// and B", "these settlements include A".
fn refers_back(doc: &Document, sentence: usize) -> bool {
    let s = doc.sentences[sentence];
    let copula = |t: usize| word_in(doc, t, &["are", "were", "include", "included"]);
    // The determiner is checked first: it is cheaper than a look into the lexicon.
    (s.first_token + 1..s.end_token).any(|t| {
        ((word_in(doc, t - 1, &["these", "those"]) && copula(t + 1))
            || (doc.is_word(t - 1, "the")
                && doc.is_word(t + 1, "in")
                && doc.is_word(t + 2, "question")
                && copula(t + 3)))
            && word_is(doc, t, Class::BackReference)
    })
}

/// The sentence ends with a colon: "… continued shelling civilian infrastructure, namely:".
fn ends_with_colon(doc: &Document, sentence: usize) -> bool {
    let s = doc.sentences[sentence];
    s.end_token > s.first_token && doc.tok(s.end_token - 1) == ":"
}

/// For each sentence, the header that governs it, if any: the last sentence before it ending
/// with a colon, when every sentence between them (and it) is a line of the list. A line that
/// ends with a colon itself ("In D community:") is a sub-heading and keeps its header. A
/// sentence that names the places of the one before it ("the areas in question are A and B")
/// has that one for its header.
pub(super) fn governing_headers(doc: &Document) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut header: Option<usize> = None;
    for s in 0..doc.sentences.len() {
        if header.is_some() && !continues_list(doc, s) {
            header = None;
        }
        let back = (header.is_none() && s > 0 && refers_back(doc, s)).then(|| s - 1);
        out.push(header.or(back));
        if header.is_none() && ends_with_colon(doc, s) {
            header = Some(s);
        }
    }
    out
}
