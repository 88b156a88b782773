use super::*;

#[test]
fn each_language_names_itself() {
    assert_eq!(crate::tr!(Lang::En, "language-name"), "English");
    assert_eq!(crate::tr!(Lang::Zh, "language-name"), "中文");
}
