//! Application status: the application number (`status`), the applicant's mobile number that
//! verifies it (`status-mobile`), and the answer as a page with a timeline
//! (`status-result`). On a household box the person may ask it to remember the application:
//! the service then asks after it now and then, and Home shows a badge when it moves on.
//!
//! Item ids: `number`, `continue`, `saved`, `forget-saved`; `mobile`, `look-up`;
//! `key-0` … `key-9`, `key-delete` (the keypad); on the answer `headline`, `supplement`,
//! `deadlines`, `stages`, `decision`, `appeal`, `remember`, `forget`, `another`.
//!
//! What the person typed and what the backend answered are session state: Back from the answer
//! forgets the answer, and [`Controller::reset`] forgets everything but a remembered
//! application (which the person keeps until they forget it).

mod answer;

use std::rc::Rc;

use chrono::{NaiveDate, Utc};
use legal_kiosk_api::{ApplicationNumber, InputError, MobileNumber};
use legal_kiosk_core::application::{Progress, SavedApplication};
use legal_kiosk_core::focus::{Direction, Rect};
use legal_kiosk_core::rest::ErrorCode;
use legal_kiosk_core::service::{Answer, Command, Event, Looked, LookupFailed};
use slint::{ComponentHandle, Model, ModelRc, VecModel};

use super::columns::{Columns, VerticalWorker};
use super::entry::{Digits, KeypadKey, grouped, mobile_reason};
use super::page::{self, PageView, SectionPage};
use super::{Controller, Ctx, ViewEntry};
use crate::inbox::Message;
use crate::ui::{StatusAction, StatusAdapter, StatusSection, TextColumn, View};

/// Application numbers are 10 to 20 digits (`ApplicationNumber::parse`).
const NUMBER_DIGITS: usize = 20;
/// A mainland mobile number (`MobileNumber::parse`).
const MOBILE_DIGITS: usize = 11;

/// Where the lookup stands.
#[derive(Debug, Default)]
enum Lookup {
    #[default]
    Idle,
    /// Asked for this number and mobile number (only the answer naming both is taken);
    /// `saved`: for the remembered application.
    Asking {
        number: ApplicationNumber,
        mobile: MobileNumber,
        saved: bool,
    },
    Failed(LookupFailed),
    /// The answer, for the mobile number it was verified with.
    Got {
        looked: Box<Looked>,
        mobile: MobileNumber,
    },
}

/// Where remembering the application on the screen stands.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Remember {
    #[default]
    Offered,
    /// OK once: what is kept, why and for how long is shown; OK again saves.
    Asked,
    /// Saved on this visit: the page says so.
    Done,
    Failed,
}

/// A section of the answer set in vertical Mongolian: its columns and the images drawn last.
struct Block {
    id: String,
    columns: Columns,
    images: Vec<TextColumn>,
}

pub struct Status {
    vertical: Rc<VerticalWorker>,
    /// The answer's sections in vertical columns (mn and bilingual modes).
    blocks: Vec<Block>,
    /// This device may remember an application (a household box; a tablet by config).
    remembers: bool,
    number: Digits,
    /// Why the number cannot be used (message id), or that a digit was refused.
    number_error: Option<&'static str>,
    mobile: Digits,
    mobile_error: Option<&'static str>,
    lookup: Lookup,
    saved: Option<SavedApplication>,
    remember: Remember,
    /// The remembered application was just forgotten: the number step says so.
    forgotten: bool,
    page: SectionPage,
    /// The day days are counted from, when set ([`Status::set_today`]); otherwise today in
    /// Beijing time, where the offices are.
    today: Option<NaiveDate>,
}

fn beijing_today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(8)).date_naive()
}

impl Status {
    /// Long Mongolian text is drawn by `vertical`. The device remembers no application until
    /// [`Status::set_remembers`] says it may.
    pub fn new(vertical: Rc<VerticalWorker>) -> Status {
        Status {
            vertical,
            blocks: Vec::new(),
            remembers: false,
            number: Digits::new(NUMBER_DIGITS),
            number_error: None,
            mobile: Digits::new(MOBILE_DIGITS),
            mobile_error: None,
            lookup: Lookup::Idle,
            saved: None,
            remember: Remember::Offered,
            forgotten: false,
            page: SectionPage::default(),
            today: None,
        }
    }

    /// Counts days left and overdue from `day` instead of today (tests and pictures that must
    /// not change with the date).
    pub fn set_today(&mut self, day: NaiveDate) {
        self.today = Some(day);
    }

    /// The device may (or may not) remember an application: set once the service is known.
    pub fn set_remembers(&mut self, remembers: bool) {
        self.remembers = remembers;
    }

    fn entry(&mut self, view: View) -> Option<&mut Digits> {
        match view {
            View::Status => Some(&mut self.number),
            View::StatusMobile => Some(&mut self.mobile),
            _ => None,
        }
    }

    /// A digit or delete for the entry of `view`: a new entry clears what was said about the
    /// last lookup.
    fn key(&mut self, view: View, key: KeypadKey) -> bool {
        // While a lookup is out, what it asked stays as it was sent.
        if matches!(self.lookup, Lookup::Asking { .. }) {
            return false;
        }
        let Some(entry) = self.entry(view) else {
            return false;
        };
        let taken = entry.key(key);
        match view {
            View::Status => {
                self.number_error = (!taken).then_some("status-number-error-long");
            }
            _ => self.mobile_error = (!taken).then_some("mobile-error-full"),
        }
        self.forgotten = false;
        self.lookup = Lookup::Idle;
        true
    }

    fn number_done(&mut self, ctx: &mut Ctx) {
        match ApplicationNumber::parse(self.number.as_str()) {
            Ok(_) => {
                self.number_error = None;
                ctx.open(View::StatusMobile);
            }
            Err(InputError::Empty) => self.number_error = Some("status-number-error-empty"),
            Err(_) => self.number_error = Some("status-number-error-short"),
        }
    }

    fn mobile_done(&mut self, ctx: &mut Ctx) {
        let number = ApplicationNumber::parse(self.number.as_str());
        match (number, MobileNumber::parse(self.mobile.as_str())) {
            (Ok(number), Ok(mobile)) => {
                self.mobile_error = None;
                self.ask(ctx, number, mobile, false);
            }
            (_, Err(e)) => self.mobile_error = Some(mobile_reason(self.mobile.as_str(), e)),
            // The number was checked on the step before; changed since only by a reset.
            (Err(_), Ok(_)) => ctx.back_to(View::Status),
        }
    }

    fn ask(&mut self, ctx: &mut Ctx, number: ApplicationNumber, mobile: MobileNumber, saved: bool) {
        if matches!(self.lookup, Lookup::Asking { .. }) {
            return;
        }
        self.lookup = Lookup::Asking {
            number: number.clone(),
            mobile: mobile.clone(),
            saved,
        };
        ctx.send(Command::Lookup { number, mobile });
    }

    /// Why there is no answer, in the display mode.
    fn failure(ctx: &Ctx, failed: &LookupFailed) -> String {
        match failed.code {
            ErrorCode::WrongVerification | ErrorCode::NotFound => {
                ctx.text("status-error-no-match", &[])
            }
            ErrorCode::TooManyAttempts => {
                // Whole minutes, rounded up: "wait 0 minutes" would be wrong.
                let minutes = failed
                    .retry_after
                    .map_or(15, |d| d.as_secs().div_ceil(60).max(1));
                ctx.text(
                    "status-error-too-many",
                    &[("minutes", &minutes.to_string())],
                )
            }
            ErrorCode::Offline => ctx.text("status-error-offline", &[]),
            ErrorCode::ServerBusy => ctx.text("status-error-busy", &[]),
            _ => ctx.text("status-error-other", &[]),
        }
    }

    fn action(id: &str, label: String, detail: String) -> StatusAction {
        StatusAction {
            id: id.into(),
            label: label.into(),
            detail: detail.into(),
        }
    }

    fn show_number(&self, ctx: &Ctx) {
        let a = ctx.window.global::<StatusAdapter>();
        a.set_title(ctx.text("view-status", &[]).into());
        a.set_entry(true);
        a.set_entry_id("number".into());
        a.set_intro(ctx.text("status-number-intro", &[]).into());
        a.set_entry_label(ctx.text("status-number-label", &[]).into());
        a.set_entry_value(self.number.as_str().into());
        a.set_entry_empty(ctx.text("status-number-empty", &[]).into());
        a.set_entry_error(
            self.number_error
                .map(|id| ctx.text(id, &[("count", &self.number.len().to_string())]))
                .unwrap_or_default()
                .into(),
        );
        let mut actions = vec![Self::action(
            "continue",
            ctx.text("status-continue", &[]),
            String::new(),
        )];
        if let Some(saved) = self.saved.as_ref().filter(|_| self.remembers) {
            let number = saved.number.as_str();
            let detail = if saved.refused {
                ctx.text("status-saved-refused", &[("number", number)])
            } else if saved.changed {
                ctx.text("status-saved-news", &[("number", number)])
            } else {
                ctx.text(
                    "status-saved-detail",
                    &[("number", number), ("mobile", &saved.mobile.masked())],
                )
            };
            let label = if saved.changed {
                "status-saved-with-news"
            } else {
                "status-saved"
            };
            actions.push(Self::action("saved", ctx.text(label, &[]), detail));
            actions.push(Self::action(
                "forget-saved",
                ctx.text("status-forget-saved", &[]),
                ctx.text("status-forget-saved-detail", &[]),
            ));
        }
        a.set_actions(ModelRc::new(VecModel::from(actions)));
        a.set_message(self.message(ctx, true).into());
    }

    /// What the lookup says below the entry: asking, or why there is no answer. `saved`: on the
    /// number step, where only the remembered application is looked up.
    fn message(&self, ctx: &Ctx, saved_only: bool) -> String {
        if saved_only && self.forgotten {
            return ctx.text("status-forgotten", &[]);
        }
        match &self.lookup {
            Lookup::Asking { saved, .. } if *saved == saved_only => ctx.text("status-asking", &[]),
            Lookup::Failed(f) => Self::failure(ctx, f),
            _ => String::new(),
        }
    }

    fn show_mobile(&self, ctx: &Ctx) {
        let a = ctx.window.global::<StatusAdapter>();
        a.set_title(ctx.text("view-status-mobile", &[]).into());
        a.set_entry(true);
        a.set_entry_id("mobile".into());
        a.set_intro(
            ctx.text("status-mobile-intro", &[("number", self.number.as_str())])
                .into(),
        );
        a.set_entry_label(ctx.text("status-mobile-label", &[]).into());
        a.set_entry_value(grouped(self.mobile.as_str()).into());
        a.set_entry_empty(ctx.text("mobile-empty", &[]).into());
        a.set_entry_error(
            self.mobile_error
                .map(|id| ctx.text(id, &[("count", &self.mobile.len().to_string())]))
                .unwrap_or_default()
                .into(),
        );
        a.set_actions(ModelRc::new(VecModel::from(vec![Self::action(
            "look-up",
            ctx.text("status-look-up", &[]),
            String::new(),
        )])));
        a.set_message(self.message(ctx, false).into());
    }

    /// Empties the answer's part of the adapter: nothing about a person stays in the UI once
    /// the person has left the answer.
    fn clear_result(ctx: &Ctx) {
        let a = ctx.window.global::<StatusAdapter>();
        a.set_headline(Default::default());
        a.set_demo(Default::default());
        a.set_before(ModelRc::default());
        a.set_stages(ModelRc::default());
        a.set_after(ModelRc::default());
    }

    fn show_result(&mut self, ctx: &Ctx) {
        let a = ctx.window.global::<StatusAdapter>();
        a.set_title(ctx.text("view-status-result", &[]).into());
        a.set_entry(false);
        let Lookup::Got { looked, mobile } = &self.lookup else {
            // Nothing to show (the answer was forgotten): an empty page, never an old one.
            Self::clear_result(ctx);
            a.set_actions(ModelRc::default());
            return;
        };
        let mut page = answer::page(
            ctx,
            &looked.status,
            mobile,
            self.today.unwrap_or_else(beijing_today),
        );
        for s in page.before.iter_mut().chain(page.after.iter_mut()) {
            Self::with_columns(&mut self.blocks, &self.vertical, s);
        }
        a.set_headline(page.headline.into());
        a.set_demo(page.demo.into());
        a.set_before(ModelRc::new(VecModel::from(page.before)));
        a.set_stages_heading(page.stages_heading.into());
        a.set_stages(ModelRc::new(VecModel::from(page.stages)));
        a.set_after(ModelRc::new(VecModel::from(page.after)));
        let mut actions = Vec::new();
        if self.remembers {
            let this_saved = self
                .saved
                .as_ref()
                .is_some_and(|s| s.number == looked.status.number);
            actions.push(match (this_saved, self.remember) {
                (true, _) => Self::action(
                    "forget",
                    ctx.text("status-forget", &[]),
                    ctx.text("status-remembered", &[]),
                ),
                (false, Remember::Asked) => Self::action(
                    "remember",
                    ctx.text("status-remember-confirm", &[]),
                    String::new(),
                ),
                (false, _) => Self::action(
                    "remember",
                    ctx.text("status-remember", &[]),
                    ctx.text("status-remember-detail", &[]),
                ),
            });
            // Said in full above the actions, where it cannot be cut short: what is kept and
            // why before the second OK; that it is kept, or why not, after.
            let said = match (this_saved, self.remember) {
                (false, _) if self.forgotten => "status-forgotten",
                (false, Remember::Asked) => "status-remember-consent",
                (true, Remember::Done) => "status-remembered-now",
                (false, Remember::Failed) => "status-remember-failed",
                _ => "",
            };
            a.set_message(if said.is_empty() {
                Default::default()
            } else {
                ctx.text(said, &[]).into()
            });
        } else {
            a.set_message(Default::default());
        }
        actions.push(Self::action(
            "another",
            ctx.text("status-another", &[]),
            String::new(),
        ));
        a.set_actions(ModelRc::new(VecModel::from(actions)));
        a.set_scroll_y(self.page.offset());
        a.set_page_extent(self.page.extent());
    }

    /// A vertical section gets its columns: the ones drawn, or none yet (they are asked for
    /// once the section is placed) when its text is new.
    fn with_columns(
        blocks: &mut Vec<Block>,
        vertical: &Rc<VerticalWorker>,
        section: &mut StatusSection,
    ) {
        if !section.vertical {
            return;
        }
        let i = match blocks.iter().position(|b| b.id == section.id.as_str()) {
            Some(i) => i,
            None => {
                blocks.push(Block {
                    id: section.id.to_string(),
                    columns: Columns::new(vertical.clone()),
                    images: Vec::new(),
                });
                blocks.len() - 1
            }
        };
        let block = &mut blocks[i];
        if !block.columns.shows(section.body_mn.as_str()) {
            block.columns.reset();
            block.columns.set_text(section.body_mn.as_str());
            block.images.clear();
        }
        section.columns = ModelRc::new(VecModel::from(block.images.clone()));
        section.scroll_x = block.columns.offset();
    }

    /// Puts block `i`'s columns and scroll into its row of the answer.
    fn block_to_model(&self, ctx: &Ctx, i: usize) {
        let Some(block) = self.blocks.get(i) else {
            return;
        };
        let a = ctx.window.global::<StatusAdapter>();
        for model in [a.get_before(), a.get_after()] {
            for row in 0..model.row_count() {
                if let Some(mut s) = model.row_data(row).filter(|s| s.id == block.id.as_str()) {
                    s.columns = ModelRc::new(VecModel::from(block.images.clone()));
                    s.scroll_x = block.columns.offset();
                    model.set_row_data(row, s);
                }
            }
        }
    }

    fn block(&self, id: &str) -> Option<usize> {
        self.blocks.iter().position(|b| b.id == id)
    }

    fn remember(&mut self, ctx: &mut Ctx) {
        let Lookup::Got { looked, mobile } = &self.lookup else {
            return;
        };
        if self.remember != Remember::Asked {
            self.remember = Remember::Asked;
            self.forgotten = false;
            return;
        }
        let saved = SavedApplication {
            number: looked.status.number.clone(),
            mobile: mobile.clone(),
            service: looked.status.service.clone(),
            etag: looked.etag.clone(),
            progress: Progress::of(&looked.status),
            changed: false,
            refused: false,
        };
        ctx.send(Command::Remember(Box::new(saved)));
    }
}

impl PageView for Status {
    fn page(&mut self) -> &mut SectionPage {
        &mut self.page
    }

    fn page_ref(&self) -> &SectionPage {
        &self.page
    }

    fn has_page(&self, view: View) -> bool {
        view == View::StatusResult
    }

    fn put_offset(&self, ctx: &Ctx, offset: f32) {
        ctx.window.global::<StatusAdapter>().set_scroll_y(offset);
    }

    fn put_extent(&self, ctx: &Ctx, extent: f32) {
        ctx.window.global::<StatusAdapter>().set_page_extent(extent);
    }
}

impl Controller for Status {
    fn views(&self) -> &'static [ViewEntry] {
        &[
            ViewEntry {
                view: View::Status,
                name: "status",
                home_tile: true,
            },
            ViewEntry {
                view: View::StatusMobile,
                name: "status-mobile",
                home_tile: false,
            },
            ViewEntry {
                view: View::StatusResult,
                name: "status-result",
                home_tile: false,
            },
        ]
    }

    /// Each step opens on its entry: digits typed at once go in, not to Back. The remembered
    /// application, when there is one, is offered first on the number step.
    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            View::Status if self.remembers && self.saved.is_some() => ctx.prefer(view, "saved"),
            View::Status => ctx.prefer(view, "number"),
            View::StatusMobile => ctx.prefer(view, "mobile"),
            View::StatusResult => {
                self.page.reset();
                self.remember = Remember::Offered;
                ctx.prefer(view, "headline");
            }
            _ => {}
        }
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            View::Status => self.show_number(ctx),
            View::StatusMobile => self.show_mobile(ctx),
            View::StatusResult => self.show_result(ctx),
            _ => {}
        }
    }

    /// Digits anywhere on an entry step go into its entry, but not with Back focused: that is
    /// not part of the step.
    fn digit(&mut self, ctx: &mut Ctx, view: View, item: &str, digit: u8) {
        if item != "back" && self.key(view, KeypadKey::Digit(digit)) {
            self.show(ctx, view);
        }
    }

    fn delete(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        if item != "back" && self.key(view, KeypadKey::Delete) {
            self.show(ctx, view);
        }
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        if let Some(key) = KeypadKey::of(item) {
            if self.key(view, key) {
                self.show(ctx, view);
            }
            return;
        }
        match (view, item) {
            (View::Status, "number" | "continue") => self.number_done(ctx),
            (View::Status, "saved") => {
                if let Some(saved) = self.saved.clone() {
                    self.ask(ctx, saved.number, saved.mobile, true);
                }
            }
            (View::Status, "forget-saved") | (View::StatusResult, "forget") => {
                ctx.send(Command::ForgetSaved);
            }
            (View::StatusMobile, "mobile" | "look-up") => self.mobile_done(ctx),
            (View::StatusResult, "remember") => self.remember(ctx),
            (View::StatusResult, "another") => {
                self.number.clear();
                self.mobile.clear();
                self.lookup = Lookup::Idle;
                ctx.back_to(View::Status);
                ctx.prefer(View::Status, "number");
            }
            _ => return,
        }
        ctx.refresh();
    }

    fn scroll(&mut self, ctx: &mut Ctx, view: View, dir: Direction) -> bool {
        // Left and Right scroll a section in vertical columns when one is focused.
        if view == View::StatusResult
            && matches!(dir, Direction::Left | Direction::Right)
            && let Some((item, _)) = ctx.focused.clone()
        {
            let Some(i) = self.block(&item) else {
                return false;
            };
            let moved = self.blocks[i].columns.step(dir == Direction::Right);
            if moved {
                self.block_to_model(ctx, i);
            }
            return moved;
        }
        page::scroll(self, ctx, view, dir)
    }

    fn key_pressed(&mut self) {
        self.page.key_pressed();
        for b in &mut self.blocks {
            b.columns.key_pressed();
        }
    }

    fn placed(&mut self, ctx: &mut Ctx, view: View, item: &str, rect: Rect, _focused: bool) {
        page::placed(self, ctx, view, item, rect);
    }

    fn page_placed(&mut self, ctx: &mut Ctx, view: View, id: &str, rect: Rect) {
        if view != View::StatusResult {
            return;
        }
        if let Some(i) = self.block(id) {
            self.blocks[i].columns.page_placed(ctx.window, rect);
        } else if id == page::PAGE {
            page::page_placed(self, ctx, view, rect);
        }
    }

    fn page_scrolled(&mut self, ctx: &mut Ctx, view: View, id: &str, offset: f32) {
        if view != View::StatusResult {
            return;
        }
        if let Some(i) = self.block(id) {
            self.blocks[i].columns.finger_moved(offset);
            self.block_to_model(ctx, i);
        } else if id == page::PAGE {
            page::page_scrolled(self, ctx, view, offset);
        }
    }

    fn focus_moved(&mut self, ctx: &mut Ctx, view: View, item: &str, rect: Rect) {
        // The consent asked for is withdrawn when the person moves on without a second OK.
        if view == View::StatusResult && item != "remember" && self.remember == Remember::Asked {
            self.remember = Remember::Offered;
            ctx.refresh();
        }
        page::focus_moved(self, ctx, view, item, rect);
    }

    fn ring(&self, view: View, item: &str, rect: Rect) -> Rect {
        page::ring(self, view, item, rect)
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        if let Message::Columns { request, result } = message {
            for i in 0..self.blocks.len() {
                if let Some(images) = self.blocks[i].columns.receive(*request, result) {
                    self.blocks[i].images = images;
                    self.block_to_model(ctx, i);
                }
            }
            return;
        }
        let Message::Service(event) = message else {
            return;
        };
        match event {
            Event::Answered {
                answer:
                    Answer::Application {
                        number,
                        mobile,
                        result,
                    },
                ..
            } => {
                // Only the answer to what is being asked now.
                let asked = matches!(&self.lookup,
                    Lookup::Asking { number: n, mobile: m, .. } if n == number && m == mobile);
                if !asked {
                    return;
                }
                match result {
                    Ok(looked) => {
                        let mobile = mobile.clone();
                        // Looking at the remembered application is seeing its news.
                        if self
                            .saved
                            .as_ref()
                            .is_some_and(|s| s.number == looked.status.number && s.changed)
                        {
                            ctx.send(Command::SeenSaved);
                        }
                        self.lookup = Lookup::Got {
                            looked: looked.clone(),
                            mobile,
                        };
                        // The answer holds the mobile number now; the entry does not keep it
                        // for whoever presses Back.
                        self.mobile.clear();
                        ctx.open(View::StatusResult);
                    }
                    Err(failed) => {
                        self.lookup = Lookup::Failed(*failed);
                        ctx.refresh();
                    }
                }
            }
            Event::Answered {
                answer: Answer::SavedApplication(Err(e)),
                ..
            } => {
                eprintln!("legal-kiosk: the remembered application: {e}");
                if self.remember == Remember::Asked {
                    self.remember = Remember::Failed;
                }
                ctx.refresh();
            }
            Event::Saved { saved, moved } => {
                let was = self.saved.take();
                self.saved = saved.as_deref().cloned();
                match (&was, &self.saved) {
                    // Kept: "remember" becomes "forget", and the focus follows it.
                    (_, Some(_)) if self.remember == Remember::Asked => {
                        self.remember = Remember::Done;
                        self.forgotten = false;
                        ctx.forget(View::StatusResult, "remember");
                        ctx.prefer(View::StatusResult, "forget");
                    }
                    (_, Some(_)) => self.forgotten = false,
                    // Forgotten: its tiles are gone, and the focus goes to what replaced them.
                    (Some(_), None) => {
                        ctx.forget(View::Status, "saved");
                        ctx.forget(View::Status, "forget-saved");
                        ctx.prefer(View::Status, "number");
                        ctx.forget(View::StatusResult, "forget");
                        ctx.prefer(View::StatusResult, "remember");
                        self.remember = Remember::Offered;
                        self.forgotten = true;
                    }
                    _ => {}
                }
                if *moved {
                    ctx.notice("status-news-title", "status-news");
                }
                ctx.refresh();
            }
            Event::Ready if self.remembers => ctx.send(Command::Saved),
            _ => {}
        }
    }

    fn leave(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            // Nothing about a person stays on screen once the person has left the answer.
            View::StatusResult => {
                Self::clear_result(ctx);
                self.blocks.clear();
                self.lookup = Lookup::Idle;
                self.remember = Remember::Offered;
                self.page.reset();
            }
            // Back to Home: the number typed goes (the next visit starts empty), and a lookup
            // of the remembered application still out will not open its answer over Home.
            View::Status => {
                self.number.clear();
                self.number_error = None;
                self.lookup = Lookup::Idle;
            }
            // Back from the mobile number: it goes, and so does what was said about it.
            View::StatusMobile => {
                self.mobile.clear();
                self.mobile_error = None;
                self.lookup = Lookup::Idle;
            }
            _ => {}
        }
    }

    fn reset(&mut self) {
        let mut fresh = Status::new(self.vertical.clone());
        fresh.remembers = self.remembers;
        fresh.today = self.today;
        fresh.saved = self.saved.take();
        *self = fresh;
    }

    fn pending(&self) -> Vec<String> {
        let mut out = Vec::new();
        if matches!(self.lookup, Lookup::Asking { .. }) {
            out.push("the application's status".to_owned());
        }
        if self.blocks.iter().any(|b| b.columns.busy()) {
            out.push("vertical columns of the application's status".to_owned());
        }
        out
    }
}
