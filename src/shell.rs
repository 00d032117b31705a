//! The shell: builds the window, its controllers, the router and the inbox, and wires Slint's
//! callbacks (strings, item reports, taps, pages, keys) to the router. It knows no view by name;
//! the CLI's view names come from the controllers' registry entries.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use legal_kiosk_core::config::{ConfigProblem, ConfigWriter, ProblemKind};
use legal_kiosk_core::focus::{Rect, RemoteKey};
use legal_kiosk_core::i18n::{DisplayMode, Lang};
use legal_kiosk_core::service::{Command, Service, ServiceConfig};
use legal_kiosk_core::{Profile, TextSize};
use slint::ComponentHandle;

use crate::connection::ConfigFix;
use crate::controllers::{self, Shared, home::Home};
use crate::inbox::{self, Mailbox, Message};
use crate::router::Router;
use crate::strings::Catalog;
use crate::ui::{AppWindow, DeviceProfile, Fit, Focus, I18n, Keys, Pages, Theme, View};
use crate::{guides, keymap};

/// One text on screen as the "text fits" census saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextFit {
    pub text: String,
    /// Where the text element is, in logical window pixels.
    pub rect: Rect,
    /// Its content fits that rectangle (not cut, not elided, no word wider than it).
    pub fits: bool,
    /// Its font size in logical pixels.
    pub font_px: f32,
}

/// The running UI: the window and the router behind it.
pub struct Shell {
    window: AppWindow,
    router: Rc<Router>,
    guides: Rc<RefCell<guides::Guides>>,
    status: Rc<RefCell<controllers::status::Status>>,
    vertical: Rc<controllers::columns::VerticalWorker>,
    settings: Rc<RefCell<controllers::settings::Settings>>,
    mailbox: Mailbox,
    census: Rc<RefCell<Vec<TextFit>>>,
    profile: Profile,
    /// Ticks the kiosk's idle reset every second (none on other profiles).
    _idle_ticks: Option<slint::Timer>,
}

impl Shell {
    /// The window for `profile`, showing Home in `mode`. Needs the platform set (a window
    /// backend, or `headless::install`): the inbox runs on its event loop.
    pub fn new(profile: Profile, mode: impl Into<DisplayMode>) -> anyhow::Result<Shell> {
        let window = AppWindow::new()?;
        let catalog = Catalog::load()?;
        let (mailbox, inbox) = inbox::channel();
        let controllers::Registry {
            controllers: views,
            guides,
            status,
            settings,
            vertical,
        } = controllers::registry(&mailbox, profile);
        let tiles = views
            .iter()
            .flat_map(|c| c.borrow().views().to_vec())
            .filter(|e| e.home_tile)
            .collect();
        let mut all: Vec<Shared> = vec![Rc::new(RefCell::new(Home::new(tiles)))];
        all.extend(views);
        let router = Rc::new(Router::new(&window, catalog, all));

        window.global::<Theme>().set_profile(match profile {
            Profile::Tv => DeviceProfile::Tv,
            Profile::Tablet => DeviceProfile::Tablet,
            Profile::Kiosk => DeviceProfile::Kiosk,
        });
        wire(&window, &router);
        let weak = Rc::downgrade(&router);
        inbox.deliver(move |message| {
            if let Some(router) = weak.upgrade() {
                router.receive(message);
            }
        })?;
        let census = Rc::new(RefCell::new(Vec::new()));
        let answers = Rc::downgrade(&census);
        window
            .global::<Fit>()
            .on_measured(move |text, fits, x, y, w, h, font_px| {
                if let Some(answers) = answers.upgrade() {
                    answers.borrow_mut().push(TextFit {
                        text: text.into(),
                        rect: Rect::new(x, y, w, h),
                        fits,
                        font_px,
                    });
                }
            });
        router.start(mode.into());
        // A kiosk is shared by strangers: it forgets each one (DESIGN §8).
        let idle_ticks = (profile == Profile::Kiosk).then(|| {
            router.enable_idle_reset(legal_kiosk_core::idle::DEFAULT_IDLE);
            let timer = slint::Timer::default();
            let weak = Rc::downgrade(&router);
            timer.start(
                slint::TimerMode::Repeated,
                std::time::Duration::from_secs(1),
                move || {
                    if let Some(r) = weak.upgrade() {
                        r.tick();
                    }
                },
            );
            timer
        });
        Ok(Shell {
            window,
            router,
            guides,
            status,
            settings,
            vertical,
            mailbox,
            census,
            profile,
            _idle_ticks: idle_ticks,
        })
    }

    pub fn window(&self) -> &AppWindow {
        &self.window
    }

    /// Where background threads post their results for this window.
    pub fn mailbox(&self) -> Mailbox {
        self.mailbox.clone()
    }

    /// Starts the service worker; its events reach the router through the inbox.
    pub fn start_service(&self, config: ServiceConfig) -> std::io::Result<()> {
        self.status
            .borrow_mut()
            .set_remembers(config.saved_application.is_some());
        let mailbox = self.mailbox.clone();
        let sink = Arc::new(move |event| {
            mailbox.post(Message::Service(event));
        });
        self.router.set_service(Service::start(config, sink)?);
        Ok(())
    }

    /// The kiosk's idle time before it forgets the session (clamped to 30–300 s); nothing on
    /// other profiles.
    pub fn set_idle_timeout(&self, timeout: std::time::Duration) {
        if self.profile == Profile::Kiosk {
            self.router.enable_idle_reset(timeout);
        }
    }

    /// Where the settings view and a language switch write their changes (the config file the
    /// app read; `None`: they apply until the app ends), and the look the box starts with:
    /// high contrast, and the config's text size (a kiosk keeps its profile's sizes:
    /// [`TextSize::for_profile`]). Each change is written to its one line of the file, off
    /// the UI thread ([`ConfigWriter`]).
    pub fn configure_settings(
        &self,
        path: Option<std::path::PathBuf>,
        high_contrast: bool,
        text_size: Option<TextSize>,
    ) {
        let text_size = TextSize::for_profile(self.profile, text_size);
        let theme = self.window.global::<Theme>();
        theme.set_high_contrast(high_contrast);
        theme.set_text_scale(text_size.scale());
        let writer = path.and_then(|path| match ConfigWriter::new(path) {
            Ok(writer) => Some(writer),
            Err(e) => {
                // The settings still apply; only remembering them is lost.
                eprintln!("legal-kiosk: cannot start writing the config file: {e}");
                None
            }
        });
        if let Some(writer) = writer.clone() {
            // This one setting, in place: the file's comments, other settings and lines this
            // version does not know stay as the administrator wrote them.
            self.router
                .on_mode_change(move |mode| writer.set("lang", mode.code()));
        }
        self.settings
            .borrow_mut()
            .configure(writer, high_contrast, text_size);
    }

    /// Moves the app's clock forward by `by`, as if that long passed with no key or touch:
    /// the kiosk's idle warning or reset follows (`wait:N` in `screenshot --keys`).
    pub fn advance_clock(&self, by: std::time::Duration) {
        self.router.advance_clock(by);
    }

    /// Counts application deadlines from `day` instead of today (tests, screenshots).
    pub fn set_today(&self, day: chrono::NaiveDate) {
        self.status.borrow_mut().set_today(day);
    }

    /// Sends the service a command, as the controller of the view on screen would.
    pub fn send(&self, command: Command) {
        self.router.send(self.view(), command);
    }

    /// Forgets the person who used the app (the kiosk's session reset): Home, afresh.
    pub fn reset_session(&self) {
        self.router.reset();
    }

    /// Starts the font check on its own thread; its result comes back through the inbox.
    pub fn check_fonts(&self) {
        self.router.expect(crate::router::FONT_CHECK);
        let loaded = crate::vertical::check_fonts_in_background(self.mailbox());
        self.vertical.use_loaded(loaded);
    }

    /// Sets the content's trusted key and the device's region (from the config).
    pub fn configure_content(&self, settings: guides::ContentSettings) {
        self.guides.borrow_mut().configure(settings);
    }

    /// Where the QR codes of guides and bookings point (the config's `public_base_url`).
    pub fn set_public_base(&self, base: Option<String>) {
        self.guides.borrow_mut().set_public_base(base);
    }

    /// The guides' controller, for tests and the benchmark.
    pub fn guides(&self) -> std::cell::RefMut<'_, guides::Guides> {
        self.guides.borrow_mut()
    }

    /// What is still being waited for (answers from the service, columns being drawn); empty
    /// when the screen is final.
    pub fn pending(&self) -> Vec<String> {
        self.router.pending()
    }

    /// Asks every text on screen whether it fits; the answers arrive as the event loop runs
    /// (`Harness::text_census` runs it and collects them).
    pub fn start_text_census(&self) {
        self.census.borrow_mut().clear();
        let fit = self.window.global::<Fit>();
        fit.set_census(fit.get_census().wrapping_add(1));
    }

    /// The answers to the last census.
    pub fn text_census(&self) -> Vec<TextFit> {
        self.census.borrow().clone()
    }

    /// The names `open` takes: every view's, and `guide:<id>`.
    pub fn view_names(&self) -> Vec<&'static str> {
        self.router.entries().iter().map(|e| e.name).collect()
    }

    /// Opens the view named `name` as from Home (`home`, `guides`, `status` …, or `guide:<id>`
    /// for one guide). False for a name that is not one.
    pub fn open(&self, name: &str) -> bool {
        if let Some(id) = name.strip_prefix("guide:") {
            let path = self.guides.borrow_mut().open_path(id);
            return match path {
                Some(effects) => {
                    self.router.open_from_home(View::Home);
                    self.router.run(View::Guides, effects);
                    true
                }
                None => false,
            };
        }
        match self.router.entries().iter().find(|e| e.name == name) {
            Some(entry) => {
                self.router.open_from_home(entry.view);
                true
            }
            None => false,
        }
    }

    /// A remote key, as if the key map had just translated it.
    pub fn press(&self, key: RemoteKey) {
        self.router.key(key);
    }

    /// A tap on `item` of the view on screen, as its own tap area reports one (focus and
    /// activate), wherever the item is scrolled to.
    pub fn tap(&self, item: &str) {
        let view = self.router.nav().view();
        self.router.tap(view, item);
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.router.nav().view()
    }

    /// The name of the view on screen, as `open` takes it.
    pub fn view_name(&self) -> &'static str {
        let view = self.view();
        self.router
            .entries()
            .iter()
            .find(|e| e.view == view)
            .map(|e| e.name)
            .unwrap_or("")
    }

    /// How many views are stacked (Home alone is 1).
    pub fn depth(&self) -> usize {
        self.router.nav().stack().len()
    }

    /// The focused item and its rectangle in logical pixels, as far as it is shown (a long
    /// guide section partly scrolled out is ringed where it can be seen).
    pub fn focused(&self) -> Option<(String, Rect)> {
        self.router.focused()
    }

    /// Where item `id` of the focus scope is, in logical pixels (as reported, not clipped).
    pub fn item_rect(&self, id: &str) -> Option<Rect> {
        let nav = self.router.nav();
        nav.items().find(|(i, _)| *i == id).map(|(_, r)| r)
    }

    /// The focusable items of the focus scope, in report order.
    pub fn items(&self) -> Vec<(String, Rect)> {
        let nav = self.router.nav();
        nav.items().map(|(id, r)| (id.to_owned(), r)).collect()
    }

    /// The device profile the window was made for.
    pub fn profile(&self) -> Profile {
        self.profile
    }

    pub fn mode(&self) -> DisplayMode {
        self.router.mode()
    }

    pub fn set_mode(&self, mode: DisplayMode) {
        self.router.set_mode(mode);
    }

    /// Opens the overlay layer with a title and a message (Fluent ids).
    pub fn open_overlay(&self, title: &str, message: &str) {
        self.router.open_overlay(title, message);
    }

    /// Says on screen, in both languages whatever the display mode, what in the config file
    /// was not used (`problems`) or keeps the box from working (`fixes`): the administrator
    /// reading it may not read the language the box is set to.
    pub fn report_config(&self, problems: &[ConfigProblem], fixes: &[ConfigFix]) {
        if problems.is_empty() && fixes.is_empty() {
            return;
        }
        let text = |id: &str, args: &[(&str, &str)]| {
            self.router.catalog().text(DisplayMode::Bilingual, id, args)
        };
        let mut lines = Vec::new();
        let title = if fixes.is_empty() {
            lines.push(text("config-problem", &[]));
            text("config-problem-title", &[])
        } else {
            lines.push(text("config-broken", &[]));
            // Until it is fixed, a line along the bottom says why the box is off the network.
            self.window
                .global::<crate::ui::Notices>()
                .set_config_broken(true);
            text("config-broken-title", &[])
        };
        for fix in fixes {
            eprintln!("legal-kiosk: the config cannot work: {fix:?}");
            lines.push(match fix {
                // The parser's own words once, and only their first line (where it stopped).
                ConfigFix::Unreadable(detail) => format!(
                    "{}\n{}",
                    text("config-fix-unreadable", &[]),
                    detail.lines().next().unwrap_or_default()
                ),
                ConfigFix::BackendWithoutToken => text("config-fix-token", &[]),
                ConfigFix::BadBackend => text("config-fix-backend", &[]),
                ConfigFix::BadKey => text("config-fix-key", &[]),
            });
        }
        for p in problems {
            eprintln!(
                "legal-kiosk: config setting {} left out: {:?}",
                p.key, p.kind
            );
            lines.push(match &p.kind {
                ProblemKind::Unknown => text("config-unknown", &[("key", &p.key)]),
                ProblemKind::BadValue(_) => text("config-bad-value", &[("key", &p.key)]),
            });
        }
        self.router.open_overlay_with(&title, &lines.join("\n"));
    }
}

/// Slint's callbacks, each into the router (held weakly: the window must not keep it alive).
fn wire(window: &AppWindow, router: &Rc<Router>) {
    let i18n = window.global::<I18n>();
    let weak = Rc::downgrade(router);
    i18n.on_tr(move |id, _rev| match weak.upgrade() {
        Some(r) => r.catalog().text(r.mode(), &id, &[]).into(),
        None => id,
    });
    let weak = Rc::downgrade(router);
    i18n.on_tr_var(move |id, name, value, _rev| match weak.upgrade() {
        Some(r) => r.catalog().text(r.mode(), &id, &[(&name, &value)]).into(),
        None => id,
    });
    let weak = Rc::downgrade(router);
    i18n.on_tr_in(
        move |lang, id, _rev| match (weak.upgrade(), lang.parse::<Lang>()) {
            (Some(r), Ok(lang)) => r.catalog().strings(lang).get(&id).into(),
            _ => id,
        },
    );

    let focus = window.global::<Focus>();
    let weak = Rc::downgrade(router);
    focus.on_report(move |view, item, page, x, y, w, h| {
        if let Some(r) = weak.upgrade() {
            r.placed(view, &item, &page, Rect::new(x, y, w, h));
        }
    });
    let weak = Rc::downgrade(router);
    focus.on_tap(move |view, item| {
        if let Some(r) = weak.upgrade() {
            r.tap(view, &item);
        }
    });
    let weak = Rc::downgrade(router);
    window.global::<crate::ui::Overlay>().on_touched(move || {
        if let Some(r) = weak.upgrade() {
            r.touched();
        }
    });

    let pages = window.global::<Pages>();
    let weak = Rc::downgrade(router);
    pages.on_placed(move |view, page, x, y, w, h| {
        if let Some(r) = weak.upgrade() {
            r.page_placed(view, &page, Rect::new(x, y, w, h));
        }
    });
    let weak = Rc::downgrade(router);
    pages.on_scrolled(move |view, page, offset| {
        if let Some(r) = weak.upgrade() {
            r.page_scrolled(view, &page, offset);
        }
    });

    let weak = Rc::downgrade(router);
    window.global::<Keys>().on_pressed(move |text| {
        let Some(r) = weak.upgrade() else {
            return false;
        };
        // A keyboard's BackSpace erases what was typed (the remote's Back key, which some
        // remotes send as BackSpace too, still goes back once there is nothing to erase).
        if text.as_str() == "\u{8}" && r.erases_typing() {
            r.key(RemoteKey::Delete);
            return true;
        }
        match keymap::remote_key(&text) {
            Some(key) => {
                r.key(key);
                true
            }
            None => r.typed(&text),
        }
    });
}
