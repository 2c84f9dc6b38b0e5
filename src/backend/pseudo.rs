//! Pseudo-localization: a deterministic engine that needs no network.
//!
//! It keeps every placeholder, brackets each text with `⟦ ⟧` so untranslated or truncated
//! strings stand out, and rewrites letters into the target's script: Arabic letters for
//! right-to-left targets (so a layout bug in an RTL edition shows), Devanagari for Hindi,
//! full-width forms for Chinese and Japanese, accented Latin otherwise. An optional delay per
//! request stands in for a slow engine in tests.

use super::{Batch, Engine, EngineError, Limits};
use crate::model::Part;
use std::time::Duration;

/// Version of the transformation: bump it when the output changes, so old results go stale.
const VERSION: u32 = 1;

#[derive(Debug, Clone)]
pub struct Pseudo {
    delay: Duration,
    /// Texts per request and requests in flight (`max_texts`, `concurrency`: for tests that
    /// need a run of many rounds, as `delay_ms` makes each round slow).
    max_texts: usize,
    concurrency: usize,
}

impl Default for Pseudo {
    fn default() -> Pseudo {
        Pseudo::from_settings(&toml::Table::new())
    }
}

impl Pseudo {
    pub fn from_settings(settings: &toml::Table) -> Pseudo {
        let delay_ms = settings
            .get("delay_ms")
            .and_then(|v| v.as_integer())
            .unwrap_or(0)
            .max(0) as u64;
        let count = |key: &str, default: usize, most: usize| {
            settings
                .get(key)
                .and_then(|v| v.as_integer())
                .map_or(default, |n| n.clamp(1, most as i64) as usize)
        };
        Pseudo {
            delay: Duration::from_millis(delay_ms),
            max_texts: count("max_texts", 50, 50),
            concurrency: count("concurrency", 4, 64),
        }
    }

    /// The pseudo-translation of one string into a script.
    pub fn transform(text: &str, script: &str) -> String {
        text.chars().map(|c| map_char(c, script)).collect()
    }
}

impl Engine for Pseudo {
    fn name(&self) -> &'static str {
        "pseudo"
    }

    fn fingerprint(&self) -> String {
        format!("pseudo:v{VERSION}")
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: self.max_texts,
            max_chars: 20_000,
            concurrency: self.concurrency,
        }
    }

    async fn translate(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        let script = batch.target.script();
        Ok(batch
            .texts
            .iter()
            .map(|text| {
                let mut out = crate::model::Text::plain("⟦");
                for part in &text.0 {
                    match part {
                        Part::Str(s) => out.push_str(&Pseudo::transform(s, &script)),
                        Part::Placeholder(p) => out.push_placeholder(p.clone()),
                    }
                }
                out.push_str("⟧");
                out.tagged()
            })
            .collect())
    }
}

fn map_char(c: char, script: &str) -> char {
    if !c.is_ascii_alphabetic() {
        return c;
    }
    let i = (c.to_ascii_lowercase() as u8 - b'a') as usize;
    let table: &[char; 26] = match script {
        "Arab" => &[
            'ا', 'ب', 'ك', 'د', 'ي', 'ف', 'ج', 'ه', 'ي', 'ج', 'ك', 'ل', 'م', 'ن', 'و', 'ب', 'ق', 'ر', 'س', 'ت', 'و',
            'ف', 'و', 'خ', 'ي', 'ز',
        ],
        "Hebr" => &[
            'א', 'ב', 'כ', 'ד', 'ע', 'פ', 'ג', 'ה', 'י', 'ג', 'ק', 'ל', 'מ', 'נ', 'ו', 'פ', 'ק', 'ר', 'ס', 'ת', 'ו',
            'ו', 'ו', 'כ', 'י', 'ז',
        ],
        "Deva" => &[
            'अ', 'ब', 'क', 'द', 'ए', 'फ', 'ग', 'ह', 'इ', 'ज', 'क', 'ल', 'म', 'न', 'ओ', 'प', 'क', 'र', 'स', 'त', 'उ',
            'व', 'व', 'ख', 'य', 'ज',
        ],
        "Hans" | "Hant" | "Jpan" | "Kore" => {
            return char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c);
        }
        _ => &[
            'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ĺ', 'ɱ', 'ñ', 'ó', 'þ', 'ǫ', 'ŕ', 'š', 'ŧ', 'ú',
            'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
        ],
    };
    let mapped = table[i];
    if c.is_ascii_uppercase() && script == "Latn" {
        mapped.to_uppercase().next().unwrap_or(mapped)
    } else {
        mapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(Pseudo::transform("Kyiv 2025", "Arab"), "كييف 2025");
        assert_eq!(Pseudo::transform("ab", "Hans"), "ａｂ");
        assert_eq!(Pseudo::transform("Ab", "Latn"), "Áƀ");
        assert_eq!(Pseudo::transform("ab", "Deva"), "अब");
    }
}
