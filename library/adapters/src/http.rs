//! Pieces every txclass HTTP service shares: API-key checks and shutdown
//! on SIGINT/SIGTERM.

use subtle::ConstantTimeEq;

/// Whether `given` (the `x-api-key` header) is one of `keys`. Each key is
/// compared in constant time and every key is compared, so timing reveals
/// neither which key nor how much of one matched. No keys: no check.
pub fn api_key_accepted(keys: &[String], given: &[u8]) -> bool {
    if keys.is_empty() {
        return true;
    }
    let mut matched = subtle::Choice::from(0u8);
    for key in keys {
        matched |= key.as_bytes().ct_eq(given);
    }
    bool::from(matched)
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_configured_key_is_accepted_and_nothing_else() {
        let keys = vec!["k1".to_owned(), "k2".to_owned()];
        assert!(api_key_accepted(&keys, b"k1"));
        assert!(api_key_accepted(&keys, b"k2"));
        assert!(!api_key_accepted(&keys, b"k"));
        assert!(!api_key_accepted(&keys, b""));
        assert!(api_key_accepted(&[], b""));
    }
}
