//! The gazetteer: every place Frontline can recognise, loaded once from
//! `data/gazetteer.geojson` (built by `scripts/build_gazetteer.py`), and its name index: the
//! folded key of every spelling (see [`crate::names`]) to the places it names.

use crate::names::{fold_name, fold_name_into, loose_key, loose_key_into};
use hashbrown::hash_map::EntryRef;
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Index of a place in [`Gazetteer::places`].
pub type PlaceId = u32;

/// What kind of thing a place is; the scorer and the map treat settlements apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Settlement,
    Region,
    Country,
    Other,
}

impl Kind {
    /// Parses the `kind` property of the gazetteer.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "settlement" => Some(Kind::Settlement),
            "region" => Some(Kind::Region),
            "country" => Some(Kind::Country),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }
}

/// What a place is, finer than [`Kind`]: it decides how much a bare mention can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceType {
    City,
    /// An urban-type settlement (selyshche).
    Town,
    Village,
    /// A city district or neighbourhood.
    Section,
    /// A GeoNames populated place without an official counterpart, or abandoned, historical.
    Minor,
    Capital,
    /// A large or border city abroad.
    ForeignCity,
    Oblast,
    HistoricalRegion,
    Country,
    River,
    Water,
}

impl PlaceType {
    fn parse(s: &str) -> PlaceType {
        match s {
            "city" => PlaceType::City,
            "settlement" => PlaceType::Town,
            "village" => PlaceType::Village,
            "section" => PlaceType::Section,
            "capital" => PlaceType::Capital,
            "major" | "border" => PlaceType::ForeignCity,
            "oblast" => PlaceType::Oblast,
            "historical_region" => PlaceType::HistoricalRegion,
            "country" => PlaceType::Country,
            "river" => PlaceType::River,
            "water" => PlaceType::Water,
            _ => PlaceType::Minor,
        }
    }
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonameid: Option<u64>,
    /// English display name.
    pub name: String,
    pub kind: Kind,
    pub place_type: PlaceType,
    pub lon: f64,
    pub lat: f64,
    /// The admin-1 unit the place lies in (its own name for an oblast).
    pub oblast: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: Option<String>,
    pub population: u64,
    /// Its own name is also an English word ("Marine", "Progress"): a mention needs support.
    pub english_word: bool,
}

/// One way a key names a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameRef {
    pub place: PlaceId,
    /// The key is the place's own current name (not a historical or foreign alternate).
    pub primary: bool,
}

/// The places one key names. Most keys name a single place, held without an allocation of
/// its own.
#[derive(Debug, PartialEq)]
enum Refs {
    One([NameRef; 1]),
    Many(Vec<NameRef>),
}

impl Refs {
    fn as_slice(&self) -> &[NameRef] {
        match self {
            Refs::One(one) => one,
            Refs::Many(many) => many,
        }
    }

    /// Adds a place the key names; a place named twice is primary if either name is.
    fn add(&mut self, named: NameRef) {
        let refs = match self {
            Refs::One(one) => one.as_mut_slice(),
            Refs::Many(many) => many.as_mut_slice(),
        };
        if let Some(r) = refs.iter_mut().find(|r| r.place == named.place) {
            r.primary |= named.primary;
            return;
        }
        match self {
            Refs::One([first]) => *self = Refs::Many(vec![*first, named]),
            Refs::Many(many) => many.push(named),
        }
    }
}

/// Fewer bytes of GeoJSON than a feature takes, and than a spelling takes (240 and 85 in
/// `data/gazetteer.geojson`): they size the tables of a load, rather too large than too small.
const BYTES_PER_PLACE: usize = 200;
const BYTES_PER_SPELLING: usize = 100;

/// The shortest loose key looked up, in bytes (letters).
const LOOSE_KEY_MIN_BYTES: usize = 7;

/// Keys to the places they name.
type Index = hashbrown::HashMap<String, Refs, FxBuildHasher>;

/// All places and the index from folded names to places. Two gazetteers are equal when they
/// hold the same places in the same order and index the same keys.
#[derive(Debug, Default, PartialEq)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    names: Index,
    /// The loose key of every spelling of the theatre's settlements (see [`loose_key`]) to
    /// its places.
    loose: Index,
    stems: FxHashMap<String, Vec<PlaceId>>,
    max_words: usize,
}

/// Why a gazetteer could not be loaded: names the feature and the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    /// The text is not GeoJSON at all.
    Syntax(String),
    /// The GeoJSON is not a FeatureCollection.
    NotACollection,
    /// Feature `index` lacks a usable `field`.
    Feature {
        index: usize,
        field: &'static str,
        problem: String,
    },
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GazetteerError::Syntax(e) => write!(f, "gazetteer is not valid GeoJSON: {e}"),
            GazetteerError::NotACollection => {
                write!(f, "gazetteer must be a GeoJSON FeatureCollection")
            }
            GazetteerError::Feature {
                index,
                field,
                problem,
            } => {
                write!(f, "gazetteer feature {index}: `{field}` {problem}")
            }
        }
    }
}

impl std::error::Error for GazetteerError {}

impl Gazetteer {
    /// A gazetteer of the GeoJSON `features` given, for tests that need a few places.
    #[cfg(test)]
    pub(crate) fn of_features(features: &[String]) -> Gazetteer {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        );
        Gazetteer::from_geojson_str(&text).expect("the fixture gazetteer loads")
    }
}

impl Gazetteer {
    /// Loads a gazetteer from the text of a GeoJSON FeatureCollection of Point features with
    /// the properties `name`, `kind`, `type`, `names` (and optionally `id`, `stems`, `oblast`,
    /// `country`, `pop`).
    pub fn from_geojson_str(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut loader = Loader {
            gazetteer: Gazetteer::with_capacity_for(text.len()),
            keys: Keys::default(),
            failure: None,
        };
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let kind = CollectionSeed(&mut loader)
            .deserialize(&mut deserializer)
            .and_then(|kind| deserializer.end().map(|()| kind));
        if let Some(failure) = loader.failure {
            return Err(failure);
        }
        match kind.map_err(|e| GazetteerError::Syntax(e.to_string()))? {
            (Some(kind), true) if kind == "FeatureCollection" => Ok(loader.gazetteer),
            (Some(kind), false) if kind == "FeatureCollection" => Err(GazetteerError::Syntax(
                "the FeatureCollection has no `features`".to_string(),
            )),
            _ => Err(GazetteerError::NotACollection),
        }
    }

    /// An empty gazetteer with room for the places and spellings of `len` bytes of GeoJSON, so
    /// that its tables are not rebuilt as they grow.
    fn with_capacity_for(len: usize) -> Gazetteer {
        let spellings = len / BYTES_PER_SPELLING;
        Gazetteer {
            places: Vec::with_capacity(len / BYTES_PER_PLACE),
            names: Index::with_capacity_and_hasher(spellings, FxBuildHasher),
            loose: Index::with_capacity_and_hasher(spellings, FxBuildHasher),
            ..Gazetteer::default()
        }
    }

    /// Adds one feature, moving its strings into the place; `keys` are scratch buffers.
    fn add_feature<'de>(
        &mut self,
        index: usize,
        feature: RawFeature<'de>,
        keys: &mut Keys,
    ) -> Result<(), GazetteerError> {
        let bad = |field: &'static str, problem: &str| GazetteerError::Feature {
            index,
            field,
            problem: problem.to_string(),
        };
        let (lon, lat) = match feature.geometry {
            Some(RawGeometry {
                kind: Field::Str(kind),
                coordinates,
            }) if kind == "Point" => match coordinates.0 {
                Some((lon, lat)) if lon.is_finite() && lat.is_finite() => (lon, lat),
                _ => return Err(bad("geometry", "needs finite [lon, lat] coordinates")),
            },
            _ => return Err(bad("geometry", "must be a Point")),
        };
        // One pass over the properties, moving each value out; only the strings a place keeps
        // are copied out of the text.
        let string = |field: &'static str, value: Field<'de>| match value {
            Field::Null => Ok(None),
            Field::Str(s) => Ok(Some(s)),
            _ => Err(bad(field, "must be a string")),
        };
        let strings = |field: &'static str, value: Field<'de>| match value {
            Field::Null => Ok(Vec::new()),
            Field::Strings(items) => Ok(items),
            Field::Mixed => Err(bad(field, "must hold only strings")),
            _ => Err(bad(field, "must be an array of strings")),
        };
        let number = |field: &'static str, value: Field<'_>| match value {
            Field::Null => Ok(None),
            Field::Count(n) => Ok(Some(n)),
            _ => Err(bad(field, "must be a non-negative integer")),
        };
        let Properties {
            name,
            kind,
            place_type,
            names,
            stems,
            id,
            oblast,
            country,
            pop,
            common,
        } = feature.properties.unwrap_or_default();
        let (name, kind_text, type_text) = (
            string("name", name)?,
            string("kind", kind)?,
            string("type", place_type)?,
        );
        let oblast = string("oblast", oblast)?.map(Cow::into_owned);
        let country = string("country", country)?.map(Cow::into_owned);
        let (names, stems) = (strings("names", names)?, strings("stems", stems)?);
        let (geonameid, population) = (number("id", id)?, number("pop", pop)?);
        let english_word = match common {
            Field::Null => false,
            Field::Bool(b) => b,
            _ => return Err(bad("common", "must be true or false")),
        };
        let name = name.ok_or_else(|| bad("name", "is missing"))?.into_owned();
        let kind_text = kind_text.ok_or_else(|| bad("kind", "is missing"))?;
        let kind = Kind::parse(&kind_text)
            .ok_or_else(|| bad("kind", "must be settlement, region, country or other"))?;
        let place_type = PlaceType::parse(type_text.as_deref().unwrap_or_default());
        let id = self.places.len() as PlaceId;
        // Only settlements of the theatre (Ukraine's, and the neighbours' border towns, which
        // carry their oblast) are looked up by loose keys.
        let settlement =
            kind == Kind::Settlement && (country.as_deref() == Some("UA") || oblast.is_some());
        fold_name_into(&name, &mut keys.key);
        self.index_name(keys, id, true, settlement);
        for (i, alternate) in names.iter().enumerate() {
            // The first spelling is GeoNames' own name; the display name is the official one.
            // Most often they are one string, indexed already (a third of all spellings).
            if i == 0 && *alternate == name {
                continue;
            }
            fold_name_into(alternate, &mut keys.key);
            self.index_name(keys, id, i == 0, settlement);
        }
        for stem in &stems {
            let key = fold_name(stem);
            if !key.is_empty() {
                let entry = self.stems.entry(key).or_default();
                if !entry.contains(&id) {
                    entry.push(id);
                }
            }
        }
        self.places.push(Place {
            geonameid,
            name,
            kind,
            place_type,
            lon,
            lat,
            oblast,
            country,
            population: population.unwrap_or(0),
            english_word,
        });
        Ok(())
    }

    /// Indexes one spelling's key (`keys.key`); a settlement's under its loose key too.
    fn index_name(&mut self, keys: &mut Keys, place: PlaceId, primary: bool, settlement: bool) {
        let key = keys.key.as_str();
        if key.len() < 3 {
            return;
        }
        if add_ref(&mut self.names, key, NameRef { place, primary }) {
            let words = 1 + key.bytes().filter(|&b| b == b' ').count();
            self.max_words = self.max_words.max(words);
        }
        if settlement {
            loose_key_into(key, &mut keys.loose);
            let named = NameRef {
                place,
                primary: false,
            };
            add_ref(&mut self.loose, &keys.loose, named);
        }
    }

    /// The places a folded key names on its own.
    pub fn lookup(&self, key: &str) -> &[NameRef] {
        self.names.get(key).map_or(&[], Refs::as_slice)
    }

    /// The settlements of the theatre whose spellings share the loose key of a folded key (see
    /// [`loose_key`]), all as alternate names: Russian spellings the data lacks ("Belogorka"
    /// for Bilohirka). Short keys, which English words share by chance ("Some", "Quote"), name
    /// nothing.
    pub fn lookup_loose(&self, key: &str) -> &[NameRef] {
        let loose = loose_key(key);
        if loose.len() < LOOSE_KEY_MIN_BYTES {
            return &[];
        }
        self.loose.get(&loose).map_or(&[], Refs::as_slice)
    }

    /// The regions a folded key names together with a region word ("Kharkiv" in "Kharkiv region").
    pub fn lookup_stem(&self, key: &str) -> &[PlaceId] {
        self.stems.get(key).map_or(&[], Vec::as_slice)
    }

    /// The largest number of words in any indexed name.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }
}

/// Adds `named` to the places `key` names in `index`, hashing the key once; true when the key
/// is new.
fn add_ref(index: &mut Index, key: &str, named: NameRef) -> bool {
    match index.entry_ref(key) {
        EntryRef::Occupied(mut entry) => {
            entry.get_mut().add(named);
            false
        }
        EntryRef::Vacant(entry) => {
            entry.insert(Refs::One([named]));
            true
        }
    }
}

/// The state of one load: the gazetteer so far, scratch keys, and the first feature that could
/// not be used.
struct Loader {
    gazetteer: Gazetteer,
    keys: Keys,
    failure: Option<GazetteerError>,
}

/// Scratch buffers of a load: the folded key of a spelling and its loose key.
#[derive(Default)]
struct Keys {
    key: String,
    loose: String,
}

/// Reads the collection's members, indexing each feature as soon as the geojson crate has
/// parsed it, so that one feature's JSON is in memory at a time rather than the whole
/// collection's. Yields the collection's `type` and whether it had `features`.
struct CollectionSeed<'l>(&'l mut Loader);

impl<'de> DeserializeSeed<'de> for CollectionSeed<'_> {
    type Value = (Option<String>, bool);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CollectionSeed<'_> {
    type Value = (Option<String>, bool);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut kind, mut has_features) = (None, false);
        while let Some(member) = map.next_key::<String>()? {
            match member.as_str() {
                "type" => kind = Some(map.next_value::<String>()?),
                "features" => {
                    map.next_value_seed(FeaturesSeed(&mut *self.0))?;
                    has_features = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((kind, has_features))
    }
}

/// The `features` array: each element read as a [`RawFeature`] and added.
struct FeaturesSeed<'l>(&'l mut Loader);

impl<'de> DeserializeSeed<'de> for FeaturesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for FeaturesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of GeoJSON Features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let loader = self.0;
        let mut index = 0;
        loop {
            let feature = match seq.next_element::<RawFeature<'de>>() {
                Ok(Some(feature)) => feature,
                Ok(None) => return Ok(()),
                Err(e) => {
                    loader.failure = Some(GazetteerError::Feature {
                        index,
                        field: "feature",
                        problem: format!("is not a GeoJSON Feature: {e}"),
                    });
                    return Err(e);
                }
            };
            let Loader {
                gazetteer, keys, ..
            } = &mut *loader;
            if let Err(failure) = gazetteer.add_feature(index, feature, keys) {
                let message = failure.to_string();
                loader.failure = Some(failure);
                return Err(serde::de::Error::custom(message));
            }
            index += 1;
        }
    }
}

/// One element of `features` as read: `type` must be "Feature", the geometry's type and position
/// and the properties the gazetteer knows are kept as [`Field`]s and the others skipped, as are
/// other members. (`geojson::Feature`'s own `Deserialize` buffers the whole feature first, to
/// find its tag and foreign members, and keeps every property in a map with its key: that had
/// been a fifth of the load time; `geojson::Geometry`'s, a tenth.)
#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'a"))]
struct RawFeature<'a> {
    #[serde(rename = "type")]
    _type: FeatureType,
    geometry: Option<RawGeometry<'a>>,
    properties: Option<Properties<'a>>,
}

/// The one `type` a Feature may have.
#[derive(Deserialize)]
enum FeatureType {
    Feature,
}

/// A feature's geometry as read: its `type`, and its `coordinates` as far as a Point's go.
#[derive(Deserialize)]
#[serde(bound(deserialize = "'de: 'a"))]
struct RawGeometry<'a> {
    #[serde(rename = "type", default)]
    kind: Field<'a>,
    #[serde(default)]
    coordinates: Position,
}

/// The first two numbers of a `coordinates` array (a Point's longitude and latitude), when it
/// opens with two numbers.
#[derive(Default)]
struct Position(Option<(f64, f64)>);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(PositionVisitor)
    }
}

/// Reads a [`Position`] from a JSON array.
struct PositionVisitor;

impl<'de> Visitor<'de> for PositionVisitor {
    type Value = Position;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of coordinates")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
        let lon = seq.next_element::<Field>()?.and_then(|f| f.number());
        let lat = seq.next_element::<Field>()?.and_then(|f| f.number());
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Position(lon.zip(lat)))
    }
}

/// The properties of a feature that the gazetteer reads, each `Null` when absent.
#[derive(Default, Deserialize)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Properties<'a> {
    name: Field<'a>,
    kind: Field<'a>,
    #[serde(rename = "type")]
    place_type: Field<'a>,
    names: Field<'a>,
    stems: Field<'a>,
    id: Field<'a>,
    oblast: Field<'a>,
    country: Field<'a>,
    pop: Field<'a>,
    common: Field<'a>,
}

/// A property's JSON value, reduced to what [`Gazetteer::add_feature`] tells apart; strings
/// are borrowed from the text unless they hold escapes. (A `serde_json::Value` per property,
/// with its strings and arrays allocated, had been a tenth of the load time.)
#[derive(Default)]
enum Field<'de> {
    #[default]
    Null,
    Bool(bool),
    /// A non-negative integer.
    Count(u64),
    /// Any other number.
    Number(f64),
    Str(Cow<'de, str>),
    /// An array of strings only.
    Strings(Vec<Cow<'de, str>>),
    /// An array holding something other than a string.
    Mixed,
    /// An object.
    Other,
}

impl Field<'_> {
    /// The value of a number.
    fn number(&self) -> Option<f64> {
        match *self {
            Field::Count(n) => Some(n as f64),
            Field::Number(x) => Some(x),
            _ => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Field<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor(std::marker::PhantomData))
    }
}

/// Reads a [`Field`] from any JSON value.
struct FieldVisitor<'a>(std::marker::PhantomData<Field<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for FieldVisitor<'a> {
    type Value = Field<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Field<'a>, E> {
        Ok(Field::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Field<'a>, E> {
        Ok(Field::Count(n))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Field<'a>, E> {
        Ok(u64::try_from(n).map_or(Field::Number(n as f64), Field::Count))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Field<'a>, E> {
        Ok(Field::Number(x))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'a>, E> {
        Ok(Field::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Field<'a>, E> {
        Ok(Field::Str(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Field<'a>, E> {
        Ok(Field::Str(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<Field<'a>, E> {
        Ok(Field::Null)
    }

    fn visit_none<E>(self) -> Result<Field<'a>, E> {
        Ok(Field::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<'a>, D::Error> {
        Field::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<'a>, A::Error> {
        let mut strings = Vec::new();
        let mut mixed = false;
        while let Some(item) = seq.next_element::<Field<'a>>()? {
            match item {
                Field::Str(s) => strings.push(s),
                _ => mixed = true,
            }
        }
        Ok(if mixed {
            Field::Mixed
        } else {
            Field::Strings(strings)
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<'a>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_places_and_indexes_every_spelling() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[37.27679,49.20697]},
           "properties":{"id":707292,"name":"Izium","kind":"settlement","type":"city",
           "names":["Izyum","Izium"],"oblast":"Kharkiv Oblast","country":"UA","pop":45884}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[36.5,49.5]},
           "properties":{"id":null,"name":"Kharkiv Oblast","kind":"region","type":"oblast",
           "names":["Kharkiv Oblast"],"stems":["Kharkiv","Kharkov"]}}]}"#;
        let g = Gazetteer::from_geojson_str(text).unwrap();
        assert_eq!(g.places.len(), 2);
        assert_eq!(g.lookup(&fold_name("Izyum"))[0].place, 0);
        assert_eq!(g.lookup(&fold_name("IZIUM"))[0].place, 0);
        assert_eq!(g.place(0).population, 45884);
        assert_eq!(g.lookup_stem(&fold_name("Kharkov")), &[1]);
        assert!(g.lookup("kharkiv").is_empty());
        assert!(g.lookup_loose(&fold_name("Izyum")).is_empty(), "too short");
    }

    #[test]
    fn settlements_of_the_theatre_have_loose_keys() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[33.1,47.2]},
           "properties":{"name":"Bilohirka","kind":"settlement","type":"village",
           "names":["Bilohirka"],"oblast":"Kherson Oblast","country":"UA"}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[10.0,50.0]},
           "properties":{"name":"Belgorkamm","kind":"settlement","type":"major",
           "names":["Belgorkamm"],"country":"DE"}}]}"#;
        let g = Gazetteer::from_geojson_str(text).unwrap();
        let bilohirka = NameRef {
            place: 0,
            primary: false,
        };
        assert_eq!(g.lookup_loose(&fold_name("Belogorka")), &[bilohirka]);
        assert!(g.lookup_loose(&fold_name("Belgorkamm")).is_empty());
    }

    #[test]
    fn errors_name_the_feature_and_field() {
        let cases = [
            ("not json", "not valid GeoJSON"),
            (
                r#"{"type":"Point","coordinates":[1,2]}"#,
                "FeatureCollection",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"kind":"settlement"}}]}"#,
                "feature 0: `name` is missing",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","kind":"town"}}]}"#,
                "feature 0: `kind` must be",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"name":"A","kind":"other"}}]}"#,
                "feature 0: `geometry` must be a Point",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","kind":"other","names":"A"}}]}"#,
                "feature 0: `names` must be an array",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","kind":"other"}},{"type":"Feature","geometry":7}]}"#,
                "feature 1: `feature` is not a GeoJSON Feature",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Point","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","kind":"other"}}]}"#,
                "feature 0: `feature` is not a GeoJSON Feature",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","kind":"other"}}]}"#,
                "feature 0: `feature` is not a GeoJSON Feature",
            ),
            (r#"{"type":"FeatureCollection"}"#, "has no `features`"),
        ];
        for (text, expected) in cases {
            let err = Gazetteer::from_geojson_str(text).unwrap_err().to_string();
            assert!(err.contains(expected), "{err} should contain {expected}");
        }
    }
}
