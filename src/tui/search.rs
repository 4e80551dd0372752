//! Text search with smart case: a query in lower case matches any case, one with a capital matches exactly.

/// Byte offsets where `query` starts in `text`, in text order.
pub fn matches(text: &str, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    if query.chars().any(char::is_uppercase) {
        return text.match_indices(query).map(|(at, _)| at).collect();
    }
    text.char_indices()
        .filter(|(at, _)| starts_with_ignoring_case(&text[*at..], query))
        .map(|(at, _)| at)
        .collect()
}

/// The first match at or after `from`, wrapping around to the start.
pub fn next(text: &str, query: &str, from: usize) -> Option<usize> {
    let all = matches(text, query);
    all.iter()
        .copied()
        .find(|at| *at >= from)
        .or_else(|| all.first().copied())
}

/// The last match before `before`, wrapping around to the end.
pub fn previous(text: &str, query: &str, before: usize) -> Option<usize> {
    let all = matches(text, query);
    all.iter()
        .copied()
        .rev()
        .find(|at| *at < before)
        .or_else(|| all.last().copied())
}

fn starts_with_ignoring_case(text: &str, lower_query: &str) -> bool {
    let mut haystack = text.chars().flat_map(char::to_lowercase);
    lower_query.chars().all(|q| haystack.next() == Some(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Internet, l’Internet et INTERNET; Été comme été.";

    #[test]
    fn lower_case_queries_ignore_case_and_capitals_do_not() {
        assert_eq!(matches(TEXT, "internet").len(), 3);
        assert_eq!(matches(TEXT, "Internet").len(), 2);
        assert_eq!(matches(TEXT, "été").len(), 2);
        assert_eq!(matches(TEXT, "Été").len(), 1);
        assert!(matches(TEXT, "").is_empty());
    }

    #[test]
    fn next_and_previous_wrap_around() {
        let all = matches(TEXT, "internet");
        assert_eq!(next(TEXT, "internet", all[1] + 1), Some(all[2]));
        assert_eq!(next(TEXT, "internet", all[2] + 1), Some(all[0]));
        assert_eq!(previous(TEXT, "internet", all[0]), Some(all[2]));
        assert_eq!(previous(TEXT, "internet", all[2]), Some(all[1]));
    }
}
