//! `glose add` on hostile web pages and PDFs: escapes never reach the terminal raw, ids stay inside the
//! workspace, and a 200 MB page (a file or a download) is refused by the size limit.

mod common;
#[path = "support/pdf.rs"]
#[allow(dead_code)]
mod pdf;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::thread;

use common::Env;
use pdf::Spec;

const ESC: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}";
const BIDI: &str = "\u{202e}gnp.exe\u{202c}\u{2066}";
const C1: &str = "\u{9b}31m\u{85}\r\u{8}";

const PROSE: &str = "La cyberprostitution se développe sur les plateformes en ligne, et la loi peine à suivre \
    les annonces qui changent de forme chaque semaine, d'un site à l'autre.";

const HUGE: u64 = 200 * 1024 * 1024;

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

/// Runs glose and checks neither stream carries a raw control; returns stdout and stderr together.
fn clean_run(env: &Env, args: &[&str]) -> String {
    let output = env.glose().args(args).output().expect("glose runs");
    let mut both = String::new();
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let found = unsafe_chars(&text);
        assert!(
            found.is_empty(),
            "glose {args:?} wrote {found:?} raw to {stream}:\n{text}"
        );
        both.push_str(&text);
    }
    both
}

fn hostile_page() -> String {
    let title = hostile("Titre");
    let author = hostile("Dupont, Jean");
    format!(
        "<html><head><title>{title}</title>\
         <meta name=\"citation_title\" content=\"{title}\">\
         <meta name=\"citation_author\" content=\"{author}\">\
         <meta property=\"og:site_name\" content=\"{}\">\
         <meta name=\"citation_publication_date\" content=\"2023-03-14{ESC}\">\
         <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"{}\",\"author\":{{\"name\":\"{}\"}}}}</script>\
         </head><body><article><h1>{title}</h1><p>{PROSE} {}</p><p>{PROSE}</p></article></body></html>",
        hostile("Site"),
        hostile("Headline").replace('\u{1b}', "\\u001b"),
        hostile("Auteur").replace('\u{1b}', "\\u001b"),
        hostile("Texte"),
    )
}

#[test]
fn a_hostile_web_page_is_added_and_shown_escaped() {
    let env = Env::workspace();
    let page = env.write("page.html", &hostile_page());
    let out = clean_run(&env, &["add", page.to_str().unwrap()]);
    assert!(out.contains("Added source page"), "{out}");
    assert!(out.contains("Proposed reference added"), "{out}");
    assert!(
        out.contains("\\u{1b}"),
        "the title is shown escaped:\n{out}"
    );
    for args in [
        &["sources"][..],
        &["show", "page"],
        &["show", "page", "--json"],
        &["refs"],
        &["log"],
        &["check"],
    ] {
        clean_run(&env, args);
    }
}

#[test]
fn a_pdf_with_a_hostile_info_title_is_added_and_shown_escaped() {
    let env = Env::workspace();
    let bytes = Spec::pages(&[PROSE, "Page deux."])
        .info("Title", &hostile("Titre"))
        .info("Author", &hostile("Jean Dupont"))
        .info("Subject", &hostile("doi:10.1234/abc"))
        .build();
    let file = env.dir.path().join("rapport.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = clean_run(&env, &["add", file.to_str().unwrap()]);
    assert!(out.contains("Added source rapport"), "{out}");
    assert!(out.contains("@"), "a proposed entry is printed:\n{out}");
    for args in [&["sources"][..], &["show", "rapport"], &["refs"], &["log"]] {
        clean_run(&env, args);
    }
}

/// Serves `count` requests on loopback with `answer`, which writes the whole response.
fn serve(count: usize, answer: fn(&str, &mut std::net::TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
                match stream.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => break,
                }
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            answer(&path, &mut stream);
        }
    });
    base
}

/// `/declared`: a 200 MB Content-Length; `/endless`: no length and 200 MB of paragraphs; else the article.
fn big_or_article(path: &str, stream: &mut std::net::TcpStream) {
    let declared = path == "/declared";
    let endless = path == "/endless";
    let mut head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n".to_string();
    if declared {
        head.push_str(&format!("Content-Length: {HUGE}\r\n"));
    }
    let body = hostile_page();
    if !declared && !endless {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    if !declared && !endless {
        let _ = stream.write_all(body.as_bytes());
        return;
    }
    let chunk = format!("<p>{PROSE}</p>\n").repeat(400);
    let mut sent = 0u64;
    while sent < HUGE && stream.write_all(chunk.as_bytes()).is_ok() {
        sent += chunk.len() as u64;
    }
}

#[test]
fn a_200_mb_page_is_refused_by_the_size_limit() {
    let env = Env::workspace();
    let huge = env.dir.path().join("huge.html");
    std::fs::File::create(&huge).unwrap().set_len(HUGE).unwrap();
    let err = env.fails(&["add", huge.to_str().unwrap()], 2);
    assert!(err.contains("larger than 50 MB"), "{err}");
    let base = serve(2, big_or_article);
    for path in ["/declared", "/endless"] {
        let err = env.fails(&["add", &format!("{base}{path}")], 2);
        assert!(err.contains("larger than 20000000 bytes"), "{path}: {err}");
    }
    let sources = std::fs::read_dir(env.path("library/sources"))
        .unwrap()
        .count();
    assert_eq!(sources, 0);
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn ids_from_hostile_titles_and_addresses_stay_inside_the_workspace() {
    let env = Env::workspace();
    let outside_before = files_under(env.dir.path());
    let page = env.write(
        "page.html",
        &hostile_page().replace("Titre", "../../etc/passwd"),
    );
    clean_run(&env, &["add", page.to_str().unwrap()]);
    let base = serve(3, big_or_article);
    for path in [
        "/a/..%2F..%2Fetc%2Fpasswd",
        "/%2e%2e/%2e%2e/etc/",
        "/..%5C..%5Cwindows",
    ] {
        let out = clean_run(&env, &["add", &format!("{base}{path}")]);
        assert!(out.contains("Added source "), "{path}: {out}");
    }
    let ids: Vec<String> = files_under(&env.path("notes"));
    assert_eq!(ids.len(), 4, "{ids:?}");
    for id in &ids {
        let stem = id.strip_suffix(".toml").expect("a notes file");
        assert!(
            !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{id}"
        );
    }
    let new: Vec<String> = files_under(env.dir.path())
        .into_iter()
        .filter(|f| !outside_before.contains(f))
        .filter(|f| !f.starts_with("ws/") && !f.contains(".git"))
        .collect();
    assert_eq!(new, ["page.html"], "files written outside the workspace");
}
