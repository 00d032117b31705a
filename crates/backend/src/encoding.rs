//! Content codings of answers (RFC 9110 §8.4): zstd (RFC 8878) or gzip when the device's
//! `Accept-Encoding` (RFC 9110 §12.5.3) asks for them, so the 441 KB bundle and the JSON
//! content cost a rural link a fraction of their size. tower-http's `CompressionLayer` does the
//! compressing; this module decides the coding and keeps validators and caches right around it.
//!
//! ETags. A strong ETag names one representation's exact bytes, and a content coding makes
//! other bytes (RFC 9110 §8.8.3, §8.8.3.3), so the zstd answer and the gzip answer cannot carry
//! the identity answer's strong tag. Each coded answer gets the identity tag with the coding
//! appended inside the quotes: `"<hex>"` → `"<hex>-zstd"`, `"<hex>-gzip"`. The tags stay strong
//! (a cache may still combine ranges of one coding), and they differ per coding as §8.8.3
//! requires. A device stores whichever it got and sends it back in `If-None-Match`; since every
//! coding decodes to the same content, a tag of any coding of the current content is taken as
//! a match: the device holds the content, whichever coding carried it (Apache's `-gzip`
//! suffix, which compared the suffixed tag against the bare one, never answered 304; this
//! strips the suffix before the handlers compare). The 304 carries the tag that a 200 to the
//! same request would have carried (RFC 9110 §15.4.5), with its `Vary`, and no body, so
//! nothing is ever compressed into it.
//!
//! `Vary: Accept-Encoding` is on every answer, identity and 304 included (RFC 9110 §12.5.5):
//! any of them could have been coded differently for another `Accept-Encoding`.

use axum::body::HttpBody;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::compression::Predicate;
use tower_http::compression::predicate::SizeAbove;

/// A content coding the backend can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coding {
    /// No coding: the bytes as stored.
    Identity,
    /// gzip (RFC 9110 §8.4.1.3).
    Gzip,
    /// Zstandard (RFC 8878 §7.2); smaller and faster than gzip, preferred at equal weight.
    Zstd,
}

impl Coding {
    /// Its token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Identity => "identity",
            Coding::Gzip => "gzip",
            Coding::Zstd => "zstd",
        }
    }

    /// The suffix its answers' ETags carry inside the quotes (`-zstd`), none for identity.
    fn tag_suffix(self) -> &'static str {
        match self {
            Coding::Identity => "",
            Coding::Gzip => "-gzip",
            Coding::Zstd => "-zstd",
        }
    }
}

/// The coding to answer a request with `headers` (RFC 9110 §12.5.3): the acceptable one
/// (weight above 0, `*` standing for every coding not listed) of highest weight, zstd before
/// gzip before identity at equal weight. No `Accept-Encoding` means identity: a client that
/// sends none may not decode anything else. When nothing is acceptable (`identity;q=0` and no
/// coding we have), identity all the same, as §12.5.3 allows rather than a 415.
pub fn negotiate(headers: &HeaderMap) -> Coding {
    let mut weights: [Option<u16>; 3] = [None; 3];
    let mut any: Option<u16> = None;
    let present = headers.contains_key(header::ACCEPT_ENCODING);
    for (name, weight) in accepted(headers) {
        let slot = match name.as_str() {
            "identity" => &mut weights[0],
            "gzip" | "x-gzip" => &mut weights[1],
            "zstd" => &mut weights[2],
            "*" => &mut any,
            _ => continue,
        };
        *slot = Some(slot.map_or(weight, |w: u16| w.max(weight)));
    }
    if !present {
        return Coding::Identity;
    }
    let [identity, gzip, zstd] = weights;
    // Identity is acceptable unless excluded by name or by `*;q=0` (§12.5.3).
    let identity = identity.or(any).unwrap_or(1);
    [
        (Coding::Zstd, zstd.or(any).unwrap_or(0)),
        (Coding::Gzip, gzip.or(any).unwrap_or(0)),
        (Coding::Identity, identity),
    ]
    .into_iter()
    .filter(|(_, w)| *w > 0)
    .max_by_key(|&(coding, w)| (w, coding))
    .map_or(Coding::Identity, |(coding, _)| coding)
}

/// The members of `Accept-Encoding` (RFC 9110 §12.5.3): each coding's name in lower case and
/// its weight in thousandths; a member with a malformed weight is meaningless and left out.
fn accepted(headers: &HeaderMap) -> Vec<(String, u16)> {
    let mut members = Vec::new();
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for member in value.split(',') {
            let mut parts = member.split(';');
            let name = parts.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            let weight = parts
                .filter_map(|p| p.trim().split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .map_or(Some(1000), |(_, v)| qvalue(v.trim()));
            if let Some(weight) = weight {
                members.push((name.to_ascii_lowercase(), weight));
            }
        }
    }
    members
}

/// Whether `Accept-Encoding` names `dcz` (RFC 9842 §5.2) with a weight above 0 (a `*` does not
/// count: a delta is only sent to a device that says it can decode one).
fn accepts_dcz(headers: &HeaderMap) -> bool {
    accepted(headers)
        .iter()
        .any(|(name, weight)| name == "dcz" && *weight > 0)
}

/// A q-value (RFC 9110 §12.4.2: `0`…`1` with at most three decimals) in thousandths.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// `tag` (`"<hex>-zstd"`, `W/"<hex>-gzip"`, `"<hex>"`) with any coding suffix removed: the
/// tag of the content, whichever coding carried it.
fn content_tag(tag: &str) -> String {
    let tag = tag.trim();
    if let Some(content) = crate::dictionary::content_tag(tag) {
        return content;
    }
    for coding in [Coding::Zstd, Coding::Gzip] {
        let coded = format!("{}\"", coding.tag_suffix());
        if let Some(base) = tag.strip_suffix(&coded) {
            return format!("{base}\"");
        }
    }
    tag.to_owned()
}

/// `etag` (`"<hex>"`) as the answer coded with `coding` carries it: `"<hex>-zstd"`.
fn coded_tag(etag: &str, coding: Coding) -> String {
    match etag.strip_suffix('"') {
        Some(open) if coding != Coding::Identity => format!("{open}{}\"", coding.tag_suffix()),
        _ => etag.to_owned(),
    }
}

/// When the `CompressionLayer` codes an answer (given a coding was asked for): always when it
/// carries an ETag and has a body, so the tag of the coding is exactly what a 304 shows (a 1-byte
/// bundle too); otherwise from tower-http's 32-byte floor up, where a coding saves more than
/// its frame costs. A body-less answer (a 304) is never coded: a coded empty body is not empty.
#[derive(Debug, Clone, Copy)]
pub struct Worthwhile;

impl Predicate for Worthwhile {
    fn should_compress<B: HttpBody>(&self, response: &axum::http::Response<B>) -> bool {
        let tagged = response.headers().contains_key(header::ETAG)
            && response.status() != StatusCode::NOT_MODIFIED
            && response.body().size_hint().exact() != Some(0);
        tagged || SizeAbove::default().should_compress(response)
    }
}

/// Middleware, outside tower-http's `CompressionLayer`: picks the coding ([`negotiate`]) and
/// hands the layer an `Accept-Encoding` naming only it, so this module and the layer never
/// disagree; turns the tags in `If-None-Match` back into content tags for the handlers; then
/// gives the answer the ETag of its coding (a 304 the one a 200 would have had: [`Worthwhile`]
/// codes every tagged answer that has a body) and `Vary: Accept-Encoding`.
pub async fn content_coding(mut req: Request, next: Next) -> Response {
    let coding = negotiate(req.headers());
    if accepts_dcz(req.headers())
        && let Some(hash) = crate::dictionary::available(req.headers())
    {
        req.extensions_mut()
            .insert(crate::dictionary::DictionaryOffer(hash));
    }
    let headers = req.headers_mut();
    headers.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static(coding.token()),
    );
    let asked: Vec<String> = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(content_tag)
        .collect();
    if !asked.is_empty() {
        headers.remove(header::IF_NONE_MATCH);
        if let Ok(v) = HeaderValue::from_str(&asked.join(", ")) {
            headers.insert(header::IF_NONE_MATCH, v);
        }
    }
    let mut response = next.run(req).await;
    let sent = if response.status() == StatusCode::NOT_MODIFIED {
        Some(coding)
    } else {
        match response.headers().get(header::CONTENT_ENCODING) {
            Some(v) if v == Coding::Zstd.token() => Some(Coding::Zstd),
            Some(v) if v == Coding::Gzip.token() => Some(Coding::Gzip),
            // Coded by its handler (a `dcz` delta), with its own tag.
            Some(_) => None,
            None => Some(Coding::Identity),
        }
    };
    let headers = response.headers_mut();
    if let Some(sent) = sent
        && let Some(etag) = headers.get(header::ETAG).and_then(|v| v.to_str().ok())
        && let Ok(v) = HeaderValue::from_str(&coded_tag(etag, sent))
    {
        headers.insert(header::ETAG, v);
    }
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("accept-encoding") || v.trim() == "*");
    if !varies {
        headers.append(
            header::VARY,
            HeaderValue::from_static(header::ACCEPT_ENCODING.as_str()),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> Coding {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        negotiate(&h)
    }

    #[test]
    fn the_heaviest_acceptable_coding_wins_and_zstd_breaks_ties() {
        assert_eq!(negotiate(&HeaderMap::new()), Coding::Identity);
        assert_eq!(accept("zstd, gzip"), Coding::Zstd);
        assert_eq!(accept("gzip, zstd"), Coding::Zstd);
        assert_eq!(accept("gzip"), Coding::Gzip);
        assert_eq!(accept("gzip;q=1, zstd;q=0.5"), Coding::Gzip);
        assert_eq!(accept("zstd;q=0, gzip;q=0.1"), Coding::Gzip);
        assert_eq!(accept("*"), Coding::Zstd);
        assert_eq!(accept("*;q=0.5, zstd;q=0"), Coding::Gzip);
        assert_eq!(accept("identity"), Coding::Identity);
        assert_eq!(accept("br, deflate"), Coding::Identity);
        assert_eq!(accept(""), Coding::Identity);
        assert_eq!(accept("identity;q=0"), Coding::Identity);
        assert_eq!(accept("zstd;q=2"), Coding::Identity, "not a q-value");
        assert_eq!(accept("ZSTD;Q=0.9, gzip;q=0.8"), Coding::Zstd);
    }

    #[test]
    fn coded_tags_differ_per_coding_and_lead_back_to_the_content_tag() {
        let tag = "\"0123abcd\"";
        assert_eq!(coded_tag(tag, Coding::Identity), tag);
        assert_eq!(coded_tag(tag, Coding::Zstd), "\"0123abcd-zstd\"");
        assert_eq!(coded_tag(tag, Coding::Gzip), "\"0123abcd-gzip\"");
        for coding in [Coding::Identity, Coding::Gzip, Coding::Zstd] {
            assert_eq!(content_tag(&coded_tag(tag, coding)), tag);
        }
        assert_eq!(content_tag(" W/\"0123abcd-gzip\""), "W/\"0123abcd\"");
        assert_eq!(content_tag("*"), "*");
    }
}
