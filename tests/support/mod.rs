//! What the app-level tests share: the focus invariant of DESIGN §4, pressing until an item is
//! focused, running the binary with its config and data kept apart from the machine's, and
//! counts taken from the content bundle rather than from today's numbers.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use i_slint_backend_testing::ElementHandle;
use legal_kiosk::headless::{Frame, Harness};
use legal_kiosk_core::Profile;
use legal_kiosk_core::focus::Rect;
use legal_kiosk_core::i18n::DisplayMode;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The focus ring's colour (Theme.focus-ring).
pub const RING: [u8; 3] = [0xff, 0xc8, 0x3d];

/// Every widget that builds on `Focusable`.
pub const FOCUSABLE: &[&str] = &[
    "FocusTile",
    "MongolianColumns",
    "SectionCard",
    "CheckRow",
    "BigDigits",
];

/// The focused item's id ("" when nothing is).
pub fn focused(h: &Harness) -> String {
    h.shell().focused().map(|f| f.0).unwrap_or_default()
}

/// The items the UI marks selected for screen readers, by label.
pub fn selected_items(h: &Harness) -> Vec<String> {
    FOCUSABLE
        .iter()
        .flat_map(|kind| ElementHandle::find_by_element_type_name(h.shell().window(), kind))
        .filter(|e| e.accessible_item_selected() == Some(true))
        .map(|e| e.accessible_label().unwrap_or_default().to_string())
        .collect()
}

/// Where the UI places the focus ring (whether it is painted, `ring_is_painted` checks).
pub fn drawn_ring(h: &Harness) -> Option<Rect> {
    let ring = ElementHandle::find_by_element_type_name(h.shell().window(), "FocusRing")
        .next()
        .expect("the window has a FocusRing");
    let p = ring.absolute_position();
    let s = ring.size();
    (s.width > 0.0).then(|| Rect::new(p.x, p.y, s.width, s.height))
}

/// True when the ring's left edge, at mid-height of the focused item, is painted.
pub fn ring_is_painted(h: &Harness) -> bool {
    let Some((_, rect)) = h.shell().focused() else {
        return false;
    };
    let (x, y, _, height) = h.to_physical(&rect);
    h.frame().pixel(x + 2, y + height / 2) == RING
}

/// DESIGN §4's invariant: exactly one item is focused, the ring is drawn on it, and it lies
/// inside the window.
pub fn assert_focus_invariant(h: &Harness, context: &str) {
    let selected = selected_items(h);
    assert_eq!(selected.len(), 1, "{context}: selected items {selected:?}");
    let (id, rect) = h
        .shell()
        .focused()
        .unwrap_or_else(|| panic!("{context}: nothing focused"));
    assert_eq!(
        drawn_ring(h),
        Some(rect),
        "{context}: the ring is not on {id}"
    );
    assert_focus_visible(h, context);
}

/// The focused item is on screen, wholly.
pub fn assert_focus_visible(h: &Harness, context: &str) {
    let (id, rect) = h
        .shell()
        .focused()
        .unwrap_or_else(|| panic!("{context}: nothing focused"));
    assert!(
        h.visible_area().contains(&rect),
        "{context}: {id} at {rect:?} is outside {:?}",
        h.visible_area()
    );
}

/// Presses `key` until the focus lands on `item`; fails after `max` presses.
pub fn press_until(h: &Harness, key: &str, item: &str, max: usize) {
    for _ in 0..max {
        if focused(h) == item {
            return;
        }
        h.press_keys(key).unwrap();
    }
    assert_eq!(focused(h), item, "{key} never reached {item}");
}

/// The guide bundle built into the app: where the tests take their expected counts from.
pub fn bundle() -> legal_kiosk_content::Bundle {
    let key = legal_kiosk_content::bundle::dev_verifying_key().unwrap();
    legal_kiosk_content::Bundle::open(legal_kiosk_content::EMBEDDED_BUNDLE, &key).unwrap()
}

/// A directory of this call's own, made empty: the tests of one binary run in parallel, so two
/// calls with the same `name` (one per profile) must not share, or empty, each other's files.
pub fn fresh_dir(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("legal-kiosk-{name}-{}-{call}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The `legal-kiosk` binary with a config and data directory of its own: no config or state on
/// the machine running the tests changes what they see.
pub fn app() -> Command {
    let home = std::env::temp_dir().join(format!("legal-kiosk-tests-home-{}", std::process::id()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_legal-kiosk"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"));
    cmd
}

/// Runs `legal-kiosk ARGS` and returns what it did.
pub fn run_app(args: &[&str]) -> Output {
    app().args(args).output().unwrap()
}

/// `legal-kiosk ARGS -o FILE` and the picture it wrote.
pub fn screenshot(args: &[&str]) -> Frame {
    static SHOTS: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("legal-kiosk-shots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(format!("{}.png", SHOTS.fetch_add(1, Ordering::Relaxed)));
    let run = app().args(args).arg("-o").arg(&out).output().unwrap();
    assert!(
        run.status.success(),
        "screenshot {args:?} failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    Frame::decode_png(&std::fs::read(&out).unwrap()).unwrap()
}

/// The service against a backend at `url` on loopback, quick to notice it is gone: health
/// every 100 ms, one attempt per request, bookings sent again every 200 ms; the booking outbox
/// in `outbox`. Guides are not refreshed by themselves.
pub fn service_config(
    url: String,
    token: String,
    outbox: &std::path::Path,
) -> legal_kiosk_core::service::ServiceConfig {
    use legal_kiosk_core::service::{Backend, ServiceConfig};
    use std::time::Duration;
    let mut config = ServiceConfig::new(
        Backend::Remote {
            url,
            device_token: token,
        },
        legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
    );
    config.outbox_db = Some(outbox.to_owned());
    config.periods = legal_kiosk_core::link::CheckPeriods {
        online: Duration::from_millis(100),
        offline: Duration::from_millis(100),
    };
    config.resend = Duration::from_millis(200);
    config.resend_min = Duration::from_millis(50);
    config.resend_max = Duration::from_millis(200);
    config.first_refresh = Duration::from_secs(3600);
    config.content_refresh = Duration::from_secs(3600);
    config.tune_rest = |rest| {
        rest.connect_timeout = Duration::from_millis(300);
        rest.total_timeout = Duration::from_millis(800);
        rest.max_attempts = 1;
    };
    config
}

/// A tokio runtime for a backend on loopback beside the UI's event loop.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// A hang guard for waits on loopback, where every step takes milliseconds.
pub const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs the UI's event loop until `done` holds; fails naming `what` after `PATIENCE`.
pub fn wait_until(h: &Harness, what: &str, done: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "never saw {what}");
        h.run_for(std::time::Duration::from_millis(20)).unwrap();
    }
}

/// A finger on `item` of the view on screen.
pub fn tap(h: &Harness, item: &str) {
    let rect = h
        .shell()
        .item_rect(item)
        .unwrap_or_else(|| panic!("{item} is not on {}", h.shell().view_name()));
    let (x, y) = rect.center();
    h.tap_at(x, y).unwrap();
}

/// A reference backend on loopback, and a harness on `profile` in `mode` whose service talks
/// to it, its outbox in a fresh directory named `name` (`tune` adjusts the service first);
/// settled. The runtime keeps the backend running.
pub fn started(
    profile: Profile,
    mode: DisplayMode,
    name: &str,
    tune: impl FnOnce(&mut legal_kiosk_core::service::ServiceConfig),
) -> (
    tokio::runtime::Runtime,
    legal_kiosk_backend::LocalBackend,
    Harness,
    std::path::PathBuf,
) {
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))
        .unwrap();
    let h = Harness::new(profile, mode).unwrap();
    let outbox = fresh_dir(name).join("outbox.sqlite3");
    let mut service = service_config(
        backend.base_url(),
        backend.device_token().to_owned(),
        &outbox,
    );
    tune(&mut service);
    h.shell().start_service(service).unwrap();
    h.settle().unwrap();
    (rt, backend, h, outbox)
}

/// Serves `db` on `addr` (the port a stopped backend had) until the returned sender is used.
pub async fn serve_again(
    db: legal_kiosk_backend::Db,
    addr: std::net::SocketAddr,
) -> tokio::sync::oneshot::Sender<()> {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(legal_kiosk_backend::serve_until(db, listener, async {
        let _ = rx.await;
    }));
    tx
}
