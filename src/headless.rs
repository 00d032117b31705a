//! Rendering without a display: a Slint platform whose windows draw into memory with the
//! software renderer, and whose event loop is `Harness::settle`. The screenshot command, the UI
//! tests and the benchmark all use it, so what a test checks is what a person sees.

use crate::Shell;
use crate::keymap;
use anyhow::Context;
use legal_kiosk_core::Profile;
use legal_kiosk_core::focus::Rect;
use legal_kiosk_core::i18n::DisplayMode;
use slint::Rgb8Pixel;
use slint::platform::software_renderer::{MinimalSoftwareWindow, RepaintBufferType};
use slint::platform::{Platform, PointerEventButton, WindowAdapter, WindowEvent};
use slint::{ComponentHandle, LogicalPosition, PhysicalSize};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::path::Path;
use std::rc::Rc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A closure another thread asked to run on the event loop.
type Job = Box<dyn FnOnce() + Send>;

/// The event loop's queue: what `invoke_from_event_loop` (and so `spawn_local`'s wakers, and so
/// the inbox) asked to run, until `settle` runs it on the UI thread.
#[derive(Default)]
struct Queue {
    jobs: Mutex<VecDeque<Job>>,
    arrived: Condvar,
}

impl Queue {
    fn take(&self) -> Vec<Job> {
        match self.jobs.lock() {
            Ok(mut jobs) => jobs.drain(..).collect(),
            Err(poisoned) => poisoned.into_inner().drain(..).collect(),
        }
    }

    /// Waits up to `timeout` for a job to arrive.
    fn wait(&self, timeout: Duration) {
        let Ok(jobs) = self.jobs.lock() else {
            return;
        };
        if jobs.is_empty() {
            let _ = self.arrived.wait_timeout(jobs, timeout);
        }
    }
}

struct Proxy(Arc<Queue>);

impl slint::platform::EventLoopProxy for Proxy {
    fn quit_event_loop(&self) -> Result<(), slint::EventLoopError> {
        Ok(())
    }

    fn invoke_from_event_loop(&self, event: Job) -> Result<(), slint::EventLoopError> {
        let mut jobs = self
            .0
            .jobs
            .lock()
            .map_err(|_| slint::EventLoopError::EventLoopTerminated)?;
        jobs.push_back(event);
        self.0.arrived.notify_all();
        Ok(())
    }
}

thread_local! {
    // Slint's platform is per thread; each test thread installs its own.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static LAST_WINDOW: RefCell<Option<Rc<MinimalSoftwareWindow>>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Option<Arc<Queue>>> = const { RefCell::new(None) };
}

struct HeadlessPlatform {
    start: Instant,
    queue: Arc<Queue>,
    /// Set once `set_platform` returned. Slint keeps the proxy it asks for during
    /// `set_platform` in one process-wide slot (for `slint::invoke_from_event_loop`), which a
    /// second test thread's platform could not fill; the app does not use it. Every later ask
    /// — `spawn_local`, on which the inbox runs — gets this thread's own queue.
    ready: Rc<Cell<bool>>,
}

impl Platform for HeadlessPlatform {
    fn create_window_adapter(&self) -> Result<Rc<dyn WindowAdapter>, slint::PlatformError> {
        let window = MinimalSoftwareWindow::new(RepaintBufferType::ReusedBuffer);
        LAST_WINDOW.with(|w| *w.borrow_mut() = Some(window.clone()));
        Ok(window)
    }

    fn duration_since_start(&self) -> Duration {
        self.start.elapsed()
    }

    fn new_event_loop_proxy(&self) -> Option<Box<dyn slint::platform::EventLoopProxy>> {
        if !self.ready.get() {
            return None;
        }
        Some(Box::new(Proxy(self.queue.clone())))
    }
}

/// Makes this thread's Slint platform the headless one (once; later calls do nothing).
pub fn install() -> anyhow::Result<()> {
    if INSTALLED.with(Cell::get) {
        return Ok(());
    }
    let queue = Arc::new(Queue::default());
    let ready = Rc::new(Cell::new(false));
    slint::platform::set_platform(Box::new(HeadlessPlatform {
        start: Instant::now(),
        queue: queue.clone(),
        ready: ready.clone(),
    }))
    .map_err(|e| anyhow::anyhow!("cannot install the headless platform: {e}"))?;
    ready.set(true);
    QUEUE.with(|q| *q.borrow_mut() = Some(queue));
    INSTALLED.with(|i| i.set(true));
    Ok(())
}

/// Runs what other threads queued for the event loop. True if anything ran.
fn run_queued() -> bool {
    let jobs = QUEUE.with(|q| q.borrow().as_ref().map(|q| q.take()).unwrap_or_default());
    let ran = !jobs.is_empty();
    for job in jobs {
        job();
    }
    ran
}

/// Waits up to `timeout` for another thread to queue work for the event loop.
fn wait_for_queued(timeout: Duration) {
    let queue = QUEUE.with(|q| q.borrow().clone());
    match queue {
        Some(q) => q.wait(timeout),
        None => std::thread::sleep(timeout),
    }
}

/// How long `settle` waits for background work before it gives up and says what is pending.
/// A hang guard, not a speed check: the work normally takes milliseconds.
const SETTLE_LIMIT: Duration = Duration::from_secs(10);

/// Background work did not finish within `SETTLE_LIMIT`.
#[derive(Debug, thiserror::Error)]
#[error("still waiting after {SETTLE_LIMIT:?} for: {}", pending.join("; "))]
pub struct Unsettled {
    pub pending: Vec<String>,
}

/// An RGB frame as the software renderer drew it.
#[derive(Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    /// Row-major, 3 bytes per pixel.
    pub rgb: Vec<u8>,
}

impl std::fmt::Debug for Frame {
    // Millions of bytes help nobody in a failed assertion.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Frame({}x{})", self.width, self.height)
    }
}

impl Frame {
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = ((y * self.width + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The pixels of a physical-pixel rectangle, clipped to the frame, row by row.
    pub fn region(&self, x: u32, y: u32, w: u32, h: u32) -> Vec<u8> {
        let x1 = (x + w).min(self.width);
        let y1 = (y + h).min(self.height);
        let mut out = Vec::new();
        for row in y.min(y1)..y1 {
            let a = ((row * self.width + x.min(x1)) * 3) as usize;
            let b = ((row * self.width + x1) * 3) as usize;
            out.extend_from_slice(&self.rgb[a..b]);
        }
        out
    }

    /// How many different colours the frame holds: a blank frame has one.
    pub fn distinct_colours(&self) -> usize {
        let mut seen = std::collections::HashSet::new();
        for px in self.rgb.chunks_exact(3) {
            seen.insert([px[0], px[1], px[2]]);
            if seen.len() > 4096 {
                break;
            }
        }
        seen.len()
    }

    /// Straight-alpha RGBA laid over a solid ground.
    pub fn from_rgba_on(rgba: &[u8], width: u32, height: u32, ground: [u8; 3]) -> Frame {
        let rgb = rgba
            .chunks_exact(4)
            .flat_map(|p| {
                let a = p[3] as u32;
                let mix = |c: u8, g: u8| ((c as u32 * a + g as u32 * (255 - a)) / 255) as u8;
                [
                    mix(p[0], ground[0]),
                    mix(p[1], ground[1]),
                    mix(p[2], ground[2]),
                ]
            })
            .collect();
        Frame { width, height, rgb }
    }

    pub fn encode_png(&self) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, self.width, self.height);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::Fast);
            let mut w = enc.write_header()?;
            w.write_image_data(&self.rgb)?;
        }
        Ok(out)
    }

    pub fn save_png(&self, path: &Path) -> anyhow::Result<()> {
        let bytes = self.encode_png()?;
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
    }

    pub fn decode_png(bytes: &[u8]) -> anyhow::Result<Frame> {
        let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
        dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = dec.read_info()?;
        let mut buf = vec![0; reader.output_buffer_size().context("PNG too large")?];
        let info = reader.next_frame(&mut buf)?;
        buf.truncate(info.buffer_size());
        let rgb = match info.color_type {
            png::ColorType::Rgb => buf,
            png::ColorType::Rgba => buf
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect(),
            other => anyhow::bail!("unexpected PNG colour type {other:?}"),
        };
        Ok(Frame {
            width: info.width,
            height: info.height,
            rgb,
        })
    }
}

/// The app in a headless window of a given physical size: keys in, frames out.
pub struct Harness {
    shell: Shell,
    window: Rc<MinimalSoftwareWindow>,
    width: u32,
    height: u32,
    scale: f32,
    buffer: RefCell<Vec<Rgb8Pixel>>,
}

impl Harness {
    /// The profile's own physical size and scale (tv: 3840×2160 at 2).
    pub fn new(profile: Profile, mode: impl Into<DisplayMode>) -> anyhow::Result<Harness> {
        let (w, h) = profile.physical_size();
        Harness::with_size(profile, mode, w, h, profile.scale_factor())
    }

    pub fn with_size(
        profile: Profile,
        mode: impl Into<DisplayMode>,
        width: u32,
        height: u32,
        scale: f32,
    ) -> anyhow::Result<Harness> {
        install()?;
        let shell = Shell::new(profile, mode)?;
        let window = LAST_WINDOW
            .with(|w| w.borrow_mut().take())
            .context("the headless platform made no window")?;
        window.dispatch_event(WindowEvent::ScaleFactorChanged {
            scale_factor: scale,
        });
        window.set_size(PhysicalSize::new(width, height));
        shell.window().show()?;
        let harness = Harness {
            shell,
            window,
            width,
            height,
            scale,
            buffer: RefCell::new(vec![Rgb8Pixel::default(); (width * height) as usize]),
        };
        harness.settle()?;
        Ok(harness)
    }

    pub fn shell(&self) -> &Shell {
        &self.shell
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The window in logical pixels: where every focused item must lie.
    pub fn visible_area(&self) -> Rect {
        Rect::new(
            0.0,
            0.0,
            self.width as f32 / self.scale,
            self.height as f32 / self.scale,
        )
    }

    /// Draws what changed since the last frame (partial rendering). True if anything was drawn.
    pub fn render(&self) -> bool {
        let mut buffer = self.buffer.borrow_mut();
        self.window.draw_if_needed(|renderer| {
            renderer.render(&mut buffer, self.width as usize);
        })
    }

    /// Redraws the whole window, as after a full invalidation.
    pub fn render_full(&self) {
        let mut buffer = self.buffer.borrow_mut();
        self.window.request_redraw();
        self.window.draw_if_needed(|renderer| {
            renderer.set_repaint_buffer_type(RepaintBufferType::NewBuffer);
            renderer.render(&mut buffer, self.width as usize);
            renderer.set_repaint_buffer_type(RepaintBufferType::ReusedBuffer);
        });
    }

    /// The event loop between two key presses: runs what background work queued (through the
    /// inbox), timers and change handlers, and draws, until nothing more changes and nothing is
    /// pending — so a test or a screenshot sees the screen a person would after a moment.
    /// Fails, naming what is still pending, if background work does not finish.
    pub fn settle(&self) -> Result<(), Unsettled> {
        let deadline = Instant::now() + SETTLE_LIMIT;
        loop {
            for _ in 0..8 {
                let ran = run_queued();
                slint::platform::update_timers_and_animations();
                if !self.render() && !ran {
                    break;
                }
            }
            let pending = self.shell.pending();
            if pending.is_empty() && !run_queued() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(Unsettled { pending });
            }
            wait_for_queued(Duration::from_millis(5));
        }
    }

    /// One turn of the event loop as a frame of the app: the work other threads queued
    /// (service messages), timers, and drawing what changed. Returns how long the UI thread
    /// was busy, and whether anything ran or was drawn.
    pub fn step(&self) -> (Duration, bool) {
        let t = Instant::now();
        let ran = run_queued();
        slint::platform::update_timers_and_animations();
        let drew = self.render();
        (t.elapsed(), ran || drew)
    }

    /// Waits up to `timeout` for another thread to queue work for the event loop.
    pub fn wait(&self, timeout: Duration) {
        wait_for_queued(timeout);
    }

    /// Runs the event loop for `time` of wall-clock time: for what arrives by itself (the
    /// connection indicator's checks), where nothing is pending to wait for.
    pub fn run_for(&self, time: Duration) -> Result<(), Unsettled> {
        let until = Instant::now() + time;
        while Instant::now() < until {
            self.settle()?;
            wait_for_queued(Duration::from_millis(10));
        }
        self.settle()
    }

    /// Every text on screen with its rectangle and whether its content fits (the "text fits"
    /// census of DESIGN §9).
    pub fn text_census(&self) -> Result<Vec<crate::shell::TextFit>, Unsettled> {
        self.shell.start_text_census();
        self.settle()?;
        Ok(self.shell.text_census())
    }

    /// Sends a key code through the window, exactly as a platform backend delivers it.
    pub fn press_code(&self, code: char) -> Result<(), Unsettled> {
        self.dispatch_key(code.into());
        self.settle()
    }

    /// Key press and release, without drawing afterwards.
    pub fn dispatch_key(&self, text: slint::SharedString) {
        self.window
            .dispatch_event(WindowEvent::KeyPressed { text: text.clone() });
        self.window
            .dispatch_event(WindowEvent::KeyReleased { text });
    }

    /// Presses keys by name, as `--keys` gives them (`"Down Down Return"`); a step `wait:N`
    /// moves the app's clock N seconds on without sleeping, as if nobody touched the device
    /// meanwhile (the kiosk's idle warning and reset follow).
    pub fn press_keys(&self, names: &str) -> anyhow::Result<()> {
        let mut keys = String::new();
        for step in names.split_whitespace() {
            match step.strip_prefix("wait:") {
                Some(secs) => {
                    self.press_named(&keys)?;
                    keys.clear();
                    let secs: u64 = secs.parse().map_err(|_| {
                        anyhow::anyhow!("{step}: wait:N takes whole seconds, e.g. wait:70")
                    })?;
                    self.shell.advance_clock(Duration::from_secs(secs));
                    self.settle()?;
                }
                None => {
                    keys.push_str(step);
                    keys.push(' ');
                }
            }
        }
        self.press_named(&keys)
    }

    fn press_named(&self, names: &str) -> anyhow::Result<()> {
        for code in keymap::parse_key_names(names).map_err(anyhow::Error::msg)? {
            self.press_code(code)?;
        }
        Ok(())
    }

    /// A finger tap at a logical position.
    pub fn tap_at(&self, x: f32, y: f32) -> Result<(), Unsettled> {
        let position = LogicalPosition::new(x, y);
        let button = PointerEventButton::Left;
        self.window
            .dispatch_event(WindowEvent::PointerMoved { position });
        self.window
            .dispatch_event(WindowEvent::PointerPressed { position, button });
        self.window
            .dispatch_event(WindowEvent::PointerReleased { position, button });
        self.window.dispatch_event(WindowEvent::PointerExited);
        self.settle()
    }

    /// A finger dragged from one logical position to another in small steps, as a swipe.
    pub fn drag(&self, from: (f32, f32), to: (f32, f32)) -> Result<(), Unsettled> {
        let button = PointerEventButton::Left;
        let at = |t: f32| {
            LogicalPosition::new(from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t)
        };
        self.window
            .dispatch_event(WindowEvent::PointerMoved { position: at(0.0) });
        self.window.dispatch_event(WindowEvent::PointerPressed {
            position: at(0.0),
            button,
        });
        for step in 1..=20 {
            std::thread::sleep(Duration::from_millis(8));
            slint::platform::update_timers_and_animations();
            self.window.dispatch_event(WindowEvent::PointerMoved {
                position: at(step as f32 / 20.0),
            });
        }
        // Held still before lifting: no fling.
        std::thread::sleep(Duration::from_millis(120));
        slint::platform::update_timers_and_animations();
        self.window.dispatch_event(WindowEvent::PointerReleased {
            position: at(1.0),
            button,
        });
        self.window.dispatch_event(WindowEvent::PointerExited);
        self.settle()
    }

    /// The last drawn frame.
    pub fn frame(&self) -> Frame {
        let buffer = self.buffer.borrow();
        let mut rgb = Vec::with_capacity(buffer.len() * 3);
        for p in buffer.iter() {
            rgb.extend_from_slice(&[p.r, p.g, p.b]);
        }
        Frame {
            width: self.width,
            height: self.height,
            rgb,
        }
    }

    /// A logical rectangle in physical pixels of the frame.
    pub fn to_physical(&self, r: &Rect) -> (u32, u32, u32, u32) {
        let s = self.scale;
        (
            (r.x * s).round().max(0.0) as u32,
            (r.y * s).round().max(0.0) as u32,
            (r.w * s).round().max(0.0) as u32,
            (r.h * s).round().max(0.0) as u32,
        )
    }
}
