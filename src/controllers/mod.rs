//! One controller per view (or per family of views that share state, as the guides' three do),
//! all behind one trait. The router hands each controller the input and the messages for its
//! views; a controller fills its views' adapters and says what should happen next through
//! [`Ctx`] (open a view, send the service a command …), never by reaching into the router.
//!
//! Adding a view: a `ui/views/NAME.slint` with its adapter (exported from `ui/views.slint` and
//! `ui/app.slint`), its value in `export enum View` and one line in `ui/app.slint`; a controller
//! file here that lists it in [`Controller::views`], its `pub mod` and one line in
//! [`registry`]; its title and Home tile messages in both languages. The router, Home and
//! `screenshot --view NAME` find it through the registry.

pub mod callback;
pub mod columns;
pub mod entry;
pub mod feedback;
pub mod guides;
pub mod home;
pub mod language;
pub mod offices;
pub mod page;
pub mod screen;
pub mod settings;
pub mod status;

use std::cell::RefCell;
use std::rc::Rc;

use legal_kiosk_core::Profile;
use legal_kiosk_core::focus::{Direction, Rect};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::service::Command;

use crate::inbox::{Mailbox, Message};
use crate::strings::Catalog;
use crate::ui::{AppWindow, View};

/// A view a controller serves: its enum value, its name on the command line
/// (`screenshot --view NAME`) and in message ids (`home-NAME`, `view-NAME`), and whether Home
/// has a tile for it.
#[derive(Debug, Clone, Copy)]
pub struct ViewEntry {
    pub view: View,
    pub name: &'static str,
    pub home_tile: bool,
}

impl ViewEntry {
    /// A view without a Home tile (a step after the first of a flow).
    pub const fn step(view: View, name: &'static str) -> ViewEntry {
        ViewEntry {
            view,
            name,
            home_tile: false,
        }
    }
}

/// What a controller asks for, carried out by the router once the controller is done.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open a view on top of the stack.
    Open(View),
    /// Open a view on top of the stack for something (a guide's id): its controller's
    /// [`Controller::enter_with`] hears what.
    OpenWith(View, String),
    /// Pop views until this one is on top (it stays); nothing when it is not on the stack.
    BackTo(View),
    /// Leave every view but Home, then open this one (Home itself: just Home). What was left
    /// cannot be returned to with Back (a booking made cannot be made again by going back).
    Replace(View),
    /// Focus this item of a view when it reports (a view opened on new content starts on its
    /// first entry).
    Prefer(View, String),
    /// Pop the view on screen.
    Back,
    SetMode(DisplayMode),
    /// Send the service a command; the router keeps it pending until its answer arrives.
    Send(Command),
    /// Fill the view on screen again (its data changed).
    Refresh,
    /// The item no longer exists (the list it was on was replaced).
    Forget(View, String),
    /// Tell the person something over the view on screen (the overlay, with an OK): a title
    /// and a message, as message ids.
    Notice(&'static str, &'static str),
}

/// What a controller may use while it runs: the window, the strings, the display mode; and
/// the effects it asks for.
pub struct Ctx<'a> {
    pub window: &'a AppWindow,
    pub catalog: &'a Catalog,
    pub mode: DisplayMode,
    /// Where the focus is, as the focus engine knows it: (item, its whole rectangle, not
    /// clipped by a scrolling page). On the overlay while it is open.
    pub focused: Option<(String, Rect)>,
    pub(crate) effects: Vec<Effect>,
}

impl<'a> Ctx<'a> {
    pub fn new(window: &'a AppWindow, catalog: &'a Catalog, mode: DisplayMode) -> Ctx<'a> {
        Ctx {
            window,
            catalog,
            mode,
            focused: None,
            effects: Vec::new(),
        }
    }

    pub fn open(&mut self, view: View) {
        self.effects.push(Effect::Open(view));
    }

    /// Opens `view` for `context` ([`Effect::OpenWith`]).
    pub fn open_with(&mut self, view: View, context: &str) {
        self.effects
            .push(Effect::OpenWith(view, context.to_owned()));
    }

    /// Pops views until `view` is on top, or opens it when it is gone ([`Effect::BackTo`]).
    pub fn back_to(&mut self, view: View) {
        self.effects.push(Effect::BackTo(view));
    }

    /// Leaves every view but Home, then opens `view` ([`Effect::Replace`]).
    pub fn replace(&mut self, view: View) {
        self.effects.push(Effect::Replace(view));
    }

    pub fn prefer(&mut self, view: View, item: &str) {
        self.effects.push(Effect::Prefer(view, item.to_owned()));
    }

    pub fn back(&mut self) {
        self.effects.push(Effect::Back);
    }

    pub fn set_mode(&mut self, mode: DisplayMode) {
        self.effects.push(Effect::SetMode(mode));
    }

    pub fn send(&mut self, command: Command) {
        self.effects.push(Effect::Send(command));
    }

    pub fn refresh(&mut self) {
        self.effects.push(Effect::Refresh);
    }

    /// Tells the person something over the view on screen ([`Effect::Notice`]).
    pub fn notice(&mut self, title_id: &'static str, message_id: &'static str) {
        self.effects.push(Effect::Notice(title_id, message_id));
    }

    pub fn forget(&mut self, view: View, item: &str) {
        self.effects.push(Effect::Forget(view, item.to_owned()));
    }

    /// Whether the text is drawn larger than the profile's own size (settings; `Theme.text-
    /// enlarged`): steps then lay their choices out in fewer columns.
    pub fn text_enlarged(&self) -> bool {
        slint::ComponentHandle::global::<crate::ui::Theme>(self.window).get_text_enlarged()
    }

    /// A message in the display mode.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.catalog.text(self.mode, id, args)
    }

    /// Text made for each language of the display mode in turn (`f` gets a context in that
    /// one language), Mongolian above Chinese in bilingual mode as [`Catalog::text`] does.
    pub fn each(&self, f: impl Fn(&Ctx) -> String) -> String {
        self.mode
            .langs()
            .iter()
            .map(|lang| {
                f(&Ctx::new(
                    self.window,
                    self.catalog,
                    DisplayMode::from(*lang),
                ))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A message whose arguments are text too (a day, a language's name, a reason): `args`
    /// makes them for each language in turn, so bilingual mode puts the Mongolian arguments in
    /// the Mongolian line and the Chinese ones in the Chinese line.
    pub fn text_with(
        &self,
        id: &str,
        args: impl Fn(&Ctx) -> Vec<(&'static str, String)>,
    ) -> String {
        self.each(|c| {
            let values = args(c);
            let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.text(id, &refs)
        })
    }
}

/// The item ids a view of choices shows now: the ones that go when it is filled anew (another
/// day, a page turned, a league chosen) are forgotten by the focus engine, so an arrow never
/// lands on a tile that is no longer there.
#[derive(Debug, Default)]
pub struct ShownItems {
    view: Option<View>,
    ids: Vec<String>,
}

impl ShownItems {
    /// `view` now shows `now`; true when items went.
    pub fn update(&mut self, ctx: &mut Ctx, view: View, now: Vec<String>) -> bool {
        let was = self.view.replace(view);
        let before = std::mem::replace(&mut self.ids, now);
        let mut gone = false;
        if was == Some(view) {
            for old in before.iter().filter(|old| !self.ids.contains(old)) {
                ctx.forget(view, old);
                gone = true;
            }
        }
        gone
    }
}

/// A view's behaviour. Every method has a do-nothing default, so a view implements only what
/// it does. `view` is always one of [`Controller::views`].
pub trait Controller {
    /// The views this controller serves.
    fn views(&self) -> &'static [ViewEntry];

    /// `view` was opened (not returned to): where its focus starts.
    fn enter(&mut self, _ctx: &mut Ctx, _view: View) {}

    /// `view` was opened for `context` (another view's [`Effect::OpenWith`]: a guide's id).
    fn enter_with(&mut self, ctx: &mut Ctx, view: View, _context: &str) {
        self.enter(ctx, view);
    }

    /// Fill `view`'s adapter in `ctx.mode`: when it is opened or returned to, after a language
    /// switch, and after its data changed.
    fn show(&mut self, _ctx: &mut Ctx, _view: View) {}

    /// OK or a tap on `item` (Back is the router's).
    fn activate(&mut self, _ctx: &mut Ctx, _view: View, _item: &str) {}

    /// A digit key with `item` focused.
    fn digit(&mut self, _ctx: &mut Ctx, _view: View, _item: &str, _digit: u8) {}

    /// The delete key with `item` focused (the last digit of an entry goes).
    fn delete(&mut self, _ctx: &mut Ctx, _view: View, _item: &str) {}

    /// Text from a keyboard (letters, Chinese characters). False when the view has no use for it.
    fn text(&mut self, _ctx: &mut Ctx, _view: View, _text: &str) -> bool {
        false
    }

    /// Whether a keyboard's BackSpace erases text typed on `view` (as the delete key does)
    /// rather than going back: only while there is typed text to erase.
    fn erases_typing(&self, _view: View) -> bool {
        false
    }

    /// An arrow, before the focus engine moves: true when the view used it to scroll.
    fn scroll(&mut self, _ctx: &mut Ctx, _view: View, _dir: Direction) -> bool {
        false
    }

    /// Any key or tap, before anything else: a page a finger moved follows the focus again.
    fn key_pressed(&mut self) {}

    /// An item of `view` reported where it is (`focused`: it has the focus).
    fn placed(&mut self, _ctx: &mut Ctx, _view: View, _item: &str, _rect: Rect, _focused: bool) {}

    /// A scrolling page (`ScrollPage` with id `page`) of `view` is now at `rect` on screen.
    fn page_placed(&mut self, _ctx: &mut Ctx, _view: View, _page: &str, _rect: Rect) {}

    /// A finger scrolled page `page` of `view` to `offset` (logical pixels).
    fn page_scrolled(&mut self, _ctx: &mut Ctx, _view: View, _page: &str, _offset: f32) {}

    /// The focus moved to `item` (or stayed and was re-laid out): keep it in view.
    fn focus_moved(&mut self, _ctx: &mut Ctx, _view: View, _item: &str, _rect: Rect) {}

    /// Where the ring goes round `item` of `view`: the part of it that can be seen.
    fn ring(&self, _view: View, _item: &str, rect: Rect) -> Rect {
        rect
    }

    /// A message from background work (every controller hears every message).
    fn on_message(&mut self, _ctx: &mut Ctx, _message: &Message) {}

    /// `view` is gone from the screen (popped).
    fn leave(&mut self, _ctx: &mut Ctx, _view: View) {}

    /// Forget everything a person did (the kiosk's session reset).
    fn reset(&mut self) {}

    /// Background work this controller waits for, described for a person reading a test failure.
    fn pending(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A controller as the router holds it.
pub type Shared = Rc<RefCell<dyn Controller>>;

/// Every controller of the app but Home, in the order of Home's tiles, and the ones the shell
/// configures after start (the guides' content, whether status may remember an application).
pub struct Registry {
    pub controllers: Vec<Shared>,
    pub guides: Rc<RefCell<guides::Guides>>,
    pub status: Rc<RefCell<status::Status>>,
    pub settings: Rc<RefCell<settings::Settings>>,
    /// Draws vertical Mongolian for every view that shows it.
    pub vertical: Rc<columns::VerticalWorker>,
}

/// The app's controllers. Adding a view adds a line here.
pub fn registry(mailbox: &Mailbox, profile: Profile) -> Registry {
    let vertical = columns::VerticalWorker::new(mailbox.clone());
    let guides = Rc::new(RefCell::new(guides::Guides::new(vertical.clone())));
    let status = Rc::new(RefCell::new(status::Status::new(vertical.clone())));
    let settings = Rc::new(RefCell::new(settings::Settings::new(
        guides.clone(),
        profile,
    )));
    let controllers: Vec<Shared> = vec![
        guides.clone(),
        Rc::new(RefCell::new(callback::Callback::new(
            guides.clone(),
            profile,
        ))),
        status.clone(),
        Rc::new(RefCell::new(offices::Offices::new(guides.clone()))),
        Rc::new(RefCell::new(feedback::Feedback::new(
            guides.clone(),
            profile,
        ))),
        Rc::new(RefCell::new(language::Language)),
        settings.clone(),
    ];
    Registry {
        controllers,
        guides,
        status,
        settings,
        vertical,
    }
}
