//! Reading the rest of the workspace on other threads after the first frame; what they read comes
//! back to the event loop as [`Arrival`]s.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use super::data::Arrival;
use super::loader;
use crate::ops::{Context, RunOptions};

/// Sources read are sent in batches of this many, or sooner when reading them takes this long.
const BATCH: usize = 64;
const BATCH_TIME: Duration = Duration::from_millis(100);

/// The reads running on other threads.
#[derive(Default)]
pub struct Background {
    jobs: Vec<Job>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    Sources,
    Library,
    Pending,
}

struct Job {
    read: Read,
    rx: Receiver<Arrival>,
    delivered: bool,
}

impl Job {
    /// What a library read that stopped without a word (it panicked) leaves to say.
    fn silence(&self) -> Option<Arrival> {
        (self.read == Read::Library && !self.delivered)
            .then(|| Arrival::LibraryFailed("the library reader stopped".to_string()))
    }
}

impl Background {
    /// Reads the text and notes of the sources `ids`, sending them in batches.
    pub fn sources(&mut self, root: PathBuf, ids: Vec<String>) {
        self.spawn(Read::Sources, move |tx| {
            let cx = match Context::open(root, RunOptions::default()) {
                Ok(cx) => cx,
                Err(error) => {
                    for id in ids {
                        let message = error.to_string();
                        tx.send(Arrival::Unreadable { id, message }).ok()?;
                    }
                    return Some(());
                }
            };
            let mut batch = Vec::new();
            let mut since = Instant::now();
            for id in ids {
                match loader::load_source(&cx, &id) {
                    Ok(doc) => batch.push(doc),
                    Err(error) => tx
                        .send(Arrival::Unreadable {
                            id,
                            message: error.to_string(),
                        })
                        .ok()?,
                }
                if batch.len() >= BATCH || since.elapsed() >= BATCH_TIME {
                    tx.send(Arrival::Sources(std::mem::take(&mut batch))).ok()?;
                    since = Instant::now();
                }
            }
            tx.send(Arrival::Sources(batch)).ok()
        });
    }

    /// Reads the library; a read started before is forgotten (its result would be older).
    pub fn library(&mut self, root: PathBuf, message: Option<String>) {
        self.jobs.retain(|job| job.read != Read::Library);
        self.spawn(Read::Library, move |tx| {
            let read =
                Context::open(root, RunOptions::default()).and_then(|cx| loader::library(&cx));
            let arrival = match read {
                Ok((refs, diagnostics)) => Arrival::Library {
                    refs,
                    diagnostics,
                    message,
                },
                Err(error) => Arrival::LibraryFailed(error.to_string()),
            };
            tx.send(arrival).ok()
        });
    }

    /// Counts glose's files changed since the last commit; a count started before is forgotten.
    pub fn pending(&mut self, root: PathBuf) {
        self.jobs.retain(|job| job.read != Read::Pending);
        self.spawn(Read::Pending, move |tx| {
            let cx = Context::open(root, RunOptions::default()).ok()?;
            tx.send(Arrival::Pending(loader::pending(&cx))).ok()
        });
    }

    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// What arrived so far, without waiting.
    pub fn arrived(&mut self) -> Vec<Arrival> {
        let mut out = Vec::new();
        self.jobs.retain_mut(|job| {
            loop {
                match job.rx.try_recv() {
                    Ok(arrival) => {
                        job.delivered = true;
                        out.push(arrival);
                    }
                    Err(TryRecvError::Empty) => return true,
                    Err(TryRecvError::Disconnected) => {
                        out.extend(job.silence());
                        return false;
                    }
                }
            }
        });
        out
    }

    /// Waits until every read has ended and returns what they sent.
    pub fn wait(&mut self) -> Vec<Arrival> {
        let mut out = Vec::new();
        for mut job in self.jobs.drain(..) {
            for arrival in job.rx.iter() {
                job.delivered = true;
                out.push(arrival);
            }
            out.extend(job.silence());
        }
        out
    }

    fn spawn(
        &mut self,
        read: Read,
        work: impl FnOnce(Sender<Arrival>) -> Option<()> + Send + 'static,
    ) {
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || work(tx));
        self.jobs.push(Job {
            read,
            rx,
            delivered: false,
        });
    }
}
