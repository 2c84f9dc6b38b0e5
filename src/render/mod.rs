//! Rendering editions: locale typography on translated text ([`typography`]), bidi isolation
//! of Latin runs in right-to-left text ([`bidi`]), the edition chrome from Fluent
//! ([`chrome`]), the standalone HTML page ([`page`]), and writing each edition to disk so that a
//! reader never sees a half-written one: the content goes to a temporary file beside the
//! target, is flushed, and then renamed over it in one step.

pub mod bidi;
pub mod chrome;
pub mod page;
pub mod typography;

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` atomically, creating the parent folders.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let write_err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Write { path: p, source }
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(write_err(parent))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("edition");
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(content)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ar").join("a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }
}
