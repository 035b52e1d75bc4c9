//! How the map looks: the colour and marker shape of each status (Okabe–Ito colours, which stay
//! distinct under the common colour-vision deficiencies, and a different shape for each status,
//! so colour is never the only cue), the basemap palette and the fonts.

use crate::report::Status;

/// The shape of a place marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    /// A hollow circle: named, nothing reported.
    Ring,
    /// Two triangles tip to tip: the two sides' reports disagree.
    Bowtie,
}

/// How places of one status are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusStyle {
    pub shape: Shape,
    /// Marker fill (CSS colour).
    pub fill: &'static str,
    /// Light translucent tint of a highlighted region with this status (its outline carries the
    /// colour; markers over it stay readable).
    pub region_fill: &'static str,
    /// Legend text.
    pub label: &'static str,
}

/// The style of a status. Colours are from Okabe & Ito, *Color Universal Design* (2008).
pub fn status_style(status: Status) -> StatusStyle {
    let (shape, fill, region_fill, label) = match status {
        Status::Liberated => (
            Shape::Circle,
            "#009e73",
            "rgba(0,158,115,0.10)",
            "Liberated",
        ),
        Status::Occupied => (Shape::Square, "#d55e00", "rgba(213,94,0,0.10)", "Occupied"),
        Status::Contested => (
            Shape::Diamond,
            "#e69f00",
            "rgba(230,159,0,0.12)",
            "Contested",
        ),
        Status::Attacked => (
            Shape::TriangleUp,
            "#cc79a7",
            "rgba(204,121,167,0.12)",
            "Attacked",
        ),
        Status::Evacuated => (
            Shape::TriangleDown,
            "#0072b2",
            "rgba(0,114,178,0.10)",
            "Evacuated",
        ),
        Status::Mentioned => (Shape::Ring, "#ffffff", "rgba(90,90,90,0.06)", "Mentioned"),
    };
    StatusStyle {
        shape,
        fill,
        region_fill,
        label,
    }
}

/// How a place is drawn whose control reports from opposite sides disagree about (Okabe–Ito
/// sky blue).
pub const DISPUTED: StatusStyle = StatusStyle {
    shape: Shape::Bowtie,
    fill: "#56b4e9",
    region_fill: "rgba(86,180,233,0.12)",
    label: "Disputed",
};

/// The settlements around the article's places, their dots and names.
pub const CONTEXT: &str = "#8c8c8c";
/// The names of countries and admin-1 units.
pub const AREA_NAME: &str = "#7d7d7d";
/// The disc of a cluster of markers.
pub const CLUSTER_FILL: &str = "#ffffff";
/// Marker outline.
pub const MARKER_STROKE: &str = "#1a1a1a";
/// Sea and lakes.
pub const WATER: &str = "#c6dcea";
/// Rivers.
pub const RIVER: &str = "#7eaccb";
/// Land outside Ukraine.
pub const LAND: &str = "#e9e7e1";
/// Ukraine.
pub const UKRAINE: &str = "#fbf9f3";
/// Ukraine's outline.
pub const NATIONAL_BORDER: &str = "#4d4d4d";
/// Other countries' borders.
pub const COUNTRY_BORDER: &str = "#8a8a8a";
/// Oblast borders.
pub const OBLAST_BORDER: &str = "#b7ae9c";
/// Coasts of other countries.
pub const COAST: &str = "#9fb7c6";
/// Label text.
pub const TEXT: &str = "#1a1a1a";
/// Sea names.
pub const SEA_TEXT: &str = "#4f7da0";
/// The halo drawn behind label text.
pub const HALO: &str = "rgba(255,255,255,0.85)";
/// Legend and scale-bar panel.
pub const PANEL: &str = "rgba(255,255,255,0.9)";
/// Legend and scale-bar panel outline.
pub const PANEL_STROKE: &str = "#9a9a9a";

/// A text style; `css` is a CSS `font` value and `size` its pixel size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Font {
    Place,
    Selected,
    Region,
    Sea,
    Small,
    /// A settlement around the article's places.
    Context,
    /// A country's name (written in capitals).
    Country,
    /// An admin-1 unit's name.
    Admin1,
}

impl Font {
    pub fn css(self) -> &'static str {
        match self {
            Font::Place => "600 12px system-ui, sans-serif",
            Font::Selected => "700 13px system-ui, sans-serif",
            Font::Region => "italic 600 12px system-ui, sans-serif",
            Font::Sea => "italic 13px Georgia, serif",
            Font::Small => "11px system-ui, sans-serif",
            Font::Context => "10px system-ui, sans-serif",
            Font::Country => "600 13px system-ui, sans-serif",
            Font::Admin1 => "italic 11px system-ui, sans-serif",
        }
    }

    pub fn size(self) -> f64 {
        match self {
            Font::Selected | Font::Sea | Font::Country => 13.0,
            Font::Small | Font::Admin1 => 11.0,
            Font::Context => 10.0,
            Font::Place | Font::Region => 12.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_shape_and_colour() {
        for (i, a) in Status::ALL.iter().enumerate() {
            for b in &Status::ALL[i + 1..] {
                let (sa, sb) = (status_style(*a), status_style(*b));
                assert_ne!(sa.shape, sb.shape, "{a:?} {b:?}");
                assert_ne!(sa.fill, sb.fill, "{a:?} {b:?}");
            }
            assert_ne!(status_style(*a).shape, DISPUTED.shape, "{a:?}");
            assert_ne!(status_style(*a).fill, DISPUTED.fill, "{a:?}");
        }
    }
}
