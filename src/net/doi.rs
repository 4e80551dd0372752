/// The DOI in `10.1234/x`, `doi:10.1234/x` or `https://doi.org/10.1234/x`, or `None`.
pub fn doi_from_input(input: &str) -> Option<String> {
    let mut doi = input.trim();
    for prefix in [
        "https://", "http://", "dx.", "www.", "doi.org/", "doi:", "DOI:",
    ] {
        doi = doi.strip_prefix(prefix).unwrap_or(doi).trim_start();
    }
    let (prefix, suffix) = doi.split_once('/')?;
    let valid = prefix.starts_with("10.")
        && prefix.len() > 3
        && prefix[3..].chars().all(|c| c.is_ascii_digit() || c == '.')
        && !suffix.trim().is_empty();
    valid.then(|| doi.to_string())
}

/// `<base>/<doi>` with the characters a URL path cannot hold percent-encoded.
pub fn doi_url(base: &str, doi: &str) -> String {
    let mut url = format!("{}/", base.trim_end_matches('/'));
    for byte in doi.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:;()!*'+,=@$".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doi_is_found_in_its_usual_spellings() {
        for input in [
            "10.1000/xyz.5",
            " doi:10.1000/xyz.5",
            "https://doi.org/10.1000/xyz.5",
            "http://dx.doi.org/10.1000/xyz.5",
        ] {
            assert_eq!(
                doi_from_input(input).as_deref(),
                Some("10.1000/xyz.5"),
                "{input}"
            );
        }
        for bad in [
            "",
            "10.1000",
            "11.1/x",
            "10.ab/x",
            "https://example.org/x",
            "10.1/ ",
        ] {
            assert_eq!(doi_from_input(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls_encode_what_a_path_cannot_hold() {
        assert_eq!(
            doi_url("https://doi.org/", "10.1002/(SICI)1097<3>#x é"),
            "https://doi.org/10.1002/(SICI)1097%3C3%3E%23x%20%C3%A9"
        );
    }
}
