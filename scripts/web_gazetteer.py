#!/usr/bin/env python3
"""Writes the gazetteer the page downloads: data/gazetteer.geojson with fewer bytes, which the
program loads into the same places and name index, less the GeoNames ids.

    python3 scripts/web_gazetteer.py data/gazetteer.geojson > www/pkg/gazetteer.geojson

(scripts/build_web.sh runs it and gzips the result). The features, their order, coordinates and
every spelling that has a key of its own stay as they are; what goes:
- `id` (the GeoNames id), which the page never shows;
- the first of `names` (GeoNames' own spelling) where it is the display `name` itself: it is
  written "", which the loader skips as it skips a repeat of the name (a spelling too short to
  have a key), so that the second spelling does not take the first one's place;
- whitespace, and the order of the properties is the one that gzips best: those that repeat from
  one feature to the next (kind, type, country, oblast) last, next to the next feature's opening.

tests/web_gazetteer.rs checks that the program loads the output into the same gazetteer, ids
aside, and extracts the same reports from the project's articles. Standard library only.
"""

import json
import sys

# The properties kept, in the order written.
PROPERTIES = ["name", "names", "stems", "pop", "common", "kind", "type", "country", "oblast"]


def served_feature(feature):
    props = feature["properties"]
    kept = {key: props[key] for key in PROPERTIES if key in props}
    names = kept.get("names")
    if names and names[0] == kept.get("name"):
        kept["names"] = [""] + names[1:]
    return {"type": "Feature", "geometry": feature["geometry"], "properties": kept}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/web_gazetteer.py data/gazetteer.geojson > OUT")
    with open(sys.argv[1], encoding="utf-8") as fh:
        collection = json.load(fh)
    served = {
        "type": "FeatureCollection",
        "metadata": collection.get("metadata", {}),
        "features": [served_feature(f) for f in collection["features"]],
    }
    sys.stdout.buffer.write(json.dumps(served, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


if __name__ == "__main__":
    main()
