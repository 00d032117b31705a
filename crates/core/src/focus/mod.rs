//! The remote-control focus engine (DESIGN §4): the view stack, which item of the top view is
//! focused, what each remote key does, and per-view focus memory. Pixels are not its business:
//! the UI reports where its focusable items are and draws the ring on the item this says.

mod geometry;
mod scroll;

pub use geometry::{Direction, Rect, nearest};
pub use scroll::{PageScroll, Span};

/// A key of the remote, after the platform's key code went through the key map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemoteKey {
    Arrow(Direction),
    Ok,
    Back,
    Home,
    Language,
    Digit(u8),
    /// Deletes the last digit of the focused digit entry (the remote's red key): BackSpace
    /// stays Back, so a remote deletes without leaving the page.
    Delete,
}

/// What a key or a tap led to, for the controller of view `V` to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<V> {
    /// Focus moved to another item of the same view.
    Moved,
    /// Nothing to do: an arrow at an edge, Back on Home, a key on an empty view.
    Stayed,
    /// OK (or a tap) on an item: the view's controller decides what that means.
    Activate { view: V, item: String },
    /// A digit for the focused item (a digit entry takes it; a list may search with it).
    Digit { view: V, item: String, digit: u8 },
    /// The delete key with `item` focused.
    Delete { view: V, item: String },
    /// The top of the stack changed (Back or Home).
    ViewChanged,
    /// The language key: the shell cycles the display language.
    Language,
}

#[derive(Debug, Default)]
struct ViewFocus {
    /// Items in the order the UI reported them; the first is the default focus.
    items: Vec<(String, Rect)>,
    /// The scrolling page each item is on ("" for none), by index of `items`.
    pages: Vec<String>,
    /// The item the user last moved to. It survives the view being torn down and rebuilt,
    /// which is how focus memory works: when the item reports again, focus returns to it.
    remembered: Option<String>,
}

impl ViewFocus {
    fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|(i, _)| i == id)
    }

    fn clear(&mut self) {
        self.items.clear();
        self.pages.clear();
    }

    fn current_index(&self) -> Option<usize> {
        match self.remembered.as_deref().and_then(|r| self.index_of(r)) {
            Some(i) => Some(i),
            None if self.items.is_empty() => None,
            None => Some(0),
        }
    }
}

/// The view stack and the focus state of every view seen so far. `V` names a view: the app
/// uses the UI's `View` enum, so a misspelt view does not compile.
#[derive(Debug)]
pub struct Navigator<V> {
    home: V,
    /// Never empty: `home` is at the bottom.
    stack: Vec<V>,
    /// A handful of views: a list beats a map that would need `V: Hash`.
    views: Vec<(V, ViewFocus)>,
    /// The focus scope of the layer drawn over the view on screen (a dialog), while it is open:
    /// keys and taps go to its items, and the view keeps its own focus for when it closes.
    overlay: Option<V>,
}

impl<V: Copy + PartialEq> Navigator<V> {
    /// A stack holding `home` alone: the view every stack starts from and every Home key
    /// returns to.
    pub fn new(home: V) -> Self {
        Navigator {
            home,
            stack: vec![home],
            views: Vec::new(),
            overlay: None,
        }
    }

    /// Where keys go: the overlay while it is open, else the view on screen.
    pub fn scope(&self) -> V {
        self.overlay.unwrap_or_else(|| self.view())
    }

    /// Opens the overlay layer with focus scope `scope` (its items report as they appear). One
    /// already open stays as it is, focus and all.
    pub fn open_overlay(&mut self, scope: V) {
        if self.overlay == Some(scope) {
            return;
        }
        self.overlay = Some(scope);
        self.focus_of_mut(scope).clear();
        self.focus_of_mut(scope).remembered = None;
    }

    /// Closes the overlay: the view on screen has the focus again, where it was.
    pub fn close_overlay(&mut self) -> bool {
        self.overlay.take().is_some()
    }

    pub fn overlay(&self) -> Option<V> {
        self.overlay
    }

    /// The view on top of the stack: the one on screen.
    pub fn view(&self) -> V {
        self.stack.last().copied().unwrap_or(self.home)
    }

    /// The bottom of the stack.
    pub fn home_view(&self) -> V {
        self.home
    }

    /// The views stacked, bottom (Home) first.
    pub fn stack(&self) -> &[V] {
        &self.stack
    }

    fn focus_of(&self, view: V) -> Option<&ViewFocus> {
        self.views.iter().find(|(v, _)| *v == view).map(|(_, f)| f)
    }

    fn focus_of_mut(&mut self, view: V) -> &mut ViewFocus {
        let i = match self.views.iter().position(|(v, _)| *v == view) {
            Some(i) => i,
            None => {
                self.views.push((view, ViewFocus::default()));
                self.views.len() - 1
            }
        };
        &mut self.views[i].1
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The focused item of the focus scope (the overlay while it is open, else the view on
    /// screen), if it has reported any item yet.
    pub fn focused(&self) -> Option<&str> {
        let vf = self.focus_of(self.scope())?;
        vf.current_index().map(|i| vf.items[i].0.as_str())
    }

    pub fn focused_rect(&self) -> Option<Rect> {
        let vf = self.focus_of(self.scope())?;
        vf.current_index().map(|i| vf.items[i].1)
    }

    /// The scrolling page the focused item is on ([`Navigator::report_on_page`]); `None`
    /// when nothing is focused or the item is on no page.
    pub fn focused_page(&self) -> Option<&str> {
        let vf = self.focus_of(self.scope())?;
        vf.current_index()
            .map(|i| vf.pages[i].as_str())
            .filter(|p| !p.is_empty())
    }

    /// The items the focus scope has reported, in report order.
    pub fn items(&self) -> impl Iterator<Item = (&str, Rect)> {
        self.focus_of(self.scope())
            .into_iter()
            .flat_map(|vf| vf.items.iter().map(|(id, r)| (id.as_str(), *r)))
    }

    /// The items of the focus scope on the scrolling page `page`
    /// ([`Navigator::report_on_page`]), in report order.
    pub fn items_on_page<'a>(&'a self, page: &'a str) -> impl Iterator<Item = (&'a str, Rect)> {
        self.focus_of(self.scope()).into_iter().flat_map(move |vf| {
            vf.items
                .iter()
                .zip(&vf.pages)
                .filter(move |(_, p)| p.as_str() == page)
                .map(|((id, r), _)| (id.as_str(), *r))
        })
    }

    /// The UI tells where an item is (again). Reports for views not on screen are kept:
    /// a view being built reports before the stack switches to it in some orders of events.
    pub fn report(&mut self, view: V, item: &str, rect: Rect) {
        let vf = self.focus_of_mut(view);
        match vf.index_of(item) {
            Some(i) => vf.items[i].1 = rect,
            None => {
                vf.items.push((item.to_owned(), rect));
                vf.pages.push(String::new());
            }
        }
    }

    /// Like [`Navigator::report`], for an item on the scrolling page `page` of `view`. Arrows
    /// move between the items of one page first, those scrolled out of sight included (as CSS
    /// spatial navigation does inside a scroll container), and leave the page only when it has
    /// nothing more in that direction: Up through a scrolled guide reaches its first section
    /// before the Back button in the header above it.
    pub fn report_on_page(&mut self, view: V, page: &str, item: &str, rect: Rect) {
        self.report(view, item, rect);
        let vf = self.focus_of_mut(view);
        if let Some(i) = vf.index_of(item) {
            vf.pages[i] = page.to_owned();
        }
    }

    /// Forgets one item of `view`: the UI removed it (a list replaced, a widget hidden).
    pub fn forget(&mut self, view: V, item: &str) {
        let vf = self.focus_of_mut(view);
        if let Some(i) = vf.index_of(item) {
            vf.items.remove(i);
            vf.pages.remove(i);
        }
    }

    /// Forgets where every item of `view` is, but not which one is focused: the UI lays the
    /// view out anew (another language) and every item reports again.
    pub fn remeasure(&mut self, view: V) {
        self.focus_of_mut(view).clear();
    }

    /// Forgets everything: the stack is Home alone and no view remembers its focus (the kiosk's
    /// session reset).
    pub fn reset(&mut self) {
        self.stack.truncate(1);
        self.views.clear();
        self.overlay = None;
    }

    /// Opens `view` on top of the stack. Its items are forgotten (the UI builds it anew and
    /// reports them), but not which item was focused there.
    pub fn push(&mut self, view: V) {
        if self.view() == view {
            return;
        }
        self.stack.push(view);
        self.enter(view);
    }

    fn enter(&mut self, view: V) {
        self.focus_of_mut(view).clear();
    }

    /// Back closes the overlay if one is open, else pops the stack (never past Home).
    pub fn back(&mut self) -> Outcome<V> {
        if self.close_overlay() {
            return Outcome::ViewChanged;
        }
        if self.stack.len() <= 1 {
            return Outcome::Stayed;
        }
        self.stack.pop();
        self.enter(self.view());
        Outcome::ViewChanged
    }

    pub fn home(&mut self) -> Outcome<V> {
        let closed = self.close_overlay();
        if self.stack.len() <= 1 {
            if closed {
                return Outcome::ViewChanged;
            }
            return Outcome::Stayed;
        }
        self.stack.truncate(1);
        self.enter(self.home);
        Outcome::ViewChanged
    }

    /// Makes `item` the focus of `view` once it reports (a view opened on new content starts
    /// on its first entry, not on Back). Replaces what was remembered there.
    pub fn prefer(&mut self, view: V, item: &str) {
        self.focus_of_mut(view).remembered = Some(item.to_owned());
    }

    /// Focuses `item` of the focus scope (an arrow or a tap).
    pub fn focus(&mut self, item: &str) -> bool {
        let vf = self.focus_of_mut(self.scope());
        if vf.index_of(item).is_none() {
            return false;
        }
        vf.remembered = Some(item.to_owned());
        true
    }

    /// A tap on an item: it is focused and activated, exactly as arrows then OK would.
    pub fn tap(&mut self, view: V, item: &str) -> Outcome<V> {
        if view != self.scope() || !self.focus(item) {
            return Outcome::Stayed;
        }
        Outcome::Activate {
            view,
            item: item.to_owned(),
        }
    }

    pub fn key(&mut self, key: RemoteKey) -> Outcome<V> {
        match key {
            RemoteKey::Back => self.back(),
            RemoteKey::Home => self.home(),
            RemoteKey::Language => Outcome::Language,
            RemoteKey::Ok => match self.focused() {
                Some(item) => Outcome::Activate {
                    view: self.scope(),
                    item: item.to_owned(),
                },
                None => Outcome::Stayed,
            },
            RemoteKey::Digit(digit) => match self.focused() {
                Some(item) => Outcome::Digit {
                    view: self.scope(),
                    item: item.to_owned(),
                    digit,
                },
                None => Outcome::Stayed,
            },
            RemoteKey::Delete => match self.focused() {
                Some(item) => Outcome::Delete {
                    view: self.scope(),
                    item: item.to_owned(),
                },
                None => Outcome::Stayed,
            },
            RemoteKey::Arrow(dir) => self.arrow(dir),
        }
    }

    fn arrow(&mut self, dir: Direction) -> Outcome<V> {
        let vf = self.focus_of_mut(self.scope());
        let Some(cur) = vf.current_index() else {
            return Outcome::Stayed;
        };
        let from = vf.items[cur].1;
        let page = &vf.pages[cur];
        let on_page: Vec<usize> = (0..vf.items.len())
            .filter(|i| !page.is_empty() && vf.pages[*i] == *page)
            .collect();
        let within =
            nearest(&from, on_page.iter().map(|i| &vf.items[*i].1), dir).map(|n| on_page[n]);
        match within.or_else(|| nearest(&from, vf.items.iter().map(|(_, r)| r), dir)) {
            Some(next) if next != cur => {
                vf.remembered = Some(vf.items[next].0.clone());
                Outcome::Moved
            }
            _ => Outcome::Stayed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HOME: &str = "home";

    impl Navigator<&'static str> {
        fn home_stack() -> Self {
            Navigator::new(HOME)
        }
    }

    fn home_grid(nav: &mut Navigator<&'static str>) {
        for (i, id) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
            let r = Rect::new((i % 3) as f32 * 120.0, (i / 3) as f32 * 120.0, 100.0, 100.0);
            nav.report(HOME, id, r);
        }
    }

    #[test]
    fn first_reported_item_is_focused_by_default() {
        let mut nav = Navigator::home_stack();
        assert_eq!(nav.focused(), None);
        home_grid(&mut nav);
        assert_eq!(nav.focused(), Some("a"));
    }

    #[test]
    fn a_preferred_item_is_focused_when_it_reports_even_after_others() {
        let mut nav = Navigator::home_stack();
        nav.push("list");
        nav.prefer("list", "first-entry");
        nav.report("list", "back", Rect::new(0.0, 0.0, 50.0, 50.0));
        assert_eq!(
            nav.focused(),
            Some("back"),
            "until it reports, the first item"
        );
        nav.report("list", "first-entry", Rect::new(0.0, 60.0, 50.0, 50.0));
        assert_eq!(nav.focused(), Some("first-entry"));
    }

    #[test]
    fn an_overlay_takes_the_keys_and_back_returns_them_where_they_were() {
        let mut nav = Navigator::home_stack();
        home_grid(&mut nav);
        nav.key(RemoteKey::Arrow(Direction::Right));
        nav.open_overlay("dialog");
        assert_eq!(nav.view(), HOME, "the view stays underneath");
        assert_eq!(nav.focused(), None, "until the dialog's items report");
        nav.report("dialog", "ok", Rect::new(50.0, 50.0, 10.0, 10.0));
        assert_eq!(
            nav.key(RemoteKey::Ok),
            Outcome::Activate {
                view: "dialog",
                item: "ok".into()
            }
        );
        assert_eq!(
            nav.tap(HOME, "a"),
            Outcome::Stayed,
            "the view is not tappable"
        );
        assert_eq!(nav.key(RemoteKey::Back), Outcome::ViewChanged);
        assert_eq!(nav.scope(), HOME);
        assert_eq!(nav.focused(), Some("b"));
    }

    #[test]
    fn arrows_stay_on_a_scrolled_page_before_they_leave_it() {
        let mut nav = Navigator::home_stack();
        nav.push("guide");
        nav.report("guide", "back", Rect::new(0.0, 0.0, 100.0, 50.0));
        // A page scrolled by 500: its first section is out of sight above the header.
        nav.report_on_page(
            "guide",
            "page",
            "summary",
            Rect::new(0.0, -400.0, 600.0, 300.0),
        );
        nav.report_on_page("guide", "page", "steps", Rect::new(0.0, 80.0, 600.0, 300.0));
        nav.focus("steps");
        nav.key(RemoteKey::Arrow(Direction::Up));
        assert_eq!(nav.focused(), Some("summary"), "the page's own item first");
        // The UI scrolls the page to the top to show it; the items report where they are now.
        nav.report_on_page(
            "guide",
            "page",
            "summary",
            Rect::new(0.0, 60.0, 600.0, 300.0),
        );
        nav.report_on_page(
            "guide",
            "page",
            "steps",
            Rect::new(0.0, 540.0, 600.0, 300.0),
        );
        nav.key(RemoteKey::Arrow(Direction::Up));
        assert_eq!(nav.focused(), Some("back"), "then off the page");
        nav.key(RemoteKey::Arrow(Direction::Down));
        assert_eq!(
            nav.focused(),
            Some("summary"),
            "back onto the page: nearest below"
        );
        nav.forget("guide", "steps");
        assert_eq!(nav.items().count(), 2);
    }

    #[test]
    fn a_second_open_keeps_the_overlay_and_its_focus() {
        let mut nav = Navigator::home_stack();
        nav.open_overlay("dialog");
        nav.report("dialog", "ok", Rect::new(50.0, 50.0, 10.0, 10.0));
        nav.open_overlay("dialog");
        assert_eq!(nav.focused(), Some("ok"));
        assert_eq!(
            nav.key(RemoteKey::Home),
            Outcome::ViewChanged,
            "Home closes it"
        );
        assert_eq!(nav.overlay(), None);
    }

    #[test]
    fn remeasuring_forgets_where_items_are_but_not_which_is_focused() {
        let mut nav = Navigator::home_stack();
        home_grid(&mut nav);
        nav.key(RemoteKey::Arrow(Direction::Right));
        nav.remeasure(HOME);
        assert_eq!(nav.items().count(), 0);
        home_grid(&mut nav);
        assert_eq!(nav.focused(), Some("b"));
    }

    #[test]
    fn back_never_leaves_home() {
        let mut nav = Navigator::home_stack();
        assert_eq!(nav.key(RemoteKey::Back), Outcome::Stayed);
        assert_eq!(nav.view(), HOME);
    }

    #[test]
    fn focus_is_remembered_across_a_round_trip() {
        let mut nav = Navigator::home_stack();
        home_grid(&mut nav);
        nav.key(RemoteKey::Arrow(Direction::Down));
        nav.key(RemoteKey::Arrow(Direction::Right));
        assert_eq!(nav.focused(), Some("e"));
        nav.push("guides");
        nav.report("guides", "back", Rect::new(0.0, 0.0, 50.0, 50.0));
        assert_eq!(nav.focused(), Some("back"));
        assert_eq!(nav.key(RemoteKey::Back), Outcome::ViewChanged);
        // Home is rebuilt: its items report again, the first one first.
        assert_eq!(nav.focused(), None);
        home_grid(&mut nav);
        assert_eq!(nav.focused(), Some("e"));
    }

    #[test]
    fn ok_and_digits_go_to_the_focused_item() {
        let mut nav = Navigator::home_stack();
        home_grid(&mut nav);
        nav.key(RemoteKey::Arrow(Direction::Right));
        assert_eq!(
            nav.key(RemoteKey::Ok),
            Outcome::Activate {
                view: HOME,
                item: "b".into()
            }
        );
        assert_eq!(
            nav.key(RemoteKey::Digit(7)),
            Outcome::Digit {
                view: HOME,
                item: "b".into(),
                digit: 7
            }
        );
    }

    #[test]
    fn a_tap_focuses_and_activates() {
        let mut nav = Navigator::home_stack();
        home_grid(&mut nav);
        assert_eq!(
            nav.tap(HOME, "f"),
            Outcome::Activate {
                view: HOME,
                item: "f".into()
            }
        );
        assert_eq!(nav.focused(), Some("f"));
        assert_eq!(nav.tap(HOME, "nope"), Outcome::Stayed);
        assert_eq!(nav.tap("elsewhere", "a"), Outcome::Stayed);
    }

    fn any_key() -> impl Strategy<Value = RemoteKey> {
        prop_oneof![
            Just(RemoteKey::Arrow(Direction::Up)),
            Just(RemoteKey::Arrow(Direction::Down)),
            Just(RemoteKey::Arrow(Direction::Left)),
            Just(RemoteKey::Arrow(Direction::Right)),
            Just(RemoteKey::Ok),
            Just(RemoteKey::Back),
            Just(RemoteKey::Home),
            (0u8..10).prop_map(RemoteKey::Digit),
        ]
    }

    proptest! {
        /// Whatever keys are pressed, a reported grid always has exactly one focused item and
        /// arrows alone can reach every item.
        #[test]
        fn focus_stays_on_a_reported_item(keys in proptest::collection::vec(any_key(), 1..200)) {
            let mut nav = Navigator::home_stack();
            home_grid(&mut nav);
            for k in keys {
                // What the shell does with an activation: "back" pops, a Home tile opens.
                match nav.key(k) {
                    Outcome::Activate { item, .. } if item == "back" => {
                        nav.back();
                    }
                    Outcome::Activate { item, .. } => nav.push(if item == "a" { "a" } else { "other" }),
                    _ => {}
                }
                // What the UI does when a view is (re)built: its items report.
                if nav.items().count() == 0 {
                    if nav.view() == HOME {
                        home_grid(&mut nav);
                    } else {
                        let view = nav.view();
                        nav.report(view, "back", Rect::new(0.0, 0.0, 10.0, 10.0));
                    }
                }
                let focused = nav.focused();
                prop_assert!(focused.is_some());
                prop_assert_eq!(nav.items().filter(|(id, _)| Some(*id) == focused).count(), 1);
            }
        }
    }
}
