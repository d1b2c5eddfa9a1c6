"""Tiny but real argos packages whose CTranslate2 model copies its input exactly.

The packages are ordinary ``.argosmodel`` files (a SentencePiece model, a CTranslate2 Transformer,
``metadata.json``) that argostranslate's installer accepts and the real engine code runs. Their
weights are set by hand so that the translation of any text is the text itself, which lets tests
and benchmarks assert exact round trips without downloading a model.

How the copy works (pre-norm Transformer, ``d_model`` split into parts):

* token part: every SentencePiece piece has a zero-mean ±1 code (rows of a Hadamard matrix when
  the vocabulary fits, balanced random codes otherwise); source embeddings hold the codes;
* position part: zero-mean sinusoidal codes ``[sin, cos, -sin, -cos]`` at frequencies chosen so
  that position ``t`` matches itself far better than any other position; both encoder and decoder
  position tables hold them; decoder token embeddings are zero;
* the last decoder cross-attention reads positions with its queries and keys (every head) and the
  token part with its values, so decoder step ``t`` attends to source position ``t`` and writes
  that source token's code into the residual stream; the output projection holds the codes again,
  so the argmax is the source token;
* ``config.add_source_eos = True``: the source end token is copied last and ends decoding; the
  end token is otherwise far less likely than any other wrong token, so beam search cannot end a
  hypothesis early;
* every other layer holds small random weights (inputs at a normal scale, outputs scaled down) so
  that it costs what a real layer costs without disturbing the copy; ``int8`` quantization keeps
  the copy exact.

``substitutions`` turns a copy package into an *altering* one: the output projection maps the
code of a source piece to another target piece, e.g. ``{"Moscow": "Paris", "10": "12"}``
(both words must be single pieces: train the SentencePiece model with them as
``user_defined_symbols``, which also makes them pieces wherever they occur, e.g. inside
``2010``). An empty replacement drops the piece (it becomes the ``<s>`` control token, which
decodes to nothing; the surrounding spaces stay).
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

SPM_FILE = "sentencepiece.model"
MAX_POSITIONS = 1100  # > CTranslate2's default max_input_length (1024) + end token
_ATTENTION_SHARPNESS = 40.0  # attention logit gap (nats) between the right position and any other
_COPY_MARGIN = 30.0  # output logit gap between the copied token and any other token
_FILLER_OUTPUT_SCALE = 1e-3  # non-copy sublayers write this little into the residual stream
_SEED = 1234


def train_sentencepiece(
    texts: Iterable[str],
    out_dir: Path,
    vocab_size: int = 250,
    *,
    user_defined_symbols: Sequence[str] = (),
) -> Path:
    """Train a unigram SentencePiece model on ``texts``; returns ``out_dir/sentencepiece.model``.

    Normalisation is the identity and extra whitespace is kept, so encode/decode is lossless
    (no NFKC ``…`` -> ``...``). ``vocab_size`` is an upper bound (``hard_vocab_limit`` off).
    """
    import sentencepiece as spm

    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    if not lines:
        raise ValueError("train_sentencepiece needs some non-empty text")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        minloglevel=2,  # quiet
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        max_sentence_length=1 << 20,
        user_defined_symbols=list(user_defined_symbols),
        num_threads=1,
    )
    path = out_dir / SPM_FILE
    path.write_bytes(model.getvalue())
    return path


# ---------------------------------------------------------------- codes


def _hadamard(n: int) -> np.ndarray:
    h = np.ones((1, 1), dtype=np.float32)
    while h.shape[0] < n:
        h = np.block([[h, h], [h, -h]])
    return h


def _token_codes(n: int, budget: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """``n`` zero-mean ±1 codes of length <= ``budget``, and their largest mutual overlap (cosine)."""
    size = 1
    while size <= n:  # row 0 (all ones) is not zero-mean: need n + 1 rows
        size *= 2
    if size <= budget:
        return _hadamard(size)[1 : n + 1], 0.0
    length = budget - budget % 2
    base = np.array([1.0, -1.0] * (length // 2), dtype=np.float32)
    codes = np.stack([rng.permutation(base) for _ in range(n)])
    overlap = _max_overlap(codes)
    if overlap > 0.45:
        raise ValueError(f"d_model leaves {budget} dimensions for {n} token codes: too few to copy exactly")
    return codes, overlap


def _max_overlap(codes: np.ndarray, block: int = 1024) -> float:
    """Largest ``|cos|`` between two different codes (in blocks: 8000 codes would need 256 MB at once)."""
    worst = 0.0
    for start in range(0, len(codes), block):
        gram = np.abs(codes[start : start + block] @ codes.T) / codes.shape[1]
        for i in range(gram.shape[0]):
            gram[i, start + i] = 0.0
        worst = max(worst, float(gram.max()))
    return worst


@lru_cache(maxsize=8)
def _frequencies(n_freq: int, max_positions: int) -> tuple[np.ndarray, float]:
    """Frequencies whose position codes separate every pair of positions; returns (freqs, gap).

    ``gap`` is ``n_freq - max_{k != 0} sum_i cos(w_i k)``: how much better a position matches itself.
    """
    rng = np.random.default_rng(_SEED)
    offsets = np.arange(1, max_positions, dtype=np.float64)
    best_w, best_gap = None, -1.0
    for _ in range(128):
        w = np.sort(rng.uniform(0.05, np.pi - 0.05, n_freq))
        gap = n_freq - np.cos(np.outer(offsets, w)).sum(axis=1).max()
        if gap > best_gap:
            best_w, best_gap = w, gap
    return best_w, float(best_gap)


def _position_table(freqs: np.ndarray, max_positions: int) -> np.ndarray:
    angles = np.outer(np.arange(max_positions), freqs)
    sin, cos = np.sin(angles), np.cos(angles)
    return np.concatenate([sin, cos, -sin, -cos], axis=1).astype(np.float32)


# ---------------------------------------------------------------- the model


def _ctranslate2_with_specs():
    """``ctranslate2`` with its ``specs`` loaded, without importing torch (1.9 s) for it.

    ``ctranslate2.specs`` imports torch only to accept torch tensors as weights; these weights are
    numpy arrays. torch stays importable afterwards.
    """
    import sys

    import ctranslate2

    if "ctranslate2.specs" not in sys.modules and "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
        try:
            import ctranslate2.specs  # noqa: F401
        finally:
            del sys.modules["torch"]
    return ctranslate2


class _Weights:
    """Random filler weights that cost what real ones cost and leave the residual stream alone."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng

    def reads(self, rows: int, cols: int) -> np.ndarray:
        return (self.rng.standard_normal((rows, cols), dtype=np.float32) / np.sqrt(cols)).astype(np.float32)

    def writes(self, rows: int, cols: int) -> np.ndarray:
        return self.reads(rows, cols) * np.float32(_FILLER_OUTPUT_SCALE)

    def bias(self, n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)


def _set_norm(norm, d: int) -> None:
    norm.gamma = np.ones(d, dtype=np.float32)
    norm.beta = np.zeros(d, dtype=np.float32)


def _set_linear(linear, weight: np.ndarray, w: _Weights) -> None:
    linear.weight = weight
    linear.bias = w.bias(weight.shape[0])


def _set_ffn(ffn, d: int, ffn_dim: int, w: _Weights) -> None:
    _set_norm(ffn.layer_norm, d)
    _set_linear(ffn.linear_0, w.reads(ffn_dim, d), w)
    _set_linear(ffn.linear_1, w.writes(d, ffn_dim), w)


def _set_filler_self_attention(attn, d: int, w: _Weights) -> None:
    _set_norm(attn.layer_norm, d)
    _set_linear(attn.linear[0], w.reads(3 * d, d), w)
    _set_linear(attn.linear[1], w.writes(d, d), w)


def _target_map(sp, n: int, substitutions: Mapping[str, str] | None) -> np.ndarray:
    """``target[v]``: the target piece id each source piece id is translated to."""
    target = np.arange(n)
    for old, new in (substitutions or {}).items():
        old_id = _single_piece(sp, old)
        target[old_id] = sp.bos_id() if new == "" else _single_piece(sp, new)
    return target


def _single_piece(sp, word: str) -> int:
    piece_id = sp.piece_to_id(word)
    if word == "" or sp.is_unknown(piece_id) or sp.is_control(piece_id) or sp.id_to_piece(piece_id) != word:
        raise ValueError(
            f"substitution {word!r} is not one SentencePiece piece: train the SentencePiece model "
            f"with user_defined_symbols={[word]!r}"
        )
    return piece_id


def build_copy_package(
    out_path: Path,
    from_code: str,
    to_code: str,
    spm_model: Path,
    *,
    layers: int = 1,
    d_model: int = 384,
    heads: int = 4,
    ffn: int = 256,
    vocab_size: int | None = None,
    substitutions: Mapping[str, str] | None = None,
    quantization: str | None = None,
    package_version: str = "1.0",
    max_positions: int = MAX_POSITIONS,
) -> Path:
    """Build a ``.argosmodel`` at ``out_path`` that translates ``from_code`` -> ``to_code`` by copying.

    ``layers`` is the number of encoder and of decoder layers. ``vocab_size`` pads the CTranslate2
    vocabulary with unused tokens up to that size (a realistic output-projection cost).
    ``substitutions`` maps single source pieces to single target pieces (``""`` drops the piece).
    ``quantization`` (e.g. ``"int8"``, as real argos models are stored) is applied before saving.
    Benchmark size: ``layers=6, d_model=512, heads=8, ffn=2048, vocab_size=8000``.
    """
    import sentencepiece as spm

    ctranslate2 = _ctranslate2_with_specs()
    if d_model % heads:
        raise ValueError(f"d_model {d_model} is not a multiple of heads {heads}")
    sp = spm.SentencePieceProcessor(model_file=str(spm_model))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    n = len(pieces)
    if (sp.unk_id(), sp.bos_id(), sp.eos_id()) != (0, 1, 2) or pieces[:3] != ["<unk>", "<s>", "</s>"]:
        raise ValueError(f"{spm_model}: expected <unk>, <s>, </s> as pieces 0, 1, 2")
    vocab = pieces + [f"<unused_{i}>" for i in range(max(0, (vocab_size or n) - n))]
    v = len(vocab)

    head_dim = d_model // heads
    n_freq = min(32, head_dim // 2)
    pos_dims = 4 * n_freq
    rng = np.random.default_rng(_SEED)
    codes, overlap = _token_codes(n, d_model - pos_dims, rng)  # [n, code_len]
    code_len = codes.shape[1]
    if -(-code_len // heads) > head_dim:
        raise ValueError("token codes do not fit in the attention heads")
    tok = slice(0, code_len)
    pos = slice(code_len, code_len + pos_dims)
    sincos = np.arange(code_len, code_len + 2 * n_freq)  # the sin/cos half the attention reads
    freqs, gap = _frequencies(n_freq, max_positions)
    positions = np.zeros((max_positions, d_model), dtype=np.float32)
    positions[:, pos] = _position_table(freqs, max_positions)

    std_enc = np.sqrt((code_len + 2 * n_freq) / d_model)  # layer-norm scale of [code, position]
    std_query = np.sqrt(2 * n_freq / d_model)  # decoder residual before the copy: positions only
    std_final = np.sqrt((2 * n_freq + code_len / std_enc**2) / d_model)

    spec = ctranslate2.specs.TransformerSpec.from_config((layers, layers), heads)
    w = _Weights(rng)

    enc = spec.encoder
    enc.scale_embeddings = False
    emb = np.zeros((v, d_model), dtype=np.float32)
    emb[:n, tok] = codes
    enc.embeddings[0].weight = emb
    enc.position_encodings.encodings = positions
    _set_norm(enc.layer_norm, d_model)
    for layer in enc.layer:
        _set_filler_self_attention(layer.self_attention, d_model, w)
        _set_ffn(layer.ffn, d_model, ffn, w)

    dec = spec.decoder
    dec.scale_embeddings = False
    dec.embeddings.weight = np.zeros((v, d_model), dtype=np.float32)
    dec.position_encodings.encodings = positions
    _set_norm(dec.layer_norm, d_model)
    for i, layer in enumerate(dec.layer):
        _set_filler_self_attention(layer.self_attention, d_model, w)
        _set_ffn(layer.ffn, d_model, ffn, w)
        _set_norm(layer.attention.layer_norm, d_model)
        if i < layers - 1:
            _set_linear(layer.attention.linear[0], w.reads(d_model, d_model), w)
            _set_linear(layer.attention.linear[1], w.reads(2 * d_model, d_model), w)
            _set_linear(layer.attention.linear[2], w.writes(d_model, d_model), w)
            continue
        # the copy: queries and keys read positions, values read the token code
        query_scale = _ATTENTION_SHARPNESS * std_query * std_enc * np.sqrt(head_dim) / gap
        q = np.zeros((d_model, d_model), dtype=np.float32)
        kv = np.zeros((2 * d_model, d_model), dtype=np.float32)
        out = np.zeros((d_model, d_model), dtype=np.float32)
        for h in range(heads):
            for j, dim in enumerate(sincos):
                q[h * head_dim + j, dim] = query_scale
                kv[h * head_dim + j, dim] = 1.0
        per_head = -(-code_len // heads)
        for dim in range(code_len):
            slot = (dim // per_head) * head_dim + dim % per_head
            kv[d_model + slot, dim] = 1.0
            out[dim, slot] = 1.0
        _set_linear(layer.attention.linear[0], q, w)
        _set_linear(layer.attention.linear[1], kv, w)
        _set_linear(layer.attention.linear[2], out, w)

    target = _target_map(sp, n, substitutions)
    projection = np.zeros((v, code_len), dtype=np.float32)
    np.add.at(projection, target, codes)
    # logit of the copied token: `copy_logit`; of any other: at most `overlap * copy_logit`
    copy_logit = _COPY_MARGIN / (1.0 - overlap)
    scale = copy_logit * std_enc * std_final / code_len
    bias = np.zeros(v, dtype=np.float32)
    # The end token only when copied: doubled weights and a bias of -copy_logit put it far below
    # every other wrong token elsewhere, so beam search never finishes a hypothesis early (its
    # ties among equally unlikely tokens would otherwise stop the search before the copy ends).
    eos = sp.eos_id()
    projection[eos] *= 2.0
    bias[eos] = -copy_logit
    proj = np.zeros((v, d_model), dtype=np.float32)
    proj[:, tok] = projection * np.float32(scale)
    dec.projection.weight = proj
    dec.projection.bias = bias

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    if quantization:
        spec._quantize(quantization)  # optimize() would also alias equal tensors: skip that scan

    return _write_package(
        Path(out_path),
        spec,
        Path(spm_model),
        {
            "package_version": package_version,
            "argos_version": "1.9.0",
            "from_code": from_code,
            "from_name": from_code,
            "to_code": to_code,
            "to_name": to_code,
            "type": "translate",
            "links": [],
        },
        substitutions,
    )


def _write_package(out_path: Path, spec, spm_model: Path, metadata: dict, substitutions) -> Path:
    folder = f"translate-{metadata['from_code']}_{metadata['to_code']}-{metadata['package_version'].replace('.', '_')}"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="copymodel-") as tmp:
        root = Path(tmp) / folder
        (root / "model").mkdir(parents=True)
        spec.save(str(root / "model"))
        shutil.copyfile(spm_model, root / SPM_FILE)
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        kind = f"substitutions {dict(substitutions)!r}" if substitutions else "an exact copy"
        (root / "README.md").write_text(
            f"Test package built by translate_cmp.testing.copymodel: {kind}.\n", encoding="utf-8"
        )
        tmp_zip = out_path.with_name(out_path.name + ".part")
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_STORED) as zf:
            for file in sorted(root.rglob("*")):
                zf.write(file, file.relative_to(Path(tmp)).as_posix())
        tmp_zip.replace(out_path)
    return out_path


def substituted_text(text: str, spm_model: Path, substitutions: Mapping[str, str] | None = None) -> str:
    """What a package built with ``substitutions`` on ``spm_model`` outputs for ``text``."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_model))
    mapping = dict(substitutions or {})
    pieces = [mapping.get(p, p) for p in sp.encode(text, out_type=str)]
    out = "".join(pieces).replace("\u2581", " ")
    return out[1:] if out.startswith(" ") else out
