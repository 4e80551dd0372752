//! glose's own refs: `refs/glose/reviewed/<who>` records the commit each reviewer read up to.

use git2::Oid;

use super::error::{During, GitError};
use super::{Identity, Repo};

/// Where glose keeps the reviewed-up-to commit of every reviewer.
pub const REVIEWED_PREFIX: &str = "refs/glose/reviewed/";

/// The ref recording what `identity` has reviewed, named after its email.
pub fn reviewed_ref(identity: &Identity) -> String {
    let mut slug = String::new();
    for c in identity.email.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!(
        "{REVIEWED_PREFIX}{}",
        if slug.is_empty() { "anonymous" } else { slug }
    )
}

impl Repo {
    /// The commit HEAD points to, or `None` before the first commit.
    pub fn head_id(&self) -> Result<Option<String>, GitError> {
        Ok(self.head_commit()?.map(|c| c.id().to_string()))
    }

    /// The commit a ref points to, or `None` when it does not exist.
    pub fn read_ref(&self, name: &str) -> Result<Option<String>, GitError> {
        match self.repo.find_reference(name) {
            Ok(reference) => Ok(reference.target().map(|id| id.to_string())),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(GitError::Git {
                action: "reading a ref",
                source: e,
            }),
        }
    }

    /// Points the ref `name` at `commit`, creating it if needed.
    pub fn write_ref(&self, name: &str, commit: &str, why: &str) -> Result<(), GitError> {
        let id = Oid::from_str(commit).during("reading a commit id")?;
        self.repo
            .reference(name, id, true, why)
            .during("writing a ref")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_repo::{TestRepo, commit};
    use super::*;

    #[test]
    fn reviewed_refs_are_named_after_the_email() {
        let who = Identity::parse("Hélène Dubois <Helene.Dubois@example.org>").unwrap();
        assert_eq!(
            reviewed_ref(&who),
            "refs/glose/reviewed/helene-dubois-example-org"
        );
    }

    #[test]
    fn a_ref_is_written_and_read_back() {
        let t = TestRepo::new();
        let repo = t.repo();
        assert_eq!(repo.head_id().unwrap(), None);
        t.write("notes/a.toml", "one\n");
        let id = commit(&repo, &["notes"], "first").unwrap();
        assert_eq!(repo.head_id().unwrap().as_deref(), Some(id.as_str()));
        let name = reviewed_ref(&TestRepo::author());
        assert_eq!(repo.read_ref(&name).unwrap(), None);
        repo.write_ref(&name, &id, "glose review mark").unwrap();
        assert_eq!(repo.read_ref(&name).unwrap(), Some(id));
    }
}
