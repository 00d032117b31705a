//! Text a person reads, always in both of the product's languages.

use serde::{Deserialize, Serialize};

/// One text in Traditional Mongolian (`mn`, Unicode Mongolian script) and Chinese (`zh`, simplified).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bilingual {
    pub mn: String,
    pub zh: String,
}

impl Bilingual {
    pub fn new(mn: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            mn: mn.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Mn => &self.mn,
            Lang::Zh => &self.zh,
        }
    }
}

/// A language a person can be served in (UI, callbacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Mn,
    Zh,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Mn => "mn",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "mn" => Some(Lang::Mn),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}
