"""Reading a .docx draft as a reader sees it: paragraphs, automatic numbering, styles."""
