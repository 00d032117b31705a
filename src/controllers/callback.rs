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

use chrono::{Datelike, NaiveDate};
use legal_kiosk_api::{
    CallbackRequest, CallbackSlot, CategoryId, GuideId, InputError, Lang, MobileNumber,
};
use legal_kiosk_core::Profile;
use legal_kiosk_core::booking::{BookingId, BookingState, Sent, StoredBooking};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::rest::ErrorCode;
use legal_kiosk_core::service::{Answer, Command, Event, Saved, SlotAnswer};
use slint::{ComponentHandle, ModelRc, VecModel};

use super::guides::Guides;
use super::guides::text::pick;
use super::{Controller, Ctx, ViewEntry};
use crate::inbox::Message;
use crate::ui::{CallbackAdapter, Choice, View};

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
/// Bookings listed on "my bookings", newest first: each takes two lines, four in bilingual
/// mode.
const BOOKINGS_SHOWN: usize = 3;
const BOOKINGS_SHOWN_BILINGUAL: usize = 2;

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
    /// Item ids of the slot grid on screen, forgotten when the grid changes.
    shown_slots: Vec<String>,
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
    /// The chosen booking's cancel was pressed once: a second OK cancels.
    cancel_asked: bool,
    /// The option tiles of the chosen booking on screen, forgotten when they go.
    shown_options: Vec<String>,
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
            shown_slots: Vec::new(),
            mobile_error: None,
            editing: false,
            slot_dropped: false,
            outcome: None,
            bookings: None,
            selected: None,
            cancelled: None,
            cancel_asked: false,
            shown_options: Vec::new(),
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

    /// The slots that can be listed: future ones in the lawyer's language (an answer asked
    /// for the other language, arriving late, is not taken for this one), soonest first.
    fn slot_list(&self) -> Vec<CallbackSlot> {
        let mut list = match &self.slots {
            Slots::Got(answer) => answer.slots.clone(),
            _ => Vec::new(),
        };
        let now = chrono::Utc::now();
        let lang = self.draft.lang;
        list.retain(|s| s.starts_at > now && lang.is_none_or(|l| s.lang == l));
        list.sort_by_key(|s| s.starts_at);
        list
    }

    fn days(slots: &[CallbackSlot]) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = slots.iter().map(|s| s.starts_at.date_naive()).collect();
        days.dedup();
        days.truncate(MAX_DAYS);
        days
    }

    fn topic_label(&self, ctx: &Ctx, topic: &Topic) -> String {
        let mut guides = self.guides.borrow_mut();
        let bundle = guides.bundle();
        match topic {
            Topic::Category(id) => bundle
                .and_then(|b| b.categories.iter().find(|c| &c.id == id).cloned())
                .map(|c| pick(ctx.mode, &c.name))
                .unwrap_or_else(|| id.as_str().to_owned()),
            Topic::Guide(id) => bundle
                .and_then(|b| b.guides.iter().find(|g| &g.id == id).cloned())
                .map(|g| pick(ctx.mode, &g.title))
                .unwrap_or_else(|| id.as_str().to_owned()),
            Topic::Other => ctx.text("callback-topic-other", &[]),
            Topic::Kept {
                topic: Some(id), ..
            } => bundle
                .and_then(|b| b.guides.iter().find(|g| &g.id == id).cloned())
                .map(|g| pick(ctx.mode, &g.title))
                .unwrap_or_else(|| id.as_str().to_owned()),
            // The note is the category in Chinese, as the lawyer reads it.
            Topic::Kept { note: Some(n), .. } => n.clone(),
            Topic::Kept { .. } => ctx.text("callback-topic-other", &[]),
        }
    }

    /// The slot's day and hours as a person reads them (`12月1日 周二 09:00–10:00`).
    fn slot_label(ctx: &Ctx, slot: &CallbackSlot) -> String {
        ctx.each(|c| {
            format!(
                "{} {}",
                day_label(c, slot.starts_at.date_naive()),
                hours(slot)
            )
        })
    }

    fn lang_name(ctx: &Ctx, lang: Lang) -> String {
        ctx.text(&format!("callback-lang-{}", lang.as_str()), &[])
    }

    /// The request the draft makes, or the step that is still missing.
    fn request(&self, ctx: &Ctx) -> Result<CallbackRequest, View> {
        let topic = self.draft.topic.as_ref().ok_or(View::Callback)?;
        let slot = self.draft.slot.as_ref().ok_or(View::CallbackSlot)?;
        let mobile = MobileNumber::parse(&self.draft.mobile).map_err(|_| View::CallbackMobile)?;
        let (topic, note) = match topic {
            Topic::Guide(id) => (Some(id.clone()), None),
            // The lawyer reads the category in Chinese, the hotline's working language.
            Topic::Category(_) => (
                None,
                Some(format!(
                    "{}{}",
                    ctx.catalog
                        .strings(legal_kiosk_core::i18n::Lang::Zh)
                        .get("callback-note-category"),
                    self.topic_label(&Ctx::new(ctx.window, ctx.catalog, DisplayMode::Zh), topic)
                )),
            ),
            Topic::Kept { topic, note } => (topic.clone(), note.clone()),
            Topic::Other => (
                None,
                Some(format!(
                    "{}{}",
                    ctx.catalog
                        .strings(legal_kiosk_core::i18n::Lang::Zh)
                        .get("callback-note-category"),
                    ctx.catalog
                        .strings(legal_kiosk_core::i18n::Lang::Zh)
                        .get("callback-topic-other")
                )),
            ),
        };
        Ok(CallbackRequest {
            slot: slot.id.clone(),
            mobile,
            name: None,
            lang: slot.lang,
            topic,
            note,
        })
    }

    fn show_topic(&mut self, ctx: &Ctx) -> Screen {
        let mut guides = self.guides.borrow_mut();
        let categories = guides
            .bundle()
            .map(|b| b.categories.clone())
            .unwrap_or_default();
        drop(guides);
        // No intro: eight tiles with two-line Mongolian names need the whole height.
        let mut s = Screen::new(ctx.text("view-callback", &[]));
        // Three across on a TV's wide screen, so the rows are tall enough for two- and
        // three-line Mongolian names.
        let cols = if self.profile == Profile::Tv { 3 } else { 2 };
        for (i, c) in categories.iter().enumerate() {
            s.choice(
                i / cols,
                i % cols,
                cols,
                format!("topic-{}", c.id.as_str()),
                pick(ctx.mode, &c.name),
            );
        }
        let row = categories.len().div_ceil(cols);
        let last = if self.keeps_bookings() && !self.editing {
            2
        } else {
            1
        };
        s.choice(
            row,
            0,
            last,
            "topic-other".into(),
            ctx.text("callback-topic-other", &[]),
        );
        if self.keeps_bookings() && !self.editing {
            s.choice(
                row,
                1,
                last,
                "my-bookings".into(),
                ctx.text("view-bookings", &[]),
            );
        }
        s
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

    /// Forgets the flow of an earlier booking (a new one starts from Home or a guide).
    fn start_afresh(&mut self) {
        self.draft = Draft::default();
        self.editing = false;
        self.slot_dropped = false;
        self.mobile_error = None;
        self.declined = false;
    }

    /// A new booking starts on the first topic, not on Back.
    fn prefer_first_topic(&self, ctx: &mut Ctx) {
        let first = self
            .guides
            .borrow_mut()
            .bundle()
            .and_then(|b| b.categories.first().map(|c| c.id.as_str().to_owned()));
        let item = first.map_or_else(|| "topic-other".to_owned(), |id| format!("topic-{id}"));
        ctx.prefer(View::Callback, &item);
    }

    fn show_lawyer(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-lawyer", &[]));
        s.intro = ctx.text("callback-lawyer-intro", &[]);
        for (i, lang) in [Lang::Mn, Lang::Zh].into_iter().enumerate() {
            s.choice(
                0,
                i,
                2,
                format!("lang-{}", lang.as_str()),
                Self::lang_name(ctx, lang),
            );
        }
        s
    }

    fn show_slots(&mut self, ctx: &mut Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-slot", &[]));
        let list = self.slot_list();
        let lang = self.lang(ctx);
        let lang_arg = |c: &Ctx| vec![("lang", Self::lang_name(c, lang))];
        match &self.slots {
            Slots::NotAsked | Slots::Asking => {
                s.intro = ctx.text("callback-slot-loading", &[]);
            }
            Slots::Failed(code) => {
                let reason = |c: &Ctx| vec![("reason", c.text(&code.message_id(), &[]))];
                s.intro = ctx.text_with("callback-slot-failed", reason);
                s.big = HOTLINE.into();
                s.choice(0, 0, 1, "retry".into(), ctx.text("callback-retry", &[]));
            }
            Slots::Got(_) if !list.iter().any(|s| s.available > 0) => {
                s.intro = ctx.text_with("callback-slot-none", lang_arg);
                s.big = HOTLINE.into();
            }
            Slots::Got(answer) => {
                s.intro = if answer.cached {
                    ctx.text_with("callback-slot-cached", lang_arg)
                } else if self.slot_dropped {
                    ctx.text_with("callback-slot-again", lang_arg)
                } else {
                    ctx.text_with("callback-slot-intro", lang_arg)
                };
            }
        }
        let mut ids = Vec::new();
        if let Some(first) = list.iter().find(|s| s.available > 0) {
            s.choice_with(
                0,
                0,
                1,
                "asap".into(),
                // The time it comes to is in the label itself: "as soon as possible" books
                // that slot, and a detail line could give way.
                ctx.text_with("callback-slot-asap-label", |c| {
                    vec![("slot", Self::slot_label(c, first))]
                }),
                String::new(),
                true,
            );
            // One day at a time, between the day before and the day after: short enough for
            // Mongolian and bilingual labels, and Left/Right on the remote walks the days.
            let days = Self::days(&list);
            let at = self
                .day
                .and_then(|d| days.iter().position(|x| *x == d))
                .unwrap_or(0);
            self.day = days.get(at).copied();
            let near = |i: Option<usize>| i.and_then(|i| days.get(i)).copied();
            let (before, after) = (near(at.checked_sub(1)), near(Some(at + 1)));
            let of_day: Vec<&CallbackSlot> = list
                .iter()
                .filter(|s| Some(s.starts_at.date_naive()) == self.day)
                .collect();
            let free = of_day
                .iter()
                .filter(|s| s.available > 0)
                .count()
                .to_string();
            let day_tile = |id: &str, day: Option<NaiveDate>, label: &str| {
                (
                    id.to_owned(),
                    ctx.text(label, &[]),
                    day.map(|d| day_label(ctx, d)).unwrap_or_default(),
                    day.is_some(),
                )
            };
            let tiles = [
                day_tile("day-before", before, "callback-day-before"),
                (
                    "day".to_owned(),
                    self.day.map(|d| day_label(ctx, d)).unwrap_or_default(),
                    ctx.text("callback-day-free", &[("count", &free)]),
                    true,
                ),
                day_tile("day-after", after, "callback-day-after"),
            ];
            for (col, (id, label, detail, enabled)) in tiles.into_iter().enumerate() {
                s.choice_with(1, col, 3, id.clone(), label, detail, enabled);
                ids.push(id);
            }
            // A landscape screen has room for a day's six windows in one row.
            let cols = if self.profile == Profile::Kiosk { 3 } else { 6 };
            for (i, slot) in of_day.iter().enumerate() {
                let id = format!("slot-{}", slot.id.as_str());
                let free = slot.available > 0;
                // "Full" is in the label itself: a detail line gives way when a tile is small.
                let (label, detail) = if free {
                    let count = slot.available.to_string();
                    (
                        hours(slot),
                        ctx.text("callback-slot-free", &[("count", &count)]),
                    )
                } else {
                    let label = ctx.text("callback-slot-full", &[("hours", &hours(slot))]);
                    (label, String::new())
                };
                s.choice_with(
                    2 + i / cols,
                    i % cols,
                    cols,
                    id.clone(),
                    label,
                    detail,
                    free,
                );
                ids.push(id);
            }
        }
        for old in std::mem::replace(&mut self.shown_slots, ids.clone()) {
            if !ids.contains(&old) {
                ctx.forget(View::CallbackSlot, &old);
            }
        }
        s
    }

    fn show_mobile(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-mobile", &[]));
        s.entry = true;
        s.entry_label = ctx.text("callback-mobile-label", &[]);
        s.entry_value = grouped(&self.draft.mobile);
        s.entry_error = self
            .mobile_error
            .map(|id| ctx.text(id, &[("count", &self.draft.mobile.len().to_string())]))
            .unwrap_or_default();
        s.choice(
            0,
            0,
            1,
            "continue".into(),
            ctx.text("callback-continue", &[]),
        );
        s
    }

    fn show_consent(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-consent", &[]));
        s.intro = ctx.text("callback-consent-text", &[]);
        s.choice(0, 0, 2, "agree".into(), ctx.text("callback-agree", &[]));
        s.choice(0, 1, 2, "decline".into(), ctx.text("callback-decline", &[]));
        s
    }

    fn show_review(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-review", &[]));
        s.intro = if self.draft.replaces.is_some() {
            ctx.text("callback-review-replaces", &[])
        } else {
            ctx.text("callback-review-intro", &[])
        };
        let change = ctx.text("callback-change", &[]);
        // Each line's value in one language (bilingual mode makes a line per language).
        let value = |c: &Ctx, line: usize| -> String {
            let d = &self.draft;
            let v = match line {
                0 => d.topic.as_ref().map(|t| self.topic_label(c, t)),
                1 => d.lang.map(|l| Self::lang_name(c, l)),
                2 => d.slot.as_ref().map(|slot| Self::slot_label(c, slot)),
                _ => MobileNumber::parse(&d.mobile).ok().map(|m| m.masked()),
            };
            v.unwrap_or_else(|| c.text("callback-missing", &[]))
        };
        let lines = [
            ("change-topic", "callback-review-topic"),
            ("change-lawyer", "callback-review-lawyer"),
            ("change-slot", "callback-review-slot"),
            ("change-mobile", "callback-review-mobile"),
        ];
        // Two answers a row on a landscape screen: bilingual lines need the height. A portrait
        // kiosk has the height and not the width.
        let cols = if self.profile == Profile::Kiosk { 1 } else { 2 };
        for (i, (id, label)) in lines.into_iter().enumerate() {
            s.choice_with(
                i / cols,
                i % cols,
                cols,
                id.into(),
                ctx.text_with(label, |c| vec![("value", value(c, i))]),
                change.clone(),
                true,
            );
        }
        let last = REVIEW_LINES.div_ceil(cols);
        s.choice(
            last,
            0,
            1,
            "confirm".into(),
            ctx.text("callback-confirm", &[]),
        );
        s
    }

    fn show_done(&self, ctx: &Ctx) -> Screen {
        let title = if self.declined && self.outcome.is_none() {
            "callback-declined-title"
        } else {
            "view-callback-done"
        };
        let mut s = Screen::new(ctx.text(title, &[]));
        let known = self
            .outcome
            .as_ref()
            .and_then(|(request, _)| self.known_slot(request));
        let slot_in = |c: &Ctx| {
            known
                .as_ref()
                .map(|slot| Self::slot_label(c, slot))
                .unwrap_or_default()
        };
        let tries = CALL_TRIES.to_string();
        let mut new_slot = false;
        match self.outcome.as_ref().map(|(_, o)| o) {
            None if self.declined => {
                s.intro = ctx.text("callback-declined", &[]);
                s.big = HOTLINE.into();
            }
            None | Some(Outcome::Saving) => s.intro = ctx.text("callback-saving", &[]),
            Some(Outcome::Saved(saved)) => {
                let id = if saved.durable {
                    "callback-saved"
                } else {
                    "callback-saved-in-memory"
                };
                s.intro = ctx.text_with(id, |c| vec![("slot", slot_in(c))]);
            }
            Some(Outcome::Booked(receipt)) => {
                s.big = grouped_reference(receipt.reference.as_str());
                // The booking on a phone: its page asks for the mobile number before it shows
                // anything.
                if let Some(base) = self.guides.borrow().qr_base() {
                    let url = format!("{base}/c/{}", receipt.reference.as_str());
                    s.qr = Some(super::guides::qr::image(&url));
                    s.qr_caption = ctx.text("callback-qr", &[]);
                }
                s.intro = ctx.text_with("callback-booked", |c| {
                    vec![("slot", slot_in(c)), ("tries", tries.clone())]
                });
            }
            Some(Outcome::Refused(code)) => {
                new_slot = *code == ErrorCode::SlotGone;
                s.intro = ctx.text_with("callback-refused", |c| {
                    vec![("reason", c.text(&code.message_id(), &[]))]
                });
                s.big = HOTLINE.into();
            }
            Some(Outcome::NotSaved) => {
                s.intro = ctx.text("callback-not-saved", &[]);
                s.big = HOTLINE.into();
            }
        }
        let mut col = 0;
        let cols = 1 + usize::from(new_slot) + usize::from(self.keeps_bookings());
        if new_slot {
            s.choice(
                0,
                col,
                cols,
                "new-slot".into(),
                ctx.text("callback-new-slot", &[]),
            );
            col += 1;
        }
        s.choice(0, col, cols, "home".into(), ctx.text("callback-home", &[]));
        if self.keeps_bookings() {
            s.choice(
                0,
                col + 1,
                cols,
                "my-bookings".into(),
                ctx.text("view-bookings", &[]),
            );
        }
        s
    }

    /// The slot a request was for, as the slots on hand describe it.
    fn known_slot(&self, request: &CallbackRequest) -> Option<CallbackSlot> {
        if let Some((_, Outcome::Booked(receipt))) = &self.outcome {
            return Some(receipt.slot.clone());
        }
        match &self.slots {
            Slots::Got(answer) => answer.slots.iter().find(|s| s.id == request.slot).cloned(),
            _ => None,
        }
        .or_else(|| self.draft.slot.clone().filter(|s| s.id == request.slot))
    }

    fn show_bookings(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-bookings", &[]));
        let list = match &self.bookings {
            None => {
                s.intro = ctx.text("callback-saving", &[]);
                return s;
            }
            Some(Err(_)) => {
                s.intro = ctx.text("bookings-unreadable", &[]);
                return s;
            }
            Some(Ok(list)) if list.is_empty() => {
                s.intro = ctx.text("bookings-none", &[]);
                return s;
            }
            Some(Ok(list)) => list,
        };
        let selected = self
            .selected
            .and_then(|id| list.iter().find(|b| b.id == id));
        s.intro = match (&self.cancelled, selected) {
            _ if self.cancel_asked => ctx.text("bookings-cancel-ask", &[]),
            (Some(Ok(())), _) => ctx.text("bookings-cancelled", &[]),
            (Some(Err(code)), _) => ctx.text_with("bookings-not-cancelled", |c| {
                vec![("reason", c.text(&code.message_id(), &[]))]
            }),
            (None, Some(b)) => Self::booking_detail(ctx, b),
            (None, None) => ctx.text("bookings-intro", &[]),
        };
        // The chosen booking's options first, then the list.
        let mut row = 0;
        if let Some(b) = selected {
            let options: Vec<(&str, &str)> = match &b.state {
                BookingState::Sent(_) => vec![
                    ("cancel", "bookings-cancel"),
                    ("reschedule", "bookings-reschedule"),
                ],
                BookingState::Dead(ErrorCode::SlotGone) => vec![
                    ("reschedule", "callback-new-slot"),
                    ("forget", "bookings-forget"),
                ],
                BookingState::Dead(_) | BookingState::Replaced => {
                    vec![("forget", "bookings-forget")]
                }
                BookingState::Saved | BookingState::Cancelled(_) => Vec::new(),
            };
            let cols = options.len();
            for (col, (id, label)) in options.iter().enumerate() {
                let label = if *id == "cancel" && self.cancel_asked {
                    "bookings-cancel-confirm"
                } else {
                    label
                };
                s.choice(row, col, cols, (*id).into(), ctx.text(label, &[]));
            }
            row += usize::from(cols > 0);
        }

        let shown = if ctx.mode == DisplayMode::Bilingual {
            BOOKINGS_SHOWN_BILINGUAL
        } else {
            BOOKINGS_SHOWN
        };
        s.tall = true;
        for b in list.iter().rev().take(shown) {
            let slot = b.slot.as_ref().or(match &b.state {
                BookingState::Sent(r) | BookingState::Cancelled(r) => Some(&r.slot),
                _ => None,
            });
            let mobile = b.request.mobile.masked();
            // The state is part of the label: a detail line gives way when a tile is small,
            // and the state is what the list is for.
            let label = ctx.each(|c| {
                let when = slot
                    .map(|slot| Self::slot_label(c, slot))
                    .unwrap_or_else(|| c.text("callback-missing", &[]));
                // The chosen one is marked, in words as well as by the focus.
                let mark = if self.selected == Some(b.id) {
                    "▶ "
                } else {
                    ""
                };
                format!("{mark}{when} · {mobile}\n{}", Self::booking_state(c, b))
            });
            s.choice(row, 0, 1, format!("booking-{}", b.id.0), label);
            row += 1;
        }
        s
    }

    /// A booking's state in a few words (one language of `ctx`).
    fn booking_state(ctx: &Ctx, b: &StoredBooking) -> String {
        match &b.state {
            BookingState::Saved => ctx.text("booking-state-saved", &[]),
            BookingState::Sent(r) => ctx.text(
                "booking-state-sent",
                &[("reference", &grouped_reference(r.reference.as_str()))],
            ),
            BookingState::Cancelled(_) => ctx.text("booking-state-cancelled", &[]),
            BookingState::Dead(ErrorCode::SlotGone) => ctx.text("booking-state-new-slot", &[]),
            BookingState::Dead(_) => ctx.text("booking-state-refused", &[]),
            BookingState::Replaced => ctx.text("booking-state-replaced", &[]),
        }
    }

    /// What the chosen booking's state means, in full (the reason of a refusal).
    fn booking_detail(ctx: &Ctx, b: &StoredBooking) -> String {
        match &b.state {
            BookingState::Dead(code) => ctx.text_with("callback-refused", |c| {
                vec![("reason", c.text(&code.message_id(), &[]))]
            }),
            _ => ctx.each(|c| Self::booking_state(c, b)),
        }
    }

    fn mobile_digit(&mut self, digit: u8) {
        if digit <= 9 && self.draft.mobile.len() < MOBILE_DIGITS {
            self.draft.mobile.push(char::from(b'0' + digit));
        }
        self.mobile_error = None;
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

/// Why `digits` is not a mainland mobile number (a message id; `$count` is how many digits
/// were typed). Rules of `MobileNumber::parse`: 11 digits, `1` then `3`–`9`.
fn mobile_reason(digits: &str, e: InputError) -> &'static str {
    let b = digits.as_bytes();
    match e {
        InputError::Empty => "callback-mobile-error-empty",
        _ if b.first() != Some(&b'1') => "callback-mobile-error-start",
        _ if b.len() < 2 || !(b'3'..=b'9').contains(&b[1]) => "callback-mobile-error-second",
        _ => "callback-mobile-error-length",
    }
}

/// Digits grouped 3-4-4 as a mobile number is read aloud: `138 0013 8000`.
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + 2);
    for (i, c) in digits.chars().enumerate() {
        if i == 3 || i == 7 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A reference number as it is read out to the hotline: `230 908 4297` (groups of three, the
/// last of four, like a phone number).
fn grouped_reference(reference: &str) -> String {
    let digits: Vec<char> = reference.chars().collect();
    if digits.len() < 7 || !digits.iter().all(char::is_ascii_digit) {
        return reference.to_owned();
    }
    let (head, tail) = digits.split_at(digits.len() - 4);
    let mut out = String::new();
    for (i, c) in head.iter().enumerate() {
        if i > 0 && (head.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(*c);
    }
    out.push(' ');
    out.extend(tail);
    out
}

/// `09:00–10:00`, in the slot's own time zone (Beijing time); word joiners keep the range on
/// one line.
fn hours(slot: &CallbackSlot) -> String {
    format!(
        "{}\u{2060}–\u{2060}{}",
        slot.starts_at.format("%H:%M"),
        slot.ends_at.format("%H:%M")
    )
}

/// `12月1日 周二` / its Mongolian form (each language its own in bilingual mode).
fn day_label(ctx: &Ctx, day: NaiveDate) -> String {
    let weekday = format!("weekday-{}", day.weekday().number_from_monday());
    ctx.text_with("callback-day", |c| {
        vec![
            ("month", day.month().to_string()),
            ("day", day.day().to_string()),
            ("weekday", c.text(&weekday, &[])),
        ]
    })
}

const fn step(view: View, name: &'static str) -> ViewEntry {
    ViewEntry {
        view,
        name,
        home_tile: false,
    }
}

/// The steps, in order, and the device's bookings; only the first has a Home tile.
const VIEWS: &[ViewEntry] = &[
    ViewEntry {
        view: View::Callback,
        name: "callback",
        home_tile: true,
    },
    step(View::CallbackLawyer, "callback-lawyer"),
    step(View::CallbackSlot, "callback-slot"),
    step(View::CallbackMobile, "callback-mobile"),
    step(View::CallbackConsent, "callback-consent"),
    step(View::CallbackReview, "callback-review"),
    step(View::CallbackDone, "callback-done"),
    step(View::Bookings, "bookings"),
];

/// What a step shows, put into the adapter in one go.
struct Screen {
    title: String,
    intro: String,
    big: String,
    entry: bool,
    entry_label: String,
    entry_value: String,
    entry_error: String,
    /// Choices whose labels take twice the usual lines (the bookings' two-line labels).
    tall: bool,
    /// A QR code that opens the booking on a phone, and what it is.
    qr: Option<slint::Image>,
    qr_caption: String,
    choices: Vec<Choice>,
}

impl Screen {
    fn new(title: String) -> Screen {
        Screen {
            title,
            intro: String::new(),
            big: String::new(),
            entry: false,
            entry_label: String::new(),
            entry_value: String::new(),
            entry_error: String::new(),
            tall: false,
            qr: None,
            qr_caption: String::new(),
            choices: Vec::new(),
        }
    }

    fn choice(&mut self, row: usize, col: usize, cols: usize, id: String, label: String) {
        self.choice_with(row, col, cols, id, label, String::new(), true);
    }

    #[allow(clippy::too_many_arguments)]
    fn choice_with(
        &mut self,
        row: usize,
        col: usize,
        cols: usize,
        id: String,
        label: String,
        detail: String,
        enabled: bool,
    ) {
        let int = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        self.choices.push(Choice {
            id: id.into(),
            label: label.into(),
            detail: detail.into(),
            enabled,
            row: int(row),
            col: int(col),
            cols: int(cols),
        });
    }

    fn put(self, ctx: &Ctx) {
        let a = ctx.window.global::<CallbackAdapter>();
        let rows = self.choices.iter().map(|c| c.row + 1).max().unwrap_or(1);
        a.set_title(self.title.into());
        a.set_intro(self.intro.into());
        a.set_big(self.big.into());
        a.set_entry(self.entry);
        a.set_entry_label(self.entry_label.into());
        a.set_entry_value(self.entry_value.into());
        a.set_entry_error(self.entry_error.into());
        a.set_rows(rows);
        a.set_tall(self.tall);
        a.set_has_qr(self.qr.is_some());
        a.set_qr(self.qr.unwrap_or_default());
        a.set_qr_caption(self.qr_caption.into());
        a.set_choices(ModelRc::new(VecModel::from(self.choices)));
    }
}

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
                // Options that went (a booking cancelled): the focus does not stay on them.
                let now: Vec<String> = screen
                    .choices
                    .iter()
                    .map(|c| c.id.to_string())
                    .filter(|id| !id.starts_with("booking-"))
                    .collect();
                for gone in std::mem::replace(&mut self.shown_options, now.clone()) {
                    if !now.contains(&gone) {
                        ctx.forget(view, &gone);
                        if let Some(id) = self.selected {
                            ctx.prefer(view, &format!("booking-{}", id.0));
                        }
                    }
                }
                screen
            }
            _ => return,
        };
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
                match item.strip_prefix("key-") {
                    Some("delete") => self.mobile_delete(),
                    Some(d) => {
                        if let Ok(digit) = d.parse::<u8>() {
                            self.mobile_digit(digit);
                        }
                    }
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
                    };
                }
                self.slot_dropped = false;
                ctx.open(View::CallbackSlot);
            }
            _ => {}
        }
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, _item: &str, digit: u8) {
        // Digits anywhere on the mobile step go into the number.
        if view == View::CallbackMobile {
            self.mobile_digit(digit);
            self.show(ctx, view);
        }
    }

    fn delete(&mut self, ctx: &mut Ctx, view: View, _item: &str) {
        if view == View::CallbackMobile {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_number_is_grouped_as_it_is_read() {
        assert_eq!(grouped(""), "");
        assert_eq!(grouped("138"), "138");
        assert_eq!(grouped("1380"), "138 0");
        assert_eq!(grouped("13800138000"), "138 0013 8000");
    }

    #[test]
    fn each_wrong_number_gets_its_own_reason() {
        let reason = |d: &str| mobile_reason(d, MobileNumber::parse(d).unwrap_err());
        assert_eq!(reason(""), "callback-mobile-error-empty");
        assert_eq!(reason("23800138000"), "callback-mobile-error-start");
        assert_eq!(reason("12800138000"), "callback-mobile-error-second");
        assert_eq!(reason("1380013"), "callback-mobile-error-length");
    }
}

#[cfg(test)]
mod reference_tests {
    use super::grouped_reference;

    #[test]
    fn a_reference_is_grouped_as_it_is_read_out() {
        assert_eq!(grouped_reference("2309084297"), "230 908 4297");
        assert_eq!(grouped_reference("1234567"), "123 4567");
        assert_eq!(grouped_reference("12345678901"), "1 234 567 8901");
        assert_eq!(grouped_reference("CB-12"), "CB-12");
    }
}
