//! Reading `assets/content`: one TOML file per guide plus categories, regions, the glossary and
//! the bundle's version; and, for the glossary, the Mongolian messages of `i18n/`. Errors name
//! the file, so whoever edits the content can find the mistake.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use legal_kiosk_api::{Category, Guide, Region};
use serde::Deserialize;

use crate::checks::Check;
use crate::glossary::Glossary;
use crate::messages::Message;

#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
}

/// The bundle's own settings (`bundle.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleInfo {
    /// Raised with every published change; devices refuse a bundle not newer than theirs.
    pub version: u64,
    pub published_on: NaiveDate,
}

/// One guide file: the guide the bundle carries, and the records of where and when the texts
/// behind its legal claims were read, which stay in the sources.
#[derive(Debug, Clone)]
pub struct GuideFile {
    pub path: PathBuf,
    pub guide: Guide,
    pub checks: Vec<Check>,
}

impl GuideFile {
    /// The file's name, as findings name it.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Everything under `assets/content`, parsed but not yet validated.
#[derive(Debug, Clone)]
pub struct Source {
    pub info: BundleInfo,
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
    /// Sorted by file name.
    pub guides: Vec<GuideFile>,
    pub glossary: Glossary,
    /// The Mongolian UI messages with their Chinese counterparts; empty until
    /// [`Source::with_messages`] reads them.
    pub messages: Vec<Message>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    category: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionFile {
    region: Vec<Region>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckSection {
    check: Vec<Check>,
}

fn read_text(path: &Path) -> Result<String, ContentError> {
    std::fs::read_to_string(path).map_err(|source| ContentError::Read {
        path: path.to_owned(),
        source,
    })
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ContentError> {
    parse(path, &read_text(path)?)
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| ContentError::Parse {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// A guide file holds the guide and, last, its `[[check]]` records. The guide is read on its own
/// so that it keeps the API's exact type (a misspelt field is still refused); the records are
/// read from the rest, padded so that error messages give the line numbers of the file.
pub(crate) fn parse_guide(path: &Path, text: &str) -> Result<GuideFile, ContentError> {
    let mut offset = text.len();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[check]]") {
            offset = start;
            break;
        }
        start += line.len();
    }
    let (guide_text, check_text) = text.split_at(offset);
    let guide = parse::<Guide>(path, guide_text)?;
    let checks = if check_text.trim().is_empty() {
        Vec::new()
    } else {
        let padding = "\n".repeat(guide_text.matches('\n').count());
        parse::<CheckSection>(path, &format!("{padding}{check_text}"))?.check
    };
    Ok(GuideFile {
        path: path.to_owned(),
        guide,
        checks,
    })
}

impl Source {
    pub fn load(dir: &Path) -> Result<Source, ContentError> {
        let info: BundleInfo = read(&dir.join("bundle.toml"))?;
        let categories = read::<CategoryFile>(&dir.join("categories.toml"))?.category;
        let regions = read::<RegionFile>(&dir.join("regions.toml"))?.region;
        let glossary = read::<Glossary>(&dir.join("glossary.toml"))?;
        let guides_dir = dir.join("guides");
        let entries = std::fs::read_dir(&guides_dir).map_err(|source| ContentError::Read {
            path: guides_dir.clone(),
            source,
        })?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|source| ContentError::Read {
                    path: guides_dir.clone(),
                    source,
                })?
                .path();
            if path.extension().is_some_and(|e| e == "toml") {
                paths.push(path);
            }
        }
        paths.sort();
        let guides = paths
            .into_iter()
            .map(|p| read_text(&p).and_then(|text| parse_guide(&p, &text)))
            .collect::<Result<_, _>>()?;
        Ok(Source {
            info,
            categories,
            regions,
            guides,
            glossary,
            messages: Vec::new(),
        })
    }

    /// Adds the UI messages of `i18n` (its `zh-Hans/` and `mn-Mong/` folders), so that the
    /// glossary is enforced on them too.
    pub fn with_messages(mut self, i18n: &Path) -> Result<Source, ContentError> {
        self.messages = crate::messages::load(i18n)?;
        Ok(self)
    }

    /// Just the guides, as the bundle carries them.
    pub fn guide_list(&self) -> impl Iterator<Item = &Guide> {
        self.guides.iter().map(|g| &g.guide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legal_aid() -> (PathBuf, String) {
        let path = crate::content_dir().join("guides/legal-aid-application.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        (path, text)
    }

    #[test]
    fn a_misspelt_field_is_refused_with_the_file_named() {
        let (path, text) = legal_aid();
        let broken = text.replacen("applicants", "aplicants", 1);
        let err = parse_guide(&path, &broken).unwrap_err().to_string();
        assert!(err.contains("legal-aid-application.toml"), "{err}");
        assert!(err.contains("aplicants"), "{err}");
    }

    #[test]
    fn the_check_records_are_read_apart_from_the_guide() {
        let (path, text) = legal_aid();
        let file = parse_guide(&path, &text).unwrap();
        assert!(!file.checks.is_empty());
        assert!(file.checks.iter().all(|c| !c.covers.is_empty()));
        let without = &text[..text.find("[[check]]").unwrap()];
        assert_eq!(parse_guide(&path, without).unwrap().guide, file.guide);
    }

    #[test]
    fn a_mistake_in_a_check_record_is_reported_at_its_line() {
        let (path, text) = legal_aid();
        let broken = text.replacen("checked_on =", "checkd_on =", 1);
        let line = 1 + broken[..broken.find("checkd_on").unwrap()]
            .matches('\n')
            .count();
        let err = parse_guide(&path, &broken).unwrap_err().to_string();
        assert!(err.contains("checkd_on"), "{err}");
        assert!(err.contains(&format!("line {line}")), "{err}");
    }
}
