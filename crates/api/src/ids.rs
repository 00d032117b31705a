//! Identifiers of published resources (regions, guides, offices, slots). They travel in URL paths
//! and queries, so they are restricted to a URL-safe alphabet when parsed.

use serde::{Deserialize, Serialize};

use crate::input::InputError;

/// Longest identifier accepted; real ones are far shorter.
const MAX_ID_LEN: usize = 64;

fn check_id(s: &str) -> Result<(), InputError> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(InputError::InvalidFormat)
    }
}

macro_rules! resource_id {
    ($(#[$doc:meta])* $name:ident, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(
            feature = "openapi",
            schema(value_type = String, pattern = "^[a-z0-9-]{1,64}$", example = $example)
        )]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn parse(s: &str) -> Result<Self, InputError> {
                check_id(s)?;
                Ok(Self(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InputError;
            fn try_from(s: String) -> Result<Self, InputError> {
                check_id(&s)?;
                Ok(Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

resource_id!(
    /// An administrative region: the six-digit division code, e.g. `150100` for Hohhot.
    RegionCode,
    "150100"
);
resource_id!(
    /// A guide to one public legal service.
    GuideId,
    "legal-aid-application"
);
resource_id!(
    /// A group of guides in the catalog.
    CategoryId,
    "legal-aid"
);
resource_id!(
    /// A public legal service office (centre, station, notary office).
    OfficeId,
    "demo-150100-centre"
);
resource_id!(
    /// One bookable callback slot of the 12348 hotline.
    SlotId,
    "s-150100-mn-202607010900"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_url_safe_lowercase_only() {
        assert!(GuideId::parse("legal-aid-2").is_ok());
        assert!(GuideId::parse("").is_err());
        assert!(GuideId::parse("Legal").is_err());
        assert!(GuideId::parse("../etc").is_err());
        assert!(GuideId::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn ids_reject_bad_values_when_decoded() {
        assert!(serde_json::from_str::<RegionCode>("\"150100\"").is_ok());
        assert!(serde_json::from_str::<RegionCode>("\"15 01\"").is_err());
    }
}
