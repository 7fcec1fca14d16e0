"""Save and load a model as ``.npz``: parameters, vocabulary, tags, f, hyper-parameters.

The file is a zip of plain ``.npy`` arrays, loaded with ``allow_pickle=False``:
strings are stored as fixed-width unicode arrays and the hyper-parameters as
one JSON string, so nothing in a file is ever executed. Before NumPy reads
anything, the zip's directory is checked (names, sizes, compression ratio), so
a zip bomb or a stray member is refused without being inflated. A refusal is a
``CheckpointError`` with a code of ``MESSAGES`` (``rnnviz.messages``), so the app
says it in the interface language.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from typing import BinaryIO

import numpy as np

from ..messages import Catalog, CodedError
from .model import PARAM_NAMES, RNN, ModelError

FORMAT = "rnnviz-rnn"
VERSION = 1
KEYS = ("format", "version", *PARAM_NAMES, "vocab", "tags", "f", "hparams")
MAX_FILE_BYTES = 20_000_000          # the upload limit the app states, too
MAX_UNPACKED_BYTES = 200_000_000     # all members inflated
MAX_RATIO = 200                      # inflated / compressed, per member


MESSAGES = Catalog({
    "checkpoint.too_big": "file is {size:,} bytes; the limit is {limit:,}",
    "checkpoint.not_npz": "not an .npz file (a .npz is a zip archive of arrays)",
    "checkpoint.damaged": "damaged .npz archive: {detail}",
    "checkpoint.unexpected": "unexpected entries in the file: {names}",
    "checkpoint.missing": "missing entries: {names}",
    "checkpoint.unpacks_big": "the arrays would unpack to {size:,} bytes; the limit is "
                              "{limit:,} (zip bomb?)",
    "checkpoint.zip_bomb": "{name} is compressed {ratio}:1, more than {limit}:1 (zip bomb?)",
    "checkpoint.pickle": "the file contains pickled Python objects, which are never loaded "
                         "(they could run code)",
    "checkpoint.unreadable": "unreadable array: {detail}",
    "checkpoint.truncated": "damaged or truncated .npz: {detail}",
    "checkpoint.not_text": "{key} must be a text scalar, got dtype {dtype} shape {shape}",
    "checkpoint.not_texts": "{key} must be a 1-D text array, got dtype {dtype} shape {shape}",
    "checkpoint.format": "format is {found!r}, not {expected!r}",
    "checkpoint.version_type": "version must be an integer scalar",
    "checkpoint.version": "unknown format version {found}; this rnnviz reads version {expected}",
    "checkpoint.dtype": "{name} has dtype {dtype}; expected float64",
    "checkpoint.non_finite": "{name} has {n} non-finite values (NaN or Inf)",
    "checkpoint.json": "hparams is not valid JSON: {detail}",
    "checkpoint.json_object": "hparams must be a JSON object",
})


class CheckpointError(CodedError):
    """The file is not a valid rnnviz model; the code (``MESSAGES``, or the model's own
    ``model.MESSAGES`` for a model that does not hold together) names the problem."""
    catalog = MESSAGES


def save(m: RNN, file: str | os.PathLike | BinaryIO) -> None:
    """Write ``m`` to a path or a binary file object (compressed ``.npz``)."""
    np.savez_compressed(
        file, format=np.array(FORMAT), version=np.array(VERSION, dtype=np.int64),
        **{k: np.asarray(v, dtype=np.float64) for k, v in m.params.items()},
        vocab=np.array(m.vocab, dtype=str), tags=np.array(m.tags, dtype=str),
        f=np.array(m.f), hparams=np.array(json.dumps(dict(m.hparams), ensure_ascii=False)))


def to_bytes(m: RNN) -> bytes:
    buf = io.BytesIO()
    save(m, buf)
    return buf.getvalue()


def load(file: str | os.PathLike | bytes | BinaryIO) -> RNN:
    """Read and validate a model; raise CheckpointError naming what is wrong."""
    data = _read_bytes(file)
    if len(data) > MAX_FILE_BYTES:
        raise CheckpointError("checkpoint.too_big", size=len(data), limit=MAX_FILE_BYTES)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CheckpointError("checkpoint.not_npz")
    arrays = _read_arrays(data)
    return _build(arrays)


def _read_bytes(file) -> bytes:
    if isinstance(file, (bytes, bytearray, memoryview)):
        return bytes(file)
    if hasattr(file, "read"):
        return file.read(MAX_FILE_BYTES + 1)
    with open(file, "rb") as fh:
        return fh.read(MAX_FILE_BYTES + 1)


def _read_arrays(data: bytes) -> dict[str, np.ndarray]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise CheckpointError("checkpoint.damaged", detail=str(e)) from None
    names = [i.filename for i in infos]
    unknown = [n for n in names if n.removesuffix(".npy") not in KEYS]
    if unknown:
        raise CheckpointError("checkpoint.unexpected", names=", ".join(unknown[:5]))
    missing = [k for k in KEYS if f"{k}.npy" not in names]
    if missing:
        raise CheckpointError("checkpoint.missing", names=", ".join(missing))
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise CheckpointError("checkpoint.unpacks_big", size=total, limit=MAX_UNPACKED_BYTES)
    for i in infos:
        if i.file_size > MAX_RATIO * max(i.compress_size, 1) and i.file_size > 1_000_000:
            raise CheckpointError("checkpoint.zip_bomb", name=i.filename,
                                  ratio=i.file_size // max(i.compress_size, 1), limit=MAX_RATIO)
    arrays = {}
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for key in KEYS:
                arrays[key] = npz[key]
    except ValueError as e:
        if "allow_pickle" in str(e) or "Object arrays" in str(e):
            raise CheckpointError("checkpoint.pickle") from None
        raise CheckpointError("checkpoint.unreadable", detail=str(e)) from None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as e:
        raise CheckpointError("checkpoint.truncated", detail=str(e)) from None
    return arrays


def _string(arrays, key) -> str:
    a = arrays[key]
    if a.dtype.kind != "U" or a.ndim != 0:
        raise CheckpointError("checkpoint.not_text", key=key, dtype=str(a.dtype),
                              shape=str(a.shape))
    return str(a)


def _strings(arrays, key) -> tuple[str, ...]:
    a = arrays[key]
    if a.dtype.kind != "U" or a.ndim != 1:
        raise CheckpointError("checkpoint.not_texts", key=key, dtype=str(a.dtype),
                              shape=str(a.shape))
    return tuple(a.tolist())


def _build(arrays: dict[str, np.ndarray]) -> RNN:
    if _string(arrays, "format") != FORMAT:
        raise CheckpointError("checkpoint.format", found=_string(arrays, "format"),
                              expected=FORMAT)
    version = arrays["version"]
    if version.dtype.kind not in "iu" or version.ndim != 0:
        raise CheckpointError("checkpoint.version_type")
    if int(version) != VERSION:
        raise CheckpointError("checkpoint.version", found=int(version), expected=VERSION)
    params = {}
    for name in PARAM_NAMES:
        a = arrays[name]
        if a.dtype != np.float64:
            raise CheckpointError("checkpoint.dtype", name=name, dtype=str(a.dtype))
        if not np.isfinite(a).all():
            bad = int((~np.isfinite(a)).sum())
            raise CheckpointError("checkpoint.non_finite", name=name, n=bad)
        params[name] = a
    try:
        hparams = json.loads(_string(arrays, "hparams"))
    except json.JSONDecodeError as e:
        raise CheckpointError("checkpoint.json", detail=str(e)) from None
    if not isinstance(hparams, dict):
        raise CheckpointError("checkpoint.json_object")
    try:
        return RNN(**params, vocab=_strings(arrays, "vocab"), tags=_strings(arrays, "tags"),
                   f=_string(arrays, "f"), hparams=hparams)
    except ModelError as e:
        raise CheckpointError(e.note) from None       # the model's own code and words
