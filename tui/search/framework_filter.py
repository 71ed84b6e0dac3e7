"""The ``framework:`` qualifier: split out of a query, applied by repolens to detected frameworks.

GitHub's search knows nothing of frameworks (it would take ``framework:pytorch`` as free text or
refuse it), so the qualifier is removed before the query is sent and applied afterwards to the
frameworks repolens detected. ``framework:pytorch`` keeps repositories built with PyTorch,
``-framework:tensorflow`` drops those built with TensorFlow, ``framework:flask,django`` keeps
either. Names match without regard to case or punctuation (``nextjs`` finds ``Next.js``), and
must name a framework repolens has a rule for: a misspelt name would otherwise quietly match
nothing, so it is refused in one line that offers the closest known names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tui.search.qualifiers import QuerySyntaxError

_TERM = re.compile(r"^(-?)framework:(.+)$", re.IGNORECASE)

NOTE = "framework: is applied by repolens to the frameworks it detects, after GitHub's search."
"""The one-line note shown wherever the qualifier is used."""


def slug(name: str) -> str:
    """A framework name reduced to lower-case letters and digits (``Next.js`` -> ``nextjs``)."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


class UnknownFramework(QuerySyntaxError):
    """A ``framework:`` name no rule detects; ``str()`` is one line with the closest names."""


@cache
def known_frameworks() -> dict[str, str]:
    """Every framework a rule detects, by slug (``nextjs`` -> ``Next.js``)."""
    from tui.analysis.rules import load_rules  # the rules load with the first filter, not before

    return {slug(rule.name): rule.name for rule in load_rules()}


def closest(name: str, count: int = 3) -> list[str]:
    """The known frameworks nearest to ``name`` (a slug): those it is part of, then look-alikes."""
    known = known_frameworks()
    within = sorted((s for s in known if name in s), key=len)
    alike = difflib.get_close_matches(name, list(known), n=count, cutoff=0.5)
    if not within and not alike:  # say something useful even for a name far from all
        alike = difflib.get_close_matches(name, list(known), n=count, cutoff=0.0)
    return [known[s] for s in dict.fromkeys([*within, *alike])][:count]


def _check_known(name: str, written: str) -> None:
    if name in known_frameworks():
        return
    near = ", ".join(f"{n} ({slug(n)})" for n in closest(name))
    shown = written[:40]
    raise UnknownFramework(f"Unknown framework {shown!r} in framework:; closest: {near}.")


@dataclass(frozen=True, slots=True)
class FrameworkFilter:
    """A query with its ``framework:`` terms taken out.

    Attributes:
        query: What is sent to GitHub: the query without the ``framework:`` terms.
        include: Alternatives groups; a repository must match one name of every group.
        exclude: Names a repository must not be built with.
    """

    query: str
    include: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when the query held a ``framework:`` term."""
        return bool(self.include or self.exclude)

    def matches(self, frameworks: Iterable[str]) -> bool:
        """Whether a repository with these detected frameworks passes the filter."""
        found = {slug(name) for name in frameworks}
        if any(name in found for name in self.exclude):
            return False
        return all(any(name in found for name in group) for group in self.include)

    def describe(self) -> str:
        """The terms as written back (``framework:pytorch -framework:tensorflow``)."""
        terms = [f"framework:{','.join(group)}" for group in self.include]
        terms += [f"-framework:{name}" for name in self.exclude]
        return " ".join(terms)


def parse_framework_filter(query: str) -> FrameworkFilter:
    """Split ``framework:`` and ``-framework:`` terms out of a search query.

    Args:
        query: A search query in GitHub's syntax, possibly with ``framework:`` terms.

    Returns:
        The filter, whose ``query`` is safe to send to GitHub.

    Raises:
        UnknownFramework: A name no rule detects (one line, with the closest known names).
    """
    kept: list[str] = []
    include: list[tuple[str, ...]] = []
    exclude: list[str] = []
    for word in query.split():
        found = _TERM.match(word)
        written = [n for n in found.group(2).split(",") if slug(n)] if found else []
        for name in written:
            _check_known(slug(name), name)
        names = tuple(slug(n) for n in written)
        if not names:
            kept.append(word)  # not the qualifier (or an empty one): GitHub's to read
        elif found and found.group(1):
            exclude.extend(names)
        else:
            include.append(names)
    return FrameworkFilter(" ".join(kept), tuple(include), tuple(exclude))
