"""Nesting (chartparse.outline): sections under headings, items under items."""

from __future__ import annotations

from chartparse.blocks import parse_lines
from chartparse.outline import Node, build, heading_text


def outline(text: str) -> Node:
    lines, error = parse_lines(text)
    assert error is None, error
    return build(lines)


def label(node: Node) -> str:
    if node.is_section:
        return f"§{node.title}"
    line = node.line
    assert line is not None
    return line.full_text or line.kind


def shape(node: Node) -> list:
    """The tree as nested lists: a leaf is its text, a parent is (text, [children])."""
    out: list = []
    for child in node.children:
        out.append((label(child), shape(child)) if child.children else label(child))
    return out


def find(root: Node, text: str) -> Node:
    for node in root.walk():
        if node.line is not None and node.line.full_text == text:
            return node
    raise AssertionError(f"no line {text!r}")


def texts(nodes: list[Node]) -> list[str]:
    return [label(n) for n in nodes]


# -- sections ----------------------------------------------------------------------


def test_sections_nest_by_heading_level() -> None:
    root = outline(
        "# Chart\n"
        "## Components\n"
        "### Axes\n"
        "* x: steps\n"
        "## Analysis\n"
        "* a point\n"
    )
    assert shape(root) == [
        ("§Chart", [
            ("§Components", [("§Axes", ["x: steps"])]),
            ("§Analysis", ["a point"]),
        ])
    ]


def test_deeper_heading_after_shallower_closes_nothing_above_it() -> None:
    root = outline("## A\n#### B\n### C\ntext\n")
    assert shape(root) == [("§A", ["§B", ("§C", ["text"])])]


def test_section_levels_and_lines() -> None:
    root = outline("# Top\n\n### Sub\nbody\n")
    top = root.children[0]
    sub = top.children[0]
    assert (top.level, sub.level) == (1, 3)
    assert (top.first_line, top.last_line) == (1, 4)
    assert (sub.first_line, sub.last_line) == (3, 4)


def test_heading_text_drops_numbering_and_markup() -> None:
    assert heading_text("1. **Axis Labels and Markers**") == "Axis Labels and Markers"
    assert heading_text("**Key Observations:**") == "Key Observations"
    assert heading_text("II. Results") == "Results"


def test_bold_only_line_opens_a_pseudo_section() -> None:
    root = outline(
        "## Detailed Analysis\n"
        "**1. Baseline (Blue Line)**\n"
        "* starts at 3\n"
        "**2. Tuned (Red Line)**\n"
        "* starts at 4\n"
    )
    assert shape(root) == [
        ("§Detailed Analysis", [
            ("§Baseline (Blue Line)", ["starts at 3"]),
            ("§Tuned (Red Line)", ["starts at 4"]),
        ])
    ]


def test_key_only_paragraph_line_opens_a_pseudo_section() -> None:
    root = outline("Data Values:\n* a: 1\n* b: 2\n**Trend:**\n* rising\n")
    assert shape(root) == [
        ("§Data Values", ["a: 1", "b: 2"]),
        ("§Trend", ["rising"]),
    ]


def test_paragraph_ending_in_colon_after_a_key_opens_a_pseudo_section() -> None:
    root = outline("Summary: the points are:\n* a: 1\n")
    assert shape(root) == [("§Summary", ["a: 1"])]


def test_keyed_paragraph_with_a_value_is_not_a_section() -> None:
    root = outline("Chart Type: line chart\n* a: 1\n")
    assert shape(root) == ["Chart Type: line chart", "a: 1"]


def test_markdown_heading_closes_a_pseudo_section() -> None:
    root = outline("# Doc\n**Panel A**\ntext\n## Next\nmore\n")
    assert shape(root) == [("§Doc", [("§Panel A", ["text"]), ("§Next", ["more"])])]


# -- items by indentation ------------------------------------------------------------


def test_items_nest_by_indentation() -> None:
    root = outline(
        "* parent\n"
        "  * child\n"
        "    * grandchild\n"
        "  * second child\n"
        "* sibling\n"
    )
    assert shape(root) == [
        ("parent", [("child", ["grandchild"]), "second child"]),
        "sibling",
    ]


def test_tab_indentation_nests_like_spaces() -> None:
    root = outline("- parent\n\t- child\n- sibling\n")
    assert shape(root) == [("parent", ["child"]), "sibling"]


def test_indented_paragraph_continues_the_item() -> None:
    root = outline("* item\n  more about it\n")
    assert shape(root) == [("item", ["more about it"])]


def test_unindented_paragraph_ends_the_list() -> None:
    root = outline("* item\ntext\n  * new list\n")
    assert shape(root) == ["item", "text", "new list"]


# -- re-nesting flattened model output ---------------------------------------------


def test_flattened_numbered_series_adopts_following_bullets() -> None:
    root = outline(
        "1. **Baseline (Blue Line)**:\n"
        "- starts at ~3.1\n"
        "- ends at ~2.4\n"
        "2. **Tuned (Orange Line)**:\n"
        "- starts at ~3.3\n"
        "- ends at ~2.0\n"
    )
    assert shape(root) == [
        ("Baseline (Blue Line):", ["starts at ~3.1", "ends at ~2.4"]),
        ("Tuned (Orange Line):", ["starts at ~3.3", "ends at ~2.0"]),
    ]
    assert root.children[0].group == "generic"


def test_flattened_legend_adopts_entries_until_a_component_key() -> None:
    root = outline(
        "* **Legend:** Located at the top left. It lists two entries:\n"
        "* **Baseline:** Solid blue line with circles.\n"
        "* **Tuned:** Dashed orange line.\n"
        "* **Grid:** Light gray dashed lines.\n"
    )
    legend = find(root, "Legend: Located at the top left. It lists two entries:")
    assert legend.group == "legend"
    assert texts(legend.children) == [
        "Baseline: Solid blue line with circles.",
        "Tuned: Dashed orange line.",
    ]
    assert label(root.children[-1]) == "Grid: Light gray dashed lines."


def test_flattened_axis_adopts_its_fields_until_the_next_axis() -> None:
    root = outline(
        "* **X-Axis:**\n"
        "* **Label:** Training Steps\n"
        "* **Scale:** Linear, 0 to 5000\n"
        "* **Y-Axis:**\n"
        "* **Label:** Accuracy\n"
        "* **Scale:** 0.0 to 1.0\n"
    )
    assert shape(root) == [
        ("X-Axis:", ["Label: Training Steps", "Scale: Linear, 0 to 5000"]),
        ("Y-Axis:", ["Label: Accuracy", "Scale: 0.0 to 1.0"]),
    ]
    assert [c.group for c in root.children] == ["axis", "axis"]


def test_flattened_x_group_adopts_its_values() -> None:
    root = outline(
        "- **Epoch 1**:\n"
        "- Original: ~60%\n"
        "- Modified: ~52%\n"
        "- **Epoch 2**:\n"
        "- Original: ~71%\n"
    )
    assert shape(root) == [
        ("Epoch 1:", ["Original: ~60%", "Modified: ~52%"]),
        ("Epoch 2:", ["Original: ~71%"]),
    ]


def test_flattened_groups_stay_inside_their_section() -> None:
    root = outline(
        "### Components\n"
        "* **Legend:** two entries:\n"
        "* **A:** red line\n"
        "### Detailed Analysis\n"
        "* **A:** rises to 5\n"
    )
    components, analysis = root.children
    assert shape(components) == [("Legend: two entries:", ["A: red line"])]
    assert shape(analysis) == ["A: rises to 5"]


def test_properly_indented_input_is_left_as_written() -> None:
    root = outline(
        "* **Legend:** entries:\n"
        "  * **A:** red line\n"
        "  * **B:** blue line\n"
        "* **Grid:** none\n"
    )
    assert shape(root) == [
        ("Legend: entries:", ["A: red line", "B: blue line"]),
        "Grid: none",
    ]


def test_walk_is_depth_first_in_source_order() -> None:
    root = outline("# A\n* one\n  * two\n* three\n## B\n* four\n")
    lines = [n.line.line for n in root.walk() if n.line is not None]
    assert lines == [1, 2, 3, 4, 5, 6]


def test_indented_legend_does_not_adopt_later_siblings() -> None:
    root = outline(
        "* **Legend:** upper right\n"
        "  * **Adam:** solid blue line\n"
        "  * **SGD:** dashed red line\n"
        "* **Adam:** reaches 0.4 at epoch 10\n"
    )
    assert shape(root) == [
        ("Legend: upper right", ["Adam: solid blue line", "SGD: dashed red line"]),
        "Adam: reaches 0.4 at epoch 10",
    ]
