"""Free sentences read in their scope: points and summaries for the scope's series."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..rejections import COUNT_BEFORE_SHARE
from ..vocab import SUM_PHRASES, fold, has_any_phrase, mentions_color
from .add_points import add_point, apply_reading, target
from .categories import category_axis
from .category_values import declared_category_values, quoted_label_values
from .entry_values import (
    every_series_leads,
    listed_series_values,
    named_values_in_parens,
    read_for_every_series,
    values_by_entry_handle,
    values_then_entry,
)
from .heatmap_columns import heatmap_cell_statement
from .listed_labels import listed_label_values
from .mentions import mentioned_series
from .narrative import read_in
from .rules.header_categories import numbered_places_only
from .rules.patterns import X_INTERVAL
from .segments import segment_length
from .state import name_key
from .statement_split import (
    LEAD_OPEN,
    joins_subjects,
    lead_clause,
    named_series_clauses,
    split_by_series,
    values_for_bins,
)
from .text import clean_name, quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope
    from .walker import Walker

_LABEL_PAREN_VALUE: Final = re.compile(r"^([^()]{1,80}?)\s*\(([^()]*\d[^()]*)\)")
_COLORED_VALUE: Final = re.compile(r"[~≈%]|approx")
_BARE_COUNT: Final = re.compile(r"\s{0,2}\d[\d,]{0,12}(?:\.\d{1,6})?\s{0,2}")
_PUNCT_SPACE: Final = re.compile(r"[.;:]\s")
_PAREN_PAIR: Final = re.compile(
    r"^\s*+(?:e\.g\.|i\.e\.|for example|such as)?,?\s*+([^:,;()]{1,40}?)\s*:\s*+[~≈]?\s*+[-−\d]")
_SENTENCE_SUBJECT: Final = re.compile(r"(?:[Tt]he|[Aa]n?|[Tt]hese|[Tt]his)\s[a-z]")  # an article, then words
_LABEL_MAX_WORDS = 5  # 'GPT-4 Turbo (~82%)': a category label is a short name
_LEAD_MENTION = 40  # a single series named this early in a sentence is its subject


_FOR_SETTING: Final = re.compile(
    r"^\s*for\s+(([A-Za-z][\w]{0,11})\s?=\s?-?\d[\d.]{0,10})\s?(?:\([^()]{1,30}\))?\s?,", re.IGNORECASE)


def _series_by_setting(w: Walker, text: str, scope: Scope, line_no: int | None) -> tuple[str, Scope] | None:
    """'For j = 1 (dark blue), Re ≈ 0.001 at τ = 100': a line named by its parameter's
    setting (a symbol that is not the x axis'). -> (the rest of the text, its scope)."""
    setting = _FOR_SETTING.match(text) if "=" in text else None
    if setting is None or fold(setting.group(2)) in w.state.x_words:
        return None
    series = w.state.chart.series_for(" ".join(setting.group(1).split()), scope.panel, line_no)
    return " " * setting.end() + text[setting.end():], scope.but(series=series)


def statement(w: Walker, text: str, scope: Scope, line_no: int | None, label: str | None = None) -> bool:
    """Read a free sentence in the scope; split it by series names when it names several."""
    state = w.state
    if (prepared := _as_the_kind_reads(w, text, scope)) is None:
        return False
    text, scope = prepared
    if heatmap_cell_statement(w, text, scope, line_no):
        return True
    if (coloured := _subject_by_colour(w, text, scope)) is not None:
        scope = coloured  # 'Test loss (orange) starts at ~1e-1': the entry drawn in orange
    if scope.series is None and (named := _series_by_setting(w, text, scope, line_no)):
        return statement(w, named[0], named[1], line_no, label)
    if (named_here := _subject_reading(w, text, scope, line_no)) is not None:
        return named_here
    if _values_named_at_inherited_x(w, text, scope, line_no):
        return True
    if scope.series is not None and scope.x is None and _LEAD_OPENING.match(text) \
            and (shared_x := _several_at_one_x(w, text, scope, line_no)) is not None:
        return shared_x
    if scope.x is None and values_for_bins(w, text, scope, line_no):
        return True
    if state.categorical() and _quoted_categories(w, text, scope, line_no):
        return True
    reading = read_in(state, text, scope.x)
    if not reading.points and state.categorical() and scope.x is None and (
            _declared_category_values(w, text, scope, line_no)
            or listed_label_values(w, text, scope, line_no)
            or _label_paren_value(w, text, scope, line_no)
            or _bold_label_dash_value(w, text, scope, line_no)):
        return True
    if reading.points or reading.summary:
        apply_reading(w, reading, target(w, scope), line_no, label)
        return True
    return False


def _values_named_at_inherited_x(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """At an x, with a series inherited from a flattened series' line before: a text naming the
    legend's entries by their handles ('Jan 1998: Actual ~100, Predicted ~50') gives each its value."""
    if scope.series is None or not scope.inherited or scope.x is None \
            or not w.state.legend_entries(scope.panel):
        return False
    free = scope.but(series=None)
    return values_by_entry_handle(w, text, free, line_no) or values_then_entry(w, text, free, line_no)


def _as_the_kind_reads(w: Walker, text: str, scope: Scope) -> tuple[str, Scope] | None:
    """The sentence as the chart's kind reads it, and its scope: when the kind rewrites it as
    its value, the one series it names is kept ('The red bar representing "baseline" starts at
    82% and extends to 96%': baseline's 14). None when it states no value."""
    prepared = _for_the_kind(w.state.kind_at(scope.panel), text)
    if prepared is None or prepared == text or scope.series is not None:
        return None if prepared is None else (prepared, scope)
    subjects = mentioned_series(w.state, text)
    if len(subjects) != 1:
        return prepared, scope
    return prepared, scope.but(inherited=False, series=w.state.chart.series_for(subjects[0][1], scope.panel))


def _for_the_kind(kind: str | None, text: str) -> str | None:
    """The sentence as the chart's kind reads it; None when it states no value."""
    if kind == "bar" and (segment := segment_length(text)) is not None:
        return segment  # a stacked segment's extent: its length is the value
    if kind == "box" and _SPREAD_LEAD.match(text) and "median" not in text.lower():
        return None  # 'One outlier at approximately 4%.': a box's spread, not its value
    if kind == "pie" and "%)" in text:
        return _COUNT_THEN_SHARE.sub(r"\g<share> (\g<n>)", text)  # 'math: 45.4k (43.3%)': its share
    return text


_COUNT_THEN_SHARE: Final = re.compile(COUNT_BEFORE_SHARE)  # (explain names the count the same way)
_SPREAD_LEAD: Final = re.compile(
    r"\W{0,4}(?:(?:one|two|three|several|some|a few|an|the|lower|upper)\s)?"
    r"(?:outliers?|whiskers?|iqr|interquartile|q1|q3|(?:first|third|lower|upper)\squartile"
    r"|(?:(?:tallest|single|highest|main|primary|secondary)\s)?peaks?|bimodal|double-peaked)\b",
    re.IGNORECASE)  # ('Single peak at ~0.6' of a violin: the shape of its spread, no value)
_SUBJECT_COLOUR: Final = re.compile(r"^[^\d(]{0,40}\(([a-z -]{3,20})\)")


def _subject_by_colour(w: Walker, text: str, scope: Scope) -> Scope | None:
    """A sentence whose subject names one legend entry by its colour in parentheses ('Test
    loss (orange) starts ...' under a header grouping two lines): that entry's series."""
    m = _SUBJECT_COLOUR.match(text.lower()) if "(" in text else None
    if m is None:
        return None
    named = {e.label for e in w.state.legend_entries(scope.panel)
             if e.color and e.color.lower() == m.group(1).strip()}
    if len(named) != 1:
        return None
    label = named.pop()
    if scope.series is not None and name_key(scope.series.name) == name_key(label):
        return None
    mentions = mentioned_series(w.state, text)
    if len(mentions) >= 2 and joins_subjects(text, mentions[0][0] + len(mentions[0][1]), mentions[1][0]):
        return None  # 'Italy (red) and France (yellow) reach ...': both are the subject
    return scope.but(inherited=False, series=w.state.chart.series_for(label, scope.panel))


def _subject_reading(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool | None:
    """The sentence read by its subject: every series, or the ones it names; None to read on."""
    if scope.series is None:
        return _by_subject(w, text, scope, line_no)
    if scope.inherited and every_series_leads(w, text, scope, line_no):
        return True  # 'Both lines meet at ~200 by minute 40' after South's line in a flattened list
    if scope.inherited and named_series_clauses(w, text, scope, line_no):
        return True  # 'PHT at (9, 5.7), EFE at (9, 5.1)' after PHT's line in a flattened list
    return None


def _by_subject(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool | None:
    """Sentences whose subject is every series ('All three lines begin at ...') give each its
    points, the rest read once as usual; else the series the text names (_by_named_series)."""
    low = text.lower()
    if scope.x is not None or ("all " not in low and "both " not in low):
        return _by_named_series(w, text, scope, line_no)
    kept: list[str] = []
    at = 0
    for m in _EVERY_SUBJECT.finditer(text):
        if m.start(1) < at:
            continue
        end = _SENTENCE_END.search(text, m.start(1))
        stop = end.end() if end is not None else len(text)
        if read_for_every_series(w, text[m.start(1): stop], scope, line_no):
            kept.append(text[at: m.start(1)])
            at = stop
    if not kept:
        return _by_named_series(w, text, scope, line_no)
    rest = "".join(kept) + text[at:]
    if rest.strip():
        statement(w, rest, scope, line_no)  # (the sentences read are gone; one level deeper at most)
    return True


_EVERY_SUBJECT: Final = re.compile(r"(?:^|[.!?;]\s)\s?((?:both|all)\s)", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[.!?;](?:\s|$)")


def _by_named_series(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool | None:
    """A sentence that names its series itself: by name in parentheses after each value, by
    colour or entry words, or by mentions. None when it names none."""
    state = w.state
    if state.known_names and "(" in text and _values_with_series_in_parens(w, text, scope, line_no):
        return True
    if scope.x is not None and state.legend_entries(scope.panel) and (
            values_by_entry_handle(w, text, scope, line_no) or values_then_entry(w, text, scope, line_no)):
        return True
    if named_values_in_parens(w, text, scope, line_no):
        return True
    mentions = mentioned_series(state, text)
    if listed_series_values(w, text, mentions, scope, line_no):
        return True
    if len(mentions) >= 2 or (len(mentions) == 1 and mentions[0][0] < _LEAD_MENTION):
        return split_by_series(w, text, mentions, scope, line_no)
    return None


def key_then_text(w: Walker, key: str, text: str, scope: Scope, line_no: int | None) -> bool:
    """'Peak near β ≈ 1.5: y ≈ 0.022': a key holding a number is the first half of one
    sentence with its text (the colon ties an x to its value). Read only when a point's x
    is the key's number: a key such as '250M (Red)' names a series instead."""
    if not any(ch.isdigit() for ch in key):
        return False
    head = f"{key}: "
    reading = read_in(w.state, head + text)
    key_end = len(quantities(head)[0])  # positions are in the scanner's normalised text
    if not any((p.x_start is not None and p.x_start < key_end) or p.y_start < key_end
               for p in reading.points):
        return False  # (the key holds a point's x, or its y: 'At y = 0: x = -0.2 and x = 0.15')
    apply_reading(w, reading, target(w, scope), line_no)
    return True


def _declared_category_values(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'Strong in Recall (0.78)' or 'peaks at 0.85 in Speed': values at declared categories."""
    found = declared_category_values(w.state.chart, text, scope.panel)
    for label, written in found:
        _, qs = quantities(written)
        if qs:
            add_point(w, target(w, scope), label, qs[0].value, qs[0].approx, line_no,
                      rule="statement.declared-category-value")
    return bool(found)


_RANGE_GAP: Final = re.compile(r"\s{0,2}(?:[-–—]|to)\s{0,2}[~≈]?\s{0,2}$")


_DECLARED_MIN = 2  # an axis listing this many categories, not as examples, declares them all


def _quoted_categories(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'"Circle" (~35), "Radical notation" (~38)' on a categorical chart: each quoted label
    is a category with its value, whatever group header the line sits under; a quoted
    series name is no category."""
    found = quoted_label_values(text) if '"' in text or "“" in text else []
    if not found or any(name_key(label) in w.state.known_names for label, _ in found):
        return False
    axis = category_axis(w.state.chart, scope.panel)
    declared = {fold(t) for t in axis.ticks if isinstance(t, str)} if axis is not None else set()
    if axis is not None and not axis.examples_only and len(declared) >= _DECLARED_MIN \
            and not any(fold(label) in declared for label, _ in found):
        return False  # ('callouts: "best" (~82) and "worst" (~45)' beside bars the axis lists)
    series = target(w, scope)
    for label, written in found:
        _, qs = quantities(written)
        add_point(w, series, label, qs[0].value, qs[0].approx, line_no,
                  rule="statement.quoted-category-values")
    return True


def _label_paren_value(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'GPT-4 Turbo (~82%)' on a categorical chart: a category with its value."""
    m = _LABEL_PAREN_VALUE.match(strip_markup(text))
    if not m:
        return False
    label = m.group(1).strip()
    inner = _PAREN_PAIR.match(m.group(2))
    if inner is not None:
        label = inner.group(1).strip()  # 'Rarely exceeds 0.2 (e.g., Agents: ~0.2)': the pair's key
    elif quantities(label)[1]:
        return False  # a label holding a number is a sentence about a value, not a name
    elif numbered_places_only(w.state.chart, scope.panel):
        return False  # 'Minimal improvement (~0.8%)' on an axis of sample sizes '10k', '25k
    if not label or label[0].isdigit() or len(label.split()) > _LABEL_MAX_WORDS \
            or _PUNCT_SPACE.search(m.group(1)) or has_any_phrase(fold(label), SUM_PHRASES) \
            or _SENTENCE_SUBJECT.match(label):
        return False  # ('The software failures (40.4% of total) ...' is a sentence, no label)
    if not (_COLORED_VALUE.search(m.group(2)) or mentions_color(m.group(2))
            or (w.state.kind == "pie" and _BARE_COUNT.fullmatch(m.group(2)))):
        return False  # (a slice's bare count: 'billing (41) - blue segment')
    norm, qs = quantities(m.group(2))
    if not qs or (inner is None and (X_INTERVAL.search(m.group(2)) or (
            len(qs) > 1 and _RANGE_GAP.match(norm, qs[-2].end, qs[-1].start)))):
        return False  # 'Consistent IQR (~100–150)', '(height ~1e3–1e4)' state a spread, no value
    add_point(w, target(w, scope), clean_name(label), qs[-1].value, qs[-1].approx, line_no,
              rule="statement.label-paren-value")
    return True


def _bold_label_dash_value(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'**billing** - 41%' on a categorical chart: a bold category, a dash, its value alone."""
    m = _BOLD_DASH_VALUE.match(text.lstrip()) if text.lstrip().startswith("**") else None
    if m is None or quantities(m.group(1))[1]:
        return False
    _, qs = quantities(m.group(2))
    if len(qs) != 1:
        return False
    add_point(w, target(w, scope), clean_name(m.group(1)), qs[0].value, qs[0].approx, line_no,
              rule="statement.label-dash-value")
    return True


_BOLD_DASH_VALUE: Final = re.compile(r"\*\*([^*]{1,60})\*\*\s{0,3}[-–—]\s{0,3}"
                                     r"([~≈]?\s{0,2}[-−]?\d[\d,]{0,12}(?:\.\d{1,6})?\s{0,2}%?)\s{0,3}\.?$")


# 'At 10³, ', 'Around 2001, ': a lead word, then the x every named series' part is at
_LEAD_OPENING: Final = re.compile(LEAD_OPEN, re.IGNORECASE)  # a cheap test before the names are sought


def _several_at_one_x(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool | None:
    """'Around 2001, A peaks at ~400, while B peaks at ~250' under A's header: a lead x, then
    values of several named series, each its own. None unless it names two."""
    mentions = mentioned_series(w.state, text)
    if len({name for _, name in mentions}) < 2 or not lead_clause(text, mentions[0][0]):
        return None
    return split_by_series(w, text, mentions, scope, line_no)


_PAIR_SLASH: Final = re.compile(r"\s/\s")


def _combined_parts(name: str) -> list[str]:
    """The names of a legend entry that pairs two ('Pika 2B / Rook 2B'): a value naming
    one of them in parentheses belongs to that name's series."""
    parts = [p.strip() for p in _PAIR_SLASH.split(name)]
    return parts if len(parts) > 1 and all(len(p) > 1 for p in parts) else []


_VALUE_PAREN_NAME: Final = re.compile(r"([~≈]?\s?-?\d[\d.,]*\s?%?)\s?\(([^()\n]{1,40})\)")
_SPACES: Final = re.compile(r"\s+")


def _short_handles(names: list[str]) -> dict[str, str]:
    """How a value in parentheses may name a series of several words: by its first word or
    its initials ('41% (D), 48% (R)' for "Democratic Party" and "Republican Party"). A handle
    two names share names neither."""
    handles: dict[str, str] = {}
    shared: set[str] = set()
    for name in names:
        words = name.split()
        if len(words) < 2 or not all(word[:1].isalpha() for word in words):
            continue
        own = {words[0][0].lower(), "".join(word[0] for word in words).lower()}
        if len(words[0]) >= 3 and words[0].isalpha():
            own.add(words[0].lower())
        for handle in own:
            if handles.get(handle, name) != name:
                shared.add(handle)
            handles.setdefault(handle, name)
    return {h: name for h, name in handles.items() if h not in shared}


def _values_with_series_in_parens(w: Walker, text: str, scope: Scope, line_no: int | None) -> bool:
    """'At α=0.2: Pr ≈ 0.1 (γ=2), 0.05 (γ=3)': each value names its series in parentheses."""
    state = w.state
    by_key = {_SPACES.sub("", k): name for k, name in state.known_names.items()}
    for known in list(by_key.values()):
        for part in _combined_parts(known):  # 'Pika 2B / Rook 2B': one look, two names
            by_key.setdefault(_SPACES.sub("", name_key(part)), part)
    handles = _short_handles(list(by_key.values()))
    found: list[tuple[int, str, str]] = []
    for m in _VALUE_PAREN_NAME.finditer(text):
        inside = m.group(2).strip()
        key = _SPACES.sub("", name_key(inside))
        name = by_key.get(key)
        if name is None and (len(inside) > 1 or inside.isupper()):
            name = handles.get(key)  # ('(a)' marks a panel; '(D)' can be a party's initial)
        if name is not None:
            found.append((m.start(), name, m.group(1)))
    if len({name for _, name, _ in found}) < 2:
        return False
    x = scope.x
    if x is None:
        reading = read_in(state, text[: found[0][0]] + text[found[0][0]:].split("(", 1)[0])
        x = reading.points[0].x if reading.points else None
    if x is None:
        return False
    for _, name, written in found:
        _, qs = quantities(written)
        if qs:
            add_point(w, state.chart.series_for(name, scope.panel, line_no), x, qs[0].value, qs[0].approx,
                      line_no, rule="statement.values-with-series-in-parens")
    return True
