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

#[test]
fn strengthening_forces_inside_a_country() {
    insta::assert_snapshot!(code("Russia has reinforced its troops in Belarus.", "2022-01-20"), @r#"RUS "Russia" → BLR "Belarus" 154 [reinforced its troops in]"#);
}

#[test]
fn offering_troops_to_a_party() {
    insta::assert_snapshot!(code("Egypt offered 2,000 soldiers to the United Nations.", "1993-03-28"), @r#"EGY "Egypt" → IGOUNO "United Nations" 0334 [offered 2,000 soldiers to]"#);
}

#[test]
fn opposing_a_proposal_is_a_rejection() {
    insta::assert_snapshot!(code("Russia opposed the NATO proposal.", "2023-03-28"), @r#"RUS "Russia" → IGONAT "NATO" 120 [opposed the NATO proposal]"#);
    insta::assert_snapshot!(code("Turkey opposes France's mediation in the dispute.", "2023-03-28"), @r#"TUR "Turkey" → FRA "France" 126 [opposes France's mediation]"#);
    insta::assert_snapshot!(code("Malian rebels opposed the deployment of a peacekeeping force.", "2023-03-28"), @r#"MLIREB "Malian rebels" → - 1245 [opposed the deployment of a peacekeeping force]"#);
    // Opposing a party, not a proposal, stays disapproval.
    insta::assert_snapshot!(code("China opposed the Japanese prime minister.", "2023-03-28"), @r#"CHN "China" → JPNGOV "Japanese prime minister" 110 [opposed]"#);
}

#[test]
fn withdrawal_of_named_forces() {
    insta::assert_snapshot!(code("Syria began the withdrawal of Syrian troops from Lebanon.", "2005-03-28"), @r#"SYR "Syria" → LBN "Lebanon" 0874 [withdrawal of Syrian troops from]"#);
}

#[test]
fn prohibiting_aid_reduces_it() {
    insta::assert_snapshot!(code("Britain prohibited aid to Zimbabwe.", "2003-03-28"), @r#"GBR "Britain" → ZWE "Zimbabwe" 162 [prohibited aid to]"#);
}

#[test]
fn confiscating_goods_from_a_party() {
    insta::assert_snapshot!(code("Kenyan police seized weapons and ammunition from Somali militants.", "2012-03-28"), @r#"KENCOP "Kenyan police" → SOMREB "Somali militants" 1711 [seized weapons and ammunition from]"#);
    insta::assert_snapshot!(code("Burmese troops confiscated guns and radios from the Karen rebels.", "2012-03-28"), @r#"MMRMIL "Burmese troops" → MMRREB "Karen rebels" 1711 [confiscated guns and radios from]"#);
}

#[test]
fn pushing_and_pressure_frames() {
    insta::assert_snapshot!(code("Britain pushed hard for the United States to support the plan.", "2005-03-28"), @r#"GBR "Britain" → USA "United States" 100 [pushed hard for the United States to support]"#);
    insta::assert_snapshot!(code("The European Union stepped up pressure on Belarus to release political prisoners.", "2021-03-28"), @r#"IGOEEC "European Union" → BLR "Belarus" 1053 [stepped up pressure on Belarus to release political prisoners]"#);
}

#[test]
fn weapons_fire_against_a_party() {
    insta::assert_snapshot!(code("Indian troops opened artillery fire on Pakistani positions.", "2019-03-28"), @r#"INDMIL "Indian troops" → PAK "Pakistani" 194 [opened artillery fire on]"#);
    insta::assert_snapshot!(code("Israeli troops opened tank and machine-gun fire on Palestinian gunmen.", "2002-03-28"), @r#"ISRMIL "Israeli troops" → PSEUAF "Palestinian gunmen" 194 [opened tank and machine-gun fire on]"#);
}

#[test]
fn firing_to_disperse_a_crowd() {
    insta::assert_snapshot!(code("Zambian police fired shots into the air to disperse opposition supporters.", "2016-03-28"), @r#"ZMBCOP "Zambian police" → ZMBOPP "opposition supporters" 175 [fired shots into the air to disperse]"#);
    insta::assert_snapshot!(code("Indonesian troops used force to disperse student protesters.", "1998-03-28"), @r#"IDNMIL "Indonesian troops" → IDNOPPEDU "student protesters" 175 [used force to disperse]"#);
}

#[test]
fn banning_an_extremist_organisation() {
    insta::assert_snapshot!(code("The Egyptian government outlawed an Islamist extremist organization.", "1994-03-28"), @r#"EGYGOV "Egyptian government" → ---RAD "Islamist extremist organization" 1722 [outlawed]"#);
    insta::assert_snapshot!(code("Israeli police arrested three Palestinian hackers.", "2014-03-28"), @r#"ISRCOP "Israeli police" → PSECRM "three Palestinian hackers" 173 [arrested]"#);
}

#[test]
fn sending_inspectors_to_a_site() {
    insta::assert_snapshot!(code("The IAEA sent a team of inspectors to Iran's Natanz plant.", "2006-03-28"), @r#"IGOIAE "IAEA" → IRN "Iran" 090 [sent a team of inspectors to]"#);
}

#[test]
fn peoples_of_one_state_and_misspelt_states() {
    insta::assert_snapshot!(code("Igbo traditional rulers criticized the Nigerian government.", "2010-03-28"), @r#"NGACVL "Igbo traditional rulers" → NGAGOV "Nigerian government" 111 [criticized]"#);
    insta::assert_snapshot!(code("Pakistan criticized Afganistan.", "1987-03-28"), @r#"PAK "Pakistan" → AFG "Afganistan" 111 [criticized]"#);
}

#[test]
fn handing_over_relief_goods() {
    insta::assert_snapshot!(code("Japanese doctors handed over two tons of medicine to the Red Crescent.", "2004-03-28"), @r#"JPNHLH "Japanese doctors" → NGORCR "Red Crescent" 073 [handed over two tons of medicine to]"#);
}

#[test]
fn preventing_a_gathering() {
    insta::assert_snapshot!(code("Belarusian police prevented a rally by opposition supporters.", "2020-03-28"), @r#"BLRCOP "Belarusian police" → BLROPP "opposition supporters" 1721 [prevented a rally by]"#);
}

#[test]
fn forcing_aid_agencies_out() {
    insta::assert_snapshot!(code("Sudan forced aid agencies out of the country.", "2009-03-28"), @r#"SDN "Sudan" → - 1663 [forced aid agencies out of the country]"#);
}

#[test]
fn leaders_of_the_late_cold_war() {
    insta::assert_snapshot!(code("Gorbachev met Thatcher in London.", "1989-04-06"), @r#"RUSGOV "Gorbachev" → GBRGOV "Thatcher" 040 [met]"#);
    // A frequent misspelling of the name.
    insta::assert_snapshot!(code("President Mitterand welcomed Chancellor Kohl to Paris.", "1990-05-01"), @r#"FRAGOV "President Mitterand" → DEUGOV "Chancellor Kohl" 043 [welcomed Chancellor Kohl to]"#);
    // After his term the same name is the country's elite.
    insta::assert_snapshot!(code("Kozyrev criticized the Russian government.", "2005-05-01"), @r#"RUSELI "Kozyrev" → RUSGOV "Russian government" 111 [criticized]"#);
}

#[test]
fn offering_concessions_is_an_intent_to_yield() {
    insta::assert_snapshot!(code("The Serbian government offered concessions to the Kosovo Albanians.", "1998-03-28"), @r#"SRBGOV "Serbian government" → KOS "Kosovo Albanians" 035 [offered concessions to]"#);
}

#[test]
fn examining_facilities_in_a_country() {
    insta::assert_snapshot!(code("UN inspectors examined the factories in Iraq.", "1998-03-28"), @r#"IGOUNO "UN" → IRQ "Iraq" 090 [examined the factories in]"#);
}

#[test]
fn burundian_rebel_groups() {
    insta::assert_snapshot!(code("The FDD attacked Burundian troops near Bujumbura.", "2001-03-28"), @r#"BDIFDDREB "FDD" → BDIMIL "Burundian troops" 190 [attacked]"#);
}

#[test]
fn rejecting_a_call_for_troops() {
    insta::assert_snapshot!(code("NATO rejected calls for troops to be sent to Syria.", "2013-03-28"), @r#"IGONAT "NATO" → SYR "Syria" 1224 [rejected calls for troops to be sent to]"#);
}

#[test]
fn meeting_a_party_s_demands() {
    insta::assert_snapshot!(code("The Philippine government met the rebel group's demands.", "2001-03-28"), @r#"PHLGOV "Philippine government" → PHLREB "rebel group" 083 [met the rebel group's demands]"#);
}

#[test]
fn returning_what_was_seized_from_a_party() {
    insta::assert_snapshot!(code("Iran returned the boats seized from the British navy.", "2004-06-28"), @r#"IRN "Iran" → GBRMIL "British navy" 0842 [returned the boats seized from]"#);
}

#[test]
fn evacuating_the_wounded_from_a_town() {
    insta::assert_snapshot!(code("UN helicopters evacuated the wounded from the besieged Bosnian town.", "1994-03-28"), @r#"IGOUNO "UN" → BIH "Bosnian" 073 [evacuated the wounded from the besieged]"#);
}

#[test]
fn leaders_of_eastern_europe_in_1989() {
    insta::assert_snapshot!(code("Ceausescu criticized Hungary.", "1989-06-01"), @r#"ROUGOV "Ceausescu" → HUN "Hungary" 111 [criticized]"#);
}

#[test]
fn opposing_a_deal_with_a_party() {
    insta::assert_snapshot!(code("Israel opposed the nuclear deal with Iran.", "2015-07-28"), @r#"ISR "Israel" → IRN "Iran" 120 [opposed the nuclear deal with]"#);
}

#[test]
fn charging_that_a_party_did_wrong() {
    insta::assert_snapshot!(code("The Kenyan opposition charged that the government had rigged the vote.", "2015-07-28"), @r#"KENOPP "Kenyan opposition" → KENGOV "government" 112 [charged that]"#);
}

#[test]
fn retaking_a_town_from_a_party() {
    insta::assert_snapshot!(code("Syrian troops recaptured the town of Palmyra from Islamic State fighters.", "2016-03-28"), @r#"SYRMIL "Syrian troops" → IMGISIREB "Islamic State fighters" 192 [recaptured the town of Palmyra from]"#);
    insta::assert_snapshot!(code("Iraqi forces retook the city of Mosul from the Islamic State group.", "2017-07-10"), @r#"IRQMIL "Iraqi forces" → IMGISIREB "Islamic State group" 192 [retook the city of Mosul from]"#);
}

#[test]
fn withdrawing_from_a_place_named_by_its_country() {
    insta::assert_snapshot!(code("Ethiopian troops withdrew from the Somali town of Baidoa.", "2009-01-28"), @r#"ETHMIL "Ethiopian troops" → SOM "Somali" 0874 [withdrew from the Somali town]"#);
}

#[test]
fn repelling_an_attack_by_a_party() {
    insta::assert_snapshot!(code("The Ukrainian army repelled an attack by separatists.", "2015-01-28"), @r#"UKRMIL "Ukrainian army" → UKRREB "separatists" 190 [repelled an attack by]"#);
}

#[test]
fn sums_of_money_as_economic_aid() {
    insta::assert_snapshot!(code("Germany pledged 50 million euros to Ukraine.", "2015-01-28"), @r#"DEU "Germany" → UKR "Ukraine" 0331 [pledged 50 million euros to]"#);
    insta::assert_snapshot!(code("Saudi Arabia gave $2 billion to Egypt.", "2015-01-28"), @r#"SAU "Saudi Arabia" → EGY "Egypt" 071 [gave $2 billion to]"#);
}

#[test]
fn unfreezing_assets() {
    insta::assert_snapshot!(code("The United States unfroze Iranian assets.", "2016-01-28"), @r#"USA "United States" → IRN "Iranian" 085 [unfroze Iranian assets]"#);
}

#[test]
fn approving_aid_for_a_party() {
    insta::assert_snapshot!(code("The US Senate approved military aid to Ukraine.", "2015-01-28"), @r#"USALEG "US Senate" → UKR "Ukraine" 072 [approved military aid to]"#);
}

#[test]
fn condemning_an_attack_names_the_perpetrator() {
    insta::assert_snapshot!(code("The UN condemned the killing of protesters by Syrian security forces.", "2012-01-28"), @r#"IGOUNO "UN" → SYRCOP "Syrian security forces" 111 [condemned the killing of protesters by]"#);
    // The condemned attack is not itself coded with the condemner as attacker.
    insta::assert_snapshot!(code("Egypt condemned the bombing of a church in Alexandria.", "2011-01-02"), @r#"EGY "Egypt" → - 111 [condemned the bombing]"#);
}

#[test]
fn welcoming_an_agreement_between_parties() {
    insta::assert_snapshot!(code("Germany welcomed the ceasefire agreement between Armenia and Azerbaijan.", "2020-10-28"), @r#"
DEU "Germany" → ARM "Armenia" 051 [welcomed the ceasefire agreement between]
DEU "Germany" → AZE "Azerbaijan" 051 [welcomed the ceasefire agreement between]
"#);
}

#[test]
fn barring_a_kind_of_aid() {
    insta::assert_snapshot!(code("The US Congress barred military aid to Guatemala.", "1990-03-28"), @r#"USALEG "US Congress" → GTM "Guatemala" 1622 [barred military aid to]"#);
    insta::assert_snapshot!(code("Washington cut off all aid to the Contras.", "1987-03-28"), @r#"USAGOV "Washington" → NICREB "Contras" 162 [cut off all aid to]"#);
}

#[test]
fn armed_movements_of_the_1990s() {
    insta::assert_snapshot!(code("The KLA ambushed Serbian police near Pristina.", "1998-03-01"), @r#"KOSKLAREB "KLA" → SRBCOP "Serbian police" 190 [ambushed]"#);
    insta::assert_snapshot!(code("Khmer Rouge guerrillas attacked a Cambodian army post.", "1993-03-01"), @r#"KHMKMRREB "Khmer Rouge guerrillas" → KHMMIL "Cambodian army" 190 [attacked]"#);
}

#[test]
fn sieges_of_a_named_town_and_closing_a_named_border() {
    insta::assert_snapshot!(code("Government troops laid siege to the town of Homs in Syria.", "2012-03-01"), @r#"SYRMILGOV "Government troops" → SYR "Homs" 191 [laid siege to the town of]"#);
    insta::assert_snapshot!(code("Turkey closed its Syrian border.", "2015-03-01"), @r#"TUR "Turkey" → SYR "Syrian" 163 [closed its Syrian border]"#);
}

#[test]
fn more_role_nouns() {
    insta::assert_snapshot!(code("Kenyan bandits attacked Somali clansmen near the border.", "2015-03-01"), @r#"KENCRM "Kenyan bandits" → SOMCVL "Somali clansmen" 190 [attacked]"#);
    insta::assert_snapshot!(code("Israeli settlers attacked the offices of the Palestinian administrators.", "1994-03-01"), @r#"ISRCVL "Israeli settlers" → PSEGOV "Palestinian administrators" 190 [attacked the offices of]"#);
}

#[test]
fn handing_over_ones_own_weapons_is_disarmament() {
    insta::assert_snapshot!(code("Malian rebels handed over their weapons to UN peacekeepers.", "2015-03-01"), @r#"MLIREB "Malian rebels" → IGOUNOMIL "UN peacekeepers" 0873 [handed over their weapons to]"#);
    // Weapons given to another party remain military aid.
    insta::assert_snapshot!(code("Iran handed over weapons to Hezbollah.", "2015-03-01"), @r#"IRN "Iran" → LBNHEZREB "Hezbollah" 072 [handed over weapons to]"#);
}

#[test]
fn disbursing_a_loan_tranche() {
    insta::assert_snapshot!(code("The IMF disbursed the second tranche to Ukraine.", "2015-03-01"), @r#"IGOIMF "IMF" → UKR "Ukraine" 071 [disbursed the second tranche to]"#);
}

#[test]
fn attacks_on_a_party_s_websites() {
    insta::assert_snapshot!(code("Russian hackers took down Georgian government websites.", "2008-08-10"), @r#"RUSCRM "Russian hackers" → GEOGOV "Georgian government" 170 [took down Georgian government websites]"#);
    insta::assert_snapshot!(code("Chinese hackers defaced the websites of the Taiwanese government.", "2008-08-10"), @r#"CHNCRM "Chinese hackers" → TWNGOV "Taiwanese government" 170 [defaced the websites of]"#);
}

#[test]
fn handing_over_wanted_people() {
    insta::assert_snapshot!(code("Colombia handed over the drug lord to the United States.", "2015-03-01"), @r#"COL "Colombia" → USA "United States" 063 [handed over the drug lord to]"#);
    insta::assert_snapshot!(code("Pakistan said it would not hand over the militants to India.", "2015-03-01"), @r#"PAK "it" → IND "India" 121 [hand over the militants to]"#);
}

#[test]
fn alert_facing_a_neighbour() {
    insta::assert_snapshot!(code("Ethiopia put its troops on high alert along the border with Eritrea.", "1998-06-01"), @r#"ETH "Ethiopia" → ERI "Eritrea" 152 [put its troops on high alert along the border with]"#);
}

#[test]
fn what_is_withdrawn_from_a_country_names_the_target() {
    // "from Syria" says where the troops leave, not whose troops they are.
    insta::assert_snapshot!(code("Russia withdrew its troops from Syria on Monday.", "2017-03-01"), @r#"RUS "Russia" → SYR "Syria" 0874 [withdrew its troops from]"#);
    insta::assert_snapshot!(code("The United States speeded up the withdrawal of some forces from Panama.", "1990-01-10"), @r#"USA "United States" → PAN "Panama" 0874 [withdrawal of some forces from]"#);
    insta::assert_snapshot!(code("Putin met officials from Kazakhstan.", "2017-03-01"), @r#"RUSGOV "Putin" → KAZGOV "officials from Kazakhstan" 040 [met]"#);
}

#[test]
fn being_opposed_to_is_opposing() {
    insta::assert_snapshot!(code("Turkey is opposed to Russian mediation between the two sides.", "2020-10-01"), @r#"TUR "Turkey" → RUS "Russian" 126 [opposed to Russian mediation]"#);
}

#[test]
fn an_agent_acting_on_a_whole_state_keeps_no_country_of_it() {
    // A state named as a whole is a counterpart, not the agent's home; its own agents are.
    insta::assert_snapshot!(code("Congress barred military aid to Guatemala.", "1990-03-01"), @r#"---LEG "Congress" → GTM "Guatemala" 1622 [barred military aid to]"#);
    insta::assert_snapshot!(code("Police detained the Russian opposition leader.", "2017-03-01"), @r#"RUSCOP "Police" → RUSOPP "Russian opposition leader" 173 [detained]"#);
}

#[test]
fn a_possible_conflictual_act_of_ones_own_is_a_threat() {
    insta::assert_snapshot!(code("The European Union could impose sanctions on Russia.", "2017-03-01"), @r#"IGOEEC "European Union" → RUS "Russia" 1312 [impose sanctions on]"#);
    insta::assert_snapshot!(code("Turkey may halt mediation between Russia and Ukraine.", "2022-03-01"), @r#"
    TUR "Turkey" → RUS "Russia" 135 [halt mediation between]
    TUR "Turkey" → UKR "Ukraine" 135 [halt mediation between]
    "#);
    // A guess about the past is not a threat.
    insta::assert_snapshot!(code("Russia may have attacked Ukraine.", "2022-03-01"), @r#"RUS "Russia" → UKR "Ukraine" 190 [attacked]"#);
}

#[test]
fn hosting_talks_between_two_parties_is_mediation() {
    insta::assert_snapshot!(code("Qatar hosted talks between the Taliban and the United States.", "2020-01-01"), @r#"
    QAT "Qatar" → AFGTALREB "Taliban" 045 [hosted talks between]
    QAT "Qatar" → USA "United States" 045 [hosted talks between]
    "#);
}

#[test]
fn the_party_after_from_acts_in_a_reversed_pattern() {
    insta::assert_snapshot!(code("Ukraine received weapons from the United States.", "2023-03-01"), @r#"USA "United States" → UKR "Ukraine" 072 [received weapons from]"#);
    insta::assert_snapshot!(code("The Kenyan president faces pressure from the United States.", "2023-03-01"), @r#"USA "United States" → KENGOV "Kenyan president" 100 [faces pressure from]"#);
}

#[test]
fn receiving_people_is_hosting_them_receiving_things_is_not() {
    insta::assert_snapshot!(code("Putin received the Iranian foreign minister on Friday.", "2023-03-01"), @r#"RUSGOV "Putin" → IRNGOV "Iranian foreign minister" 043 [received]"#);
    insta::assert_snapshot!(code("Ukraine received Russian shells.", "2023-03-01"), @"");
    insta::assert_snapshot!(code("The Philippines received guns from Beijing.", "2023-03-01"), @"");
}
