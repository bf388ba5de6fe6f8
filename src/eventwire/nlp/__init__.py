"""The only package that imports spaCy. Everything leaving it is a model.Record."""
