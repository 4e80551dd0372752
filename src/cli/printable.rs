use std::borrow::Cow;

/// User text made safe for a terminal: control characters and bidi overrides are shown escaped.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line: whitespace runs become single spaces, then cleaned.
pub fn line(text: &str) -> String {
    clean(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// Pretty JSON whose strings carry control and bidi characters as `\uXXXX` escapes, so it stays valid and inert.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(is_unsafe) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_the_terminal_would_act_on_and_stays_equal() {
        let value = serde_json::json!({ "t": "a\u{1b}]0;x\u{7}\u{202e}b\u{9b}c\n" });
        let text = json(&value).unwrap();
        assert!(!text.chars().any(is_unsafe), "{text}");
        assert!(
            text.contains("\\u202e") && text.contains("\\u009b"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn escapes_reach_the_terminal_only_escaped() {
        assert_eq!(clean("plain « texte »\n"), "plain « texte »\n");
        let hostile = "a\u{1b}]52;c;evil\u{7}b\u{202E}c\u{9b}";
        let shown = clean(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
        assert!(shown.contains("\\u{1b}") && shown.contains("\\u{202e}"));
    }
}
