//! `GET /g/{id}`: a guide as a plain web page, for the phone that scanned the QR code on a TV or
//! kiosk. Both languages, no script, no token: it is what a printed leaflet would say.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{Bilingual, DayCount, Guide, TimeLimit};

use crate::AppState;
use crate::error::ApiResult;
use crate::routes::content::guide_body;

fn escape(s: &str) -> String {
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

fn render(g: &Guide) -> String {
    let mut h = String::new();
    h.push_str("<!doctype html><html><head><meta charset=\"utf-8\">");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.push_str(&format!("<title>{}</title>", escape(&g.title.zh)));
    h.push_str("<style>body{font-family:sans-serif;max-width:40em;margin:auto;padding:1em;line-height:1.5}.mn{font-family:'Noto Sans Mongolian',sans-serif}li{margin:.4em 0}</style>");
    h.push_str("</head><body>");
    h.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        both(&g.title),
        both(&g.summary)
    ));
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

pub async fn guide_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let guide: Guide = serde_json::from_str(&guide_body(&state, &id)?)?;
    let mut response = render(&guide).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
