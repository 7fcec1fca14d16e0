"""Save and load a model as ``.npz``: parameters, vocabulary, tags, f, hyper-parameters.

The file is a zip of plain ``.npy`` arrays, loaded with ``allow_pickle=False``:
strings are stored as fixed-width unicode arrays and the hyper-parameters as
one JSON string, so nothing in a file is ever executed. Before NumPy reads
anything, the zip's directory is checked (names, sizes, compression ratio), so
a zip bomb or a stray member is refused without being inflated. A refusal is a
``CheckpointError`` with a code of ``MESSAGES`` (``rnnviz.messages``), so the app
says it in the interface language.

A file states its cell in ``format``: ``rnnviz-rnn`` (U, W, V, b, c and f, the
files every rnnviz wrote before the gated cells, read as they always were),
``rnnviz-lstm`` (U, W, b, V, c: the four gates' rows stacked, ``lstm.py``) or
``rnnviz-gru`` (the same and bh, ``gru.py``). ``load(file)`` reads an RNN, as the
app's upload does, and refuses an LSTM or GRU file by name (``checkpoint.cell``);
``load(file, cells=CELLS)`` reads any of the three.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from typing import BinaryIO

import numpy as np

from ..messages import Catalog, CodedError
from .cells import CELLS, CLASSES, NAMES, cell_of
from .model import PARAM_NAMES, ModelError

FORMAT = "rnnviz-rnn"
FORMATS = {cell: f"rnnviz-{cell}" for cell in CELLS}      # what ``format`` says per cell
VERSION = 1
KEYS = ("format", "version", *PARAM_NAMES, "vocab", "tags", "f", "hparams")   # the RNN's
KEYS_BY_CELL = {"rnn": KEYS, **{
    cell: ("format", "version", *CLASSES[cell].PARAM_NAMES, "vocab", "tags", "hparams")
    for cell in CELLS if cell != "rnn"}}
ALL_KEYS = tuple(dict.fromkeys(k for keys in KEYS_BY_CELL.values() for k in keys))
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
    "checkpoint.cell": "the file holds a model of the {found} cell; here it must be {expected}",
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


def save(m, file: str | os.PathLike | BinaryIO) -> None:
    """Write ``m`` (an RNN, LSTM or GRU) to a path or a binary file object
    (compressed ``.npz``); ``format`` names its cell."""
    cell = cell_of(m)
    extra = {"f": np.array(m.f)} if cell == "rnn" else {}
    np.savez_compressed(
        file, format=np.array(FORMATS[cell]), version=np.array(VERSION, dtype=np.int64),
        **{k: np.asarray(v, dtype=np.float64) for k, v in m.params.items()},
        vocab=np.array(m.vocab, dtype=str), tags=np.array(m.tags, dtype=str),
        **extra, hparams=np.array(json.dumps(dict(m.hparams), ensure_ascii=False)))


def to_bytes(m) -> bytes:
    buf = io.BytesIO()
    save(m, buf)
    return buf.getvalue()


def load(file: str | os.PathLike | bytes | BinaryIO, *, cells: tuple[str, ...] = ("rnn",)):
    """Read and validate a model of one of ``cells`` (default: an RNN, as the app's
    upload takes); raise CheckpointError naming what is wrong."""
    unknown = [c for c in cells if c not in CELLS]
    if unknown or not cells:
        raise ValueError(f"cells must be some of {CELLS}, got {cells!r}")
    data = _read_bytes(file)
    if len(data) > MAX_FILE_BYTES:
        raise CheckpointError("checkpoint.too_big", size=len(data), limit=MAX_FILE_BYTES)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CheckpointError("checkpoint.not_npz")
    arrays = _read_arrays(data, cells)
    return _build(arrays, _cell(arrays, cells))


def _read_bytes(file) -> bytes:
    if isinstance(file, (bytes, bytearray, memoryview)):
        return bytes(file)
    if hasattr(file, "read"):
        return file.read(MAX_FILE_BYTES + 1)
    with open(file, "rb") as fh:
        return fh.read(MAX_FILE_BYTES + 1)


def _read_arrays(data: bytes, cells: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Every member of the file, checked before anything is inflated: names any cell
    has (``_cell`` checks them against the cell the file states), sizes, ratios."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise CheckpointError("checkpoint.damaged", detail=str(e)) from None
    names = [i.filename for i in infos]
    unknown = [n for n in names if n.removesuffix(".npy") not in ALL_KEYS]
    if unknown:
        raise CheckpointError("checkpoint.unexpected", names=", ".join(unknown[:5]))
    if "format.npy" not in names:
        keys = KEYS_BY_CELL[cells[0]] if len(cells) == 1 else ("format",)
        raise CheckpointError("checkpoint.missing",
                              names=", ".join(k for k in keys if f"{k}.npy" not in names))
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
            for key in ALL_KEYS:
                if f"{key}.npy" in names:
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


def _cell(arrays: dict[str, np.ndarray], cells: tuple[str, ...]) -> str:
    """The cell the file states; refused when it is not one of ``cells``, or when
    the members are not that cell's."""
    found = _string(arrays, "format")
    cell = next((c for c, fmt in FORMATS.items() if fmt == found), None)
    if cell is None:
        raise CheckpointError("checkpoint.format", found=found,
                              expected="/".join(FORMATS[c] for c in cells))
    if cell not in cells:
        raise CheckpointError("checkpoint.cell", found=NAMES[cell],
                              expected="/".join(NAMES[c] for c in cells))
    keys = KEYS_BY_CELL[cell]
    unknown = [f"{k}.npy" for k in arrays if k not in keys]
    if unknown:
        raise CheckpointError("checkpoint.unexpected", names=", ".join(unknown[:5]))
    missing = [k for k in keys if k not in arrays]
    if missing:
        raise CheckpointError("checkpoint.missing", names=", ".join(missing))
    return cell


def _build(arrays: dict[str, np.ndarray], cell: str = "rnn"):
    version = arrays["version"]
    if version.dtype.kind not in "iu" or version.ndim != 0:
        raise CheckpointError("checkpoint.version_type")
    if int(version) != VERSION:
        raise CheckpointError("checkpoint.version", found=int(version), expected=VERSION)
    cls = CLASSES[cell]
    params = {}
    for name in cls.PARAM_NAMES:
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
    extra = {"f": _string(arrays, "f")} if cell == "rnn" else {}
    try:
        return cls(**params, vocab=_strings(arrays, "vocab"), tags=_strings(arrays, "tags"),
                   **extra, hparams=hparams)
    except ModelError as e:
        raise CheckpointError(e.note) from None       # the model's own code and words
