"""The ``sitrep`` command line.

:func:`main` is the ``sitrep`` group (the ``sitrep.cli:main`` entry point); its commands live
in one module per group: :mod:`~sitrep.cli.documents` (extract, ingest, stats),
:mod:`~sitrep.cli.reconciled` (reconcile, events, tally, contradictions),
:mod:`~sitrep.cli.outputs` (serve, report, export) and :mod:`~sitrep.cli.scores` (eval,
benchmarks, bench), with what they share in :mod:`~sitrep.cli.common`.
"""

from __future__ import annotations

import click

from sitrep import __version__
from sitrep.cli import documents, outputs, reconciled, scores, watch


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """Turn news reporting about wars and crises into a source-attributed, geolocated,
    dated record of what happened."""


for _command in (
    documents.extract,
    documents.ingest,
    documents.stats,
    scores.eval_cmd,
    scores.benchmarks,
    scores.bench,
    outputs.serve,
    outputs.report,
    outputs.export_cmd,
    reconciled.reconcile_cmd,
    reconciled.events_cmd,
    reconciled.tally_cmd,
    reconciled.contradictions_cmd,
    watch.watch,
):
    main.add_command(_command)
