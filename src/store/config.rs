//! Workspace settings read from `glose.toml`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::StoreError;
use super::notes_format::line_column;

/// The settings of `glose.toml`; unknown keys are ignored so newer files still load.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// CSL style name for Markdown exports; `None` means the exporter's default.
    pub style: Option<String>,
    /// BCP 47 language tag of exported bibliographies.
    pub locale: String,
    /// Terminal UI key overrides: action name = "key" (`claim = "ctrl-k"`).
    pub keys: BTreeMap<String, String>,
    pub net: NetConfig,
}

/// The `[net]` settings of downloads (`glose add URL`, `glose bib doi`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NetConfig {
    /// Where DOIs are resolved: `<doi_base>/<doi>`.
    pub doi_base: String,
    pub timeout_secs: u64,
    pub max_bytes: u64,
}

impl Default for NetConfig {
    fn default() -> Self {
        NetConfig {
            doi_base: "https://doi.org".to_string(),
            timeout_secs: 20,
            max_bytes: 20_000_000,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            style: None,
            locale: "fr-FR".to_string(),
            keys: BTreeMap::new(),
            net: NetConfig::default(),
        }
    }
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, StoreError> {
        let text = fs::read_to_string(path).map_err(|e| StoreError::io("read", path, e))?;
        Config::parse(&text).map_err(|(line, column, message)| StoreError::Config {
            path: path.to_path_buf(),
            line,
            column,
            message,
        })
    }

    fn parse(text: &str) -> Result<Config, (usize, usize, String)> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
            (line, column, e.message().trim().to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_ignores_unknown_keys() {
        let config = Config::parse("style = \"apa\"\nlocale = \"en-GB\"\nfuture = 3\n").unwrap();
        assert_eq!(config.style.as_deref(), Some("apa"));
        assert_eq!(config.locale, "en-GB");
        assert_eq!(Config::parse("").unwrap(), Config::default());
        let keys = Config::parse("[keys]\nclaim = \"ctrl-k\"\n").unwrap().keys;
        assert_eq!(keys.get("claim").map(String::as_str), Some("ctrl-k"));
    }

    #[test]
    fn net_settings_have_defaults_and_can_be_set() {
        assert_eq!(Config::default().net.doi_base, "https://doi.org");
        let net = Config::parse("[net]\ndoi_base = \"http://127.0.0.1:9\"\ntimeout_secs = 1\n")
            .unwrap()
            .net;
        assert_eq!(net.doi_base, "http://127.0.0.1:9");
        assert_eq!(net.timeout_secs, 1);
        assert_eq!(net.max_bytes, 20_000_000);
    }

    #[test]
    fn a_syntax_error_names_file_line_and_fix() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("glose.toml");
        fs::write(&path, "# settings\nlocale = \"fr-FR\"\nstyle = apa\n").unwrap();
        let err = Config::load(&path).unwrap_err();
        assert!(matches!(err, StoreError::Config { line: 3, .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.contains("glose.toml:3:") && message.contains("fix glose.toml"),
            "{message}"
        );
    }

    #[test]
    fn a_wrong_type_is_reported_too() {
        let (line, _, message) = Config::parse("\nlocale = 3\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("string"), "{message}");
    }

    #[test]
    fn a_missing_file_names_the_path() {
        let err = Config::load(Path::new("no/such/glose.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no/such/glose.toml"), "{err}");
    }
}
