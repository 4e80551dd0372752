//! Output read by a program that stops early (`glose refs | head -1`).

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::Env;

#[test]
fn a_reader_that_stops_early_ends_glose_quietly() {
    let env = Env::workspace();
    let entries: String = (0..5000)
        .map(|i| format!("@book{{livre{i},\n  author = {{Martin, Camille}},\n  title = {{Un titre assez long pour remplir le tuyau, tome {i}}},\n  year = {{2020}},\n}}\n\n"))
        .collect();
    env.write("ws/library/references.bib", &entries);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .current_dir(env.root())
        .env("HOME", env.root())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .arg("refs")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("glose runs");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    assert!(first.starts_with("livre0\t"), "{first}");
    let output = child.wait_with_output().expect("glose ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
