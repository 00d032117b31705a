//! The router: the one funnel for input (keys, taps, item reports, typed text) and for the
//! messages of background work. It owns the focus engine and the view stack, finds the
//! controller of the view concerned by the `View` enum, and carries out what the controller
//! asks for. It knows no view by name.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;

use legal_kiosk_core::focus::{Direction, Navigator, Outcome, Rect, RemoteKey};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::idle::{Idle, IdleTimer};
use legal_kiosk_core::service::{Command, Event, Service, Ticket};
use legal_kiosk_vertical::Script;
use slint::ComponentHandle;

use crate::controllers::page::SectionPage;
use crate::controllers::{Controller, Ctx, Effect, Shared, ViewEntry};
use crate::inbox::Message;
use crate::strings::Catalog;
use crate::ui::{AppWindow, Focus, I18n, Notices, Overlay, Pages, Theme, View};

/// Hears of display-mode changes (the app saves them to the config file).
type ModeListener = Box<dyn Fn(DisplayMode)>;

/// The item every view's frame has: OK on it pops the view.
const BACK: &str = "back";
/// The overlay's one button: OK closes it.
const OVERLAY_OK: &str = "ok";
/// Start-up work, as `pending` names it.
const SERVICE_START: &str = "the service starting (Event::Ready)";
pub const FONT_CHECK: &str = "the start-up font check (Message::Fonts)";
/// The page id of a view's body: everything a `ViewFrame` holds under its header, which
/// scrolls when it outgrows the room it has (the notice line along the bottom takes some). The
/// router scrolls it for every view alike, keeping the focused item in view; pages inside it (a
/// guide's, a timeline's) are their controllers'.
pub const BODY: &str = "body";

pub struct Router {
    window: slint::Weak<AppWindow>,
    nav: RefCell<Navigator<View>>,
    catalog: Catalog,
    mode: Cell<DisplayMode>,
    /// Home first, then the registry's.
    controllers: Vec<Shared>,
    service: RefCell<Option<Service>>,
    /// Commands sent and not answered yet: which view's controller sent what. The answer goes
    /// to that controller alone.
    waiting: RefCell<HashMap<Ticket, (View, Command)>>,
    /// Start-up work not finished yet (the service starting, the font check).
    starting: RefCell<Vec<&'static str>>,
    /// The view stack as the controllers last knew it: a view that left it hears `leave`.
    shown_stack: RefCell<Vec<View>>,
    on_mode_change: RefCell<Option<ModeListener>>,
    /// The app's clock: time since start, plus what tests and screenshots advanced it by.
    clock: AppClock,
    /// The kiosk's idle reset; `None` on a household box or a village tablet.
    idle: RefCell<Option<IdleTimer>>,
    /// The idle warning is on the overlay layer.
    warning: Cell<bool>,
    /// The language a fresh session starts in (the box's configured one).
    home_mode: Cell<DisplayMode>,
    /// The scroll of the body of the view on screen ([`BODY`]).
    body: RefCell<SectionPage>,
}

/// Time since the app started, on a clock tests and screenshots can move forward without
/// waiting (`screenshot --keys "… wait:70"`).
struct AppClock {
    start: std::time::Instant,
    offset: Cell<Duration>,
}

impl AppClock {
    fn now(&self) -> Duration {
        self.start.elapsed() + self.offset.get()
    }
}

impl Router {
    pub fn new(window: &AppWindow, catalog: Catalog, controllers: Vec<Shared>) -> Router {
        Router {
            window: window.as_weak(),
            nav: RefCell::new(Navigator::new(View::Home)),
            catalog,
            mode: Cell::new(DisplayMode::Zh),
            controllers,
            service: RefCell::new(None),
            waiting: RefCell::new(HashMap::new()),
            starting: RefCell::new(Vec::new()),
            shown_stack: RefCell::new(vec![View::Home]),
            on_mode_change: RefCell::new(None),
            clock: AppClock {
                start: std::time::Instant::now(),
                offset: Cell::new(Duration::ZERO),
            },
            idle: RefCell::new(None),
            warning: Cell::new(false),
            home_mode: Cell::new(DisplayMode::Zh),
            body: RefCell::new(SectionPage::default()),
        }
    }

    /// Forget the session after `timeout` without a key or touch (a kiosk), with a warning and
    /// a countdown first ([`legal_kiosk_core::idle`]).
    pub fn enable_idle_reset(&self, timeout: Duration) {
        *self.idle.borrow_mut() = Some(IdleTimer::new(timeout, self.clock.now()));
    }

    /// Moves the app's clock forward by `by` and acts on it (the idle warning or reset): what
    /// `wait:N` does in `screenshot --keys`.
    pub fn advance_clock(&self, by: Duration) {
        self.clock.offset.set(self.clock.offset.get() + by);
        self.tick();
    }

    /// A key, a tap or a finger: the idle countdown starts again. True when the input only
    /// dismissed the idle warning (it must do nothing else: the person may not have seen what
    /// was under it).
    fn input(&self) -> bool {
        if let Some(idle) = self.idle.borrow_mut().as_mut() {
            idle.input(self.clock.now());
        }
        if self.warning.replace(false) {
            self.close_overlay();
            self.sync();
            return true;
        }
        false
    }

    /// Shows, updates or takes away the idle warning, or forgets the session when time is up;
    /// nothing on a device without an idle reset. Called every second and when the clock is
    /// advanced.
    pub fn tick(&self) {
        let state = match self.idle.borrow().as_ref() {
            Some(idle) => idle.state(self.clock.now()),
            None => return,
        };
        let Some(window) = self.window.upgrade() else {
            return;
        };
        match state {
            Idle::Active => {
                if self.warning.replace(false) {
                    self.close_overlay();
                    self.sync();
                }
            }
            Idle::Warning { seconds_left } => {
                window
                    .global::<Overlay>()
                    .set_seconds(i32::try_from(seconds_left).unwrap_or(i32::MAX));
                if !self.warning.replace(true) {
                    self.open_overlay("idle-warning-title", "idle-warning");
                }
            }
            Idle::Expired => {
                self.warning.set(false);
                self.reset();
                self.set_mode(self.home_mode.get());
                // Nothing is left to forget: no warning on an empty Home until someone comes.
                if let Some(idle) = self.idle.borrow_mut().as_mut() {
                    idle.reset(self.clock.now());
                }
            }
        }
    }

    /// The views of every controller, as the registry lists them.
    pub fn entries(&self) -> Vec<ViewEntry> {
        self.controllers
            .iter()
            .flat_map(|c| c.borrow().views().to_vec())
            .collect()
    }

    /// The service to send commands to; pending until it says it is ready.
    pub fn set_service(&self, service: Service) {
        *self.service.borrow_mut() = Some(service);
        self.starting.borrow_mut().push(SERVICE_START);
    }

    /// Start-up work (`what`) runs in the background: pending until its message arrives.
    pub fn expect(&self, what: &'static str) {
        self.starting.borrow_mut().push(what);
    }

    pub fn on_mode_change(&self, f: impl Fn(DisplayMode) + 'static) {
        *self.on_mode_change.borrow_mut() = Some(Box::new(f));
    }

    pub fn nav(&self) -> std::cell::Ref<'_, Navigator<View>> {
        self.nav.borrow()
    }

    pub fn mode(&self) -> DisplayMode {
        self.mode.get()
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn controller_of(&self, view: View) -> Option<&Shared> {
        self.controllers
            .iter()
            .find(|c| c.borrow().views().iter().any(|e| e.view == view))
    }

    /// Runs `f` on `view`'s controller, then carries out what it asked for. No borrow of the
    /// router's state is held while the controller touches Slint (a property set may run
    /// bindings that call back in here).
    fn with<R>(&self, view: View, f: impl FnOnce(&mut dyn Controller, &mut Ctx) -> R) -> Option<R> {
        let window = self.window.upgrade()?;
        let controller = self.controller_of(view)?.clone();
        let mut ctx = Ctx::new(&window, &self.catalog, self.mode.get());
        ctx.focused = self.engine_focus();
        let result = {
            let Ok(mut c) = controller.try_borrow_mut() else {
                // A controller's Slint call ran a binding that called back into it. Nothing in
                // the app does that today; debug builds (all tests) stop here if it starts.
                debug_assert!(false, "the controller of {view:?} was re-entered");
                return None;
            };
            f(&mut *c, &mut ctx)
        };
        let effects = std::mem::take(&mut ctx.effects);
        drop(ctx);
        self.carry_out(view, effects);
        Some(result)
    }

    /// Carries out what the controller of `from` asked for.
    fn carry_out(&self, from: View, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Open(view) => {
                    self.nav.borrow_mut().push(view);
                    self.with(view, |c, ctx| c.enter(ctx, view));
                }
                Effect::OpenWith(view, context) => {
                    self.nav.borrow_mut().push(view);
                    self.with(view, |c, ctx| c.enter_with(ctx, view, &context));
                }
                Effect::BackTo(view) => {
                    let on_stack = self.nav.borrow().stack().contains(&view);
                    if on_stack {
                        let mut nav = self.nav.borrow_mut();
                        while nav.view() != view && nav.depth() > 1 {
                            nav.back();
                        }
                    } else {
                        // Not there any more (Home was pressed on the way): opened afresh.
                        self.nav.borrow_mut().push(view);
                        self.with(view, |c, ctx| c.enter(ctx, view));
                    }
                }
                Effect::Replace(view) => {
                    self.nav.borrow_mut().home();
                    if view != View::Home {
                        self.nav.borrow_mut().push(view);
                        self.with(view, |c, ctx| c.enter(ctx, view));
                    }
                }
                Effect::Prefer(view, item) => self.nav.borrow_mut().prefer(view, &item),
                Effect::Back => {
                    self.nav.borrow_mut().back();
                }
                Effect::SetMode(mode) => self.set_mode(mode),
                Effect::Send(command) => self.send(from, command),
                Effect::Refresh => {
                    let view = self.nav.borrow().view();
                    self.with(view, |c, ctx| c.show(ctx, view));
                }
                Effect::Forget(view, item) => self.nav.borrow_mut().forget(view, &item),
                Effect::Notice(title, message) => self.open_overlay(title, message),
            }
        }
    }

    /// Sends the service a command for the controller of `from`, which alone hears the answer;
    /// it stays pending until then. Without a service (screenshots, most tests) there is nobody
    /// to ask: the command is dropped.
    pub fn send(&self, from: View, command: Command) {
        let ticket = match self.service.borrow().as_ref() {
            Some(service) => service.send(command.clone()),
            None => return,
        };
        match ticket {
            Ok(ticket) => {
                self.waiting.borrow_mut().insert(ticket, (from, command));
            }
            Err(e) => eprintln!("legal-kiosk: {e}"),
        }
    }

    /// What is still being waited for: commands without an answer, background work of the
    /// controllers. Empty when the screen is final.
    pub fn pending(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .waiting
            .borrow()
            .values()
            .map(|(view, c)| format!("an answer to {c:?} from {view:?}"))
            .collect();
        out.extend(self.starting.borrow().iter().map(|s| (*s).to_owned()));
        for c in &self.controllers {
            match c.try_borrow() {
                Ok(c) => out.extend(c.pending()),
                Err(_) => out.push("a controller busy right now".to_owned()),
            }
        }
        out
    }

    /// Shows the view on screen for the first time.
    pub fn start(&self, mode: DisplayMode) {
        self.home_mode.set(mode);
        self.set_mode(mode);
        self.after(self.nav.borrow().view(), true);
    }

    /// A remote key, after the key map.
    pub fn key(&self, key: RemoteKey) {
        if self.input() {
            return;
        }
        let scope = self.nav.borrow().scope();
        self.with(scope, |c, _| c.key_pressed());
        self.body.borrow_mut().key_pressed();
        if let RemoteKey::Arrow(dir) = key
            && self.scrolls(scope, dir)
        {
            return;
        }
        // OK on an item scrolled out of sight (Up showed the text above it) first brings it
        // back: nothing is chosen unseen.
        if matches!(key, RemoteKey::Ok)
            && let Some(rect) = self.focused_on_body()
            && self.body.borrow_mut().focus_moved(rect)
        {
            self.put_body();
            self.sync();
            return;
        }
        let before = self.nav.borrow().view();
        let outcome = self.nav.borrow_mut().key(key);
        self.dispatch(outcome);
        self.after(before, false);
    }

    /// A tap on an item: focus and activate, as arrows then OK would.
    pub fn tap(&self, view: View, item: &str) {
        if self.input() {
            return;
        }
        self.with(view, |c, _| c.key_pressed());
        self.body.borrow_mut().key_pressed();
        let before = self.nav.borrow().view();
        let outcome = self.nav.borrow_mut().tap(view, item);
        self.dispatch(outcome);
        self.after(before, false);
    }

    /// Whether a keyboard's BackSpace erases typed text on the view on screen rather than going
    /// back ([`Controller::erases_typing`]).
    pub fn erases_typing(&self) -> bool {
        if self.nav.borrow().overlay().is_some() {
            return false;
        }
        let view = self.nav.borrow().view();
        self.with(view, |c, _| c.erases_typing(view))
            .unwrap_or(false)
    }

    /// Text from a keyboard. False when the view on screen has no use for it.
    pub fn typed(&self, text: &str) -> bool {
        let printable = !text.is_empty()
            && text
                .chars()
                .all(|c| !c.is_control() && !('\u{E000}'..='\u{F8FF}').contains(&c));
        if self.input() {
            return true;
        }
        if !printable || self.nav.borrow().overlay().is_some() {
            return false;
        }
        let before = self.nav.borrow().view();
        let used = self
            .with(before, |c, ctx| c.text(ctx, before, text))
            .unwrap_or(false);
        if used {
            self.after(before, false);
        }
        used
    }

    /// An item (on scrolling page `page`, or "" for none) told where it is: the focus engine
    /// learns it, and so does its controller.
    pub fn placed(&self, view: View, item: &str, page: &str, rect: Rect) {
        if page.is_empty() {
            self.nav.borrow_mut().report(view, item, rect);
        } else {
            self.nav.borrow_mut().report_on_page(view, page, item, rect);
        }
        let focused = {
            let nav = self.nav.borrow();
            nav.scope() == view && nav.focused() == Some(item)
        };
        if page == BODY
            && focused
            && view == self.nav.borrow().view()
            && self.body.borrow_mut().focus_moved(rect)
        {
            self.put_body();
        }
        self.with(view, |c, ctx| c.placed(ctx, view, item, rect, focused));
        if focused {
            self.with(view, |c, ctx| c.focus_moved(ctx, view, item, rect));
        }
        self.sync();
    }

    /// A scrolling page told where it is.
    pub fn page_placed(&self, view: View, page: &str, rect: Rect) {
        if page == BODY {
            if view == self.nav.borrow().view() {
                let focused = self.focused_on_body();
                if self.body.borrow_mut().placed(rect, focused) {
                    self.put_body();
                }
            }
        } else {
            self.with(view, |c, ctx| c.page_placed(ctx, view, page, rect));
        }
        self.sync();
    }

    /// A finger scrolled a page.
    pub fn page_scrolled(&self, view: View, page: &str, offset: f32) {
        // A finger on a page is someone at the kiosk too.
        self.input();
        if page == BODY {
            if view == self.nav.borrow().view() {
                self.body.borrow_mut().finger_moved(offset);
                self.put_body();
            }
        } else {
            self.with(view, |c, ctx| c.page_scrolled(ctx, view, page, offset));
        }
        self.sync();
    }

    /// The focused item, when it is on the body of the view on screen ([`BODY`]), and where
    /// it is (not clipped).
    fn focused_on_body(&self) -> Option<Rect> {
        let nav = self.nav.borrow();
        if nav.scope() == nav.view() && nav.focused_page() == Some(BODY) {
            nav.focused_rect()
        } else {
            None
        }
    }

    /// Whether the focus is on an item of the view that is on no scrolling page (its header:
    /// Back).
    fn focused_on_header(&self) -> bool {
        let nav = self.nav.borrow();
        nav.scope() == nav.view() && nav.focused().is_some() && nav.focused_page().is_none()
    }

    /// Whether no item of the body lies wholly above the item at `rect`.
    fn first_on_body(&self, rect: Rect) -> bool {
        let nav = self.nav.borrow();
        let mut items = nav.items_on_page(BODY);
        !items.any(|(_, r)| r.bottom() <= rect.y + 0.5)
    }

    /// Puts the body's scroll into the UI. The borrow ends before Slint is touched.
    fn put_body(&self) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let offset = self.body.borrow().offset();
        window.global::<Pages>().set_body_offset(offset);
    }

    /// Arrows on a scrolling item scroll it before they move the focus: an item of the body
    /// taller than the screen, or one on a page of the view's own.
    fn scrolls(&self, scope: View, dir: Direction) -> bool {
        if let Some(rect) = self.focused_on_body() {
            let mut moved = self.body.borrow_mut().scroll(rect, dir);
            // Up from the body's first item shows the text above it before the focus leaves
            // for the header: a remote has no other way to read it.
            if !moved && dir == Direction::Up && self.first_on_body(rect) {
                moved = self.body.borrow_mut().reveal_before();
            }
            if moved {
                self.put_body();
                self.sync();
            }
            return moved;
        }
        let used = self
            .with(scope, |c, ctx| c.scroll(ctx, scope, dir))
            .unwrap_or(false);
        if used {
            self.sync();
        }
        used
    }

    fn dispatch(&self, outcome: Outcome<View>) {
        match outcome {
            Outcome::Activate { view, item } if view == View::Overlay && item == OVERLAY_OK => {
                self.close_overlay();
            }
            Outcome::Activate { item, .. } if item == BACK => {
                self.nav.borrow_mut().back();
            }
            Outcome::Activate { view, item } => {
                self.with(view, |c, ctx| c.activate(ctx, view, &item));
            }
            Outcome::Digit { view, item, digit } => {
                self.with(view, |c, ctx| c.digit(ctx, view, &item, digit));
            }
            Outcome::Delete { view, item } => {
                self.with(view, |c, ctx| c.delete(ctx, view, &item));
            }
            Outcome::Language => self.set_mode(self.mode.get().next()),
            Outcome::ViewChanged | Outcome::Moved | Outcome::Stayed => {}
        }
    }

    /// After input: a view left or returned to hears of it, the view on screen is filled, the
    /// ring follows the focus and the focused item is kept in view.
    fn after(&self, before: View, first: bool) {
        // Every view that left the stack hears it (Back pops one, Home or a jump several).
        let (after, popped) = {
            let nav = self.nav.borrow();
            let now = nav.stack().to_vec();
            let gone: Vec<View> = self
                .shown_stack
                .borrow()
                .iter()
                .copied()
                .filter(|v| !now.contains(v))
                .collect();
            *self.shown_stack.borrow_mut() = now;
            (nav.view(), gone)
        };
        for view in popped {
            self.with(view, |c, ctx| c.leave(ctx, view));
        }
        if after != before || first {
            // Another view's body starts at its top.
            self.body.borrow_mut().reset();
            self.put_body();
            self.with(after, |c, ctx| c.show(ctx, after));
        }
        self.sync();
        if let Some(rect) = self.focused_on_body() {
            if self.body.borrow_mut().focus_moved(rect) {
                self.put_body();
                self.sync();
            }
        } else if self.focused_on_header() && self.body.borrow_mut().to_start() {
            // The focus went up to the header (Back): the body shows its start, the text
            // above its first item included.
            self.put_body();
            self.sync();
        }
        let focused = {
            let nav = self.nav.borrow();
            (nav.scope() == after)
                .then(|| nav.focused().map(str::to_owned).zip(nav.focused_rect()))
                .flatten()
        };
        if let Some((item, rect)) = focused {
            self.with(after, |c, ctx| c.focus_moved(ctx, after, &item, rect));
            self.sync();
        }
    }

    /// Switches the display mode live: every string is asked for again (`I18n.rev`), the view
    /// on screen is filled anew and measured again (its items report where they are now), and
    /// views further down the stack are filled when they are returned to.
    pub fn set_mode(&self, mode: DisplayMode) {
        let changed = self.mode.replace(mode) != mode;
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let theme = window.global::<Theme>();
        theme.set_bilingual(mode == DisplayMode::Bilingual);
        theme.set_mongolian(mode == DisplayMode::Mn);
        let i18n = window.global::<I18n>();
        i18n.set_rev(i18n.get_rev().wrapping_add(1));
        if changed {
            let view = self.nav.borrow().view();
            self.nav.borrow_mut().remeasure(view);
            self.body.borrow_mut().remeasure();
            self.put_body();
            self.with(view, |c, ctx| c.show(ctx, view));
            let focus = window.global::<Focus>();
            focus.set_epoch(focus.get_epoch().wrapping_add(1));
            if let Some(f) = self.on_mode_change.borrow().as_ref() {
                f(mode);
            }
        }
        self.sync();
    }

    /// A message from background work, on the UI thread. An answer goes to the controller
    /// that sent the command; every other message to every controller.
    pub fn receive(&self, message: Message) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let before = self.nav.borrow().view();
        let mut only: Option<View> = None;
        match &message {
            Message::Service(Event::Answered { ticket, .. }) => {
                match self.waiting.borrow_mut().remove(ticket) {
                    Some((from, _)) => only = Some(from),
                    // Not ours (sent before a reset): nobody is waiting for it.
                    None => return,
                }
            }
            Message::Service(Event::Ready) => self.finished(SERVICE_START),
            Message::Service(Event::Link(state)) => crate::connection::show(&window, state),
            Message::Service(Event::Problem(detail)) => {
                eprintln!("legal-kiosk: {detail}");
                self.open_overlay("backend-problem-title", "backend-problem");
            }
            Message::Fonts(missing) => {
                self.finished(FONT_CHECK);
                if !missing.is_empty() {
                    let hints: Vec<&str> = missing.iter().map(|s| s.font_hint()).collect();
                    eprintln!("legal-kiosk: missing fonts: {}", hints.join("; "));
                }
                let notices = window.global::<Notices>();
                notices.set_chinese_missing(missing.contains(&Script::Chinese));
                notices.set_mongolian_missing(missing.contains(&Script::Mongolian));
            }
            Message::Service(_) | Message::Columns { .. } => {}
        }
        for c in &self.controllers {
            let views = c.borrow().views();
            if only.is_some_and(|v| !views.iter().any(|e| e.view == v)) {
                continue;
            }
            let Some(first) = views.first().map(|e| e.view) else {
                continue;
            };
            self.with(first, |c, ctx| c.on_message(ctx, &message));
        }
        self.after(before, false);
    }

    fn finished(&self, what: &str) {
        let mut starting = self.starting.borrow_mut();
        if let Some(i) = starting.iter().position(|s| *s == what) {
            starting.remove(i);
        }
    }

    /// Forgets every person's traces (the kiosk's session reset): every controller's state,
    /// the view stack, focus memory, the overlay; Home is shown afresh.
    pub fn reset(&self) {
        let before = self.nav.borrow().view();
        for c in &self.controllers {
            if let Ok(mut c) = c.try_borrow_mut() {
                c.reset();
            }
        }
        self.nav.borrow_mut().reset();
        self.waiting.borrow_mut().clear();
        if let Some(window) = self.window.upgrade() {
            window.global::<Overlay>().set_open(false);
        }
        self.after(before, true);
    }

    /// Opens the overlay layer with a title and a text both made in Rust.
    pub fn open_overlay_with(&self, title: &str, detail: &str) {
        self.open_overlay("", "");
        if let Some(window) = self.window.upgrade() {
            let overlay = window.global::<Overlay>();
            overlay.set_title(title.into());
            overlay.set_detail(detail.into());
        }
    }

    /// A tap on the overlay layer outside its button: it keeps a kiosk's session as any touch
    /// does (the idle warning goes).
    pub fn touched(&self) {
        self.input();
    }

    /// Opens the overlay layer with a title and message (message ids).
    pub fn open_overlay(&self, title: &str, message: &str) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let overlay = window.global::<Overlay>();
        // Ids, translated by the layer itself: a language switch reaches it too.
        overlay.set_title_id(title.into());
        overlay.set_message_id(message.into());
        overlay.set_detail(Default::default());
        overlay.set_title(Default::default());
        self.nav.borrow_mut().open_overlay(View::Overlay);
        self.sync();
    }

    fn close_overlay(&self) {
        self.nav.borrow_mut().close_overlay();
    }

    /// The focused item and where it is, as the focus engine knows it (not clipped).
    fn engine_focus(&self) -> Option<(String, Rect)> {
        let nav = self.nav.borrow();
        Some((nav.focused()?.to_owned(), nav.focused_rect()?))
    }

    /// The focused item and where its ring goes (the part of it that can be seen).
    pub fn focused(&self) -> Option<(String, Rect)> {
        let (scope, item, rect, on_body) = {
            let nav = self.nav.borrow();
            (
                nav.scope(),
                nav.focused()?.to_owned(),
                nav.focused_rect()?,
                nav.scope() == nav.view() && nav.focused_page() == Some(BODY),
            )
        };
        let ring = self
            .controller_of(scope)
            .and_then(|c| c.try_borrow().ok().map(|c| c.ring(scope, &item, rect)))
            .unwrap_or(rect);
        let ring = if on_body {
            self.body.borrow().ring(ring)
        } else {
            ring
        };
        Some((item, ring))
    }

    /// Copies the engine's view and focused item into the UI. Borrows end before Slint is
    /// touched: setting a property may run bindings that call back into us.
    pub fn sync(&self) {
        let Some(window) = self.window.upgrade() else {
            return;
        };
        let (view, scope, overlay) = {
            let nav = self.nav.borrow();
            (nav.view(), nav.scope(), nav.overlay().is_some())
        };
        // The layer is drawn exactly while the engine has it open (Back and Home close it too).
        window.global::<Overlay>().set_open(overlay);
        let focused = self.focused();
        let focus = window.global::<Focus>();
        focus.set_view(view);
        focus.set_scope(scope);
        let item = focused.as_ref().map(|f| f.0.as_str()).unwrap_or("");
        if focus.get_item() != item {
            focus.set_item(item.into());
        }
        // Setting a property to its current value marks nothing dirty, so an unchanged ring
        // costs no redraw.
        focus.set_ring_visible(focused.is_some());
        if let Some((_, r)) = focused {
            focus.set_ring_x(r.x);
            focus.set_ring_y(r.y);
            focus.set_ring_width(r.w);
            focus.set_ring_height(r.h);
        }
    }

    /// Opens `view` as if from Home: the stack is Home, then it.
    pub fn open_from_home(&self, view: View) {
        let before = self.nav.borrow().view();
        self.nav.borrow_mut().home();
        if view != View::Home {
            self.carry_out(View::Home, vec![Effect::Open(view)]);
        }
        self.after(before, true);
    }

    /// Runs effects as if the controller of `from` had asked (the screenshot command opening a
    /// guide).
    pub fn run(&self, from: View, effects: Vec<Effect>) {
        let before = self.nav.borrow().view();
        self.carry_out(from, effects);
        self.after(before, true);
    }
}
