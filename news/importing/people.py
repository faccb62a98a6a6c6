"""People named in a report, with their titles as printed.

The patterns reports use, all handled by one left-to-right scan over tokens:

- honorific, name, titles: "ông Nguyễn Văn A, Chủ tịch UBND tỉnh", "đồng chí A - Bí thư Huyện ủy",
  "Đ/c A – B", "Ông A phó chủ tịch UBND huyện" (no separator), "bà A (Chủ tịch …)";
- a list after a plural honorific: "các ông: A - X, Y; B - Z";
- titles, name, titles: "Phó Chủ tịch UBND huyện Nguyễn Văn B", "Trung tá A – Phó trưởng …";
- a bare name with a surname and titles: "Nguyễn Khắc Toàn - Phó Bí thư …".

Honorifics (ông, bà, đồng chí, đ/c) are dropped; a military rank is a title. A person named twice
is one person: later titles are added unless they repeat or shorten an earlier one ("Phó Bí thư
ủy" is a misprint of "Phó Bí thư huyện ủy"), and "ông Toàn" alone refers to an earlier
"Nguyễn Khắc Toàn". The role (chủ trì, phát biểu, dự) comes from the words of the sentence.
"""

from dataclasses import dataclass, field

from .titles import starts_name, titles_at
from .words import (
    DASHES,
    is_subsequence,
    match_phrase,
    normalise,
    phrases,
    span_text,
    tokenize,
)

HONORIFICS = phrases("ông", "bà", "đồng chí", "đ / c", "đ . c")
PLURAL_HONORIFICS = phrases("các ông", "các bà", "các đồng chí", "các đ / c", "ông bà")
# (words, role), strongest first: a person who chaired and spoke is shown as chairing.
ROLES = [
    (phrases("chủ trì", "đồng chủ trì"), "chu_tri"),
    (phrases("phát biểu", "kết luận", "yêu cầu", "nhấn mạnh", "cho biết"), "phat_bieu"),
    (phrases("dự", "tham dự", "về dự"), "du"),
]
# Words that contain a role word but say something else: "dự toán" is a budget, not attending.
NOT_ROLES = phrases(
    "dự toán", "dự án", "dự báo", "dự khuyết", "dự kiến", "dự thảo", "dự trữ", "dự phòng", "dự thi"
)
ROLE_RANK = {role: rank for rank, (_, role) in enumerate(ROLES)} | {"nhac_den": len(ROLES)}
SENTENCE_END = {".", "!", "?"}


@dataclass
class Person:
    name: str
    titles: list = field(default_factory=list)
    role: str = "nhac_den"

    @property
    def printed_title(self):
        return ", ".join(self.titles)

    def as_json(self):
        return {"name": self.name, "titles": list(self.titles)}


@dataclass
class _Mention:
    name: str
    titles: list
    start: int
    end: int


class _Scanner:
    def __init__(self, text):
        self.text = normalise(text)
        self.tokens = tokenize(self.text)
        self.mentions = []

    def scan(self):
        tokens, index = self.tokens, 0
        while index < len(tokens):
            index = self._step(index)
        return self.mentions

    def _step(self, index):
        length = match_phrase(self.tokens, index, PLURAL_HONORIFICS)
        if length:
            return self._list(index + length)
        length = match_phrase(self.tokens, index, HONORIFICS)
        if length:
            return max(self._person(index + length, index, honorific=True), index + length)
        found, after_titles = titles_at(self.tokens, index)
        if found:
            return max(self._person(index, index, honorific=False), after_titles)
        if starts_name(self.tokens, index):
            return max(self._person(index, index, honorific=False), index + 1)
        return index + 1

    def _list(self, index):
        """ "các ông: A - X; B - Y và C - Z": people until something else comes."""
        if index < len(self.tokens) and self.tokens[index].text == ":":
            index += 1
        while True:
            end = self._person(index, index, honorific=True)
            if end == index:
                return index + 1
            index = end
            if not (index < len(self.tokens) and self.tokens[index].text in {";", ",", "và"}):
                return index
            if starts_name(self.tokens, index + 1, need_surname=False) < 2:
                return index
            index += 1

    def _person(self, index, mention_start, honorific):
        """Read [titles] name [separator titles] from `index`; return the index after it, or
        `index` when no person is there."""
        tokens = self.tokens
        before, after_before = titles_at(tokens, index)
        name_at = after_before if before else index
        name_length = starts_name(tokens, name_at, need_surname=not honorific or bool(before))
        if not name_length and before and honorific:
            # "ông Nguyên Xuân Thanh": what looked like a title ("Nguyên" = former) is the name.
            before, name_at = [], index
            name_length = starts_name(tokens, index, need_surname=False)
        if not name_length:
            return index
        name_end = name_at + name_length
        after, end = self._titles_after(name_end)
        if not honorific and not before and not after:
            return index
        name = span_text(self.text, tokens, name_at, name_end)
        titles = [span_text(self.text, tokens, s, e) for s, e in before + after]
        self.mentions.append(_Mention(name, titles, mention_start, end))
        return end

    def _titles_after(self, index):
        """Titles after a name, behind "-", ",", "(" or nothing; a last title that is followed by
        another name is that name's ("A - Bí thư, Chủ tịch UBND tỉnh B")."""
        tokens = self.tokens
        start, closing = index, None
        if start < len(tokens) and tokens[start].text in DASHES | {",", ":"}:
            start += 1
        elif start < len(tokens) and tokens[start].text == "(":
            start, closing = start + 1, ")"
        found, end = titles_at(tokens, start)
        if found and starts_name(tokens, end):
            found.pop()
            end = found[-1][1] if found else start
        if not found:
            return [], index
        if closing and end < len(tokens) and tokens[end].text == closing:
            end += 1
        return found, end

    def role_of(self, mention):
        """The strongest role word in the sentence around the mention."""
        tokens = self.tokens
        start = mention.start
        while start > 0 and tokens[start - 1].text not in SENTENCE_END:
            start -= 1
        end = mention.end
        while end < len(tokens) and tokens[end].text not in SENTENCE_END:
            end += 1
        words = [i for i in range(start, end) if not match_phrase(tokens, i, NOT_ROLES)]
        for vocabulary, role in ROLES:
            if any(match_phrase(tokens, i, vocabulary) for i in words):
                return role
        return "nhac_den"


def find_people(paragraphs):
    """People in the order first named, each with their titles as printed (honorifics dropped)."""
    people = {}
    for paragraph in paragraphs:
        scanner = _Scanner(paragraph)
        for mention in scanner.scan():
            person = _person_for(people, mention.name)
            if person is None:
                continue
            for title in mention.titles:
                if not any(is_subsequence(title, known) for known in person.titles):
                    person.titles.append(title)
            role = scanner.role_of(mention)
            if ROLE_RANK[role] < ROLE_RANK[person.role]:
                person.role = role
    return list(people.values())


def _person_for(people, name):
    """The person `name` refers to: itself, or for a one-word name ("ông Toàn") an earlier person
    whose name ends with that word (None if there is no such person)."""
    key = normalise(name).casefold()
    if key in people:
        return people[key]
    if " " not in key:
        earlier = [p for k, p in people.items() if k.rsplit(" ", 1)[-1] == key]
        return earlier[0] if len(earlier) == 1 else None
    people[key] = Person(name=name)
    return people[key]
