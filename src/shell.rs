//! The shell: the root window, the view stack behind it, and the routing of every key and tap
//! to the focus engine and from there to the view controllers.

use crate::strings::Catalog;
use crate::ui::{
    AppWindow, DeviceProfile, Focus, GuideAdapter, I18n, Keys, LanguageAdapter, Theme,
};
use crate::{guides, home, keymap, language, status};
use legal_kiosk_core::Profile;
use legal_kiosk_core::focus::{Direction, HOME, Navigator, Outcome, Rect, RemoteKey};
use legal_kiosk_core::i18n::{DisplayMode, Lang};
use slint::ComponentHandle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Hears of display-mode changes (the app saves them to the config file).
type ModeListener = Box<dyn Fn(DisplayMode)>;

/// The running UI: the window and the state that routes input to it.
pub struct Shell {
    window: AppWindow,
    inner: Rc<Inner>,
}

struct Inner {
    window: slint::Weak<AppWindow>,
    nav: RefCell<Navigator>,
    catalog: Catalog,
    mode: Cell<DisplayMode>,
    /// Called after every display-mode change (the app saves it to the config file).
    on_mode_change: RefCell<Option<ModeListener>>,
    guides: RefCell<guides::Guides>,
}

impl Shell {
    pub fn new(profile: Profile, mode: impl Into<DisplayMode>) -> anyhow::Result<Shell> {
        let window = AppWindow::new()?;
        let catalog = Catalog::load()?;
        let inner = Rc::new(Inner {
            window: window.as_weak(),
            nav: RefCell::new(Navigator::new()),
            catalog,
            mode: Cell::new(DisplayMode::Zh),
            on_mode_change: RefCell::new(None),
            guides: RefCell::new(guides::Guides::default()),
        });

        window.global::<Theme>().set_profile(match profile {
            Profile::Tv => DeviceProfile::Tv,
            Profile::Tablet => DeviceProfile::Tablet,
            Profile::Kiosk => DeviceProfile::Kiosk,
        });
        home::setup(&window);
        let language = window.global::<LanguageAdapter>();
        let name = |lang: Lang| inner.catalog.strings(lang).get("language-name");
        language.set_mn_name(name(Lang::Mn).into());
        language.set_zh_name(name(Lang::Zh).into());
        language.set_bilingual_name(
            inner
                .catalog
                .text(DisplayMode::Bilingual, "language-name-bilingual", &[])
                .into(),
        );

        let weak = Rc::downgrade(&inner);
        window
            .global::<I18n>()
            .on_tr(move |id, _rev| match weak.upgrade() {
                Some(inner) => inner.catalog.text(inner.mode.get(), &id, &[]).into(),
                None => id,
            });

        let weak = Rc::downgrade(&inner);
        window
            .global::<I18n>()
            .on_tr_var(move |id, name, value, _rev| match weak.upgrade() {
                Some(inner) => inner
                    .catalog
                    .text(inner.mode.get(), &id, &[(&name, &value)])
                    .into(),
                None => id,
            });

        let weak = Rc::downgrade(&inner);
        window.global::<I18n>().on_tr_in(move |lang, id, _rev| {
            match (weak.upgrade(), lang.parse::<Lang>()) {
                (Some(inner), Ok(lang)) => inner.catalog.strings(lang).get(&id).into(),
                _ => id,
            }
        });

        let weak = Rc::downgrade(&inner);
        window
            .global::<Focus>()
            .on_report(move |view, item, x, y, w, h| {
                if let Some(inner) = weak.upgrade() {
                    inner.placed(&view, &item, Rect::new(x, y, w, h));
                }
            });

        let weak = Rc::downgrade(&inner);
        window.global::<Focus>().on_tap(move |view, item| {
            if let Some(inner) = weak.upgrade() {
                inner.guides.borrow_mut().key_pressed();
                let outcome = inner.nav.borrow_mut().tap(&view, &item);
                inner.apply(outcome);
            }
        });

        let weak = Rc::downgrade(&inner);
        window
            .global::<GuideAdapter>()
            .on_viewport(move |x, y, w, h| {
                if let Some(inner) = weak.upgrade() {
                    inner
                        .guides
                        .borrow_mut()
                        .set_viewport(Rect::new(x, y, w, h));
                    inner.keep_guide_in_view();
                }
            });

        let weak = Rc::downgrade(&inner);
        window.global::<GuideAdapter>().on_scrolled(move |offset| {
            if let (Some(inner), Some(window)) = (
                weak.upgrade(),
                weak.upgrade().and_then(|i| i.window.upgrade()),
            ) {
                inner.guides.borrow_mut().scrolled(&window, offset);
            }
        });

        let weak = Rc::downgrade(&inner);
        window.global::<Keys>().on_pressed(move |text| {
            let Some(inner) = weak.upgrade() else {
                return false;
            };
            match keymap::remote_key(&text) {
                Some(key) => {
                    inner.press(key);
                    true
                }
                None => inner.typed(&text),
            }
        });

        inner.set_mode(mode.into());
        Ok(Shell { window, inner })
    }

    pub fn window(&self) -> &AppWindow {
        &self.window
    }

    /// Sets the content's trusted key and the device's region (from the config).
    pub fn configure_content(&self, settings: guides::ContentSettings) {
        self.inner.guides.borrow_mut().configure(settings);
    }

    /// The backend's base URL, for the guides' QR codes.
    pub fn set_qr_base(&self, base: Option<String>) {
        self.inner.guides.borrow_mut().set_qr_base(base);
        self.inner.refresh_guides();
    }

    /// A newer content bundle (from the content store).
    pub fn set_bundle(&self, bundle: legal_kiosk_content::Bundle) {
        self.inner.guides.borrow_mut().set_bundle(bundle);
        self.inner.refresh_guides();
    }

    /// What the content worker's events do to this shell (on the UI thread).
    pub fn content_sink(&self) -> impl Fn(crate::connection::ContentEvent) + 'static {
        let weak = Rc::downgrade(&self.inner);
        move |event| {
            let Some(inner) = weak.upgrade() else {
                return;
            };
            match event {
                crate::connection::ContentEvent::Bundle(b) => {
                    inner.guides.borrow_mut().set_bundle(*b)
                }
                crate::connection::ContentEvent::Backend(url) => {
                    inner.guides.borrow_mut().set_qr_base(Some(url))
                }
            }
            inner.refresh_guides();
        }
    }

    /// Whether background work for the screen (vertical columns) is still running.
    pub fn busy(&self) -> bool {
        self.inner
            .guides
            .try_borrow()
            .map(|g| g.busy())
            .unwrap_or(true)
    }

    /// The guides controller, for tests and the screenshot command.
    pub fn guides(&self) -> std::cell::RefMut<'_, guides::Guides> {
        self.inner.guides.borrow_mut()
    }

    /// Opens a guide as Home → guides → its category → the guide would.
    pub fn open_guide(&self, id: &str) -> bool {
        let category = {
            let mut g = self.inner.guides.borrow_mut();
            let Some(bundle) = g.bundle() else {
                return false;
            };
            match bundle.guide(id) {
                Some(guide) => guide.category.as_str().to_owned(),
                None => return false,
            }
        };
        {
            let mut nav = self.inner.nav.borrow_mut();
            nav.home();
            nav.push(guides::CATEGORIES);
            nav.push(guides::LIST);
            nav.push(guides::GUIDE);
            nav.prefer(guides::GUIDE, guides::SUMMARY);
        }
        {
            let mut g = self.inner.guides.borrow_mut();
            g.open_category(&category);
            g.open_guide(id);
        }
        self.inner.refresh_guides();
        self.inner.sync();
        true
    }

    /// A remote key, as if the key map had just translated it.
    pub fn press(&self, key: RemoteKey) {
        self.inner.press(key);
    }

    /// Opens `view` as OK on its Home tile would. False for a name that is not a view.
    pub fn open(&self, view: &str) -> bool {
        if view == HOME {
            self.inner.nav.borrow_mut().home();
        } else if let Some(target) = home::target(view) {
            self.inner.open_from_home(target);
        } else if let Some(id) = view.strip_prefix("guide:") {
            return self.open_guide(id);
        } else {
            return false;
        }
        self.inner.refresh_guides();
        self.inner.sync();
        true
    }

    /// The view on screen.
    pub fn view(&self) -> String {
        self.inner.nav.borrow().view().to_owned()
    }

    /// How many views are stacked (Home alone is 1).
    pub fn depth(&self) -> usize {
        self.inner.nav.borrow().depth()
    }

    /// The focused item of the view on screen and its rectangle in logical pixels, as far as
    /// it is shown (a long guide section partly scrolled out is ringed where it can be seen).
    pub fn focused(&self) -> Option<(String, Rect)> {
        let item = self.inner.nav.borrow().focused()?.to_owned();
        Some((item, self.inner.ring_rect()?))
    }

    /// Where item `id` of the view on screen is, in logical pixels (as reported, not clipped).
    pub fn item_rect(&self, id: &str) -> Option<Rect> {
        let nav = self.inner.nav.borrow();
        nav.items().find(|(i, _)| *i == id).map(|(_, r)| r)
    }

    /// The focusable items of the view on screen, in report order.
    pub fn items(&self) -> Vec<(String, Rect)> {
        let nav = self.inner.nav.borrow();
        nav.items().map(|(id, r)| (id.to_owned(), r)).collect()
    }

    pub fn mode(&self) -> DisplayMode {
        self.inner.mode.get()
    }

    pub fn set_mode(&self, mode: DisplayMode) {
        self.inner.set_mode(mode);
    }

    /// `f` hears of every display-mode change after this call.
    pub fn on_mode_change(&self, f: impl Fn(DisplayMode) + 'static) {
        *self.inner.on_mode_change.borrow_mut() = Some(Box::new(f));
    }
}

impl Inner {
    fn press(&self, key: RemoteKey) {
        self.guides.borrow_mut().key_pressed();
        if let RemoteKey::Arrow(dir @ (Direction::Left | Direction::Right)) = key
            && self.scrolls(dir == Direction::Right)
        {
            return;
        }
        if let RemoteKey::Arrow(dir @ (Direction::Up | Direction::Down)) = key
            && self.scrolls_page(dir == Direction::Down)
        {
            self.sync();
            return;
        }
        let outcome = self.nav.borrow_mut().key(key);
        self.apply(outcome);
    }

    /// An item told where it is: the focus engine learns it, and a view controller whose items
    /// depend on their size (columns drawn for their height) hears of it too.
    fn placed(&self, view: &str, item: &str, rect: Rect) {
        self.nav.borrow_mut().report(view, item, rect);
        if view == guides::GUIDE
            && item == guides::SUMMARY
            && let Some(window) = self.window.upgrade()
        {
            self.guides.borrow_mut().summary_placed(&window, rect);
        }
        if view == guides::GUIDE
            && item != "back"
            && let Some(window) = self.window.upgrade()
        {
            self.guides.borrow_mut().section_placed(&window, rect);
        }
        if view == guides::GUIDE && self.nav.borrow().focused() == Some(item) {
            self.keep_guide_in_view();
        }
        self.sync();
    }

    /// Text from a keyboard (not a remote key): on the guides and their list it searches by
    /// pinyin or Chinese characters. False when nothing takes it.
    fn typed(&self, text: &str) -> bool {
        let view = self.nav.borrow().view().to_owned();
        let printable = !text.is_empty()
            && text
                .chars()
                .all(|c| !c.is_control() && !('\u{E000}'..='\u{F8FF}').contains(&c));
        if !printable || (view != guides::CATEGORIES && view != guides::LIST) {
            return false;
        }
        self.guides.borrow_mut().type_text(text);
        if view == guides::CATEGORIES {
            self.nav.borrow_mut().push(guides::LIST);
        }
        self.refresh_guides();
        self.sync();
        true
    }

    /// Up/Down on a guide section taller than the page scroll through it first.
    fn scrolls_page(&self, down: bool) -> bool {
        let focused = {
            let nav = self.nav.borrow();
            if nav.view() != guides::GUIDE {
                return false;
            }
            nav.focused_rect()
        };
        match (focused, self.window.upgrade()) {
            (Some(rect), Some(window)) => {
                self.guides.borrow_mut().scroll_within(&window, rect, down)
            }
            _ => false,
        }
    }

    /// The focused item's rectangle as the ring draws it: on a guide, the part the page shows.
    fn ring_rect(&self) -> Option<Rect> {
        let nav = self.nav.borrow();
        let rect = nav.focused_rect()?;
        // Back sits in the header, above the scrolling page.
        if nav.view() == guides::GUIDE && nav.focused() != Some("back") {
            Some(self.guides.borrow().visible(rect))
        } else {
            Some(rect)
        }
    }

    /// Left/Right on a scrollable item scroll it until its end; only then do they move focus.
    fn scrolls(&self, forward: bool) -> bool {
        let on_columns = {
            let nav = self.nav.borrow();
            nav.view() == guides::GUIDE && nav.focused() == Some(guides::SUMMARY)
        };
        match self.window.upgrade() {
            Some(window) if on_columns => self.guides.borrow_mut().scroll_summary(&window, forward),
            _ => false,
        }
    }

    /// Acts on what the focus engine decided, then shows the result.
    fn apply(&self, outcome: Outcome) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let before = self.nav.borrow().view().to_owned();
        match outcome {
            Outcome::Activate { item, .. } if item == "back" => {
                self.nav.borrow_mut().back();
            }
            Outcome::Activate { view, item } if view == guides::CATEGORIES => {
                self.guides.borrow_mut().open_category(&item);
                self.nav.borrow_mut().push(guides::LIST);
            }
            Outcome::Digit { view, digit, .. } if view == guides::CATEGORIES => {
                self.guides.borrow_mut().type_digit(digit, true);
                self.nav.borrow_mut().push(guides::LIST);
            }
            Outcome::Digit { view, digit, .. } if view == guides::LIST => {
                self.guides.borrow_mut().type_digit(digit, false);
                self.refresh_guides();
            }
            Outcome::Activate { view, item }
                if view == guides::LIST && self.guides.borrow_mut().open_guide(&item) =>
            {
                let mut nav = self.nav.borrow_mut();
                nav.push(guides::GUIDE);
                nav.prefer(guides::GUIDE, guides::SUMMARY);
            }
            Outcome::Activate { view, item } if view == guides::GUIDE => {
                self.guides.borrow_mut().toggle(&window, &item);
            }
            Outcome::Activate { view, item } if view == HOME => {
                if let Some(target) = home::target(&item) {
                    self.open_from_home(target);
                }
            }
            Outcome::Digit { view, item, digit } if view == "status" => {
                status::digit(&window, &item, digit);
            }
            Outcome::Activate { view, item } if view == "language" => {
                if let Some(mode) = language::mode_of(&item) {
                    self.set_mode(mode);
                }
            }
            Outcome::Language => self.set_mode(self.mode.get().next()),
            _ => {}
        }
        let after = self.nav.borrow().view().to_owned();
        if after != before {
            if before == guides::GUIDE {
                self.guides.borrow_mut().leave_guide();
            }
            self.refresh_guides();
        }
        self.sync();
        if after == guides::GUIDE {
            self.keep_guide_in_view();
        }
    }

    /// Fills the guides view on screen (if one is) in the current mode. The list's items are
    /// replaced, so the engine forgets the old ones (the new ones report themselves).
    fn refresh_guides(&self) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let view = self.nav.borrow().view().to_owned();
        let mode = self.mode.get();
        let mut g = self.guides.borrow_mut();
        match view.as_str() {
            guides::CATEGORIES => g.show_categories(&window, &self.catalog, mode),
            guides::LIST => {
                let (listed, changed) = g.show_list(&window, &self.catalog, mode);
                let mut nav = self.nav.borrow_mut();
                if changed && let Some(first) = listed.first() {
                    nav.prefer(guides::LIST, first);
                }
                let stale: Vec<String> = nav
                    .items()
                    .map(|(id, _)| id.to_owned())
                    .filter(|id| id != "back" && !listed.contains(id))
                    .collect();
                for id in stale {
                    nav.forget(guides::LIST, &id);
                }
            }
            guides::GUIDE => g.show_guide(&window, &self.catalog, mode),
            _ => {}
        }
    }

    /// Opens a Home tile's view; the guides start on their first category.
    fn open_from_home(&self, target: &str) {
        self.nav.borrow_mut().push(target);
        if target == guides::CATEGORIES
            && let Some(first) = self.guides.borrow_mut().first_category()
        {
            self.nav.borrow_mut().prefer(target, &first);
        }
    }

    /// Scrolls the guide page so the focused section is in view.
    fn keep_guide_in_view(&self) {
        let focused = {
            let nav = self.nav.borrow();
            if nav.view() != guides::GUIDE {
                return;
            }
            nav.focused_rect()
        };
        if let (Some(rect), Some(window)) = (focused, self.window.upgrade()) {
            self.guides.borrow_mut().keep_in_view(&window, rect);
        }
    }

    fn set_mode(&self, mode: DisplayMode) {
        let changed = self.mode.replace(mode) != mode;
        self.refresh_guides();
        if let Some(window) = self.window.upgrade() {
            window
                .global::<Theme>()
                .set_bilingual(mode == DisplayMode::Bilingual);
            window
                .global::<Theme>()
                .set_mongolian(mode == DisplayMode::Mn);
            window
                .global::<LanguageAdapter>()
                .set_current(mode.code().into());
            let i18n = window.global::<I18n>();
            i18n.set_rev(i18n.get_rev().wrapping_add(1));
        }
        if changed && let Some(f) = self.on_mode_change.borrow().as_ref() {
            f(mode);
        }
        self.sync();
    }

    /// Copies the engine's view and focused item into the UI. Borrows end before Slint is
    /// touched: setting a property may run bindings that call back into us.
    fn sync(&self) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let (view, item) = {
            let nav = self.nav.borrow();
            (
                nav.view().to_owned(),
                nav.focused().unwrap_or("").to_owned(),
            )
        };
        let rect = self.ring_rect();
        let focus = window.global::<Focus>();
        if focus.get_view() != view.as_str() {
            focus.set_view(view.into());
        }
        if focus.get_item() != item.as_str() {
            focus.set_item(item.into());
        }
        // Setting a property to its current value marks nothing dirty, so an unchanged ring
        // costs no redraw.
        focus.set_ring_visible(rect.is_some());
        if let Some(r) = rect {
            focus.set_ring_x(r.x);
            focus.set_ring_y(r.y);
            focus.set_ring_width(r.w);
            focus.set_ring_height(r.h);
        }
    }
}
