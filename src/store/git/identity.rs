//! Who glose commits as: `--author`, the GIT_AUTHOR_* variables, or git config.

use std::fmt;
use std::path::{Path, PathBuf};

use git2::{Config, ConfigLevel};

use super::error::{During, GitError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

impl Identity {
    /// Parses `Name <email>`, the form `--author` takes.
    pub fn parse(text: &str) -> Result<Identity, GitError> {
        let bad = || GitError::BadAuthor {
            text: text.to_owned(),
        };
        let (name, rest) = text.trim().split_once('<').ok_or_else(bad)?;
        let email = rest.strip_suffix('>').ok_or_else(bad)?;
        Identity::new(name, email).ok_or_else(bad)
    }

    fn new(name: &str, email: &str) -> Option<Identity> {
        let (name, email) = (name.trim(), email.trim());
        let forbidden = |s: &str| s.is_empty() || s.contains(['<', '>', '\n', '\r', '\0']);
        if forbidden(name) || forbidden(email) {
            return None;
        }
        Some(Identity {
            name: name.to_owned(),
            email: email.to_owned(),
        })
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// Looks the identity up the way git does, reading variables through `env`.
pub(crate) fn lookup(
    git_dir: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Identity, GitError> {
    let config = config(git_dir, env)?;
    let setting = |key: &str| config.get_string(key).ok().filter(|v| !v.trim().is_empty());
    let from_env = |key: &str| env(key).filter(|v| !v.trim().is_empty());
    let name = from_env("GIT_AUTHOR_NAME")
        .or_else(|| setting("author.name"))
        .or_else(|| setting("user.name"));
    let email = from_env("GIT_AUTHOR_EMAIL")
        .or_else(|| setting("author.email"))
        .or_else(|| setting("user.email"))
        .or_else(|| from_env("EMAIL"));
    match (name, email) {
        (Some(name), Some(email)) => Identity::new(&name, &email).ok_or(GitError::NoIdentity),
        _ => Err(GitError::NoIdentity),
    }
}

/// The system, global and repository config files, chosen as git chooses them.
fn config(git_dir: &Path, env: &dyn Fn(&str) -> Option<String>) -> Result<Config, GitError> {
    let mut files: Vec<(PathBuf, ConfigLevel)> = Vec::new();
    let no_system = env("GIT_CONFIG_NOSYSTEM").is_some_and(|v| is_true(&v));
    if !no_system {
        let system = env("GIT_CONFIG_SYSTEM")
            .map(PathBuf::from)
            .or_else(|| Config::find_system().ok());
        files.extend(system.map(|p| (p, ConfigLevel::System)));
    }
    let home = env("HOME").map(PathBuf::from);
    match env("GIT_CONFIG_GLOBAL") {
        Some(global) => files.push((PathBuf::from(global), ConfigLevel::Global)),
        None => {
            let xdg = env("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".config")))
                .map(|dir| dir.join("git").join("config"));
            files.extend(xdg.map(|p| (p, ConfigLevel::XDG)));
            let global = home
                .map(|h| h.join(".gitconfig"))
                .or_else(|| Config::find_global().ok());
            files.extend(global.map(|p| (p, ConfigLevel::Global)));
        }
    }
    files.push((git_dir.join("config"), ConfigLevel::Local));

    let mut config = Config::new().during("reading git config")?;
    for (path, level) in files.iter().filter(|(path, _)| path.exists()) {
        config
            .add_file(path, *level, false)
            .during("reading git config")?;
    }
    Ok(config)
}

fn is_true(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::git::test_repo::{TestRepo, hermetic_env};

    #[test]
    fn parses_and_displays_name_and_email() {
        let id = Identity::parse("  Ada Lovelace <ada@example.org> ").unwrap();
        assert_eq!(id.name, "Ada Lovelace");
        assert_eq!(id.email, "ada@example.org");
        assert_eq!(id.to_string(), "Ada Lovelace <ada@example.org>");
    }

    #[test]
    fn rejects_malformed_authors() {
        for text in [
            "Ada",
            "<ada@example.org>",
            "Ada <>",
            "Ada <a@b",
            "A <b> <c>",
            "",
        ] {
            let err = Identity::parse(text).unwrap_err();
            assert!(matches!(err, GitError::BadAuthor { .. }), "{text}: {err}");
            assert!(err.to_string().contains("Name <email>"));
        }
    }

    #[test]
    fn missing_identity_says_how_to_set_one() {
        let t = TestRepo::new_without_identity();
        let err = t.repo().identity_from_env(&hermetic_env(&[])).unwrap_err();
        assert!(matches!(err, GitError::NoIdentity));
        let message = err.to_string();
        assert!(
            message.contains("git config --global user.name"),
            "{message}"
        );
        assert!(message.contains("--author"), "{message}");
    }

    #[test]
    fn reads_repository_config() {
        let t = TestRepo::new_without_identity();
        t.git(&["config", "user.name", "Repo Person"]);
        t.git(&["config", "user.email", "repo@example.org"]);
        let id = t.repo().identity_from_env(&hermetic_env(&[])).unwrap();
        assert_eq!(id.to_string(), "Repo Person <repo@example.org>");
    }

    #[test]
    fn reads_the_global_file_named_by_git_config_global() {
        let t = TestRepo::new_without_identity();
        let global = t.dir().join("global.gitconfig");
        std::fs::write(
            &global,
            "[user]\n\tname = Global Person\n\temail = g@example.org\n",
        )
        .unwrap();
        let global = global.to_string_lossy().into_owned();
        let env = hermetic_env(&[("GIT_CONFIG_GLOBAL", &global)]);
        let id = t.repo().identity_from_env(&env).unwrap();
        assert_eq!(id.to_string(), "Global Person <g@example.org>");
    }

    #[test]
    fn author_variables_win_over_config() {
        let t = TestRepo::new();
        let env = hermetic_env(&[("GIT_AUTHOR_NAME", "Env Person")]);
        let id = t.repo().identity_from_env(&env).unwrap();
        assert_eq!(id.name, "Env Person");
        assert_eq!(id.email, TestRepo::EMAIL);
    }
}
