//! One GET request with a timeout, a size limit and bounded redirects.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::ResponseExt;

use super::NetError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// For connecting and for the whole exchange.
    pub timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address after redirects.
    pub url: String,
    /// Lowercase media type without parameters (`text/html`), empty when the server gave none.
    pub media_type: String,
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// Downloads `url`, refusing bodies whose media type `wanted` rejects before reading them.
pub fn get(
    url: &str,
    accept: &str,
    limits: &Limits,
    wanted: impl Fn(&str) -> Result<(), (&'static str, &'static str)>,
) -> Result<Fetched, NetError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(NetError::InvalidUrl(url.to_string()));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .timeout_connect(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(concat!("glose/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |error: ureq::Error| failure(url, limits, error);
    let mut response = agent
        .get(url)
        .header("Accept", accept)
        .call()
        .map_err(fail)?;
    let status = response.status();
    if !status.is_success() {
        return Err(NetError::Status {
            url: url.to_string(),
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
        });
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_lowercase();
    let (media_type, params) = content_type.split_once(';').unwrap_or((&content_type, ""));
    let media_type = media_type.trim().to_string();
    let charset = params
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_string());
    if let Err((expected, hint)) = wanted(&media_type) {
        return Err(NetError::Unwanted {
            url: url.to_string(),
            media_type,
            expected,
            hint,
        });
    }
    let length = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if length.is_some_and(|n| n > limits.max_bytes) {
        return Err(too_large(url, limits));
    }
    let final_url = response.get_uri().to_string();
    let body = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(fail)?;
    Ok(Fetched {
        url: final_url,
        media_type,
        charset,
        body,
    })
}

fn too_large(url: &str, limits: &Limits) -> NetError {
    NetError::TooLarge {
        url: url.to_string(),
        limit: limits.max_bytes,
    }
}

fn failure(url: &str, limits: &Limits, error: ureq::Error) -> NetError {
    let url_owned = url.to_string();
    let timeout = || NetError::Timeout {
        url: url.to_string(),
        timeout: limits.timeout,
    };
    match error {
        ureq::Error::Timeout(_) => timeout(),
        ureq::Error::Io(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            timeout()
        }
        ureq::Error::HostNotFound => NetError::Unreachable {
            url: url_owned,
            detail: "the host name was not found (offline, or a typo in the address?)".into(),
        },
        ureq::Error::ConnectionFailed => NetError::Unreachable {
            url: url_owned,
            detail: "the connection failed".into(),
        },
        ureq::Error::Io(e) => NetError::Unreachable {
            url: url_owned,
            detail: e.to_string(),
        },
        ureq::Error::BodyExceedsLimit(_) => too_large(url, limits),
        ureq::Error::TooManyRedirects => NetError::TooManyRedirects {
            url: url_owned,
            limit: limits.max_redirects,
        },
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => NetError::InvalidUrl(url_owned),
        ureq::Error::Tls(detail) => NetError::Tls {
            url: url_owned,
            detail: detail.to_string(),
        },
        ureq::Error::Rustls(e) => NetError::Tls {
            url: url_owned,
            detail: e.to_string(),
        },
        other => NetError::Other {
            url: url_owned,
            detail: other.to_string(),
        },
    }
}
