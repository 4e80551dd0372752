//! One writer at a time per workspace: an OS file lock that the kernel releases even when glose is killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;

/// How long a writer waits for another glose to finish before saying the workspace is busy.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

const POLL: Duration = Duration::from_millis(15);

/// Held while a verb loads, writes and commits; dropping it lets the next writer in.
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
    path: PathBuf,
}

impl WorkspaceLock {
    /// Takes the lock file at `path`, waiting up to `wait` while another process holds it.
    pub fn acquire(path: &Path, wait: Duration) -> Result<WorkspaceLock, StoreError> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| StoreError::io("open the workspace lock", path, e))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(POLL);
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Busy {
                        pid: holder_pid(&mut file),
                    });
                }
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::io("lock", path, e));
                }
            }
        }
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(file, "{}", std::process::id()))
            .map_err(|e| StoreError::io("write", path, e))?;
        Ok(WorkspaceLock {
            _file: file,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The pid the holder wrote into the lock file, when it has written it yet.
fn holder_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_with_the_holder_pid_then_let_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("glose.lock");
        let first = WorkspaceLock::acquire(&path, Duration::ZERO).unwrap();
        let started = Instant::now();
        let err = WorkspaceLock::acquire(&path, Duration::from_millis(60)).unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(60), "it waited");
        let message = err.to_string();
        let pid = std::process::id().to_string();
        assert!(
            message.contains("another glose is writing") && message.contains(&pid),
            "{message}"
        );
        drop(first);
        // A child that another test forks in this process may hold the descriptor for a moment.
        let second = WorkspaceLock::acquire(&path, LOCK_WAIT).unwrap();
        assert_eq!(second.path(), path);
    }

    #[test]
    fn a_waiting_writer_gets_the_lock_once_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("glose.lock");
        let first = WorkspaceLock::acquire(&path, Duration::ZERO).unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(first);
        });
        WorkspaceLock::acquire(&path, Duration::from_secs(5)).unwrap();
        release.join().unwrap();
    }

    #[test]
    fn a_lock_that_cannot_be_created_names_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("glose.lock");
        let err = WorkspaceLock::acquire(&path, Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }
}
