//! The translation memory: every translation the pipeline receives or imports, in SQLite (the
//! embedded default, [`sqlite`]) or PostgreSQL (a memory shared by a team, [`postgres`]). Both
//! stores keep the same rules; [`Memory`] is the one type callers use.
//!
//! Rules it keeps:
//! - A translation is stored the moment it exists (one transaction per engine batch), so an
//!   interrupted run loses nothing already received.
//! - Human and machine work are separate rows; a machine result never replaces a human one,
//!   and lookups rank human `final` > `reviewed` > `translated` > machine.
//! - Machine rows carry a fingerprint of what shaped them (engine, model, prompt, glossary);
//!   a lookup for another fingerprint does not see them (they are stale, not wrong).
//! - A file that is not this tool's memory, or a memory from a newer schema, is refused and
//!   left untouched.

#![deny(clippy::string_slice)] // outside text: char-boundary-safe operations only

/// Runs each named test function (taking a fresh, empty [`Memory`]) against both stores: the
/// PostgreSQL variant needs `L10N_TEST_POSTGRES` (a connection URL) and says "skipped" without.
#[cfg(test)]
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name(crate::memory::Memory::in_memory().unwrap());
                }
                #[test]
                fn postgres() {
                    if let Some(memory) = crate::memory::postgres::testing::fresh_memory() {
                        super::$name(memory);
                    }
                }
            }
        )*
    };
}

pub mod copy;
pub mod exchange;
pub mod fuzzy;
pub mod lease;
mod maintenance;
pub mod postgres;
pub mod sqlite;

pub use fuzzy::FuzzyMatch;
pub use maintenance::{GcOutcome, Stats};
pub use postgres::PgMemory;
pub use sqlite::SqliteMemory;
pub(crate) use sqlite::sql_error;

use crate::error::Result;
use crate::model::{Origin, State, Text, Translation};
use std::path::Path;

/// The translation memory, in one of its two stores.
pub enum Memory {
    Sqlite(SqliteMemory),
    Postgres(PgMemory),
}

/// Calls the same method on whichever store the memory is in.
macro_rules! dispatch {
    ($self:ident, $m:ident => $call:expr) => {
        match $self {
            Memory::Sqlite($m) => $call,
            Memory::Postgres($m) => $call,
        }
    };
}

impl Memory {
    /// Opens (creating if needed) the memory at `path`, upgrading its schema: a
    /// `postgres://` or `postgresql://` URL selects PostgreSQL, anything else is a SQLite file.
    pub fn open(path: &Path) -> Result<Memory> {
        Memory::open_with(path, None)
    }

    /// Like [`Memory::open`]; a PostgreSQL password comes from the environment variable
    /// `password_env` (default `PGPASSWORD`) when the URL has none.
    pub fn open_with(path: &Path, password_env: Option<&str>) -> Result<Memory> {
        match path.to_str().filter(|s| postgres::is_url(s)) {
            Some(url) => Ok(Memory::Postgres(PgMemory::connect(url, password_env)?)),
            None => Ok(Memory::Sqlite(SqliteMemory::open(path)?)),
        }
    }

    /// A memory that lives only as long as the process (benchmarks, dry runs).
    pub fn in_memory() -> Result<Memory> {
        Ok(Memory::Sqlite(SqliteMemory::in_memory()?))
    }

    /// Where the memory is: the SQLite file, or the PostgreSQL URL without its password.
    pub fn path(&self) -> &Path {
        dispatch!(self, m => m.path())
    }

    /// The best translation of `source`, with placeholders taken from `source` itself.
    pub fn lookup(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        reuse: &Reuse,
    ) -> Result<Option<Translation>> {
        dispatch!(self, m => m.lookup(source_locale, target_locale, source, reuse))
    }

    /// Stores translations in one transaction. Machine rows are replaced by newer machine rows
    /// of the same fingerprint; a changed human row keeps its previous version in the history.
    pub fn store(&mut self, entries: &[NewEntry<'_>]) -> Result<usize> {
        dispatch!(self, m => m.store(entries))
    }

    /// The human translations not stored over better ones since the last call (see
    /// [`merge_human`]), for the caller to report.
    pub fn take_conflicts(&mut self) -> Vec<Conflict> {
        dispatch!(self, m => std::mem::take(&mut m.conflicts))
    }

    /// The other versions of the stored human translation of `source`: alternatives (always
    /// worth showing) and, with `history`, the earlier versions it replaced; newest first.
    pub fn versions(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        history: bool,
    ) -> Result<Vec<Version>> {
        let key = source.memory_key();
        let hash = source_hash(source_locale, &key);
        let rows = dispatch!(self, m => m.versions(&hash, target_locale))?;
        let skeleton = placeholder_skeleton(&key);
        Ok(rows
            .into_iter()
            .filter(|(kind, ..)| history || kind == ALTERNATIVE)
            .map(|(kind, target, state, file, at)| Version {
                kind: if kind == ALTERNATIVE {
                    VersionKind::Alternative
                } else {
                    VersionKind::Earlier
                },
                target: Text::parse_tagged(&target, &skeleton).unwrap_or_else(|_| Text::plain(&target)),
                state: State::parse(&state).unwrap_or(State::NeedsReview),
                file,
                at,
            })
            .collect())
    }

    /// Claims segments (by source hash) this worker is about to send to an engine;
    /// returns, per hash, whether it holds them now. See [`lease`].
    pub fn claim(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<Vec<bool>> {
        dispatch!(self, m => m.claim(target_locale, hashes))
    }

    /// Gives back leases: their translations are stored, or this worker gives up on them.
    pub fn release(&mut self, target_locale: &str, hashes: &[[u8; 16]]) -> Result<()> {
        if hashes.is_empty() {
            return Ok(());
        }
        dispatch!(self, m => m.release(target_locale, hashes))
    }

    /// Whether [`Memory::bulk`] makes a whole import one transaction here (SQLite); on
    /// PostgreSQL imports store chunk by chunk after a validation pass.
    pub fn has_bulk(&self) -> bool {
        matches!(self, Memory::Sqlite(_))
    }

    /// Runs `work` as one all-or-nothing transaction where the store allows it (SQLite),
    /// else as it is.
    pub fn bulk<T>(&mut self, work: impl FnOnce(&mut Memory) -> Result<T>) -> Result<T> {
        let Memory::Sqlite(m) = self else { return work(self) };
        m.begin_bulk()?;
        let result = work(self);
        let Memory::Sqlite(m) = self else {
            unreachable!("a store does not change kind")
        };
        let ended = m.end_bulk(result.is_ok());
        let value = result?;
        ended?;
        Ok(value)
    }

    /// Whether a file with this content was imported before.
    pub fn was_imported(&self, content: &[u8]) -> Result<bool> {
        self.was_imported_hash(blake3::hash(content).as_bytes())
    }

    /// Whether a file whose content has this blake3 hash was imported before.
    pub fn was_imported_hash(&self, hash: &[u8; 32]) -> Result<bool> {
        dispatch!(self, m => m.was_imported_hash(hash))
    }

    pub fn mark_imported(&mut self, content: &[u8], path: &Path) -> Result<()> {
        self.mark_imported_hash(blake3::hash(content).as_bytes(), path)
    }

    pub fn mark_imported_hash(&mut self, hash: &[u8; 32], path: &Path) -> Result<()> {
        dispatch!(self, m => m.mark_imported_hash(hash, path))
    }

    pub fn stats(&self) -> Result<Vec<StatRow>> {
        dispatch!(self, m => m.stats())
    }

    /// What `memory stats` reports.
    pub fn summary(&self) -> Result<Stats> {
        dispatch!(self, m => m.summary())
    }

    /// Removes stale machine translations last changed more than `older_than_days` ago (see
    /// [`SqliteMemory::gc`]).
    pub fn gc(&mut self, older_than_days: u64, current_fingerprint: Option<&str>) -> Result<GcOutcome> {
        dispatch!(self, m => m.gc(older_than_days, current_fingerprint))
    }

    /// Up to `limit` stored translations whose source is at least `threshold` similar to
    /// `source`, best first (see [`fuzzy`]).
    pub fn fuzzy(
        &self,
        source_locale: &str,
        target_locale: &str,
        source: &Text,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<FuzzyMatch>> {
        dispatch!(self, m => m.fuzzy(source_locale, target_locale, source, limit, threshold))
    }

    /// The best entry per (source, target locale), for export: human work over machine work.
    pub fn entries(&self, target_locale: Option<&str>, min_state: State) -> Result<Vec<StoredEntry>> {
        let mut out = Vec::new();
        self.each_entry(target_locale, min_state, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Like [`Memory::entries`], one entry at a time (an export of a large memory never holds
    /// it all).
    pub fn each_entry(
        &self,
        target_locale: Option<&str>,
        min_state: State,
        each: impl FnMut(StoredEntry) -> Result<()>,
    ) -> Result<()> {
        dispatch!(self, m => m.each_entry(target_locale, min_state, each))
    }
}

/// What storing a human translation does when the memory holds another human translation of
/// the same sentence. The one home of the rule "human work is never silently replaced":
/// `final` > `reviewed` > `translated` > `needs-review`; an equal or better state replaces
/// (the replaced version stays in the history), a lower one is kept aside as an alternative
/// and reported as a conflict. Both stores and `memory copy` ask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanMerge {
    /// Nothing to do: the same text at the same or a better state is there.
    Keep,
    /// The new translation takes the row; the old one becomes an earlier version.
    Replace,
    /// The stored translation is better: it stays, the new one becomes an alternative.
    KeepBetter,
}

pub fn merge_human(old_target: &str, old_state: State, new_target: &str, new_state: State) -> HumanMerge {
    match (old_target == new_target, new_state.cmp(&old_state)) {
        (true, std::cmp::Ordering::Greater) => HumanMerge::Replace,
        (true, _) => HumanMerge::Keep,
        (false, std::cmp::Ordering::Less) => HumanMerge::KeepBetter,
        (false, _) => HumanMerge::Replace,
    }
}

/// A human translation that was not stored over a better one (see [`merge_human`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    pub target_locale: String,
    /// The source sentence (tagged form).
    pub source: String,
    /// The translation kept, and its state.
    pub kept: String,
    pub kept_state: State,
    /// The translation offered, kept as an alternative, its state and file.
    pub offered: String,
    pub offered_state: State,
    pub offered_file: Option<String>,
}

/// Another version of a stored human translation: an earlier one it replaced, or an
/// alternative a lower-state import offered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Version {
    pub kind: VersionKind,
    pub target: Text,
    pub state: State,
    pub file: Option<String>,
    /// When it was replaced or offered (Unix seconds).
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionKind {
    Earlier,
    Alternative,
}

impl VersionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            VersionKind::Earlier => "earlier",
            VersionKind::Alternative => "alternative",
        }
    }
}

/// The translation history row kind of a [`HumanMerge`] outcome that keeps one aside.
pub(crate) const ALTERNATIVE: &str = "alternative";
/// A history row as the stores read it: (kind, target, state, file, at).
pub(crate) type VersionRow = (String, String, String, Option<String>, i64);
pub(crate) const EARLIER: &str = "earlier";

/// Which machine translations a lookup may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reuse {
    /// Only machine work made with exactly this fingerprint.
    Fingerprint(String),
    /// Any machine work (the `memory` backend, `--reuse stale`); pseudo-localized text is not
    /// machine work and is never returned.
    AnyMachine,
}

/// A translation to store.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub source_locale: &'a str,
    pub target_locale: &'a str,
    pub source: &'a Text,
    pub target: &'a Text,
    pub origin: &'a Origin,
    pub state: State,
    /// What shaped a machine translation; ignored for human work.
    pub fingerprint: &'a str,
    pub document: Option<&'a str>,
    /// The segments before and after this one in the document, when known.
    pub previous: Option<&'a Text>,
    pub next: Option<&'a Text>,
    /// When the translation was made (Unix seconds), if earlier than now (an imported file
    /// says so); `None` means now.
    pub changed_at: Option<i64>,
}

/// One line of `memory stats`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatRow {
    pub target_locale: String,
    pub origin: String,
    pub state: String,
    pub entries: i64,
}

/// One stored translation, as exported.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    pub source_locale: String,
    pub target_locale: String,
    pub source: Text,
    pub target: Text,
    pub origin: Origin,
    pub state: State,
    /// What shaped a machine translation (empty for human work).
    pub fingerprint: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The source of a stored key as a [`Text`] whose placeholders have no original bytes
/// (the memory never keeps markup; documents supply it).
pub(crate) fn placeholder_skeleton(key: &str) -> Text {
    // Parse against a source that declares every id the key uses.
    let mut declared = Text::default();
    let mut rest = key;
    while let Some((_, after)) = rest.split_once(" id=\"") {
        let Some((value, tail)) = after.split_once('"') else {
            break;
        };
        if let Ok(id) = value.parse::<u32>() {
            for kind in [
                crate::model::PlaceholderKind::Open,
                crate::model::PlaceholderKind::Close,
                crate::model::PlaceholderKind::Standalone,
            ] {
                declared.push_placeholder(crate::model::Placeholder {
                    id,
                    kind,
                    label: "x".into(),
                    original: String::new(),
                });
            }
        }
        rest = tail;
    }
    Text::parse_tagged(key, &declared).unwrap_or_else(|_| Text::plain(key))
}

pub(crate) fn origin_from(origin: &str, engine: Option<String>, model: Option<String>, file: Option<String>) -> Origin {
    if origin == "human" {
        Origin::Human { file }
    } else {
        Origin::Machine {
            engine: engine.unwrap_or_default(),
            model,
        }
    }
}

pub(crate) fn source_hash(source_locale: &str, key: &str) -> [u8; 16] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source_locale.as_bytes());
    hasher.update(&[0]);
    hasher.update(key.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    out
}

/// The time (seconds since the epoch) before which something is more than `days` old. Any
/// number of days is accepted: a span beyond the clock's range reaches back to its start, so
/// `u64::MAX` days removes nothing instead of wrapping into the future.
pub fn cutoff_days_ago(days: u64) -> i64 {
    let seconds = i64::try_from(days).unwrap_or(i64::MAX).saturating_mul(86_400);
    now().saturating_sub(seconds)
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gc_older_than_u64_max_does_not_wrap() {
        assert!(cutoff_days_ago(u64::MAX) < 0);
        assert!(cutoff_days_ago(u64::MAX / 86_400) < 0);
        assert!(cutoff_days_ago(0) > 0);
        assert_eq!(cutoff_days_ago(1), now() - 86_400);
    }
    use crate::model::{Placeholder, PlaceholderKind};

    fn text_with_var(s: &str, id: u32) -> Text {
        let mut t = Text::plain(s);
        t.push_placeholder(Placeholder {
            id,
            kind: PlaceholderKind::Standalone,
            label: "var".into(),
            original: "[Site]".into(),
        });
        t
    }

    on_both_stores!(
        human_work_outranks_machine_work_and_survives_it,
        machine_work_of_another_fingerprint_is_stale,
        imports_are_recognised_by_content,
        a_newer_machine_result_replaces_the_older_one,
        a_lower_human_translation_is_kept_aside_not_stored_over_a_better_one,
        pseudo_text_never_hides_machine_work,
    );

    fn pseudo_text_never_hides_machine_work(mut m: Memory) {
        let src = Text::plain("Exports fell.");
        let entry = |target, origin, fingerprint| NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source: &src,
            target,
            origin,
            state: State::Translated,
            fingerprint,
            document: None,
            previous: None,
            next: None,
            changed_at: None,
        };
        let machine = |engine: &str| Origin::Machine {
            engine: engine.into(),
            model: None,
        };
        let (real, pseudo) = (Text::plain("انخفضت الصادرات."), Text::plain("⟦يخبورتس⟧"));
        let (deepl, pseudo_engine) = (machine("deepl"), machine("pseudo"));
        m.store(&[entry(&real, &deepl, "deepl")]).unwrap();
        m.store(&[entry(&pseudo, &pseudo_engine, "pseudo")]).unwrap();
        let got = m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!(got.target, real, "the newer pseudo row hid the real translation");
        let got = m
            .lookup("en", "ar", &src, &Reuse::Fingerprint("pseudo".into()))
            .unwrap();
        assert_eq!(got.map(|t| t.target), Some(pseudo), "a pseudo run still finds its own");
    }

    #[test]
    fn the_human_precedence_rule() {
        use HumanMerge::*;
        let m = |old: State, new: State, same: bool| merge_human("a", old, if same { "a" } else { "b" }, new);
        assert_eq!(m(State::Final, State::Translated, false), KeepBetter);
        assert_eq!(m(State::Reviewed, State::NeedsReview, false), KeepBetter);
        assert_eq!(m(State::Translated, State::Final, false), Replace);
        assert_eq!(m(State::Reviewed, State::Reviewed, false), Replace);
        assert_eq!(m(State::Final, State::Translated, true), Keep);
        assert_eq!(m(State::Translated, State::Final, true), Replace);
        assert_eq!(m(State::Final, State::Final, true), Keep);
    }

    fn a_lower_human_translation_is_kept_aside_not_stored_over_a_better_one(mut m: Memory) {
        let src = Text::plain("Exports fell.");
        let vendor = Origin::Human {
            file: Some("vendor.tmx".into()),
        };
        let reviewer = Origin::Human {
            file: Some("final.xlf".into()),
        };
        let (good, weak, better) = (Text::plain("انخفضت"), Text::plain("هبطت"), Text::plain("تراجعت"));
        let entry = |target, origin, state| NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source: &src,
            target,
            origin,
            state,
            fingerprint: "",
            document: None,
            previous: None,
            next: None,
            changed_at: None,
        };
        m.store(&[entry(&good, &reviewer, State::Final)]).unwrap();
        assert_eq!(m.store(&[entry(&weak, &vendor, State::Translated)]).unwrap(), 0);
        let got = m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!((got.target, got.state), (good.clone(), State::Final));
        let conflicts = m.take_conflicts();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(
            (conflicts[0].kept_state, conflicts[0].offered_state),
            (State::Final, State::Translated)
        );
        assert!(m.take_conflicts().is_empty(), "taken once");
        let versions = m.versions("en", "ar", &src, false).unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(
            (versions[0].kind, &versions[0].target),
            (VersionKind::Alternative, &weak)
        );
        assert_eq!(versions[0].file.as_deref(), Some("vendor.tmx"));
        // Offered again: nothing new to report.
        m.store(&[entry(&weak, &vendor, State::Translated)]).unwrap();
        assert!(m.take_conflicts().is_empty());
        // An equal state replaces; the replaced one is an earlier version.
        m.store(&[entry(&better, &reviewer, State::Final)]).unwrap();
        let got = m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!(got.target, better);
        let all = m.versions("en", "ar", &src, true).unwrap();
        assert!(
            all.iter().any(|v| v.kind == VersionKind::Earlier && v.target == good),
            "{all:?}"
        );
        assert_eq!(
            m.versions("en", "ar", &src, false).unwrap().len(),
            1,
            "only the alternative"
        );
    }

    fn human_work_outranks_machine_work_and_survives_it(mut m: Memory) {
        let src = text_with_var("Visit ", 5);
        let human = Origin::Human {
            file: Some("r.xlf".into()),
        };
        let machine = Origin::Machine {
            engine: "pseudo".into(),
            model: None,
        };
        let h = text_with_var("زوروا ", 5);
        let mt = text_with_var("آلة ", 5);
        let entry = |target, origin, state| NewEntry {
            source_locale: "en",
            target_locale: "ar",
            source: &src,
            target,
            origin,
            state,
            fingerprint: "pseudo:1",
            document: None,
            previous: None,
            next: None,
            changed_at: None,
        };
        m.store(&[entry(&h, &human, State::Reviewed)]).unwrap();
        m.store(&[entry(&mt, &machine, State::Translated)]).unwrap();
        let got = m
            .lookup("en", "ar", &src, &Reuse::Fingerprint("pseudo:1".into()))
            .unwrap()
            .unwrap();
        assert_eq!(got.target, h);
        assert!(got.origin.is_human());
        // The same source with other placeholder numbering finds it, with its own ids.
        let renumbered = text_with_var("Visit ", 9);
        let got = m.lookup("en", "ar", &renumbered, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!(got.target, text_with_var("زوروا ", 9));
    }

    fn machine_work_of_another_fingerprint_is_stale(mut m: Memory) {
        let src = Text::plain("Hello.");
        let machine = Origin::Machine {
            engine: "deepl".into(),
            model: None,
        };
        m.store(&[NewEntry {
            source_locale: "en",
            target_locale: "hi",
            source: &src,
            target: &Text::plain("नमस्ते।"),
            origin: &machine,
            state: State::Translated,
            fingerprint: "a",
            document: None,
            previous: None,
            next: None,
            changed_at: None,
        }])
        .unwrap();
        assert!(
            m.lookup("en", "hi", &src, &Reuse::Fingerprint("b".into()))
                .unwrap()
                .is_none()
        );
        assert!(m.lookup("en", "hi", &src, &Reuse::AnyMachine).unwrap().is_some());
        assert!(m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().is_none());
    }

    fn imports_are_recognised_by_content(mut m: Memory) {
        assert!(!m.was_imported(b"<tmx/>").unwrap());
        m.mark_imported(b"<tmx/>", Path::new("a.tmx")).unwrap();
        m.mark_imported(b"<tmx/>", Path::new("b.tmx")).unwrap();
        assert!(m.was_imported(b"<tmx/>").unwrap());
        assert!(!m.was_imported(b"<tmx></tmx>").unwrap());
    }

    fn a_newer_machine_result_replaces_the_older_one(mut m: Memory) {
        let src = Text::plain("Prices rose.");
        let machine = Origin::Machine {
            engine: "deepl".into(),
            model: None,
        };
        for (target, at) in [("أولى", 100), ("ثانية", 200)] {
            let changed = m
                .store(&[NewEntry {
                    source_locale: "en",
                    target_locale: "ar",
                    source: &src,
                    target: &Text::plain(target),
                    origin: &machine,
                    state: State::Translated,
                    fingerprint: "f",
                    document: Some("a.md"),
                    previous: None,
                    next: None,
                    changed_at: Some(at),
                }])
                .unwrap();
            assert_eq!(changed, 1);
        }
        let got = m.lookup("en", "ar", &src, &Reuse::AnyMachine).unwrap().unwrap();
        assert_eq!(got.target, Text::plain("ثانية"));
        assert_eq!(got.updated_at, 200);
        let all = m.entries(None, State::NeedsReview).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].created_at, 100);
        assert_eq!(m.summary().unwrap().entries, 1);
    }

    #[test]
    fn foreign_files_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite");
        std::fs::write(&path, b"just some notes, not a database").unwrap();
        assert!(matches!(
            Memory::open(&path),
            Err(crate::error::Error::MemoryForeign { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"just some notes, not a database");
        let other = dir.path().join("other.sqlite");
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t(x)").unwrap();
        drop(conn);
        assert!(matches!(
            Memory::open(&other),
            Err(crate::error::Error::MemoryForeign { .. })
        ));
    }
}
