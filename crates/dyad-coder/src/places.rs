//! Where events happen: place names after locative prepositions ("in Hanoi", "at the summit in
//! Geneva", "the town of Gorazde") resolved with the gazetteer, using the countries the document
//! talks about and a country named right after the place ("Bam, Iran").

use crate::analysis::{NONE, Tok};
use crate::phrases::Phrase;
use crate::resolve::MemberKind;
use dyad_dict::CountryForm;
use dyad_geo::{Gazetteer, ResolveContext};
use dyad_model::{Location, Span};
use dyad_text::TokenKind;

/// A place named in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct PlaceMention {
    pub span: Span,
    pub location: Location,
}

/// Nouns after which "of X" names a place ("the town of Gorazde", "the port of Hodeidah").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "port",
    "capital",
    "district",
    "state",
    "county",
    "island",
    "enclave",
    "outskirts",
    "suburb",
    "suburbs",
    "area",
    "municipality",
    "governorate",
    "oblast",
    "prefecture",
];

/// Whether the token is one of the words, ignoring ASCII case (no allocation: this runs on every
/// token of every sentence).
fn is_one_of(text: &str, t: &Tok, words: &[&str]) -> bool {
    t.kind == TokenKind::Word && words.iter().any(|w| text[t.span].eq_ignore_ascii_case(w))
}

const LOCATIVE: &[&str] =
    &["in", "at", "near", "outside", "inside", "across", "around", "throughout", "to", "into", "from"];

/// Every place the sentence names after a locative preposition.
pub(crate) fn find_places(
    toks: &[Tok],
    phrases: &[Phrase],
    text: &str,
    geo: &Gazetteer,
    countries: &[String],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let n = toks.len();
    // Where the reporters are ("…, relief officials in Nairobi said.") is not the event's place.
    for i in 0..trailing_report(toks, text) {
        if !toks[i].tags.has(dyad_text::Tags::PREP) {
            continue;
        }
        let locative = is_one_of(text, &toks[i], LOCATIVE)
            || (is_one_of(text, &toks[i], &["of"]) && i > 0 && is_one_of(text, &toks[i - 1], PLACE_NOUNS));
        if !locative {
            continue;
        }
        let mut j = i + 1;
        if j < n && is_one_of(text, &toks[j], &["the"]) {
            j += 1;
        }
        let start = j;
        while j < n && j < start + 6 {
            let t = &toks[j];
            let joiner = (t.is_punct(text, "-") || matches!(&text[t.span], "of" | "al" | "el" | "de"))
                && toks.get(j + 1).is_some_and(|x| x.cap);
            if (t.kind == TokenKind::Word && t.cap) || joiner {
                j += 1;
            } else {
                break;
            }
        }
        if j == start {
            continue;
        }
        let span = toks[start].span.cover(toks[j - 1].span);
        // A country named as a whole is not a place with coordinates here.
        let ph = toks[start].phrase;
        if ph != NONE {
            let p = &phrases[ph as usize];
            let country_name = p.members.first().is_some_and(|m| {
                m.kind == MemberKind::Country && matches!(m.form, Some(CountryForm::Name) | Some(CountryForm::People))
            });
            if country_name && p.end >= j {
                continue;
            }
            // "to UN peacekeepers", "at Gazprom": organisations and people are not places.
            let named_actor =
                p.members.first().is_some_and(|m| matches!(m.kind, MemberKind::Organisation | MemberKind::Person));
            if named_actor {
                continue;
            }
        }
        // "Bam, Iran": the country after a comma narrows the place down.
        let hint = (j + 1 < n && toks[j].is_punct(text, ",") && toks[j + 1].phrase != NONE)
            .then(|| phrases[toks[j + 1].phrase as usize].members.first().and_then(|m| m.code.country.clone()))
            .flatten();
        let mut ctx = ResolveContext::default().with_countries(countries.iter().cloned());
        if let Some(h) = hint {
            ctx = ctx.with_hint(h);
        }
        if start == 0 {
            ctx = ctx.at_sentence_start();
        }
        if let Some(place) = geo.resolve(&text[span], &ctx) {
            let mut location = place.to_location();
            location.start = Some(span.start);
            location.end = Some(span.end);
            out.push(PlaceMention { span, location });
        }
    }
    out
}

/// Where a closing attribution starts (", relief officials in Nairobi said."): the comma before
/// the last reporting verb when nothing but time words follows that verb; else the sentence end.
/// Where the reporters are is not where the event happened.
pub(crate) fn trailing_report(toks: &[Tok], text: &str) -> usize {
    let Some(r) = toks.iter().rposition(|t| t.tags.has(dyad_text::Tags::REPORT)) else { return toks.len() };
    let tail_ok = toks[r + 1..].iter().all(|t| {
        t.kind == TokenKind::Punct
            || t.tags.has(dyad_text::Tags(dyad_text::Tags::TIME.0 | dyad_text::Tags::PREP.0 | dyad_text::Tags::DET.0))
    });
    if !tail_ok {
        return toks.len();
    }
    match (0..r).rev().find(|&k| toks[k].is_punct(text, ",") || toks[k].group != NONE) {
        Some(c) if toks[c].is_punct(text, ",") => c,
        _ => toks.len(),
    }
}

/// The place of an event: the nearest place named after its trigger, else the nearest before it.
pub(crate) fn place_for(places: &[PlaceMention], trigger: Span) -> Option<&PlaceMention> {
    places
        .iter()
        .filter(|p| p.span.start >= trigger.end)
        .min_by_key(|p| p.span.start - trigger.end)
        .or_else(|| places.iter().filter(|p| p.span.end <= trigger.start).min_by_key(|p| trigger.start - p.span.end))
}
