"""Posts (offices) and who holds them: title strings (``titles``), holdings in a document
(``holdings``)."""

from .holdings import holdings_in, role_holders

__all__ = ["holdings_in", "role_holders"]
