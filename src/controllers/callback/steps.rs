//! What each step of booking shows: the topic, the lawyer's language, the slots one day at a
//! time, the mobile number, consent, the answers to check, the confirmation.

use chrono::NaiveDate;
use legal_kiosk_api::{CallbackRequest, CallbackSlot, Lang, MobileNumber};
use legal_kiosk_core::Profile;
use legal_kiosk_core::rest::ErrorCode;

use super::*;
use crate::controllers::Ctx;
use crate::controllers::guides::text::pick;
use crate::ui::View;

impl Callback {
    /// The slots that can be listed: future ones in the lawyer's language (an answer asked
    /// for the other language, arriving late, is not taken for this one), soonest first.
    pub(super) fn slot_list(&self) -> Vec<CallbackSlot> {
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

    pub(super) fn days(slots: &[CallbackSlot]) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = slots.iter().map(|s| s.starts_at.date_naive()).collect();
        days.dedup();
        days.truncate(MAX_DAYS);
        days
    }

    pub(super) fn topic_label(&self, ctx: &Ctx, topic: &Topic) -> String {
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
            // The note is the category in Chinese, as the lawyer reads it: shown as the
            // category it names, in the display language.
            Topic::Kept { note: Some(n), .. } => {
                let prefix = ctx
                    .catalog
                    .strings(legal_kiosk_core::i18n::Lang::Zh)
                    .get("callback-note-category");
                let name = n.strip_prefix(prefix.as_str()).unwrap_or(n);
                bundle
                    .and_then(|b| b.categories.iter().find(|c| c.name.zh == name).cloned())
                    .map(|c| pick(ctx.mode, &c.name))
                    .unwrap_or_else(|| name.to_owned())
            }
            Topic::Kept { .. } => ctx.text("callback-topic-other", &[]),
        }
    }

    /// The slot's day and hours as a person reads them (`12月1日 周二 09:00–10:00`).
    pub(super) fn slot_label(ctx: &Ctx, slot: &CallbackSlot) -> String {
        ctx.each(|c| {
            format!(
                "{} {}",
                day_label(c, slot.starts_at.date_naive()),
                hours(slot)
            )
        })
    }

    pub(super) fn lang_name(ctx: &Ctx, lang: Lang) -> String {
        ctx.text(&format!("callback-lang-{}", lang.as_str()), &[])
    }

    pub(super) fn show_topic(&mut self, ctx: &Ctx) -> Screen {
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
        let cols = if self.profile == Profile::Tv && !ctx.text_enlarged() {
            3
        } else {
            2
        };
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

    /// A new booking starts on the first topic, not on Back.
    pub(super) fn prefer_first_topic(&self, ctx: &mut Ctx) {
        let first = self
            .guides
            .borrow_mut()
            .bundle()
            .and_then(|b| b.categories.first().map(|c| c.id.as_str().to_owned()));
        let item = first.map_or_else(|| "topic-other".to_owned(), |id| format!("topic-{id}"));
        ctx.prefer(View::Callback, &item);
    }

    pub(super) fn show_lawyer(&self, ctx: &Ctx) -> Screen {
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

    pub(super) fn show_slots(&mut self, ctx: &mut Ctx) -> Screen {
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
            // No day before the first or after the last: the place stays empty rather than
            // hold a tile the focus could land on and OK would not act on.
            for (col, (id, label, detail, there)) in tiles.into_iter().enumerate() {
                if there {
                    s.choice_with(1, col, 3, id, label, detail, true);
                }
            }
            // A landscape screen has room for a day's six windows in one row, at the
            // profile's text size.
            let cols = if self.profile == Profile::Kiosk || ctx.text_enlarged() {
                3
            } else {
                6
            };
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
                s.choice_with(2 + i / cols, i % cols, cols, id, label, detail, free);
            }
        }
        s
    }

    pub(super) fn show_mobile(&self, ctx: &Ctx) -> Screen {
        Screen::mobile_entry(
            ctx,
            ctx.text("view-callback-mobile", &[]),
            ctx.text("callback-mobile-label", &[]),
            &self.draft.mobile,
            self.mobile_error,
        )
    }

    pub(super) fn show_consent(&self, ctx: &Ctx) -> Screen {
        let mut s = Screen::new(ctx.text("view-callback-consent", &[]));
        s.intro = ctx.text("callback-consent-text", &[]);
        s.choice(0, 0, 2, "agree".into(), ctx.text("callback-agree", &[]));
        s.choice(0, 1, 2, "decline".into(), ctx.text("callback-decline", &[]));
        s
    }

    pub(super) fn show_review(&self, ctx: &Ctx) -> Screen {
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
        // kiosk has the height and not the width, and neither has enlarged text.
        let cols = if self.profile == Profile::Kiosk || ctx.text_enlarged() {
            1
        } else {
            2
        };
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

    pub(super) fn show_done(&self, ctx: &Ctx) -> Screen {
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
                    s.qr = Some(crate::controllers::guides::qr::image(&url));
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
    pub(super) fn known_slot(&self, request: &CallbackRequest) -> Option<CallbackSlot> {
        if let Some((_, Outcome::Booked(receipt))) = &self.outcome {
            return Some(receipt.slot.clone());
        }
        match &self.slots {
            Slots::Got(answer) => answer.slots.iter().find(|s| s.id == request.slot).cloned(),
            _ => None,
        }
        .or_else(|| self.draft.slot.clone().filter(|s| s.id == request.slot))
    }
}
