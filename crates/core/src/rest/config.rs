//! How the client reaches the backend: where, with which token, and how patiently.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::Url;

/// Client settings. [`RestConfig::new`] gives values suited to a slow rural link.
#[derive(Clone)]
pub struct RestConfig {
    /// `https://…`, or `http://` to a loopback address (the demo backend).
    pub base_url: String,
    /// The device token sent as `Authorization: Bearer …`.
    pub device_token: String,
    /// Longest wait for a connection to open.
    pub connect_timeout: Duration,
    /// Longest silence while reading an answer.
    pub read_timeout: Duration,
    /// Longest one attempt may take, answer included.
    pub total_timeout: Duration,
    /// Attempts per request, the first included, for requests that may be repeated.
    pub max_attempts: u32,
    /// First pause between attempts; it doubles each time up to `backoff_max`, and each
    /// pause gets up to as much again at random (backon's jitter).
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Longest `Retry-After` the client waits out by itself; longer ones end the request with
    /// `server-busy` (carrying the wait) so the caller can plan.
    pub retry_after_cap: Duration,
    /// Largest answer body accepted; anything bigger is an unexpected answer, not a memory spike.
    pub max_body_bytes: usize,
}

impl RestConfig {
    pub fn new(base_url: impl Into<String>, device_token: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            device_token: device_token.into(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(15),
            total_timeout: Duration::from_secs(30),
            max_attempts: 3,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(8),
            retry_after_cap: Duration::from_secs(30),
            max_body_bytes: 2 * 1024 * 1024,
        }
    }
}

impl std::fmt::Debug for RestConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The device token is a credential: a logged config must not carry it.
        f.debug_struct("RestConfig")
            .field("base_url", &self.base_url)
            .field("device_token", &"<redacted>")
            .field("connect_timeout", &self.connect_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("total_timeout", &self.total_timeout)
            .field("max_attempts", &self.max_attempts)
            .field("backoff_base", &self.backoff_base)
            .field("backoff_max", &self.backoff_max)
            .field("retry_after_cap", &self.retry_after_cap)
            .field("max_body_bytes", &self.max_body_bytes)
            .finish()
    }
}

/// Why a client could not be built. These are configuration mistakes, not network failures.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("backend URL is not valid: {0}")]
    InvalidUrl(String),
    #[error("backend URL must use https (plain http only to a loopback address): {0}")]
    Insecure(String),
    #[error("device token is empty or not a valid header value")]
    InvalidToken,
    #[error("HTTP client: {0}")]
    Http(String),
}

/// Parses the base URL, refusing plain http except to this machine, and makes sure it ends in
/// `/` so endpoint paths join under it rather than replacing its last segment.
pub(crate) fn base_url(raw: &str) -> Result<Url, SetupError> {
    let mut url = Url::parse(raw).map_err(|e| SetupError::InvalidUrl(e.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        _ => return Err(SetupError::Insecure(raw.to_owned())),
    }
    if url.cannot_be_a_base() || url.host().is_none() {
        return Err(SetupError::InvalidUrl(raw.to_owned()));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_refused_except_to_loopback() {
        assert!(base_url("https://legal.example.cn").is_ok());
        assert!(base_url("http://127.0.0.1:8348").is_ok());
        assert!(base_url("http://127.8.9.10").is_ok());
        assert!(base_url("http://[::1]:8348").is_ok());
        assert!(base_url("http://localhost:8348").is_ok());
        for bad in [
            "http://legal.example.cn",
            "http://192.168.1.10:8348",
            "http://127.0.0.1.example.cn",
            "ftp://127.0.0.1",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(base_url(bad), Err(SetupError::Insecure(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            base_url("not a url"),
            Err(SetupError::InvalidUrl(_))
        ));
    }

    #[test]
    fn the_device_token_never_shows_in_debug_output() {
        let shown = format!("{:?}", RestConfig::new("https://x.example", "lkdev_secret"));
        assert!(!shown.contains("lkdev_secret"));
    }

    #[test]
    fn endpoints_join_under_the_base_path() {
        let base = base_url("https://legal.example.cn/api?x=1").unwrap();
        assert_eq!(
            base.join("v1/regions").unwrap().as_str(),
            "https://legal.example.cn/api/v1/regions"
        );
    }
}
