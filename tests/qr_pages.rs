//! The pages a phone opens from a QR code (a booking's and a guide's), rendered by a real
//! headless Chromium (Debian's `chromium`, which `.ci/run` installs) at a phone's size: the
//! header is drawn, the demo says so, and long Mongolian is set vertically.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use legal_kiosk::headless::Frame;
use legal_kiosk_backend::{DEMO_CALLBACK_REFERENCE, DEMO_MOBILE};

/// A phone's viewport, in CSS pixels (device scale 1).
const PHONE: (u32, u32) = (390, 844);
const HEADER: [u8; 3] = [0x0b, 0x1e, 0x33];
const DEMO: [u8; 3] = [0xb4, 0x47, 0x0f];
/// The background of the vertical Mongolian block.
const VERTICAL: [u8; 3] = [0xf3, 0xef, 0xe6];

fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3)
}

/// `url` as headless Chromium draws it at the phone's size.
fn chromium(url: &str, out: &Path) -> Frame {
    let run = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--virtual-time-budget=3000",
            &format!("--window-size={},{}", PHONE.0, PHONE.1),
            &format!("--screenshot={}", out.display()),
            url,
        ])
        .output()
        .expect("chromium (Debian package `chromium`) must be installed");
    assert!(
        out.exists(),
        "chromium drew nothing: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    Frame::decode_png(&std::fs::read(out).unwrap()).unwrap()
}

fn dir() -> PathBuf {
    support::fresh_dir("qr-pages")
}

/// Where a colour is, as a bounding box (x0, y0, x1, y1).
fn bounds(f: &Frame, colour: [u8; 3]) -> Option<(u32, u32, u32, u32)> {
    let mut b: Option<(u32, u32, u32, u32)> = None;
    for y in 0..f.height {
        for x in 0..f.width {
            if near(f.pixel(x, y), colour) {
                b = Some(match b {
                    None => (x, y, x, y),
                    Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
                });
            }
        }
    }
    b
}

/// Text set vertically: inside the block, ink runs down unbroken for a long stretch
/// (Mongolian letters join along a vertical stem), where horizontal lines would break it every
/// line height.
fn assert_vertical_text(f: &Frame, what: &str) {
    let (x0, y0, x1, y1) = bounds(f, VERTICAL).unwrap_or_else(|| panic!("{what}: no block"));
    let height = y1 - y0;
    assert!(height > 100, "{what}: block {x0},{y0}..{x1},{y1}");
    let inked = |y: u32| {
        (x0..=x1).any(|x| {
            let [r, g, b] = f.pixel(x, y);
            (u32::from(r) + u32::from(g) + u32::from(b)) / 3 < 110
        })
    };
    let (mut best, mut run) = (0, 0);
    for y in y0..=y1 {
        run = if inked(y) { run + 1 } else { 0 };
        best = best.max(run);
    }
    assert!(
        best * 2 >= height,
        "{what}: the longest run of inked rows is {best} of {height}: not vertical text"
    );
}

fn backend() -> (tokio::runtime::Runtime, legal_kiosk_backend::LocalBackend) {
    let rt = support::runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))
        .unwrap();
    (rt, backend)
}

#[test]
fn the_booking_page_asks_for_the_number_then_shows_the_booking_on_a_phone() {
    let (_rt, backend) = backend();
    let dir = dir();
    let url = format!("{}/c/{DEMO_CALLBACK_REFERENCE}", backend.base_url());
    let asking = chromium(&url, &dir.join("asking.png"));
    assert_eq!((asking.width, asking.height), PHONE);
    assert!(near(asking.pixel(5, 5), HEADER), "the header band is drawn");
    assert!(bounds(&asking, DEMO).is_some(), "the demo banner is drawn");
    assert_vertical_text(&asking, "the booking page");

    // The phone submits the number (a form posted by a page Chromium opens).
    let post = dir.join("post.html");
    std::fs::write(
        &post,
        format!(
            "<form method=post action=\"{url}\"><input name=mobile value=\"{DEMO_MOBILE}\"></form>\
             <script>document.forms[0].submit()</script>"
        ),
    )
    .unwrap();
    let shown = chromium(
        &format!("file://{}", post.display()),
        &dir.join("shown.png"),
    );
    assert!(
        near(shown.pixel(5, 5), HEADER),
        "the booking page came back"
    );
    assert_ne!(shown, asking, "the booking is shown instead of the form");
    // (The demo booking's call has taken place: no "what happens next" under it.)
    // And it is the booking, not a refusal: the page Chromium ended on, as text.
    let dom = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=3000",
            "--dump-dom",
            &format!("file://{}", post.display()),
        ])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("回电时间"), "the slot is shown: {dom}");
    assert!(!dom.contains("<form"), "no form any more: {dom}");
    assert!(!dom.contains("不一致"), "not refused: {dom}");
}

#[test]
fn a_guide_page_sets_its_long_mongolian_vertically_on_a_phone() {
    let (_rt, backend) = backend();
    let guide = support::bundle().guides[0].id.clone();
    let page = chromium(
        &format!("{}/g/{}", backend.base_url(), guide.as_str()),
        &dir().join("guide.png"),
    );
    assert_eq!((page.width, page.height), PHONE);
    assert!(near(page.pixel(5, 5), HEADER));
    assert_vertical_text(&page, "the guide page");
}
