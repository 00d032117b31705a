//! The three device profiles (DESIGN §1): what screen and input each kind of device has.

use std::fmt;
use std::str::FromStr;

/// The kind of device the app runs on. One UI serves all three; the profile only picks tokens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// 4K set-top box on a household TV, driven by a remote.
    Tv,
    /// JIpad-style terminal in a village legal-service room, touch first.
    #[default]
    Tablet,
    /// Portrait self-service terminal in a service hall, touch, shared by strangers.
    Kiosk,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Tv, Profile::Tablet, Profile::Kiosk];

    /// The size views are laid out in, in logical pixels.
    pub fn logical_size(self) -> (u32, u32) {
        match self {
            Profile::Tv => (1920, 1080),
            Profile::Tablet => (1280, 800),
            Profile::Kiosk => (1080, 1920),
        }
    }

    /// Physical pixels per logical pixel: a 4K box draws the 1080p layout at twice the density.
    pub fn scale_factor(self) -> f32 {
        match self {
            Profile::Tv => 2.0,
            Profile::Tablet | Profile::Kiosk => 1.0,
        }
    }

    /// Whether this device keeps an application its user asked it to remember (DESIGN §8): a
    /// household box does unless its config says no; a village tablet only when its config
    /// says yes (it may be one family's or the village's); a kiosk shared by strangers never,
    /// whatever the config says. `configured`: the config's `remember_applications`.
    pub fn remembers_applications(self, configured: Option<bool>) -> bool {
        match self {
            Profile::Tv => configured.unwrap_or(true),
            Profile::Tablet => configured.unwrap_or(false),
            Profile::Kiosk => false,
        }
    }

    /// The frame buffer size a screenshot of this profile has.
    pub fn physical_size(self) -> (u32, u32) {
        let (w, h) = self.logical_size();
        let s = self.scale_factor();
        ((w as f32 * s) as u32, (h as f32 * s) as u32)
    }

    pub fn name(self) -> &'static str {
        match self {
            Profile::Tv => "tv",
            Profile::Tablet => "tablet",
            Profile::Kiosk => "kiosk",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown profile {0:?}: expected tv, tablet or kiosk")]
pub struct UnknownProfile(pub String);

impl FromStr for Profile {
    type Err = UnknownProfile;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tv" => Ok(Profile::Tv),
            "tablet" => Ok(Profile::Tablet),
            "kiosk" => Ok(Profile::Kiosk),
            _ => Err(UnknownProfile(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_sizes_match_the_devices() {
        assert_eq!(Profile::Tv.physical_size(), (3840, 2160));
        assert_eq!(Profile::Tablet.physical_size(), (1280, 800));
        assert_eq!(Profile::Kiosk.physical_size(), (1080, 1920));
    }

    #[test]
    fn profile_names_round_trip() {
        for p in Profile::ALL {
            assert_eq!(p.name().parse::<Profile>(), Ok(p));
        }
        assert!("phone".parse::<Profile>().is_err());
    }
}

/// How large the text of a household box or tablet is drawn (settings, config `text_size`):
/// every size of the theme (fonts, headers, fields, tile padding) is multiplied by
/// [`TextSize::scale`]; the safe area and the gaps between tiles are the screen's and stay.
/// Views whose tiles no longer fit the screen then scroll. A kiosk, set up for strangers,
/// keeps its profile's sizes ([`TextSize::for_profile`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    ExtraLarge,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge];

    /// The factor on the profile's sizes: 1, 1.2 or 1.4 (a TV's 32 px body text becomes 38.4
    /// or 44.8 px).
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Normal => 1.0,
            TextSize::Large => 1.2,
            TextSize::ExtraLarge => 1.4,
        }
    }

    /// Its name in the config file: `normal`, `large`, `extra-large`.
    pub fn name(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::ExtraLarge => "extra-large",
        }
    }

    /// The next size, after the largest the normal one again (the settings tile steps
    /// through them with OK).
    pub fn next(self) -> TextSize {
        match self {
            TextSize::Normal => TextSize::Large,
            TextSize::Large => TextSize::ExtraLarge,
            TextSize::ExtraLarge => TextSize::Normal,
        }
    }

    /// The size a device of `profile` draws with, `configured` being the config's
    /// `text_size`: a kiosk always draws its profile's sizes.
    pub fn for_profile(profile: Profile, configured: Option<TextSize>) -> TextSize {
        match profile {
            Profile::Kiosk => TextSize::Normal,
            Profile::Tv | Profile::Tablet => configured.unwrap_or_default(),
        }
    }
}

impl fmt::Display for TextSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
