//! Screenshots as a person sees them: the app's own `screenshot` command at each profile's
//! physical size, and the focus ring as pixels.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk::headless::Harness;
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::Lang;

mod support;
use support::{app, screenshot};

#[test]
fn each_profile_renders_at_its_physical_size_and_is_not_blank() {
    for (profile, size) in [
        ("tv", (3840, 2160)),
        ("tablet", (1280, 800)),
        ("kiosk", (1080, 1920)),
    ] {
        for lang in ["zh", "mn"] {
            let frame = screenshot(&["--profile", profile, "--lang", lang, "screenshot"]);
            assert_eq!((frame.width, frame.height), size, "{profile} {lang}");
            // Ground, tiles, focused tile, ring, two text colours and anti-aliasing.
            assert!(
                frame.distinct_colours() > 50,
                "{profile} {lang} looks blank"
            );
        }
    }
}

#[test]
fn keys_replayed_before_the_shot_change_what_it_shows() {
    let home = screenshot(&["--profile", "tablet", "screenshot"]);
    let moved = screenshot(&["--profile", "tablet", "screenshot", "--keys", "Right"]);
    let opened = screenshot(&[
        "--profile",
        "tablet",
        "screenshot",
        "--keys",
        "Right Return",
    ]);
    let by_view = screenshot(&["--profile", "tablet", "screenshot", "--view", "callback"]);
    assert_ne!(home, moved);
    assert_ne!(moved, opened);
    assert_eq!(opened, by_view, "--view callback shows what Right OK shows");
}

#[test]
fn the_screenshot_command_refuses_unknown_views_and_keys() {
    for args in [["--view", "nowhere"], ["--keys", "Jump"]] {
        let out = app()
            .args(["screenshot", "-o", "/dev/null"])
            .args(args)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(args[1]),
            "the error names {:?}: {err}",
            args[1]
        );
    }
}

/// WCAG relative luminance of an sRGB pixel.
fn luminance(p: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(p[0]) + 0.7152 * lin(p[1]) + 0.0722 * lin(p[2])
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_focused_tile_is_drawn_differently_with_a_thick_contrasting_ring() {
    for profile in Profile::ALL {
        let h = Harness::new(profile, Lang::Zh).unwrap();
        let items = h.shell().items();
        let rect_of = |id: &str| items.iter().find(|(i, _)| i == id).unwrap().1;
        let (gx, gy, gw, gh) = h.to_physical(&rect_of("guides"));
        // The last tile: focus never goes near it here.
        let last = &items.last().unwrap().0;
        let (sx, sy, sw, sh) = h.to_physical(&rect_of(last));

        let focused = h.frame();
        h.press_keys("Right").unwrap();
        let unfocused = h.frame();
        assert_ne!(
            focused.region(gx, gy, gw, gh),
            unfocused.region(gx, gy, gw, gh),
            "{profile}: guides tile looks the same focused and unfocused"
        );
        assert_eq!(
            focused.region(sx, sy, sw, sh),
            unfocused.region(sx, sy, sw, sh),
            "{profile}: a tile focus never touched changed"
        );

        // Walk inwards from the left edge at mid-height: ring pixels, then the tile.
        let mid = gy + gh / 2;
        let ring = focused.pixel(gx + 1, mid);
        let ring_px = (gx..gx + gw)
            .take_while(|x| focused.pixel(*x, mid) == ring)
            .count();
        let min_ring = (4.0 * h.scale()) as usize;
        assert!(
            ring_px >= min_ring,
            "{profile}: ring {ring_px} px < {min_ring}"
        );
        let ground = focused.pixel(gx.saturating_sub(4), mid);
        let inside = focused.pixel(gx + gw / 2, gy + 8 + ring_px as u32);
        assert!(contrast(ring, ground) >= 3.0, "{profile}: ring vs ground");
        assert!(contrast(ring, inside) >= 3.0, "{profile}: ring vs tile");
    }
}

#[test]
fn a_guide_in_mongolian_and_chinese_on_tv_and_kiosk() {
    for (profile, size) in [("tv", (3840, 2160)), ("kiosk", (1080, 1920))] {
        let shot = |lang: &str| {
            screenshot(&[
                "--profile",
                profile,
                "--lang",
                lang,
                "screenshot",
                "--view",
                "guide:legal-aid-application",
            ])
        };
        let (mn, zh) = (shot("mn"), shot("zh"));
        for (lang, frame) in [("mn", &mn), ("zh", &zh)] {
            assert_eq!((frame.width, frame.height), size, "{profile} {lang}");
            assert!(
                frame.distinct_colours() > 50,
                "{profile} {lang} looks blank"
            );
        }
        assert_ne!(
            mn, zh,
            "{profile}: the guide looks the same in both languages"
        );
        // Down twice reaches the steps: the page differs from the unscrolled one on a kiosk,
        // and the flow chart's boxes are drawn in both cases.
        let steps = screenshot(&[
            "--profile",
            profile,
            "--lang",
            "zh",
            "screenshot",
            "--view",
            "guide:legal-aid-application",
            "--keys",
            "Down Down",
        ]);
        assert_ne!(steps, zh, "{profile}: focusing the steps changes nothing");
    }
    // A guide that does not exist is refused, not drawn empty.
    let status = app()
        .args([
            "screenshot",
            "--view",
            "guide:no-such-guide",
            "-o",
            "/dev/null",
        ])
        .status()
        .unwrap();
    assert!(!status.success());
}
