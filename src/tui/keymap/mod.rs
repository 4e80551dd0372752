//! Keys to commands, from one table of defaults plus the `[keys]` overrides of glose.toml.

mod defaults;
mod key;

use std::collections::BTreeMap;

pub use key::{Key, parse_sequence};

use super::action::Command;

/// Where a binding applies; `Global` applies in the reader's panes but not while typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    Global,
    Reader,
    Sources,
    Annotations,
    Claims,
    References,
    Orphans,
    Conflicts,
    History,
    Review,
    Picker,
    Editor,
    Prompt,
    Help,
}

impl Scope {
    pub const ALL: [Scope; 14] = [
        Scope::Global,
        Scope::Reader,
        Scope::Sources,
        Scope::Annotations,
        Scope::Claims,
        Scope::References,
        Scope::Orphans,
        Scope::Conflicts,
        Scope::History,
        Scope::Review,
        Scope::Picker,
        Scope::Editor,
        Scope::Prompt,
        Scope::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Reader => "Reader: the text",
            Scope::Sources => "Reader: sources",
            Scope::Annotations => "Reader: annotations",
            Scope::Claims => "Claims board (C, :claims)",
            Scope::References => "References (R, :refs)",
            Scope::Orphans => "Orphans: fuzzy and orphaned anchors (O, :orphans)",
            Scope::Conflicts => "Merge conflicts (M, :conflicts)",
            Scope::History => "History (H, :history; Tab moves between commits and changes)",
            Scope::Review => "Review mode (V, :review)",
            Scope::Picker => "Citation picker",
            Scope::Editor => "Annotation editor (other keys type in the field)",
            Scope::Prompt => "Command line and search",
            Scope::Help => "Help",
        }
    }

    /// Scopes where a plain character is text being typed, not a command.
    pub fn takes_text(self) -> bool {
        matches!(self, Scope::Picker | Scope::Prompt)
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Scope, Key, Command)>,
}

impl Keymap {
    /// The defaults with `overrides` (command name = "key key ...") applied, and a warning per bad entry.
    pub fn new(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<String>) {
        let mut bindings: Vec<(Scope, Key, Command)> = defaults::DEFAULTS
            .iter()
            .filter_map(|(scope, text, command)| Some((*scope, Key::parse(text)?, *command)))
            .collect();
        let mut warnings = Vec::new();
        for (name, keys) in overrides {
            let Some(command) = Command::from_name(name) else {
                warnings.push(format!(
                    "glose.toml [keys]: no command `{name}` (see ? for names)"
                ));
                continue;
            };
            let parsed: Option<Vec<Key>> = keys.split_whitespace().map(Key::parse).collect();
            let Some(parsed) = parsed.filter(|p| !p.is_empty()) else {
                warnings.push(format!(
                    "glose.toml [keys]: `{keys}` is not a key (write \"ctrl-s\", \"x\", \"enter\")"
                ));
                continue;
            };
            let mut scopes: Vec<Scope> = bindings
                .iter()
                .filter(|(_, _, c)| *c == command)
                .map(|(s, _, _)| *s)
                .collect();
            scopes.dedup();
            bindings.retain(|(_, _, c)| *c != command);
            for scope in scopes {
                bindings.retain(|(s, k, _)| !(*s == scope && parsed.contains(k)));
                bindings.extend(parsed.iter().map(|k| (scope, *k, command)));
            }
        }
        (Keymap { bindings }, warnings)
    }

    /// The command bound to `key` in `scope`, falling back to global bindings outside text input.
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Command> {
        let find = |s: Scope| {
            self.bindings
                .iter()
                .find(|(bs, k, _)| *bs == s && *k == key)
                .map(|(_, _, c)| *c)
        };
        find(scope).or_else(|| {
            if scope.takes_text() || matches!(scope, Scope::Help | Scope::Editor) {
                None
            } else {
                find(Scope::Global)
            }
        })
    }

    /// The first key of `command` in `scope` or globally, for hints.
    pub fn key_for(&self, scope: Scope, command: Command) -> Option<Key> {
        [scope, Scope::Reader, Scope::Global].iter().find_map(|s| {
            self.bindings
                .iter()
                .find(|(bs, _, c)| bs == s && *c == command)
                .map(|(_, k, _)| *k)
        })
    }

    /// Every binding of a scope, the keys of one command together, in table order.
    pub fn grouped(&self, scope: Scope) -> Vec<(Command, Vec<Key>)> {
        let mut out: Vec<(Command, Vec<Key>)> = Vec::new();
        for (s, key, command) in &self.bindings {
            if *s != scope {
                continue;
            }
            match out.iter_mut().find(|(c, _)| c == command) {
                Some((_, keys)) => keys.push(*key),
                None => out.push((*command, vec![*key])),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_scoped_then_global_bindings_but_not_while_typing() {
        let (keymap, warnings) = Keymap::new(&BTreeMap::new());
        assert!(warnings.is_empty());
        assert_eq!(
            keymap.lookup(Scope::Reader, Key::char('c')),
            Some(Command::Claim)
        );
        assert_eq!(
            keymap.lookup(Scope::Reader, Key::char('q')),
            Some(Command::Quit)
        );
        assert_eq!(keymap.lookup(Scope::Prompt, Key::char('q')), None);
        assert_eq!(keymap.lookup(Scope::Sources, Key::char('c')), None);
        assert_eq!(
            keymap.lookup(Scope::Annotations, Key::char('@')),
            Some(Command::Cite)
        );
        assert_eq!(
            keymap.lookup(Scope::Annotations, Key::char('j')),
            Some(Command::Down)
        );
    }

    #[test]
    fn overrides_replace_a_commands_keys_and_bad_ones_warn() {
        let overrides = BTreeMap::from([
            ("claim".to_string(), "x ctrl-k".to_string()),
            ("nope".to_string(), "y".to_string()),
            ("quit".to_string(), "not-a-key".to_string()),
        ]);
        let (keymap, warnings) = Keymap::new(&overrides);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(
            keymap.lookup(Scope::Reader, Key::char('x')),
            Some(Command::Claim)
        );
        assert_eq!(
            keymap.lookup(Scope::Reader, Key::parse("ctrl-k").unwrap()),
            Some(Command::Claim)
        );
        assert_eq!(keymap.lookup(Scope::Reader, Key::char('c')), None);
        assert_eq!(
            keymap.lookup(Scope::Reader, Key::char('q')),
            Some(Command::Quit)
        );
    }
}
