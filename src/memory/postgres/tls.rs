//! TLS to a PostgreSQL memory: `sslmode=require` in the URL (what managed servers demand)
//! connects through rustls and verifies the server's certificate and name against the
//! system's trusted roots, or against `SSL_CERT_FILE` / `SSL_CERT_DIR` when set (a team's own
//! CA). Without `sslmode=require` the connection is plain: the default `prefer` of libpq
//! would accept any certificate, which protects against nothing a tunnel does not.

use crate::error::{Error, Result};
use postgres::config::SslMode;
use std::path::PathBuf;
use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The TLS connector `config` asks for, if any.
pub(super) fn connector(config: &postgres::Config, display: &str) -> Result<Option<MakeRustlsConnect>> {
    if config.get_ssl_mode() != SslMode::Require {
        return Ok(None);
    }
    let refused = |reason: String| Error::Memory {
        path: PathBuf::from(display),
        reason,
    };
    let mut roots = rustls::RootCertStore::empty();
    for certificate in rustls_native_certs::load_native_certs().certs {
        // A certificate the store cannot use is skipped, as a browser would.
        let _ = roots.add(certificate);
    }
    if roots.is_empty() {
        return Err(refused(
            "sslmode=require, but no trusted certificates were found (set SSL_CERT_FILE to the server's CA)".into(),
        ));
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| refused(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Some(MakeRustlsConnect::new(tls)))
}

/// Whether an error is a refused TLS handshake (an unknown certificate, a wrong name): trying
/// again cannot help.
pub(super) fn is_handshake_failure(e: &postgres::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if s.is::<rustls::Error>() {
            return true;
        }
        if let Some(inner) = s.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref())
            && inner.is::<rustls::Error>()
        {
            return true;
        }
        source = s.source();
    }
    false
}
