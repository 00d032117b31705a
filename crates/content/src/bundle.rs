//! The offline bundle: all published content in one file, signed with ed25519. A device checks
//! the signature against the public key it trusts and refuses anything not newer than what it has.
//!
//! Layout: `LKBUNDL1` (8 bytes), the signature (64 bytes), then the JSON payload. The signature
//! covers a fixed context string followed by the payload, so it cannot be replayed elsewhere.

use chrono::NaiveDate;
use ed25519_dalek::{Signature, Signer};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use legal_kiosk_api::{Category, Guide, GuideId, Office, OfficeKind, Region, RegionCode};
use serde::{Deserialize, Serialize};

use crate::source::Source;

pub const MAGIC: &[u8; 8] = b"LKBUNDL1";
const CONTEXT: &[u8] = b"legal-kiosk content bundle\0";
/// The payload format this build reads.
pub const FORMAT: u32 = 1;
/// Far above the real size (a few hundred KiB); bounds what a broken server can make us parse.
pub const MAX_BUNDLE_BYTES: usize = 8 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("the bundle is larger than {MAX_BUNDLE_BYTES} bytes")]
    TooLarge,
    #[error("not a content bundle")]
    NotABundle,
    #[error("the bundle's signature does not match the trusted key")]
    BadSignature,
    #[error("the bundle's content cannot be read: {0}")]
    Malformed(String),
    #[error("bundle format {0} is not supported by this version of the app")]
    UnsupportedFormat(u32),
    #[error("bundle version {offered} is not newer than version {have}")]
    NotNewer { have: u64, offered: u64 },
    #[error("not a key: {0}")]
    BadKey(String),
}

/// How a guide is found from the remote's digits or a keyboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchKeys {
    pub guide: GuideId,
    /// Pinyin initials of the Chinese title, one string per reading of its heteronyms.
    pub initials: Vec<String>,
    /// The title's full pinyin, one string per reading, without tones or spaces.
    pub pinyin: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub version: u64,
    pub published_on: NaiveDate,
    pub categories: Vec<Category>,
    pub guides: Vec<Guide>,
    pub regions: Vec<Region>,
    pub offices: Vec<Office>,
    pub search: Vec<SearchKeys>,
}

impl Bundle {
    /// The bundle for `source`, with the demo offices and the search keys computed.
    pub fn compile(source: &Source) -> Bundle {
        let guides: Vec<Guide> = source.guide_list().cloned().collect();
        let search = guides
            .iter()
            .map(|g| crate::search::keys_for(&g.id, &g.title.zh))
            .collect();
        Bundle {
            format: FORMAT,
            version: source.info.version,
            published_on: source.info.published_on,
            categories: source.categories.clone(),
            offices: crate::offices::demo_offices(&source.regions),
            regions: source.regions.clone(),
            guides,
            search,
        }
    }

    pub fn sign(&self, key: &SigningKey) -> Vec<u8> {
        let payload = serde_json::to_vec(self).unwrap_or_default();
        let signature = key.sign(&signed_message(&payload));
        let mut out = Vec::with_capacity(MAGIC.len() + 64 + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&signature.to_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Checks the signature before reading a single byte of the payload.
    pub fn open(bytes: &[u8], key: &VerifyingKey) -> Result<Bundle, BundleError> {
        if bytes.len() > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge);
        }
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(BundleError::NotABundle)?;
        if rest.len() < 64 {
            return Err(BundleError::NotABundle);
        }
        let (sig, payload) = rest.split_at(64);
        let sig: [u8; 64] = sig.try_into().map_err(|_| BundleError::NotABundle)?;
        key.verify_strict(&signed_message(payload), &Signature::from_bytes(&sig))
            .map_err(|_| BundleError::BadSignature)?;
        #[derive(Deserialize)]
        struct Head {
            format: u32,
        }
        let head: Head =
            serde_json::from_slice(payload).map_err(|e| BundleError::Malformed(e.to_string()))?;
        if head.format != FORMAT {
            return Err(BundleError::UnsupportedFormat(head.format));
        }
        serde_json::from_slice(payload).map_err(|e| BundleError::Malformed(e.to_string()))
    }

    /// `Ok` when `self` may replace a bundle of version `have`: never an older or equal one.
    pub fn may_replace(&self, have: Option<u64>) -> Result<(), BundleError> {
        match have {
            Some(have) if self.version <= have => Err(BundleError::NotNewer {
                have,
                offered: self.version,
            }),
            _ => Ok(()),
        }
    }

    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id.as_str() == id)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code.as_str() == code)
    }

    /// The office of `kind` serving `region`: the region's own, else its league's, else the
    /// autonomous region's.
    pub fn office_for(&self, region: &RegionCode, kind: OfficeKind) -> Option<&Office> {
        let mut code = Some(region.clone());
        while let Some(c) = code {
            if let Some(o) = self
                .offices
                .iter()
                .find(|o| o.region == c && o.kinds.contains(&kind))
            {
                return Some(o);
            }
            code = self.region(c.as_str()).and_then(|r| r.parent.clone());
        }
        None
    }
}

fn signed_message(payload: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(CONTEXT.len() + payload.len());
    m.extend_from_slice(CONTEXT);
    m.extend_from_slice(payload);
    m
}

fn hex_bytes<const N: usize>(s: &str) -> Result<[u8; N], BundleError> {
    let s = s.trim();
    if s.len() != N * 2 || !s.is_ascii() {
        return Err(BundleError::BadKey(format!(
            "expected {} hex digits",
            N * 2
        )));
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16)
            .map_err(|_| BundleError::BadKey("not hexadecimal".to_owned()))?;
    }
    Ok(out)
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn verifying_key_from_hex(s: &str) -> Result<VerifyingKey, BundleError> {
    VerifyingKey::from_bytes(&hex_bytes::<32>(s)?).map_err(|e| BundleError::BadKey(e.to_string()))
}

/// A signing key file holds the 32-byte secret seed in hex; lines starting with `#` are comments.
pub fn signing_key_from_text(text: &str) -> Result<SigningKey, BundleError> {
    let hex: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    Ok(SigningKey::from_bytes(&hex_bytes::<32>(&hex)?))
}

/// The key the app trusts unless configured otherwise: the development key's public half.
pub fn dev_verifying_key() -> Result<VerifyingKey, BundleError> {
    verifying_key_from_hex(crate::DEV_PUBLIC_KEY_HEX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn small_bundle(version: u64) -> Bundle {
        Bundle {
            format: FORMAT,
            version,
            published_on: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            categories: vec![],
            guides: vec![],
            regions: vec![],
            offices: vec![],
            search: vec![],
        }
    }

    #[test]
    fn a_signed_bundle_opens_with_its_key_only() {
        let bytes = small_bundle(3).sign(&key(1));
        assert_eq!(
            Bundle::open(&bytes, &key(1).verifying_key()).unwrap(),
            small_bundle(3)
        );
        assert_eq!(
            Bundle::open(&bytes, &key(2).verifying_key()),
            Err(BundleError::BadSignature)
        );
    }

    #[test]
    fn any_changed_byte_is_refused() {
        let bytes = small_bundle(3).sign(&key(1));
        for i in 0..bytes.len() {
            let mut tampered = bytes.clone();
            tampered[i] ^= 0x20;
            assert!(
                Bundle::open(&tampered, &key(1).verifying_key()).is_err(),
                "byte {i} changed and the bundle still opened"
            );
        }
    }

    #[test]
    fn older_and_equal_versions_may_not_replace() {
        assert!(small_bundle(5).may_replace(None).is_ok());
        assert!(small_bundle(5).may_replace(Some(4)).is_ok());
        assert_eq!(
            small_bundle(5).may_replace(Some(5)),
            Err(BundleError::NotNewer {
                have: 5,
                offered: 5
            })
        );
        assert!(small_bundle(4).may_replace(Some(5)).is_err());
    }

    #[test]
    fn keys_round_trip_through_hex() {
        let k = key(7);
        let text = format!("# comment\n{}\n", to_hex(&k.to_bytes()));
        assert_eq!(
            signing_key_from_text(&text).unwrap().to_bytes(),
            k.to_bytes()
        );
        let vk = verifying_key_from_hex(&to_hex(k.verifying_key().as_bytes())).unwrap();
        assert_eq!(vk, k.verifying_key());
        assert!(verifying_key_from_hex("zz").is_err());
    }

    proptest::proptest! {
        #[test]
        fn opening_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = Bundle::open(&bytes, &key(1).verifying_key());
            let mut with_magic = MAGIC.to_vec();
            with_magic.extend_from_slice(&bytes);
            let _ = Bundle::open(&with_magic, &key(1).verifying_key());
        }
    }
}
