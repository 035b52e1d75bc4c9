//! The display list: turns the basemap, a report's places, the viewport and the selection into
//! screen-space drawing primitives (filled areas, lines, markers, text, panels) with labels that do
//! not overlap; and hit-tests a screen point against the places. Everything here is in CSS pixels
//! and pure: the painter in `web` only replays the items.

use crate::report::{Kind, Report, Status};

use super::area_names::{self, AreaName};
use super::basemap::{Basemap, BorderKind, LabelKind};
use super::clip::{clip_line, clip_ring};
use super::clusters::{self, Cluster};
use super::context::{self, ContextPlace};
use super::labels::{self, LabelRequest, Spot};
use super::off_map::{self, Arrow};
use super::projection::{forward, Bounds, Point, Viewport};
use super::style::{self, status_style, Font, Shape};

/// Measures text as the canvas will draw it.
pub trait Measure {
    /// Width in CSS pixels of `text` in `font`.
    fn text_width(&self, text: &str, font: Font) -> f64;
}

/// A measure for tests and for sizing before a canvas exists: average glyph width.
pub struct ApproximateMeasure;

impl Measure for ApproximateMeasure {
    fn text_width(&self, text: &str, font: Font) -> f64 {
        text.chars().count() as f64 * font.size() * 0.6
    }
}

/// One drawing primitive, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Rings filled together with the even-odd rule.
    Fill {
        rings: Vec<Vec<Point>>,
        color: &'static str,
    },
    /// Open lines stroked with one style.
    Stroke {
        lines: Vec<Vec<Point>>,
        color: &'static str,
        width: f64,
        dashed: bool,
    },
    /// A place marker centred on `at`.
    Marker {
        at: Point,
        shape: Shape,
        radius: f64,
        fill: &'static str,
        emphasis: bool,
    },
    /// Text whose box's top-left corner is `at`, with an optional halo, at opacity `alpha`.
    Text {
        text: String,
        at: Point,
        font: Font,
        color: &'static str,
        halo: bool,
        alpha: f64,
    },
    /// A rectangle (legend and scale-bar panels, the scale bar itself).
    Rect {
        bounds: Bounds,
        fill: &'static str,
        stroke: Option<&'static str>,
    },
}

/// A report's place as the map sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub name: String,
    pub status: Status,
    pub kind: Kind,
    /// World position of the place's point.
    pub at: Point,
    /// The admin-1 unit highlighted for a region the article names.
    pub region: Option<usize>,
    /// Whether the place gets a marker (settlements and other points inside the basemap; regions
    /// with no admin-1 unit of their name).
    pub marker: bool,
    /// Whether the reader's search or status filter hides the place from the map.
    pub hidden: bool,
    /// Whether reports from opposite sides disagree about the place (a set of reports).
    pub disputed: bool,
}

/// The places of a report, in report order.
pub fn marks(basemap: &Basemap, report: &Report) -> Vec<Mark> {
    report
        .places
        .iter()
        .map(|p| {
            let at = forward(p.lon, p.lat);
            let region = match p.kind {
                Kind::Region => basemap.admin1.iter().position(|a| a.name == p.name),
                _ => None,
            };
            let marker = region.is_none() && p.kind != Kind::Country && basemap.extent.contains(at);
            Mark {
                name: p.name.clone(),
                status: p.status,
                kind: p.kind,
                at,
                region,
                marker,
                hidden: false,
                disputed: false,
            }
        })
        .collect()
}

/// The world box a view should show for these places: their markers and highlighted regions, or
/// Ukraine when there are none.
pub fn fit_bounds(basemap: &Basemap, marks: &[Mark]) -> Bounds {
    let mut b = Bounds::EMPTY;
    for m in marks {
        if m.marker {
            b.extend(m.at);
        }
        if let Some(r) = m.region {
            b.union(&basemap.admin1[r].bounds);
        }
    }
    if b.is_empty() {
        basemap.ukraine
    } else {
        b
    }
}

/// Smallest width of a fitted view in world units (about 60 km at 49°N), so one town is shown
/// with its surroundings.
pub const MIN_FIT_EXTENT: f64 = 0.0023;
/// Padding around fitted places, CSS pixels.
pub const FIT_PADDING: f64 = 60.0;

/// Marker radius in CSS pixels.
pub const MARKER_RADIUS: f64 = 6.5;
const SELECTED_RADIUS: f64 = 9.0;
/// How far from a marker's centre a click still selects it.
pub const HIT_RADIUS: f64 = 11.0;

/// What is under the screen point `s`: the nearest marker drawn alone within [`HIT_RADIUS`],
/// else the arrow toward a place beyond the map, else a highlighted region that contains the point (a cluster is no place: see
/// [`cluster_under`]).
pub fn hit_test(
    basemap: &Basemap,
    marks: &[Mark],
    view: &Viewport,
    selected: Option<usize>,
    s: Point,
) -> Option<usize> {
    let (alone, clusters) = clusters::group(marks, view, selected);
    let nearest = alone
        .iter()
        .map(|&i| {
            let p = view.to_screen(marks[i].at);
            (i, (p.x - s.x).hypot(p.y - s.y))
        })
        .filter(|&(_, d)| d <= HIT_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((i, _)) = nearest {
        return Some(i);
    }
    let arrow = (0..marks.len()).find(|&i| {
        off_map::off_map(&marks[i]) && Arrow::toward(view, marks[i].at).is_some_and(|a| a.hit(s))
    });
    if arrow.is_some() {
        return arrow;
    }
    if clusters::cluster_at(&clusters, s).is_some() {
        return None;
    }
    let w = view.to_world(s);
    marks
        .iter()
        .position(|m| !m.hidden && m.region.is_some_and(|r| basemap.admin1[r].contains(w)))
}

/// The world box of the members of the cluster drawn under the screen point `s`, if any.
pub fn cluster_under(
    marks: &[Mark],
    view: &Viewport,
    selected: Option<usize>,
    s: Point,
) -> Option<Bounds> {
    let (_, clusters) = clusters::group(marks, view, selected);
    clusters::cluster_at(&clusters, s).map(|c| c.bounds(marks))
}

/// How many times closer a click on a cluster brings the view, at least.
pub const CLUSTER_ZOOM: f64 = 2.0;

/// Zooms `view` in on a cluster whose members span the world box `members`: to fit them, and
/// at least [`CLUSTER_ZOOM`] times closer, so that each click splits it further.
pub fn zoom_into_cluster(view: &mut Viewport, members: &Bounds) {
    let before = view.scale;
    view.fit(members, FIT_PADDING, 0.0);
    if view.scale < before * CLUSTER_ZOOM {
        view.center = members.center();
        view.scale = before;
        view.zoom_at(
            Point::new(view.width / 2.0, view.height / 2.0),
            CLUSTER_ZOOM,
        );
    }
}

/// The state a scene is drawn from.
pub struct SceneInput<'a> {
    pub basemap: &'a Basemap,
    pub marks: &'a [Mark],
    pub view: &'a Viewport,
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    /// The settlements to orient by, biggest first (see [`context::context_places`]).
    pub context: &'a [ContextPlace],
}

/// The display list of one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub items: Vec<Item>,
}

/// Projects a world polyline to the screen, dropping points less than half a pixel from the last
/// one kept (the last point is always kept).
fn project(view: &Viewport, points: &[Point]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        let s = view.to_screen(p);
        let last = i + 1 == points.len();
        match out.last() {
            Some(q) if !last && (q.x - s.x).abs() < 0.5 && (q.y - s.y).abs() < 0.5 => {}
            _ => out.push(s),
        }
    }
    out
}

/// Rounds a distance in metres down to 1, 2 or 5 times a power of ten.
fn nice_distance(m: f64) -> f64 {
    let p = 10f64.powf(m.log10().floor());
    let f = m / p;
    let n = if f >= 5.0 {
        5.0
    } else if f >= 2.0 {
        2.0
    } else {
        1.0
    };
    n * p
}

/// The scale bar's length in CSS pixels and its label, for a bar of at most `max_px`.
pub fn scale_bar(view: &Viewport, max_px: f64) -> (f64, String) {
    let mpp = view.metres_per_pixel();
    let metres = nice_distance(mpp * max_px);
    let label = if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    };
    (metres / mpp, label)
}

/// How many places of each status the report has, in legend order.
pub fn status_counts(marks: &[Mark]) -> [(Status, usize); 6] {
    Status::ALL.map(|s| (s, marks.iter().filter(|m| m.status == s).count()))
}

impl Scene {
    /// Builds the display list for one frame, layer by layer from the bottom: Ukraine's colour,
    /// the neighbouring countries and the sea, the tint of the regions the report names, water
    /// and lines, the regions' outlines, the settlements around (small and grey), clusters,
    /// markers, arrows toward places beyond the map, labels (the article's first, then the names
    /// of countries, settlements, admin-1 units and seas), and the scale bar on top (placed
    /// first, so that labels avoid it). The page's HTML legend stands for the statuses.
    /// Markers that would overlap are drawn as one cluster, with its count and status mix; the
    /// hovered place is drawn, labelled, over its cluster. Hidden places are not drawn.
    pub fn build(input: &SceneInput, measure: &dyn Measure) -> Scene {
        let view = input.view;
        let screen = Bounds {
            min: Point::new(0.0, 0.0),
            max: Point::new(view.width, view.height),
        };
        let frame = Frame {
            view,
            visible: view.world_bounds(),
            clip: Bounds {
                min: Point::new(-CLIP_MARGIN, -CLIP_MARGIN),
                max: Point::new(view.width + CLIP_MARGIN, view.height + CLIP_MARGIN),
            },
        };
        let regions: Vec<(usize, Status)> = input
            .marks
            .iter()
            .filter(|m| !m.hidden)
            .filter_map(|m| m.region.map(|r| (r, m.status)))
            .collect();
        let mut items = vec![Item::Rect {
            bounds: screen,
            fill: style::UKRAINE,
            stroke: None,
        }];
        land_and_sea_layer(&mut items, input.basemap, &frame);
        region_tints(&mut items, input.basemap, &frame, &regions);
        water_and_lines_layer(&mut items, input.basemap, &frame);
        region_outlines(&mut items, input.basemap, &frame, &regions);
        let context = context_layer(&mut items, input);
        let (panels, panel_bounds) = scale_layer(view, measure);
        let (mut alone, clusters) = clusters::group(input.marks, view, input.selected);
        alone.extend(hovered_in_cluster(input.hovered, &clusters));
        let mut obstacles = panel_bounds.to_vec();
        clusters_layer(&mut items, input.marks, &clusters, measure, &mut obstacles);
        markers_layer(&mut items, input, &alone, &mut obstacles);
        off_map_layer(&mut items, input, measure, &mut obstacles);
        let layout = LabelLayout {
            screen: &screen,
            panels: &panel_bounds,
            obstacles: &obstacles,
        };
        labels_layer(&mut items, input, (&alone, &context), &layout, measure);
        items.extend(panels);
        Scene { items }
    }
}

/// How far beyond the canvas filled areas are cut, CSS pixels (so that no edge of the cut shows).
const CLIP_MARGIN: f64 = 4.0;

/// The view of one frame, the world box it shows and the screen box fills are cut to.
struct Frame<'a> {
    view: &'a Viewport,
    visible: Bounds,
    clip: Bounds,
}

impl Frame<'_> {
    /// The rings of the visible areas, on the screen, cut to the clip box; those left with no
    /// width or height (a ring outside that wraps around the box leaves runs along its edges)
    /// are dropped.
    fn rings<'b>(&self, areas: impl Iterator<Item = &'b super::basemap::Area>) -> Vec<Vec<Point>> {
        areas
            .filter(|a| a.bounds.intersects(&self.visible))
            .flat_map(|a| a.rings.iter())
            .map(|r| clip_ring(&project(self.view, r), &self.clip))
            .filter(|r| {
                let mut b = Bounds::EMPTY;
                r.iter().for_each(|&p| b.extend(p));
                r.len() > 2 && b.width() > 0.0 && b.height() > 0.0
            })
            .collect()
    }

    /// The world polyline `points` on the screen, as the runs that reach the clip box.
    fn lines(&self, points: &[Point]) -> Vec<Vec<Point>> {
        clip_line(&project(self.view, points), &self.clip)
    }

    /// The clip box as a ring.
    fn clip_ring(&self) -> Vec<Point> {
        let Bounds { min, max } = self.clip;
        vec![min, Point::new(max.x, min.y), max, Point::new(min.x, max.y)]
    }
}

/// Land and sea, each pixel painted once more at most over the canvas's Ukrainian colour: the
/// neighbouring countries, then the sea, which is the screen less all the land (the countries
/// and Ukraine's units never overlap, so with the even-odd rule the land leaves holes). Nothing
/// when the screen lies inside Ukraine: no part of its outline (coasts included) is in view and
/// the centre is Ukrainian.
fn land_and_sea_layer(items: &mut Vec<Item>, basemap: &Basemap, frame: &Frame) {
    let outline_in_view = basemap
        .borders
        .iter()
        .any(|b| b.kind == BorderKind::National && b.line.bounds.intersects(&frame.visible));
    let ukrainian = |a: &&super::basemap::Area| a.group == "UKR";
    if !outline_in_view
        && basemap
            .admin1
            .iter()
            .filter(ukrainian)
            .any(|a| a.contains(frame.view.center))
    {
        return;
    }
    let countries = frame.rings(basemap.countries.iter());
    let mut sea = vec![frame.clip_ring()];
    sea.extend(countries.iter().cloned());
    sea.extend(frame.rings(basemap.admin1.iter().filter(|a| a.group == "UKR")));
    items.push(Item::Fill {
        rings: countries,
        color: style::LAND,
    });
    items.push(Item::Fill {
        rings: sea,
        color: style::WATER,
    });
}

/// The regions the report names, tinted in their status's colour under water, lines and
/// markers.
fn region_tints(
    items: &mut Vec<Item>,
    basemap: &Basemap,
    frame: &Frame,
    regions: &[(usize, Status)],
) {
    for &(r, status) in regions {
        items.push(Item::Fill {
            rings: frame.rings(std::iter::once(&basemap.admin1[r])),
            color: status_style(status).region_fill,
        });
    }
}

/// Water over the land, rivers (more of them as one zooms in) and borders.
fn water_and_lines_layer(items: &mut Vec<Item>, basemap: &Basemap, frame: &Frame) {
    let (view, visible) = (frame.view, &frame.visible);
    items.push(Item::Fill {
        rings: frame.rings(basemap.water.iter()),
        color: style::WATER,
    });
    let mpp = view.metres_per_pixel();
    let max_rank = if mpp > 2500.0 {
        7
    } else if mpp > 600.0 {
        10
    } else {
        u32::MAX
    };
    for (major, width) in [(false, 0.8), (true, 1.5)] {
        let lines = basemap
            .rivers
            .iter()
            .filter(|r| r.rank <= max_rank && (r.rank <= 7) == major)
            .flat_map(|r| r.lines.iter())
            .filter(|l| l.bounds.intersects(visible))
            .flat_map(|l| frame.lines(&l.points))
            .collect();
        items.push(Item::Stroke {
            lines,
            color: style::RIVER,
            width,
            dashed: false,
        });
    }
    let border_styles = [
        (BorderKind::Coast, style::COAST, 0.7, false),
        (BorderKind::RuAdmin, style::OBLAST_BORDER, 0.6, true),
        (BorderKind::Oblast, style::OBLAST_BORDER, 0.9, false),
        (BorderKind::Country, style::COUNTRY_BORDER, 1.2, false),
        (BorderKind::National, style::NATIONAL_BORDER, 1.5, false),
    ];
    for (kind, color, width, dashed) in border_styles {
        let lines = basemap
            .borders
            .iter()
            .filter(|b| b.kind == kind && b.line.bounds.intersects(visible))
            .flat_map(|b| frame.lines(&b.line.points))
            .collect();
        items.push(Item::Stroke {
            lines,
            color,
            width,
            dashed,
        });
    }
}

/// The outlines of the regions the report names, in their status's colour.
fn region_outlines(
    items: &mut Vec<Item>,
    basemap: &Basemap,
    frame: &Frame,
    regions: &[(usize, Status)],
) {
    for &(r, status) in regions {
        let a = &basemap.admin1[r];
        if !a.bounds.intersects(&frame.visible) {
            continue;
        }
        let closed = |ring: &Vec<Point>| {
            let mut l = project(frame.view, ring);
            if let Some(&first) = l.first() {
                l.push(first);
            }
            clip_line(&l, &frame.clip)
        };
        items.push(Item::Stroke {
            lines: a.rings.iter().flat_map(closed).collect(),
            color: match status {
                Status::Mentioned => style::NATIONAL_BORDER,
                s => status_style(s).fill,
            },
            width: 2.0,
            dashed: false,
        });
    }
}

/// The scale bar, with its box.
fn scale_layer(view: &Viewport, measure: &dyn Measure) -> (Vec<Item>, [Bounds; 1]) {
    let mut panels = Vec::new();
    let (bar_px, bar_label) = scale_bar(view, 120.0);
    let label_w = measure.text_width(&bar_label, Font::Small);
    let scale_box = Bounds {
        min: Point::new(10.0, view.height - 36.0),
        max: Point::new(28.0 + bar_px.max(label_w), view.height - 10.0),
    };
    panels.push(Item::Rect {
        bounds: scale_box,
        fill: style::PANEL,
        stroke: Some(style::PANEL_STROKE),
    });
    panels.push(Item::Rect {
        bounds: Bounds {
            min: Point::new(19.0, view.height - 18.0),
            max: Point::new(19.0 + bar_px, view.height - 15.0),
        },
        fill: style::TEXT,
        stroke: None,
    });
    panels.push(Item::Text {
        text: bar_label,
        at: Point::new(19.0, view.height - 33.0),
        font: Font::Small,
        color: style::TEXT,
        halo: false,
        alpha: 1.0,
    });
    (panels, [scale_box])
}

/// The hovered place when a cluster holds it: it is drawn over the cluster, so that the reader
/// sees which marker a row of the list stands for.
fn hovered_in_cluster(hovered: Option<usize>, clusters: &[Cluster]) -> Option<usize> {
    hovered.filter(|h| clusters.iter().any(|c| c.members.contains(h)))
}

/// The settlements around the article's places as small grey dots, more as one zooms in; a
/// settlement the article names is left to its marker. Returns those whose names may be
/// labelled, biggest first.
fn context_layer<'c>(items: &mut Vec<Item>, input: &SceneInput<'c>) -> Vec<&'c ContextPlace> {
    let view = input.view;
    let (shown, labelled) = context::visible(input.context, view);
    let named = |c: &ContextPlace, at: Point| {
        input
            .marks
            .iter()
            .any(|m| m.marker && m.name == c.name && view.to_screen(m.at).x.round() == at.x.round())
    };
    let mut labels = Vec::new();
    for (k, c) in shown.into_iter().enumerate() {
        let at = view.to_screen(c.at);
        if named(c, at) {
            continue;
        }
        items.push(Item::Rect {
            bounds: Bounds {
                min: Point::new(at.x - CONTEXT_DOT / 2.0, at.y - CONTEXT_DOT / 2.0),
                max: Point::new(at.x + CONTEXT_DOT / 2.0, at.y + CONTEXT_DOT / 2.0),
            },
            fill: style::CONTEXT,
            stroke: None,
        });
        if k < labelled {
            labels.push(c);
        }
    }
    labels
}

/// The side of a context settlement's dot, CSS pixels.
const CONTEXT_DOT: f64 = 3.0;

/// The clusters: a white disc ringed by arcs in the colours of its members' statuses (each as
/// long as its share) with the count in the middle; each disc joins the obstacles of the labels.
fn clusters_layer(
    items: &mut Vec<Item>,
    marks: &[Mark],
    clusters: &[Cluster],
    measure: &dyn Measure,
    obstacles: &mut Vec<Bounds>,
) {
    for c in clusters {
        let radius = c.radius();
        items.push(Item::Marker {
            at: c.at,
            shape: Shape::Circle,
            radius,
            fill: style::CLUSTER_FILL,
            emphasis: false,
        });
        let total = c.members.len() as f64;
        let mut start = -std::f64::consts::FRAC_PI_2;
        for status in Status::ALL {
            let n = c
                .members
                .iter()
                .filter(|&&i| marks[i].status == status)
                .count();
            if n == 0 {
                continue;
            }
            let sweep = std::f64::consts::TAU * n as f64 / total;
            items.push(Item::Stroke {
                lines: vec![arc(c.at, radius - 2.5, start, sweep)],
                color: match status {
                    Status::Mentioned => style::COUNTRY_BORDER,
                    s => status_style(s).fill,
                },
                width: 4.0,
                dashed: false,
            });
            start += sweep;
        }
        let count = c.members.len().to_string();
        let w = measure.text_width(&count, Font::Place);
        items.push(Item::Text {
            at: Point::new(c.at.x - w / 2.0, c.at.y - Font::Place.size() / 2.0 - 1.0),
            text: count,
            font: Font::Place,
            color: style::TEXT,
            halo: false,
            alpha: 1.0,
        });
        obstacles.push(Bounds {
            min: Point::new(c.at.x - radius, c.at.y - radius),
            max: Point::new(c.at.x + radius, c.at.y + radius),
        });
    }
}

/// Points along the arc of `radius` about `centre` from angle `start` through `sweep` radians,
/// one every few degrees.
fn arc(centre: Point, radius: f64, start: f64, sweep: f64) -> Vec<Point> {
    let steps = ((sweep.abs() / 0.1).ceil() as usize).max(1);
    (0..=steps)
        .map(|k| {
            let a = start + sweep * k as f64 / steps as f64;
            Point::new(centre.x + radius * a.cos(), centre.y + radius * a.sin())
        })
        .collect()
}

/// An arrow at the edge of the map toward each place beyond it, with its name; each joins the
/// obstacles of the labels. The selected or hovered place's arrow is larger, over a white disc,
/// and its name bold.
fn off_map_layer(
    items: &mut Vec<Item>,
    input: &SceneInput,
    measure: &dyn Measure,
    obstacles: &mut Vec<Bounds>,
) {
    let view = input.view;
    let emphasised = |i| Some(i) == input.selected || Some(i) == input.hovered;
    let mut order: Vec<usize> = (0..input.marks.len())
        .filter(|&i| off_map::off_map(&input.marks[i]))
        .collect();
    order.sort_by_key(|&i| emphasised(i));
    for i in order {
        let m = &input.marks[i];
        let Some(arrow) = Arrow::toward(view, m.at) else {
            continue;
        };
        let (size, font) = if emphasised(i) {
            items.push(Item::Marker {
                at: arrow.behind(6.0, 0.0),
                shape: Shape::Circle,
                radius: 9.0,
                fill: style::CLUSTER_FILL,
                emphasis: true,
            });
            (1.5, Font::Selected)
        } else {
            (1.0, Font::Small)
        };
        items.push(Item::Stroke {
            lines: vec![vec![
                arrow.behind(10.0 * size, 6.0 * size),
                arrow.tip,
                arrow.behind(10.0 * size, -6.0 * size),
            ]],
            color: match m.status {
                Status::Mentioned => style::NATIONAL_BORDER,
                s => status_style(s).fill,
            },
            width: 3.0 * size,
            dashed: false,
        });
        let text = format!("{} (off the map)", m.name);
        let (w, h) = (measure.text_width(&text, font), font.size());
        // The name stands inward of the arrow, inside the canvas.
        let near = arrow.behind(14.0 * size + 4.0, 0.0);
        let at = Point::new(
            (near.x - w / 2.0).clamp(2.0, (view.width - w - 2.0).max(2.0)),
            (near.y - h / 2.0).clamp(2.0, (view.height - h - 2.0).max(2.0)),
        );
        obstacles.push(Bounds {
            min: at,
            max: Point::new(at.x + w, at.y + h),
        });
        items.push(Item::Text {
            text,
            at,
            font,
            color: style::TEXT,
            halo: true,
            alpha: 1.0,
        });
    }
}

/// The radius of mark `i`'s marker.
fn marker_radius(i: usize, selected: Option<usize>) -> f64 {
    if Some(i) == selected {
        SELECTED_RADIUS
    } else {
        MARKER_RADIUS
    }
}

/// The markers drawn alone: mentioned places underneath, the hovered and then the selected one
/// on top; each marker's box joins the obstacles of the labels.
fn markers_layer(
    items: &mut Vec<Item>,
    input: &SceneInput,
    alone: &[usize],
    obstacles: &mut Vec<Bounds>,
) {
    let SceneInput {
        marks,
        view,
        selected,
        hovered,
        ..
    } = *input;
    let mut order = alone.to_vec();
    order.sort_by_key(|&i| {
        (
            Some(i) == selected,
            Some(i) == hovered,
            marks[i].status != Status::Mentioned,
        )
    });
    for i in order {
        let m = &marks[i];
        let at = view.to_screen(m.at);
        let radius = marker_radius(i, selected);
        obstacles.push(Bounds {
            min: Point::new(at.x - radius, at.y - radius),
            max: Point::new(at.x + radius, at.y + radius),
        });
        let st = if m.disputed {
            style::DISPUTED
        } else {
            status_style(m.status)
        };
        items.push(Item::Marker {
            at,
            shape: st.shape,
            radius,
            fill: st.fill,
            emphasis: Some(i) == selected || Some(i) == hovered,
        });
    }
}

/// Where labels may go: the screen, the panels and everything drawn that they must not cover.
struct LabelLayout<'a> {
    screen: &'a Bounds,
    panels: &'a [Bounds],
    obstacles: &'a [Bounds],
}

/// A label the labels layer may place.
struct Wanted {
    text: String,
    anchor: Point,
    font: Font,
    color: &'static str,
    spot: Spot,
    alpha: f64,
}

impl Wanted {
    /// A label in full opacity beside `anchor`, `gap` pixels away.
    fn beside(text: String, anchor: Point, font: Font, color: &'static str, gap: f64) -> Wanted {
        Wanted {
            text,
            anchor,
            font,
            color,
            spot: Spot::Beside { gap },
            alpha: 1.0,
        }
    }

    /// An area's name, centred on its spot.
    fn area(name: AreaName) -> Wanted {
        Wanted {
            text: name.text,
            anchor: name.at,
            font: name.font,
            color: style::AREA_NAME,
            spot: Spot::Centred,
            alpha: name.alpha,
        }
    }
}

/// The labels of the article's places, in priority order: the selected and the hovered place
/// (which only the panels can push off), reported places, mentioned places, then regions; and
/// how many come first as pinned. Marks in a cluster have no label of their own.
fn article_labels(input: &SceneInput, alone: &[usize]) -> (Vec<Wanted>, usize) {
    let SceneInput {
        marks,
        view,
        selected,
        hovered,
        ..
    } = *input;
    let mut by_priority: Vec<usize> = alone.to_vec();
    by_priority.extend((0..marks.len()).filter(|&i| marks[i].region.is_some() && !marks[i].hidden));
    by_priority.sort_by_key(|&i| {
        (
            Some(i) != selected,
            Some(i) != hovered,
            marks[i].region.is_some(),
            marks[i].status == Status::Mentioned,
            i,
        )
    });
    let pinned = by_priority
        .iter()
        .take_while(|&&i| Some(i) == selected || Some(i) == hovered)
        .count();
    let wanted = by_priority
        .into_iter()
        .map(|i| {
            let m = &marks[i];
            let font = if Some(i) == selected {
                Font::Selected
            } else if m.region.is_some() {
                Font::Region
            } else {
                Font::Place
            };
            let gap = if m.marker {
                marker_radius(i, selected) + 3.0
            } else {
                0.0
            };
            Wanted::beside(m.name.clone(), view.to_screen(m.at), font, style::TEXT, gap)
        })
        .collect();
    (wanted, pinned)
}

/// The labels that fit without overlapping each other or the obstacles, in priority order:
/// the article's (see [`article_labels`]), the countries' names, the settlements around, the
/// admin-1 units' names, then the seas.
fn labels_layer(
    items: &mut Vec<Item>,
    input: &SceneInput,
    (alone, context): (&[usize], &[&ContextPlace]),
    layout: &LabelLayout,
    measure: &dyn Measure,
) {
    let SceneInput {
        basemap,
        marks,
        view,
        ..
    } = *input;
    let (mut wanted, pinned) = article_labels(input, alone);
    let named: Vec<&str> = marks
        .iter()
        .filter_map(|m| m.region.map(|r| basemap.admin1[r].name.as_str()))
        .collect();
    let (countries, units): (Vec<AreaName>, Vec<AreaName>) =
        area_names::visible(&basemap.labels, view, &named, measure)
            .into_iter()
            .partition(|n| n.font == Font::Country);
    wanted.extend(countries.into_iter().map(Wanted::area));
    wanted.extend(context.iter().map(|c| {
        let at = view.to_screen(c.at);
        Wanted::beside(
            c.name.clone(),
            at,
            Font::Context,
            style::CONTEXT,
            CONTEXT_DOT,
        )
    }));
    wanted.extend(units.into_iter().map(Wanted::area));
    wanted.extend(
        basemap
            .labels
            .iter()
            .filter(|l| l.kind == LabelKind::Sea)
            .map(|l| {
                let at = view.to_screen(l.at);
                Wanted::beside(l.name.clone(), at, Font::Sea, style::SEA_TEXT, 0.0)
            }),
    );
    let requests: Vec<LabelRequest> = wanted
        .iter()
        .map(|w| LabelRequest {
            anchor: w.anchor,
            spot: w.spot,
            width: measure.text_width(&w.text, w.font) + 2.0,
            height: w.font.size() + 4.0,
        })
        .collect();
    let mut placed = labels::place(&requests[..pinned], layout.panels, layout.screen);
    let mut obstacles = layout.obstacles.to_vec();
    obstacles.extend(placed.iter().flatten());
    placed.extend(labels::place(
        &requests[placed.len()..],
        &obstacles,
        layout.screen,
    ));
    for (w, spot) in wanted.into_iter().zip(placed) {
        if let Some(b) = spot {
            items.push(Item::Text {
                text: w.text,
                at: Point::new(b.min.x + 1.0, b.min.y + 2.0),
                font: w.font,
                color: w.color,
                halo: true,
                alpha: w.alpha,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::off_map::{off_map, Arrow, ARROW_INSET};
    use crate::report::{Evidence, ReportedPlace};

    fn basemap() -> Basemap {
        Basemap::from_json_str(include_str!("../../data/basemap.json")).unwrap()
    }

    fn place(name: &str, kind: Kind, lon: f64, lat: f64, status: Status) -> ReportedPlace {
        ReportedPlace {
            name: name.into(),
            geonameid: None,
            kind,
            lon,
            lat,
            oblast: None,
            status,
            reason: String::new(),
            claimed_by: None,
            claimant_side: None,
            forms: vec![name.into()],
            mentions: vec![Evidence {
                sentence: name.into(),
                sentence_start: 0,
                quote: None,
                speaker: None,
                start: 0,
                end: name.len(),
                status: None,
                reason: None,
            }],
        }
    }

    fn seed_like() -> Report {
        Report {
            places: vec![
                place(
                    "Kupiansk",
                    Kind::Settlement,
                    37.6158,
                    49.71,
                    Status::Liberated,
                ),
                place(
                    "Izium",
                    Kind::Settlement,
                    37.2768,
                    49.207,
                    Status::Liberated,
                ),
                place(
                    "Balakliia",
                    Kind::Settlement,
                    36.8611,
                    49.4627,
                    Status::Contested,
                ),
                place(
                    "Shevchenkove",
                    Kind::Settlement,
                    37.1728,
                    49.6961,
                    Status::Evacuated,
                ),
                place(
                    "Kharkiv Oblast",
                    Kind::Region,
                    36.5,
                    49.6,
                    Status::Mentioned,
                ),
                place("Russia", Kind::Country, 100.0, 60.0, Status::Mentioned),
            ],
        }
    }

    /// The input of a scene of `marks` in `view`, with nothing selected, hovered or around.
    fn input_of<'a>(b: &'a Basemap, marks: &'a [Mark], view: &'a Viewport) -> SceneInput<'a> {
        SceneInput {
            basemap: b,
            marks,
            view,
            selected: None,
            hovered: None,
            context: &[],
        }
    }

    /// The scene of `marks` in `view`, with `selected` chosen and nothing hovered.
    fn scene_of(b: &Basemap, marks: &[Mark], view: &Viewport, selected: Option<usize>) -> Scene {
        let input = SceneInput {
            selected,
            ..input_of(b, marks, view)
        };
        Scene::build(&input, &ApproximateMeasure)
    }

    fn view_of(b: &Basemap, m: &[Mark]) -> Viewport {
        let mut v = Viewport::new(900.0, 600.0, 2.0);
        v.fit(&fit_bounds(b, m), FIT_PADDING, MIN_FIT_EXTENT);
        v
    }

    #[test]
    fn marks_give_towns_markers_and_regions_highlights() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        assert!(m[0].marker && m[3].marker);
        assert_eq!(
            m[4].region.map(|r| b.admin1[r].name.as_str()),
            Some("Kharkiv Oblast")
        );
        assert!(!m[4].marker && !m[5].marker);
    }

    #[test]
    fn a_disputed_place_gets_the_disputed_marker_and_the_others_their_status_marker() {
        let b = basemap();
        let mut m = marks(&b, &seed_like());
        m[0].disputed = true;
        let v = view_of(&b, &m);
        let scene = scene_of(&b, &m, &v, None);
        let drawn: Vec<(Shape, &str)> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Marker { shape, fill, .. } if *fill != style::CLUSTER_FILL => {
                    Some((*shape, *fill))
                }
                _ => None,
            })
            .collect();
        let disputed = (style::DISPUTED.shape, style::DISPUTED.fill);
        assert_eq!(drawn.iter().filter(|&&d| d == disputed).count(), 1);
        for status in [Status::Liberated, Status::Contested, Status::Evacuated] {
            let st = status_style(status);
            assert!(drawn.contains(&(st.shape, st.fill)), "{status:?}");
        }
    }

    #[test]
    fn the_fitted_view_shows_every_marker() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        let v = view_of(&b, &m);
        for mark in m.iter().filter(|m| m.marker) {
            let s = v.to_screen(mark.at);
            assert!(
                s.x > 0.0 && s.x < 900.0 && s.y > 0.0 && s.y < 600.0,
                "{}",
                mark.name
            );
        }
        let empty = fit_bounds(&b, &[]);
        assert_eq!(empty, b.ukraine);
    }

    #[test]
    fn scene_has_markers_labels_and_scale_bar_and_leaves_the_legend_to_the_page() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        let v = view_of(&b, &m);
        let scene = scene_of(&b, &m, &v, Some(1));
        let markers: Vec<_> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Marker {
                    at,
                    radius,
                    emphasis,
                    ..
                } if *radius > 6.0 => Some((at, *radius, *emphasis)),
                _ => None,
            })
            .collect();
        assert_eq!(markers.len(), 4, "four towns");
        assert!(markers.iter().any(|&(_, r, e)| r == SELECTED_RADIUS && e));
        let texts: Vec<&str> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for name in [
            "Kupiansk",
            "Izium",
            "Balakliia",
            "Shevchenkove",
            "Kharkiv Oblast",
        ] {
            assert!(texts.contains(&name), "{name} is labelled: {texts:?}");
        }
        assert!(
            !texts.iter().any(|t| t.starts_with("Liberated")),
            "no legend"
        );
        assert_eq!(status_counts(&m)[0], (Status::Liberated, 2));
        assert_eq!(status_counts(&m)[5], (Status::Mentioned, 2));
        assert!(texts.iter().any(|t| t.ends_with(" km")), "scale bar");
        assert!(scene.items.iter().any(|i| matches!(i,
            Item::Fill { color, rings } if *color == status_style(Status::Mentioned).region_fill && !rings.is_empty())));
    }

    /// The boxes of the labels (text with a halo) of a scene.
    fn label_boxes(scene: &Scene) -> Vec<Bounds> {
        scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    text,
                    at,
                    font,
                    halo: true,
                    ..
                } => Some(Bounds {
                    min: *at,
                    max: Point::new(
                        at.x + ApproximateMeasure.text_width(text, *font),
                        at.y + font.size(),
                    ),
                }),
                _ => None,
            })
            .collect()
    }

    /// Fails when two of the boxes overlap.
    fn assert_apart(boxes: &[Bounds]) {
        for (i, a) in boxes.iter().enumerate() {
            for c in &boxes[i + 1..] {
                assert!(!a.intersects(c), "{a:?} overlaps {c:?}");
            }
        }
    }

    #[test]
    fn labels_of_a_crowded_report_never_overlap() {
        let b = basemap();
        let report = Report {
            places: (0..40)
                .map(|i| {
                    let (dx, dy) = ((i % 8) as f64 * 0.15, (i / 8) as f64 * 0.1);
                    place(
                        &format!("Town {i}"),
                        Kind::Settlement,
                        37.0 + dx,
                        48.5 + dy,
                        Status::ALL[i % 6],
                    )
                })
                .collect(),
        };
        let m = marks(&b, &report);
        let v = view_of(&b, &m);
        let scene = scene_of(&b, &m, &v, Some(3));
        let boxes = label_boxes(&scene);
        assert!(boxes.len() >= 10, "{} labels placed", boxes.len());
        assert_apart(&boxes);
        let selected = scene.items.iter().any(
            |i| matches!(i, Item::Text { text, font: Font::Selected, .. } if text == "Town 3"),
        );
        assert!(selected, "the selected place is always labelled");
    }

    /// A bulletin of 60 villages, most of them a few kilometres apart around (37.6°E, 48.3°N),
    /// and one town 150 km away.
    fn bulletin() -> Vec<Mark> {
        let mut places: Vec<ReportedPlace> = (0..60)
            .map(|i| {
                let (dx, dy) = ((i % 10) as f64 * 0.03, (i / 10) as f64 * 0.02);
                place(
                    &format!("Village {i}"),
                    Kind::Settlement,
                    37.6 + dx,
                    48.3 + dy,
                    Status::ALL[i % 6],
                )
            })
            .collect();
        places.push(place(
            "Far Town",
            Kind::Settlement,
            35.5,
            48.3,
            Status::Attacked,
        ));
        marks(&basemap(), &Report { places })
    }

    /// The markers drawn for places and the counts drawn on clusters.
    fn markers_and_counts(scene: &Scene) -> (usize, Vec<usize>) {
        let markers = scene
            .items
            .iter()
            .filter(|i| matches!(i, Item::Marker { fill, .. } if *fill != style::CLUSTER_FILL))
            .count();
        let counts = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    text, halo: false, ..
                } => text.parse().ok(),
                _ => None,
            })
            .collect();
        (markers, counts)
    }

    #[test]
    fn a_crowded_bulletin_draws_clusters_that_split_as_one_zooms_in() {
        let b = basemap();
        let m = bulletin();
        let mut v = view_of(&b, &m);
        let scene = scene_of(&b, &m, &v, None);
        let (markers, counts) = markers_and_counts(&scene);
        assert!(!counts.is_empty(), "the fitted view has clusters");
        assert_eq!(
            markers + counts.iter().sum::<usize>(),
            61,
            "every place drawn once"
        );
        let clusters_before = counts.len();
        let lone_before = markers;
        // Zoomed in on the villages, clusters split: more markers stand alone.
        v.fit(
            &Bounds {
                min: forward(37.6, 48.42),
                max: forward(37.9, 48.3),
            },
            FIT_PADDING,
            0.0,
        );
        let (markers, _) = markers_and_counts(&scene_of(&b, &m, &v, None));
        assert!(
            markers > lone_before,
            "{markers} alone after zooming in, {lone_before} before"
        );
        assert!(clusters_before >= 1);
    }

    #[test]
    fn the_selected_place_stands_alone_labelled_on_top_of_a_cluster() {
        let b = basemap();
        let m = bulletin();
        let v = view_of(&b, &m);
        let scene = scene_of(&b, &m, &v, Some(25));
        let selected_at = v.to_screen(m[25].at);
        let last_marker = scene.items.iter().rev().find_map(|i| match i {
            Item::Marker {
                at,
                emphasis: true,
                radius,
                ..
            } => Some((*at, *radius)),
            _ => None,
        });
        assert_eq!(last_marker, Some((selected_at, SELECTED_RADIUS)));
        let labelled = scene.items.iter().any(
            |i| matches!(i, Item::Text { text, font: Font::Selected, .. } if text == "Village 25"),
        );
        assert!(labelled, "the selected place is always labelled");
    }

    #[test]
    fn hidden_places_are_neither_drawn_nor_clustered_nor_hit() {
        let b = basemap();
        let mut m = bulletin();
        let v = view_of(&b, &m);
        for mark in &mut m {
            mark.hidden = mark.status != Status::Attacked;
        }
        let (markers, counts) = markers_and_counts(&scene_of(&b, &m, &v, None));
        let shown = m.iter().filter(|m| !m.hidden).count();
        assert_eq!(markers + counts.iter().sum::<usize>(), shown);
        let (alone, clusters) = clusters::group(&m, &v, None);
        let drawn = alone.iter().chain(clusters.iter().flat_map(|c| &c.members));
        assert!(drawn.into_iter().all(|&i| !m[i].hidden));
        m[60].hidden = true;
        assert_eq!(hit_test(&b, &m, &v, None, v.to_screen(m[60].at)), None);

        let mut seed = marks(&b, &seed_like());
        let v = view_of(&b, &seed);
        let oblast = v.to_screen(seed[4].at);
        assert_eq!(hit_test(&b, &seed, &v, None, oblast), Some(4));
        seed[4].hidden = true;
        assert_eq!(hit_test(&b, &seed, &v, None, oblast), None);
        let tint = status_style(Status::Mentioned).region_fill;
        let scene = scene_of(&b, &seed, &v, None);
        assert!(!scene.items.iter().any(|i| matches!(i,
            Item::Fill { color, .. } if *color == tint)));
        assert!(!scene.items.iter().any(|i| matches!(i,
            Item::Text { text, .. } if text == "Kharkiv Oblast")));
    }

    #[test]
    fn the_hovered_place_is_drawn_labelled_over_its_cluster() {
        let b = basemap();
        let m = bulletin();
        let v = view_of(&b, &m);
        let (_, clusters) = clusters::group(&m, &v, None);
        let c = clusters.iter().max_by_key(|c| c.members.len()).unwrap();
        let h = c.members[1];
        let input = SceneInput {
            hovered: Some(h),
            ..input_of(&b, &m, &v)
        };
        let scene = Scene::build(&input, &ApproximateMeasure);
        let last_marker = scene.items.iter().rev().find_map(|i| match i {
            Item::Marker {
                at, emphasis: true, ..
            } => Some(*at),
            _ => None,
        });
        assert_eq!(last_marker, Some(v.to_screen(m[h].at)));
        let (_, counts) = markers_and_counts(&scene);
        assert!(
            counts.contains(&c.members.len()),
            "the cluster keeps its count"
        );
        assert!(scene.items.iter().any(|i| matches!(i,
            Item::Text { text, .. } if *text == m[h].name)));
    }

    #[test]
    fn a_click_on_a_cluster_selects_nothing_and_zooms_in_on_it() {
        let b = basemap();
        let m = bulletin();
        let mut v = view_of(&b, &m);
        let (_, clusters) = clusters::group(&m, &v, None);
        let c = clusters.iter().max_by_key(|c| c.members.len()).unwrap();
        assert_eq!(hit_test(&b, &m, &v, None, c.at), None);
        let members = cluster_under(&m, &v, None, c.at).unwrap();
        assert_eq!(members, c.bounds(&m));
        let far = v.to_screen(m[60].at);
        assert_eq!(cluster_under(&m, &v, None, far), None);
        assert_eq!(hit_test(&b, &m, &v, None, far), Some(60));
        let before = v.scale;
        zoom_into_cluster(&mut v, &members);
        assert!(v.scale >= before * CLUSTER_ZOOM);
        for &i in &c.members {
            let p = v.to_screen(m[i].at);
            assert!(p.x >= 0.0 && p.y >= 0.0 && p.x <= v.width && p.y <= v.height);
        }
    }

    #[test]
    fn settlements_around_are_grey_dots_and_names_that_give_way_to_the_article() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        let v = view_of(&b, &m);
        let near = |name: &str, lon: f64, lat: f64, population: u64| ContextPlace {
            name: name.into(),
            at: forward(lon, lat),
            population,
        };
        // The article's own Kupiansk, a town near it, and a village far out of view.
        let context = [
            near("Kupiansk", 37.6158, 49.71, 27_000),
            near("Chuhuiv", 36.69, 49.84, 30_000),
            near("Far Village", 24.0, 48.0, 100),
        ];
        let input = SceneInput {
            context: &context,
            ..input_of(&b, &m, &v)
        };
        let scene = Scene::build(&input, &ApproximateMeasure);
        let dots: Vec<Point> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { bounds, fill, .. } if *fill == style::CONTEXT => Some(bounds.center()),
                _ => None,
            })
            .collect();
        assert_eq!(dots, [v.to_screen(context[1].at)]);
        let context_labels: Vec<&str> = scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    text,
                    font: Font::Context,
                    ..
                } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(context_labels, ["Chuhuiv"]);
        // The context is drawn under the markers.
        let first_marker = scene
            .items
            .iter()
            .position(|i| matches!(i, Item::Marker { .. }));
        let dot = scene
            .items
            .iter()
            .position(|i| matches!(i, Item::Rect { fill, .. } if *fill == style::CONTEXT));
        assert!(dot < first_marker);
    }

    #[test]
    fn a_place_beyond_the_map_gets_an_arrow_at_the_edge_that_selects_it() {
        let b = basemap();
        let mut report = seed_like();
        report.places.push(place(
            "Far City",
            Kind::Settlement,
            100.0,
            49.5,
            Status::Mentioned,
        ));
        let m = marks(&b, &report);
        let far = m.len() - 1;
        assert_eq!(
            m.iter().map(off_map).collect::<Vec<_>>(),
            [false, false, false, false, false, false, true]
        );
        let v = view_of(&b, &m);
        // (selected) → the arrow's stroke width, its tip, the label's font; and the white disc
        // under the arrow of the selected place.
        for (selected, width, font) in [(None, 3.0, Font::Small), (Some(far), 4.5, Font::Selected)]
        {
            let scene = scene_of(&b, &m, &v, selected);
            let arrows: Vec<(f64, Point)> = scene
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Stroke { lines, width, .. } if *width >= 3.0 && lines.len() == 1 => {
                        Some((*width, lines[0][1]))
                    }
                    _ => None,
                })
                .collect();
            // At the right edge (the place lies far to the east), inside the canvas.
            let tip = Arrow::toward(&v, m[far].at).unwrap().tip;
            assert_eq!(arrows, [(width, tip)], "{selected:?}");
            assert!(
                (tip.x - (v.width - ARROW_INSET)).abs() < 1e-9 && tip.y > 0.0 && tip.y < v.height
            );
            let labels: Vec<Font> = scene
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, font, .. } if text == "Far City (off the map)" => {
                        Some(*font)
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(labels, [font], "{selected:?}");
            let disc = scene.items.iter().any(|i| {
                matches!(i, Item::Marker { at, fill, .. } if *fill == style::CLUSTER_FILL && *at == Arrow::toward(&v, m[far].at).unwrap().behind(6.0, 0.0))
            });
            assert_eq!(disc, selected.is_some(), "{selected:?}");
            // A click on the arrow selects the place; a little inward of it, nothing.
            let on = Arrow::toward(&v, m[far].at).unwrap().behind(5.0, 0.0);
            assert_eq!(hit_test(&b, &m, &v, selected, on), Some(far));
            let inward = Point::new(on.x - 40.0, on.y);
            assert_eq!(hit_test(&b, &m, &v, selected, inward), None);
        }
    }

    #[test]
    fn country_and_unit_names_orient_at_low_zoom_and_give_way_to_the_article() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        let names = |v: &Viewport| -> Vec<(String, f64)> {
            let scene = scene_of(&b, &m, v, None);
            scene
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        text,
                        font: Font::Country | Font::Admin1,
                        alpha,
                        ..
                    } => Some((text.clone(), *alpha)),
                    _ => None,
                })
                .collect()
        };
        // All Ukraine, whole: the neighbours' names in capitals; the units named where there
        // is room, never Kharkiv Oblast (the article's region, labelled as such).
        let mut v = Viewport::new(1000.0, 700.0, 1.0);
        v.fit(&b.ukraine, FIT_PADDING, 0.0);
        let wide = names(&v);
        for country in ["RUSSIA", "BELARUS", "POLAND", "ROMANIA", "UKRAINE"] {
            assert!(
                wide.contains(&(country.to_string(), 1.0)),
                "{country}: {wide:?}"
            );
        }
        assert!(!wide.iter().any(|(t, _)| t == "Kharkiv Oblast"), "{wide:?}");
        let scene = scene_of(&b, &m, &v, None);
        let boxes = label_boxes(&scene);
        assert_apart(&boxes);
        // The seed's fitted view (a region): the country's name almost faded out, the units'
        // whole where they have room (not Kharkiv Oblast, the article's).
        let region: Vec<(String, f64)> = names(&view_of(&b, &m))
            .into_iter()
            .map(|(t, a)| (t, (a * 100.0).round() / 100.0))
            .collect();
        let want = [
            ("UKRAINE", 0.1),
            ("Luhansk Oblast", 1.0),
            ("Dnipropetrovsk Oblast", 1.0),
        ];
        assert_eq!(region, want.map(|(t, a)| (t.to_string(), a)));
        // A view of a bulletin's villages, 20 km across: none.
        let villages = bulletin();
        assert_eq!(
            names(&view_of(&b, &villages[..60])),
            Vec::<(String, f64)>::new()
        );
    }

    #[test]
    fn hit_test_finds_markers_and_regions() {
        let b = basemap();
        let m = marks(&b, &seed_like());
        let v = view_of(&b, &m);
        for (i, mark) in m.iter().enumerate().filter(|(_, m)| m.marker) {
            let s = v.to_screen(mark.at);
            assert_eq!(
                hit_test(&b, &m, &v, None, Point::new(s.x + 3.0, s.y - 2.0)),
                Some(i)
            );
        }
        let kharkiv_city = v.to_screen(forward(36.25, 49.99));
        assert_eq!(hit_test(&b, &m, &v, None, kharkiv_city), Some(4));
        let sea = v.to_screen(forward(34.0, 44.0));
        assert_eq!(hit_test(&b, &m, &v, None, sea), None);
    }

    #[test]
    fn scale_bar_is_a_round_distance() {
        let mut v = Viewport::new(800.0, 600.0, 1.0);
        v.center = forward(36.0, 49.0);
        v.scale = 50_000.0;
        let (px, label) = scale_bar(&v, 120.0);
        assert!(px <= 120.0 && px > 40.0, "{px}");
        assert!(label.ends_with(" km"));
        let km: f64 = label.trim_end_matches(" km").parse().unwrap();
        assert!((px * v.metres_per_pixel() - km * 1000.0).abs() < 1e-6);
        assert_eq!(nice_distance(730.0), 500.0);
        assert_eq!(nice_distance(0.31), 0.2);
    }

    /// The colour the scene paints at the screen point `p`, counting what fills areas: the last
    /// rectangle or even-odd fill that covers it.
    fn colour_at(scene: &Scene, p: Point) -> Option<&'static str> {
        let inside = |ring: &Vec<Point>| {
            let mut inside = false;
            for (i, a) in ring.iter().enumerate() {
                let b = ring[(i + ring.len() - 1) % ring.len()];
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                {
                    inside = !inside;
                }
            }
            inside
        };
        scene.items.iter().rev().find_map(|i| match i {
            Item::Rect { bounds, fill, .. } if bounds.contains(p) => Some(*fill),
            Item::Fill { rings, color } if rings.iter().filter(|r| inside(r)).count() % 2 == 1 => {
                Some(*color)
            }
            _ => None,
        })
    }

    #[test]
    fn land_is_land_and_sea_is_sea_out_to_the_edges_of_the_widest_view() {
        let b = basemap();
        let (land, sea, ukraine) = (style::LAND, style::WATER, style::UKRAINE);
        // (centre, zoom) of a 1000×700 view, kept over the map → points and their colours.
        type Case = ((f64, f64, f64), Vec<(&'static str, f64, f64, &'static str)>);
        let cases: Vec<Case> = vec![
            (
                (31.0, 48.0, 3.0),
                vec![
                    ("Kyiv", 30.52, 50.45, ukraine),
                    ("Simferopol", 34.1, 44.95, ukraine),
                    ("Belgorod", 36.59, 50.6, land),
                    ("the Sea of Azov", 36.8, 46.2, sea),
                    ("the Black Sea off Crimea", 33.5, 43.8, sea),
                    ("the Black Sea beyond the box", 34.0, 42.5, sea),
                    ("Moscow", 37.62, 55.75, land),
                    ("Minsk", 27.56, 53.9, land),
                    ("Warsaw", 21.01, 52.23, land),
                    ("Vienna", 16.37, 48.21, land),
                    ("Bucharest", 26.1, 44.43, land),
                    ("Ankara", 32.85, 40.2, land),
                    ("Volgograd", 44.5, 48.7, land),
                    ("the Sea of Marmara", 28.0, 40.75, sea),
                    ("the Caspian Sea", 50.5, 42.0, sea),
                    ("the Baltic Sea", 18.0, 55.5, sea),
                ],
            ),
            (
                (21.0, 53.0, 9.0),
                vec![
                    ("Poland, beyond the box's corner", 20.2, 53.5, land),
                    ("Podlaskie, Poland", 22.0, 53.4, land),
                ],
            ),
            (
                (41.0, 43.0, 9.0),
                vec![
                    ("the Black Sea beyond the box's corner", 40.0, 42.5, sea),
                    ("Abkhazia, beyond the box", 41.5, 43.0, land),
                    ("Georgia", 42.0, 42.5, land),
                ],
            ),
        ];
        for ((lon, lat, zoom), points) in cases {
            let mut v = Viewport::new(1000.0, 700.0, 1.0);
            v.set_view(forward(lon, lat), zoom);
            v.keep_within(&b.extent, &b.surroundings);
            let scene = scene_of(&b, &[], &v, None);
            let got: Vec<(&str, Option<&str>)> = points
                .iter()
                .map(|&(what, lon, lat, _)| {
                    (what, colour_at(&scene, v.to_screen(forward(lon, lat))))
                })
                .collect();
            let want: Vec<(&str, Option<&str>)> = points
                .iter()
                .map(|&(what, _, _, c)| (what, Some(c)))
                .collect();
            assert_eq!(got, want, "view at {lon}, {lat}, zoom {zoom}");
        }
    }

    #[test]
    fn land_and_sea_are_filled_only_where_the_screen_shows_more_than_ukraine() {
        let b = basemap();
        // (centre, zoom 11) → the number of land and sea fills; and no fill keeps a ring with
        // no area (what a ring around the screen's corner leaves once cut).
        let cases = [
            ("Pokrovsk, inside Ukraine", 37.18, 48.28, 0),
            ("Odesa, on the coast", 30.73, 46.48, 2),
            ("Belgorod, in Russia", 36.59, 50.6, 2),
            ("Sumy, near the border", 34.8, 50.9, 2),
            (
                "Mariupol, where Russia's ring wraps the screen",
                37.55,
                47.1,
                2,
            ),
        ];
        for (what, lon, lat, fills) in cases {
            let mut v = Viewport::new(1478.0, 948.0, 2.0);
            v.set_view(forward(lon, lat), 11.0);
            let scene = scene_of(&b, &[], &v, None);
            let corner = Point::new(-CLIP_MARGIN, -CLIP_MARGIN);
            let count = scene
                .items
                .iter()
                .filter(|i| match i {
                    Item::Fill { color, rings } => {
                        *color == style::LAND
                            || (*color == style::WATER
                                && rings.first().is_some_and(|r| r[0] == corner))
                    }
                    _ => false,
                })
                .count();
            assert_eq!(count, fills, "{what}");
            for i in &scene.items {
                if let Item::Fill { rings, .. } = i {
                    for r in rings {
                        let mut bb = Bounds::EMPTY;
                        r.iter().for_each(|&p| bb.extend(p));
                        assert!(bb.width() > 0.0 && bb.height() > 0.0, "{what}: {r:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn drawing_culls_and_thins_far_geometry() {
        let b = basemap();
        let mut v = Viewport::new(400.0, 300.0, 1.0);
        v.center = forward(37.27, 49.2);
        v.scale = 2_000_000.0;
        let scene = scene_of(&b, &[], &v, None);
        let points: usize = scene
            .items
            .iter()
            .map(|i| match i {
                Item::Fill { rings: l, .. } | Item::Stroke { lines: l, .. } => {
                    l.iter().map(Vec::len).sum()
                }
                _ => 0,
            })
            .sum();
        let all: usize = b
            .countries
            .iter()
            .chain(&b.admin1)
            .flat_map(|a| &a.rings)
            .map(Vec::len)
            .sum();
        assert!(points < all / 4, "{points} of {all}");
    }
}
