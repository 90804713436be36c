//! Sentences written for entries of the shipped dictionaries (not taken from any gold set), so a
//! change to an entry shows up here with the event it makes.

use dyad_coder::Coder;
use dyad_model::Document;
use std::sync::LazyLock;

static CODER: LazyLock<Coder> = LazyLock::new(|| Coder::embedded().with_places(false));

/// Codes a text on a date and renders each event on one line.
fn code(text: &str, date: &str) -> String {
    let mut doc = Document::from_text(text);
    doc.published = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    CODER
        .code(&doc)
        .iter()
        .map(|e| {
            let t = e.target.as_ref().map(|t| format!("{} \"{}\"", t.code, t.text)).unwrap_or_else(|| "-".into());
            format!("{} \"{}\" → {t} {} [{}]", e.source.code, e.source.text, e.cameo, e.trigger.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn endorsing_an_agreement_with_a_party() {
    insta::assert_snapshot!(code("Georgian lawmakers endorsed a trade agreement with the European Union on Friday.", "2023-03-28"), @r#"GEOLEG "Georgian lawmakers" → IGOEEC "European Union" 051 [endorsed a trade agreement with]"#);
}

#[test]
fn engaging_a_party_in_a_firefight() {
    insta::assert_snapshot!(code("Kurdish fighters engaged Turkish troops in a gun battle near the border.", "2023-03-28"), @r#"TURREB "fighters" → TURMIL "Turkish troops" 193 [engaged Turkish troops in a gun battle]"#);
    insta::assert_snapshot!(code("Malian soldiers engaged the rebels in heavy fighting on Sunday.", "2023-03-28"), @r#"MLIMIL "Malian soldiers" → MLIREB "rebels" 190 [engaged the rebels in heavy fighting]"#);
}

#[test]
fn firing_weapons_at_a_party() {
    insta::assert_snapshot!(code("Syrian forces fired several anti-tank weapons at Turkish positions.", "2023-03-28"), @r#"SYRMIL "Syrian forces" → TUR "Turkish" 190 [fired several anti-tank weapons at]"#);
    // A more specific pattern still wins.
    insta::assert_snapshot!(code("Kenyan police fired tear gas at opposition supporters.", "2023-03-28"), @r#"KENCOP "Kenyan police" → KENOPP "opposition supporters" 175 [fired tear gas at]"#);
}

#[test]
fn providing_support_and_refusing_it() {
    insta::assert_snapshot!(code("Russia started providing support to separatists in eastern Ukraine.", "2023-03-28"), @r#"RUS "Russia" → UKRREB "separatists in eastern Ukraine" 060 [providing support to]"#);
    insta::assert_snapshot!(code("The Turkish president said he would not provide support to Sweden.", "2023-03-28"), @r#"TURGOV "he" → SWE "Sweden" 121 [provide support to]"#);
}

#[test]
fn british_spellings_of_doubling_verbs() {
    insta::assert_snapshot!(code("The Polish president cancelled a planned trip to Lithuania.", "2023-03-28"), @r#"POLGOV "Polish president" → LTU "Lithuania" 161 [cancelled a planned trip to]"#);
    insta::assert_snapshot!(code("Hungary is cancelling its talks with Ukraine.", "2023-03-28"), @r#"HUN "Hungary" → UKR "Ukraine" 164 [cancelling its talks with]"#);
}

#[test]
fn cancelling_or_abolishing_restrictions_eases_them() {
    insta::assert_snapshot!(code("A Kenyan court cancelled restrictions on street protests in Nairobi.", "2023-03-28"), @r#"KENJUD "Kenyan court" → - 081 [cancelled restrictions]"#);
    insta::assert_snapshot!(code("The Israeli army abolished the curfew imposed on Palestinian villagers.", "2023-03-28"), @r#"ISRMIL "Israeli army" → PSECVL "Palestinian villagers" 081 [abolished the curfew imposed on]"#);
}

#[test]
fn former_state_names_as_adjectives() {
    insta::assert_snapshot!(code("Thai troops attacked Kampuchean rebels near the border.", "1985-03-28"), @r#"THAMIL "Thai troops" → KHMREB "Kampuchean rebels" 190 [attacked]"#);
}

#[test]
fn complaining_to_a_body_about_a_party() {
    insta::assert_snapshot!(code("Egypt complained to the Security Council about Ethiopia's dam.", "2023-03-28"), @r#"EGY "Egypt" → ETH "Ethiopia" 110 [complained to the Security Council about]"#);
}

#[test]
fn a_cleric_in_and_out_of_office() {
    insta::assert_snapshot!(code("Archbishop Desmond Tutu criticized the South African government.", "1990-05-01"), @r#"ZAFREL "Archbishop Desmond Tutu" → ZAFGOV "South African government" 111 [criticized]"#);
    insta::assert_snapshot!(code("Desmond Tutu criticized the South African government.", "2010-05-01"), @r#"ZAFELI "Desmond Tutu" → ZAFGOV "South African government" 111 [criticized]"#);
}

#[test]
fn national_trade_union_centres() {
    insta::assert_snapshot!(code("COSATU criticized the South African government.", "2023-03-28"), @r#"ZAFCSALAB "COSATU" → ZAFGOV "South African government" 111 [criticized]"#);
    // The country adjective is part of the name, not Britain's Labour Party.
    insta::assert_snapshot!(code("The Nigerian Labour Congress criticized the Nigerian government.", "2023-03-28"), @r#"NGANLCLAB "Nigerian Labour Congress" → NGAGOV "Nigerian government" 111 [criticized]"#);
}

#[test]
fn criminal_charges_are_a_legal_accusation_not_an_arrest() {
    // The codebook's note on 173: charges and lawsuits are coded 115.
    insta::assert_snapshot!(code("Kenyan prosecutors charged two opposition lawmakers with incitement on Monday.", "2024-05-01"), @r#"KENJUD "Kenyan prosecutors" → KENOPP "two opposition lawmakers" 115 [charged two opposition lawmakers with]"#);
}

#[test]
fn a_protest_demand_refines_the_protest() {
    // The demand is what the rally is for, not a second event: 141 + 1041 → 1411.
    insta::assert_snapshot!(code("Thousands of students rallied in Dhaka against the government, saying the prime minister must step down.", "2024-05-01"), @r#"BGDEDU "students" → BGDGOV "government" 1411 [rallied in Dhaka against]"#);
}

#[test]
fn a_part_of_a_name_refers_back_to_the_person_named_in_full() {
    // "Kim" and "Wang" alone are no dictionary names; after the full names they are these people.
    insta::assert_snapshot!(code("North Korean leader Kim Jong Un met Chinese Foreign Minister Wang Yi in Pyongyang on Friday. Wang praised Kim.", "2024-03-01"), @r#"
    PRKGOV "North Korean leader Kim Jong Un" → CHNGOV "Chinese Foreign Minister Wang Yi" 040 [met]
    CHNGOV "Wang" → PRKGOV "Kim" 051 [praised]
    "#);
}

#[test]
fn the_government_after_a_union_is_the_state_not_the_union() {
    insta::assert_snapshot!(code("The Nigeria Labour Congress called off its strike on Monday. The government thanked the union leaders.", "2024-03-01"), @r#"
    NGANLCLAB "Nigeria Labour Congress" → - 082 [called off its strike]
    NGAGOV "government" → NGALAB "union leaders" 051 [thanked]
    "#);
}

#[test]
fn what_a_promise_sends_is_not_its_target() {
    // The frame's fallback target skips the countryless troops for the state they go to.
    insta::assert_snapshot!(code("Norway is willing to send troops to Saudi Arabia.", "2024-03-01"), @r#"NOR "Norway" → SAU "Saudi Arabia" 030 [is willing to send]"#);
}

#[test]
fn not_ruling_out_force_is_a_threat() {
    insta::assert_snapshot!(code("Trump ruled out military action against Iran on Friday.", "2017-03-01"), @r#"USAGOV "Trump" → IRN "Iran" 0356 [ruled out military action against]"#);
    insta::assert_snapshot!(code("Trump declined to rule out military action against Iran on Friday.", "2017-03-01"), @r#"USAGOV "Trump" → IRN "Iran" 138 [declined to rule out military action against]"#);
}

#[test]
fn a_complaint_reported_after_its_content() {
    // The reporting verb is the event when the reported clause codes nothing; an NGO of no
    // country is CAMEO's generic NGO.
    insta::assert_snapshot!(code("The Kenyan government is failing to protect journalists, a human rights group protested on Friday.", "2024-03-01"), @r#"NGO "human rights group" → KENGOV "Kenyan government" 111 [protested]"#);
}
