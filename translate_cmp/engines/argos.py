"""The argos engine: installed argostranslate packages run directly through CTranslate2.

Argos's own ``translate()`` is not used: it joins the sentences of a text and sums their scores,
and its sentence splitter downloads a model. Each direction's package is loaded once
(``ctranslate2.Translator`` + ``sentencepiece.SentencePieceProcessor``) and every call translates
all its segments together, over batches of thousands of tokens (a second ``translate_batch`` only for
the segments whose unknown tokens need replacing: :meth:`ArgosEngine._decode`).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from translate_cmp.engines.argos_packages import MODEL_FILE, InstalledPackage, installed_packages, package_dirs
from translate_cmp.engines.base import Engine, TokenScore
from translate_cmp.errors import InputError
from translate_cmp.records import Translated

SPACE = "\u2581"  # SentencePiece's space marker
UNK_SURFACE = " \u2047 "  # what SentencePiece decodes an unknown token to
DEFAULT_BEAM_SIZE = 2
DEFAULT_MAX_BATCH_TOKENS = 4096
DEFAULT_MAX_INPUT_LENGTH = 1024  # CTranslate2's own default: longer inputs are cut (and marked truncated)
DEFAULT_LENGTH_RATIO = 2.0
DEFAULT_LENGTH_EXTRA = 10
DEFAULT_LENGTH_CAP = 512
LENGTH_PENALTY = 1.0  # beam search ranks by log-prob / length; CTranslate2 returns that normalised score


def default_threads(cores: int | None = None) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for ``cores`` CPU cores (default ``os.cpu_count()``).

    Parallel batches beat parallel matrix products on small machines: on 2 cores argos's default
    (1 translator, ``intra_threads=0``) ran 7x slower than 2 translators of 1 thread each, which
    spend no time spinning in OpenMP. So: one single-threaded translator per core up to 4, then
    4 translators sharing the remaining cores.
    """
    cores = max(1, cores or os.cpu_count() or 1)
    if cores <= 4:
        return cores, 1
    return 4, cores // 4


@lru_cache(maxsize=64)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_checksum(model_file: Path) -> str:
    """sha256 of a model file, computed once per (path, size, mtime)."""
    st = model_file.stat()
    return _sha256(str(model_file), st.st_size, st.st_mtime_ns)


@dataclass
class _Model:
    package: InstalledPackage
    translator: Any  # ctranslate2.Translator
    sp: Any  # sentencepiece.SentencePieceProcessor
    dummy_prefix: bool  # SentencePiece adds a space before the text (decode drops it again)
    unk_token: str = "<unk>"  # the model's unknown token (config.json), what ``replace_unknowns`` replaces

    def has_unknown(self, pieces: Sequence[str]) -> bool:
        """Whether SentencePiece knows no id for one of ``pieces`` (its encode keeps such a piece's text)."""
        unk = self.sp.unk_id()
        return bool(pieces) and unk in self.sp.piece_to_id(list(pieces))

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        return self.sp.encode(list(texts), out_type=str) if texts else []

    def decode(self, pieces: Sequence[str]) -> str:
        return _decode_pieces(self.sp, pieces, self.dummy_prefix)


def _decode_pieces(sp, pieces: Sequence[str], dummy_prefix: bool) -> str:
    """SentencePiece decoding that keeps pieces the model does not know.

    CTranslate2's ``replace_unknowns`` puts the source piece (e.g. ``…`` or an emoji) in place of
    ``<unk>``; SentencePiece's own decode would turn it into `` ⁇ ``. Control pieces decode to
    nothing, byte pieces to their UTF-8 text; unlike argos, ``_`` stays ``_``.
    """
    out: list[str] = []
    pending = bytearray()
    for piece in pieces:
        pid = sp.piece_to_id(piece)
        known = not sp.is_unknown(pid) or piece == sp.id_to_piece(pid)
        if known and sp.is_byte(pid):
            pending.append(int(piece[3:-1], 16))
            continue
        if pending:
            out.append(pending.decode("utf-8", errors="replace"))
            pending.clear()
        if not known:
            out.append(piece.replace(SPACE, " "))
        elif sp.is_control(pid):
            continue
        elif sp.is_unknown(pid):
            out.append(UNK_SURFACE)
        else:
            out.append(piece.replace(SPACE, " "))
    if pending:
        out.append(pending.decode("utf-8", errors="replace"))
    text = "".join(out)
    return text[1:] if dummy_prefix and text.startswith(" ") else text


def _unk_token(model_dir: Path) -> str:
    """The unknown token a CTranslate2 model's ``config.json`` names (CTranslate2's default: ``<unk>``)."""
    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # older conversions have no config.json
        return "<unk>"
    token = config.get("unk_token") if isinstance(config, dict) else None
    return token if isinstance(token, str) and token else "<unk>"


def _pieces_with_offsets(sp, text: str) -> list[tuple[str, int, int]]:
    """SentencePiece pieces of ``text`` with ``[start, end)`` character offsets into it."""
    try:
        proto = sp.encode(text, out_type="proto")  # sentencepiece >= 0.2.1
    except (ValueError, TypeError, RuntimeError):
        proto = sp.encode(text, out_type="immutable_proto")
    if not hasattr(proto, "pieces"):
        proto = sp.encode(text, out_type="immutable_proto")
    floor, ceil = _byte_to_char(text)
    return [(p.piece, floor[p.begin], ceil[p.end]) for p in proto.pieces]


def _byte_to_char(text: str) -> tuple[list[int], list[int]]:
    """For each UTF-8 byte offset: the character it falls in, and the first character at or after it."""
    floor: list[int] = []
    ceil: list[int] = []
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        floor.extend([i] * n)
        ceil.extend([i] + [i + 1] * (n - 1))
    floor.append(len(text))
    ceil.append(len(text))
    return floor, ceil


class ArgosEngine(Engine):
    """Translate with installed argos packages through CTranslate2, many segments per call.

    ``beam_size`` defaults to 2: a round trip measures how well meaning survives, not the best
    possible translation; beam 2 avoids greedy's worst dead ends for about 1.5x greedy's CPU time
    (measured on a 6+6-layer int8 model; argos itself uses 4).

    Outputs may stop at ``min(length_ratio * n + length_extra, length_cap)`` tokens (``n``: the
    longest source of the call); an output that stops there without the end token is
    ``Translated(truncated=True)``, as is a source longer than ``max_input_length`` tokens
    (CTranslate2 cuts it). ``n_tokens`` counts decoding steps, the end token included, so
    ``score / n_tokens`` is the mean log-probability per step.

    Packages are looked up once, when the engine is made; each direction's model loads on first
    use and stays loaded (``load_counts`` counts loads per direction; :meth:`unload` drops them).
    """

    name = "argos"

    def __init__(
        self,
        packages_dir: str | os.PathLike | None = None,
        *,
        beam_size: int = DEFAULT_BEAM_SIZE,
        compute_type: str = "default",
        inter_threads: int | None = None,
        intra_threads: int | None = None,
        max_batch_tokens: int = DEFAULT_MAX_BATCH_TOKENS,
        length_ratio: float = DEFAULT_LENGTH_RATIO,
        length_extra: int = DEFAULT_LENGTH_EXTRA,
        length_cap: int = DEFAULT_LENGTH_CAP,
        max_input_length: int = DEFAULT_MAX_INPUT_LENGTH,
    ):
        default_inter, default_intra = default_threads()
        self.packages_dir = package_dirs(packages_dir)[0] if packages_dir is not None else None
        self.beam_size = beam_size
        self.compute_type = compute_type
        self.inter_threads = inter_threads or default_inter
        self.intra_threads = default_intra if intra_threads is None else intra_threads
        self.max_batch_tokens = max_batch_tokens
        self.length_ratio = length_ratio
        self.length_extra = length_extra
        self.length_cap = length_cap
        self.max_input_length = max_input_length
        self.packages: dict[tuple[str, str], InstalledPackage] = {}
        for pkg in installed_packages(packages_dir):  # ascending versions: the newest wins
            if pkg.usable:
                self.packages[pkg.direction] = pkg
        self.load_counts: Counter[tuple[str, str]] = Counter()
        self._models: dict[tuple[str, str], _Model] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ interface

    def directions(self) -> set[tuple[str, str]]:
        return set(self.packages)

    def model_id(self, src: str, tgt: str) -> str:
        pkg = self._package(src, tgt)
        checksum = model_checksum(pkg.model_dir / MODEL_FILE)
        return f"argos:{src}-{tgt}:{pkg.package_version or '?'}:sha256-{checksum[:16]}"

    def settings(self) -> dict:
        """What changes outputs (a cache key): decoding, not threads or batch sizes (see :meth:`runtime`)."""
        return {
            "beam_size": self.beam_size,
            "compute_type": self.compute_type,
            "length_penalty": LENGTH_PENALTY,
            "max_length_ratio": self.length_ratio,
            "max_length_extra": self.length_extra,
            "max_length_cap": self.length_cap,
            "max_input_length": self.max_input_length,
            "replace_unknowns": True,
        }

    def runtime(self) -> dict:
        """How the work is run (threads, batching): changes speed, not outputs."""
        return {
            "inter_threads": self.inter_threads,
            "intra_threads": self.intra_threads,
            "max_batch_tokens": self.max_batch_tokens,
            "batch_type": "tokens",
        }

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translated]:
        """Translate each text (one output per input, in order), all of them in one call's settings."""
        results = [Translated("", score=0.0, n_tokens=0) for _ in texts]
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        model = self._model(src, tgt)
        encoded = model.encode([texts[i] for i in todo])
        sources = [self._bounded(tokens) for tokens in encoded]  # CTranslate2 would cut them, after allocating
        longest = max(len(s) for s in sources)
        max_length = max(1, min(math.ceil(self.length_ratio * longest) + self.length_extra, self.length_cap))
        outputs = self._decode(model, sources, max_length)
        prefix = model.package.target_prefix
        eos = "</s>"
        for i, source, output in zip(todo, encoded, outputs, strict=True):
            pieces = list(output.hypotheses[0])
            if prefix and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            ended = bool(pieces) and pieces[-1] == eos
            if ended:
                pieces = pieces[:-1]
            cut_source = self.max_input_length > 0 and len(source) + 1 >= self.max_input_length
            steps = len(pieces) + (1 if ended else 0)  # decoding steps scored, the end token included
            results[i] = Translated(
                text=model.decode(pieces),
                score=float(output.scores[0]) * steps**LENGTH_PENALTY if output.scores else None,
                truncated=not ended or cut_source,
                n_tokens=steps,
            )
        return results

    def _decode(self, model: _Model, sources: list[list[str]], max_length: int) -> list[Any]:
        """``translate_batch`` of every source, unknown pieces replaced, paying for that only where needed.

        Replacing an output's unknown tokens needs the attention of every decoding step, which beam
        search carries along for each hypothesis and copies each step: it cost more than the decoding
        itself and grew with the square of the output length (4 sources of 1,023 pieces: 9.1 s of CPU
        with it, 3.9 s without). It changes no search and no score, only the ``<unk>`` tokens of the
        chosen hypothesis. So sources with no unknown piece are decoded without it, and only the
        outputs that hold an unknown token (and the sources that have an unknown piece, which
        usually give one) are decoded with it. Both calls take every decoding option of one call;
        like the batch size, which sources share a call changes speed, not outputs (:meth:`runtime`).
        """
        outputs: list[Any] = [None] * len(sources)
        plain = [j for j, source in enumerate(sources) if not model.has_unknown(source)]
        for j, output in zip(plain, self._translate_batch(model, [sources[j] for j in plain], max_length, False),
                             strict=True):
            if model.unk_token not in output.hypotheses[0]:
                outputs[j] = output
        rest = [j for j, output in enumerate(outputs) if output is None]
        for j, output in zip(rest, self._translate_batch(model, [sources[j] for j in rest], max_length, True),
                             strict=True):
            outputs[j] = output
        return outputs

    def _translate_batch(self, model: _Model, sources: list[list[str]], max_length: int, replace: bool) -> list[Any]:
        if not sources:
            return []
        prefix = model.package.target_prefix
        return model.translator.translate_batch(
            sources,
            target_prefix=[[prefix] for _ in sources] if prefix else None,
            max_batch_size=self._batch_tokens(sources),
            batch_type="tokens",
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            return_scores=True,
            return_end_token=True,
            replace_unknowns=replace,
            max_input_length=self.max_input_length,
            max_decoding_length=max_length + (1 if prefix else 0),
        )

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[list[TokenScore]]:
        """Forced decoding: each target token's log-probability given its source.

        Tokens are SentencePiece pieces of the target with ``[start, end)`` character spans into
        the target text (the leading space piece SentencePiece adds has an empty span). The end
        token's log-probability is not included. A blank target or source gives ``[]``.
        """
        if len(sources) != len(targets):
            raise ValueError(f"{len(sources)} sources but {len(targets)} targets")
        results: list[list[TokenScore]] = [[] for _ in targets]
        pairs = enumerate(zip(sources, targets, strict=True))
        todo = [i for i, (source, target) in pairs if source.strip() and target.strip()]
        if not todo:
            return results
        model = self._model(src, tgt)
        source_pieces = [self._bounded(tokens) for tokens in model.encode([sources[i] for i in todo])]
        spans = [_pieces_with_offsets(model.sp, targets[i]) for i in todo]
        prefix = [model.package.target_prefix] if model.package.target_prefix else []
        scored = model.translator.score_batch(
            source_pieces,
            [prefix + [piece for piece, _, _ in pieces] for pieces in spans],
            max_batch_size=self._batch_tokens(source_pieces),
            batch_type="tokens",
            max_input_length=self.max_input_length,
        )
        for i, pieces, result in zip(todo, spans, scored, strict=True):
            logprobs = list(result.log_probs)[len(prefix) :]
            results[i] = [
                TokenScore(piece, float(logprob), start, end)
                for (piece, start, end), logprob in zip(pieces, logprobs, strict=False)  # + the end token's
            ]
        return results

    def _bounded(self, tokens: list[str]) -> list[str]:
        """At most ``max_input_length - 1`` source tokens (the end token makes it ``max_input_length``).

        CTranslate2 cuts longer inputs itself, but only after holding the whole input: one 100,000-word
        sentence cost ~900 MB that way. Cutting here bounds memory by the limit, not by the sentence.
        """
        if self.max_input_length > 0 and len(tokens) >= self.max_input_length:
            return tokens[: self.max_input_length - 1]
        return tokens

    # ------------------------------------------------------------ loading

    def unload(self) -> None:
        """Drop the loaded models (they load again on next use)."""
        with self._lock:
            self._models.clear()

    def _package(self, src: str, tgt: str) -> InstalledPackage:
        pkg = self.packages.get((src, tgt))
        if pkg is None:
            where = str(self.packages_dir or package_dirs()[0])
            raise InputError(
                where,
                f"no argos package installed for {src} -> {tgt}; install one with "
                f"`translate-cmp models install FILE.argosmodel`",
            )
        return pkg

    def _model(self, src: str, tgt: str) -> _Model:
        with self._lock:
            model = self._models.get((src, tgt))
            if model is None:
                model = self._load(self._package(src, tgt))
                self._models[(src, tgt)] = model
                self.load_counts[(src, tgt)] += 1
            return model

    def _load(self, pkg: InstalledPackage) -> _Model:
        import ctranslate2
        import sentencepiece

        translator = ctranslate2.Translator(
            str(pkg.model_dir),
            device="cpu",
            compute_type=self.compute_type,
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads,
        )
        sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.spm_path))
        dummy_prefix = "".join(sp.encode("a", out_type=str)).startswith(SPACE)
        return _Model(pkg, translator, sp, dummy_prefix, _unk_token(pkg.model_dir))

    def _batch_tokens(self, sources: Sequence[Sequence[str]]) -> int:
        """Tokens per batch: enough batches to keep every translator busy, none over the maximum."""
        total = sum(len(s) + 1 for s in sources)
        return max(1, min(self.max_batch_tokens, math.ceil(total / self.inter_threads)))
