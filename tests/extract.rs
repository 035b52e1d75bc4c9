//! End-to-end behaviour of `extract` on whole articles: the seed article and the articles
//! written for the project (tests/fixtures), against the real gazetteer.

mod common;

use common::{fixture, gazetteer};
use frontline::{extract, Kind, Report, ReportedPlace, Status};

fn place<'r>(report: &'r Report, name: &str) -> &'r ReportedPlace {
    report
        .places
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                report.places.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
}

#[test]
fn seed_article_maps_the_four_liberated_towns() {
    let report = extract(gazetteer(), &fixture("seed.txt"));
    for (name, id, form) in [
        ("Kupiansk", 703656, "Kupiansk"),
        ("Izium", 707292, "Izyum"),
        ("Balakliia", 712926, "Balakliya"),
        ("Shevchenkove", 694137, "Shevchenkovo"),
    ] {
        let p = place(&report, name);
        assert_eq!(p.geonameid, Some(id), "{name}");
        assert_eq!(p.status, Status::Liberated, "{name}: {}", p.reason);
        assert!(
            p.forms.iter().any(|f| f == form),
            "{name} forms {:?}",
            p.forms
        );
        assert!(!p.reason.is_empty());
    }
}

#[test]
fn seed_article_keeps_the_evacuation_quote_and_its_speaker_with_izyum() {
    let report = extract(gazetteer(), &fixture("seed.txt"));
    let izium = place(&report, "Izium");
    let quoted = izium
        .mentions
        .iter()
        .find(|m| {
            m.quote
                .as_deref()
                .is_some_and(|q| q.starts_with("We have just started to evacuate the city"))
        })
        .expect("the evacuation quote is among Izyum's mentions");
    let speaker = quoted.speaker.as_deref().expect("the quote has a speaker");
    assert!(speaker.contains("official"), "speaker: {speaker}");
}

#[test]
fn seed_article_names_no_person_or_common_word_as_a_place() {
    let article = fixture("seed.txt");
    let report = extract(gazetteer(), &article);
    let settlements: Vec<&str> = report
        .places
        .iter()
        .filter(|p| p.kind == Kind::Settlement)
        .map(|p| p.name.as_str())
        .collect();
    for not_a_place in [
        "Volodymyr",
        "Zelensky",
        "Antonio",
        "Palma",
        "Geneva",
        "Fan",
        "Page",
        "Interfax",
        "CNN",
    ] {
        assert!(
            report
                .places
                .iter()
                .all(|p| p.forms.iter().all(|f| f != not_a_place)),
            "{not_a_place} reported as a place: {settlements:?}"
        );
    }
    // Metonyms are at most mentioned, never a battlefield status.
    for metonym in ["Moscow", "Kyiv"] {
        if let Some(p) = report.places.iter().find(|p| p.name == metonym) {
            assert_eq!(p.status, Status::Mentioned, "{metonym}: {}", p.reason);
        }
    }
}

#[test]
fn mentions_are_byte_spans_of_the_article_in_order_of_first_mention() {
    let article = fixture("seed.txt");
    let report = extract(gazetteer(), &article);
    let mut firsts = Vec::new();
    for p in &report.places {
        for m in &p.mentions {
            assert!(m.start < m.end && m.end <= article.len());
            assert!(article[m.sentence_start..].starts_with(&*m.sentence));
            assert!(m.sentence_start <= m.start && m.end <= m.sentence_start + m.sentence.len());
        }
        firsts.push(p.mentions.iter().map(|m| m.start).min().unwrap());
    }
    assert!(
        firsts.windows(2).all(|w| w[0] < w[1]),
        "places are not in order of first mention"
    );
}

#[test]
fn written_articles_get_the_statuses_a_reader_would_give() {
    let cases: &[(&str, &[(&str, Status)])] = &[
        (
            "zaporizhzhia-summer.txt",
            &[
                ("Robotyne", Status::Liberated),
                ("Orikhiv", Status::Attacked),
                ("Verbove", Status::Contested),
                ("Novoprokopivka", Status::Contested),
                ("Klishchiivka", Status::Occupied),
                ("Stepnohirsk", Status::Evacuated),
                ("Prymorske", Status::Evacuated),
                ("Moscow", Status::Mentioned),
            ],
        ),
        (
            "kyiv-spring.txt",
            &[
                ("Bucha", Status::Liberated),
                ("Irpin", Status::Liberated),
                ("Hostomel", Status::Liberated),
                ("Chernihiv", Status::Attacked),
                ("Izium", Status::Occupied),
                ("Sloviansk", Status::Contested),
                ("Kramatorsk", Status::Evacuated),
            ],
        ),
        (
            "kherson-autumn.txt",
            &[
                ("Snihurivka", Status::Liberated),
                ("Bilozerka", Status::Liberated),
                ("Nova Kakhovka", Status::Occupied),
                ("Oleshky", Status::Evacuated),
            ],
        ),
    ];
    for (file, expected) in cases {
        let report = extract(gazetteer(), &fixture(file));
        for (name, status) in *expected {
            let p = place(&report, name);
            assert_eq!(p.status, *status, "{file}: {name}: {}", p.reason);
        }
    }
}

#[test]
fn peoples_republics_and_region_lists_are_regions() {
    let report = extract(
        gazetteer(),
        "The Donetsk People's Republic claimed Volnovakha. Towns in the Chernihiv, Sumy and Kharkiv Regions were shelled.",
    );
    for region in [
        "Donetsk Oblast",
        "Chernihiv Oblast",
        "Sumy Oblast",
        "Kharkiv Oblast",
    ] {
        assert_eq!(place(&report, region).kind, Kind::Region, "{region}");
    }
    assert!(report
        .places
        .iter()
        .all(|p| p.name != "Donetsk" && p.name != "Sumy"));
}

#[test]
fn regions_named_with_a_region_word_are_regions_not_towns() {
    let report = extract(gazetteer(), &fixture("kherson-autumn.txt"));
    for region in ["Mykolaiv Oblast", "Kherson Oblast"] {
        assert_eq!(place(&report, region).kind, Kind::Region);
    }
    let dnipro = place(&report, "Dnipro");
    assert_eq!(dnipro.kind, Kind::Other, "the Dnipro River is not the city");
}
