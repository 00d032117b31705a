//! The screen of a step (of booking a callback, of sending a complaint or suggestion) as one
//! value put into the step adapter at once, and how numbers, days and hours are written on it.

use chrono::{Datelike, NaiveDate};
use legal_kiosk_api::CallbackSlot;
use slint::{ComponentHandle, ModelRc, VecModel};

use crate::controllers::Ctx;
use crate::ui::{Choice, StepAdapter};

/// A reference number as it is read out to the hotline: `230 908 4297` (groups of three, the
/// last of four, like a phone number).
pub(crate) fn grouped_reference(reference: &str) -> String {
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
pub(crate) fn hours(slot: &CallbackSlot) -> String {
    format!(
        "{}\u{2060}–\u{2060}{}",
        slot.starts_at.format("%H:%M"),
        slot.ends_at.format("%H:%M")
    )
}

/// `12月1日 周二` / its Mongolian form (each language its own in bilingual mode).
pub(crate) fn day_label(ctx: &Ctx, day: NaiveDate) -> String {
    let weekday = format!("weekday-{}", day.weekday().number_from_monday());
    ctx.text_with("callback-day", |c| {
        vec![
            ("month", day.month().to_string()),
            ("day", day.day().to_string()),
            ("weekday", c.text(&weekday, &[])),
        ]
    })
}

/// What a step shows, put into the adapter in one go.
pub(crate) struct Screen {
    pub(crate) title: String,
    pub(crate) intro: String,
    pub(crate) big: String,
    pub(crate) entry: bool,
    pub(crate) entry_label: String,
    pub(crate) entry_value: String,
    pub(crate) entry_error: String,
    /// Choices whose labels take twice the usual lines (the bookings' two-line labels).
    pub(crate) tall: bool,
    /// Rows keep their comfortable height and the page scrolls (a long list).
    pub(crate) keeps_rows: bool,
    /// A QR code that opens the booking on a phone, and what it is.
    pub(crate) qr: Option<slint::Image>,
    pub(crate) qr_caption: String,
    pub(crate) choices: Vec<Choice>,
}

impl Screen {
    pub(crate) fn new(title: String) -> Screen {
        Screen {
            title,
            intro: String::new(),
            big: String::new(),
            entry: false,
            entry_label: String::new(),
            entry_value: String::new(),
            entry_error: String::new(),
            tall: false,
            keeps_rows: false,
            qr: None,
            qr_caption: String::new(),
            choices: Vec::new(),
        }
    }

    /// A mobile number's step: the entry (`digits` grouped as read aloud, and why they were
    /// refused: a message id, `$count` the digits typed) and the tile to go on.
    pub(crate) fn mobile_entry(
        ctx: &Ctx,
        title: String,
        label: String,
        digits: &str,
        error: Option<&'static str>,
    ) -> Screen {
        let mut s = Screen::new(title);
        s.entry = true;
        s.entry_label = label;
        s.entry_value = crate::controllers::entry::grouped(digits);
        s.entry_error = error
            .map(|id| ctx.text(id, &[("count", &digits.len().to_string())]))
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

    pub(crate) fn choice(
        &mut self,
        row: usize,
        col: usize,
        cols: usize,
        id: String,
        label: String,
    ) {
        self.choice_with(row, col, cols, id, label, String::new(), true);
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn choice_with(
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

    pub(crate) fn put(self, ctx: &Ctx) {
        let a = ctx.window.global::<StepAdapter>();
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
        a.set_keeps_rows(self.keeps_rows);
        a.set_has_qr(self.qr.is_some());
        a.set_qr(self.qr.unwrap_or_default());
        a.set_qr_caption(self.qr_caption.into());
        a.set_choices(ModelRc::new(VecModel::from(self.choices)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_grouped_as_it_is_read_out() {
        assert_eq!(grouped_reference("2309084297"), "230 908 4297");
        assert_eq!(grouped_reference("1234567"), "123 4567");
        assert_eq!(grouped_reference("12345678901"), "1 234 567 8901");
        assert_eq!(grouped_reference("CB-12"), "CB-12");
    }
}
