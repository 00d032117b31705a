//! A long page of focusable sections that scrolls up and down (a guide, an application's
//! timeline): the remote moves between sections and the page keeps the focused one in view, a
//! tall section scrolls within itself before the focus leaves it, and a finger scrolls the page
//! freely. The rules are the shared page-scroll model's (`legal_kiosk_core::focus::PageScroll`);
//! this glues it to the controller's events. The view shows it with a `ScrollPage` whose
//! `offset` is [`SectionPage::offset`] and whose content is at least [`SectionPage::extent`]
//! tall.

use legal_kiosk_core::focus::{Direction, PageScroll, Rect, Span};

use super::Ctx;

/// The page's scroll state, and how far down its sections were seen to reach.
#[derive(Debug, Default)]
pub struct SectionPage {
    scroll: PageScroll,
    /// The bottom of the lowest section seen, in page coordinates (logical pixels), plus a
    /// margin: the layout's preferred height can fall short of where wrapped sections end.
    extent: f32,
}

fn rows(rect: Rect) -> Span {
    Span::new(rect.y, rect.h)
}

impl SectionPage {
    /// How far down the page is scrolled (logical pixels).
    pub fn offset(&self) -> f32 {
        self.scroll.offset()
    }

    /// How tall the page is, as far as its sections were seen (logical pixels; 0: none yet).
    pub fn extent(&self) -> f32 {
        self.extent
    }

    /// Back to the top, with nothing measured (new content).
    pub fn reset(&mut self) {
        self.scroll.reset();
        self.extent = 0.0;
    }

    /// The sections will be measured again (the same content in another language), staying
    /// where the page is.
    pub fn remeasure(&mut self) {
        self.extent = 0.0;
    }

    /// A key or tap: a page a finger moved follows the focus again.
    pub fn key_pressed(&mut self) {
        self.scroll.key_pressed();
    }

    /// Up or Down with the section at `focused` focused: true when the page scrolled within
    /// it (the focus stays).
    pub fn scroll(&mut self, focused: Rect, dir: Direction) -> bool {
        match dir {
            Direction::Up | Direction::Down => self
                .scroll
                .scroll_within(rows(focused), dir == Direction::Down),
            Direction::Left | Direction::Right => false,
        }
    }

    /// Up on the first item of the page while the page is scrolled: the page scrolls back
    /// towards its start by most of its height, showing what is above that item (a notice
    /// before its consent tile), and stays there as a finger would leave it: the focus stays
    /// where it was, and the next Down scrolls back to it. False at the start.
    pub fn reveal_before(&mut self) -> bool {
        let Some(vp) = self.scroll.viewport() else {
            return false;
        };
        let offset = self.scroll.offset();
        if offset < 0.5 {
            return false;
        }
        self.scroll.finger_moved((offset - vp.len * 0.8).max(0.0));
        true
    }

    /// Back to the page's start, keeping the focus where it is (it is off the page, on the
    /// header above it). False when the page is there already.
    pub fn to_start(&mut self) -> bool {
        if self.scroll.offset() < 0.5 {
            return false;
        }
        self.scroll.finger_moved(0.0);
        true
    }

    /// A section reported where it is: true when the page is now known to be taller.
    pub fn section_placed(&mut self, rect: Rect) -> bool {
        let Some(vp) = self.scroll.viewport() else {
            return false;
        };
        // In page coordinates, plus a margin below the last section. Not the model's content
        // length: sections report one by one, and clamping to a partly measured page would pull
        // the focused section out of view.
        let bottom = rect.bottom() - vp.start + self.scroll.offset() + 8.0;
        if bottom > self.extent + 0.5 {
            self.extent = bottom;
            true
        } else {
            false
        }
    }

    /// The page's window is at `rect`: true when it scrolled to keep `focused` in view (a page
    /// of another height).
    pub fn placed(&mut self, rect: Rect, focused: Option<Rect>) -> bool {
        let resized = self
            .scroll
            .viewport()
            .is_none_or(|vp| (vp.len - rect.h).abs() >= 0.5);
        self.scroll.set_viewport(rows(rect));
        resized && focused.is_some_and(|f| self.scroll.keep_in_view(rows(f)))
    }

    /// A finger left the page at `offset`. The view's offset property must follow too:
    /// otherwise a later scroll back to the value it held before the swipe would not count as
    /// a change, and the page would not move.
    pub fn finger_moved(&mut self, offset: f32) {
        self.scroll.finger_moved(offset);
    }

    /// The focus moved to the section at `rect`: true when the page scrolled to show it.
    pub fn focus_moved(&mut self, rect: Rect) -> bool {
        self.scroll.keep_in_view(rows(rect))
    }

    /// The part of the section at `rect` that can be seen: where its focus ring goes.
    pub fn ring(&self, rect: Rect) -> Rect {
        let shown = self.scroll.visible(rows(rect));
        Rect::new(rect.x, shown.start, rect.w, shown.len)
    }
}

/// A view whose body below its header is one [`SectionPage`] with id `page` (Back sits above
/// it): the controller says where its page is and how to put the offset and extent into its
/// adapter, and delegates the page's [`super::Controller`] hooks to the functions below.
pub trait PageView {
    fn page(&mut self) -> &mut SectionPage;
    fn page_ref(&self) -> &SectionPage;
    /// Whether `view` is one with the page.
    fn has_page(&self, view: crate::ui::View) -> bool;
    fn put_offset(&self, ctx: &Ctx, offset: f32);
    fn put_extent(&self, ctx: &Ctx, extent: f32);
}

/// The page's id in the view (`ScrollPage`'s `page-id`).
pub const PAGE: &str = "page";
const BACK: &str = "back";

/// [`super::Controller::scroll`].
pub fn scroll(v: &mut impl PageView, ctx: &Ctx, view: crate::ui::View, dir: Direction) -> bool {
    let Some((item, rect)) = ctx.focused.clone() else {
        return false;
    };
    if !v.has_page(view) || item == BACK {
        return false;
    }
    let moved = v.page().scroll(rect, dir);
    if moved {
        v.put_offset(ctx, v.page_ref().offset());
    }
    moved
}

/// [`super::Controller::placed`].
pub fn placed(v: &mut impl PageView, ctx: &Ctx, view: crate::ui::View, item: &str, rect: Rect) {
    if v.has_page(view) && item != BACK && v.page().section_placed(rect) {
        v.put_extent(ctx, v.page_ref().extent());
    }
}

/// [`super::Controller::page_placed`] for the page (other pages are the caller's).
pub fn page_placed(v: &mut impl PageView, ctx: &Ctx, view: crate::ui::View, rect: Rect) {
    if !v.has_page(view) {
        return;
    }
    let focused = ctx
        .focused
        .clone()
        .filter(|(item, _)| item != BACK)
        .map(|(_, r)| r);
    if v.page().placed(rect, focused) {
        v.put_offset(ctx, v.page_ref().offset());
    }
}

/// [`super::Controller::page_scrolled`] for the page.
pub fn page_scrolled(v: &mut impl PageView, ctx: &Ctx, view: crate::ui::View, offset: f32) {
    if v.has_page(view) {
        v.page().finger_moved(offset);
        v.put_offset(ctx, v.page_ref().offset());
    }
}

/// [`super::Controller::focus_moved`].
pub fn focus_moved(
    v: &mut impl PageView,
    ctx: &Ctx,
    view: crate::ui::View,
    item: &str,
    rect: Rect,
) {
    if v.has_page(view) && item != BACK && v.page().focus_moved(rect) {
        v.put_offset(ctx, v.page_ref().offset());
    }
}

/// [`super::Controller::ring`].
pub fn ring(v: &impl PageView, view: crate::ui::View, item: &str, rect: Rect) -> Rect {
    if v.has_page(view) && item != BACK {
        v.page_ref().ring(rect)
    } else {
        rect
    }
}

/// The [`Controller`](super::Controller) methods of a view that is one [`SectionPage`] and
/// nothing else that scrolls (offices, settings), each handed to this module. Used inside
/// `impl Controller for …` of a [`PageView`].
macro_rules! section_page_events {
    () => {
        fn scroll(
            &mut self,
            ctx: &mut $crate::controllers::Ctx,
            view: $crate::ui::View,
            dir: legal_kiosk_core::focus::Direction,
        ) -> bool {
            $crate::controllers::page::scroll(self, ctx, view, dir)
        }

        fn key_pressed(&mut self) {
            $crate::controllers::page::PageView::page(self).key_pressed();
        }

        fn placed(
            &mut self,
            ctx: &mut $crate::controllers::Ctx,
            view: $crate::ui::View,
            item: &str,
            rect: legal_kiosk_core::focus::Rect,
            _focused: bool,
        ) {
            $crate::controllers::page::placed(self, ctx, view, item, rect);
        }

        fn page_placed(
            &mut self,
            ctx: &mut $crate::controllers::Ctx,
            view: $crate::ui::View,
            id: &str,
            rect: legal_kiosk_core::focus::Rect,
        ) {
            if id == $crate::controllers::page::PAGE {
                $crate::controllers::page::page_placed(self, ctx, view, rect);
            }
        }

        fn page_scrolled(
            &mut self,
            ctx: &mut $crate::controllers::Ctx,
            view: $crate::ui::View,
            id: &str,
            offset: f32,
        ) {
            if id == $crate::controllers::page::PAGE {
                $crate::controllers::page::page_scrolled(self, ctx, view, offset);
            }
        }

        fn focus_moved(
            &mut self,
            ctx: &mut $crate::controllers::Ctx,
            view: $crate::ui::View,
            item: &str,
            rect: legal_kiosk_core::focus::Rect,
        ) {
            $crate::controllers::page::focus_moved(self, ctx, view, item, rect);
        }

        fn ring(
            &self,
            view: $crate::ui::View,
            item: &str,
            rect: legal_kiosk_core::focus::Rect,
        ) -> legal_kiosk_core::focus::Rect {
            $crate::controllers::page::ring(self, view, item, rect)
        }
    };
}
pub(crate) use section_page_events;
