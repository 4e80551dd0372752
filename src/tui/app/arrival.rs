//! Taking in what background reads sent: sources' texts and notes, the library.

use super::App;
use crate::tui::data::Arrival;

impl App {
    /// Fills the sources still unread (a source read since by the app itself is newer and stays) and the library.
    pub(super) fn arrive(&mut self, mut arrivals: Vec<Arrival>) {
        arrivals.retain(|arrival| match arrival {
            Arrival::Pending(count) => {
                self.data.pending = Some(*count);
                false
            }
            _ => true,
        });
        if arrivals.is_empty() {
            return;
        }
        let mut unreadable = Vec::new();
        self.keeping_place(|app| {
            for arrival in arrivals {
                match arrival {
                    Arrival::Sources(docs) => {
                        for doc in docs {
                            let slot = app.data.sources.iter_mut();
                            if let Some(slot) = slot.filter(|s| !s.loaded).find(|s| s.id == doc.id)
                            {
                                *slot = doc;
                            }
                        }
                    }
                    Arrival::Unreadable { id, message } => {
                        app.data.sources.retain(|s| s.loaded || s.id != id);
                        unreadable.push(format!("{id} is not shown: {message}"));
                    }
                    Arrival::Library {
                        refs,
                        diagnostics,
                        message,
                    } => {
                        app.data.refs = refs;
                        app.data.diagnostics = diagnostics;
                        app.data.library_loading = false;
                        if let Some(message) = message {
                            app.say(message);
                        }
                    }
                    Arrival::LibraryFailed(message) => {
                        app.data.library_loading = false;
                        unreadable.push(format!("the library could not be read: {message}"));
                    }
                    Arrival::Pending(count) => app.data.pending = Some(count),
                }
            }
        });
        if let Some(first) = unreadable.first() {
            let more = match unreadable.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            self.fail(format!("{first}{more}"));
        }
    }
}
