#!/usr/bin/env python3
"""Writes a series of synthetic dated war reports, for measuring the page with many reports.

    python3 scripts/make_series.py OUT_DIR [--count N] [--start YYYY-MM-DD] [--seed S]
                                   [--places P] [--gazetteer PATH]

Defaults: 50 reports from 2022-09-01, seed 2022, a pool of 60 places (a quarter of the count
when that is more: 125 for 500 reports), data/gazetteer.geojson (run from the project root). `--count 500` makes the large set. Only standard library Python
is needed, and the output depends only on the arguments: the same arguments write the same
files, byte for byte.

What it writes: N plain UTF-8 text files in OUT_DIR (made if missing), one report a day, named
`YYYY-MM-DD-VOICE.txt` so that they sort by date. The voices take turns: the Ukrainian General
Staff's morning bulletin ("as of 06:00 on 1 September 2022"), a Russian Defence Ministry
statement ("the Kiev regime"; "liberated" for a Russian capture), a wire story with a dateline
("KYIV, Sept 3, 2022 (Frontline example) –"), a regional governor's post and an analyst's note.
Each names four to six places of one stretch of front (within STRETCH_KM of one another where
the pool allows, as a real report does: the engine doubts a village far from the report's other
places) and says what happened there, in sentences written for this
project (the templates below), and carries its date in a form `src/dates.rs` reads. The
second line of every file says that it is synthetic.

The places are real: settlements of Kharkiv, Donetsk and Luhansk oblasts taken from the
gazetteer (cities, towns and villages of at least 1,000 people whose name no other place of the
gazetteer shares and without apostrophes, so each is found and resolved alone). A pool of them is drawn once; each
place of the pool is held by one side, and on each day a report names a place something happens
there (Ukraine or Russia takes it, fighting, shelling, an evacuation, or the holder keeps it),
so the front moves and each place gathers a history over the series. Each voice tells it its
own way (SLANT): the wire and the analyst report both sides' gains; each side's official voice
turns the other side's gain into fighting; and the Russian voice names first a place Ukraine
took back lately and says it still holds it, so that place is claimed differently by the two
sides in reports a few days apart (a disputed place).
"""

import argparse
import datetime
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

OBLASTS = ("Kharkiv Oblast", "Donetsk Oblast", "Luhansk Oblast")
SETTLEMENT_TYPES = ("city", "settlement", "village", "populated_place")
MIN_POPULATION = 1000
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# How a wire dateline abbreviates each month.
DATELINE_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept",
                   "Oct", "Nov", "Dec")
VOICES = ("general-staff", "defence-ministry", "wire", "governor", "analyst")

# The sentences of each voice, by what they report: "ua-win" (Ukraine takes the place),
# "ru-win" (Russia takes it), "hold" (Russian forces hold it), "fight" (fighting there), "fire"
# (shelling or strikes), "evacuate" (civilians taken out). {p} is the place's name.
SENTENCES = {
    "general-staff": {
        "ua-win": ["Units of the Defence Forces liberated {p} and are consolidating their positions there.",
                   "Our defenders have liberated {p}; the settlement is being cleared of mines."],
        "hold": ["In temporarily occupied {p}, the enemy is bringing in reserves and ammunition.",
                 "The occupiers keep a battalion tactical group and artillery in occupied {p}."],
        "fight": ["Fighting continues on the approaches to {p}.",
                  "Our units repelled an enemy attack near {p}; the enemy withdrew with losses."],
        "fire": ["The enemy shelled {p} with barrel artillery and multiple rocket launchers.",
                 "The occupiers struck {p} with guided aerial bombs."],
        "evacuate": ["Civilians are being evacuated from {p} under enemy fire."],
    },
    "defence-ministry": {
        "ru-win": ["Units of the {g} group of forces liberated the settlement of {p}.",
                   "As a result of decisive actions, {p} was liberated by Russian troops."],
        "hold": ["Russian troops firmly hold their positions in {p}.",
                 "{p} remains under the control of Russian troops."],
        "fight": ["Attempts by units of the Kiev regime to advance towards {p} were repelled.",
                  "An attack by Ukrainian armed formations near {p} was stopped by artillery fire."],
        "fire": ["Operational-tactical aviation struck units of the Armed Forces of Ukraine near {p}.",
                 "Artillery hit a temporary deployment point of the Kiev regime's troops in {p}."],
    },
    "wire": {
        "ua-win": ["Ukrainian troops retook {p}, officials in Kyiv said."],
        "ru-win": ["Russia's defence ministry said its forces had captured {p}, a claim Kyiv did not confirm."],
        "hold": ["{p} has been in Russian hands since the spring.",
                 "Russian forces still hold {p}, according to both sides' accounts."],
        "fight": ["Fighting went on around {p}, the Ukrainian military said.",
                  "Russian forces attacked near {p} several times overnight."],
        "fire": ["Shelling hit {p} overnight, damaging homes and a school, local officials said.",
                 "A drone strike on {p} killed one person, officials said."],
        "evacuate": ["Authorities ordered families with children to leave {p}."],
    },
    "governor": {
        "ua-win": ["In liberated {p}, electricity and water have been restored."],
        "fight": ["The enemy is attacking near {p}; our defenders are holding."],
        "fire": ["Over the day the occupiers shelled {p}; {n} people were wounded.",
                 "A missile hit an apartment block in {p}; rescuers are working at the site."],
        "evacuate": ["Evacuation from {p} continues: buses leave every morning at 9:00.",
                     "I ask residents of {p} to evacuate while the road is open."],
    },
    "analyst": {
        "ua-win": ["{p} came back under Ukrainian control, geolocated footage suggests."],
        "ru-win": ["Russian forces captured {p}, geolocated footage suggests."],
        "hold": ["We assess that Russian forces still hold {p}.",
                 "{p} remains occupied; we observed no Ukrainian activity there."],
        "fight": ["Ukrainian forces advanced towards {p}.",
                  "Russian forces made marginal gains near {p}."],
        "fire": ["Russian shelling of {p} continued."],
    },
}

# How each voice tells what happened, where it does not say it as it was: each side's official
# voice turns the other side's gain into fighting, and the Russian one a Ukrainian gain into a
# place it still holds (the claim that makes the place disputed).
SLANT = {
    "general-staff": {"ru-win": "fight"},
    "defence-ministry": {"ua-win": "hold", "evacuate": "fire"},
    "governor": {"ru-win": "fight", "hold": "fight"},
    "analyst": {"evacuate": "fire"},
    "wire": {},
}

HEADERS = {
    "general-staff": "General Staff of the Armed Forces of Ukraine: operational update as of 06:00 on {d}",
    "defence-ministry": "Statement of the Ministry of Defence of the Russian Federation, {d}",
    "wire": "Fighting along the eastern front, {d}",
    "governor": "Head of the {o} Regional Military Administration: the situation in the region on {d}",
    "analyst": "Analyst note on the eastern front, {d}",
}

OPENINGS = {
    "general-staff": "Day {k} of the full-scale Russian invasion has begun. The enemy keeps "
                     "attacking along the whole front line in the east.",
    "defence-ministry": "The Armed Forces of the Russian Federation continue the special military "
                        "operation.",
    "wire": "{dateline} – Fighting went on along the front line in eastern Ukraine, "
            "with both sides reporting gains and losses.",
    "governor": "Dear residents of the region, here is the summary of the past day.",
    "analyst": "Key points for {d}:",
}

CLOSINGS = {
    "general-staff": "The losses of the enemy are being clarified. We believe in the Armed Forces "
                     "of Ukraine!",
    "defence-ministry": "Over the past day the Kiev regime lost up to {n}0 servicemen in these "
                        "directions.",
    "wire": "The battlefield accounts could not be independently verified.",
    "governor": "Stay in shelters when the sirens sound.",
    "analyst": "We expect fighting on this part of the front to continue in the coming days.",
}

# How far apart the places one report names lie at most, unless too few lie that near.
STRETCH_KM = 80
GROUPS = ("Western", "Southern", "Central", "Eastern")
INVASION_DAY_ONE = datetime.date(2022, 2, 24)


def settlements(gazetteer_path):
    """Names and oblasts of the settlements a report can name: see the module docstring."""
    features = json.loads(Path(gazetteer_path).read_text(encoding="utf-8"))["features"]
    name_count = Counter()
    for feature in features:
        props = feature["properties"]
        for name in {props["name"].lower(), *(n.lower() for n in props.get("names", []))}:
            name_count[name] += 1
    places = []
    for feature in features:
        props = feature["properties"]
        if (props.get("kind") == "settlement" and props.get("country") == "UA"
                and props.get("oblast") in OBLASTS and props.get("type") in SETTLEMENT_TYPES
                and props.get("pop", 0) >= MIN_POPULATION
                and name_count[props["name"].lower()] == 1
                and not any(c in props["name"] for c in "'’")):
            lon, lat = feature["geometry"]["coordinates"]
            places.append((props["name"], props["oblast"], lon, lat))
    return sorted(places)


def km(a, b):
    """Distance between two places (name, oblast, lon, lat), on a sphere."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[2], a[3], b[2], b[3]))
    haversine = (math.sin((lat2 - lat1) / 2) ** 2
                 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(haversine))


def written_date(day):
    """"1 September 2022"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dateline(day):
    """"KYIV, Sept 1, 2022 (Frontline example)"."""
    return f"KYIV, {DATELINE_MONTHS[day.month - 1]} {day.day}, {day.year} (Frontline example)"


class Front:
    """The pool of places, each held by one side ("ua" or "ru"), and what happens at them."""

    def __init__(self, places, rng):
        self.rng = rng
        self.holder = {place: rng.choice(("ua", "ru")) for place in places}
        self.recently_liberated = []

    def happen(self, place):
        """What happens at `place` on a day a report names it; a change of hands changes the
        front."""
        roll = self.rng.random()
        if self.holder[place] == "ru":
            if roll < 0.25:
                self.holder[place] = "ua"
                self.recently_liberated.append(place)
                return "ua-win"
            return "hold" if roll < 0.6 else "fight"
        if roll < 0.12:
            self.holder[place] = "ru"
            return "ru-win"
        return self.rng.choice(("fire", "fire", "fight", "evacuate"))

    def pick(self, voice, places):
        """The four to six places a report names, near one another as on one stretch of front;
        the Russian voice names first a place Ukraine took back lately, and says it holds it,
        so that the two sides' claims meet."""
        count = self.rng.randint(4, 6)
        denied = []
        if voice == "defence-ministry" and self.recently_liberated:
            denied.append(self.recently_liberated.pop())
        focus = denied[0] if denied else self.rng.choice(places)
        nearest = sorted((p for p in places if p not in denied), key=lambda p: km(p, focus))
        near = [p for p in nearest if km(p, focus) <= STRETCH_KM]
        candidates = near if len(near) >= count else nearest[:count]
        chosen = self.rng.sample(candidates, min(count - len(denied), len(candidates)))
        return [("hold", p) for p in denied] + [(self.told(voice, self.happen(p)), p) for p in chosen]

    @staticmethod
    def told(voice, event):
        """How `voice` reports `event`."""
        return SLANT[voice].get(event, event)


def sentences(voice, events, rng):
    """One sentence of `voice` for each (kind, place) of `events`, a template used once per
    report while the kind has unused ones."""
    used = set()
    written = []
    for kind, (name, *_) in events:
        templates = [t for t in SENTENCES[voice][kind] if t not in used] or SENTENCES[voice][kind]
        template = rng.choice(templates)
        used.add(template)
        written.append(template.format(p=name, g=rng.choice(GROUPS), n=rng.randint(2, 9)))
    return written


def report(voice, day, events, oblast, rng):
    """The text of one report."""
    date = written_date(day)
    fill = {"d": date, "o": oblast.replace(" Oblast", ""), "k": (day - INVASION_DAY_ONE).days + 1,
            "dateline": dateline(day), "n": rng.randint(2, 9)}
    lines = [
        HEADERS[voice].format(**fill),
        "",
        "Synthetic report written by scripts/make_series.py for measuring the Frontline page; "
        "not a real report.",
        "",
        OPENINGS[voice].format(**fill),
        "",
    ]
    body = sentences(voice, events, rng)
    lines += [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
    lines += ["", CLOSINGS[voice].format(**fill), ""]
    return "\n".join(lines)


def write_series(out_dir, count, start, seed, pool_size, gazetteer_path):
    """Writes `count` reports to `out_dir`; returns their paths."""
    rng = random.Random(seed)
    places = settlements(gazetteer_path)
    pool = sorted(rng.sample(places, min(pool_size, len(places))))
    front = Front(pool, rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        day = start + datetime.timedelta(days=index)
        voice = VOICES[index % len(VOICES)]
        oblast = rng.choice(OBLASTS)
        named = pool
        if voice == "governor":
            named = [p for p in pool if p[1] == oblast] or pool
        events = front.pick(voice, named)
        path = out_dir / f"{day.isoformat()}-{voice}.txt"
        path.write_text(report(voice, day, events, oblast, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the reports into")
    parser.add_argument("--count", type=int, default=50, help="how many reports (default 50)")
    parser.add_argument("--start", type=datetime.date.fromisoformat,
                        default=datetime.date(2022, 9, 1), help="date of the first report")
    parser.add_argument("--seed", type=int, default=2022, help="seed of the random choices")
    parser.add_argument("--places", type=int, default=None,
                        help="size of the pool of places (default 60, or a quarter of --count "
                             "when that is more)")
    parser.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer.geojson"))
    args = parser.parse_args()
    if args.places is None:
        args.places = max(60, args.count // 4)
    if args.count < 1 or args.places < 6:
        parser.error("--count must be at least 1 and --places at least 6")
    try:
        paths = write_series(args.out_dir, args.count, args.start, args.seed, args.places,
                             args.gazetteer)
    except (OSError, ValueError, KeyError) as err:
        sys.exit(f"make_series: {err}")
    print(f"wrote {len(paths)} reports to {args.out_dir} ({paths[0].name} … {paths[-1].name})")


if __name__ == "__main__":
    main()
