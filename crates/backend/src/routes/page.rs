//! The pages a phone opens from a QR code on a TV or kiosk: `GET /g/{id}`, a guide as a plain
//! web page (what a printed leaflet would say), and `GET /c/{reference}`, a 12348 callback
//! booking, shown after `POST /c/{reference}` with the mobile number it was booked with (the
//! same verification and limit on wrong guesses as the API); the page for the words of a
//! complaint or suggestion is in `feedback_page.rs`. Both languages, made for a phone:
//! Chinese first, Mongolian in its own script, set vertically (`writing-mode: vertical-lr`)
//! where it runs long. No script and no token.
//!
//! The Mongolian text here was written by the developers and needs review by a native
//! speaker.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{
    Bilingual, CallbackState, CallbackStatus, DayCount, Guide, MobileNumber, Problem, ProblemCode,
    Reference, TimeLimit,
};

use super::verify::verified;
use crate::AppState;
use crate::attempts::Target;
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};
use crate::extract::PathText;
use crate::routes::content::guide_body;

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Chinese first (most phones), Mongolian below in its own block.
fn both(text: &Bilingual) -> String {
    format!(
        "<span lang=\"zh-Hans-CN\">{}</span><br><span lang=\"mn-Mong-CN\" class=\"mn\">{}</span>",
        escape(&text.zh),
        escape(&text.mn)
    )
}

fn limit(l: TimeLimit) -> String {
    match l.count {
        DayCount::Working => format!("{} 个工作日", l.days),
        DayCount::Calendar => format!("{} 日", l.days),
    }
}

/// The pages' shared head: phone viewport, fonts, and the vertical Mongolian block.
const STYLE: &str = "<style>\
body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;max-width:40em;margin:auto;padding:1em;line-height:1.5;color:#111}\
header{background:#0b1e33;color:#fff;margin:-1em -1em 1em;padding:.8em 1em}\
header h1{margin:0;font-size:1.4em}\
.mn{font-family:'Noto Sans Mongolian',sans-serif}\
.mn-v{writing-mode:vertical-lr;font-family:'Noto Sans Mongolian',sans-serif;height:15em;max-width:100%;overflow-x:auto;background:#f3efe6;padding:.6em;margin:1em 0;line-height:1.8}\
.demo{background:#b4470f;color:#fff;padding:.6em;font-weight:700}\
.ref{font-size:2em;font-weight:700;letter-spacing:.04em}\
.error{color:#8a1c1c;font-weight:700}\
input{font-size:1.4em;width:12ch;padding:.2em}textarea{font-size:1.2em;width:100%;box-sizing:border-box;min-height:8em;padding:.3em}button{font-size:1.2em;padding:.3em .8em;margin-left:.4em}\
li{margin:.4em 0}\
</style>";

pub(super) fn head(title: &str) -> String {
    format!(
        "<!doctype html><html lang=\"zh-Hans-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title>{STYLE}</head><body>",
        escape(title)
    )
}

/// Long Mongolian text, set vertically in its own block.
pub(super) fn vertical(mn: &str) -> String {
    format!(
        "<div class=\"mn-v\" lang=\"mn-Mong-CN\">{}</div>",
        escape(mn)
    )
}

fn render(g: &Guide) -> String {
    let mut h = head(&g.title.zh);
    h.push_str(&format!("<header><h1>{}</h1></header>", both(&g.title)));
    h.push_str(&format!("<p>{}</p>", escape(&g.summary.zh)));
    h.push_str(&vertical(&g.summary.mn));
    if g.demo {
        h.push_str("<p><strong>演示内容 DEMO</strong></p>");
    }
    h.push_str(&format!("<h2>申请人</h2><p>{}</p>", both(&g.applicants)));
    h.push_str("<h2>所需材料</h2><ol>");
    for m in &g.materials {
        h.push_str(&format!(
            "<li>{} × {}{}</li>",
            both(&m.name),
            m.copies,
            if m.original { "（原件）" } else { "" }
        ));
    }
    h.push_str("</ol><h2>办理流程</h2><ol>");
    for s in &g.steps {
        let when = match (s.on_the_spot, s.limit) {
            (true, _) => "当场".to_owned(),
            (false, Some(l)) => limit(l),
            (false, None) => String::new(),
        };
        h.push_str(&format!(
            "<li>{} — {} {}</li>",
            both(&s.title),
            escape(&s.actor.zh),
            when
        ));
    }
    h.push_str("</ol>");
    if let Some(l) = g.statutory_limit {
        h.push_str(&format!("<p>法定时限：{}</p>", limit(l)));
    }
    h.push_str("<h2>法律依据</h2><ul>");
    for b in &g.legal_basis {
        h.push_str(&format!(
            "<li>{} {}</li>",
            escape(&b.title.zh),
            escape(&b.articles.zh)
        ));
    }
    h.push_str("</ul>");
    h.push_str(&format!(
        "<p>咨询电话 {} · 投诉电话 {}</p>",
        escape(&g.consultation_phone),
        escape(&g.complaint_phone)
    ));
    h.push_str("<p><small>本页内容尚待法律审核；蒙古文尚待母语审校。</small></p>");
    h.push_str("</body></html>");
    h
}

/// What a page says, in both languages.
pub(super) struct Words {
    pub(super) zh: &'static str,
    pub(super) mn: &'static str,
}

const TITLE: Words = Words {
    zh: "12348 预约回电",
    mn: "12348 ᠤᠲᠠᠰᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ",
};
const DEMO: Words = Words {
    zh: "演示：这个页面只在运行演示的这台机器上有效，不是真实的预约，不会有人回电。",
    mn: "ᠵᠢᠱᠢᠶ᠎ᠡ᠄ ᠡᠨᠡ ᠨᠢᠭᠤᠷ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠦᠴᠦᠨ ᠲᠡᠢ᠂ ᠦᠨᠡᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠢᠰᠢ᠃",
};
const REFERENCE: Words = Words {
    zh: "预约编号",
    mn: "ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠨᠣᠮᠧᠷ",
};
const ASK: Words = Words {
    zh: "请输入预约时填写的手机号码，查看这次预约。",
    mn: "ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠳᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠣᠷᠣᠭᠤᠯᠵᠤ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠦᠵᠡᠨ᠎ᠡ ᠦᠦ᠃",
};
const SHOW: Words = Words {
    zh: "查看",
    mn: "ᠦᠵᠡᠬᠦ",
};
const NEXT: Words = Words {
    zh: "12348 公共法律服务热线的律师会在您预约的时段给您打电话，最多打 3 次。您不需要重新预约。",
    mn: "12348 ᠤᠲᠠᠰᠤᠨ ᠤ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠲᠠᠨ ᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ ᠴᠠᠭ ᠲᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ 3 ᠤᠳᠠᠭ᠎ᠠ᠃ ᠳᠠᠬᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃ ᠬᠠᠰᠤᠬᠤ ᠪᠤᠶᠤ ᠰᠣᠯᠢᠬᠤ ᠪᠣᠯ ᠮᠠᠰᠢᠨ ᠳᠡᠭᠡᠷᠡ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
};
const WRONG: Words = Words {
    zh: "编号与手机号码不一致，请核对后重新输入。",
    mn: "ᠨᠣᠮᠧᠷ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠲᠠᠭᠠᠷᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠨᠢᠭᠲᠠᠯᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃",
};
const TOO_MANY: Words = Words {
    zh: "尝试次数过多，请稍后再试，或拨打 12348。",
    mn: "ᠣᠷᠣᠯᠳᠤᠭ᠎ᠠ ᠬᠡᠲᠦ ᠣᠯᠠᠨ ᠪᠣᠯᠪᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
};
const WHEN: Words = Words {
    zh: "回电时间（北京时间）",
    mn: "ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠴᠠᠭ",
};
const STATE_BOOKED: Words = Words {
    zh: "已预约，等待回电",
    mn: "ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠳᠠᠪᠠ᠂ ᠤᠲᠠᠰᠤ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ",
};
const STATE_CALLED: Words = Words {
    zh: "已回电",
    mn: "ᠤᠲᠠᠰᠤᠳᠠᠭᠰᠠᠨ",
};
const STATE_MISSED: Words = Words {
    zh: "回电未接通",
    mn: "ᠤᠲᠠᠰᠤ ᠬᠣᠯᠪᠣᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ",
};
const STATE_CANCELLED: Words = Words {
    zh: "已取消",
    mn: "ᠦᠭᠡᠶᠢᠰᠬᠡᠭᠳᠡᠭᠰᠡᠨ",
};

pub(super) fn words(w: &Words) -> String {
    format!(
        "<span lang=\"zh-Hans-CN\">{}</span><br><span lang=\"mn-Mong-CN\" class=\"mn\">{}</span>",
        escape(w.zh),
        escape(w.mn)
    )
}

/// A reference as it is read out: groups of three, the last of four.
pub(super) fn grouped(reference: &str) -> String {
    let (head, tail) = reference.split_at(reference.len().saturating_sub(4));
    let mut out = String::new();
    for (i, c) in head.chars().enumerate() {
        if i > 0 && (head.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if !head.is_empty() {
        out.push(' ');
    }
    out.push_str(tail);
    out
}

/// The booking page: the reference and the form asking for the mobile number, then what the
/// lookup found (`status`) or why it found nothing (`error`).
fn render_booking(
    reference: &str,
    demo: bool,
    status: Option<&CallbackStatus>,
    error: Option<&Words>,
) -> String {
    let mut h = head(TITLE.zh);
    h.push_str(&format!("<header><h1>{}</h1></header>", words(&TITLE)));
    if demo {
        h.push_str(&format!("<p class=\"demo\">{}</p>", words(&DEMO)));
    }
    h.push_str(&format!(
        "<p>{}<br><span class=\"ref\">{}</span></p>",
        words(&REFERENCE),
        escape(&grouped(reference))
    ));
    match status {
        Some(st) => {
            let state = match st.state {
                CallbackState::Booked => &STATE_BOOKED,
                CallbackState::Called => &STATE_CALLED,
                CallbackState::Missed => &STATE_MISSED,
                CallbackState::Cancelled => &STATE_CANCELLED,
            };
            let beijing = |t: &chrono::DateTime<chrono::FixedOffset>| {
                t.with_timezone(&crate::seed::beijing())
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            };
            h.push_str(&format!(
                "<p>{}<br><strong>{} – {}</strong></p><p><strong>{}</strong></p>",
                words(&WHEN),
                beijing(&st.slot.starts_at),
                st.slot
                    .ends_at
                    .with_timezone(&crate::seed::beijing())
                    .format("%H:%M"),
                words(state)
            ));
        }
        None => {
            if let Some(e) = error {
                h.push_str(&format!("<p class=\"error\">{}</p>", words(e)));
            }
            h.push_str(&format!(
                "<form method=\"post\"><p>{}</p><p><input name=\"mobile\" inputmode=\"numeric\" \
                 autocomplete=\"tel\" pattern=\"[0-9]{{11}}\" maxlength=\"11\" required>\
                 <button type=\"submit\">{} {}</button></p></form>",
                words(&ASK),
                escape(SHOW.zh),
                escape(SHOW.mn)
            ));
        }
    }
    // What happens next, while a call is still to come (not for a cancelled or past one).
    if status.is_none_or(|st| st.state == CallbackState::Booked) {
        h.push_str(&format!("<p>{}</p>", escape(NEXT.zh)));
        h.push_str(&vertical(NEXT.mn));
    }
    h.push_str("<p><small>蒙古文尚待母语审校。</small></p></body></html>");
    h
}

/// A page as an answer, with the headers every phone page has.
pub(super) fn html(body: String) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let headers = response.headers_mut();
    // A page about a person's booking is not kept by shared caches, sniffed, framed by another
    // site, or named in the Referer of a link followed from it.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"),
    );
    response
}

const NOT_A_REFERENCE: Words = Words {
    zh: "这不是一个有效的预约编号，请核对二维码或编号。",
    mn: "ᠡᠨᠡ ᠪᠣᠯ ᠵᠥᠪ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠨᠣᠮᠧᠷ ᠪᠢᠰᠢ᠂ ᠨᠢᠭᠲᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃",
};

/// The page for an address whose reference is malformed (404).
fn not_a_reference() -> Response {
    let mut h = head(TITLE.zh);
    h.push_str(&format!("<header><h1>{}</h1></header>", words(&TITLE)));
    h.push_str(&format!(
        "<p class=\"error\">{}</p></body></html>",
        words(&NOT_A_REFERENCE)
    ));
    let mut response = html(h);
    *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
    response
}

/// `GET /c/{reference}`: the booking page, asking for the mobile number.
#[utoipa::path(get, path = "/c/{reference}", tag = "pages",
    params(("reference" = String, Path, description = "Booking reference (10 digits), as in the QR code of a booking's confirmation")),
    responses(
        (status = 200, description = "The booking page, asking for the mobile number it was booked with", body = String, content_type = "text/html"),
        (status = 404, description = "Not a booking reference (also a path that is not UTF-8): a page saying so", body = String, content_type = "text/html"),
    ))]
pub async fn booking_page(
    State(state): State<AppState>,
    reference: Result<PathText, ApiError>,
) -> ApiResult<Response> {
    // A mistyped address gets a page a phone can show, not a problem document.
    let Some(reference) = reference
        .ok()
        .and_then(|PathText(r)| Reference::parse(&r).ok())
    else {
        return Ok(not_a_reference());
    };
    Ok(html(render_booking(
        reference.as_str(),
        state.demo,
        None,
        None,
    )))
}

/// The form a phone posts.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct MobileForm {
    mobile: String,
}

/// The pseudo-device a phone's wrong guesses count under (phones have no device token): one
/// per address (an IPv6 /64, as a household gets one), so one guesser does not lock everyone
/// else out. Negative, so it never meets a real device's id. Behind a reverse proxy every phone
/// has the proxy's address: deployments put the limit at the proxy.
pub(super) fn phone(peer: Option<std::net::IpAddr>) -> Device {
    use std::net::IpAddr;
    let n: i64 = match peer {
        Some(IpAddr::V4(v4)) => i64::from(u32::from(v4)),
        Some(IpAddr::V6(v6)) => {
            let prefix = (u128::from(v6) >> 64) as u64;
            // 2^32 and up: never one of the IPv4 numbers.
            i64::try_from(prefix >> 2).unwrap_or(i64::MAX) | (1 << 32)
        }
        None => 0,
    };
    Device(-1 - n)
}

/// `POST /c/{reference}`: the booking, for the mobile number it was booked with. A wrong number
/// and an unknown reference read alike; too many wrong guesses lock the reference a while.
#[utoipa::path(post, path = "/c/{reference}", tag = "pages",
    params(("reference" = String, Path, description = "Booking reference (10 digits)")),
    request_body(content = MobileForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "The booking page with the booking's time and state", body = String, content_type = "text/html"),
        (status = 403, description = "The page again, saying the number and mobile do not match (unknown references read the same)", body = String, content_type = "text/html"),
        (status = 404, description = "Not a booking reference: a page saying so", body = String, content_type = "text/html"),
        (status = 422, description = "The form is not one this page sends, e.g. without `mobile` (invalid-input)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The page again, saying there were too many wrong attempts", body = String, content_type = "text/html"),
    ))]
pub async fn booking_lookup(
    State(state): State<AppState>,
    reference: Result<PathText, ApiError>,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    Form(form): Form<MobileForm>,
) -> ApiResult<Response> {
    let device = phone(peer.map(|p| p.0.0.ip()));
    let Some(reference) = reference
        .ok()
        .and_then(|PathText(r)| Reference::parse(&r).ok())
    else {
        return Ok(not_a_reference());
    };
    let page = |status: Option<&CallbackStatus>, error: Option<&Words>| {
        html(render_booking(
            reference.as_str(),
            state.demo,
            status,
            error,
        ))
    };
    let Ok(mobile) = MobileNumber::parse(form.mobile.trim()) else {
        return Ok(page(None, Some(&WRONG)));
    };
    let looked_up = reference.clone();
    let found = state
        .db
        .run(move |conn| {
            let reference = &looked_up;
            // Counted apart from the devices' lookups of the same reference: guessing on the open
            // web must not lock the rightful person out of the kiosk or TV.
            let target = Target {
                kind: "callback-page",
                id: reference.as_str(),
            };
            verified(conn, &target, device, &mobile, |c| {
                super::callbacks::load_status(c, reference)
            })
        })
        .await;
    match found {
        Ok(status) => Ok(page(Some(&status), None)),
        Err(e) if e.problem.code == ProblemCode::TooManyAttempts => {
            let mut response = page(None, Some(&TOO_MANY));
            *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
            Ok(response)
        }
        Err(e) if e.problem.code == ProblemCode::WrongVerification => {
            let mut response = page(None, Some(&WRONG));
            *response.status_mut() = axum::http::StatusCode::FORBIDDEN;
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// `GET /g/{id}`: a guide as a web page for a phone (what a printed leaflet would say).
#[utoipa::path(get, path = "/g/{id}", tag = "pages",
    params(("id" = String, Path, description = "Guide id, as in the QR code a TV or kiosk shows")),
    responses(
        (status = 200, description = "The guide as a page, Chinese first and Mongolian in its own script", body = String, content_type = "text/html"),
        (status = 404, description = "No such guide (not-found)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn guide_page(
    State(state): State<AppState>,
    PathText(id): PathText,
) -> ApiResult<Response> {
    let guide: Guide = serde_json::from_str(&guide_body(&state, id).await?)?;
    Ok(html(render(&guide)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_grouped_as_it_is_read_out() {
        assert_eq!(grouped("2309084297"), "230 908 4297");
        assert_eq!(grouped("1234"), "1234");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
