//! UI strings (DESIGN §5): Fluent bundles for Chinese and Traditional Mongolian, looked up by
//! message id. The app embeds the `.ftl` sources; this module parses and formats them.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use std::fmt;
use std::str::FromStr;
use unic_langid::LanguageIdentifier;

/// The language a string is shown in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// Simplified Chinese, zh-Hans-CN.
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// Traditional Mongolian script, mn-Mong-CN.
    #[serde(rename = "mn")]
    Mn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::Mn];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::Mn => "mn",
        }
    }

    /// The BCP 47 tag of the locale.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans-CN",
            Lang::Mn => "mn-Mong-CN",
        }
    }

    /// The folder under `i18n/` holding this language's `.ftl` files.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::Mn => "mn-Mong",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown language {0:?}: expected zh or mn")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    /// Takes a BCP 47 tag (`mn`, `zh-CN`, `mn-Mong-CN` …) and negotiates it against the two
    /// locales the app has. Mongolian in Cyrillic (`mn-Cyrl`, `mn-MN`) is not Traditional
    /// Mongolian and is refused rather than shown a script its reader may not read.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownLang(s.to_owned());
        let requested: LanguageIdentifier = s.trim().parse().map_err(|_| unknown())?;
        if requested.language.as_str() == "mn"
            && (requested.script.is_some_and(|sc| sc.as_str() != "Mong")
                || requested.region.is_some_and(|r| r.as_str() == "MN"))
        {
            return Err(unknown());
        }
        let available: Vec<LanguageIdentifier> = Lang::ALL
            .iter()
            .filter_map(|l| l.tag().parse().ok())
            .collect();
        let chosen =
            negotiate_languages(&[requested], &available, None, NegotiationStrategy::Lookup);
        let tag = chosen.first().map(|l| l.to_string()).ok_or_else(unknown)?;
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == tag)
            .ok_or_else(unknown)
    }
}

/// What the screen shows: one language, or both by the regional rule for Mongolian–Chinese
/// text (horizontal: Mongolian above Chinese; vertical: Mongolian left of Chinese; same size).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DisplayMode {
    Mn,
    #[default]
    Zh,
    Bilingual,
}

impl DisplayMode {
    pub const ALL: [DisplayMode; 3] = [DisplayMode::Mn, DisplayMode::Zh, DisplayMode::Bilingual];

    /// The mode the remote's language key switches to.
    pub fn next(self) -> DisplayMode {
        match self {
            DisplayMode::Zh => DisplayMode::Mn,
            DisplayMode::Mn => DisplayMode::Bilingual,
            DisplayMode::Bilingual => DisplayMode::Zh,
        }
    }

    /// The languages shown, in the order the regional rule puts them (Mongolian first).
    pub fn langs(self) -> &'static [Lang] {
        match self {
            DisplayMode::Mn => &[Lang::Mn],
            DisplayMode::Zh => &[Lang::Zh],
            DisplayMode::Bilingual => &[Lang::Mn, Lang::Zh],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DisplayMode::Mn => "mn",
            DisplayMode::Zh => "zh",
            DisplayMode::Bilingual => "bilingual",
        }
    }
}

/// The same language in the wire types (a guide's `Bilingual` text).
impl From<Lang> for legal_kiosk_api::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Mn => legal_kiosk_api::Lang::Mn,
            Lang::Zh => legal_kiosk_api::Lang::Zh,
        }
    }
}

impl From<Lang> for DisplayMode {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Mn => DisplayMode::Mn,
            Lang::Zh => DisplayMode::Zh,
        }
    }
}

impl fmt::Display for DisplayMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown display language {0:?}: expected mn, zh or bilingual")]
pub struct UnknownDisplayMode(pub String);

impl FromStr for DisplayMode {
    type Err = UnknownDisplayMode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "bilingual" | "bi" | "mn+zh" => Ok(DisplayMode::Bilingual),
            other => other
                .parse::<Lang>()
                .map(DisplayMode::from)
                .map_err(|_| UnknownDisplayMode(s.to_owned())),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{file}: Fluent syntax error: {detail}")]
    Syntax { file: String, detail: String },
    #[error("{file}: message {id} is defined twice")]
    Duplicate { file: String, id: String },
}

/// One language's messages.
pub struct Strings {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Strings {
    /// Parses the `(file name, source)` pairs of one language.
    pub fn parse(lang: Lang, sources: &[(&str, &str)]) -> Result<Self, I18nError> {
        let langid: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        // Unicode isolation marks around placeables show as boxes in some fonts, and the
        // app never mixes directions within one message.
        bundle.set_use_isolating(false);
        for (file, src) in sources {
            let res = FluentResource::try_new((*src).to_owned()).map_err(|(_, errs)| {
                I18nError::Syntax {
                    file: (*file).to_owned(),
                    detail: format!("{errs:?}"),
                }
            })?;
            bundle
                .add_resource(res)
                .map_err(|errs| I18nError::Duplicate {
                    file: (*file).to_owned(),
                    id: errs
                        .iter()
                        .map(|e| format!("{e:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
        }
        Ok(Strings { lang, bundle })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` (or `id.attribute`), or the id itself when it is missing so that a
    /// missing string is visible on screen and in tests instead of an empty label.
    pub fn get(&self, id: &str) -> String {
        self.get_with(id, &[])
    }

    /// Like [`Strings::get`], with Fluent variables (`{ $since }`) given as name/value pairs.
    pub fn get_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let Some(msg) = self.bundle.get_message(msg_id) else {
            return id.to_owned();
        };
        let pattern = match attr {
            Some(a) => msg.get_attribute(a).map(|a| a.value()),
            None => msg.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = vec![];
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_attributes_are_found_and_missing_ones_show_their_id() {
        let s = Strings::parse(Lang::Zh, &[("a.ftl", "hello = 你好\n    .hint = 提示\n")]).unwrap();
        assert_eq!(s.get("hello"), "你好");
        assert_eq!(s.get("hello.hint"), "提示");
        assert_eq!(s.get("missing"), "missing");
    }

    #[test]
    fn variables_are_filled_in() {
        let s = Strings::parse(Lang::Zh, &[("a.ftl", "off = 离线（自 { $since } 起）\n")]).unwrap();
        assert_eq!(
            s.get_with("off", &[("since", "10:32")]),
            "离线（自 10:32 起）"
        );
    }

    #[test]
    fn the_language_key_cycles_through_all_three_modes() {
        let mut m = DisplayMode::Zh;
        let mut seen = vec![];
        for _ in 0..3 {
            m = m.next();
            seen.push(m);
        }
        assert_eq!(
            seen,
            [DisplayMode::Mn, DisplayMode::Bilingual, DisplayMode::Zh]
        );
        assert_eq!("bilingual".parse(), Ok(DisplayMode::Bilingual));
        assert_eq!("mn".parse(), Ok(DisplayMode::Mn));
        assert!("en".parse::<DisplayMode>().is_err());
    }

    #[test]
    fn language_tags_are_negotiated_to_the_two_locales() {
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-Hans-CN"] {
            assert_eq!(tag.parse(), Ok(Lang::Zh), "{tag}");
        }
        for tag in ["mn", "mn-Mong", "mn-Mong-CN", "mn-CN"] {
            assert_eq!(tag.parse(), Ok(Lang::Mn), "{tag}");
        }
        for tag in ["mn-Cyrl", "mn-MN", "en", "", "??"] {
            assert!(tag.parse::<Lang>().is_err(), "{tag}");
        }
    }

    #[test]
    fn broken_ftl_is_an_error_not_a_panic() {
        assert!(Strings::parse(Lang::Mn, &[("b.ftl", "= no id\n")]).is_err());
    }
}
