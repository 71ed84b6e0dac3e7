"""Pure search helpers: qualifiers repolens reads itself, never sent to GitHub as they are."""
