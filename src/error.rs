//! The library's error type: every failure names what it concerns (file and line, engine,
//! tag) and carries a Fluent message id, so `main` can show it in the user's language.
//!
//! The English `Display` text is the fallback and what logs see. No variant ever holds a
//! secret: engines report their HTTP status and the engine's own error text, never a header.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: is a directory, not a file", path.display())]
    IsDirectory { path: PathBuf },
    #[error("{}: a folder with no documents to translate", path.display())]
    EmptyFolder { path: PathBuf },
    #[error("{}:{line}: not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, line: usize },
    #[error("{}: binary file (NUL byte on line {line})", path.display())]
    Binary { path: PathBuf, line: usize },
    #[error("{}: the file is empty: there is nothing to translate", path.display())]
    Empty { path: PathBuf },
    #[error("{}: unknown document format (known: .txt, .md, .markdown, .html, .htm, .ftl)", path.display())]
    UnknownFormat { path: PathBuf },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Config { path: PathBuf, message: String },
    #[error("bad language tag: {0}")]
    Locale(#[from] crate::lang::LocaleError),
    #[error("no target languages: give --to or set `targets` in l10n.toml")]
    NoTargets,
    #[error(
        "no project here (no l10n.toml in this folder or above): run `l10n init` to start one, or name the documents and --to"
    )]
    NoProject,
    #[error("{}: no documents: name them, or list them as `documents` in the project file", path.display())]
    NoDocuments { path: PathBuf },
    #[error("unknown backend '{name}' (known: {known})")]
    UnknownBackend { name: String, known: String },
    #[error("{}: {reason}", path.display())]
    Memory { path: PathBuf, reason: String },
    #[error("{}: the memory is locked by another process and stayed locked", path.display())]
    MemoryLocked { path: PathBuf },
    #[error("{}: not a translation memory (a foreign or corrupt file); it was left untouched", path.display())]
    MemoryForeign { path: PathBuf },
    #[error("{}: the memory has schema version {found}, newer than this l10n knows ({supported}); upgrade l10n", path.display())]
    MemoryTooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("{url}: the memory server could not be reached after {attempts} attempts: {reason}")]
    MemoryUnreachable { url: String, attempts: u32, reason: String },
    #[error("{}:{line}: a password in the memory URL is refused (the project file is shared): remove it and name the environment variable that holds it in [memory] password_env, or set PGPASSWORD", path.display())]
    PasswordInConfig { path: PathBuf, line: usize },
    #[error("[memory] password_env names {var}, which is not set")]
    PasswordEnvUnset { var: String },
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("engine {engine}: {message}")]
    Engine { engine: String, message: String },
    #[error("[backends.{backend}] {key}: {reason}")]
    BackendSetting {
        backend: String,
        key: String,
        reason: String,
    },
    #[error("backend {backend} needs an API key in the environment variable {var}, which is not set")]
    MissingApiKey { backend: String, var: String },
    #[error(
        "{setting} = \"{var}\" is refused: the project file is shared, so it may only name {documented} or a variable starting with L10N_ (copy the secret into one: L10N_{var}=…)"
    )]
    SecretVariableRefused {
        setting: String,
        var: String,
        documented: String,
    },
    #[error(
        "[backends.{backend}] url = \"{url}\" is not {backend}'s own service and comes only from the project file, so the key in {var} is not sent there: give the URL in the environment ({url_var}=…) or allow the project file's URLs with {opt_in}=1"
    )]
    UntrustedEngineUrl {
        backend: String,
        url: String,
        var: String,
        url_var: String,
        opt_in: String,
    },
}

impl Error {
    /// The Fluent message id of this error in `locales/*/cli.ftl`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Error::Read { .. } => "error-read",
            Error::IsDirectory { .. } => "error-is-directory",
            Error::EmptyFolder { .. } => "error-empty-folder",
            Error::NotUtf8 { .. } => "error-not-utf8",
            Error::Binary { .. } => "error-binary",
            Error::Empty { .. } => "error-empty",
            Error::UnknownFormat { .. } => "error-unknown-format",
            Error::Parse { .. } => "error-parse",
            Error::Config { .. } => "error-config",
            Error::Locale(crate::lang::LocaleError::Malformed(_)) => "error-locale-malformed",
            Error::Locale(crate::lang::LocaleError::Unknown(_)) => "error-locale-unknown",
            Error::Locale(crate::lang::LocaleError::Unsupported(_)) => "error-locale-unsupported",
            Error::Locale(crate::lang::LocaleError::SameAsSource(_)) => "error-locale-same-as-source",
            Error::NoTargets => "error-no-targets",
            Error::NoProject => "error-no-project",
            Error::NoDocuments { .. } => "error-no-documents",
            Error::UnknownBackend { .. } => "error-unknown-backend",
            Error::Memory { .. } => "error-memory",
            Error::MemoryLocked { .. } => "error-memory-locked",
            Error::MemoryForeign { .. } => "error-memory-foreign",
            Error::MemoryTooNew { .. } => "error-memory-too-new",
            Error::MemoryUnreachable { .. } => "error-memory-unreachable",
            Error::PasswordInConfig { .. } => "error-password-in-config",
            Error::PasswordEnvUnset { .. } => "error-password-env-unset",
            Error::Write { .. } => "error-write",
            Error::Engine { .. } => "error-engine",
            Error::BackendSetting { .. } => "error-backend-setting",
            Error::MissingApiKey { .. } => "error-missing-api-key",
            Error::SecretVariableRefused { .. } => "error-secret-variable-refused",
            Error::UntrustedEngineUrl { .. } => "error-untrusted-engine-url",
        }
    }

    /// The arguments of the Fluent message, as strings.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        let path = |p: &PathBuf| ("path", p.display().to_string());
        match self {
            Error::Read { path: p, source } | Error::Write { path: p, source } => {
                vec![path(p), ("reason", source.to_string())]
            }
            Error::IsDirectory { path: p }
            | Error::EmptyFolder { path: p }
            | Error::Empty { path: p }
            | Error::UnknownFormat { path: p }
            | Error::NoDocuments { path: p }
            | Error::MemoryLocked { path: p }
            | Error::MemoryForeign { path: p } => vec![path(p)],
            Error::NotUtf8 { path: p, line } | Error::Binary { path: p, line } => {
                vec![path(p), ("line", line.to_string())]
            }
            Error::Parse {
                path: p,
                line,
                column,
                message,
            } => vec![
                path(p),
                ("line", line.to_string()),
                ("column", column.to_string()),
                ("reason", message.clone()),
            ],
            Error::Config { path: p, message }
            | Error::Memory {
                path: p,
                reason: message,
            } => {
                vec![path(p), ("reason", message.clone())]
            }
            Error::Locale(crate::lang::LocaleError::Malformed(tag))
            | Error::Locale(crate::lang::LocaleError::Unknown(tag))
            | Error::Locale(crate::lang::LocaleError::SameAsSource(tag)) => vec![("tag", tag.clone())],
            Error::Locale(crate::lang::LocaleError::Unsupported(tag)) => {
                vec![
                    ("tag", tag.clone()),
                    ("supported", crate::lang::TARGETS_WITH_RULES.to_string()),
                ]
            }
            Error::NoTargets | Error::NoProject => vec![],
            Error::UnknownBackend { name, known } => {
                vec![("name", name.clone()), ("known", known.clone())]
            }
            Error::MemoryTooNew {
                path: p,
                found,
                supported,
            } => vec![
                path(p),
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
            Error::PasswordInConfig { path, line } => {
                vec![("path", path.display().to_string()), ("line", line.to_string())]
            }
            Error::PasswordEnvUnset { var } => vec![("var", var.clone())],
            Error::MemoryUnreachable { url, attempts, reason } => vec![
                ("url", url.clone()),
                ("attempts", attempts.to_string()),
                ("reason", reason.clone()),
            ],
            Error::Engine { engine, message } => {
                vec![("engine", engine.clone()), ("reason", message.clone())]
            }
            Error::BackendSetting { backend, key, reason } => vec![
                ("backend", backend.clone()),
                ("key", key.clone()),
                ("reason", reason.clone()),
            ],
            Error::MissingApiKey { backend, var } => {
                vec![("backend", backend.clone()), ("var", var.clone())]
            }
            Error::SecretVariableRefused {
                setting,
                var,
                documented,
            } => vec![
                ("setting", setting.clone()),
                ("var", var.clone()),
                ("documented", documented.clone()),
            ],
            Error::UntrustedEngineUrl {
                backend,
                url,
                var,
                url_var,
                opt_in,
            } => vec![
                ("backend", backend.clone()),
                ("url", url.clone()),
                ("var", var.clone()),
                ("url_var", url_var.clone()),
                ("opt_in", opt_in.clone()),
            ],
        }
    }
}
