"""Outcome of violent events: dead, injured, arrested, and the victim's condition.

Counts come from number phrases ("killing three", "at least five people were injured");
a single named victim who was shot but is alive ("in critical condition") counts as one
injured and no dead. Condition phrases are read wherever the victim is mentioned."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Token

from ...lexicon import Lexicon
from ...lexicon.actors import inverted
from ...model import CONDITIONS, Outcome, Span
from ...numbers import NumberReader
from ...timex.lexicon import MONTHS, YEAR
from ..resources import Resources
from ..spans import apposition, span_text, stray_numbers, token_span
from ..stage import Stage
from ..work import Arg, Work, WorkEvent

# a year as the time module reads one, and a day of a month ("3", "3rd")
_A_YEAR = re.compile(YEAR)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NOT_PEOPLE_AFTER = r"(?!\s+(?:years?|days?|hours?|months?|weeks?|minutes?))"


class _Counts:
    """The count patterns, built once per number reader (``Resources.memo``)."""

    def __init__(self, numbers: NumberReader, lexicon: Lexicon) -> None:
        num = rf"({numbers.pattern})"
        self.numbers = numbers
        self.one = lexicon.words("people.person_nouns") | lexicon.words(
            "people.one_person_pronouns")
        self.killed_verbs = lexicon.words("outcome.killed_verbs")
        self.hurt_verbs = lexicon.words("outcome.hurt_verbs")
        self.kin = lexicon.words("outcome.kin_nouns")
        self.arrest_lemmas = lexicon.words("outcome.arrest_lemmas")
        self.custody = lexicon.words("outcome.custody_nouns")
        self.death_words = lexicon.words("outcome.death_words")
        self.injured_verbs = lexicon.words("outcome.injured_verbs")
        self.target_prepositions = lexicon.words("outcome.target_prepositions")
        self.year_preps = lexicon.words("outcome.year_prepositions")
        self.fatal_modifiers = lexicon.words("outcome.fatal_modifiers")
        self.attempt_words = lexicon.words("outcome.attempt_words")
        self.attempt_verbs = lexicon.words("outcome.attempt_verbs")
        self.attempt_heads = lexicon.words("events.attempt_heads")
        self.death_nouns = lexicon.words("outcome.death_nouns")
        self.died_verbs = lexicon.words("outcome.died_verbs")
        self.body_nouns = lexicon.words("outcome.body_nouns")
        self.dead_states = lexicon.words("outcome.dead_states")
        self.pronouns = lexicon.words("people.one_person_pronouns")
        self.victim_nouns = lexicon.words("people.victim_nouns")
        # phrase -> condition, in the table's order
        self.conditions = inverted(lexicon, "outcome.conditions", CONDITIONS)
        irregular = lexicon.mapping("people.irregular_plurals")
        nouns = lexicon.words("people.person_nouns") | lexicon.words("people.counted_nouns")
        forms = {f for w in nouns for f in (w, irregular.get(w, w + "s"))}
        # up to two words before the noun: "two police officers", "14 Afghan soldiers",
        # "one of the victims"; the noun must say people ("21 shortly before" is an age)
        people = (r"(?:(?:[\w-]+\s){0,2}?(?:"
                  + "|".join(re.escape(f).replace(r"\ ", r"\s") for f in
                             sorted(forms, key=lambda f: (-len(f), f)))
                  + r")\b)")
        raising = "|".join(re.escape(w) for w in sorted(lexicon.words("outcome.raising_verbs")))
        aux = (rf"(?:(?:were |was |is |are )(?:{raising}) (?:to (?:have )?(?:been )?)?"
               r"|were |was |is |are |have been |has been |had been |have |has )?")
        # "a man was killed", "an officer is hospitalised": an article before one person
        # counts one, said with a singular verb ("a man and a woman were shot" counts two,
        # which no clause of its own says; "a man killed his wife" is the killer)
        plural = set(irregular.values())
        single_forms = sorted((f for f in nouns if f not in plural
                               and f not in lexicon.words("outcome.not_one_person")),
                              key=lambda f: (-len(f), f))
        article = "|".join(re.escape(a) for a in sorted(lexicon.words("numbers.articles")))
        one_person = (rf"({article})\s+(?:[\w-]+\s){{0,2}}?(?:"
                      + "|".join(re.escape(f).replace(r"\ ", r"\s") for f in single_forms)
                      + r")\b")
        one_aux = r"\s*(?:was |is |has been |had been )"
        single = "|".join(re.escape(f).replace(r"\ ", r"\s") for f in single_forms)
        self.one_more = lexicon.words("outcome.one_more")
        one_more = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                            lexicon.phrases("outcome.one_more"))
        # "left a guard in critical condition", "left two people with minor injuries"
        hurt_state = (r"(?:injured|wounded|hurt|hospitali[sz]ed|with\s(?:[\w-]+\s){0,2}?"
                      r"(?:injuries|wounds)|in\s(?:a\s)?(?:"
                      + "|".join(re.escape(c).replace(r"\ ", r"\s") for c in
                                 lexicon.phrases("outcome.alive_conditions"))
                      + r"))\b")
        # "four suspects were arrested", "two men are in custody"
        held = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                        lexicon.phrases("outcome.arrest_words"))
        # "No arrests have been made", "nobody is in custody": a stated none
        nobody = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                          lexicon.phrases("outcome.nobody"))
        self.none_arrested = re.compile(
            rf"\b(?:no\s+(?:arrests?\b)|(?:not|n't)\s+(?:yet\s+)?(?:made|announced|reported)"
            rf"\s+any\s+arrests?\b|(?:{nobody})\s+(?:(?:has|have|had)\s+)?(?:been\s+|was\s+"
            rf"|were\s+|is\s+|are\s+)?(?:{held})\b)", re.I)
        # "no one was hurt", "nobody was killed": a stated none of the dead or the hurt
        nobody_hurt = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                               lexicon.phrases("outcome.nobody_hurt"))
        self.no_words = lexicon.words("outcome.negative_determiners")
        self.nobody_need = re.compile(rf"\b(?:{nobody_hurt})\b", re.I)
        self.nones = tuple(
            (re.compile(rf"\b(?:{nobody_hurt})\s+(?:was |were |has been |had been |is |are )"
                        rf"(?:seriously |critically |badly )?{words}\b", re.I), kind)
            for words, kind in ((r"(?:killed|dead)", "dead"),
                                (r"(?:injured|wounded|hurt)", "injured")))
        # "more than 260", "nearly 40": the count behind an approximation
        approx = "(?:" + "|".join(
            re.escape(a).replace(r"\ ", r"\s") + r"\s" for a in
            lexicon.phrases("outcome.approximations")) + ")?"
        # "9/11", "24/7": a number in a name or a date is no count
        num = num + r"(?![/\d])"
        # the words that close a count of the dead, the hurt or the held: a pattern ending
        # in one of them cannot match a sentence where ``need`` finds none of them, which a
        # search for the words alone tells much faster than the pattern's own scan
        dead_words = (r"(?:killed|dead|died|shot dead|shot and killed"
                      r"|(?:[a-z]+ed|beaten|burnt) to death)")  # "hacked to death"
        hurt_words = r"(?:injured|wounded|hurt|hospitali[sz]ed)"
        held_words = rf"(?:{held})"
        # "killed five", "executed 12 villagers", "beheaded two hostages"
        killing = "|".join(re.escape(w) for w in lexicon.phrases("outcome.killing_forms"))
        arresting = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                             lexicon.phrases("outcome.arrest_verbs"))
        dead_need, hurt_need, held_need, lives_need, fatal_need, raised_need = (
            re.compile(rx, re.I) for rx in (dead_words, hurt_words, held_words, r"\blives\b",
                                            r"\bfatally\b", r"\btoll\b"))
        # the words some patterns open with, rarer than those they close with: a pattern
        # cannot match a sentence without them
        killing_need, toll_need, wounding_need, more_need, leaving_need = (
            re.compile(rx, re.I) for rx in (
                rf"\b(?:{killing})\b", r"death toll", r"\b(?:injuring|wounding|injured|wounded)\b",
                rf"\b(?:{one_more})", r"\b(?:leaving|left)\b"))
        self.patterns: tuple[tuple[re.Pattern[str], str, re.Pattern[str] | None], ...] = tuple(
            (re.compile(rx, re.I), kind, need) for rx, kind, need in (
                (rf"\b{approx}{num}\s+{people}?\s*"
                 rf"{aux}{dead_words}\b", "dead", dead_need),
                (rf"\b(?:{killing})\s+{approx}{num}\b"
                 rf"{_NOT_PEOPLE_AFTER}", "dead", killing_need),
                # "leaving five dead" (not "left two hospitalised")
                (rf"\b(?:leaving|left)\s+{approx}{num}\s+{people}?\s*"
                 r"dead\b", "dead", dead_need),
                (rf"death toll (?:rose |has risen |climbed )?(?:to )?{num}", "dead", toll_need),
                # "the death toll from the bombing at a mosque in Kabul rose to 40": what the
                # toll is of may come between (within the clause: no stop, no second verb)
                (rf"death toll\s(?:from|of|in)\s[^.;:]{{1,80}}?\s(?:rose|rises|has\srisen|"
                 rf"climbed|climbs|has\sclimbed|reached|reaches|has\sreached|stood\sat|"
                 rf"stands\sat|jumped|jumps)\s(?:to\s)?{approx}{num}", "dead", toll_need),
                # "raising the toll from the bombing to seven", "brought the death toll to
                # 12": a toll raised to a number is the dead (a toll of the hurt names them)
                (rf"\b(?:rais(?:ing|ed|es)|bring(?:ing|s)?|brought|push(?:ing|ed|es)|"
                 rf"tak(?:ing|es)|took)\s+the\s+(?:overall\s+|total\s+)?(?:death\s+)?toll\s"
                 rf"(?:(?:from|of|in)\s(?:(?!injur|wound|hurt)[^.;:]){{1,80}}?\s)?to\s"
                 rf"{approx}{num}", "dead", raised_need),
                # lives claimed are the dead: "the blasts claimed nine lives", "claimed the
                # lives of six soldiers"
                (rf"\bclaim(?:ed|ing|s)?\s+(?:the\s+)?{approx}{num}\s+lives\b", "dead",
                 lives_need),
                (rf"\bclaim(?:ed|ing|s)?\s+the\s+lives\s+of\s+{approx}{num}\b"
                 rf"{_NOT_PEOPLE_AFTER}", "dead", lives_need),
                (rf"\b{approx}{num}\s+{people}?\s*"
                 rf"{aux}(?:critically |seriously |slightly )?(?:shot and |stabbed and )?"
                 rf"{hurt_words}\b", "injured", hurt_need),
                # "wounding five", and the active past "wounded five" ("killed five" above)
                (rf"\b(?:injuring|wounding|injured|wounded)\s+{approx}"
                 rf"{num}\b{_NOT_PEOPLE_AFTER}", "injured", wounding_need),
                (rf"\b{approx}{num}\s+{people}?\s*"
                 rf"{aux}{held_words}\b", "arrested", held_need),
                # "police arrested at least 20 people", "detained 14 students"
                (rf"\b(?:{arresting})\s+{approx}{num}\b{_NOT_PEOPLE_AFTER}", "arrested",
                 held_need),
                (rf"\b{one_person}{one_aux}(?:(?:found |pronounced )?dead|killed"
                 r"|shot dead|shot and killed|(?:[a-z]+ed|beaten|burnt) to death)\b", "dead",
                 dead_need),
                (rf"\b{one_person}{one_aux}(?:critically |seriously |slightly )?"
                 rf"{hurt_words}\b", "injured", hurt_need),
                # "one man was killed and another wounded", "left one dead and another
                # with life-threatening injuries": one more person
                (rf"\b({one_more})\s+(?:(?:[\w-]+\s){{0,2}}?(?:{single})\s+)?"
                 rf"(?:was\s+|is\s+|has\s+been\s+)?(?:critically\s+|seriously\s+)?"
                 rf"{hurt_state}", "more", more_need),
                (rf"\b(?:leaving|left)\s+{one_person}\s+dead\b", "dead", dead_need),
                # "five people were shot, two of them fatally": how many of those shot
                # died (the rest were hurt)
                (rf"\b{approx}{num}\s+{people}?\s*{aux}shot\b(?!\s+(?:dead|and|to))",
                 "shot", fatal_need),
                (rf"\b{num}\s+(?:of\s+(?:them|whom)\s+)?fatally\b", "fatal", fatal_need),
                (rf"\b(?:leaving|left)\s+(?:{approx}{num}\s+{people}?|{one_person})\s*"
                 rf"{hurt_state}", "injured", leaving_need),
            )
        )

        # each need of lower-case ASCII (words, [a-z], \b, \s) compiled again without re.I,
        # for a sentence in ASCII lower-cased: the same matches (lower-casing ASCII moves
        # no position and no word boundary), about four times faster than re.I's
        self.lower_needs = {
            need: re.compile(need.pattern)
            for need in {n for _rx, _kind, n in self.patterns if n is not None}
            if need.pattern.isascii() and need.pattern == need.pattern.lower()}

    def _a_year(self, text: str, said: str, start: int) -> bool:
        """Is the number a year of a date ("on March 3, 2019", "in 2015", "3 March 2019"):
        a year written with no thousands comma (a toll of thousands is written "2,019"),
        after a month, a day of a month or a preposition of time?"""
        if _A_YEAR.fullmatch(said) is None:
            return False
        before = text[max(0, start - 24):start].lower().replace(",", " ").split()
        if not before:
            return False
        last = before[-1].rstrip(".")
        if last in MONTHS or last in self.year_preps:
            return True
        # "March 3, 2019", "3 March 2019": a day next to a month
        return len(before) >= 2 and _DAY.fullmatch(last) is not None and (
            before[-2].rstrip(".") in MONTHS)

    def _kin_count(self, text: str, start: int) -> bool:
        """Is the count at ``start`` what a kin noun has ("a mother of three", "a father of
        two"): her or his children, not the people the act hit?"""
        before = text[max(0, start - 24):start].lower().split()
        return len(before) >= 2 and before[-1] == "of" and before[-2] in self.kin

    def scan(self, text: str, base: int) -> list[tuple[str, int, Span]]:
        """Every count phrase of ``text`` (a sentence starting at ``base``): its kind, its
        number (0 for a stated none: "no one was hurt") and where it was said."""
        out = []
        found: dict[re.Pattern[str], bool] = {}
        low = text.lower() if text.isascii() else None
        for rx, kind, need in self.patterns:
            if need is not None:
                if need not in found:
                    fast = self.lower_needs.get(need) if low is not None else None
                    found[need] = (need.search(text) if fast is None or low is None
                                   else fast.search(low)) is not None
                if not found[need]:
                    continue
            for m in rx.finditer(text):
                # the number, or the article of one person ("left two hurt" / "left a man
                # hurt" are two branches of one pattern)
                g = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
                said = m.group(g)
                n = 1 if said.lower() in self.one_more else self.numbers.read_int(said)
                if n is not None and self._a_year(text, said, m.start(g)):
                    continue  # "the bombing on March 3, 2019 killed 12": a date's year
                if n is not None and self._kin_count(text, m.start()):
                    continue  # "a young mother of three is dead": her children
                if n is not None and self._after_no(text, m.start()):
                    continue  # "no one was hurt": not one person (``nones`` reads it)
                if n is not None:
                    out.append((kind, n, Span(m.group(0), base + m.start(), base + m.end())))
        for rx, kind in self.nones if self.nobody_need.search(text) else ():
            for m in rx.finditer(text):
                out.append((kind, 0, Span(m.group(0), base + m.start(), base + m.end())))
        return out

    def _after_no(self, text: str, start: int) -> bool:
        """Does a negative determiner stand before the count at ``start`` ("no one")?"""
        before = text[max(0, start - 8):start].lower().split()
        return bool(before) and before[-1] in self.no_words


def _one_person(a: Arg, one: frozenset[str]) -> bool:
    """One unnamed person ("a woman", "he", "himself") is one victim as much as a named
    one is."""
    head = a.head
    return (
        not a.plural and not a.quantified and head.tag_ not in {"NNS", "NNPS"}
        and (head.lemma_.lower() in one or head.lower_ in one)
    )


def _one_each(people: list[Arg], pronouns: frozenset[str], roles: frozenset[str]) -> list[Arg]:
    """The people of an act's mentions, each once: "Driver shot and killed" (headline)
    and "a gunman shot him" (body) are one victim told twice. A pronoun, or the noun of
    the victim's role ("shot his brother" ... "the victim is expected to recover"),
    stands for someone already told, and one noun said again ("a man" ... "the man") is
    the same person."""
    said = [a for a in people if a.head.lower_ not in pronouns and not a.for_pronoun
            and a.head.lemma_.lower() not in roles] or people[:1]
    seen: set[str] = set()
    out = []
    for a in said:
        if a.head.lemma_.lower() not in seen:
            seen.add(a.head.lemma_.lower())
            out.append(a)
    return out


def _aimed_at(victim: Arg, counts: _Counts) -> bool:
    """Is the victim the object of "at" ("fired at the officer", "shot at a car"): the
    act's target, not someone it is said to have reached?"""
    h = victim.head
    return h.dep_ == "pobj" and h.head.lower_ in counts.target_prepositions


def _pair(victim: Arg, one: frozenset[str]) -> int:
    """How many single people a victim's phrase joins ("a man and a 16-year-old boy": 2)."""
    return 1 + sum(1 for c in victim.head.conjuncts if c.tag_ not in {"NNS", "NNPS"} and (
        c.lemma_.lower() in one or c.ent_type_ == "PERSON"))


def _one_of(x: Token, counts: _Counts) -> bool:
    """One person said as a noun ("a policeman", "the driver", a name), not a pronoun."""
    return (x.pos_ in {"NOUN", "PROPN"} and x.tag_ not in {"NNS", "NNPS"}
            and (x.lemma_.lower() in counts.one or x.ent_type_ == "PERSON")
            and not any(c.dep_ == "nummod" for c in x.children))


def _group_count(p: Token, counts: _Counts,
                 more: tuple[Token, ...] = ()) -> tuple[int | None, bool]:
    """How many people a patient phrase counts, each member by its number or as one person
    ("the driver and three passengers": 4), and whether any member had a number; None when
    a member is neither. ``more``: members the parser joined to the verb instead."""
    each: list[int] = []
    numbered = False
    for g in (p, *p.conjuncts, *more):
        nums = [counts.numbers.read_int(n.text) for n in g.children if n.dep_ == "nummod"]
        if not nums and g.pos_ == "NUM":  # "14 of his supporters"
            nums = [counts.numbers.read_int(g.text)]
        if len(nums) == 1 and nums[0] is not None:
            each.append(nums[0])
            numbered = True
        elif not nums and _one_of(g, counts):
            each.append(1)
        else:
            return None, numbered
    if len(each) > 2 and each[0] == sum(each[1:]):
        return each[0], numbered  # "12 people, seven women and five men": the 12 told twice
    return sum(each), numbered


def _from_objects(work: Work, ev: WorkEvent, counts: _Counts, dead: int | None,
                  injured: int | None, arrested: int | None,
                  spans: list[Span]) -> tuple[int | None, int | None, int | None]:
    """What the verbs of killing, hurting and dying say of their own patients, where the
    count phrases said less: the people joined in one phrase add up ("Eleven soldiers and
    four civilians were killed": 15; "the bomb killed the driver and three passengers": 4;
    "a policeman and two civilians died in the attack": 3), a counted patient is counted
    however far its number stands from the verb ("Two people, including a child, were
    killed"), and one person a killing verb takes as its object died ("gunmen killed a
    police officer and wounded two others": one dead; with no count of the hurt, the act's
    one victim is read by ``outcome_for`` as before). The same for arrests ("police
    arrested the driver and two passengers": 3; "took two suspects into custody": 2)."""
    verbs: list[tuple[Token, str, list[Token]]] = []
    for k in ev.mentions:
        t = work.mentions[k].trigger
        lemma = t.lemma_.lower()
        kind = "dead" if lemma in counts.killed_verbs or _to_death(t, counts) else (
            "injured" if lemma in counts.hurt_verbs else (
                "arrested" if lemma in counts.arrest_lemmas else ""))
        if t.pos_ == "NOUN" and lemma in counts.custody and t.dep_ == "pobj" and (
                v := t.head.head).pos_ == "VERB":
            # "officers took two suspects into custody"
            verbs.append((v, "arrested", [c for c in v.children if c.dep_ == "dobj"]))
            continue
        if t.pos_ == "VERB" and kind and not _attempted(t, counts):
            # (a subject the events stage read as the patient is one: "a teenager was
            # killed and his father critically wounded", the "was" left out)
            done_to = {a.head.i for a in work.mentions[k].recipients}
            verbs.append((t, kind, [c for c in t.children if c.dep_ in {"nsubjpass", "dobj"}
                                    or (c.dep_ == "nsubj" and c.i in done_to)]))
        elif t.pos_ == "NOUN" and t.dep_ == "pobj" and (v := t.head.head).pos_ == "VERB" and (
                v.lemma_.lower() in counts.died_verbs):
            # "a policeman and two civilians died in the attack": who died in it
            verbs.append((v, "dead", [c for c in v.children if c.dep_ == "nsubj"]))
    # one person each verb of a different kind was done to ("gunmen killed a farmer and
    # wounded his son": one dead, one hurt), when no count said more
    singles: dict[str, set[str]] = {}
    for _verb, kind, patients in verbs:
        for p in patients:
            if not p.conjuncts and _one_of(p, counts) and kind in {"dead", "injured"}:
                singles.setdefault(kind, set()).add(p.lemma_.lower())
    if len(singles) == 2 and not (singles["dead"] & singles["injured"]):
        dead = max(dead or 0, len(singles["dead"]))
        injured = max(injured or 0, len(singles["injured"]))
        spans += [s_ for v, _kind, _ in verbs if (s_ := token_span([v])) is not None]
    for t, kind, patients in verbs:
        for p in patients:
            more = tuple(stray_numbers(t, p)) if p.dep_ == "dobj" else ()
            total, numbered = _group_count(p, counts, more)
            if total is not None and (numbered or p.conjuncts or more):
                here = token_span([t])
                if kind == "dead" and total > (dead or 0):
                    dead = total
                elif kind == "injured" and total > (injured or 0):
                    injured = total
                elif kind == "arrested" and total > (arrested or 0):
                    arrested = total
                else:
                    continue
                if here is not None:
                    spans.append(here)
    # (after every count is read: "the blast killed the driver and wounded his two
    # passengers" tells the hurt after the dead)
    for t, kind, patients in verbs:
        for p in patients:
            if (kind == "dead" and dead is None and injured is not None and p.dep_ == "dobj"
                    and not p.conjuncts and _one_of(p, counts)
                    and not _group_count(p, counts)[1]):
                dead = 1
                if (here := token_span([t])) is not None:
                    spans.append(here)
    return dead, injured, arrested


def _counts(res: Resources) -> _Counts:
    return res.memo("outcome.counts", lambda: _Counts(res.numbers, res.lexicon))


def outcome_for(work: Work, res: Resources, ev: WorkEvent, triggers: _Triggers,
                me: int) -> Outcome | None:
    """``triggers``: where the article's event triggers start, and whose they are; ``me``:
    this event's index among them."""
    counts = _counts(res)
    one = counts.one
    sents = sorted({work.sent_start(work.mentions[k].trigger.i) for k in ev.mentions})
    spans: list[Span] = []
    dead = injured = arrested = more = shot = fatal = None
    for s_start in sents:
        # the count phrases of one sentence, read once per article (events share sentences)
        found = triggers.scans.get(s_start)
        if found is None:
            sent = work.sent_of(s_start)
            found = triggers.scans[s_start] = counts.scan(span_text(sent), sent.start_char)
        for kind, n, span in found:
            # "after his arrest for the attack, which killed three": the count's verb is
            # another event's trigger, so the count is that event's
            if triggers.other_only(span, me):
                continue
            if kind in {"dead", "injured", "shot", "fatal", "more"} and (
                    ev.category != "ASSAULT" and s_start in triggers.assault_sents):
                # "a curfew after clashes left 15 dead": the dead are the clashes'
                continue
            spans.append(span)
            if kind == "dead":
                dead = max(dead or 0, n)
            elif kind == "injured":
                injured = max(injured or 0, n)
            elif kind == "more":
                more = n
            elif kind == "shot":
                shot = max(shot or 0, n)
            elif kind == "fatal":
                fatal = max(fatal or 0, n)
            else:
                arrested = max(arrested or 0, n)
    if shot is not None and fatal is not None and fatal <= shot:
        # "five people were shot, two of them fatally": two dead, three hurt
        dead = max(dead or 0, fatal)
        injured = max(injured or 0, shot - fatal)
    # "they would kill the boy", "plotted to kill the governor": an act not told as done
    # has no victims of its own to count (a toll its sentence states still counts)
    undone = ev.mood in {"hypothetical", "future", "negated"}
    if ev.category == "ASSAULT" and not undone:
        dead, injured, arrested = _from_objects(work, ev, counts, dead, injured, arrested,
                                                spans)
    elif ev.category == "COERCE" and "arrest" in ev.modes:
        _, _, arrested = _from_objects(work, ev, counts, None, None, arrested, spans)
    condition, cspans = _condition(work, ev, counts) if ev.category == "ASSAULT" else (None, [])
    spans += cspans
    def victims_of(recipients: list[Arg]) -> list[Arg]:
        return [
            a for a in recipients if a.entity >= 0 and work.entities[a.entity].type == "PERSON"
        ] or _one_each([a for a in recipients if _one_person(a, one) and not (
            more is not None and any(c.lower_ in counts.one_more for c in a.head.children))],
            counts.pronouns, counts.victim_nouns)  # "another guard": counted by ``more``

    victims = victims_of(ev.recipients)
    # "charged with attempted murder", "tried to kill me": an attempt says nobody died of it
    lemmas = {t.lemma_.lower() for k in ev.mentions
              if not _attempted(t := work.mentions[k].trigger, counts)}
    if (
        ev.category == "ASSAULT"
        and victims
        and not undone
        and dead is None
        and injured is None
        and not ev.aggregate
    ):
        told = {t.lemma_.lower() for s in {work.sent_start(work.mentions[k].trigger.i)
                                           for k in ev.mentions} for t in work.sent_of(s)}
        died = bool(lemmas & counts.killed_verbs or condition == "died_later" or (
            told & counts.death_words
        ) or _fatal(work, ev, counts)) or any(
            # "he was stabbed to death": the verb's result is a death
            _to_death(t, counts) and not _attempted(t, counts)
            for t in (work.mentions[k].trigger for k in ev.mentions)) or any(
            _died_after(work, ev, counts, v) for v in victims)
        # "died Sunday after being shot", "was fatally shot", "a deadly shooting",
        # "A man was shot ... He was pronounced dead at the scene."
        if died and len(victims) == 1:
            dead, injured = 1, 0
        # "A man and a teenager were shot": each one of the pair hurt, when nothing says
        # one died (which of several died, no word of the act tells). Only people joined
        # in one phrase are counted: victims gathered from several mentions may be one
        # person said twice or someone the act missed.
        elif not died and (lemmas & counts.injured_verbs
                           or condition in {"critical", "serious", "stable"}):
            # "fired at the officer": whom a shot is aimed at may have been missed; when
            # no word of the act says someone was reached ("shot the officer", "he was
            # shot") nor in what state, the aim is nobody hurt
            reached = condition is not None or any(
                t.lemma_.lower() in counts.injured_verbs
                and any(c.dep_ in {"dobj", "nsubjpass"} for c in t.children)
                for t in (work.mentions[k].trigger for k in ev.mentions))
            hit = victims if reached else victims_of(
                [a for a in ev.recipients if not _aimed_at(a, counts)])
            n = 1 if len(hit) == 1 else max((_pair(v, one) for v in hit), default=0)
            if n > 1 or len(hit) == 1:
                dead, injured = 0, n
    if more is not None:
        # "another wounded" tells one more than the victim the act's words tell of (read
        # above as if it were not said): "one man was killed and another wounded"
        injured = max(injured or 0, more)
    if ev.category == "COERCE" and "arrest" in ev.modes and arrested is None:
        # whom the arrest's own words took, as the event's recipients name them once each
        # ("raided the offices and detained its editor": the editor, not the offices)
        heads = {a.head.i for k in ev.mentions if work.mentions[k].trigger.lemma_.lower() in (
            counts.arrest_lemmas) for a in work.mentions[k].recipients}
        taken = [a for a in ev.recipients if a.head.i in heads] or ev.recipients
        # (an apposition renames someone the sentence names: "arrested the man on Monday,
        # a suspect in the bombing" is one man)
        taken = [a for a in taken if not apposition(a.head)]
        people = [a for a in taken if not a.plural]
        if people and len(people) == len(taken):
            # one sentence's people: a headline's "suspect" and the body's "a 27-year-old
            # man" are one person told twice
            per_sentence: dict[int, int] = {}
            for a in people:
                s_ = work.sent_start(a.head.i)
                per_sentence[s_] = per_sentence.get(s_, 0) + 1
            arrested = max(per_sentence.values())
    if dead is None and injured is None and arrested is None and condition is None:
        return None
    uniq = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
    return Outcome(
        dead=dead,
        injured=injured,
        arrested=arrested,
        condition=next((c for c in CONDITIONS if c == condition), None),
        spans=tuple(uniq),
    )


def _fatal(work: Work, ev: WorkEvent, counts: _Counts) -> bool:
    """Does a mention's own noun say the act killed: "a deadly shooting", "the fatal
    stabbing", "a shooting death"?"""
    for k in ev.mentions:
        t = work.mentions[k].trigger
        if any(c.dep_ == "amod" and c.lower_ in counts.fatal_modifiers for c in t.children):
            return True
        if t.dep_ in {"amod", "compound"} and t.head.lemma_.lower() in counts.death_nouns:
            return True
    return False


def _died_after(work: Work, ev: WorkEvent, counts: _Counts, victim: Arg) -> bool:
    """Is this victim said to have died in the sentence after one of the act's, or in
    one that names the victim: "He was pronounced dead at the scene", "The victim died
    in hospital"? Only a death the victim is the subject of counts: the one person a story
    of one victim goes on about ("Police shot the gunman dead" is another act)."""
    starts = {work.sent_start(work.mentions[k].trigger.i) for k in ev.mentions}
    sents = set(starts)
    for s in starts:
        end = work.sent_of(s).end
        if end < len(work.doc):
            sents.add(end)
    # and the sentence before, for a body found ("The body of a journalist was found ...
    # He had been shot in the head.")
    before = {work.sent_start(s - 1) for s in starts if s > 0} - sents
    if victim.entity >= 0:
        sents |= {work.sent_start(m.start) for m in work.entity_mentions
                  if m.entity == victim.entity}
    head = victim.head.lemma_.lower()

    def is_victim(t: Token) -> bool:
        if victim.entity >= 0 and work.entity_at(t) == victim.entity:
            return True
        lemma = t.lemma_.lower()
        if t.lower_ in counts.pronouns:
            return work.entity_at(t) in {-1, victim.entity}
        return lemma in counts.victim_nouns or (lemma == head and t.tag_ not in {"NNS", "NNPS"})

    for s in sorted(sents | before):
        for t in work.sent_of(s):
            if t.lemma_.lower() in counts.body_nouns and any(
                    g.dep_ == "pobj" and is_victim(g) for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                return True  # "the body of the journalist was found"
            if s in before:
                continue
            if t.lemma_.lower() in counts.died_verbs:
                verb = t
            elif t.lower_ in counts.dead_states and t.dep_ in {"oprd", "acomp"}:
                verb = t.head  # "was pronounced dead", "was found dead", "is dead"
            else:
                continue
            if any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and is_victim(c)
                   for c in verb.children):
                return True
    return False


def _to_death(t: Token, counts: _Counts) -> bool:
    """ "hacked three villagers to death", "was beaten to death": a verb whose result is
    death kills its patients, whatever the verb."""
    return t.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and g.lower_ in counts.death_nouns for g in c.children)
        for c in t.children)


def _attempted(t: Token, counts: _Counts) -> bool:
    return any(c.lower_ in counts.attempt_words for c in t.children) or (
        t.dep_ == "xcomp" and t.head.lemma_.lower() in counts.attempt_verbs) or (
        # "an attempt to kill the governor": the noun's infinitive
        t.dep_ == "acl" and t.head.pos_ == "NOUN" and (
            t.head.lemma_.lower() in counts.attempt_heads
            or t.head.lemma_.lower() in counts.attempt_verbs)) or (
        # "an assassination attempt", "a kidnap bid": the nouns the events stage reads so
        t.dep_ == "compound" and t.head.lemma_.lower() in counts.attempt_heads)


def _condition(work: Work, ev: WorkEvent, counts: _Counts) -> tuple[str | None, list[Span]]:
    """Condition phrases in the event's sentences or in sentences naming its victim."""
    victims = {a.entity for a in ev.recipients if a.entity >= 0}
    sent_starts = {work.sent_start(work.mentions[k].trigger.i) for k in ev.mentions}
    if victims:
        for m in work.entity_mentions:
            if m.entity in victims:
                sent_starts.add(work.sent_start(m.start))
        for i, e in work.pronoun_entity.items():
            if e in victims:
                sent_starts.add(work.sent_start(i))
    found: list[tuple[int, str, Span]] = []
    text = work.article.text
    rank = {"died_later": 0, "critical": 1, "serious": 2, "stable": 3, "unharmed": 4}
    for s in sorted(sent_starts):
        sent = work.sent_of(s)
        low = span_text(sent).lower()
        for phrase, cond in counts.conditions.items():
            k = low.find(phrase)
            while k >= 0:
                start = sent.start_char + k
                found.append(
                    (
                        rank[cond],
                        cond,
                        Span(text[start : start + len(phrase)], start, start + len(phrase)),
                    )
                )
                k = low.find(phrase, k + 1)
    if not found:
        return None, []
    best = min(found, key=lambda x: x[0])[1]
    return best, [f[2] for f in found]


def run(work: Work, res: Resources) -> None:
    triggers = _Triggers(work)
    for e, ev in enumerate(work.events):
        if ev.category in {"ASSAULT", "COERCE", "PROTEST"}:
            ev.outcome = outcome_for(work, res, ev, triggers, e)
    _none_arrested(work, _counts(res))


def _none_arrested(work: Work, counts: _Counts) -> None:
    """"No arrests have been made", "nobody is in custody": none arrested, for the act of
    force told last before the sentence's end (the one whose inquiry the sentence reports
    on, or the one it names: "no arrests in the second shooting"), when no count of its
    own says otherwise."""
    text = work.article.text
    found = list(counts.none_arrested.finditer(text))
    if not found:
        return
    told = sorted((work.mentions[k].trigger.idx, e) for e, ev in enumerate(work.events)
                  if ev.category == "ASSAULT" for k in ev.mentions)
    for m in found:
        words = work.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        end = work.sent_of(words.start).end_char if words is not None else m.end()
        k = bisect_left(told, (end, -1)) - 1
        if k < 0:
            continue
        ev = work.events[told[k][1]]
        span = Span(m.group(0), m.start(), m.end())
        out = ev.outcome
        if out is None:
            ev.outcome = Outcome(arrested=0, spans=(span,))
        elif out.arrested is None:
            ev.outcome = replace(out, arrested=0,
                                 spans=tuple(sorted((*out.spans, span), key=lambda s: s.start)))


class _Triggers:
    """Where each event trigger starts (characters) and the events it is a mention of,
    sorted, so that the triggers inside a count's words are found by bisection (a text
    dense with events stays linear); and the count phrases read in each sentence."""

    def __init__(self, work: Work) -> None:
        by_start: dict[int, set[int]] = {}
        for e, ev in enumerate(work.events):
            for k in ev.mentions:
                by_start.setdefault(work.mentions[k].trigger.idx, set()).add(e)
        self.starts = sorted(by_start)
        self.events = [by_start[i] for i in self.starts]
        # the sentences that tell an act of force: their dead and hurt are its own
        self.assault_sents = {work.sent_start(work.mentions[k].trigger.i)
                              for ev in work.events if ev.category == "ASSAULT"
                              for k in ev.mentions}
        # sentence start -> ``_Counts.scan`` of that sentence, for this article
        self.scans: dict[int, list[tuple[str, int, Span]]] = {}

    def other_only(self, span: Span, e: int) -> bool:
        """Do the count's words hold another event's trigger and none of event ``e``'s?"""
        lo, hi = bisect_left(self.starts, span.start), bisect_left(self.starts, span.end)
        inside = self.events[lo:hi]
        return any(evs - {e} for evs in inside) and not any(e in evs for evs in inside)


STAGE = Stage(
    name="outcome",
    run=run,
    summary="dead, injured and arrested from number phrases of the event's sentences (\"a "
    "man was killed\" counts one); a single victim shot but alive counts one injured, one "
    "said to die after (\"He was pronounced dead\") one dead, one only fired \"at\" none "
    "hurt unless a word says he was reached; a date's year is no toll (\"on March 3, "
    "2019 killed 12\"); a person renamed by an apposition is arrested once; a stated none "
    "arrested is 0; condition phrases wherever the victim is mentioned",
    reads=("article", "doc", "entities", "events"),
    writes=("events.outcome",),
    needs=("numbers", "lexicon"),
    prepare=_counts,
)
