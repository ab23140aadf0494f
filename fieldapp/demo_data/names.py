"""Synthetic Dutch names: first names and surnames combined at random, never real people.

Each origin group has its own pools; a person is a random combination of a first name and a
surname from the group, so any resemblance to a real person is a coincidence of common names.
Group shares roughly follow the Dutch population by migration background (CBS), with the
groups that are over-represented among households with payment arrears weighted up a little.

Traps kept on purpose, because real signal files have them: diacritics (Özdemir, Şahin,
Wójcik, Israëls), Dutch prefixes kept apart from the surname (``van der`` + ``Meer``), names
that look like prefixes but are part of the surname (``El Amrani``), double surnames from
naamgebruik (``Brouwer-Dijkstra``), gendered Polish surnames (Kowalski / Kowalska) and the
Turkish dotted capital İ.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import dataclass

from fieldapp.domain.ddas import Geslacht


@dataclass(frozen=True, slots=True)
class NamePool:
    """First names by sex and surnames as ``(voorvoegsel, achternaam)`` for one origin group."""

    code: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[tuple[str, str], ...]
    # Dutch-style groups may carry several initials ("J.H.M."); others one or two.
    max_initials: int = 2


def _plain(names: str) -> tuple[tuple[str, str], ...]:
    return tuple(("", n.strip()) for n in names.split(",") if n.strip())


def _split(names: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in names.split(",") if n.strip())


# fmt: off
_DUTCH_SURNAMES: tuple[tuple[str, str], ...] = (
    ("de", "Vries"), ("", "Jansen"), ("de", "Jong"), ("", "Bakker"), ("van", "Dijk"),
    ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"),
    ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"),
    ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"),
    ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"),
    ("van der", "Veen"), ("van den", "Berg"), ("van", "Vliet"), ("'t", "Hart"),
    ("ter", "Horst"), ("van", "Beek"), ("", "Willems"), ("van der", "Heijden"),
    ("", "Schouten"), ("", "Hoekstra"), ("", "Koster"), ("", "Prins"), ("", "Huisman"),
    ("", "Kuipers"), ("in 't", "Veld"), ("van 't", "Hof"), ("ten", "Brink"), ("op de", "Beek"),
    ("", "Postma"), ("", "Verbeek"), ("", "Timmermans"), ("", "Jonker"), ("den", "Hollander"),
    ("van", "Wijk"), ("", "Zijlstra"), ("", "Bosman"), ("van", "Loon"), ("", "Kramer"),
    ("", "Wouters"), ("", "Verhoeven"), ("", "Sanders"), ("van de", "Ven"), ("", "Scholten"),
    ("", "Hoogendoorn"), ("", "Dijkman"), ("van", "Dam"), ("", "Bouwman"), ("", "Veenstra"),
)
# fmt: on

DUTCH_OLD = NamePool(
    code="nl",
    male=_split(
        "Jan, Pieter, Kees, Henk, Willem, Gerrit, Johannes, Cornelis, Hendrik, Jacobus, Dirk, "
        "Wim, Ton, Gert-Jan, Jan-Willem, Klaas, Arie, Theo, Frans, Bert, Hans, Rob, René, "
        "Joop, Ad, Harm, Sjoerd, Evert, Gijsbert, Leendert"
    ),
    female=_split(
        "Anna, Maria, Johanna, Cornelia, Wilhelmina, Elisabeth, Geertruida, Hendrika, Anneke, "
        "Ingrid, Joke, Ria, Truus, Gerda, Willeke, Marian, Annie, Corrie, Riet, José, Hennie, "
        "Marie-José, Tineke, Greet, Jannie, Dineke, Hélène, Trijntje"
    ),
    surnames=_DUTCH_SURNAMES,
    max_initials=3,
)

DUTCH_NEW = NamePool(
    code="nl",
    male=_split(
        "Bram, Daan, Sem, Lucas, Thijs, Jesse, Ruben, Tim, Bas, Martijn, Jeroen, Sander, Niels, "
        "Erik, Marco, Mark, Dennis, Stefan, Joost, Wouter, Arjen, Koen, Lars, Milan, Levi, "
        "Finn, Luuk, Stijn, Teun, Gijs, Hugo, Thomas, Jelle, Noël, Rick, Kevin"
    ),
    female=_split(
        "Sanne, Lotte, Femke, Anouk, Lisa, Eva, Emma, Julia, Sophie, Fleur, Noor, Tess, Sara, "
        "Iris, Esther, Linda, Monique, Petra, Sandra, Marloes, Mirjam, Yvonne, Chantal, Kim, "
        "Demi, Lieke, Roos, Mila, Fenna, Annemarie, Zoë, Daniëlle, Chloë, Noëlle, Anaïs"
    ),
    surnames=_DUTCH_SURNAMES,
    max_initials=3,
)

TURKISH = NamePool(
    code="tr",
    male=_split(
        "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Emre, Murat, Yusuf, Burak, "
        "Serkan, Kerem, Eren, Ömer, Çağlar, Oğuz, İsmail, Kemal, Selim"
    ),
    female=_split(
        "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Özlem, Büşra, Merve, Esra, Gül, Derya, "
        "Şeyma, Sevgi, Gülsüm, İrem, Tuğba, Hülya"
    ),
    surnames=_plain(
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, "
        "Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Erdoğan, Güneş, "
        "Bulut, Akgül"
    ),
)

MOROCCAN = NamePool(
    code="ma",
    male=_split(
        "Mohamed, Ahmed, Youssef, Mustapha, Abdelkader, Hassan, Said, Rachid, Khalid, Karim, "
        "Bilal, Ayoub, Anouar, Mohammed, Nordin, Hamza, Adam, Ilias, Othman, Soufiane"
    ),
    female=_split(
        "Fatima, Khadija, Naima, Malika, Samira, Nadia, Latifa, Hanan, Soumaya, Imane, Salma, "
        "Yasmina, Zineb, Houda, Noura, Ikram, Loubna, Siham"
    ),
    # "El" and "Ait" belong to the surname: they are not Dutch voorvoegsels.
    surnames=_plain(
        "El Amrani, Benali, El Idrissi, Bouzid, Ouali, Ait Taleb, El Khattabi, Azzouzi, "
        "Boukhari, Amrani, Tahiri, El Hamdaoui, Bakkali, Achahbar, Ouahabi, Zarouali, "
        "El Ouardi, Bennani, Boulahrouz, Ait Hssain, El Makrini, Chaouch"
    ),
)

SURINAMESE = NamePool(
    code="sr",
    male=_split(
        "Ricardo, Romeo, Errol, Glenn, Rajesh, Sunil, Anand, Ravi, Dinesh, Sergio, Marvin, "
        "Dwight, Jerrel, Ashwin, Kishan, Iwan, Roy, Clyde, Sharif, Prakash"
    ),
    female=_split(
        "Shanti, Sharda, Anjali, Priya, Sharon, Natasha, Joyce, Gracia, Rosita, Indira, Sita, "
        "Kavita, Romana, Naomi, Chelsey, Soraya, Wendy, Marcia"
    ),
    surnames=_plain(
        "Ramdin, Baldewsingh, Jagesar, Ramautar, Mohan, Sewdien, Kanhai, Soekhai, Biharie, "
        "Lachman, Pinas, Fernandes, Sabajo, Vreden, Zeegelaar, Wijngaarde, Leeflang, Sedney, "
        "Doelwijt, Karijopawiro, Soemodihardjo, Wongsodikromo, Tjon A Fong, Kartosen"
    ),
)

INDONESIAN_DUTCH = NamePool(
    code="id",
    male=_split(
        "Ricky, Johnny, Robby, Erwin, Ferry, Marcel, Ronald, Eddy, Benny, Yoram, Jeffrey, "
        "Dion, Rudy, Glenn, Frits"
    ),
    female=_split(
        "Dewi, Wulan, Sari, Indah, Marjolein, Lientje, Ingrid, Monique, Nanda, Patricia, "
        "Yolanda, Mieke, Astrid, Ratna"
    ),
    surnames=(
        *_plain(
            "Tan, Liem, Pattiradjawane, Latuhihin, Soeters, Lumalessil, Tahapary, Pelupessy, "
            "Wattimena, Siahaya, Manuhutu, Sahetapy, Hehanussa, Nanlohy, Oey, Kho"
        ),
        ("van der", "Stok"),
        ("de", "Kock"),
    ),
)

POLISH = NamePool(
    code="pl",
    male=_split(
        "Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Łukasz, Kamil, Jakub, Grzegorz, "
        "Mateusz, Wojciech, Dariusz, Sławomir"
    ),
    female=_split(
        "Anna, Katarzyna, Małgorzata, Agnieszka, Joanna, Magdalena, Ewa, Monika, Aleksandra, "
        "Zofia, Karolina, Beata, Dorota, Żaneta"
    ),
    # Stored in the masculine form; ``surname_for`` makes -ski/-cki feminine.
    surnames=_plain(
        "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
        "Szymański, Woźniak, Dąbrowski, Kozłowski, Mazur, Krawczyk, Jabłoński, Grabowski, "
        "Pawlak, Michalski, Król, Wróbel"
    ),
)

ANTILLEAN = NamePool(
    code="aw",
    male=_split(
        "Jurgen, Shurandy, Giovanni, Rignald, Eugene, Ruthmilo, Jandino, Nelson, Raymond, "
        "Sherwin, Ludwig, Edsel, Jairzinho, Curtley"
    ),
    female=_split(
        "Sharlene, Yolanda, Giselle, Maritza, Xiomara, Jozeline, Enith, Chaysa, Rosemary, "
        "Jeanine, Shudeska, Milouska, Sulaika"
    ),
    surnames=_plain(
        "Martina, Statia, Isenia, Rosaria, Maduro, Winklaar, Bernabela, Juliana, Koeiman, "
        "Croes, Tromp, Eman, Wever, Girigori, Cijntje, Dania, Felida, Sulvaran, Doran"
    ),
)

SYRIAN = NamePool(
    code="sy",
    male=_split(
        "Mohammad, Ahmad, Omar, Khaled, Rami, Bassam, Fadi, Samer, Mahmoud, Hussam, Tarek, "
        "Yazan, Wassim, Firas, Majd"
    ),
    female=_split(
        "Rania, Lina, Rasha, Hala, Nour, Amal, Dima, Ghada, Reem, Hiba, Maryam, Huda, Lama, "
        "Bushra, Aya"
    ),
    surnames=_plain(
        "Al-Hassan, Al-Khatib, Haddad, Khalil, Al-Ahmad, Hamwi, Darwish, Al-Masri, Kassab, "
        "Sabbagh, Al-Halabi, Mansour, Hamdan, Abdullah, Al-Shami, Alkhalaf, Ibrahim"
    ),
)

# (pool for people born before 1975, pool for later births, weight). Shares: see module doc.
ORIGINS: tuple[tuple[NamePool, NamePool, float], ...] = (
    (DUTCH_OLD, DUTCH_NEW, 0.73),
    (TURKISH, TURKISH, 0.05),
    (MOROCCAN, MOROCCAN, 0.05),
    (SURINAMESE, SURINAMESE, 0.045),
    (INDONESIAN_DUTCH, INDONESIAN_DUTCH, 0.035),
    (POLISH, POLISH, 0.035),
    (ANTILLEAN, ANTILLEAN, 0.03),
    (SYRIAN, SYRIAN, 0.025),
)
_ORIGIN_CUM = tuple(itertools.accumulate(w for _, _, w in ORIGINS))
_COHORT_SPLIT_YEAR = 1975
# Groups where a married woman often uses her partner's surname (naamgebruik).
_PARTNER_NAME_GROUPS = frozenset({"nl", "id", "sr", "aw"})


def pick_origin(rng: random.Random) -> int:
    """Index into ``ORIGINS``, drawn by population share."""
    return rng.choices(range(len(ORIGINS)), cum_weights=_ORIGIN_CUM)[0]


def pool_for(origin: int, birth_year: int) -> NamePool:
    old, new, _ = ORIGINS[origin]
    return old if birth_year < _COHORT_SPLIT_YEAR else new


def first_name(rng: random.Random, pool: NamePool, sex: Geslacht) -> str:
    return rng.choice(pool.male if sex is Geslacht.MAN else pool.female)


def surname(rng: random.Random, pool: NamePool) -> tuple[str, str]:
    return rng.choice(pool.surnames)


def surname_for(pool_code: str, name: tuple[str, str], sex: Geslacht) -> tuple[str, str]:
    """The surname as this person carries it: Polish -ski/-cki become -ska/-cka for women."""
    prefix, base = name
    if pool_code == "pl" and sex is Geslacht.VROUW and base.endswith(("ski", "cki", "dzki")):
        return prefix, base[:-1] + "a"
    return prefix, base


def married_name(
    rng: random.Random, pool_code: str, own: tuple[str, str], partner: tuple[str, str]
) -> tuple[str, str]:
    """The surname a woman with a partner uses in a signal (naamgebruik), Dutch style.

    Own name, the partner's name, or ``partner-own`` (``Brouwer-Dijkstra``; ``van Dijk-de Vries``
    keeps the partner's prefix in front). Only for groups where this is common.
    """
    if pool_code not in _PARTNER_NAME_GROUPS or own == partner:
        return own
    roll = rng.random()
    if roll < 0.45:
        return own
    if roll < 0.65:
        return partner
    own_prefix, own_base = own
    own_part = f"{own_prefix} {own_base}" if own_prefix else own_base
    return partner[0], f"{partner[1]}-{own_part}"


def voorletters(rng: random.Random, pool: NamePool, sex: Geslacht, roepnaam: str) -> str:
    """Initials starting with the roepnaam's (``Jan-Willem`` -> ``J.W.``), plus extra given names.

    Upper-cased with ``str.upper`` per letter, so İbrahim keeps its dotted İ.
    """
    initials = [part[0].upper() for part in roepnaam.split("-") if part]
    extra = rng.choices((0, 1, 2), cum_weights=(0.45, 0.8, 1.0))[0]
    names = pool.male if sex is Geslacht.MAN else pool.female
    for _ in range(min(extra, pool.max_initials - len(initials))):
        initials.append(rng.choice(names)[0].upper())
    return "".join(f"{i}." for i in initials)


def ascii_slug(text: str) -> str:
    """ASCII letters and digits: ``Özdemir`` -> ``ozdemir``; ``'t Hart`` -> ``thart``.

    Used for synthetic e-mail addresses and usernames.
    """
    lowered = text.lower().replace("ı", "i").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())
