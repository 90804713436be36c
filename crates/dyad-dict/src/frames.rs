//! Frames: verbs that embed another event ("agreed to lift sanctions", "urged Iran to release")
//! and the tables that map the embedded code to the framed one (intent, threat, refusal, appeal,
//! demand), mirroring the structure of the CAMEO codebook.

use crate::Origin;
use crate::diagnostic::{Diagnostics, column_of};
use crate::lines::lines;
use crate::patterns::{Element, Head, parse_body};
use dyad_model::{CameoCode, Codebook};

/// How a frame changes the embedded event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FrameKind {
    /// Promise, offer or agreement to act (CAMEO 03).
    Intent,
    /// Threat to act (13).
    Threat,
    /// Refusal to act (12).
    Refuse,
    /// Appeal to the target to act (02).
    Appeal,
    /// Demand that the target act (10).
    Demand,
}

impl FrameKind {
    fn parse(s: &str) -> Option<FrameKind> {
        Some(match s {
            "intent" => FrameKind::Intent,
            "threat" => FrameKind::Threat,
            "refuse" => FrameKind::Refuse,
            "appeal" => FrameKind::Appeal,
            "demand" => FrameKind::Demand,
            _ => return None,
        })
    }

    /// The name used in files and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameKind::Intent => "intent",
            FrameKind::Threat => "threat",
            FrameKind::Refuse => "refuse",
            FrameKind::Appeal => "appeal",
            FrameKind::Demand => "demand",
        }
    }
}

/// A frame pattern: a head and elements including exactly one `$V`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// What the frame does to the embedded code.
    pub kind: FrameKind,
    /// The trigger.
    pub head: Head,
    /// Elements after the head; contains `Element::Verb`, and `Element::Target` for appeals.
    pub rest: Vec<Element>,
    /// The text as written.
    pub text: String,
    /// File and line.
    pub origin: Origin,
}

/// One mapping line: embedded codes starting with `from` become `to` under `kind`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameMap {
    /// Which frame kind.
    pub kind: FrameKind,
    /// Code prefix of the embedded event ("04", "061", "0871").
    pub from: String,
    /// The resulting code.
    pub to: CameoCode,
    /// File and line.
    pub origin: Origin,
}

/// Parses a frames file: `KIND pattern` lines and `map KIND FROM TO` lines.
pub fn parse_frames(
    text: &str,
    file: &str,
    file_id: u16,
    book: &Codebook,
    diags: &mut Diagnostics,
) -> (Vec<Frame>, Vec<FrameMap>) {
    let (mut frames, mut maps) = (Vec::new(), Vec::new());
    for line in lines(text) {
        let origin = Origin { file: file_id, line: line.number as u32 };
        let (first, rest) = line.text.split_once(char::is_whitespace).unwrap_or((line.text, ""));
        if first == "map" {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            let kind = parts.first().and_then(|k| FrameKind::parse(k));
            match (kind, parts.as_slice()) {
                (Some(kind), [_, from, to])
                    if *from == "*" || from.bytes().all(|b| b.is_ascii_digit()) && (2..=4).contains(&from.len()) =>
                {
                    match book.lookup(to) {
                        Ok(info) => maps.push(FrameMap { kind, from: from.to_string(), to: info.code, origin }),
                        Err(e) => diags.error(file, line.number, column_of(line.raw, to), line.raw, e.to_string()),
                    }
                }
                _ => diags.error(
                    file,
                    line.number,
                    1,
                    line.raw,
                    "expected 'map KIND FROM TO', such as 'map intent 04 036' ('*' as FROM sets the code for uncoded verbs)",
                ),
            }
            continue;
        }
        let Some(kind) = FrameKind::parse(first) else {
            diags.error(
                file,
                line.number,
                1,
                line.raw,
                format!("'{first}' is not a frame kind: expected intent, threat, refuse, appeal, demand or map"),
            );
            continue;
        };
        match parse_body(rest.trim(), true) {
            Ok((head, elements)) if elements.contains(&Element::Verb) => {
                frames.push(Frame { kind, head, rest: elements, text: rest.trim().to_string(), origin })
            }
            Ok(_) => diags.error(file, line.number, 1, line.raw, "a frame needs a $V for the embedded verb"),
            Err(e) => diags.error(file, line.number, column_of(line.raw, rest.trim()), line.raw, e),
        }
    }
    (frames, maps)
}

/// Finds the mapped code for an embedded code: the longest matching prefix wins.
pub fn map_code(maps: &[FrameMap], kind: FrameKind, code: CameoCode) -> Option<&FrameMap> {
    maps.iter()
        .filter(|m| m.kind == kind && m.from != "*" && code.as_str().starts_with(m.from.as_str()))
        .max_by_key(|m| m.from.len())
}

/// The code a frame takes when its embedded verb codes nothing (`map KIND * CODE`).
pub fn fallback_code(maps: &[FrameMap], kind: FrameKind) -> Option<&FrameMap> {
    maps.iter().find(|m| m.kind == kind && m.from == "*")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_frames_and_maps() {
        let mut d = Diagnostics::default();
        let text = "intent  (agree|offer) to $V\nappeal  urge $T to $V\nmap intent 04 036\nmap intent 0871 0356\nmap threat 19 9999\nrefuse refuse to\n";
        let (f, m) = parse_frames(text, "verbs/frames.txt", 0, &Codebook::standard(), &mut d);
        assert_eq!(f.len(), 2);
        assert_eq!(m.len(), 2);
        assert_eq!(d.errors(), 2, "{:?}", d.items());
        let code = CameoCode::parse("0871").unwrap();
        assert_eq!(map_code(&m, FrameKind::Intent, code).unwrap().to.as_str(), "0356");
        let code = CameoCode::parse("042").unwrap();
        assert_eq!(map_code(&m, FrameKind::Intent, code).unwrap().to.as_str(), "036");
        assert!(map_code(&m, FrameKind::Threat, code).is_none());
    }
}
