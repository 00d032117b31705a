//! Mongolian, Chinese and both: what each display mode puts on screen, vertical Mongolian in
//! the app, and the reviewer's preview command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use i_slint_backend_testing::ElementHandle;
use legal_kiosk::headless::{Frame, Harness};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::ComponentHandle;

mod support;

#[test]
fn home_differs_in_each_of_the_three_modes_on_every_profile() {
    for profile in Profile::ALL {
        let frames: Vec<Frame> = DisplayMode::ALL
            .iter()
            .map(|mode| {
                let h = Harness::new(profile, *mode).unwrap();
                let f = h.frame();
                assert_eq!((f.width, f.height), profile.physical_size());
                assert!(f.distinct_colours() > 50, "{profile} {mode} looks blank");
                f
            })
            .collect();
        assert_ne!(frames[0], frames[1], "{profile}: mn and zh look the same");
        assert_ne!(
            frames[1], frames[2],
            "{profile}: zh and bilingual look the same"
        );
        assert_ne!(
            frames[0], frames[2],
            "{profile}: mn and bilingual look the same"
        );
    }
}

const GUIDE: &str = "guide:legal-aid-application";

/// The columns widget of a guide's summary, if on screen.
fn intro(h: &Harness) -> Option<ElementHandle> {
    ElementHandle::find_by_element_type_name(h.shell().window(), "MongolianColumns").next()
}

fn ink_in(frame: &Frame, x: u32, y: u32, w: u32, h: u32) -> usize {
    let ground = frame.pixel(0, frame.height - 1);
    frame
        .region(x, y, w, h)
        .chunks_exact(3)
        .filter(|p| p[0] > ground[0].saturating_add(60))
        .count()
}

#[test]
fn long_mongolian_text_is_vertical_columns_read_left_to_right() {
    let h = Harness::new(Profile::Tv, DisplayMode::Mn).unwrap();
    assert!(h.shell().open(GUIDE));
    h.settle().unwrap();
    let columns = intro(&h).expect("Mongolian mode shows the summary in columns");
    let bundle = h.shell().guides().bundle().unwrap();
    let summary = bundle
        .guide("legal-aid-application")
        .unwrap()
        .summary
        .mn
        .clone();
    assert!(
        columns
            .accessible_label()
            .is_some_and(|l| l.starts_with(&summary)),
        "the columns carry the text as their label"
    );
    let rect = h.shell().item_rect("summary").unwrap();
    let (x, y, w, height) = h.to_physical(&rect);
    let frame = h.frame();
    // The text starts in the leftmost column and continues to the right.
    let column = (32.0 * 1.5 * h.scale()) as u32;
    assert!(
        ink_in(&frame, x, y, column, height) > 500,
        "no ink in the first column"
    );
    assert!(
        ink_in(&frame, x + column, y, column, height) > 500,
        "no second column"
    );
    // Ink runs down the column: the bottom half of the first column has ink too.
    assert!(ink_in(&frame, x, y + height / 2, column, height / 3) > 100);
    assert!(w > column * 4);
}

#[test]
fn the_remote_scrolls_the_columns_sideways_then_moves_on() {
    // The legal aid summary is longer than the half-width columns area of a kiosk holds.
    let h = Harness::new(Profile::Kiosk, DisplayMode::Bilingual).unwrap();
    assert!(h.shell().open(GUIDE));
    h.settle().unwrap();
    // A guide opens on its summary.
    assert_eq!(h.shell().focused().unwrap().0, "summary");
    let before = h.frame();
    h.press_keys("Right").unwrap();
    assert_eq!(
        h.shell().focused().unwrap().0,
        "summary",
        "Right scrolls, focus stays"
    );
    assert_ne!(before, h.frame(), "the columns moved");
    h.press_keys("Left").unwrap();
    assert_eq!(before, h.frame(), "Left scrolls back to the start");
    // At the start Left has nothing to scroll: it is an ordinary arrow again.
    h.press_keys("Left Up").unwrap();
    assert_eq!(h.shell().focused().unwrap().0, "back");
}

#[test]
fn after_a_swipe_on_the_columns_the_remote_carries_on_from_where_the_finger_left_them() {
    // A tablet's columns are short; the guide with the longest Mongolian introduction runs
    // to several screens of them.
    let bundle = support::bundle();
    let longest = bundle
        .guides
        .iter()
        .max_by_key(|g| {
            g.summary.mn.len()
                + g.applicants.mn.len()
                + g.conditions.iter().map(|c| c.mn.len()).sum::<usize>()
        })
        .unwrap();
    let h = Harness::new(Profile::Tablet, DisplayMode::Mn).unwrap();
    assert!(h.shell().open(&format!("guide:{}", longest.id)));
    h.settle().unwrap();
    let columns = intro(&h).expect("columns");
    let (pos, size) = (columns.absolute_position(), columns.size());
    let adapter = h.shell().window().global::<legal_kiosk::ui::GuideAdapter>();
    let y = pos.y + size.height / 2.0;
    let content: f32 = slint::Model::iter(&adapter.get_summary_columns())
        .map(|c| c.width)
        .sum();
    assert!(
        content > size.width + 200.0,
        "{}: the columns ({content}) must be wider than the widget ({}) for this test",
        longest.id,
        size.width
    );
    h.drag(
        (pos.x + size.width * 0.6, y),
        (pos.x + size.width * 0.35, y),
    )
    .unwrap();
    let swiped = adapter.get_summary_scroll_x();
    // More than one remote step (two columns), so a step from a stale 0 would fall short.
    let step = 2.0
        * slint::Model::row_data(&adapter.get_summary_columns(), 0)
            .unwrap()
            .width;
    assert!(
        swiped > step,
        "a swipe left by 25 % of the columns scrolled them by {swiped}"
    );
    h.press_keys("Right").unwrap();
    let stepped = adapter.get_summary_scroll_x();
    assert!(
        stepped > swiped,
        "Right goes on from the finger's {swiped}, not from the start: {stepped}"
    );
    // On screen too: what is drawn is not one step from the start, where the columns snapped
    // back to before.
    let one_step = Harness::new(Profile::Tablet, DisplayMode::Mn).unwrap();
    assert!(one_step.shell().open(&format!("guide:{}", longest.id)));
    one_step.settle().unwrap();
    one_step.press_keys("Right").unwrap();
    let (x, y, w, hgt) = h.to_physical(&legal_kiosk_core::focus::Rect::new(
        pos.x,
        pos.y,
        size.width,
        size.height,
    ));
    assert_ne!(
        h.frame().region(x, y, w, hgt),
        one_step.frame().region(x, y, w, hgt),
        "the columns show one step from the start, not where the finger left them"
    );
    h.press_keys("Left Left").unwrap();
    let back = adapter.get_summary_scroll_x();
    assert!(back < stepped, "Left scrolls back from {stepped}: {back}");
}

#[test]
fn bilingual_vertical_text_puts_mongolian_left_of_chinese() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Bilingual).unwrap();
    assert!(h.shell().open(GUIDE));
    h.settle().unwrap();
    let mn = intro(&h).expect("Mongolian half");
    let zh = ElementHandle::find_by_element_type_name(h.shell().window(), "Text")
        .find(|e| {
            e.accessible_label()
                .is_some_and(|l| l.starts_with("国家为经济困难公民"))
        })
        .expect("Chinese half");
    assert!(mn.absolute_position().x + mn.size().width <= zh.absolute_position().x + 0.5);
    // Chinese mode has no columns at all.
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    assert!(h.shell().open(GUIDE));
    h.settle().unwrap();
    assert!(intro(&h).is_none());
}

#[test]
fn a_missing_font_is_named_on_screen_in_the_display_language() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let before = h.frame();
    h.shell()
        .window()
        .global::<legal_kiosk::ui::Notices>()
        .set_chinese_missing(true);
    h.settle().unwrap();
    assert_ne!(before, h.frame());
    let banner =
        |text: &str| ElementHandle::find_by_accessible_label(h.shell().window(), text).count();
    let zh = "缺少字体，部分文字无法显示。请安装：中文字体（如 Noto Sans CJK，Debian 软件包 fonts-noto-cjk）";
    assert_eq!(banner(zh), 2, "the banner and its text say which font");
    h.press_keys("F2").unwrap();
    assert_eq!(banner(zh), 0, "Mongolian mode says it in Mongolian");
    let mn = ElementHandle::find_by_element_type_name(h.shell().window(), "NoticeBanner")
        .next()
        .and_then(|b| b.accessible_label())
        .unwrap();
    assert!(mn.starts_with("ᠦᠰᠦᠭ ᠦᠨ ᠹᠣᠨᠲ"), "{mn}");
    assert!(mn.contains("fonts-noto-cjk"), "{mn}");
}

#[test]
fn the_font_check_names_what_is_missing() {
    let mut embedded_only = legal_kiosk_vertical::VerticalText::embedded_only();
    let missing = legal_kiosk::vertical::missing_fonts(&mut embedded_only);
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("fonts-noto-cjk"), "{missing:?}");
    let mut full = legal_kiosk_vertical::VerticalText::new();
    assert!(legal_kiosk::vertical::missing_fonts(&mut full).is_empty());
}

#[test]
fn preview_text_renders_a_file_in_columns_and_refuses_bad_input() {
    let dir = std::env::temp_dir().join(format!("lk-preview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.txt");
    let words = "ᠬᠠᠤᠯᠢ ᠴᠠᠭᠠᠵᠠ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ".repeat(20);
    std::fs::write(&input, &words).unwrap();
    let out = dir.join("out.png");
    let run = |args: &[&str]| {
        support::app()
            .arg("preview-text")
            .args(args)
            .output()
            .unwrap()
    };
    let ok = run(&[
        "--vertical",
        "--height",
        "300",
        "-i",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let frame = Frame::decode_png(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(frame.height, 300);
    assert!(
        frame.width >= 3 * 48,
        "a long text makes several columns: {}",
        frame.width
    );

    std::fs::write(&input, [0xff, 0xfe, 0x00]).unwrap();
    let bad = run(&["-i", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("UTF-8"));
}

#[test]
fn vertical_columns_keep_clear_of_the_focus_ring() {
    for profile in [Profile::Tv, Profile::Kiosk] {
        let h = Harness::new(profile, DisplayMode::Mn).unwrap();
        assert!(h.shell().open(GUIDE));
        h.settle().unwrap();
        let (id, rect) = h.shell().focused().unwrap();
        assert_eq!(id, "summary");
        let frame = h.frame();
        let (x, y, w, hgt) = h.to_physical(&rect);
        let ring = (if profile == Profile::Tv { 8.0 } else { 5.0 } * h.scale()) as u32;
        // White text (the ring is amber, the ground dark blue).
        let text = |x: u32, y: u32, w: u32, h: u32| {
            frame
                .region(x, y, w, h)
                .chunks_exact(3)
                .filter(|p| p.iter().all(|c| *c > 150))
                .count()
        };
        // The band just inside the ring, on the left and at the top, away from the rounded
        // corners: no ink of the text.
        let left = text(x + ring, y + hgt / 4, 3, hgt / 2);
        let top = text(x + w / 4, y + ring, w / 2, 3);
        assert_eq!((left, top), (0, 0), "{profile}: the columns touch the ring");
        // And the columns are there at all.
        assert!(text(x, y, w, hgt) > 1000, "{profile}: no columns drawn");
    }
}

/// A guide's summary columns are never taller than the page they are on, so each column is read
/// whole, and the page opens at its top (the Chinese beside the columns from its first line),
/// on every profile, in both modes with columns, at the profile's text size and the largest.
#[test]
fn summary_columns_fit_their_page_and_the_page_opens_at_its_top() {
    use legal_kiosk_core::TextSize;
    let bundle = support::bundle();
    let mut found = Vec::new();
    for profile in [Profile::Tv, Profile::Tablet, Profile::Kiosk] {
        for mode in [DisplayMode::Mn, DisplayMode::Bilingual] {
            for size in [TextSize::Normal, TextSize::ExtraLarge] {
                let h = Harness::new(profile, mode).unwrap();
                h.shell().configure_settings(None, false, Some(size));
                for guide in &bundle.guides {
                    assert!(h.shell().open(&format!("guide:{}", guide.id)));
                    h.settle().unwrap();
                    let Some(columns) = intro(&h) else {
                        continue;
                    };
                    let page =
                        ElementHandle::find_by_element_type_name(h.shell().window(), "ScrollPage")
                            .find(|p| p.id().is_some_and(|id| id == "GuideView::page"))
                            .unwrap();
                    let at = format!("{profile} {mode} {size} {}", guide.id);
                    let (c, p) = (columns.size().height, page.size().height);
                    if c > p + 0.5 {
                        found.push(format!("{at}: columns {c} tall on a page {p} tall"));
                    }
                    let offset = h
                        .shell()
                        .window()
                        .global::<legal_kiosk::ui::GuideAdapter>()
                        .get_scroll_y();
                    if offset > 0.5 {
                        found.push(format!("{at}: the page opens scrolled {offset}"));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
