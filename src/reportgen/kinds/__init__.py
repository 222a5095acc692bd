"""Report kinds: their specs (data files), the models built from them, and the registry.

This module stays light (no pydantic): lint imports :data:`RESERVED_KEYS` from it.
"""

#: The report's built-in fields, which a kind's own fields may not take as keys.
RESERVED_KEYS = frozenset(
    {
        "kind",
        "title",
        "recipient",
        "preamble",
        "sections",
        "closing",
        "issuer",
        "date",
        "figures",
        "brief_name",
        "issue_no",
        "editor",
        "distribution",
        # the formal 公文 fields (layouts/formal_fields.py)
        "format",
        "copy_no",
        "secrecy",
        "secrecy_period",
        "urgency",
        "mark",
        "doc_number",
        "signers",
        "attachments",
        "note",
        "copy_to",
        "printer",
        "print_date",
        "attendees",
        "on_leave",
        "observers",
    }
)
