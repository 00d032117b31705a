//! The service guides' controller: categories → list (or T9 search results) → one guide. One
//! controller serves the three views because they share the content bundle shown (the
//! embedded one until the service sends another) and the search. It fills their adapters in
//! the display mode and keeps the focused section of a guide in view.

pub mod qr;
pub mod text;

use std::collections::HashSet;
use std::rc::Rc;

use legal_kiosk_api::RegionCode;
use legal_kiosk_content::{Bundle, Query, SearchIndex, VerifyingKey};
use legal_kiosk_core::focus::{Direction, Rect};
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::service::{Command, Event};
use slint::{ComponentHandle, ModelRc, SharedString, VecModel};

use super::columns::{Columns, VerticalWorker};
use super::page::SectionPage;
use super::{Controller, Ctx, ViewEntry};
use crate::inbox::Message;
use crate::strings::Catalog;
use crate::ui::{
    AppWindow, FlowStep, GuideAdapter, GuideListAdapter, GuideMaterial, GuideSection,
    GuidesAdapter, ListTile, View,
};
use text::{GuideText, pick};

/// The summary's item id on the guide view (the columns widget in Mongolian modes), and the
/// id of the columns' scrolling page.
pub const SUMMARY: &str = "summary";
/// The guide view's scrolling page.
const PAGE: &str = "page";
/// The guide's tile that books a 12348 callback about it.
const ASK_12348: &str = "ask-12348";
/// The Back tile of every view's frame.
const BACK: &str = "back";
/// A list shows at most this many guides; more digits narrow a search.
pub const LIST_MAX: usize = 8;
/// In Mongolian and bilingual modes titles take two to four lines: fewer rows, so each has
/// room (the list says how many more there are).
pub const LIST_MAX_LONG: usize = 4;

/// The region offices are shown for when the config names none: Hohhot, the demo's.
pub const DEFAULT_REGION: &str = "150100";

/// Where the guide content comes from and where it is shown.
#[derive(Clone)]
pub struct ContentSettings {
    pub key: VerifyingKey,
    /// None when the configured code is malformed: no office card then, only the hotline.
    pub region: Option<RegionCode>,
}

pub struct Guides {
    bundle: Option<Rc<Bundle>>,
    index: Option<SearchIndex>,
    settings: Option<ContentSettings>,
    /// The backend's base URL, for QR codes (`{base}/g/{id}`).
    qr_base: Option<String>,
    /// The address phones reach the backend at, from the config: it wins over `qr_base`.
    public_base: Option<String>,
    category: Option<String>,
    query: String,
    /// Positions in `bundle.guides` of the list on screen.
    listed: Vec<usize>,
    /// Their ids, as the focus engine knows them.
    shown_ids: Vec<String>,
    guide: Option<usize>,
    /// Ticked materials: (guide id, material index).
    checked: HashSet<(String, usize)>,
    columns: Columns,
    /// The guide page, scrolled up and down.
    page: SectionPage,
    /// The guide and mode the page extent was measured for.
    extent_of: Option<(usize, DisplayMode)>,
    /// Why the built-in content could not be opened (logged once).
    error: Option<String>,
}

impl Guides {
    /// The summary's vertical Mongolian columns are drawn by `worker`.
    pub fn new(worker: Rc<VerticalWorker>) -> Guides {
        Guides {
            bundle: None,
            index: None,
            settings: None,
            qr_base: None,
            public_base: None,
            category: None,
            query: String::new(),
            listed: Vec::new(),
            shown_ids: Vec::new(),
            guide: None,
            checked: HashSet::new(),
            columns: Columns::new(worker),
            page: SectionPage::default(),
            extent_of: None,
            error: None,
        }
    }

    pub fn configure(&mut self, settings: ContentSettings) {
        self.settings = Some(settings);
    }

    /// The region the box serves from now on (the settings view): its office card follows.
    pub fn set_region(&mut self, region: RegionCode) {
        let mut settings = self.settings();
        settings.region = Some(region);
        self.settings = Some(settings);
    }

    pub fn set_qr_base(&mut self, base: Option<String>) {
        self.qr_base = base.map(|b| b.trim_end_matches('/').to_owned());
    }

    /// The configured public address of the backend's pages (`public_base_url`).
    pub fn set_public_base(&mut self, base: Option<String>) {
        self.public_base = base.map(|b| b.trim_end_matches('/').to_owned());
    }

    /// Where QR codes point: the configured public address, else the backend's own; None
    /// until the backend is known.
    pub fn qr_base(&self) -> Option<&str> {
        self.public_base.as_deref().or(self.qr_base.as_deref())
    }

    fn settings(&self) -> ContentSettings {
        match &self.settings {
            Some(s) => s.clone(),
            None => ContentSettings {
                key: legal_kiosk_content::bundle::dev_verifying_key()
                    .unwrap_or_else(|_| VerifyingKey::default()),
                region: RegionCode::parse(DEFAULT_REGION).ok(),
            },
        }
    }

    /// The device's region (the config's, or the demo's), None when the configured code is
    /// malformed.
    pub fn region(&self) -> Option<RegionCode> {
        self.settings().region
    }

    /// The bundle shown; the embedded one is opened on first use.
    pub fn bundle(&mut self) -> Option<Rc<Bundle>> {
        if self.bundle.is_none() {
            match Bundle::open(legal_kiosk_content::EMBEDDED_BUNDLE, &self.settings().key) {
                Ok(b) => self.set_bundle_only(b),
                Err(e) if self.error.is_none() => {
                    eprintln!("legal-kiosk: the built-in guides cannot be used: {e}");
                    self.error = Some(e.to_string());
                }
                Err(_) => {}
            }
        }
        self.bundle.clone()
    }

    fn set_bundle_only(&mut self, bundle: Bundle) {
        let index = SearchIndex::new(bundle.guides.iter().map(|g| {
            let keys = bundle
                .search
                .iter()
                .find(|k| k.guide == g.id)
                .cloned()
                .unwrap_or_else(|| legal_kiosk_content::search::keys_for(&g.id, ""));
            (g.title.zh.clone(), keys)
        }));
        self.index = Some(index);
        self.bundle = Some(Rc::new(bundle));
    }

    /// A bundle from the content store. The same version as the one shown changes nothing; a
    /// newer one replaces it, keeping the guide on screen if it is still published.
    pub fn set_bundle(&mut self, bundle: Bundle) {
        if self
            .bundle
            .as_ref()
            .is_some_and(|b| b.version == bundle.version)
        {
            return;
        }
        let current = self
            .guide
            .and_then(|i| self.bundle.as_ref()?.guides.get(i))
            .map(|g| g.id.as_str().to_owned());
        self.set_bundle_only(bundle);
        self.guide = current.and_then(|id| {
            self.bundle
                .as_ref()?
                .guides
                .iter()
                .position(|g| g.id.as_str() == id)
        });
    }

    /// Fills the categories view.
    pub fn show_categories(&mut self, window: &AppWindow, catalog: &Catalog, mode: DisplayMode) {
        let adapter = window.global::<GuidesAdapter>();
        let Some(bundle) = self.bundle() else {
            // Only when the built-in content is not signed by the configured key and the
            // device has received none that is: say so instead of showing an empty screen.
            adapter.set_categories(ModelRc::default());
            adapter.set_updated(catalog.text(mode, "guides-unavailable", &[]).into());
            return;
        };
        let tiles: Vec<ListTile> = bundle
            .categories
            .iter()
            .map(|c| {
                let count = bundle.guides.iter().filter(|g| g.category == c.id).count();
                ListTile {
                    id: c.id.as_str().into(),
                    label: pick(mode, &c.name).into(),
                    detail: catalog
                        .text(mode, "guides-count", &[("count", &count.to_string())])
                        .into(),
                }
            })
            .collect();
        adapter.set_categories(ModelRc::new(VecModel::from(tiles)));
        adapter.set_updated(
            catalog
                .text(
                    mode,
                    "guides-updated",
                    &[
                        ("date", &bundle.published_on.to_string()),
                        ("version", &bundle.version.to_string()),
                    ],
                )
                .into(),
        );
    }

    /// The first category's id, where the categories view starts.
    pub fn first_category(&mut self) -> Option<String> {
        self.bundle()?
            .categories
            .first()
            .map(|c| c.id.as_str().to_owned())
    }

    /// OK on a category: its guides.
    pub fn open_category(&mut self, category: &str) {
        self.category = Some(category.to_owned());
        self.query.clear();
    }

    /// A digit on the categories or list view: the search narrows (or starts).
    pub fn type_digit(&mut self, digit: u8, fresh: bool) {
        if fresh || self.query.is_empty() {
            self.query.clear();
            self.category = None;
        }
        if self.query.len() < 16 {
            self.query.push(char::from(b'0' + digit.min(9)));
        }
    }

    /// A character from a keyboard (pinyin letters or Chinese characters): the search
    /// narrows, or starts anew if it held remote digits or a category.
    pub fn type_text(&mut self, text: &str) {
        if self.category.is_some() || self.query.bytes().all(|b| b.is_ascii_digit()) {
            self.query.clear();
            self.category = None;
        }
        if self.query.chars().count() < 16 {
            self.query.push_str(text);
        }
    }

    /// Fills the list view for the category or query. Returns the guide ids listed, and
    /// whether they differ from the list shown before (a new category or a narrower search,
    /// where the focus belongs on the first guide; not a language switch or a return).
    pub fn show_list(
        &mut self,
        window: &AppWindow,
        catalog: &Catalog,
        mode: DisplayMode,
    ) -> (Vec<String>, bool) {
        let Some(bundle) = self.bundle() else {
            return (Vec::new(), false);
        };
        let (title, hits): (String, Vec<usize>) = match &self.category {
            Some(cat) if self.query.is_empty() => (
                bundle
                    .categories
                    .iter()
                    .find(|c| c.id.as_str() == cat)
                    .map(|c| pick(mode, &c.name))
                    .unwrap_or_default(),
                (0..bundle.guides.len())
                    .filter(|i| bundle.guides[*i].category.as_str() == cat)
                    .collect(),
            ),
            _ => (
                catalog.text(mode, "guides-search-title", &[]),
                self.index
                    .as_ref()
                    .map(|ix| ix.search(&Query::parse(&self.query)))
                    .unwrap_or_default(),
            ),
        };
        let max = if mode == DisplayMode::Zh {
            LIST_MAX
        } else {
            LIST_MAX_LONG
        };
        let more = hits.len().saturating_sub(max);
        let listed: Vec<usize> = hits.into_iter().take(max).collect();
        let changed = listed != self.listed;
        self.listed = listed;
        let tiles: Vec<ListTile> = self
            .listed
            .iter()
            .map(|i| {
                let g = &bundle.guides[*i];
                ListTile {
                    id: g.id.as_str().into(),
                    label: pick(mode, &g.title).into(),
                    detail: SharedString::default(),
                }
            })
            .collect();
        let adapter = window.global::<GuideListAdapter>();
        adapter.set_title(title.into());
        let mut query = self.query.clone();
        if more > 0 {
            query.push_str("   ");
            query.push_str(&catalog.text(
                mode,
                "guides-search-more",
                &[("count", &more.to_string())],
            ));
        }
        adapter.set_query(query.into());
        adapter.set_empty(catalog.text(mode, "guides-search-empty", &[]).into());
        adapter.set_guides(ModelRc::new(VecModel::from(tiles)));
        let ids = self
            .listed
            .iter()
            .map(|i| bundle.guides[*i].id.as_str().to_owned())
            .collect();
        (ids, changed)
    }

    /// OK on a guide of the list. False when `id` is not one.
    pub fn open_guide(&mut self, id: &str) -> bool {
        let Some(bundle) = self.bundle() else {
            return false;
        };
        match bundle.guides.iter().position(|g| g.id.as_str() == id) {
            Some(i) => {
                self.guide = Some(i);
                self.page.reset();
                true
            }
            None => false,
        }
    }

    /// Fills the guide view in `mode`.
    pub fn show_guide(&mut self, window: &AppWindow, catalog: &Catalog, mode: DisplayMode) {
        let (Some(bundle), Some(i)) = (self.bundle(), self.guide) else {
            return;
        };
        let Some(guide) = bundle.guides.get(i) else {
            return;
        };
        let settings = self.settings();
        let office = settings
            .region
            .as_ref()
            .and_then(|r| bundle.office_for(r, guide.office_kind));
        let url = format!(
            "{}/g/{}",
            self.qr_base().unwrap_or("http://127.0.0.1:8348"),
            guide.id
        );
        let t = GuideText::new(catalog, mode, guide, office, &url);
        let adapter = window.global::<GuideAdapter>();
        adapter.set_title(t.title.into());
        // Another guide or language lays the page out anew: measured again as sections report.
        if self.extent_of != Some((i, mode)) {
            self.extent_of = Some((i, mode));
            self.page.remeasure();
            adapter.set_page_extent(0.0);
        }
        adapter.set_show_columns(!t.summary_mn.is_empty());
        adapter.set_show_chinese(!t.summary_zh.is_empty());
        if adapter.get_summary_mn() != t.summary_mn.as_str() {
            self.columns.reset();
            adapter.set_summary_scroll_x(0.0);
            adapter.set_summary_columns(ModelRc::default());
        }
        self.columns.set_text(&t.summary_mn);
        adapter.set_summary_mn(t.summary_mn.into());
        adapter.set_summary(t.summary_zh.into());
        adapter.set_steps_heading(t.steps_heading.into());
        adapter.set_limits(t.limits.into());
        let steps: Vec<FlowStep> = t
            .steps
            .into_iter()
            .map(|s| FlowStep {
                title: s.title.into(),
                actor: s.actor.into(),
                limit: s.limit.into(),
                counts: s.counts,
            })
            .collect();
        adapter.set_steps(ModelRc::new(VecModel::from(steps)));
        adapter.set_materials_heading(t.materials_heading.into());
        let gid = guide.id.as_str().to_owned();
        let materials: Vec<GuideMaterial> = t
            .materials
            .into_iter()
            .enumerate()
            .map(|(n, (id, name, detail))| GuideMaterial {
                checked: self.checked.contains(&(gid.clone(), n)),
                id: id.into(),
                name: name.into(),
                detail: detail.into(),
            })
            .collect();
        adapter.set_materials(ModelRc::new(VecModel::from(materials)));
        let sections: Vec<GuideSection> = t
            .sections
            .into_iter()
            .map(|(id, heading, body)| GuideSection {
                id: id.into(),
                heading: heading.into(),
                body: body.into(),
            })
            .collect();
        adapter.set_sections(ModelRc::new(VecModel::from(sections)));
        adapter.set_review_heading(t.review.0.into());
        adapter.set_review(t.review.1.into());
        adapter.set_qr(qr::image(&url));
        adapter.set_qr_caption(t.qr_caption.into());
        adapter.set_scroll_y(self.page.offset());
    }

    /// OK on a material: ticks or unticks it. False for any other item.
    pub fn toggle(&mut self, window: &AppWindow, item: &str) -> bool {
        let (Some(n), Some(bundle), Some(i)) = (
            item.strip_prefix("material-")
                .and_then(|n| n.parse::<usize>().ok()),
            self.bundle.clone(),
            self.guide,
        ) else {
            return false;
        };
        let Some(gid) = bundle.guides.get(i).map(|g| g.id.as_str().to_owned()) else {
            return false;
        };
        let key = (gid, n);
        let now = if self.checked.remove(&key) {
            false
        } else {
            self.checked.insert(key);
            true
        };
        let model = window.global::<GuideAdapter>().get_materials();
        if let Some(mut row) = slint::Model::row_data(&model, n) {
            row.checked = now;
            slint::Model::set_row_data(&model, n, row);
        }
        true
    }

    /// Puts how far the summary's columns are scrolled into the adapter.
    fn columns_to_model(&self, window: &AppWindow) {
        window
            .global::<GuideAdapter>()
            .set_summary_scroll_x(self.columns.offset());
    }

    /// A section of the page reported where it is: the page must reach its bottom.
    fn section_placed(&mut self, window: &AppWindow, rect: Rect) {
        if self.page.section_placed(rect) {
            window
                .global::<GuideAdapter>()
                .set_page_extent(self.page.extent());
        }
    }

    fn scroll_page_to_model(&self, window: &AppWindow) {
        window
            .global::<GuideAdapter>()
            .set_scroll_y(self.page.offset());
    }

    /// Which guide opens from Home → guides → its category → the guide: what the router must
    /// do for `screenshot --view guide:ID`. None for an unknown id.
    pub fn open_path(&mut self, id: &str) -> Option<Vec<super::Effect>> {
        use super::Effect;
        let category = self.bundle()?.guide(id)?.category.as_str().to_owned();
        self.open_category(&category);
        if !self.open_guide(id) {
            return None;
        }
        Some(vec![
            Effect::Open(View::Guides),
            Effect::Open(View::GuideList),
            Effect::Open(View::Guide),
            Effect::Prefer(View::Guide, SUMMARY.to_owned()),
        ])
    }
}

const ENTRIES: &[ViewEntry] = &[
    ViewEntry {
        view: View::Guides,
        name: "guides",
        home_tile: true,
    },
    ViewEntry {
        view: View::GuideList,
        name: "guide-list",
        home_tile: false,
    },
    ViewEntry {
        view: View::Guide,
        name: "guide",
        home_tile: false,
    },
];

impl Controller for Guides {
    fn views(&self) -> &'static [ViewEntry] {
        ENTRIES
    }

    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            View::Guides => {
                if let Some(first) = self.first_category() {
                    ctx.prefer(View::Guides, &first);
                }
                // Someone looks at the guides: ask for newer ones (a 304 when there are none).
                ctx.send(Command::RefreshContent);
            }
            View::Guide => ctx.prefer(View::Guide, SUMMARY),
            _ => {}
        }
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        match view {
            View::Guides => self.show_categories(ctx.window, ctx.catalog, ctx.mode),
            View::GuideList => {
                let (listed, changed) = self.show_list(ctx.window, ctx.catalog, ctx.mode);
                if changed && let Some(first) = listed.first() {
                    ctx.prefer(View::GuideList, first);
                }
                // The entries of the list before this one are gone.
                for id in std::mem::take(&mut self.shown_ids) {
                    if !listed.contains(&id) {
                        ctx.forget(View::GuideList, &id);
                    }
                }
                self.shown_ids = listed;
            }
            View::Guide => self.show_guide(ctx.window, ctx.catalog, ctx.mode),
            _ => {}
        }
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match view {
            View::Guides => {
                self.open_category(item);
                ctx.open(View::GuideList);
            }
            View::GuideList if self.open_guide(item) => ctx.open(View::Guide),
            // Ask a 12348 lawyer about this guide: the booking starts with it as the topic.
            View::Guide if item == ASK_12348 => {
                let id = self
                    .guide
                    .and_then(|i| self.bundle.as_ref()?.guides.get(i).map(|g| g.id.clone()));
                if let Some(id) = id {
                    ctx.open_with(View::CallbackLawyer, id.as_str());
                }
            }
            View::Guide => {
                self.toggle(ctx.window, item);
            }
            _ => {}
        }
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, _item: &str, digit: u8) {
        match view {
            View::Guides => {
                self.type_digit(digit, true);
                ctx.open(View::GuideList);
            }
            View::GuideList => {
                self.type_digit(digit, false);
                ctx.refresh();
            }
            _ => {}
        }
    }

    fn text(&mut self, ctx: &mut Ctx, view: View, text: &str) -> bool {
        match view {
            View::Guides => {
                self.type_text(text);
                ctx.open(View::GuideList);
                true
            }
            View::GuideList => {
                self.type_text(text);
                ctx.refresh();
                true
            }
            _ => false,
        }
    }

    fn scroll(&mut self, ctx: &mut Ctx, view: View, dir: Direction) -> bool {
        let Some((item, rect)) = ctx.focused.clone() else {
            return false;
        };
        if view != View::Guide || item == BACK {
            return false;
        }
        match dir {
            Direction::Left | Direction::Right if item == SUMMARY => {
                let moved = self.columns.step(dir == Direction::Right);
                if moved {
                    self.columns_to_model(ctx.window);
                }
                moved
            }
            Direction::Up | Direction::Down => {
                let moved = self.page.scroll(rect, dir);
                if moved {
                    self.scroll_page_to_model(ctx.window);
                }
                moved
            }
            Direction::Left | Direction::Right => false,
        }
    }

    fn key_pressed(&mut self) {
        self.page.key_pressed();
        self.columns.key_pressed();
    }

    fn placed(&mut self, ctx: &mut Ctx, view: View, item: &str, rect: Rect, _focused: bool) {
        if view != View::Guide || item == BACK {
            return;
        }
        self.section_placed(ctx.window, rect);
    }

    fn page_placed(&mut self, ctx: &mut Ctx, view: View, page: &str, rect: Rect) {
        match (view, page) {
            (View::Guide, PAGE) => {
                // The summary's vertical columns are never taller than the page: each can be
                // read whole without scrolling the page under it.
                let adapter = ctx.window.global::<GuideAdapter>();
                if (adapter.get_page_height() - rect.h).abs() >= 0.5 {
                    adapter.set_page_height(rect.h);
                }
                let focused = ctx
                    .focused
                    .clone()
                    .filter(|(item, _)| item != BACK)
                    .map(|(_, r)| r);
                if self.page.placed(rect, focused) {
                    self.scroll_page_to_model(ctx.window);
                }
            }
            (View::Guide, SUMMARY) => self.columns.page_placed(ctx.window, rect),
            _ => {}
        }
    }

    fn page_scrolled(&mut self, ctx: &mut Ctx, view: View, page: &str, offset: f32) {
        match (view, page) {
            (View::Guide, PAGE) => {
                self.page.finger_moved(offset);
                self.scroll_page_to_model(ctx.window);
            }
            (View::Guide, SUMMARY) => {
                self.columns.finger_moved(offset);
                self.columns_to_model(ctx.window);
            }
            _ => {}
        }
    }

    fn focus_moved(&mut self, ctx: &mut Ctx, view: View, item: &str, rect: Rect) {
        if view == View::Guide && item != BACK && self.page.focus_moved(rect) {
            self.scroll_page_to_model(ctx.window);
        }
    }

    fn ring(&self, view: View, item: &str, rect: Rect) -> Rect {
        // Back sits in the header, above the scrolling page.
        if view != View::Guide || item == BACK {
            return rect;
        }
        self.page.ring(rect)
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        match message {
            Message::Service(Event::Content(bundle)) => {
                self.set_bundle((**bundle).clone());
                ctx.refresh();
            }
            Message::Service(Event::Backend { base_url }) => {
                self.set_qr_base(Some(base_url.clone()));
                ctx.refresh();
            }
            Message::Columns { request, result } => {
                if let Some(columns) = self.columns.receive(*request, result) {
                    let adapter = ctx.window.global::<GuideAdapter>();
                    adapter.set_summary_columns(ModelRc::new(VecModel::from(columns)));
                    adapter.set_summary_scroll_x(0.0);
                }
            }
            _ => {}
        }
    }

    fn leave(&mut self, _ctx: &mut Ctx, view: View) {
        if view == View::Guide {
            // The next guide starts at the top.
            self.page.reset();
        }
    }

    fn reset(&mut self) {
        self.category = None;
        self.query.clear();
        self.guide = None;
        self.checked.clear();
        self.page.reset();
    }

    fn pending(&self) -> Vec<String> {
        if self.columns.busy() {
            vec!["vertical columns of the guide's summary".to_owned()]
        } else {
            Vec::new()
        }
    }
}
