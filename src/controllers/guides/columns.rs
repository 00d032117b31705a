//! A guide's Mongolian summary in vertical columns. Laying out and rasterizing a long text takes
//! tens of milliseconds, so it runs on a worker thread that owns the font list (DESIGN §6): the
//! guide appears at once and its columns follow through the inbox; the remote's Left and Right
//! scroll them, and so does a finger, through the shared page-scroll model.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use legal_kiosk_core::focus::{PageScroll, Rect, Span};
use legal_kiosk_vertical::VerticalText;
use slint::{ComponentHandle, ModelRc, VecModel};

use crate::inbox::{Mailbox, Message};
use crate::ui::{AppWindow, GuideAdapter, TextColumn, Theme};
use crate::vertical::{self, ColumnPixels};

/// What the worker is asked to draw.
struct Request {
    id: u64,
    text: String,
    font_px: f32,
    height: f32,
    scale: f32,
}

pub struct Columns {
    mailbox: Mailbox,
    worker: Option<Sender<Request>>,
    /// The start-up font check's `VerticalText`, for the worker.
    loaded: Option<Receiver<VerticalText>>,
    /// The text to lay out (the summary in Mongolian), as the guide shows it now.
    text: String,
    /// What was last asked for: text and column height.
    asked: Option<(String, u32)>,
    /// The request whose answer is awaited; older answers are dropped unseen.
    waiting: Option<u64>,
    next_id: u64,
    /// The columns scrolled sideways.
    scroll: PageScroll,
    /// One remote step: two columns.
    step: f32,
}

/// The worker: one `VerticalText` (its font list loaded once), requests in order, answers
/// through the mailbox; it ends when the UI drops its sender.
fn spawn_worker(
    loaded: Option<Receiver<VerticalText>>,
    mailbox: Mailbox,
) -> Option<Sender<Request>> {
    let (tx, rx) = channel::<Request>();
    std::thread::Builder::new()
        .name("vertical-text".into())
        .spawn(move || {
            let mut vt = loaded
                .and_then(|l| l.recv_timeout(Duration::from_secs(2)).ok())
                .unwrap_or_default();
            for req in rx {
                let result =
                    vertical::column_pixels(&mut vt, &req.text, req.font_px, req.height, req.scale)
                        .map_err(|e| e.to_string());
                if !mailbox.post(Message::Columns {
                    request: req.id,
                    result,
                }) {
                    break;
                }
            }
        })
        .map_err(|e| eprintln!("legal-kiosk: cannot start the vertical text worker: {e}"))
        .ok()?;
    Some(tx)
}

impl Columns {
    pub fn new(mailbox: Mailbox) -> Columns {
        Columns {
            mailbox,
            worker: None,
            loaded: None,
            text: String::new(),
            asked: None,
            waiting: None,
            next_id: 1,
            scroll: PageScroll::default(),
            step: 0.0,
        }
    }

    /// The text the columns show (empty: none).
    pub fn set_text(&mut self, text: &str) {
        if self.text != text {
            self.text = text.to_owned();
        }
    }

    /// The columns' scrolling window is at `rect` (inside the widget, clear of the focus
    /// ring): scroll within its width, and have the text drawn for its height unless it
    /// already is (or is being).
    pub fn page_placed(&mut self, window: &AppWindow, rect: Rect) {
        self.scroll.set_viewport(Span::new(rect.x, rect.w));
        let height = rect.h.round().max(0.0) as u32;
        if height == 0
            || self.text.is_empty()
            || self
                .asked
                .as_ref()
                .is_some_and(|(t, h)| *t == self.text && *h == height)
        {
            return;
        }
        if self.worker.is_none() {
            self.worker = spawn_worker(self.loaded.take(), self.mailbox.clone());
        }
        let Some(worker) = &self.worker else {
            return;
        };
        let id = self.next_id;
        self.next_id += 1;
        let request = Request {
            id,
            text: self.text.clone(),
            font_px: window.global::<Theme>().get_font_body(),
            height: rect.h,
            scale: window.window().scale_factor(),
        };
        if worker.send(request).is_err() {
            return;
        }
        self.asked = Some((self.text.clone(), height));
        self.waiting = Some(id);
    }

    /// The worker's answer to request `id`.
    pub fn receive(&mut self, window: &AppWindow, id: u64, result: &Result<ColumnPixels, String>) {
        if self.waiting != Some(id) {
            return;
        }
        self.waiting = None;
        let pixels = match result {
            Ok(pixels) => pixels,
            Err(e) => {
                eprintln!("legal-kiosk: cannot lay out vertical text: {e}");
                return;
            }
        };
        let cols = pixels.to_images();
        self.step = cols.images.first().map(|c| c.1).unwrap_or(0.0) * 2.0;
        let model: Vec<TextColumn> = cols
            .images
            .into_iter()
            .map(|(image, width, height)| TextColumn {
                image,
                width,
                height,
            })
            .collect();
        self.scroll.reset();
        self.scroll.set_content(cols.content_width);
        let adapter = window.global::<GuideAdapter>();
        adapter.set_summary_columns(ModelRc::new(VecModel::from(model)));
        adapter.set_summary_scroll_x(0.0);
    }

    /// Columns are being drawn in the background.
    pub fn busy(&self) -> bool {
        self.waiting.is_some()
    }

    /// Where the start-up font check will deliver its loaded `VerticalText`.
    pub fn use_loaded(&mut self, rx: Receiver<VerticalText>) {
        self.loaded = Some(rx);
    }

    /// The remote's Left or Right on the columns: scroll if they can go that way.
    pub fn step(&mut self, window: &AppWindow, forward: bool) -> bool {
        if !self.scroll.step(self.step, forward) {
            return false;
        }
        window
            .global::<GuideAdapter>()
            .set_summary_scroll_x(self.scroll.offset());
        true
    }

    /// A finger dragged the columns to `offset`: the next remote step starts there.
    pub fn finger_moved(&mut self, window: &AppWindow, offset: f32) {
        self.scroll.finger_moved(offset);
        // The property follows, so a later step back to its old value still moves the columns.
        window
            .global::<GuideAdapter>()
            .set_summary_scroll_x(self.scroll.offset());
    }

    pub fn key_pressed(&mut self) {
        self.scroll.key_pressed();
    }

    /// Another text is coming: draw anew and start unscrolled, without the old columns.
    pub fn reset(&mut self, window: &AppWindow) {
        self.asked = None;
        self.waiting = None;
        self.scroll.reset();
        let adapter = window.global::<GuideAdapter>();
        adapter.set_summary_scroll_x(0.0);
        adapter.set_summary_columns(ModelRc::default());
    }
}
