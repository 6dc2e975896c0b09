"""Neutrality-topic tags (docs/taxonomy.md), each with the body sentences that triggered it.

``netralitas-asn`` drives email alerts, so it is decided first and strictly:
the article must be about an election, and several sentences (the headline
counts extra) must put a civil servant or village official next to political
neutrality or a violation, at least one of them next to neutrality itself.
One passing remark in a story about logistics or salaries does not make it;
neither does a story about police neutrality alone, since Polri is no subject
unless ASN stand beside it. Topic tags are looked for only in such articles
(an article without the umbrella tag gets no tags at all), sentence by
sentence, with the cue patterns of ``data/tag_rules.yaml``. Who counts as a
civil servant is partly the article's to say: a noun it declares one ("guru
berstatus ASN", "The teachers, all civil servants") is read as one throughout.

Indonesian morphology is handled by affix-aware patterns rather than a
stemmer: the cues are few and known, and a stemmer would cost more than the
whole stage while conflating words the rules must keep apart (laporan/
melapor, pengawas/pengawasan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from pantau.analysis.lexicon import LEXICON
from pantau.analysis.prefilter import compile_cue
from pantau.analysis.taxonomy import NEUTRALITY, TAG_IDS
from pantau.models import TagEvidence

TAGGED_LANGUAGES = frozenset({"id", "en"})  # the taxonomy is about Indonesian ASN, written of in id or en
MIN_STORY_SCORE = 3  # neutrality sentences needed; the headline (first sentence) counts 1 + HEADLINE_BONUS
HEADLINE_BONUS = 2
LEAD_BONUS = 1  # the lead (the body's first sentence) sums up the story too, after the headline
SHORT_ITEM = 3  # sentences, headline included: a brief whose one neutrality sentence is the whole story
MAX_EVIDENCE = 3
CASE_TAG = "dugaan-pelanggaran"  # specific people suspected or found: the story is about a case
# a full stop after these ends no sentence ("Kab. Bangka", "Hj. Nurlela, S.Sos., M.Si")
ABBREVIATIONS = frozenset({
    "kab", "kec", "kel", "no", "nomor", "dr", "drs", "dra", "h", "hj", "ir", "prof", "st", "sos", "si", "se",
    "sh", "mh", "mm", "m", "s", "pd", "jl", "tbk", "dll", "dsb", "bpk", "sdr", "a.md",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",  # English dates ("Feb. 14")
}) | LEXICON.name_abbreviations  # "Muhlis Abd. Kadir"

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’]?\s+(?=[\"'“‘(A-Z0-9])|\n+")
_DATELINE = re.compile(r"(?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*\.")
_LAST_WORD = re.compile(r"([\w.]+)\.[\"'”’]?$")
_QUOTE_MARK = re.compile(r"[\"“”‘’]")  # direct speech (a sentence of a quotation, or one that holds one)
_CLAUSE_START = re.compile(r"[,;:(]|\s[-–—]\s")
# "Netralitas ASN" names the topic; the ASN there is not who is being urged.
_TOPIC_BEFORE_SUBJECT = re.compile(r"(netralitas|pelanggaran|pengawasan|pembinaan)\s*$", re.IGNORECASE)
_UPPER_CASE = re.compile(r"(?<!\\)[A-Z]")  # a capital letter that is not an escape such as \W
_YEAR_AFTER = r"\W+(?:[\w-]+\W+){0,3}?((?:19|20)\d\d)\b"
# (not a law's year: "UU Nomor 10 Tahun 2016 tentang Pilkada", "UU 7/2017 tentang Pemilu")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A day's date written in the text ("Kamis, 17 Oktober 2024", "Jumat (30/8/2024)", "Nov. 5, 2024"): the year the
# story is reported in.
_MONTH = r"(?i:jan|feb|mar|apr|mei|may|jun|jul|agu|aug|sep|okt|oct|nov|des|dec)[a-z]*\.?"
_DATED_YEAR = re.compile(
    rf"\b\d{{1,2}}[ \t]*/[ \t]*\d{{1,2}}[ \t]*/[ \t]*((?:19|20)\d\d)\b|"
    rf"\b\d{{1,2}}[ \t]+{_MONTH}[ \t]+((?:19|20)\d\d)\b|\b{_MONTH}[ \t]+\d{{1,2}},[ \t]+((?:19|20)\d\d)\b")
_YEAR_BEFORE = r"(?<!tahun )(?<!/)\b((?:19|20)\d\d)\W+(?:(?!tentang\b)[\w-]+\W+){0,3}?"
# A specific village or district head ("Kepala Desa Lambandia", "Camat Tabir"), or a person named by
# initials right before the cue ("SR terbukti"): a concrete case, matched on the sentence as written.
_NAMED_SUBJECT = re.compile(r"(?i:\b(?:kepala desa|kades|lurah|camat|perbekel|kepala kampung))\s+[A-Z][a-z]{2,}"
                            r"|\b[A-Z]{2,3}\s+(?i:diduga|terbukti|dilaporkan|kedapatan)\b")


@dataclass(frozen=True)
class Rule:
    """One topic tag's cues (see the header of tag_rules.yaml for what each part means)."""

    tag: str
    any: re.Pattern[str]
    with_subject: bool
    with_context: bool
    specific: re.Pattern[str] | None
    specific_named: bool  # a named village/district head or initials also make the case specific
    unless: re.Pattern[str] | None
    also_with_subject: re.Pattern[str] | None
    in_speech: re.Pattern[str] | None  # cues that count only in a sentence with quotation marks
    alone: re.Pattern[str] | None  # cues (also in `any`) that need no civil servant in their sentence
    years: frozenset[str]  # election years the tag stands for; empty for topic tags
    year_after: re.Pattern[str] | None  # the cue followed by a year ("Pemilu 2019", "Pilkada Serentak 2024")
    year_before: re.Pattern[str] | None  # a year followed by the cue ("2020 regional elections")
    strong: re.Pattern[str] | None  # election cues that name this election alone (caleg, capres)
    acts: re.Pattern[str] | None  # cues that count when one of `actors` is named here or in the sentence before
    actors: re.Pattern[str] | None


@dataclass(frozen=True)
class Rules:
    subjects: re.Pattern[str]
    facilities: re.Pattern[str]
    neutrality: re.Pattern[str]
    violation: re.Pattern[str]
    candidacy: re.Pattern[str]
    election: re.Pattern[str]
    names: re.Pattern[str]
    neutrality_core: re.Pattern[str]
    past_after: re.Pattern[str]
    past_before: re.Pattern[str]
    either: re.Pattern[str]
    declared: re.Pattern[str]
    tags: tuple[Rule, ...]


def _pattern(source: str, subject: str) -> str:
    return re.sub(r"\s*\n\s*", "", source.strip()).replace("{subject}", subject)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The compiled rules of tag_rules.yaml, loaded once and checked against the taxonomy."""
    data = yaml.safe_load(resources.files("pantau.analysis").joinpath("data/tag_rules.yaml").read_text("utf-8"))
    subject = _pattern(data["subjects"], "")

    def compile_(source: str) -> re.Pattern[str]:
        # Lower-case patterns on lower-cased text, not IGNORECASE: Python's re runs these
        # alternations about 40% slower case-insensitively, and tags are a third of analysis time.
        pattern = _pattern(source, subject)
        if _UPPER_CASE.search(pattern):
            raise ValueError(f"tag_rules.yaml: write patterns in lower case: {pattern[:60]!r}")
        return compile_cue(pattern)

    tags = []
    for tag, spec in data["tags"].items():
        if tag not in TAG_IDS:
            raise ValueError(f"tag_rules.yaml: unknown tag {tag!r}")
        years = frozenset(str(y) for y in spec.get("years", ()))
        tags.append(Rule(
            # `alone` cues are cues like any other; only the subject test treats them apart
            tag=tag, any=compile_(f"(?:{spec['any'].strip()})|(?:{spec['alone'].strip()})" if "alone" in spec
                                  else spec["any"]),
            with_subject=bool(spec.get("with_subject")),
            with_context=bool(spec.get("with_context")),
            specific=compile_(spec["specific"]) if "specific" in spec else None,
            specific_named=bool(spec.get("specific_named")),
            unless=compile_(spec["unless"]) if "unless" in spec else None,
            also_with_subject=compile_(spec["also_with_subject"]) if "also_with_subject" in spec else None,
            in_speech=compile_(spec["in_speech"]) if "in_speech" in spec else None,
            alone=compile_(spec["alone"]) if "alone" in spec else None,
            years=years,
            year_after=compile_(spec["any"].strip() + _YEAR_AFTER) if years else None,
            year_before=compile_(_YEAR_BEFORE + spec["any"].strip()) if years else None,
            strong=compile_(spec["strong"]) if "strong" in spec else None,
            acts=compile_(spec["acts"]) if "acts" in spec else None,
            actors=compile_(spec["actors"]) if "actors" in spec else None,
        ))
    return Rules(compile_(rf"\b({subject})\b"), compile_(data["facilities"]), compile_(data["neutrality"]),
                 compile_(data["violation"]), compile_(data["candidacy"]), compile_(data["election"]),
                 compile_(data["names"]), compile_(data["neutrality_core"]), compile_(data["past_after"]),
                 compile_(data["past_before"]), compile_(data["either"]),
                 compile_(data["declared"]), tuple(tags))


def split_sentences(text: str) -> list[str]:
    """Sentences and headline lines; a full stop after an abbreviation or initial ends none."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if sentences and not sentences[-1].endswith("\n"):
            last = _LAST_WORD.search(sentences[-1])
            if (last and (last.group(1).casefold() in ABBREVIATIONS or len(last.group(1)) == 1)) or (
                    len(sentences) == 1 and _DATELINE.fullmatch(sentences[0])):
                sentences[-1] += " " + piece  # "Jakarta. The …": a dateline opens the lead, it is no sentence
                continue
        sentences.append(piece)
    return sentences


# How a declared noun reads to the rules, and nouns too vague to stand for civil servants when declared
# (besides function words and the last words of bodies, "tenaga kesehatan yang berstatus PPPK").
_DECLARED_AS = "asn"
# (A head noun and its complement make one noun: "kepala sekolah", "tenaga kesehatan"; read alone, "sekolah"
# or "kesehatan" would turn every school and health office into civil servants.)
_NOUN = r"\b((?:(?:kepala|tenaga|petugas|staf|pejabat|wakil)\s+)?[a-z]+)"
_NOUN_BEFORE = re.compile(_NOUN + r"(?:\s+(?:tersebut|itu|ini|these|those))?,?\s+(?:yang\s+)?$")
# A group whose members are declared one by one ("Dua tenaga kesehatan itu masing-masing seorang bidan
# berstatus honorer dan seorang perawat berstatus PPPK"): the group noun is declared with them.
_GROUP_BEFORE = re.compile(_NOUN + r"(?:\s+(?:tersebut|itu|ini))?,?\s+(?:masing-masing|yakni|yaitu|ialah)\s+"
                           r"(?:seorang\s+|satu\s+|sebagai\s+)?$")
# ("seorang berstatus PNS": a quantifier, not a noun)
_NOT_DECLARABLE = frozenset({"orang", "warga", "pihak", "people", "residents", "many", "most", "some", "whom",
                             "were", "seorang", "sebagian", "keduanya", "ketiganya", "lainnya"})


@dataclass
class _Sentence:
    text: str  # as in the article: the evidence shown to readers
    lowered: str  # lower-cased, as the rules' patterns are
    masked: str  # lowered, with institution and document names blanked out, for matching
    subject: bool  # names a civil servant or village official (see _addresses_subject)


def _mask(sentence: str, r: Rules, declared: re.Pattern[str] | None = None) -> _Sentence:
    lowered = sentence.lower()
    read = declared.sub(_DECLARED_AS, lowered) if declared is not None else lowered
    return _Sentence(sentence, lowered, r.names.sub(lambda m: " " * len(m.group()), read), _addresses_subject(read, r))


def _declared_subjects(text: str, r: Rules) -> re.Pattern[str] | None:
    """The nouns this article says are civil servants ("guru berstatus ASN", "The teachers, all civil servants"),
    to be read as civil servants wherever it uses them ("dua guru itu dipanggil", "the four teachers")."""
    nouns: set[str] = set()
    lowered = text.lower()
    for m in r.declared.finditer(lowered):
        before = _NOUN_BEFORE.search(lowered, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        group = _GROUP_BEFORE.search(lowered, max(0, before.start() - 60), before.start())
        for noun in (before.group(1), group.group(1) if group else ""):
            # (after a head noun, an institution word is the head's complement: "tenaga kesehatan")
            if (" " in noun or (len(noun) >= 4 and noun not in _NOT_DECLARABLE and noun not in LEXICON.non_name_words
                                and noun not in LEXICON.org_words)) and not r.subjects.fullmatch(noun):
                nouns |= {noun, noun[:-1]} if noun.endswith("s") else {noun, noun + "s"}
    if not nouns:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))})\b")


def _addresses_subject(sentence: str, r: Rules) -> bool:
    """A civil-servant/village-official mention that is not just part of a topic name ("netralitas ASN")."""
    return any(not _TOPIC_BEFORE_SUBJECT.search(sentence[:m.start()]) for m in r.subjects.finditer(sentence))


def _neutrality_evidence(sentences: list[_Sentence], r: Rules, lead: int) -> list[str]:
    """The sentences that make this a civil-servant neutrality story (empty when it is not one).

    A sentence counts when it names a civil servant or village official and it, or
    the sentence after it (which usually goes on about the same person), speaks of
    neutrality or a violation; or when it names one next to candidates or campaigns.
    A violation whose next sentence says what it was about ("Lurah X dipanggil untuk
    klarifikasi. Pemanggilan itu terkait komentarnya pada unggahan calon wali kota")
    ties the civil servant to the candidate as well.
    The headline and the lead, which say what the story is about, count extra.
    At least one sentence must tie the civil servant to neutrality or to candidates
    (a violation alone may be a corruption case), and the article must be about an
    election somewhere.

    A short item (a brief, an alert from an official site: at most ``SHORT_ITEM``
    sentences with its headline) has no room for several such sentences: one is
    enough, and one that says in so many words that civil servants must stay neutral
    needs no election named ("netralitas ASN" is the political kind by definition).
    """
    short = len(sentences) <= SHORT_ITEM
    core = short and any(r.subjects.search(s.masked) and r.neutrality_core.search(s.masked) for s in sentences)
    if not core and not any(r.election.search(s.masked) for s in sentences):
        return []
    story: list[str] = []
    score = 0
    political = False
    for i, sentence in enumerate(sentences):
        if not (r.subjects.search(sentence.masked) or r.facilities.search(sentence.masked)):
            continue
        following = sentences[i + 1].masked if i + 1 < len(sentences) else ""
        violation = bool(r.violation.search(sentence.masked))
        # neutrality on the sentence as written: a document titled after the topic ("SKB … tentang Pedoman
        # Pembinaan dan Pengawasan Netralitas Pegawai ASN") says what it is about, though its title is no monitoring
        if r.neutrality.search(sentence.lowered) or r.neutrality.search(following) \
                or r.candidacy.search(sentence.masked) or (violation and r.candidacy.search(following)):
            political = True
        elif not (violation or r.violation.search(following)):
            continue
        story.append(sentence.text)
        score += 1 + (HEADLINE_BONUS if i == 0 else LEAD_BONUS if i == lead else 0)
    needed = 1 if short else MIN_STORY_SCORE
    return story if political and score >= needed else []


def _conditional_before(rule: Rule, sentence: str, cue: re.Match[str]) -> bool:
    """Whether an `unless` word stands in the cue's clause before it ("jika ditemukan dugaan …")."""
    if rule.unless is None:
        return False
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, cue.start())]
    return bool(rule.unless.search(sentence, starts[-1] if starts else 0, cue.start()))


def _cues(rule: Rule, sentence: _Sentence, previous: _Sentence | None, r: Rules,
          speech: bool = True) -> list[re.Match[str]]:
    """The rule's cues in the sentence, less those a conditional or "past" rules out.

    An act (`acts`: "memanggil", "klarifikasi", "menangani laporan") counts when its actor is
    named in the sentence or the one before: copy names the body once ("Ketua Bawaslu X
    membenarkan …") and goes on with "pihaknya" or "kami".
    """
    text = sentence.masked
    cues = [m for m in rule.any.finditer(text) if not _conditional_before(rule, text, m)]
    if rule.also_with_subject is not None and sentence.subject:
        cues += [m for m in rule.also_with_subject.finditer(text) if not _conditional_before(rule, text, m)]
    if speech and rule.in_speech is not None and _QUOTE_MARK.search(sentence.text):
        cues += [m for m in rule.in_speech.finditer(text) if not _conditional_before(rule, text, m)]
    if rule.acts is not None and rule.actors is not None and (
            rule.actors.search(text) or (previous is not None and rule.actors.search(previous.masked))):
        cues += [m for m in rule.acts.finditer(text) if not _conditional_before(rule, text, m)]
    if rule.years:  # "pemilu sebelumnya", "the previous election", "pemilu maupun pilkada": not this election
        either = [m.span() for m in r.either.finditer(text)]
        cues = [m for m in cues
                if not (r.past_after.match(text, m.end()) or r.past_before.search(text, max(0, m.start() - 12),
                                                                                  m.start())
                        or any(a <= m.start() < b for a, b in either))]
    return cues


def _fires(rule: Rule, sentences: list[_Sentence], i: int, r: Rules, speech: bool = True) -> bool:
    """Whether the rule fires on ``sentences[i]`` (the sentence before may name the actor of an act)."""
    sentence = sentences[i]
    previous = sentences[i - 1] if i > 0 else None
    text = sentence.masked
    if not _cues(rule, sentence, previous, r, speech):
        return False
    if rule.with_subject and not sentence.subject and not (rule.alone is not None and rule.alone.search(text)):
        return False
    if rule.specific is not None and not rule.specific.search(text) \
            and not (rule.specific_named and _NAMED_SUBJECT.search(sentence.text)):
        return False
    if rule.with_context and not (r.neutrality.search(text) or r.election.search(text) or r.violation.search(text)):
        return False
    if rule.year_after is not None:
        # "Pemilu 2019" is not pemilu-2024: a year right after the cue must be one of the tag's years
        years = [m.group(m.lastindex or 0) for m in rule.year_after.finditer(text)]
        if years and not set(years) & rule.years:
            return False
    return True


def _cue_years(rule: Rule, sentences: list[_Sentence], r: Rules) -> set[str]:
    """Years written right before or after the rule's election cues ("Pemilu 2019", "2020 regional elections");
    an election called past ("pada Pemilu 2019 lalu") says nothing about the story's own."""
    found: set[str] = set()
    for s in sentences:
        if not _YEAR.search(s.masked):
            continue
        if rule.year_after is not None:
            found |= {m.group(m.lastindex or 0) for m in rule.year_after.finditer(s.masked)
                      if not r.past_after.match(s.masked, m.end())}
        if rule.year_before is not None:
            found |= {m.group(1) for m in rule.year_before.finditer(s.masked)}
    return found


def _election_tags(sentences: list[_Sentence], lead: int, r: Rules,
                   dated: frozenset[str] = frozenset()) -> list[tuple[Rule, list[str]]]:
    """The election tags of the whole article, with their evidence (see the header of tag_rules.yaml).

    ``sentences`` are the headline's and the body's; the first ``lead`` of them are headline and lead.
    ``dated``: the years of the days the text dates: in a story dated in one of a tag's years, an election
    named with an earlier year ("Pada Pilkada Garut 2018, …") is a past one and rules out nothing.
    """
    elections = [rule for rule in r.tags if rule.years]
    hits = {rule.tag: [i for i in range(len(sentences)) if _fires(rule, sentences, i, r)] for rule in elections}
    out: list[tuple[Rule, list[str]]] = []
    for rule in elections:
        found = hits[rule.tag]
        years = _cue_years(rule, sentences, r)
        if not found or (years and not years & rule.years and not dated & rule.years):
            continue
        in_lead = any(i < lead for i in found)
        other_in_lead = any(i < lead for other in elections if other is not rule for i in hits[other.tag])
        named_with_year = bool(years & rule.years)
        strong = rule.strong is None or any(rule.strong.search(sentences[i].masked) for i in found)
        # "Pemilu 2024" in a story whose lead is about the pilkada is the word for elections in general,
        # unless a cue only that election has (caleg, capres) is there too
        if in_lead or (named_with_year and (strong or not other_in_lead)) \
                or (not other_in_lead and (strong or len(found) >= 2)):
            out.append((rule, [sentences[i].text for i in found]))
    return out


def assign_tags(body: str, *, title: str | None = None, language: str) -> tuple[list[str], list[TagEvidence]]:
    """Taxonomy tags of the article and, per tag, the body sentences that triggered it.

    The headline (``title``, or the body's first line when the text carries it) weighs
    in the neutrality decision; evidence is taken from the body.
    """
    if language not in TAGGED_LANGUAGES:
        return [], []
    r = rules()
    declared = _declared_subjects(f"{title}\n{body}" if title else body, r)
    body_sentences = [_mask(s, r, declared) for s in split_sentences(body)]
    headline = [_mask(s, r, declared) for s in split_sentences(title)] if title else []
    # the lead: the body's first sentence, after the headline (its first line when no title is given)
    story = _neutrality_evidence(headline + body_sentences, r, lead=len(headline) or 1)
    story = [s for s in story if s in body] or story
    if not story:
        return [], []
    tags = [NEUTRALITY]
    evidence = [TagEvidence(NEUTRALITY, story[:MAX_EVIDENCE])]
    # In a story about a concrete case, an official quoted on what the law forbids ("Kepala desa dilarang
    # terlibat kampanye") explains the breach; only an appeal in so many words warns anyone.
    topic = [rule for rule in r.tags if not rule.years]
    case = [s.text for rule in topic if rule.tag == CASE_TAG
            for i, s in enumerate(body_sentences) if _fires(rule, body_sentences, i, r)]
    for rule in topic:
        hits = case if rule.tag == CASE_TAG else [
            s.text for i, s in enumerate(body_sentences) if _fires(rule, body_sentences, i, r, speech=not case)]
        if hits:
            tags.append(rule.tag)
            evidence.append(TagEvidence(rule.tag, hits[:MAX_EVIDENCE]))
    dated = frozenset(y for m in _DATED_YEAR.finditer(body) for y in m.groups() if y)
    for rule, hits in _election_tags(headline + body_sentences, len(headline) + 1 if headline else 2, r, dated):
        in_body = [s for s in hits if s in body] or hits
        tags.append(rule.tag)
        evidence.append(TagEvidence(rule.tag, in_body[:MAX_EVIDENCE]))
    return tags, evidence
