//! Complaints and suggestions (投诉建议): the official channels first (12348 and the supervising
//! bureau's phone), then a short form, one step per view so Back returns to the step before:
//! the kind (complaint, suggestion, praise), what it is about (a service or an office of the
//! region, or nothing in particular), an optional mobile number for an answer, the words, and
//! a last look before it is sent. It goes through the same durable outbox as a booking
//! (Idempotency-Key, sent once, never lost); the confirmation shows the reference number.
//!
//! The words: a TV has no keyboard, so they are typed on the person's phone, on the page a QR
//! code opens (`/f/<id>`, the id chosen here at random and sent with the feedback). A tablet or
//! kiosk with a keyboard may also type them here; a TV takes no free text.
//!
//! Item ids: `kind-complaint`, `kind-suggestion`, `kind-praise` (feedback); `about-general`,
//! `about-service`, `about-office` (feedback-about); `service-<category>`, `office-<id>`
//! (feedback-pick); `mobile`, `key-0` … `key-9`, `key-delete`, `continue` (with no
//! number: no reply wanted) (feedback-mobile); `continue`, `clear` (feedback-text); `send` (feedback-review: Back
//! returns to each step with its answer kept); `big`, `home` (feedback-done).

use std::cell::RefCell;
use std::rc::Rc;

use legal_kiosk_api::{
    CategoryId, FeedbackKind, FeedbackReceipt, FeedbackRequest, Lang, MobileNumber, Office,
    OfficeId, OfficeKind, RegionCode, TextPageId,
};
use legal_kiosk_content::Bundle;
use legal_kiosk_core::Profile;
use legal_kiosk_core::booking::{Delivery, FeedbackId};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::rest::{ErrorCode, new_text_page};
use legal_kiosk_core::service::{Answer, Command, Event};

use super::callback::HOTLINE;
use super::entry::{KeypadKey, mobile_reason};
use super::guides::Guides;
use super::guides::text::pick;
use super::screen::{Screen, grouped_reference};
use super::{Controller, Ctx, ShownItems, ViewEntry};
use crate::inbox::Message;
use crate::ui::View;

/// A mainland mobile number has 11 digits; more are refused, and the screen says so.
const MOBILE_DIGITS: usize = 11;

/// What the feedback is about.
#[derive(Debug, Clone, PartialEq)]
enum About {
    General,
    Service(CategoryId),
    Office(OfficeId),
}

/// Which list the pick step shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Services,
    Offices,
}

/// The feedback being put together.
#[derive(Debug, Clone, Default)]
struct Draft {
    kind: Option<FeedbackKind>,
    about: Option<About>,
    /// Digits typed so far.
    mobile: String,
    /// Words typed on this device's keyboard (tablet, kiosk).
    text: String,
    /// The phone page for the words: chosen once per feedback.
    text_page: Option<TextPageId>,
}

/// The feedback just sent.
#[derive(Debug, Clone)]
enum Outcome {
    /// Sent to the outbox, not yet committed.
    Saving,
    /// Committed under this id (`durable`: on the disk, not only in memory).
    Saved {
        id: FeedbackId,
        durable: bool,
    },
    Received(Box<FeedbackReceipt>),
    Refused(ErrorCode),
    /// It could not be saved: nothing was sent; the person is given the phone numbers.
    NotSaved,
}

/// The controller of the feedback steps (see the module's doc for the item ids).
pub struct Feedback {
    guides: Rc<RefCell<Guides>>,
    profile: Profile,
    draft: Draft,
    pick: Pick,
    /// Why the mobile number cannot be used (a message id), once the person tried to go on.
    mobile_error: Option<&'static str>,
    /// The words are full ([`FeedbackRequest::TEXT_MAX_CHARS`]): the step says so.
    text_full: bool,
    outcome: Option<Outcome>,
    /// The phone page of the feedback just sent (its words may still come).
    sent_page: Option<TextPageId>,
    /// Sends heard before the answer saying the feedback was saved.
    early: Vec<(FeedbackId, Delivery<FeedbackReceipt>)>,
    /// The feedback just saved was tried once and waits (offline, a quota).
    tried: bool,
    /// The backend answers health checks: a saved feedback is about to be sent.
    online: bool,
    shown: ShownItems,
}

/// The steps, in order; only the first has a Home tile.
const VIEWS: &[ViewEntry] = &[
    ViewEntry {
        view: View::Feedback,
        name: "feedback",
        home_tile: true,
    },
    ViewEntry::step(View::FeedbackAbout, "feedback-about"),
    ViewEntry::step(View::FeedbackPick, "feedback-pick"),
    ViewEntry::step(View::FeedbackMobile, "feedback-mobile"),
    ViewEntry::step(View::FeedbackText, "feedback-text"),
    ViewEntry::step(View::FeedbackReview, "feedback-review"),
    ViewEntry::step(View::FeedbackDone, "feedback-done"),
];

impl Feedback {
    /// `guides` gives the content (categories, offices, regions), the device's region and
    /// where QR codes point; `profile` decides whether a keyboard may type the words (not on a
    /// TV).
    pub fn new(guides: Rc<RefCell<Guides>>, profile: Profile) -> Feedback {
        Feedback {
            guides,
            profile,
            draft: Draft::default(),
            pick: Pick::Services,
            mobile_error: None,
            text_full: false,
            outcome: None,
            sent_page: None,
            early: Vec::new(),
            tried: false,
            online: false,
            shown: ShownItems::default(),
        }
    }

    /// Words may be typed on the device itself (a tablet's or a kiosk's keyboard).
    fn types_here(&self) -> bool {
        self.profile != Profile::Tv
    }

    fn bundle(&self) -> Option<Rc<Bundle>> {
        self.guides.borrow_mut().bundle()
    }

    /// The office that supervises public legal services for the device's region: the justice
    /// bureau (司法局) of the region, else of the nearest region above it.
    fn bureau(bundle: &Bundle, region: Option<RegionCode>) -> Option<Office> {
        let mut at = region;
        for _ in 0..4 {
            let code = at?;
            if let Some(office) = bundle
                .offices
                .iter()
                .find(|o| o.region == code && o.kinds.contains(&OfficeKind::JusticeBureau))
            {
                return Some(office.clone());
            }
            at = bundle
                .regions
                .iter()
                .find(|r| r.code == code)
                .and_then(|r| r.parent.clone());
        }
        None
    }

    /// The offices of the device's region, as the offices view lists them.
    fn offices(&self) -> Vec<Office> {
        let region = self.guides.borrow().region();
        let Some(bundle) = self.bundle() else {
            return Vec::new();
        };
        bundle
            .offices
            .iter()
            .filter(|o| Some(&o.region) == region.as_ref())
            .cloned()
            .collect()
    }

    fn kind_name(ctx: &Ctx, kind: FeedbackKind) -> String {
        ctx.text(&format!("feedback-kind-{}", kind.as_str()), &[])
    }

    fn about_name(&self, ctx: &Ctx, about: &About) -> String {
        let bundle = self.bundle();
        match about {
            About::General => ctx.text("feedback-about-general", &[]),
            About::Service(id) => bundle
                .and_then(|b| b.categories.iter().find(|c| &c.id == id).cloned())
                .map(|c| pick(ctx.mode, &c.name))
                .unwrap_or_else(|| id.as_str().to_owned()),
            About::Office(id) => bundle
                .and_then(|b| b.offices.iter().find(|o| &o.id == id).cloned())
                .map(|o| pick(ctx.mode, &o.name))
                .unwrap_or_else(|| id.as_str().to_owned()),
        }
    }

    fn start_afresh(&mut self) {
        self.draft = Draft::default();
        self.mobile_error = None;
        self.text_full = false;
    }

    /// The phone page for this feedback's words, chosen on first use. None when the system's
    /// random source failed (then no page is offered).
    fn text_page(&mut self) -> Option<TextPageId> {
        if self.draft.text_page.is_none() {
            match new_text_page() {
                Ok(id) => self.draft.text_page = Some(id),
                Err(e) => eprintln!("legal-kiosk: no phone page for feedback: {e}"),
            }
        }
        self.draft.text_page.clone()
    }

    /// The address of the phone page `page` (None when the backend's address is not known).
    fn page_url(&self, page: &TextPageId) -> Option<String> {
        let guides = self.guides.borrow();
        let base = guides.qr_base()?;
        Some(format!("{base}/f/{}", page.as_str()))
    }

    /// The request the draft makes, or the step still missing.
    fn request(&self, ctx: &Ctx) -> Result<FeedbackRequest, View> {
        let kind = self.draft.kind.ok_or(View::Feedback)?;
        let about = self.draft.about.as_ref().ok_or(View::FeedbackAbout)?;
        let region = self.guides.borrow().region().ok_or(View::Feedback)?;
        let mobile = if self.draft.mobile.is_empty() {
            None
        } else {
            Some(MobileNumber::parse(&self.draft.mobile).map_err(|_| View::FeedbackMobile)?)
        };
        let text = Some(self.draft.text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(FeedbackRequest {
            kind,
            region,
            lang: match ctx.mode {
                DisplayMode::Zh => Lang::Zh,
                _ => Lang::Mn,
            },
            service: match about {
                About::Service(id) => Some(id.clone()),
                _ => None,
            },
            office: match about {
                About::Office(id) => Some(id.clone()),
                _ => None,
            },
            mobile,
            text,
            text_page: self.draft.text_page.clone(),
        })
    }

    fn send(&mut self, ctx: &mut Ctx) {
        match self.request(ctx) {
            Ok(request) => {
                self.sent_page = request.text_page.clone();
                ctx.send(Command::Feedback(Box::new(request)));
                self.tried = false;
                self.early.clear();
                self.outcome = Some(Outcome::Saving);
                // Sent: Back from the confirmation goes Home, not into a form that would send
                // it again.
                ctx.replace(View::FeedbackDone);
            }
            // A step was skipped (a screenshot opened the review directly): go and fill it.
            Err(step) => ctx.open(step),
        }
    }

    fn apply(&mut self, sent: &Delivery<FeedbackReceipt>) {
        match sent {
            Delivery::Done(receipt) => self.outcome = Some(Outcome::Received(receipt.clone())),
            Delivery::Refused(code) => self.outcome = Some(Outcome::Refused(*code)),
            Delivery::Later { .. } => self.tried = true,
        }
    }

    fn show_start(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback", &[]));
        let region = self.guides.borrow().region();
        let bureau = self.bundle().and_then(|b| Self::bureau(&b, region));
        // The official channels first: 12348 (large), and the supervising bureau's phone.
        s.big = HOTLINE.into();
        s.intro = match &bureau {
            Some(office) => {
                let mut text = ctx.text_with("feedback-channels", |c| {
                    vec![
                        ("bureau", pick(c.mode, &office.name)),
                        ("phone", office.phone.clone()),
                    ]
                });
                if office.demo {
                    text.push('\n');
                    text.push_str(&ctx.text("feedback-channels-demo", &[]));
                }
                text
            }
            None => ctx.text("feedback-channels-hotline", &[]),
        };
        for (i, kind) in FeedbackKind::ALL.into_iter().enumerate() {
            s.choice(
                0,
                i,
                FeedbackKind::ALL.len(),
                format!("kind-{}", kind.as_str()),
                Self::kind_name(ctx, kind),
            );
        }
        s
    }

    fn show_about(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback-about", &[]));
        s.intro = ctx.text("feedback-about-intro", &[]);
        let items = [
            ("about-service", "feedback-about-service"),
            ("about-office", "feedback-about-office"),
            ("about-general", "feedback-about-general"),
        ];
        for (row, (id, label)) in items.into_iter().enumerate() {
            s.choice(row, 0, 1, id.into(), ctx.text(label, &[]));
        }
        s
    }

    fn show_pick(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback-pick", &[]));
        // Offices' names are long: one to a row, across the whole width, the list scrolling.
        s.keeps_rows = self.pick == Pick::Offices;
        let cols = match self.pick {
            Pick::Services => 2,
            Pick::Offices => 1,
        };
        let items: Vec<(String, String)> = match self.pick {
            Pick::Services => self
                .bundle()
                .map(|b| {
                    b.categories
                        .iter()
                        .map(|c| {
                            (
                                format!("service-{}", c.id.as_str()),
                                pick(ctx.mode, &c.name),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Pick::Offices => self
                .offices()
                .iter()
                .map(|o| (format!("office-{}", o.id.as_str()), pick(ctx.mode, &o.name)))
                .collect(),
        };
        s.intro = if items.is_empty() {
            ctx.text("feedback-pick-none", &[])
        } else {
            match self.pick {
                Pick::Services => ctx.text("feedback-pick-service", &[]),
                Pick::Offices => ctx.text("feedback-pick-office", &[]),
            }
        };
        let n = items.len();
        for (i, (id, label)) in items.into_iter().enumerate() {
            s.choice(i / cols, i % cols, cols.min(n - i / cols * cols), id, label);
        }
        if n == 0 {
            s.choice(
                0,
                0,
                1,
                "about-general".into(),
                ctx.text("feedback-about-general", &[]),
            );
        }
        s
    }

    fn show_mobile(&self, ctx: &Ctx) -> Screen {
        // No number is an answer too: no reply wanted (the label says so).
        Screen::mobile_entry(
            ctx,
            ctx.text("view-feedback-mobile", &[]),
            ctx.text("feedback-mobile-label", &[]),
            &self.draft.mobile,
            self.mobile_error,
        )
    }

    fn show_text(&mut self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback-text", &[]));
        let max = FeedbackRequest::TEXT_MAX_CHARS.to_string();
        let page = self.text_page();
        let mut intro = match page.as_ref().and_then(|p| self.page_url(p)) {
            Some(url) => {
                s.qr = Some(super::guides::qr::image(&url));
                s.qr_caption = ctx.text("feedback-text-qr", &[("max", &max)]);
                ctx.text("feedback-text-intro", &[])
            }
            None => ctx.text("feedback-text-no-page", &[]),
        };
        if self.types_here() {
            intro.push('\n');
            let typed = self.draft.text.trim();
            if typed.is_empty() {
                intro.push_str(&ctx.text("feedback-text-keyboard", &[("max", &max)]));
            } else {
                intro.push_str(&ctx.text(
                    "feedback-text-typed",
                    &[
                        ("text", typed),
                        ("count", &typed.chars().count().to_string()),
                        ("max", &max),
                    ],
                ));
            }
            if self.text_full {
                intro.push('\n');
                intro.push_str(&ctx.text("feedback-text-full", &[("max", &max)]));
            }
        }
        s.intro = intro;
        let clear = self.types_here() && !self.draft.text.is_empty();
        let cols = 1 + usize::from(clear);
        s.choice(
            0,
            0,
            cols,
            "continue".into(),
            ctx.text("feedback-text-continue", &[]),
        );
        if clear {
            s.choice(
                0,
                1,
                cols,
                "clear".into(),
                ctx.text("feedback-text-clear", &[]),
            );
        }
        s
    }

    fn show_review(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback-review", &[]));
        let d = &self.draft;
        let missing = |c: &Ctx| c.text("callback-missing", &[]);
        let lines = ctx.each(|c| {
            let kind = d
                .kind
                .map(|k| Self::kind_name(c, k))
                .unwrap_or_else(|| missing(c));
            let about = d
                .about
                .as_ref()
                .map(|a| self.about_name(c, a))
                .unwrap_or_else(|| missing(c));
            let mobile = if d.mobile.is_empty() {
                c.text("feedback-review-no-mobile", &[])
            } else {
                MobileNumber::parse(&d.mobile)
                    .map(|m| m.masked())
                    .unwrap_or_else(|_| missing(c))
            };
            let text = if d.text.trim().is_empty() {
                c.text("feedback-review-text-phone", &[])
            } else {
                c.text(
                    "feedback-review-text-typed",
                    &[("count", &d.text.trim().chars().count().to_string())],
                )
            };
            c.text(
                "feedback-review-lines",
                &[
                    ("kind", &kind),
                    ("about", &about),
                    ("mobile", &mobile),
                    ("text", &text),
                ],
            )
        });
        s.intro = format!("{lines}\n{}", ctx.text("feedback-notice", &[]));
        // One tile: Back returns to each step, its answer kept, to change it.
        s.choice(0, 0, 1, "send".into(), ctx.text("feedback-send", &[]));
        s
    }

    fn show_done(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-feedback-done", &[]));
        match &self.outcome {
            None | Some(Outcome::Saving) => s.intro = ctx.text("feedback-saving", &[]),
            Some(Outcome::Saved { durable, .. }) => {
                s.intro = if *durable {
                    ctx.text("feedback-saved", &[])
                } else {
                    ctx.text("feedback-saved-in-memory", &[])
                };
            }
            Some(Outcome::Received(receipt)) => {
                s.big = grouped_reference(receipt.reference.as_str());
                let mut intro = ctx.text("feedback-received", &[]);
                // No words yet: the phone page still takes them, and the backend joins them to
                // this feedback whenever they come.
                if !receipt.has_text
                    && let Some(url) = self.sent_page.as_ref().and_then(|p| self.page_url(p))
                {
                    intro.push('\n');
                    intro.push_str(&ctx.text("feedback-received-no-text", &[]));
                    s.qr = Some(super::guides::qr::image(&url));
                    s.qr_caption = ctx.text(
                        "feedback-text-qr",
                        &[("max", &FeedbackRequest::TEXT_MAX_CHARS.to_string())],
                    );
                }
                if receipt.demo {
                    intro.push('\n');
                    intro.push_str(&ctx.text("feedback-received-demo", &[]));
                }
                s.intro = intro;
            }
            Some(Outcome::Refused(code)) => {
                s.intro = ctx.text_with("feedback-refused", |c| {
                    vec![("reason", c.text(&code.message_id(), &[]))]
                });
                s.big = HOTLINE.into();
            }
            Some(Outcome::NotSaved) => {
                s.intro = ctx.text("feedback-not-saved", &[]);
                s.big = HOTLINE.into();
            }
        }
        s.choice(0, 0, 1, "home".into(), ctx.text("callback-home", &[]));
        s
    }

    fn mobile_key(&mut self, key: KeypadKey) {
        self.mobile_error = None;
        match key {
            KeypadKey::Delete => {
                self.draft.mobile.pop();
            }
            KeypadKey::Digit(d) if self.draft.mobile.len() < MOBILE_DIGITS => {
                self.draft.mobile.push(char::from(b'0' + d));
            }
            KeypadKey::Digit(_) => self.mobile_error = Some("mobile-error-full"),
        }
    }
}

impl Controller for Feedback {
    fn views(&self) -> &'static [ViewEntry] {
        VIEWS
    }

    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            View::Feedback => {
                self.start_afresh();
                ctx.prefer(view, "kind-complaint");
            }
            View::FeedbackAbout => ctx.prefer(view, "about-service"),
            View::FeedbackMobile => ctx.prefer(view, "mobile"),
            View::FeedbackText => ctx.prefer(view, "continue"),
            View::FeedbackReview => ctx.prefer(view, "send"),
            // A second OK must not leave the reference unread.
            View::FeedbackDone => ctx.prefer(view, "big"),
            _ => {}
        }
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        let screen = match view {
            View::Feedback => self.show_start(ctx),
            View::FeedbackAbout => self.show_about(ctx),
            View::FeedbackPick => {
                let screen = self.show_pick(ctx);
                if let Some(first) = screen.choices.first() {
                    ctx.prefer(view, &first.id);
                }
                screen
            }
            View::FeedbackMobile => self.show_mobile(ctx),
            View::FeedbackText => self.show_text(ctx),
            View::FeedbackReview => self.show_review(ctx),
            View::FeedbackDone => self.show_done(ctx),
            _ => return,
        };
        let ids = screen.choices.iter().map(|c| c.id.to_string()).collect();
        self.shown.update(ctx, view, ids);
        screen.put(ctx);
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match (view, item) {
            (View::Feedback, _) => {
                if let Some(kind) = item.strip_prefix("kind-").and_then(FeedbackKind::parse) {
                    self.draft.kind = Some(kind);
                    ctx.open(View::FeedbackAbout);
                }
            }
            (View::FeedbackAbout | View::FeedbackPick, "about-general") => {
                self.draft.about = Some(About::General);
                ctx.open(View::FeedbackMobile);
            }
            (View::FeedbackAbout, "about-service" | "about-office") => {
                self.pick = if item == "about-service" {
                    Pick::Services
                } else {
                    Pick::Offices
                };
                ctx.open(View::FeedbackPick);
            }
            (View::FeedbackPick, _) => {
                let about = if let Some(id) = item.strip_prefix("service-") {
                    CategoryId::parse(id).ok().map(About::Service)
                } else {
                    item.strip_prefix("office-")
                        .and_then(|id| OfficeId::parse(id).ok())
                        .map(About::Office)
                };
                if let Some(about) = about {
                    self.draft.about = Some(about);
                    ctx.open(View::FeedbackMobile);
                }
            }
            // No number: no reply wanted.
            (View::FeedbackMobile, "mobile" | "continue") if self.draft.mobile.is_empty() => {
                self.mobile_error = None;
                ctx.open(View::FeedbackText);
            }
            (View::FeedbackMobile, "mobile" | "continue") => {
                match MobileNumber::parse(&self.draft.mobile) {
                    Ok(_) => {
                        self.mobile_error = None;
                        ctx.open(View::FeedbackText);
                    }
                    Err(e) => self.mobile_error = Some(mobile_reason(&self.draft.mobile, e)),
                }
                ctx.refresh();
            }
            (View::FeedbackMobile, _) => {
                if let Some(key) = KeypadKey::of(item) {
                    self.mobile_key(key);
                    ctx.refresh();
                }
            }
            (View::FeedbackText, "continue") => ctx.open(View::FeedbackReview),
            (View::FeedbackText, "clear") => {
                self.draft.text.clear();
                self.text_full = false;
                ctx.refresh();
            }
            (View::FeedbackReview, "send") => self.send(ctx),
            (View::FeedbackDone, "home") => ctx.replace(View::Home),
            _ => {}
        }
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, item: &str, digit: u8) {
        match view {
            View::FeedbackMobile if item != "back" => {
                self.mobile_key(KeypadKey::Digit(digit));
                self.show(ctx, view);
            }
            // A keyboard's digits are words too (a date, an amount).
            View::FeedbackText if self.types_here() => {
                self.text(ctx, view, &char::from(b'0' + digit).to_string());
            }
            _ => {}
        }
    }

    fn delete(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match view {
            View::FeedbackMobile if item != "back" => {
                self.mobile_key(KeypadKey::Delete);
                self.show(ctx, view);
            }
            View::FeedbackText if self.types_here() => {
                self.draft.text.pop();
                self.text_full = false;
                self.show(ctx, view);
            }
            _ => {}
        }
    }

    fn erases_typing(&self, view: View) -> bool {
        view == View::FeedbackText && self.types_here() && !self.draft.text.is_empty()
    }

    /// Words typed on a tablet's or kiosk's keyboard go into the feedback (a TV takes none).
    fn text(&mut self, ctx: &mut Ctx, view: View, text: &str) -> bool {
        if view != View::FeedbackText || !self.types_here() {
            return false;
        }
        for c in text.chars().filter(|c| !c.is_control() || *c == '\n') {
            if self.draft.text.chars().count() >= FeedbackRequest::TEXT_MAX_CHARS {
                self.text_full = true;
                break;
            }
            self.draft.text.push(c);
        }
        self.show(ctx, view);
        true
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        let Message::Service(event) = message else {
            return;
        };
        match event {
            Event::Answered {
                answer: Answer::Feedback(saved),
                ..
            } => {
                if let Some(Outcome::Saving) = self.outcome {
                    self.outcome = Some(match saved {
                        Ok((id, durable)) => Outcome::Saved {
                            id: *id,
                            durable: *durable,
                        },
                        Err(e) => {
                            eprintln!("legal-kiosk: feedback not saved: {e}");
                            Outcome::NotSaved
                        }
                    });
                    for (id, sent) in std::mem::take(&mut self.early) {
                        if matches!(saved, Ok((saved_id, _)) if *saved_id == id) {
                            self.apply(&sent);
                        }
                    }
                }
                // Saved or not, the draft is done with: its number and words go.
                self.draft = Draft::default();
            }
            Event::Feedback { id, sent } => match &self.outcome {
                Some(Outcome::Saving) => self.early.push((*id, sent.clone())),
                Some(Outcome::Saved { id: saved, .. }) if saved == id => self.apply(sent),
                _ => return,
            },
            Event::Link(state) => {
                self.online = *state == legal_kiosk_core::link::LinkState::Online;
                return;
            }
            _ => return,
        }
        ctx.refresh();
    }

    fn reset(&mut self) {
        let online = self.online;
        *self = Feedback::new(self.guides.clone(), self.profile);
        self.online = online;
    }

    /// A feedback saved while the backend answers is sent within moments: the confirmation is
    /// not final until the reference (or a refusal) is on it.
    fn pending(&self) -> Vec<String> {
        match &self.outcome {
            Some(Outcome::Saved { id, .. }) if self.online && !self.tried => {
                vec![format!("feedback {id:?} being sent (Event::Feedback)")]
            }
            _ => Vec::new(),
        }
    }
}
