//! Crash consistency: real glose commands killed with SIGKILL at random moments never lose or tear a note.
//!
//! `GLOSE_CRASH_KILLS` sets how many kills to land (default 40); `GLOSE_CRASH_SEED` replays a run.
#![cfg(unix)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Env, STUDENT};
use glose::anchor::{QuoteMatch, find_quote};
use glose::bib::{BibSource, load};
use glose::store::{Workspace, load_notes_dir, parse_notes};

const SOURCE: &str = "berdeil-2023";
const NOTES: &str = "notes/berdeil-2023.toml";
const KEYS: [&str; 3] = ["budapest2001", "loi2016-444", "mouvementdunid-internet"];

/// What the runs that reported success promise about one annotation.
#[derive(Debug, Default)]
struct Promise {
    /// Acceptable bodies: the last confirmed one, plus any a killed edit may have written.
    bodies: BTreeSet<String>,
    citations: BTreeSet<String>,
    /// A killed `rm` may have removed it.
    may_be_gone: bool,
}

#[derive(Debug, Default)]
struct Tally {
    kills: usize,
    /// Kills that landed after the command had replaced a notes or .bib file.
    kills_after_write: usize,
    completed: usize,
    /// Lock file name to how many times a kill left it.
    stale_locks: BTreeMap<String, usize>,
    temporaries_seen: usize,
}

struct Harness {
    env: Env,
    rng: fastrand::Rng,
    text: String,
    promises: BTreeMap<String, Promise>,
    removed: BTreeSet<String>,
    keys_added: BTreeSet<String>,
    tally: Tally,
    step: usize,
}

#[test]
fn killed_commands_never_lose_or_tear_notes() {
    let kills: usize = std::env::var("GLOSE_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let seed = std::env::var("GLOSE_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("crash harness: {kills} kills, GLOSE_CRASH_SEED={seed}");
    let env = Env::workspace().with_example();
    let text = std::fs::read_to_string(env.path("library/sources/berdeil-2023.txt")).unwrap();
    let mut h = Harness {
        env,
        rng: fastrand::Rng::with_seed(seed),
        text,
        promises: BTreeMap::new(),
        removed: BTreeSet::new(),
        keys_added: BTreeSet::new(),
        tally: Tally::default(),
        step: 0,
    };
    let mut typical = h.calibrate();
    let started = Instant::now();
    while h.tally.kills < kills {
        assert!(
            h.step < kills * 20 + 100,
            "too few kills landed: {:?}",
            h.tally
        );
        let window = typical.as_micros() as u64 * 5 / 4;
        let delay = Duration::from_micros(h.rng.u64(0..=window));
        h.round(Some(delay));
        if h.step.is_multiple_of(10) {
            h.verify_git();
        }
        if h.step.is_multiple_of(25) {
            typical = h.round(None);
        }
    }
    h.round(None);
    h.verify_git();
    let t = &h.tally;
    eprintln!(
        "crash harness: {} kills survived ({} after a file was replaced), {} commands completed, stale git locks cleared {:?}, {} runs left temporaries, 0 losses, {:.1}s (seed {seed})",
        t.kills,
        t.kills_after_write,
        t.completed,
        t.stale_locks,
        t.temporaries_seen,
        started.elapsed().as_secs_f64()
    );
}

impl Harness {
    /// Runs a few commands to completion and returns their typical duration (commands slow down as notes grow).
    fn calibrate(&mut self) -> Duration {
        let mut times = Vec::new();
        for _ in 0..6 {
            times.push(self.round(None));
        }
        times.sort();
        times[times.len() / 2]
    }

    /// One command, killed after `delay` unless it finished first, then the files are checked; returns how long it ran.
    fn round(&mut self, delay: Option<Duration>) -> Duration {
        self.step += 1;
        let (args, action) = self.pick();
        let before = self.data_files();
        let started = Instant::now();
        let mut child = self
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("glose starts");
        if let Some(delay) = delay {
            std::thread::sleep(delay);
            if child.try_wait().expect("wait").is_none() {
                child.kill().expect("kill");
            }
        }
        let output = child.wait_with_output().expect("glose ends");
        let took = started.elapsed();
        match output.status.signal() {
            Some(9) => {
                self.tally.kills += 1;
                if self.data_files() != before {
                    self.tally.kills_after_write += 1;
                }
                self.after_kill(action);
                self.verify_files(false);
            }
            Some(other) => panic!("glose {args:?} died of signal {other}"),
            None if output.status.success() => {
                self.tally.completed += 1;
                self.after_success(action, &output);
                self.verify_files(true);
            }
            None => {
                self.after_failure(&args, &output);
                self.after_kill(action);
            }
        }
        took
    }

    fn command(&self, args: &[String]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_glose"));
        cmd.current_dir(self.env.root())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.env.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GLOSE_NOW", "2026-03-02T10:00:00Z")
            .arg("--author")
            .arg(STUDENT)
            .args(args);
        cmd
    }

    /// A random command that makes sense on the notes as they are on disk now.
    fn pick(&mut self) -> (Vec<String>, Action) {
        let on_disk = self.annotations_on_disk();
        let ids: Vec<&String> = on_disk.keys().collect();
        let roll = self.rng.u32(0..100);
        let step = self.step;
        let s = |v: &str| v.to_string();
        if roll < 20 && ids.len() > 2 {
            let id = ids[self.rng.usize(..ids.len())].clone();
            let body = format!("edited at step {step}");
            let args = vec![s("edit"), id.clone(), s("--note"), body.clone()];
            return (args, Action::Edit { id, body });
        }
        let claims: Vec<&String> = on_disk
            .iter()
            .filter(|(_, kind)| kind.as_str() == "claim")
            .map(|(id, _)| id)
            .collect();
        if roll < 35 && !claims.is_empty() {
            let id = claims[self.rng.usize(..claims.len())].clone();
            let key = s(KEYS[self.rng.usize(..KEYS.len())]);
            let locator = format!("p. {}", self.rng.u32(1..300));
            let args = vec![s("cite"), id.clone(), key.clone(), s("--locator"), locator];
            return (args, Action::Cite { id, key });
        }
        if roll < 45 && ids.len() > 4 {
            let id = ids[self.rng.usize(..ids.len())].clone();
            return (vec![s("rm"), id.clone()], Action::Remove { id });
        }
        if roll < 60 {
            let key = format!("crash{step}");
            let file = self.env.dir.path().join(format!("{key}.bib"));
            let entry = format!(
                "@misc{{{key},\n  title = {{Crash test {step}}},\n  year = {{2026}},\n}}\n"
            );
            std::fs::write(&file, entry).unwrap();
            let args = vec![s("bib"), s("add"), file.to_string_lossy().into_owned()];
            return (args, Action::BibAdd { key });
        }
        let quote = self.unique_quote();
        let body = format!("note made at step {step}");
        let mut args = vec![
            s("annotate"),
            s(SOURCE),
            format!("--quote={quote}"),
            format!("--note={body}"),
        ];
        if self.rng.bool() {
            args.extend([s("--kind"), s("claim")]);
        }
        (args, Action::Annotate { body })
    }

    /// Four to eight words that occur once in the source.
    fn unique_quote(&mut self) -> String {
        let words: Vec<&str> = self.text.split_whitespace().collect();
        loop {
            let len = self.rng.usize(4..=8);
            let start = self.rng.usize(..words.len() - len);
            let quote = words[start..start + len].join(" ");
            if matches!(find_quote(&self.text, &quote), QuoteMatch::Unique(_)) {
                return quote;
            }
        }
    }

    fn after_success(&mut self, action: Action, output: &Output) {
        let stdout = String::from_utf8_lossy(&output.stdout);
        match action {
            Action::Annotate { body } => {
                let id = stdout.split_whitespace().nth(1).expect("an id").to_string();
                let promise = self.promises.entry(id).or_default();
                promise.bodies = BTreeSet::from([body]);
            }
            Action::Edit { id, body } => {
                if let Some(p) = self.promises.get_mut(&id) {
                    p.bodies = BTreeSet::from([body]);
                }
            }
            Action::Cite { id, key } => {
                if let Some(p) = self.promises.get_mut(&id) {
                    p.citations.insert(key);
                }
            }
            Action::Remove { id } => {
                self.promises.remove(&id);
                self.removed.insert(id);
            }
            Action::BibAdd { key } => {
                self.keys_added.insert(key);
            }
        }
    }

    fn after_kill(&mut self, action: Action) {
        match action {
            Action::Edit { id, body } => {
                if let Some(p) = self.promises.get_mut(&id) {
                    p.bodies.insert(body);
                }
            }
            Action::Remove { id } => {
                if let Some(p) = self.promises.get_mut(&id) {
                    p.may_be_gone = true;
                }
            }
            Action::Annotate { .. } | Action::Cite { .. } | Action::BibAdd { .. } => {}
        }
    }

    /// The only failure a kill may cause is a git lock file left behind: the message must say so.
    ///
    /// The files may have been saved before the commit failed, so the action counts as maybe done.
    fn after_failure(&mut self, args: &[String], output: &Output) {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let locks = self.git_locks();
        assert!(
            !locks.is_empty(),
            "glose {args:?} failed without a stale lock:\n{stderr}"
        );
        for lock in &locks {
            let name = lock.file_name().unwrap().to_string_lossy();
            assert!(
                stderr.contains(name.as_ref()),
                "the message does not name {}:\n{stderr}",
                lock.display()
            );
            std::fs::remove_file(lock).unwrap();
            *self.tally.stale_locks.entry(name.into_owned()).or_default() += 1;
        }
    }

    /// Lock files git (libgit2) leaves when killed mid-write: `index.lock`, `HEAD.lock`, `refs/heads/*.lock`.
    fn git_locks(&self) -> Vec<PathBuf> {
        let git = self.env.root().join(".git");
        let mut found = Vec::new();
        for dir in [git.clone(), git.join("refs/heads")] {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                if entry.file_name().to_string_lossy().ends_with(".lock")
                    && entry.file_name() != "glose.lock"
                {
                    found.push(entry.path());
                }
            }
        }
        found
    }

    /// The bytes of the notes file and references.bib.
    fn data_files(&self) -> (Vec<u8>, Vec<u8>) {
        let read = |p: &str| std::fs::read(self.env.path(p)).unwrap();
        (read(NOTES), read("library/references.bib"))
    }

    /// Annotation id to kind, as the notes file on disk holds them.
    fn annotations_on_disk(&self) -> BTreeMap<String, String> {
        let ws = Workspace::new(self.env.root());
        let mut out = BTreeMap::new();
        for (path, parsed) in load_notes_dir(&ws) {
            let notes = parsed.unwrap_or_else(|e| panic!("{} is torn: {e}", path.display()));
            for a in notes.annotations {
                out.insert(a.id.to_string(), a.kind.to_string());
            }
        }
        out
    }

    fn verify_files(&mut self, completed: bool) {
        let ws = Workspace::new(self.env.root());
        let mut present = BTreeMap::new();
        for (path, parsed) in load_notes_dir(&ws) {
            let notes = parsed.unwrap_or_else(|e| panic!("{} is torn: {e}", path.display()));
            for a in notes.annotations {
                present.insert(a.id.to_string(), a);
            }
        }
        for (id, promise) in &self.promises {
            let Some(a) = present.get(id) else {
                assert!(promise.may_be_gone, "annotation {id} was lost");
                continue;
            };
            assert!(
                promise.bodies.contains(&a.body),
                "annotation {id} has body {:?}, expected one of {:?}",
                a.body,
                promise.bodies
            );
            for key in &promise.citations {
                assert!(
                    a.citations.iter().any(|c| &c.key == key),
                    "annotation {id} lost its citation of {key}"
                );
            }
        }
        for id in &self.removed {
            assert!(!present.contains_key(id), "removed annotation {id} is back");
        }
        let bib = ws.references_path();
        let text = std::fs::read_to_string(&bib).expect("references.bib is UTF-8");
        let relative = PathBuf::from("library/references.bib");
        let library = load(&[BibSource {
            path: &relative,
            text: &text,
        }]);
        assert!(
            library.diagnostics().is_empty(),
            "references.bib is torn: {:?}",
            library.diagnostics()
        );
        for key in &self.keys_added {
            assert!(library.get(key).is_some(), "reference {key} was lost");
        }
        let temporaries = temporaries(&self.env.root());
        if completed {
            assert!(
                temporaries.is_empty(),
                "a completed run left temporaries: {temporaries:?}"
            );
        } else if !temporaries.is_empty() {
            self.tally.temporaries_seen += 1;
        }
    }

    /// The repository is sound and what HEAD holds parses too.
    fn verify_git(&self) {
        let fsck = Command::new("git")
            .args(["fsck", "--no-progress", "--no-dangling"])
            .current_dir(self.env.root())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            fsck.status.success(),
            "git fsck: {}{}",
            String::from_utf8_lossy(&fsck.stdout),
            String::from_utf8_lossy(&fsck.stderr)
        );
        let committed = self.env.git_ws(&["show", &format!("HEAD:{NOTES}")]);
        parse_notes(&committed).unwrap_or_else(|e| panic!("HEAD:{NOTES} is torn: {e}"));
        let tracked = self.env.git_ws(&["ls-tree", "-r", "--name-only", "HEAD"]);
        assert!(
            !tracked.contains(".glose-tmp-"),
            "a temporary was committed:\n{tracked}"
        );
    }
}

#[derive(Debug)]
enum Action {
    Annotate { body: String },
    Edit { id: String, body: String },
    Cite { id: String, key: String },
    Remove { id: String },
    BibAdd { key: String },
}

/// glose's temporaries anywhere in the workspace outside `.git`.
fn temporaries(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_name() == ".git" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if entry.file_name().to_string_lossy().contains(".glose-tmp-") {
                found.push(path);
            }
        }
    }
    found
}
