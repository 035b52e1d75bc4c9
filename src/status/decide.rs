//! The decision stage: one status per place from the statuses its mentions got. A stronger
//! reading (a direct cue) beats a weaker one (beside the place, earlier, "the city"); among equals
//! a change of control beats an evacuation, fighting and fire, and a later mention an earlier one;
//! both sides reported in control make the place contested. Every decision keeps its reason and
//! who claims it.

use super::{MentionStatus, PlaceMention};
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::report::{evidence, ReportedPlace, SharedText, Status};
use crate::text::Document;
use rustc_hash::FxHashMap as HashMap;

/// Who each sentence that mentions a place attributes its report to, computed once.
pub(super) type Attributions<'a> = HashMap<usize, Option<&'a str>>;

/// How much a status outranks others of equal strength: control, then evacuation, fighting and
/// fire.
fn priority(s: Status) -> u8 {
    match s {
        Status::Liberated | Status::Occupied => 5,
        Status::Evacuated => 4,
        Status::Contested => 3,
        Status::Attacked => 2,
        Status::Mentioned => 0,
    }
}

/// The winning reading among a place's mentions (index into `mentions`, status, reason): the
/// strongest, then the highest in priority, then the latest — so a later change of control told
/// by the same voice overrides an earlier one ("seized in March … now the troops fled"). When
/// opposite voices claim control for opposite sides, equally surely, or one sentence has each
/// side hold a part of it, the place is contested.
/// `sentence_of` gives the sentence of a mention.
fn decide(
    entries: &[(usize, Option<MentionStatus>)],
    sentence_of: impl Fn(usize) -> usize,
) -> Option<(usize, Status, String)> {
    let readings = || {
        entries
            .iter()
            .filter_map(|(k, st)| st.as_ref().map(|s| (*k, s)))
    };
    let (k, s) = readings().max_by_key(|(k, s)| (s.strength, priority(s.status), *k))?;
    let claims = |wanted: Status| {
        readings().filter(move |(_, t)| t.strength == s.strength && t.status == wanted)
    };
    let disputed = claims(Status::Liberated).any(|(lk, l)| {
        claims(Status::Occupied).any(|(ok, o)| {
            o.claimant != l.claimant || (sentence_of(ok) == sentence_of(lk) && o.actor != l.actor)
        })
    });
    if disputed {
        let reason = format!(
            "Contested: the sides' reports disagree on who holds it — {}",
            s.reason
        );
        return Some((k, Status::Contested, reason));
    }
    Some((k, s.status, s.reason.clone()))
}

/// Who reports mention `m`: the speaker of its quotation, or who its sentence attributes it to.
pub(super) fn speaker_of<'a>(
    doc: &Document<'a>,
    attributions: &Attributions<'a>,
    m: &PlaceMention,
) -> Option<&'a str> {
    match doc.quote_at(m.start) {
        Some(q) => q.speaker,
        None => attributions.get(&m.sentence).copied().flatten(),
    }
}

/// The reported place `id`, from its mentions' statuses (`entries`: index into `mentions` and
/// the status that mention gives, in article order).
pub(super) fn build_place(
    gazetteer: &Gazetteer,
    doc: &Document,
    attributions: &Attributions,
    shared: &mut SharedText,
    id: PlaceId,
    mentions: &[PlaceMention],
    entries: Vec<(usize, Option<MentionStatus>)>,
) -> ReportedPlace {
    let place = gazetteer.place(id);
    let best = decide(&entries, |k| mentions[k].sentence);
    let claimant_side = best.as_ref().and_then(|(k, _, _)| {
        entries
            .iter()
            .find(|(j, _)| j == k)
            .and_then(|(_, st)| st.as_ref()?.claimant)
    });
    let metonym_only = entries
        .iter()
        .all(|(k, _)| mentions[*k].metonym || mentions[*k].coreference);
    let mut forms: Vec<String> = Vec::new();
    let mut evidences = Vec::with_capacity(entries.len());
    for (k, st) in entries {
        let m = &mentions[k];
        let form = &doc.text[m.start..m.end];
        if !m.coreference && !forms.iter().any(|f| f == form) {
            forms.push(form.to_string());
        }
        let speaker = speaker_of(doc, attributions, m);
        let mut e = evidence(doc, shared, m.sentence, m.start..m.end, speaker);
        if let Some(st) = st {
            e.status = Some(st.status);
            e.reason = Some(st.reason);
        }
        evidences.push(e);
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
        claimant_side,
        forms,
        mentions: evidences,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Side;
    use super::*;

    #[test]
    fn the_strongest_then_highest_then_latest_reading_wins() {
        use Side::{Russian, Ukrainian};
        use Status::*;
        type Case = (
            &'static [(Status, u8, Option<Side>)],
            Option<(usize, Status)>,
        );
        let cases: &[Case] = &[
            (&[], None),
            (&[(Attacked, 2, None)], Some((0, Attacked))),
            // A direct cue beats one beside the place, whatever the status.
            (
                &[(Liberated, 1, None), (Attacked, 2, None)],
                Some((1, Attacked)),
            ),
            // Control beats evacuation beats fighting beats fire.
            (
                &[(Occupied, 2, None), (Contested, 2, None)],
                Some((0, Occupied)),
            ),
            (
                &[(Contested, 2, None), (Evacuated, 2, None)],
                Some((1, Evacuated)),
            ),
            (
                &[(Contested, 2, None), (Attacked, 2, None)],
                Some((0, Contested)),
            ),
            // Later beats earlier among equals, in one voice.
            (
                &[(Attacked, 2, None), (Attacked, 2, None)],
                Some((1, Attacked)),
            ),
            (
                &[(Occupied, 2, None), (Liberated, 2, None)],
                Some((1, Liberated)),
            ),
            // Opposite voices claim control for opposite sides: contested.
            (
                &[
                    (Liberated, 2, Some(Ukrainian)),
                    (Occupied, 2, Some(Russian)),
                ],
                Some((1, Contested)),
            ),
            (
                &[
                    (Liberated, 2, Some(Ukrainian)),
                    (Occupied, 1, Some(Russian)),
                ],
                Some((0, Liberated)),
            ),
        ];
        for (readings, expected) in cases {
            let entries: Vec<_> = readings
                .iter()
                .enumerate()
                .map(|(k, &(status, strength, claimant))| {
                    let reason = format!("{status:?} {strength}");
                    let reading = MentionStatus {
                        status,
                        strength,
                        reason,
                        claimant,
                        actor: None,
                    };
                    (k, Some(reading))
                })
                .collect();
            let got = decide(&entries, |k| k).map(|(k, s, _)| (k, s));
            assert_eq!(got, *expected, "{readings:?}");
        }
    }
}
