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

use crate::map::context::{context_places, ContextPlace};
use crate::map::details::Details;
use crate::map::display::display_name;
use crate::map::off_map::{off_map, whereabouts};
use crate::map::projection::{forward, inverse, Point, Viewport};
use crate::map::scene::{self, hit_test, Item, Mark, Measure, Scene, SceneInput};
use crate::map::style::{self, Font, Shape};
use crate::map::Basemap;
use crate::report::{Report, ReportedPlace};
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
    report: Report,
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
            report: Report::default(),
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

    /// Maps an article: finds its places, fits the view to them and redraws. Returns how many
    /// places it names.
    pub fn load_article(&mut self, text: &str) -> Result<usize, JsError> {
        if let Some(problem) = size_problem("This text", text.len() as f64) {
            return Err(JsError::new(&problem));
        }
        let g = self.gazetteer.as_ref().ok_or_else(|| {
            JsError::new("The gazetteer is not loaded, so no place can be found.")
        })?;
        self.report = crate::extract(g, text);
        self.marks = scene::marks(&self.basemap, &self.report);
        // The page shows names in their display form: the list, the labels, the address.
        for m in &mut self.marks {
            to_display_form(&mut m.name);
        }
        self.selected = None;
        self.hovered = None;
        self.sync_size();
        self.fit_view();
        self.draw();
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
                    status: m.status.as_str(),
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

    /// `[{status, label, color, count}]` for every status, in legend order.
    pub fn legend(&self) -> JsValue {
        let rows: Vec<LegendRow> = scene::status_counts(&self.marks)
            .into_iter()
            .map(|(status, count)| {
                let st = style::status_style(status);
                LegendRow {
                    status: status.as_str(),
                    label: st.label,
                    color: st.fill,
                    count,
                }
            })
            .collect();
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
