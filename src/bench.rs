//! The benchmark (DESIGN §10): start-up to first frame, peak memory, full and partial redraws.
//! It prints numbers for the issue notes and asserts nothing.

use crate::headless::Harness;
use anyhow::Context;
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::{DisplayMode, Lang};
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use slint::ComponentHandle;

/// What the child process prints once its first frame is drawn.
const FIRST_FRAME: &str = "first-frame";

/// Summary of a set of timings.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub min: Duration,
    pub median: Duration,
    pub max: Duration,
    pub n: usize,
}

impl Stats {
    pub fn of(mut samples: Vec<Duration>) -> Stats {
        samples.sort();
        Stats {
            min: samples.first().copied().unwrap_or_default(),
            median: samples.get(samples.len() / 2).copied().unwrap_or_default(),
            max: samples.last().copied().unwrap_or_default(),
            n: samples.len(),
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(
            f,
            "median {:.2} ms (min {:.2}, max {:.2}, n={})",
            ms(self.median),
            ms(self.min),
            ms(self.max),
            self.n
        )
    }
}

pub struct Report {
    pub first_frame_1080: Stats,
    pub first_frame_2160: Stats,
    pub peak_rss_2160_kib: u64,
    pub full_redraw_2160: Stats,
    pub focus_move_2160: Stats,
    /// Guides in the search benchmark's index.
    pub search_guides: usize,
    /// One T9 or keyboard search over them, the slowest query's timings.
    pub search: Stats,
    pub open_bundle: Stats,
    /// OK on a guide to its screen drawn, Mongolian (vertical columns laid out), 3840x2160.
    pub open_guide_mn_2160: Stats,
    /// The same until the first frame (the columns still being drawn on the worker).
    pub open_guide_mn_first_2160: Stats,
    pub open_guide_zh_2160: Stats,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "legal-kiosk bench (tv profile, Home, software renderer, headless)"
        )?;
        writeln!(
            f,
            "process start -> first frame, 1920x1080: {}",
            self.first_frame_1080
        )?;
        writeln!(
            f,
            "process start -> first frame, 3840x2160: {}",
            self.first_frame_2160
        )?;
        writeln!(
            f,
            "peak RSS at 3840x2160 (VmHWM): {:.1} MiB",
            self.peak_rss_2160_kib as f64 / 1024.0
        )?;
        writeln!(f, "full redraw 3840x2160: {}", self.full_redraw_2160)?;
        writeln!(
            f,
            "redraw after one focus move 3840x2160 (partial): {}",
            self.focus_move_2160
        )?;
        writeln!(
            f,
            "guide search over {} guides (slowest of 8 queries): {}",
            self.search_guides, self.search
        )?;
        writeln!(
            f,
            "open + verify the embedded content bundle: {}",
            self.open_bundle
        )?;
        writeln!(
            f,
            "open a guide in Mongolian, first frame (UI thread), 3840x2160: {}",
            self.open_guide_mn_first_2160
        )?;
        writeln!(
            f,
            "open a guide in Mongolian until its columns are drawn, 3840x2160: {}",
            self.open_guide_mn_2160
        )?;
        writeln!(
            f,
            "open a guide in Chinese and draw it, 3840x2160: {}",
            self.open_guide_zh_2160
        )
    }
}

/// Runs every measurement. `exe` is this program: start-up is timed on fresh processes.
pub fn run(exe: &Path, iterations: usize) -> anyhow::Result<Report> {
    let iterations = iterations.max(1);
    let mut f1080 = vec![];
    let mut f2160 = vec![];
    let mut rss = 0;
    for _ in 0..iterations.min(15) {
        f1080.push(spawn_first_frame(exe, 1920, 1080, 1.0)?.0);
        let (t, r) = spawn_first_frame(exe, 3840, 2160, 2.0)?;
        f2160.push(t);
        rss = rss.max(r);
    }

    let harness = Harness::new(Profile::Tv, Lang::Zh)?;
    let mut full = vec![];
    for _ in 0..iterations {
        let t = Instant::now();
        harness.render_full();
        full.push(t.elapsed());
    }
    let mut moves = vec![];
    for i in 0..iterations {
        let key = if i % 2 == 0 { "Right" } else { "Left" };
        let code = crate::keymap::code_for_name(key).context("key map lacks arrows")?;
        let text: slint::SharedString = code.into();
        harness.dispatch_key(text);
        slint::platform::update_timers_and_animations();
        let t = Instant::now();
        harness.render();
        moves.push(t.elapsed());
        harness.settle()?;
    }

    let (search_guides, search) = search_500(iterations)?;
    let key = legal_kiosk_content::bundle::dev_verifying_key()?;
    let mut open_bundle = vec![];
    for _ in 0..iterations {
        let t = Instant::now();
        let b = legal_kiosk_content::Bundle::open(legal_kiosk_content::EMBEDDED_BUNDLE, &key)?;
        open_bundle.push(t.elapsed());
        std::hint::black_box(b);
    }
    let (_, open_guide_zh_2160) = open_guides(DisplayMode::Zh, iterations)?;
    let (open_guide_first, open_guide) = open_guides(DisplayMode::Mn, iterations)?;

    Ok(Report {
        search_guides,
        search,
        open_bundle: Stats::of(open_bundle),
        open_guide_mn_2160: open_guide,
        open_guide_mn_first_2160: open_guide_first,
        open_guide_zh_2160,
        first_frame_1080: Stats::of(f1080),
        first_frame_2160: Stats::of(f2160),
        peak_rss_2160_kib: rss,
        full_redraw_2160: Stats::of(full),
        focus_move_2160: Stats::of(moves),
    })
}

/// Opening two guides in turn on a tv in `mode` (so each open lays out new columns): the
/// time to the first frame, and to the screen finished (vertical columns arrive from a worker).
fn open_guides(mode: DisplayMode, iterations: usize) -> anyhow::Result<(Stats, Stats)> {
    let h = Harness::new(Profile::Tv, mode)?;
    // As in the app: the start-up font check hands over the font list it loaded.
    h.shell().check_fonts();
    h.settle()?;
    let (mut first, mut done) = (vec![], vec![]);
    for i in 0..iterations.min(20) {
        let id = if i % 2 == 0 {
            "guide:legal-aid-application"
        } else {
            "guide:people-mediation"
        };
        let t = Instant::now();
        h.shell().open(id);
        slint::platform::update_timers_and_animations();
        h.render();
        first.push(t.elapsed());
        h.settle()?;
        done.push(t.elapsed());
    }
    Ok((Stats::of(first), Stats::of(done)))
}

/// 500 guides made from the embedded ones (titles suffixed, so they differ), searched with
/// remote digits and keyboard text; returns the index size and the slowest query's timings.
fn search_500(iterations: usize) -> anyhow::Result<(usize, Stats)> {
    use legal_kiosk_content::search::keys_for;
    use legal_kiosk_content::{Query, SearchIndex};
    let key = legal_kiosk_content::bundle::dev_verifying_key()?;
    let bundle = legal_kiosk_content::Bundle::open(legal_kiosk_content::EMBEDDED_BUNDLE, &key)?;
    let suffixes = [
        "", "变更", "撤销", "复查", "咨询", "材料", "证明", "登记", "查询", "补办",
    ];
    let mut entries = Vec::new();
    'fill: for suffix in suffixes.iter().cycle() {
        for (n, g) in bundle.guides.iter().enumerate() {
            if entries.len() == 500 {
                break 'fill;
            }
            let title = format!("{}{suffix}{}", g.title.zh, entries.len() / 100 + n % 3);
            entries.push((title.clone(), keys_for(&g.id, &title)));
        }
    }
    let index = SearchIndex::new(entries);
    let queries = ["3", "35", "359", "3599", "7685", "99999", "falv", "援助"];
    let mut worst = Stats::of(vec![]);
    for q in queries {
        let query = Query::parse(q);
        let mut times = vec![];
        for _ in 0..iterations.max(20) {
            let t = Instant::now();
            let hits = index.search(&query);
            times.push(t.elapsed());
            std::hint::black_box(hits);
        }
        let stats = Stats::of(times);
        if stats.median >= worst.median {
            worst = stats;
        }
    }
    Ok((index.len(), worst))
}

/// Starts `exe first-frame` and times spawn → its "first-frame" line. Returns that time and
/// the child's peak RSS in KiB.
fn spawn_first_frame(exe: &Path, w: u32, h: u32, scale: f32) -> anyhow::Result<(Duration, u64)> {
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args(["--profile", "tv", "--lang", "zh", "first-frame"])
        .args(["--width", &w.to_string(), "--height", &h.to_string()])
        .args(["--scale", &scale.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .context("cannot start the benchmark child")?;
    let stdout = child.stdout.take().context("child has no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let mut elapsed = None;
    let mut rss = 0;
    for line in lines.by_ref() {
        let line = line?;
        if line == FIRST_FRAME {
            elapsed = Some(start.elapsed());
        } else if let Some(v) = line.strip_prefix("peak-rss-kib ") {
            rss = v.trim().parse().unwrap_or(0);
        }
    }
    let status = child.wait()?;
    anyhow::ensure!(status.success(), "benchmark child failed: {status}");
    Ok((elapsed.context("child never drew a frame")?, rss))
}

/// The child side: draw the tv Home once, say so, then report peak memory.
pub fn first_frame_child(
    profile: Profile,
    lang: DisplayMode,
    w: u32,
    h: u32,
    scale: f32,
) -> anyhow::Result<()> {
    let harness = Harness::with_size(profile, lang, w, h, scale)?;
    println!("{FIRST_FRAME}");
    drop(harness);
    println!("peak-rss-kib {}", peak_rss_kib().unwrap_or(0));
    Ok(())
}

/// VmHWM from /proc: the most resident memory this process has had.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The `p`-th percentile (0–100) of `samples`, nearest rank.
pub fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// What `legal-kiosk bench-bookings` measures.
#[derive(Debug, Clone)]
pub struct BookingReport {
    /// OK on confirm to the booking committed in the outbox file (WAL, synchronous=FULL):
    /// the command's trip to the service worker and back included.
    pub commit: Vec<Duration>,
    /// The UI thread's longest frame (messages handled and drawn, 3840x2160) from OK on
    /// confirm until the reference number is on screen, per booking.
    pub longest_frame: Vec<Duration>,
    /// OK on confirm until the reference is drawn, per booking.
    pub to_reference: Vec<Duration>,
}

impl fmt::Display for BookingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let line = |name: &str, v: &[Duration]| {
            format!(
                "{name}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (n={})",
                ms(percentile(v, 50.0)),
                ms(percentile(v, 99.0)),
                ms(percentile(v, 100.0)),
                v.len()
            )
        };
        writeln!(
            f,
            "legal-kiosk bench-bookings (reference backend on loopback, outbox on disk)"
        )?;
        writeln!(f, "{}", line("OK -> COMMIT", &self.commit))?;
        writeln!(
            f,
            "{}",
            line(
                "longest UI frame while a booking is saved and sent, tv 3840x2160",
                &self.longest_frame
            )
        )?;
        writeln!(
            f,
            "{}",
            line("OK -> reference on screen", &self.to_reference)
        )
    }
}

/// Books `n` callbacks through the service worker (OK to COMMIT), then `frames` more through
/// the UI on a tv, timing every frame until the reference shows. `dir` holds the outboxes.
#[cfg(feature = "demo-backend")]
pub fn bookings(dir: &Path, n: usize, frames: usize) -> anyhow::Result<BookingReport> {
    use legal_kiosk_api::{CallbackRequest, Lang as ApiLang, MobileNumber, SlotId};
    use legal_kiosk_core::service::{Answer, Backend, Command, Event, Service, ServiceConfig};
    use std::sync::Arc;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let backend = runtime.block_on(legal_kiosk_backend::start_local_with(
        Path::new(":memory:"),
        legal_kiosk_backend::Limits::UNLIMITED,
    ))?;
    let slots: Vec<String> = {
        let conn = backend.db().lock();
        conn.execute("UPDATE slots SET capacity = 1000000", [])?;
        let mut stmt = conn.prepare(
            "SELECT id FROM slots WHERE lang = 'zh' AND region = '150100' AND starts_at > ?1",
        )?;
        let soon = (chrono::Utc::now() + chrono::Duration::hours(2))
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).context("zone")?)
            .to_rfc3339();
        stmt.query_map([soon], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?
    };
    let slot = SlotId::parse(slots.first().context("no open slot")?)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let key = legal_kiosk_content::bundle::dev_verifying_key()?;
    let config = |outbox: &str| {
        let mut c = ServiceConfig::new(
            Backend::Remote {
                url: backend.base_url(),
                device_token: backend.device_token().to_owned(),
            },
            key,
        );
        c.outbox_db = Some(dir.join(outbox));
        c.first_refresh = Duration::from_secs(3600);
        c
    };

    // OK -> COMMIT, through the worker.
    let (tx, rx) = std::sync::mpsc::channel::<Event>();
    let sink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    let service = Service::start(config("outbox-commit.sqlite3"), sink)?;
    let mut commit = Vec::with_capacity(n);
    for i in 0..n {
        let request = CallbackRequest {
            slot: slot.clone(),
            mobile: MobileNumber::parse(&format!("136{:08}", i))
                .map_err(|e| anyhow::anyhow!("{e:?}"))?,
            name: None,
            lang: ApiLang::Zh,
            topic: None,
            note: None,
            replaces: None,
        };
        let t = Instant::now();
        let ticket = service.send(Command::Book {
            request: Box::new(request),
            slot: None,
            replaces: None,
        })?;
        loop {
            match rx.recv_timeout(Duration::from_secs(10))? {
                Event::Answered {
                    ticket: got,
                    answer: Answer::Booking(saved),
                } if got == ticket => {
                    commit.push(t.elapsed());
                    saved.map_err(anyhow::Error::msg)?;
                    break;
                }
                _ => {}
            }
        }
    }
    drop(service);

    // The longest frame while a booking is saved and sent, on a tv at 3840x2160.
    let h = Harness::new(Profile::Tv, Lang::Zh)?;
    h.shell().start_service(config("outbox-ui.sqlite3"))?;
    h.settle()?;
    let adapter = || h.shell().window().global::<crate::ui::StepAdapter>();
    let mut longest_frame = Vec::with_capacity(frames);
    let mut to_reference = Vec::with_capacity(frames);
    for i in 0..frames {
        h.shell().open("callback");
        h.settle()?;
        h.press_keys("Return Return Return")?;
        let digits: String = format!("135{:08}", i)
            .chars()
            .map(|c| format!("{c} "))
            .collect();
        h.press_keys(&digits)?;
        h.press_keys("Return Return")?;
        if h.shell().view_name() != "callback-review" {
            anyhow::bail!("the flow stopped at {}", h.shell().view_name());
        }
        let code = crate::keymap::code_for_name("Return").context("no Return key")?;
        let t = Instant::now();
        // The first frame: the key handled (the booking sent to the worker, the confirmation
        // view built) and drawn.
        h.dispatch_key(code.into());
        h.step();
        let mut longest = t.elapsed();
        while adapter().get_big().is_empty() {
            if t.elapsed() > Duration::from_secs(10) {
                anyhow::bail!("the reference never showed");
            }
            let (busy, _) = h.step();
            longest = longest.max(busy);
            h.wait(Duration::from_millis(1));
        }
        // The frame that draws the reference.
        let (busy, _) = h.step();
        longest = longest.max(busy);
        to_reference.push(t.elapsed());
        longest_frame.push(longest);
    }
    Ok(BookingReport {
        commit,
        longest_frame,
        to_reference,
    })
}

/// What `legal-kiosk bench-status` measures.
#[derive(Debug, Clone)]
pub struct StatusReport {
    /// Per display mode: OK on "look up" until the timeline is drawn at 3840x2160 (the lookup's
    /// trip through the service worker to the backend on loopback and back included), and the
    /// UI thread's longest frame meanwhile.
    pub modes: Vec<(DisplayMode, Vec<Duration>, Vec<Duration>)>,
}

impl fmt::Display for StatusReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        writeln!(
            f,
            "legal-kiosk bench-status (reference backend on loopback, tv 3840x2160)"
        )?;
        for (mode, drawn, frames) in &self.modes {
            writeln!(
                f,
                "{mode}: OK -> timeline drawn p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; longest UI frame p50 {:.2} ms, max {:.2} ms (n={})",
                ms(percentile(drawn, 50.0)),
                ms(percentile(drawn, 99.0)),
                ms(percentile(drawn, 100.0)),
                ms(percentile(frames, 50.0)),
                ms(percentile(frames, 100.0)),
                drawn.len()
            )?;
        }
        Ok(())
    }
}

/// Looks up the demo applications `n` times per display mode on a tv, by the remote's keys,
/// timing OK on "look up" until the answer's timeline is on screen.
#[cfg(feature = "demo-backend")]
pub fn status(n: usize) -> anyhow::Result<StatusReport> {
    use legal_kiosk_core::service::{Backend, ServiceConfig};

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let backend = runtime.block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))?;
    let key = legal_kiosk_content::bundle::dev_verifying_key()?;
    let digits = |s: &str| s.chars().map(|c| format!("{c} ")).collect::<String>();
    let mobile = digits(legal_kiosk_backend::DEMO_MOBILE);
    let code = crate::keymap::code_for_name("Return").context("no Return key")?;
    let mut modes = Vec::new();
    for mode in [DisplayMode::Zh, DisplayMode::Mn, DisplayMode::Bilingual] {
        let mut config = ServiceConfig::new(
            Backend::Remote {
                url: backend.base_url(),
                device_token: backend.device_token().to_owned(),
            },
            key,
        );
        config.first_refresh = Duration::from_secs(3600);
        let h = Harness::new(Profile::Tv, mode)?;
        h.shell().start_service(config)?;
        h.settle()?;
        let (mut drawn, mut frames) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for i in 0..n {
            let (number, _) = legal_kiosk_backend::DEMO_APPLICATIONS
                [i % legal_kiosk_backend::DEMO_APPLICATIONS.len()];
            h.press_keys("Home")?;
            h.shell().open("status");
            h.settle()?;
            h.press_keys(&format!("{}Return {mobile}", digits(number)))?;
            h.settle()?;
            if h.shell().view_name() != "status-mobile" {
                anyhow::bail!("the flow stopped at {}", h.shell().view_name());
            }
            let t = Instant::now();
            h.dispatch_key(code.into());
            let (first, _) = h.step();
            let mut longest = first;
            while h.shell().view_name() != "status-result" {
                if t.elapsed() > Duration::from_secs(10) {
                    anyhow::bail!("the answer never showed");
                }
                let (busy, _) = h.step();
                longest = longest.max(busy);
                h.wait(Duration::from_millis(1));
            }
            // The frame that draws the timeline.
            let (busy, _) = h.step();
            longest = longest.max(busy);
            drawn.push(t.elapsed());
            frames.push(longest);
        }
        modes.push((mode, drawn, frames));
    }
    Ok(StatusReport { modes })
}
