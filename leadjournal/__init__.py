"""leadjournal: a private weekly reflection journal for leaders.

Nothing runs at import: the command line imports what each command needs.
"""

__version__ = "0.1.0"
