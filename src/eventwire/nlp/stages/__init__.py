"""Extraction stages, run in the order listed in nlp/pipeline.py (STAGES).

Each stage reads the spaCy Doc plus what earlier stages put in the shared ``Work`` object
(see nlp/work.py) and adds its own part. Nothing outside nlp/ sees these objects."""
