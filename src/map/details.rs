//! What the details panel shows about a place: its name, forms, status, reason and claimant, and
//! every sentence that mentions it cut into pieces with the mentions marked. Mention spans are
//! byte offsets into the article; they are turned into pieces here, in Rust, so the page never
//! has to convert UTF-8 offsets to JavaScript's UTF-16 indices.

use serde::Serialize;
use std::sync::Arc;

use crate::report::{Evidence, Kind, ReportedPlace};

/// A run of a sentence, highlighted where it is the place's mention.
#[derive(Serialize, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

/// A quotation in a sentence and who said it.
#[derive(Serialize, Debug, PartialEq)]
pub struct Quote {
    pub quote: Arc<str>,
    pub speaker: Option<Arc<str>>,
    /// Whether the sentence shown holds the whole quotation (so the panel names only its
    /// speaker, not the words again).
    pub in_sentence: bool,
}

/// One sentence that mentions a place, cut into pieces at its mentions.
#[derive(Serialize, Debug, PartialEq)]
pub struct SentenceView {
    pub pieces: Vec<Piece>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Arc<str>>,
    /// What this sentence alone reports about the place, and why.
    pub status: Option<&'static str>,
    pub reason: Option<String>,
}

/// Everything the details panel shows about a place.
#[derive(Serialize, Debug, PartialEq)]
pub struct Details<'a> {
    pub name: &'a str,
    pub kind: Kind,
    pub status: &'static str,
    pub reason: &'a str,
    pub claimed_by: Option<&'a str>,
    /// Who reports the place's status, in one line: the claimant, by its fullest name in the
    /// sentences ("the ministry" → "the Russian Defense Ministry").
    pub source: Option<String>,
    pub oblast: Option<&'a str>,
    pub forms: &'a [String],
    pub sentences: Vec<SentenceView>,
}

impl<'a> Details<'a> {
    /// The panel's content for one place.
    pub fn of(p: &'a ReportedPlace) -> Details<'a> {
        let mut sentences = sentence_views(&p.mentions);
        let source = p.claimed_by.as_deref().map(|c| fullest_name(c, &sentences));
        // The source is said once, at the top; a sentence names only its other speakers.
        if let Some(source) = &source {
            let said = |s: &str| source.eq_ignore_ascii_case(s) || names_same(s, source);
            for v in &mut sentences {
                v.speakers.retain(|s| !said(s));
            }
        }
        Details {
            name: &p.name,
            kind: p.kind,
            status: p.status.as_str(),
            reason: &p.reason,
            claimed_by: p.claimed_by.as_deref(),
            source,
            oblast: p.oblast.as_deref(),
            forms: &p.forms,
            sentences,
        }
    }
}

/// Whether the speaker `short` names the same source as `full`: its words, past "the", stand
/// in `full` ("the ministry" in "the Russian Defense Ministry").
fn names_same(short: &str, full: &str) -> bool {
    let key = short.trim();
    let key = key
        .strip_prefix("the ")
        .or_else(|| key.strip_prefix("The "))
        .unwrap_or(key)
        .to_lowercase();
    !key.is_empty() && full.to_lowercase().contains(&key)
}

/// The claimant by its fullest name among the sentences' speakers.
fn fullest_name(claimant: &str, sentences: &[SentenceView]) -> String {
    sentences
        .iter()
        .flat_map(|v| {
            v.speakers
                .iter()
                .chain(v.quotes.iter().filter_map(|q| q.speaker.as_ref()))
        })
        .filter(|s| s.len() > claimant.len() && names_same(claimant, s))
        .max_by_key(|s| s.len())
        .map_or_else(|| claimant.to_string(), |s| s.to_string())
}

/// The largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `sentence` shows the quotation `quote`: holds it whole, or is a part of it (a
/// quotation over several sentences).
fn shows_quote(sentence: &str, quote: &str) -> bool {
    let bare = sentence.trim_matches(|c: char| "“”\"«» ".contains(c));
    sentence.contains(quote) || (!bare.is_empty() && quote.contains(bare))
}

/// Groups a place's mentions by sentence and cuts each sentence at the mentions' byte ranges
/// (converted from article offsets to sentence offsets, clamped and snapped to characters, so a
/// bad span can never split a character).
pub fn sentence_views(mentions: &[Evidence]) -> Vec<SentenceView> {
    let mut groups: Vec<(usize, Vec<&Evidence>)> = Vec::new();
    for e in mentions {
        match groups.iter_mut().find(|(s, _)| *s == e.sentence_start) {
            Some((_, g)) => g.push(e),
            None => groups.push((e.sentence_start, vec![e])),
        }
    }
    groups
        .into_iter()
        .map(|(start, group)| {
            let sentence = &*group[0].sentence;
            let mut spans: Vec<(usize, usize)> = group
                .iter()
                .map(|e| {
                    let a = floor_boundary(sentence, e.start.saturating_sub(start));
                    let b = floor_boundary(sentence, e.end.saturating_sub(start));
                    (a, b)
                })
                .filter(|(a, b)| a < b)
                .collect();
            spans.sort_unstable();
            let mut pieces = Vec::new();
            let mut at = 0;
            for (a, b) in spans {
                let a = a.max(at);
                if a >= b {
                    continue;
                }
                if a > at {
                    pieces.push(Piece {
                        text: sentence[at..a].to_string(),
                        mark: false,
                    });
                }
                pieces.push(Piece {
                    text: sentence[a..b].to_string(),
                    mark: true,
                });
                at = b;
            }
            if at < sentence.len() {
                pieces.push(Piece {
                    text: sentence[at..].to_string(),
                    mark: false,
                });
            }
            let mut quotes: Vec<Quote> = Vec::new();
            let mut speakers: Vec<Arc<str>> = Vec::new();
            for e in &group {
                match (&e.quote, &e.speaker) {
                    (Some(q), sp) if !quotes.iter().any(|x| &x.quote == q) => {
                        quotes.push(Quote {
                            quote: q.clone(),
                            speaker: sp.clone(),
                            in_sentence: shows_quote(sentence, q),
                        });
                    }
                    (None, Some(sp)) if !speakers.contains(sp) => speakers.push(sp.clone()),
                    _ => {}
                }
            }
            let judged = group.iter().find(|e| e.status.is_some());
            SentenceView {
                pieces,
                quotes,
                speakers,
                status: judged.and_then(|e| e.status).map(|s| s.as_str()),
                reason: judged.and_then(|e| e.reason.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    fn ev(article: &str, sentence: &str, mention: &str, nth: usize) -> Evidence {
        let sentence_start = article.find(sentence).unwrap();
        let start = sentence_start
            + sentence
                .match_indices(mention)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap();
        Evidence {
            sentence: sentence.into(),
            sentence_start,
            quote: None,
            speaker: None,
            start,
            end: start + mention.len(),
            status: None,
            reason: None,
        }
    }

    fn text(v: &SentenceView) -> String {
        v.pieces
            .iter()
            .map(|p| {
                if p.mark {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn pieces_follow_byte_offsets_past_non_ascii_text() {
        let article = "Zelensky: “2 thousand” km². Troops enter Izyum after “forcing” it. Izyum’s mayor — Izyum!";
        let s1 = "Troops enter Izyum after “forcing” it.";
        let s2 = "Izyum’s mayor — Izyum!";
        let mentions = [
            ev(article, s1, "Izyum", 0),
            ev(article, s2, "Izyum", 0),
            ev(article, s2, "Izyum", 1),
        ];
        let views = sentence_views(&mentions);
        assert_eq!(views.len(), 2, "one view per sentence");
        assert_eq!(text(&views[0]), "Troops enter [Izyum] after “forcing” it.");
        assert_eq!(text(&views[1]), "[Izyum]’s mayor — [Izyum]!");
    }

    #[test]
    fn bad_spans_never_split_characters_or_panic() {
        let cases = [(0, 3), (2, 200), (7, 5), (usize::MAX - 1, usize::MAX)];
        for (start, end) in cases {
            let e = Evidence {
                sentence: "“Київ” — Kyiv".into(),
                sentence_start: 0,
                quote: None,
                speaker: None,
                start,
                end,
                status: None,
                reason: None,
            };
            let v = sentence_views(&[e]);
            let joined: String = v[0].pieces.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, "“Київ” — Kyiv", "{start}..{end}");
        }
    }

    #[test]
    fn quotes_and_speakers_are_listed_once() {
        let article = "“We have just started to evacuate the city,” an official told CNN.";
        let mut e = ev(article, article, "city", 0);
        e.quote = Some("We have just started to evacuate the city,".into());
        e.speaker = Some("an official".into());
        e.status = Some(Status::Evacuated);
        e.reason = Some("evacuate".into());
        let views = sentence_views(&[e.clone(), e]);
        assert_eq!(views[0].quotes.len(), 1);
        assert_eq!(views[0].status, Some("evacuated"));
        assert_eq!(views[0].quotes[0].speaker.as_deref(), Some("an official"));
        assert!(views[0].quotes[0].in_sentence);
    }

    #[test]
    fn a_sentence_shows_a_quotation_it_holds_or_is_part_of() {
        let cases = [
            ("“We left,” he said.", "We left,", true),
            (
                "“We left the city.",
                "We left the city. Units arrived,",
                true,
            ),
            ("He said it was over.", "We left the city.", false),
        ];
        for (sentence, quote, shown) in cases {
            assert_eq!(shows_quote(sentence, quote), shown, "{sentence}");
        }
    }

    #[test]
    fn the_source_is_named_once_and_in_full() {
        let article = "Russian forces captured Avdiivka, the Russian Defense Ministry said. \
                       The ministry said Avdiivka was taken, a report by TASS said.";
        let s1 = "Russian forces captured Avdiivka, the Russian Defense Ministry said.";
        let s2 = "The ministry said Avdiivka was taken, a report by TASS said.";
        let mut a = ev(article, s1, "Avdiivka", 0);
        a.speaker = Some("the Russian Defense Ministry".into());
        let mut b = ev(article, s2, "Avdiivka", 0);
        b.speaker = Some("TASS".into());
        let mut c = b.clone();
        c.speaker = Some("The ministry".into());
        let place = ReportedPlace {
            name: "Avdiivka".into(),
            geonameid: None,
            kind: Kind::Settlement,
            lon: 37.75,
            lat: 48.14,
            oblast: None,
            status: Status::Occupied,
            reason: String::new(),
            claimed_by: Some("The ministry".into()),
            forms: vec!["Avdiivka".into()],
            mentions: vec![a, b, c],
        };
        let d = Details::of(&place);
        assert_eq!(d.source.as_deref(), Some("the Russian Defense Ministry"));
        let speakers: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|v| v.speakers.iter().map(|s| &**s).collect())
            .collect();
        assert_eq!(speakers, [vec![], vec!["TASS"]]);
    }
}
