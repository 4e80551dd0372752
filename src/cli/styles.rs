use super::Outcome;
use crate::export::archived_styles;
use crate::ops::Context;

/// List the citation styles `glose export markdown --style` accepts.
pub fn run(cx: Option<&Context>) -> anyhow::Result<Outcome> {
    outln!("Built-in styles (use the first name):");
    for (names, title) in archived_styles() {
        outln!("  {:32} {title}", names.join(", "));
    }
    if let Some(cx) = cx {
        let dir = cx.ws.root.join("styles");
        let mut own: Vec<String> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".csl").map(str::to_string)
            })
            .collect();
        own.sort();
        if !own.is_empty() {
            outln!("Workspace styles (styles/*.csl):");
            for name in own {
                outln!("  {name}");
            }
        }
    }
    outln!("Any CSL 1.0 file also works by path: --style path/to/style.csl");
    Ok(Outcome::Success)
}
