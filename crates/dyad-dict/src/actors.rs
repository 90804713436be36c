//! Actor dictionaries in block form: countries, organisations and people with dated roles.

use crate::codes::{is_agent, is_code3};
use crate::dates::DateRange;
use crate::diagnostic::{Diagnostics, column_of, nearest};
use crate::lines::{Line, lines, split_key, split_list};
use crate::{AGENTS, Origin};
use dyad_model::ActorCode;

/// A name as written in a dictionary, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The surface text, with its capitalisation.
    pub text: String,
    /// File and line of the entry.
    pub origin: Origin,
}

/// A country, territory or CAMEO region.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Country {
    /// ISO alpha-3 or CAMEO code.
    pub code: String,
    /// Short English name.
    pub name: String,
    /// The short name and every variant and former name.
    pub names: Vec<Name>,
    /// Adjectives ("Kazakh").
    pub adjectives: Vec<Name>,
    /// Nouns for the people ("Kazakhs").
    pub people: Vec<Name>,
    /// Capitals, used as metonyms for the government.
    pub capitals: Vec<Name>,
    /// Seats of power, always the government.
    pub seats: Vec<Name>,
    /// Regions inside the country that stand for it as actors ("Darfur rebels", "Chechen fighters").
    pub regions: Vec<Name>,
    /// ISO alpha-2 code.
    pub iso2: Option<String>,
    /// FIPS 10-4 code (GDELT geography).
    pub fips: Option<String>,
    /// The day the state came into being and the code its names stand for before it ("founded:
    /// 2011-07-09 SDN": Juba and the South were Sudan's until then).
    pub founded: Option<(chrono::NaiveDate, String)>,
    /// Where the block starts.
    pub origin: Origin,
}

/// An organisation: IGO, NGO, company, party or armed group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    /// Canonical name.
    pub name: String,
    /// Country part and agents.
    pub code: ActorCode,
    /// Every name, canonical included.
    pub names: Vec<Name>,
    /// Where the block starts.
    pub origin: Origin,
}

/// A person with dated roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Canonical full name.
    pub name: String,
    /// Home country, used for the ELI code outside every role.
    pub country: String,
    /// Every name, canonical included.
    pub names: Vec<Name>,
    /// `Some('m')` or `Some('f')` when known.
    pub gender: Option<char>,
    /// Dated roles in file order.
    pub roles: Vec<Role>,
    /// Where the block starts.
    pub origin: Origin,
}

/// One dated role of a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Days in office.
    pub range: DateRange,
    /// Actor code while in office.
    pub code: ActorCode,
    /// Free-text title ("prime minister").
    pub title: String,
    /// File and line.
    pub origin: Origin,
}

struct Block<'a> {
    header: Line<'a>,
    name: &'a str,
    value: &'a str,
    fields: Vec<(Line<'a>, &'a str, &'a str)>,
}

fn blocks<'a>(text: &'a str, file: &str, diags: &mut Diagnostics) -> Vec<Block<'a>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    for line in lines(text) {
        let Some((key, value)) = split_key(line.text) else {
            diags.error(file, line.number, 1, line.raw, "expected 'Name: CODE' or an indented 'field: value | value'");
            continue;
        };
        if line.indented {
            match out.last_mut() {
                Some(b) => b.fields.push((line, key, value)),
                None => diags.error(file, line.number, 1, line.raw, "field before any 'Name: CODE' header"),
            }
        } else {
            out.push(Block { header: line, name: key, value, fields: Vec::new() });
        }
    }
    out
}

fn names(value: &str, file_id: u16, line: usize) -> impl Iterator<Item = Name> + '_ {
    split_list(value).map(move |t| Name { text: t.to_string(), origin: Origin { file: file_id, line: line as u32 } })
}

/// Parses an actor code such as `KAZGOV`, `PSEREB`, `IGOGOV/UNO` or `---GOV`.
pub fn parse_actor_code(s: &str) -> Result<ActorCode, String> {
    let (main, group) = match s.split_once('/') {
        Some((m, g)) => (m, Some(g)),
        None => (s, None),
    };
    if main.len() < 3 || main.len() % 3 != 0 || !main.bytes().all(|b| b.is_ascii_uppercase() || b == b'-') {
        return Err(format!("'{s}' is not an actor code: expected a country code and 3-letter agents, such as KAZGOV"));
    }
    let mut code = ActorCode::parse(main);
    for agent in &code.agents {
        if !is_agent(agent) {
            let hint =
                nearest(agent, AGENTS.iter().copied()).map(|n| format!(" (did you mean {n}?)")).unwrap_or_default();
            return Err(format!("'{agent}' in '{s}' is not a sector agent{hint}"));
        }
    }
    if let Some(g) = group {
        if !(2..=6).contains(&g.len()) || !g.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            return Err(format!("'{g}' is not a group code: use 2 to 6 capitals, such as UNO"));
        }
        code.group = Some(g.to_string());
    }
    Ok(code)
}

/// Parses a countries file.
pub fn parse_countries(text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) -> Vec<Country> {
    let mut out = Vec::new();
    for b in blocks(text, file, diags) {
        if !is_code3(b.value) {
            diags.error(
                file,
                b.header.number,
                column_of(b.header.raw, b.value),
                b.header.raw,
                format!("expected a 3-letter country code after the name, found '{}'", b.value),
            );
            continue;
        }
        let origin = Origin { file: file_id, line: b.header.number as u32 };
        let mut c = Country { code: b.value.to_string(), name: b.name.to_string(), origin, ..Country::default() };
        c.names.push(Name { text: b.name.to_string(), origin });
        for (line, key, value) in &b.fields {
            let n = line.number;
            match *key {
                "names" | "former" => c.names.extend(names(value, file_id, n)),
                "adjectives" => c.adjectives.extend(names(value, file_id, n)),
                "people" => c.people.extend(names(value, file_id, n)),
                "capitals" => c.capitals.extend(names(value, file_id, n)),
                "seats" => c.seats.extend(names(value, file_id, n)),
                "regions" => c.regions.extend(names(value, file_id, n)),
                "iso2" => c.iso2 = Some(value.to_string()),
                "fips" => c.fips = Some(value.to_string()),
                "founded" => {
                    let mut parts = value.split_whitespace();
                    let day = parts.next().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                    match (day, parts.next(), parts.next()) {
                        (Some(day), Some(before), None) if is_code3(before) => c.founded = Some((day, before.to_string())),
                        _ => diags.error(file, n, column_of(line.raw, value), line.raw, "expected 'founded: YYYY-MM-DD CODE', the day the state began and the code of the state it was part of"),
                    }
                }
                other => diags.error(file, n, column_of(line.raw, other), line.raw, format!("unknown country field '{other}': expected names, former, adjectives, people, capitals, seats, regions, iso2, fips or founded")),
            }
        }
        out.push(c);
    }
    out
}

/// Parses an organisations file.
pub fn parse_organisations(text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) -> Vec<Organisation> {
    let mut out = Vec::new();
    for b in blocks(text, file, diags) {
        let code = match parse_actor_code(b.value) {
            Ok(c) if c.country.is_some() => c,
            Ok(_) => {
                diags.error(
                    file,
                    b.header.number,
                    column_of(b.header.raw, b.value),
                    b.header.raw,
                    "an organisation needs a country part such as IGO, NGO, MNC or a country code",
                );
                continue;
            }
            Err(e) => {
                diags.error(file, b.header.number, column_of(b.header.raw, b.value), b.header.raw, e);
                continue;
            }
        };
        let origin = Origin { file: file_id, line: b.header.number as u32 };
        let mut org = Organisation {
            name: b.name.to_string(),
            code,
            names: vec![Name { text: b.name.to_string(), origin }],
            origin,
        };
        for (line, key, value) in &b.fields {
            match *key {
                "names" => org.names.extend(names(value, file_id, line.number)),
                "group" => {
                    if (2..=6).contains(&value.len())
                        && value.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    {
                        org.code.group = Some(value.to_string());
                    } else {
                        diags.error(
                            file,
                            line.number,
                            column_of(line.raw, value),
                            line.raw,
                            format!("'{value}' is not a group code: use 2 to 6 capitals, such as UNO"),
                        );
                    }
                }
                other => diags.error(
                    file,
                    line.number,
                    column_of(line.raw, other),
                    line.raw,
                    format!("unknown organisation field '{other}': expected names or group"),
                ),
            }
        }
        out.push(org);
    }
    out
}

/// Parses a people file.
pub fn parse_people(text: &str, file: &str, file_id: u16, diags: &mut Diagnostics) -> Vec<Person> {
    let mut out = Vec::new();
    for b in blocks(text, file, diags) {
        if !is_code3(b.value) {
            diags.error(
                file,
                b.header.number,
                column_of(b.header.raw, b.value),
                b.header.raw,
                format!("expected the person's home country code after the name, found '{}'", b.value),
            );
            continue;
        }
        let origin = Origin { file: file_id, line: b.header.number as u32 };
        let mut p = Person {
            name: b.name.to_string(),
            country: b.value.to_string(),
            names: vec![Name { text: b.name.to_string(), origin }],
            gender: None,
            roles: Vec::new(),
            origin,
        };
        for (line, key, value) in &b.fields {
            let n = line.number;
            match *key {
                "names" => p.names.extend(names(value, file_id, n)),
                "gender" => match *value {
                    "m" | "f" => p.gender = value.chars().next(),
                    _ => diags.error(file, n, column_of(line.raw, value), line.raw, "gender must be m or f"),
                },
                "role" => match parse_role(value, file_id, n) {
                    Ok(r) => p.roles.push(r),
                    Err(e) => diags.error(file, n, column_of(line.raw, value), line.raw, e),
                },
                other => diags.error(
                    file,
                    n,
                    column_of(line.raw, other),
                    line.raw,
                    format!("unknown person field '{other}': expected names, gender or role"),
                ),
            }
        }
        out.push(p);
    }
    out
}

fn parse_role(value: &str, file_id: u16, line: usize) -> Result<Role, String> {
    let mut parts = value.splitn(3, char::is_whitespace);
    let range = DateRange::parse(parts.next().unwrap_or(""))?;
    let code = parse_actor_code(
        parts.next().ok_or("a role needs dates, a code and a title: '2019-03-20.. KAZGOV president'")?,
    )?;
    let title = parts.next().unwrap_or("").trim().to_string();
    Ok(Role { range, code, title, origin: Origin { file: file_id, line: line as u32 } })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = "Kassym-Jomart Tokayev: KAZ\n  names: Tokayev | Kasym-Zhomart Tokayev\n  gender: m\n  role: 2019-03-20.. KAZGOV president\n  role: 1999-10-01..2002-01-28 KAZGOV prime minister\n";

    #[test]
    fn parses_people_with_roles() {
        let mut d = Diagnostics::default();
        let ps = parse_people(PEOPLE, "actors/people/x.txt", 0, &mut d);
        assert_eq!(d.errors(), 0, "{:?}", d.items());
        assert_eq!(ps[0].names.len(), 3);
        assert_eq!(ps[0].roles.len(), 2);
        assert_eq!(ps[0].roles[1].title, "prime minister");
        assert_eq!(ps[0].roles[0].code.to_string(), "KAZGOV");
        assert_eq!(ps[0].gender, Some('m'));
    }

    #[test]
    fn reports_bad_codes_with_suggestions() {
        let mut d = Diagnostics::default();
        let text = "Someone: KAZ\n  role: 2019.. KAZGOB president\n  colour: blue\n";
        parse_people(text, "p.txt", 0, &mut d);
        assert_eq!(d.errors(), 2);
        assert!(d.items()[0].message.contains("did you mean GOV"), "{}", d.items()[0].message);
        assert_eq!(d.items()[0].line, 2);
    }

    #[test]
    fn parses_countries_and_organisations() {
        let mut d = Diagnostics::default();
        let cs = parse_countries(
            "Kazakhstan: KAZ\n  adjectives: Kazakh | Kazakhstani\n  capitals: Astana\n  fips: KZ\n",
            "c.txt",
            0,
            &mut d,
        );
        assert_eq!(cs[0].adjectives.len(), 2);
        assert_eq!(cs[0].fips.as_deref(), Some("KZ"));
        let os = parse_organisations(
            "United Nations: IGO\n  group: UNO\n  names: UN | U.N.\nHamas: PSEREB\n  group: HMS\n",
            "o.txt",
            1,
            &mut d,
        );
        assert_eq!(d.errors(), 0, "{:?}", d.items());
        assert_eq!(os[0].code.to_string(), "IGOUNO");
        assert_eq!(os[1].code.to_string(), "PSEHMSREB");
        assert_eq!(parse_actor_code("IGOGOV/EU").unwrap().to_string(), "IGOEUGOV");
    }
}
