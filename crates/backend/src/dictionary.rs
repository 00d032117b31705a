//! Bundle deltas by Compression Dictionary Transport (RFC 9842). Every bundle answer says
//! `Use-As-Dictionary: match="/v1/bundle"` (§2.1): the device may keep the bundle as the
//! dictionary for the next one. A device that asks again names the bundle it holds
//! (`Available-Dictionary: :<base64 SHA-256>:`, §2.2) and accepts `dcz` (§5.2); when the
//! server still has that bundle, the new one is sent coded against it (`Content-Encoding:
//! dcz`, [`legal_kiosk_content::dcz`]), which for one changed guide is a few hundred bytes.
//! Otherwise the answer is as without a dictionary (zstd, gzip or identity).
//!
//! The server keeps the last [`KEPT`] bundles it served (`bundle_history`, keyed by SHA-256):
//! a device that missed more publications than that gets the whole bundle. Deltas are costly
//! to code (zstd level 19 over about a megabyte) and the same for every device holding the same
//! bundle, so the last [`CACHED`] are kept in memory.

use std::collections::VecDeque;
use std::sync::Arc;

use axum::http::{HeaderMap, HeaderName, HeaderValue};

use crate::error::BackendError;
use crate::sql::args;
use crate::store::Conn;

/// `Available-Dictionary` (RFC 9842 §2.2).
pub static AVAILABLE_DICTIONARY: HeaderName = HeaderName::from_static("available-dictionary");
/// `Use-As-Dictionary` (RFC 9842 §2.1).
pub static USE_AS_DICTIONARY: HeaderName = HeaderName::from_static("use-as-dictionary");
/// What the bundle's answers say in `Use-As-Dictionary`: this bundle is the dictionary for
/// later requests of the same path.
pub const BUNDLE_DICTIONARY: &str = "match=\"/v1/bundle\"";

/// Bundles kept as dictionaries, the current one included.
pub const KEPT: usize = 8;
/// Coded deltas kept in memory.
pub const CACHED: usize = 8;

/// A request's offer of a dictionary: the SHA-256 it named in `Available-Dictionary`, put in
/// the request's extensions by [`crate::encoding::content_coding`] when the device also
/// accepts `dcz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictionaryOffer(pub [u8; 32]);

/// The SHA-256 named by `Available-Dictionary` (a Structured Field byte sequence, RFC 8941
/// §3.3.5, of 32 bytes), or `None` if there is none or it is malformed (then no dictionary is
/// used; the request is otherwise answered as usual).
pub fn available(headers: &HeaderMap) -> Option<[u8; 32]> {
    let value = headers.get(&AVAILABLE_DICTIONARY)?.to_str().ok()?;
    let item: sfv::Item = sfv::Parser::new(value).parse().ok()?;
    item.bare_item.as_byte_sequence()?.try_into().ok()
}

/// Records `bytes` (a bundle just served or published) as a dictionary, and forgets all but
/// the newest [`KEPT`]. The same SQL on SQLite and PostgreSQL. Errors: the database's.
pub fn remember(conn: &mut Conn<'_>, bytes: &[u8]) -> Result<(), BackendError> {
    let hash = legal_kiosk_content::dcz::dictionary_hash(bytes);
    conn.execute(
        "INSERT INTO bundle_history (sha256, body, seq)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM bundle_history))
         ON CONFLICT (sha256) DO NOTHING",
        args![hash.as_slice(), bytes],
    )?;
    conn.execute(
        "DELETE FROM bundle_history WHERE sha256 NOT IN
             (SELECT sha256 FROM bundle_history ORDER BY seq DESC LIMIT ?1)",
        args![KEPT as i64],
    )?;
    Ok(())
}

/// Puts the bundle being served into the history if it is not there (a database written before
/// the history existed). Errors: the database's.
pub fn remember_current(conn: &mut Conn<'_>) -> Result<(), BackendError> {
    let body: Option<Vec<u8>> = conn
        .row("SELECT body FROM bundle WHERE id = 1", &[])?
        .map(|row| row.get(0))
        .transpose()?;
    match body {
        Some(body) => remember(conn, &body),
        None => Ok(()),
    }
}

/// The kept bundle whose SHA-256 is `hash`. Errors: the database's.
pub fn lookup(conn: &mut Conn<'_>, hash: &[u8; 32]) -> Result<Option<Vec<u8>>, BackendError> {
    conn.row(
        "SELECT body FROM bundle_history WHERE sha256 = ?1",
        args![hash.as_slice()],
    )?
    .map(|row| row.get(0))
    .transpose()
}

/// The ETag of the `dcz` answer of the content tagged `etag` (`"<hex>"`) coded against the
/// dictionary `hash`: `"<hex>-dcz-<first 8 bytes of hash in hex>"`. Each dictionary gives other
/// bytes, so each gets its own strong tag (RFC 9110 §8.8.3).
pub fn dcz_tag(etag: &str, hash: &[u8; 32]) -> String {
    let short: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    match etag.strip_suffix('"') {
        Some(open) => format!("{open}-dcz-{short}\""),
        None => etag.to_owned(),
    }
}

/// `tag` without a `-dcz-…` suffix: the tag of the content it carried.
pub fn content_tag(tag: &str) -> Option<String> {
    let at = tag.rfind("-dcz-")?;
    tag.ends_with('"').then(|| format!("{}\"", &tag[..at]))
}

/// The deltas coded lately: (dictionary hash, target ETag) → `dcz` body. One lock: a second
/// request for a delta being coded waits for it instead of coding it again.
#[derive(Clone, Default)]
pub struct Deltas(Arc<tokio::sync::Mutex<VecDeque<Delta>>>);

struct Delta {
    dictionary: [u8; 32],
    etag: String,
    body: Arc<Vec<u8>>,
}

impl Deltas {
    /// The `dcz` body of `body` (tagged `etag`) against `dictionary` (whose SHA-256 is `hash`),
    /// from the cache or coded now on a thread for blocking work. Errors: zstd's, or a
    /// panicked coding thread, as [`BackendError::Io`].
    pub async fn get(
        &self,
        hash: [u8; 32],
        dictionary: Vec<u8>,
        etag: &str,
        body: Arc<Vec<u8>>,
    ) -> Result<Arc<Vec<u8>>, BackendError> {
        let mut cache = self.0.lock().await;
        if let Some(d) = cache
            .iter()
            .find(|d| d.dictionary == hash && d.etag == etag)
        {
            return Ok(d.body.clone());
        }
        let coded = tokio::task::spawn_blocking(move || {
            legal_kiosk_content::dcz::encode(&dictionary, &body)
        })
        .await
        .map_err(|e| BackendError::Io(std::io::Error::other(e)))?
        .map_err(|e| BackendError::Io(std::io::Error::other(e)))?;
        let coded = Arc::new(coded);
        if cache.len() >= CACHED {
            cache.pop_front();
        }
        cache.push_back(Delta {
            dictionary: hash,
            etag: etag.to_owned(),
            body: coded.clone(),
        });
        Ok(coded)
    }
}

/// The `Vary` of a bundle answer: it depends on the codings accepted and on the dictionary
/// offered (RFC 9842 §6.2).
pub fn vary() -> HeaderValue {
    HeaderValue::from_static("accept-encoding, available-dictionary")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_is_a_32_byte_sequence_and_anything_else_is_none() {
        let mut h = HeaderMap::new();
        let hash = [7u8; 32];
        let b64 = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
        h.insert(
            &AVAILABLE_DICTIONARY,
            HeaderValue::from_str(&format!(":{b64}:")).unwrap(),
        );
        assert_eq!(available(&h), Some(hash));
        for bad in [b64.to_owned(), ":AAAA:".to_owned(), "\"x\"".to_owned()] {
            h.insert(&AVAILABLE_DICTIONARY, HeaderValue::from_str(&bad).unwrap());
            assert_eq!(available(&h), None, "{bad}");
        }
    }

    #[test]
    fn a_dcz_tag_names_the_content_and_the_dictionary() {
        let tag = dcz_tag("\"abc\"", &[0xab; 32]);
        assert_eq!(tag, "\"abc-dcz-abababababababab\"");
        assert_eq!(content_tag(&tag).as_deref(), Some("\"abc\""));
        assert_eq!(content_tag("\"abc-zstd\""), None);
    }
}
