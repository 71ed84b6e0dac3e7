"""The ``repolens`` entry point (placeholder)."""


def main() -> int:
    """Run repolens."""
    return 0
