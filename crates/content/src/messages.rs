//! The UI's Fluent messages, read only so far as the glossary needs: each Mongolian message (and
//! attribute) with the Chinese one of the same id.

use std::path::Path;

use crate::source::ContentError;

/// One message or attribute in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// `i18n/mn-Mong/shell.ftl`.
    pub file: String,
    /// `home-status`, or `home-status.hint` for an attribute.
    pub id: String,
    pub mn: String,
    /// Empty when the Chinese file lacks the id.
    pub zh: String,
}

/// `(id, text)` of every message and attribute, multiline values joined by spaces.
pub fn entries(src: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut message: Option<String> = None;
    for line in src.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(char::is_whitespace);
        if !indented && let Some((id, value)) = line.split_once('=') {
            let id = id.trim().to_owned();
            message = Some(id.clone());
            out.push((id, value.trim().to_owned()));
        } else if let Some(attr) = line.trim().strip_prefix('.')
            && let (Some(id), Some((name, value))) = (&message, attr.split_once('='))
        {
            out.push((format!("{id}.{}", name.trim()), value.trim().to_owned()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push(' ');
            text.push_str(line.trim());
        }
    }
    out
}

fn read(path: &Path) -> Result<String, ContentError> {
    std::fs::read_to_string(path).map_err(|source| ContentError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Every message of `i18n/mn-Mong/*.ftl`, paired with `i18n/zh-Hans/` by file and id.
pub fn load(i18n: &Path) -> Result<Vec<Message>, ContentError> {
    let mn_dir = i18n.join("mn-Mong");
    let dir = std::fs::read_dir(&mn_dir).map_err(|source| ContentError::Read {
        path: mn_dir.clone(),
        source,
    })?;
    let mut files = Vec::new();
    for entry in dir {
        let path = entry
            .map_err(|source| ContentError::Read {
                path: mn_dir.clone(),
                source,
            })?
            .path();
        if path.extension().is_some_and(|e| e == "ftl") {
            files.push(path);
        }
    }
    files.sort();
    let mut out = Vec::new();
    for mn_path in files {
        let name = mn_path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let zh_path = i18n.join("zh-Hans").join(&name);
        let zh = if zh_path.exists() {
            entries(&read(&zh_path)?)
        } else {
            Vec::new()
        };
        for (id, mn) in entries(&read(&mn_path)?) {
            let zh = zh
                .iter()
                .find(|(z, _)| *z == id)
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            out.push(Message {
                file: format!("i18n/mn-Mong/{name}"),
                id,
                mn,
                zh,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_attributes_and_continuations_are_read() {
        let src = "# c\na = x { $n }\n    .hint = y\n\nb = one\n    two\n";
        assert_eq!(
            entries(src),
            vec![
                ("a".to_owned(), "x { $n }".to_owned()),
                ("a.hint".to_owned(), "y".to_owned()),
                ("b".to_owned(), "one two".to_owned()),
            ]
        );
    }

    #[test]
    fn the_real_messages_pair_up_by_id() {
        let messages = load(&crate::i18n_dir()).unwrap();
        let hint = messages
            .iter()
            .find(|m| m.id == "home-status.hint")
            .unwrap();
        assert_eq!(hint.file, "i18n/mn-Mong/shell.ftl");
        assert_eq!(hint.zh, "用申请编号查询");
        assert!(messages.iter().all(|m| !m.zh.is_empty()), "{messages:?}");
    }
}
