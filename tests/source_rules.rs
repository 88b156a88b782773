//! Rules of the code base that a reviewer would otherwise have to check by eye: every word a
//! person reads comes from the localization resources, so the code holds no Chinese text and
//! chooses no language by name outside the localization layer.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Each source file's code outside its tests: a `tests.rs` file is all tests; elsewhere the
/// tests are the `#[cfg(test)]` module at the end of the file.
fn code_outside_tests() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a source file is UTF-8");
            let code = match text.find("\n#[cfg(test)]\n") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            (p, code)
        })
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

#[test]
fn no_chinese_text_in_the_code_outside_tests_and_the_font_loader() {
    let mut found = Vec::new();
    for (path, code) in code_outside_tests() {
        if path.ends_with("ui/fonts.rs") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            if line.chars().any(is_han) {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "Chinese text belongs in i18n/zh-CN/trade_explorer.ftl:\n{}", found.join("\n"));
}

#[test]
fn languages_are_named_only_in_the_localization_layer() {
    let mut found = Vec::new();
    for (path, code) in code_outside_tests() {
        if path.components().any(|c| c.as_os_str() == "l10n") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            if line.contains("Lang::EN") || line.contains("Lang::ZH") {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "choose words with tr!, not by language:\n{}", found.join("\n"));
}
