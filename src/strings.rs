//! The Fluent sources compiled into the binary, and the live language of the UI.

use legal_kiosk_core::i18n::{DisplayMode, I18nError, Lang, Strings};

macro_rules! ftl {
    ($lang:ident, $dir:literal, $file:literal) => {
        (
            Lang::$lang,
            $file,
            include_str!(concat!("../i18n/", $dir, "/", $file)),
        )
    };
}

/// Every `.ftl` file of every language. A test checks this list against `i18n/` on disk, so
/// a new file cannot be forgotten here.
pub const SOURCES: &[(Lang, &str, &str)] = &[
    ftl!(Zh, "zh-Hans", "shell.ftl"),
    ftl!(Mn, "mn-Mong", "shell.ftl"),
    ftl!(Zh, "zh-Hans", "network.ftl"),
    ftl!(Mn, "mn-Mong", "network.ftl"),
    ftl!(Zh, "zh-Hans", "guides.ftl"),
    ftl!(Mn, "mn-Mong", "guides.ftl"),
    ftl!(Zh, "zh-Hans", "feedback.ftl"),
    ftl!(Mn, "mn-Mong", "feedback.ftl"),
    ftl!(Zh, "zh-Hans", "callback.ftl"),
    ftl!(Mn, "mn-Mong", "callback.ftl"),
    ftl!(Zh, "zh-Hans", "status.ftl"),
    ftl!(Mn, "mn-Mong", "status.ftl"),
    ftl!(Zh, "zh-Hans", "settings.ftl"),
    ftl!(Mn, "mn-Mong", "settings.ftl"),
    ftl!(Zh, "zh-Hans", "offices.ftl"),
    ftl!(Mn, "mn-Mong", "offices.ftl"),
];

/// Both languages' messages, parsed once at start.
pub struct Catalog {
    zh: Strings,
    mn: Strings,
}

impl Catalog {
    pub fn load() -> Result<Catalog, I18nError> {
        let parse = |lang: Lang| {
            let files: Vec<(&str, &str)> = SOURCES
                .iter()
                .filter(|(l, _, _)| *l == lang)
                .map(|(_, f, s)| (*f, *s))
                .collect();
            Strings::parse(lang, &files)
        };
        Ok(Catalog {
            zh: parse(Lang::Zh)?,
            mn: parse(Lang::Mn)?,
        })
    }

    pub fn strings(&self, lang: Lang) -> &Strings {
        match lang {
            Lang::Zh => &self.zh,
            Lang::Mn => &self.mn,
        }
    }

    /// The text of `id` as `mode` shows it: bilingual puts Mongolian on the line above
    /// Chinese, at the same size (the regional rule for horizontal text).
    pub fn text(&self, mode: DisplayMode, id: &str, args: &[(&str, &str)]) -> String {
        mode.langs()
            .iter()
            .map(|lang| self.strings(*lang).get_with(id, args))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_sources_parse() {
        Catalog::load().unwrap();
    }

    #[test]
    fn bilingual_text_puts_mongolian_above_chinese() {
        let c = Catalog::load().unwrap();
        let mn = c.text(DisplayMode::Mn, "nav-back", &[]);
        let zh = c.text(DisplayMode::Zh, "nav-back", &[]);
        assert_eq!(zh, "返回");
        assert_ne!(mn, zh);
        assert_eq!(
            c.text(DisplayMode::Bilingual, "nav-back", &[]),
            format!("{mn}\n{zh}")
        );
    }

    #[test]
    fn every_backend_error_has_a_message_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        for code in legal_kiosk_core::rest::ErrorCode::ALL {
            for lang in Lang::ALL {
                assert!(
                    catalog.strings(lang).has(&code.message_id()),
                    "{lang} lacks {}",
                    code.message_id()
                );
            }
        }
    }

    #[test]
    fn every_ftl_file_on_disk_is_embedded() {
        for lang in Lang::ALL {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("i18n")
                .join(lang.dir());
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name.ends_with(".ftl") {
                    assert!(
                        SOURCES.iter().any(|(l, f, _)| *l == lang && *f == name),
                        "{}/{name} is not in strings::SOURCES",
                        lang.dir()
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod used_ids {
    use super::*;
    use std::path::Path;

    /// The message ids a `.slint` source asks for: the first argument of `I18n.tr(` and
    /// `I18n.tr-var(` when it is a string literal.
    fn ids_in(source: &str) -> Vec<String> {
        let mut ids = vec![];
        for call in ["I18n.tr(\"", "I18n.tr-var(\""] {
            for (at, _) in source.match_indices(call) {
                let rest = &source[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    ids.push(rest[..end].to_owned());
                }
            }
        }
        ids
    }

    fn slint_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                slint_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "slint") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_id_the_ui_uses_exists_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        let mut files = vec![];
        slint_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("ui"),
            &mut files,
        );
        let mut ids: Vec<String> = files
            .iter()
            .flat_map(|f| ids_in(&std::fs::read_to_string(f).unwrap()))
            .collect();
        // Ids the Rust side builds: Home's tiles (`home-<name>`) and their views' titles.
        let (mailbox, _inbox) = crate::inbox::channel();
        let controllers =
            crate::controllers::registry(&mailbox, legal_kiosk_core::Profile::Tv).controllers;
        let tiles: Vec<_> = controllers
            .iter()
            .flat_map(|c| c.borrow().views().to_vec())
            .filter(|e| e.home_tile)
            .collect();
        assert!(tiles.len() >= 6, "{tiles:?}");
        for view in tiles.iter().map(|e| e.name) {
            ids.extend([
                format!("home-{view}"),
                format!("home-{view}.hint"),
                format!("view-{view}"),
            ]);
        }
        // The router's own: the overlay's button and what it says when no backend started.
        ids.extend(["backend-problem-title", "backend-problem"].map(String::from));
        // Every id a controller asks for by name (`text("id"` in its source), and the ones it
        // builds: the lawyer's languages and the days of the week.
        let mut sources = vec![];
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/controllers"),
            &mut sources,
        );
        let before = ids.len();
        for f in &sources {
            ids.extend(text_ids_in(&std::fs::read_to_string(f).unwrap()));
        }
        assert!(ids.len() > before + 30, "found only {:?}", &ids[before..]);
        ids.extend(["callback-lang-mn", "callback-lang-zh"].map(String::from));
        ids.extend((1..=7).map(|d| format!("weekday-{d}")));
        assert!(ids.len() > 20, "found only {ids:?}");
        for id in &ids {
            for lang in Lang::ALL {
                let text = catalog.strings(lang).get(id);
                assert_ne!(&text, id, "{lang} lacks {id}");
            }
        }
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The string literals that open a call of `text(`, `text_with(` or `notice(` (and the
    /// second argument of `notice`), across line breaks, in Rust source.
    fn text_ids_in(src: &str) -> Vec<String> {
        // notice("title", "message"): the message is a call's first literal too.
        let mut src = src.replace("text_with(", "text(");
        while let Some(at) = src.find("notice(") {
            let rest = &src[at + "notice(".len()..];
            let second = rest
                .find("\", \"")
                .filter(|i| !rest[..*i].contains(')'))
                .map(|i| at + "notice(".len() + i + 1);
            let mut fixed = src.clone();
            if let Some(i) = second {
                fixed.insert_str(i + 1, "text(");
            }
            src = fixed.replacen("notice(", "text(", 1);
        }
        src.split("text(")
            .skip(1)
            .filter_map(|rest| {
                let rest = rest.trim_start().strip_prefix('"')?;
                let id = &rest[..rest.find('"')?];
                let plain = !id.is_empty()
                    && id.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'
                    });
                plain.then(|| id.to_owned())
            })
            .collect()
    }

    /// Per message id: its attributes and the variables it and its attributes use.
    fn shape_of(ftl: &str) -> std::collections::BTreeMap<String, (Vec<String>, Vec<String>)> {
        let mut shapes = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let body = if !line.starts_with(' ') {
                let (id, rest) = line.split_once('=').unwrap_or((line, ""));
                current = Some(id.trim().to_owned());
                rest.to_owned()
            } else if let Some(attr) = line.trim().strip_prefix('.') {
                let (name, rest) = attr.split_once('=').unwrap_or((attr, ""));
                if let Some(id) = &current {
                    let entry: &mut (Vec<String>, Vec<String>) =
                        shapes.entry(id.clone()).or_default();
                    entry.0.push(name.trim().to_owned());
                }
                rest.to_owned()
            } else {
                line.to_owned()
            };
            if let Some(id) = &current {
                let entry = shapes.entry(id.clone()).or_default();
                for (at, _) in body.match_indices("{ $") {
                    let var: String = body[at + 3..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    entry.1.push(var);
                }
            }
        }
        for (attrs, vars) in shapes.values_mut() {
            attrs.sort();
            vars.sort();
            vars.dedup();
        }
        shapes
    }

    #[test]
    fn both_languages_have_the_same_messages_attributes_and_variables() {
        let files: std::collections::BTreeSet<&str> = SOURCES.iter().map(|(_, f, _)| *f).collect();
        for file in files {
            let of = |lang: Lang| {
                let (_, _, src) = SOURCES
                    .iter()
                    .find(|(l, f, _)| *l == lang && *f == file)
                    .unwrap_or_else(|| panic!("{lang} has no {file}"));
                shape_of(src)
            };
            let (zh, mn) = (of(Lang::Zh), of(Lang::Mn));
            assert!(!zh.is_empty(), "{file} parsed to nothing");
            assert_eq!(zh, mn, "{file}: ids, attributes or variables differ");
        }
    }

    /// Every Mongolian message carries its review status in the comment right above it.
    #[test]
    fn every_mongolian_message_says_whether_a_native_speaker_reviewed_it() {
        for (lang, file, src) in SOURCES {
            if *lang != Lang::Mn {
                continue;
            }
            let mut previous = "";
            for line in src.lines() {
                let is_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if is_message {
                    let id = line.split('=').next().unwrap_or(line).trim();
                    assert!(
                        previous == "# needs-native-review" || previous == "# native-reviewed",
                        "mn-Mong/{file}: {id} has no review marker above it"
                    );
                }
                previous = line.trim();
            }
        }
    }

    #[test]
    fn the_shape_scanner_sees_attributes_and_variables() {
        let shape = shape_of("a = x { $n }\n    .hint = y { $m }\nb = z\n");
        assert_eq!(
            shape["a"],
            (
                vec!["hint".to_owned()],
                vec!["m".to_owned(), "n".to_owned()]
            )
        );
        assert_eq!(shape["b"], (vec![], vec![]));
    }

    #[test]
    fn no_slint_file_has_user_visible_literal_text() {
        let mut files = vec![];
        slint_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("ui"),
            &mut files,
        );
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for (n, line) in source.lines().enumerate() {
                let line = line.trim();
                for prop in ["text:", "title:", "label:", "detail:", "accessible-label:"] {
                    if let Some(value) = line.strip_prefix(prop) {
                        let value = value.trim();
                        assert!(
                            !(value.starts_with('"') && value.len() > 3),
                            "{}:{}: literal text {value}",
                            file.display(),
                            n + 1
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_id_scanner_finds_literal_ids() {
        let src = r#"text: I18n.tr("a-b", I18n.rev); x: I18n.tr-var("c", "n", v, I18n.rev);"#;
        assert_eq!(ids_in(src), vec!["a-b", "c"]);
    }
}
