//! Content codings over a real socket (RFC 9110 §8.4, §12.5.3; zstd per RFC 8878): the bundle
//! and the JSON content answer in zstd or gzip when asked, decode to the very bytes of the
//! identity answer, and cost fewer bytes on the wire; ETags differ per coding but any coding's
//! tag of the current content gets a 304, which has no body and says `Vary: Accept-Encoding`.
//! Requests are written and answers read on a raw `TcpStream`, so what is counted is what
//! crossed the loopback, whatever features reqwest has in this build.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::Read;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One answer as it came over the wire.
struct Wire {
    /// Every byte read from the socket: status line, header fields, body with its framing.
    total: usize,
    status: u16,
    /// Header fields, names lower-cased, in order.
    headers: Vec<(String, String)>,
    /// The body, de-chunked but still in its content coding.
    body: Vec<u8>,
}

impl Wire {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The body with its content coding undone.
    fn decoded(&self) -> Vec<u8> {
        match self.header("content-encoding") {
            None => self.body.clone(),
            Some("zstd") => zstd::stream::decode_all(self.body.as_slice()).unwrap(),
            Some("gzip") => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(self.body.as_slice())
                    .read_to_end(&mut out)
                    .unwrap();
                out
            }
            Some(other) => panic!("unexpected coding {other}"),
        }
    }
}

/// Sends `GET path` with these extra header fields and reads the whole answer.
async fn get(raw: &support::Raw, path: &str, extra: &[(&str, &str)]) -> Wire {
    let mut stream = TcpStream::connect(raw.backend.addr()).await.unwrap();
    let mut request = format!(
        "GET {path} HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer {}\r\nconnection: close\r\n",
        raw.token
    );
    for (name, value) in extra {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await.unwrap();
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Wire {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = std::str::from_utf8(&bytes[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect();
    let rest = &bytes[end + 4..];
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Wire {
        total: bytes.len(),
        status,
        headers,
        body,
    }
}

/// The data of a `Transfer-Encoding: chunked` body (RFC 9112 §7.1).
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = std::str::from_utf8(&rest[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        rest = &rest[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

#[tokio::test]
async fn the_bundle_costs_fewer_bytes_in_zstd_and_gzip_and_decodes_to_the_same_bytes() {
    let raw = support::raw().await;
    let identity = get(&raw, "/v1/bundle", &[]).await;
    assert_eq!(identity.status, 200);
    assert_eq!(identity.header("content-encoding"), None);
    // The bundle also varies with the dictionary offered (RFC 9842 §6.2).
    assert_eq!(
        identity.all("vary"),
        ["accept-encoding, available-dictionary"]
    );
    let size = identity.body.len();
    assert_eq!(
        identity.header("content-length"),
        Some(size.to_string().as_str())
    );
    let explicit = get(&raw, "/v1/bundle", &[("accept-encoding", "identity")]).await;
    assert_eq!(explicit.header("content-encoding"), None);
    assert_eq!(explicit.body, identity.body);

    let zstd = get(&raw, "/v1/bundle", &[("accept-encoding", "zstd, gzip")]).await;
    let gzip = get(&raw, "/v1/bundle", &[("accept-encoding", "gzip")]).await;
    assert_eq!(zstd.header("content-encoding"), Some("zstd"));
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    for coded in [&zstd, &gzip] {
        assert_eq!(coded.status, 200);
        assert_eq!(
            coded.header("content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(coded.all("vary"), ["accept-encoding, available-dictionary"]);
        assert_eq!(
            coded.decoded(),
            identity.body,
            "the same bundle, byte for byte"
        );
        assert!(
            coded.total < identity.total,
            "{} ≥ {}",
            coded.total,
            identity.total
        );
    }
    // The bundle is JSON under a signature: zstd and gzip should take well over half off.
    assert!(zstd.total * 2 < identity.total);
    assert!(gzip.total * 2 < identity.total);
    eprintln!(
        "bundle {size} B; on the wire: identity {} B, gzip {} B (body {}), zstd {} B (body {})",
        identity.total,
        gzip.total,
        gzip.body.len(),
        zstd.total,
        zstd.body.len()
    );
}

#[tokio::test]
async fn each_coding_has_its_own_strong_etag_and_any_of_them_gets_a_bodiless_304() {
    let raw = support::raw().await;
    let identity = get(&raw, "/v1/bundle", &[]).await;
    let zstd = get(&raw, "/v1/bundle", &[("accept-encoding", "zstd")]).await;
    let gzip = get(&raw, "/v1/bundle", &[("accept-encoding", "gzip")]).await;
    let tags: Vec<&str> = [&identity, &zstd, &gzip]
        .iter()
        .map(|w| w.header("etag").unwrap())
        .collect();
    for tag in &tags {
        assert!(tag.starts_with('"') && tag.ends_with('"'), "strong: {tag}");
    }
    assert_ne!(tags[0], tags[1]);
    assert_ne!(tags[0], tags[2]);
    assert_ne!(tags[1], tags[2]);

    for held in &tags {
        for (accept, expected) in [
            ("zstd, gzip", tags[1]),
            ("gzip", tags[2]),
            ("identity", tags[0]),
        ] {
            let again = get(
                &raw,
                "/v1/bundle",
                &[("accept-encoding", accept), ("if-none-match", held)],
            )
            .await;
            assert_eq!(again.status, 304, "{held} with {accept}");
            assert!(again.body.is_empty(), "a 304 has no body");
            assert_eq!(again.header("content-encoding"), None);
            assert_eq!(
                again.header("etag"),
                Some(expected),
                "the tag a 200 would carry"
            );
            assert_eq!(again.all("vary"), ["accept-encoding, available-dictionary"]);
        }
    }
    let other = get(
        &raw,
        "/v1/bundle",
        &[
            ("accept-encoding", "zstd"),
            ("if-none-match", "\"0123-zstd\""),
        ],
    )
    .await;
    assert_eq!(other.status, 200);

    // A body too small to gain from a coding is coded all the same when it has a tag, so the
    // tag a 304 shows is the one its 200 carries (the blob changed behind the server's back, as
    // in bundle_etag.rs: the stored tag stays).
    raw.backend
        .db()
        .sqlite()
        .unwrap()
        .lock()
        .execute("UPDATE bundle SET body = x'00'", [])
        .unwrap();
    let tiny = get(&raw, "/v1/bundle", &[("accept-encoding", "zstd")]).await;
    assert_eq!(tiny.header("etag"), Some(tags[1]));
    assert_eq!(tiny.header("content-encoding"), Some("zstd"));
    assert_eq!(tiny.decoded(), [0u8]);
}

#[tokio::test]
async fn the_catalog_and_a_guide_answer_in_zstd_and_gzip_with_the_same_json() {
    let raw = support::raw().await;
    let catalog = get(&raw, "/v1/catalog", &[]).await;
    assert_eq!(catalog.status, 200);
    let catalog_json: serde_json::Value = serde_json::from_slice(&catalog.body).unwrap();
    let id = catalog_json["guides"][0]["id"].as_str().unwrap().to_owned();
    for path in ["/v1/catalog".to_owned(), format!("/v1/guides/{id}")] {
        let identity = get(&raw, &path, &[]).await;
        assert_eq!(identity.header("content-type"), Some("application/json"));
        for coding in ["zstd", "gzip"] {
            let coded = get(&raw, &path, &[("accept-encoding", coding)]).await;
            assert_eq!(coded.status, 200, "{path}");
            assert_eq!(coded.header("content-encoding"), Some(coding), "{path}");
            assert_eq!(coded.decoded(), identity.body, "{path} in {coding}");
            assert!(coded.total < identity.total, "{path} in {coding}");
            let tag = coded.header("etag").unwrap();
            let held = get(
                &raw,
                &path,
                &[("accept-encoding", coding), ("if-none-match", tag)],
            )
            .await;
            assert_eq!(held.status, 304, "{path} in {coding}");
            assert!(held.body.is_empty());
            assert_eq!(held.header("etag"), Some(tag));
        }
    }
}

/// `Available-Dictionary` naming `bytes` (RFC 9842 §2.2): their SHA-256 as a Structured Field
/// byte sequence.
fn offering(bytes: &[u8]) -> String {
    let hash = legal_kiosk_content::dcz::dictionary_hash(bytes);
    sfv::FieldType::serialize(&sfv::Item::new(sfv::BareItem::ByteSequence(hash.to_vec())))
}

on_both_stores!(a_device_offering_its_bundle_gets_the_next_one_as_a_dcz_delta_against_it);

async fn a_device_offering_its_bundle_gets_the_next_one_as_a_dcz_delta_against_it(
    on: support::Backing,
) {
    let raw = support::raw_on(on).await;
    let held = get(&raw, "/v1/bundle", &[]).await;
    assert_eq!(
        held.header("use-as-dictionary"),
        Some("match=\"/v1/bundle\""),
        "every bundle answer offers itself as the next one's dictionary (RFC 9842 §2.1)"
    );
    let held_tag = held.header("etag").unwrap().to_owned();

    // A newer bundle, one guide changed.
    let key = legal_kiosk_content::SigningKey::from_bytes(&[7; 32]);
    let mut next = legal_kiosk_content::Bundle::open(
        &held.body,
        &legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
    )
    .unwrap();
    next.version += 1;
    next.guides[0].summary.zh.push_str("（已修订）");
    let next = next.sign(&key);
    raw.backend
        .db()
        .publish_bundle(&next, &key.verifying_key())
        .await
        .unwrap();

    let offer = offering(&held.body);
    let delta = get(
        &raw,
        "/v1/bundle",
        &[
            ("accept-encoding", "dcz, zstd, gzip"),
            ("available-dictionary", &offer),
            ("if-none-match", &held_tag),
        ],
    )
    .await;
    assert_eq!(delta.status, 200);
    assert_eq!(delta.header("content-encoding"), Some("dcz"));
    assert_eq!(delta.all("vary"), ["accept-encoding, available-dictionary"]);
    assert_eq!(
        legal_kiosk_content::dcz::decode(&held.body, &delta.body, 1 << 23).unwrap(),
        next
    );
    assert!(delta.total < 8 * 1024, "{} bytes on the wire", delta.total);
    let delta_tag = delta.header("etag").unwrap().to_owned();
    assert!(delta_tag.contains("-dcz-"), "{delta_tag}");

    // The tag of the delta names the content: the device that holds it gets a 304.
    let again = get(
        &raw,
        "/v1/bundle",
        &[
            ("accept-encoding", "dcz, zstd"),
            ("available-dictionary", &offering(&next)),
            ("if-none-match", &delta_tag),
        ],
    )
    .await;
    assert_eq!(again.status, 304);

    // A dictionary the server does not have, or no `dcz` in Accept-Encoding: no delta.
    for extra in [
        [
            ("accept-encoding", "dcz, zstd"),
            ("available-dictionary", offering(b"other").as_str()),
        ],
        [
            ("accept-encoding", "zstd, gzip"),
            ("available-dictionary", offer.as_str()),
        ],
        [
            ("accept-encoding", "dcz, zstd"),
            ("available-dictionary", ":bm90IGEgaGFzaA==:"),
        ],
    ] {
        let whole = get(&raw, "/v1/bundle", &extra).await;
        assert_eq!(whole.status, 200, "{extra:?}");
        assert_eq!(whole.header("content-encoding"), Some("zstd"), "{extra:?}");
        assert_eq!(whole.decoded(), next, "{extra:?}");
    }
}
