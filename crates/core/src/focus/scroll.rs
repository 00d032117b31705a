//! The page-scroll model: how far a scrolling page (a guide, the vertical Mongolian columns, the
//! pages still to come) is scrolled along its one axis, and how a remote and a finger share it.
//! Units are logical pixels; positions are in window coordinates, as the UI reports them.

/// A stretch of one axis: where it starts and how long it is (logical pixels).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Span {
    pub start: f32,
    pub len: f32,
}

impl Span {
    pub fn new(start: f32, len: f32) -> Span {
        Span { start, len }
    }

    pub fn end(&self) -> f32 {
        self.start + self.len
    }
}

/// One page scrolled along one axis.
///
/// The remote scrolls it to keep the focused item in view ([`PageScroll::keep_in_view`]) or
/// through an item longer than the page ([`PageScroll::scroll_within`]); a finger scrolls it
/// directly, and the UI reports where it left it ([`PageScroll::finger_moved`]): the next key
/// carries on from there, never from a stale offset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageScroll {
    offset: f32,
    /// Where the page's window is, once the UI has said.
    viewport: Option<Span>,
    /// How long the content is; 0 while unknown (no clamping at the far end then).
    content: f32,
    /// A finger moved the page since the last key: leave it where the finger put it, even with
    /// the focused item out of view, until the next key.
    finger: bool,
}

/// Up or Down (Left or Right) on an item longer than the page moves this much of the page.
const STEP_OF_PAGE: f32 = 0.8;

impl PageScroll {
    /// How far the page is scrolled (≥ 0).
    pub fn offset(&self) -> f32 {
        self.offset
    }

    pub fn viewport(&self) -> Option<Span> {
        self.viewport
    }

    /// The UI placed the page's window.
    pub fn set_viewport(&mut self, viewport: Span) {
        self.viewport = Some(viewport);
    }

    /// The content's length along the axis (0 when unknown).
    pub fn set_content(&mut self, len: f32) {
        self.content = len.max(0.0);
        self.offset = self.clamp(self.offset);
    }

    fn clamp(&self, offset: f32) -> f32 {
        let max = match self.viewport {
            Some(vp) if self.content > 0.0 => (self.content - vp.len).max(0.0),
            _ => f32::INFINITY,
        };
        offset.min(max).max(0.0)
    }

    /// Back to the start, as for new content.
    pub fn reset(&mut self) {
        self.offset = 0.0;
        self.content = 0.0;
        self.finger = false;
    }

    /// A finger left the page at `offset`: that is where it is now.
    pub fn finger_moved(&mut self, offset: f32) {
        self.offset = offset.max(0.0);
        self.finger = true;
    }

    /// A key or a tap: the page follows the focus again.
    pub fn key_pressed(&mut self) {
        self.finger = false;
    }

    /// Scrolls so that `item` (where it is now) is in view: an item past the far edge comes up
    /// to it, one before the near edge down to it, and one longer than the page shows its
    /// start. Returns whether the offset changed. A page a finger moved stays put.
    pub fn keep_in_view(&mut self, item: Span) -> bool {
        // A page not laid out yet (no height) shows nothing to keep anything in.
        let Some(vp) = self.viewport.filter(|vp| vp.len >= 1.0) else {
            return false;
        };
        if self.finger {
            return false;
        }
        // An item filling the page (scrolled through by the arrows) stays where it is.
        if item.start <= vp.start + 0.5 && item.end() >= vp.end() - 0.5 {
            return false;
        }
        let mut offset = self.offset;
        if item.end() > vp.end() {
            offset += (item.end() - vp.end()).min(item.start - vp.start);
        }
        if item.start < vp.start {
            offset -= vp.start - item.start;
        }
        self.set_offset(offset)
    }

    /// An arrow on an item longer than the page: scroll through it, at most `STEP_OF_PAGE` of
    /// the page at a time, before the focus moves on. False when the item's edge in that
    /// direction is already in view.
    pub fn scroll_within(&mut self, item: Span, forward: bool) -> bool {
        let Some(vp) = self.viewport else {
            return false;
        };
        let step = vp.len * STEP_OF_PAGE;
        let delta = if forward {
            (item.end() - vp.end()).min(step)
        } else {
            -(vp.start - item.start).min(step)
        };
        if delta.abs() < 0.5 || (delta > 0.0) != forward {
            return false;
        }
        self.set_offset(self.offset + delta)
    }

    /// One step of `step` pixels forward or back through the whole content (the columns of a
    /// Mongolian text); false at that end, so the arrow goes on to move the focus instead.
    pub fn step(&mut self, step: f32, forward: bool) -> bool {
        if self.viewport.is_none() || self.content <= 0.0 {
            return false;
        }
        let next = if forward {
            self.offset + step
        } else {
            self.offset - step
        };
        self.set_offset(next)
    }

    fn set_offset(&mut self, offset: f32) -> bool {
        let offset = self.clamp(offset);
        if (offset - self.offset).abs() < 0.5 {
            return false;
        }
        self.offset = offset;
        true
    }

    /// The part of `item` the page shows (the focus ring goes round what can be seen).
    pub fn visible(&self, item: Span) -> Span {
        let Some(vp) = self.viewport else {
            return item;
        };
        let start = item.start.max(vp.start);
        let end = item.end().min(vp.end());
        Span::new(start, (end - start).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> PageScroll {
        let mut p = PageScroll::default();
        p.set_viewport(Span::new(100.0, 100.0));
        p
    }

    #[test]
    fn a_page_not_laid_out_yet_does_not_scroll_to_an_item() {
        let mut p = PageScroll::default();
        p.set_viewport(Span::new(172.0, 0.0));
        assert!(!p.keep_in_view(Span::new(266.0, 114.0)));
        assert_eq!(p.offset(), 0.0);
        p.set_viewport(Span::new(172.0, 458.0));
        assert!(
            !p.keep_in_view(Span::new(266.0, 114.0)),
            "in view once laid out"
        );
        assert_eq!(p.offset(), 0.0);
    }

    #[test]
    fn stepping_stops_at_both_ends_of_the_content() {
        let mut p = page();
        p.set_content(250.0);
        assert!(!p.step(100.0, false));
        assert!(p.step(100.0, true));
        assert_eq!(p.offset(), 100.0);
        assert!(p.step(100.0, true));
        assert_eq!(p.offset(), 150.0);
        assert!(!p.step(100.0, true));
        assert!(p.step(100.0, false));
        assert!(p.step(100.0, false));
        assert_eq!(p.offset(), 0.0);
    }

    #[test]
    fn a_step_carries_on_from_where_a_finger_left_the_page() {
        let mut p = page();
        p.set_content(1000.0);
        p.finger_moved(600.0);
        assert!(p.step(100.0, true));
        assert_eq!(p.offset(), 700.0, "from the finger's offset, not from 0");
        assert!(p.step(100.0, false));
        assert_eq!(p.offset(), 600.0);
    }

    #[test]
    fn a_page_a_finger_moved_stays_until_the_next_key() {
        let mut p = page();
        p.finger_moved(300.0);
        assert!(!p.keep_in_view(Span::new(500.0, 50.0)));
        p.key_pressed();
        assert!(p.keep_in_view(Span::new(500.0, 50.0)));
        assert_eq!(p.offset(), 300.0 + 350.0);
    }

    #[test]
    fn an_item_below_comes_up_to_the_bottom_and_one_above_down_to_the_top() {
        let mut p = page();
        assert!(p.keep_in_view(Span::new(180.0, 50.0)));
        assert_eq!(p.offset(), 30.0);
        assert!(p.keep_in_view(Span::new(60.0, 20.0)));
        assert_eq!(p.offset(), 0.0);
        assert!(!p.keep_in_view(Span::new(120.0, 20.0)), "already in view");
    }

    #[test]
    fn an_item_longer_than_the_page_is_scrolled_through_then_left() {
        let mut p = page();
        let item = Span::new(100.0, 250.0);
        assert!(p.scroll_within(item, true));
        assert_eq!(p.offset(), 80.0);
        let moved = Span::new(item.start - p.offset(), item.len);
        assert!(p.scroll_within(moved, true));
        assert_eq!(p.offset(), 150.0);
        let moved = Span::new(item.start - p.offset(), item.len);
        assert!(!p.scroll_within(moved, true), "its end is in view");
        assert_eq!(p.visible(moved), Span::new(100.0, 100.0));
    }
}
