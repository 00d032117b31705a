//! The backend's endpoints as typed methods.

use legal_kiosk_api::{
    ApplicationNumber, ApplicationStatus, CallbackReceipt, CallbackRequest, CallbackStatus,
    Catalog, CreditRecordList, FeedbackReceipt, Guide, GuideId, Health, IDEMPOTENCY_KEY_HEADER,
    IdempotencyKey, Lang, MobileNumber, OfficeList, Reference, RegionCode, RegionList, SlotList,
    TextPageId, VERIFICATION_HEADER,
};
use reqwest::header::{
    ACCEPT_ENCODING, CONTENT_ENCODING, ETAG, HeaderName, HeaderValue, IF_NONE_MATCH,
};
use reqwest::{Method, StatusCode, Url};
use serde::de::DeserializeOwned;

use super::config::{RestConfig, SetupError, base_url};
use super::error::RestError;
use super::transport::{Answer, Call, execute};

/// A resource fetched with the ETag of the copy already held.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched<T> {
    /// The server's current version, with its ETag to send next time.
    Fresh { value: T, etag: Option<String> },
    /// The copy held is current (304).
    NotModified,
}

/// A bundle as fetched: its bytes (decoded), and whether they were rebuilt from a delta
/// against the bundle the device offered (RFC 9842 `dcz`), so that a caller whose check of them
/// fails can ask for the whole bundle before refusing anything.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleBytes {
    pub bytes: Vec<u8>,
    pub delta: bool,
}

/// The REST client. Cheap to clone; clones share connections.
#[derive(Clone)]
pub struct RestClient {
    http: reqwest::Client,
    base: Url,
    token: HeaderValue,
    config: RestConfig,
}

impl std::fmt::Debug for RestClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is a credential: never printed.
        f.debug_struct("RestClient")
            .field("base", &self.base.as_str())
            .finish()
    }
}

impl RestClient {
    pub fn new(config: RestConfig) -> Result<Self, SetupError> {
        let base = base_url(&config.base_url)?;
        let token = config.device_token.trim();
        if token.is_empty() {
            return Err(SetupError::InvalidToken);
        }
        let mut token = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| SetupError::InvalidToken)?;
        token.set_sensitive(true);
        // reqwest is built without a default crypto provider (see Cargo.toml); make ring the
        // process default unless something else already chose one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .timeout(config.total_timeout)
            // A redirect could lead to plain http or another host; the contract has none.
            .redirect(reqwest::redirect::Policy::none())
            // An idle connection is dropped before a server would close it (the reference
            // backend closes one idle for 10 s), so a request never goes out on a connection
            // being closed under it.
            .pool_idle_timeout(std::time::Duration::from_secs(5))
            // `Accept-Encoding: gzip, zstd` (RFC 9110 §12.5.3), and the answer decoded before
            // it is read: the demo bundle costs a rural link about 50 KB instead of 461 KB.
            // The body limit (`max_body_bytes`) counts decoded bytes, so a small coded answer
            // that inflates past it is refused as it is read, not held whole.
            .zstd(true)
            .gzip(true)
            .user_agent(concat!("legal-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SetupError::Http(e.to_string()))?;
        Ok(Self {
            http,
            base,
            token,
            config,
        })
    }

    pub fn config(&self) -> &RestConfig {
        &self.config
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<Url, RestError> {
        let mut url = self
            .base
            .join(path)
            .map_err(|e| RestError::UnexpectedAnswer(format!("bad path {path}: {e}")))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    async fn send(&self, call: Call) -> Result<Answer, RestError> {
        execute(&self.http, &self.token, &self.config, call).await
    }

    async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        headers: Vec<(HeaderName, HeaderValue)>,
    ) -> Result<T, RestError> {
        let call = Call {
            method: Method::GET,
            url: self.url(path, query)?,
            headers,
            body: None,
            repeatable: true,
        };
        decode(&self.send(call).await?)
    }

    async fn get_fetched<T: DeserializeOwned>(
        &self,
        path: &str,
        etag: Option<&str>,
    ) -> Result<Fetched<T>, RestError> {
        self.get_fetched_with(path, &[], etag, vec![], decode).await
    }

    async fn get_fetched_with<T>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        etag: Option<&str>,
        mut headers: Vec<(HeaderName, HeaderValue)>,
        decode: impl FnOnce(&Answer) -> Result<T, RestError>,
    ) -> Result<Fetched<T>, RestError> {
        if let Some(e) = etag.and_then(|e| HeaderValue::from_str(e).ok()) {
            headers.push((IF_NONE_MATCH, e));
        }
        let call = Call {
            method: Method::GET,
            url: self.url(path, query)?,
            headers,
            body: None,
            repeatable: true,
        };
        let answer = self.send(call).await?;
        if answer.status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        let etag = answer
            .headers
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Fetched::Fresh {
            value: decode(&answer)?,
            etag,
        })
    }

    pub async fn health(&self) -> Result<Health, RestError> {
        self.get_json("v1/health", &[], vec![]).await
    }

    pub async fn regions(&self) -> Result<RegionList, RestError> {
        self.get_json("v1/regions", &[], vec![]).await
    }

    pub async fn catalog(&self, etag: Option<&str>) -> Result<Fetched<Catalog>, RestError> {
        self.get_fetched("v1/catalog", etag).await
    }

    pub async fn guide(
        &self,
        id: &GuideId,
        etag: Option<&str>,
    ) -> Result<Fetched<Guide>, RestError> {
        self.get_fetched(&format!("v1/guides/{}", id.as_str()), etag)
            .await
    }

    /// The signed content bundle, as bytes: the caller checks the signature and version.
    ///
    /// With `dictionary` (the bundle the device holds), the request offers it for a delta
    /// (RFC 9842: `Available-Dictionary` with its SHA-256 and `Accept-Encoding: dcz, zstd,
    /// gzip`); a `dcz` answer is decoded against it here. A delta that cannot be decoded (another
    /// dictionary, a corrupt frame, more than the bundle limit) is not an error: the whole bundle
    /// is asked for at once, without the dictionary. Errors: the request's, as [`RestError`].
    pub async fn bundle(
        &self,
        etag: Option<&str>,
        dictionary: Option<&[u8]>,
    ) -> Result<Fetched<BundleBytes>, RestError> {
        let Some(dictionary) = dictionary else {
            return self.whole_bundle(etag).await;
        };
        let hash = legal_kiosk_content::dcz::dictionary_hash(dictionary);
        let offer =
            sfv::FieldType::serialize(&sfv::Item::new(sfv::BareItem::ByteSequence(hash.to_vec())));
        let mut headers = vec![(ACCEPT_ENCODING, HeaderValue::from_static("dcz, zstd, gzip"))];
        if let Ok(v) = HeaderValue::from_str(&offer) {
            headers.push((HeaderName::from_static("available-dictionary"), v));
        }
        let fetched = self
            .get_fetched_with("v1/bundle", &[], etag, headers, |answer| {
                let coded = answer
                    .headers
                    .get(CONTENT_ENCODING)
                    .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"dcz"));
                if !coded {
                    return Ok(BundleBytes {
                        bytes: answer.body.clone(),
                        delta: false,
                    });
                }
                legal_kiosk_content::dcz::decode(
                    dictionary,
                    &answer.body,
                    legal_kiosk_content::bundle::MAX_BUNDLE_BYTES,
                )
                .map(|bytes| BundleBytes { bytes, delta: true })
                .map_err(|e| RestError::UnexpectedAnswer(format!("bundle delta: {e}")))
            })
            .await;
        match fetched {
            Err(RestError::UnexpectedAnswer(e)) => {
                eprintln!("legal-kiosk: {e}; fetching the whole bundle");
                self.whole_bundle(etag).await
            }
            other => other,
        }
    }

    /// The bundle without a dictionary offered.
    async fn whole_bundle(&self, etag: Option<&str>) -> Result<Fetched<BundleBytes>, RestError> {
        self.get_fetched_with("v1/bundle", &[], etag, vec![], |answer| {
            Ok(BundleBytes {
                bytes: answer.body.clone(),
                delta: false,
            })
        })
        .await
    }

    /// The offices of `region` and the regions right below it (`GET /v1/offices`), unless the
    /// list whose ETag is `etag` is still current ([`Fetched::NotModified`], 304). Errors: the
    /// request's, as [`RestError`].
    pub async fn offices(
        &self,
        region: &RegionCode,
        etag: Option<&str>,
    ) -> Result<Fetched<OfficeList>, RestError> {
        self.get_fetched_with(
            "v1/offices",
            &[("region", region.as_str())],
            etag,
            vec![],
            decode,
        )
        .await
    }

    /// The credit record of the offices of `region` and the regions below it
    /// (`GET /v1/credit`). Errors: the request's, as [`RestError`].
    pub async fn credit(&self, region: &RegionCode) -> Result<CreditRecordList, RestError> {
        self.get_json("v1/credit", &[("region", region.as_str())], vec![])
            .await
    }

    pub async fn callback_slots(
        &self,
        region: &RegionCode,
        lang: Option<Lang>,
    ) -> Result<SlotList, RestError> {
        let mut query = vec![("region", region.as_str())];
        if let Some(lang) = lang {
            query.push(("lang", lang.as_str()));
        }
        self.get_json("v1/callback-slots", &query, vec![]).await
    }

    /// Books a callback. Send the same `key` with the same request on every retry (also across
    /// restarts): the server then books once and answers every retry with the first receipt.
    pub async fn book_callback(
        &self,
        key: &IdempotencyKey,
        request: &CallbackRequest,
    ) -> Result<CallbackReceipt, RestError> {
        let body = serde_json::to_vec(request)
            .map_err(|e| RestError::UnexpectedAnswer(format!("cannot encode booking: {e}")))?;
        self.book_callback_body(key, body).await
    }

    /// Books a callback with a request body as it was first encoded (the outbox keeps the
    /// bytes): a later version of the app, encoding the request differently, must not make
    /// the server see another request under the same key (422 key reused).
    pub async fn book_callback_body(
        &self,
        key: &IdempotencyKey,
        body: Vec<u8>,
    ) -> Result<CallbackReceipt, RestError> {
        self.post_keyed("v1/callbacks", key, body).await
    }

    /// Sends a complaint, suggestion or praise (`POST /v1/feedback`) with a body as it was
    /// first encoded, under its Idempotency-Key (as [`Self::book_callback_body`]).
    pub async fn send_feedback_body(
        &self,
        key: &IdempotencyKey,
        body: Vec<u8>,
    ) -> Result<FeedbackReceipt, RestError> {
        self.post_keyed("v1/feedback", key, body).await
    }

    /// `POST` of a JSON body under an Idempotency-Key: repeatable, since the backend answers
    /// a repeat of the key with its first answer.
    async fn post_keyed<R: DeserializeOwned>(
        &self,
        path: &str,
        key: &IdempotencyKey,
        body: Vec<u8>,
    ) -> Result<R, RestError> {
        let key = HeaderValue::from_str(key.as_str())
            .map_err(|_| RestError::UnexpectedAnswer("bad idempotency key".into()))?;
        let call = Call {
            method: Method::POST,
            url: self.url(path, &[])?,
            headers: vec![(header_name(IDEMPOTENCY_KEY_HEADER)?, key)],
            body: Some(body),
            // Keyed, so a retry cannot book twice.
            repeatable: true,
        };
        decode(&self.send(call).await?)
    }

    fn verification(mobile: &MobileNumber) -> Result<Vec<(HeaderName, HeaderValue)>, RestError> {
        let mut value = HeaderValue::from_str(mobile.as_str())
            .map_err(|_| RestError::UnexpectedAnswer("bad mobile header".into()))?;
        value.set_sensitive(true);
        Ok(vec![(header_name(VERIFICATION_HEADER)?, value)])
    }

    pub async fn callback(
        &self,
        reference: &Reference,
        mobile: &MobileNumber,
    ) -> Result<CallbackStatus, RestError> {
        let path = format!("v1/callbacks/{}", reference.as_str());
        self.get_json(&path, &[], Self::verification(mobile)?).await
    }

    /// Cancels a booking; cancelling one already cancelled answers its status again.
    pub async fn cancel_callback(
        &self,
        reference: &Reference,
        mobile: &MobileNumber,
    ) -> Result<CallbackStatus, RestError> {
        let call = Call {
            method: Method::DELETE,
            url: self.url(&format!("v1/callbacks/{}", reference.as_str()), &[])?,
            headers: Self::verification(mobile)?,
            body: None,
            repeatable: true,
        };
        decode(&self.send(call).await?)
    }

    pub async fn application(
        &self,
        number: &ApplicationNumber,
        mobile: &MobileNumber,
    ) -> Result<ApplicationStatus, RestError> {
        let path = format!("v1/applications/{}", number.as_str());
        self.get_json(&path, &[], Self::verification(mobile)?).await
    }

    /// The application again, unless it is unchanged since the answer whose ETag is `etag`
    /// ([`Fetched::NotModified`], 304). Verified like [`RestClient::application`]: a wrong
    /// mobile number is `wrong-verification`, never a 304.
    pub async fn application_since(
        &self,
        number: &ApplicationNumber,
        mobile: &MobileNumber,
        etag: Option<&str>,
    ) -> Result<Fetched<ApplicationStatus>, RestError> {
        let path = format!("v1/applications/{}", number.as_str());
        self.get_fetched_with(&path, &[], etag, Self::verification(mobile)?, decode)
            .await
    }
}

fn header_name(name: &str) -> Result<HeaderName, RestError> {
    HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| RestError::UnexpectedAnswer(format!("bad header name {name}")))
}

fn decode<T: DeserializeOwned>(answer: &Answer) -> Result<T, RestError> {
    serde_json::from_slice(&answer.body)
        .map_err(|e| RestError::UnexpectedAnswer(format!("answer does not fit the contract: {e}")))
}

/// A fresh key for one booking (128 random bits, hex). Store it with the booking in the outbox and
/// reuse it on every retry.
pub fn new_idempotency_key() -> Result<IdempotencyKey, RestError> {
    let hex: String = random_16()?.iter().map(|b| format!("{b:02x}")).collect();
    IdempotencyKey::parse(&hex).map_err(|e| RestError::UnexpectedAnswer(e.to_string()))
}

/// A fresh id for the phone page on which a feedback's words are typed (128 random bits from
/// the system). Errors: the system's random source failed.
pub fn new_text_page() -> Result<TextPageId, RestError> {
    Ok(TextPageId::from_random(random_16()?))
}

fn random_16() -> Result<[u8; 16], RestError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| RestError::UnexpectedAnswer(format!("no randomness: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>(_: &T) {}

    /// Controllers hand these futures to the tokio runtime on its worker thread (DESIGN §6).
    #[test]
    fn request_futures_can_move_to_the_runtime_thread() {
        let client = RestClient::new(RestConfig::new("http://127.0.0.1:9", "t")).unwrap();
        let key = IdempotencyKey::parse("key-00000001").unwrap();
        let request: CallbackRequest =
            serde_json::from_str(r#"{"slot":"s-1","mobile":"13900000000","lang":"mn"}"#).unwrap();
        assert_send(&client.regions());
        assert_send(&client.catalog(None));
        assert_send(&client.book_callback(&key, &request));
        assert_send(&client);
    }

    #[test]
    fn a_client_is_refused_an_empty_token() {
        let config = RestConfig::new("https://x.example", "  ");
        assert!(matches!(
            RestClient::new(config),
            Err(SetupError::InvalidToken)
        ));
    }

    #[test]
    fn idempotency_keys_are_fresh_each_time() {
        let a = new_idempotency_key().unwrap();
        let b = new_idempotency_key().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 32);
    }
}
