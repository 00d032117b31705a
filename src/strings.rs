//! The Fluent sources compiled into the binary, and the live language of the UI.

use legal_kiosk_core::i18n::{I18nError, Lang, Strings};

/// Every `.ftl` file of every language. A test checks this list against `i18n/` on disk, so
/// a new file cannot be forgotten here.
pub const SOURCES: &[(Lang, &str, &str)] = &[
    (
        Lang::Zh,
        "shell.ftl",
        include_str!("../i18n/zh-Hans/shell.ftl"),
    ),
    (
        Lang::Mn,
        "shell.ftl",
        include_str!("../i18n/mn-Mong/shell.ftl"),
    ),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_sources_parse() {
        Catalog::load().unwrap();
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
