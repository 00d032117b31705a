//! Settings (tv and tablet; a kiosk used by strangers has none): the region the box serves,
//! picked league then banner from the content's regions; the language; the text size; high
//! contrast. Each change applies at once and is written to that one setting of the config file
//! (`ConfigWriter`, off the UI thread: the file's comments and other lines are kept, and values given on
//! the command line are not written).
//!
//! Item ids: `region`, `language`, `text-size`, `contrast`; on the region step `league-<code>`,
//! `region-<code>` and `leagues` (back to the leagues).

use std::cell::RefCell;
use std::rc::Rc;

use legal_kiosk_api::{RegionCode, RegionLevel};
use legal_kiosk_core::config::{ConfigValue, ConfigWriter};
use legal_kiosk_core::{Profile, TextSize};
use slint::{ComponentHandle, ModelRc, VecModel};

use super::guides::Guides;
use super::guides::text::pick;
use super::page::{self, PageView, SectionPage};
use super::{Controller, Ctx, ViewEntry};
use crate::ui::{ListTile, SettingsAdapter, Theme, View};

pub struct Settings {
    guides: Rc<RefCell<Guides>>,
    entries: &'static [ViewEntry],
    /// Writes changes to the config file; `None`: they apply until the app ends.
    writer: Option<ConfigWriter>,
    /// The league whose banners the region step lists; `None`: the leagues.
    league: Option<RegionCode>,
    /// What was just saved (a message id), said on the settings view.
    saved: Option<&'static str>,
    high_contrast: bool,
    text_size: TextSize,
    page: SectionPage,
    shown: super::ShownItems,
}

const WITH_TILE: &[ViewEntry] = &[
    ViewEntry {
        view: View::Settings,
        name: "settings",
        home_tile: true,
    },
    ViewEntry {
        view: View::SettingsRegion,
        name: "settings-region",
        home_tile: false,
    },
];
const WITHOUT_TILE: &[ViewEntry] = &[
    ViewEntry {
        view: View::Settings,
        name: "settings",
        home_tile: false,
    },
    ViewEntry {
        view: View::SettingsRegion,
        name: "settings-region",
        home_tile: false,
    },
];

impl Settings {
    /// Regions come from `guides`' content. Settings change what the box shows everyone after:
    /// a kiosk used by strangers has no Settings tile (an administrator sets it up through its
    /// config file).
    pub fn new(guides: Rc<RefCell<Guides>>, profile: Profile) -> Settings {
        Settings {
            guides,
            entries: if profile == Profile::Kiosk {
                WITHOUT_TILE
            } else {
                WITH_TILE
            },
            writer: None,
            league: None,
            saved: None,
            high_contrast: false,
            text_size: TextSize::Normal,
            page: SectionPage::default(),
            shown: super::ShownItems::default(),
        }
    }

    /// What writes changes to the config file the app read, and the contrast and text size
    /// it starts in.
    pub fn configure(
        &mut self,
        writer: Option<ConfigWriter>,
        high_contrast: bool,
        text_size: TextSize,
    ) {
        self.writer = writer;
        self.high_contrast = high_contrast;
        self.text_size = text_size;
    }

    fn save(&self, key: &str, value: impl Into<ConfigValue>) {
        if let Some(writer) = &self.writer {
            writer.set(key, value);
        }
    }

    fn choice(id: String, label: String, detail: String) -> ListTile {
        ListTile {
            id: id.into(),
            label: label.into(),
            detail: detail.into(),
        }
    }

    /// The region's name in the display mode, or its code when the content has no such region.
    fn region_name(&self, ctx: &Ctx, code: &RegionCode) -> String {
        let bundle = self.guides.borrow_mut().bundle();
        bundle
            .as_ref()
            .and_then(|b| b.regions.iter().find(|r| &r.code == code))
            .map(|r| pick(ctx.mode, &r.name))
            .unwrap_or_else(|| code.as_str().to_owned())
    }

    fn show_settings(&self, ctx: &Ctx) -> Vec<ListTile> {
        let region = self.guides.borrow().region();
        let region = region
            .map(|r| self.region_name(ctx, &r))
            .unwrap_or_default();
        let language = ctx.text(
            match ctx.mode.code() {
                "mn" => "settings-language-mn",
                "zh" => "settings-language-zh",
                _ => "settings-language-bilingual",
            },
            &[],
        );
        vec![
            Self::choice("region".into(), ctx.text("settings-region", &[]), region),
            Self::choice(
                "language".into(),
                ctx.text("settings-language", &[]),
                language,
            ),
            Self::choice(
                "text-size".into(),
                ctx.text("settings-text-size", &[]),
                ctx.text(
                    &format!("settings-text-size-{}", self.text_size.name()),
                    &[],
                ),
            ),
            Self::choice(
                "contrast".into(),
                ctx.text("settings-contrast", &[]),
                ctx.text(
                    if self.high_contrast {
                        "settings-on"
                    } else {
                        "settings-off"
                    },
                    &[],
                ),
            ),
        ]
    }

    fn show_regions(&self, ctx: &Ctx) -> Vec<ListTile> {
        let bundle = self.guides.borrow_mut().bundle();
        let Some(bundle) = bundle else {
            return Vec::new();
        };
        match &self.league {
            None => bundle
                .regions
                .iter()
                .filter(|r| r.level == RegionLevel::League)
                .map(|r| {
                    Self::choice(
                        format!("league-{}", r.code.as_str()),
                        pick(ctx.mode, &r.name),
                        String::new(),
                    )
                })
                .collect(),
            Some(league) => std::iter::once(Self::choice(
                "leagues".into(),
                ctx.text("settings-other-leagues", &[]),
                String::new(),
            ))
            .chain(
                bundle
                    .regions
                    .iter()
                    .filter(|r| r.parent.as_ref() == Some(league))
                    .map(|r| {
                        Self::choice(
                            format!("region-{}", r.code.as_str()),
                            pick(ctx.mode, &r.name),
                            String::new(),
                        )
                    }),
            )
            .collect(),
        }
    }

    /// The first league, or the first banner of the league chosen.
    fn first_choice(&self, ctx: &Ctx) -> Option<String> {
        self.show_regions(ctx)
            .into_iter()
            .map(|c| c.id.to_string())
            .find(|id| id != "leagues")
    }
}

impl PageView for Settings {
    fn page(&mut self) -> &mut SectionPage {
        &mut self.page
    }

    fn page_ref(&self) -> &SectionPage {
        &self.page
    }

    fn has_page(&self, view: View) -> bool {
        matches!(view, View::Settings | View::SettingsRegion)
    }

    fn put_offset(&self, ctx: &Ctx, offset: f32) {
        ctx.window.global::<SettingsAdapter>().set_scroll_y(offset);
    }

    fn put_extent(&self, ctx: &Ctx, extent: f32) {
        ctx.window
            .global::<SettingsAdapter>()
            .set_page_extent(extent);
    }
}

impl Controller for Settings {
    fn views(&self) -> &'static [ViewEntry] {
        self.entries
    }

    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        self.page.reset();
        match view {
            View::Settings => {
                self.saved = None;
                ctx.prefer(view, "region");
            }
            View::SettingsRegion => {
                self.league = None;
                if let Some(first) = self.first_choice(ctx) {
                    ctx.prefer(view, &first);
                }
            }
            _ => {}
        }
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        let a = ctx.window.global::<SettingsAdapter>();
        let (title, message, choices) = match view {
            View::SettingsRegion => (
                ctx.text("view-settings-region", &[]),
                match &self.league {
                    None => ctx.text("settings-pick-league", &[]),
                    Some(league) => ctx.text_with("settings-pick-banner", |c| {
                        vec![("league", self.region_name(c, league))]
                    }),
                },
                self.show_regions(ctx),
            ),
            _ => (
                ctx.text("view-settings", &[]),
                self.saved
                    .map(|id| ctx.text(id, &[]))
                    .unwrap_or_else(|| ctx.text("settings-intro", &[])),
                self.show_settings(ctx),
            ),
        };
        self.shown.update(
            ctx,
            view,
            choices.iter().map(|c| c.id.to_string()).collect(),
        );
        a.set_title(title.into());
        a.set_message(message.into());
        a.set_choices(ModelRc::new(VecModel::from(choices)));
        a.set_scroll_y(self.page.offset());
        a.set_page_extent(self.page.extent());
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match (view, item) {
            (View::Settings, "region") => ctx.open(View::SettingsRegion),
            (View::Settings, "language") => ctx.open(View::Language),
            (View::Settings, "text-size") => {
                self.text_size = self.text_size.next();
                ctx.window
                    .global::<Theme>()
                    .set_text_scale(self.text_size.scale());
                self.save("text_size", self.text_size.name());
                self.saved = Some("settings-saved");
                // Every tile is another size now: the page is measured anew.
                self.page.remeasure();
                ctx.refresh();
            }
            (View::Settings, "contrast") => {
                self.high_contrast = !self.high_contrast;
                ctx.window
                    .global::<Theme>()
                    .set_high_contrast(self.high_contrast);
                self.save("high_contrast", self.high_contrast);
                self.saved = Some("settings-saved");
                ctx.refresh();
            }
            (View::SettingsRegion, "leagues") => {
                if let Some(league) = self.league.take() {
                    self.page.reset();
                    ctx.forget(view, "leagues");
                    ctx.prefer(view, &format!("league-{}", league.as_str()));
                }
                ctx.refresh();
            }
            (View::SettingsRegion, _) => {
                if let Some(code) = item
                    .strip_prefix("league-")
                    .and_then(|c| RegionCode::parse(c).ok())
                {
                    self.page.reset();
                    self.league = Some(code);
                    // The first banner: "other leagues" stays one step up.
                    if let Some(first) = self.first_choice(ctx) {
                        ctx.prefer(view, &first);
                    }
                    ctx.refresh();
                } else if let Some(code) = item
                    .strip_prefix("region-")
                    .and_then(|c| RegionCode::parse(c).ok())
                {
                    self.guides.borrow_mut().set_region(code.clone());
                    self.save("region", code.as_str());
                    self.saved = Some("settings-saved");
                    ctx.back_to(View::Settings);
                    ctx.refresh();
                }
            }
            _ => {}
        }
    }

    page::section_page_events!();

    fn reset(&mut self) {
        self.league = None;
        self.saved = None;
        self.page.reset();
    }

    fn pending(&self) -> Vec<String> {
        match self.writer.as_ref().map(ConfigWriter::pending) {
            Some(n) if n > 0 => vec![format!("{n} setting(s) being written to the config file")],
            _ => Vec::new(),
        }
    }
}
