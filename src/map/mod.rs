//! The map: everything between a [`Report`](crate::report::Report) and pixels that can be
//! tested without a browser. `projection` (Web Mercator, the viewport), `basemap` (land, borders,
//! water), `style` (colours and shapes), `clusters` (markers that would overlap, drawn as one),
//! `context` (the settlements around, to orient by), `area_names` (the names of countries and
//! admin-1 units at low zoom), `off_map` (where a place beyond the map lies), `details` (the
//! details panel's sentences and highlights, grouped by side), `display` (names as the page
//! writes them), `labels` (placement without overlap), `clip` (rings cut to the screen) and
//! `scene` (the display list and hit-testing). Only `web` paints the display list.

pub mod area_names;
pub mod basemap;
pub mod clip;
pub mod clusters;
pub mod context;
pub mod details;
pub mod display;
pub mod labels;
pub mod off_map;
pub mod projection;
pub mod scene;
pub mod style;

pub use basemap::{Basemap, BasemapError};
pub use projection::{Bounds, Point, Viewport};
pub use scene::{Item, Mark, Measure, Scene, SceneInput};
