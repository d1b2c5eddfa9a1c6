"""Inputs given as URIs (translate_cmp/readers/uri.py): ``file://`` is its local path, byte for byte through the Ray
executor; ``s3://`` on a real S3-compatible server (moto's, a subprocess on this machine) is listed by the driver
and read by the Ray workers through pyarrow.fs, with the local run's outputs; each way a store cannot be used is
one line and its own exit code, within the store timeout."""

from __future__ import annotations

import importlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.errors import EXIT_INPUT, EXIT_STORE_ACCESS, EXIT_STORE_UNREACHABLE, InputError
from translate_cmp.readers.uri import as_local, is_uri
from translate_cmp.run.job import JobConfig, run_job

OUTPUTS = ("sentences.csv", "documents.csv", "flags.jsonl", "sentences.jsonl")
CI = bool(os.environ.get("TRANSLATE_CMP_CI"))  # dev extras installed: a missing package fails instead of skipping


def _need(module: str):
    return importlib.import_module(module) if CI else pytest.importorskip(module)


def test_file_uris_are_their_paths_and_other_schemes_are_uris():
    assert as_local("file:///srv/articles") == "/srv/articles"
    assert as_local("file://localhost/srv/a%20b.txt") == "/srv/a b.txt"
    assert as_local("seeds/") == "seeds/" and as_local("s3://bucket/x") == "s3://bucket/x"
    assert is_uri("s3://bucket/x") and is_uri("gs://b") and not is_uri("file:///x") and not is_uri("/x")
    with pytest.raises(InputError, match="host 'elsewhere' is not supported"):
        as_local("file://elsewhere/srv/articles")


def _run(args: list[str], env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, ["run", *args, "--engine", "none", "--no-cache"], env=env)
    lines = [line for line in result.output.splitlines() if line.strip()]
    return result.exit_code, lines


def test_an_unknown_scheme_is_one_line_and_exit_2(tmp_path: Path):
    _need("pyarrow")
    code, lines = _run(["nosuch://bucket/articles", "--out", str(tmp_path / "out")])
    assert code == EXIT_INPUT
    assert lines == ["translate-cmp: error: nosuch://bucket/articles: unknown URI scheme 'nosuch' (pyarrow.fs reads "
                     "s3://, gs://, hdfs://, abfs://, file://)"]


# --- a real S3-compatible server -----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_moto(env_extra: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    _need("moto.server")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env_extra or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.kill()
    pytest.fail("moto's S3 server did not start")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


S3_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
          "AWS_EC2_METADATA_DISABLED": "true"}


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory, seed_documents) -> Path:
    """The seed articles, one of them in a subfolder too (the listing recurses)."""
    folder = tmp_path_factory.mktemp("uri") / "articles"
    (folder / "sub").mkdir(parents=True)
    for doc in seed_documents:
        shutil.copy(doc.path, folder)
    shutil.copy(seed_documents[0].path, folder / "sub")
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def s3_store(seed_folder: Path):
    """moto's S3 server with bucket ``corpus`` holding the seed folder under ``articles/``; the AWS variables that
    point pyarrow at it set for this process (and the Ray workers started after)."""
    boto3 = _need("boto3")
    proc, endpoint = _start_moto()
    saved = {k: os.environ.get(k) for k in (*S3_ENV, "AWS_ENDPOINT_URL")}
    os.environ.update(S3_ENV, AWS_ENDPOINT_URL=endpoint)
    try:
        client = boto3.client("s3", endpoint_url=endpoint)
        client.create_bucket(Bucket="corpus")
        for path in sorted(seed_folder.rglob("*")):
            if path.is_file():
                client.put_object(Bucket="corpus", Key=f"articles/{path.relative_to(seed_folder).as_posix()}",
                                  Body=path.read_bytes())
        yield endpoint
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        _stop(proc)


@pytest.fixture(scope="module")
def ray_instance(s3_store):
    """A local Ray instance started after the store's variables are set (its workers inherit them)."""
    ray = _need("ray")
    ray.init(address="local", num_cpus=2, object_store_memory=100 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False)
    yield ray
    ray.shutdown()


def _job(paths: tuple[str, ...], out: Path, executor: str) -> JobConfig:
    return JobConfig(paths=paths, out_dir=out, engine="none", cache=False, executor=executor, chunk_docs=2,
                     formats=("csv", "jsonl"))


@pytest.mark.slow
def test_file_uris_through_ray_give_the_outputs_of_the_folder_given_as_a_path(ray_instance, seed_folder, tmp_path):
    run_job(_job((str(seed_folder),), tmp_path / "path", "local"), notify=lambda msg: None)
    stats = run_job(_job((seed_folder.as_uri(),), tmp_path / "uri", "ray"), notify=lambda msg: None)
    assert stats.documents == 6
    for name in OUTPUTS:
        assert (tmp_path / "uri" / name).read_bytes() == (tmp_path / "path" / name).read_bytes(), name


@pytest.mark.slow
def test_s3_inputs_read_by_the_ray_workers_give_the_local_outputs(ray_instance, s3_store, seed_folder, tmp_path):
    """The same files as a local folder and as ``s3://corpus/articles``: the same ids (relative to the folder
    given), rows and findings; only the ``path`` column names the object instead of the file."""
    local = run_job(_job((str(seed_folder),), tmp_path / "local", "local"), notify=lambda msg: None)
    remote = run_job(_job(("s3://corpus/articles",), tmp_path / "s3", "ray"), notify=lambda msg: None)
    assert (remote.documents, remote.sentences, remote.flag_counts) == (local.documents, local.sentences,
                                                                        local.flag_counts)
    assert remote.documents == 6 and not remote.input_errors
    for name in OUTPUTS:
        expected = (tmp_path / "local" / name).read_bytes().replace(f"{seed_folder}/".encode(),
                                                                    b"s3://corpus/articles/")
        assert (tmp_path / "s3" / name).read_bytes() == expected, name
    assert b"s3://corpus/articles/sub/" in (tmp_path / "s3" / "documents.csv").read_bytes()


@pytest.mark.slow
def test_the_workers_read_the_objects_themselves(ray_instance, s3_store):
    """Each Ray worker opens the objects through the pickled filesystem: documents, not files handed back for the
    driver to read."""
    from translate_cmp.readers import ReadOptions, input_files
    from translate_cmp.run.executors.ray_exec import FileRef, _read_unit

    refs = [FileRef(f.uri, i, f.size, f.mtime_ns, remote=f) for f, i in input_files(["s3://corpus/articles"])]

    def read(files):
        return [(type(x).__name__, getattr(x, "doc_id", ""), getattr(x, "path", "")) for x in
                _read_unit(files, ReadOptions())]

    got = ray_instance.get(ray_instance.remote(read).remote(refs))
    assert [kind for kind, _, _ in got] == ["Document"] * 6
    assert got[-1][1:] == ("sub/" + Path(refs[-1].path).stem, refs[-1].path)


@pytest.mark.slow
def test_a_missing_bucket_or_prefix_is_one_line_and_exit_2(s3_store, tmp_path):
    env = {**S3_ENV, "AWS_ENDPOINT_URL": s3_store}
    for uri in ("s3://nobucket/articles", "s3://corpus/nothing-here"):
        code, lines = _run([uri, "--out", str(tmp_path / "out")], env)
        assert code == EXIT_INPUT
        assert lines == [f"translate-cmp: error: {uri}: no such bucket, file or folder"]


@pytest.mark.slow
def test_refused_credentials_are_one_line_and_exit_10(seed_folder, tmp_path):
    proc, endpoint = _start_moto({"INITIAL_NO_AUTH_ACTION_COUNT": "0"})  # this server checks every request's keys
    try:
        code, lines = _run(["s3://corpus/articles", "--out", str(tmp_path / "out")],
                           {**S3_ENV, "AWS_ENDPOINT_URL": endpoint})
    finally:
        _stop(proc)
    assert code == EXIT_STORE_ACCESS and len(lines) == 1
    assert lines[0].startswith("translate-cmp: error: s3://corpus/articles: the store refused access (missing or "
                               "wrong credentials?): ")
    assert "ACCESS_DENIED" in lines[0]


@pytest.mark.slow
def test_a_store_that_never_answers_is_given_up_after_the_timeout(tmp_path):
    """A port whose connections the kernel completes (a listening socket's backlog) and nobody ever answers (a hung
    store): one line after the timeout."""
    _need("pyarrow")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    started = time.monotonic()
    try:
        code, lines = _run(["s3://corpus/articles", "--out", str(tmp_path / "out")],
                           {**S3_ENV, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{server.getsockname()[1]}",
                            "TRANSLATE_CMP_STORE_TIMEOUT": "2"})
    finally:
        server.close()
    assert code == EXIT_STORE_UNREACHABLE
    assert lines == ["translate-cmp: error: s3://corpus/articles: the store did not answer within 2 s (unreachable, "
                     "or no credentials found; TRANSLATE_CMP_STORE_TIMEOUT sets the wait)"]
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_nothing_listening_is_one_line_and_exit_9(tmp_path):
    _need("pyarrow")
    code, lines = _run(["s3://corpus/articles", "--out", str(tmp_path / "out")],
                       {**S3_ENV, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{_free_port()}"})
    assert code == EXIT_STORE_UNREACHABLE and len(lines) == 1
    assert lines[0].startswith("translate-cmp: error: s3://corpus/articles: cannot reach the store: ")


PO = b'''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: app.py:3
msgid "Open the file"
msgstr "Die Datei offnen"
'''


@pytest.mark.slow
def test_objects_are_named_by_their_uri_in_outputs_and_errors(s3_store, tmp_path):
    """A catalogue's units and a bad table's one-line error name the object, never the temporary copy read; an
    earlier run's outputs in the prefix are not read."""
    boto3 = _need("boto3")
    client = boto3.client("s3", endpoint_url=s3_store)
    client.put_object(Bucket="corpus", Key="l10n/de.po", Body=PO)
    client.put_object(Bucket="corpus", Key="l10n/table.csv", Body=b"body\nHello there.\n")
    client.put_object(Bucket="corpus", Key="l10n/old-run/run.json", Body=b'{"versions": {"translate-cmp": "0.1"}}')
    client.put_object(Bucket="corpus", Key="l10n/old-run/documents.csv", Body=b"doc_id,path\n")  # an output: skipped
    out = tmp_path / "out"
    code, lines = _run(["s3://corpus/l10n", "--out", str(out), "--format", "csv"],
                       {**S3_ENV, "AWS_ENDPOINT_URL": s3_store})
    assert code == 3  # done, with an input error
    assert lines[0] == ("translate-cmp: error: s3://corpus/l10n/table.csv: no column 'text' (pass --text-column); "
                        "columns are: body")
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "\nde:Open the file,s3://corpus/l10n/de.po:6,de," in documents and "translate-cmp-input-" not in documents
    assert "\ntable,s3://corpus/l10n/table.csv," in documents and "old-run" not in documents


@pytest.mark.slow
def test_without_pyarrow_a_uri_is_one_line_naming_the_extra(tmp_path):
    """pyarrow comes with the ``ray`` extra (ray[data]); an installation without it says so for a URI input."""
    script = ("import sys; sys.modules['pyarrow'] = sys.modules['pyarrow.fs'] = None; "
              "from translate_cmp.cli.app import main; sys.argv = ['translate-cmp', 'run', 's3://corpus/articles', "
              f"'--engine', 'none', '--out', {str(tmp_path / 'out')!r}]; main()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_INPUT
    assert done.stderr.splitlines() == ["translate-cmp: error: s3://corpus/articles: inputs given as URIs need "
                                        "pyarrow: pip install 'translate-cmp[ray]'"]
