//! A panic restores the terminal before its message is printed.

use std::sync::atomic::{AtomicBool, Ordering};

static RESTORED: AtomicBool = AtomicBool::new(false);

fn restore() {
    RESTORED.store(true, Ordering::SeqCst);
}

#[test]
fn the_panic_hook_runs_the_restore_function() {
    glose::tui::terminal::install_panic_hook(restore);
    assert!(!RESTORED.load(Ordering::SeqCst));
    let result = std::panic::catch_unwind(|| panic!("boom"));
    assert!(result.is_err());
    assert!(RESTORED.load(Ordering::SeqCst));
}
