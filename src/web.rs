//! The page's engine (wasm32 only): [`App`] owns the state of the map in the browser — the
//! basemap, the gazetteer, the current report, the viewport and the selection — forwards the DOM
//! events the page's JavaScript hands it to the pure layers (`extract`, `map::*`), and paints the
//! display list with `CanvasRenderingContext2d`. It is the only code that touches the canvas.
//! Article text leaves here only as data for `textContent`, never as markup.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

use crate::dates::Date;
use crate::map::context::{context_places, ContextPlace};
use crate::map::details::{sentence_views, Details, SentenceView};
use crate::map::display::display_name;
use crate::map::off_map::{off_map, whereabouts};
use crate::map::projection::{forward, inverse, Point, Viewport};
use crate::map::scene::{self, hit_test, Item, Mark, Measure, Scene, SceneInput};
use crate::map::style::{self, Font, Shape};
use crate::map::Basemap;
use crate::report::{set_to_geojson_string, Origin, Report, ReportedPlace, Side, Status};
use crate::timeline::{as_of, Claim, DatedReport, SetStatus};
use crate::Gazetteer;

/// Longest article mapped, in bytes of UTF-8; longer ones get a message instead of a frozen page.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an article of `bytes` bytes (`what`: "This text", "“report.txt”") is not mapped, or
/// nothing when it is within [`MAX_ARTICLE_BYTES`]. The page asks before any work starts, for a
/// paste, a file and a drop alike; `bytes` is a JavaScript number, as a file may exceed 4 GB.
#[wasm_bindgen]
pub fn size_problem(what: &str, bytes: f64) -> Option<String> {
    const MB: f64 = 1_048_576.0;
    let limit = MAX_ARTICLE_BYTES as f64 / MB;
    (bytes > MAX_ARTICLE_BYTES as f64).then(|| {
        let size = format!("{:.1}", bytes / MB);
        let size = if size == format!("{limit:.1}") {
            format!("just over {limit}")
        } else {
            size
        };
        format!(
            "{what} is {size} MB; Frontline maps articles of up to {limit} MB. Map a shorter part."
        )
    })
}

/// Shows `message` in the page's error banner (`#error`), if the page has one.
pub fn show_error(message: &str) {
    let banner = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("error"));
    if let Some(banner) = banner {
        banner.set_text_content(Some(message));
        let _ = banner.remove_attribute("hidden");
    }
}

/// Reports a panic in the console and in the error banner.
fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    show_error(&format!(
        "Frontline stopped because of an internal error: {info}. Reload the page to start again."
    ));
}

/// Installs the panic hook when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(on_panic));
}

/// A place as `window.frontline.places()` returns it: `forms` are the spellings the article
/// used, `shown` whether the search and the status filter leave it on the map.
#[derive(Serialize)]
struct PlaceView<'a> {
    name: &'a str,
    status: &'static str,
    x: f64,
    y: f64,
    forms: &'a [String],
    shown: bool,
    /// A point place beyond the map (an arrow at the map's edge points toward it).
    off_map: bool,
}

/// A report of the set as `window.frontline.reports()` returns it: `added` when its date is the
/// day it was added, not its own.
#[derive(Serialize)]
struct ReportView<'a> {
    title: &'a str,
    date: Date,
    added: bool,
    source: Option<&'a str>,
    side: Option<Side>,
    hidden: bool,
    places: usize,
}

/// One report's claim about a place, as the place's history shows it: its date, the status it
/// reports, the side and the speaker who claim it, the report's title, and the sentence that
/// says it, cut at the place's mentions.
#[derive(Serialize)]
struct ClaimView<'a> {
    date: Date,
    status: &'static str,
    side: Option<Side>,
    speaker: Option<&'a str>,
    report: &'a str,
    sentence: Option<SentenceView>,
}

impl<'a> ClaimView<'a> {
    fn of(claim: &Claim<'a>, set: &'a [DatedReport]) -> ClaimView<'a> {
        let p = claim.place;
        let sentence = sentence_views(&p.mentions).into_iter().reduce(|first, s| {
            if first.status.is_none() && s.status.is_some() {
                s
            } else {
                first
            }
        });
        ClaimView {
            date: claim.date,
            status: p.status.as_str(),
            side: claim.side,
            speaker: p.claimed_by.as_deref(),
            report: &set[claim.report].title,
            sentence,
        }
    }
}

/// A place's history over the set as of the date: `deciding`, the claims its status rests on
/// (the two sides' when it is disputed), and `history`, every claim newest first.
#[derive(Serialize)]
struct HistoryView<'a> {
    status: SetStatus,
    deciding: Vec<ClaimView<'a>>,
    history: Vec<ClaimView<'a>>,
}

/// Which place a feature or a reported place is across reports: its gazetteer id, else its
/// name (as `timeline` tells places apart).
fn place_key(geonameid: Option<u64>, name: &str) -> String {
    geonameid.map_or_else(|| name.to_string(), |id| id.to_string())
}

/// A field of a CSV row: quoted when it holds a comma, a quote or a line break, and led by an
/// apostrophe when it starts as a spreadsheet formula would, so that no cell runs as one.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The columns of the page's CSV export, one row per place per report.
const CSV_HEADER: &str =
    "report,date,source,place,geonameid,lon,lat,status,claimed_by,status_as_of\r\n";

/// Today's date where the browser is.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    Date::from_day_number((local_ms / 86_400_000.0).floor() as i64)
}

/// Reads an ISO date the page hands over, or says why it is not one.
fn date_from_page(iso: &str) -> Result<Date, JsError> {
    Date::parse_iso(iso)
        .ok_or_else(|| JsError::new(&format!("“{iso}” is not a date; write it as 2022-09-12.")))
}

/// A row of the page's legend: a status, its label and marker colour, and how many places of
/// the report have it.
#[derive(Serialize)]
struct LegendRow {
    status: &'static str,
    label: &'static str,
    color: &'static str,
    count: usize,
}

/// A cluster of markers as `window.frontline.clusters()` returns it: its centre in CSS pixels
/// and the names of its places.
#[derive(Serialize)]
struct ClusterView<'a> {
    x: f64,
    y: f64,
    names: Vec<&'a str>,
}

/// Rewrites a gazetteer name in the form the page shows (`display::display_name`).
fn to_display_form(name: &mut String) {
    if let Cow::Owned(shown) = display_name(name) {
        *name = shown;
    }
}

/// Measures text with the canvas, remembering each width.
struct CanvasMeasure<'a> {
    ctx: &'a CanvasRenderingContext2d,
    cache: &'a RefCell<HashMap<(String, Font), f64>>,
}

impl Measure for CanvasMeasure<'_> {
    fn text_width(&self, text: &str, font: Font) -> f64 {
        if let Some(w) = self.cache.borrow().get(&(text.to_string(), font)) {
            return *w;
        }
        self.ctx.set_font(font.css());
        let w = self
            .ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| scene::ApproximateMeasure.text_width(text, font));
        self.cache.borrow_mut().insert((text.to_string(), font), w);
        w
    }
}

/// Traces a marker's outline centred on `at`.
fn trace_marker(ctx: &CanvasRenderingContext2d, at: Point, shape: Shape, r: f64) {
    ctx.begin_path();
    match shape {
        Shape::Circle | Shape::Ring => {
            let _ = ctx.arc(at.x, at.y, r, 0.0, std::f64::consts::TAU);
        }
        Shape::Square => ctx.rect(at.x - r * 0.85, at.y - r * 0.85, r * 1.7, r * 1.7),
        Shape::Diamond => {
            ctx.move_to(at.x, at.y - r * 1.2);
            ctx.line_to(at.x + r * 1.2, at.y);
            ctx.line_to(at.x, at.y + r * 1.2);
            ctx.line_to(at.x - r * 1.2, at.y);
            ctx.close_path();
        }
        Shape::TriangleUp => {
            ctx.move_to(at.x, at.y - r * 1.25);
            ctx.line_to(at.x + r * 1.1, at.y + r * 0.8);
            ctx.line_to(at.x - r * 1.1, at.y + r * 0.8);
            ctx.close_path();
        }
        Shape::Bowtie => {
            ctx.move_to(at.x - r * 1.2, at.y - r);
            ctx.line_to(at.x + r * 1.2, at.y + r);
            ctx.line_to(at.x + r * 1.2, at.y - r);
            ctx.line_to(at.x - r * 1.2, at.y + r);
            ctx.close_path();
        }
        Shape::TriangleDown => {
            ctx.move_to(at.x, at.y + r * 1.25);
            ctx.line_to(at.x + r * 1.1, at.y - r * 0.8);
            ctx.line_to(at.x - r * 1.1, at.y - r * 0.8);
            ctx.close_path();
        }
    }
}

/// The canvas and its drawing state, which is set only when it changes: each change crosses from
/// wasm to JavaScript (a colour as a string), and most items share their neighbours' style.
struct Pen<'a> {
    ctx: &'a CanvasRenderingContext2d,
    fill: &'static str,
    stroke: &'static str,
    width: f64,
    dashed: bool,
    font: Option<Font>,
    alpha: f64,
}

impl<'a> Pen<'a> {
    /// A pen for a frame at `pixel_ratio`, its state set once.
    fn new(ctx: &'a CanvasRenderingContext2d, pixel_ratio: f64) -> Pen<'a> {
        let _ = ctx.set_transform(pixel_ratio, 0.0, 0.0, pixel_ratio, 0.0, 0.0);
        ctx.set_line_join("round");
        ctx.set_line_cap("round");
        ctx.set_text_baseline("top");
        ctx.set_global_alpha(1.0);
        let _ = ctx.set_line_dash(&js_sys::Array::new());
        ctx.set_fill_style_str("#000");
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(1.0);
        Pen {
            ctx,
            fill: "#000",
            stroke: "#000",
            width: 1.0,
            dashed: false,
            font: None,
            alpha: 1.0,
        }
    }

    fn fill_style(&mut self, color: &'static str) {
        if self.fill != color {
            self.ctx.set_fill_style_str(color);
            self.fill = color;
        }
    }

    fn stroke_style(&mut self, color: &'static str, width: f64, dashed: bool) {
        if self.stroke != color {
            self.ctx.set_stroke_style_str(color);
            self.stroke = color;
        }
        if self.width != width {
            self.ctx.set_line_width(width);
            self.width = width;
        }
        if self.dashed != dashed {
            let dash = if dashed {
                js_sys::Array::of2(&JsValue::from(4.0), &JsValue::from(3.0))
            } else {
                js_sys::Array::new()
            };
            let _ = self.ctx.set_line_dash(&dash);
            self.dashed = dashed;
        }
    }

    fn font(&mut self, font: Font) {
        if self.font != Some(font) {
            self.ctx.set_font(font.css());
            self.font = Some(font);
        }
    }

    fn alpha(&mut self, alpha: f64) {
        if self.alpha != alpha {
            self.ctx.set_global_alpha(alpha);
            self.alpha = alpha;
        }
    }

    /// Traces `lines` as one path, each ring closed when `closed`.
    fn trace(&self, lines: &[Vec<Point>], closed: bool) {
        self.ctx.begin_path();
        let least = if closed { 3 } else { 2 };
        for line in lines.iter().filter(|l| l.len() >= least) {
            self.ctx.move_to(line[0].x, line[0].y);
            for p in &line[1..] {
                self.ctx.line_to(p.x, p.y);
            }
            if closed {
                self.ctx.close_path();
            }
        }
    }

    fn marker(&mut self, at: Point, shape: Shape, radius: f64, fill: &'static str, emphasis: bool) {
        if emphasis {
            trace_marker(self.ctx, at, Shape::Circle, radius * 1.75);
            self.fill_style("rgba(255,255,255,0.75)");
            self.ctx.fill();
            self.stroke_style(style::MARKER_STROKE, 1.0, false);
            self.ctx.stroke();
        }
        trace_marker(self.ctx, at, shape, radius);
        self.fill_style(fill);
        self.ctx.fill();
        let width = if shape == Shape::Ring { 2.0 } else { 1.25 };
        self.stroke_style(style::MARKER_STROKE, width, false);
        self.ctx.stroke();
    }

    /// Replays one item of a display list (only text may be translucent).
    fn item(&mut self, item: &Item) {
        if !matches!(item, Item::Text { .. }) {
            self.alpha(1.0);
        }
        match item {
            Item::Rect {
                bounds: b,
                fill,
                stroke,
            } => {
                self.fill_style(fill);
                self.ctx.fill_rect(b.min.x, b.min.y, b.width(), b.height());
                if let Some(s) = stroke {
                    self.stroke_style(s, 1.0, false);
                    self.ctx
                        .stroke_rect(b.min.x, b.min.y, b.width(), b.height());
                }
            }
            Item::Fill { rings, color } if !rings.is_empty() => {
                self.trace(rings, true);
                self.fill_style(color);
                self.ctx
                    .fill_with_canvas_winding_rule(CanvasWindingRule::Evenodd);
            }
            Item::Stroke {
                lines,
                color,
                width,
                dashed,
            } if !lines.is_empty() => {
                self.trace(lines, false);
                self.stroke_style(color, *width, *dashed);
                self.ctx.stroke();
            }
            Item::Fill { .. } | Item::Stroke { .. } => {}
            Item::Marker {
                at,
                shape,
                radius,
                fill,
                emphasis,
            } => self.marker(*at, *shape, *radius, fill, *emphasis),
            Item::Text {
                text,
                at,
                font,
                color,
                halo,
                alpha,
            } => {
                self.font(*font);
                self.alpha(*alpha);
                if *halo {
                    self.stroke_style(style::HALO, 3.0, false);
                    let _ = self.ctx.stroke_text(text, at.x, at.y);
                }
                self.fill_style(color);
                let _ = self.ctx.fill_text(text, at.x, at.y);
            }
        }
    }
}

/// Replays a display list on the canvas (the painter).
fn paint(ctx: &CanvasRenderingContext2d, scene: &Scene, pixel_ratio: f64) {
    let mut pen = Pen::new(ctx, pixel_ratio);
    for item in &scene.items {
        pen.item(item);
    }
}

/// The map in the page: the top-level entry point for the browser.
#[wasm_bindgen]
pub struct App {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    basemap: Basemap,
    gazetteer: Option<Gazetteer>,
    /// The gazetteer's settlements to orient by, biggest first.
    context: Vec<ContextPlace>,
    /// The reports of the set, in the order they were added.
    reports: Vec<DatedReport>,
    /// Whether each report is hidden from the map.
    hidden: Vec<bool>,
    /// A copy of the shown reports while some are hidden (`as_of` reads a slice).
    shown_copy: Option<Vec<DatedReport>>,
    /// The date the map shows the set as of; none: the latest shown report's.
    date: Option<Date>,
    /// The places of the set as of the date, each as its deciding report tells it.
    report: Report,
    /// Each place's status over the set.
    set_status: Vec<SetStatus>,
    marks: Vec<Mark>,
    view: Viewport,
    selected: Option<usize>,
    hovered: Option<usize>,
    /// Whether the reader moved the view since it was last fitted (a resize then keeps it).
    moved: bool,
    widths: RefCell<HashMap<(String, Font), f64>>,
}

impl App {
    fn place(&self, index: usize) -> Option<&ReportedPlace> {
        self.report.places.get(index)
    }

    fn to_js<T: Serialize>(value: &T) -> JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(JsValue::NULL)
    }

    /// Matches the canvas's backing store to its CSS size and the device pixel ratio.
    fn sync_size(&mut self) {
        let ratio = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0);
        let w = f64::from(self.canvas.client_width()).max(1.0);
        let h = f64::from(self.canvas.client_height()).max(1.0);
        self.view.resize(w, h, ratio);
        let (bw, bh) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
        if self.canvas.width() != bw || self.canvas.height() != bh {
            self.canvas.set_width(bw);
            self.canvas.set_height(bh);
        }
    }

    fn fit_view(&mut self) {
        let b = scene::fit_bounds(&self.basemap, &self.marks);
        self.view.fit(&b, scene::FIT_PADDING, scene::MIN_FIT_EXTENT);
        self.keep_view();
        self.moved = false;
    }

    /// Keeps the view over the map (see [`Viewport::keep_within`]).
    fn keep_view(&mut self) {
        let b = &self.basemap;
        self.view.keep_within(&b.extent, &b.surroundings);
    }

    /// Reads `text` as a report of the set, `name` standing for it when it has no title line.
    fn read_report(&self, text: &str, name: &str) -> Result<DatedReport, JsError> {
        if let Some(problem) = size_problem("This text", text.len() as f64) {
            return Err(JsError::new(&problem));
        }
        let g = self.gazetteer.as_ref().ok_or_else(|| {
            JsError::new("The gazetteer is not loaded, so no place can be found.")
        })?;
        Ok(DatedReport::read(g, text, name, today()))
    }

    /// After the set of reports changed: shows it as of its latest date, fitted to its places.
    fn set_changed(&mut self) {
        self.shown_copy = self.hidden.contains(&true).then(|| {
            self.reports
                .iter()
                .zip(&self.hidden)
                .filter(|(_, hidden)| !**hidden)
                .map(|(r, _)| r.clone())
                .collect()
        });
        self.date = None;
        self.selected = None;
        self.refresh();
        self.sync_size();
        self.fit_view();
        self.draw();
    }

    /// The reports the map shows.
    fn shown(&self) -> &[DatedReport] {
        self.shown_copy.as_deref().unwrap_or(&self.reports)
    }

    /// The date the map shows the set as of: the chosen one, else the latest shown report's.
    fn as_of_date(&self) -> Option<Date> {
        self.date
            .or_else(|| self.shown().iter().map(|r| r.date).max())
    }

    /// Works out each place's status as of the date and its marks, keeping the selected place
    /// selected while it is on the map.
    fn refresh(&mut self) {
        let chosen = self.selected.map(|i| self.marks[i].name.clone());
        let places = match self.as_of_date() {
            Some(date) => as_of(self.shown(), date),
            None => Vec::new(),
        };
        let set_status = places.iter().map(|p| p.status).collect();
        let report = Report {
            places: places.iter().map(|p| p.deciding[0].place.clone()).collect(),
        };
        self.set_status = set_status;
        self.report = report;
        self.marks = scene::marks(&self.basemap, &self.report);
        // The page shows names in their display form: the list, the labels, the address.
        for (m, status) in self.marks.iter_mut().zip(&self.set_status) {
            to_display_form(&mut m.name);
            m.disputed = *status == SetStatus::Disputed;
        }
        self.selected = chosen.and_then(|name| self.marks.iter().position(|m| m.name == name));
        self.hovered = None;
    }

    /// Each place's status as of the date, by its key across reports.
    fn statuses_as_of(&self) -> HashMap<String, &'static str> {
        self.report
            .places
            .iter()
            .zip(&self.set_status)
            .map(|(p, status)| (place_key(p.geonameid, &p.name), status.as_str()))
            .collect()
    }

    /// After the reader moved the view: keeps it over the map's region and remembers it moved.
    fn moved_view(&mut self) {
        self.keep_view();
        self.moved = true;
        self.draw();
    }
}

/// Methods exported to the page's JavaScript.
#[wasm_bindgen]
impl App {
    /// Creates the map on `canvas` from the text of `basemap.json` and draws Ukraine.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, basemap_json: &str) -> Result<App, JsError> {
        let basemap = Basemap::from_json_str(basemap_json)?;
        let ctx = canvas
            .get_context("2d")
            .map_err(|_| JsError::new("the canvas has no 2D context"))?
            .ok_or_else(|| JsError::new("the canvas has no 2D context"))?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| JsError::new("the canvas has no 2D context"))?;
        let mut app = App {
            canvas,
            ctx,
            basemap,
            gazetteer: None,
            context: Vec::new(),
            reports: Vec::new(),
            hidden: Vec::new(),
            shown_copy: None,
            date: None,
            report: Report::default(),
            set_status: Vec::new(),
            marks: Vec::new(),
            view: Viewport::new(1.0, 1.0, 1.0),
            selected: None,
            hovered: None,
            moved: false,
            widths: RefCell::new(HashMap::new()),
        };
        app.sync_size();
        app.fit_view();
        app.draw();
        Ok(app)
    }

    /// Loads the gazetteer from the bytes of `gazetteer.geojson` (UTF-8): bytes rather than
    /// a string, so that the page never decodes its megabytes into a JavaScript string only to
    /// have them encoded again into the module's memory.
    pub fn set_gazetteer(&mut self, geojson: &[u8]) -> Result<(), JsError> {
        let text = std::str::from_utf8(geojson)
            .map_err(|e| JsError::new(&format!("gazetteer is not UTF-8 text: {e}")))?;
        let g = Gazetteer::from_geojson_str(text).map_err(|e| JsError::new(&e.to_string()))?;
        self.context = context_places(&g);
        for c in &mut self.context {
            to_display_form(&mut c.name);
        }
        self.gazetteer = Some(g);
        self.draw();
        Ok(())
    }

    /// Maps an article, replacing the set of reports with it: finds its places, fits the view to
    /// them and redraws. Returns how many places it names.
    pub fn load_article(&mut self, text: &str) -> Result<usize, JsError> {
        let report = self.read_report(text, "The article")?;
        self.reports = vec![report];
        self.hidden = vec![false];
        self.set_changed();
        Ok(self.report.places.len())
    }

    /// `[{name, status, x, y, forms, shown}]` for every place, in report order, `x`, `y` in CSS
    /// pixels from the canvas's top-left corner.
    pub fn places(&self) -> JsValue {
        let list: Vec<PlaceView> = self
            .marks
            .iter()
            .zip(&self.report.places)
            .map(|(m, p)| {
                let s = self.view.to_screen(m.at);
                PlaceView {
                    name: &m.name,
                    status: if m.disputed {
                        SetStatus::Disputed.as_str()
                    } else {
                        m.status.as_str()
                    },
                    x: s.x,
                    y: s.y,
                    forms: &p.forms,
                    shown: !m.hidden,
                    off_map: off_map(m),
                }
            })
            .collect();
        Self::to_js(&list)
    }

    /// `[{status, label, color, count}]` for every status, in legend order, and for disputed
    /// places when there are some.
    pub fn legend(&self) -> JsValue {
        let row = |status: &'static str, st: style::StatusStyle, count| LegendRow {
            status,
            label: st.label,
            color: st.fill,
            count,
        };
        let count = |status| {
            self.marks
                .iter()
                .filter(|m| !m.disputed && m.status == status)
                .count()
        };
        let mut rows: Vec<LegendRow> = Status::ALL
            .into_iter()
            .map(|status| row(status.as_str(), style::status_style(status), count(status)))
            .collect();
        let disputed = self.marks.iter().filter(|m| m.disputed).count();
        if disputed > 0 {
            rows.push(row(SetStatus::Disputed.as_str(), style::DISPUTED, disputed));
        }
        Self::to_js(&rows)
    }

    /// Hides the places `hidden` (indices; the search and the status filter leave them out) from
    /// the map, shows the others, and redraws.
    pub fn set_hidden(&mut self, hidden: Vec<u32>) {
        for m in &mut self.marks {
            m.hidden = false;
        }
        for i in hidden {
            if let Some(m) = self.marks.get_mut(i as usize) {
                m.hidden = true;
            }
        }
        if self.hovered.is_some_and(|h| self.marks[h].hidden) {
            self.hovered = None;
        }
        self.draw();
    }

    /// The clusters of markers drawn in the current view.
    pub fn clusters(&self) -> JsValue {
        let (_, clusters) = crate::map::clusters::group(&self.marks, &self.view, self.selected);
        let list: Vec<ClusterView> = clusters
            .iter()
            .map(|c| ClusterView {
                x: c.at.x,
                y: c.at.y,
                names: c
                    .members
                    .iter()
                    .map(|&i| self.marks[i].name.as_str())
                    .collect(),
            })
            .collect();
        Self::to_js(&list)
    }

    /// The details panel's content for place `index`: name, forms, status, reason, claimant,
    /// its sentences cut into highlighted pieces, and for a place beyond the map where it lies
    /// (`off_map`); `null` for no such place.
    pub fn details(&self, index: usize) -> JsValue {
        let Some(p) = self.place(index) else {
            return JsValue::NULL;
        };
        let details = Self::to_js(&Details::of(p));
        let middle = self.basemap.ukraine.center();
        if let Some(said) = whereabouts(&self.marks, index, middle, "central Ukraine") {
            let _ = js_sys::Reflect::set(&details, &"off_map".into(), &said.into());
        }
        details
    }

    /// Selects place `index` (or nothing), brings its marker into view and redraws.
    pub fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.marks.len());
        if let Some(m) = self.selected.map(|i| &self.marks[i]) {
            let s = self.view.to_screen(m.at);
            if m.marker
                && (s.x < 0.0 || s.y < 0.0 || s.x > self.view.width || s.y > self.view.height)
            {
                self.view.center = m.at;
            }
        }
        self.draw();
    }

    /// The index of the first place called `name`, as the page writes it or as the gazetteer
    /// does (an address made before names had their display form).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.marks
            .iter()
            .position(|m| m.name == name)
            .or_else(|| self.report.places.iter().position(|p| p.name == name))
    }

    /// The selected place.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The place under the CSS point (`x`, `y`): a marker near it or a highlighted region.
    pub fn pick(&self, x: f64, y: f64) -> Option<usize> {
        hit_test(
            &self.basemap,
            &self.marks,
            &self.view,
            self.selected,
            Point::new(x, y),
        )
    }

    /// Zooms in on the cluster of markers under the CSS point (`x`, `y`) and redraws; false
    /// when there is none.
    pub fn open_cluster(&mut self, x: f64, y: f64) -> bool {
        let under = scene::cluster_under(&self.marks, &self.view, self.selected, Point::new(x, y));
        let Some(members) = under else {
            return false;
        };
        scene::zoom_into_cluster(&mut self.view, &members);
        self.moved_view();
        true
    }

    /// Marks the place under the pointer (redrawing when it changes) and returns it.
    pub fn hover(&mut self, x: f64, y: f64) -> Option<usize> {
        let h = self
            .pick(x, y)
            .filter(|&i| self.marks[i].marker || off_map(&self.marks[i]));
        if h != self.hovered {
            self.hovered = h;
            self.draw();
        }
        h
    }

    /// Highlights place `index`'s marker (a row of the list is hovered or focused), or none, and
    /// redraws when that changes.
    pub fn set_hovered(&mut self, index: Option<usize>) {
        let h = index.filter(|&i| {
            self.marks
                .get(i)
                .is_some_and(|m| (m.marker && !m.hidden) || off_map(m))
        });
        if h != self.hovered {
            self.hovered = h;
            self.draw();
        }
    }

    /// The place whose marker is highlighted.
    pub fn hovered(&self) -> Option<usize> {
        self.hovered
    }

    /// Follows a change of the canvas's CSS size or of the device pixel ratio, and redraws.
    /// The view is fitted again to the new size unless the reader has moved it.
    pub fn resize(&mut self) {
        self.sync_size();
        if self.moved {
            self.keep_view();
        } else {
            self.fit_view();
        }
        self.draw();
    }

    /// Moves the map by a drag of (`dx`, `dy`) CSS pixels, never off the map's region, and
    /// redraws.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.view.pan(dx, dy);
        self.moved_view();
    }

    /// Zooms by `factor` about the CSS point (`x`, `y`) and redraws.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64) {
        self.view.zoom_at(Point::new(x, y), factor);
        self.moved_view();
    }

    /// The view as longitude, latitude and zoom level (for the page's address).
    pub fn view_state(&self) -> Vec<f64> {
        let (lon, lat) = inverse(self.view.center);
        vec![lon, lat, self.view.zoom_level()]
    }

    /// Shows the view at `lon`, `lat` and zoom level `zoom` (from the page's address).
    pub fn set_view(&mut self, lon: f64, lat: f64, zoom: f64) {
        if !(lon.is_finite() && lat.is_finite() && zoom.is_finite()) {
            return;
        }
        self.view.set_view(forward(lon, lat), zoom);
        self.moved_view();
    }

    /// Zooms by `factor` about the centre of the canvas and redraws.
    pub fn zoom(&mut self, factor: f64) {
        let c = Point::new(self.view.width / 2.0, self.view.height / 2.0);
        self.zoom_at(c.x, c.y, factor);
    }

    /// Shows all the article's places (or Ukraine) again.
    pub fn fit(&mut self) {
        self.fit_view();
        self.draw();
    }

    /// Builds the display list and paints it.
    pub fn draw(&self) {
        let measure = CanvasMeasure {
            ctx: &self.ctx,
            cache: &self.widths,
        };
        let scene = Scene::build(
            &SceneInput {
                basemap: &self.basemap,
                marks: &self.marks,
                view: &self.view,
                selected: self.selected,
                hovered: self.hovered,
                context: &self.context,
            },
            &measure,
        );
        paint(&self.ctx, &scene, self.view.pixel_ratio);
    }
}

/// The set of reports, exported to the page's JavaScript.
#[wasm_bindgen]
impl App {
    /// Adds `text` as a report of the set (`name` standing for it when it has no title line;
    /// `date`, ISO, its date when the reader gives one). Returns how many places the report
    /// names. The map shows it after [`App::show_set`] (called once after a batch).
    /// `own_date`: `date` is the report's own, not the day it was added (a report saved and
    /// read back keeps its mark).
    pub fn add_report(
        &mut self,
        text: &str,
        name: &str,
        date: Option<String>,
        own_date: bool,
    ) -> Result<usize, JsError> {
        let date = date.as_deref().map(date_from_page).transpose()?;
        let mut report = self.read_report(text, name)?;
        if let Some(date) = date {
            report.date = date;
            report.dated_by_text = own_date;
        }
        let n = report.report.places.len();
        self.reports.push(report);
        self.hidden.push(false);
        Ok(n)
    }

    /// Shows the set as of its latest date, fitted to its places.
    pub fn show_set(&mut self) {
        self.set_changed();
    }

    /// Empties the set of reports.
    pub fn clear_reports(&mut self) {
        self.reports.clear();
        self.hidden.clear();
        self.set_changed();
    }

    /// `[{title, date, added, source, side, hidden, places}]` for every report, in the order
    /// they were added.
    pub fn reports(&self) -> JsValue {
        let list: Vec<ReportView> = self
            .reports
            .iter()
            .zip(&self.hidden)
            .map(|(r, hidden)| ReportView {
                title: &r.title,
                date: r.date,
                added: !r.dated_by_text,
                source: r.source.as_deref(),
                side: r.side,
                hidden: *hidden,
                places: r.report.places.len(),
            })
            .collect();
        Self::to_js(&list)
    }

    /// Removes report `index` from the set.
    pub fn remove_report(&mut self, index: usize) {
        if index < self.reports.len() {
            self.reports.remove(index);
            self.hidden.remove(index);
            self.set_changed();
        }
    }

    /// Hides report `index` from the map, or shows it again.
    pub fn set_report_hidden(&mut self, index: usize, hidden: bool) {
        if let Some(h) = self.hidden.get_mut(index) {
            *h = hidden;
            self.set_changed();
        }
    }

    /// Renames report `index`; a blank title is refused.
    pub fn rename_report(&mut self, index: usize, title: &str) -> Result<(), JsError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(JsError::new("A report needs a title."));
        }
        if let Some(r) = self.reports.get_mut(index) {
            r.title = title.to_string();
            self.set_changed();
        }
        Ok(())
    }

    /// Sets report `index`'s date (ISO), as the reader corrects it.
    pub fn set_report_date(&mut self, index: usize, iso: &str) -> Result<(), JsError> {
        let date = date_from_page(iso)?;
        if let Some(r) = self.reports.get_mut(index) {
            r.date = date;
            r.dated_by_text = true;
            self.set_changed();
        }
        Ok(())
    }

    /// The shown reports' dates, ISO, earliest first, each once.
    pub fn dates(&self) -> Vec<String> {
        let mut dates: Vec<Date> = self.shown().iter().map(|r| r.date).collect();
        dates.sort();
        dates.dedup();
        dates.iter().map(Date::to_string).collect()
    }

    /// The date the map shows the set as of, ISO.
    pub fn date(&self) -> Option<String> {
        self.as_of_date().map(|d| d.to_string())
    }

    /// Place `index`'s history over the shown reports up to the date; `null` for no such place.
    pub fn history(&self, index: usize) -> JsValue {
        let Some(date) = self.as_of_date() else {
            return JsValue::NULL;
        };
        let set = self.shown();
        let places = as_of(set, date);
        let Some(p) = places.get(index) else {
            return JsValue::NULL;
        };
        Self::to_js(&HistoryView {
            status: p.status,
            deciding: p.deciding.iter().map(|c| ClaimView::of(c, set)).collect(),
            history: p.history.iter().map(|c| ClaimView::of(c, set)).collect(),
        })
    }

    /// The GeoJSON of the shown reports, as the CLI writes a set (each feature with its report,
    /// date and source), each feature with `status_as_of`, its place's status as of the date,
    /// and the collection with `as_of`, the date.
    pub fn export_geojson(&self) -> Result<String, JsError> {
        let set = self.shown();
        let origins: Vec<(&Report, Origin)> = set
            .iter()
            .map(|r| {
                let origin = Origin {
                    report: &r.title,
                    date: Some(r.date),
                    source: r.source.as_deref(),
                };
                (&r.report, origin)
            })
            .collect();
        let text = set_to_geojson_string(&origins, false);
        let mut collection: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| JsError::new(&e.to_string()))?;
        let statuses = self.statuses_as_of();
        if let Some(features) = collection["features"].as_array_mut() {
            for f in features {
                let p = &mut f["properties"];
                let key = place_key(p["geonameid"].as_u64(), p["name"].as_str().unwrap_or(""));
                p["status_as_of"] = statuses.get(&key).copied().into();
            }
        }
        collection["as_of"] = self.date().into();
        serde_json::to_string_pretty(&collection).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The CSV of the shown reports: one row per place per report, with the place's status in
    /// the report and as of the date.
    pub fn export_csv(&self) -> String {
        let statuses = self.statuses_as_of();
        let mut csv = CSV_HEADER.to_string();
        for r in self.shown() {
            for p in &r.report.places {
                let as_of = statuses.get(&place_key(p.geonameid, &p.name));
                let row = [
                    csv_field(&r.title),
                    r.date.to_string(),
                    csv_field(r.source.as_deref().unwrap_or("")),
                    csv_field(&p.name),
                    p.geonameid.map(|id| id.to_string()).unwrap_or_default(),
                    p.lon.to_string(),
                    p.lat.to_string(),
                    p.status.as_str().to_string(),
                    csv_field(p.claimed_by.as_deref().unwrap_or("")),
                    as_of.copied().unwrap_or("").to_string(),
                ];
                csv.push_str(&row.join(","));
                csv.push_str("\r\n");
            }
        }
        csv
    }

    /// Shows the set as of `iso` (none: its latest date) and redraws.
    pub fn set_date(&mut self, iso: Option<String>) -> Result<(), JsError> {
        self.date = iso.as_deref().map(date_from_page).transpose()?;
        self.refresh();
        self.draw();
        Ok(())
    }
}
