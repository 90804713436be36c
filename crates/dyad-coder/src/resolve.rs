//! Actor resolution: the mentions of one phrase become one actor code, with people resolved to
//! the role they held on the event's date.

use crate::analysis::{NONE, Tokens};
use chrono::NaiveDate;
use dyad_dict::{CountryForm, Dictionaries, NameKind};
use dyad_model::{ActorCode, Span};
use dyad_text::{Tags, TokenKind};

/// What kind of entity a phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MemberKind {
    Country,
    Organisation,
    Person,
    /// A sector agent, with or without a country ("the government", "Russian troops").
    Agent,
    /// Only unknown capitalised words.
    Unknown,
}

/// One resolved actor.
#[derive(Clone, Debug)]
pub(crate) struct Member {
    pub kind: MemberKind,
    pub code: ActorCode,
    pub name: Option<String>,
    pub span: Span,
    pub form: Option<CountryForm>,
    pub gender: Option<char>,
    pub plural: bool,
    /// A person or a person's title ("the president"), not a body ("the government").
    pub human: bool,
    pub resolved_by: Option<&'static str>,
}

impl Member {
    /// An agent phrase with no country yet ("the foreign minister").
    pub fn needs_country(&self) -> bool {
        self.kind == MemberKind::Agent && self.code.country.is_none()
    }

    /// A phrase that can give a country to another ("of Russia", "Kazakhstan's").
    pub fn is_country_like(&self) -> bool {
        self.kind != MemberKind::Person && self.code.country.is_some()
    }

    /// Takes the country (and group) of another actor, keeping its own agents.
    pub fn inherit_country(&mut self, other: &Member) {
        self.code.country = other.code.country.clone();
        if self.code.group.is_none() {
            self.code.group = other.code.group.clone();
        }
        if self.name.is_none() {
            self.name = other.name.clone();
        }
    }
}

/// Resolves mentions against the dictionaries on a given date.
pub(crate) struct Resolver<'a> {
    pub dicts: &'a Dictionaries,
    pub date: Option<NaiveDate>,
}

impl Resolver<'_> {
    /// The actor named by tokens `[start, end)` whose core starts at `core`.
    pub fn member_of(
        &self,
        tk: &Tokens,
        text: &str,
        start: usize,
        core: usize,
        end: usize,
        former: bool,
    ) -> Option<Member> {
        let toks = &tk.toks;
        let mut people: Vec<u32> = Vec::new();
        let mut country: Option<(u32, CountryForm)> = None;
        let mut org: Option<u32> = None;
        let mut agents: Vec<String> = Vec::new();
        let mut plural = false;
        let mut origin = None;
        let mut seen = NONE;
        let mut unknown_caps = 0;
        let mut head_word = String::new();
        for t in &toks[core..end] {
            if t.mention == NONE {
                if t.cap && t.kind == TokenKind::Word {
                    unknown_caps += 1;
                }
                continue;
            }
            if t.mention == seen {
                continue;
            }
            seen = t.mention;
            let m = &tk.mentions[t.mention as usize];
            origin = origin.or(Some(m.origin));
            let persons: Vec<u32> =
                m.kinds.iter().filter_map(|k| if let NameKind::Person(p) = k { Some(*p) } else { None }).collect();
            if !persons.is_empty() {
                people = persons;
                continue;
            }
            for k in &m.kinds {
                match *k {
                    NameKind::Country(c, f) => {
                        country = Some((c, f));
                        if f == CountryForm::People {
                            plural = true;
                        }
                        break;
                    }
                    NameKind::Organisation(o) => {
                        org = Some(o);
                        break;
                    }
                    NameKind::Agent(a) => {
                        let last = &text[toks[m.end - 1].span];
                        head_word = last.to_ascii_lowercase();
                        plural = last.ends_with('s')
                            || last.eq_ignore_ascii_case("police")
                            || last.eq_ignore_ascii_case("people");
                        // The head (last) agent comes first in the code.
                        for code in self.dicts.agents[a as usize].codes.iter().rev() {
                            agents.retain(|x| x != code);
                            agents.insert(0, code.clone());
                        }
                        break;
                    }
                    NameKind::Person(_) => {}
                }
            }
        }
        let text_start = (start..end).find(|&i| !toks[i].tags.has(Tags(Tags::DET.0 | Tags::POSS.0))).unwrap_or(start);
        let span = toks[text_start].span.cover(toks[end - 1].span);
        // Before a state was founded its names stand for the state it was part of.
        let country_code = |c: u32| {
            let country = &self.dicts.countries[c as usize];
            match (&country.founded, self.date) {
                (Some((day, before)), Some(date)) if date < *day => before.clone(),
                _ => country.code.clone(),
            }
        };
        let mut member = Member {
            kind: MemberKind::Unknown,
            code: ActorCode::default(),
            name: None,
            span,
            form: None,
            gender: None,
            plural,
            human: false,
            resolved_by: None,
        };
        if let Some(p) = self.pick_person(&people, country.map(|(c, _)| country_code(c))) {
            let person = &self.dicts.people[p as usize];
            member.kind = MemberKind::Person;
            member.name = Some(person.name.clone());
            member.gender = person.gender;
            member.plural = false;
            member.human = true;
            member.code = match self.role_on_date(p) {
                Some(code) if !former => code,
                _ if !agents.is_empty() && !former => {
                    ActorCode { country: Some(person.country.clone()), group: None, agents: agents.clone() }
                }
                _ => ActorCode { country: Some(person.country.clone()), group: None, agents: vec!["ELI".into()] },
            };
            return Some(member);
        }
        if let Some(o) = org {
            let org = &self.dicts.organisations[o as usize];
            member.kind = MemberKind::Organisation;
            member.name = Some(org.name.clone());
            member.code = org.code.clone();
            for a in agents.iter().rev() {
                if !member.code.agents.contains(a) {
                    member.code.agents.insert(0, a.clone());
                }
            }
        } else if let Some((_, CountryForm::People | CountryForm::Adjective)) = country
            && toks[start..end].iter().any(|t| text[t.span].eq_ignore_ascii_case("ethnic"))
        {
            // "ethnic Albanians", "ethnic Turkish villagers": a minority named by its kin state
            // is civilians (or its own agents) of the country it lives in, which the context gives.
            member.kind = MemberKind::Agent;
            member.form = None;
            member.code = ActorCode {
                country: None,
                group: None,
                agents: if agents.is_empty() { vec!["CVL".into()] } else { agents.clone() },
            };
        } else if let Some((c, form)) = country {
            member.kind = if agents.is_empty() { MemberKind::Country } else { MemberKind::Agent };
            member.form = Some(form);
            member.name = Some(self.dicts.countries[c as usize].name.clone());
            member.code = ActorCode { country: Some(country_code(c)), group: None, agents: agents.clone() };
            if agents.is_empty() && matches!(form, CountryForm::Capital | CountryForm::Seat) {
                member.code.agents.push("GOV".into());
            }
        } else if !agents.is_empty() {
            member.kind = MemberKind::Agent;
            member.code = ActorCode { country: None, group: None, agents };
        } else if unknown_caps > 0 {
            return Some(member);
        } else {
            return None;
        }
        if member.kind == MemberKind::Agent {
            member.human = !is_institution(&head_word);
        }
        if former && member.kind == MemberKind::Agent {
            for a in &mut member.code.agents {
                if a == "GOV" {
                    *a = "ELI".into();
                }
            }
        }
        Some(member)
    }

    /// Chooses among people sharing a name: the one in office on the date, else the one from the
    /// country named in the phrase, else the only one.
    fn pick_person(&self, people: &[u32], country: Option<String>) -> Option<u32> {
        match people {
            [] => None,
            [one] => Some(*one),
            many => {
                let in_office: Vec<u32> = many.iter().copied().filter(|&p| self.role_on_date(p).is_some()).collect();
                if in_office.len() == 1 {
                    return Some(in_office[0]);
                }
                let from: Vec<u32> = many
                    .iter()
                    .copied()
                    .filter(|&p| country.as_deref() == Some(self.dicts.people[p as usize].country.as_str()))
                    .collect();
                if from.len() == 1 {
                    return Some(from[0]);
                }
                // Nobody in office and the same code for all ("Bush", "Clinton" after they left
                // office): the one who left office last.
                if in_office.is_empty() {
                    let date = self.date?;
                    let first_country = &self.dicts.people[many[0] as usize].country;
                    if many.iter().all(|&p| &self.dicts.people[p as usize].country == first_country) {
                        return many.iter().copied().max_by_key(|&p| {
                            self.dicts.people[p as usize]
                                .roles
                                .iter()
                                .filter_map(|r| r.range.to)
                                .filter(|&t| t <= date)
                                .max()
                        });
                    }
                }
                None
            }
        }
    }

    /// The code of a person's role on the date (the latest-starting role when several cover it).
    pub fn role_on_date(&self, p: u32) -> Option<ActorCode> {
        let date = self.date?;
        self.dicts.people[p as usize]
            .roles
            .iter()
            .filter(|r| r.range.contains(date))
            .max_by_key(|r| r.range.from)
            .map(|r| r.code.clone())
    }
}

/// Head nouns of agent phrases that name bodies, not people; everything else is a person's title.
fn is_institution(head: &str) -> bool {
    const BODIES: &[&str] = &[
        "government",
        "governments",
        "administration",
        "ministry",
        "ministries",
        "army",
        "armies",
        "navy",
        "military",
        "parliament",
        "congress",
        "senate",
        "court",
        "courts",
        "police",
        "cabinet",
        "council",
        "committee",
        "authority",
        "authorities",
        "forces",
        "force",
        "regime",
        "junta",
        "embassy",
        "party",
        "parties",
        "agency",
        "office",
        "service",
        "services",
        "department",
        "commission",
        "assembly",
        "legislature",
        "union",
        "unions",
        "company",
        "companies",
        "firm",
        "firms",
        "bank",
        "banks",
        "media",
        "press",
        "newspaper",
        "opposition",
        "alliance",
        "coalition",
        "group",
        "groups",
        "movement",
        "front",
        "organisation",
        "organization",
        "militia",
        "militias",
        "guard",
        "state",
        "duma",
        "knesset",
        "rada",
        "majlis",
        "tribunal",
        "prosecution",
        "judiciary",
        "intelligence",
        "presidency",
        "palace",
        "kremlin",
        "leadership",
        "delegation",
        "mission",
        "troops",
        "units",
        "unit",
        "battalion",
        "brigade",
        "fleet",
    ];
    BODIES.contains(&head)
}
