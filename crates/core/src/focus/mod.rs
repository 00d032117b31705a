//! The remote-control focus engine (DESIGN §4): the view stack, which item of the top view is
//! focused, what each remote key does, and per-view focus memory. Pixels are not its business:
//! the UI reports where its focusable items are and draws the ring on the item this says.

mod geometry;

pub use geometry::{Direction, Rect, nearest};

/// A key of the remote, after the platform's key code went through the key map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RemoteKey {
    Arrow(Direction),
    Ok,
    Back,
    Home,
    Language,
    Digit(u8),
}

/// The view every stack starts from and every Home key returns to.
pub const HOME: &str = "home";

/// What a key or a tap led to, for the controller to act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Focus moved to another item of the same view.
    Moved,
    /// Nothing to do: an arrow at an edge, Back on Home, a key on an empty view.
    Stayed,
    /// OK (or a tap) on an item: the view's controller decides what that means.
    Activate { view: String, item: String },
    /// A digit for the focused item (a digit entry takes it; a list may search with it).
    Digit {
        view: String,
        item: String,
        digit: u8,
    },
    /// The top of the stack changed (Back or Home).
    ViewChanged,
    /// The language key: the shell cycles the display language.
    Language,
}

#[derive(Debug, Default)]
struct ViewFocus {
    /// Items in the order the UI reported them; the first is the default focus.
    items: Vec<(String, Rect)>,
    /// The item the user last moved to. It survives the view being torn down and rebuilt,
    /// which is how focus memory works: when the item reports again, focus returns to it.
    remembered: Option<String>,
}

impl ViewFocus {
    fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|(i, _)| i == id)
    }

    fn current_index(&self) -> Option<usize> {
        match self.remembered.as_deref().and_then(|r| self.index_of(r)) {
            Some(i) => Some(i),
            None if self.items.is_empty() => None,
            None => Some(0),
        }
    }
}

/// The view stack and the focus state of every view seen so far.
#[derive(Debug)]
pub struct Navigator {
    stack: Vec<String>,
    views: std::collections::HashMap<String, ViewFocus>,
}

impl Default for Navigator {
    fn default() -> Self {
        Self::new()
    }
}

impl Navigator {
    pub fn new() -> Self {
        Navigator {
            stack: vec![HOME.to_owned()],
            views: Default::default(),
        }
    }

    /// The view on top of the stack: the one on screen.
    pub fn view(&self) -> &str {
        self.stack.last().map(String::as_str).unwrap_or(HOME)
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The focused item of the view on screen, if it has reported any item yet.
    pub fn focused(&self) -> Option<&str> {
        let vf = self.views.get(self.view())?;
        vf.current_index().map(|i| vf.items[i].0.as_str())
    }

    pub fn focused_rect(&self) -> Option<Rect> {
        let vf = self.views.get(self.view())?;
        vf.current_index().map(|i| vf.items[i].1)
    }

    /// The items the view on screen has reported, in report order.
    pub fn items(&self) -> impl Iterator<Item = (&str, Rect)> {
        self.views
            .get(self.view())
            .into_iter()
            .flat_map(|vf| vf.items.iter().map(|(id, r)| (id.as_str(), *r)))
    }

    /// The UI tells where an item is (again). Reports for views not on screen are kept:
    /// a view being built reports before the stack switches to it in some orders of events.
    pub fn report(&mut self, view: &str, item: &str, rect: Rect) {
        let vf = self.views.entry(view.to_owned()).or_default();
        match vf.index_of(item) {
            Some(i) => vf.items[i].1 = rect,
            None => vf.items.push((item.to_owned(), rect)),
        }
    }

    /// Forgets one item of `view`: the UI removed it (a widget hidden by a mode change).
    pub fn forget(&mut self, view: &str, item: &str) {
        if let Some(vf) = self.views.get_mut(view) {
            vf.items.retain(|(id, _)| id != item);
        }
    }

    /// Opens `view` on top of the stack. Its items are forgotten (the UI builds it anew and
    /// reports them), but not which item was focused there.
    pub fn push(&mut self, view: &str) {
        if self.view() == view {
            return;
        }
        self.stack.push(view.to_owned());
        self.enter(view.to_owned());
    }

    fn enter(&mut self, view: String) {
        self.views.entry(view).or_default().items.clear();
    }

    pub fn back(&mut self) -> Outcome {
        if self.stack.len() <= 1 {
            return Outcome::Stayed;
        }
        self.stack.pop();
        self.enter(self.view().to_owned());
        Outcome::ViewChanged
    }

    pub fn home(&mut self) -> Outcome {
        if self.stack.len() <= 1 {
            return Outcome::Stayed;
        }
        self.stack.truncate(1);
        self.enter(HOME.to_owned());
        Outcome::ViewChanged
    }

    /// Makes `item` the focus of `view` once it reports (a view opened on new content starts
    /// on its first entry, not on Back). Replaces what was remembered there.
    pub fn prefer(&mut self, view: &str, item: &str) {
        self.views.entry(view.to_owned()).or_default().remembered = Some(item.to_owned());
    }

    /// Focuses `item` on the view on screen (an arrow or a tap).
    pub fn focus(&mut self, item: &str) -> bool {
        let view = self.view().to_owned();
        match self.views.get_mut(&view) {
            Some(vf) if vf.index_of(item).is_some() => {
                vf.remembered = Some(item.to_owned());
                true
            }
            _ => false,
        }
    }

    /// A tap on an item: it is focused and activated, exactly as arrows then OK would.
    pub fn tap(&mut self, view: &str, item: &str) -> Outcome {
        if view != self.view() || !self.focus(item) {
            return Outcome::Stayed;
        }
        Outcome::Activate {
            view: view.to_owned(),
            item: item.to_owned(),
        }
    }

    pub fn key(&mut self, key: RemoteKey) -> Outcome {
        match key {
            RemoteKey::Back => self.back(),
            RemoteKey::Home => self.home(),
            RemoteKey::Language => Outcome::Language,
            RemoteKey::Ok => match self.focused() {
                Some(item) => Outcome::Activate {
                    view: self.view().to_owned(),
                    item: item.to_owned(),
                },
                None => Outcome::Stayed,
            },
            RemoteKey::Digit(digit) => match self.focused() {
                Some(item) => Outcome::Digit {
                    view: self.view().to_owned(),
                    item: item.to_owned(),
                    digit,
                },
                None => Outcome::Stayed,
            },
            RemoteKey::Arrow(dir) => self.arrow(dir),
        }
    }

    fn arrow(&mut self, dir: Direction) -> Outcome {
        let Some(vf) = self
            .views
            .get_mut(self.stack.last().map(String::as_str).unwrap_or(HOME))
        else {
            return Outcome::Stayed;
        };
        let Some(cur) = vf.current_index() else {
            return Outcome::Stayed;
        };
        let from = vf.items[cur].1;
        match nearest(&from, vf.items.iter().map(|(_, r)| r), dir) {
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

    fn home_grid(nav: &mut Navigator) {
        for (i, id) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
            let r = Rect::new((i % 3) as f32 * 120.0, (i / 3) as f32 * 120.0, 100.0, 100.0);
            nav.report(HOME, id, r);
        }
    }

    #[test]
    fn first_reported_item_is_focused_by_default() {
        let mut nav = Navigator::new();
        assert_eq!(nav.focused(), None);
        home_grid(&mut nav);
        assert_eq!(nav.focused(), Some("a"));
    }

    #[test]
    fn a_preferred_item_is_focused_when_it_reports_even_after_others() {
        let mut nav = Navigator::new();
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
    fn back_never_leaves_home() {
        let mut nav = Navigator::new();
        assert_eq!(nav.key(RemoteKey::Back), Outcome::Stayed);
        assert_eq!(nav.view(), HOME);
    }

    #[test]
    fn focus_is_remembered_across_a_round_trip() {
        let mut nav = Navigator::new();
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
        let mut nav = Navigator::new();
        home_grid(&mut nav);
        nav.key(RemoteKey::Arrow(Direction::Right));
        assert_eq!(
            nav.key(RemoteKey::Ok),
            Outcome::Activate {
                view: HOME.into(),
                item: "b".into()
            }
        );
        assert_eq!(
            nav.key(RemoteKey::Digit(7)),
            Outcome::Digit {
                view: HOME.into(),
                item: "b".into(),
                digit: 7
            }
        );
    }

    #[test]
    fn a_tap_focuses_and_activates() {
        let mut nav = Navigator::new();
        home_grid(&mut nav);
        assert_eq!(
            nav.tap(HOME, "f"),
            Outcome::Activate {
                view: HOME.into(),
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
            let mut nav = Navigator::new();
            home_grid(&mut nav);
            for k in keys {
                // What the shell does with an activation: "back" pops, a Home tile opens.
                match nav.key(k) {
                    Outcome::Activate { item, .. } if item == "back" => {
                        nav.back();
                    }
                    Outcome::Activate { item, .. } => nav.push(&item),
                    _ => {}
                }
                // What the UI does when a view is (re)built: its items report.
                if nav.items().count() == 0 {
                    if nav.view() == HOME {
                        home_grid(&mut nav);
                    } else {
                        let view = nav.view().to_owned();
                        nav.report(&view, "back", Rect::new(0.0, 0.0, 10.0, 10.0));
                    }
                }
                let focused = nav.focused();
                prop_assert!(focused.is_some());
                prop_assert_eq!(nav.items().filter(|(id, _)| Some(*id) == focused).count(), 1);
            }
        }
    }
}
