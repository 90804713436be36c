//! The CAMEO event codebook as a typed table: names, Goldstein scores, quad classes and the
//! PLOVER category each code converts to. Codes and scores come from `data/codebook/cameo.tsv`.

use crate::plover::{Plover, PloverType};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The codebook shipped with Dyad, compiled into every binary so coding never needs the disk.
pub const CAMEO_TSV: &str = include_str!("../../../data/codebook/cameo.tsv");

/// A CAMEO event code: 2 to 4 ASCII digits, always kept as a string-like value so leading zeros
/// survive every sink ("042", never 42).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

/// Why a string is not a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// Not 2–4 ASCII digits.
    #[error("'{0}' is not a CAMEO code: expected 2 to 4 digits such as 042 or 1123")]
    Malformed(String),
    /// Well formed but absent from the codebook.
    #[error("'{0}' is not in the CAMEO codebook{hint}", hint = suggestion(.1))]
    Unknown(String, Option<String>),
}

fn suggestion(near: &Option<String>) -> String {
    near.as_ref().map(|c| format!(" (did you mean {c}?)")).unwrap_or_default()
}

impl CameoCode {
    /// Parses "042"; checks the shape only (see `Codebook::get` for existence).
    pub fn parse(s: &str) -> Result<CameoCode, CodeError> {
        let b = s.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return Err(CodeError::Malformed(s.to_string()));
        }
        let mut digits = [0u8; 4];
        digits[..b.len()].copy_from_slice(b);
        Ok(CameoCode { digits, len: b.len() as u8 })
    }

    /// The code as written, with its leading zeros.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..self.len as usize]).unwrap_or("")
    }

    /// The two-digit root ("1123" → "11"), the level most analyses aggregate at.
    pub fn root(&self) -> CameoCode {
        CameoCode { digits: [self.digits[0], self.digits[1], 0, 0], len: 2 }
    }

    /// The three-digit base code ("1123" → "112"); a root is its own base.
    pub fn base(&self) -> CameoCode {
        if self.len <= 3 {
            *self
        } else {
            CameoCode { digits: [self.digits[0], self.digits[1], self.digits[2], 0], len: 3 }
        }
    }

    /// The root as a number 1–20, for range tests such as quad classes.
    pub fn root_number(&self) -> u8 {
        (self.digits[0] - b'0') * 10 + (self.digits[1] - b'0')
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl Serialize for CameoCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CameoCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CameoCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Everything known about one CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code itself.
    pub code: CameoCode,
    /// CAMEO 1.1b3 short name.
    pub name: String,
    /// Goldstein conflict–cooperation score (GDELT's lookup values), −10 … +10.
    pub goldstein: f32,
    /// Quad class in GDELT's convention (01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4).
    pub quad_class: u8,
    /// Quad class in the ICEWS/Duke convention (09 verbal conflict, 14 material conflict).
    pub quad_icews: u8,
    /// The PLOVER category, mode and contexts; `type` is `None` for statements (root 01).
    pub plover: Plover,
}

/// The typed CAMEO codebook; cheap to build (a few hundred lines) and immutable afterwards.
#[derive(Clone, Debug)]
pub struct Codebook {
    entries: Vec<CodeInfo>,
    index: HashMap<CameoCode, usize>,
}

impl Codebook {
    /// The codebook compiled into Dyad.
    pub fn standard() -> Codebook {
        Codebook::parse(CAMEO_TSV).expect("data/codebook/cameo.tsv is valid (checked by tests)")
    }

    /// Parses the codebook TSV; errors name the line.
    pub fn parse(tsv: &str) -> Result<Codebook, String> {
        let mut entries = Vec::new();
        let mut index = HashMap::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let at = |what: &str| format!("cameo.tsv:{}: {what}", i + 1);
            if f.len() < 8 {
                return Err(at("expected 8 tab-separated columns"));
            }
            let code = CameoCode::parse(f[0]).map_err(|e| at(&e.to_string()))?;
            let goldstein: f32 = f[2].parse().map_err(|_| at("bad Goldstein value"))?;
            let quad_class: u8 = f[3].parse().map_err(|_| at("bad GDELT quad class"))?;
            let quad_icews: u8 = f[4].parse().map_err(|_| at("bad ICEWS quad class"))?;
            let kind = if f[5].is_empty() {
                None
            } else {
                Some(PloverType::parse(f[5]).ok_or_else(|| at("unknown PLOVER type"))?)
            };
            let plover = Plover {
                kind,
                mode: (!f[6].is_empty()).then(|| f[6].to_string()),
                context: f[7].split(';').filter(|c| !c.is_empty()).map(str::to_string).collect(),
            };
            index.insert(code, entries.len());
            entries.push(CodeInfo { code, name: f[1].to_string(), goldstein, quad_class, quad_icews, plover });
        }
        Ok(Codebook { entries, index })
    }

    /// Looks a code up.
    pub fn get(&self, code: CameoCode) -> Option<&CodeInfo> {
        self.index.get(&code).map(|&i| &self.entries[i])
    }

    /// Parses and checks a code in one step, suggesting the nearest valid one on error.
    pub fn lookup(&self, s: &str) -> Result<&CodeInfo, CodeError> {
        let code = CameoCode::parse(s)?;
        self.get(code).ok_or_else(|| CodeError::Unknown(s.to_string(), self.nearest(code)))
    }

    fn nearest(&self, code: CameoCode) -> Option<String> {
        let base = code.base();
        if self.get(base).is_some() && base != code {
            return Some(base.to_string());
        }
        self.get(code.root()).map(|c| c.code.to_string())
    }

    /// All codes in codebook order.
    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.entries.iter()
    }

    /// Number of codes (311 for CAMEO 1.1b3 as GDELT ships it).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the codebook is empty (never, for the standard one).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_codebook_has_all_codes() {
        let book = Codebook::standard();
        assert_eq!(book.len(), 311);
        let roots = book.iter().filter(|c| c.code.as_str().len() == 2).count();
        assert_eq!(roots, 20);
        for c in book.iter() {
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            assert!((1..=4).contains(&c.quad_class));
            let root = c.code.root_number();
            let quad = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(c.quad_class, quad, "GDELT quad of {}", c.code);
            assert_eq!(c.plover.kind.is_none(), root == 1, "PLOVER type of {}", c.code);
        }
    }

    #[test]
    fn codes_keep_leading_zeros_and_levels() {
        let c = CameoCode::parse("0874").unwrap();
        assert_eq!(c.as_str(), "0874");
        assert_eq!(c.root().as_str(), "08");
        assert_eq!(c.base().as_str(), "087");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"0874\"");
        let book = Codebook::standard();
        assert_eq!(book.get(c).unwrap().goldstein, 10.0);
        assert_eq!(book.lookup("042").unwrap().plover.kind, Some(PloverType::Consult));
        assert_eq!(book.lookup("042").unwrap().plover.mode.as_deref(), Some("visit"));
        assert_eq!(book.lookup("163").unwrap().plover.kind, Some(PloverType::Coerce));
    }

    #[test]
    fn errors_suggest_a_valid_code() {
        let book = Codebook::standard();
        assert!(matches!(book.lookup("42"), Err(CodeError::Unknown(..))));
        let e = book.lookup("0429").unwrap_err().to_string();
        assert!(e.contains("did you mean 042"), "{e}");
        assert!(matches!(CameoCode::parse("4a"), Err(CodeError::Malformed(_))));
    }
}
