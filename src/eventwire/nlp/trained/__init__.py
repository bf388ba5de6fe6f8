"""Trained components: small models that stand in for rule-based stages, with their weights
shipped in the package (``nlp/models/``) and the commands that train them. Nothing here
downloads: a component whose weights are absent leaves the rules in charge."""
