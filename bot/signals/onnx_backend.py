"""`SENTIMENT_BACKEND=onnx`: a sentiment model of your own, exported to ONNX, run locally.

`SENTIMENT_MODEL_PATH` is a directory laid out as Hugging Face's `optimum-cli export onnx
--task text-classification` writes it: `model.onnx`, `tokenizer.json`, `config.json` (whose
`id2label` names the model's classes) and usually `tokenizer_config.json`. It may also name
one `.onnx` file in such a directory (a quantised `model_quantized.onnx`, say). The model
runs with onnxruntime on the CPU and the tokenizer with the `tokenizers` library (the
`onnx` extra); nothing is downloaded, ever.

The classes are mapped to a valence each (`map_labels`): negative / neutral / positive by
name ("negative", "NEG", "very positive", ...), star ratings ("1 star" .. "5 stars"), or
the generic `LABEL_0` .. `LABEL_n` of a 2-, 3- or 5-class model in that conventional order.
The score is the expected valence, P(positive) − P(negative) for a three-class model. The
label is the class (negative, neutral or positive) with the most probability; a model
without a neutral class is neutral when its score is within `THRESHOLD` of zero.

Every problem with the model directory is a `SettingsError` naming `SENTIMENT_MODEL_PATH`,
raised when the backend is built (it scores a probe sentence then), not at the first
message.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.errors import SettingsError
from bot.signals.sentiment import LABELS, Sentiment, label_for

__all__ = ["LabelMap", "OnnxBackend", "map_labels"]

SETTING = "SENTIMENT_MODEL_PATH"
INSTALL = "pip install 'alignbot[onnx]'"
#: Tokens per message when neither the tokenizer nor the model says (BERT's and RoBERTa's).
DEFAULT_MAX_LENGTH = 512
#: `tokenizer_config.json` says 1e30 and the like when the tokenizer has no limit of its own.
_NO_LIMIT = 1_000_000
#: Messages per model call when scoring many at once.
BATCH_SIZE = 32
#: Scores kept, so that a message scored again (an agent reply's answered message) is free.
CACHE_SIZE = 8_192
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_INT_TYPES = {"tensor(int64)": np.int64, "tensor(int32)": np.int32}
_PROBE = "Thank you, it works now."
_EXPORT_HINT = "optimum-cli export onnx --task text-classification --model <model> <dir>"

_POLAR = {"negative": -1.0, "neg": -1.0, "neutral": 0.0, "neu": 0.0, "positive": 1.0, "pos": 1.0}
_VERY = {"very negative": -1.0, "very positive": 1.0}
_STARS = re.compile(r"([1-5]) stars?")
_GENERIC = re.compile(r"label (\d+)")
_GENERIC_VALENCES = {
    2: (-1.0, 1.0),
    3: (-1.0, 0.0, 1.0),
    5: (-1.0, -0.5, 0.0, 0.5, 1.0),
}


def _error(message: str) -> SettingsError:
    # One line, whatever the library's message held.
    return SettingsError(f"{SETTING}: " + " ".join(message.split()))


@dataclass(frozen=True)
class LabelMap:
    """What each of the model's outputs means, in output order."""

    names: tuple[str, ...]  # the model's own label names (config.json's id2label)
    valences: tuple[float, ...]  # -1 .. +1 each

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(label_for(v, threshold=1e-9) for v in self.valences)

    @property
    def has_neutral(self) -> bool:
        return "neutral" in self.classes


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", name).lower().split())


def map_labels(id2label: Mapping[int, str]) -> LabelMap:
    """The valence of each class of a model with these labels; `ValueError` saying which
    label cannot be mapped.

    - by name, case and `_`/`-` ignored: negative/neg −1, neutral/neu 0, positive/pos +1;
      with "very negative"/"very positive" (+-1) beside them, negative and positive are +-0.5;
    - star ratings "1 star" .. "5 stars": −1, −0.5, 0, +0.5, +1;
    - `LABEL_0` .. `LABEL_n` only, for n+1 = 2 (negative, positive), 3 (negative, neutral,
      positive) or 5 (1 to 5 stars) classes.
    """
    if sorted(id2label) != list(range(len(id2label))) or len(id2label) < 2:
        raise ValueError(f"config.json's id2label must number its labels 0..n, not {id2label}")
    names = tuple(id2label[index] for index in range(len(id2label)))
    normal = [_normal(name) for name in names]
    generic = [_GENERIC.fullmatch(name) for name in normal]
    if all(generic):
        numbers = [int(match.group(1)) for match in generic if match]
        valences = _GENERIC_VALENCES.get(len(names))
        if valences is None or numbers != list(range(len(names))):
            raise ValueError(
                f"cannot tell what the {len(names)} generic labels {', '.join(names)} mean "
                "(only 2, 3 or 5 LABEL_n classes are read, as negative..positive): name them "
                "negative/neutral/positive in config.json's id2label"
            )
        return LabelMap(names, valences)
    graded = any(name in _VERY for name in normal)
    mapped: list[float] = []
    for name, key in zip(names, normal, strict=True):
        stars = _STARS.fullmatch(key)
        if stars:
            mapped.append((int(stars.group(1)) - 3) / 2)
        elif key in _VERY:
            mapped.append(_VERY[key])
        elif key in _POLAR:
            mapped.append(_POLAR[key] / 2 if graded else _POLAR[key])
        else:
            raise ValueError(
                f"cannot map the model's label {name!r} to negative, neutral or positive: "
                "name it negative/neutral/positive (or 1..5 stars) in config.json's id2label"
            )
    if not (min(mapped) < 0 < max(mapped)):
        raise ValueError(
            f"the model's labels {', '.join(names)} need a negative and a positive class"
        )
    return LabelMap(names, tuple(mapped))


def _read_json(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _error(f"cannot read {path}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise _error(f"{path} is not a JSON object")
    return loaded


def _id2label(config: dict[str, Any], path: Path) -> dict[int, str]:
    raw = config.get("id2label")
    if not isinstance(raw, dict) or not raw:
        raise _error(f"{path} has no id2label: export a text-classification model ({_EXPORT_HINT})")
    try:
        return {int(key): str(value) for key, value in raw.items()}
    except ValueError as exc:
        raise _error(f"{path}: id2label's keys must be class numbers: {exc}") from exc


def _limit(value: Any) -> int | None:
    return value if isinstance(value, int) and 0 < value < _NO_LIMIT else None


def _locate(given: Path) -> tuple[Path, Path]:
    """The model's directory and its .onnx file; `SettingsError` naming the file missing."""
    if given.suffix == ".onnx" and given.is_file():
        directory, model_file = given.parent, given
    elif given.is_dir():
        directory, model_file = given, given / "model.onnx"
    else:
        raise _error(f"{given} is not a directory holding model.onnx")
    if not model_file.is_file():
        raise _error(f"no model.onnx in {directory}: export one with {_EXPORT_HINT}")
    if not (directory / "tokenizer.json").is_file():
        raise _error(
            f"no tokenizer.json in {directory}: the export writes it beside model.onnx "
            "(a model with only a slow tokenizer needs one saved by a fast tokenizer)"
        )
    if not (directory / "config.json").is_file():
        raise _error(f"no config.json in {directory}: it names the model's labels")
    return directory, model_file


class OnnxBackend:
    """Scores messages with the ONNX text-classification model in `path` (a directory, or a
    `.onnx` file beside its tokenizer and config); raises `SettingsError` naming
    SENTIMENT_MODEL_PATH when the model cannot be used."""

    name = "onnx"

    def __init__(self, path: str | Path) -> None:
        try:
            import onnxruntime
            import tokenizers
        except ImportError as exc:
            raise SettingsError(
                f"SENTIMENT_BACKEND=onnx needs onnxruntime and tokenizers ({exc}): {INSTALL}"
            ) from exc
        directory, model_file = _locate(Path(path).expanduser())
        tokenizer_file, config_file = directory / "tokenizer.json", directory / "config.json"
        config = _read_json(config_file)
        try:
            self.labels = map_labels(_id2label(config, config_file))
        except ValueError as exc:
            raise _error(str(exc)) from exc

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: the warnings are about graph tuning
        try:
            self._session = onnxruntime.InferenceSession(
                str(model_file), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime's errors share no base class but Exception
            raise _error(f"cannot load {model_file}: {exc}") from exc
        self._inputs = self._check_inputs(model_file)
        self._output = self._check_output(model_file)

        try:
            self._tokenizer = tokenizers.Tokenizer.from_file(str(tokenizer_file))
        except Exception as exc:  # the Rust library raises a bare Exception on a bad file
            raise _error(f"cannot read {tokenizer_file}: {exc}") from exc
        padding = self._tokenizer.padding
        pad_id = config.get("pad_token_id")
        if not isinstance(pad_id, int):
            pad_id = padding["pad_id"] if padding else 0
        self._pad_id: int = pad_id
        self._static_length, self.max_length = self._lengths(directory, config)
        self._tokenizer.no_padding()  # padded here, to the batch's longest message
        self._tokenizer.enable_truncation(max_length=self.max_length)
        self._cache: OrderedDict[str, Sentiment] = OrderedDict()
        try:
            self._run([_PROBE])
        except SettingsError:
            raise
        except Exception as exc:  # the model's own failure on real input: say so at startup
            raise _error(f"{model_file} failed on a test sentence: {exc}") from exc

    def _check_inputs(self, model_file: Path) -> dict[str, Any]:
        """The inputs the model declares, each with its integer type; `SettingsError` for an
        input alignbot cannot feed."""
        inputs: dict[str, Any] = {}
        for declared in self._session.get_inputs():
            if declared.name not in _INPUTS:
                raise _error(
                    f"{model_file} wants an input {declared.name!r}; alignbot feeds "
                    f"{', '.join(_INPUTS)} (export with --task text-classification)"
                )
            if declared.type not in _INT_TYPES:
                raise _error(f"{model_file}: input {declared.name} is {declared.type}, not int")
            inputs[declared.name] = declared
        if "input_ids" not in inputs:
            raise _error(f"{model_file} takes no input_ids: it is not a text model")
        return inputs

    def _check_output(self, model_file: Path) -> str:
        """The name of the logits output; `SettingsError` unless it is [batch, labels]."""
        outputs = self._session.get_outputs()
        chosen = next((o for o in outputs if o.name == "logits"), outputs[0])
        shape = chosen.shape
        count = len(self.labels.names)
        if len(shape) != 2:
            raise _error(
                f"{model_file}'s output {chosen.name} has shape {shape}, not [batch, "
                f"{count}] for the {count} labels of config.json: export the model with "
                "--task text-classification"
            )
        if isinstance(shape[1], int) and shape[1] != count:
            raise _error(
                f"{model_file}'s output {chosen.name} gives {shape[1]} scores per message, "
                f"not [batch, {count}] for the {count} labels of config.json's id2label: "
                "is config.json the model's own?"
            )
        return str(chosen.name)

    def _lengths(self, directory: Path, config: dict[str, Any]) -> tuple[int | None, int]:
        """The model's fixed sequence length (None: any), and the most tokens it reads."""
        dims = self._inputs["input_ids"].shape
        static = dims[1] if len(dims) == 2 and isinstance(dims[1], int) else None
        tokenizer_config = directory / "tokenizer_config.json"
        said = (
            _limit(_read_json(tokenizer_config).get("model_max_length"))
            if tokenizer_config.is_file()
            else None
        )
        if said is None:
            # RoBERTa's 514 positions hold 512 tokens: the common 512 is the safe cap.
            positions = _limit(config.get("max_position_embeddings"))
            said = min(positions or DEFAULT_MAX_LENGTH, DEFAULT_MAX_LENGTH)
        return static, min(said, static) if static else said

    def _run(self, texts: Sequence[str]) -> list[Sentiment]:
        encodings = self._tokenizer.encode_batch(list(texts))
        width = self._static_length or max(len(e.ids) for e in encodings)
        rows = len(encodings)
        ids = np.full((rows, width), self._pad_id, dtype=np.int64)
        mask = np.zeros((rows, width), dtype=np.int64)
        types = np.zeros((rows, width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            ids[row, :length] = encoding.ids
            mask[row, :length] = encoding.attention_mask
            types[row, :length] = encoding.type_ids
        arrays = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        feed = {
            name: arrays[name].astype(_INT_TYPES[declared.type], copy=False)
            for name, declared in self._inputs.items()
        }
        (logits,) = self._session.run([self._output], feed)
        logits = np.asarray(logits, dtype=np.float64)
        if logits.shape != (rows, len(self.labels.names)):
            raise _error(
                f"the model's output {self._output} has shape {list(logits.shape)} for "
                f"{rows} message(s), not [{rows}, {len(self.labels.names)}] (one score per "
                "label of config.json)"
            )
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities = shifted / shifted.sum(axis=1, keepdims=True)
        return [self._sentiment(p) for p in probabilities]

    def _sentiment(self, probabilities: Any) -> Sentiment:
        valences = self.labels.valences
        score = float(sum(p * v for p, v in zip(probabilities, valences, strict=True)))
        if not self.labels.has_neutral:
            return Sentiment(label_for(score), round(score, 4))
        by_class = dict.fromkeys(LABELS, 0.0)
        for p, label in zip(probabilities, self.labels.classes, strict=True):
            by_class[label] += float(p)
        # A tie goes to neutral: the model did not decide.
        label = max(LABELS, key=lambda c: (by_class[c], c == "neutral"))
        return Sentiment(label, round(score, 4))

    def score_texts(self, texts: Sequence[str]) -> list[Sentiment]:
        """The sentiment of each text, scored `BATCH_SIZE` at a time (texts of similar
        length together, so little is padding); kept for `score`."""
        found: dict[str, Sentiment] = {}
        todo = sorted({t for t in texts if t.strip() and t not in self._cache}, key=len)
        for start in range(0, len(todo), BATCH_SIZE):
            chunk = todo[start : start + BATCH_SIZE]
            found.update(zip(chunk, self._run(chunk), strict=True))
        for text, sentiment in found.items():
            self._keep(text, sentiment)
        return [found.get(text) or self.score(text, None) for text in texts]

    def score(
        self, text: str, language: str | None, *, field_value: str | None = None
    ) -> Sentiment:
        """The model's sentiment of `text` (the model reads every language it was trained
        on: `language` and Zendesk's `field_value` are not used)."""
        if not text.strip():
            return Sentiment("neutral", 0.0)
        kept = self._cache.get(text)
        if kept is not None:
            self._cache.move_to_end(text)
            return kept
        (sentiment,) = self._run([text])
        self._keep(text, sentiment)
        return sentiment

    def _keep(self, text: str, sentiment: Sentiment) -> None:
        self._cache[text] = sentiment
        self._cache.move_to_end(text)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
