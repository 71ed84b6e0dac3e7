"""FrameworkList: detected frameworks grouped by category, with their evidence on demand.

The order is the one every front end uses (``tui.present.verdict.grouped``).
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.analysis.report import Framework
from tui.present.categories import category_label
from tui.present.verdict import grouped
from tui.textsafe import one_line


def framework_line(framework: Framework) -> Text:
    """``PyTorch 95%`` plus markers for "this repo is it" and examples-only evidence."""
    text = Text("  • ", end="")
    text.append(one_line(framework.name), style="bold")
    text.append(f" {framework.confidence:.0%}", style="dim")
    if framework.is_self:
        text.append("  (this repository)", style="italic")
    if framework.only_in:
        text.append(f"  only in {one_line(framework.only_in)}", style="dim italic")
    return text


def evidence_lines(framework: Framework) -> list[Text]:
    """One dim line per piece of evidence: ``requirements.txt:3  torch==1.12.0``."""
    lines = []
    for item in framework.evidence:
        where = one_line(item.path) + (f":{item.line}" if item.line is not None else "")
        lines.append(
            Text.assemble(("      ", ""), (where, "dim underline"), "  ", one_line(item.detail))
        )
    return lines


class FrameworkList(Widget):
    """The frameworks of one repository; a placeholder while detection is still running."""

    DEFAULT_CSS = "FrameworkList { height: auto; }"

    frameworks: reactive[tuple[Framework, ...] | None] = reactive(None, layout=True)
    """Detected frameworks; ``None`` while loading, ``()`` when none were found."""

    show_evidence: reactive[bool] = reactive(False, layout=True)
    """Show each framework's evidence under it."""

    failed: reactive[bool] = reactive(False)
    """Detection stopped with an error (shown as a notification); the placeholder says so."""

    def watch_failed(self, failed: bool) -> None:
        """Toggle the failed look."""
        self.set_class(failed and self.frameworks is None, "-failed")

    def watch_frameworks(self, frameworks: tuple[Framework, ...] | None) -> None:
        """Toggle the loading and empty looks."""
        self.set_class(frameworks is None, "-loading")
        self.set_class(frameworks == (), "-empty")

    def on_mount(self) -> None:
        """Start in the loading look."""
        self.watch_frameworks(self.frameworks)

    def render(self) -> Text:
        """Category headings with their frameworks (and evidence when asked)."""
        if self.frameworks is None:
            return Text("frameworks unavailable" if self.failed else "frameworks: detecting…")
        if not self.frameworks:
            return Text("no frameworks detected", style="dim")
        lines: list[Text] = []
        for category, items in grouped(self.frameworks):
            label = category_label(category)  # "web back end", not an id
            lines.append(Text(one_line(label), style="bold underline"))
            for framework in items:
                lines.append(framework_line(framework))
                if self.show_evidence:
                    lines.extend(evidence_lines(framework))
        if not self.show_evidence:
            lines.append(Text("press e for evidence", style="dim italic"))
        return Text("\n").join(lines)
