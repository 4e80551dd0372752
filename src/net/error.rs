use std::time::Duration;

/// Why a download failed; every message names the address and what to do.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("`{0}` is not a web address glose can download: give an http:// or https:// URL")]
    InvalidUrl(String),
    #[error("could not reach {url}: {detail}; check the address and your connection")]
    Unreachable { url: String, detail: String },
    #[error(
        "{url} did not answer within {} s: try again later, or raise `timeout_secs` under [net] in glose.toml",
        .timeout.as_secs_f64()
    )]
    Timeout { url: String, timeout: Duration },
    #[error("the server answered {code} {reason} for {url}")]
    Status {
        url: String,
        code: u16,
        reason: String,
    },
    #[error(
        "{url} is larger than {limit} bytes, so the download was stopped: raise `max_bytes` under [net] in glose.toml if it is right"
    )]
    TooLarge { url: String, limit: u64 },
    #[error(
        "{url} redirects too many times (more than {limit}); open it in a browser to see where it leads"
    )]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url} sent {media_type}, not {expected}: {hint}")]
    Unwanted {
        url: String,
        media_type: String,
        expected: &'static str,
        hint: &'static str,
    },
    #[error("{url}: the secure connection failed ({detail})")]
    Tls { url: String, detail: String },
    #[error("{url}: the download failed ({detail})")]
    Other { url: String, detail: String },
}
