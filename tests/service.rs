//! The one way back from the service worker, seen on screen: a command goes through the worker
//! to the reference backend on loopback and its answer changes what the screen shows; the
//! connection indicator goes offline and online again as the real backend stops and returns.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{runtime, wait_until};

use std::time::Duration;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{GuideListAdapter, GuidesAdapter, Link, LinkStatus, Overlay};
use legal_kiosk_content::bundle::{dev_verifying_key, signing_key_from_text};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::link::CheckPeriods;
use legal_kiosk_core::service::{Backend, ServiceConfig};
use slint::{ComponentHandle, Model};

fn config(url: String, token: String) -> ServiceConfig {
    let mut config = ServiceConfig::new(
        Backend::Remote {
            url,
            device_token: token,
        },
        dev_verifying_key().unwrap(),
    );
    config.periods = CheckPeriods {
        online: Duration::from_millis(100),
        offline: Duration::from_millis(100),
    };
    // Only the commands of the test refresh the guides.
    config.first_refresh = Duration::from_secs(3600);
    config.content_refresh = Duration::from_secs(3600);
    config.tune_rest = |rest| {
        rest.connect_timeout = Duration::from_millis(300);
        rest.total_timeout = Duration::from_millis(800);
        rest.max_attempts = 1;
    };
    config
}

fn link(h: &Harness) -> LinkStatus {
    h.shell().window().global::<Link>().get_status()
}

#[test]
fn opening_the_guides_asks_the_backend_through_the_worker_and_newer_guides_show() {
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(std::path::Path::new(
            ":memory:",
        )))
        .unwrap();
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    h.shell()
        .start_service(config(
            backend.base_url(),
            backend.device_token().to_owned(),
        ))
        .unwrap();
    assert!(h.shell().open("guides"));
    h.settle().unwrap();
    let current = support::bundle();
    let updated = || {
        h.shell()
            .window()
            .global::<GuidesAdapter>()
            .get_updated()
            .to_string()
    };
    assert!(
        updated().contains(&format!("第 {} 版", current.version)),
        "{}",
        updated()
    );

    // The province publishes a newer bundle in which the legal aid guide's title changed.
    let mut newer = current.clone();
    newer.version = current.version + 1;
    let guide = newer
        .guides
        .iter_mut()
        .find(|g| g.id.as_str() == "legal-aid-application")
        .unwrap();
    guide.title.zh = "法律援助申请（已更新）".to_owned();
    let key_text = std::fs::read_to_string(
        legal_kiosk_content::content_dir().join("../bundle/DEV-SIGNING-KEY.txt"),
    )
    .unwrap();
    let signed = newer.sign(&signing_key_from_text(&key_text).unwrap());
    legal_kiosk_backend::publish_bundle(backend.db(), &signed, &dev_verifying_key().unwrap())
        .unwrap();

    // Opening the guides again: their controller asks the service for newer ones, through
    // the worker to the backend; `settle` waits for the answer.
    h.press_keys("Escape").unwrap();
    h.dispatch_key("\n".into());
    let pending = h.shell().pending();
    assert_eq!(pending.len(), 1, "{pending:?}");
    assert!(pending[0].contains("RefreshContent"), "{pending:?}");
    h.settle().unwrap();
    assert!(h.shell().pending().is_empty());
    assert!(
        updated().contains(&format!("第 {} 版", current.version + 1)),
        "the screen shows the new version: {}",
        updated()
    );
    h.press_keys("Return").unwrap();
    let first = h
        .shell()
        .window()
        .global::<GuideListAdapter>()
        .get_guides()
        .row_data(0)
        .map(|t| t.label.to_string());
    assert_eq!(first.as_deref(), Some("法律援助申请（已更新）"));
    drop(backend);
}

#[test]
fn the_link_indicator_goes_offline_and_online_again_through_the_worker() {
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(std::path::Path::new(
            ":memory:",
        )))
        .unwrap();
    let (addr, db) = (backend.addr(), backend.db().clone());
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    assert_eq!(link(&h), LinkStatus::Checking);
    h.shell()
        .start_service(config(
            backend.base_url(),
            backend.device_token().to_owned(),
        ))
        .unwrap();
    wait_until(&h, "online", || link(&h) == LinkStatus::Online);
    let online = h.frame();

    rt.block_on(backend.shutdown()).unwrap();
    wait_until(&h, "offline", || link(&h) == LinkStatus::Offline);
    let offline = h.frame();
    assert_ne!(online, offline, "the indicator looks different offline");
    let since = h.shell().window().global::<Link>().get_offline_since();
    assert_eq!(since.len(), 5, "offline since HH:MM: {since}");

    let _stop = rt.block_on(support::serve_again(db, addr));
    wait_until(&h, "online again", || link(&h) == LinkStatus::Online);
    assert_eq!(h.frame(), online, "online again looks as online did");
}

fn shown(h: &Harness, text: &str) -> bool {
    i_slint_backend_testing::ElementHandle::find_by_accessible_label(h.shell().window(), text)
        .next()
        .is_some()
}

#[test]
fn a_backend_that_cannot_start_is_said_over_the_view_in_the_users_language() {
    for close in ["Return", "Escape", "Home"] {
        let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
        h.press_keys("Right").unwrap();
        let before = h.frame();
        let mut config = config(String::new(), String::new());
        config.backend = Backend::Start(Box::new(|| {
            Box::pin(async { Err("the demo database is locked".to_owned()) })
        }));
        h.shell().start_service(config).unwrap();
        let overlay = h.shell().window().global::<Overlay>();
        h.settle().unwrap();
        assert!(overlay.get_open());
        assert!(shown(&h, "暂时连不上服务"));
        // The overlay has the focus; the view underneath keeps its own.
        assert_eq!(support::focused(&h), "ok");
        support::assert_focus_invariant(&h, "overlay");
        assert_eq!(h.shell().view(), legal_kiosk::ui::View::Home);
        h.press_keys("Left Right Down 5").unwrap();
        assert_eq!(support::focused(&h), "ok", "keys stay in the overlay");
        // A language switch reaches the open overlay.
        h.press_keys("F2").unwrap();
        assert!(!shown(&h, "暂时连不上服务"));
        assert!(shown(&h, "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ"));
        h.press_keys("F2 F2").unwrap();
        h.press_keys(close).unwrap();
        assert!(!overlay.get_open(), "{close} closes the overlay");
        assert!(
            !shown(&h, "暂时连不上服务"),
            "{close}: the overlay is gone from the screen"
        );
        assert_eq!(
            support::focused(&h),
            "callback",
            "{close}: focus returns where it was"
        );
        assert_eq!(h.shell().view(), legal_kiosk::ui::View::Home);
        support::assert_focus_invariant(&h, close);
        // The link never came up, and says so instead of "checking" forever.
        wait_until(&h, "offline", || link(&h) == LinkStatus::Offline);
        assert_ne!(h.frame(), before, "the indicator says offline");
    }
}
