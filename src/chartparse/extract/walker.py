"""Walks the outline and gives each line its meaning.

Two passes over the same tree:

1. *components*: title, kind, axes, legend, declared series, panels, observations
   and interpretation. These come first in most descriptions but not all, and the
   data pass needs the legend's names to recognise series headers.
2. *data*: every line that can carry values, read in the scope its position gives
   it (panel, series, x or category), with tables read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..blocks import Line
from ..outline import _PSEUDO_LEVEL, Node
from ..textcache import text_cache
from ..vocab import (
    DATA_GROUP_KEYS,
    LEGEND_ENTRY_GROUP_KEYS,
    LEGEND_META_KEYS,
    PANEL_POSITIONS,
    PANEL_WORDS,
    SECTION_ROLES,
    fold,
    has_phrase,
    lookup,
    mentions_color,
    starts_with_any,
)
from .axes import axis_role, read_axis
from .keys import KeyInfo, key_info, key_words
from .kinds import explicit_title, kind_in, stated_panel_count, title_from_heading, titled_in
from .legend import add_entries, entries_from_prose, entry_from_line, legend_position
from .narrative import Reading, read_statement
from .state import ChartDraft, LegendEntryDraft, PointDraft, SeriesDraft, name_key
from .tables import read_table
from .text import (
    MAX_VALUES_PER_TEXT,
    all_quoted,
    clean_name,
    drop_numbering,
    is_no_value,
    is_style_words,
    quantities,
    strip_markup,
    style_of,
)
from .values_of import x_number

_CLAUSE_END = re.compile(r"[,.;]")
_END_PAREN = re.compile(r"\(([^()]{1,30})\)\s*$")
_NUMBERED_PANEL = re.compile(r"\b(?:chart|graph|plot|panel|subplot|heatmap)\s*\d")
_LABELLED_PANEL = re.compile(
    r"\b(?:chart|graph|plot|panel|subplot|heatmap|figure)\s*\(?[a-z0-9]{1,2}\)?(?:\s|$)")
_PARENS_TEXT = re.compile(r"\(([^()]{2,80})\)")
_TRAILING_COLON = re.compile(r":\s*$")
_PUNCT_SPACE = re.compile(r"[.;:]\s")

_OVERVIEW_LINES = 12  # how many opening lines may name the kind, title or panel count
NO_DATA_ROLES = frozenset({"observations", "interpretation", "legend", "overview", "skip"})
CATEGORICAL_KINDS = frozenset({"bar", "pie", "box", "heatmap", "histogram", "table"})
_PANEL_LABEL = re.compile(
    r"^\(?[a-h]\)\s|^\([a-h]\)|^(?:panel|subplot|chart|graph|plot|figure)"
    r"(?:\s+\(?[a-z0-9]{1,3}\)?|\s*\([a-z0-9]{1,3}\))(?:\W|$)",
    re.IGNORECASE,
)
_VS = re.compile(r"^(.{1,60}?)\s+(?:vs\.?|versus|×|x|and)\s+(.{1,60})$", re.IGNORECASE)
_LABEL_PAREN_VALUE = re.compile(r"^([^()]{1,80}?)\s*\(([^()]*\d[^()]*)\)")
_BOTH = re.compile(r"\b(?:both|all)\s+(?:lines|series|curves|models|methods|metrics|bars|groups)\b",
                   re.IGNORECASE)
_X_INTERVAL = re.compile(r"\d\s*(?:–|—|-|to)\s*[~≈]?\s*\d")
_COLORED_VALUE = re.compile(r"[~≈%]|approx")
_FIRST_PAREN = re.compile(r"\(([^()]*)\)")
_STYLE_PAREN = re.compile(
    r"\((?:[^()]*\b(?:line|curve|dashed|dotted|solid|markers?|circles?|squares?|triangles?)\b[^()]*)\)",
    re.IGNORECASE)


_GENERIC_HEADER_WORDS = frozenset(
    """behavior behaviour trend trends phase phases overview analysis pattern patterns data values
    points summary region regions segment segments section details detail observations notes
    description shape distribution characteristics features general overall key main series
    panels panel lines legend charts plots""".split()
)
_SENTENCE_START = re.compile(r"^(?:the|this|these|here|below|above|there|it|each|all|both|following)\b",
                             re.IGNORECASE)


def _is_sentence(text: str) -> bool:
    """A lead-in sentence ('The chart presents the following data') rather than a name."""
    plain = strip_markup(text)
    return len(plain.split()) > 7 or bool(_SENTENCE_START.match(plain))


class _Keep(Enum):
    """The default of :meth:`Scope.but`: keep this field as it is."""

    KEEP = 0


KEEP = _Keep.KEEP


@dataclass(slots=True)
class Scope:
    """Where a line stands: section role, panel, series, x.

    Never changed once made (a scope is shared by the lines under it): :meth:`but` copies.
    Not ``frozen``, because a frozen dataclass is slow to build in pure Python.
    """

    role: str
    panel: str | None
    series: SeriesDraft | None
    x: int | float | str | None
    in_container: bool
    inherited: bool  # the series came from a header line before this one, not a parent

    # Written out because mypyc compiles an explicit __init__; a scope is made for most lines.
    def __init__(self, role: str, panel: str | None = None, series: SeriesDraft | None = None,
                 x: int | float | str | None = None, in_container: bool = False,
                 inherited: bool = False) -> None:
        self.role = role
        self.panel = panel
        self.series = series
        self.x = x
        self.in_container = in_container
        self.inherited = inherited

    def but(self, *, role: str | _Keep = KEEP, panel: str | _Keep | None = KEEP,
            series: SeriesDraft | _Keep | None = KEEP, x: int | float | str | _Keep | None = KEEP,
            in_container: bool | _Keep = KEEP, inherited: bool | _Keep = KEEP) -> Scope:
        """A copy with the given fields changed."""
        return Scope(
            self.role if role is KEEP else role,
            self.panel if panel is KEEP else panel,
            self.series if series is KEEP else series,
            self.x if x is KEEP else x,
            self.in_container if in_container is KEEP else in_container,
            self.inherited if inherited is KEEP else inherited,
        )


_DATA_PHRASES = tuple((p, r) for p, r in SECTION_ROLES if r == "data")


@text_cache()
def _titled_role(title: str) -> str | None:
    # 'Trend Verification & Data Point Extraction': data wins over any other role.
    return lookup(_DATA_PHRASES, title) or lookup(SECTION_ROLES, title)


def section_role(title: str, parent: str) -> str:
    role = _titled_role(title)
    if role is not None:
        return role
    if parent in ("document", "overview"):
        return "other"
    return parent


@text_cache()
def _grid_position_note(title: str) -> bool:
    """A title ending in a grid position: 'ARC-Easy (top-left)'."""
    paren = _END_PAREN.search(title)
    return paren is not None and any(
        has_phrase(fold(paren.group(1)).replace("-", " "), p.replace("-", " "))
        for p in PANEL_POSITIONS)


_POSITION_ONLY_WORDS = frozenset("top bottom left right middle center upper lower panel".split())


@text_cache()
def _names_a_panel(title: str) -> bool:
    """A title that reads as a panel's by its own words ('(a) Loss', 'Top-Left Chart')."""
    folded = fold(drop_numbering(title))
    role = lookup(SECTION_ROLES, title)
    if not folded or role in ("observations", "interpretation"):
        return False
    words = folded.replace("-", " ").split()
    if _PANEL_LABEL.match(drop_numbering(strip_markup(title)).strip()):
        return True
    if any(w in PANEL_WORDS for w in words):
        at_position = any(has_phrase(folded, p) for p in PANEL_POSITIONS)
        if role in ("components", "legend", "data") and not at_position \
                and not _NUMBERED_PANEL.search(folded):
            return False
        if words[0] in ("the", "this", "a", "an", "each", "all", "both"):
            return False
        return at_position or bool(_LABELLED_PANEL.search(folded)) or " vs" in folded
    return bool(words) and all(w in _POSITION_ONLY_WORDS for w in words)


class Walker:
    def __init__(self, chart: ChartDraft, root: Node) -> None:
        self.chart = chart
        self.root = root
        self._x_words: frozenset[str] | None = None
        self._defaults: dict[str | None, SeriesDraft] = {}
        self._style_defaults: dict[str | None, SeriesDraft] = {}
        self.known_names: dict[str, str] = {}  # name_key -> name as written
        self.panel_names: set[str] = set()  # name keys of panels listed up front
        self._overview_lines = 0
        self._component_lines = 0
        self._panel_titles: dict[str, bool] = {}
        self._matched: dict[str, str | None] = {}  # header -> the known name it names
        self._matched_for = 0  # how many names were known when _matched was filled
        self._capped_lines: set[int | None] = set()
        self._key_infos: dict[str, KeyInfo] = {}
        self._categorical_known: bool | None = None
        self.declared_entries: list[LegendEntryDraft] = []  # series a 'Data Series:' line lists

    def _key_info(self, key: str) -> KeyInfo:
        # Kept per document as well as process-wide: a long description can hold more
        # distinct keys than the shared cache, and both passes ask for every one.
        info = self._key_infos.get(key)
        if info is None:
            info = self._key_infos[key] = key_info(key)
        return info

    # ------------------------------------------------------------------ setup
    def run(self) -> None:
        self._document_heading()
        scope = Scope(role="document")
        self._components(self.root, scope)
        if self.chart.kind != "pie":  # a pie's legend names its slices, not series
            for entry in self.chart.legend:
                self.known_names.setdefault(name_key(entry.label), entry.label)
        for s in self.chart.series:
            self.known_names.setdefault(name_key(s.name), s.name)
        self._panel_titles.clear()  # panel names listed up front are all known now
        self._matched.clear()
        # The kind and the axes are read in pass 1 and stay as they are in pass 2.
        self._categorical_known = self._categorical()
        self._data(self.root, scope)

    def _document_heading(self) -> Node | None:
        for node in self.root.walk():
            if node.is_section and node.line is not None and node.line.kind == "heading":
                line = node.line
                self.chart.heading_title = title_from_heading(line.key, line.text)
                kind = kind_in(line.full_text)
                if kind:
                    self.chart.kind, self.chart.kind_source = kind, "heading"
                if self.chart.heading_title and lookup(SECTION_ROLES, self.chart.heading_title) \
                        and line.key is None:
                    self.chart.heading_title = None
                node.title = "\x00document"
                return node
            if node.line is not None and node.line.kind in ("para", "item"):
                return None
        return None

    @property
    def x_words(self) -> frozenset[str]:
        if self._x_words is None:
            words: set[str] = set()
            for axis in self.chart.axes:
                if axis.role in ("x", "x2") and axis.label:
                    words.update(w.strip("()#%") for w in fold(axis.label).split())
            self._x_words = frozenset(w for w in words if w)
        return self._x_words

    @property
    def y_words(self) -> frozenset[str]:
        if not hasattr(self, "_y_words"):
            words: set[str] = set()
            for axis in self.chart.axes:
                if axis.role in ("y", "y2"):
                    for text in (axis.label, axis.unit):
                        if text:
                            words.update(w.strip("()#%") for w in fold(text).split())
            self._y_words = frozenset(w for w in words if w)
        return self._y_words

    @property
    def kind(self) -> str | None:
        return self.chart.kind

    def _numeric_x_axis(self) -> bool:
        x = self.chart.axis("x", None)
        return bool(x and x.scale != "categorical" and x.min is not None and x.max is not None)

    def _categorical(self) -> bool:
        if self._categorical_known is not None:
            return self._categorical_known
        if self.kind in CATEGORICAL_KINDS:
            return True
        x = self.chart.axis("x", None)
        return bool(x and x.scale == "categorical")

    # ------------------------------------------------------- pass 1: components
    def _components(self, node: Node, scope: Scope) -> None:
        for child in node.children:
            if child.is_section:
                self._component_section(child, scope)
                continue
            line = child.line
            assert line is not None
            if scope.role in ("observations", "interpretation"):
                self._collect_prose(child, scope.role)
                continue
            if scope.role == "legend":
                self._legend_section_line(child)
                continue
            if line.kind in ("para", "item") and scope.role in ("overview", "document", "other") \
                    and self._overview_lines < _OVERVIEW_LINES:
                self._overview_text(line.full_text)
            if line.key is not None and self._component_line(child, scope):
                continue
            self._components(child, scope)

    def _component_section(self, node: Node, scope: Scope) -> None:
        title = node.title or ""
        if title == "\x00document":
            self._components(node, scope)
            return
        role = section_role(title, scope.role)
        panel = scope.panel
        if role not in ("observations", "interpretation", "legend", "overview"):
            axis = axis_role(title)
            if axis is not None:
                children = self._child_pairs(node)
                read_axis(self.chart, axis[0], axis[1], title, "", children, panel,
                          node.first_line, node.last_line)
                node.title = "\x00axis"
                return
            if lookup((("legend", "legend"),), title) and title.lower().startswith(("legend", "key")):
                role = "legend"
                pos = legend_position(title)
                self.chart.legend_position = self.chart.legend_position or pos
            elif self._is_panel_title(title):
                panel = self.chart.add_panel(self._panel_name(title), node.first_line,
                                             node.last_line)
        self._components(node, scope.but(role=role, panel=panel))

    def _overview_text(self, text: str) -> None:
        # Only the opening lines describe the figure as a whole; reading every line of a
        # long text here would also cost time for nothing.
        self._overview_lines += 1
        if self._overview_lines > _OVERVIEW_LINES:
            return
        if self.chart.kind is None:
            kind = kind_in(text)
            if kind:
                self.chart.kind, self.chart.kind_source = kind, "overview"
        if self.chart.stated_panel_count is None:
            count = stated_panel_count(text)
            if count:
                self.chart.stated_panel_count = (count, None)
        if self.chart.explicit_title is None and not self.chart.stated_panel_count:
            self.chart.explicit_title = titled_in(text)

    def _component_line(self, node: Node, scope: Scope) -> bool:
        """Handle a keyed component line; True when it was one."""
        line = node.line
        assert line is not None and line.key is not None
        info = self._key_info(line.key)
        role = info.axis
        if role is not None:
            read_axis(self.chart, role[0], role[1], line.key, line.text, self._child_pairs(node),
                      scope.panel, line.line, node.last_line)
            return True
        if info.legend:
            self._legend_line(node)
            return True
        if info.title:
            if scope.panel is None and self.chart.explicit_title is None:
                self.chart.explicit_title = explicit_title(line.text)
            return True
        if info.kind:
            kind = kind_in(line.text)
            if kind and self.chart.kind_source != "heading":
                self.chart.kind, self.chart.kind_source = kind, "key"
            return True
        if info.series_list:
            if node.children:
                self._declare_series(node, scope)
                return True
            # '* **Data Series:** Blue line (HNSW), Orange line (IVF-PQ)'
            for entry in entries_from_prose(line.text, line.line):
                series = self.chart.series_for(entry.label, scope.panel, line.line)
                series.declared = True
                if not any(name_key(e.label) == name_key(entry.label)
                           for e in self.declared_entries):
                    self.declared_entries.append(entry)
            return False
        if info.panel_list and line.text:
            # '* **Panel Titles:** "ARC-Easy" (top-left), "PIQA" (top-right), ...'
            for name in all_quoted(line.text):
                self.panel_names.add(name_key(name))
            return True
        self._component_lines += 1
        if self.chart.kind is None and line.text and self._component_lines <= _OVERVIEW_LINES:
            kind = kind_in(line.text)  # '* **Main Chart:** Horizontal bar chart'
            if kind:
                self.chart.kind, self.chart.kind_source = kind, "component"
        if info.data_group and line.text:
            # '* **Data Points:** Blue dots, each labeled with the model name.'
            lead = _CLAUSE_END.split(strip_markup(line.text), maxsplit=1)[0].strip()
            if lead and is_style_words(lead) and len(lead.split()) <= 4:
                series = self.chart.series_for(lead, scope.panel, line.line)
                series.declared = True
                self._style_defaults[scope.panel] = series
            return True
        return False

    def _legend_line(self, node: Node) -> None:
        line = node.line
        assert line is not None and line.key is not None
        words = key_words(line.key)
        pos = legend_position(line.key) or legend_position(line.text)
        if "position" in words or "location" in words:
            self.chart.legend_position = self.chart.legend_position or pos
            return
        if "visual" in words or "title" in words:
            if "title" in words:
                self.chart.legend_title = strip_markup(line.text) or None
            return
        if "label" in words and line.text and not node.children:
            entry = entry_from_line(None, line.text, line.line)
            if entry:
                entry.label = strip_markup(line.text)
                add_entries(self.chart, [entry])
            return
        if pos and self.chart.legend_position is None:
            self.chart.legend_position = pos
        if node.children:
            for child in node.children:
                self._legend_section_line(child)
        elif line.text:
            add_entries(self.chart, entries_from_prose(line.text, line.line))

    def _legend_section_line(self, node: Node) -> None:
        line = node.line
        if line is None or line.kind not in ("item", "para"):
            return
        if line.key is not None:
            words = key_words(line.key)
            if starts_with_any(words, LEGEND_META_KEYS):
                if words.startswith("title"):
                    self.chart.legend_title = strip_markup(line.text) or None
                else:
                    self.chart.legend_position = self.chart.legend_position or legend_position(
                        line.text)
                return
            if words in LEGEND_ENTRY_GROUP_KEYS and line.text and not node.children:
                add_entries(self.chart, entries_from_prose(line.text, line.line))
                return
            if (words in LEGEND_ENTRY_GROUP_KEYS and (not line.text or node.children)) or (
                not line.text and node.children
            ):
                for child in node.children:
                    self._legend_section_line(child)
                if line.text and not node.children:
                    add_entries(self.chart, entries_from_prose(line.text, line.line))
                return
        if line.kind == "para" and line.key is None and len(line.text.split()) > 8:
            add_entries(self.chart, entries_from_prose(line.text, line.line))
            return
        entry = entry_from_line(line.key, line.text, line.line)
        if entry:
            add_entries(self.chart, [entry])
        for child in node.children:
            self._legend_section_line(child)

    def _declare_series(self, node: Node, scope: Scope) -> None:
        for child in node.children:
            line = child.line
            if line is None or line.kind not in ("item", "para"):
                continue
            entry = entry_from_line(line.key, line.text, line.line)
            if entry is None:
                continue
            series = self.chart.series_for(entry.label, scope.panel, line.line)
            series.declared = True
            series.color = series.color or entry.color
            series.line_style = series.line_style or entry.line_style
            series.marker = series.marker or entry.marker
            if not any(name_key(e.label) == name_key(entry.label) for e in self.chart.legend):
                self.declared_entries.append(entry)

    def _collect_prose(self, node: Node, role: str) -> None:
        line = node.line
        if line is not None and line.kind in ("item", "para"):
            text = strip_markup(line.full_text)
            if text:
                (self.chart.observations if role == "observations" else self.chart.interpretation
                 ).append(text)
        for child in node.children:
            self._collect_prose(child, role)

    def _child_pairs(self, node: Node) -> list[tuple[str | None, str]]:
        out: list[tuple[str | None, str]] = []
        for child in node.walk():
            if child.line is not None and child.line.kind in ("item", "para"):
                out.append((child.line.key, child.line.text))
        return out

    # ---------------------------------------------------------- panels, series
    def _is_panel_title(self, title: str) -> bool:
        cached = self._panel_titles.get(title)
        if cached is None:
            cached = self._panel_titles[title] = self._panel_title_uncached(title)
        return cached

    def _panel_title_uncached(self, title: str) -> bool:
        if name_key(title) in self.panel_names:
            return True
        if self.chart.stated_panel_count and _grid_position_note(title):
            return True  # 'ARC-Easy (top-left)' in a 2x2 grid
        return _names_a_panel(title)

    def _panel_name(self, title: str) -> str:
        return clean_name(title) or strip_markup(title)

    def match_series(self, name: str, panel: str | None) -> SeriesDraft | None:
        """The known series a header names ('1 Rec (Solid Blue Line)' -> '1 Rec')."""
        if not self.known_names:
            return None
        # The answer depends on the header and the names known so far; headers repeat
        # across panels and both passes, so it is kept until a new name is learnt.
        if len(self.known_names) != self._matched_for:
            self._matched.clear()
            self._matched_for = len(self.known_names)
        if name in self._matched:
            known = self._matched[name]
        else:
            known = self._matched[name] = self._known_name_in(name)
        return None if known is None else self.chart.series_for(known, panel)

    def _known_name_in(self, name: str) -> str | None:
        candidates = [clean_name(name), strip_markup(name)]
        for cand in candidates:
            key = name_key(cand)
            if key and key in self.known_names:
                return self.known_names[key]
        if self._is_panel_title(name):
            return None  # 'Chart 2: Large Models' is a panel even with a series 'Large'
        # 'Blue (`32K-base:1e4`)': the name may stand in the parentheses.
        for cand in _PARENS_TEXT.findall(name):
            key = name_key(cand)
            if key and key in self.known_names:
                return self.known_names[key]
        # 'Package 1377834' names the legend's '1377834': the longest known name
        # standing as whole words inside the header.
        key = name_key(candidates[0])
        best = None
        for known, name in self.known_names.items():
            if len(known) >= 2 and known != key and has_phrase(key, known) and (
                best is None or len(known) > len(best[0])
            ):
                best = (known, name)
        if best is not None and len(best[0]) * 2 >= len(key) - 12:
            return best[1]
        return None

    def default_series(self, panel: str | None) -> SeriesDraft:
        series = self._style_defaults.get(panel) or self._defaults.get(panel)
        if series is None:
            series = SeriesDraft(name="", panel=panel)
            self.chart.series.append(series)
            self._defaults[panel] = series
        return series

    def mentioned_series(self, text: str) -> list[tuple[int, str]]:
        """(position, name) of every known series name in a sentence, first mention each."""
        folded = text.lower()
        found = []
        for name in self.known_names.values():
            idx = folded.find(name.lower())
            if idx != -1:
                found.append((idx, name))
        found.sort()
        # Drop names contained in a longer name found at the same place ('Chat' in 'Chat Hard').
        out: list[tuple[int, str]] = []
        for idx, name in found:
            if any(o_idx <= idx < o_idx + len(o_name) and name != o_name for o_idx, o_name in found
                   if len(o_name) > len(name)):
                continue
            out.append((idx, name))
        return out

    # ---------------------------------------------------------------- pass 2
    def _data(self, node: Node, scope: Scope) -> None:
        # Flattened text states a series once ('**Pythia (Blue):** ...') and lists its
        # values in the following sibling lines: a header line sets the scope of the
        # siblings after it, until the next header.
        current = scope
        for child in node.children:
            if child.is_section:
                if child.level < _PSEUDO_LEVEL:
                    self._data_section(child, scope)
                    continue
                # A bold line that names a panel ('**Chart 1: Loss**') governs the bold
                # series headers after it, which are its siblings in flattened text.
                title = child.title or ""
                if title and not title.startswith("\x00") and self._is_panel_title(title) \
                        and self.match_series(title, current.panel) is None:
                    panel = self.chart.add_panel(self._panel_name(title), child.first_line,
                                                 child.last_line)
                    current = current.but(panel=panel, series=None, x=None)
                elif title and _is_sentence(title) and current.series is None:
                    # 'The RM-base series shows three phases:' introduces what follows.
                    names = {name for _, name in self.mentioned_series(title)}
                    if len(names) == 1:
                        current = current.but(inherited=True, series=self.chart.series_for(
                            names.pop(), current.panel))
                self._data_section(child, current)
            else:
                following = self._data_line(child, current)
                if following is not None:
                    current = following.but(inherited=True)

    def _data_section(self, node: Node, scope: Scope) -> None:
        title = node.title or ""
        if title == "\x00document":
            self._data(node, scope)
            return
        if title == "\x00axis":
            return
        series = self.match_series(title, scope.panel)
        if series is not None and scope.role not in NO_DATA_ROLES:
            self._data(node, scope.but(inherited=False, series=series, role="data" if scope.role in (
                "document", "other", "components") else scope.role))
            return
        role = section_role(title, scope.role)
        if role == "legend" or title.lower().startswith("legend"):
            return
        if role in NO_DATA_ROLES:
            # Its lines carry no data, but a sub-heading may open a data section.
            for child in node.children:
                if child.is_section:
                    self._data_section(child, scope.but(role=role))
            return
        if lookup(SECTION_ROLES, title) is not None:
            # A bold '**Key Data Points:**' line inside a series' text keeps that series;
            # a real heading starts afresh.
            keep = node.level >= _PSEUDO_LEVEL and role == "data"
            self._data(node, scope.but(role=role, series=scope.series if keep else None,
                                       x=scope.x if keep else None))
            return
        self._data(node, self._header_scope(title, scope.but(role=role), node))

    def _header_scope(self, title: str, scope: Scope, node: Node | None = None) -> Scope:
        """The scope a header line opens: a series, an x or category, or a panel."""
        series = self.match_series(title, scope.panel)
        if series is not None:
            return scope.but(inherited=False, series=series)
        words = key_words(title)
        if words in DATA_GROUP_KEYS or words.startswith(("data points", "approximate data")):
            return scope
        if _is_sentence(title) or _X_INTERVAL.search(title):
            # 'The chart presents the following data:' or 'Initial Phase (0–10,000)'
            return scope
        if self._is_panel_title(title):
            panel = self.chart.add_panel(self._panel_name(title),
                                         node.first_line if node else None,
                                         node.last_line if node else None)
            return scope.but(panel=panel, series=None, x=None)
        xv = x_number(title, self.x_words)
        if xv is not None and scope.series is None and (
                not self._categorical() or self._numeric_x_axis() or "=" in title):
            return scope.but(x=xv)
        name = clean_name(title)
        if not name:
            return scope
        if self._categorical() and scope.x is None:
            return scope.but(x=name)
        if scope.x is not None:
            return scope.but(inherited=False, series=self.chart.series_for(name, scope.panel))
        if xv is not None and scope.series is None:
            return scope.but(x=xv)
        if self._names_a_series(title, name):
            return scope.but(inherited=False, series=self.chart.series_for(name, scope.panel))
        return scope

    def _names_a_series(self, title: str, name: str) -> bool:
        """Whether an unknown header introduces a new series (else it only groups lines)."""
        paren = _FIRST_PAREN.search(title)
        if _STYLE_PAREN.search(title) or (paren and mentions_color(paren.group(1))):
            return True
        if self.known_names:
            return False  # with a legend, a name outside it is a heading, not a series
        words = fold(name).split()
        return 0 < len(words) <= 3 and not any(w in _GENERIC_HEADER_WORDS for w in words)

    def _target(self, scope: Scope) -> SeriesDraft:
        return scope.series or self.default_series(scope.panel)

    def _add(self, series: SeriesDraft, x, y, approx: bool, line: int | None,
             label: str | None = None) -> None:
        # A scatter plot may have several dots at one x; a line has one value per x.
        series.add_point(PointDraft(x, y, approx, line, label), unique_x=self.kind != "scatter")

    def _apply_reading(self, reading: Reading, series: SeriesDraft, line: int | None,
                       label: str | None = None) -> None:
        if reading.capped and line not in self._capped_lines:
            self._capped_lines.add(line)
            self.chart.warn("too-many-values", f"only the first {MAX_VALUES_PER_TEXT} values of "
                            "this line were read", line)
        for point in reading.points:
            self._add(series, point.x, point.y, point.approx, line, label)
        for k, v in reading.summary.items():
            series.set_summary(k, v)
        if reading.value_label and reading.points:
            series.value_labels[reading.value_label] = series.value_labels.get(
                reading.value_label, 0) + 1
        if reading.points or reading.summary:
            series.touch(line)

    def _data_line(self, node: Node, scope: Scope) -> Scope | None:
        """Read one line in scope; returns the scope it opens for the siblings after it."""
        line = node.line
        assert line is not None
        if scope.role in NO_DATA_ROLES:
            return None
        if line.kind == "table":
            if scope.role == "components" and len(line.rows) < 2:
                return None
            read_table(self.chart, line.rows, scope.panel, line.line,
                       row_series=self.kind == "heatmap", row_lines=line.row_lines)
            return None
        if line.kind not in ("item", "para"):
            return None
        if line.key is not None:
            return self._keyed_line(node, line, scope)
        if scope.role == "components" and not scope.in_container:
            return None
        text = line.text
        if node.children and (text.rstrip("*_ ").endswith(":") or text.startswith("**")):
            header = _TRAILING_COLON.sub("", strip_markup(text.rstrip("*_ ").rstrip(":")))
            self._data(node, self._header_scope(header, scope, node))
            return None
        found = self._statement(text, scope, line.line, label=None)
        self._data(node, scope)
        if not found and scope.series is None and scope.x is None:
            # 'The RM-base series shows three phases:' names the series the next lines describe.
            mentions = self.mentioned_series(text)
            if len({name for _, name in mentions}) == 1:
                series = self.chart.series_for(mentions[0][1], scope.panel)
                return scope.but(inherited=False, series=series)
        return None

    def _statement(self, text: str, scope: Scope, line_no: int | None, label: str | None) -> bool:
        """Read a free sentence in the scope; split it by series names when it names several."""
        if scope.series is None:
            mentions = self.mentioned_series(text)
            if len(mentions) >= 2 or (len(mentions) == 1 and mentions[0][0] < 40):
                return self._split_by_series(text, mentions, scope, line_no)
        if scope.x is not None:
            reading = read_statement(text, self.x_words, x_context=scope.x, y_words=self.y_words)
        else:
            reading = read_statement(text, self.x_words, y_words=self.y_words)
        if not reading.points and self._categorical() and scope.x is None:
            m = _LABEL_PAREN_VALUE.match(strip_markup(text))
            if m and m.group(1).strip() and not m.group(1).strip()[0].isdigit() and len(
                m.group(1).split()) <= 5 and not _PUNCT_SPACE.search(m.group(1)) and (
                _COLORED_VALUE.search(m.group(2)) or mentions_color(m.group(2))
            ):
                _, qs = quantities(m.group(2))
                if qs:
                    self._add(self._target(scope), clean_name(m.group(1)), qs[0].value,
                              qs[0].approx, line_no)
                    return True
        if reading.points or reading.summary:
            self._apply_reading(reading, self._target(scope), line_no, label)
            return True
        return False

    def _split_by_series(self, text: str, mentions: list[tuple[int, str]], scope: Scope,
                         line_no: int | None) -> bool:
        found = False
        for i, (idx, name) in enumerate(mentions):
            end = mentions[i + 1][0] if i + 1 < len(mentions) else len(text)
            segment = text[idx:end]
            series = self.chart.series_for(name, scope.panel, line_no)
            reading = read_statement(segment, self.x_words, x_context=scope.x,
                                     y_words=self.y_words)
            self._apply_reading(reading, series, line_no)
            found = found or bool(reading.points or reading.summary)
        return found

    def _keyed_line(self, node: Node, line: Line, scope: Scope) -> Scope | None:
        key = line.key or ""
        info = self._key_info(key)
        text = line.text
        # Component lines were read in pass 1.
        if info.axis is not None or info.title or info.kind_key:
            return None
        if info.legend_word and not info.words.startswith("key "):
            return None
        if info.series_list and node.children:
            self._data(node, scope.but(in_container=True))
            return None
        if info.trend:
            series = scope.series
            if series is not None:
                series.set_summary("trend", strip_markup(text) or None)
                if scope.x is None:
                    self._statement(text, scope, line.line, None)
                    for child in node.walk():
                        if child.line is not None and child.line.key is None:
                            self._statement(child.line.text, scope, child.line.line, None)
            return None
        if info.meta:
            return None
        if self.kind == "box" and info.spread:
            return None  # quartiles, whiskers and outliers are not a box's value
        if scope.x is not None and info.central:
            self._statement(text, scope, line.line, None)
            return None
        if info.container:
            inner = scope.but(in_container=True)
            if text:
                self._statement(text, inner, line.line, None)
            self._data(node, inner)
            return None
        if scope.role == "components" and not scope.in_container:
            return None
        if self.kind == "heatmap":
            m = _VS.match(clean_name(key))
            if m and text:
                series = self.chart.series_for(clean_name(m.group(1)), scope.panel, line.line)
                cell = scope.but(inherited=False, series=series, x=clean_name(m.group(2)))
                self._statement(text, cell, line.line, None)
                return None
        series = self.match_series(key, scope.panel)
        if series is not None:
            inner = scope.but(inherited=False, series=series)
            if text:
                self._statement(text, inner, line.line, None)
            self._data(node, inner)
            return inner if scope.x is None else None
        xv = None if self._categorical() else x_number(key, self.x_words)
        if xv is not None:
            inner = scope.but(x=xv)
            if text:
                if scope.series is None and _BOTH.search(text):
                    names = [e.label for e in self.chart.legend] or list(self.known_names.values())
                    for name in names:
                        self._statement(text, inner.but(inherited=False, series=self.chart.series_for(
                            name, scope.panel, line.line)), line.line, None)
                else:
                    self._statement(text, inner, line.line, None)
            self._data(node, inner)
            return None
        if self.chart.stated_panel_count and scope.series is None and text and len(
                self.mentioned_series(text)) >= 1 and scope.x is None:
            panel = self.chart.add_panel(self._panel_name(key), line.line, node.last_line)
            self._statement(text, scope.but(panel=panel), line.line, None)
            self._data(node, scope.but(panel=panel))
            return None
        if not text:
            inner = self._header_scope(key, scope, node)
            self._data(node, inner)
            # A flattened series header also governs the lines after it.
            if inner.series is not None and inner.series is not scope.series and scope.x is None \
                    and inner.panel == scope.panel:
                return inner
            return None
        name = clean_name(key)
        if self.kind == "histogram":
            bin_label = _bin_label(key)
            if bin_label is not None:
                self._statement(text, scope.but(x=bin_label), line.line, None)
                return None
            if not quantities(key)[1]:
                return None  # 'The Tail: ...' describes the shape, not a bin
        if _X_INTERVAL.search(key):
            # 'Initial Phase (0–10,000)': a stretch of x, not a series.
            self._statement(text, scope, line.line, None)
            self._data(node, scope)
            return None
        if scope.x is not None and _BOTH.search(key):
            for known in list(self.known_names.values()):
                target = self.chart.series_for(known, scope.panel, line.line)
                self._statement(text, scope.but(inherited=False, series=target), line.line, None)
            return None
        if scope.x is not None:
            series = self.chart.series_for(name, scope.panel, line.line)
            self._statement(text, scope.but(inherited=False, series=series), line.line, None)
            self._data(node, scope.but(inherited=False, series=series))
            return None
        if not self._categorical() and _STYLE_PAREN.search(key) and scope.series is None:
            # '**Active Experts (Purple Line):** ...': a series introduced by its style.
            target = self.chart.series_for(name, scope.panel, line.line)
            inner = scope.but(inherited=False, series=target)
            self._statement(text, inner, line.line, None)
            self._data(node, inner)
            return inner
        reading = read_statement(text, self.x_words, y_words=self.y_words)
        if reading.points and not self._categorical():
            own = None if scope.inherited else scope.series
            target = (own or self._style_defaults.get(scope.panel)
                      or self.chart.series_for(name, scope.panel, line.line))
            if target.name == name:
                # A series first met in the data ('HNSW: 1M docs ≈ 0.985') can be
                # named again in later sentences.
                self.known_names.setdefault(name_key(name), name)
            self._apply_reading(reading, target, line.line,
                                label=name if target.name != name else None)
            self._data(node, scope.but(inherited=False, series=target))
            return None
        if self._categorical() and self.kind != "heatmap":
            self._statement(text, scope.but(x=name), line.line, None)
            self._data(node, scope.but(x=name))
            return None
        if reading.summary and scope.series is None and not self._categorical():
            target = self.chart.series_for(name, scope.panel, line.line)
            self._apply_reading(reading, target, line.line)
            self._data(node, scope.but(inherited=False, series=target))
            return None
        self._data(node, scope)
        return None


_BIN_RANGE = re.compile(r"[~≈]?\s*(-?\d[\d,.]*)\s*(?:–|—|-|to)\s*[~≈]?\s*(-?\d[\d,.]*)")


def _bin_label(key: str) -> str | None:
    """'Bin 2 (~600-1200)' -> '600-1200': a histogram bin is named by its range."""
    m = _BIN_RANGE.search(strip_markup(key))
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2)}"


def style_series(chart: ChartDraft) -> None:
    """Copy legend styles onto the series they name."""
    styles = {name_key(e.label): e for e in chart.legend}
    for s in chart.series:
        entry = styles.get(name_key(s.name))
        if entry is not None:
            s.color = s.color or entry.color
            s.line_style = s.line_style or entry.line_style
            s.marker = s.marker or entry.marker


__all__ = ["Walker", "is_no_value", "style_of", "style_series"]
