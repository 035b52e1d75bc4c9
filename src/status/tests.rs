//! Sentence tables of the status stages over a tiny gazetteer: every place each text names, with
//! the status it gets. Each row exercises one rule; deleting the rule changes its row.

use crate::gazetteer::Gazetteer;
use expect_test::{expect, Expect};
use std::fmt::Write;
use std::sync::OnceLock;

/// A settlement feature of the fixture: id, name, spellings, lon, lat, oblast, population.
fn settlement(id: u32, names: &[&str], lon: f64, lat: f64, oblast: &str, pop: u32) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
        "properties":{{"id":{id},"name":"{}","kind":"settlement","type":"city","names":{names:?},
        "oblast":"{oblast}","country":"UA","pop":{pop}}}}}"#,
        names[0]
    )
}

/// Real towns of the Kharkiv and Donetsk fronts, the two oblasts, Russia and Moscow.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let (kh, dn) = ("Kharkiv Oblast", "Donetsk Oblast");
        let mut features = vec![
            settlement(703656, &["Kupiansk", "Kupyansk"], 37.616, 49.710, kh, 27000),
            settlement(707292, &["Izium", "Izyum"], 37.277, 49.207, kh, 45000),
            settlement(
                712926,
                &["Balakliia", "Balakliya"],
                36.859,
                49.463,
                kh,
                26000,
            ),
            settlement(706483, &["Kharkiv"], 36.253, 49.981, kh, 1_400_000),
            settlement(686895, &["Zolochiv"], 35.977, 50.280, kh, 9000),
            settlement(690829, &["Udy"], 36.130, 50.250, kh, 2000),
            settlement(713174, &["Bakhmut"], 38.000, 48.596, dn, 73000),
            settlement(706757, &["Soledar"], 38.067, 48.683, dn, 10000),
            settlement(713122, &["Avdiivka"], 37.750, 48.139, dn, 31000),
            settlement(704422, &["Pokrovsk"], 37.176, 48.283, dn, 60000),
        ];
        features.push(
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[36.5,49.5]},
            "properties":{"id":null,"name":"Kharkiv Oblast","kind":"region","type":"oblast",
            "names":["Kharkiv Oblast"],"stems":["Kharkiv"],"country":"UA"}}"#
                .to_string(),
        );
        features.push(
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[97.0,62.0]},
            "properties":{"id":2017370,"name":"Russia","kind":"country","type":"country",
            "names":["Russia"],"country":"RU"}}"#
                .to_string(),
        );
        Gazetteer::of_features(&features)
    })
}

/// Each text with every place it names and the place's status, one per line.
fn check(texts: &[&str], expected: Expect) {
    let mut out = String::new();
    for text in texts {
        writeln!(out, "{text}").unwrap();
        for p in crate::extract(gazetteer(), text).places {
            writeln!(out, "  {}: {}", p.name, p.status.as_str()).unwrap();
        }
    }
    expected.assert_eq(&out);
}

#[test]
fn statuses_by_rule() {
    check(
        &[
            // Cues of each class, before and after the name.
            "Ukrainian forces liberated Kupiansk.",
            "Izium was shelled overnight.",
            "Heavy fighting continues in Bakhmut.",
            "Residents were evacuated from Pokrovsk.",
            // The actor's side turns a capture and a withdrawal.
            "Russian forces captured Avdiivka.",
            "Ukrainian troops captured Soledar.",
            "Russian troops withdrew from Balakliia.",
            "Ukrainian troops withdrew from Soledar.",
            // Civilians leaving is an evacuation; a goal is no event.
            "Many residents fled Izium.",
            "Russia launched an offensive to capture Kharkiv.",
            // Negation: a failed capture is still fighting.
            "Russian forces failed to capture Bakhmut.",
            "Russian troops failed to break the defence or capture Soledar.",
            "Residents are leaving Balakliia.",
            "Russian forces withdrew across the river, leaving Izium under Russian control.",
            // A list under "the largest of which are" shares the clause's event.
            "Russian forces took full control of Izium and nearby villages, the largest of which are Udy and Zolochiv.",
            // Beside the place: a capture near it is fighting there.
            "Russian forces captured positions near Bakhmut.",
            // The subject acts, not the nearest side word.
            "Officials said the Ukrainian forces cut vital Russian supplies to Izium and retook Kupiansk.",
            // What the place has is not the place.
            "Fighting continues in Bakhmut. The enemy occupied [Bakhmut’s] heights.",
            // Fighting early in the war says nothing of the place now.
            "Early in the war, fighting raged around Kharkiv.",
            // A quoted fragment woven into the sentence is the sentence's own words.
            "Officials said Kupiansk and Izium had been \"liberated from the invader\".",
            // A list after "including" takes the clause's event, past the words that say what
            // its members are.
            "Russia kept striking targets across the country, including the capital, Kyiv, and the northeastern city of Kharkiv.",
            // Clause barriers: a semicolon, "but".
            "Fighting raged in Bakhmut; Soledar is calm.",
            // A reference point only locates; the direction of a front is no place of events.
            "The village lies 20 kilometres north of Izium.",
            "Fighting continued in the Bakhmut direction.",
            // Sectors named in a list are lines of the front, not places of events.
            "No assaults were recorded in the Kupiansk, Izium and Bakhmut sectors.",
            // "the city" takes the event to the town named before.
            "Kharkiv is the second city. Missiles struck the city overnight.",
            // "this major city" refers like "the city".
            "Kharkiv: Russia continues to shell residential areas of this major city.",
            // A destination is a goal, not where the event is; people are no destination.
            "Evacuation trains from the region depart for Kharkiv.",
            "Evacuation was announced from villages close to the front, Udy and Zolochiv.",
            "A mandatory evacuation was announced for the residents of Balakliia.",
            // Casualties are fire; gaining ground is fighting.
            "Three people were injured in Izium.",
            "Ukrainian troops gained ground near Bakhmut.",
            // The earlier state is weaker than the current event.
            "Izium was previously occupied by Russia. Izium was shelled on Monday.",
            // What may happen has not; what may have happened is reported.
            "Analysts say the brigades may be too weak to storm Soledar.",
            "Officials warned of the possibility that Russia prepares an assault on Kharkiv.",
            "Russian troops could capture Avdiivka within weeks.",
            "Russian troops may have captured Soledar.",
            "Control of Kupiansk would give Russian forces a foothold.",
            "Officials said the Russian troops would be regrouped from Izium.",
            // A noun phrase describes the place: an apposition, a copula.
            "Officers met in Izium, a key Russian staging point.",
            "Balakliia was a major base for Russian forces.",
            // A denied claim is no change of control.
            "Kyiv dismissed reports that Russian troops had seized Kupiansk.",
            "The ministry denied it, but Russian troops captured Soledar.",
            // Anyone may leave a place; what left it as it was says nothing, the next cue does.
            "Shelling has left 2,000 people in Pokrovsk without water.",
            // A region after the name goes with it, before an aside between commas.
            "Izium in the Kharkiv region, judging by photos posted online, has been retaken by Ukrainian troops.",
            // "taken" is a capture, "taken to" a journey; after the name, "and" begins a clause.
            "Ukrainian troops were reported to have taken Soledar this week and to be advancing around Bakhmut.",
            "Journalists were taken to Kharkiv by train.",
        ],
        expect![[r#"
            Ukrainian forces liberated Kupiansk.
              Kupiansk: liberated
            Izium was shelled overnight.
              Izium: attacked
            Heavy fighting continues in Bakhmut.
              Bakhmut: contested
            Residents were evacuated from Pokrovsk.
              Pokrovsk: evacuated
            Russian forces captured Avdiivka.
              Avdiivka: occupied
            Ukrainian troops captured Soledar.
              Soledar: liberated
            Russian troops withdrew from Balakliia.
              Balakliia: liberated
            Ukrainian troops withdrew from Soledar.
              Soledar: occupied
            Many residents fled Izium.
              Izium: evacuated
            Russia launched an offensive to capture Kharkiv.
              Russia: mentioned
              Kharkiv: mentioned
            Russian forces failed to capture Bakhmut.
              Bakhmut: contested
            Russian troops failed to break the defence or capture Soledar.
              Soledar: contested
            Residents are leaving Balakliia.
              Balakliia: evacuated
            Russian forces withdrew across the river, leaving Izium under Russian control.
              Izium: occupied
            Russian forces took full control of Izium and nearby villages, the largest of which are Udy and Zolochiv.
              Izium: occupied
              Udy: occupied
              Zolochiv: occupied
            Russian forces captured positions near Bakhmut.
              Bakhmut: occupied
            Officials said the Ukrainian forces cut vital Russian supplies to Izium and retook Kupiansk.
              Izium: mentioned
              Kupiansk: liberated
            Fighting continues in Bakhmut. The enemy occupied [Bakhmut’s] heights.
              Bakhmut: contested
            Early in the war, fighting raged around Kharkiv.
              Kharkiv: mentioned
            Officials said Kupiansk and Izium had been "liberated from the invader".
              Kupiansk: liberated
              Izium: liberated
            Russia kept striking targets across the country, including the capital, Kyiv, and the northeastern city of Kharkiv.
              Russia: mentioned
              Kharkiv: attacked
            Fighting raged in Bakhmut; Soledar is calm.
              Bakhmut: contested
              Soledar: mentioned
            The village lies 20 kilometres north of Izium.
              Izium: mentioned
            Fighting continued in the Bakhmut direction.
              Bakhmut: mentioned
            No assaults were recorded in the Kupiansk, Izium and Bakhmut sectors.
              Kupiansk: mentioned
              Izium: mentioned
              Bakhmut: mentioned
            Kharkiv is the second city. Missiles struck the city overnight.
              Kharkiv: attacked
            Kharkiv: Russia continues to shell residential areas of this major city.
              Kharkiv: attacked
              Russia: mentioned
            Evacuation trains from the region depart for Kharkiv.
              Kharkiv: mentioned
            Evacuation was announced from villages close to the front, Udy and Zolochiv.
              Udy: evacuated
              Zolochiv: evacuated
            A mandatory evacuation was announced for the residents of Balakliia.
              Balakliia: evacuated
            Three people were injured in Izium.
              Izium: attacked
            Ukrainian troops gained ground near Bakhmut.
              Bakhmut: contested
            Izium was previously occupied by Russia. Izium was shelled on Monday.
              Izium: attacked
              Russia: mentioned
            Analysts say the brigades may be too weak to storm Soledar.
              Soledar: mentioned
            Officials warned of the possibility that Russia prepares an assault on Kharkiv.
              Russia: mentioned
              Kharkiv: mentioned
            Russian troops could capture Avdiivka within weeks.
              Avdiivka: contested
            Russian troops may have captured Soledar.
              Soledar: occupied
            Control of Kupiansk would give Russian forces a foothold.
              Kupiansk: contested
            Officials said the Russian troops would be regrouped from Izium.
              Izium: liberated
            Officers met in Izium, a key Russian staging point.
              Izium: occupied
            Balakliia was a major base for Russian forces.
              Balakliia: occupied
            Kyiv dismissed reports that Russian troops had seized Kupiansk.
              Kupiansk: contested
            The ministry denied it, but Russian troops captured Soledar.
              Soledar: occupied
            Shelling has left 2,000 people in Pokrovsk without water.
              Pokrovsk: attacked
            Izium in the Kharkiv region, judging by photos posted online, has been retaken by Ukrainian troops.
              Izium: liberated
              Kharkiv Oblast: mentioned
            Ukrainian troops were reported to have taken Soledar this week and to be advancing around Bakhmut.
              Soledar: liberated
              Bakhmut: contested
            Journalists were taken to Kharkiv by train.
              Kharkiv: mentioned
        "#]],
    );
}

#[test]
fn voices_and_headers() {
    check(
        &[
            // A voice that speaks the Russian side's terms: its bare "liberated" is a capture.
            "The Kiev regime lost ground. The troops liberated Soledar.",
            // Quoting those terms once does not make the narrator speak them.
            "Moscow calls it a \"special military operation\". The army liberated Kupiansk.",
            // One voice's later change of control overrides its earlier one; opposite voices'
            // claims make the place contested.
            "Russian troops seized Izium in March. Now their control collapsed and Russian troops fled Izium.",
            "\"Our forces liberated Kupiansk,\" the Ukrainian General Staff said. \"Russian troops captured Kupiansk,\" the Russian Defence Ministry said.",
            // One sentence giving each side a part of the place: contested.
            "Ukrainian troops control the western part of Kupiansk, and Russian forces hold the eastern part of the city.",
            // A withdrawal that names no side is a weaker reading than one that does.
            "Ukrainian troops withdrew from Soledar. Analysts discussed the withdrawal from Soledar.",
            // A header governs the lines of the list under it; direction names are references.
            "The enemy continued shelling civilian infrastructure, namely:\nin the Kharkiv direction – Udy, Zolochiv;\nin the Bakhmut direction – Soledar.",
            // A line that is not part of the list ends it.
            "The enemy shelled the following villages:\n- Udy,\nZolochiv held a fair.",
            // A sentence that names the places of the one before it takes its event.
            "Our troops are moving southeast of Izium. The officer said the areas in question are Udy and Zolochiv.",
            "Our troops are moving southeast of Izium. He said that Udy and Zolochiv are quiet.",
        ],
        expect![[r#"
            The Kiev regime lost ground. The troops liberated Soledar.
              Soledar: occupied
            Moscow calls it a "special military operation". The army liberated Kupiansk.
              Kupiansk: liberated
            Russian troops seized Izium in March. Now their control collapsed and Russian troops fled Izium.
              Izium: liberated
            "Our forces liberated Kupiansk," the Ukrainian General Staff said. "Russian troops captured Kupiansk," the Russian Defence Ministry said.
              Kupiansk: contested
            Ukrainian troops control the western part of Kupiansk, and Russian forces hold the eastern part of the city.
              Kupiansk: contested
            Ukrainian troops withdrew from Soledar. Analysts discussed the withdrawal from Soledar.
              Soledar: occupied
            The enemy continued shelling civilian infrastructure, namely:
            in the Kharkiv direction – Udy, Zolochiv;
            in the Bakhmut direction – Soledar.
              Kharkiv: mentioned
              Udy: attacked
              Zolochiv: attacked
              Bakhmut: mentioned
              Soledar: attacked
            The enemy shelled the following villages:
            - Udy,
            Zolochiv held a fair.
              Udy: attacked
              Zolochiv: mentioned
            Our troops are moving southeast of Izium. The officer said the areas in question are Udy and Zolochiv.
              Izium: contested
              Udy: contested
              Zolochiv: contested
            Our troops are moving southeast of Izium. He said that Udy and Zolochiv are quiet.
              Izium: contested
              Udy: mentioned
              Zolochiv: mentioned
        "#]],
    );
}

#[test]
fn the_claimant_side_is_the_side_of_the_deciding_voice() {
    use crate::report::Side::{Russian, Ukrainian};
    let cases = [
        (
            "\"Our forces liberated Kupiansk,\" the Ukrainian General Staff said.",
            Some(Ukrainian),
        ),
        (
            "The Russian Defence Ministry said its troops had captured Soledar.",
            Some(Russian),
        ),
        // The narrator is no side; a bare mention has no claim.
        ("Ukrainian forces liberated Kupiansk.", None),
        (
            "Kupiansk was quiet, the Russian Defence Ministry said.",
            None,
        ),
    ];
    for (text, side) in cases {
        let places = crate::extract(gazetteer(), text).places;
        assert_eq!(places.len(), 1, "{text}");
        assert_eq!(places[0].claimant_side, side, "{text}");
    }
}
