"""The raw host's bound lets every root manifest probe go out in one wave."""

from __future__ import annotations

from tui.github.client import RAW_CONCURRENCY
from tui.github.graphql_search import root_manifests


def test_every_root_manifest_probe_fits_in_one_wave() -> None:
    # a format added to the registry must not quietly make the probes (and, without a
    # token, the /languages request that waits for them) one round trip later
    assert len(root_manifests()) <= RAW_CONCURRENCY
