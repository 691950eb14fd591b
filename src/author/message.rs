//! Where an update's text comes from: `--message`, else standard input when
//! it is not a terminal (`echo … | allclear update …`), else `$VISUAL` or
//! `$EDITOR` on a temporary file (like `git commit`; lines starting with
//! `#` are dropped).

use std::io::{IsTerminal, Read, Write};
use std::process::Command;

use super::AuthorError;

/// The message for an update described by `what` (shown in the editor).
///
/// # Errors
/// [`AuthorError::Usage`] when there is no way to get a message, or the
/// editor left it empty (nothing is written then).
pub fn read_message(given: Option<String>, what: &str) -> Result<String, AuthorError> {
    if let Some(text) = given {
        return Ok(text);
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut text = String::new();
        stdin
            .lock()
            .read_to_string(&mut text)
            .map_err(|source| AuthorError::Io {
                path: "standard input".into(),
                source,
            })?;
        let text = text.trim_end().to_string();
        if text.trim().is_empty() {
            return Err(AuthorError::usage(
                "no message: standard input was empty",
                Some(
                    "pass --message \"…\" (an empty one, --message \"\", is allowed), or pipe the text in".to_string(),
                ),
            ));
        }
        return Ok(text);
    }
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok().filter(|e| !e.trim().is_empty()));
    let Some(editor) = editor else {
        return Err(AuthorError::usage(
            "no message given",
            Some("pass --message \"…\", pipe the text on standard input, or set $EDITOR".to_string()),
        ));
    };
    edit(&editor, what)
}

/// Run `editor` (a shell command line) on a temporary file and return what
/// was written, without `#` lines.
pub(crate) fn edit(editor: &str, what: &str) -> Result<String, AuthorError> {
    let io_err = |path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| AuthorError::Io { path, source }
    };
    // Every line of a `what` of several lines is a comment too.
    let what = what.replace('\n', "\n# ");
    let template = format!(
        "\n# Write the message for {what} above.\n# Lines starting with # are ignored; an empty message writes nothing.\n# It is Markdown: **bold**, lists and links work.\n"
    );
    // A fresh file only this user can read, removed when `file` drops.
    let mut file = tempfile::Builder::new()
        .prefix("allclear-message-")
        .suffix(".md")
        .tempfile()
        .map_err(io_err(&std::env::temp_dir()))?;
    file.write_all(template.as_bytes())
        .and_then(|()| file.flush())
        .map_err(io_err(file.path()))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status();
    // Read by path: an editor may replace the file rather than write into it.
    let text = std::fs::read_to_string(file.path()).unwrap_or_default();
    drop(file);
    match status {
        Ok(s) if s.success() => {}
        _ => {
            return Err(AuthorError::usage(
                format!("the editor `{editor}` failed; nothing was written"),
                None,
            ));
        }
    }
    let message: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let message = message.join("\n").trim().to_string();
    if message.is_empty() {
        return Err(AuthorError::usage("empty message; nothing was written", None));
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_writes_the_message_and_comments_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("ed.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\nprintf 'Rolled back.\\n# a comment\\n\\nAll good.\\n' > \"$1\"\n",
        )
        .unwrap();
        let message = edit(&format!("sh {}", script.display()), "a test").unwrap();
        assert_eq!(message, "Rolled back.\n\nAll good.");
    }

    #[test]
    fn a_description_of_several_lines_stays_out_of_the_message() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("ed.sh");
        // The editor adds a line at the top and keeps the rest.
        std::fs::write(
            &script,
            "#!/bin/sh\n{ echo 'Behoben.'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
        )
        .unwrap();
        let message = edit(
            &format!("sh {}", script.display()),
            "a translation of:\n\n    Fixed.\n    Really.\n",
        )
        .unwrap();
        assert_eq!(message, "Behoben.");
    }

    #[test]
    fn an_untouched_template_writes_nothing() {
        assert!(matches!(edit("true", "a test"), Err(AuthorError::Usage { .. })));
        assert!(matches!(edit("false", "a test"), Err(AuthorError::Usage { .. })));
    }
}
