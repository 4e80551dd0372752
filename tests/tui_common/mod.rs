//! A demo workspace in a temporary folder and a headless TUI session on it, with a fixed clock and identity.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use glose::model::Annotation;
use glose::ops::{Context, RunOptions};
use glose::store::git::{Identity, Repo};
use glose::store::{self, Workspace};
use glose::tui::Session;
use ratatui::buffer::Buffer;

pub struct Demo {
    pub dir: tempfile::TempDir,
    pub session: Session,
}

impl Demo {
    pub fn new() -> Demo {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("ws");
        glose::ops::demo(&root).expect("demo workspace");
        let options = RunOptions {
            now: Some("2026-03-02T10:00:00Z".parse().expect("time")),
            author: Some(
                Identity::parse("Camille Martin <camille@example.org>").expect("identity"),
            ),
            seed: Some(7),
        };
        let cx = Context::open(root, options).expect("context");
        let mut session = Session::open(cx, true, true).expect("session");
        session.wait_loaded();
        let mut demo = Demo { dir, session };
        demo.session.render(100, 30);
        demo
    }

    /// Opens a new session on the same workspace (after its files were changed behind the TUI).
    pub fn reopen(&mut self) {
        let options = RunOptions {
            now: Some("2026-03-02T10:00:00Z".parse().expect("time")),
            author: Some(
                Identity::parse("Camille Martin <camille@example.org>").expect("identity"),
            ),
            seed: Some(8),
        };
        let cx = Context::open(self.root(), options).expect("context");
        self.session = Session::open(cx, true, true).expect("session");
        self.session.wait_loaded();
        self.session.render(100, 30);
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    pub fn keys(&mut self, keys: &str) {
        self.session.keys(keys).expect("key string");
    }

    /// The annotations in the notes file on disk.
    pub fn annotations(&self) -> Vec<Annotation> {
        let ws = Workspace::new(self.root());
        let id = glose::model::SourceId::new("berdeil-2023").expect("id");
        store::load_notes(&ws, &id)
            .expect("notes readable")
            .expect("notes exist")
            .annotations
    }

    /// The newest commit's summary line.
    pub fn head(&self) -> String {
        let log = Repo::open(&self.root())
            .expect("repo")
            .log_messages(1)
            .expect("log");
        log[0].1.clone()
    }

    pub fn commits(&self) -> usize {
        Repo::open(&self.root())
            .expect("repo")
            .log_messages(1000)
            .expect("log")
            .len()
    }

    pub fn status(&self) -> String {
        self.session.app.status.text.clone()
    }
}

pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}
