"""`eventwire train`: train the components of ``nlp/trained`` (heavy imports inside)."""

from __future__ import annotations

from typing import Any

import click


@click.group("train")
def train_group() -> None:
    """Train a component from annotated data on this machine (CPU, fixed seed)."""


@train_group.command("attribution")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--dev", type=click.Path(exists=True, file_okay=False), default=None,
              help="Score this PolNeAR split once at the end (never used to choose).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder for model.bin and meta.json (default: the package's weights).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--epochs", type=int, default=20, show_default=True)
@click.option("--width", type=int, default=48, show_default=True,
              help="Hidden width (the LSTM's output; its cost grows with the square).")
@click.option("--depth", type=int, default=1, show_default=True,
              help="BiLSTM layers (each one costs about as much as the first).")
@click.option("--window", type=int, default=1, show_default=True,
              help="A convolution over this many neighbours each side before the LSTM (0: none).")
@click.option("--limit", type=int, default=None, help="Train on the first N articles only.")
def train_attribution_command(data: str, dev: str | None, out: str | None, seed: int,
                              epochs: int, width: int, depth: int, window: int,
                              limit: int | None) -> None:
    """Train the attribution tagger on DATA, PolNeAR's train split (``text/`` and
    ``attributions/``, or a folder holding ``train/``)."""
    from .attribution import WEIGHTS_DIR
    from .train_attribution import train

    kwargs: dict[str, Any] = {"dev": dev, "seed": seed, "epochs": epochs, "limit": limit,
                              "width": width, "depth": depth,
                              "window": window}
    train(data, out or WEIGHTS_DIR, say=lambda s: click.echo(s, err=True), **kwargs)


@train_group.command("attribution-cues")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--weights", type=click.Path(exists=True, file_okay=False), default=None,
              help="The tagger's weights folder (default: the package's); cues.json goes there.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder for cues.json (default: the weights folder).")
def train_cues_command(data: str, weights: str | None, out: str | None) -> None:
    """Train the attribution stage's cue classifier on DATA, PolNeAR's train split (its
    nine tenths; no randomness: the same data and tagger give the same weights)."""
    from .attribution import WEIGHTS_DIR
    from .train_cues import train_cues

    train_cues(data, weights or WEIGHTS_DIR, out, say=lambda s: click.echo(s, err=True))


@train_group.command("attribution-sources")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--weights", type=click.Path(exists=True, file_okay=False), default=None,
              help="The tagger's and cue classifier's weights folder (default: the "
              "package's); sources.json goes there.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder for sources.json (default: the weights folder).")
def train_sources_command(data: str, weights: str | None, out: str | None) -> None:
    """Train the attribution stage's speaker ranker on DATA, PolNeAR's train split (its
    nine tenths; no randomness: the same data and weights give the same file)."""
    from .attribution import WEIGHTS_DIR
    from .train_sources import train_sources

    train_sources(data, weights or WEIGHTS_DIR, out, say=lambda s: click.echo(s, err=True))


COMMANDS = [train_group]
