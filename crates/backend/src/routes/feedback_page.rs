//! The phone page for the words of a complaint or suggestion (`/f/{id}`): a TV has no
//! keyboard, so it shows this page as a QR code and the person types on the phone. The first
//! text posted for a page is kept; it joins the feedback that names the page whichever
//! arrives first (see `feedback.rs`). Same look and headers as the booking page, no script.
//!
//! The Mongolian text here was written by the developers and needs review by a native
//! speaker.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use legal_kiosk_api::free_text::{self, Lines};
use legal_kiosk_api::{FeedbackRequest, InputError, ProblemCode, Reference, TextPageId};

use super::callbacks::{beijing_now, hourly_quota};
use super::feedback::{reference_of_page, text_of_page};
use super::page::{Words, escape, grouped, head, html, phone, vertical, words};
use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::PathText;
use crate::sql::args;
use crate::store::SqliteBegin;

/// Most texts one phone (one network address, see the booking page's pseudo-device) may post
/// in any 60 minutes: a person writes one or two; a script filling the table writes far more.
pub const TEXTS_PER_PHONE_HOUR: u32 = 10;

const TITLE: Words = Words {
    zh: "投诉建议",
    mn: "ᠭᠣᠮᠳᠠᠯ ᠰᠠᠨᠠᠯ",
};
const DEMO: Words = Words {
    zh: "演示：这是演示系统，您写的内容只保存在运行演示的这台机器上，不会有人阅读或答复。",
    mn: "ᠵᠢᠱᠢᠶ᠎ᠡ᠄ ᠡᠨᠡ ᠪᠣᠯ ᠵᠢᠱᠢᠶ᠎ᠡ ᠰᠢᠰᠲ᠋ᠧᠮ᠂ ᠲᠠᠨ ᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠢ ᠬᠡᠨ ᠴᠤ ᠤᠩᠰᠢᠬᠤ ᠦᠭᠡᠢ᠃",
};
const ASK: Words = Words {
    zh: "请在这里写下您的投诉或建议（最多 500 字），然后按“提交”，再回到电视或自助机上完成发送。",
    mn: "ᠲᠠ ᠰᠠᠨᠠᠯ ᠢᠶᠠᠨ ᠡᠨᠳᠡ ᠪᠢᠴᠢᠭᠡᠳ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠳ᠂ ᠮᠠᠰᠢᠨ ᠳᠡᠭᠡᠷᠡ ᠪᠠᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃ ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ 500 ᠦᠰᠦᠭ᠃",
};
const PRIVATE: Words = Words {
    zh: "请不要写身份证号等不需要的个人信息。",
    mn: "ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠮᠡᠲᠦ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ ᠮᠡᠳᠡᠭᠡ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ ᠪᠠᠢᠬᠤ ᠶᠢ ᠭᠤᠶᠤᠴᠢᠯᠠᠶ᠎ᠠ᠃",
};
const SEND: Words = Words {
    zh: "提交",
    mn: "ᠢᠯᠡᠭᠡᠬᠦ",
};
const RECEIVED: Words = Words {
    zh: "已收到您写的内容。",
    mn: "ᠲᠠᠨ ᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠃",
};
const ALREADY: Words = Words {
    zh: "这条意见的内容已经收到，不能再修改。",
    mn: "ᠡᠨᠡ ᠰᠠᠨᠠᠯ ᠤᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠨᠢᠭᠡᠨᠲᠡ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ᠂ ᠳᠠᠬᠢᠨ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃",
};
const REFERENCE: Words = Words {
    zh: "受理编号",
    mn: "ᠳᠠᠩᠰᠠᠨ ᠤ ᠨᠣᠮᠧᠷ",
};
const ON_THE_DEVICE: Words = Words {
    zh: "请回到电视或自助机上完成发送，受理编号会显示在那里。",
    mn: "ᠮᠠᠰᠢᠨ ᠳᠡᠭᠡᠷᠡ ᠪᠠᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠂ ᠳᠠᠩᠰᠠᠨ ᠤ ᠨᠣᠮᠧᠷ ᠲᠡᠨᠳᠡ ᠬᠠᠷᠠᠭᠳᠠᠨ᠎ᠠ᠃",
};
const EMPTY: Words = Words {
    zh: "请先写下内容再提交。",
    mn: "ᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠢᠴᠢᠭᠡᠳ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃",
};
const TOO_LONG: Words = Words {
    zh: "内容太长：最多 500 字，请删减后重新提交。",
    mn: "ᠬᠡᠲᠦ ᠤᠷᠲᠤ ᠪᠠᠢᠨ᠎ᠠ᠄ ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ 500 ᠦᠰᠦᠭ᠃ ᠬᠠᠰᠤᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃",
};
const UNUSABLE: Words = Words {
    zh: "内容里有不能使用的字符（控制字符或文字方向控制符），已经删去，请检查后重新提交。",
    mn: "ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ ᠲᠡᠮᠳᠡᠭ ᠢ ᠬᠠᠰᠤᠪᠠ᠂ ᠨᠢᠭᠲᠠᠯᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃",
};
const TOO_MANY: Words = Words {
    zh: "提交次数过多，请一小时后再试，或拨打 12348。",
    mn: "ᠬᠡᠲᠦ ᠤᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠪᠡ᠂ ᠨᠢᠭᠡ ᠴᠠᠭ ᠤᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
};
const NOT_A_PAGE: Words = Words {
    zh: "这不是一个有效的投诉建议页面地址，请重新扫描电视或自助机上的二维码。",
    mn: "ᠡᠨᠡ ᠪᠣᠯ ᠵᠥᠪ ᠬᠠᠶᠢᠭ ᠪᠢᠰᠢ᠂ ᠮᠠᠰᠢᠨ ᠳᠡᠭᠡᠷᠡᠬᠢ QR ᠺᠣᠳ ᠢ ᠳᠠᠬᠢᠨ ᠰᠺᠠᠨᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
};

/// What the page shows below its title.
enum Shown<'a> {
    /// The form, with why the last text was refused and what to put back in the box.
    Form {
        error: Option<&'a Words>,
        text: &'a str,
    },
    /// The words are on the backend: just now, or `already` before; with the reference of
    /// the feedback that names the page once the device has sent it.
    Received {
        already: bool,
        reference: Option<&'a Reference>,
    },
    /// Too many texts from this phone.
    TooMany,
}

fn render(demo: bool, shown: &Shown<'_>) -> String {
    let mut h = head(TITLE.zh);
    h.push_str(&format!("<header><h1>{}</h1></header>", words(&TITLE)));
    if demo {
        h.push_str(&format!("<p class=\"demo\">{}</p>", words(&DEMO)));
    }
    match shown {
        Shown::Form { error, text } => {
            if let Some(e) = error {
                h.push_str(&format!("<p class=\"error\">{}</p>", words(e)));
            }
            h.push_str(&format!(
                "<form method=\"post\"><p><label for=\"text\">{}</label></p>\
                 <textarea id=\"text\" name=\"text\" maxlength=\"{}\" required>{}</textarea>\
                 <p><small>{}</small></p><p><button type=\"submit\">{} {}</button></p></form>",
                words(&ASK),
                FeedbackRequest::TEXT_MAX_CHARS,
                escape(text),
                words(&PRIVATE),
                escape(SEND.zh),
                escape(SEND.mn)
            ));
        }
        Shown::Received { already, reference } => {
            let said = if *already { &ALREADY } else { &RECEIVED };
            h.push_str(&format!("<p><strong>{}</strong></p>", words(said)));
            match reference {
                Some(r) => h.push_str(&format!(
                    "<p>{}<br><span class=\"ref\">{}</span></p>",
                    words(&REFERENCE),
                    escape(&grouped(r.as_str()))
                )),
                None => {
                    h.push_str(&format!("<p>{}</p>", escape(ON_THE_DEVICE.zh)));
                    h.push_str(&vertical(ON_THE_DEVICE.mn));
                }
            }
        }
        Shown::TooMany => h.push_str(&format!("<p class=\"error\">{}</p>", words(&TOO_MANY))),
    }
    h.push_str("<p><small>蒙古文尚待母语审校。</small></p></body></html>");
    h
}

fn page(demo: bool, shown: &Shown<'_>, status: StatusCode) -> Response {
    let mut response = html(render(demo, shown));
    *response.status_mut() = status;
    response
}

/// The page for an address whose id is malformed (404).
fn not_a_page() -> Response {
    let mut h = head(TITLE.zh);
    h.push_str(&format!("<header><h1>{}</h1></header>", words(&TITLE)));
    h.push_str(&format!(
        "<p class=\"error\">{}</p></body></html>",
        words(&NOT_A_PAGE)
    ));
    let mut response = html(h);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

fn page_id(id: Result<PathText, ApiError>) -> Option<TextPageId> {
    id.ok().and_then(|PathText(id)| TextPageId::parse(&id).ok())
}

/// `text` as a browser posts it, checked as [`FeedbackRequest`]'s `text` is: CRLF line breaks
/// (HTML's form encoding) read as LF, then trimmed. Errors: `Empty`; `TooLong` past
/// [`FeedbackRequest::TEXT_MAX_CHARS`] characters; `InvalidFormat` for what
/// [`free_text::check`] refuses in multi-line text.
fn checked_text(posted: &str) -> Result<String, InputError> {
    let text = posted.replace("\r\n", "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    if text.chars().count() > FeedbackRequest::TEXT_MAX_CHARS {
        return Err(InputError::TooLong);
    }
    free_text::check(text, Lines::Multi)?;
    Ok(text.to_owned())
}

/// What goes back into the box after a refusal: the text less the characters
/// [`free_text::check`] refuses, so that sending it again is enough.
fn refill(posted: &str) -> String {
    posted
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || !(c.is_control() || free_text::is_bidi_control(c)))
        .collect()
}

/// `GET /f/{id}`: the form for the words, or, once they were posted, that they arrived.
#[utoipa::path(get, path = "/f/{id}", tag = "pages",
    params(("id" = String, Path, description = "The phone page's id (32–64 of a–z 0–9), as in the QR code the device shows and in the feedback's `text_page`")),
    responses(
        (status = 200, description = "The page: a form with a text box (at most 500 characters), or, once words were posted, that they arrived, with the feedback's reference once the device has sent it", body = String, content_type = "text/html"),
        (status = 404, description = "Not a page id (also a path that is not UTF-8): a page saying so", body = String, content_type = "text/html"),
    ))]
pub async fn text_page(
    State(state): State<AppState>,
    id: Result<PathText, ApiError>,
) -> ApiResult<Response> {
    let Some(id) = page_id(id) else {
        return Ok(not_a_page());
    };
    let (text, reference) = state
        .db
        .run(move |conn| {
            Ok::<_, ApiError>((
                text_of_page(conn, id.as_str())?,
                reference_of_page(conn, id.as_str())?,
            ))
        })
        .await?;
    let shown = match text {
        Some(_) => Shown::Received {
            already: true,
            reference: reference.as_ref(),
        },
        None => Shown::Form {
            error: None,
            text: "",
        },
    };
    Ok(page(state.demo, &shown, StatusCode::OK))
}

/// The form the page posts.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct TextForm {
    /// The words, at most 500 characters once trimmed (line breaks as CRLF or LF).
    text: String,
}

/// What a post did.
enum Posted {
    Stored(Option<Reference>),
    Already(Option<Reference>),
    Refused(InputError),
    TooMany(Option<u64>),
}

/// `POST /f/{id}`: keeps the words posted for the page, unless words were posted before.
#[utoipa::path(post, path = "/f/{id}", tag = "pages",
    params(("id" = String, Path, description = "The phone page's id (32–64 of a–z 0–9)")),
    request_body(content = TextForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "The page saying the words arrived (with the feedback's reference once the device has sent it); or, when words were posted for this page before, saying so (the first words are kept, nothing changes)", body = String, content_type = "text/html"),
        (status = 404, description = "Not a page id: a page saying so", body = String, content_type = "text/html"),
        (status = 422, description = "The page again with the words refused and why: empty, over 500 characters once trimmed, or holding a control character or a bidirectional control (these are taken out of the box's text). A form this page does not send, e.g. without `text`, is a problem document (invalid-input)", body = String, content_type = "text/html"),
        (status = 429, description = "The page saying this phone (network address) posted as many texts as allowed in an hour (10), with Retry-After", body = String, content_type = "text/html", headers(("Retry-After" = u64))),
    ))]
pub async fn post_text(
    State(state): State<AppState>,
    id: Result<PathText, ApiError>,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    Form(form): Form<TextForm>,
) -> ApiResult<Response> {
    let phone = phone(peer.map(|p| p.0.0.ip()));
    let Some(id) = page_id(id) else {
        return Ok(not_a_page());
    };
    let checked = checked_text(&form.text);
    let posted = state
        .db
        .run(move |conn| {
            conn.transaction(SqliteBegin::Immediate, |tx| -> ApiResult<Posted> {
                tx.lock_key(&format!("phone:{}", phone.0))?;
                let page = id.as_str();
                if text_of_page(tx, page)?.is_some() {
                    return Ok(Posted::Already(reference_of_page(tx, page)?));
                }
                let quota = hourly_quota(
                    tx,
                    "SELECT COUNT(*), MIN(received_at) FROM feedback_texts
                     WHERE phone = ?1 AND received_at > ?2",
                    phone,
                    TEXTS_PER_PHONE_HOUR,
                    "this phone posted as many texts as allowed in an hour",
                );
                match quota {
                    Err(e) if e.problem.code == ProblemCode::QuotaExceeded => {
                        return Ok(Posted::TooMany(e.retry_after));
                    }
                    other => other?,
                }
                let text = match &checked {
                    Ok(text) => text,
                    Err(e) => return Ok(Posted::Refused(*e)),
                };
                // Another instance may have stored words for the page since the look above:
                // the first stays.
                let stored = tx.execute(
                    "INSERT INTO feedback_texts (page, text, received_at, phone)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (page) DO NOTHING",
                    args![page, text, &beijing_now().to_rfc3339(), phone.0],
                )?;
                let reference = reference_of_page(tx, page)?;
                Ok(if stored == 1 {
                    Posted::Stored(reference)
                } else {
                    Posted::Already(reference)
                })
            })
        })
        .await?;
    let demo = state.demo;
    Ok(match posted {
        Posted::Stored(reference) => {
            let shown = Shown::Received {
                already: false,
                reference: reference.as_ref(),
            };
            page(demo, &shown, StatusCode::OK)
        }
        Posted::Already(reference) => {
            let shown = Shown::Received {
                already: true,
                reference: reference.as_ref(),
            };
            page(demo, &shown, StatusCode::OK)
        }
        Posted::Refused(e) => {
            let error = match e {
                InputError::Empty => &EMPTY,
                InputError::TooLong => &TOO_LONG,
                InputError::InvalidFormat | InputError::CheckDigit => &UNUSABLE,
            };
            let text = refill(&form.text);
            let shown = Shown::Form {
                error: Some(error),
                text: &text,
            };
            page(demo, &shown, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Posted::TooMany(retry_after) => {
            let mut response = page(demo, &Shown::TooMany, StatusCode::TOO_MANY_REQUESTS);
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            }
            response
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_s_line_breaks_are_read_as_lf_and_the_text_is_trimmed() {
        assert_eq!(
            checked_text("  第一行\r\n第二行\r\n  ").as_deref(),
            Ok("第一行\n第二行")
        );
        assert_eq!(checked_text(" \r\n "), Err(InputError::Empty));
    }

    #[test]
    fn the_limit_counts_characters_after_trimming() {
        let most = "字".repeat(FeedbackRequest::TEXT_MAX_CHARS);
        assert!(checked_text(&format!("  {most}\r\n")).is_ok());
        assert_eq!(checked_text(&format!("{most}字")), Err(InputError::TooLong));
    }

    #[test]
    fn a_refused_character_is_taken_out_of_the_refill() {
        assert_eq!(checked_text("a\u{202E}b"), Err(InputError::InvalidFormat));
        assert_eq!(refill("a\u{202E}b\r\nc\u{1b}"), "ab\nc");
        assert!(checked_text(&refill("a\u{202E}b\r\nc\u{1b}")).is_ok());
    }
}
