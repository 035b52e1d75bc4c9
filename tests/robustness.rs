//! `extract` never panics and always returns valid spans, whatever the input: arbitrary bytes
//! (read as UTF-8 with replacements), HTML pasted as text, huge repetitive text, and thousands
//! of clause breaks, dashes, quotation marks or parentheses in one sentence, in linear time.

mod common;

use common::gazetteer;
use frontline::extract;
use proptest::prelude::*;

fn check_spans(text: &str) {
    let report = extract(gazetteer(), text);
    for p in &report.places {
        for m in &p.mentions {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(
                &text[m.sentence_start..m.sentence_start + m.sentence.len()],
                &*m.sentence
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_bytes_give_a_report(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check_spans(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn any_text_of_names_and_punctuation_gives_a_report(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("Kupiansk"), Just("Izyum"), Just("’s"), Just("“"), Just("”"), Just("\""),
                Just("."), Just(","), Just(" "), Just("\n"), Just("Gen."), Just("liberated"),
                Just("the city"), Just("region"), Just("-"), Just("Kharkiv"), Just("«"), Just("»"),
                Just("said"), Just("Ukrainian"), Just("Russian"), Just("é"), Just("Київ"),
                Just("In "), Just(" near "), Just("("), Just(")"), Just(" which "), Just(" and "),
                Just(" that "), Just(" attacks "), Just(" along the "), Just(" north of "),
                Just(" left "), Just("27,000"), Just("Oblast"), Just(" was "), Just("🔻"),
            ],
            0..200,
        )
    ) {
        check_spans(&parts.concat());
    }
}

#[test]
fn html_pasted_as_text_is_read_as_text() {
    let html = r#"<html><body><p>Russian missiles struck <b>Odesa</b> overnight.</p><img src=x onerror="window.pwned=1"><script>alert(1)</script></body></html>"#;
    let report = extract(gazetteer(), html);
    assert!(report.places.iter().any(|p| p.name == "Odesa"));
    check_spans(html);
}

#[test]
fn long_runs_without_spaces_or_sentences() {
    check_spans(&"Kupiansk".repeat(20_000));
    check_spans(&"a".repeat(200_000));
    check_spans(&"“".repeat(50_000));
    check_spans(&"Izyum, ".repeat(20_000));
}

#[test]
fn a_text_without_sentence_ends_keeps_its_evidence_short() {
    // 300 KB of one list with no full stop, inside a quotation that never closes: every mention
    // shows the words around it, not the whole text again.
    let text = format!(
        "“{}",
        "troops attacked near Kupiansk, Izium and Balakliia, ".repeat(6_000)
    );
    let report = extract(gazetteer(), &text);
    let mentions: Vec<_> = report.places.iter().flat_map(|p| &p.mentions).collect();
    assert!(mentions.len() > 10_000);
    for m in mentions {
        assert!(m.sentence.len() <= 1_000, "{} bytes", m.sentence.len());
        assert!(m.quote.as_ref().is_none_or(|q| q.len() <= 1_000));
        assert!(m.sentence.contains(&text[m.start..m.end]));
    }
    check_spans(&text);
}

/// Pathological punctuation: `n` repetitions of a unit between two places, at two sizes. The
/// report must name both places where they stand, and the larger input must cost about four
/// times the smaller (it is four times as long), not sixteen: the best of seven runs each, the
/// two sizes taking turns so that a busy machine slows both alike, within a generous bound (a
/// few milliseconds at most are taken as noise: a cost quadratic in 5,000 units would be far
/// above that).
fn check_linear_and_found(name: &str, build: impl Fn(usize) -> String) {
    const SMALL: usize = 1_250;
    const LARGE: usize = 5_000;
    let timed = |text: &str| {
        let start = std::time::Instant::now();
        let report = extract(gazetteer(), text);
        (start.elapsed(), report)
    };
    let (small, large) = (build(SMALL), build(LARGE));
    let (mut t_small, mut t_large) = (std::time::Duration::MAX, std::time::Duration::MAX);
    let mut report = None;
    for _ in 0..7 {
        t_small = t_small.min(timed(&small).0);
        let (t, r) = timed(&large);
        t_large = t_large.min(t);
        report = Some(r);
    }
    let report = report.expect("seven runs");
    for place in ["Kupiansk", "Izium"] {
        let p = report
            .places
            .iter()
            .find(|p| p.name == place)
            .unwrap_or_else(|| panic!("{name}: {place} not found"));
        for m in &p.mentions {
            assert!(
                large[m.start..m.end].starts_with(&place[..4]),
                "{name}: {place} at {}",
                m.start
            );
        }
    }
    check_spans(&large);
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 10.0 || t_large < std::time::Duration::from_millis(5),
        "{name}: {LARGE} units took {t_large:?}, {SMALL} took {t_small:?} (ratio {ratio:.1})"
    );
}

#[test]
fn thousands_of_clause_breaks_in_one_sentence() {
    check_linear_and_found("clauses", |n| {
        format!(
            "Russian troops shelled Kupiansk{} and then Izium.",
            ", which, and, which the troops took".repeat(n)
        )
    });
}

#[test]
fn thousands_of_dashes() {
    check_linear_and_found("dashes", |n| {
        format!(
            "in the Kharkiv direction – Kupiansk {}– Izium;",
            "– — - ".repeat(n)
        )
    });
}

#[test]
fn thousands_of_nested_and_unbalanced_quotes() {
    check_linear_and_found("quotes", |n| {
        format!(
            "“Kupiansk was shelled, {}” said an official. Troops liberated Izium.",
            "“ \" « ‘ said ".repeat(n)
        )
    });
}

#[test]
fn thousands_of_parentheses() {
    check_linear_and_found("parentheses", |n| {
        format!(
            "{}Russian forces shelled Kupiansk{} (and Izium{}.",
            "(".repeat(n),
            ")".repeat(n / 2),
            " (near".repeat(n)
        )
    });
}

#[test]
fn thousands_of_bulleted_lines_under_a_header() {
    check_linear_and_found("bulleted list", |n| {
        format!(
            "The enemy continued shelling, namely:\n{}",
            "- Kupiansk, Izium, Balakliia;\n".repeat(n)
        )
    });
}
