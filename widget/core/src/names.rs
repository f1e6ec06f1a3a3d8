//! Constituency names compared as a person reads them. postcodes.io (ONS spelling) and the
//! Members API (Parliament's spelling) disagree on details such as "Glyndwr" and "Glyndŵr",
//! so names are folded before they are compared: case, diacritics, "&" for "and",
//! punctuation and repeated spaces do not count.

/// The folded form of a name: lower-case ASCII letters and digits where the name is in the
/// Latin alphabet, words separated by one space. Other scripts are kept as they are.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => out.push(c),
            '&' => out.push_str(" and "),
            // "King's Lynn" and "Kings Lynn" are the same place.
            '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' => {}
            // Combining diacritics, as in a decomposed "w\u{0302}".
            '\u{0300}'..='\u{036F}' => {}
            c if c.is_ascii() || c.is_whitespace() || ('\u{2010}'..='\u{2015}').contains(&c) => {
                out.push(' ')
            }
            c => match latin_base(c) {
                Some(base) => out.push_str(base),
                None => out.push(c),
            },
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two spellings name the same constituency.
pub fn same(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// A shorter search text for the Members API, whose search matches substrings and may not
/// fold accents: the longest word of four or more plain ASCII letters (the longest is the
/// most selective, so the real seat stays within the first page of results). `None` when
/// there is no such word, or it would be the same search again.
pub fn shorter_search(name: &str) -> Option<&str> {
    let word = name
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .fold(None::<&str>, |longest, w| match longest {
            Some(l) if l.len() >= w.len() => Some(l),
            _ => Some(w),
        })?;
    (word != name.trim()).then_some(word)
}

/// The plain letter(s) of a Latin letter with a diacritic (Latin-1 Supplement, Latin
/// Extended-A, and the Welsh ẁ ẃ ẅ ỳ), in lower case.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' | 'Ẁ'..='ẅ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' | 'Ỳ' | 'ỳ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    })
}
