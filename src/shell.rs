//! The shell: the root window, the view stack behind it, and the routing of every key and tap
//! to the focus engine and from there to the view controllers.

use crate::strings::Catalog;
use crate::ui::{AppWindow, DeviceProfile, Focus, I18n, Keys, LanguageAdapter, Theme};
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
                let outcome = inner.nav.borrow_mut().tap(&view, &item);
                inner.apply(outcome);
            }
        });

        let weak = Rc::downgrade(&inner);
        window.global::<Keys>().on_pressed(move |text| {
            let (Some(inner), Some(key)) = (weak.upgrade(), keymap::remote_key(&text)) else {
                return false;
            };
            inner.press(key);
            true
        });

        inner.set_mode(mode.into());
        Ok(Shell { window, inner })
    }

    pub fn window(&self) -> &AppWindow {
        &self.window
    }

    /// Mongolian text for the guides view's columns instead of its introduction.
    pub fn set_guides_text(&self, text: Option<String>) {
        self.inner.guides.borrow_mut().set_text(text);
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
            self.inner.nav.borrow_mut().push(target);
        } else {
            return false;
        }
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

    /// The focused item of the view on screen and its rectangle in logical pixels.
    pub fn focused(&self) -> Option<(String, Rect)> {
        let nav = self.inner.nav.borrow();
        Some((nav.focused()?.to_owned(), nav.focused_rect()?))
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
        if let RemoteKey::Arrow(dir @ (Direction::Left | Direction::Right)) = key
            && self.scrolls(dir == Direction::Right)
        {
            return;
        }
        let outcome = self.nav.borrow_mut().key(key);
        self.apply(outcome);
    }

    /// An item told where it is: the focus engine learns it, and a view controller whose items
    /// depend on their size (columns drawn for their height) hears of it too.
    fn placed(&self, view: &str, item: &str, rect: Rect) {
        self.nav.borrow_mut().report(view, item, rect);
        if view == "guides"
            && item == guides::INTRO
            && let Some(window) = self.window.upgrade()
        {
            self.guides
                .borrow_mut()
                .intro_placed(&window, &self.catalog, self.mode.get(), rect);
        }
        self.sync();
    }

    /// Left/Right on a scrollable item scroll it until its end; only then do they move focus.
    fn scrolls(&self, forward: bool) -> bool {
        let on_intro = {
            let nav = self.nav.borrow();
            nav.view() == "guides" && nav.focused() == Some(guides::INTRO)
        };
        match self.window.upgrade() {
            Some(window) if on_intro => self.guides.borrow_mut().scroll(&window, forward),
            _ => false,
        }
    }

    /// Acts on what the focus engine decided, then shows the result.
    fn apply(&self, outcome: Outcome) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        match outcome {
            Outcome::Activate { item, .. } if item == "back" => {
                self.nav.borrow_mut().back();
            }
            Outcome::Activate { view, item } if view == HOME => {
                if let Some(target) = home::target(&item) {
                    self.nav.borrow_mut().push(target);
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
        if self.nav.borrow().view() != "guides" {
            self.guides.borrow_mut().leave(&window);
        }
        self.sync();
    }

    fn set_mode(&self, mode: DisplayMode) {
        let changed = self.mode.replace(mode) != mode;
        if let Some(window) = self.window.upgrade() {
            self.guides.borrow_mut().set_mode(&window, mode);
            if !mode.langs().contains(&Lang::Mn) {
                // The columns widget is gone; focus must not stay on it.
                self.nav.borrow_mut().forget("guides", guides::INTRO);
            }
            window
                .global::<Theme>()
                .set_bilingual(mode == DisplayMode::Bilingual);
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
        let (view, item, rect) = {
            let nav = self.nav.borrow();
            (
                nav.view().to_owned(),
                nav.focused().unwrap_or("").to_owned(),
                nav.focused_rect(),
            )
        };
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
