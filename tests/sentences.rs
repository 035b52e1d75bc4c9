//! Table-driven tests of the linguistic rules on single sentences written for the project:
//! which place a name resolves to, which names are not places, and the status a sentence gives.

mod common;

use common::gazetteer;
use frontline::{extract, Kind, Status};

#[test]
fn sentence_statuses() {
    let cases: &[(&str, &str, Status)] = &[
        (
            "Ukrainian forces liberated Kupiansk on Saturday.",
            "Kupiansk",
            Status::Liberated,
        ),
        (
            "Kupyansk was liberated on Saturday.",
            "Kupiansk",
            Status::Liberated,
        ),
        (
            "Russian troops withdrew from Balakliia.",
            "Balakliia",
            Status::Liberated,
        ),
        (
            "Ukrainian troops withdrew from Lysychansk to avoid encirclement.",
            "Lysychansk",
            Status::Occupied,
        ),
        (
            "Russian forces captured Avdiivka in February.",
            "Avdiivka",
            Status::Occupied,
        ),
        (
            "Ukrainian forces captured Andriivka in the Donetsk region.",
            "Andriivka",
            Status::Liberated,
        ),
        (
            "The Russian Defense Ministry said its forces had liberated Marinka.",
            "Marinka",
            Status::Occupied,
        ),
        (
            "Heavy fighting continues in Bakhmut.",
            "Bakhmut",
            Status::Contested,
        ),
        (
            "Russian troops are advancing on Pokrovsk.",
            "Pokrovsk",
            Status::Contested,
        ),
        (
            "Russian missiles struck Odesa overnight.",
            "Odesa",
            Status::Attacked,
        ),
        (
            "Kharkiv was shelled again on Tuesday.",
            "Kharkiv",
            Status::Attacked,
        ),
        (
            "Authorities ordered the evacuation of Kupiansk.",
            "Kupiansk",
            Status::Evacuated,
        ),
        (
            "Civilians are being evacuated from Myrnohrad.",
            "Myrnohrad",
            Status::Evacuated,
        ),
        (
            "Melitopol remains under Russian control.",
            "Melitopol",
            Status::Occupied,
        ),
        (
            "The occupied city of Melitopol was quiet.",
            "Melitopol",
            Status::Occupied,
        ),
        (
            "Lyman is 60 kilometers east of Izium.",
            "Izium",
            Status::Mentioned,
        ),
        (
            "The delegation travelled to Lviv for talks.",
            "Lviv",
            Status::Mentioned,
        ),
        (
            "Russia aims to capture Sloviansk.",
            "Sloviansk",
            Status::Mentioned,
        ),
        ("Zelensky visited Bakhmut, where fighting has raged for months.", "Bakhmut", Status::Contested),
        ("Many residents fled Lysychansk before the assault.", "Lysychansk", Status::Evacuated),
        (
            "Ukrainian troops control the western part of Kupiansk, and Russian forces still hold the eastern part of the city.",
            "Kupiansk",
            Status::Contested,
        ),
        ("Russian troops entered Popasna and claimed full control of the town.", "Popasna", Status::Occupied),
        (
            "Ukrainian forces took control of dozens of villages as Russian troops pulled back, including Chornobaivka, Kyselivka and Posad-Pokrovske.",
            "Posad-Pokrovske",
            Status::Liberated,
        ),
        (
            "The evacuation of families from the town of Kurakhove and the villages of Dachne, Hostre and Illinka was ordered.",
            "Illinka",
            Status::Evacuated,
        ),
        ("KYIV, Ukraine (AP) — Russian missiles struck Odesa.", "Kyiv", Status::Mentioned),
        ("KYIV/WARSAW, May 3 (Reuters) - Ukraine withdrew from Avdiivka.", "Kyiv", Status::Mentioned),
        ("KYIV/WARSAW, May 3 (Reuters) - Ukraine withdrew from Avdiivka.", "Avdiivka", Status::Occupied),
        ("Russian troops retreated towards Siversk.", "Siversk", Status::Mentioned),
        ("Russian forces withdrew to the left bank, leaving Nova Kakhovka under Russian control.", "Nova Kakhovka", Status::Occupied),
        ("Earlier, the settlements of Borovskoye and Voronovo were liberated, the Kiev regime's losses are heavy.", "Voronove", Status::Occupied),
        ("Troops were fighting for control of Klishchiivka.", "Klishchiivka", Status::Contested),
        ("Ukraine's commander said his forces had taken full control of the Russian town of Sudzha.", "Sudzha", Status::Liberated),
        ("There are no Russian troops left in Trostianets, the mayor said.", "Trostianets", Status::Liberated),
        ("In Synkivka, two houses and a barn were destroyed overnight.", "Synkivka", Status::Attacked),
        ("In the city of Dnipro, a drone damaged a school.", "Dnipro", Status::Attacked),
        ("In Vovchansk, street fighting went on all day.", "Vovchansk", Status::Contested),
        ("Officials told families with children to leave Myrnohrad.", "Myrnohrad", Status::Evacuated),
        ("Ukrainian soldiers had to leave Lysychansk.", "Lysychansk", Status::Mentioned),
        ("Izium is back under Ukrainian control.", "Izium", Status::Liberated),
        ("Troops dug in near Robotyne, which they recaptured in August.", "Robotyne", Status::Liberated),
        ("Russian units are advancing from Stepove towards Berdychi.", "Berdychi", Status::Contested),
        ("Russian forces attacked northwest of Avdiivka near Stepove and Berdychi.", "Berdychi", Status::Contested),
        ("The enemy carried out 12 attacks in the areas of Toretsk and Chasiv Yar.", "Chasiv Yar", Status::Contested),
        ("Enemy attacks near Lyptsi, Hlyboke and Vovchansk were repelled.", "Vovchansk", Status::Contested),
        ("Positional fighting continued in western Zaporizhzhia Oblast near Robotyne.", "Robotyne", Status::Contested),
        ("Two attack aircraft were shot down near Kramatorsk.", "Kramatorsk", Status::Mentioned),
        ("Drones attacked Odesa overnight.", "Odesa", Status::Attacked),
        (
            "Balakliia, a town of about 27,000 people some 90 km southeast of Kharkiv, had been retaken.",
            "Balakliia",
            Status::Liberated,
        ),
        (
            "Balakliia, a town of about 27,000 people some 90 km southeast of Kharkiv, had been retaken.",
            "Kharkiv",
            Status::Mentioned,
        ),
        ("We left Rodynske at five in the morning, she said.", "Rodynske", Status::Mentioned),
        (
            "From the area of Popasna, the occupiers are trying to advance toward Bakhmut, fighting continues.",
            "Popasna",
            Status::Mentioned,
        ),
        ("Nikopol, across the river from the Russian-held town of Enerhodar, was shelled again.", "Nikopol", Status::Attacked),
        ("What is left of Bakhmut is a ruin.", "Bakhmut", Status::Mentioned),
        (
            "The Russian ministry claims its forces have \"liberated\" Vovchansk and Lyptsi.",
            "Lyptsi",
            Status::Occupied,
        ),
        ("Fighting continued along the Kupiansk-Svatove-Kreminna line.", "Svatove", Status::Mentioned),
        (
            "Beryslav, Antonivka, Bilozerka, Sadove, Tiahynka, Prydniprovske, Chornobaivka, Dniprovske, Komyshany, Zelenivka, Tokarivka, Sofiivka, Novoberyslav and other settlements along the Dnipro came under fire.",
            "Antonivka",
            Status::Attacked,
        ),
        ("Units of the group engaged the enemy near Kreminna and Svatove.", "Svatove", Status::Contested),
        ("🔻 In Kherson, a drone hit a bus stop.", "Kherson", Status::Attacked),
        (
            "Officials moved to Henichesk, and said that residents were being relocated from the river bank.",
            "Henichesk",
            Status::Mentioned,
        ),
        (
            "Residents are being relocated from a 15-km (9-mile) zone along the river, including Oleshky and Hola Prystan.",
            "Oleshky",
            Status::Evacuated,
        ),
    ];
    for (sentence, name, expected) in cases {
        let report = extract(gazetteer(), sentence);
        let p = report
            .places
            .iter()
            .find(|p| p.name == *name)
            .unwrap_or_else(|| panic!("{name} not found in {sentence:?}"));
        assert_eq!(p.status, *expected, "{sentence:?}: {}", p.reason);
    }
}

#[test]
fn homonyms_resolve_from_context() {
    let cases: &[(&str, &str, &str)] = &[
        // (sentence, surface form, expected oblast)
        (
            "Fighting near Andriivka, south of Bakhmut, continued.",
            "Andriivka",
            "Donetsk Oblast",
        ),
        (
            "Shevchenkove in the Kharkiv region was retaken.",
            "Shevchenkove",
            "Kharkiv Oblast",
        ),
        (
            "Attacks were repelled near Bilohorivka and Kreminna in the Luhansk region.",
            "Bilohorivka",
            "Luhansk Oblast",
        ),
        (
            "Kharkiv's governor spoke. Troops liberated the village of Andriivka south of Bakhmut.",
            "Andriivka",
            "Donetsk Oblast",
        ),
        (
            "Russian artillery shelled Ternova, Rubizhne and Cherkaski Tyshky north of Kharkiv.",
            "Rubizhne",
            "Kharkiv Oblast",
        ),
        (
            "Troops entered Balakliya and then Shevchenkovo on the road to Kupiansk.",
            "Shevchenkovo",
            "Kharkiv Oblast",
        ),
        (
            "Aviation struck Ukrainian reserves west of Donetsk and near Ugledar, the ministry said.",
            "Ugledar",
            "Donetsk Oblast",
        ),
        // The Kursk village, not its namesake in Kirovohrad oblast.
        (
            "Russian forces said they repelled attacks near Sudzha, Korenevo and Sverdlikovo.",
            "Sverdlikovo",
            "Kursk Oblast",
        ),
        // A Ukrainian village whose only namesake is across the border, in Belarus.
        (
            "Russian units are advancing from Stepove towards Berdychi.",
            "Berdychi",
            "Donetsk Oblast",
        ),
    ];
    for (sentence, form, oblast) in cases {
        let report = extract(gazetteer(), sentence);
        let p = report
            .places
            .iter()
            .find(|p| p.forms.iter().any(|f| f == form))
            .unwrap_or_else(|| panic!("{form} not found in {sentence:?}"));
        assert_eq!(p.oblast.as_deref(), Some(*oblast), "{sentence:?}");
    }
}

#[test]
fn capitals_resolve_to_the_capital_not_a_village() {
    for (sentence, name, country) in [
        (
            "Officials in Washington announced a new aid package.",
            "Washington",
            "US",
        ),
        (
            "The talks in Berlin ended without agreement.",
            "Berlin",
            "DE",
        ),
        ("Kiev has asked for more air defence.", "Kyiv", "UA"),
    ] {
        let report = extract(gazetteer(), sentence);
        let p = report
            .places
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} in {sentence:?}"));
        assert_eq!(p.kind, Kind::Settlement);
        assert!(p.geonameid.is_some());
        let g = gazetteer();
        let place = g
            .places
            .iter()
            .find(|q| q.geonameid == p.geonameid)
            .unwrap();
        assert_eq!(place.country.as_deref(), Some(country), "{sentence:?}");
    }
}

#[test]
fn people_units_and_common_words_are_not_places() {
    let cases: &[(&str, &str)] = &[
        (
            "President Volodymyr Zelensky addressed the nation.",
            "Volodymyr",
        ),
        (
            "A monument to Taras Shevchenko stands in the square.",
            "Shevchenko",
        ),
        ("Governor Oleh Syniehubov spoke to reporters.", "Oleh"),
        ("Fighters of the Azov Regiment held the plant.", "Azov"),
        (
            "Their goal is to reach the Sea of Azov near Melitopol.",
            "Azov",
        ),
        (
            "Units of the Yuzhnaya Group of Forces advanced near Bakhmut.",
            "Yuzhnaya",
        ),
        // Only a village in Zakarpattia, 1,000 km away, has this name; the article is about Kursk.
        (
            "Russian forces said they repelled attacks near Sudzha, Korenevo and Kolochava.",
            "Kolochava",
        ),
        (
            "Mayak is a word for lighthouse, and the mayak was dark.",
            "Mayak",
        ),
        ("Victory will come, the minister said.", "Victory"),
        ("Nova Poshta resumed deliveries to Kherson.", "Nova"),
        (
            "Progress was slow near Borova and Kupiansk, the governor said.",
            "Progress",
        ),
        (
            "A soldier who gave only his first name, Maksym, said the road was cut.",
            "Maksym",
        ),
        (
            "Footage shows Ukrainian troops on Kremenets hill above Izium.",
            "Kremenets",
        ),
        (
            "A drone hit a building in the Kyivskyi district of Kharkiv.",
            "Kyivskyi",
        ),
    ];
    for (sentence, word) in cases {
        let report = extract(gazetteer(), sentence);
        assert!(
            report
                .places
                .iter()
                .all(|p| p.forms.iter().all(|f| f != word)),
            "{word} reported as a place in {sentence:?}: {:?}",
            report
                .places
                .iter()
                .map(|p| (&p.name, &p.forms))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn spelling_variants_find_the_same_place() {
    let cases: &[(&str, &str)] = &[
        ("Izyum", "Izium"),
        ("Izium", "Izium"),
        ("Kupyansk", "Kupiansk"),
        ("Kupiansk’s", "Kupiansk"),
        ("Balakliya", "Balakliia"),
        ("Balaklia", "Balakliia"),
        ("Balakleya", "Balakliia"),
        ("Kharkov", "Kharkiv"),
        ("Kiev", "Kyiv"),
        ("Artemivsk", "Bakhmut"),
        ("Avdiyivka", "Avdiivka"),
        ("Maryinka", "Marinka"),
        ("Zaporozhye", "Zaporizhzhia"),
    ];
    for (form, name) in cases {
        let sentence = format!("Ukrainian forces reached {form} on Saturday.");
        let report = extract(gazetteer(), &sentence);
        let names: Vec<&str> = report.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec![*name], "{sentence:?}");
    }
}
