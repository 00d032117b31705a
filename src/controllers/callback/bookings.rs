//! "My bookings": the outbox's bookings with their states, and the chosen one's options.

use legal_kiosk_core::booking::{BookingState, StoredBooking};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::rest::ErrorCode;

use super::*;
use crate::controllers::Ctx;

impl Callback {
    pub(super) fn show_bookings(&self, ctx: &Ctx) -> Screen {
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
        // A chosen booking is shown alone, its options under it, and the way back to the list.
        if let Some(b) = selected {
            s.tall = true;
            s.choice(
                0,
                0,
                1,
                format!("booking-{}", b.id.0),
                self.booking_label(ctx, b),
            );
            let mut options: Vec<(&str, &str)> = match &b.state {
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
            options.push(("list", "bookings-list"));
            let cols = options.len();
            for (col, (id, label)) in options.iter().enumerate() {
                let label = if *id == "cancel" && self.cancel_asked {
                    "bookings-cancel-confirm"
                } else {
                    label
                };
                s.choice(1, col, cols, (*id).into(), ctx.text(label, &[]));
            }
            return s;
        }

        let shown = match ctx.mode {
            DisplayMode::Bilingual => BOOKINGS_SHOWN_BILINGUAL,
            DisplayMode::Mn => BOOKINGS_SHOWN_MONGOLIAN,
            DisplayMode::Zh => BOOKINGS_SHOWN,
        };
        s.tall = true;
        // A page of bookings, newest first; older and newer pages one tile away.
        let pages = list.len().div_ceil(shown).max(1);
        let page = self.page.min(pages - 1);
        let mut row = 0;
        for b in list.iter().rev().skip(page * shown).take(shown) {
            s.choice(
                row,
                0,
                1,
                format!("booking-{}", b.id.0),
                self.booking_label(ctx, b),
            );
            row += 1;
        }
        let mut turns = Vec::new();
        if page > 0 {
            turns.push(("newer", "bookings-newer"));
        }
        if page + 1 < pages {
            turns.push(("older", "bookings-older"));
        }
        let cols = turns.len();
        for (col, (id, label)) in turns.into_iter().enumerate() {
            let where_ = (page + 1).to_string();
            let of = pages.to_string();
            let label = ctx.text(label, &[("page", &where_), ("pages", &of)]);
            s.choice(row, col, cols, id.into(), label);
        }
        s
    }

    /// A booking as the list shows it: its slot and masked number, then its state (the state is
    /// in the label: a detail line gives way when a tile is small, and the state is what the
    /// list is for).
    fn booking_label(&self, ctx: &Ctx, b: &StoredBooking) -> String {
        let slot = b.slot.as_ref().or(match &b.state {
            BookingState::Sent(r) | BookingState::Cancelled(r) => Some(&r.slot),
            _ => None,
        });
        let mobile = b.request.mobile.masked();
        ctx.each(|c| {
            let when = slot
                .map(|slot| Self::slot_label(c, slot))
                .unwrap_or_else(|| c.text("callback-missing", &[]));
            format!("{when} · {mobile}\n{}", Self::booking_state(c, b))
        })
    }

    /// A booking's state in a few words (one language of `ctx`).
    pub(super) fn booking_state(ctx: &Ctx, b: &StoredBooking) -> String {
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
    pub(super) fn booking_detail(ctx: &Ctx, b: &StoredBooking) -> String {
        match &b.state {
            BookingState::Dead(code) => ctx.text_with("booking-refused-detail", |c| {
                vec![("reason", c.text(&code.message_id(), &[]))]
            }),
            _ => ctx.each(|c| Self::booking_state(c, b)),
        }
    }
}
