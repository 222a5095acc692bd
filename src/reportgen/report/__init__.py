"""YAML report → the role-based :class:`~reportgen.report.document.Document`: composing,
text and figure filling, figure tables, and the scaffold ``reportgen new`` writes."""
