//! 12348 callback booking: one controller for the steps (topic, the lawyer's language, a slot,
//! the mobile number, consent, checking the answers, the confirmation) and the device's
//! bookings. One view per step, so Back returns to the step before; the draft lives here until
//! the booking is committed to the service's outbox, then it is forgotten.
//!
//! Item ids: `topic-<category>`, `topic-other`, `my-bookings` (topic); `lang-mn`, `lang-zh`;
//! `asap`, `day-<YYYYMMDD>`, `slot-<slot id>`; `mobile`, `key-0` … `key-9`, `key-delete`,
//! `continue`; `agree`, `decline`; `change-topic`, `change-lawyer`, `change-slot`,
//! `change-mobile`, `confirm`; `home`, `new-slot`; `booking-<outbox id>`.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use legal_kiosk_api::{CallbackRequest, CallbackSlot, CategoryId, GuideId, Lang, MobileNumber};
use legal_kiosk_core::Profile;
use legal_kiosk_core::booking::{BookingId, BookingState, Sent, StoredBooking};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::rest::ErrorCode;
use legal_kiosk_core::service::{Answer, Command, Event, Saved, SlotAnswer};

mod bookings;
mod steps;

use super::entry::{KeypadKey, mobile_reason};
use super::guides::Guides;
use super::screen::{Screen, day_label, grouped_reference, hours};
use super::{Controller, Ctx, ViewEntry};
use crate::inbox::Message;
use crate::ui::View;

/// A mainland mobile number has 11 digits; more are ignored, not wrapped.
const MOBILE_DIGITS: usize = 11;
/// Days of slots shown (the backend offers about a working week).
const MAX_DAYS: usize = 5;
/// The hotline a person dials when no callback can be booked.
pub const HOTLINE: &str = "12348";
/// How many times the hotline tries to reach the person in their slot (said on the
/// confirmation; the hotline's practice, set by the bureau that runs it).
pub const CALL_TRIES: u32 = 3;
/// The answers "check your answers" lists (topic, language, slot, mobile).
const REVIEW_LINES: usize = 4;
/// Bookings on a page of "my bookings", newest first, with tiles to older and newer pages: each
/// takes two lines; Mongolian lines are taller (a page holds two), and four lines in bilingual
/// mode (a page holds one).
const BOOKINGS_SHOWN: usize = 3;
const BOOKINGS_SHOWN_MONGOLIAN: usize = 2;
const BOOKINGS_SHOWN_BILINGUAL: usize = 1;

/// What the question is about.
#[derive(Debug, Clone, PartialEq)]
enum Topic {
    /// A guide category (the device's content), sent as a note the lawyer reads.
    Category(CategoryId),
    /// The guide the person came from (the request's `topic`).
    Guide(GuideId),
    Other,
    /// As an earlier booking had it (a new slot for it): its guide and its note, unchanged.
    Kept {
        topic: Option<GuideId>,
        note: Option<String>,
    },
}

/// The booking being put together.
#[derive(Debug, Clone, Default)]
struct Draft {
    topic: Option<Topic>,
    lang: Option<Lang>,
    slot: Option<CallbackSlot>,
    /// Digits typed so far.
    mobile: String,
    /// The booking this one replaces (a new slot for it).
    replaces: Option<BookingId>,
    /// Its reference, when it is booked: the backend moves it in one transaction.
    replaces_reference: Option<legal_kiosk_api::Reference>,
}

/// The slots for the draft's language, as the service answered.
#[derive(Debug, Clone, Default)]
enum Slots {
    #[default]
    NotAsked,
    Asking,
    Got(SlotAnswer),
    Failed(ErrorCode),
}

/// The booking just confirmed.
#[derive(Debug, Clone)]
enum Outcome {
    /// Sent to the outbox, not yet committed.
    Saving,
    Saved(Saved),
    Booked(Box<legal_kiosk_api::CallbackReceipt>),
    Refused(ErrorCode),
    /// It could not be saved: nothing was promised; the person is told to dial 12348.
    NotSaved,
}

/// The controller of the booking steps and of "my bookings" (see the module's doc for the
/// item ids). The draft is forgotten once its booking is saved; a kiosk's reset forgets all.
pub struct Callback {
    /// The content (categories and guide titles) and the device's region.
    guides: Rc<RefCell<Guides>>,
    profile: Profile,
    draft: Draft,
    slots: Slots,
    /// The day whose slots are listed (`day-…` tiles choose it).
    day: Option<NaiveDate>,
    /// Why the mobile number cannot be used (a message id), once the person tried to go on.
    mobile_error: Option<&'static str>,
    /// A step reached from "check your answers" goes back there once answered.
    editing: bool,
    /// The slot chosen was dropped because the lawyer's language changed: the slot step says so.
    slot_dropped: bool,
    /// The last confirmed booking: its request (for a new slot) and how it went.
    outcome: Option<(CallbackRequest, Outcome)>,
    /// The outbox's bookings, as last read.
    bookings: Option<Result<Vec<StoredBooking>, String>>,
    /// The booking chosen on "my bookings" (its options are shown).
    selected: Option<BookingId>,
    /// What came of the last cancellation asked for on "my bookings".
    cancelled: Option<Result<(), ErrorCode>>,
    /// The page of "my bookings" shown (0: the newest).
    page: usize,
    /// The chosen booking's cancel was pressed once: a second OK cancels.
    cancel_asked: bool,
    /// The view on screen and its choices' item ids: the ones that go (another day, a page
    /// turned, a booking chosen or removed) are forgotten by the focus engine.
    shown: super::ShownItems,
    /// The outbox's id of the booking just saved.
    last_saved: Option<BookingId>,
    /// The person declined consent: the confirmation says nothing was sent.
    declined: bool,
    /// `Event::Booking`s that arrived before the answer saying the booking was saved (the send
    /// can outrun it): applied when that answer comes.
    early: Vec<(BookingId, Sent)>,
    /// The booking just saved was tried once and waits (offline, a quota): the confirmation
    /// is final as it is.
    tried: bool,
    /// The backend answers health checks: a saved booking is about to be sent.
    online: bool,
    /// Asking the outbox at start whether a booking needs a new slot (the next visit after a
    /// slot filled up while the booking waited).
    checking_start: bool,
}

impl Callback {
    /// `guides` gives the content (categories, guide titles), the device's region and where QR
    /// codes point; `profile` decides whether bookings are listed (not on a kiosk).
    pub fn new(guides: Rc<RefCell<Guides>>, profile: Profile) -> Callback {
        Callback {
            guides,
            profile,
            draft: Draft::default(),
            slots: Slots::NotAsked,
            day: None,
            mobile_error: None,
            editing: false,
            slot_dropped: false,
            outcome: None,
            bookings: None,
            selected: None,
            cancelled: None,
            page: 0,
            cancel_asked: false,
            shown: super::ShownItems::default(),
            last_saved: None,
            declined: false,
            early: Vec::new(),
            tried: false,
            online: false,
            checking_start: false,
        }
    }

    /// A kiosk keeps nothing after the session: no list of bookings there.
    fn keeps_bookings(&self) -> bool {
        self.profile != Profile::Kiosk
    }

    /// Goes on from a step: to `next`, or back to "check your answers" when the person came
    /// from there to change this.
    fn go_on(&mut self, ctx: &mut Ctx, next: View) {
        if self.editing && next != View::CallbackSlot {
            ctx.back_to(View::CallbackReview);
        } else {
            ctx.open(next);
        }
    }

    fn lang(&self, ctx: &Ctx) -> Lang {
        self.draft.lang.unwrap_or(match ctx.mode {
            DisplayMode::Zh => Lang::Zh,
            _ => Lang::Mn,
        })
    }

    fn ask_slots(&mut self, ctx: &mut Ctx) {
        let region = self.guides.borrow().region();
        let Some(region) = region else {
            self.slots = Slots::Failed(ErrorCode::NotFound);
            return;
        };
        self.slots = Slots::Asking;
        ctx.send(Command::Slots {
            region,
            lang: self.lang(ctx),
        });
    }

    /// The request the draft makes, or the step that is still missing.
    fn request(&self, ctx: &Ctx) -> Result<CallbackRequest, View> {
        let topic = self.draft.topic.as_ref().ok_or(View::Callback)?;
        let slot = self.draft.slot.as_ref().ok_or(View::CallbackSlot)?;
        let mobile = MobileNumber::parse(&self.draft.mobile).map_err(|_| View::CallbackMobile)?;
        let (topic, note) = match topic {
            Topic::Guide(id) => (Some(id.clone()), None),
            Topic::Kept { topic, note } => (topic.clone(), note.clone()),
            // The lawyer reads the category ("other" too) in Chinese, the hotline's working
            // language.
            Topic::Category(_) | Topic::Other => {
                let zh = Ctx::new(ctx.window, ctx.catalog, DisplayMode::Zh);
                let label = self.topic_label(&zh, topic);
                (
                    None,
                    Some(format!("{}{label}", zh.text("callback-note-category", &[]))),
                )
            }
        };
        Ok(CallbackRequest {
            slot: slot.id.clone(),
            mobile,
            name: None,
            lang: slot.lang,
            topic,
            note,
            replaces: self.draft.replaces_reference.clone(),
        })
    }

    /// How sending the booking just saved went.
    fn apply(&mut self, sent: &Sent) {
        if let Some((_, outcome)) = &mut self.outcome {
            match sent {
                Sent::Booked(receipt) => *outcome = Outcome::Booked(receipt.clone()),
                Sent::Refused(code) => *outcome = Outcome::Refused(*code),
                // It waits in the outbox: the confirmation says so and is final as it is.
                Sent::Later { .. } => self.tried = true,
            }
        }
    }

    /// The focus engine forgets the choices of `view` that `screen` no longer has (it would
    /// keep their last places, and the ring could land on a tile that is gone). True when some
    /// went.
    fn forget_gone(&mut self, ctx: &mut Ctx, view: View, screen: &Screen) -> bool {
        let now = screen.choices.iter().map(|c| c.id.to_string()).collect();
        self.shown.update(ctx, view, now)
    }

    /// Forgets the flow of an earlier booking (a new one starts from Home or a guide).
    fn start_afresh(&mut self) {
        self.draft = Draft::default();
        self.editing = false;
        self.slot_dropped = false;
        self.mobile_error = None;
        self.declined = false;
    }

    /// One more digit; a twelfth is refused, and the screen says so.
    fn mobile_digit(&mut self, digit: u8) {
        self.mobile_error = None;
        if digit <= 9 && self.draft.mobile.len() < MOBILE_DIGITS {
            self.draft.mobile.push(char::from(b'0' + digit));
        } else {
            self.mobile_error = Some("mobile-error-full");
        }
    }

    fn mobile_delete(&mut self) {
        self.draft.mobile.pop();
        self.mobile_error = None;
    }

    /// The number is checked when the person goes on: the reason it cannot be used, or on.
    fn mobile_done(&mut self, ctx: &mut Ctx) {
        match MobileNumber::parse(&self.draft.mobile) {
            Ok(_) => {
                self.mobile_error = None;
                self.go_on(ctx, View::CallbackConsent);
            }
            Err(e) => self.mobile_error = Some(mobile_reason(&self.draft.mobile, e)),
        }
    }

    fn confirm(&mut self, ctx: &mut Ctx) {
        match self.request(ctx) {
            Ok(request) => {
                // A new slot for an earlier booking: the service cancels that one once this one
                // is booked, not before.
                ctx.send(Command::Book {
                    request: Box::new(request.clone()),
                    slot: self.draft.slot.clone().map(Box::new),
                    replaces: self.draft.replaces,
                });
                self.tried = false;
                self.declined = false;
                self.early.clear();
                self.outcome = Some((request, Outcome::Saving));
                // The booking is made: Back from the confirmation goes Home, not into a form
                // that would book it again.
                ctx.replace(View::CallbackDone);
            }
            // A step was skipped (a screenshot opened the review directly): go and fill it.
            Err(step) => {
                self.editing = true;
                ctx.open(step);
            }
        }
    }
}

/// The steps, in order, and the device's bookings; only the first has a Home tile.
const VIEWS: &[ViewEntry] = &[
    ViewEntry {
        view: View::Callback,
        name: "callback",
        home_tile: true,
    },
    ViewEntry::step(View::CallbackLawyer, "callback-lawyer"),
    ViewEntry::step(View::CallbackSlot, "callback-slot"),
    ViewEntry::step(View::CallbackMobile, "callback-mobile"),
    ViewEntry::step(View::CallbackConsent, "callback-consent"),
    ViewEntry::step(View::CallbackReview, "callback-review"),
    ViewEntry::step(View::CallbackDone, "callback-done"),
    ViewEntry::step(View::Bookings, "bookings"),
];

impl Controller for Callback {
    fn views(&self) -> &'static [ViewEntry] {
        VIEWS
    }

    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            // A new booking from Home starts afresh; a change from the review keeps the rest.
            View::Callback if !self.editing => {
                self.start_afresh();
                self.prefer_first_topic(ctx);
            }
            View::CallbackLawyer => {
                let lang = self.lang(ctx);
                ctx.prefer(view, &format!("lang-{}", lang.as_str()));
            }
            View::CallbackSlot => {
                self.day = None;
                self.ask_slots(ctx);
                ctx.prefer(view, "asap");
            }
            View::CallbackMobile => ctx.prefer(view, "mobile"),
            View::CallbackConsent => ctx.prefer(view, "agree"),
            View::CallbackReview => ctx.prefer(view, "confirm"),
            // A second OK must not leave the reference unread: the focus starts on the large
            // digits (the reference, or 12348), where OK does nothing.
            View::CallbackDone => ctx.prefer(view, "big"),
            View::Bookings => {
                self.bookings = None;
                // This list's answer is the list's, not the start-up check's.
                self.checking_start = false;
                ctx.send(Command::Bookings);
            }
            _ => {}
        }
    }

    /// From a guide: the topic is that guide; the booking starts at the lawyer's language.
    fn enter_with(&mut self, ctx: &mut Ctx, view: View, context: &str) {
        self.start_afresh();
        if let Ok(id) = GuideId::parse(context) {
            self.draft.topic = Some(Topic::Guide(id));
        }
        self.enter(ctx, view);
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        let screen = match view {
            View::Callback => self.show_topic(ctx),
            View::CallbackLawyer => self.show_lawyer(ctx),
            View::CallbackSlot => self.show_slots(ctx),
            View::CallbackMobile => self.show_mobile(ctx),
            View::CallbackConsent => self.show_consent(ctx),
            View::CallbackReview => self.show_review(ctx),
            View::CallbackDone => self.show_done(ctx),
            View::Bookings => {
                // The list opens on the newest booking, not on Back.
                let newest = match (&self.bookings, self.selected) {
                    (Some(Ok(list)), None) => list.last().map(|b| b.id),
                    _ => None,
                };
                if let Some(id) = newest {
                    ctx.prefer(view, &format!("booking-{}", id.0));
                }
                let screen = self.show_bookings(ctx);
                if self.forget_gone(ctx, view, &screen)
                    && let Some(first) = screen.choices.first()
                {
                    // On a chosen booking, its first option; on a page, its newest booking.
                    let item = match screen.choices.get(1) {
                        Some(option) if self.selected.is_some() => option.id.to_string(),
                        _ => first.id.to_string(),
                    };
                    ctx.prefer(view, &item);
                }
                screen
            }
            _ => return,
        };
        self.forget_gone(ctx, view, &screen);
        screen.put(ctx);
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match (view, item) {
            (_, "my-bookings") => ctx.open(View::Bookings),
            (View::Callback, "topic-other") => {
                self.draft.topic = Some(Topic::Other);
                self.go_on(ctx, View::CallbackLawyer);
            }
            (View::Callback, _) => {
                if let Some(id) = item
                    .strip_prefix("topic-")
                    .and_then(|id| CategoryId::parse(id).ok())
                {
                    self.draft.topic = Some(Topic::Category(id));
                    self.go_on(ctx, View::CallbackLawyer);
                }
            }
            (View::CallbackLawyer, _) => {
                let Some(lang) = item.strip_prefix("lang-").and_then(Lang::parse) else {
                    return;
                };
                self.draft.lang = Some(lang);
                // A slot is in one language: another language needs another slot.
                if self.draft.slot.as_ref().is_some_and(|s| s.lang != lang) {
                    self.draft.slot = None;
                    self.slot_dropped = true;
                }
                if self.editing && self.draft.slot.is_some() {
                    ctx.back_to(View::CallbackReview);
                } else {
                    ctx.open(View::CallbackSlot);
                }
            }
            (View::CallbackSlot, "retry") => {
                self.ask_slots(ctx);
                ctx.refresh();
            }
            (View::CallbackSlot, _) => {
                let list = self.slot_list();
                let chosen = if item == "asap" {
                    list.iter().find(|s| s.available > 0)
                } else if item == "day-before" || item == "day-after" {
                    let days = Self::days(&list);
                    let at = self.day.and_then(|d| days.iter().position(|x| *x == d));
                    let to = match (item, at) {
                        ("day-before", Some(i)) => i.checked_sub(1),
                        (_, Some(i)) => Some(i + 1),
                        (_, None) => None,
                    };
                    if let Some(day) = to.and_then(|i| days.get(i)) {
                        self.day = Some(*day);
                        ctx.refresh();
                    }
                    return;
                } else {
                    item.strip_prefix("slot-")
                        .and_then(|id| list.iter().find(|s| s.id.as_str() == id))
                        .filter(|s| s.available > 0)
                };
                if let Some(slot) = chosen {
                    self.draft.slot = Some(slot.clone());
                    self.slot_dropped = false;
                    if self.editing {
                        ctx.back_to(View::CallbackReview);
                    } else {
                        ctx.open(View::CallbackMobile);
                    }
                }
            }
            (View::CallbackMobile, "mobile" | "continue") => {
                self.mobile_done(ctx);
                ctx.refresh();
            }
            (View::CallbackMobile, _) => {
                match KeypadKey::of(item) {
                    Some(KeypadKey::Delete) => self.mobile_delete(),
                    Some(KeypadKey::Digit(digit)) => self.mobile_digit(digit),
                    None => return,
                }
                ctx.refresh();
            }
            (View::CallbackConsent, "agree") => self.go_on(ctx, View::CallbackReview),
            (View::CallbackConsent, "decline") => {
                // Nothing is sent and nothing kept; the person is told so, and given 12348.
                self.outcome = None;
                self.declined = true;
                self.draft = Draft::default();
                ctx.replace(View::CallbackDone);
            }
            (View::CallbackReview, "confirm") => self.confirm(ctx),
            (View::CallbackReview, _) => {
                let step = match item {
                    "change-topic" => View::Callback,
                    "change-lawyer" => View::CallbackLawyer,
                    "change-slot" => View::CallbackSlot,
                    "change-mobile" => View::CallbackMobile,
                    _ => return,
                };
                self.editing = true;
                ctx.open(step);
            }
            (View::CallbackDone, "home") => ctx.replace(View::Home),
            // A refused booking the person has read: removed, mobile number and all.
            (View::Bookings, "list") => {
                self.selected = None;
                self.cancel_asked = false;
                self.cancelled = None;
                ctx.refresh();
            }
            (View::Bookings, "older" | "newer") => {
                self.page = if item == "older" {
                    self.page + 1
                } else {
                    self.page.saturating_sub(1)
                };
                self.selected = None;
                self.cancel_asked = false;
                ctx.refresh();
            }
            (View::Bookings, "forget") => {
                if let Some(id) = self.selected.take() {
                    ctx.send(Command::Forget(id));
                }
            }
            // Cancelling asks first: the second OK cancels.
            (View::Bookings, "cancel") if !self.cancel_asked => {
                self.cancel_asked = true;
                ctx.refresh();
            }
            (View::Bookings, "cancel") => {
                self.cancel_asked = false;
                if let Some(id) = self.selected {
                    ctx.send(Command::Cancel(id));
                }
            }
            (View::Bookings, "reschedule") => {
                let chosen = self.selected.and_then(|id| {
                    self.bookings
                        .as_ref()?
                        .as_ref()
                        .ok()?
                        .iter()
                        .find(|b| b.id == id)
                        .cloned()
                });
                if let Some(b) = chosen {
                    // Everything as it was but the slot.
                    self.draft = Draft {
                        topic: Some(Topic::Kept {
                            topic: b.request.topic.clone(),
                            note: b.request.note.clone(),
                        }),
                        lang: Some(b.request.lang),
                        slot: None,
                        mobile: b.request.mobile.as_str().to_owned(),
                        replaces: Some(b.id),
                        replaces_reference: match &b.state {
                            BookingState::Sent(r) => Some(r.reference.clone()),
                            _ => None,
                        },
                    };
                    self.slot_dropped = false;
                    self.editing = false;
                    self.cancelled = None;
                    self.cancel_asked = false;
                    ctx.open(View::CallbackSlot);
                }
            }
            (View::Bookings, _) => {
                if let Some(id) = item
                    .strip_prefix("booking-")
                    .and_then(|n| n.parse().ok())
                    .map(BookingId)
                {
                    self.selected = Some(id);
                    self.cancelled = None;
                    self.cancel_asked = false;
                    ctx.refresh();
                }
            }
            (View::CallbackDone, "new-slot") => {
                if let Some((request, outcome)) = self.outcome.take() {
                    self.draft = Draft {
                        topic: Some(Topic::Kept {
                            topic: request.topic.clone(),
                            note: request.note.clone(),
                        }),
                        lang: Some(request.lang),
                        slot: None,
                        mobile: request.mobile.as_str().to_owned(),
                        // The refused one is marked replaced when this one is saved.
                        replaces: match outcome {
                            Outcome::Refused(_) => self.last_saved,
                            _ => None,
                        },
                        replaces_reference: None,
                    };
                }
                self.slot_dropped = false;
                ctx.open(View::CallbackSlot);
            }
            _ => {}
        }
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, item: &str, digit: u8) {
        // Digits anywhere on the mobile step go into the number; Back is not part of it.
        if view == View::CallbackMobile && item != "back" {
            self.mobile_digit(digit);
            self.show(ctx, view);
        }
    }

    fn delete(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        if view == View::CallbackMobile && item != "back" {
            self.mobile_delete();
            self.show(ctx, view);
        }
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        let Message::Service(event) = message else {
            return;
        };
        match event {
            Event::Answered { answer, .. } => match answer {
                Answer::Slots(Ok(answer)) => self.slots = Slots::Got(answer.clone()),
                Answer::Slots(Err(code)) => self.slots = Slots::Failed(*code),
                Answer::Booking(saved) => {
                    if let Some((request, outcome)) = self.outcome.take() {
                        let outcome = match (outcome, saved) {
                            (Outcome::Saving, Ok(saved)) => {
                                self.last_saved = Some(saved.id);
                                Outcome::Saved(*saved)
                            }
                            (Outcome::Saving, Err(e)) => {
                                eprintln!("legal-kiosk: booking not saved: {e}");
                                Outcome::NotSaved
                            }
                            (other, _) => other,
                        };
                        self.outcome = Some((request, outcome));
                        // How its sending went, if that was heard first.
                        for (id, sent) in std::mem::take(&mut self.early) {
                            if Some(id) == self.last_saved {
                                self.apply(&sent);
                            }
                        }
                    }
                    // Saved or not, the draft is done with: its personal data goes.
                    self.draft = Draft {
                        topic: self.draft.topic.clone(),
                        ..Draft::default()
                    };
                }
                Answer::Bookings(list) if self.checking_start => {
                    self.checking_start = false;
                    let needs_slot = list.as_ref().is_ok_and(|l| {
                        l.iter()
                            .any(|b| b.state == BookingState::Dead(ErrorCode::SlotGone))
                    });
                    if needs_slot {
                        ctx.notice("booking-needs-slot-title", "booking-needs-slot");
                    }
                    return;
                }
                Answer::Bookings(list) => self.bookings = Some(list.clone()),
                Answer::Cancelled(result) => {
                    self.cancelled = Some(*result);
                    // The list shows it cancelled (read again from the outbox).
                    ctx.send(Command::Bookings);
                }
                _ => return,
            },
            // At start: does a booking wait for a new slot? The person is asked on this visit.
            Event::Ready if self.keeps_bookings() => {
                self.checking_start = true;
                ctx.send(Command::Bookings);
                return;
            }
            Event::Link(state) => {
                self.online = *state == legal_kiosk_core::link::LinkState::Online;
                return;
            }
            Event::Booking { id, sent } => {
                match &self.outcome {
                    // The send outran the answer that the booking was saved: kept for it.
                    Some((_, Outcome::Saving)) => self.early.push((*id, sent.clone())),
                    Some((_, Outcome::Saved(s))) if s.id == *id => self.apply(sent),
                    _ => {}
                }
                // "My bookings" on screen reads the outbox again.
                if self.bookings.is_some() {
                    ctx.send(Command::Bookings);
                }
            }
            _ => return,
        }
        ctx.refresh();
    }

    fn leave(&mut self, _ctx: &mut Ctx, view: View) {
        if view == View::CallbackReview {
            self.editing = false;
        }
        if view == View::Bookings {
            self.bookings = None;
            self.selected = None;
            self.cancelled = None;
            self.cancel_asked = false;
            self.page = 0;
        }
    }

    fn reset(&mut self) {
        let online = self.online;
        *self = Callback::new(self.guides.clone(), self.profile);
        self.online = online;
    }

    /// A booking saved while the backend answers is sent within moments: the confirmation is
    /// not final until the reference (or a refusal) is on it.
    fn pending(&self) -> Vec<String> {
        match &self.outcome {
            Some((_, Outcome::Saved(saved))) if self.online && !self.tried => {
                vec![format!(
                    "booking {:?} being sent (Event::Booking)",
                    saved.id
                )]
            }
            _ => Vec::new(),
        }
    }
}
