//! Reusing the previous output's files: a file whose bytes did not change
//! is hard-linked from the previous output (see [`super::Staging::write`]),
//! and every other file is created new.

use std::fs;
use std::io;
use std::path::Path;

/// The metadata of `prev` (not following a link) when it is a regular file
/// holding exactly `bytes` (compared byte for byte, after the sizes);
/// `None` when it differs, is missing, is not a plain file or cannot be
/// read.
pub(super) fn same_bytes(prev: &Path, bytes: &[u8]) -> Option<fs::Metadata> {
    let meta = fs::symlink_metadata(prev).ok()?;
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return None;
    }
    let on_disk = fs::read(prev).ok()?;
    (on_disk == bytes).then_some(meta)
}

/// Write `bytes` to a file that must not exist yet: an existing file,
/// perhaps one hard-linked from the previous output, is never truncated.
pub(super) fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::Duration;

    use crate::output::write_site;
    use crate::render::OutputFile;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_linked_from_the_previous_output_and_keep_their_time() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = write_site(&out, &[file("same.html", "same"), file("a/grows.html", "old")]).unwrap();
        assert_eq!(first.unchanged, 0);
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        for f in ["same.html", "a/grows.html"] {
            fs::File::options()
                .write(true)
                .open(out.join(f))
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        let before = fs::metadata(out.join("same.html")).unwrap();
        // Kept aside as an old copy would be by a web server still reading it.
        fs::hard_link(out.join("a/grows.html"), tmp.path().join("kept")).unwrap();

        let second = write_site(&out, &[file("same.html", "same"), file("a/grows.html", "new")]).unwrap();
        assert_eq!((second.files, second.unchanged), (2, 1));
        let after = fs::metadata(out.join("same.html")).unwrap();
        assert_eq!(after.ino(), before.ino(), "linked, not written");
        assert_eq!(after.modified().unwrap(), an_hour_ago);
        let grown = fs::metadata(out.join("a/grows.html")).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/grows.html")).unwrap(), "new");
        assert_ne!(grown.modified().unwrap(), an_hour_ago);
        assert_eq!(
            fs::read_to_string(tmp.path().join("kept")).unwrap(),
            "old",
            "a changed file is a new file, never the old one rewritten"
        );
    }

    #[test]
    fn a_same_sized_file_with_other_bytes_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&out, &[file("x.json", "{\"a\":1}")]).unwrap();
        let second = write_site(&out, &[file("x.json", "{\"a\":2}")]).unwrap();
        assert_eq!(second.unchanged, 0);
        assert_eq!(fs::read_to_string(out.join("x.json")).unwrap(), "{\"a\":2}");
    }
}
