//! Query parameters as typed by clients, checked strictly: a bad date, code or number is a 400
//! that names the parameter, quotes the value and says what to send instead.

use crate::error::{ApiError, ApiResult};
use crate::names::ActorNames;
use chrono::NaiveDate;
use dyad_model::PloverType;
use dyad_store::{ActorSel, Period};

/// `YYYY-MM-DD`, nothing else.
pub fn date(field: &str, v: Option<&str>) -> ApiResult<Option<NaiveDate>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().filter(|_| s.len() == 10).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!("bad date '{s}' for `{field}`: use YYYY-MM-DD, e.g. 2024-03-12"))
        }),
    }
}

/// A date range, checked for order.
pub fn dates(from: Option<&str>, to: Option<&str>) -> ApiResult<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (f, t) = (date("from", from)?, date("to", to)?);
    if let (Some(a), Some(b)) = (f, t)
        && a > b
    {
        return Err(ApiError::bad_request(format!("`from` ({a}) is after `to` ({b}): swap them")));
    }
    Ok((f, t))
}

/// An actor: empty or `*` for anyone, a CAMEO actor code ("KAZ", "KAZGOV", "IGONAT"), or the
/// exact name of a country or organisation ("Kazakhstan", "NATO").
pub fn actor(field: &str, v: Option<&str>, names: &ActorNames) -> ApiResult<ActorSel> {
    let s = v.map(str::trim).unwrap_or_default();
    if s.is_empty() || s == "*" {
        return Ok(ActorSel::Any);
    }
    let is_code = s.len() >= 3
        && s.len() <= 15
        && s.len().is_multiple_of(3)
        && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    if is_code {
        return Ok(ActorSel::from_code(s));
    }
    if let Some(code) = names.code_of(s) {
        return Ok(ActorSel::from_code(&code));
    }
    Err(ApiError::bad_request(format!(
        "unknown actor '{s}' for `{field}`: give a CAMEO actor code such as KAZ or KAZGOV, or a country or \
         organisation name; GET /v1/actors?q=… lists the actors in the store"
    )))
}

/// A CAMEO root, 1–20 ("4" or "04").
pub fn root(v: Option<&str>) -> ApiResult<Option<u8>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse::<u8>().ok().filter(|n| (1..=20).contains(n) && s.len() <= 2).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!("bad CAMEO root '{s}' for `root`: use 01 to 20 (e.g. 14 for protests)"))
        }),
    }
}

/// A CAMEO code or prefix: two to four digits.
pub fn cameo(v: Option<&str>) -> ApiResult<Option<String>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(s.to_string())),
        Some(s) => Err(ApiError::bad_request(format!(
            "bad CAMEO code '{s}' for `cameo`: use two to four digits, a root (04) or a code (042)"
        ))),
    }
}

/// A PLOVER type, normalised to its current upper-case name.
pub fn plover(v: Option<&str>) -> ApiResult<Option<String>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => PloverType::parse(s).map(|t| Some(t.as_str().to_string())).ok_or_else(|| {
            let all: Vec<&str> = PloverType::ALL.iter().map(|t| t.as_str()).collect();
            ApiError::bad_request(format!("unknown PLOVER type '{s}' for `plover`: use one of {}", all.join(", ")))
        }),
    }
}

/// `day`, `week` (the default) or `month`.
pub fn period(v: Option<&str>) -> ApiResult<Period> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(Period::Week),
        Some(s) => Period::parse(s)
            .ok_or_else(|| ApiError::bad_request(format!("bad period '{s}' for `period`: use day, week or month"))),
    }
}

/// A count within `1..=max`, `default` when absent.
pub fn count(field: &str, v: Option<u32>, default: usize, max: usize) -> ApiResult<usize> {
    match v {
        None => Ok(default),
        Some(n) if n >= 1 && n as usize <= max => Ok(n as usize),
        Some(n) => Err(ApiError::bad_request(format!("`{field}` is {n}: use a number from 1 to {max}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_values() {
        assert_eq!(date("from", Some("2024-03-12")).unwrap(), NaiveDate::from_ymd_opt(2024, 3, 12));
        for bad in ["2024-3-12", "12/03/2024", "2024-02-30", "yesterday", "20240312"] {
            let e = date("from", Some(bad)).unwrap_err();
            assert_eq!(e.status, 400);
            assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
        }
        assert!(dates(Some("2024-05-01"), Some("2024-01-01")).is_err());
        let names = ActorNames::default();
        assert_eq!(actor("source", Some("KAZGOV"), &names).unwrap(), ActorSel::Code("KAZGOV".into()));
        assert_eq!(actor("source", Some("*"), &names).unwrap(), ActorSel::Any);
        assert!(actor("source", Some("kaz'; drop"), &names).is_err());
        assert_eq!(root(Some("04")).unwrap(), Some(4));
        assert!(root(Some("21")).is_err());
        assert!(cameo(Some("04a")).is_err());
        assert_eq!(plover(Some("fight")).unwrap().as_deref(), Some("ASSAULT"));
        assert!(plover(Some("dance")).is_err());
        assert!(period(Some("year")).is_err());
        assert_eq!(count("limit", None, 50, 500).unwrap(), 50);
        assert!(count("limit", Some(0), 50, 500).is_err());
    }
}
