//! The citation picker's fuzzy matching on a thread of its own: a newer query cancels the one being
//! matched, and the matches of the query's prefixes are kept to narrow from and to go back to.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use nucleo_matcher::Matcher;

use super::data::Refs;
use super::fuzzy;

/// The matches of a query in one read of the library, best first.
#[derive(Debug)]
pub struct Matched {
    pub query: String,
    pub refs: Refs,
    pub matches: Vec<usize>,
}

struct Job {
    query: String,
    refs: Refs,
    generation: u64,
}

/// The matching thread, seen from the event loop.
pub struct Matching {
    jobs: Option<Sender<Job>>,
    results: Receiver<(u64, Matched)>,
    /// The generation of the newest query asked for; the thread gives up on older ones.
    latest: Arc<AtomicU64>,
    answered: u64,
    /// Matched here because the thread is gone.
    fallback: Vec<Matched>,
}

impl Default for Matching {
    fn default() -> Matching {
        let (jobs, inbox) = mpsc::channel();
        let (outbox, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || work(&inbox, &outbox, &newest));
        Matching {
            jobs: Some(jobs),
            results,
            latest,
            answered: 0,
            fallback: Vec::new(),
        }
    }
}

impl Matching {
    /// Asks for the matches of `query` in `refs`; they come back from [`Matching::arrived`].
    pub fn find(&mut self, query: String, refs: Refs) {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let job = Job {
            query,
            refs,
            generation,
        };
        let Some(jobs) = &self.jobs else {
            return self.match_here(job);
        };
        if let Err(mpsc::SendError(job)) = jobs.send(job) {
            self.jobs = None;
            self.match_here(job);
        }
    }

    /// Whether the newest query asked for is still being matched.
    pub fn pending(&self) -> bool {
        self.jobs.is_some() && self.answered < self.latest.load(Ordering::SeqCst)
    }

    /// The matches that came since the last time, without waiting.
    pub fn arrived(&mut self) -> Vec<Matched> {
        let mut out = std::mem::take(&mut self.fallback);
        while self.jobs.is_some() {
            match self.results.try_recv() {
                Ok(result) => out.push(self.answer(result)),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.jobs = None,
            }
        }
        out
    }

    /// Waits for the matches of the newest query.
    pub fn wait(&mut self) -> Vec<Matched> {
        let mut out = self.arrived();
        while self.pending() {
            match self.results.recv() {
                Ok(result) => out.push(self.answer(result)),
                Err(_) => self.jobs = None,
            }
        }
        out
    }

    fn answer(&mut self, (generation, matched): (u64, Matched)) -> Matched {
        self.answered = self.answered.max(generation);
        matched
    }

    fn match_here(&mut self, job: Job) {
        let matches = fuzzy::fuzzy(&job.query, &job.refs, &mut fuzzy::new_matcher());
        self.fallback.push(Matched {
            query: job.query,
            refs: job.refs,
            matches,
        });
    }
}

impl Drop for Matching {
    fn drop(&mut self) {
        self.latest.fetch_add(1, Ordering::SeqCst);
    }
}

/// Matches the newest job waiting, and sends its matches unless a newer one came meanwhile.
fn work(inbox: &Receiver<Job>, outbox: &Sender<(u64, Matched)>, latest: &AtomicU64) {
    let mut matcher = fuzzy::new_matcher();
    let mut known = Known::default();
    while let Ok(mut job) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        let stale = || latest.load(Ordering::SeqCst) != job.generation;
        let Some(matches) = known.matches(&job.query, &job.refs, &mut matcher, &stale) else {
            continue;
        };
        if stale() {
            continue;
        }
        let matched = Matched {
            query: job.query,
            refs: job.refs,
            matches,
        };
        if outbox.send((job.generation, matched)).is_err() {
            return;
        }
    }
}

/// The matches of the last query and of its prefixes, in one read of the library.
#[derive(Default)]
struct Known {
    refs: Refs,
    queries: Vec<(String, Vec<usize>)>,
}

impl Known {
    /// The matches of `query`: kept from before, narrowed from a prefix's, or matched afresh;
    /// `None` when `stop` said to give up.
    fn matches(
        &mut self,
        query: &str,
        refs: &Refs,
        matcher: &mut Matcher,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<usize>> {
        if self.refs != *refs {
            self.refs = refs.clone();
            self.queries.clear();
        }
        self.queries
            .retain(|(known, _)| query.starts_with(known.as_str()));
        if let Some((_, matches)) = self.queries.iter().find(|(known, _)| known == query) {
            return Some(matches.clone());
        }
        let among = self
            .queries
            .iter()
            .rev()
            .find(|(known, _)| fuzzy::narrows(known, query))
            .map(|(_, matches)| matches.as_slice());
        let matches = fuzzy::scored(query, refs, among, matcher, stop)?;
        self.queries.push((query.to_string(), matches.clone()));
        Some(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::data::RefItem;

    fn library(n: usize) -> Refs {
        let words = [
            "droit", "pénal", "Müller", "revue", "cyber", "2016", "loi", "nid",
        ];
        let items: Vec<RefItem> = (0..n)
            .map(|i| {
                let text = format!("ref{i} {} {} {i}", words[i % 8], words[(i * 3 + 1) % 8]);
                RefItem {
                    key: format!("ref{i}"),
                    summary: String::new(),
                    haystack: text.as_str().into(),
                    fields: Vec::new(),
                    place: String::new(),
                }
            })
            .collect();
        items.into()
    }

    #[test]
    fn typing_and_erasing_give_what_a_fresh_search_gives() {
        let refs = library(300);
        let mut known = Known::default();
        let mut matcher = fuzzy::new_matcher();
        for query in ["dr pen", "muller 1", "ref1!2", "cyb^er", "loi$ 3"] {
            let typed = (1..=query.len()).filter(|n| query.is_char_boundary(*n));
            let prefixes: Vec<&str> = typed.map(|n| &query[..n]).collect();
            for prefix in prefixes.iter().chain(prefixes.iter().rev()) {
                let fresh = fuzzy::fuzzy(prefix, &refs, &mut matcher);
                let found = known.matches(prefix, &refs, &mut matcher, &|| false);
                assert_eq!(found, Some(fresh), "for {prefix:?}");
            }
        }
    }

    #[test]
    fn another_read_of_the_library_is_matched_afresh() {
        let mut known = Known::default();
        let mut matcher = fuzzy::new_matcher();
        let small = library(10);
        let large = library(20);
        let in_small = known.matches("ref1", &small, &mut matcher, &|| false);
        let in_large = known.matches("ref1", &large, &mut matcher, &|| false);
        assert_eq!(in_small, Some(fuzzy::fuzzy("ref1", &small, &mut matcher)));
        assert_eq!(in_large, Some(fuzzy::fuzzy("ref1", &large, &mut matcher)));
        assert_ne!(in_small, in_large);
    }

    #[test]
    fn the_newest_query_is_answered() {
        let refs = library(5000);
        let mut matching = Matching::default();
        for query in ["d", "dr", "dro", "droit 1"] {
            matching.find(query.to_string(), refs.clone());
        }
        let answers = matching.wait();
        assert!(!matching.pending());
        let last = answers.last().expect("an answer");
        assert_eq!(last.query, "droit 1");
        assert!(last.refs == refs);
        let fresh = fuzzy::fuzzy("droit 1", &refs, &mut fuzzy::new_matcher());
        assert_eq!(last.matches, fresh);
        assert!(matching.arrived().is_empty());
    }
}
