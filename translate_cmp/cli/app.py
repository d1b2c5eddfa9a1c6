"""The command line: a thin click layer over the library.

Exit codes: 0 done; 1 findings at or above ``--fail-on``; 2 usage or input error (one line on
stderr naming the file and the problem); 3 done, with input errors (bad files skipped); 4 environment
error (disk full, permissions, out of memory); 130 interrupted (see :mod:`translate_cmp.errors`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translate_cmp import __version__
from translate_cmp.cli.project import config_option, csv_list, glossary_option
from translate_cmp.engines.argos_quality import DEFAULT_QUALITY, QUALITIES
from translate_cmp.errors import (
    EXIT_ENVIRONMENT,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    ClusterError,
    InputError,
    describe_environment_error,
)
from translate_cmp.records import Severity


def _folder_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A folder option (--out, --cache-dir) that names an existing non-folder: one line, exit 2."""
    if value is not None and Path(value).exists() and not Path(value).is_dir():
        raise InputError(f"{param.opts[0]} {value}", "exists and is not a folder")
    return value


def _pivot_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--pivot es,ca or fr=es,ru=uk: a malformed entry is one line, exit 2."""
    from translate_cmp.engines.routes import check_pivot_spec

    if (problem := check_pivot_spec(csv_list(value) or ())) is not None:
        raise InputError(f"--pivot {value}", problem)
    return value


class _Group(click.Group):
    """Turns InputError (exit 2) and unexpected OS errors, MemoryError and Ctrl-C (exit 4, 130) into one line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            if not getattr(exc, "reported", False):
                click.echo(f"translate-cmp: error: {exc}", err=True)
            ctx.exit(EXIT_INPUT)
        except ClusterError as exc:  # --executor ray: one line with the cause, exit 5-8
            click.echo(f"translate-cmp: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (OSError, MemoryError, KeyboardInterrupt) as exc:
            line, code = describe_environment_error(exc)
            click.echo(f"translate-cmp: error: {line}", err=True)
            ctx.exit(code)
        except Exception as exc:
            if type(exc).__module__ != "sqlite3":
                raise
            # a cache file damaged (or altered) after it was opened: one line, an environment error
            click.echo(f"translate-cmp: error: translation cache: {exc}; delete it or pass --no-cache", err=True)
            ctx.exit(EXIT_ENVIRONMENT)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="translate-cmp")
def cli() -> None:
    """Find machine-translation artefacts in articles, offline."""


_follow_links = click.option(
    "--follow-links", is_flag=True,
    help="Read symbolic links inside input folders; by default each is skipped with a notice (a folder from a "
         "pull request may link to files outside it).")


def _output_options(command):
    """--out, --fail-on and --format: shared by the commands that write a run's outputs."""
    for option in reversed((
        click.option("--out", "out_dir", default="outputs", show_default=True, callback=_folder_option,
                     help="Folder for sentences.csv, documents.csv, flags.jsonl, report.html, run.json."),
        click.option("--fail-on", type=click.Choice(["info", "warning", "error"]),
                     help="Exit 1 when a finding has at least this severity."),
        click.option("--format", "formats", default="csv,jsonl,html", show_default=True,
                     help="Outputs to write besides run.json: csv,jsonl,html,findings,junit,sarif; po, po-fuzzy, "
                          "xliff, tmx: annotated copies of the localisation files read, under annotated/."),
    )):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_output_options
@click.option("--engine", default="auto", show_default=True,
              help="auto (argos when its models are installed, else apertium, else none), argos, apertium, "
                   "none (surface rules only), or engines side by side: argos,apertium (rows es, es~apertium; R410).")
@click.option("--pivot", callback=_pivot_option,
              help="Pivot language(s), comma-separated: a code (es) is preferred for every language an engine can "
                   "take through it; LANG=PIVOT fixes one language's (fr=es,ru=uk,en=es). Default: per language, "
                   "the best installed route (argos both legs, else the Apertium pivot measured best).")
@click.option("--select", help="Only these rule codes or prefixes, comma-separated (e.g. S,F201).")
@click.option("--ignore", help="Skip these rule codes or prefixes, comma-separated.")
@click.option("--encoding", help="Read text files in this encoding instead of detecting UTF-8/UTF-16.")
@_follow_links
@click.option("--root", type=click.Path(file_okay=False),
              help="Document ids are paths relative to this folder [default: the git repository holding the "
                   "inputs, else the current folder].")
@click.option("--text-column", help="Tables (CSV/TSV/JSONL): the column holding each document's text.")
@click.option("--id-column", help="Tables: the column holding each document's id.")
@click.option("--source-column", help="Bitext tables: the column holding each unit's source text.")
@click.option("--target-column", help="Bitext tables: the column holding each unit's translation (checked).")
@click.option("--source-lang", help="Localisation files: the source language, when the file does not declare it.")
@click.option("--target-lang", help="Localisation files and bitext tables: the target language, overriding the file.")
@click.option("--quality", type=click.Choice(QUALITIES), default=DEFAULT_QUALITY, show_default=True,
              help="Speed/quality of translation: fast (beam 1, int8), balanced (beam 2, int8), "
                   "best (beam 4, argos's own decoding).")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local, or ray: a Ray cluster (--ray-address; else a new local Ray instance; "
                   "pip install translate-cmp[ray]).")
@click.option("--ray-address", envvar="RAY_ADDRESS", show_envvar=True,
              help="--executor ray: join this running cluster (host:port, auto, ray://host:10001); without it a new "
                   "local Ray instance is started, never a running one joined.")
@click.option("--ray-timeout", type=click.FloatRange(min=1), default=30, show_default=True,
              help="--executor ray: seconds to wait for the cluster to answer before giving up (exit 5).")
@click.option("--cache-dir", callback=_folder_option,
              help="Translation cache folder [default: $XDG_CACHE_HOME/translate-cmp or ~/.cache/translate-cmp].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the translation cache.")
@click.option("--surprisal/--no-surprisal", default=False, show_default=True,
              help="Also score every sentence under the backward model to find improbable tokens (rule R407): "
                   "one more model pass, about 15% more model work.")
@click.option("--strict", is_flag=True,
              help="Any bad input file is fatal (exit 2) before work starts; by default bad files are reported, "
                   "skipped, and the run exits 3.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Accepted findings (made by `translate-cmp baseline OUT_DIR`): reported, not counted for --fail-on.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Processes for detection, segmentation and the rules (--executor local): 0 (default) one per "
                   "usable core, 1 this process only. The outputs do not depend on it.")
@click.option("--chunk-docs", type=click.IntRange(min=1), default=None, hidden=True,
              help="Documents translated together per chunk (memory vs batching); default 64, more when short.")
@config_option
@glossary_option
def run(paths, out_dir, engine, pivot, select, ignore, fail_on, formats, encoding, follow_links, root, text_column,
        id_column, source_column, target_column, source_lang, target_lang, quality, executor, cache_dir, no_cache,
        surprisal, strict, baseline, jobs, chunk_docs, ray_address, ray_timeout, config_file, glossary) -> None:
    """Analyse the articles under PATHS and write the results to --out."""
    from translate_cmp.cli.progress import progress_reporter
    from translate_cmp.cli.project import configured

    project, p = configured(click.get_current_context(), paths, config_file)  # flags typed > config > defaults
    (out_dir, engine, pivot, select, ignore, fail_on, formats, encoding, source_lang, target_lang, quality, strict,
     baseline, jobs, glossary) = (p[k] for k in ("out_dir", "engine", "pivot", "select", "ignore", "fail_on", "formats",
                                                 "encoding", "source_lang", "target_lang", "quality", "strict",
                                                 "baseline", "jobs", "glossary"))
    from translate_cmp.readers import ReadOptions
    from translate_cmp.run.job import JobConfig, run_job

    config = JobConfig(
        paths=tuple(paths), out_dir=Path(out_dir), engine=engine, pivots=csv_list(pivot) or (),
        select=csv_list(select), ignore=csv_list(ignore),
        fail_on=Severity.parse(fail_on) if fail_on else None, formats=csv_list(formats) or (),
        read=ReadOptions(encoding=encoding, text_column=text_column, id_column=id_column, source_column=source_column,
                         target_column=target_column, source_lang=source_lang, target_lang=target_lang,
                         follow_links=follow_links, root=root),
        quality=quality, executor=executor, cache=not no_cache, cache_dir=cache_dir, chunk_docs=chunk_docs, jobs=jobs,
        surprisal=surprisal, strict_inputs=strict, baseline=baseline, ray_address=ray_address or None,
        ray_timeout=ray_timeout, glossary=glossary,
        per_file_ignores=project.per_file_ignores, config_root=project.root,
        consistency_scope=project.consistency_scope or "project", accelerators=project.accelerators or (),
        variables=project.variables or (),
    )
    with progress_reporter(config.paths, config.read) as progress:
        stats = run_job(config, progress=progress)
    click.echo(
        f"{_count(stats.documents, 'document')}, {_count(stats.sentences, 'sentence')}, {stats.flagged} flagged, "
        f"{stats.translated} round-tripped -> {out_dir}/"
        + (f"; {_count(len(stats.input_errors), 'file')} skipped (input errors)" if stats.input_errors else ""),
        err=True,
    )
    if stats.input_errors:
        sys.exit(EXIT_INPUT_ERRORS)
    if config.fail_on is not None and stats.max_severity is not None and stats.max_severity >= config.fail_on:
        from translate_cmp.writers.gate import gate_line

        click.echo(gate_line(stats.gate_failures, config.fail_on, out_dir, bool(config.baseline)), err=True)
    _exit(stats.max_severity, config.fail_on)


@cli.command()
@click.argument("source")
@click.argument("translation")
@_output_options
@click.option("--engine", default="auto", show_default=True,
              help="Translates the translation back into the source language for the aligner and C503.")
@click.option("--select", help="Rule codes or prefixes [default: C, the comparison rules].")
@click.option("--ignore", help="Skip these rule codes or prefixes.")
@click.option("--encoding", help="Read text files in this encoding.")
@_follow_links
@click.option("--source-lang", help="The source's language (default: detected), e.g. fr.")
@click.option("--target-lang", help="The translation's language (default: detected), e.g. es.")
@config_option
@glossary_option
def compare(source, translation, out_dir, engine, select, ignore, fail_on, formats, encoding, follow_links,
            source_lang, target_lang, config_file, glossary) -> None:
    """Align SOURCE with its TRANSLATION (two files, or two folders paired by file name); flag omissions,
    additions and divergent pairs."""
    from translate_cmp.cli.project import configured
    from translate_cmp.compare import run_compare
    from translate_cmp.readers import ReadOptions

    project, p = configured(click.get_current_context(), (source, translation), config_file)
    out_dir, engine, select, ignore, fail_on, formats, encoding, glossary = (
        p[k] for k in ("out_dir", "engine", "select", "ignore", "fail_on", "formats", "encoding", "glossary"))

    stats = run_compare(Path(source), Path(translation), Path(out_dir), engine, csv_list(select),
                        csv_list(ignore), csv_list(formats) or (),
                        ReadOptions(encoding=encoding, follow_links=follow_links),
                        notify=lambda line: click.echo(line, err=True), glossary=glossary,
                        per_file_ignores=project.per_file_ignores, config_root=project.root,
                        source_lang=source_lang, target_lang=target_lang)
    click.echo(f"{_count(stats.documents, 'document')}, {_count(stats.sentences, 'source sentence')}, "
               f"{stats.flagged} flagged "
               f"-> {out_dir}/", err=True)
    _exit(stats.max_severity, Severity.parse(fail_on) if fail_on else None)


def _count(n: int, noun: str) -> str:
    """``1 document``, ``2 documents``: the summary lines' counts."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _exit(max_severity: Severity | None, fail_on: Severity | None) -> None:
    if fail_on is not None and max_severity is not None and max_severity >= fail_on:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--sentences", is_flag=True, help="Also print the language of every sentence.")
@click.option("--encoding", help="Read text files in this encoding.")
@click.option("--text-column", help="Tables: the column holding the text.")
@_follow_links
def detect(paths, sentences, encoding, text_column, follow_links) -> None:
    """Print the language of each document (and with --sentences, of each sentence)."""
    from translate_cmp.pipeline import analyse
    from translate_cmp.readers import ReadOptions, link_notice, read_documents, skipped_links

    for link in skipped_links(paths, follow_links):
        click.echo(link_notice(link), err=True)
    for doc in read_documents(paths, ReadOptions(encoding=encoding, text_column=text_column,
                                                 follow_links=follow_links)):
        a = analyse(doc)
        click.echo(f"{doc.doc_id}\t{a.lang}\t{a.lang_prob:.3f}\t{len(a.sentences)} sentences")
        if sentences:
            for s in a.sentences:
                click.echo(f"  {s.sent_id}\t{s.lang}\t{s.lang_prob:.3f}\t{s.text[:80]}")


@cli.command()
@click.argument("code", required=False)
def rules(code) -> None:
    """List every artefact rule, or show one rule's documentation (as ruff does)."""
    from translate_cmp.cli.rule_table import print_rule, print_rule_table

    if code:
        print_rule(code)
    else:
        print_rule_table()


def _add_plugins() -> None:
    from translate_cmp.cli.baseline import baseline
    from translate_cmp.cli.diff import diff
    from translate_cmp.cli.models import models

    cli.add_command(models)
    cli.add_command(diff)
    cli.add_command(baseline)
    from translate_cmp.cli.project import config_command

    cli.add_command(config_command)


_add_plugins()


def main() -> None:
    from translate_cmp.cli.fast_exit import exit_now
    from translate_cmp.cli.gc_tuning import tune_gc

    tune_gc()
    try:
        cli(prog_name="translate-cmp")
    except SystemExit as done:  # click ends every command with sys.exit
        exit_now(done.code)
