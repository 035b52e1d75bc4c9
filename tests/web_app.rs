//! wasm-bindgen tests of the page's engine in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test web_app`): `App` draws the basemap on a real canvas, maps an
//! article with a small gazetteer, hit-tests and selects its places, and errors and panics reach
//! the page's banner.
#![cfg(target_arch = "wasm32")]

use frontline::web::{show_error, size_problem, App, MAX_ARTICLE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const BASEMAP: &str = include_str!("../data/basemap.json");

/// A two-town gazetteer in the format of data/gazetteer.geojson.
const GAZETTEER: &str = r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[37.6158,49.71]},
  "properties":{"id":704617,"name":"Kupiansk","kind":"settlement","type":"city","names":["Kupyansk","Kupiansk"],"oblast":"Kharkiv Oblast","country":"UA","pop":29000}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[37.2768,49.207]},
  "properties":{"id":707308,"name":"Izium","kind":"settlement","type":"city","names":["Izyum","Izium"],"oblast":"Kharkiv Oblast","country":"UA","pop":48000}}]}"#;

const ARTICLE: &str = "Ukrainian forces liberated Kupiansk on Saturday. “We have just started to evacuate the city,” an official in Izyum told CNN.";

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas
        .set_attribute("style", "width: 600px; height: 400px; display: block")
        .unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn get(value: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let ratio = f64::from(canvas.width()) / f64::from(canvas.client_width());
    ctx.get_image_data((x * ratio).round(), (y * ratio).round(), 1.0, 1.0)
        .unwrap()
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn draws_maps_and_selects_places() {
    let canvas = canvas();
    let mut app = App::new(canvas.clone(), BASEMAP).unwrap();
    assert_eq!(canvas.client_width(), 600);
    assert!(
        canvas.width() >= 600,
        "the backing store follows the CSS size"
    );
    assert!(app.load_article(ARTICLE).is_err(), "no gazetteer yet");
    app.set_gazetteer(GAZETTEER.as_bytes()).unwrap();
    assert_eq!(app.load_article(ARTICLE).unwrap(), 2);

    let places = js_sys::Array::from(&app.places());
    assert_eq!(places.length(), 2);
    let kupiansk = places.get(0);
    assert_eq!(get(&kupiansk, "name").as_string().unwrap(), "Kupiansk");
    let (x, y) = (
        get(&kupiansk, "x").as_f64().unwrap(),
        get(&kupiansk, "y").as_f64().unwrap(),
    );
    assert!(x > 0.0 && x < 600.0 && y > 0.0 && y < 400.0);
    let status = get(&kupiansk, "status").as_string().unwrap();
    let marker = pixel(&canvas, x, y);
    let background = pixel(&canvas, 1.0, 1.0);
    assert_ne!(
        marker, background,
        "a marker is drawn at {x},{y} ({status})"
    );

    assert_eq!(app.pick(x + 2.0, y - 2.0), Some(0));
    assert_eq!(app.find("Izium"), Some(1));
    app.select(Some(1));
    assert_eq!(app.selected(), Some(1));
    let details = app.details(1);
    assert_eq!(get(&details, "name").as_string().unwrap(), "Izium");
    let sentence = js_sys::Array::from(&get(&details, "sentences")).get(0);
    let pieces = js_sys::Array::from(&get(&sentence, "pieces"));
    let marked: Vec<String> = pieces
        .iter()
        .filter(|p| get(p, "mark").as_bool().unwrap())
        .map(|p| get(&p, "text").as_string().unwrap())
        .collect();
    assert_eq!(marked, ["Izyum"]);
    assert!(app.details(7).is_null());

    app.pan(50.0, 0.0);
    let moved = get(&js_sys::Array::from(&app.places()).get(0), "x")
        .as_f64()
        .unwrap();
    assert!((moved - x - 50.0).abs() < 1e-6);
    app.fit();
    let fitted = get(&js_sys::Array::from(&app.places()).get(0), "x")
        .as_f64()
        .unwrap();
    assert!((fitted - x).abs() < 1e-6);

    let huge = "Kupiansk. ".repeat(300_000);
    let err = app
        .load_article(&huge)
        .expect_err("a huge article is refused");
    let message = wasm_bindgen::JsValue::from(err);
    let text = js_sys::Reflect::get(&message, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(text.contains("MB"), "{text}");
}

#[wasm_bindgen_test]
fn filters_hover_and_the_legend_reach_the_map() {
    let canvas = canvas();
    let mut app = App::new(canvas.clone(), BASEMAP).unwrap();
    app.set_gazetteer(GAZETTEER.as_bytes()).unwrap();
    app.load_article(ARTICLE).unwrap();
    let place = |app: &App, i: u32| js_sys::Array::from(&app.places()).get(i);
    let izium = place(&app, 1);
    let forms = js_sys::Array::from(&get(&izium, "forms"));
    assert_eq!(forms.get(0).as_string().unwrap(), "Izyum");
    assert_eq!(get(&izium, "shown").as_bool(), Some(true));
    let (x, y) = (
        get(&izium, "x").as_f64().unwrap(),
        get(&izium, "y").as_f64().unwrap(),
    );
    let drawn = pixel(&canvas, x, y);

    app.set_hovered(Some(1));
    assert_eq!(app.hovered(), Some(1));
    app.set_hidden(vec![1]);
    assert_eq!(app.hovered(), None, "a hidden place is not hovered");
    assert_eq!(get(&place(&app, 1), "shown").as_bool(), Some(false));
    assert_ne!(pixel(&canvas, x, y), drawn, "Izium's marker is gone");
    assert_eq!(app.pick(x, y), None);
    app.set_hovered(Some(1));
    assert_eq!(app.hovered(), None);
    app.set_hidden(Vec::new());
    assert_eq!(pixel(&canvas, x, y), drawn);

    let legend = js_sys::Array::from(&app.legend());
    assert_eq!(legend.length(), 6);
    let counts: Vec<(String, f64)> = legend
        .iter()
        .map(|r| {
            (
                get(&r, "status").as_string().unwrap(),
                get(&r, "count").as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counts[0], ("liberated".to_string(), 1.0));
    assert_eq!(counts.iter().map(|c| c.1).sum::<f64>(), 2.0);
}

#[wasm_bindgen_test]
fn the_size_limit_is_one_number_said_in_megabytes() {
    assert_eq!(size_problem("This text", MAX_ARTICLE_BYTES as f64), None);
    let problem = size_problem("“big.txt”", 5.0 * 1_048_576.0).expect("5 MB is too large");
    assert!(problem.starts_with("“big.txt” is 5.0 MB"), "{problem}");
    assert!(problem.contains("up to 2 MB"), "{problem}");
    let just_over = size_problem("This text", MAX_ARTICLE_BYTES as f64 + 1.0).expect("over");
    assert!(
        just_over.starts_with("This text is just over 2 MB;"),
        "{just_over}"
    );
}

#[wasm_bindgen_test]
fn a_bad_basemap_is_an_error_not_a_panic() {
    assert!(App::new(canvas(), "{\"scale\": 1}").is_err());
}

#[wasm_bindgen_test]
fn a_bad_gazetteer_is_an_error_not_a_panic() {
    let mut app = App::new(canvas(), BASEMAP).unwrap();
    for bad in [&b"\xff\xfe{}"[..], b"{\"type\": \"Point\"}", b""] {
        assert!(app.set_gazetteer(bad).is_err(), "{bad:?}");
    }
    assert!(
        app.load_article(ARTICLE).is_err(),
        "no gazetteer was loaded"
    );
}

#[wasm_bindgen_test]
fn show_error_fills_and_reveals_the_banner() {
    let document = web_sys::window().unwrap().document().unwrap();
    let banner = document.create_element("div").unwrap();
    banner.set_id("error");
    banner.set_attribute("hidden", "").unwrap();
    document.body().unwrap().append_child(&banner).unwrap();
    show_error("Frontline stopped: <b>test</b>");
    assert_eq!(
        banner.text_content().unwrap(),
        "Frontline stopped: <b>test</b>"
    );
    assert!(!banner.has_attribute("hidden"));
    assert_eq!(banner.child_element_count(), 0, "text, not markup");
}
