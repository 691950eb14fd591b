//! Posting a JSON body to a URL, with retries.
//!
//! One attempt and up to [`RETRIES`] more after a backoff that doubles
//! (0.5 s, 1 s, 2 s by default). Any 2xx answer is success. A transport
//! error, 408, 425, 429 or 5xx is worth another try; any other answer
//! (a 3xx, a 404, a 400 for a bad body) will not change, so it fails at
//! once. Each attempt has a 10 s time limit. Redirects are not followed:
//! nothing is sent anywhere but the URL given.
//!
//! A failure quotes the receiver's answer (or the transport error) through
//! [`redact::printable`]: on one line, without control characters, with
//! the URL's secret parts replaced by `…`, at most [`REASON_CHARS`]
//! characters.

use std::time::Duration;

use super::redact;

/// Tries after the first.
pub const RETRIES: u32 = 3;

/// The most characters of a receiver's answer (or of a transport error)
/// that a failure's reason quotes.
pub const REASON_CHARS: usize = 200;

/// The time limit of one attempt.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The default wait before the first retry; it doubles for each further one.
pub const DEFAULT_BACKOFF: Duration = Duration::from_millis(500);

/// An HTTP client for webhooks.
pub struct Client {
    agent: ureq::Agent,
    backoff: Duration,
}

/// A post that did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// How many requests were made.
    pub attempts: u32,
    /// What went wrong the last time, e.g. `HTTP 500: ...`, safe to print.
    pub reason: String,
}

impl Client {
    /// A client whose first retry waits `backoff`.
    pub fn new(backoff: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("allclear/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: config.into(),
            backoff,
        }
    }

    /// POST `body` (JSON) to `url`, retrying as the module says.
    /// Returns the number of requests made.
    ///
    /// # Errors
    /// A [`Failure`] when no attempt succeeded.
    pub fn post_json(&self, url: &str, body: &[u8]) -> Result<u32, Failure> {
        let mut wait = self.backoff;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let (reason, retry) = match self.once(url, body) {
                Ok(()) => return Ok(attempts),
                Err(e) => e,
            };
            if !retry || attempts > RETRIES {
                return Err(Failure { attempts, reason });
            }
            std::thread::sleep(wait);
            wait *= 2;
        }
    }

    /// One request: `Err((reason, worth retrying))` unless the answer is 2xx.
    fn once(&self, url: &str, body: &[u8]) -> Result<(), (String, bool)> {
        let mut response = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(|e| (redact::printable(&e.to_string(), url, REASON_CHARS), true))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            // Read the answer so the connection can be reused; its content
            // does not matter.
            let _ = response.body_mut().with_config().limit(64 * 1024).read_to_vec();
            return Ok(());
        }
        let bytes = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_vec()
            .unwrap_or_default();
        let text = redact::printable(&String::from_utf8_lossy(&bytes), url, REASON_CHARS);
        let mut reason = format!("HTTP {status}");
        if !text.is_empty() {
            reason.push_str(": ");
            reason.push_str(&text);
        }
        let retry = matches!(status, 408 | 425 | 429 | 500..=599);
        Err((reason, retry))
    }
}
