//! Identity includes markup: the memory matches sentences whatever their placeholder numbering
//! and whatever the placeholders stand for, but an edition's placeholders must carry the
//! segment's own source bytes. `See [the report](https://a.example/1).` and
//! `See [the report](https://b.example/2).` share a memory entry and keep their own links.

use crate::model::{Part, Text};

/// `translation` (of `from`, whose placeholders it carries) with each placeholder replaced by
/// the one at the same position in `to`, a source with the same memory key. `None` when the
/// two do not correspond (then the translation is not this segment's).
pub fn rebind(translation: &Text, from: &Text, to: &Text) -> Option<Text> {
    if from == to {
        return Some(translation.clone());
    }
    let (_, from_ids) = from.renumbered();
    let (_, to_ids) = to.renumbered();
    let canonical_to_own: std::collections::HashMap<u32, u32> = to_ids.iter().map(|(own, c)| (*c, *own)).collect();
    let mut out = Text::default();
    for part in &translation.0 {
        match part {
            Part::Str(s) => out.push_str(s),
            Part::Placeholder(p) => {
                let canonical = from_ids.get(&p.id)?;
                let own = canonical_to_own.get(canonical)?;
                let mine = to.placeholders().find(|q| q.id == *own && q.kind == p.kind)?;
                out.push_placeholder(mine.clone());
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Placeholder, PlaceholderKind};

    fn link(text: &str, id: u32, url: &str) -> Text {
        let mut t = Text::plain("See ");
        t.push_placeholder(Placeholder {
            id,
            kind: PlaceholderKind::Open,
            label: "link".into(),
            original: "[".into(),
        });
        t.push_str(text);
        t.push_placeholder(Placeholder {
            id,
            kind: PlaceholderKind::Close,
            label: "link".into(),
            original: format!("]({url})"),
        });
        t.push_str(".");
        t
    }

    #[test]
    fn each_segment_keeps_its_own_link() {
        let a = link("the report", 1, "https://a.example/1");
        let b = link("the report", 4, "https://b.example/2");
        assert_eq!(a.memory_key(), b.memory_key());
        let translated_a = link("التقرير", 1, "https://a.example/1");
        let rebound = rebind(&translated_a, &a, &b).unwrap();
        assert_eq!(rebound, link("التقرير", 4, "https://b.example/2"));
        assert!(!rebound.placeholders().any(|p| p.original.contains("a.example")));
    }
}
