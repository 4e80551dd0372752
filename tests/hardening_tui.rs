//! Escape sequences, C0/C1 controls and bidi overrides in a source, a note and a .bib field never
//! reach the terminal raw through any TUI screen: they are drawn as a visible replacement.

mod tui_common;

use tui_common::{Demo, text};

const HOSTILE: &str = "\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}gnp.exe\u{202c}\u{2066}\u{9b}31m\u{85}";

/// The same characters as TOML escapes, for a notes file.
const HOSTILE_TOML: &str =
    "\\u001b]52;c;ZXZpbA==\\u0007\\u202egnp.exe\\u202c\\u2066\\u009b31m\\u0085";

/// What a terminal would act on: controls other than newline and tab, and bidi controls.
fn unsafe_chars(screen: &str) -> Vec<char> {
    screen
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        })
        .collect()
}

fn rewrite(demo: &Demo, path: &str, from: &str, to: &str) {
    let path = demo.root().join(path);
    let before = std::fs::read_to_string(&path).expect("read");
    assert!(before.contains(from), "{from} in {}", path.display());
    std::fs::write(&path, before.replacen(from, to, 1)).expect("write");
}

#[test]
fn hostile_text_in_source_notes_and_bib_is_drawn_escaped_on_every_screen() {
    let mut demo = Demo::new();
    rewrite(
        &demo,
        "library/sources/berdeil-2023.txt",
        "cyber-paradis",
        &format!("cyber-paradis {HOSTILE} fin"),
    );
    rewrite(
        &demo,
        "notes/berdeil-2023.toml",
        "body = \"Loi du 13 avril 2016",
        &format!("body = \"Loi {HOSTILE_TOML} du 13 avril 2016"),
    );
    rewrite(
        &demo,
        "notes/berdeil-2023.toml",
        "tags = [\"droit-pénal\"]",
        &format!("tags = [\"droit-pénal{HOSTILE_TOML}\"]"),
    );
    rewrite(
        &demo,
        "library/references.bib",
        "{La cyberprostitution,",
        &format!("{{La cyber{HOSTILE}prostitution,"),
    );
    demo.reopen();
    let shown = "\u{fffd}]52;c;ZXZpbA==\u{fffd}\u{fffd}gnp.exe\u{fffd}\u{fffd}\u{fffd}31m";
    for (keys, what, visible) in [
        (
            "/cyber-paradis<enter>",
            "reader at the hostile source text",
            true,
        ),
        ("g]", "reader with the hostile note", true),
        ("C", "claims", true),
        ("<esc>R/cyber<enter>", "references", true),
        ("<esc>O", "orphans", false),
        ("<esc>H", "history", false),
        ("<esc>g]e", "editor", false),
    ] {
        demo.keys(keys);
        demo.session.wait_loaded();
        // The run is whole at 120 columns; at 80 it may wrap.
        for (w, h) in [(120, 40), (80, 24)] {
            let screen = text(&demo.session.render(w, h));
            let found = unsafe_chars(&screen);
            assert!(found.is_empty(), "{what} drew {found:?} raw:\n{screen}");
            assert!(
                !visible || w < 120 || screen.contains(shown),
                "{what} hides or mangles the hostile text:\n{screen}"
            );
        }
    }
}
