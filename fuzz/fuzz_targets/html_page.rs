//! Any bytes as a saved web page: extraction never panics or hangs, and an article has text.
#![no_main]

use glose::import::web_page::extract_page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = extract_page(data, None, Some("https://example.org/blog/billet.html"), "2026-03-02") {
        assert!(!page.text.trim().is_empty());
        if let Some(entry) = page.proposed {
            assert!(!entry.key(|_| false).is_empty());
        }
    }
});
