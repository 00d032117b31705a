//! A guide's Mongolian summary in vertical columns. Laying out and rasterizing a long text takes
//! tens of milliseconds, so it runs on a worker thread that owns the font list (DESIGN §6): the
//! guide appears at once and its columns follow; the remote's Left and Right scroll them.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::Duration;

use crate::ui::{AppWindow, GuideAdapter, TextColumn, Theme};
use crate::vertical::{self, ColumnPixels, Scroll};
use legal_kiosk_core::focus::Rect;
use legal_kiosk_vertical::VerticalText;
use slint::{ComponentHandle, ModelRc, VecModel};

/// What the worker is asked to draw.
struct Request {
    text: String,
    font_px: f32,
    height: f32,
    scale: f32,
    reply: Sender<Result<ColumnPixels, String>>,
}

/// The shared state of the columns on screen: what the UI thread and its poll timer both see.
#[derive(Default)]
struct State {
    scroll: Scroll,
    /// The answer being waited for.
    pending: Option<Receiver<Result<ColumnPixels, String>>>,
}

#[derive(Default)]
pub struct Columns {
    worker: Option<Sender<Request>>,
    /// The start-up font check's `VerticalText`, for the worker.
    loaded: Option<Receiver<VerticalText>>,
    /// What was last asked for: text and column height.
    asked: Option<(String, u32)>,
    state: Rc<RefCell<State>>,
    poll: Rc<slint::Timer>,
}

/// The worker: one `VerticalText` (its font list loaded once), requests in order; it ends when
/// the UI drops its sender.
fn spawn_worker(loaded: Option<Receiver<VerticalText>>) -> Option<Sender<Request>> {
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
                let _ = req.reply.send(result);
            }
        })
        .map_err(|e| eprintln!("legal-kiosk: cannot start the vertical text worker: {e}"))
        .ok()?;
    Some(tx)
}

/// Shows the worker's answer, if it came.
fn receive(state: &RefCell<State>, window: &AppWindow) -> bool {
    let result = {
        let st = state.borrow();
        match st.pending.as_ref().map(Receiver::try_recv) {
            Some(Ok(result)) => result,
            Some(Err(TryRecvError::Empty)) => return false,
            // The worker is gone: nothing will come.
            Some(Err(TryRecvError::Disconnected)) | None => {
                drop(st);
                state.borrow_mut().pending = None;
                return true;
            }
        }
    };
    let mut st = state.borrow_mut();
    st.pending = None;
    match result {
        Ok(pixels) => {
            let cols = pixels.into_images();
            let step = cols.images.first().map(|c| c.1).unwrap_or(0.0);
            let model: Vec<TextColumn> = cols
                .images
                .into_iter()
                .map(|(image, width, height)| TextColumn {
                    image,
                    width,
                    height,
                })
                .collect();
            st.scroll = Scroll {
                offset: 0.0,
                content: cols.content_width,
                viewport: st.scroll.viewport,
                step: step * 2.0,
            };
            drop(st);
            let adapter = window.global::<GuideAdapter>();
            adapter.set_summary_columns(ModelRc::new(VecModel::from(model)));
            adapter.set_summary_scroll_x(0.0);
        }
        Err(e) => eprintln!("legal-kiosk: cannot lay out vertical text: {e}"),
    }
    true
}

impl Columns {
    /// The columns widget reported where it is: have `text` drawn for its height, unless it
    /// already is (or is being).
    pub fn placed(&mut self, window: &AppWindow, text: &str, rect: Rect) {
        let height = rect.h.round().max(0.0) as u32;
        self.state.borrow_mut().scroll.viewport = rect.w;
        if height == 0
            || self
                .asked
                .as_ref()
                .is_some_and(|(t, h)| t == text && *h == height)
        {
            return;
        }
        if self.worker.is_none() {
            self.worker = spawn_worker(self.loaded.take());
        }
        let Some(worker) = &self.worker else {
            return;
        };
        let (reply, answer) = channel();
        let request = Request {
            text: text.to_owned(),
            font_px: window.global::<Theme>().get_font_body(),
            height: rect.h,
            scale: window.window().scale_factor(),
            reply,
        };
        if worker.send(request).is_err() {
            return;
        }
        self.asked = Some((text.to_owned(), height));
        // A newer request replaces the one in flight: its answer is dropped unseen.
        self.state.borrow_mut().pending = Some(answer);
        let state = Rc::downgrade(&self.state);
        let timer = Rc::downgrade(&self.poll);
        let weak = window.as_weak();
        self.poll.start(
            slint::TimerMode::Repeated,
            Duration::from_millis(8),
            move || {
                let (Some(state), Some(window)) = (state.upgrade(), weak.upgrade()) else {
                    return;
                };
                if receive(&state, &window)
                    && let Some(t) = timer.upgrade()
                {
                    t.stop();
                }
            },
        );
    }

    /// Columns are being drawn in the background.
    pub fn busy(&self) -> bool {
        self.state.borrow().pending.is_some()
    }

    /// Where the start-up font check will deliver its loaded `VerticalText`.
    pub fn use_loaded(&mut self, rx: Receiver<VerticalText>) {
        self.loaded = Some(rx);
    }

    /// The remote's Left or Right on the columns: scroll if they can go that way.
    pub fn scroll(&mut self, window: &AppWindow, forward: bool) -> bool {
        let offset = {
            let mut st = self.state.borrow_mut();
            if !st.scroll.step(forward) {
                return false;
            }
            st.scroll.offset
        };
        window.global::<GuideAdapter>().set_summary_scroll_x(offset);
        true
    }

    /// Another text is coming: draw anew and start unscrolled, without the old columns.
    pub fn reset(&mut self, window: &AppWindow) {
        self.asked = None;
        {
            let mut st = self.state.borrow_mut();
            st.scroll.offset = 0.0;
            st.scroll.content = 0.0;
            st.pending = None;
        }
        let adapter = window.global::<GuideAdapter>();
        adapter.set_summary_scroll_x(0.0);
        adapter.set_summary_columns(ModelRc::default());
    }
}
