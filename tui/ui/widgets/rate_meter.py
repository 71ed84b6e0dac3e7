"""RateLimitMeter: remaining/limit and reset countdown of each GitHub rate-limit bucket."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.github.budget import Budget, refilled
from tui.github.models import RateBucket
from tui.present.format import countdown
from tui.ui.messages import BudgetChanged

SHOWN = ("core", "search", "graphql")
"""The buckets repolens spends, in display order (graphql only once GitHub reports it)."""

LOW = 0.2
"""A bucket at or below this share of its limit is shown as a warning."""

ROOM = len("core 4990/5000 ↻ 59:59")
"""Columns the meter needs beside the title and badges to say what matters (core, and when)."""

COST_PER_REPOSITORY = 1.2
"""Core requests a repository previewed without a token costs (``benchmarks/browsing.py``)."""


def shown_buckets(buckets: dict[str, RateBucket]) -> list[RateBucket]:
    """The buckets worth showing: a limit of 0 (graphql without a token) means "not yours"."""
    return [buckets[name] for name in SHOWN if name in buckets and buckets[name].limit > 0]


def level(buckets: dict[str, RateBucket]) -> str:
    """``ok``, ``warning`` (a bucket at or below ``LOW``) or ``error`` (a bucket spent)."""
    shown = shown_buckets(buckets)
    if any(b.remaining <= 0 for b in shown):
        return "error"
    if any(b.remaining / b.limit <= LOW for b in shown):
        return "warning"
    return "ok"


def repositories_left(buckets: dict[str, RateBucket]) -> int | None:
    """About how many more repositories the core budget buys, or None when unknown."""
    core = buckets.get("core")
    if core is None or core.limit <= 0:
        return None
    return int(max(0, core.remaining) / COST_PER_REPOSITORY)


def _now() -> datetime:
    return datetime.now(UTC)


class RateLimitMeter(Widget):
    """One line: ``core 48/60 ↻ 41:07 · search 9/10 ↻ 0:52 · ≈ 40 more repositories this hour``.

    Coloured by what is left: ``-ok`` when every shown bucket is above ``LOW``, ``-warning`` at
    or below it, ``-error`` when one is spent (the styles in ``app.tcss`` decide the colours).
    """

    DEFAULT_CSS = "RateLimitMeter { height: 1; width: auto; }"

    class NeedChanged(Message):
        """``needed()`` changed (a countdown or "≈ N more repos" came or went): fit the bar."""

    buckets: reactive[dict[str, RateBucket]] = reactive(dict, always_update=True)
    """The latest snapshot of the budget."""

    room: reactive[int | None] = reactive(None, layout=True)
    """Columns the status bar leaves the meter beside its title and badges (``None``: all).

    The bar works it out from the text it shows, not from its children's last layout, which
    lags a resize: the meter would be sized for the title and badges of the previous width."""

    def __init__(
        self, budget: Budget | None, *, clock: Callable[[], datetime] = _now, id: str | None = None
    ) -> None:
        """Watch ``budget`` (if any) and count down with ``clock``."""
        super().__init__(id=id)
        self._budget = budget
        self._clock = clock
        self._unsubscribe: Callable[[], None] | None = None
        self._need = ROOM

    def on_mount(self) -> None:
        """Subscribe to the budget and tick the countdown once a second."""
        if self._budget is not None:
            self.buckets = self._budget.buckets
            # the client may update from any task; a message keeps this widget's state on its loop
            self._unsubscribe = self._budget.subscribe(self._budget_changed)
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        """Redraw the countdown; its width may change (``1:00:00`` to ``59:59``).

        A bucket whose reset has just passed is shown refilled (and coloured so), not at 0:00.
        """
        now = self._clock()
        current = {name: refilled(b, now) for name, b in self.buckets.items()}
        if current != self.buckets:
            self.buckets = current
        else:
            self.refresh(layout=True)

    def _budget_changed(self, snapshot: dict[str, RateBucket]) -> None:
        self.post_message(BudgetChanged(snapshot))

    def on_unmount(self) -> None:
        """Stop listening to the budget."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def on_budget_changed(self, message: BudgetChanged) -> None:
        """Take the newest snapshot."""
        message.stop()
        self.buckets = message.buckets

    def watch_buckets(self, buckets: dict[str, RateBucket]) -> None:
        """Colour the meter by its lowest bucket (``-ok``, ``-warning``, ``-error``)."""
        now = level(buckets)
        for name in ("ok", "warning", "error"):
            self.set_class(now == name, f"-{name}")
        self.refresh(layout=True)  # the width follows the text (``?`` becomes ``4990/5000``)
        need = self.needed()
        if need != self._need:
            self._need = need
            self.post_message(self.NeedChanged())

    def needed(self) -> int:
        """Columns for what matters, which the status bar keeps room for: core (room for its
        countdown), the buckets running low, and without a token what the budget still buys."""
        what_matters = variants(self.buckets, self._clock())[2]
        return max(ROOM, what_matters.cell_length)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest variant that fits ``room`` (80 columns fit a short one)."""
        return self._fitting(container.width if self.room is None else self.room).cell_length

    def render(self) -> Content:
        """The most detailed variant that fits the width layout gave."""
        return self._fitting(self.size.width)

    def _fitting(self, width: int) -> Content:
        shown = variants(self.buckets, self._clock())
        return next((v for v in shown if v.cell_length <= width), shown[-1])


def _bucket(bucket: RateBucket, now: datetime, *, clock: bool) -> Content:
    """``core 48/60 ↻ 41:07`` (or without the countdown, which a passed reset never has)."""
    bucket = refilled(bucket, now)
    clock = clock and bucket.reset_at > now
    markup = "$name [b]$remaining[/b]/$limit" + (" [dim]↻ $left[/]" if clock else "")
    return Content.from_markup(
        markup, name=bucket.resource, remaining=str(bucket.remaining), limit=str(bucket.limit),
        left=countdown(bucket.reset_at, now),
    )  # fmt: skip


def variants(buckets: dict[str, RateBucket], now: datetime) -> list[Content]:
    """The meter from most to least detailed; the narrowest keeps core and any bucket running low.

    Without a token "≈ 40 more repos" is what a user plans by: it outlasts the buckets that
    are not running low, and goes only after a bucket that is (it explains the colour):

    1. every bucket with its countdown, and what the core budget still buys;
    2. countdowns only on buckets running low, "≈ 40 more repos";
    3. only core and the buckets running low, "≈ 40 more repos" (what matters: ``needed``);
    4. only core and the buckets running low;
    5. core and "≈ 40 more repos";
    6. core alone (its countdown when low), for the narrowest bar.

    With a token there is no "more repos": forms 3 and 4, 5 and 6 read the same.
    """
    buckets = {name: refilled(b, now) for name, b in buckets.items()}  # a passed reset: full
    known = [buckets[n] for n in SHOWN if n in buckets and buckets[n].limit > 0]
    unknown = [  # never asked yet: say so (graphql is not asked for without a token)
        Content.from_markup("[dim]$name ?[/]", name=n)
        for n in SHOWN if n not in buckets and n != "graphql"
    ]  # fmt: skip
    low = {b.resource for b in known if b.remaining / b.limit <= LOW}
    full = [_bucket(b, now, clock=True) for b in known] + unknown
    short = [_bucket(b, now, clock=b.resource in low) for b in known] + unknown
    tight = [b for b, k in zip(short, known, strict=False) if k.resource in low | {"core"}]
    core = [b for b, k in zip(short, known, strict=False) if k.resource == "core"]
    tight, core = tight or unknown, core or unknown[:1]
    left = repositories_left(buckets)
    more: list[Content] = []
    if left is not None and buckets["core"].limit <= 100:  # worth saying without a token
        full.append(Content.from_markup("[dim]≈ $n more repositories this hour[/]", n=left))
        more = [Content.from_markup("[dim]≈ $n more repos[/]", n=left)]
    forms = (full, short + more, tight + more, tight, core + more, core)
    return [Content(" · ").join(parts) for parts in forms]
