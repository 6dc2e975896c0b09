"""Who said each quotation: explicit attributions first, then the person the narrative is about.

The design, in the order the evidence is weighed:

1. **Explicit attribution** of the quote itself, strongest first: the clause
   right after the closing mark ("…," kata Rudi / katanya / Rudi menambahkan /
   said X / X said / he said), the clause that introduces it ("Menurut Rudi,
   "…" / Ia berkata: "…" / According to X, "…"), or a closing sentence right
   after it ("Hal itu disampaikan Ketua KPU Rudi."). An institution, document
   or unnamed person there ("tulis Bawaslu", "demikian bunyi surat itu",
   "kata seorang warga") speaks for nobody, unless the phrase names its person
   ("ujar Tim Hukum X, Andi Raihand", "bunyi surat Bupati Inhu, Yopi Arianto").
2. **One speech, one speaker**: quotes that follow one another with nothing
   between them, or a quote that goes on into the next paragraph, share the
   attribution one of them has.
3. **The current speaker** for a pronoun, a clitic ("katanya") or a quote with
   no attribution: the person the narrative is about at that point. It is kept
   as a running state over the body, updated by evidence in body order:
   a speech act (a quote attributed to someone, "Rudi mengatakan",
   "menurut Rudi", "dikatakan Rudi") always sets it; so does a sentence that
   opens with a person who acts ("Hasrul memastikan …") or with an unnamed
   person ("Seorang warga … menyambut baik"), whose quotes then stay unattributed.
   A person who merely opens a sentence sets it only when nobody has been set;
   one who is acted upon ("Abdul Gofur dimintai keterangan") never does.
   So a speaker introduced in an earlier paragraph ("Menurut Kapolda X, …")
   carries over to the quotes that follow.
4. **Nobody set yet**: the person named last before the quote, in its paragraph
   or the one before ("… memanggil Lurah X … akun tersebut menulis "…"").
   Measured over the seven gold sets before held-out set 4's errors were read,
   the running state of point 3 was right for 282 of 287 pronoun/clitic quotes
   (51 of 56 on that blind set), the nearest named person for 259 (49), the
   article's most-mentioned official for 177 (20), null for 12 (1); so the
   nearest person is only the fallback for a state nothing has set (3 quotes).

References become persons through :class:`pantau.analysis.people.People`
(first name, surname, truncation, typo, initials, a role alone).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pantau.analysis.lexicon import LEXICON, alternation, fold
from pantau.analysis.mentions import (
    Mention,
    dateline_end,
    degrees_before,
    find_mentions,
    find_unnamed,
    is_honorific,
    is_institution,
    is_name_word,
    is_place_name,
    is_role_word,
    name_at,
    name_key,
    role_at,
    split_pairs,
)
from pantau.analysis.people import People, Person
from pantau.analysis.spans import Span

__all__ = ["Article", "Who", "attribute"]

_SHORT = alternation(LEXICON.verbs_short)
_LONG = alternation(LEXICON.verbs_long)
_PASSIVE = alternation(LEXICON.verbs_passive)
_PRONOUN = alternation(LEXICON.pronouns)
_ANAPHOR = alternation(LEXICON.anaphors)
_PREPOSITION = alternation(LEXICON.speaker_prepositions)
_GAP = r"[ \t]+"  # a paragraph is one line: attributions never cross a line break
_LEAD = r"^[ \t,.;:–—-]*"
# Adverbs between a subject and its verb: "Rudi juga mengatakan", "Sumarno kemudian menginstruksikan".
_ADVERBS = alternation(LEXICON.adverbs)
_ADVERB = rf"(?:(?:{_ADVERBS}){_GAP}){{0,2}}"

# "…," katanya / ujarnya / tegasnya
_AFTER_CLITIC = re.compile(rf"{_LEAD}(?:lanjut{_GAP})?(?:{_SHORT})nya\b", re.IGNORECASE)
# "…," lanjutnya / tambahnya: the speaker goes on
_GOES_ON = re.compile(rf"{_LEAD}(?:{alternation(LEXICON.continuing_roots)})nya\b", re.IGNORECASE)
# "…," kata Rudi / ujar Ketua KPU … / kata dia lagi / disampaikan oleh … / said Rudi
_AFTER_VERB = re.compile(
    rf"{_LEAD}(?:(?:demikian|begitu){_GAP})?(?:{_SHORT}|{_LONG}|{_PASSIVE})(?:{_GAP}(?:oleh|by))?{_GAP}",
    re.IGNORECASE)
# Subject then verb: "…," Rudi menambahkan. / Ia berkata, "…" / Heru told reporters
_VERB_AHEAD = re.compile(rf"[ \t]*,?[ \t]*{_ADVERB}(?:{_LONG}|{_SHORT})\b", re.IGNORECASE)
# The agent a short verb takes after it ("Camat, kata dia, merupakan …"): the mention before such a verb is
# the subject of the reported clause, not its speaker.
_SHORT_VERB_AND_AGENT = re.compile(rf"[ \t]*,?[ \t]*(?:{_SHORT})[ \t]+(?:(?:{_PRONOUN})\b|(?-i:[A-Z]))",
                                   re.IGNORECASE)
# A speech verb or "menurut"/"according to" right before a mention, whose speaker it names ("according to the
# Lahat Bawaslu chairman, NAME").
_AGENT_BEFORE = re.compile(rf"(?:{_PREPOSITION}|{_SHORT}|{_PASSIVE})(?:{_GAP}(?:oleh|by))?{_GAP}"
                           rf"(?:(?:the|a|an){_GAP})?$", re.IGNORECASE)
# (a place or a relative clause may qualify the phrase first: "seorang warga Sagulung, Robert (45), …",
# "Seorang pasien yang ditemui di puskesmas itu, Sumarni (45), mengaku …")
_APPOSED = re.compile(r"(?:[ \t]+[A-Z][\w-]*){0,3}(?:[ \t]+yang[ \t]+[^,.;:!?\"“”\n]{1,60})?,[ \t]*")
_AGE = re.compile(r"[ \t]*\(\d{1,3}(?:[ \t]*(?:tahun|th))?\)")
# A description apposed after the name and set off by commas ("Yuliana (27), tenaga honorer di Distrik X, mengaku")
_DESCRIPTION = re.compile(r"[ \t]*,[ \t]+[a-z][^,.;:!?\"“”\n]{0,60}(?=,)")
_ARTICLE = re.compile(r"(?:the|a|an)[ \t]+")
_TITLE_WORD = re.compile(r"([A-Z][A-Za-z]{0,4}\.?)[ \t]+(?=[A-Z])")
_PRONOUN_AT = re.compile(rf"(?:{_PRONOUN}|{_ANAPHOR})\b", re.IGNORECASE)
# Before an opening mark: the last speech verb or "menurut" of the sentence.
_BEFORE_VERB = re.compile(rf"(?<!\w)(?:{_PREPOSITION}|{_SHORT}|{_LONG}|{_PASSIVE})(?:{_GAP}(?:oleh|by))?(?!\w)",
                          re.IGNORECASE)
# A sentence that closes a quote by naming who said it: "Hal itu disampaikan Ketua KPU Rudi."
_CLOSING_SENTENCE = re.compile(
    rf"(?:(?:hal|pernyataan|penegasan|imbauan|keterangan)[ \t]+(?:itu|ini|tersebut)|demikian|begitu|"
    rf"that|this)[ \t]+(?:(?:juga|pun|was|is)[ \t]+)?(?:{_PASSIVE}|said|conveyed|stated|expressed)"
    rf"(?:[ \t]+(?:oleh|by))?[ \t]+",
    re.IGNORECASE)
_LONG_VERBS = frozenset(LEXICON.verbs_long)
_AGENT_VERBS = frozenset(LEXICON.verbs_short) | set(LEXICON.verbs_passive) | {
    p for p in LEXICON.speaker_prepositions if " " not in p}
_SUBJECT_BEFORE = re.compile(rf"((?:[A-Z][\w'’.-]*{_GAP}){{0,3}}[A-Z][\w'’-]*)[ \t]*,?[ \t]*{_ADVERB}$")
_AGENT_GAP = re.compile(rf"{_GAP}(?:(?:oleh|by|to){_GAP})?(?=[A-Z])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘A-Z])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Za-z]|[A-Z][a-z]{1,3}|(?:[A-Za-z]\.)+[A-Za-z]{1,3})$")
# A verb that shows its subject acting (Indonesian active prefixes; speech verbs count too).
# (English: a verb in the past tense, "X, head of Y, rejected suggestions …")
_ACTIVE_VERB = re.compile(r"(?:me|be|mem|men|meng|meny|ber)[a-z]{2,}\b|[a-z]{3,}ed\b|(?:" + _LONG + r")\b",
                          re.IGNORECASE)
_PASSIVE_VERB = re.compile(r"(?:di[a-z]{3,}|ter[a-z]{3,}|was|were|is|are|has been)\b")
# A phrase fronted before the subject, closed by a comma: "Pada segmen penanganan banjir, calon … berjanji".
# (It opens with a preposition or connective, "atas"/"soal", or a verb: "Menanggapi laporan itu,",
# "Berdasarkan data Bawaslu,", "Ditemui usai apel,".)
_FRONTED_PHRASE = re.compile(
    rf"[ \t]*(?:(?i:{alternation(LEXICON.prepositions | LEXICON.connectives | {'atas', 'soal', 'akibat'})})"
    rf"|(?i:me|mem|men|meng|meny|ber|di|ter)[a-z]{{3,}})[ \t]+[^,.;:!?\"“”]{{1,60}},[ \t]*")
_REPORTING_OPENER = re.compile(rf"[ \t]*(?:{_PREPOSITION}|{_SHORT}|{_PASSIVE})\b", re.IGNORECASE)
# A clause between a subject and its verb, relative or of time: "Rudi yang dikonfirmasi terpisah mengaku …",
# "Budi Santoso, saat dikonfirmasi wartawan, mengaku …", "Rudi saat dihubungi, Selasa (13/2), menjelaskan …",
# or of manner: "Pj Bupati X, NAME, dalam sambutannya menyampaikan …".
_RELATIVE_CLAUSE = re.compile(
    r"[ \t]*,?[ \t]*(?:yang|saat|ketika|sewaktu|usai|seusai|tatkala|dalam)[ \t]+[^\s.]+(?:[ \t]+[^\s.]+){0,6}?"
    rf"[ \t]*,?[ \t]+(?=(?:me|mem|men|meng|meny|ber)[a-z]{{2,}}\b|(?:{_LONG})\b)")
_RELATIVE_BEFORE = re.compile(rf",[ \t]*yang{_GAP}{_ADVERB}$")
# A relative clause whose verb is one of speech: "Salah satunya, NAME, yang mengaku datang …" speaks.
_SPEAKING_RELATIVE = re.compile(rf"[ \t]*,?[ \t]*yang{_GAP}{_ADVERB}(?:{_LONG})\b", re.IGNORECASE)
_ACCOMPANIED = alternation(LEXICON.accompaniment_words)
_COMPANION_BEFORE = re.compile(rf"(?<!\w)(?:{_ACCOMPANIED})[ \t]+$", re.IGNORECASE)
_COMPANION_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:{_ACCOMPANIED})[ \t]+", re.IGNORECASE)
_FORMER = re.compile(rf"(?:{alternation(LEXICON.former_words)})[ \t]+(?:(?:the|a|an)[ \t]+)?", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"[ \t]+(?:itu|tersebut|ini)\b")
# A description apposed between a subject and its verb ("Nadia, a researcher at X (Perludem), said …",
# "Nadia, seorang peneliti di X, mengatakan …"): the subject stands before it.
_APPOSITION_BEFORE_VERB = re.compile(
    r",[ \t]+(?:a|an|the|seorang)[ \t]+[^,.;:!?\"“”\n]{1,80},[ \t]*$", re.IGNORECASE)
_ADVERBS_BEFORE = re.compile(rf"[ \t]+(?:(?:{_ADVERBS})[ \t]+){{1,2}}$", re.IGNORECASE)
_SKIPPED_BEFORE_VERB = re.compile(rf"[ \t]*,?[ \t]*(?:(?:{_ADVERBS})[ \t]+)*", re.IGNORECASE)


# A person the article names only by initials ("seorang camat berinisial HS"): a speaker, never an official.
_INITIALS_INTRODUCED = re.compile(
    rf"(?<!\w)(?:{alternation(LEXICON.initials_introducers)})[ \t]+((?-i:[A-Z]{{2,4}}))\b", re.IGNORECASE)
_ALL_CAPS = re.compile(r"[A-Z]{2,4}")
_SUSPECT = re.compile(rf"\b(?:{alternation(LEXICON.suspect_words)})\b", re.IGNORECASE)


class Who(Enum):
    PRONOUN = "pronoun"  # ia, dia, -nya, he: the current speaker
    GOES_ON = "goes on"  # lanjutnya, tambahnya: the speaker of the quote before
    NOBODY = "nobody"  # an institution, a document, an unnamed person


Attribution = Mention | Who | None


@dataclass(frozen=True)
class _Event:
    """Evidence, at a body offset, of who the narrative is about (see the module docstring)."""

    pos: int
    who: Person | Who
    strong: bool  # a speech act or an acting subject; a weak one only fills an empty state


def _line_bounds(body: str, pos: int) -> tuple[int, int]:
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    return start, end if end >= 0 else len(body)


def sentence_starts(body: str) -> list[int]:
    """Offsets where the sentences of the body start (every paragraph starts one, and the lead after a dateline:
    "Tilamuta, Habar Gorontalo – Sekda X mengumpulkan …" opens with the person who acts)."""
    out: list[int] = []
    lead = dateline_end(body)
    for line in re.finditer(r"[^\n]+", body):
        out.append(line.start())
        if lead is not None and line.start() == 0:
            out.append(lead)
        for m in _SENTENCE_END.finditer(body, line.start(), line.end()):
            if not _ABBREVIATION.search(body, max(line.start(), m.start() - 12), m.start()):
                out.append(m.end())
    return out


def _with_initials(mentions: list[Mention], body: str) -> list[Mention]:
    """A role followed by the initials of someone the article introduced by them ("Kades FH" after "Kades
    berinisial FH") names that person: the initials are the name, not the end of the role."""
    known = {m.group(1) for m in _INITIALS_INTRODUCED.finditer(body)}
    for m in mentions:
        if m.name is None and m.role and " " in m.role:
            role, last = m.role.rsplit(" ", 1)
            if last in known:
                m.role, m.name = role, last
    return mentions


class Article:
    """One body with its mentions, people and evidence events, answering 'who is at this offset?'."""

    def __init__(self, body: str, spans: list[Span]) -> None:
        self.body = body
        self.inside = sorted((sp.text_start, sp.text_end) for sp in spans)
        self._inside_starts = [s for s, _ in self.inside]
        self.sentences = sentence_starts(body)
        self.role_mentions = _with_initials(find_mentions(body), body)
        self.by_start = {m.start: m for m in self.role_mentions}
        covered = [(m.start, m.end) for m in self.role_mentions]
        self.named = [m for m in self.role_mentions if m.name] + [
            m for m in self._bare_names() if not any(s <= m.start < e for s, e in covered)] + [
            Mention(m.start(1), m.end(1), m.group(1), None) for m in _INITIALS_INTRODUCED.finditer(body)]
        unnamed = [(s, e) for s, e in find_unnamed(body) if not self.in_quote(s)]
        # "Seorang warga, Budi (45), mengaku …": an unnamed phrase with a name in apposition is that person
        named_after = {(s, e): self._apposed_name(s, e) for s, e in unnamed}
        self.named += [m for m in named_after.values() if m is not None]
        self.named = split_pairs(body, self.named)
        self.people = People(self.named)
        self.unnamed = [span for span, m in named_after.items() if m is None]
        self._starting: dict[int, Mention] = {}
        self.events = self._events()

    def _apposed_name(self, start: int, end: int) -> Mention | None:
        """The name right after an unnamed phrase, set off by a comma ("Seorang warga, Budi (45), …"), as a mention
        spanning the phrase, an age in parentheses and a description between commas, so the verb after it
        follows the mention."""
        comma = _APPOSED.match(self.body, end)
        found = name_at(self.body, comma.end()) if comma else None
        if found is None or found.name is None:
            return None
        age = _AGE.match(self.body, found.end)
        end = age.end() if age else found.end
        described = _DESCRIPTION.match(self.body, end)
        return Mention(start, described.end() if described else end, found.name, None)

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._inside_starts, pos) - 1
        return i >= 0 and pos < self.inside[i][1]

    def sentence_start(self, pos: int, floor: int) -> int:
        """Offset where the sentence holding ``pos`` starts (not before ``floor``); "Dr." or "S.H." ends none."""
        i = bisect_right(self.sentences, pos) - 1
        return max(floor, self.sentences[i]) if i >= 0 else floor

    def _bare_names(self) -> list[Mention]:
        """Names without a role: subjects ("Isnan mengatakan", "Menurut Iqbal", "kata Rudi") and people
        introduced by name ("seorang warga bernama Imam Mahfud"), whose short forms resolve to them."""
        out: list[Mention] = []
        for word in _WORD.finditer(self.body):
            w = word.group(0)
            if w in _LONG_VERBS:
                found = self._subject_before(word.start())
                relative = _RELATIVE_BEFORE.search(self.body, max(0, word.start() - 20), word.start())
                if found is None and relative:
                    found = self._subject_before(relative.start())  # "Salah satunya, NAME, yang mengaku …"
            elif (w.lower() in _AGENT_VERBS or w.lower() == "according" or w.lower() in LEXICON.name_introducers) \
                    and (gap := _AGENT_GAP.match(self.body, word.end())):
                found = name_at(self.body, gap.end())
            else:
                continue
            if found:
                out.append(found)
        return out

    def _subject_before(self, verb_at: int) -> Mention | None:
        """The name right before a verb (degrees between them skipped), unless it ends an institution
        ("Pemerintah Provinsi Bengkulu") or names a place or the agent of a passive."""
        adverbs = _ADVERBS_BEFORE.search(self.body, max(0, verb_at - 40), verb_at)
        at = adverbs.start() if adverbs else verb_at
        end = degrees_before(self.body, at)  # "Marthen Wetipo, S.H., (juga) mengatakan"
        end = end if end < at else verb_at
        apposed = _APPOSITION_BEFORE_VERB.search(self.body, max(0, end - 100), end)
        if apposed:
            end = apposed.start()
        m = _SUBJECT_BEFORE.search(self.body, max(0, end - 80), end)
        if not m or "\n" in m.group(0):
            return None
        words = m.group(1).split()
        k = len(words)
        while k > 0 and is_name_word(words[k - 1], inside=k > 1 and is_name_word(words[k - 2])):
            k -= 1
        if 0 < k < len(words) and fold(f"{words[k - 1]} {words[k]}") in LEXICON.honorifics:
            k += 1  # "Datuk Seri Amirudin"
        run = words[k:]
        # the end of a role or a body ("mantan Sekda Paser menyinggung", "Pemerintah Provinsi Bengkulu") or a
        # place alone names nobody
        if not any(re.match(r"^[A-Z][a-z]", w) for w in run) or (k > 0 and is_role_word(words[k - 1].rstrip(".,"))) \
                or is_place_name(run):
            return None
        lead = self.body[max(0, m.start(1) - 30):m.start(1)].split() if k == 0 else []
        if lead and (lead[-1] in LEXICON.prepositions or (
                len(lead) > 1 and lead[-2] == "yang" and _PASSIVE_VERB.fullmatch(lead[-1]))):
            return None  # "honorer di Moyo Hilir mengatakan", "kades yang dikonfirmasi Lombok Post mengaku"
        start = m.end(1) - len(" ".join(run))
        # the mention takes in its degrees, as a role mention does, so the verb follows right after it
        stop = len(self.body[:at].rstrip(" \t,")) if end < verb_at else m.end(1)
        return Mention(start, stop, " ".join(run), None)

    def last_named(self, pos: int) -> Person | None:
        """The person named last before ``pos`` (outside quotations), in its paragraph or the one before."""
        line_start, _ = _line_bounds(self.body, pos)
        floor = _line_bounds(self.body, max(0, line_start - 2))[0] if line_start else 0
        before = [m for m in self.named if floor <= m.start < pos and not self.in_quote(m.start)]
        return self.person(max(before, key=lambda m: m.start)) if before else None

    def past_companion(self, end: int) -> int:
        """Where a subject's verb may start when a companion follows the subject ("X, accompanied by Y, said",
        "X didampingi Y menjelaskan"): after the companion's mention; else ``end``."""
        companion = _COMPANION_AFTER.match(self.body, end)
        if companion is None:
            return end
        pos = companion.end()
        article = _ARTICLE.match(self.body, pos)
        found = self._starting.get(pos) or (self._starting.get(article.end()) if article else None) \
            or name_at(self.body, pos)
        if found is None and article is None:
            # "accompanied by member Rina": a lower-case role word before the name
            role_word = re.match(r"[a-z]+[ \t]+", self.body[pos:pos + 30])
            found = name_at(self.body, pos + role_word.end()) if role_word else None
        return found.end if found else end

    def who_at(self, pos: int) -> Attribution:
        """The person phrase starting at ``pos`` (after spaces): a mention, a pronoun, nobody, or None."""
        while pos < len(self.body) and self.body[pos] in " \t":
            pos += 1
        if _PRONOUN_AT.match(self.body, pos):
            return Who.PRONOUN
        article = _ARTICLE.match(self.body, pos)
        if article and article.end() in self.by_start:
            pos = article.end()  # "said the Lahat regent, Cik Ujang": the role mention starts after "the"
        if pos in self.by_start:
            found_role = self.by_start[pos]
            if found_role.name is None and self.person(found_role) is None \
                    and _DEMONSTRATIVE.match(self.body, found_role.end):
                return Who.PRONOUN  # "kata Kapolres itu", no Kapolres named: the one the story is about
            return found_role
        former = _FORMER.match(self.body, pos)
        described = role_at(self.body, former.end()) if former else None
        if described:
            # "kata mantan Kabag Umum Setda X itu": an office no longer held describes the current speaker,
            # unless it names someone ("ujar mantan Sekda Paser, Rudi")
            return Mention(pos, described.end, described.name, None) if described.name else Who.PRONOUN
        words = _WORD.findall(self.body, pos, min(len(self.body), pos + 60))
        if words and re.fullmatch(r"[A-Z]{2,5}", words[0]):
            person = self.people.resolve(words[0], pos)  # "said ASB": initials of someone named
            if person:
                return Mention(pos, pos + len(words[0]), person.name, None)
        found = name_at(self.body, pos)
        if found:
            return found
        if any(s == pos for s, _ in self.unnamed):
            return Who.NOBODY
        if words and is_institution(words[:1]):
            return self._named_in_phrase(pos) or Who.NOBODY
        return None

    def _named_in_phrase(self, pos: int) -> Mention | None:
        """The person an institution or document phrase names ("Tim Hukum X, Andi Raihand", "surat Bupati Y")."""
        end = re.compile(r"[.;:!?](?:\s|$)|\n|[\"“”]").search(self.body, pos)
        limit = min(end.start() if end else len(self.body), pos + 90)
        for m in self.role_mentions:
            if pos <= m.start < limit and m.name:
                return m
        comma = self.body.find(",", pos, limit)
        if comma >= 0:
            found = name_at(self.body, comma + 1 + (len(self.body[comma + 1:]) - len(self.body[comma + 1:].lstrip())))
            if found:
                return found
        return None

    def person(self, mention: Mention) -> Person | None:
        """The person a mention refers to: by name (new if unseen), or by a title alone ("sekda")."""
        if mention.name:
            return self.people.resolve(mention.name, mention.start) or self.people.add(mention)
        if any(s <= mention.start < e for s, e in self.unnamed):
            return None  # "salah seorang kades": some village head, not the one named before
        return self.people.resolve_role(mention.role or "", mention.start)

    def _sentence_subjects(self) -> list[Mention]:
        """Short names or initials that open a sentence ("Hasrul memastikan …", "HS membantah …") for persons
        already named in full or introduced by their initials.

        Only persons known from a full mention or a speech act count: a capitalised word at a
        sentence start is as often a common noun ("Acara itu …") as a name.
        """
        out: list[Mention] = []
        covered = {m.start for m in self.named} | set(self.by_start)
        known = {w for p in self.people.persons for w in name_key(p.name)}
        for start in self.sentences:
            if self.in_quote(start):
                continue
            for word in _WORD.finditer(self.body, start, min(len(self.body), start + 80)):
                if fold(word.group(0)) not in LEXICON.connectives:
                    break
            else:
                continue
            if word.start() in covered or fold(word.group(0)) not in known:
                continue
            found = name_at(self.body, word.start()) or self._initials_at(word)
            if found and found.name and self.people.resolve(found.name, found.start):
                out.append(found)
        return out

    def _initials_at(self, word: re.Match[str]) -> Mention | None:
        """Initials of a person the article knows only by them ("HS membantah …" after "berinisial HS")."""
        w = word.group(0)
        if _ALL_CAPS.fullmatch(w) and any(p.name == w for p in self.people.persons):
            return Mention(word.start(), word.end(), w, None)
        return None

    def _events(self) -> list[_Event]:
        """Speech acts and sentence subjects in body order (mentions inside quotations say nothing)."""
        events: list[_Event] = []
        body = self.body
        mentions = self.named + [m for m in self.role_mentions if not m.name] + self._sentence_subjects()
        self._starting = {m.start: m for m in mentions}
        for m in sorted(mentions, key=lambda x: x.start):
            if self.in_quote(m.start):
                continue
            line_start, _ = _line_bounds(body, m.start)
            sentence = self.sentence_start(m.start, line_start)
            before = body[sentence:m.start]
            if _COMPANION_BEFORE.search(before):
                continue  # "… didampingi Kordiv X, NAME menjelaskan": NAME accompanies the one who explains
            person = self.person(m)
            speech = bool(_VERB_AHEAD.match(body, m.end) and not _SHORT_VERB_AND_AGENT.match(body, m.end)) or bool(
                _AGENT_BEFORE.search(before))
            # (a fronted "Menurut Adi," reports Adi's words: the person after it is talked about)
            opens = all(fold(w) in LEXICON.connectives for w in _WORD.findall(before)) or bool(
                _FRONTED_PHRASE.fullmatch(before) and not _REPORTING_OPENER.match(before))
            # "Tuhumury yang dikonfirmasi Siwalima membantah …": the verb of a sentence's subject comes after
            # its relative clause (one acted upon inside a sentence, "melaporkan Camat X yang diduga
            # menyampaikan …", is no subject)
            relative = _RELATIVE_CLAUSE.match(body, m.end) if opens else None
            end = relative.end() if relative else m.end
            if opens:
                end = self.past_companion(end)  # the subject's verb follows its companion
            speech = speech or bool(relative and _VERB_AHEAD.match(body, end)) or bool(
                _SPEAKING_RELATIVE.match(body, m.end))
            verb_at = _SKIPPED_BEFORE_VERB.match(body, end)
            after = verb_at.end() if verb_at else end
            if person is None:
                if m.name is None and speech and opens:
                    events.append(_Event(m.start, Who.NOBODY, True))  # "Kapolres mengatakan", no Kapolres named
                continue
            if speech:
                events.append(_Event(m.start, person, True))
            elif opens and m.name and not _PASSIVE_VERB.match(body, after):
                events.append(_Event(m.start, person, bool(_ACTIVE_VERB.match(body, after))))
        for start, end in self.unnamed:
            # "Seorang warga … menyambut baik", "pengakuan seorang warga": an unnamed person who opens
            # the sentence or whose words it reports, in a sentence that names nobody
            line_start, line_end = _line_bounds(body, start)
            sentence = self.sentence_start(start, line_start)
            nxt = _SENTENCE_END.search(body, start, line_end)
            sentence_end = nxt.start() if nxt else line_end
            words_before = _WORD.findall(body, sentence, start)
            reported = bool(words_before) and fold(words_before[-1]) in LEXICON.reporting_words
            # a suspect ("Seorang ASN berinisial AB diduga …") is talked about, not talking
            # unless a speech verb follows the phrase and its clauses ("Salah seorang honorer yang dilaporkan, saat
            # dikonfirmasi, mengaku …")
            clause = _RELATIVE_CLAUSE.match(body, end)
            speaks = bool(_VERB_AHEAD.match(body, clause.end() if clause else end)
                          and not _SHORT_VERB_AND_AGENT.match(body, clause.end() if clause else end))
            suspect = bool(_SUSPECT.search(body, start, sentence_end)) and not speaks
            opens = all(fold(w) in LEXICON.connectives for w in words_before) and not suspect
            if (reported or opens) and not any(sentence <= m.start < sentence_end for m in self.named):
                events.append(_Event(start, Who.NOBODY, True))
        events.sort(key=lambda e: e.pos)
        return events


@dataclass
class _Topic:
    """The running "current speaker" over the body (see the module docstring, point 3)."""

    events: list[_Event]
    current: Person | Who | None = None
    index: int = 0

    def at(self, pos: int) -> Person | Who | None:
        while self.index < len(self.events) and self.events[self.index].pos < pos:
            self.note(self.events[self.index])
            self.index += 1
        return self.current

    def note(self, event: _Event) -> None:
        if event.strong or self.current is None:
            self.current = event.who


def _after_attribution(art: Article, span: Span) -> Attribution:
    """Attribution right after the closing mark: "…," katanya / kata Rudi / Rudi menambahkan / he said."""
    _, line_end = _line_bounds(art.body, span.close_at)
    if span.close_at >= line_end:
        return None
    rest = art.body[span.close_at:line_end]
    if _AFTER_CLITIC.match(rest):
        return Who.GOES_ON if _GOES_ON.match(rest) else Who.PRONOUN
    verb = _AFTER_VERB.match(rest)
    if verb:
        who = art.who_at(span.close_at + verb.end())
        return who if who is not None else Who.NOBODY
    lead = re.match(_LEAD, rest)
    pos = span.close_at + (lead.end() if lead else 0)
    who = art.who_at(pos)
    while not (isinstance(who, Mention) and _VERB_AHEAD.match(art.body, art.past_companion(who.end))) \
            and (title := _TITLE_WORD.match(art.body, pos)) and is_honorific(title.group(1)):
        pos = title.end()  # "…," Dr. H. NAME, chairman of …, told: the subject's mention may start after a title
        who = art.who_at(pos)
    if who is Who.PRONOUN:
        pm = _PRONOUN_AT.match(art.body, pos)
        return who if pm and _VERB_AHEAD.match(art.body, pm.end()) else None
    if isinstance(who, Mention) and _VERB_AHEAD.match(art.body, art.past_companion(who.end)):
        return who
    return None


def _before_attribution(art: Article, span: Span, since: int) -> Attribution:
    """Attribution that introduces the quote: "Menurut Rudi, "…" / Ia berkata: "…" / X said: "…"."""
    window = art.body[since:span.open_at]
    if not re.search(r"[,:]\s*$", window):
        return None
    verbs = list(_BEFORE_VERB.finditer(window))
    if not verbs:
        return None
    verb = verbs[-1]
    who = art.who_at(since + verb.end())
    if isinstance(who, Mention):
        return who
    head = window[:verb.start()].rstrip(" ,")
    if re.search(rf"(?<!\w)(?:{_PRONOUN})$", head, re.IGNORECASE):
        return Who.PRONOUN
    ending = [m for m in art.named + art.role_mentions if m.end == since + len(head)]
    if ending:
        return ending[0]
    # "Surat edaran itu berbunyi," / "Bawaslu menyatakan:" / "In a statement, the Mimika Bawaslu said:" speak
    # for no person.
    return Who.NOBODY if is_institution(_subject_words(head)) else None


def _subject_words(head: str) -> list[str]:
    """The words of the subject that ends ``head``: its last clause, without an article or a place before the
    body ("In a written statement, the Mimika Bawaslu" → Bawaslu)."""
    words = _WORD.findall(re.split(r"[,;:]", head)[-1])
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    place = next((k for k in range(min(3, len(words) - 1), 0, -1) if is_place_name(words[:k])), 0)
    return words[place:]


def _closing_sentence(art: Article, span: Span) -> Attribution:
    """A sentence right after the quote that says who said it: "Hal itu disampaikan Rudi." / "Demikian kata Rudi."."""
    _, line_end = _line_bounds(art.body, span.close_at)
    rest = art.body[span.close_at:line_end]
    if rest.strip(" \t.,"):
        # the quote ends its sentence ("… netralitas." Hal itu …) or a full stop follows the mark
        ends = re.match(r"[ \t]*[.!?]?[ \t]+(?=[A-Z])", rest)
        if not ends or not (art.body[span.text_end - 1:span.text_end] in ".!?" or "." in ends.group(0)):
            return None
        pos = span.close_at + ends.end()
    elif line_end + 1 < len(art.body):
        pos = line_end + 1
        while pos < len(art.body) and art.body[pos].isspace():
            pos += 1
    else:
        return None
    m = _CLOSING_SENTENCE.match(art.body, pos)
    if not m:
        return None
    who = art.who_at(m.end())
    return who if isinstance(who, Mention) else None


def _explicit(art: Article, span: Span, since: int) -> Attribution:
    return (_after_attribution(art, span) or _before_attribution(art, span, since)
            or _closing_sentence(art, span))


@dataclass
class Attributed:
    span: Span
    speaker: Person | None
    role: str | None


def _runs(body: str, spans: list[Span]) -> list[list[int]]:
    """Indices of spans that are one speech: adjacent quotes, or a quote going on into the next paragraph."""
    runs: list[list[int]] = []
    for i, sp in enumerate(spans):
        prev = spans[i - 1] if i else None
        joined = prev is not None and (sp.continues or (
            prev.para == sp.para and not body[prev.close_at:sp.open_at].strip()))
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def attribute(art: Article, spans: list[Span], is_speech: Callable[[Span, bool, int], bool]) -> list[Attributed]:
    """Speaker and role of each span that is speech (``is_speech(span, attributed, sentence_start)``)."""
    body = art.body
    explicit: list[Attribution] = []
    starts: list[int] = []
    prev_close = 0
    for span in spans:
        line_start, _ = _line_bounds(body, span.open_at)
        since = art.sentence_start(span.open_at, max(line_start, prev_close))
        prev_close = span.close_at
        starts.append(since)
        explicit.append(_explicit(art, span, since))
    for run in _runs(body, spans):
        shared = next((explicit[i] for i in run if explicit[i] is not None), None)
        for i in run:
            if explicit[i] is None:
                explicit[i] = shared

    topic = _Topic(art.events)
    out: list[Attributed] = []
    last: Person | None = None  # the speaker of the quote before
    for span, who, since in zip(spans, explicit, starts, strict=True):
        current = topic.at(span.open_at)
        if not is_speech(span, who is not None, since):
            continue
        speaker: Person | None = None
        role: str | None = None
        if isinstance(who, Mention):
            speaker = art.person(who)
            role = who.role
        elif who is Who.GOES_ON and last is not None:
            speaker = last
        elif who is None or who is Who.PRONOUN or who is Who.GOES_ON:
            speaker = current if isinstance(current, Person) else (
                art.last_named(span.open_at) if current is None else None)
        if speaker is not None:
            topic.note(_Event(span.open_at, speaker, True))
        elif who is Who.NOBODY or (isinstance(who, Mention) and speaker is None):
            topic.note(_Event(span.open_at, Who.NOBODY, True))
        out.append(Attributed(span, speaker, role))
        last = speaker
    return out
