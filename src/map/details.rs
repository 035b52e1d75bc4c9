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
    pub oblast: Option<&'a str>,
    pub forms: &'a [String],
    pub sentences: Vec<SentenceView>,
}

impl<'a> Details<'a> {
    /// The panel's content for one place.
    pub fn of(p: &'a ReportedPlace) -> Details<'a> {
        Details {
            name: &p.name,
            kind: p.kind,
            status: p.status.as_str(),
            reason: &p.reason,
            claimed_by: p.claimed_by.as_deref(),
            oblast: p.oblast.as_deref(),
            forms: &p.forms,
            sentences: sentence_views(&p.mentions),
        }
    }
}

/// The largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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
    }
}
