"""Save and load a model as ``.npz``: parameters, vocabulary, tags, f, hyper-parameters.

The file is a zip of plain ``.npy`` arrays, loaded with ``allow_pickle=False``:
strings are stored as fixed-width unicode arrays and the hyper-parameters as
one JSON string, so nothing in a file is ever executed. Before NumPy reads
anything, the zip's directory is checked (names, sizes, compression ratio), so
a zip bomb or a stray member is refused without being inflated.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from typing import BinaryIO

import numpy as np

from .model import PARAM_NAMES, RNN

FORMAT = "rnnviz-rnn"
VERSION = 1
KEYS = ("format", "version", *PARAM_NAMES, "vocab", "tags", "f", "hparams")
MAX_FILE_BYTES = 20_000_000          # the upload limit the app states, too
MAX_UNPACKED_BYTES = 200_000_000     # all members inflated
MAX_RATIO = 200                      # inflated / compressed, per member


class CheckpointError(ValueError):
    """The file is not a valid rnnviz model; the message names the problem."""


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
        raise CheckpointError(f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CheckpointError("not an .npz file (a .npz is a zip archive of arrays)")
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
        raise CheckpointError(f"damaged .npz archive: {e}") from None
    names = [i.filename for i in infos]
    unknown = [n for n in names if n.removesuffix(".npy") not in KEYS]
    if unknown:
        raise CheckpointError(f"unexpected entries in the file: {', '.join(unknown[:5])}")
    missing = [k for k in KEYS if f"{k}.npy" not in names]
    if missing:
        raise CheckpointError(f"missing entries: {', '.join(missing)}")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise CheckpointError(f"the arrays would unpack to {total:,} bytes; "
                              f"the limit is {MAX_UNPACKED_BYTES:,} (zip bomb?)")
    for i in infos:
        if i.file_size > MAX_RATIO * max(i.compress_size, 1) and i.file_size > 1_000_000:
            raise CheckpointError(f"{i.filename} is compressed {i.file_size // max(i.compress_size, 1)}:1, "
                                  f"more than {MAX_RATIO}:1 (zip bomb?)")
    arrays = {}
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for key in KEYS:
                arrays[key] = npz[key]
    except ValueError as e:
        if "allow_pickle" in str(e) or "Object arrays" in str(e):
            raise CheckpointError("the file contains pickled Python objects, which are "
                                  "never loaded (they could run code)") from None
        raise CheckpointError(f"unreadable array: {e}") from None
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as e:
        raise CheckpointError(f"damaged or truncated .npz: {e}") from None
    return arrays


def _string(arrays, key) -> str:
    a = arrays[key]
    if a.dtype.kind != "U" or a.ndim != 0:
        raise CheckpointError(f"{key} must be a text scalar, got dtype {a.dtype} shape {a.shape}")
    return str(a)


def _strings(arrays, key) -> tuple[str, ...]:
    a = arrays[key]
    if a.dtype.kind != "U" or a.ndim != 1:
        raise CheckpointError(f"{key} must be a 1-D text array, got dtype {a.dtype} "
                              f"shape {a.shape}")
    return tuple(a.tolist())


def _build(arrays: dict[str, np.ndarray]) -> RNN:
    if _string(arrays, "format") != FORMAT:
        raise CheckpointError(f"format is {_string(arrays, 'format')!r}, not {FORMAT!r}")
    version = arrays["version"]
    if version.dtype.kind not in "iu" or version.ndim != 0:
        raise CheckpointError("version must be an integer scalar")
    if int(version) != VERSION:
        raise CheckpointError(f"unknown format version {int(version)}; this rnnviz reads "
                              f"version {VERSION}")
    params = {}
    for name in PARAM_NAMES:
        a = arrays[name]
        if a.dtype != np.float64:
            raise CheckpointError(f"{name} has dtype {a.dtype}; expected float64")
        if not np.isfinite(a).all():
            bad = int((~np.isfinite(a)).sum())
            raise CheckpointError(f"{name} has {bad} non-finite values (NaN or Inf)")
        params[name] = a
    try:
        hparams = json.loads(_string(arrays, "hparams"))
    except json.JSONDecodeError as e:
        raise CheckpointError(f"hparams is not valid JSON: {e}") from None
    if not isinstance(hparams, dict):
        raise CheckpointError("hparams must be a JSON object")
    try:
        return RNN(**params, vocab=_strings(arrays, "vocab"), tags=_strings(arrays, "tags"),
                   f=_string(arrays, "f"), hparams=hparams)
    except ValueError as e:
        raise CheckpointError(str(e)) from None
