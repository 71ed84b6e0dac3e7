"""The Textual app: app, palette, keymap, screens, widgets and styles."""
