//! Offices and phones: a remote goes from Home to an office's phone as a QR code; every office
//! of the box's region is listed by kind with its phone, from the bundle (offline); the nearby
//! banners are one step away; demo offices are said to be demo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::controllers::offices::{geo_uri, tel_uri};
use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{ListTile, OfficesAdapter};
use legal_kiosk_api::{Office, OfficeKind, RegionCode, RegionLevel};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::{ComponentHandle, Model};
use support::{focused, press_until};

/// The tiles of the view on screen: the list's, or the office's page's and its credit record's.
fn tiles(h: &Harness) -> Vec<ListTile> {
    let a = h.shell().window().global::<OfficesAdapter>();
    a.get_choices()
        .iter()
        .chain(a.get_credits().iter())
        .collect()
}

fn ids(h: &Harness, prefix: &str) -> Vec<String> {
    tiles(h)
        .into_iter()
        .map(|t| t.id.to_string())
        .filter(|id| id.starts_with(prefix))
        .collect()
}

/// The offices of `region` in the bundle, in the order the view lists them (by the first of
/// their kinds in [`OfficeKind::LISTED`]).
fn expected(bundle: &legal_kiosk_content::Bundle, region: &RegionCode) -> Vec<Office> {
    let mut offices: Vec<Office> = bundle
        .offices
        .iter()
        .filter(|o| &o.region == region)
        .cloned()
        .collect();
    offices.sort_by_key(|o| {
        OfficeKind::LISTED
            .iter()
            .position(|k| o.kinds.contains(k))
            .unwrap()
    });
    offices
}

fn pixels(image: &slint::Image) -> Vec<u8> {
    let buffer = image.to_rgba8().expect("an RGBA image");
    buffer.as_bytes().to_vec()
}

#[test]
fn a_remote_goes_from_home_to_an_offices_phone_as_a_qr_code() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    let bundle = support::bundle();
    let region = h.shell().guides().region().unwrap();
    let first = expected(&bundle, &region).remove(0);

    press_until(&h, "Right", "offices", 4);
    h.press_keys("Return").unwrap();
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "offices");
    // The page opens at its top, on what is listed; the first office is one step down.
    assert_eq!(focused(&h), "about");
    h.press_keys("Down").unwrap();
    assert_eq!(focused(&h), format!("office-{}", first.id.as_str()));
    h.press_keys("Return").unwrap();
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "office");
    assert_eq!(focused(&h), "about");
    h.press_keys("Down").unwrap();
    assert_eq!(focused(&h), "phone");
    press_until(&h, "Down", "qr-phone", 4);
    support::assert_focus_visible(&h, "the phone's QR code");

    let a = h.shell().window().global::<OfficesAdapter>();
    let codes: Vec<_> = a.get_codes().iter().collect();
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0].id, "qr-phone");
    assert!(
        codes[0].caption.contains(&first.phone),
        "{}",
        codes[0].caption
    );
    assert_eq!(
        pixels(&codes[0].image),
        pixels(&legal_kiosk::controllers::guides::qr::image(&tel_uri(
            &first.phone
        ))),
        "the phone's QR code dials its number"
    );
    assert_eq!(
        pixels(&codes[1].image),
        pixels(&legal_kiosk::controllers::guides::qr::image(&geo_uri(
            &first.address.zh
        ))),
        "the location's QR code searches its address"
    );
    // The page says what the office is, where and when.
    let shown: Vec<String> = tiles(&h).iter().map(|t| t.detail.to_string()).collect();
    for text in [&first.phone, &first.address.zh, &first.hours.zh] {
        assert!(shown.contains(text), "{text} not in {shown:?}");
    }
    assert_eq!(a.get_message(), first.name.zh.as_str());
    assert!(first.demo);
    assert!(
        a.get_demo().contains("演示"),
        "demo offices are said to be demo"
    );
}

#[test]
fn every_office_of_the_region_is_listed_by_kind_with_its_phone_then_the_nearby_regions() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let bundle = support::bundle();
    let region = h.shell().guides().region().unwrap();
    assert!(h.shell().open("offices"));
    h.settle().unwrap();
    let want = expected(&bundle, &region);
    assert!(!want.is_empty());
    let listed = tiles(&h);
    let offices: Vec<&ListTile> = listed
        .iter()
        .filter(|t| t.id.starts_with("office-"))
        .collect();
    assert_eq!(offices.len(), want.len());
    for (tile, office) in offices.iter().zip(&want) {
        assert_eq!(tile.id.as_str(), format!("office-{}", office.id.as_str()));
        assert_eq!(tile.label.as_str(), office.name.zh);
        assert!(tile.detail.contains(&office.phone), "{}", tile.detail);
    }
    // The nearby regions: the region's banners (a league) or its league and sibling banners.
    let r = bundle.region(region.as_str()).unwrap();
    let nearby = match r.level {
        RegionLevel::League => bundle
            .regions
            .iter()
            .filter(|b| b.parent.as_ref() == Some(&region))
            .count(),
        _ => bundle
            .regions
            .iter()
            .filter(|b| {
                b.code != region && (b.parent == r.parent || Some(&b.code) == r.parent.as_ref())
            })
            .count(),
    };
    assert!(nearby > 0);
    assert_eq!(ids(&h, "region-").len(), nearby);
}

#[test]
fn a_nearby_banner_is_one_step_away_with_its_justice_office_and_the_way_back() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let bundle = support::bundle();
    let own = h.shell().guides().region().unwrap();
    assert!(h.shell().open("offices"));
    h.settle().unwrap();
    let banner = ids(&h, "region-")[0]
        .trim_start_matches("region-")
        .to_owned();
    // Activated as OK or a tap would (the tile may be under the fold).
    h.shell().tap(&format!("region-{banner}"));
    h.settle().unwrap();
    let code = RegionCode::parse(&banner).unwrap();
    let want = expected(&bundle, &code);
    assert_eq!(ids(&h, "office-").len(), want.len(), "{:?}", ids(&h, ""));
    assert_eq!(focused(&h), format!("office-{}", want[0].id.as_str()));
    // The way back to the box's own region is there once, not also among the nearby ones.
    assert_eq!(ids(&h, "own-region").len(), 1);
    assert!(!ids(&h, "region-").contains(&format!("region-{}", own.as_str())));
    // A banner has offices of the kinds a town has: a 司法所 (listed first) and a mediation
    // committee.
    assert!(want[0].kinds.contains(&OfficeKind::JusticeOffice));
    assert!(
        want.iter()
            .any(|o| o.kinds.contains(&OfficeKind::MediationCommittee))
    );
    // The way back comes after the banner's offices, under the fold: the remote reaches it.
    press_until(&h, "Down", "own-region", 8);
    h.press_keys("Return").unwrap();
    h.settle().unwrap();
    assert_eq!(ids(&h, "office-").len(), expected(&bundle, &own).len());
    assert!(ids(&h, "own-region").is_empty());
}

#[test]
fn an_offices_credit_record_comes_from_the_backend_and_a_black_list_is_said_in_words() {
    let (_rt, _backend, h, _dir) =
        support::started(Profile::Tablet, DisplayMode::Zh, "offices-credit", |_| {});
    let bundle = support::bundle();
    let region = h.shell().guides().region().unwrap();
    let firm = expected(&bundle, &region)
        .into_iter()
        .find(|o| o.kinds.contains(&OfficeKind::LawFirm))
        .expect("a law firm in the region");
    assert!(h.shell().open("offices"));
    h.settle().unwrap();
    h.shell().tap(&format!("office-{}", firm.id.as_str()));
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "office");
    support::wait_until(&h, "the credit record", || !ids(&h, "credit-").is_empty());
    let credit: Vec<ListTile> = tiles(&h)
        .into_iter()
        .filter(|t| t.id.starts_with("credit-"))
        .collect();
    let black = credit
        .iter()
        .find(|t| t.label.starts_with("黑名单（失信）："))
        .unwrap_or_else(|| panic!("no black-list record in {credit:?}"));
    assert!(black.label.contains("演示"), "{}", black.label);
    assert!(
        black
            .detail
            .contains("依据：《中华人民共和国律师法》第四十八条"),
        "{}",
        black.detail
    );
    assert!(black.detail.contains("发布："), "{}", black.detail);
    assert!(credit.iter().any(|t| t.label.starts_with("红名单：")));
    assert!(credit.iter().any(|t| t.label.starts_with("年度考核：")));
    // The remote reaches them: they are items of the page like the phone.
    press_until(&h, "Down", black.id.as_str(), 12);
    support::assert_focus_visible(&h, "a black-list record");
}

#[test]
fn without_a_backend_the_office_page_says_the_credit_record_cannot_be_had() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    // A backend that is not there: nothing listens on the discard port.
    let outbox = support::fresh_dir("offices-offline").join("outbox.sqlite3");
    let service =
        support::service_config("http://127.0.0.1:9".to_owned(), "token".to_owned(), &outbox);
    h.shell().start_service(service).unwrap();
    h.settle().unwrap();
    assert!(h.shell().open("office"));
    h.settle().unwrap();
    let credit = || -> Vec<ListTile> {
        tiles(&h)
            .into_iter()
            .filter(|t| t.id.starts_with("credit"))
            .collect()
    };
    support::wait_until(&h, "the credit record's failure", || {
        credit()
            .first()
            .is_some_and(|t| t.detail.starts_with("暂时查不到诚信记录"))
    });
    let shown = credit();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].label, "诚信记录");
    assert!(
        shown[0].detail.contains("连不上网络"),
        "{}",
        shown[0].detail
    );
}

#[test]
fn the_list_shows_the_backends_offices_when_it_answers() {
    let (_rt, backend, h, _dir) =
        support::started(Profile::Tablet, DisplayMode::Zh, "offices-backend", |_| {});
    let bundle = support::bundle();
    let region = h.shell().guides().region().unwrap();
    let first = expected(&bundle, &region).remove(0);
    // The bureau moved the office's phone since the bundle was built.
    let phone = "000-150100-9999";
    assert_ne!(first.phone, phone);
    let changed = backend
        .db()
        .lock()
        .execute(
            "UPDATE offices SET body = json_set(body, '$.phone', ?1) WHERE id = ?2",
            [phone, first.id.as_str()],
        )
        .unwrap();
    assert_eq!(changed, 1);
    assert!(h.shell().open("offices"));
    h.settle().unwrap();
    let id = format!("office-{}", first.id.as_str());
    let detail = |h: &Harness| {
        tiles(h)
            .into_iter()
            .find(|t| t.id == id)
            .map(|t| t.detail.to_string())
            .unwrap_or_default()
    };
    support::wait_until(&h, "the backend's phone", || detail(&h).contains(phone));
    // The office's page has it too.
    h.shell().tap(&id);
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "office");
    let phone_tile = tiles(&h).into_iter().find(|t| t.id == "phone").unwrap();
    assert!(
        phone_tile.label.contains(phone) || phone_tile.detail.contains(phone),
        "{phone_tile:?}"
    );
}
