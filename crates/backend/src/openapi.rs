//! The OpenAPI 3.1 document, generated from the handlers' annotations and the contract types. The
//! committed `openapi.json` is this document; a test fails when they differ.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{AdditionalProperties, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Type};
use utoipa::{Modify, OpenApi};

use crate::edge::{MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_HEADER_FIELDS, MAX_URI_BYTES};
use crate::routes::{applications, callbacks, content, feedback, feedback_page, page, slots};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "legal-kiosk backend",
        description = "Public legal services for Inner Mongolia's TV boxes, tablets and kiosks. Every endpoint but /v1/health needs `Authorization: Bearer <device token>` (the scheme name in any case: RFC 9110 §11.1). Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`, whoever answers: a wrong method (405, with `Allow`), a body too large (413) or not in the endpoint's media type (415), a request target or header fields too large (414, 431), and a path or query parameter whose percent-decoding is not UTF-8 (400 invalid-input naming the parameter, invalid-format). Only requests hyper refuses while it parses the head, before the backend sees them, get hyper's bare 400, 414 or 431 with no body: a target over 65,534 bytes, over 100 header fields, a head over about 408 KiB, or bytes a request line or header field may not hold (a raw NUL or 0xFF).",
        license(name = "GPL-3.0-only", identifier = "GPL-3.0-only"),
    ),
    paths(
        content::health,
        content::regions,
        content::catalog,
        content::guide,
        content::bundle,
        content::offices,
        content::credit,
        slots::slots,
        callbacks::book,
        callbacks::lookup,
        callbacks::cancel,
        applications::status,
        feedback::send,
        page::guide_page,
        page::booking_page,
        page::booking_lookup,
        feedback_page::text_page,
        feedback_page::post_text,
    ),
    modifiers(&DeviceToken, &ProblemResponses),
    tags(
        (name = "service", description = "Liveness"),
        (name = "content", description = "Published content: regions, catalog, guides, offices"),
        (name = "callbacks", description = "12348 hotline callbacks"),
        (name = "applications", description = "Application status"),
        (name = "feedback", description = "Complaints, suggestions and praise (投诉建议): receipt only"),
        (name = "pages", description = "Web pages a phone opens from a QR code: public, text/html, no token"),
    )
)]
pub struct ApiDoc;

struct DeviceToken;

impl Modify for DeviceToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "device_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Adds the answers every operation can get before its handler runs, as shared responses
/// (`components.responses`) that each operation refers to: 405, 414 and 431 everywhere, 408, 413
/// and 415 where there is a request body, 400 where there are parameters and no 400 is listed yet,
/// 503 where the database is read or written.
struct ProblemResponses;

/// Name in `components.responses`, status, description, and a header field the answer carries
/// (name, what it says).
type Shared = (
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const SHARED: [Shared; 8] = [
    (
        "MethodNotAllowed",
        "405",
        "The path exists but not for this method (method-not-allowed, RFC 9110 §15.5.6)",
        Some(("Allow", "The methods the path takes (RFC 9110 §10.2.1)")),
    ),
    (
        "ContentTooLarge",
        "413",
        "The body is over the limit (content-too-large, RFC 9110 §15.5.14)",
        None,
    ),
    (
        "RequestTimeout",
        "408",
        "The body stopped arriving for longer than the server's body read timeout (invalid-input, RFC 9110 §15.5.9); the connection is closed (`Connection: close`)",
        None,
    ),
    (
        "UriTooLong",
        "414",
        "The request target is over the limit (uri-too-long, RFC 9110 §15.5.15)",
        None,
    ),
    (
        "UnsupportedMediaType",
        "415",
        "The body is not sent as the media type the endpoint takes (unsupported-media-type, RFC 9110 §15.5.16)",
        Some((
            "Accept-Post",
            "The media type POST /v1/callbacks and POST /v1/feedback take (W3C LDP §7.1)",
        )),
    ),
    (
        "HeaderFieldsTooLarge",
        "431",
        "Too many header fields, or too large together (header-fields-too-large, RFC 6585 §5)",
        None,
    ),
    (
        "ServerBusy",
        "503",
        "The database was held by another process for longer than the server's busy timeout (server-busy); nothing was written, so the same request may come again, after `Retry-After`",
        Some((
            "Retry-After",
            "Seconds to wait before trying again (RFC 9110 §10.2.3)",
        )),
    ),
    (
        "InvalidParameter",
        "400",
        "A path or query parameter is malformed, e.g. not UTF-8 once percent-decoded (invalid-input, `errors` names it: invalid-format)",
        None,
    ),
];

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, _, description, header) in SHARED {
            let limits = match name {
                "ContentTooLarge" => format!(" ({MAX_BODY_BYTES} bytes)"),
                "UriTooLong" => format!(" ({MAX_URI_BYTES} bytes)"),
                "HeaderFieldsTooLarge" => {
                    format!(" ({MAX_HEADER_FIELDS} fields, {MAX_HEADER_BYTES} bytes)")
                }
                _ => String::new(),
            };
            let mut response = ResponseBuilder::new()
                .description(format!("{description}{limits}"))
                .content(
                    legal_kiosk_api::PROBLEM_CONTENT_TYPE,
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                );
            if let Some((field, about)) = header {
                response = response.header(
                    field,
                    HeaderBuilder::new()
                        .schema(utoipa::openapi::schema::Object::with_type(Type::String))
                        .description(Some(about))
                        .build(),
                );
            }
            components
                .responses
                .insert(name.to_owned(), RefOr::T(response.build()));
        }
        // `CallbackRequest::from_json` and `FeedbackRequest::from_json` refuse members they do
        // not know.
        for name in ["CallbackRequest", "FeedbackRequest"] {
            if let Some(RefOr::T(Schema::Object(body))) = components.schemas.get_mut(name) {
                body.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
            }
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            // A booking page and a feedback text page show their own "not a reference" or "not
            // a page" page for a malformed path, bytes that are not UTF-8 included: no 400.
            let page_of_its_own = path.starts_with("/c/") || path.starts_with("/f/");
            // Health and the booking page's empty form are answered without the database (the
            // feedback text page looks for words already posted).
            let get_reads_database = path != "/v1/health" && !path.starts_with("/c/");
            let operations = [
                (&mut item.get, get_reads_database),
                (&mut item.put, true),
                (&mut item.post, true),
                (&mut item.delete, true),
                (&mut item.patch, true),
            ];
            for (operation, reads_database) in operations {
                if let Some(operation) = operation {
                    refer_to_shared(operation, page_of_its_own, reads_database);
                }
            }
        }
    }
}

fn refer_to_shared(operation: &mut Operation, page_of_its_own: bool, reads_database: bool) {
    let has_body = operation.request_body.is_some();
    let has_parameters = operation.parameters.as_ref().is_some_and(|p| {
        p.iter()
            .any(|p| matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query))
    });
    for (name, status, _, _) in SHARED {
        let applies = match name {
            "ContentTooLarge" | "UnsupportedMediaType" | "RequestTimeout" => has_body,
            "InvalidParameter" => has_parameters && !page_of_its_own,
            "ServerBusy" => reads_database,
            _ => true,
        };
        if applies {
            operation
                .responses
                .responses
                .entry(status.to_owned())
                .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
        }
    }
}

/// The document as committed: pretty JSON with a final newline.
pub fn document() -> String {
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}
