//! The merge drivers that let plain `git merge` merge notes and .bib files the way `glose sync` does.

use super::Repo;
use super::error::{During, GitError};

/// (driver name, description, command) for each driver glose registers.
pub const MERGE_DRIVERS: [(&str, &str, &str); 2] = [
    (
        "glose-notes",
        "glose: notes merged by annotation id",
        "glose merge-notes %O %A %B",
    ),
    (
        "glose-bib",
        "glose: .bib merged entry by entry",
        "glose merge-bib %O %A %B",
    ),
];

impl Repo {
    /// The drivers whose command is missing or different in the repository's config.
    pub fn missing_merge_drivers(&self) -> Result<Vec<&'static str>, GitError> {
        let config = self.repo.config().during("reading git config")?;
        Ok(MERGE_DRIVERS
            .iter()
            .filter(|(name, _, command)| {
                config
                    .get_string(&format!("merge.{name}.driver"))
                    .map_or(true, |set| set != *command)
            })
            .map(|(name, _, _)| *name)
            .collect())
    }

    /// Writes both drivers into the repository's own config (`.git/config`).
    pub fn register_merge_drivers(&self) -> Result<(), GitError> {
        let config = self.repo.config().during("reading git config")?;
        let mut local = config
            .open_level(git2::ConfigLevel::Local)
            .during("opening the repository's config")?;
        for (name, description, command) in MERGE_DRIVERS {
            local
                .set_str(&format!("merge.{name}.name"), description)
                .during("writing git config")?;
            local
                .set_str(&format!("merge.{name}.driver"), command)
                .during("writing git config")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_repo::TestRepo;

    #[test]
    fn drivers_are_registered_in_the_repository_config() {
        let t = TestRepo::new();
        let repo = t.repo();
        assert_eq!(
            repo.missing_merge_drivers().unwrap(),
            ["glose-notes", "glose-bib"]
        );
        repo.register_merge_drivers().unwrap();
        assert!(repo.missing_merge_drivers().unwrap().is_empty());
        assert_eq!(
            t.git(&["config", "merge.glose-bib.driver"]).trim(),
            "glose merge-bib %O %A %B"
        );
    }
}
