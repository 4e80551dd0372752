use super::{Outcome, printable};
use crate::ops::{self, Context, Severity};

/// Report unsupported claims, unknown keys, broken anchors and library problems.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub json: bool,
}

pub fn run(cx: &Context, args: Args) -> anyhow::Result<Outcome> {
    let findings = ops::check(cx)?;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    if args.json {
        outln!("{}", printable::json(&findings)?);
    } else {
        for (severity, title) in [(Severity::Error, "Errors"), (Severity::Warning, "Warnings")] {
            let group: Vec<_> = findings.iter().filter(|f| f.severity == severity).collect();
            if group.is_empty() {
                continue;
            }
            outln!("{title} ({}):", group.len());
            for finding in group {
                outln!(
                    "  {} [{}] {}",
                    printable::clean(&finding.location),
                    finding.code,
                    printable::clean(&finding.message)
                );
            }
        }
        outln!("{errors} error(s), {warnings} warning(s)");
    }
    Ok(if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}
