"""The report's published figures (``figures``), how they are compared (``rules``), what they are
computed from (``facts``), the check itself (``check``) and the data card section it writes."""
