"""Named reasons why a number no rule claimed is not a data value.

``chartparse explain`` tries these, in order, on every number of a line that no rule
claimed: the first rule whose pattern covers the number rejects it with the rule's
name. Each rule rejects only numbers that are not data (a relative change, a count of
things, a reference, a date in a name, a statistic, a digit inside a name); a number
that may be a data value the extractor does not read yet stays unclaimed, since that
is where a new writing style shows itself.

Each pattern is bounded (no nested repetition), so a line is scanned in linear time;
the ``n`` group of a match is the stretch of the line whose numbers it rejects.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .vocab import COLOR_WORDS, GRID_WORDS
from .vocab_numbers import HEDGE, UNCERTAINTY_SIGN, UNCERTAINTY_SIGNS


class Rejection(NamedTuple):
    """A named reason: its pattern, what it means, and a line it applies to.

    In ``example`` the rejected number is written between ``[`` and ``]``. ``needs``:
    lower-case strings of which a line holds at least one wherever the pattern can
    match (a cheap test that skips the pattern on most lines); empty: always try.
    """

    name: str
    pattern: str  # compiled (case-insensitive) on first use: `chartparse FILE` starts fast
    doc: str
    example: str
    needs: tuple[str, ...] = ()
    # False: a number so rejected does not excuse a data line that read nothing, so
    # `parse` still warns (a bar whose only value is a range lost its value).
    excuses_loss: bool = True


# '45.4k (43.3%)': a count, then its share in brackets (the pie reader swaps them; see statements)
COUNT_BEFORE_SHARE = (r"(?<![\w.%~≈])(?P<n>[~≈]?\d[\d.,]{0,12}\s?[kKMGB]?)\s{0,2}\(\s{0,2}"
                      r"(?P<share>[~≈]?\d[\d.]{0,6}\s?%)\s{0,2}\)")
_NUM = r"[-+−]?\d[\d,]{0,12}(?:\.\d{1,12})?"
_HEDGE = r"(?:(?:only|just|over|~|≈|" + HEDGE + r")\s{0,2})?"
# One end of a range: a hedge, the number, and a unit word or % ('~1.5 eV', '20%').
_RANGE_END = (r"(?:" + HEDGE + r"\s|~|≈)?\s{0,2}[-−]?\d[\d,]{0,12}"
              r"(?:\.\d{1,12})?(?:[eE][-+−]?\d{1,3}(?![\d.]))?"  # '1e-5' is one number
              r"\s{0,2}(?:%|(?!(?:and|to|or)\b|[eE][-+−]?\d)[A-Za-zμ]{1,6}\b\.?)?")
# A colour note after a range end ('0.0 (dark purple) to 0.3 (yellow)').
_COLOUR_NOTE = (r"(?:\s{0,2}(?:\*\*|__)?\s{0,2}\([^()\d]{0,20}\b(?:" + "|".join(sorted(COLOR_WORDS))
                + r")\b[^()\d]{0,20}\)(?:\*\*|__)?)?")
_RANGE_VERB = r"(?:ranging|ranges?|range\s(?:is|of)|spans?|spanning|varies|varying)"
_CHANGE_VERB = (r"(?:increas|decreas|ris|drop|fall|fell|grow|grew|improv|declin|gain|jump|"
                r"reduc|climb|shrink|lower|rais|boost|outperform|lead|lag|trail|exceed)")
_COMPARATIVE = (r"(?:faster|slower|higher|lower|more|less|larger|smaller|better|worse|fewer|"
                r"greater|bigger|longer|shorter|cheaper)")
# '~4% improvement' alone may be the plotted value of a bar named 'improvement';
# 'a 4% improvement' states a change.
_CHANGE_NOUN = r"(?:increase|decrease|reduction|speedup|speed-up|improvement|gain|drop|rise|fall)"
# Things a chart is made of, counted in 'six lines' or '4 panels' (not x quantities
# such as layers, epochs or tokens, which a chart may plot).
_THING_WORDS = ("lines", "curves", "series", "panels", "subplots", "sub-plots", "plots", "charts",
                "graphs", "bars", "categories", "groups", "models", "methods", "datasets",
                "colors", "colours", "segments", "slices", "entries", "rows", "columns",
                "legends", "boxes", "clusters", "variables", "conditions", "benchmarks",
                "configurations", "heatmaps", "regions", "bins", "facets", "quadrants",
                "violins", "stacks", "traces", "distributions", "labels", "countries", "shapes",
                "languages", "algorithms", "sensors", "classes", "values of", "instances",
                "instance", "dots", "markers")
_THINGS = "(?:" + "|".join(_THING_WORDS) + ")"
# Up to three words describing the things counted ('11 different large language models'),
# none of them a word that would tie the number to something else ('85 on the benchmarks').
_NOT_DESCRIBING = ("on", "the", "of", "in", "at", "for", "across", "with", "to", "and", "or", "per",
                   "than", "from", "by", "over", "among", "between", "all", "each", "is", "are")
_DESCRIBING = (r"(?:(?!(?:" + "|".join(_NOT_DESCRIBING) + r")\b)[a-z][a-z-]{1,14}\s){0,3}")
_ELEMENT_WORDS = ("series", "entry", "line", "curve", "trend", "diagram", "panel", "subplot",
                  "sub-plot", "plot", "chart", "graph", "item", "phase", "stage", "part",
                  "region", "cluster", "trace", "dataset", "segment", "point", "bin")
_TEXT_KEYS = ("text", "texts", "text annotation", "text annotations", "annotation text", "descriptive text",
              "content", "equation", "formula", "caption", "inset text", "text box", "header")
_LABEL_ORDINAL_WORDS = ("step", "group", "category", "task", "stage", "case", "example", "question",
                        "column")
_AXIS_KEY_WORDS = ("scale", "tick", "markers", "gridline", "grid line", "axis", "axes",
                   "colorbar", "color bar", "colourbar", "colour bar", "increment")
_TICK_WORDS = ("tick", "gridline", "grid line", "increment", "interval", "step size",
               "colorbar", "color bar", "colourbar", "colour bar", "color scale",
               "colour scale", "labeled at", "labelled at", "marked at", "gradient", "colormap",
               "color map", "colour map")

REJECTIONS: tuple[Rejection, ...] = (
    Rejection(
        "relative-change",
        (rf"\bby\s{{1,3}}(?P<n>{_HEDGE}{_NUM}\s{{0,2}}(?:%|percent|pp\b|points?\b|"
            r"percentage points|x\b|×|times\b|-?fold\b))"
            rf"|\b{_CHANGE_VERB}[a-z]{{0,4}}\s{{1,3}}by\s{{1,3}}(?P<n2>{_HEDGE}{_NUM}%?)"
            rf"|(?P<n3>{_HEDGE}{_NUM}\s{{0,2}}(?:%|x|×|-fold|fold|times))\s{{1,3}}{_COMPARATIVE}\b"
            rf"|\ban?\s{{1,2}}(?P<n4>{_HEDGE}{_NUM}\s{{0,2}}(?:%|x|×|-fold|fold))\s{{1,3}}"
            rf"(?:relative\s)?{_CHANGE_NOUN}\b"
            rf"|\b(?:difference|gap|margin)\s{{1,3}}of\s{{1,3}}(?P<n5>{_HEDGE}{_NUM}\s{{0,2}}(?:%|pp\b)?)"),
        "a change or difference relative to another value, not a value the chart plots",
        "Accuracy rises by [12]% after tuning; the new kernel is [3]x faster; a gap of [0.4] points.",
        ("by", "%", "x", "×", "fold", "times", "difference", "gap", "margin")),
    Rejection(
        "ratio-label",
        r"[\"“'`](?P<n>[~≈]?\d{1,4}(?:\.\d{1,4})?)\s?[x×][\"”'`]",
        "a ratio printed in quotes beside a bar or point ('\"1.15x\"'): it compares two values "
        "and is neither of them",
        'The bar reaches about 69; its speed-up is labelled "[1.15]x".',
        ("x", "×"), excuses_loss=False),
    Rejection(
        "reference-level",
        (r"\bthe\s{1,2}(?P<n>[~≈]?[-−]?\d[\d,]{0,12}(?:\.\d{1,12})?\s{0,2}%?)\s{1,2}(?:[a-z]{1,12}\s{1,2}){0,2}"
            r"(?:baseline|threshold|reference line|reference|cutoff|cut-off)\b"),
        "a baseline or threshold the lines are compared with ('above the 0.5 baseline'), "
        "not a point of a series",
        "It stays above the [0.5] baseline and crosses the [80]% accuracy threshold.",
        ("baseline", "threshold", "reference", "cutoff", "cut-off")),
    Rejection(
        "gridline-position",
        (rf"\b(?:above|below|between|near|under|over|beyond|past|on)\s{{1,2}}the\s{{1,2}}(?P<n>{_NUM})"
            rf"(?:\s{{1,2}}(?:and|to)\s{{1,2}}(?P<n2>{_NUM}))?\s{{1,2}}"
            r"(?:grid\s?lines?|lines?|marks?|tick\s?marks?|ticks?)\b"),
        "a gridline a value is placed against ('just above the 70 line'); 'reaches the 90 mark' is a value",
        "Located just above the [70] line, between the [80] and [82] grid lines: ~70.2%.",
        ("line", "mark", "tick")),
    Rejection(
        "count-of-things",
        (rf"(?<![\d.,])(?P<n>\d{{1,3}})\s{{1,2}}{_DESCRIBING}{_THINGS}\b"
            r"|(?P<n2>\d{1,2}\s{0,2}[x×]\s{0,2}\d{1,2})\s{1,2}(?:" + "|".join(GRID_WORDS) + ")"),
        "how many lines, panels, models... the chart shows",
        "The figure holds [6] lines in a [2x3] grid.",
        _THING_WORDS + GRID_WORDS),
    Rejection(
        "count-note",
        r"\((?:total|sum|count)\s?[:=]\s?[~≈]?\s?(?P<n>\d[\d,.]*)(?![a-z\d])[^()]{0,30}\)",
        "a category's total noted in brackets after its name ('PhD (Total: 7 students)')",
        "### Masters (Total: [5] students)",
        ("total", "sum", "count")),
    Rejection(
        "reference",
        (r"\b(?:fig(?:ure)?s?\.?|tab(?:le)?s?\.?|sec(?:tion)?s?\.?|§|appendix|chapter)"
            r"\s{0,2}(?P<n>\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\b"
            r"|\b(?:eq(?:uation)?s?\.?|ref\.?)\s{0,2}\(?(?P<n2>\d{1,3}(?:\.\d{1,3}){0,3})\b"),
        "a figure, table, equation or section number",
        "As Figure [4] shows, see also Eq. ([2]).",
        ("fig", "tab", "sec", "§", "appendix", "chapter", "eq", "ref")),
    Rejection(
        "date-or-version",
        (r"(?<!\d)(?P<n>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)"
            r"|(?<![A-Za-z])(?:v|version\s)(?P<n2>\d{1,3}(?:\.\d{1,3}){0,3})\b"),
        "a calendar date or a version written in a name",
        "Model snapshot (2023-[11]-[06]), library v[2.1]",
        ("-0", "-1", "v")),
    Rejection(
        "month-year",
        (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,2}"
            r"(?P<n>(?:19|20)\d\d)(?!\d|\.\d)"),
        "the year of a month written out ('Jul 2021'): it dates a span or an event on a time "
        "axis; the values the line states at that time are read (or left) on their own",
        "From Jul [2020] to Jan [2021] the price stays flat; a spike around April [2021].",
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    Rejection(
        "model-size-in-name",
        (r"(?-i:(?<![\w.])(?!(?:At|By|To|In|On|Of|For|From|Around|Near|About|Over|Under|Reaches|"
            r"Approximately|Approx|Roughly)\b)[A-Z][A-Za-z0-9.\-]{0,20}[A-Za-z0-9]\s)"
            r"(?P<n>\d{1,4}(?:\.\d{1,2})?(?-i:[BMK]))\b"
            r"(?!\s{0,2}(?:tokens|parameters|params|samples|steps|images|words|examples))"),
        "the parameter count that ends a model's name ('LLaMA 65B', 'Gemma3 4B'): part of the "
        "name, not a value",
        "Purple: LLaMA [33]B; the Qwen3 [4]B chart",
        ("b", "m", "k")),
    Rejection(
        "statistic",
        (r"\bp\s{0,2}(?:-?value\s{0,2})?[<=≤>]\s{0,2}(?P<n>\d?\.\d{1,12}(?:e-?\d{1,3})?)"
            r"|\b(?:R|r)(?:²|\^2|2|<sup>2</sup>)\s{0,2}[=≈:]\s{0,2}(?P<n2>[-−]?\d?\.?\d{1,6})"
            r"|\bn\s{0,2}=\s{0,2}(?P<n3>\d[\d,]{0,9})\s{1,2}(?:samples|participants|subjects|"
            r"patients|runs|seeds|trials|observations|per\b)"
            r"|(?:sample size|number of samples)\s{0,3}(?:of|=|:)?\s{0,3}(?P<n4>\d[\d,]{0,9})"
            r"|(?P<n5>\d{2}(?:\.\d)?)\s{0,2}%\s{0,2}(?:CI\b|confidence)"
            r"|\(\s{0,2}(?:pearson\s|spearman\s)?[rρ]\s{0,2}=\s{0,2}(?P<n6>[-−]?[01]?\.\d{1,6})\s{0,2}\)"
            r"|\(\s{0,2}[μσ]\s{0,2}=\s{0,2}(?P<n7>[-−]?\d[\d,]{0,9}(?:\.\d{1,6})?)\s{0,2}\)"),
        "a test statistic, a fit quality or a sample size, not a plotted value",
        "The fit has R² = [0.94] (p < [0.001], n = [120] samples); A vs B (r = [0.62]); "
        "Wide (μ=[12.5])",
        ("<", "=", "≤", ">", "≈", "r²", "r^2", "r2", "r<sup>", "sample", "%")),
    Rejection(
        "sum-check",
        (r"(?P<n>(?:[~≈]?\d[\d.,]{0,12}%?\s{0,2}\+\s{0,2}){1,30}[~≈]?\d[\d.,]{0,12}%?\s{0,2}"
            r"=\s{0,2}[~≈]?\d[\d.,]{0,12}%?)"
            r"|\b(?:sums?|add(?:s|ing)? up|summing|totals?|totalling|totaling)\s{1,3}to\s{1,3}"
            r"(?P<n2>[~≈]?\d[\d.,]{0,12}%?)"
            r"|\btotal\W{1,6}(?P<n3>100(?:\.0{1,2})?\s?%)"
            r"|\btotal\s{0,2}\((?:implied|calculated|computed|derived|inferred)\)\W{1,6}"
            r"(?P<n4>[~≈]?\d[\d.,]{0,12}%?)|\btotal\s{1,2}(?P<n5>[~≈]?\s?\d[\d.,]{0,12}%?)(?=[.;,]\s)"),
        "an addition written out to check the values, or the total they sum to",
        "Shares: [40]% + [35]% + [25]% = [100]%; they sum to [100]%. **Total:** [100]%;"
        " **Total (Implied):** [212]; MMLU: Total ~[7800]. Breakdown: Orange ~1200, Green ~1800",
        ("+", "sum", "add", "total")),
    Rejection(
        "element-numbering",
        (r"\b(?:" + "|".join(_ELEMENT_WORDS) + r")\s{1,2}"
            r"(?P<n>\d{1,2})\s{0,2}(?:\*\*|__)?\s{0,2}[:.)(]"
            # 'Step 2: Train the reward model': a word that may be an x ('Step 3: 0.58')
            # numbers a label when no digit follows on its line
            r"|\b(?:" + "|".join(_LABEL_ORDINAL_WORDS) + r")\s{1,2}"
            r"(?P<n2>\d{1,2})\s{0,2}(?:\*\*|__)?\s{0,2}:(?=[^\d]{0,300}$)"),
        "the ordinal that names a series, entry, panel or phase ('Series 2:'), or a step, "
        "group or task whose label follows ('Step 2: Fine-tuning'), not a value",
        "### Series [2]: Warm-start run (orange); **Group [3]: `Held-out`**",
        _ELEMENT_WORDS + _LABEL_ORDINAL_WORDS),
    Rejection(
        "clock-position",
        r"(?P<n>\d{1,2}(?:\s{0,2}[-–]\s{0,2}\d{1,2})?)\s{0,2}o['’]\s?clock",
        "a place on a pie's dial ('at 6 o'clock'), not a value",
        "the largest slice, at the bottom ([6] o'clock), then one at [10]-[11] o'clock",
        ("clock",)),
    Rejection(
        "colour-only-position",
        (r"\b(?:at|in|on|for)\s{1,2}(?:the\s{1,2})?(?:token|row|column|col|cell|layer|position|head|"
            r"index|bin|slot|pixel)s?\s{1,2}[`*_]{0,2}"
            r"(?P<n>[-−]?\d{1,5})[`*_]{0,2}\s{0,2}\(\s{0,2}(?:[A-Za-z]{3,10}\s{1,2})?(?:"
            + "|".join(sorted(COLOR_WORDS)) + r")\s{0,2}\)"),
        "the place of a cell or mark whose value is given only by its colour ('at token 12 "
        "(dark blue)'): a position, not a value",
        "High attention at token `[12]` (dark blue); strongest in row [3] (red)",
        ("(",)),
    Rejection(
        "label-index",
        r"\(\s{0,2}(?:layer|row|column|col|index|rank|id|no\.)\s{1,2}(?P<n>\d{1,5})\s{0,2}\)",
        "an index noted after a label in brackets ('`last_q` (Layer 30)'): it numbers the label",
        "`last_q` (Layer [30]): high attention; `first_answer` (Row [2])",
        ("(",)),
    Rejection(
        "uncertainty",
        (rf"{UNCERTAINTY_SIGN}\s{{0,2}}(?P<n>{_HEDGE}{_NUM})"),
        "the half-width of an error bar after ±, not a point",
        "Score: 71 ± [3]",
        UNCERTAINTY_SIGNS),
    Rejection(
        "bound",
        # (not an arrow '->', '=>', '-->' nor a tag '<br>')
        (r"(?:(?<![-=<>\w])<=?(?![-=/A-Za-z])|(?<![-=<>\w])>=?|≤|≥|\b(?:less|fewer|more)\s{1,2}than)"
            r"\s{0,2}(?P<n>[~≈]?\s{0,2}" + _NUM + r"\s{0,2}%?)"),
        "a bound a value stays under or over ('< 5', 'fewer than 10'), not the value itself",
        "| 1 | < [5] |; counts of fewer than [10] runs; scores ≥ [90]%",
        ("<", ">", "≤", "≥", "than")),
    Rejection(
        "number-in-name",
        (r"(?<![\w.])(?P<n>[A-Za-z][A-Za-z0-9_.]{0,24}(?:-[A-Za-z0-9_.]{1,24}){1,4})(?![\w-])"
            r"|#(?P<n2>[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b"
            r"|(?<![\w.])(?P<n3>[1-4])-?D\b"),
        "a digit inside a hyphenated name, a colour code or a dimension word",
        "Mixtral-[8]x[7]B in teal (#[1]f77b4), drawn as a [3]D surface",
        ("-", "#", "d")),
    Rejection(
        "axis-scale",
        (r"^[\s*+>#-]{0,8}(?:\*\*|__)?(?P<n>[^:\d]{0,30}\b(?:scale|ticks?|tick marks|markers|"
            r"gridlines|grid lines|axis|axes|colou?r\s?bar|increments)\b[^:\d]{0,30}:.{0,4000})"
            r"|(?P<n2>\b(?:ticks?|tick marks?|gridlines?|grid lines|increments?|intervals? of|"
            r"increment(?:ing|s)? by|step size|colou?r\s?bar|colou?r scale|major ticks|"
            r"minor ticks|labeled at|labelled at|marked at|colou?r\s?map|colou?r gradient|"
            r"gradient\s(?:from|bar|legend|scale))\b.{0,400})"
            r"|\bgradient\s?(?:\*\*|__)?\s?:(?P<n3>.{0,400})"
            # mid-line 'X-axis scale: 0 to 4.' in a panel's sentence
            r"|\b[xy]-?\s?axis\s(?:scale|range)\s?:(?P<n4>[^.;\n]{0,80})"),
        "a line keyed by an axis or scale word (a key without digits), or what follows a "
        "tick word or an 'X-axis scale:' inside a sentence: axis facts, not points",
        "* Ticks: [0], [25], [50], [75], [100] (increments of [25]); gradient from blue ([0]) to "
        "red ([1]). Left: a histogram. X-axis scale: [0] to [8].",
        _AXIS_KEY_WORDS + _TICK_WORDS),
    Rejection(
        "layout-position",
        (r"\bcoordinates?\b[^\[\]()\n]{0,40}[\[(](?P<n>[^\[\]()]{1,40})[\])]"
            r"|[\[(](?P<n2>[^\[\]()]{1,40})[\])]\s{0,2}\((?:normali[sz]ed|relative|approximate|plot|figure)"
            r"[^()]{0,20}coordinates\)"
            r"|(?P<n3>\d{1,3}(?:\.\d{1,2})?\s{0,2}%)\s{1,2}of\s{1,2}(?:the\s{1,2})?(?:axis|plot|chart|figure|"
            r"image|frame|panel)(?:'s)?\s{1,2}(?:width|height|length|span|area)\b"
            r"|\brotated\s{1,2}(?:by\s{1,2})?(?P<n4>\d{1,3})\s{0,2}(?:°|degrees?)"
            r"|(?P<n5>\d{1,2})(?:°|-degree|\sdegrees?)\s{1,2}(?:angle|diagonal|tilt)"
            # '[x: ~30%, y: top]': a place across the figure, its height said in words
            r"|[\[(]\s{0,2}x\s{0,2}[:=]\s{0,2}(?P<n6>[~≈]?\s{0,2}\d{1,3}(?:\.\d{1,3})?\s{0,2}%?)\s{0,2},"
            r"\s{0,2}y\s{0,2}[:=]\s{0,2}(?:top|bottom|middle|cent(?:er|re)|upper|lower)\b"),
        "where a part sits in the figure (coordinates of the legend, a share of the axis "
        "width) or how it is turned: layout, not data",
        "Legend at (x: [0.8], y: [0.9]) (normalized coordinates), a name at [30]% of the axis "
        "width, label rotated [90] degrees, a [45]-degree angle, an entry at `[x: ~[40]%, y: top]`",
        ("coordinate", "%", "rotated", "degree", "°")),
    Rejection(
        "figure-text",
        (r"^[\s*+>#-]{0,8}(?:\*\*|__)?\s{0,2}(?:" + "|".join(_TEXT_KEYS) + r")\b[^:\n]{0,40}:"
            r"(?=[^\n]{0,300}[\"`“=])(?P<n>.{0,4000})"),
        "text printed in the figure (an equation, a caption, a quoted note), keyed 'Text:' or "
        "'Equation:': not a plotted value",
        "* **Text:** `fit: y = [2.4]x + [0.3]`",
        _TEXT_KEYS),
    Rejection(
        "box-statistic",
        (r"\b(?:q1|q3|quartiles?|iqr|interquartile(?:\s range)?|whiskers?|outliers?|"
            r"lower fence|upper fence)\b\)?\s{0,2}(?:\([^()]{0,20}\)\s{0,2})?"
            r"(?:[=:≈]|is|are|at|of|extends? (?:from|to)|extending (?:from|to)|from|to|"
            r"ranges? from|spans?)?\s{0,3}"
            rf"(?P<n>{_RANGE_END}(?:\s{{0,3}}(?:to|and|-|–)\s{{0,3}}{_RANGE_END})?)"
            r"|(?P<n2>\d(?:\.\d{1,3})?)\s{0,2}(?:[x×]|times)\s{0,2}(?:the\s)?iqr\b"),
        "a quartile, whisker, IQR or outlier of a box: its spread, not its central value",
        "Median: 41, Q1: [30], Q3: [55]; whiskers extend to [12] and [80] ([1.5] x IQR).",
        ("q1", "q3", "quartile", "iqr", "interquartile", "whisker", "outlier", "fence")),
    Rejection(
        "count-behind-share",
        (r"\d\s{0,2}%\s{0,2}\(\s{0,2}(?P<n>\d[\d,]{0,12})\s{0,2}"
            r"(?:[A-Za-z]{1,14}\s{0,2}){0,2}\)"
            r"|\d\s{0,2}%\s{0,2}[,;]\s{0,2}(?P<n2>\d[\d,]{0,12})\s{1,2}[A-Za-z]{1,14}\s{0,2}\)"),
        "the raw count after a share ('34% (41)', '(34%, 41 cases)'): the share is the value",
        "Correct: 34.5% ([41]); Timeout: 3.4% ([4] runs); Wrong (60%, [72] cases)",
        ("%",)),
    Rejection(
        "count-before-share", COUNT_BEFORE_SHARE,
        "the raw count before a share in brackets ('45.4k (43.3%)'): a pie's slice is its share",
        "math: [45.4k] (43.3%); code: [871] (19.2%)",
        ("%)",), excuses_loss=False),
    Rejection(
        "range",
        (rf"\bbetween\s{{1,3}}(?P<n>{_RANGE_END}\s{{1,3}}(?:and|to|[-–—])\s{{1,3}}{_RANGE_END})"
            rf"|(?<![\w.\-−])(?<!from )"
            rf"(?P<n2>{_RANGE_END}\s{{0,2}}(?:[-–—]|to)\s{{0,2}}{_RANGE_END})(?![\w.])"
            rf"|[\[(](?P<n3>{_NUM}\s{{0,2}}[,–—-]\s{{0,2}}{_NUM})[\])]"
            rf"|\b{_RANGE_VERB}\s{{1,3}}(?:from\s{{1,3}}|between\s{{1,3}})?"
            rf"(?P<n4>{_RANGE_END}{_COLOUR_NOTE}\s{{1,3}}(?:to|and)\s{{1,3}}{_RANGE_END}{_COLOUR_NOTE})"
            rf"|\brange\s{{0,2}}(?:\*\*|__)?\s{{0,2}}:\s{{0,3}}(?:\*\*|__)?\s{{0,2}}"
            rf"(?P<n5>{_RANGE_END}{_COLOUR_NOTE}\s{{1,3}}(?:to|[-–—])\s{{1,3}}{_RANGE_END}{_COLOUR_NOTE})"),
        "a range of values (between A and B, A-B, A to B, [A, B], 'ranges from A to B', "
        "'Range: A to B'): not a point; read as a summary's min and max where a rule reads it",
        "It wobbles between [0.45] and [0.65]; layers [4]-[28]; scores of [80] to [90]%; "
        "values range from [-0.5] (blue) to [0.5] (red).",
        ("between", "-", "–", "—", "to", "[", "rang", "span", "vary", "varies"),
        excuses_loss=False),
    Rejection(
        "quoted-label",
        (r"[\"“](?=[^\"”\n]{0,40}[A-Za-z]{2})(?P<n>[^\"”\n]{1,40})[\"”]"),
        "a number inside a quoted label with words ('\"Density 15%\"', '\"Correlation: 0.9\"'): "
        "text printed in the figure (a title, a note), not a plotted value",
        "Panel titles: \"Density [15]%\", \"Density [30]%\"; a box reading \"Correlation: [0.91]\"",
        ('"', "“")),
)

# Rejections that leave a data line that read nothing still lost (see ``excuses_loss``).
LOSS_NOT_EXCUSED = frozenset(r.name for r in REJECTIONS if not r.excuses_loss)

# Rules that read a line as something other than data: the numbers they leave
# unread are rejected with the line's reason.
LINE_REASONS = {"prose.observations": "observations-section", "prose.overview": "overview-section",
                "prose.interpretation": "interpretation-section", "keyed.stack-total": "stack-sum",
                "keyed.meta": "figure-note", "keyed.box-spread": "box-spread",
                "component.axis": "axis-detail", "section.axis": "axis-detail",
                "component.title": "title-text", "component.panel-list": "panel-name",
                "keyed.x-positions": "x-positions-only", "legend.placement": "legend-placement",
                "legend.color-scale": "color-scale", "keyed.reference-line": "reference-line",
                "keyed.x-interval": "stretch-value"}

# Rejections decided by a number's place rather than by a pattern, applied by
# ``explain`` around the table above (listed by ``chartparse rules``).
CONTEXT_REJECTIONS: tuple[tuple[str, str], ...] = (
    ("list-numbering", "the number that opens a numbered list item ('3. ')"),
    ("<section>-section", "a number left unread on a line a non-data rule claimed: "
     + ", ".join(sorted(set(LINE_REASONS.values())))),
    ("<form reason>", "a number a statement form consumed on purpose (number-in-name, "
     "range-not-a-value, min-already-read, ...)"),
    ("restates-claimed-value", "after the table: a number equal to a value claimed on "
     "another line, unless its line looks like lost data (two or more numbers, none "
     "accounted for, no two of them a point the chart holds)"),
)

# '3. ' or '(3) ' opening a list item: its number orders the list (group 1). ('*+': linear)
LIST_NUMBERING = re.compile(r"[\s#>*+\-_|]*+(?:\*\*|__)?\s*+\(?(\d{1,3})(?:\.\d{1,2})*[.)]\s")
