"""Neutrality-topic tags (spec/taxonomy.md), each with the sentences that triggered it.

``netralitas-asn`` drives email alerts, so it is decided first and strictly:
the article must talk about civil servants or village officials *and* their
political neutrality in several sentences (or in the headline), not in one
passing remark. Topic tags are only looked for in such articles, sentence by
sentence, with the cue patterns of ``data/tag_rules.yaml``. The evidence
sentences are stored with the tags so a reader can see why an article was
tagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from pantau.analysis.taxonomy import NEUTRALITY, TAG_IDS
from pantau.models import TagEvidence

TAGGED_LANGUAGES = frozenset({"id", "en"})  # the taxonomy is about Indonesian ASN, written of in id or en
# A neutrality story has at least this many sentences where a civil servant or village official
# stands next to neutrality, the election or a violation (the headline counts extra).
MIN_STORY_SCORE = 3
HEADLINE_BONUS = 2
MAX_EVIDENCE = 3
ELECTION_YEARS = {"pemilu-2024": ("2024",), "pilkada-2024": ("2024", "2025")}

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])|\n+")
_YEAR = re.compile(r"\b20[0-3]\d\b")
# "Netralitas ASN" names the topic; the ASN there is not who is being urged.
_TOPIC_BEFORE_SUBJECT = re.compile(r"(netralitas|pelanggaran|pengawasan|pembinaan)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    tag: str
    any: re.Pattern[str]
    with_subject: bool
    specific: re.Pattern[str] | None
    unless: re.Pattern[str] | None


@dataclass(frozen=True)
class Rules:
    subjects: re.Pattern[str]
    neutrality: re.Pattern[str]
    election: re.Pattern[str]
    violation: re.Pattern[str]
    institutions: re.Pattern[str]
    tags: tuple[Rule, ...]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\s*\n\s*", "", pattern.strip()), re.IGNORECASE)


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = yaml.safe_load(resources.files("pantau.analysis").joinpath("data/tag_rules.yaml").read_text("utf-8"))
    tags = []
    for tag, spec in data["tags"].items():
        if tag not in TAG_IDS:
            raise ValueError(f"tag_rules.yaml: unknown tag {tag!r}")
        tags.append(Rule(
            tag=tag, any=_compile(spec["any"]), with_subject=bool(spec.get("with_subject")),
            specific=_compile(spec["specific"]) if "specific" in spec else None,
            unless=_compile(spec["unless"]) if "unless" in spec else None,
        ))
    return Rules(_compile(data["subjects"]), _compile(data["neutrality"]), _compile(data["election"]),
                 _compile(data["violation"]), _compile(data["institutions"]), tuple(tags))


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _addresses_subject(sentence: str, r: Rules) -> bool:
    """A civil-servant/village-official mention that is not just part of a topic name ("netralitas ASN")."""
    return any(not _TOPIC_BEFORE_SUBJECT.search(sentence[:m.start()]) for m in r.subjects.finditer(sentence))


def _is_neutrality_story(sentences: list[str], r: Rules) -> list[str]:
    """The sentences that make this a civil-servant neutrality story (empty when it is not one).

    A sentence counts when it names a civil servant or village official and it, or the
    sentence after it (which usually goes on about the same person), speaks of neutrality
    or the election, or it speaks of a violation. One passing remark is not enough, and
    the article must be about an election somewhere.
    """
    if not any(r.election.search(s) for s in sentences):
        return []
    story: list[str] = []
    score = 0
    for i, sentence in enumerate(sentences):
        if not r.subjects.search(sentence):
            continue
        window = sentence + " " + (sentences[i + 1] if i + 1 < len(sentences) else "")
        if r.neutrality.search(window) or r.election.search(window) or r.violation.search(sentence):
            story.append(sentence)
            score += 1 + (HEADLINE_BONUS if i == 0 else 0)
    return story if score >= MIN_STORY_SCORE else []


def _election_year_fits(tag: str, text: str) -> bool:
    """A "Pemilu 2019" story is not pemilu-2024: a year named must be one of the tag's years."""
    years = set(_YEAR.findall(text))
    return not years or bool(years & set(ELECTION_YEARS[tag]))


def assign_tags(body: str, *, title: str | None = None, language: str) -> tuple[list[str], list[TagEvidence]]:
    """Taxonomy tags of the article and, per tag, the sentences that triggered it."""
    if language not in TAGGED_LANGUAGES:
        return [], []
    r = rules()
    text = r.institutions.sub(" ", f"{title}\n{body}" if title else body)
    sentences = split_sentences(text)
    story = _is_neutrality_story(sentences, r)
    if not story:
        return [], []
    tags = [NEUTRALITY]
    evidence = [TagEvidence(NEUTRALITY, story[:MAX_EVIDENCE])]
    for rule in r.tags:
        if rule.tag in ELECTION_YEARS and not _election_year_fits(rule.tag, text):
            continue
        hits = [
            s for s in sentences
            if rule.any.search(s)
            and (not rule.with_subject or _addresses_subject(s, r))
            and (rule.specific is None or rule.specific.search(s))
            and (rule.unless is None or not rule.unless.search(s))
        ]
        if hits:
            tags.append(rule.tag)
            evidence.append(TagEvidence(rule.tag, hits[:MAX_EVIDENCE]))
    return tags, evidence
