"""Vocabulary of section headings: the role each names, and the words after a panel's name."""

from __future__ import annotations

# Section headings -> role of the section.
SECTION_ROLES: tuple[tuple[str, str], ...] = (
    ("key observations", "observations"),
    ("observations", "observations"),
    ("key trends", "observations"),
    ("trends and observations", "observations"),
    ("notable", "observations"),
    ("insights", "observations"),
    ("findings", "observations"),
    ("trend verification", "observations"),
    ("trend analysis", "observations"),
    ("missing elements", "observations"),
    ("anomalies", "observations"),
    # checks the describer made of its own reading ('## Cross-Reference Validation'); not
    # 'Validation Loss', a panel's title
    ("cross-reference", "observations"), ("cross reference", "observations"),
    ("validation checks", "observations"), ("validation check", "observations"),
    ("consistency check", "observations"), ("consistency checks", "observations"),
    ("legend consistency", "observations"), ("data validation", "observations"),
    ("data verification", "observations"),
    ("interpretation", "interpretation"),
    ("conclusion", "interpretation"),
    ("implications", "interpretation"),
    ("final notes", "interpretation"),
    ("summary", "interpretation"),
    ("legend", "legend"),
    ("legends", "legend"),
    ("detailed analysis", "data"),
    ("content details", "data"),
    ("data points", "data"),
    ("data point", "data"),
    ("data extraction", "data"),
    ("data series", "data"),
    ("data trends", "data"),
    ("data analysis", "data"),
    ("data table", "data"),
    ("bin analysis", "data"),
    ("isolation and trends", "data"),  # 'Component Isolation and Trends': each part's data
    ("isolation & trends", "data"),
    ("values", "data"),
    ("cells", "data"),  # a heatmap's cells, listed row by row
    ("components", "components"),
    ("axes", "components"),
    ("axis", "components"),
    ("metadata", "components"),
    ("labels", "components"), ("textual elements", "components"), ("text elements", "components"),
    ("chart identification", "components"),
    ("key components", "components"),
    ("component isolation", "components"),
    ("overview", "overview"),
    ("image description", "overview"),
    ("description", "overview"),
    ("introduction", "overview"),
)
# Titles that name a role only as the whole title ('Accuracy by Chart Type' is data): notes
# about the figure that state no data (where things sit, the text printed on it), and the
# chart's type (read for the kind).
WHOLE_TITLE_ROLES = {"chart type": "overview", "spatial grounding": "overview", "embedded text": "overview"}

# Words after a panel's name in a header over its data ('Heatmap Data:', 'Left Plot Values').
SENTENCE_TITLE_WORDS = 7  # a heading or key of more words is a sentence (a lead-in), not a name or a role
PANEL_DATA_TAILS = ("data", "values", "details", "analysis", "breakdown", "data points", "specifics")
