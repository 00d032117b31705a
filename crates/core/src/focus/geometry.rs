//! Rectangles and the spatial rule that picks the next item for an arrow key.

/// An item's rectangle in logical window coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn center(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    /// True when `inner` lies wholly inside `self` (half a pixel of slack for rounding).
    pub fn contains(&self, inner: &Rect) -> bool {
        const SLACK: f32 = 0.5;
        inner.x >= self.x - SLACK
            && inner.y >= self.y - SLACK
            && inner.right() <= self.right() + SLACK
            && inner.bottom() <= self.bottom() + SLACK
    }
    pub fn is_empty(&self) -> bool {
        !(self.w > 0.0 && self.h > 0.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// Distance between the intervals [a0, a1] and [b0, b1]; zero when they overlap.
fn interval_gap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    if b1 < a0 {
        a0 - b1
    } else if b0 > a1 {
        b0 - a1
    } else {
        0.0
    }
}

/// How far `to` lies from `from` in direction `dir`, or `None` when it does not lie that way.
/// Lower is nearer; compare scores with `<` (the tuple orders by its first field first).
///
/// A candidate counts only if its centre is beyond `from`'s centre *and* its leading edge is
/// beyond `from`'s leading edge, so a wide item that merely overlaps is not "to the right".
/// Items in `from`'s beam (overlapping it sideways) always beat items outside it: on a TV
/// grid, Down lands on the tile below even when a tile one column over starts nearer.
fn score(from: &Rect, to: &Rect, dir: Direction) -> Option<(bool, f32)> {
    let (fcx, fcy) = from.center();
    let (tcx, tcy) = to.center();
    let (forward_gap, sideways_gap, sideways_centres) = match dir {
        Direction::Right if tcx > fcx && to.x > from.x => (
            (to.x - from.right()).max(0.0),
            interval_gap(from.y, from.bottom(), to.y, to.bottom()),
            (tcy - fcy).abs(),
        ),
        Direction::Left if tcx < fcx && to.right() < from.right() => (
            (from.x - to.right()).max(0.0),
            interval_gap(from.y, from.bottom(), to.y, to.bottom()),
            (tcy - fcy).abs(),
        ),
        Direction::Down if tcy > fcy && to.y > from.y => (
            (to.y - from.bottom()).max(0.0),
            interval_gap(from.x, from.right(), to.x, to.right()),
            (tcx - fcx).abs(),
        ),
        Direction::Up if tcy < fcy && to.bottom() < from.bottom() => (
            (from.y - to.bottom()).max(0.0),
            interval_gap(from.x, from.right(), to.x, to.right()),
            (tcx - fcx).abs(),
        ),
        _ => return None,
    };
    let outside_beam = sideways_gap > 0.0;
    // The centre offset breaks ties between candidates that all overlap sideways.
    Some((
        outside_beam,
        forward_gap + 3.0 * sideways_gap + 0.01 * sideways_centres,
    ))
}

/// The index of the item nearest to `from` in direction `dir`, or `None` at an edge.
/// Ties go to the earlier item, so the result never depends on hash order.
pub fn nearest<'a>(
    from: &Rect,
    items: impl IntoIterator<Item = &'a Rect>,
    dir: Direction,
) -> Option<usize> {
    let mut best: Option<(usize, (bool, f32))> = None;
    for (i, r) in items.into_iter().enumerate() {
        if r.is_empty() {
            continue;
        }
        if let Some(s) = score(from, r, dir)
            && best.is_none_or(|(_, b)| s < b)
        {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 grid of 100×100 tiles with 20 px gaps, in reading order.
    fn grid() -> Vec<Rect> {
        (0..6)
            .map(|i| Rect::new((i % 3) as f32 * 120.0, (i / 3) as f32 * 120.0, 100.0, 100.0))
            .collect()
    }

    #[test]
    fn arrows_move_within_a_grid() {
        let g = grid();
        assert_eq!(nearest(&g[0], &g, Direction::Right), Some(1));
        assert_eq!(nearest(&g[0], &g, Direction::Down), Some(3));
        assert_eq!(nearest(&g[4], &g, Direction::Up), Some(1));
        assert_eq!(nearest(&g[5], &g, Direction::Left), Some(4));
    }

    #[test]
    fn edges_have_no_neighbour() {
        let g = grid();
        assert_eq!(nearest(&g[0], &g, Direction::Left), None);
        assert_eq!(nearest(&g[0], &g, Direction::Up), None);
        assert_eq!(nearest(&g[5], &g, Direction::Right), None);
        assert_eq!(nearest(&g[5], &g, Direction::Down), None);
    }

    #[test]
    fn down_prefers_the_item_below_over_a_nearer_diagonal_one() {
        let from = Rect::new(0.0, 0.0, 100.0, 100.0);
        let diagonal = Rect::new(110.0, 105.0, 100.0, 100.0);
        let below = Rect::new(0.0, 160.0, 100.0, 100.0);
        assert_eq!(nearest(&from, &[diagonal, below], Direction::Down), Some(1));
    }

    #[test]
    fn spatial_order_not_list_order() {
        // The list order puts the far tile first; Right must still pick the adjacent one.
        let from = Rect::new(0.0, 0.0, 100.0, 100.0);
        let far = Rect::new(500.0, 0.0, 100.0, 100.0);
        let near = Rect::new(120.0, 0.0, 100.0, 100.0);
        assert_eq!(nearest(&from, &[far, near], Direction::Right), Some(1));
    }

    #[test]
    fn a_wide_bar_below_a_row_is_reached_from_every_tile() {
        let g = grid();
        let bar = Rect::new(0.0, 300.0, 340.0, 60.0);
        let mut items = g.clone();
        items.push(bar);
        for from in &g[3..6] {
            assert_eq!(nearest(from, &items, Direction::Down), Some(6));
        }
    }
}
