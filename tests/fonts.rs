//! Mongolian that never depends on the box's fonts: Slint's labels use the bundled Noto Sans
//! Mongolian whether or not the system has one, and a box with no fonts at all gets a clear
//! message instead of a crash.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::PathBuf;

/// A fontconfig setup that is the system's with the font files matching `glob` hidden.
fn system_fonts_without(name: &str, glob: &str) -> PathBuf {
    let dir = support::fresh_dir(name);
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>{glob}</glob></rejectfont></selectfont>
</fontconfig>
"#
        ),
    )
    .unwrap();
    conf
}

/// The system's fonts with every Noto Sans Mongolian hidden.
fn without_system_mongolian() -> PathBuf {
    system_fonts_without("fc-no-mongolian", "*NotoSansMongolian*")
}

fn shot(args: &[&str], fontconfig: Option<&PathBuf>) -> Vec<u8> {
    let dir = support::fresh_dir(&format!("fonts-shot-{}", args.join("-").replace(':', "_")));
    let out = dir.join("shot.png");
    let mut cmd = support::app();
    if let Some(conf) = fontconfig {
        cmd.env("FONTCONFIG_FILE", conf);
    }
    let run = cmd.args(args).arg("-o").arg(&out).output().unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read(out).unwrap()
}

/// How many Noto Sans Mongolian faces fontconfig lists (with `conf`, else the system's setup).
fn mongolian_faces(conf: Option<&PathBuf>) -> usize {
    let mut cmd = std::process::Command::new("fc-list");
    if let Some(conf) = conf {
        cmd.env("FONTCONFIG_FILE", conf);
    }
    let out = cmd
        .arg(":")
        .arg("family")
        .output()
        .expect("fc-list (Debian: fontconfig) runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("Noto Sans Mongolian"))
        .count()
}

#[test]
fn mongolian_labels_look_the_same_with_the_system_mongolian_font_hidden() {
    let hidden = without_system_mongolian();
    // Not a vacuous comparison: the system has a Mongolian font (Debian's fonts-noto-core),
    // and the hiding setup really hides it.
    assert!(
        mongolian_faces(None) > 0,
        "install fonts-noto-core: nothing to hide"
    );
    assert_eq!(mongolian_faces(Some(&hidden)), 0, "the font is not hidden");
    for profile in ["tablet", "tv", "kiosk"] {
        for (lang, view) in [
            ("mn", "home"),
            ("mn", "guides"),
            ("mn", "guide:legal-aid-application"),
            ("bilingual", "home"),
        ] {
            let args = [
                "--profile",
                profile,
                "--lang",
                lang,
                "screenshot",
                "--view",
                view,
            ];
            assert!(
                shot(&args, None) == shot(&args, Some(&hidden)),
                "{profile} {lang} {view}: the screen changes when the system's Mongolian font is hidden"
            );
        }
    }
}

#[test]
fn with_no_fonts_at_all_the_app_says_what_to_install_instead_of_crashing() {
    let dir = support::fresh_dir("fc-no-fonts");
    let conf = dir.join("fonts.conf");
    // A fontconfig that knows no font directory at all.
    std::fs::write(
        &conf,
        "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>/tmp</cachedir></fontconfig>\n",
    )
    .unwrap();
    let out = support::app()
        .env("FONTCONFIG_FILE", &conf)
        .args(["screenshot", "-o"])
        .arg(dir.join("never.png"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("no fonts found"), "{err}");
    assert!(err.contains("fonts-noto-cjk"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_box_without_a_chinese_font_says_so_on_screen_headless_too() {
    let conf = system_fonts_without("fc-no-cjk", "*CJK*");
    let dir = support::fresh_dir("no-cjk-shot");
    let args = ["--profile", "tablet", "--lang", "mn", "screenshot"];
    let with = shot(&args, None);
    let without = shot(&args, Some(&conf));
    assert!(
        with != without,
        "the missing Chinese font changes nothing on screen"
    );
    let out = support::app()
        .env("FONTCONFIG_FILE", &conf)
        .args(args)
        .arg("-o")
        .arg(dir.join("shot.png"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing fonts"), "{err}");
    assert!(err.contains("fonts-noto-cjk"), "{err}");
}
