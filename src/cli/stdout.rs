//! What the command line prints. A reader that goes away early (`glose refs | head`) ends glose
//! quietly, as it ends other Unix tools, instead of a panic.

use std::fmt;
use std::io::{self, Write};

/// Writes to standard output; a closed pipe exits with success, another write error with 2.
pub fn write(args: fmt::Arguments<'_>) {
    let mut out = io::stdout().lock();
    if let Err(error) = out.write_fmt(args).and_then(|()| out.flush()) {
        if error.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("glose: cannot write the output ({error}): is the disk or the terminal gone?");
        std::process::exit(2);
    }
}
