"""The ``repolens`` command line: parser, commands, text output and exit codes; never Textual."""
