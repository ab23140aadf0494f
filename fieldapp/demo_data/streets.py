"""The map of the demo town: wijken, streets, postcodes, house numbers and coordinates.

Each wijk has a theme (painters, trees, birds, ...) like real Dutch neighbourhoods, one PC4
(plus spare PC4s for very large towns) and a small grid of streets around its centre. Houses
stand about 7 m apart, odd numbers on one side and even on the other, so walking and cycling
distances computed from the coordinates make sense for route planning.

Postcodes follow PostNL's shape: ``[1-9]\\d{3}`` + two letters, one letter pair per block of
house numbers on one side of a street, never SA/SD/SS, and (as PostNL does) without the
letters F, I, O, Q, U and Y.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from fieldapp.domain.people import Address

# A fictional centre on the Veluwe heath: no town stands here.
CENTRE_LAT = 52.1
CENTRE_LON = 5.9
_M_PER_DEG_LAT = 111_200.0
_M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(CENTRE_LAT))
_HOUSE_SPACING_M = 7.0
_STREET_SPACING_M = 130.0
_SIDE_OFFSET_M = 9.0
_HOUSEHOLDS_PER_STREET = 150

_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_FORBIDDEN_PAIRS = frozenset({"SA", "SD", "SS"})
LETTER_PAIRS: tuple[str, ...] = tuple(
    a + b for a in _POSTCODE_LETTERS for b in _POSTCODE_LETTERS if a + b not in _FORBIDDEN_PAIRS
)
_SPARE_PC4 = 9
_SUFFIXES = ("straat", "laan", "weg", "hof", "plein", "singel", "dreef", "pad", "kade", "erf")


@dataclass(frozen=True, slots=True)
class WijkTheme:
    name: str
    streets: tuple[str, ...]
    roots: tuple[str, ...]  # for extra street names in large towns: root + suffix


def _split(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


THEMES: tuple[WijkTheme, ...] = (
    WijkTheme(
        "Centrum",
        _split(
            "Kerkstraat, Dorpsstraat, Marktstraat, Nieuwstraat, Molenweg, Schoolstraat, "
            "Stationsweg, Havenkade, Achterstraat, Brinkweg"
        ),
        _split("Kerk, Markt, Molen, Haven, Sluis, Brug, Poort, Toren, Raadhuis, Kloosters"),
    ),
    WijkTheme(
        "Oranjewijk",
        _split(
            "Julianalaan, Beatrixstraat, Wilhelminastraat, Emmalaan, Prins Bernhardlaan, "
            "Irenestraat, Margrietstraat, Christinalaan, Willem-Alexanderlaan, Amaliastraat"
        ),
        _split("Oranje, Nassau, Koning, Koningin, Prinsen, Hof, Kroon, Vorsten, Adel, Ridder"),
    ),
    WijkTheme(
        "Schildersbuurt",
        _split(
            "Van Goghlaan, Rembrandtlaan, Vermeerstraat, Frans Halsstraat, Jan Steenstraat, "
            "Mondriaanstraat, Jeroen Boschlaan, Pieter de Hoochstraat, Breitnerlaan, "
            "Israëlsstraat"
        ),
        _split(
            "Mesdag, Toorop, Maris, Mauve, Weissenbruch, Bosboom, Witsen, Ruysdael, Hobbema, Potter"
        ),
    ),
    WijkTheme(
        "Bomenbuurt",
        _split(
            "Lindenlaan, Eikenlaan, Beukenlaan, Berkenhof, Wilgenstraat, Esdoornlaan, "
            "Kastanjelaan, Populierenlaan, Acaciastraat, Platanenhof"
        ),
        _split("Iepen, Elzen, Essen, Hazelaar, Lijsterbes, Meidoorn, Vlier, Taxus, Hulst, Ceder"),
    ),
    WijkTheme(
        "Vogelwijk",
        _split(
            "Merelstraat, Lijsterlaan, Zwaluwstraat, Vinkenhof, Kievitstraat, Reigerlaan, "
            "Meeuwenweg, Spechtstraat, Mussenhof, Koekoeklaan"
        ),
        _split(
            "Roodborst, Winterkoning, Kwikstaart, Grutto, Wulp, Tureluur, Buizerd, Valk, "
            "Uilen, Ekster"
        ),
    ),
    WijkTheme(
        "Bloemenwijk",
        _split(
            "Tulpstraat, Rozenlaan, Narcissenstraat, Irisstraat, Lelieweg, Anjerstraat, "
            "Goudsbloemlaan, Zonnebloemstraat, Dahliastraat, Klaprooshof"
        ),
        _split(
            "Crocus, Hyacint, Asters, Violieren, Seringen, Jasmijn, Lavendel, Madelief, "
            "Pioen, Fresia"
        ),
    ),
    WijkTheme(
        "De Velden",
        _split(
            "Akkerstraat, Weidelaan, Hooiland, Kampweg, Veldstraat, Slootweg, Dijkweg, "
            "Polderweg, Hoevelaan, Boerderijhof"
        ),
        _split("Esch, Kouter, Gaarde, Vennen, Heide, Kavel, Weide, Greppel, Wetering, Dries"),
    ),
)


@dataclass(frozen=True, slots=True)
class DemoWijk:
    name: str
    pc4s: tuple[str, ...]  # the first is the wijk's own; the rest are spares for large towns
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class _Street:
    name: str
    wijk: DemoWijk
    lat0: float
    lon0: float
    dlat: float  # unit direction, in metres per metre, converted to degrees
    dlon: float
    nlat: float  # unit normal (towards the even side), degrees per metre
    nlon: float


def _offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    return lat + north_m / _M_PER_DEG_LAT, lon + east_m / _M_PER_DEG_LON


def make_wijken(rng: random.Random) -> list[DemoWijk]:
    """4-6 wijken: Centrum in the middle, the others on a ring 1.1-1.8 km out."""
    count = rng.randint(4, 6)
    themes = [THEMES[0], *rng.sample(THEMES[1:], count - 1)]
    base = 7600 + 10 * rng.randint(0, 30)
    wijken: list[DemoWijk] = []
    start_angle = rng.uniform(0.0, 2 * math.pi)
    for index, theme in enumerate(themes):
        if index == 0:
            lat, lon = CENTRE_LAT, CENTRE_LON
        else:
            angle = start_angle + 2 * math.pi * (index - 1) / (count - 1)
            distance = rng.uniform(1100.0, 1800.0)
            lat, lon = _offset(
                CENTRE_LAT, CENTRE_LON, distance * math.sin(angle), distance * math.cos(angle)
            )
        pc4 = base + 10 * index
        pc4s = tuple(str(pc4 + spare) for spare in range(_SPARE_PC4 + 1))
        wijken.append(DemoWijk(theme.name, pc4s, round(lat, 6), round(lon, 6)))
    return wijken


def _street_names(theme: WijkTheme, count: int) -> list[str]:
    names = list(theme.streets)
    for root in theme.roots:
        for suffix in _SUFFIXES:
            if len(names) >= count:
                return names[:count]
            candidate = f"{root}{suffix}"
            if candidate not in names:
                names.append(candidate)
    if len(names) < count:
        raise ValueError("te veel straten voor één wijk in de demo-gemeente")
    return names[:count]


def _lay_streets(rng: random.Random, wijk: DemoWijk, names: list[str]) -> list[_Street]:
    """A rough grid: alternate east-west and north-south streets around the wijk centre."""
    streets: list[_Street] = []
    rows = (len(names) + 1) // 2
    for index, name in enumerate(names):
        lane = index // 2 - rows // 2
        jitter = rng.uniform(-20.0, 20.0)
        angle = math.radians(rng.uniform(-8.0, 8.0))
        if index % 2 == 0:  # east-west, stacked north-south
            north, east = lane * _STREET_SPACING_M + jitter, -250.0
            d_north, d_east = math.sin(angle), math.cos(angle)
        else:  # north-south, stacked east-west
            north, east = -250.0, lane * _STREET_SPACING_M + jitter
            d_north, d_east = math.cos(angle), math.sin(angle)
        lat0, lon0 = _offset(wijk.lat, wijk.lon, north, east)
        streets.append(
            _Street(
                name=name,
                wijk=wijk,
                lat0=lat0,
                lon0=lon0,
                dlat=d_north / _M_PER_DEG_LAT,
                dlon=d_east / _M_PER_DEG_LON,
                nlat=-d_east / _M_PER_DEG_LAT,
                nlon=d_north / _M_PER_DEG_LON,
            )
        )
    return streets


# (suffixes at one house number, weight): most numbers are one home; some are split.
_BUILDINGS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("",), 0.84),
    (("", "A"), 0.05),
    (("A", "B"), 0.03),
    (("HS", "1", "2"), 0.04),
    (("1", "2", "3"), 0.02),
    (("", "BIS"), 0.01),
    (("A", "B", "C"), 0.01),
)
_BUILDING_WEIGHTS = tuple(w for _, w in _BUILDINGS)


class _PostcodeCursor:
    """Hands out letter pairs in order within a wijk, moving to a spare PC4 when full."""

    def __init__(self, wijk: DemoWijk, start: int) -> None:
        self._wijk = wijk
        self._next = start

    def take(self) -> str:
        pc4_index, pair_index = divmod(self._next, len(LETTER_PAIRS))
        if pc4_index >= len(self._wijk.pc4s):
            raise ValueError("te veel adressen voor de postcodes van de demo-gemeente")
        self._next += 1
        return self._wijk.pc4s[pc4_index] + LETTER_PAIRS[pair_index]


def _street_addresses(
    rng: random.Random, street: _Street, homes: int, town: str, cursor: _PostcodeCursor
) -> list[Address]:
    homes_by_number: list[tuple[int, tuple[str, ...]]] = []
    total, number = 0, 1
    while total < homes:
        suffixes = rng.choices([b for b, _ in _BUILDINGS], weights=_BUILDING_WEIGHTS)[0]
        suffixes = suffixes[: homes - total]
        homes_by_number.append((number, suffixes))
        total += len(suffixes)
        number += 1
    block = rng.randint(10, 18)  # house numbers per postcode on one side of the street
    postcodes: dict[tuple[int, int], str] = {}
    addresses: list[Address] = []
    for number, suffixes in homes_by_number:
        side = number % 2  # 1 = odd side
        position = ((number - 1) // 2 + 0.5) * _HOUSE_SPACING_M
        normal = _SIDE_OFFSET_M if side == 0 else -_SIDE_OFFSET_M
        lat = street.lat0 + street.dlat * position + street.nlat * normal
        lon = street.lon0 + street.dlon * position + street.nlon * normal
        key = (side, (number - 1) // (2 * block))
        if key not in postcodes:
            postcodes[key] = cursor.take()
        for suffix in suffixes:
            addresses.append(
                Address(
                    postcode=postcodes[key],
                    huisnummer=number,
                    toevoeging=suffix,
                    straat=street.name,
                    plaats=town,
                    wijk=street.wijk.name,
                    lat=round(lat, 6),
                    lon=round(lon, 6),
                )
            )
    return addresses


def lay_out_town(
    rng: random.Random, *, town: str, wijken: list[DemoWijk], households: int
) -> list[Address]:
    """Exactly ``households`` addresses spread over the wijken's streets, in map order.

    About 25 streets for a few hundred households, more for big towns (~150 homes a street).
    The Centrum gets a bit fewer homes than the outer wijken.
    """
    street_total = min(households, max(25, math.ceil(households / _HOUSEHOLDS_PER_STREET)))
    per_wijk = [street_total // len(wijken)] * len(wijken)
    for index in range(street_total - sum(per_wijk)):
        per_wijk[(index + 1) % len(wijken)] += 1
    streets: list[_Street] = []
    for wijk, count in zip(wijken, per_wijk, strict=True):
        theme = next(t for t in THEMES if t.name == wijk.name)
        streets.extend(_lay_streets(rng, wijk, _street_names(theme, count)))
    weights = [rng.uniform(0.5, 1.5) * (0.7 if s.wijk is wijken[0] else 1.0) for s in streets]
    scale = households / sum(weights)
    homes = [max(1, int(w * scale)) for w in weights]
    # Fix the rounding so the total is exact.
    index = 0
    while sum(homes) != households:
        step = 1 if sum(homes) < households else -1
        if homes[index % len(homes)] + step >= 1:
            homes[index % len(homes)] += step
        index += 1
    # Start each wijk at a random letter pair, as real PC4 areas rarely begin at AA.
    cursors = {w.name: _PostcodeCursor(w, rng.randrange(len(LETTER_PAIRS) // 2)) for w in wijken}
    addresses: list[Address] = []
    for street, count in zip(streets, homes, strict=True):
        addresses.extend(_street_addresses(rng, street, count, town, cursors[street.wijk.name]))
    return addresses
