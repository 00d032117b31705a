//! The OpenAPI 3.1 document, generated from the handlers' annotations and the contract types. The
//! committed `openapi.json` is this document; a test fails when they differ.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes::{applications, callbacks, content, slots};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "legal-kiosk backend",
        description = "Public legal services for Inner Mongolia's TV boxes, tablets and kiosks. Every endpoint but /v1/health needs `Authorization: Bearer <device token>` (the scheme name in any case: RFC 9110 §11.1). Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.",
        license(name = "GPL-3.0-only", identifier = "GPL-3.0-only"),
    ),
    paths(
        content::health,
        content::regions,
        content::catalog,
        content::guide,
        content::bundle,
        content::offices,
        slots::slots,
        callbacks::book,
        callbacks::lookup,
        callbacks::cancel,
        applications::status,
    ),
    modifiers(&DeviceToken),
    tags(
        (name = "service", description = "Liveness"),
        (name = "content", description = "Published content: regions, catalog, guides, offices"),
        (name = "callbacks", description = "12348 hotline callbacks"),
        (name = "applications", description = "Application status"),
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

/// The document as committed: pretty JSON with a final newline.
pub fn document() -> String {
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}
