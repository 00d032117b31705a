//! Reading `assets/content`: one TOML file per guide plus categories, regions and the bundle's
//! version. Errors name the file, so whoever edits the content can find the mistake.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use legal_kiosk_api::{Category, Guide, Region};
use serde::Deserialize;

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

/// Everything under `assets/content`, parsed but not yet validated.
#[derive(Debug, Clone)]
pub struct Source {
    pub info: BundleInfo,
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
    /// With the file each came from, sorted by file name.
    pub guides: Vec<(PathBuf, Guide)>,
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

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ContentError> {
    let text = std::fs::read_to_string(path).map_err(|source| ContentError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &text)
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| ContentError::Parse {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

impl Source {
    pub fn load(dir: &Path) -> Result<Source, ContentError> {
        let info: BundleInfo = read(&dir.join("bundle.toml"))?;
        let categories = read::<CategoryFile>(&dir.join("categories.toml"))?.category;
        let regions = read::<RegionFile>(&dir.join("regions.toml"))?.region;
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
            .map(|p| read::<Guide>(&p).map(|g| (p, g)))
            .collect::<Result<_, _>>()?;
        Ok(Source {
            info,
            categories,
            regions,
            guides,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_is_refused_with_the_file_named() {
        let dir = crate::content_dir();
        let path = dir.join("guides/legal-aid-application.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let broken = text.replacen("applicants", "aplicants", 1);
        let err = parse::<Guide>(&path, &broken).unwrap_err().to_string();
        assert!(err.contains("legal-aid-application.toml"), "{err}");
        assert!(err.contains("aplicants"), "{err}");
    }
}
