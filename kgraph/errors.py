"""One exception type carries every message meant for the user."""


class KgraphError(Exception):
    """An error the user can act on; the CLI prints its message, never a traceback."""
