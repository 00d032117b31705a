//! One request, start to finish: send, read a bounded answer, retry what may be retried, and turn
//! every outcome into either an answer or a [`RestError`].

use std::time::Duration;

use legal_kiosk_api::{Problem, ProblemCode};
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode, Url};

use super::RestConfig;
use super::error::RestError;
use super::retry::{backoff, retry_after};

/// A request as the endpoints describe it.
pub struct Call {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Option<Vec<u8>>,
    /// Sending it twice has the effect of sending it once (GET, DELETE, a keyed POST).
    pub repeatable: bool,
}

/// A usable answer: 2xx or 304.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// What one attempt came to.
enum Attempt {
    Done(Result<Answer, RestError>),
    /// Worth another try, after `wait` if the server said how long.
    Again {
        error: RestError,
        wait: Option<Duration>,
    },
}

pub async fn execute(
    http: &reqwest::Client,
    token: &HeaderValue,
    config: &RestConfig,
    call: Call,
) -> Result<Answer, RestError> {
    let attempts = if call.repeatable {
        config.max_attempts.max(1)
    } else {
        1
    };
    let mut attempt = 1;
    let mut pauses = backoff(config.backoff_base, config.backoff_max);
    loop {
        let (error, wait) = match attempt_once(http, token, config, &call).await {
            Attempt::Done(result) => return result,
            Attempt::Again { error, wait } => (error, wait),
        };
        if attempt >= attempts {
            return Err(error);
        }
        let pause = match wait {
            // Beyond the cap the caller is better placed to wait (an outbox, a message).
            Some(wait) if wait > config.retry_after_cap => return Err(error),
            Some(wait) => wait,
            None => pauses.next().unwrap_or(config.backoff_max),
        };
        tokio::time::sleep(pause).await;
        attempt += 1;
    }
}

async fn attempt_once(
    http: &reqwest::Client,
    token: &HeaderValue,
    config: &RestConfig,
    call: &Call,
) -> Attempt {
    let mut request = http
        .request(call.method.clone(), call.url.clone())
        .header(reqwest::header::AUTHORIZATION, token.clone())
        .header(reqwest::header::ACCEPT, "application/json");
    for (name, value) in &call.headers {
        request = request.header(name.clone(), value.clone());
    }
    if let Some(body) = &call.body {
        request = request
            .header(CONTENT_TYPE, "application/json")
            .body(body.clone());
    }
    let response = match request.send().await {
        Ok(r) => r,
        Err(e) => return network_failure(&e),
    };
    let status = response.status();
    let headers = response.headers().clone();
    let body = match read_limited(response, config.max_body_bytes).await {
        Ok(body) => body,
        Err(ReadError::TooLarge) => {
            return Attempt::Done(Err(RestError::UnexpectedAnswer(format!(
                "answer larger than {} bytes",
                config.max_body_bytes
            ))));
        }
        Err(ReadError::Network(e)) => return network_failure(&e),
    };
    classify(status, headers, body)
}

/// Transport failures: nothing usable came back. Worth retrying when the request is repeatable.
fn network_failure(e: &reqwest::Error) -> Attempt {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_body() || e.is_decode() {
        "connection lost while reading the answer"
    } else {
        "request failed"
    };
    Attempt::Again {
        error: RestError::Offline(what.to_owned()),
        wait: None,
    }
}

enum ReadError {
    TooLarge,
    Network(reqwest::Error),
}

/// Reads the body chunk by chunk and stops as soon as it passes `max`, whatever Content-Length
/// claimed, so a huge or endless answer costs at most `max` bytes of memory. The chunks are
/// decoded (zstd, gzip): `max` bounds what a coded answer inflates to, not its bytes on the
/// wire.
async fn read_limited(mut response: reqwest::Response, max: usize) -> Result<Vec<u8>, ReadError> {
    if response
        .content_length()
        .is_some_and(|len| len > max as u64)
    {
        return Err(ReadError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Network)? {
        if body.len() + chunk.len() > max {
            return Err(ReadError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn classify(status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Attempt {
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        return Attempt::Done(Ok(Answer {
            status,
            headers,
            body,
        }));
    }
    let wait = retry_after(&headers);
    let problem = serde_json::from_slice::<Problem>(&body).ok();
    let code = problem.as_ref().map(|p| p.code);
    let error = match status.as_u16() {
        401 => RestError::Unauthorized,
        403 if code == Some(ProblemCode::WrongVerification) => RestError::WrongVerification,
        // The backend's own refusal of this request (a problem document), not the device's
        // registration (that is 401). A bare 403 is more likely a proxy or a captive portal
        // in the way: treated as the registration, which is tried again later.
        403 if code.is_some() => RestError::Forbidden,
        403 => RestError::Unauthorized,
        404 => RestError::NotFound,
        409 if code == Some(ProblemCode::NotCancellable) => RestError::NotCancellable,
        400 | 422 => RestError::InvalidInput {
            problem: code.unwrap_or(ProblemCode::InvalidInput),
            fields: problem.map(|p| p.errors).unwrap_or_default(),
        },
        // A quota is not load either: the request waits for the quota, not for a quick retry.
        429 if code == Some(ProblemCode::QuotaExceeded) => RestError::QuotaExceeded {
            retry_after: wait,
            fields: problem.map(|p| p.errors).unwrap_or_default(),
        },
        // A lock-out for wrong guesses is not load: retrying would only extend it.
        429 if code == Some(ProblemCode::TooManyAttempts) => {
            RestError::TooManyAttempts { retry_after: wait }
        }
        429 | 502 | 503 | 504 => {
            return Attempt::Again {
                error: RestError::ServerBusy { retry_after: wait },
                wait,
            };
        }
        s @ 500..=599 => RestError::ServerError { status: s },
        s => RestError::UnexpectedAnswer(format!("HTTP {s}")),
    };
    Attempt::Done(Err(error))
}
