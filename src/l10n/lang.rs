//! The languages the app speaks: one per resource folder in `i18n/`, found when the app starts,
//! so a new language is one new file. English, the fallback, comes first.

use std::borrow::Cow;
use std::sync::RwLock;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::{I18nAssets, LanguageLoader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

/// The resource files, embedded at build time.
#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Resources;

/// The domain of the resource files: `i18n/<language>/trade_explorer.ftl`.
const DOMAIN: &str = "trade_explorer";

/// The fallback language: every message exists in it.
const FALLBACK: &str = "en";

/// A language the app speaks, by its tag ("en", "zh-CN").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

impl Default for Lang {
    /// English, the fallback.
    fn default() -> Lang {
        Lang(FALLBACK)
    }
}

impl Lang {
    /// English (for tests and the terminal; everything else takes the language chosen).
    pub const EN: Lang = Lang(FALLBACK);
    /// Simplified Chinese (for tests; the app finds its languages in `i18n/`).
    pub const ZH: Lang = Lang("zh-CN");

    /// Every language the app speaks, the fallback first.
    pub fn all() -> Vec<Lang> {
        registry().read().map(|r| r.languages.iter().map(|l| l.lang).collect()).unwrap_or_default()
    }

    /// The language's tag: "en", "zh-CN".
    pub(crate) fn tag(self) -> &'static str {
        self.0
    }

    /// The language of a tag or a system locale ("zh-CN", "zh_TW.UTF-8", "en-US", "zh"): the
    /// one of the same tag, else of the same language; `None` if the app does not speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.split('.').next().unwrap_or_default().replace('_', "-");
        let language = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
        let all = Lang::all();
        all.iter()
            .find(|l| l.0.eq_ignore_ascii_case(&tag))
            .or_else(|| all.iter().find(|l| language(l.0) == language(&tag)))
            .copied()
    }

    /// The language for the desktop's locale; the fallback when the app does not speak it.
    pub(crate) fn of_locale(locale: Option<&str>) -> Lang {
        locale.and_then(Lang::from_tag).unwrap_or_default()
    }

    /// Whether names come from a dataset's `name_zh` fields (the one other-language name the
    /// format has).
    pub(crate) fn uses_chinese_names(self) -> bool {
        self.0.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh"))
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    /// A language the app no longer speaks reads as the fallback: a settings file never fails
    /// for it. "zh" (older settings) is Chinese.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(d)?;
        Ok(Lang::from_tag(&tag).unwrap_or_default())
    }
}

/// One language: its tag and its loader (its own messages, then the fallback's).
struct Language {
    lang: Lang,
    loader: &'static FluentLanguageLoader,
}

struct Registry {
    languages: Vec<Language>,
    /// Resources added at run time (a test's pseudo-locale): folder path → file text.
    extra: Vec<(String, String)>,
}

/// Starts loading the languages on a thread of their own, so that the start-up work before the
/// first message (parsing the command line, reading a file) overlaps it: the first message then
/// waits only for what is left.
pub fn load_in_background() {
    std::thread::spawn(|| {
        registry();
    });
}

fn registry() -> &'static RwLock<Registry> {
    static REGISTRY: std::sync::OnceLock<RwLock<Registry>> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| RwLock::new(load(Vec::new())))
}

/// The embedded resources and the ones added at run time, as i18n-embed reads them.
struct Assets<'a> {
    extra: &'a [(String, String)],
}

impl I18nAssets for Assets<'_> {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        let mut files = <Resources as I18nAssets>::get_files(&Resources, file_path);
        files.extend(self.extra.iter().filter(|(p, _)| p == file_path).map(|(_, text)| Cow::Borrowed(text.as_bytes())));
        files
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(Resources::iter().map(|f| f.to_string()).chain(self.extra.iter().map(|(p, _)| p.clone())))
    }
}

/// Loads every language of the embedded and added resources.
fn load(extra: Vec<(String, String)>) -> Registry {
    let fallback: LanguageIdentifier = FALLBACK.parse().expect("a valid tag");
    let all = FluentLanguageLoader::new(DOMAIN, fallback.clone());
    let assets = Assets { extra: &extra };
    let mut tags = all.available_languages(&assets).expect("the resource folders are named by language");
    tags.sort_by_key(|t| (*t != fallback, t.to_string()));
    all.load_languages(&assets, &tags).expect("the embedded resources load");
    // Fluent wraps every placeable in Unicode isolation marks by default; inside copied text,
    // CSV and file names they would be invisible garbage. Set after every load.
    all.set_use_isolating(false);
    let languages = tags
        .iter()
        .map(|t| {
            let tag: &'static str = match t.to_string().as_str() {
                FALLBACK => FALLBACK,
                "zh-CN" => "zh-CN",
                other => Box::leak(other.to_string().into_boxed_str()),
            };
            Language { lang: Lang(tag), loader: Box::leak(Box::new(all.select_languages(&[t]))) }
        })
        .collect();
    Registry { languages, extra }
}

/// The loader of a language, for [`tr!`](crate::tr); the fallback's for one the app does not
/// speak.
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    let registry = registry().read().unwrap_or_else(|e| e.into_inner());
    let found = registry.languages.iter().find(|l| l.lang == lang).or(registry.languages.first());
    found.expect("the fallback language is embedded").loader
}

/// Bumped whenever the languages are loaded again, so that remembered messages are dropped.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A message without arguments, resolved by Fluent once per language and thread and then
/// remembered: most of a frame's hundred labels are such messages, and Fluent resolves a
/// message's pattern on every call. `resolve` is the message's `fl!`.
pub fn plain(lang: Lang, id: &'static str, resolve: impl FnOnce() -> String) -> String {
    // Keyed by where the id and the tag are stored, not by their text: hashing two addresses is
    // cheaper than hashing a string, and one id or tag kept at two addresses only costs a
    // second entry.
    type Remembered = (u64, rustc_hash::FxHashMap<[usize; 3], String>);
    thread_local! {
        static REMEMBERED: std::cell::RefCell<Remembered> = Default::default();
    }
    let generation = GENERATION.load(std::sync::atomic::Ordering::Acquire);
    REMEMBERED.with_borrow_mut(|(seen, messages)| {
        if *seen != generation {
            messages.clear();
            *seen = generation;
        }
        let key = [id.as_ptr() as usize, id.len(), lang.0.as_ptr() as usize];
        messages.entry(key).or_insert_with(resolve).clone()
    })
}

/// Adds a language from a resource's text (a pseudo-locale, a translation being tried) and
/// reloads every language: afterwards [`Lang::from_tag`] finds it.
pub fn add_language(tag: &str, resource: &str) -> Option<Lang> {
    tag.parse::<LanguageIdentifier>().ok()?;
    let mut registry = registry().write().unwrap_or_else(|e| e.into_inner());
    let mut extra = std::mem::take(&mut registry.extra);
    extra.push((format!("{tag}/{DOMAIN}.ftl"), resource.to_string()));
    *registry = load(extra);
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    drop(registry);
    Lang::from_tag(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_choose_a_language_the_app_speaks() {
        for locale in ["zh-CN", "zh_TW.UTF-8", "zh", "ZH-hans"] {
            assert_eq!(Lang::of_locale(Some(locale)), Lang::ZH, "{locale}");
        }
        for locale in [Some("en-US"), Some("de_DE.UTF-8"), Some("C"), Some(""), None] {
            assert_eq!(Lang::of_locale(locale), Lang::EN, "{locale:?}");
        }
        assert_eq!(Lang::all().first(), Some(&Lang::EN), "the fallback first");
        assert!(Lang::all().contains(&Lang::ZH));
    }

    #[test]
    fn settings_keep_the_tag_and_read_older_ones() {
        assert_eq!(serde_json::to_string(&Lang::ZH).unwrap(), "\"zh-CN\"");
        assert_eq!(serde_json::from_str::<Lang>("\"zh\"").unwrap(), Lang::ZH);
        assert_eq!(serde_json::from_str::<Lang>("\"tlh\"").unwrap(), Lang::EN, "Klingon reads as the fallback");
    }
}
