//! Charts laid out by plotters into plain drawing primitives.
//!
//! plotters computes the axes, ticks, labels and series positions; a small backend
//! ([`Recorder`]) records what it draws as [`Shape`]s instead of pixels or an SVG string.
//! The app renders the shapes as SVG elements (text as text nodes, so data never
//! becomes markup; runs of circles as one path each, see [`marks`]), and [`to_svg`]
//! serialises them, escaped, for the SVG download.
//! Hover and focus use the same coordinate transform through [`Plot::points`].

pub mod elements;
pub mod marks;

use crate::node::escape_xml;
use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

/// One drawn primitive, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A polyline.
    Line {
        /// Points.
        points: Vec<(i32, i32)>,
        /// `#rrggbb`.
        color: String,
        /// Stroke width.
        width: u32,
    },
    /// A rectangle.
    Rect {
        /// Upper-left corner.
        from: (i32, i32),
        /// Lower-right corner.
        to: (i32, i32),
        /// `#rrggbb`.
        color: String,
        /// Filled or outlined.
        fill: bool,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: (i32, i32),
        /// Radius.
        radius: u32,
        /// `#rrggbb`.
        color: String,
        /// Filled or outlined.
        fill: bool,
    },
    /// A text label.
    Text {
        /// Anchor point.
        at: (i32, i32),
        /// The text (plain text, never markup).
        text: String,
        /// Font size in pixels.
        size: f64,
        /// `start`, `middle` or `end`.
        anchor: &'static str,
        /// `#rrggbb`.
        color: String,
        /// Rotated 90° counter-clockwise (y-axis titles).
        vertical: bool,
    },
}

/// A plotters backend that records shapes. plotters owns its backend, so the shapes
/// live behind a shared handle the caller keeps.
pub struct Recorder {
    size: (u32, u32),
    shapes: Rc<RefCell<Vec<Shape>>>,
}

impl Recorder {
    /// An empty recorder of the given pixel size, and the handle to what it records.
    pub fn new(width: u32, height: u32) -> (Self, Rc<RefCell<Vec<Shape>>>) {
        let shapes = Rc::new(RefCell::new(Vec::new()));
        let rec = Self {
            size: (width, height),
            shapes: Rc::clone(&shapes),
        };
        (rec, shapes)
    }

    fn push(&mut self, shape: Shape) {
        self.shapes.borrow_mut().push(shape);
    }
}

/// `#rrggbb`, or `rgba(…)` when translucent (plotters draws its mesh that way).
fn hex(c: BackendColor) -> String {
    if c.alpha >= 1.0 {
        format!("#{:02x}{:02x}{:02x}", c.rgb.0, c.rgb.1, c.rgb.2)
    } else {
        format!("rgba({},{},{},{:.2})", c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
    }
}

/// Text width estimate in pixels: Hangul and other wide characters count double.
/// The same on every platform, so layouts are reproducible in native tests.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * size
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Infallible>>;

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, point, &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha > 0.0 {
            self.push(Shape::Rect {
                from,
                to,
                color: hex(style.color()),
                fill,
            });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha > 0.0 {
            self.push(Shape::Line {
                points: path.into_iter().collect(),
                color: hex(style.color()),
                width: style.stroke_width(),
            });
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha > 0.0 {
            self.push(Shape::Circle {
                center,
                radius,
                color: hex(style.color()),
                fill,
            });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.draw_path(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let size = style.size();
        // plotters anchors vertically too; SVG text sits on its baseline.
        let dy = match style.anchor().v_pos {
            VPos::Top => size * 0.8,
            VPos::Center => size * 0.35,
            VPos::Bottom => 0.0,
        };
        let vertical = matches!(style.transform(), FontTransform::Rotate270);
        let at = if vertical {
            (pos.0 + dy as i32, pos.1)
        } else {
            (pos.0, pos.1 + dy as i32)
        };
        self.push(Shape::Text {
            at,
            text: text.to_string(),
            size,
            anchor,
            color: hex(style.color()),
            vertical,
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        Ok((text_width(text, style.size()) as u32, style.size() as u32))
    }

    fn blit_bitmap(&mut self, _: BackendCoord, _: (u32, u32), _: &[u8]) -> Result {
        Ok(())
    }
}

/// One series of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesData {
    /// Legend label (a city name).
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
    /// `(x, y)` points, x ascending for lines.
    pub points: Vec<(f64, f64)>,
    /// A context series (e.g. the country's value): drawn thin, dashed and with small
    /// points, so it reads as background to the cities.
    pub context: bool,
    /// Indices of the points that begin another source's run: the line is not drawn
    /// into them (a change of source or method is a break, not a change).
    pub breaks: Vec<usize>,
}

/// What kind of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Lines over years.
    Lines,
    /// Points (scatter).
    Scatter,
    /// Horizontal bars; `points` are `(rank, value)`, labels from `bar_labels`.
    Bars,
}

/// A dated event on a chart over time (a city's action). The app draws it as a marker
/// that opens the event; it is not part of the chart's shapes, so downloads and
/// snapshots are the data alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Where on the x axis (a year).
    pub x: f64,
    /// What the marker opens (an action's id).
    pub id: String,
    /// What it says ("2013: Suwon's month without cars").
    pub label: String,
}

/// Where a mark was laid out: its x and the plot area's top and bottom, in pixels,
/// and its place in a stack of marks that would otherwise overlap (0 first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlotMark {
    /// The mark's id.
    pub id: String,
    /// The mark's label.
    pub label: String,
    /// Screen x.
    pub x: i32,
    /// Top of the plot area.
    pub top: i32,
    /// Bottom of the plot area.
    pub bottom: i32,
    /// Its level in a stack of marks closer than [`MARK_CLEARANCE`] (0 first).
    pub stack: usize,
}

/// Share of a chart's width that one action mark's target (24 px and a gap) takes
/// where the chart is drawn narrowest (about 340 px on a 390 px phone): marks closer
/// than this are stacked, so no two targets overlap.
pub const MARK_CLEARANCE: f64 = 0.08;

/// A chart to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Kind.
    pub kind: Kind,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// X axis title.
    pub x_title: String,
    /// Y axis title.
    pub y_title: String,
    /// Series.
    pub series: Vec<SeriesData>,
    /// Bar labels, by rank (Kind::Bars).
    pub bar_labels: Vec<String>,
    /// The x values are log10 of the quantity (population); labels show the quantity.
    pub x_log: bool,
    /// Dated events on a chart over time (see [`Mark`]); only those within the data's
    /// years are laid out.
    pub marks: Vec<Mark>,
}

/// A laid-out chart: shapes plus the screen position of every data point, for hover and
/// keyboard focus.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// Shapes to draw.
    pub shapes: Vec<Shape>,
    /// Where each finite data point was drawn.
    pub points: Vec<PlotPoint>,
    /// Where each mark within the years was laid out.
    pub marks: Vec<PlotMark>,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// Where one data point was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotPoint {
    /// Index of its series in the spec.
    pub series: usize,
    /// Index of the point in its series.
    pub point: usize,
    /// Screen x.
    pub x: i32,
    /// Screen y.
    pub y: i32,
}

impl Plot {
    /// The drawn point of `(series, point)`.
    pub fn point(&self, key: (usize, usize)) -> Option<&PlotPoint> {
        self.points.iter().find(|p| (p.series, p.point) == key)
    }

    /// The point after (`delta` = 1) or before (-1) the focused one in drawing order,
    /// wrapping; from no focus, the first or the last.
    pub fn step(&self, focus: Option<(usize, usize)>, delta: isize) -> Option<(usize, usize)> {
        let current = focus.and_then(|f| self.points.iter().position(|p| (p.series, p.point) == f));
        let next = crate::lists::step_focus(current, delta, self.points.len())?;
        let p = self.points[next];
        Some((p.series, p.point))
    }
}

fn rgb(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x555555);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Padded bounds of the data, never empty. `zero` keeps zero in range (bars).
fn bounds(values: impl Iterator<Item = f64>, zero: bool) -> (f64, f64) {
    bounds_with(values, zero, 0.05)
}

/// Bounds padded by `(hi - lo) * 0.05`, and at least by `relative * |hi|` and 0.5.
fn bounds_with(values: impl Iterator<Item = f64>, zero: bool, relative: f64) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    if zero {
        lo = lo.min(0.0);
    }
    let pad = ((hi - lo) * 0.05).max(hi.abs() * relative).max(0.5);
    (if zero && lo >= 0.0 { lo } else { lo - pad }, hi + pad)
}

/// Lays out a chart with plotters. Never panics on data: empty or non-finite input gives
/// an empty frame.
pub fn layout(spec: &Spec) -> Plot {
    let (rec, shapes) = Recorder::new(spec.width.max(120), spec.height.max(100));
    let mut points = Vec::new();
    let mut marks = Vec::new();
    {
        let root: DrawingArea<Recorder, Shift> = rec.into();
        let values = spec
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1));
        let y_range = bounds(values, spec.kind == Kind::Bars);
        // A drawing error can only come from plotters' own layout; the frame drawn so
        // far is still shown.
        let _ = draw(&root, spec, y_range, &mut points, &mut marks);
    }
    let shapes = shapes.take();
    Plot {
        shapes,
        points,
        marks,
        width: spec.width,
        height: spec.height,
    }
}

type DrawResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn draw(
    root: &DrawingArea<Recorder, Shift>,
    spec: &Spec,
    (y0, y1): (f64, f64),
    points: &mut Vec<PlotPoint>,
    marks: &mut Vec<PlotMark>,
) -> DrawResult {
    match spec.kind {
        Kind::Bars => draw_bars(root, spec, (y0, y1), points)?,
        Kind::Lines | Kind::Scatter => draw_xy(root, spec, (y0, y1), points, marks)?,
    }
    root.present()?;
    Ok(())
}

/// The axis labels' style.
fn axis_text() -> TextStyle<'static> {
    ("sans-serif", 12)
        .into_font()
        .color(&RGBColor(0x44, 0x44, 0x44))
}

/// A ranking: one bar per city, labelled on the left.
fn draw_bars(
    root: &DrawingArea<Recorder, Shift>,
    spec: &Spec,
    (y0, y1): (f64, f64),
    points: &mut Vec<PlotPoint>,
) -> DrawResult {
    let text = axis_text();
    let n = spec.bar_labels.len().max(1);
    let label_w = spec
        .bar_labels
        .iter()
        .map(|l| text_width(l, 12.0) as u32 + 8)
        .max()
        .unwrap_or(40)
        .min(spec.width / 2);
    let mut chart = ChartBuilder::on(root)
        .margin(8)
        .x_label_area_size(34)
        .y_label_area_size(label_w)
        .build_cartesian_2d(y0..y1, (0..n).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(spec.y_title.as_str())
        .y_labels(n)
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => spec.bar_labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .draw()?;
    for (si, s) in spec.series.iter().enumerate() {
        let color = rgb(&s.color);
        for (pi, &(rank, value)) in s.points.iter().enumerate() {
            let i = rank as usize;
            let (a, b) = (SegmentValue::Exact(i), SegmentValue::Exact(i + 1));
            let base = y0.max(0.0).min(y1);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(base, a), (value, b)],
                color.filled(),
            )))?;
            let (x, y) = chart.backend_coord(&(value, SegmentValue::CenterOf(i)));
            points.push(PlotPoint {
                series: si,
                point: pi,
                x,
                y,
            });
        }
    }
    Ok(())
}

/// Lines over the years, or a scatter: points on two value axes, lines labelled at
/// their ends.
fn draw_xy(
    root: &DrawingArea<Recorder, Shift>,
    spec: &Spec,
    (y0, y1): (f64, f64),
    points: &mut Vec<PlotPoint>,
    marks: &mut Vec<PlotMark>,
) -> DrawResult {
    let all = || spec.series.iter().flat_map(|s| s.points.iter());
    let text = axis_text();
    // Years and populations: pad by the spread only, not by the magnitude.
    let (x0, x1) = bounds_with(all().map(|p| p.0), false, 0.0);
    let (x0, x1) = if spec.kind == Kind::Lines {
        (x0.floor(), x1.ceil())
    } else {
        (x0, x1)
    };
    let years = spec.kind == Kind::Lines;
    // Room on the right for the lines' direct labels.
    let label_room = if years { end_label_room(spec) } else { 10 };
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .margin_right(label_room)
        .x_label_area_size(36)
        .y_label_area_size(52)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    // Light horizontal grid lines only: values are read across, years need no
    // vertical rules.
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(RGBColor(0xe4, 0xe4, 0xe4))
        .light_line_style(TRANSPARENT)
        .x_desc(spec.x_title.as_str())
        .y_desc(spec.y_title.as_str())
        .x_labels(if years {
            ((x1 - x0) as usize + 1).min(10)
        } else {
            8
        })
        .x_label_formatter(&|v| {
            if years {
                // Whole years only: a tick between two years has no label.
                if (v - v.round()).abs() < 1e-6 {
                    format!("{v:.0}")
                } else {
                    String::new()
                }
            } else if spec.x_log {
                compact(10f64.powf(*v))
            } else {
                compact(*v)
            }
        })
        .y_label_formatter(&|v| compact(*v))
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .draw()?;
    if years {
        for m in spec.marks.iter().filter(|m| (x0..=x1).contains(&m.x)) {
            let (x, top) = chart.backend_coord(&(m.x, y1));
            let (_, bottom) = chart.backend_coord(&(m.x, y0));
            // The first level where no mark lies within a target's width of this one
            // (at the narrowest the chart is drawn, see MARK_CLEARANCE).
            let clearance = (f64::from(spec.width) * MARK_CLEARANCE).round() as i32;
            let stack = (0..marks.len() + 1)
                .find(|k| {
                    !marks
                        .iter()
                        .any(|p: &PlotMark| p.stack == *k && (p.x - x).abs() < clearance)
                })
                .unwrap_or(0);
            marks.push(PlotMark {
                id: m.id.clone(),
                label: m.label.clone(),
                x,
                top,
                bottom,
                stack,
            });
        }
    }
    for (si, s) in spec.series.iter().enumerate() {
        let color = rgb(&s.color);
        let pts: Vec<(f64, f64)> = s
            .points
            .iter()
            .copied()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .collect();
        if spec.kind == Kind::Lines {
            for run in runs(&s.points, &s.breaks)
                .into_iter()
                .filter(|r| r.len() > 1)
            {
                if s.context {
                    let style = Color::stroke_width(&color, 1);
                    chart.draw_series(DashedLineSeries::new(run, 6, 4, style))?;
                } else {
                    let style = Color::stroke_width(&color, 2);
                    chart.draw_series(LineSeries::new(run, style))?;
                }
            }
        }
        chart.draw_series(
            pts.iter()
                .map(|&p| Circle::new(p, if s.context { 2 } else { 4 }, color.filled())),
        )?;
        for (pi, p) in s.points.iter().enumerate() {
            if p.0.is_finite() && p.1.is_finite() {
                let (x, y) = chart.backend_coord(p);
                points.push(PlotPoint {
                    series: si,
                    point: pi,
                    x,
                    y,
                });
            }
        }
    }
    if years {
        // Direct labels at the lines' ends, nudged apart so that none overlap.
        let ends: Vec<(String, String, (i32, i32))> = spec
            .series
            .iter()
            .filter(|s| !s.context)
            .filter_map(|s| {
                let last = s
                    .points
                    .iter()
                    .rev()
                    .find(|p| p.0.is_finite() && p.1.is_finite())?;
                Some((s.label.clone(), s.color.clone(), chart.backend_coord(last)))
            })
            .collect();
        let ys = spread(ends.iter().map(|e| e.2 .1).collect(), 14);
        for ((label, color, (x, _)), y) in ends.into_iter().zip(ys) {
            let style = ("sans-serif", 12).into_font().color(&rgb(&color));
            root.draw(&Text::new(label, (x + 8, y - 6), style))?;
        }
    }
    Ok(())
}

/// Right margin of a line chart: the widest direct label, within a quarter of the width.
fn end_label_room(spec: &Spec) -> u32 {
    let widest = spec
        .series
        .iter()
        .filter(|s| !s.context)
        .map(|s| text_width(&s.label, 12.0) as u32 + 14)
        .max()
        .unwrap_or(10);
    widest.clamp(10, spec.width / 4)
}

/// Vertical positions, in the order given, moved apart to at least `gap` pixels while
/// staying as close as possible to where they were (a simple top-down sweep).
pub fn spread(ys: Vec<i32>, gap: i32) -> Vec<i32> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by_key(|&i| ys[i]);
    let mut out = ys.clone();
    let mut last: Option<i32> = None;
    for i in order {
        let y = match last {
            Some(prev) if ys[i] < prev + gap => prev + gap,
            _ => ys[i],
        };
        out[i] = y;
        last = Some(y);
    }
    out
}

/// A short number for axis labels: 1,200,000 -> "1.2M", 0.25 -> "0.25".
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 1e9 {
        format!("{:.1}B", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 10.0 || a == 0.0 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    s.replace(".0M", "M").replace(".0B", "B")
}

/// How far from a point a pointer may be and still pick it, in chart pixels.
pub const PICK_RADIUS: f64 = 14.0;

/// The point under a pointer: `client` is the pointer's page position and `rect`
/// the drawn chart's box (`left, top, width, height`), which may be scaled from the
/// plot's own size.
pub fn point_at(
    plot: &Plot,
    client: (f64, f64),
    rect: (f64, f64, f64, f64),
) -> Option<(usize, usize)> {
    let (left, top, width, height) = rect;
    let x = (client.0 - left) * f64::from(plot.width) / width.max(1.0);
    let y = (client.1 - top) * f64::from(plot.height) / height.max(1.0);
    nearest(plot, x, y, PICK_RADIUS)
}

/// What a key does on a focused chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKey {
    /// Step to the next (`1`) or previous (`-1`) data point.
    Step(isize),
    /// Leave the points.
    Clear,
}

/// The chart's keys: arrows step through the points, Escape leaves them.
pub fn chart_key(key: &str) -> Option<ChartKey> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(ChartKey::Step(1)),
        "ArrowLeft" | "ArrowUp" => Some(ChartKey::Step(-1)),
        "Escape" => Some(ChartKey::Clear),
        _ => None,
    }
}

/// The point nearest to `(x, y)` within `radius` pixels: `(series, point)`.
pub fn nearest(plot: &Plot, x: f64, y: f64, radius: f64) -> Option<(usize, usize)> {
    plot.points
        .iter()
        .map(|q| {
            (
                q.series,
                q.point,
                (f64::from(q.x) - x).hypot(f64::from(q.y) - y),
            )
        })
        .filter(|t| t.2 <= radius)
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(s, p, _)| (s, p))
}

/// The runs of finite points a line joins: a new run begins at each break and after
/// any point that is not finite.
pub fn runs(points: &[(f64, f64)], breaks: &[usize]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, &p) in points.iter().enumerate() {
        let finite = p.0.is_finite() && p.1.is_finite();
        let last_empty = out.last().is_none_or(Vec::is_empty);
        if (!finite || breaks.contains(&i)) && !last_empty {
            out.push(Vec::new());
        }
        if finite {
            out.last_mut().expect("a run").push(p);
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// An SVG `points` attribute for a polyline.
pub fn points_attr(points: &[(i32, i32)]) -> String {
    let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    pts.join(" ")
}

/// `(x, y, width, height)` of a rectangle given by two corners; at least 1 px each way,
/// so that the single pixels plotters draws as rectangles stay visible.
pub fn rect_box(from: (i32, i32), to: (i32, i32)) -> (i32, i32, i32, i32) {
    (
        from.0.min(to.0),
        from.1.min(to.1),
        (to.0 - from.0).abs().max(1),
        (to.1 - from.1).abs().max(1),
    )
}

/// `(fill, stroke)` of a filled or outlined shape.
pub fn paint(color: &str, fill: bool) -> (String, Option<String>) {
    if fill {
        (color.to_string(), None)
    } else {
        ("none".to_string(), Some(color.to_string()))
    }
}

/// The `transform` of a text label: vertical labels turn about their anchor.
pub fn text_rotation(at: (i32, i32), vertical: bool) -> Option<String> {
    vertical.then(|| format!("rotate(-90 {} {})", at.0, at.1))
}

/// The source line of a downloaded chart, wrapped at ` · ` (or spaces) to fit
/// `width` pixels of 11 px text.
pub fn wrap_source(source: &str, width: u32) -> Vec<String> {
    let max = (f64::from(width) / 6.2).max(20.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in source.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Width and height of [`to_svg`]'s document: the plot, a title above and the
/// wrapped source lines below.
pub fn svg_size(plot: &Plot, source: &str) -> (u32, u32) {
    let lines = wrap_source(source, plot.width).len() as u32;
    (plot.width, plot.height + 34 + 14 * lines.max(1))
}

/// A standalone SVG document of a plot, with a title and a source line; every text is
/// escaped.
pub fn to_svg(plot: &Plot, title: &str, source: &str) -> String {
    let (w, h) = svg_size(plot, source);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><text x=\"8\" y=\"18\" font-size=\"15\" font-weight=\"bold\">{}</text><g transform=\"translate(0 24)\">",
        escape_xml(title)
    );
    for shape in &plot.shapes {
        elements::shape_element(shape).write_xml(&mut s);
    }
    s.push_str("</g>");
    let top = plot.height + 24 + 16;
    for (i, line) in wrap_source(source, w).iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"8\" y=\"{}\" font-size=\"11\" fill=\"#555555\">{}</text>",
            top + 14 * i as u32,
            escape_xml(line)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_on_a_scaled_chart_picks_the_point_under_it() {
        let plot = Plot {
            shapes: Vec::new(),
            marks: Vec::new(),
            width: 400,
            height: 200,
            points: vec![PlotPoint {
                series: 0,
                point: 3,
                x: 100,
                y: 50,
            }],
        };
        // Drawn at half size, 10 px from the page's corner.
        let rect = (10.0, 10.0, 200.0, 100.0);
        assert_eq!(point_at(&plot, (60.0, 35.0), rect), Some((0, 3)));
        assert_eq!(
            point_at(&plot, (110.0, 35.0), rect),
            None,
            "100 chart px away"
        );
        assert_eq!(chart_key("ArrowLeft"), Some(ChartKey::Step(-1)));
        assert_eq!(chart_key("Escape"), Some(ChartKey::Clear));
        assert_eq!(chart_key("a"), None);
    }

    fn lines() -> Spec {
        Spec {
            kind: Kind::Lines,
            width: 600,
            height: 300,
            x_title: "Year".into(),
            y_title: "µg/m³".into(),
            series: vec![
                SeriesData {
                    label: "Seoul".into(),
                    color: "#1f77b4".into(),
                    points: vec![(2015.0, 23.0), (2016.0, 26.0), (2019.0, 25.0)],
                    context: false,
                    breaks: Vec::new(),
                },
                SeriesData {
                    label: "<script>alert(1)</script>".into(),
                    color: "#ff7f0e".into(),
                    points: vec![(2015.0, 10.0), (2019.0, f64::NAN)],
                    context: true,
                    breaks: Vec::new(),
                },
            ],
            bar_labels: vec![],
            x_log: false,
            marks: vec![],
        }
    }

    #[test]
    fn marks_are_laid_out_on_their_year_apart_from_the_drawing() {
        let plain = layout(&lines());
        assert!(plain.marks.is_empty());
        let mut spec = lines();
        let mark = |x: f64, id: &str| Mark {
            x,
            id: id.into(),
            label: format!("{x}: {id}"),
        };
        spec.marks = vec![
            mark(2016.0, "LA1"),
            mark(2016.0, "LA2"),
            mark(2030.0, "LA3"),
        ];
        let plot = layout(&spec);
        assert_eq!(
            plot.shapes, plain.shapes,
            "the marks are not in the drawing"
        );
        let ids: Vec<&str> = plot.marks.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, vec!["LA1", "LA2"], "2030 is outside the years");
        let at_2016 = plot
            .points
            .iter()
            .find(|p| (p.series, p.point) == (0, 1))
            .unwrap();
        assert_eq!(plot.marks[0].x, at_2016.x, "on the year's x");
        assert!(plot.marks[0].top < plot.marks[0].bottom);
        assert_eq!((plot.marks[0].stack, plot.marks[1].stack), (0, 1));
        // Marks of every year: any two closer than a target's width are on different
        // levels, and a mark takes the lowest free level.
        spec.marks = (2010..=2022)
            .flat_map(|y| [mark(f64::from(y), "a"), mark(f64::from(y), "b")])
            .collect();
        let plot = layout(&spec);
        let clearance = (f64::from(spec.width) * MARK_CLEARANCE).round() as i32;
        for (i, a) in plot.marks.iter().enumerate() {
            for b in &plot.marks[..i] {
                if (a.x - b.x).abs() < clearance {
                    assert_ne!(a.stack, b.stack, "{a:?} overlaps {b:?}");
                }
            }
        }
        assert_eq!(plot.marks[0].stack, 0);
    }

    #[test]
    fn lines_draw_axes_series_and_map_points_in_order() {
        let plot = layout(&lines());
        // Three Seoul points and one finite context point are placed.
        assert_eq!(plot.points.len(), 4);
        let seoul: Vec<_> = plot.points.iter().filter(|p| p.series == 0).collect();
        assert!(
            seoul[0].x < seoul[1].x && seoul[1].x < seoul[2].x,
            "x grows with the year"
        );
        assert!(seoul[1].y < seoul[0].y, "26 is drawn above 23");
        assert!(plot
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Text { text, .. } if text == "2019")));
        assert!(plot
            .shapes
            .iter()
            .any(|s| matches!(s, Shape::Text { text, vertical: true, .. } if text == "µg/m³")));
        let q = plot.points[2];
        assert_eq!(
            nearest(&plot, f64::from(q.x) + 2.0, f64::from(q.y) - 1.0, 8.0),
            Some((q.series, q.point))
        );
        assert_eq!(nearest(&plot, -100.0, -100.0, 8.0), None);
        assert_eq!(plot.point((0, 2)), Some(&q));
        // Keyboard stepping walks the drawn points in order and wraps.
        assert_eq!(plot.step(None, 1), Some((0, 0)));
        assert_eq!(plot.step(None, -1), Some((1, 0)));
        assert_eq!(plot.step(Some((1, 0)), 1), Some((0, 0)));
        assert_eq!(plot.step(Some((0, 1)), -1), Some((0, 0)));
    }

    #[test]
    fn context_lines_are_dashed_and_city_lines_solid() {
        let plot = layout(&lines());
        let strokes = |color: &str| {
            plot.shapes
                .iter()
                .filter(|s| matches!(s, Shape::Line { color: c, .. } if c == color))
                .count()
        };
        // One polyline for Seoul; the context line (one finite segment here would be
        // too short), so give it two finite points.
        assert_eq!(strokes("#1f77b4"), 1);
        let mut spec = lines();
        spec.series[1].points = vec![(2015.0, 10.0), (2019.0, 12.0)];
        let plot = layout(&spec);
        let dashes = plot
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Line { color, .. } if color == "#ff7f0e"))
            .count();
        assert!(dashes > 3, "a dashed line is many short strokes: {dashes}");
    }

    #[test]
    fn a_change_of_source_breaks_the_line() {
        let strokes = |spec: &Spec| {
            layout(spec)
                .shapes
                .iter()
                .filter(|s| matches!(s, Shape::Line { color, .. } if color == "#1f77b4"))
                .count()
        };
        let mut spec = lines();
        spec.series[0].points = vec![
            (2013.0, 30.0),
            (2014.0, 29.4),
            (2015.0, 25.5),
            (2016.0, 24.0),
        ];
        assert_eq!(strokes(&spec), 1, "one source: one line");
        spec.series[0].breaks = vec![2];
        assert_eq!(
            strokes(&spec),
            2,
            "UNSD's model to 2014, KOSTAT's monitoring from 2015"
        );
        let drawn = layout(&spec)
            .points
            .iter()
            .filter(|p| p.series == 0)
            .count();
        assert_eq!(drawn, 4, "every point still drawn");
    }

    #[test]
    fn runs_split_at_breaks_and_gaps() {
        let p = [
            (1.0, 1.0),
            (2.0, 2.0),
            (3.0, f64::NAN),
            (4.0, 4.0),
            (5.0, 5.0),
            (6.0, 6.0),
        ];
        let r = runs(&p, &[5]);
        assert_eq!(
            r,
            vec![
                vec![(1.0, 1.0), (2.0, 2.0)],
                vec![(4.0, 4.0), (5.0, 5.0)],
                vec![(6.0, 6.0)]
            ]
        );
        assert_eq!(runs(&[], &[0]), Vec::<Vec<(f64, f64)>>::new());
        assert_eq!(runs(&[(1.0, 1.0)], &[0]), vec![vec![(1.0, 1.0)]]);
    }

    #[test]
    fn bars_rank_top_down() {
        let spec = Spec {
            kind: Kind::Bars,
            series: vec![SeriesData {
                label: "PM2.5".into(),
                color: "#d62728".into(),
                points: vec![(0.0, 80.0), (1.0, 40.0), (2.0, 5.0)],
                context: false,
                breaks: Vec::new(),
            }],
            bar_labels: vec!["Delhi".into(), "Seoul".into(), "Hobart".into()],
            ..lines()
        };
        let plot = layout(&spec);
        assert_eq!(plot.points.len(), 3);
        assert!(
            plot.points[0].x > plot.points[1].x,
            "80 reaches further right than 40"
        );
        for name in ["Delhi", "Seoul", "Hobart"] {
            assert!(
                plot.shapes
                    .iter()
                    .any(|s| matches!(s, Shape::Text { text, .. } if text == name)),
                "{name}"
            );
        }
    }

    #[test]
    fn empty_and_degenerate_data_do_not_panic() {
        let mut spec = lines();
        spec.series.clear();
        assert!(layout(&spec).points.is_empty());
        spec.series = vec![SeriesData {
            label: "x".into(),
            color: "bad".into(),
            points: vec![(2020.0, 5.0)],
            context: false,
            breaks: Vec::new(),
        }];
        assert_eq!(layout(&spec).points.len(), 1);
        spec.kind = Kind::Scatter;
        spec.series[0].points = vec![(f64::INFINITY, 1.0), (1.0, f64::NAN)];
        assert!(layout(&spec).points.is_empty());
    }

    #[test]
    fn svg_export_escapes_everything() {
        let plot = layout(&lines());
        let svg = to_svg(&plot, "PM2.5 <b>&", "Source: \"WHO\" <x>");
        assert!(svg.starts_with("<svg xmlns"));
        assert!(svg.contains("PM2.5 &lt;b&gt;&amp;"));
        assert!(svg.contains("Source: &quot;WHO&quot; &lt;x&gt;"));
        assert!(!svg.contains("<b>") && !svg.contains("<x>"));
    }

    #[test]
    fn a_long_credit_wraps_inside_the_downloaded_chart() {
        let plot = layout(&lines());
        let credit = "Source and licence: WHO Ambient Air Quality Database 2022: city PM2.5 and PM10 — © WHO, non-commercial use (CC BY-NC-SA 3.0 IGO) · Seoul, Incheon and Gyeonggi municipalities (Statistics Korea, Gyeongin) — KOGL Type 1 (KOSIS data); MIT (repository)";
        let lines = wrap_source(credit, plot.width);
        assert!(lines.len() > 1, "{lines:?}");
        let max = (f64::from(plot.width) / 6.2) as usize;
        assert!(lines.iter().all(|l| l.chars().count() <= max), "{lines:?}");
        assert_eq!(lines.join(" "), credit, "nothing is lost");
        let (w, h) = svg_size(&plot, credit);
        let svg = to_svg(&plot, "t", credit);
        assert!(svg.contains(&format!("viewBox=\"0 0 {w} {h}\"")));
        assert_eq!(svg.matches("fill=\"#555555\"").count(), lines.len());
        assert!(svg.contains("CC BY-NC-SA 3.0 IGO"));
    }

    #[test]
    fn shape_helpers() {
        assert_eq!(points_attr(&[(1, 2), (3, 4)]), "1,2 3,4");
        assert_eq!(rect_box((10, 20), (4, 25)), (4, 20, 6, 5));
        assert_eq!(
            rect_box((7, 7), (7, 7)),
            (7, 7, 1, 1),
            "a single pixel stays visible"
        );
        assert_eq!(paint("#123456", true), ("#123456".to_string(), None));
        assert_eq!(
            paint("#123456", false),
            ("none".to_string(), Some("#123456".to_string()))
        );
        assert_eq!(
            text_rotation((5, 6), true).as_deref(),
            Some("rotate(-90 5 6)")
        );
        assert_eq!(text_rotation((5, 6), false), None);
    }

    #[test]
    fn compact_numbers() {
        assert_eq!(compact(1_200_000.0), "1.2M");
        assert_eq!(compact(10_000_000.0), "10M");
        assert_eq!(compact(25_000.0), "25k");
        assert_eq!(compact(150.0), "150");
        assert_eq!(compact(12.34), "12");
        assert_eq!(compact(2.34), "2.3");
        assert_eq!(compact(0.256), "0.26");
    }

    #[test]
    fn lines_have_direct_labels_whole_year_ticks_and_no_vertical_grid() {
        let plot = layout(&lines());
        let texts: Vec<&str> = plot
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        // Each city's name is written at its line's end; the context line has none.
        for city in lines().series.iter().filter(|s| !s.context) {
            assert!(texts.contains(&city.label.as_str()), "{texts:?}");
        }
        for t in texts.iter().filter(|t| t.starts_with("20")) {
            assert!(t.parse::<i32>().is_ok(), "a year tick is a whole year: {t}");
        }
        // Grid lines are horizontal only (equal y at both ends).
        let vertical = plot.shapes.iter().any(|s| {
            matches!(s, Shape::Line { points, color, .. }
                if color == "#e4e4e4" && points.len() == 2 && points[0].0 == points[1].0)
        });
        assert!(!vertical);
        let horizontal = plot.shapes.iter().filter(|s| {
            matches!(s, Shape::Line { points, color, .. }
                if color == "#e4e4e4" && points.len() == 2 && points[0].1 == points[1].1)
        });
        assert!(
            horizontal.count() >= 3,
            "the light horizontal grid is drawn"
        );
    }

    #[test]
    fn spread_moves_close_labels_apart_and_keeps_far_ones() {
        assert_eq!(spread(vec![100, 105, 300], 14), vec![100, 114, 300]);
        assert_eq!(spread(vec![50, 10], 14), vec![50, 10]);
        assert_eq!(spread(vec![20, 20, 20], 10), vec![20, 30, 40]);
    }
}
