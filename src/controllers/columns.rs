//! Long Mongolian text in vertical columns (a guide's summary, an application's 补正 request and
//! appeal route). Laying out and rasterizing a long text takes tens of milliseconds, so it runs on
//! one worker thread that owns the font list (DESIGN §6), shared by every view that shows
//! columns: the page appears at once and its columns follow through the inbox; the remote's
//! Left and Right scroll them, and so does a finger, through the shared page-scroll model. The
//! controller puts the columns and their scroll offset into its own adapter.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use legal_kiosk_core::focus::{PageScroll, Rect, Span};
use legal_kiosk_vertical::VerticalText;
use slint::ComponentHandle;

use crate::inbox::{Mailbox, Message};
use crate::ui::{AppWindow, TextColumn, Theme};
use crate::vertical::{self, ColumnPixels};

/// What the worker is asked to draw.
struct Request {
    id: u64,
    text: String,
    font_px: f32,
    height: f32,
    scale: f32,
}

/// The one thread that lays out and draws vertical text, started when first asked; every
/// [`Columns`] asks it, and its answers come back through the mailbox as [`Message::Columns`]
/// with the number of the request.
pub struct VerticalWorker {
    mailbox: Mailbox,
    sender: RefCell<Option<Sender<Request>>>,
    /// The start-up font check's `VerticalText`, for the worker.
    loaded: RefCell<Option<Receiver<VerticalText>>>,
    next_id: Cell<u64>,
}

impl VerticalWorker {
    pub fn new(mailbox: Mailbox) -> Rc<VerticalWorker> {
        Rc::new(VerticalWorker {
            mailbox,
            sender: RefCell::new(None),
            loaded: RefCell::new(None),
            next_id: Cell::new(1),
        })
    }

    /// Where the start-up font check will deliver its loaded `VerticalText`.
    pub fn use_loaded(&self, rx: Receiver<VerticalText>) {
        *self.loaded.borrow_mut() = Some(rx);
    }

    /// Asks for `text` in columns `height` logical pixels tall: the request's number, or
    /// `None` when the worker cannot run.
    fn ask(&self, window: &AppWindow, text: &str, height: f32) -> Option<u64> {
        let mut sender = self.sender.borrow_mut();
        if sender.is_none() {
            *sender = spawn_worker(self.loaded.borrow_mut().take(), self.mailbox.clone());
        }
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let request = Request {
            id,
            text: text.to_owned(),
            font_px: window.global::<Theme>().get_font_body(),
            height,
            scale: window.window().scale_factor(),
        };
        sender.as_ref()?.send(request).ok()?;
        Some(id)
    }
}

/// One block of vertical columns: its text, what was asked of the worker, and how far it is
/// scrolled sideways.
pub struct Columns {
    worker: Rc<VerticalWorker>,
    /// The text to lay out (Mongolian), as the view shows it now.
    text: String,
    /// What was last asked for: text and column height.
    asked: Option<(String, u32)>,
    /// The request whose answer is awaited; older answers are dropped unseen.
    waiting: Option<u64>,
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
    pub fn new(worker: Rc<VerticalWorker>) -> Columns {
        Columns {
            worker,
            text: String::new(),
            asked: None,
            waiting: None,
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

    /// Whether `text` is what the columns show (or are being drawn for).
    pub fn shows(&self, text: &str) -> bool {
        self.text == text
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
        if let Some(id) = self.worker.ask(window, &self.text, rect.h) {
            self.asked = Some((self.text.clone(), height));
            self.waiting = Some(id);
        }
    }

    /// The worker's answer to request `id`: the columns to show, or `None` when the answer is
    /// not for these columns (or the text could not be laid out, which is logged). The scroll
    /// starts again at 0.
    pub fn receive(
        &mut self,
        id: u64,
        result: &Result<ColumnPixels, String>,
    ) -> Option<Vec<TextColumn>> {
        if self.waiting != Some(id) {
            return None;
        }
        self.waiting = None;
        let pixels = match result {
            Ok(pixels) => pixels,
            Err(e) => {
                eprintln!("legal-kiosk: cannot lay out vertical text: {e}");
                return None;
            }
        };
        let cols = pixels.to_images();
        self.step = cols.images.first().map(|c| c.1).unwrap_or(0.0) * 2.0;
        self.scroll.reset();
        self.scroll.set_content(cols.content_width);
        Some(
            cols.images
                .into_iter()
                .map(|(image, width, height)| TextColumn {
                    image,
                    width,
                    height,
                })
                .collect(),
        )
    }

    /// Columns are being drawn in the background.
    pub fn busy(&self) -> bool {
        self.waiting.is_some()
    }

    /// How far the columns are scrolled sideways (logical pixels).
    pub fn offset(&self) -> f32 {
        self.scroll.offset()
    }

    /// The remote's Left or Right on the columns: true when they scrolled that way.
    pub fn step(&mut self, forward: bool) -> bool {
        self.scroll.step(self.step, forward)
    }

    /// A finger dragged the columns to `offset`: the next remote step starts there. The
    /// view's offset property must follow, so a later step back to its old value still moves
    /// the columns.
    pub fn finger_moved(&mut self, offset: f32) {
        self.scroll.finger_moved(offset);
    }

    pub fn key_pressed(&mut self) {
        self.scroll.key_pressed();
    }

    /// Another text is coming: draw anew and start unscrolled. The view drops the old columns.
    pub fn reset(&mut self) {
        self.asked = None;
        self.waiting = None;
        self.scroll.reset();
    }
}
