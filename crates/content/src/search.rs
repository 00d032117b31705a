//! Finding a guide from a TV remote: the digit keys spell the pinyin initials of its Chinese
//! title as on a phone keypad (法律援助 → FLYZ → 3599); a keyboard can type Chinese characters or
//! pinyin. Mongolian readers browse by category instead (there is no Mongolian T9 convention).

use legal_kiosk_api::GuideId;
use pinyin::ToPinyinMulti;

use crate::bundle::SearchKeys;

/// At most this many initials strings per title when heteronyms multiply.
const MAX_READINGS: usize = 16;

/// The phone keypad digit of a Latin letter.
pub fn t9_digit(letter: char) -> Option<char> {
    Some(match letter.to_ascii_lowercase() {
        'a'..='c' => '2',
        'd'..='f' => '3',
        'g'..='i' => '4',
        'j'..='l' => '5',
        'm'..='o' => '6',
        'p'..='s' => '7',
        't'..='v' => '8',
        'w'..='z' => '9',
        _ => return None,
    })
}

pub fn t9(letters: &str) -> String {
    letters
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                Some(c)
            } else {
                t9_digit(c)
            }
        })
        .collect::<Option<String>>()
        .unwrap_or_default()
}

/// Search keys of a Chinese title: the initials and the full pinyin of every reading of its
/// heteronyms (调解 is typed tiaojie, not diaojie), up to `MAX_READINGS`.
pub fn keys_for(guide: &GuideId, title_zh: &str) -> SearchKeys {
    // (initials, full pinyin) of each reading so far.
    let mut readings = vec![(String::new(), String::new())];
    for (c, multi) in title_zh.chars().zip(title_zh.to_pinyin_multi()) {
        if let Some(multi) = multi {
            let mut syllables: Vec<String> = Vec::new();
            for p in multi {
                // Keyboards type ü as v (lü → lv).
                let s = p.plain().replace('ü', "v");
                if !syllables.contains(&s) {
                    syllables.push(s);
                }
            }
            let mut next = Vec::new();
            for (initials, full) in &readings {
                for s in &syllables {
                    if next.len() < MAX_READINGS
                        && let Some(first) = s.chars().next()
                    {
                        next.push((format!("{initials}{first}"), format!("{full}{s}")));
                    }
                }
            }
            readings = next;
        } else if c.is_ascii_alphanumeric() {
            let l = c.to_ascii_lowercase();
            for (initials, full) in &mut readings {
                initials.push(l);
                full.push(l);
            }
        }
        // Punctuation and brackets are not typed.
    }
    let mut initials: Vec<String> = readings.iter().map(|(i, _)| i.clone()).collect();
    let mut pinyin: Vec<String> = readings.into_iter().map(|(_, f)| f).collect();
    initials.sort();
    initials.dedup();
    pinyin.sort();
    pinyin.dedup();
    SearchKeys {
        guide: guide.clone(),
        initials,
        pinyin,
    }
}

/// What was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Remote digits, read as T9 over pinyin initials.
    Digits(String),
    /// Keyboard text: Chinese characters or pinyin letters.
    Text(String),
}

impl Query {
    pub fn parse(typed: &str) -> Query {
        let typed = typed.trim();
        if !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit()) {
            Query::Digits(typed.to_owned())
        } else {
            Query::Text(typed.to_lowercase().replace(' ', ""))
        }
    }
}

struct Entry {
    t9: Vec<String>,
    initials: Vec<String>,
    pinyin: Vec<String>,
    title: String,
}

/// Search over a bundle's guides; positions refer to the order the index was built in.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// `guides` are (Chinese title, keys) in display order.
    pub fn new(guides: impl IntoIterator<Item = (String, SearchKeys)>) -> SearchIndex {
        let entries = guides
            .into_iter()
            .map(|(title, keys)| Entry {
                t9: keys.initials.iter().map(|i| t9(i)).collect(),
                initials: keys.initials,
                pinyin: keys.pinyin,
                title,
            })
            .collect();
        SearchIndex { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Matching positions, best first: a match at the start of the title before one inside it,
    /// then in index order. An empty query matches everything.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let rank = match query {
                Query::Digits(d) => best(e.t9.iter().map(|k| rank_in(k, d))),
                Query::Text(t) if t.is_empty() => Some(0),
                Query::Text(t) => best(
                    std::iter::once(rank_in(&e.title, t))
                        .chain(e.pinyin.iter().map(|k| rank_in(k, t)))
                        .chain(e.initials.iter().map(|k| rank_in(k, t))),
                ),
            };
            if let Some(rank) = rank {
                hits.push((rank, i));
            }
        }
        hits.sort();
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

fn rank_in(haystack: &str, needle: &str) -> Option<u8> {
    if haystack.starts_with(needle) {
        Some(0)
    } else if haystack.contains(needle) {
        Some(1)
    } else {
        None
    }
}

fn best(ranks: impl Iterator<Item = Option<u8>>) -> Option<u8> {
    ranks.flatten().min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(title: &str) -> SearchKeys {
        keys_for(&GuideId::parse("g").unwrap(), title)
    }

    #[test]
    fn the_keypad_table_is_the_phone_one() {
        let table = [
            ('2', "abc"),
            ('3', "def"),
            ('4', "ghi"),
            ('5', "jkl"),
            ('6', "mno"),
            ('7', "pqrs"),
            ('8', "tuv"),
            ('9', "wxyz"),
        ];
        for (digit, letters) in table {
            for l in letters.chars() {
                assert_eq!(t9_digit(l), Some(digit), "{l}");
                assert_eq!(t9_digit(l.to_ascii_uppercase()), Some(digit), "{l}");
            }
        }
        assert_eq!(t9_digit('1'), None);
        assert_eq!(t9("flyz"), "3599");
    }

    #[test]
    fn legal_aid_is_flyz() {
        let k = keys("法律援助");
        // 援 and 助 have rare second readings, which are kept.
        assert!(k.initials.contains(&"flyz".to_owned()), "{:?}", k.initials);
        assert!(
            k.pinyin.contains(&"falvyuanzhu".to_owned()),
            "{:?}",
            k.pinyin
        );
    }

    #[test]
    fn heteronyms_give_every_reading() {
        // 调 is tiao in 调解 and diao in 调查: both are typed.
        let k = keys("人民调解");
        assert!(k.initials.contains(&"rmtj".to_owned()), "{:?}", k.initials);
        assert!(k.initials.contains(&"rmdj".to_owned()), "{:?}", k.initials);
    }

    #[test]
    fn punctuation_is_skipped_and_digits_kept() {
        let k = keys("12348（热线）");
        assert!(
            k.initials.iter().all(|i| i.starts_with("12348r")),
            "{:?}",
            k.initials
        );
    }

    #[test]
    fn results_narrow_with_each_digit() {
        let titles = ["法律援助申请", "公证（一般程序）", "人民调解", "法律咨询"];
        let index = SearchIndex::new(titles.iter().map(|t| (t.to_string(), keys(t))));
        // 调 (diao) inside 人民调解 ranks after titles starting with 3.
        assert_eq!(index.search(&Query::parse("3")), vec![0, 3, 2]);
        assert_eq!(index.search(&Query::parse("35")), vec![0, 3, 2]);
        // 法律咨询 is FLZX: 3599 too, as on any phone keypad.
        assert_eq!(index.search(&Query::parse("359")), vec![0, 3]);
        assert_eq!(index.search(&Query::parse("3599")), vec![0, 3]);
        assert_eq!(index.search(&Query::parse("35997")), vec![0]);
        assert_eq!(index.search(&Query::parse("35999")), Vec::<usize>::new());
        // Inside a title ranks after the start of one.
        assert_eq!(index.search(&Query::parse("85")), vec![2]);
    }

    #[test]
    fn a_keyboard_finds_by_characters_or_pinyin() {
        let titles = ["法律援助申请", "人民调解"];
        let index = SearchIndex::new(titles.iter().map(|t| (t.to_string(), keys(t))));
        assert_eq!(index.search(&Query::parse("援助")), vec![0]);
        assert_eq!(index.search(&Query::parse("FaLv")), vec![0]);
        assert_eq!(index.search(&Query::parse("tiaojie")), vec![1]);
        assert_eq!(index.search(&Query::parse("rmtj")), vec![1]);
        assert_eq!(index.search(&Query::parse("")), vec![0, 1]);
    }
}
