"""Vocabulary: the words that give lines their meaning, kept as data.

Each table maps phrases to a role. Matching is on normalised text (lower case,
markup and punctuation folded), by whole words, first entry that matches wins.
Extending chartparse to a new model's wording usually means adding a phrase here.
"""

from __future__ import annotations

# fold, label_words and the phrase matchers live in .phrases; the package imports them from here.
import re
from typing import Final

from .phrases import ends_with_phrase as ends_with_phrase
from .phrases import fold as fold
from .phrases import has_any_phrase as has_any_phrase
from .phrases import has_phrase as has_phrase
from .phrases import label_words as label_words
from .phrases import lookup as lookup
from .phrases import starts_with_any as starts_with_any
from .textcache import text_cache
from .vocab_sections import PANEL_DATA_TAILS as PANEL_DATA_TAILS
from .vocab_sections import SECTION_ROLES as SECTION_ROLES
from .vocab_sections import WHOLE_TITLE_ROLES as WHOLE_TITLE_ROLES

_STYLE_SPLIT: Final = re.compile(r"[\s/,()\-]+")

# Words in a title that name the kind of chart. Longer phrases first.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("confusion matrix", "heatmap"),
    ("radar chart", "radar"),  # read as categories round a circle; "other" in the contract
    ("radar charts", "radar"), ("radar plot", "radar"), ("radar", "radar"),
    ("spider chart", "radar"), ("spider plot", "radar"), ("spider diagram", "radar"),
    ("reliability diagram", "line"),  # a calibration curve: confidence against accuracy
    ("reliability diagrams", "line"),
    ("phase diagram", "line"),  # phase boundaries drawn as lines on two axes
    ("phase diagrams", "line"),
    ("calibration curve", "line"),
    ("correlation matrix", "heatmap"),
    ("heat map", "heatmap"), ("choropleth", "heatmap"),  # (a map's regions coloured by their value)
    ("heatmaps", "heatmap"),
    ("heatmap", "heatmap"),
    ("stacked area", "area"),
    ("area charts", "area"),
    ("area chart", "area"),
    ("area plot", "area"),
    ("area graph", "area"),
    ("histogram", "histogram"),
    ("box plot", "box"),
    ("boxplot", "box"),
    ("box-and-whisker", "box"),
    ("box and whisker", "box"),
    ("violin", "box"),
    ("pie charts", "pie"),
    ("pie chart", "pie"),
    ("pie", "pie"),
    ("donut", "pie"),
    ("doughnut", "pie"),
    ("scatter", "scatter"), ("raster plot", "scatter"),  # (one dot per event: spike rasters)
    ("scatterplot", "scatter"),
    ("bubble chart", "scatter"),
    ("bar charts", "bar"),
    ("bar chart", "bar"),
    ("bar graph", "bar"),
    ("bar plot", "bar"),
    ("barplot", "bar"),
    ("column chart", "bar"),
    ("bars", "bar"),
    ("bar", "bar"),
    ("line chart", "line"),
    ("line graph", "line"),
    ("line plot", "line"),
    ("line charts", "line"),
    ("line graphs", "line"),
    ("lines", "line"),  # (in MARK_NOUNS too)
    ("line", "line"),
    ("curve", "line"),
    ("curves", "line"),
    ("log-log plot", "line"),
    ("density plot", "line"),  # a smoothed distribution (KDE) is drawn as a curve
    ("kde plot", "line"),
    ("cdf plot", "line"),
    ("step plot", "line"),
    ("dot plot", "scatter"),
    ("lollipop chart", "bar"),
    ("waterfall chart", "bar"),
    ("contour plot", "heatmap"),
    ("spectrogram", "heatmap"),
    ("hexbin", "heatmap"),
    ("time series", "line"),
    ("waveform", "line"),
    ("time-domain plot", "line"),
    ("candlestick", "candlestick"),  # read as a line of prices; "other" in the contract
    ("flowchart", "diagram"),
    ("flow chart", "diagram"),
    ("diagram", "diagram"),
    ("architecture", "diagram"),
    ("schematic", "diagram"),
    ("pipeline", "diagram"),
    ("illustration", "diagram"),
    ("screenshot", "other"),
    ("photograph", "other"),
    ("photo", "other"),
    ("template", "other"),
    ("table", "table"),
)

# Keys of component lines.
AXIS_KEYS: tuple[tuple[str, str], ...] = (
    ("secondary y", "y2"),
    ("right y", "y2"),
    ("y-axis right", "y2"),
    ("y axis right", "y2"),
    ("right-hand y", "y2"),
    ("y2", "y2"),
    ("secondary x", "x2"),
    ("x-axis top", "x2"),
    ("x axis top", "x2"),
    ("top x", "x2"),
    ("primary y", "y"),
    ("left y", "y"),
    ("y-axis", "y"),
    ("y axis", "y"),
    ("yaxis", "y"),
    ("vertical axis", "y"),
    ("x-axis", "x"),
    ("x axis", "x"),
    ("xaxis", "x"),
    ("horizontal axis", "x"),
)
AXIS_FIELD_KEYS: dict[str, str] = {
    "label": "label", "title": "label", "name": "label", "axis title": "label",
    "scale": "scale", "range": "range", "markers": "ticks", "tick markers": "ticks",
    "tick marks": "ticks", "major tick marks": "ticks", "major tick markers": "ticks",
    "ticks": "ticks", "tick labels": "ticks", "labels": "ticks", "values": "ticks", "units": "unit",
    "categories": "categories", "category": "categories", "categories/bins": "categories", "unit": "unit",
}
LEGEND_KEYS = ("legend", "legends", "key", "color legend", "colors", "colours", "color coding", "color key",
               "bar colors", "bar colours", "line colors", "line colours")  # 'Bar Colors:' over 'Red: Ours'
# 'Key' alone announces a legend; 'Key Findings' or 'Key Data Points' do not. After 'key',
# only these words still name the legend ('Key entries:', 'Key to colors:').
LEGEND_KEY_TAILS = frozenset(
    {"entries", "entry", "labels", "items", "colors", "colours", "symbols", "to", "legend", "markers"})
LEGEND_META_KEYS = ("location", "position", "placement", "title", "legend position")
LEGEND_ENTRY_GROUP_KEYS = ("entries", "labels", "items", "series", "labels and colors", "colors",
                           "content", "contents", "colours", "colors/styles",
                           "colours/styles", "colors and styles", "colors/markers", "elements", "symbols")
# A legend that is a colour scale (a heatmap's bar) maps values to colours; it has no entries.
COLOR_SCALE_PHRASES = ("color bar", "colour bar", "colorbar", "color scale", "colour scale",
                       "color gradient", "colour gradient", "gradient from", "colormap",
                       "color map", "colour map", "heat scale")
# A size legend maps values to bubble sizes ('Legend (Size Encoding):' over '4', '8', '16'): no entries.
SIZE_SCALE_PHRASES = ("size encoding", "size legend", "size scale", "bubble size", "bubble sizes")
TITLE_KEYS = ("chart title", "title", "main title", "figure title", "plot title")
KIND_KEYS = ("chart type", "type", "plot type", "graph type", "figure type")
SERIES_DECLARATION_KEYS = ("data series", "series", "lines", "data lines", "plotted series", "areas",
                           "curves", "data curves")
# 'Series 1:', 'Data Series B:' name one entry; 'Series:' or 'Data Series:' lists them (folded key words)
ONE_SERIES_WORDS: Final = re.compile(r"^(?:data )?series (?:\d|[a-z]\b)")
# On a radar chart: keys that list the spokes (its categories) and keys that state the
# radial scale (its value axis). In a heatmap: keys that list its columns (the x axis'
# categories) and its rows (the y axis'). Matched against the key's folded words, notes dropped.
GRID_COLUMN_KEYS = ("columns", "column headers", "column labels", "column names", "column categories")
GRID_ROW_KEYS = ("rows", "row labels", "row headers", "row names", "row categories")
RADAR_SPOKE_KEYS = ("axes", "radial axes", "spokes", "radial spokes", "axis labels", "categories",
                    "dimensions", "metrics", "benchmarks", "attributes")
RADAR_SCALE_KEYS = ("radial scale", "scale", "radial axis", "radial axis scale", "value scale",
                    "concentric circles", "rings")
# Keys whose lines describe the chart but never carry data points.
META_KEYS = (
    "grid", "gridlines", "grid lines", "colors", "colour", "color", "color scale",
    "colorbar", "color bar", "annotation", "annotations", "variance", "uncertainty",
    "noise", "note", "notes", "language", "background", "shading", "shaded region",
    "markers", "line style", "style", "font", "layout", "spatial layout", "spatial grounding",
    "trend", "trends", "overall trend", "general trend", "visual trend", "pattern",
    "observation", "interpretation", "description", "purpose", "placement", "chart titles",
    "titles", "data labels", "vertical line", "visual style", "design", "aesthetics",
    "horizontal line", "reference line", "power-law fit", "fit", "equation", "header",
    "footer", "footer text", "footnote", "footnotes", "main chart", "plot area", "insight",
    "confidence interval", "error bars", "chart labels", "panel labels", "subplot labels", "figure labels",
    "cross-reference", "cross reference", "data validation", "consistency check", "chart area",
    "main chart area", "plot region", "plotting area", "main plot area", "data area",
)
# A key of only these words names features of the data in scope ('Notable peaks:', 'Outliers:'), no series
FEATURE_KEY_WORDS = frozenset(
    """notable key major main significant local global absolute overall peak peaks trough troughs
    high highs low lows highest lowest maximum maxima minimum minima max min extreme extremes
    turning point points value values position coordinates location cluster clusters outlier outliers
    dense central center centre primary secondary feature features convergence symmetry leftmost rightmost
    topmost uppermost bottommost lowermost x-value y-value x-values y-values shoulder shoulders hump humps
    bump bumps knee inflection""".split())
# A key opening or ending with these ('Initial Drop', 'Fluctuation Phase'), or a movement with its
# manner ('Sharp Drop'), names a stretch of the line, no line, unless a legend entry bears it.
PHASE_LEAD_WORDS = frozenset("initial early mid middle late final start starting end ending first second last"
                             .split())
PHASE_TAIL_WORDS = frozenset("phase stage period regime tail tails shoulder".split())  # ('Left Tail' too)
PHASE_KEY_MAX_WORDS = 3
MOTION_MANNERS = frozenset("gradual sharp slight steep rapid slow steady sudden brief small large".split())
MOTION_NOUNS = frozenset("decrease increase drop rise decline fall climb growth spike dip recovery".split())
# A sentence that adds the values up to check them names no category ('The shares sum to 100%').
SUM_PHRASES = ("sum to", "sums to", "summing to", "add up to", "adds up to", "adding up to",
               "total to", "totals to", "totalling", "totaling")
DATA_CONTAINER_KEYS = ("bars", "slices", "segments", "data segments", "wedges", "boxes", "cells")
DATA_GROUP_KEYS = ("data points", "data", "values", "key points", "points", "data values", "example",
                   "examples", "for example", "e.g.")
# A word before a group key that only says how the values were read ('Specific Values:').
DATA_GROUP_QUALIFIERS = frozenset(
    "approximate estimated specific key selected sample notable extracted".split())
# Box-plot and summary statistics: which keys give the central value of a box.
LINE_FEATURE_KEYS = ("peak", "peaks", "maximum", "minimum", "trough", "highest point", "lowest point", "dip")
CENTRAL_VALUE_KEYS = ("median", "mean", "average", "value", "score", "central value")
SPREAD_KEYS = ("iqr", "interquartile", "whisker", "whiskers", "outlier", "outliers", "q1", "q3",
               "range", "spread", "min", "max", "minimum", "maximum", "std", "variance",
               "first quartile", "third quartile", "lower quartile", "upper quartile", "quartile",
               "lower whisker", "upper whisker")

COLOR_WORDS = frozenset(
    """blue red green orange purple brown pink gray grey black white yellow cyan magenta
    teal olive navy maroon violet indigo gold golden silver beige tan khaki salmon coral
    turquoise lavender lime crimson peach mint aqua amber""".split()
)
# The named colours of CSS and matplotlib ('deepskyblue', 'lightcoral'), as plotting code names them.
CSS_COLORS = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue
darkcyan darkgoldenrod darkgray darkgreen darkkhaki darkmagenta darkolivegreen darkorange
darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkturquoise darkviolet
deeppink deepskyblue dimgray dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
lightgray lightgreen lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff
peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon
sandybrown seagreen seashell sienna silver skyblue slateblue slategray snow springgreen steelblue
tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
""".split())
# Those joining a colour to a word before it are colours in a description too ('Medium
# (deepskyblue)'); single names that are also plain words ('wheat', 'snow') are not.
COLOR_WORDS = COLOR_WORDS | frozenset(
    c for c in CSS_COLORS if any(c.endswith(base) and len(c) > len(base) for base in COLOR_WORDS))
STYLE_WORDS = frozenset(
    """light dark pale bright deep lightest darkest medium solid dashed dotted dash dot
    dash-dot dash-dotted dotted-dashed line lines bar bars box boxes marker markers circle circles
    square squares triangle triangles diamond diamonds star stars cross crosses dot dots
    point points area shaded band symbol filled hollow open thick thin colored coloured
    with and x plus hexagon pentagon upward downward pointing facing inverted segment segments slice
    wedge fill swatch and/or striped stripes hatched hatch hatching patterned shade shades long asterisk
    short diagonal checkered checked crosshatched cross-hatched pattern patterns vertical horizontal asterisks
    dash-dotted circular triangular""".split()
)
# Kind words that name a drawn mark as often as a kind of chart: in a line about the chart's
# parts ('**Annotations:** dashed lines mark ε_c') they state no kind.
MARK_NOUNS = frozenset({"line", "lines"})
# Kind phrases that name how the axes are scaled, not the marks: a kind stated elsewhere
# ('**Main Chart:** a log-log scatter plot') wins over them.
SCALE_KIND_PHRASES = frozenset({"log-log plot", "log-log plots"})
LINE_STYLES = ("dash-dot", "dash dot", "dashed", "dotted", "solid")
MARKERS = ("circle", "square", "triangle", "diamond", "star", "cross", "plus", "x marker",
           "hexagon", "pentagon", "dot", "asterisk")
LEGEND_POSITIONS = (
    "top-left", "top left", "top-right", "top right", "top center", "top-center", "top centre",
    "bottom-left", "bottom left", "bottom-right", "bottom right", "bottom center",
    "bottom-center", "upper left", "upper right", "lower left", "lower right", "center right",
    "center left", "right side", "left side", "outside", "right", "left", "top", "bottom",
    "center", "below", "above",
)
# Words naming a panel of a multi-panel figure.

# Words a stated arrangement of panels ends with ('a 2x3 grid'), read by the extractor
# (extract.kinds) and by explain's count-of-things rejection alike.
GRID_WORDS = ("grid", "layout", "arrangement", "matrix")
PANEL_WORDS = frozenset(
    "chart graph plot subplot panel heatmap figure subfigure diagram map matrix histogram pie"
    " scatterplot barplot boxplot subchart table".split()
)
PANEL_POSITIONS = (
    "top-left", "top-right", "bottom-left", "bottom-right", "top-center", "bottom-center",
    "middle-left", "middle-right", "top left", "top right", "bottom left", "bottom right",
    "middle left", "middle right", "left", "right", "top", "bottom", "middle", "center",
    "upper", "lower", "leftmost", "rightmost", "centre", "topmost", "bottommost",
)
# Words in a table header that mark a column derived from others, not a series.
DERIVED_COLUMN_WORDS = ("gap", "difference", "diff", "delta", "δ", "change", "notes", "note",
                        "trend", "description", "comment", "rank", "improvement", "color", "colour")
# 'Category 1: Apples vs Pears': words that only number the category before its name.
ORDINAL_LABEL_WORDS = frozenset({"category", "group", "bar", "item", "pair", "comparison", "cluster",
                                 "set", "entry", "bin"})
# Keys that state the sum of stacked segments ('Total: 135'), besides those starting 'total'.
TOTAL_WORDS = frozenset({"sum", "stack total", "stacked total", "combined total"})
# A table header naming its column by the axis it plots on: 'Loss (Y)', 'Y-Value (Loss)'.
AXIS_ROLE_HEADERS = frozenset({"x", "y", "x value", "y value", "x-value", "y-value", "x values",
                               "y values", "x-values", "y-values", "x-axis", "y-axis", "x axis",
                               "y axis", "value", "values"})

def mentions_color(text: str) -> bool:
    return any(w in COLOR_WORDS for w in _STYLE_SPLIT.split(fold(text)))

GENERIC_X_WORDS = frozenset(
    """epoch epochs step steps iteration iterations iter training train token tokens layer
    layers n k x t size time day days year years round rounds checkpoint checkpoints update
    updates context length budget sample samples batch batches ratio at point value bin
    width depth billion million thousand b m k g t s ms sec seconds minutes hours
    generation generations episode episodes frame frames data number of the early late mid
    end start beginning middle around week weeks month months quarter quarters hour minute minutes
    iterations epoch round category categories""".split()
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16,
}
_LETTER_THEN_DIGIT: Final = re.compile(r"[A-Za-z]\d")
_NONZERO_DIGIT: Final = re.compile(r"[1-9]")


def key_shape(key: str) -> str:
    """The key with its digits zeroed, unless a digit is glued to a letter ('Y2', 'Q1'),
    as the key vocabulary's only digits are. No vocabulary phrase holds a standalone
    number, and zeroing keeps every length, so the reading of a shape is the reading
    of each key it stands for."""
    if not _NONZERO_DIGIT.search(key) or _LETTER_THEN_DIGIT.search(key):
        return key
    return _NONZERO_DIGIT.sub("0", key)


END_NOTE: Final = re.compile(r"(?<!\s)\s*+\([^()]++\)\s*$")  # 'Chart Titles (top of each chart)'


@text_cache()
def axis_field(key: str) -> str | None:
    """The axis field a sub-key states ('Label', 'Tick marks'), a trailing note set aside:
    'Categories (from left to right)' states the categories."""
    words = fold(END_NOTE.sub("", key.replace("**", "")))
    if not words:
        return None
    name = AXIS_FIELD_KEYS.get(words)
    if name is None:
        name = next((v for k, v in AXIS_FIELD_KEYS.items() if ends_with_phrase(words, k)), None)
    return name


# Under a bar's or slice's own header ('**Weekday:**'), sub-keys that state its value
# ('Value: 13.4', 'Bar length: ~41%') and sub-keys that describe the bar, not its value.
BAR_MEASURE_KEYS = ("value", "values", "score", "data point", "data value", "bar length", "length",
                    "bar height", "height", "count", "frequency", "percentage", "percent", "share",
                    "proportion", "amount", "total", "measurement", "reading", "bar value")
# 'Approximate Value:', 'Estimated Height:': a qualifier before a measure key keeps it one
MEASURE_QUALIFIERS = ("approximate ", "approx ", "approx. ", "estimated ", "exact ", "observed ",
                      "reported ", "measured ")

# Under 'Data Series:', keys that say how the one series is drawn, not a series' name.
SERIES_ATTRIBUTE_KEYS = frozenset({"representation", "appearance", "description", "style", "line style",
                                   "color", "colour", "marker", "markers", "type", "visual",
                                   "visual representation", "rendering", "number", "count"})
BAR_ATTRIBUTE_KEYS = ("position", "location", "placement", "color", "colour", "bar color", "bar colour",
                      "visual trend", "visual position", "appearance", "error bar", "error bars", "error",
                      "uncertainty", "confidence interval", "ci", "std", "standard deviation", "pattern",
                      "shape", "marker", "style", "texture", "annotation", "relative size", "size")

# A parenthesis that names which split of the data a line plots ('Loss (train)', 'Loss (test)'):
# part of the series' name, unlike a note of colour or place.
SPLIT_QUALIFIERS = ("train", "training", "test", "testing", "val", "valid", "validation", "dev",
                    "eval", "evaluation", "in-distribution", "out-of-distribution", "id", "ood",
                    # statistics of one group: 'Human (Avg.)' and 'Human (Best)' are two series
                    "avg", "average", "mean", "median", "best", "worst")

# A header of only these words ('Segment Proportions (Estimated)') names a pie's own slices,
# not one pie of several.
PIE_PART_WORDS = frozenset("segment segments slice slices proportion proportions share shares breakdown "
                           "distribution composition percentages estimated approximate values "
                           "wedges sizes".split())
