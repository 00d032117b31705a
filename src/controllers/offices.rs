//! Offices and phones (机构与电话): the offices of the region the box serves, listed by kind
//! (司法所, 公证处, 法律援助中心, 律师事务所, 人民调解委员会, 司法鉴定机构, then the halls and
//! bureaus: [`OfficeKind::LISTED`]), each with its kinds and phone on its tile; the nearby leagues
//! and banners one step away; and an office's page with its address, hours and phone, and its
//! phone (`tel:`, RFC 3966) and location (`geo:0,0?q=<address>`, RFC 5870 with the query Android
//! and iOS map apps read) as QR codes for a phone. Everything comes from the content bundle, so
//! the view works offline; demo offices are said to be demo above the list and on the office.
//!
//! Item ids: on both, `about` (what is listed, and that it is demo data); on `offices`,
//! `office-<id>`, `region-<code>` (a nearby region: its offices are
//! listed) and `own-region` (back to the box's own); on `office`, `phone`, `address`, `hours`,
//! `kinds`, `qr-phone`, `qr-location`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use legal_kiosk_api::{
    CreditList, CreditRecord, Office, OfficeId, OfficeKind, RegionCode, RegionLevel,
};
use legal_kiosk_content::Bundle;
use legal_kiosk_core::rest::ErrorCode;
use legal_kiosk_core::service::{Answer, Command, CreditAnswer, Event};
use slint::{ComponentHandle, ModelRc, VecModel};

use super::guides::Guides;
use super::guides::qr;
use super::guides::text::pick;
use super::page::{self, PageView, SectionPage};
use super::{Controller, Ctx, ShownItems, ViewEntry};
use crate::inbox::Message;
use crate::ui::{ListTile, OfficeQr, OfficesAdapter, View};

const ENTRIES: &[ViewEntry] = &[
    ViewEntry {
        view: View::Offices,
        name: "offices",
        home_tile: true,
    },
    ViewEntry {
        view: View::Office,
        name: "office",
        home_tile: false,
    },
];

/// A region's credit record as the office page knows it.
enum Credit {
    Asking,
    Got(CreditAnswer),
    Failed(ErrorCode),
}

pub struct Offices {
    guides: Rc<RefCell<Guides>>,
    /// The credit record of each region asked about (it needs the backend).
    credit: HashMap<RegionCode, Credit>,
    /// A nearby region whose offices are listed instead of the box's own.
    nearby: Option<RegionCode>,
    /// The office whose page is open.
    office: Option<OfficeId>,
    page: SectionPage,
    shown: ShownItems,
    /// The offices the backend sent for each region asked about: that region's and those of
    /// the regions right below it (`GET /v1/offices`). They replace the bundle's for those
    /// regions; offline the bundle's are shown.
    fetched: HashMap<RegionCode, Vec<Office>>,
    /// Regions asked about (an answer may still be on its way).
    asked: Vec<RegionCode>,
    /// The bundle with the fetched offices in place of its own, and the bundle it was made
    /// from (made again when either changes).
    merged: RefCell<Option<(Rc<Bundle>, Rc<Bundle>)>>,
}

/// `bundle` with the offices of each region in `fetched` (and of the regions right below it)
/// replaced by the ones the backend sent.
fn with_fetched(bundle: &Bundle, fetched: &HashMap<RegionCode, Vec<Office>>) -> Bundle {
    let mut merged = bundle.clone();
    let covered = |code: &RegionCode| {
        fetched.keys().any(|asked| {
            asked == code
                || bundle
                    .region(code.as_str())
                    .is_some_and(|r| r.parent.as_ref() == Some(asked))
        })
    };
    merged.offices.retain(|o| !covered(&o.region));
    let mut seen = std::collections::HashSet::new();
    for office in fetched.values().flatten() {
        if seen.insert(office.id.clone()) {
            merged.offices.push(office.clone());
        }
    }
    merged
}

/// Where in [`OfficeKind::LISTED`] the first listed of `office`'s kinds is: offices are listed
/// in that order.
fn rank(office: &Office) -> usize {
    OfficeKind::LISTED
        .iter()
        .position(|k| office.kinds.contains(k))
        .unwrap_or(OfficeKind::LISTED.len())
}

/// `office`'s kinds in listing order.
fn kinds_of(office: &Office) -> Vec<OfficeKind> {
    OfficeKind::LISTED
        .into_iter()
        .filter(|k| office.kinds.contains(k))
        .collect()
}

/// The `geo:` URI a phone's map app opens to search for `address` (RFC 5870 §3 with the `q`
/// query that map apps read; `0,0` stands for "no coordinates").
pub fn geo_uri(address: &str) -> String {
    let query: String = form_urlencoded::byte_serialize(address.as_bytes()).collect();
    format!("geo:0,0?q={query}")
}

/// The `tel:` URI of a phone number as printed (RFC 3966 §5.1: digits and visual separators).
pub fn tel_uri(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
        .collect();
    format!("tel:{digits}")
}

impl Offices {
    pub fn new(guides: Rc<RefCell<Guides>>) -> Offices {
        Offices {
            guides,
            credit: HashMap::new(),
            nearby: None,
            office: None,
            page: SectionPage::default(),
            shown: ShownItems::default(),
            fetched: HashMap::new(),
            asked: Vec::new(),
            merged: RefCell::new(None),
        }
    }

    /// The content, with the offices the backend sent in place of the bundle's.
    fn bundle(&self) -> Option<Rc<Bundle>> {
        let base = self.guides.borrow_mut().bundle()?;
        if self.fetched.is_empty() {
            return Some(base);
        }
        let mut merged = self.merged.borrow_mut();
        if let Some((from, made)) = merged.as_ref()
            && Rc::ptr_eq(from, &base)
        {
            return Some(made.clone());
        }
        let made = Rc::new(with_fetched(&base, &self.fetched));
        *merged = Some((base, made.clone()));
        Some(made)
    }

    /// Asks the backend for the offices of the region listed (once per visit to the list).
    fn ask_offices(&mut self, ctx: &mut Ctx) {
        let Some(region) = self.listed_region() else {
            return;
        };
        if !self.asked.contains(&region) {
            self.asked.push(region.clone());
            ctx.send(Command::Offices { region });
        }
    }

    /// The region whose offices are listed: a nearby one picked, or the box's own.
    fn listed_region(&self) -> Option<RegionCode> {
        self.nearby
            .clone()
            .or_else(|| self.guides.borrow().region())
    }

    fn region_name(bundle: &Bundle, ctx: &Ctx, code: &RegionCode) -> String {
        bundle
            .region(code.as_str())
            .map(|r| pick(ctx.mode, &r.name))
            .unwrap_or_else(|| code.as_str().to_owned())
    }

    /// The offices of `region`, in listing order (by kind, then as the content has them).
    fn offices_of<'b>(bundle: &'b Bundle, region: &RegionCode) -> Vec<&'b Office> {
        let mut offices: Vec<&Office> = bundle
            .offices
            .iter()
            .filter(|o| &o.region == region)
            .collect();
        offices.sort_by_key(|o| rank(o));
        offices
    }

    /// The leagues and banners one step from `region`: a banner's league and its sibling
    /// banners; a league's banners.
    fn nearby_of(bundle: &Bundle, region: &RegionCode) -> Vec<RegionCode> {
        let Some(r) = bundle.region(region.as_str()) else {
            return Vec::new();
        };
        let (parent, level) = (r.parent.clone(), r.level);
        let mut out = Vec::new();
        if level == RegionLevel::Banner
            && let Some(league) = &parent
        {
            out.push(league.clone());
        }
        let under = if level == RegionLevel::League {
            Some(region.clone())
        } else {
            parent
        };
        out.extend(
            bundle
                .regions
                .iter()
                .filter(|b| b.parent.is_some() && b.parent == under && &b.code != region)
                .map(|b| b.code.clone()),
        );
        out
    }

    /// A kind's name in the display mode (`office-kind-<name>`).
    fn kind_name(ctx: &Ctx, kind: OfficeKind) -> String {
        ctx.text(&format!("office-kind-{}", kind.name()), &[])
    }

    fn kind_names(ctx: &Ctx, office: &Office) -> String {
        ctx.each(|c| {
            kinds_of(office)
                .iter()
                .map(|k| Self::kind_name(c, *k))
                .collect::<Vec<_>>()
                .join("、")
        })
    }

    fn tile(id: String, label: String, detail: String) -> ListTile {
        ListTile {
            id: id.into(),
            label: label.into(),
            detail: detail.into(),
        }
    }

    fn list(&self, ctx: &Ctx, bundle: &Bundle) -> (String, bool, Vec<ListTile>) {
        let Some(region) = self.listed_region() else {
            return (ctx.text("offices-none", &[]), false, Vec::new());
        };
        let offices = Self::offices_of(bundle, &region);
        let message = if offices.is_empty() {
            ctx.text("offices-none", &[])
        } else {
            ctx.text_with("offices-intro", |c| {
                vec![("region", Self::region_name(bundle, c, &region))]
            })
        };
        let demo = offices.iter().any(|o| o.demo);
        let mut tiles: Vec<ListTile> = offices
            .iter()
            .map(|o| {
                Self::tile(
                    format!("office-{}", o.id.as_str()),
                    pick(ctx.mode, &o.name),
                    ctx.text_with("offices-tile-detail", |c| {
                        // The kind it is listed under: all of them would wrap past the
                        // tile in Mongolian; the office's page names every one.
                        vec![
                            (
                                "kinds",
                                kinds_of(o)
                                    .first()
                                    .map(|k| Self::kind_name(c, *k))
                                    .unwrap_or_default(),
                            ),
                            ("phone", o.phone.clone()),
                        ]
                    }),
                )
            })
            .collect();
        if let (Some(_), Some(own)) = (&self.nearby, self.guides.borrow().region()) {
            tiles.push(Self::tile(
                "own-region".into(),
                ctx.text_with("offices-own-region", |c| {
                    vec![("region", Self::region_name(bundle, c, &own))]
                }),
                String::new(),
            ));
        }
        let own = self.guides.borrow().region();
        // The box's own region has its own way back, above.
        for code in Self::nearby_of(bundle, &region)
            .into_iter()
            .filter(|c| self.nearby.is_none() || Some(c) != own.as_ref())
        {
            tiles.push(Self::tile(
                format!("region-{}", code.as_str()),
                ctx.text_with("offices-nearby", |c| {
                    vec![("region", Self::region_name(bundle, c, &code))]
                }),
                String::new(),
            ));
        }
        (message, demo, tiles)
    }

    /// The office whose page is open; the first listed when none was picked (a page opened
    /// by name, as `screenshot --view office` does).
    fn current<'b>(&self, bundle: &'b Bundle) -> Option<&'b Office> {
        match &self.office {
            Some(id) => bundle.offices.iter().find(|o| &o.id == id),
            None => self
                .listed_region()
                .and_then(|r| Self::offices_of(bundle, &r).first().copied()),
        }
    }

    fn office_page(&self, ctx: &Ctx, office: &Office) -> (Vec<ListTile>, Vec<OfficeQr>) {
        let tiles = vec![
            Self::tile(
                "phone".into(),
                ctx.text("offices-phone", &[]),
                office.phone.clone(),
            ),
            Self::tile(
                "address".into(),
                ctx.text("offices-address", &[]),
                pick(ctx.mode, &office.address),
            ),
            Self::tile(
                "hours".into(),
                ctx.text("offices-hours", &[]),
                pick(ctx.mode, &office.hours),
            ),
            Self::tile(
                "kinds".into(),
                ctx.text("offices-kinds", &[]),
                Self::kind_names(ctx, office),
            ),
        ];
        let codes = vec![
            OfficeQr {
                id: "qr-phone".into(),
                image: qr::image(&tel_uri(&office.phone)),
                caption: ctx
                    .text("offices-qr-phone", &[("phone", office.phone.as_str())])
                    .into(),
            },
            OfficeQr {
                id: "qr-location".into(),
                // The Chinese address: what a phone's map app searches.
                image: qr::image(&geo_uri(&office.address.zh)),
                caption: ctx.text("offices-qr-location", &[]).into(),
            },
        ];
        (tiles, codes)
    }
}

impl Offices {
    /// The office's credit record (诚信记录) as tiles: `credit-<n>`, one a record, the list it
    /// is on said in words (红名单, 黑名单（失信）) before the name; or one `credit` tile saying
    /// it is being asked for, or why it cannot be shown.
    fn credit_tiles(&self, ctx: &Ctx, office: &Office) -> Vec<ListTile> {
        let heading = ctx.text("offices-credit", &[]);
        let answer = match self.credit.get(&office.region) {
            None | Some(Credit::Asking) => {
                return vec![Self::tile(
                    "credit".into(),
                    heading,
                    ctx.text("offices-credit-asking", &[]),
                )];
            }
            Some(Credit::Failed(code)) => {
                return vec![Self::tile(
                    "credit".into(),
                    heading,
                    ctx.text_with("offices-credit-failed", |c| {
                        vec![("reason", c.text(&code.message_id(), &[]))]
                    }),
                )];
            }
            Some(Credit::Got(answer)) => answer,
        };
        let records: Vec<&CreditRecord> = answer
            .records
            .iter()
            .filter(|r| r.office == office.id)
            .collect();
        if records.is_empty() {
            return vec![Self::tile(
                "credit".into(),
                heading,
                ctx.text("offices-credit-none", &[]),
            )];
        }
        records
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let list = match r.list {
                    Some(CreditList::Red) => "credit-list-red",
                    Some(CreditList::Black) => "credit-list-black",
                    None => "credit-assessment",
                };
                let label = ctx.text_with(list, |c| {
                    vec![(
                        "subject",
                        r.subject.get(c.mode.langs()[0].into()).to_owned(),
                    )]
                });
                let mut detail = ctx.text_with("credit-detail", |c| {
                    let lang = c.mode.langs()[0].into();
                    vec![
                        ("decision", r.decision.get(lang).to_owned()),
                        ("date", r.decided_on.format("%Y-%m-%d").to_string()),
                        ("source", r.source.get(lang).to_owned()),
                    ]
                });
                if let Some(basis) = &r.basis {
                    detail.push('\n');
                    detail.push_str(&ctx.text("credit-basis", &[("basis", basis.as_str())]));
                }
                if answer.cached {
                    detail.push('\n');
                    detail.push_str(&ctx.text("offices-credit-cached", &[]));
                }
                Self::tile(format!("credit-{n}"), label, detail)
            })
            .collect()
    }

    /// Asks the backend for the credit record of the region of the office on its page, unless
    /// it was asked for already.
    fn ask_credit(&mut self, ctx: &mut Ctx) {
        let Some(bundle) = self.bundle() else {
            return;
        };
        let Some(region) = self.current(&bundle).map(|o| o.region.clone()) else {
            return;
        };
        if matches!(
            self.credit.get(&region),
            Some(Credit::Asking | Credit::Got(_))
        ) {
            return;
        }
        self.credit.insert(region.clone(), Credit::Asking);
        ctx.send(Command::Credit { region });
    }
}

impl PageView for Offices {
    fn page(&mut self) -> &mut SectionPage {
        &mut self.page
    }

    fn page_ref(&self) -> &SectionPage {
        &self.page
    }

    fn has_page(&self, view: View) -> bool {
        matches!(view, View::Offices | View::Office)
    }

    fn put_offset(&self, ctx: &Ctx, offset: f32) {
        ctx.window.global::<OfficesAdapter>().set_scroll_y(offset);
    }

    fn put_extent(&self, ctx: &Ctx, extent: f32) {
        ctx.window
            .global::<OfficesAdapter>()
            .set_page_extent(extent);
    }
}

impl Controller for Offices {
    fn views(&self) -> &'static [ViewEntry] {
        ENTRIES
    }

    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        self.page.reset();
        if view == View::Offices {
            self.nearby = None;
            self.office = None;
            self.asked.clear();
            self.ask_offices(ctx);
        }
        // The page opens at its top: what is listed and whether it is demo data come first,
        // as a guide's summary does.
        ctx.prefer(view, "about");
        if view == View::Office {
            self.ask_credit(ctx);
        }
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        let Message::Service(Event::Answered { answer, .. }) = message else {
            return;
        };
        let (region, result) = match answer {
            Answer::Credit { region, result } => (region, result),
            Answer::Offices { region, result } => {
                // Offline or refused: the bundle's offices stay on screen.
                if let Ok(answer) = result
                    && self.fetched.get(region) != Some(&answer.offices)
                {
                    self.fetched.insert(region.clone(), answer.offices.clone());
                    self.merged.replace(None);
                    ctx.refresh();
                }
                return;
            }
            _ => return,
        };
        let credit = match result {
            Ok(answer) => Credit::Got(answer.clone()),
            Err(code) => Credit::Failed(*code),
        };
        self.credit.insert(region.clone(), credit);
        ctx.refresh();
    }

    fn show(&mut self, ctx: &mut Ctx, view: View) {
        let Some(bundle) = self.bundle() else {
            return;
        };
        let a = ctx.window.global::<OfficesAdapter>();
        let mut credits = Vec::new();
        let (title, message, demo, tiles, codes) = match view {
            View::Office => match self.current(&bundle) {
                Some(office) => {
                    let (tiles, codes) = self.office_page(ctx, office);
                    credits = self.credit_tiles(ctx, office);
                    // The name at the page's top rather than as the title: a long bilingual
                    // name in large text would leave the page no room under it.
                    (
                        ctx.text("view-office", &[]),
                        pick(ctx.mode, &office.name),
                        office.demo,
                        tiles,
                        codes,
                    )
                }
                None => (
                    ctx.text("view-office", &[]),
                    ctx.text("offices-none", &[]),
                    false,
                    Vec::new(),
                    Vec::new(),
                ),
            },
            _ => {
                let (message, demo, tiles) = self.list(ctx, &bundle);
                (
                    ctx.text("view-offices", &[]),
                    message,
                    demo,
                    tiles,
                    Vec::new(),
                )
            }
        };
        self.shown.update(
            ctx,
            view,
            std::iter::once("about".to_owned())
                .chain(tiles.iter().map(|t| t.id.to_string()))
                .chain(credits.iter().map(|t| t.id.to_string()))
                .chain(codes.iter().map(|c| c.id.to_string()))
                .collect(),
        );
        a.set_title(title.into());
        a.set_message(message.into());
        a.set_demo(if demo {
            ctx.text("offices-demo", &[]).into()
        } else {
            Default::default()
        });
        a.set_choices(ModelRc::new(VecModel::from(tiles)));
        a.set_credits(ModelRc::new(VecModel::from(credits)));
        a.set_codes(ModelRc::new(VecModel::from(codes)));
        a.set_scroll_y(self.page.offset());
        a.set_page_extent(self.page.extent());
    }

    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        if view != View::Offices {
            return;
        }
        if let Some(id) = item
            .strip_prefix("office-")
            .and_then(|id| OfficeId::parse(id).ok())
        {
            self.office = Some(id);
            ctx.open(View::Office);
        } else if let Some(code) = item
            .strip_prefix("region-")
            .and_then(|c| RegionCode::parse(c).ok())
        {
            self.nearby = Some(code);
            self.page.reset();
            self.ask_offices(ctx);
            // The first office of the region now listed; failing that, the way back.
            let bundle = self.bundle();
            let first = bundle.as_deref().and_then(|b| {
                let region = self.listed_region()?;
                Self::offices_of(b, &region)
                    .first()
                    .map(|o| format!("office-{}", o.id.as_str()))
            });
            ctx.prefer(view, first.as_deref().unwrap_or("own-region"));
            ctx.refresh();
        } else if item == "own-region" {
            self.nearby = None;
            self.page.reset();
            ctx.prefer(view, "about");
            ctx.refresh();
        }
    }

    page::section_page_events!();

    fn reset(&mut self) {
        // A failed answer is asked for again by the next person; a record received is public.
        self.credit.retain(|_, c| matches!(c, Credit::Got(_)));
        self.nearby = None;
        self.office = None;
        self.page.reset();
    }
}
