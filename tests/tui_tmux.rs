//! The real binary in a real terminal: glose runs in a detached tmux session on a demo workspace,
//! keys are sent, the screen is read back; then the notes file, the commit and the restored shell.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Env, STUDENT};

const WAIT: Duration = Duration::from_secs(20);

/// Whether tmux runs; `.ci/run` installs it, so under `CI` a missing tmux fails the test instead.
fn tmux_available() -> bool {
    let runs = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is not installed (apt-get install tmux)"
        );
        eprintln!("skipped: tmux is not installed (apt-get install tmux)");
    }
    runs
}

/// A tmux server of its own (its socket in a temporary folder), killed when dropped.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// Starts a 100×30 shell with a cleared environment in `dir`.
    fn start(env: &Env, dir: &Path) -> Tmux {
        let tmux = Tmux {
            socket: env.dir.path().join("tmux.sock"),
        };
        let path = std::env::var("PATH").unwrap_or_default();
        let home = env.dir.path().display().to_string();
        let shell = [
            "env",
            "-i",
            &format!("PATH={path}"),
            &format!("HOME={home}"),
            "TERM=xterm-256color",
            "GIT_CONFIG_GLOBAL=/dev/null",
            "GIT_CONFIG_NOSYSTEM=1",
            "GLOSE_NOW=2026-03-02T10:00:00Z",
            "PS1=$ ",
            "sh",
        ];
        let dir = dir.display().to_string();
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            "glose",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &dir,
        ];
        args.extend(shell);
        tmux.run(&args);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Sends keys as tmux names them ("Enter", "Escape", or literal text with `-l`).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "glose"];
        args.extend(keys);
        self.run(&args);
    }

    fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "glose", "-l", text]);
    }

    fn screen(&self) -> String {
        let output = self.run(&["capture-pane", "-p", "-t", "glose"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Reads the screen until `wanted` is on it.
    fn wait_for(&self, wanted: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(wanted) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "`{wanted}` never appeared on the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

#[test]
fn the_binary_in_a_terminal_makes_a_claim_writes_and_quits_cleanly() {
    if !tmux_available() {
        return;
    }
    let env = Env::new();
    let output = env
        .glose_in(env.dir.path())
        .args(["demo", "ws"])
        .output()
        .expect("glose demo runs");
    assert!(output.status.success(), "{output:?}");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.contains("The demo workspace is in"),
        "without a terminal, demo only writes the workspace: {printed}"
    );
    let root = env.root();
    let notes = root.join("notes/berdeil-2023.toml");
    let before = std::fs::read_to_string(&notes).expect("notes");
    let commits = env.commit_count();

    let tmux = Tmux::start(&env, &root);
    tmux.wait_for("$");
    let glose = env!("CARGO_BIN_EXE_glose");
    tmux.literal(&format!(
        "'{glose}' --author '{STUDENT}'; echo \"glose exited $?\""
    ));
    tmux.keys(&["Enter"]);
    let first = tmux.wait_for("Sources");
    assert!(first.contains("berdeil-2023"), "{first}");

    tmux.literal("/62%");
    tmux.keys(&["Enter"]);
    tmux.literal("sc");
    let claimed = tmux.wait_for("unsupported claim added");
    assert!(claimed.contains("62%"), "{claimed}");

    tmux.literal(":w");
    tmux.keys(&["Enter"]);
    tmux.wait_for("committed: berdeil-2023: +1 claim");
    tmux.literal("q");
    let shell = tmux.wait_for("glose exited 0");
    assert!(
        !shell.contains("Sources"),
        "the alternate screen is gone after quitting:\n{shell}"
    );
    assert!(
        shell.contains("--author"),
        "the shell's own screen is back:\n{shell}"
    );

    let after = std::fs::read_to_string(&notes).expect("notes");
    assert_ne!(after, before);
    assert!(after.contains("kind = \"claim\""), "{after}");
    assert!(after.contains("62% de la prostitution"), "{after}");
    assert_eq!(env.commit_count(), commits + 1);
    let log = env.git_ws(&["log", "-1", "--format=%an: %s"]);
    assert!(
        log.starts_with("Camille Martin: berdeil-2023: +1 claim"),
        "{log}"
    );
}
