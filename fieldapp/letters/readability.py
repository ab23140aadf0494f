"""Dutch readability heuristics: sentence length and Flesch-Douma.

No formula certifies B1 (research PART 2.5); this is a gate against long, heavy sentences.
Flesch-Douma = 206.835 - 0.93 * (words / sentence) - 77 * (syllables / word).
Syllables: the larger of pyphen's nl_NL hyphenation points + 1 and a count of vowel groups
(with a diaeresis starting a new syllable), because pyphen misses syllables at word edges
("over" = 1) and vowel groups miss hiatus ("mediaan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

MAX_AVERAGE_WORDS = 12.0
MAX_SENTENCE_WORDS = 20
MIN_FLESCH_DOUMA = 65.0

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_VOWEL_GROUP = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")
_DIAERESIS = re.compile(r"[äëïöü]")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=4096)
def syllables(word: str) -> int:
    lower = word.lower()
    by_pyphen = len(_dictionary().positions(lower)) + 1
    groups = _VOWEL_GROUP.findall(lower)
    by_groups = len(groups) + sum(len(_DIAERESIS.findall(g[1:])) for g in groups)
    return max(1, by_pyphen, by_groups)


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def sentences(line: str) -> list[str]:
    """A line is a paragraph; split it after . ! ? followed by a space."""
    return [s for s in _SENTENCE_END.split(line.strip()) if words(s)]


@dataclass(frozen=True, slots=True)
class Readability:
    sentence_count: int
    word_count: int
    syllable_count: int
    longest: int

    @property
    def average_words(self) -> float:
        return self.word_count / self.sentence_count if self.sentence_count else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.word_count:
            return 100.0
        return 206.835 - 0.93 * self.average_words - 77.0 * self.syllable_count / self.word_count


def measure_sentences(all_sentences: list[str]) -> Readability:
    counts = [words(s) for s in all_sentences]
    return Readability(
        sentence_count=len(counts),
        word_count=sum(len(c) for c in counts),
        syllable_count=sum(syllables(w) for c in counts for w in c),
        longest=max((len(c) for c in counts), default=0),
    )
