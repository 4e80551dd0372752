//! The command line (`:w`, `:q`, `:check`, `:goto SOURCE`, `:claims`, `:refs`, `:orphans`, `:conflicts`,
//! `:history`, `:review`) and the search prompt, with completion.

use super::{App, Prompt, PromptKind};
use crate::tui::action::Command;
use crate::tui::effects::Effect;
use crate::tui::search;

const COMMANDS: &[&str] = &[
    "check",
    "claims",
    "conflicts",
    "goto",
    "history",
    "orphans",
    "q",
    "refs",
    "review",
    "w",
    "wq",
];

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) -> Vec<Effect> {
        self.prompt = Some(Prompt {
            kind,
            text: String::new(),
            about: None,
        });
        Vec::new()
    }

    pub(super) fn prompt_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(prompt) = &mut self.prompt else {
            return Vec::new();
        };
        match command {
            Command::Cancel => self.prompt = None,
            Command::Erase if prompt.text.pop().is_none() => self.prompt = None,
            Command::Complete if prompt.kind == PromptKind::Command => self.complete(),
            Command::Confirm => {
                let Some(prompt) = self.prompt.take() else {
                    return Vec::new();
                };
                return match prompt.kind {
                    PromptKind::Command => self.run_command_line(prompt.text.trim()),
                    PromptKind::Comment => comment_from(prompt),
                    PromptKind::Search => {
                        self.search = (!prompt.text.is_empty()).then_some(prompt.text);
                        self.search_step(true);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn run_command_line(&mut self, line: &str) -> Vec<Effect> {
        let (name, argument) = match line.split_once(char::is_whitespace) {
            Some((name, rest)) => (name, rest.trim()),
            None => (line, ""),
        };
        match name {
            "w" => vec![Effect::Checkpoint],
            "q" | "wq" | "x" => self.quit(),
            "check" => vec![Effect::Check],
            "claims" | "refs" | "references" | "orphans" => {
                let command = match name {
                    "claims" => Command::Claims,
                    "orphans" => Command::Orphans,
                    _ => Command::References,
                };
                self.open_screen(command);
                Vec::new()
            }
            "history" | "log" => self.open_review_screen(Command::History),
            "review" => self.open_review_screen(Command::Review),
            "conflicts" => self.open_review_screen(Command::Conflicts),
            "goto" => {
                match self.data.sources.iter().position(|s| s.id == argument) {
                    Some(index) => self.open_source(index),
                    None => self.fail(format!(
                        "no source `{argument}`: Tab completes the source ids"
                    )),
                }
                Vec::new()
            }
            "" => Vec::new(),
            other => {
                self.fail(format!(
                    "unknown command `:{other}`: try :w, :q, :check, :goto SOURCE, :claims, :refs, :orphans, :conflicts, :history or :review"
                ));
                Vec::new()
            }
        }
    }

    /// Completes a command name, or a source id after `goto `.
    fn complete(&mut self) {
        let Some(prompt) = &self.prompt else { return };
        let (prefix, candidates): (String, Vec<String>) = match prompt.text.split_once(' ') {
            Some(("goto", partial)) => (
                "goto ".to_string(),
                self.data
                    .sources
                    .iter()
                    .map(|s| s.id.clone())
                    .filter(|id| id.starts_with(partial.trim()))
                    .collect(),
            ),
            Some(_) => return,
            None => (
                String::new(),
                COMMANDS
                    .iter()
                    .filter(|c| c.starts_with(prompt.text.as_str()))
                    .map(|c| c.to_string())
                    .collect(),
            ),
        };
        let completed = match candidates.as_slice() {
            [] => return,
            [one] if prefix.is_empty() && one == "goto" => "goto ".to_string(),
            [one] => format!("{prefix}{one}"),
            many => {
                let common = common_prefix(many);
                self.say(many.join("  "));
                format!("{prefix}{common}")
            }
        };
        if let Some(prompt) = &mut self.prompt {
            prompt.text = completed;
        }
    }

    pub(super) fn search_step(&mut self, forward: bool) {
        let (Some(query), Some(doc)) = (self.search.clone(), self.doc()) else {
            self.say("no search: / to search the text");
            return;
        };
        let text = &doc.text;
        let after = super::motion::next_char(text, self.cursor);
        let found = if forward {
            search::next(text, &query, after)
        } else {
            search::previous(text, &query, self.cursor)
        };
        match found {
            Some(at) => {
                self.move_to(at);
                self.say(format!("/{query}"));
            }
            None => self.fail(format!("`{query}` is not in this source")),
        }
    }
}

fn common_prefix(words: &[String]) -> String {
    let first = &words[0];
    let mut end = first.len();
    for word in &words[1..] {
        end = first
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    first[..end].to_string()
}

/// The comment typed, to write; nothing when it is empty.
fn comment_from(prompt: Prompt) -> Vec<Effect> {
    match prompt.about {
        Some((source, id)) if !prompt.text.trim().is_empty() => vec![Effect::Comment {
            source,
            id,
            text: prompt.text.trim().to_string(),
        }],
        _ => Vec::new(),
    }
}
