"""The lint rules, word lists and fields added after the review of the texts (issue 15).

One fixture per new rule (``tests/fixtures/letters/review``); every review find on the word
lists caught by its original wording; salutations, place name, Babel dates and the Arabic
number isolate as units.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fieldapp.domain.ddas import Dagdeel, Geslacht
from fieldapp.domain.letters import Audience, Language, Sender, place_of_municipality
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.people import Person
from fieldapp.letters.channels import channel_problems
from fieldapp.letters.fields import LRI, PDI, field_values, phone_for_print
from fieldapp.letters.fonts import REGULAR, ensure_fonts
from fieldapp.letters.lint import lint_paths
from fieldapp.letters.lint_phrases import MISTRANSLATIONS
from fieldapp.letters.lint_words import has_required, phrase_hits, pressure_hits, threat_hits
from fieldapp.letters.locale import format_date, format_daypart, format_letter_date
from fieldapp.letters.salutation import first_name_of, salutation
from fieldapp.letters.samples import sample_sender
from fieldapp.letters.textflow import Style, layout
from fieldapp.services.print_jobs import Organisation, load_organisation, sender_for

FIXTURES = Path(__file__).parent.parent / "fixtures" / "letters" / "review"


@pytest.mark.parametrize(
    ("fixture", "rule", "line"),
    [
        ("nee_met_druk.txt", "nee-met-druk", 26),
        ("bekende_vertaalfout.txt", "bekende-vertaalfout", 20),
        ("nederlands_woord.txt", "nederlands-woord", 20),
        ("nummer_kanaal.txt", "nummer-kanaal", 14),
        ("haakjes_rtl.txt", "haakjes-rtl", 20),
        ("aanhef_veld.txt", "aanhef-veld", 11),
        ("tafteesh.txt", "dreigend-woord", 20),
    ],
)
def test_each_new_rule_fails_its_fixture(fixture: str, rule: str, line: int) -> None:
    problems = lint_paths([FIXTURES / fixture])
    assert (rule, line) in {(p.rule, p.line) for p in problems}, problems
    if rule != "aanhef-veld":  # a salutation without {aanhef} also misses the field
        assert {p.rule for p in problems} == {rule}, problems


# The review's finds in their original wording: each must be caught again.
ORIGINAL_FINDS: list[tuple[Language, str]] = [
    (Language.NL, "U hoort verder niets meer van mij over dit bericht."),
    (Language.NL, "Met de jaren verandert er veel. Ook met papieren en rekeningen."),
    (Language.EN, "I am not coming to check up on you."),
    (Language.EN, "We heard that a bill is still open."),
    (Language.EN, "I am happy to think along with you."),
    (Language.EN, "Then put them ready. You do not have to."),
    (Language.EN, "Would you like to talk later after all?"),
    (Language.EN, "Good day!"),
    (Language.EN, "Too bad, I missed you!"),
    (Language.PL, "Dostaliśmy informację, że jeden rachunek nie jest jeszcze opłacony."),
    (Language.PL, "Nazywam się Sanne. Pracuję dla Urzędu."),
    (Language.PL, "Proszę je przygotować. Nie trzeba."),
    (Language.PL, "Mówią Państwo to, co chcą."),
    (Language.PL, "Dowiedzieliśmy się, że rachunek nie jest opłacony."),
    (Language.TR, "Adım Sanne. Belediye için çalışıyorum."),
    (Language.TR, "Sana neyin iyi geleceğine birlikte bakarız."),
    (Language.TR, "Sizinle birlikte düşünmek isterim."),
    (Language.TR, "Bu konuda benden başka bir haber almayacaksınız."),
    (Language.TR, "Beni rahatça arayabilirsiniz."),
    (Language.AR, "ربما أستطيع مساعدتكم. الحديث مجاني ودون أي التزام."),
    (Language.AR, "ما زلتم مرحَّبًا بكم"),
    (Language.AR, "زرتكم يوم الأربعاء."),
    (Language.AR, "هل لديكم رسائل أو فواتير عندكم أسئلة عنها؟"),
]


@pytest.mark.parametrize(("language", "line"), ORIGINAL_FINDS)
def test_original_wording_of_each_find_is_caught(language: Language, line: str) -> None:
    assert any(phrase_hits(line, (pattern,)) for pattern, _ in MISTRANSLATIONS[language])


def test_every_mistranslation_entry_has_a_caught_example() -> None:
    for language, entries in MISTRANSLATIONS.items():
        lines = [line for lang, line in ORIGINAL_FINDS if lang is language]
        for pattern, _ in entries:
            assert any(phrase_hits(line, (pattern,)) for line in lines), (language, pattern)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        (Language.EN, "Do you not want a visit? Just let me know."),
        (Language.PL, "Czy nie chcą Państwo wizyty?"),
        (Language.PL, "Jednak nie pasuje? Proszę napisać."),
        (Language.TR, "Yardım istemiyor musunuz? Bu da sorun değil."),
        (Language.TR, "Görüşmeyi yine de istemiyor musun?"),
        (Language.AR, "لا تريدون الحديث بعد كل شيء؟ لا بأس بذلك أيضًا."),
        (Language.NL, "Waarom wilt u geen hulp?"),
    ],
)
def test_saying_no_as_a_pressing_question_is_refused(language: Language, line: str) -> None:
    assert pressure_hits(line, language)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        (Language.EN, "If you don't need any help, that is fine too."),
        (Language.EN, "If you would rather not talk, that is fine."),
        (Language.TR, "Yardıma ihtiyacınız yoksa bu da sorun değil."),
        (Language.TR, "Ziyaret istemiyorsanız bana haber verin."),
        (Language.AR, "إذا كنتم لا تحتاجون إلى مساعدة، فلا بأس بذلك."),
        (Language.PL, "Jeśli nie chcą Państwo wizyty, proszę dać mi znać."),
    ],
)
def test_natural_ways_of_saying_no_pass(language: Language, line: str) -> None:
    assert has_required(line, "nee", language)
    assert pressure_hits(line, language) == []


def test_tafteesh_is_a_threat_word_even_with_a_clitic() -> None:
    assert threat_hits("لا آتي للتفتيش.", Language.AR) == ["للتفتيش"]
    assert threat_hits("لا آتي لأتحقق من شيء.", Language.AR) == []


@pytest.mark.parametrize(
    ("language", "line", "ok"),
    [
        (Language.NL, "Bel mij op {telefoon} of stuur een appje naar {whatsapp}.", True),
        (Language.NL, "Bel of app mij: {telefoon}.", False),
        (Language.NL, "App of bel me voor een gesprek: {whatsapp}.", False),
        (Language.NL, "Stuur een appje naar {telefoon}.", False),
        (Language.EN, "Call me on {telefoon} or WhatsApp me on {whatsapp}.", True),
        (Language.EN, "Message me or call me: {whatsapp}.", False),
        (Language.PL, "Proszę zadzwonić: {telefoon} lub napisać na WhatsAppie: {whatsapp}.", True),
        (Language.PL, "Proszę zadzwonić lub napisać: {telefoon}.", False),
        (
            Language.TR,
            "Beni {telefoon} numarasından arayın veya {whatsapp} numarasına yazın.",
            True,
        ),
        (Language.TR, "Telefon: {telefoon}", True),
        (Language.TR, "Görüşmek için beni arayın veya yazın: {telefoon}.", False),
        (Language.AR, "اتصلوا بي على {telefoon} أو راسلوني على واتساب {whatsapp}.", True),
        (Language.AR, "اتصلوا بي أو راسلوني: {telefoon}.", False),
    ],
)
def test_numbers_sit_next_to_the_verb_of_their_channel(
    language: Language, line: str, ok: bool
) -> None:
    assert (channel_problems(line, language) == []) is ok


ANNA = Person(achternaam="Dijk", voorvoegsel="van", voornaam="Anna Maria", geslacht=Geslacht.VROUW)


def test_salutation_takes_the_first_given_name_and_capitalises_a_prefix() -> None:
    assert first_name_of(ANNA) == "Anna"
    assert first_name_of(Person(achternaam="Dijk", voornaam="A.")) == ""
    assert salutation(ANNA, Language.NL, Audience.JONGEREN) == "Hoi Anna,"
    assert salutation(ANNA, Language.NL, Audience.OUDEREN) == "Beste mevrouw Van Dijk,"
    assert salutation(ANNA, Language.NL, Audience.STANDAARD) == "Beste Anna Maria van Dijk,"
    assert salutation(None, Language.EN, Audience.OUDEREN) == "Dear resident,"


def test_turkish_elderly_get_sayin_with_a_title_when_no_name_is_known() -> None:
    no_name = Person(geslacht=Geslacht.VROUW)
    assert salutation(no_name, Language.TR, Audience.OUDEREN) == "Sayın Hanımefendi,"
    unknown_sex = Person(geslacht=Geslacht.ONBEKEND)
    assert salutation(unknown_sex, Language.TR, Audience.OUDEREN) == "Sayın Hanımefendi/Beyefendi,"
    assert salutation(ANNA, Language.TR, Audience.OUDEREN).startswith("Sayın ")


def test_a_recorded_sex_of_onbekend_gives_no_title() -> None:
    person = Person(achternaam="Jansen", voornaam="Kim", geslacht=Geslacht.ONBEKEND)
    assert salutation(person, Language.NL, Audience.OUDEREN) == "Beste Kim Jansen,"
    assert salutation(person, Language.AR, Audience.OUDEREN) == "مرحبًا Kim Jansen،"


def test_fields_give_the_place_name_first_name_and_salutation() -> None:
    values = field_values(
        language=Language.PL,
        sender=sample_sender(),
        person=ANNA,
        visit_date=date(2025, 9, 15),
        dagdeel=Dagdeel.OCHTEND,
        print_date=date(2025, 9, 10),
        audience=Audience.JONGEREN,
    )
    assert values["gemeente_plaats"] == "Veldhoven-aan-Zee"
    assert values["voornaam_bewoner"] == "Anna"
    assert values["aanhef"] == "Cześć Anna,"
    assert values["datum"] == "15 września (poniedziałek)"
    assert values["dagdeel"] == "przed południem"


def test_place_name_defaults_to_the_official_name_without_gemeente(tmp_path: Path) -> None:
    assert place_of_municipality("Gemeente Veldhoven-aan-Zee") == "Veldhoven-aan-Zee"
    assert place_of_municipality("gemeente Súdwest-Fryslân") == "Súdwest-Fryslân"
    assert place_of_municipality("Veldhoven-aan-Zee") == "Veldhoven-aan-Zee"
    sender = Sender("Sanne", "Sanne de Wit", "06", "06", gemeente="Gemeente Voorbeeld")
    assert sender.place_name == "Voorbeeld"
    (tmp_path / "organisatie.toml").write_text(
        'gemeente = "Gemeente Den Haag"\ngemeente_plaats = "Den Haag"\n', "utf-8"
    )
    organisation = load_organisation(tmp_path / "veldwerk.db")
    assert organisation == Organisation("Gemeente Den Haag", "", "", "", gemeente_plaats="Den Haag")
    assert load_organisation(None).gemeente_plaats == "Veldhoven-aan-Zee"


def test_sender_for_carries_the_place_name() -> None:
    worker = WorkerInfo("w1", "sanne", "Sanne de Wit", "Sanne", "worker", "", "", "", "")
    sender = sender_for(worker, Organisation("Gemeente X", "", "", "", gemeente_plaats="X-stad"))
    assert sender.place_name == "X-stad"


@pytest.mark.parametrize(
    ("language", "visit", "letter"),
    [
        (Language.NL, "woensdag 17 september", "17 september 2025"),
        (Language.EN, "Wednesday 17 September", "17 September 2025"),
        (Language.PL, "17 września (środa)", "17 września 2025"),
        (Language.TR, "17 Eylül Çarşamba", "17 Eylül 2025"),
        (Language.AR, "الأربعاء 17 سبتمبر", "17 سبتمبر 2025"),
    ],
)
def test_dates_come_from_cldr_in_each_language(language: Language, visit: str, letter: str) -> None:
    day = date(2025, 9, 17)
    assert format_date(day, language) == visit
    assert format_letter_date(day, language) == letter
    assert all(not ch.isdigit() or ch.isascii() for ch in format_date(day, language))
    assert format_daypart(Dagdeel.AVOND, language)


def test_arabic_numbers_are_isolated_so_the_plus_stays_in_front() -> None:
    ensure_fonts()
    isolated = phone_for_print("+32 470 12 34 56", rtl=True)
    assert isolated.startswith(LRI) and isolated.endswith(PDI)
    assert phone_for_print("06 12 34 56 78", rtl=False) == "06\u00a012\u00a034\u00a056\u00a078"
    style = Style(REGULAR, 10, 12)
    (line,) = layout(f"الهاتف: {isolated}", style, 400, rtl=True)
    assert line.startswith("+32\u00a0470") and LRI not in line and PDI not in line
    (naive,) = layout(f"الهاتف: {phone_for_print('+32 470 12 34 56')}", style, 400, rtl=True)
    assert "56+" in naive  # what the isolate prevents
