//! Secrets in configuration: parsed straight into [`secrecy`] types by
//! clap, so a `Debug` print of the settings (every program logs its
//! configuration at start) shows `[REDACTED]`, and URLs whose password must
//! stay hidden while the rest of them helps the reader.

use std::fmt;
use std::str::FromStr;

use secrecy::SecretString;

/// clap's parser for a secret value: `value_parser = secret`.
pub fn secret(value: &str) -> Result<SecretString, std::convert::Infallible> {
    Ok(SecretString::from(value))
}

/// A URL that may carry a password (`postgres://user:secret@host/db`):
/// `Debug` and `Display` show it with the password masked.
#[derive(Clone, PartialEq, Eq)]
pub struct UrlWithPassword(String);

impl UrlWithPassword {
    /// The URL with its password, for the client that connects with it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl FromStr for UrlWithPassword {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(s.to_owned()))
    }
}

impl fmt::Debug for UrlWithPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", mask_url(&self.0))
    }
}

impl fmt::Display for UrlWithPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&mask_url(&self.0))
    }
}

/// Query parameters that carry a secret in connection URLs (libpq's
/// `password`, and the usual spellings of tokens and keys).
const SECRET_PARAMETERS: [&str; 8] = [
    "password",
    "pass",
    "pwd",
    "passwd",
    "secret",
    "token",
    "sslpassword",
    "api_key",
];

/// Hides the secrets of a URL for display: the password
/// (`postgres://user:secret@host/db` → `postgres://user:***@host/db`) and
/// secret query parameters (`?password=…`). A URL that does not parse is
/// masked from its `://` to its last `@`, or whole when it has neither.
pub fn mask_url(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return mask_unparsed(url);
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("***"));
    }
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(k, v)| {
            let secret = SECRET_PARAMETERS.contains(&k.to_ascii_lowercase().as_str());
            (
                k.into_owned(),
                if secret {
                    "***".to_owned()
                } else {
                    v.into_owned()
                },
            )
        })
        .collect();
    if !pairs.is_empty() {
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

fn mask_unparsed(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***{}", &url[..scheme_end], &url[at..])
        }
        _ if url.contains('@') || url.contains('=') => "***".to_owned(),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls_are_masked() {
        assert_eq!(
            mask_url("postgres://u:secret@127.0.0.1:5432/db"),
            "postgres://u:***@127.0.0.1:5432/db"
        );
        assert_eq!(
            mask_url("postgres://127.0.0.1/db"),
            "postgres://127.0.0.1/db"
        );
        let url: UrlWithPassword = "postgres://u:secret@h/db".parse().expect("url");
        assert_eq!(format!("{url:?}"), "\"postgres://u:***@h/db\"");
        assert_eq!(url.expose(), "postgres://u:secret@h/db");
    }

    #[test]
    fn secrets_never_print() {
        let key = secret("k-123").expect("secret");
        assert!(!format!("{key:?}").contains("k-123"));
    }

    #[test]
    fn secret_query_parameters_and_unparsable_urls_are_masked() {
        let masked = mask_url("postgres://db.example/txclass?sslmode=require&password=hunter2");
        assert!(!masked.contains("hunter2"), "{masked}");
        assert!(masked.contains("sslmode=require"), "{masked}");
        // Not a URL the parser takes (a space in the host), password and all.
        let masked = mask_url("postgres://u:hunter2@db example/txclass");
        assert!(!masked.contains("hunter2"), "{masked}");
        assert!(masked.starts_with("postgres://***@"), "{masked}");
        assert_eq!(mask_url("host=db password=hunter2"), "***");
    }
}
