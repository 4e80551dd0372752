//! Escape sequences, control characters and bidi overrides in sources, notes, .bib fields, commits and
//! arguments never reach the terminal raw, through any command's output or error message.

mod common;

use common::Env;

const ESC: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}";
const BIDI: &str = "\u{202e}gnp.exe\u{202c}\u{2066}";
const C1: &str = "\u{9b}31m\u{85}\r";

fn hostile(label: &str) -> String {
    format!("{label}{ESC}{BIDI}{C1}end")
}

/// What a terminal would act on: C0 and C1 controls other than newline and tab, and bidi controls.
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        })
        .collect()
}

/// A workspace whose every user-controlled string carries escapes.
fn hostile_workspace() -> Env {
    let env = Env::workspace();
    let bib = env.write(
        "evil.bib",
        &format!(
            "@misc{{evilkey,\n  title = {{{}}},\n  author = {{{}}},\n  year = {{2026}},\n}}\n@misc{{broken{ESC}, title = {{x}}\n",
            hostile("Title"),
            hostile("Author")
        ),
    );
    let source = env.write(
        "evil.txt",
        &format!("Intro {ESC} the quoted words {BIDI} here {C1} and the end.\n"),
    );
    env.ok(&["bib", "add", bib.to_str().unwrap()]);
    env.ok(&[
        "add",
        source.to_str().unwrap(),
        "--id",
        "evil",
        "--title",
        &hostile("Title"),
        "--cite",
        "evilkey",
    ]);
    let author = format!("Eve{ESC}{BIDI} <eve@example.org>");
    env.ok(&[
        "--author",
        &author,
        "annotate",
        "evil",
        "--quote",
        "the quoted words",
        "--note",
        &hostile("Body"),
        "--tag",
        &hostile("tag"),
        "--cite",
        &format!("evilkey@p. 4{ESC}"),
    ]);
    env.ok(&[
        "--author",
        &author,
        "review",
        "comment",
        "evil",
        "--quote",
        "and the end",
        &hostile("Review"),
    ]);
    let notes = env.read("notes/evil.toml");
    let id_line = notes
        .lines()
        .find(|l| l.starts_with("id = ") && !l.contains("\"evil\""))
        .expect("an annotation id")
        .to_string();
    let notes = notes.replacen(&id_line, "id = \"ab\\u001b]0;pwned\\u0007\"", 1);
    std::fs::write(env.path("notes/evil.toml"), notes).unwrap();
    env
}

fn assert_clean(env: &Env, args: &[&str]) {
    let output = env.glose().args(args).output().expect("glose runs");
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let found = unsafe_chars(&text);
        assert!(
            found.is_empty(),
            "glose {args:?} wrote {found:?} raw to {stream}:\n{text}"
        );
    }
}

#[test]
fn no_command_prints_user_text_raw() {
    let env = hostile_workspace();
    let unknown = hostile("x");
    let bib = env.path("../evil.bib");
    let bib = bib.to_str().unwrap();
    for args in [
        &["show", "evil"][..],
        &["show", "evil", "--json"],
        &["claims"],
        &["claims", "--json"],
        &["refs"],
        &["refs", "--json"],
        &["refs", "Title"],
        &["check"],
        &["check", "--json"],
        &["sources"],
        &["log"],
        &["log", "--json"],
        &["show-commit", "HEAD"],
        &["show-commit", "HEAD", "--json"],
        &["review", "list"],
        &["review", "list", "--json"],
        &["bib", "add", bib],
        &["show", &unknown],
        &["annotate", "evil", "--quote", &unknown],
        &["cite", &unknown, "evilkey"],
        &["cite", "ab", &unknown],
        &["edit", &unknown, "--note", "x"],
        &["rm", &unknown],
        &["--author", &unknown, "rm", "ab"],
        &["add", &unknown],
    ] {
        assert_clean(&env, args);
    }
}

#[test]
fn a_broken_notes_file_is_reported_without_its_raw_bytes() {
    let env = hostile_workspace();
    std::fs::write(
        env.path("notes/evil.toml"),
        format!("[source]\nid = \"evil\"\n{ESC} = 1\n"),
    )
    .unwrap();
    for args in [&["show", "evil"][..], &["check"], &["claims"], &["log"]] {
        assert_clean(&env, args);
    }
}
