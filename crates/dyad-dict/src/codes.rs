//! The closed vocabularies dictionary entries are checked against: sector agents and generic
//! actor classes.

/// Sector agent codes Dyad accepts (CAMEO types plus PLOVER's JRN and SOC).
pub const AGENTS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "UAF", "SPY", "PTY", "ELI", "BUS", "MED", "EDU", "LAB", "CVL",
    "REF", "REL", "HLH", "AGR", "CRM", "NGO", "IGO", "SOC", "ENV", "IMG", "JRN", "INS", "SEP", "RAD", "MOD", "LEF",
    "RGT", "DEV", "HRI", "MNC", "PRM", "UNK",
];

/// Country-part codes that are classes rather than countries.
pub const GENERIC_COUNTRIES: &[&str] = &["IGO", "NGO", "MNC", "ISM", "IMG", "UIS", "INT", "CHR", "MOS", "JEW"];

/// Whether `code` is a sector agent.
pub fn is_agent(code: &str) -> bool {
    AGENTS.contains(&code)
}

/// Whether `s` looks like a 3-letter upper-case code.
pub fn is_code3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}
