//! The article as text: tokens, sentences, paragraphs, quotations (“…”, "…", «…») and who said
//! them, and who a sentence attributes its report to. Every position is a byte range into the
//! original text, so anything shown to a reader is a slice of it.

use crate::words::WordSet;
use std::cell::Cell;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with apostrophes between letters ("Kiev’s", "Kup'yansk").
    Word,
    /// One punctuation character.
    Punct,
}

/// One word or punctuation character of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A line break separates this token from the one before.
    pub after_newline: bool,
}

/// One sentence: byte range and token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_token: usize,
    pub end_token: usize,
    /// Index of the paragraph (block of text between blank lines or line breaks).
    pub paragraph: usize,
}

/// One quotation: the byte range of its content (inside the marks) and its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote<'a> {
    pub start: usize,
    pub end: usize,
    /// Who said it, as the article names them.
    pub speaker: Option<&'a str>,
}

/// The parsed article. Parsing is linear in the length of the text and never fails.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote<'a>>,
    /// The index of the sentence of each token.
    token_sentences: Vec<u32>,
    /// A tag of each token, made when first asked for (see [`Document::word_tag`]).
    word_tags: Vec<Cell<u32>>,
}

/// The largest character boundary of `s` not above `i` (`s.len()` when `i` is beyond it).
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The tag of a token not tagged yet (see [`Document::word_tag`]).
const UNTAGGED: u32 = 1 << 31;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "mr", "mrs", "ms", "dr", "st", "mt", "gov",
    "sen", "rep", "pres", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "etc", "approx", "km", "inc", "co", "corp", "adm", "brig",
    "cmdr", "ft", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "p.m", "a.m", "a.m", "min", "mln",
];

/// Verbs that introduce reported speech or a report.
static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "states",
    "wrote",
    "writes",
    "added",
    "adds",
    "announced",
    "announces",
    "admitted",
    "admits",
    "claimed",
    "claims",
    "declared",
    "declares",
    "noted",
    "explained",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "warned",
    "emphasized",
    "emphasised",
    "stressed",
    "insisted",
    "posted",
    "replied",
    "stating",
    "saying",
    "report",
]);

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

impl<'a> Document<'a> {
    /// The top-level entry point for reading text: tokens, sentences and quotations.
    pub fn parse(text: &'a str) -> Document<'a> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        // The sentences cover the tokens one after another.
        let mut token_sentences = vec![0; tokens.len()];
        for (k, s) in sentences.iter().enumerate() {
            token_sentences[s.first_token..s.end_token].fill(k as u32);
        }
        let word_tags = vec![Cell::new(UNTAGGED); tokens.len()];
        let mut doc = Document {
            text,
            word_tags,
            tokens,
            sentences,
            quotes: Vec::new(),
            token_sentences,
        };
        doc.quotes = find_quotes(&doc);
        doc
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The tag of token `i`: `tag` of its text if it is a word, 0 for any other token or none.
    /// A token's tag is made when first asked for and kept, so a later call gets the first
    /// call's tag: the program has one tagger (the word classes of the status lexicon), and this
    /// makes each of its many tests of a word a bit test. A tag has at most 31 bits.
    #[inline]
    pub fn word_tag(&self, i: usize, tag: impl Fn(&str) -> u32) -> u32 {
        match self.word_tags.get(i).map(Cell::get) {
            Some(UNTAGGED) => self.tag_token(i, tag),
            Some(known) => known,
            None => 0,
        }
    }

    /// Tags token `i` (see [`Document::word_tag`]).
    #[cold]
    fn tag_token(&self, i: usize, tag: impl Fn(&str) -> u32) -> u32 {
        let bits = match self.tokens[i].kind {
            TokenKind::Word => tag(self.tok(i)) & !UNTAGGED,
            _ => 0,
        };
        self.word_tags[i].set(bits);
        bits
    }

    /// True when token `i` is a word equal (ignoring ASCII case) to `w`.
    #[inline]
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len()
            && self.tokens[i].kind == TokenKind::Word
            && self.tok(i).eq_ignore_ascii_case(w)
    }

    /// The index of the sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        match self.token_sentences.get(i) {
            Some(&s) => s as usize,
            None => self.sentences.len().saturating_sub(1),
        }
    }

    /// The quotation whose content holds byte `pos`, if any.
    pub fn quote_at(&self, pos: usize) -> Option<&Quote<'a>> {
        let i = self.quotes.partition_point(|q| q.end <= pos);
        self.quotes.get(i).filter(|q| q.start <= pos && pos < q.end)
    }

    /// Who a sentence attributes its report to, outside quotations: "X said …", "… said X",
    /// "according to X".
    pub fn attribution(&self, sentence: usize) -> Option<&'a str> {
        let s = self.sentences[sentence];
        // Walk the quotations alongside the tokens instead of searching for each token.
        let mut q = self.quotes.partition_point(|q| q.end <= s.start);
        for i in s.first_token..s.end_token {
            let pos = self.tokens[i].start;
            while q < self.quotes.len() && self.quotes[q].end <= pos {
                q += 1;
            }
            if q < self.quotes.len() && self.quotes[q].start <= pos {
                continue;
            }
            let w = self.tok(i);
            if w.eq_ignore_ascii_case("according") && self.is_word(i + 1, "to") {
                return self.phrase_after(i + 2, s.end_token);
            }
            if !is_speech_verb(w) {
                continue;
            }
            if let Some(p) = self.phrase_before(i, s.first_token) {
                return Some(p);
            }
            // Inverted only after a comma or a quotation: "…, said local officials".
            let inverted = i > s.first_token && self.tokens[i - 1].kind == TokenKind::Punct;
            if inverted {
                if let Some(p) = self.phrase_after(i + 1, s.end_token) {
                    return Some(p);
                }
            }
        }
        None
    }

    /// The noun phrase ending just before token `verb`: back to a clause boundary, at most 16 words.
    fn phrase_before(&self, verb: usize, floor: usize) -> Option<&'a str> {
        let mut verb = verb;
        while verb > floor
            && self.tokens[verb - 1].kind == TokenKind::Word
            && AUXILIARIES.contains(self.tok(verb - 1))
        {
            verb -= 1;
        }
        // A speaker is a noun phrase: "Russian forces recently made confirmed advances" has none
        // before "confirmed" (an adverb or a past tense stands there).
        if verb > floor && self.tokens[verb - 1].kind == TokenKind::Word {
            let w = self.tok(verb - 1);
            let lower = w.starts_with(char::is_lowercase);
            if lower
                && (w.ends_with("ly")
                    || w.ends_with("ed")
                    || ["made", "took", "gave", "did"].contains(&w))
            {
                return None;
            }
        }
        // "The regional governor, Alexei Smirnov, said": a name in apposition is part of it.
        let apposition = verb > floor + 1
            && self.tok(verb - 1) == ","
            && self.tokens[verb - 2].kind == TokenKind::Word;
        let end = if apposition { verb - 1 } else { verb };
        let mut first = end;
        let mut words = 0;
        let mut all_capitalised = true;
        let mut crossed_apposition = false;
        while first > floor {
            let t = self.tokens[first - 1];
            let w = self.tok(first - 1);
            // "(MoD)" inside a name stays in it.
            let bracket = (w == "(" || w == ")")
                && first >= 2
                && self.tokens[first - 2].kind == TokenKind::Word;
            // A hyphen joins words ("pro-Russian"); a spaced dash ends a dateline.
            let joining_hyphen = w == "-" && first >= 2 && t.start == self.tokens[first - 2].end;
            let apposition_comma = apposition && w == "," && words > 0 && all_capitalised;
            if t.kind == TokenKind::Punct
                && w != "’"
                && w != "'"
                && !joining_hyphen
                && w != "."
                && !bracket
                && !apposition_comma
            {
                break;
            }
            crossed_apposition |= apposition_comma;
            if t.kind == TokenKind::Word {
                all_capitalised &= w.starts_with(char::is_uppercase);
            }
            if t.kind == TokenKind::Word {
                if CLAUSE_WORDS.contains(w) {
                    break;
                }
                words += 1;
            }
            first -= 1;
        }
        if words == 0 || words > 16 || (apposition && !crossed_apposition) {
            return None;
        }
        self.clean_phrase(first, end)
    }

    /// The noun phrase starting at token `from`: up to punctuation or a clause word, at most 12 words.
    fn phrase_after(&self, from: usize, ceil: usize) -> Option<&'a str> {
        let mut end = from;
        let mut words = 0;
        while end < ceil {
            let t = self.tokens[end];
            let w = self.tok(end);
            if t.kind == TokenKind::Punct && w != "’" && w != "'" && w != "-" {
                break;
            }
            if t.kind == TokenKind::Word {
                // "claimed that …" starts a clause, not a speaker.
                if words == 0 && w.eq_ignore_ascii_case("that") {
                    return None;
                }
                if words > 0 && (CLAUSE_WORDS.contains(w) || is_speech_verb(w)) {
                    break;
                }
                words += 1;
            }
            end += 1;
        }
        if words == 0 || words > 12 {
            return None;
        }
        self.clean_phrase(from, end)
    }

    fn clean_phrase(&self, first: usize, end: usize) -> Option<&'a str> {
        let mut first = first;
        let mut end = end;
        while end > first
            && self.tokens[end - 1].kind == TokenKind::Word
            && FILLERS.contains(self.tok(end - 1))
        {
            end -= 1;
        }
        while first < end && self.tokens[first].kind == TokenKind::Punct {
            first += 1;
        }
        if first >= end {
            return None;
        }
        let phrase = self.text[self.tokens[first].start..self.tokens[end - 1].end].trim();
        if phrase.is_empty() || !phrase.chars().any(char::is_alphabetic) {
            return None;
        }
        // A lone lower-case word is a verb or an adverb ("adding"), not a speaker.
        let lone_lower = end == first + 1 && phrase.chars().all(char::is_lowercase);
        if lone_lower && !PRONOUNS.contains(&phrase) {
            return None;
        }
        Some(phrase)
    }
}

/// `w` is a verb that introduces reported speech or a report ("said", "claimed").
pub fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(w)
}

/// Words that begin a clause and so end a speaker's noun phrase.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that",
    "and",
    "but",
    "as",
    "while",
    "when",
    "after",
    "before",
    "which",
    "who",
    "because",
    "if",
    "so",
    "it",
    "this",
    "yesterday",
    "today",
    "later",
    "earlier",
    "also",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
]);

/// Auxiliaries and adverbs between a speaker and the speech verb ("has also said").
static AUXILIARIES: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "also",
    "reportedly",
    "later",
    "earlier",
]);

/// Words trailing a speaker phrase that are not part of it.
static FILLERS: WordSet = WordSet::new(&[
    "also",
    "then",
    "later",
    "earlier",
    "has",
    "had",
    "have",
    "reportedly",
]);

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´')
}

/// The character at byte `i` (a character boundary) and its length; ASCII without decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = text[i..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        }
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut newline = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII spaces and letters take the short way; other characters are decoded.
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            newline |= matches!(c, '\n' | '\r' | '\u{2029}');
            i += len;
            continue;
        }
        let start = i;
        i += len;
        let kind = if c.is_alphanumeric() {
            // Letters and digits, and an apostrophe when a letter follows it.
            while i < bytes.len() {
                if bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let (d, d_len) = char_at(text, i);
                let joins = d.is_alphanumeric()
                    || (is_apostrophe(d)
                        && i + d_len < bytes.len()
                        && char_at(text, i + d_len).0.is_alphabetic());
                if !joins {
                    break;
                }
                i += d_len;
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        tokens.push(Token {
            start,
            end: i,
            kind,
            after_newline: newline,
        });
        newline = false;
    }
    tokens
}

fn is_closing_mark(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "»" | ")" | "]" | "“" | "'")
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    // News sentences run to twenty words and more, with their punctuation.
    let mut sentences = Vec::with_capacity(tokens.len() / 16);
    let mut first = 0;
    let mut paragraph = 0;
    let mut i = 0;
    let push = |sentences: &mut Vec<Sentence>, first: usize, end: usize, paragraph: usize| {
        if end > first {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[end - 1].end,
                first_token: first,
                end_token: end,
                paragraph,
            });
        }
    };
    while i < tokens.len() {
        if tokens[i].after_newline && i > first {
            push(&mut sentences, first, i, paragraph);
            first = i;
            paragraph += 1;
        } else if tokens[i].after_newline {
            paragraph += usize::from(i > 0);
        }
        let t = tokens[i];
        let s = &text[t.start..t.end];
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            let mut end = i + 1;
            while end < tokens.len()
                && !tokens[end].after_newline
                && tokens[end].start == tokens[end - 1].end
                && tokens[end].kind == TokenKind::Punct
                && is_closing_mark(&text[tokens[end].start..tokens[end].end])
            {
                end += 1;
            }
            let spaced = end >= tokens.len() || tokens[end].start > tokens[end - 1].end;
            let next_starts = end >= tokens.len()
                || tokens[end].after_newline
                || text[tokens[end].start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“\"«‘(".contains(c));
            let abbreviation = s == "." && i > first && is_abbreviation(text, tokens, i);
            if spaced && next_starts && !abbreviation && end > first {
                push(&mut sentences, first, end, paragraph);
                first = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut sentences, first, tokens.len(), paragraph);
    sentences
}

/// True when the full stop at token `dot` closes an abbreviation or an initial ("Gen.", "U.S.", "A.").
fn is_abbreviation(text: &str, tokens: &[Token], dot: usize) -> bool {
    let prev = tokens[dot - 1];
    if prev.kind != TokenKind::Word || prev.end != tokens[dot].start {
        return false;
    }
    let w = &text[prev.start..prev.end];
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    // "U.S.": the word before the inner full stop belongs to the abbreviation.
    if dot >= 3 && &text[tokens[dot - 2].start..tokens[dot - 2].end] == "." {
        let before = &text[tokens[dot - 3].start..tokens[dot - 3].end];
        ABBREVIATIONS.iter().any(|a| {
            a.split_once('.')
                .is_some_and(|(x, y)| x.eq_ignore_ascii_case(before) && y.eq_ignore_ascii_case(w))
        })
    } else {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
    }
}

/// Quote marks: which open, which close. Curly and straight marks are told apart by context,
/// so mismatched marks (“…“) still pair up.
fn find_quotes<'a>(doc: &Document<'a>) -> Vec<Quote<'a>> {
    let text = doc.text;
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (content start, token index of the mark)
    for (ti, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        let mark = &text[t.start..t.end];
        if !matches!(mark, "“" | "”" | "\"" | "«" | "»" | "„") {
            continue;
        }
        let before = text[..t.start].chars().next_back();
        let opens_by_context = before.is_none_or(|c| c.is_whitespace() || "([{:—–-".contains(c));
        let is_open = match mark {
            "«" | "„" => true,
            "»" => false,
            _ => open.is_none() && (opens_by_context || mark == "“"),
        };
        match (is_open, open) {
            (true, None) => open = Some((t.end, ti)),
            (false, Some((start, open_ti))) => {
                quotes.push(Quote {
                    start,
                    end: t.start,
                    speaker: quote_speaker(doc, open_ti, ti),
                });
                open = None;
            }
            (true, Some(_)) => {
                // A new quotation opens inside an unclosed one: the first ran to here.
                open = Some((t.end, ti));
            }
            (false, None) => {}
        }
        if let Some((start, _)) = open {
            if t.start.saturating_sub(start) > 5000 {
                open = None;
            }
        }
    }
    // "he said", "she wrote": the last speaker named, or else who the sentences just before
    // the quotation say spoke ("… Hanna Maliar said on Saturday. “…,” she wrote").
    let is_pronoun = |s: &str| PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(s));
    let mut last_named: Option<&str> = None;
    for q in &mut quotes {
        match q.speaker {
            Some(s) if is_pronoun(s) => {
                q.speaker = last_named.or_else(|| {
                    let here = doc.sentence_of(doc.tokens.partition_point(|t| t.end <= q.start));
                    (here.saturating_sub(2)..here)
                        .rev()
                        .filter_map(|s| doc.attribution(s))
                        .find(|a| !is_pronoun(a))
                });
                if q.speaker.is_some() {
                    last_named = q.speaker;
                }
            }
            Some(s) => last_named = Some(s),
            None => {}
        }
    }
    quotes
}

/// The speaker of the quotation between marks `open` and `close`: after it (“…,” X said / said X /
/// X told CNN) or before it (X said: “…” / X: “…”).
fn quote_speaker<'a>(doc: &Document<'a>, open: usize, close: usize) -> Option<&'a str> {
    let n = doc.tokens.len();
    let mut i = close + 1;
    while i < n && doc.tokens[i].kind == TokenKind::Punct && matches!(doc.tok(i), "," | "”" | "\"")
    {
        i += 1;
    }
    if i < n && !doc.tokens[i].after_newline {
        let sentence_end = doc.sentences[doc.sentence_of(i)].end_token;
        let limit = sentence_end.min(i + 20);
        if let Some(v) = (i..limit).find(|&k| is_speech_verb(doc.tok(k))) {
            if v > i {
                if let Some(p) = doc.phrase_before(v, i) {
                    return Some(p);
                }
            } else if let Some(p) = doc.phrase_after(v + 1, limit) {
                return Some(p);
            }
        }
    }
    // Before the opening mark: "X said: “", "X said, “", "X: “".
    let mut j = open;
    while j > 0 && doc.tokens[j - 1].kind == TokenKind::Punct && matches!(doc.tok(j - 1), ":" | ",")
    {
        j -= 1;
    }
    if j == open || j == 0 {
        return None;
    }
    let sentence = doc.sentences[doc.sentence_of(j - 1)];
    if is_speech_verb(doc.tok(j - 1)) {
        return doc.phrase_before(j - 1, sentence.first_token);
    }
    if doc.tok(open - 1) == ":" {
        return doc.phrase_before(j, sentence.first_token);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::parse(text);
        doc.sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Gen. Zaluzhnyi spoke. Then he left.",
                &["Gen. Zaluzhnyi spoke.", "Then he left."],
            ),
            (
                "The U.S. sent aid. Kyiv thanked it.",
                &["The U.S. sent aid.", "Kyiv thanked it."],
            ),
            (
                "A headline\nThe body text. More.",
                &["A headline", "The body text.", "More."],
            ),
            ("“It fell.” Then silence.", &["“It fell.”", "Then silence."]),
            (
                "It cost 3.5 million. Next.",
                &["It cost 3.5 million.", "Next."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }

    #[test]
    fn every_token_knows_its_sentence() {
        let doc = Document::parse("A headline\nGen. Zaluzhnyi spoke. “It fell.” Then\n\nmore.");
        for (k, s) in doc.sentences.iter().enumerate() {
            assert!((s.first_token..s.end_token).all(|i| doc.sentence_of(i) == k));
        }
        assert_eq!(
            doc.sentence_of(doc.tokens.len() + 3),
            doc.sentences.len() - 1
        );
        assert_eq!(Document::parse("").sentence_of(0), 0);
    }

    #[test]
    fn a_cut_falls_on_the_character_boundary_at_or_before_it() {
        for (s, i, expected) in [
            ("Київ", 3, 2),
            ("Київ", 4, 4),
            ("Київ", 99, 8),
            ("ab", 1, 1),
            ("", 5, 0),
        ] {
            assert_eq!(floor_char_boundary(s, i), expected, "{s:?} at {i}");
        }
    }

    #[test]
    fn words_are_tagged_once_and_other_tokens_not_at_all() {
        let doc = Document::parse("Troops left Izium, 12 km away.");
        let by_length = |w: &str| w.len() as u32;
        let tags: Vec<u32> = (0..=doc.tokens.len())
            .map(|i| doc.word_tag(i, by_length))
            .collect();
        let words: Vec<(&str, u32)> = (0..doc.tokens.len())
            .map(|i| (doc.tok(i), tags[i]))
            .collect();
        assert_eq!(
            words,
            [
                ("Troops", 6),
                ("left", 4),
                ("Izium", 5),
                (",", 0),
                ("12", 2),
                ("km", 2),
                ("away", 4),
                (".", 0)
            ]
        );
        assert_eq!(tags[doc.tokens.len()], 0, "no token, no tag");
        assert_eq!(doc.word_tag(0, |_| 99), 6, "the first tag is kept");
        assert_eq!(doc.word_tag(1, |_| u32::MAX), 4);
        let fresh = Document::parse("Izium");
        assert_eq!(fresh.word_tag(0, |_| u32::MAX), u32::MAX >> 1, "31 bits");
    }

    #[test]
    fn finds_quotations_and_their_speakers() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "“We will win,” Zelensky said.",
                "We will win,",
                Some("Zelensky"),
            ),
            (
                "\"We will win,\" said the general.",
                "We will win,",
                Some("the general"),
            ),
            (
                "The mayor said: “Leave now.”",
                "Leave now.",
                Some("The mayor"),
            ),
            (
                "“It is hard”, admitted the pro-Russians, confirming it.",
                "It is hard",
                Some("the pro-Russians"),
            ),
            (
                "«Stay calm», the governor wrote on Telegram.",
                "Stay calm",
                Some("the governor"),
            ),
            (
                "“Go home,” an official involved in the operation told CNN.",
                "Go home,",
                Some("an official involved in the operation"),
            ),
            ("Nobody knows “why”.", "why", None),
        ];
        for (text, content, speaker) in cases {
            let doc = Document::parse(text);
            assert_eq!(doc.quotes.len(), 1, "{text}");
            let q = &doc.quotes[0];
            assert_eq!(&text[q.start..q.end], *content, "{text}");
            assert_eq!(q.speaker, *speaker, "{text}");
        }
    }

    #[test]
    fn pronoun_speakers_take_the_last_named_speaker() {
        let doc = Document::parse("“Hold on,” Pushilin said. “We lost it,” he said.");
        assert_eq!(doc.quotes[1].speaker, Some("Pushilin"));
        let doc =
            Document::parse("The troops left, the deputy minister said. “It is free,” she wrote.");
        assert_eq!(doc.quotes[0].speaker, Some("the deputy minister"));
    }

    #[test]
    fn finds_who_a_sentence_attributes_its_report_to() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "The Ukrainian military claimed full control over the city.",
                Some("The Ukrainian military"),
            ),
            (
                "Troops freed the village, said local Ukrainian officials.",
                Some("local Ukrainian officials"),
            ),
            (
                "The town fell, according to the Russian Defense Ministry.",
                Some("the Russian Defense Ministry"),
            ),
            ("Troops entered the town.", None),
            ("Sudzha fell, the regional governor, Alexei Smirnov, said.", Some("the regional governor, Alexei Smirnov")),
            ("KYIV, Aug 15 (Reuters) - Ukraine's top commander said the town fell.", Some("Ukraine's top commander")),
            ("The Russian Ministry of Defense (MoD) claimed that Russian forces seized Sontsivka.", Some("The Russian Ministry of Defense (MoD)")),
            ("Russian forces recently made confirmed advances near Pokrovsk.", None),
        ];
        for (text, expected) in cases {
            let doc = Document::parse(text);
            assert_eq!(doc.attribution(0), *expected, "{text}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            ".",
            "“",
            "”",
            "\"\"\"",
            "a.\n\n.b",
            "’s",
            "…",
            "\u{0}\u{FFFF}",
        ] {
            let doc = Document::parse(text);
            for s in &doc.sentences {
                assert!(s.start <= s.end && s.end <= text.len());
            }
        }
    }
}
