//! The edition's chrome — the translation notice, the language switcher's label, the site
//! name and the date line — from `locales/<locale>/edition.ftl`, with dates and numbers
//! formatted for the edition's locale by ICU4X.
//!
//! Fluent's bidi isolation marks are kept only for right-to-left pages, where they keep a
//! Latin site name or an engine's name from reordering the Arabic sentence around it; every
//! other edition gets the text without them.

use crate::lang::Locale;
use crate::ui::UI_RESOURCES;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_datetime::{DateTimeFormatter, DateTimeFormatterPreferences};
use icu_decimal::input::Decimal;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use serde::Serialize;

/// Who made an edition's translations: counted per segment in the pipeline from the memory's
/// provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// Segments translated by people.
    pub human: usize,
    /// Segments translated by an engine.
    pub machine: usize,
    /// Of all translated segments, those reviewed (state `reviewed` or `final`).
    pub reviewed: usize,
    /// The engines that translated segments, by name.
    pub engines: Vec<String>,
}

impl Provenance {
    pub fn total(&self) -> usize {
        self.human + self.machine
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Parses `YYYY-MM-DD`; `None` if it is not a real date.
    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.trim().splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        Date::try_new_iso(year, month, day).ok()?;
        Some(Day { year, month, day })
    }

    /// Today in UTC.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }
}

/// Formats the chrome of one edition.
pub struct Chrome {
    bundle: FluentBundle<FluentResource>,
    english: FluentBundle<FluentResource>,
    /// The ICU4X locale, with `-u-nu-arab` when Arabic-Indic digits are asked for.
    icu: icu_locale::Locale,
}

impl Chrome {
    /// The chrome for `locale`; `arabic_digits` asks for Arabic-Indic digits (Arabic only).
    pub fn new(locale: &Locale, arabic_digits: bool) -> Chrome {
        let tag = ui_tag(locale);
        let mut bundle = bundle(tag);
        bundle.set_use_isolating(locale.is_rtl());
        let mut icu_tag = locale.tag().to_string();
        if arabic_digits && locale.language() == "ar" {
            icu_tag.push_str("-u-nu-arab");
        }
        let icu = icu_tag.parse().unwrap_or(icu_locale::Locale::UNKNOWN);
        Chrome {
            bundle,
            english: bundle_plain("en-US"),
            icu,
        }
    }

    /// A message of edition.ftl with `args`; en-US when the locale lacks it.
    pub fn msg(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(value.as_str()));
        }
        for bundle in [&self.bundle, &self.english] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
            }
        }
        id.to_string()
    }

    /// A date in the locale's long form (2 मई 2025, 2025年5月2日, ٢ مايو ٢٠٢٥).
    pub fn date(&self, day: Day) -> String {
        let prefs = DateTimeFormatterPreferences::from(&self.icu);
        let Ok(date) = Date::try_new_iso(day.year, day.month, day.day) else {
            return format!("{:04}-{:02}-{:02}", day.year, day.month, day.day);
        };
        match DateTimeFormatter::try_new(prefs, YMD::long()) {
            Ok(f) => f.format(&date).to_string(),
            Err(_) => format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
        }
    }

    /// A whole number with the locale's digits and grouping.
    pub fn number(&self, n: usize) -> String {
        let prefs = DecimalFormatterPreferences::from(&self.icu);
        match DecimalFormatter::try_new(prefs, Default::default()) {
            Ok(f) => f.format(&Decimal::from(n as u64)).to_string(),
            Err(_) => n.to_string(),
        }
    }

    /// The translation notice for an edition made as `provenance` says.
    pub fn notice(&self, provenance: &Provenance) -> String {
        let engines = provenance.engines.join(", ");
        let all_reviewed = provenance.total() > 0 && provenance.reviewed == provenance.total();
        let pseudo = provenance.human == 0 && provenance.engines.iter().all(|e| e == "pseudo");
        let (id, args) = if provenance.machine > 0 && pseudo {
            // Not a translation: the page must not say it was translated.
            ("edition-notice-pseudo", vec![])
        } else if provenance.machine == 0 {
            let id = if all_reviewed {
                "edition-notice-human-reviewed"
            } else {
                "edition-notice-human"
            };
            (id, vec![])
        } else if provenance.human == 0 {
            let id = if all_reviewed {
                "edition-notice-machine-reviewed"
            } else {
                "edition-notice-machine"
            };
            (id, vec![("engine", engines)])
        } else {
            (
                "edition-notice-mixed",
                vec![
                    ("human", self.number(provenance.human)),
                    ("total", self.number(provenance.total())),
                    ("engine", engines),
                ],
            )
        };
        self.msg(id, &args)
    }

    /// The language's name in itself (العربية, हिन्दी, 简体中文, English).
    pub fn own_name(locale: &Locale) -> String {
        let bundle = bundle_plain(ui_tag(locale));
        let mut errors = Vec::new();
        bundle
            .get_message("edition-language-self")
            .and_then(|m| m.value())
            .map(|p| bundle.format_pattern(p, None, &mut errors).into_owned())
            .unwrap_or_else(|| locale.tag().to_string())
    }
}

/// The resource folder for a locale: the interface languages, en-US for the rest.
fn ui_tag(locale: &Locale) -> &'static str {
    match (locale.language().as_str(), locale.script().as_str()) {
        ("ar", _) => "ar",
        ("hi", _) => "hi",
        ("zh", "Hans") => "zh-Hans",
        _ => "en-US",
    }
}

fn bundle(tag: &str) -> FluentBundle<FluentResource> {
    let langid = tag.parse().expect("resource tags are valid");
    let mut bundle = FluentBundle::new(vec![langid]);
    for (_, _, source) in UI_RESOURCES
        .iter()
        .filter(|(t, name, _)| *t == tag && *name == "edition.ftl")
    {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle_plain(tag: &str) -> FluentBundle<FluentResource> {
    let mut b = bundle(tag);
    b.set_use_isolating(false);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome(tag: &str, arabic_digits: bool) -> Chrome {
        Chrome::new(&Locale::parse(tag).unwrap(), arabic_digits)
    }

    #[test]
    fn dates_and_numbers_per_locale() {
        let day = Day::parse("2025-05-02").unwrap();
        assert_eq!(chrome("hi", false).date(day), "2 मई, 2025");
        assert_eq!(chrome("zh", false).date(day), "2025年5月2日");
        assert_eq!(chrome("ar", false).date(day), "2 مايو 2025");
        assert_eq!(chrome("ar", true).date(day), "٢ مايو ٢٠٢٥");
        assert_eq!(chrome("hi", false).number(1_234_567), "12,34,567");
        assert_eq!(chrome("ar", true).number(1_234_567), "١٬٢٣٤٬٥٦٧");
        assert!(Day::parse("2025-02-30").is_none());
        assert!(Day::today().year >= 2025);
    }

    #[test]
    fn notice_follows_provenance_and_isolates_only_rtl() {
        let machine = Provenance {
            machine: 3,
            engines: vec!["deepl".into()],
            ..Provenance::default()
        };
        let pseudo = Provenance {
            engines: vec!["pseudo".into()],
            ..machine.clone()
        };
        assert!(chrome("en", false).notice(&pseudo).contains("not a translation"));
        assert!(chrome("zh", false).notice(&pseudo).contains("并非译文"));
        let reviewed = Provenance {
            human: 3,
            reviewed: 3,
            ..Provenance::default()
        };
        let en = chrome("en", false);
        assert!(en.notice(&machine).contains("deepl"), "{}", en.notice(&machine));
        assert_ne!(en.notice(&machine), en.notice(&reviewed));
        let hi = chrome("hi", false).notice(&machine);
        assert!(hi.contains("deepl") && !hi.contains('\u{2068}'), "{hi}");
        let ar = chrome("ar", false).notice(&machine);
        assert!(ar.contains("\u{2068}deepl\u{2069}"), "{ar}");
        assert_eq!(Chrome::own_name(&Locale::parse("ar").unwrap()), "العربية");
    }
}
