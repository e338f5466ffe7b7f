"""Legend lines: position, title and entries with their styles. An entry is written label-first
(``**1 Rec:** Solid blue line``) or style-first (``Blue Line: Chat``); the style vocabulary tells which."""

from __future__ import annotations

import re
from typing import Final

from ..line_looks import named_like_a_shade, quoted_key, symbol_entry, symbol_key_look
from ..vocab import fold, mentions_color
from ..vocab_numbers import NOT_AFTER_ABBREVIATION
from .categories import SHARE_NOTE
from .legend_label_text import (
    BOLD_SPAN,
    ONLY_SHARE,
    key_named_like_a_look,
    label_before_dash,
    one_setting_of_several_variables,
)
from .legend_notes import (
    NO_LEGEND,
    describes_labels,
    is_color_scale,
    is_placeholder,
    legend_position,
    without_count_note,
)
from .legend_pairs import paired_entries
from .legend_runs import share_setting_name, title_before_first
from .panel_titles import POSITION_WORDS, WORD
from .state import ChartDraft, LegendEntryDraft
from .text import (
    PAREN_NOTE,
    SPACED_DASHES,
    clean_name,
    draws_line,
    entry_with_look,
    first_quote,
    is_style_words,
    quoted,
    quoted_name_before_note,
    strip_markup,
    style_of,
)

_HEX_COLOUR: Final = re.compile(r"^\(?#[0-9A-Fa-f]{3,8}\)?$")

_GENERIC_ENTRY_KEY: Final = re.compile(
    r"^(?:data\s+)?(?:series|entry|line|item|label|curve|row|column|group)\s*#?\d*$",
                                re.IGNORECASE)
_COLOR_NOUN: Final = re.compile(r"\b(?:colou?r|colou?red|shade|hue)\b", re.IGNORECASE)
LEAD_PAREN: Final = re.compile(r"^([^()]{1,120}?)\s*\(([^()]*)\)")


_SAYS_UNLABELLED: Final = re.compile(  # in the line's first brackets ('(Unlabeled)' alone is a label)
    r"^[^()]{0,60}\((?!\s?unlabell?ed\s?\))[^()]{0,40}?(?:\bno\s(?:explicit\s|visible\s)?label\b|\bunlabell?ed\b"
    r"|\bnot\s(?:explicitly\s)?labell?ed\b)", re.IGNORECASE)


def entry_from_line(key: str | None, text: str, line: int | None) -> LegendEntryDraft | None:
    """One legend entry from a line, or None when the line is not an entry."""
    if _no_entry(key, text):
        return None
    label: str | None
    if key is not None:
        said = quoted_key(key)  # "'x': Blue line": a name, never a look
        if said is not None and (mark := symbol_key_look(key)) is not None \
                and not is_style_words(strip_markup(text)):
            said, text = clean_name(text), mark  # "'x': micro average": the symbol is the look
        read = (said, text) if said is not None else _keyed_label(strip_markup(key), text)
        if read is None:
            return None
        label, style_src = read
    else:
        paired = paired_entries(text, line) if _ARROW.search(text) else []
        if len(paired) == 1:
            return paired[0]  # 'Purple line → γ = 2'
        if _SAYS_UNLABELLED.match(text):
            return None  # 'Gray "X" symbol (no explicit label)': a mark with no entry of its own
        label, style_src = symbol_entry(text) or _label_without_key(text)
    color, line_style, marker = style_of(style_src)
    if key is not None and not (color or line_style or marker):
        color, line_style, marker = style_of(key)  # '**Red Line (shaded range)**: the high series'
    if not label or (is_placeholder(label) and not (color or marker)) or NO_LEGEND.match(label):
        return None  # ('**None** (gray)' is a method drawn in grey; 'No explicit legend' no entry)
    label = _bare_label(label)
    if not label or len(label) > 120:
        return None
    entry = LegendEntryDraft(label=label, color=color, line_style=line_style, marker=marker, line=line)
    entry.drawn_line = draws_line(style_src) or (key is not None and draws_line(key))
    entry.share = _share_stated(key, text, label)
    return entry


def _no_entry(key: str | None, text: str) -> bool:
    """A colour scale's line, or '**Absent**: No explicit legend box is visible': no entry."""
    if key is None:
        return is_color_scale(text)
    denied = NO_LEGEND.search(text) is not None and not is_style_words(strip_markup(key))
    return is_color_scale(key) or denied


def _share_stated(key: str | None, text: str, label: str) -> float | None:
    """The share a legend line states for its slice: 'Hallucination (7.0%)' after the label,
    or 'Teal: 67.8%' (the whole text of a keyed line)."""
    if key is not None:
        only = ONLY_SHARE.fullmatch(strip_markup(text).strip())
        return float(only.group(1)) if only else None
    share = _SHARE_AFTER_LABEL.search(text) if "%" in text else None
    if share is not None and text.find(label) != -1 and text.find(label) < share.start():
        return float(share.group(1))
    return None


def _bare_label(label: str) -> str:
    """Without quotes, a drawn sample ('--- Data') or the line's full stop ('Ω (x).', 'Run A.'; a
    one-word label keeps its dot: 'Obs.')."""
    if (quoted := quoted_name_before_note(label)) is not None:
        return quoted
    label = _LINE_SAMPLE.sub("", label.strip().strip("\"'“”`").strip())
    if label.endswith(").") or (_SENTENCE_STOP.search(label) and label.count(".") == 1 and " " in label):
        return label[:-1]  # ('Run A.': the line's full stop; 'et al.' and 'v2.1' keep theirs)
    return label


_SENTENCE_STOP: Final = re.compile(r"(?<![\s.])" + NOT_AFTER_ABBREVIATION + r"\.$")


_SHARE_AFTER_LABEL: Final = re.compile(r"\(" + SHARE_NOTE.pattern + r"\)")  # 'Hallucination (7.0%)'


# 'Labeled `z ~ 6`', 'Labeled with the equation `L = (N/8.8e13)^-0.08`': a look's own label
LABELLED_LEAD: Final = re.compile(
    r"^\s*(?:labell?ed|marked|annotated)\s+(?:as\s+|with\s+(?:the\s+|an?\s+)?(?:equation|formula|expression|"
    r"text|label|name)\s+)?[\"“`'](?P<name>[^\"”`']{1,60})[\"”`']\s*[,.;:]?\s*", re.IGNORECASE)


# A key that only says how many entries there are; the text names the one it shows.
_COUNTS_ENTRIES: Final = re.compile(r"\b(?:single|one|only)\s(?:legend\s)?(?:entry|item|label)\b",
                                    re.IGNORECASE)
_LOOK_LABELLED: Final = re.compile(r"\blabell?ed\s+[\"“`'](?P<name>[^\"”`']{1,60})[\"”`']", re.IGNORECASE)


def _look_labelled(text: str) -> str | None:
    """'A light teal (mint green) rectangle labeled `w correct`': the drawn sample's quoted label."""
    named = _LOOK_LABELLED.search(text)
    return named.group("name").strip() if named is not None and is_style_words(
        _MARK_WORDS.sub(" ", PAREN_NOTE.sub(" ", text[: named.start()]))) else None


_MARK_WORDS: Final = re.compile(r"\b(?:an?|the|rectangle|patch|swatch|square|box|bar|line|icon)\b",
                                re.IGNORECASE)


def _keyed_label(key_clean: str, text: str) -> tuple[str | None, str] | None:
    """(label, the text its look is read from) of a keyed legend line; None for a remark."""
    generic = _GENERIC_ENTRY_KEY.match(clean_name(key_clean))  # 'Series 1 (Teal Circle)' too
    if named_like_a_shade(WORD.findall(fold(key_clean)), text):
        return key_clean, text  # 'Medium: Red (725,892, 51.8%)'
    if (named_like_a_look := key_named_like_a_look(key_clean, text)) is not None:
        return named_like_a_look
    if is_style_words(key_clean) or generic:
        label = _leading_quoted(text) or _look_labelled(text) \
            or label_before_dash(_without_quoting_note(text))
        if not _leading_quoted(text) and generic and is_style_words(
                _COLOR_NOUN.sub(" ", label)):
            return key_clean, key_clean + " " + text  # 'Line 1: Green color.' -- the key is the only name
        if not quoted(text) and _PLACE_OF_MARK.match(strip_markup(text).strip()):
            return key_clean, key_clean  # 'Red: Top-right data point.': where it sits; the look names it
        if not quoted(text) and _is_remark(text) and not _label_then_look(text):
            return None  # 'Dashed lines: Represents the upper bound of the fit.'
        return label, key_clean + " " + text
    if _ONLY_QUOTED.match(text.strip()) and _names_a_look(key_clean) and (said := quoted(text)):
        return said, key_clean  # 'Red line with a circular marker: "RL"'
    if (labelled := LABELLED_LEAD.match(text)) is not None and _names_a_look(key_clean):
        return labelled.group("name").strip(), key_clean  # 'Blue Line (with markers): Labeled `L0`'
    if _COUNTS_ENTRIES.search(key_clean) and (named := _LOOK_LABELLED.search(text)) is not None:
        return named.group("name").strip(), text  # 'Contains a single entry: maroon line labeled "LR"'
    if (lead := _leading_quoted(text)) \
            and set(WORD.findall(fold(PAREN_NOTE.sub(" ", key_clean)))) <= POSITION_WORDS:
        return lead, key_clean + " " + text  # 'Top-Right (Blue text): "MMLU" points to the blue line'
    return clean_name(key_clean), text


_PLACE_OF_MARK: Final = re.compile(
    r"(?i)(?:the\s)?(?:top|bottom|upper|lower|left|right|middle|center|centre|further|slightly|far)\b"
    r"[^.;:\d]{0,60}\b(?:points?|dots?|markers?|clusters?)\b")
_LINE_SAMPLE: Final = re.compile(  # '--- Data', '■ Ours', '-o- A': the line or marker drawn before it
    r"^(?:[-—–─]{1,3}[■□▪▫▲△▼▽◆◇♦●○◉★☆✕✖×+ox^][-—–─]{1,3}|-{2,}|\.{3,}|…|[—–─]+|(?:[-·•.] ){2,}[-·•.]?"
    r"|[■□▪▫▲△▼▽◆◇♦●○◉★☆✕✖×+]{1,2})\s+(?=\S)")  # ('—●— 1 Row': a line drawn through its marker)
_ARROW: Final = re.compile(r"→|->|=>")
_LIST_ITEM_WORDS = 3  # 'Blue: k=1, k=3, k=5' lists short labels, not a sentence
_ITEM_SEP: Final = re.compile(r"(?<!\d),\s*(?:and\s+)?|(?<=\d),(?!\d{3}(?!\d))\s*(?:and\s+)?|\s+and\s+|;\s*")
"""Commas and 'and' between labels; not the comma of '1,000'."""


def entries_from_list(key: str, text: str, line: int | None) -> list[LegendEntryDraft]:
    """'Blue: k=1, k=3, k=5' or 'Row 1 (Blue shades): 0.1B, 0.4B': one style, or one row
    of the legend, naming several labels. [] unless every item is a short label."""
    key_clean = strip_markup(key)
    if not (is_style_words(key_clean) or _GENERIC_ENTRY_KEY.match(clean_name(key_clean))):
        return []
    if "," not in text and ";" not in text:
        return []  # 'Learning rate and regularization combinations' is one phrase
    items = [strip_markup(i).strip(" .\"'`") for i in _ITEM_SEP.split(strip_markup(text))]
    if any(i.count("(") != i.count(")") for i in items):
        return []  # 'Negative values (e.g., -40% to -10%)': the commas sit inside a note
    looks = [_own_look(i) for i in items if i]  # 'Row 1: 1377834 (light blue), 1476353 (pink)'
    items = [label for label, _ in looks]
    if len(items) < 2 or any(len(i.split()) > _LIST_ITEM_WORDS or is_style_words(i)
                             or is_placeholder(i) for i in items):
        return []
    if one_setting_of_several_variables(items):
        return []
    out = []
    for label, look in looks:
        out.append(entry_with_look(label, look or key_clean, line))
    return out


def _own_look(item: str) -> tuple[str, str | None]:
    """'1377834 (light blue)' -> ('1377834', 'light blue'): an item with its own look."""
    m = LEAD_PAREN.match(item)
    if m and m.group(1).strip() and is_style_words(m.group(2)) and not item[m.end():].strip():
        return m.group(1).strip(), m.group(2)
    return item, None


def _leading_quoted(text: str) -> str | None:
    """The quoted label of an entry's text, unless the quote sits in a note after an unquoted
    name: 'Qwen-T (maybe "Turbo")' is labelled Qwen-T."""
    found = quoted(text)
    if found is None:
        return None
    paren = text.find("(")
    if 0 < paren < first_quote(text) and strip_markup(text[:paren]).strip(" -:"):
        return None
    return found


def _without_quoting_note(text: str) -> str:
    """'Qwen-T (maybe "Turbo")' -> 'Qwen-T': a note that quotes other words is no part of the name."""
    paren = text.find("(")
    return text[:paren] if 0 < paren < first_quote(text) < len(text) else text


def _label_without_key(text: str) -> tuple[str | None, str]:
    bold = BOLD_SPAN.search(text)
    if bold and bold.start() <= 2:
        said = quoted(text[bold.end():])
        if said and is_style_words(bold.group(1)):
            return said, text  # '**Blue** with "Female"': the bold look keys the quoted label
        return clean_name(bold.group(1)), text[bold.end():]
    q = quoted(text)
    if q:
        return q, text
    named = _LABELLED_AS.search(strip_markup(text))
    if named:
        # 'A blue rectangle is labeled F1.'
        return clean_name(named.group(1).rstrip(".")), text[: named.start()]
    if legend_position(text) is not None and len(text.split()) <= _POSITION_NOTE_WORDS:
        return None, text  # 'Located at the bottom-right corner'
    linked = _LINKING_VERB.search(strip_markup(text))
    if linked is not None and is_style_words(strip_markup(text)[: linked.start()].strip()):
        return None, text  # 'Blue circles match Bouwens et al. (2014) data points.' explains an entry
    m = LEAD_PAREN.match(strip_markup(text))
    if m and m.group(1).strip():
        return _label_before_paren(m, strip_markup(text)[m.end():], text)
    value = strip_markup(text).rstrip(".")
    if is_style_words(value):
        return None, text
    for sep in (" - ", " – ", " — ", ": ", " = "):
        if sep in value:
            # 'Ours - blue solid line' or 'Blue solid line - Ours'
            left, right = (part.strip() for part in value.split(sep, 1))
            if _is_style_phrase(right) and left and not _is_style_phrase(left):
                return clean_name(left), right
            if _is_style_phrase(left) and right and not _is_style_phrase(right):
                return clean_name(right), left
    if len(value.split()) <= 6 and not _LINKING_VERB.search(value):
        return clean_name(value), text
    return None, text  # ('Blue boxes correspond to GPT-4 data.' explains an entry, names none)


_LINKING_VERB: Final = re.compile(
    r"\b(?:correspond|corresponds|represent|represents|indicate|indicates|denote|denotes|refer|refers|match"
    r"|matches)\b",
    re.IGNORECASE)


def _label_before_paren(m: re.Match[str], after: str, text: str) -> tuple[str | None, str]:
    head = m.group(1).strip()
    if is_style_words(head) and not mentions_color(head) and mentions_color(m.group(2)) \
            and is_style_words(m.group(2)):
        return clean_name(head), m.group(2)  # 'Medium (deepskyblue)': a level's name, then its colour
    if is_style_words(head) and not _COUNT_NOTE.match(m.group(2)):
        return clean_name(m.group(2)), text  # 'Green line (Original) with circular markers'
    look = LEAD_PAREN.match("x" + after)
    if look and not look.group(1).strip("x ") and not is_style_words(m.group(2)) \
            and is_style_words(look.group(2)):
        return clean_name(m.group(0)), look.group(2)  # 'Probe (MLE) (orange)': the variant names it
    return clean_name(head), m.group(2)


# '(one per year)', '(each a model)': a note on how many marks the look draws, no label
_COUNT_NOTE: Final = re.compile(r"\s*(?:one|each|per)\b", re.IGNORECASE)
_ONLY_QUOTED: Final = re.compile(r"^[\"“'`][^\"”'`]{1,80}[\"”'`][.,;]?$")
_LABELLED_AS: Final = re.compile(r"\b(?:labell?ed|named|marked)\s+(?:as\s+)?([^,;()]{1,60})$", re.IGNORECASE)
_POSITION_NOTE_WORDS = 8
_REMARK_WORDS = 4  # a value of this many words ending in a full stop is a remark, not a label


_LOOK_AFTER_LABEL: Final = re.compile(
    r"^[^,()]{1,60}(?:\([^()]{0,40}\))?\s*(?:,|\s-|\s–|\s—)\s*(?:(?:is\s+|are\s+)?(?:represented|shown|drawn|"
    r"depicted|plotted|displayed|rendered|indicated)\s+(?:as|by|with|in|using)\b|(?:as|in|with)\s+(?:a|an)\s)",
    re.IGNORECASE)


def _label_then_look(text: str) -> bool:
    """'Throughput (tokens/s), represented by light blue bars.': a label, then its look;
    a sentence, but it names the entry."""
    plain = strip_markup(text)
    m = _LOOK_AFTER_LABEL.match(plain)
    if m is not None:
        return any(style_of(plain[m.end():]))
    for dash in SPACED_DASHES:
        label, found, look = plain.partition(dash)
        if found and label.strip() and is_style_words(look.strip(" .")):
            return True  # 'Speed - blue bars.'
    return False


def _names_a_look(key: str) -> bool:
    """'Red line with a circular marker' describes a look (it holds a colour or a style)."""
    color, line_style, marker = style_of(key)
    return bool(color or line_style or marker)


def _is_remark(text: str) -> bool:
    """'Represents the upper bound.' -- a sentence; 'Ours (IPW: 0.15).' and '$\\Delta = 0$ (meV).'
    stay labels."""
    plain = PAREN_NOTE.sub(" ", strip_markup(text)).strip()
    setting = _SETTING.fullmatch(" ".join(plain.replace("$", "").split()))
    return plain.endswith(".") and not setting and (  # ('The top-performing series.')
        len(plain.split()) >= _REMARK_WORDS or _REMARK_VERB.match(plain) is not None
        or plain.lower().startswith(("the ", "this ", "a ", "an ")))


_SETTING: Final = re.compile(r"[^\s=]{1,16}\s?=\s?[-−]?[\d.,]{1,12}\s?\.")
"""'Δ = 0 (meV).': a parameter's setting names its series, full stop and all."""
_REMARK_VERB: Final = re.compile(r"(?:represents|shows|denotes|indicates|depicts|marks|tracks)\b",
                                 re.IGNORECASE)  # 'Represents one model.': short, still a remark


_ARTICLE: Final = re.compile(r"^(?:a|an|the|shown as|drawn as|represented by)\s+", re.IGNORECASE)


def _is_style_phrase(text: str) -> bool:
    return is_style_words(_ARTICLE.sub("", text.strip()))


def add_entries(chart: ChartDraft, entries: list[LegendEntryDraft]) -> None:
    share_setting_name(entries)
    title_before_first(chart, entries)
    for entry in entries:
        # '(#B22222)' is a colour's code, 'Model names (e.g., "A-8B")' a description: neither a name
        if not _HEX_COLOUR.match(entry.label.strip()) and not describes_labels(entry.label):
            entry.label = without_count_note(entry.label)  # 'Chat models (14 instances)'
            chart.add_legend_entry(entry)


_LOOK_THEN_NAME: Final = re.compile(r"^([^()]{3,60}?)\s*\(([^()]{1,80})\)$")


_PLACE_ONLY: Final = re.compile(r"(?i)(?:left|right|top|bottom|middle|center|centre|front|back|inner|outer)"
                                r"(?:[ -](?:left|right|side|most|half|bar|segment))?")


def label_from_look_key(key: str | None) -> str | None:
    """'Dashed Grey Line ("Measured")': a look outside, the series' name in the parentheses;
    'Blue Bar (Left)': a look keyed with where it stands, named by the look ('Blue Bar')."""
    m = _LOOK_THEN_NAME.match(strip_markup(key or "").strip())
    if m is None or not is_style_words(m.group(1)):
        return None
    if _PLACE_ONLY.fullmatch(m.group(2).strip()):
        return m.group(1).strip()
    said = quoted(m.group(2))
    name = (said or m.group(2)).strip().strip("\"'“”`").strip()
    if not any(ch.isalnum() for ch in name):
        return None  # 'Blue Bar with Diagonal Stripes (\\)': the hatching drawn, no name
    if is_style_words(name) or (not said and mentions_color(name)):
        return None  # 'Red Line (with light red shaded range)': a second look, not a name
    if not said and _PLACE_ONLY.fullmatch(name):
        return None  # 'Blue Bar (Left)': where the bar stands, not its name
    return name
