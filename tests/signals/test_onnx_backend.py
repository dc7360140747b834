"""SENTIMENT_BACKEND=onnx: a local text-classification model, on a tiny model built here.

The model is what `optimum-cli export onnx --task text-classification` lays out, in
miniature: a WordLevel tokenizer saved as tokenizer.json, an ONNX graph (embeddings of the
input ids, their mean under the attention mask, a linear layer to one logit per label) and
a config.json naming the labels. Its weights make "great" and "love" positive and "broken"
and "terrible" negative; every other word is neutral.
"""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from sqlalchemy import Engine, select
from sqlmodel import Session
from sqlmodel import select as sqlmodel_select
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
from typer.testing import CliRunner

from bot.cli import app, main
from bot.errors import SettingsError
from bot.settings import Settings
from bot.signals.analyze import analyze
from bot.signals.backends import backend_from_settings, load_backend
from bot.signals.message import customer_signals
from bot.signals.onnx_backend import OnnxBackend, map_labels
from bot.signals.sentiment import LexiconBackend
from bot.store import Comment, CommentSignal, Ticket, User, open_store
from bot.store.tables import SIGNALS

SPECIAL = ["[UNK]", "[PAD]", "[CLS]", "[SEP]"]
POSITIVE = ["great", "love", "thanks", "perfect"]
NEGATIVE = ["broken", "terrible", "useless"]
NEUTRAL = ["the", "my", "invoice", "is", "it", "a", "and", "app", "question", "about", "i"]
VOCAB = {word: index for index, word in enumerate(SPECIAL + POSITIVE + NEGATIVE + NEUTRAL)}
PAD_ID = VOCAB["[PAD]"]
STRENGTH = 12.0  # a polar word's weight: one among four other tokens still decides
THREE = ["negative", "neutral", "positive"]
STARS = ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]


def _tokenizer() -> Tokenizer:
    tokenizer = Tokenizer(models.WordLevel(VOCAB, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", VOCAB["[CLS]"]), ("[SEP]", VOCAB["[SEP]"])],
    )
    return tokenizer


def _valences(labels: Sequence[str]) -> list[float]:
    return list(map_labels(dict(enumerate(labels))).valences)


def _graph(
    labels: Sequence[str],
    *,
    token_type_ids: bool,
    sequence: int | str,
    outputs: int | None,
) -> onnx.ModelProto:
    """Gather(embeddings, input_ids) -> mean under attention_mask -> MatMul -> logits."""
    embeddings = np.zeros((len(VOCAB), 2), np.float32)  # features: (positive, negative)
    for word in POSITIVE:
        embeddings[VOCAB[word]] = (STRENGTH, 0.0)
    for word in NEGATIVE:
        embeddings[VOCAB[word]] = (0.0, STRENGTH)
    valences = np.array(_valences(labels), np.float32)
    width = outputs or len(labels)
    weights = np.zeros((2, width), np.float32)
    weights[0, : len(labels)] = valences
    weights[1, : len(labels)] = -valences
    # A message without polar words is neutral (the middle classes lead), not a tie.
    bias = np.zeros(width, np.float32)
    bias[: len(labels)] = 1.0 - np.abs(valences)
    nodes = [
        helper.make_node("Gather", ["embeddings", "input_ids"], ["embedded"]),
        helper.make_node("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask", "last"], ["mask3"]),
        helper.make_node("Mul", ["embedded", "mask3"], ["kept"]),
        helper.make_node("ReduceSum", ["kept", "tokens"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask3", "tokens"], ["count"], keepdims=0),
        helper.make_node("Max", ["count", "one"], ["count1"]),
        helper.make_node("Div", ["summed", "count1"], ["mean"]),
        helper.make_node("MatMul", ["mean", "weights"], ["projected"]),
        helper.make_node("Add", ["projected", "bias"], ["logits"]),
    ]
    initializers = [
        numpy_helper.from_array(embeddings, "embeddings"),
        numpy_helper.from_array(weights, "weights"),
        numpy_helper.from_array(bias, "bias"),
        numpy_helper.from_array(np.array([2], np.int64), "last"),
        numpy_helper.from_array(np.array([1], np.int64), "tokens"),
        numpy_helper.from_array(np.array([1.0], np.float32), "one"),
    ]
    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", sequence])
        for name in ("input_ids", "attention_mask")
    ]
    if token_type_ids:
        # Declared and read (times zero), as BERT's exports declare it.
        inputs.append(
            helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", sequence])
        )
        initializers.append(numpy_helper.from_array(np.zeros((2, 2), np.float32), "types"))
        nodes[0:1] = [
            helper.make_node("Gather", ["embeddings", "input_ids"], ["words"]),
            helper.make_node("Gather", ["types", "token_type_ids"], ["typed"]),
            helper.make_node("Add", ["words", "typed"], ["embedded"]),
        ]
    output = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", width])
    graph = helper.make_graph(nodes, "tiny-sentiment", inputs, [output], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8  # what onnxruntime releases of the last years all read
    onnx.checker.check_model(model)
    return model


def build_model(
    directory: Path,
    labels: Sequence[str] = THREE,
    *,
    token_type_ids: bool = True,
    sequence: int | str = "sequence",
    outputs: int | None = None,
    model_max_length: int | None = None,
) -> Path:
    """A tiny text-classification model exported as optimum lays it out, in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    _tokenizer().save(str(directory / "tokenizer.json"))
    onnx.save(
        _graph(labels, token_type_ids=token_type_ids, sequence=sequence, outputs=outputs),
        str(directory / "model.onnx"),
    )
    config = {
        "model_type": "tiny",
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
        "pad_token_id": PAD_ID,
        "max_position_embeddings": 512,
    }
    (directory / "config.json").write_text(json.dumps(config))
    if model_max_length is not None:
        (directory / "tokenizer_config.json").write_text(
            json.dumps({"model_max_length": model_max_length})
        )
    return directory


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    return build_model(tmp_path / "model")


# --- The model's labels and scores ----------------------------------------------------------


def test_a_three_class_model_labels_and_scores_messages(model_dir: Path) -> None:
    backend = OnnxBackend(model_dir)
    great = backend.score("The app is great, I love it", "en")
    broken = backend.score("My invoice is broken and the app is terrible", "en")
    plain = backend.score("A question about my invoice", "en")

    assert great.label == "positive" and great.score > 0.7
    assert broken.label == "negative" and broken.score < -0.7
    assert plain.label == "neutral" and plain.score == 0.0
    assert backend.score("   ", "en").label == "neutral"


def test_the_score_is_p_positive_minus_p_negative(model_dir: Path) -> None:
    # "great" among five tokens ([CLS] it is great [SEP]): the mean positive feature is
    # 12/5, so the logits are (-2.4, 1, 2.4).
    logits = np.array([-STRENGTH / 5, 1.0, STRENGTH / 5])
    p = np.exp(logits) / np.exp(logits).sum()

    sentiment = OnnxBackend(model_dir).score("it is great", "en")

    assert sentiment.score == pytest.approx(p[2] - p[0], abs=1e-4)


@pytest.mark.parametrize(
    "labels",
    [
        ["NEG", "POS"],
        ["LABEL_0", "LABEL_1"],
        ["Negative", "Neutral", "Positive"],
        ["LABEL_0", "LABEL_1", "LABEL_2"],
        STARS,
        ["very_negative", "negative", "neutral", "positive", "very_positive"],
    ],
)
def test_two_three_and_five_class_models_read_the_same_way(
    tmp_path: Path, labels: list[str]
) -> None:
    backend = OnnxBackend(build_model(tmp_path / "model", labels))
    assert backend.score("thanks, it is perfect", None).label == "positive"
    assert backend.score("it is broken", None).label == "negative"
    assert backend.score("great", None).score > 0.5
    assert backend.score("useless", None).score < -0.5


def test_a_two_class_model_is_neutral_only_when_undecided(tmp_path: Path) -> None:
    backend = OnnxBackend(build_model(tmp_path / "model", ["negative", "positive"]))
    # Equal evidence both ways: P(positive) = P(negative).
    assert backend.score("great and broken", None) == backend.score("my invoice", None)
    assert backend.score("my invoice", None).label == "neutral"


@pytest.mark.parametrize(
    ("labels", "valences"),
    [
        (["NEG", "NEU", "POS"], [-1, 0, 1]),
        (["LABEL_0", "LABEL_1"], [-1, 1]),
        (["LABEL_0", "LABEL_1", "LABEL_2"], [-1, 0, 1]),
        (STARS, [-1, -0.5, 0, 0.5, 1]),
        (["LABEL_0", "LABEL_1", "LABEL_2", "LABEL_3", "LABEL_4"], [-1, -0.5, 0, 0.5, 1]),
        (
            ["Very Negative", "Negative", "Neutral", "Positive", "Very Positive"],
            [-1, -0.5, 0, 0.5, 1],
        ),
        (["positive", "negative"], [1, -1]),
    ],
)
def test_label_names_map_to_valences(labels: list[str], valences: list[float]) -> None:
    assert list(map_labels(dict(enumerate(labels))).valences) == valences


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (["anger", "joy"], "cannot map the model's label 'anger'"),
        (["LABEL_0", "LABEL_1", "LABEL_2", "LABEL_3"], "4 generic labels"),
        (["neutral", "positive"], "need a negative and a positive class"),
        (["negative", "LABEL_1"], "cannot map the model's label 'LABEL_1'"),
    ],
)
def test_a_label_that_cannot_be_mapped_stops_startup_naming_the_setting(
    tmp_path: Path, labels: list[str], message: str
) -> None:
    model_dir = build_model(tmp_path / "model", ["negative", "positive"])
    config = json.loads((model_dir / "config.json").read_text())
    config["id2label"] = {str(i): label for i, label in enumerate(labels)}
    (model_dir / "config.json").write_text(json.dumps(config))

    with pytest.raises(SettingsError) as error:
        OnnxBackend(model_dir)

    assert str(error.value).startswith("SENTIMENT_MODEL_PATH: ")
    assert message in str(error.value) and "\n" not in str(error.value)


def test_loading_and_scoring_never_touch_the_network(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the onnx backend opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    backend = load_backend("onnx", model_path=str(model_dir))

    assert backend.score("great", None).label == "positive"


# --- What the model is fed ------------------------------------------------------------------


def test_a_model_without_token_type_ids_is_fed_only_its_own_inputs(tmp_path: Path) -> None:
    # onnxruntime refuses an input the model does not declare.
    backend = OnnxBackend(build_model(tmp_path / "model", token_type_ids=False))
    assert backend.score("great", None).label == "positive"


def test_long_messages_are_cut_at_the_models_max_length(tmp_path: Path) -> None:
    backend = OnnxBackend(build_model(tmp_path / "model", model_max_length=8))
    # Read whole, the praise would outweigh the complaint; the model reads 8 tokens.
    text = "it is broken" + " and the app" * 50 + " great" * 300
    assert backend.max_length == 8
    assert backend.score(text, None).label == "negative"


def test_a_model_with_a_fixed_sequence_length_gets_padded_input(tmp_path: Path) -> None:
    backend = OnnxBackend(build_model(tmp_path / "model", sequence=16))
    assert backend.max_length == 16
    assert backend.score("great", None).label == "positive"
    assert backend.score("broken and terrible" + " the" * 40, None).label == "negative"


def test_scoring_many_at_once_gives_each_the_score_it_gets_alone(tmp_path: Path) -> None:
    texts = [
        "great",
        "it is broken and my invoice is useless",
        "",
        "a question about the app" + " and the app" * 20 + " thanks",
        "great",
    ]
    alone = [OnnxBackend(build_model(tmp_path / "a")).score(t, None) for t in texts]
    together = OnnxBackend(build_model(tmp_path / "b")).score_texts(texts * 20)
    assert together == alone * 20


# --- Support context on top, as for the lexicons ----------------------------------------------


def test_a_denial_reads_negative_whatever_the_model_says(model_dir: Path) -> None:
    backend = OnnxBackend(model_dir)
    text = "Thanks, but my invoice is still wrong"
    assert backend.score(text, "en").label == "positive"  # "thanks" is all the model sees

    signals = customer_signals(text, backend=backend)

    assert signals.resolution_reply == "deny"
    assert signals.sentiment.label == "negative"


# --- Through settings and the command line ----------------------------------------------------


def test_settings_choose_the_onnx_backend_and_its_model(model_dir: Path) -> None:
    settings = Settings(
        _env_file=None, sentiment_backend="onnx", sentiment_model_path=str(model_dir)
    )
    backend = backend_from_settings(settings)
    assert isinstance(backend, OnnxBackend) and backend.name == "onnx"
    assert isinstance(load_backend("onnx", model_path=str(model_dir / "model.onnx")), OnnxBackend)


@pytest.fixture
def onnx_env(model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("SENTIMENT_BACKEND", "onnx")
    monkeypatch.setenv("SENTIMENT_MODEL_PATH", str(model_dir))
    return model_dir


def test_classify_scores_with_the_model(onnx_env: Path, tmp_path: Path) -> None:
    text = "Thanks, the app is perfect"
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "c1", "role": "customer", "text": text}) + "\n")

    result = CliRunner().invoke(app, ["signals", "classify", "--input", str(source)])

    assert result.exit_code == 0, result.output
    sentiment = json.loads(result.stdout)["sentiment"]
    expected = OnnxBackend(onnx_env).score(text, "en").score
    assert sentiment == {"label": "positive", "score": expected}
    assert expected != LexiconBackend().score(text, "en").score


def test_explain_names_the_model_as_the_source_of_the_score(onnx_env: Path) -> None:
    result = CliRunner().invoke(app, ["signals", "explain", "The app is great", "--locale", "en"])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    score = OnnxBackend(onnx_env).score("The app is great", "en").score
    assert f"sentiment: positive {score:+.2f}" in lines
    assert f"  <- onnx score {score:+.2f}" in lines


def test_analyze_stores_the_models_scores(
    onnx_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = open_store(url)
    start = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    said = {
        100: ("customer", "The app is broken and terrible"),
        101: ("agent", "Thanks, I am looking at it now."),
        102: ("customer", "Great, it works, thanks!"),
    }
    with Session(engine) as session:
        session.add(User(id=1, name="Ana", role="end-user", locale="en-US"))
        session.add(User(id=2, name="Bo", role="agent", locale="en-US"))
        session.add(
            Ticket(id=10, requester_id=1, channel="email", created_at=start, updated_at=start)
        )
        for minutes, (comment_id, (role, body)) in enumerate(said.items()):
            session.add(
                Comment(
                    id=comment_id,
                    ticket_id=10,
                    author_id=1 if role == "customer" else 2,
                    author_role=role,
                    channel="email",
                    body=body,
                    created_at=start + timedelta(minutes=minutes),
                )
            )
        session.commit()

    with pytest.raises(SystemExit) as exited:
        main(["analyze"])

    assert exited.value.code in (0, None)
    with engine.connect() as conn:
        stored = dict(
            conn.execute(
                select(SIGNALS.c.comment_id, SIGNALS.c.sentiment_score).where(
                    SIGNALS.c.role == "customer"
                )
            ).all()
        )
    engine.dispose()
    backend = OnnxBackend(onnx_env)
    assert stored == {
        100: backend.score(said[100][1], "en").score,
        102: backend.score(said[102][1], "en").score,
    }
    assert stored[100] < -0.3 < 0.3 < stored[102]


def test_analyze_asks_the_model_once_per_batch(
    model_dir: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    texts = [f"The app is {word}" for word in ("great", "broken", "perfect", "terrible")]
    with Session(engine) as session:
        session.add(User(id=1, name="Ana", role="end-user", locale="en-US"))
        session.add(
            Ticket(id=10, requester_id=1, channel="email", created_at=start, updated_at=start)
        )
        for index, body in enumerate(texts * 3):
            session.add(
                Comment(
                    id=100 + index,
                    ticket_id=10,
                    author_id=1,
                    author_role="customer",
                    channel="email",
                    body=body + "!" * index,  # twelve different messages
                    created_at=start + timedelta(minutes=index),
                )
            )
        session.commit()
    backend = OnnxBackend(model_dir)
    calls: list[int] = []
    run = backend._run
    monkeypatch.setattr(backend, "_run", lambda chunk: calls.append(len(chunk)) or run(chunk))

    analyze(
        engine, Settings(_env_file=None), start + timedelta(hours=1), batch_size=6, backend=backend
    )

    assert calls == [6, 6]
    with Session(engine) as session:
        stored = session.exec(
            sqlmodel_select(CommentSignal.comment_id, CommentSignal.sentiment_label)
        ).all()
    assert [label for _, label in sorted(stored)] == ["positive", "negative"] * 6


# --- One line naming the setting for each way the model can be unusable -----------------------


def _remove(path: Path) -> None:
    path.unlink()


def _write(name: str, content: bytes) -> Any:
    return lambda directory: (directory / name).write_bytes(content)


def _base_model_outputs(directory: Path) -> None:
    """A model exported without a classification head: hidden states, not logits."""
    model = _graph(THREE, token_type_ids=True, sequence="sequence", outputs=None)
    model.graph.node.append(helper.make_node("MatMul", ["kept", "weights"], ["last_hidden_state"]))
    model.graph.output[0].CopyFrom(
        helper.make_tensor_value_info(
            "last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", 3]
        )
    )
    onnx.save(model, str(directory / "model.onnx"))


def _four_outputs(directory: Path) -> None:
    onnx.save(
        _graph(THREE, token_type_ids=True, sequence="sequence", outputs=4),
        str(directory / "model.onnx"),
    )


def _one_score_per_token(directory: Path) -> None:
    """[batch, sequence]: two dimensions, as many as there are tokens, which no declared
    shape tells apart from [batch, labels]; the startup probe finds it."""
    model = _graph(THREE, token_type_ids=True, sequence="sequence", outputs=None)
    model.graph.initializer.append(numpy_helper.from_array(np.array([2], np.int64), "features"))
    model.graph.node.append(
        helper.make_node("ReduceSum", ["kept", "features"], ["per_token"], keepdims=0)
    )
    model.graph.output[0].CopyFrom(
        helper.make_tensor_value_info("per_token", TensorProto.FLOAT, ["batch", "sequence"])
    )
    onnx.save(model, str(directory / "model.onnx"))


def _position_ids(directory: Path) -> None:
    """An input alignbot has nothing to feed."""
    model = _graph(THREE, token_type_ids=True, sequence="sequence", outputs=None)
    model.graph.input.append(
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", "sequence"])
    )
    onnx.save(model, str(directory / "model.onnx"))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: _remove(d / "model.onnx"), "no model.onnx in"),
        (lambda d: _remove(d / "tokenizer.json"), "no tokenizer.json in"),
        (lambda d: _remove(d / "config.json"), "no config.json in"),
        (_write("config.json", b'{"model_type": "bert"}'), "has no id2label"),
        (_write("config.json", b"{not json"), "cannot read"),
        (_write("model.onnx", b"not a model"), "cannot load"),
        (_write("tokenizer.json", b'{"version": "1.0"}'), "cannot read"),
        (_base_model_outputs, "not [batch, 3]"),
        (_four_outputs, "gives 4 scores per message, not [batch, 3]"),
        (_one_score_per_token, "for 1 message(s), not [1, 3]"),
        (_position_ids, "wants an input 'position_ids'"),
    ],
)
def test_an_unusable_model_directory_is_one_line_naming_the_setting(
    model_dir: Path, spoil: Any, message: str
) -> None:
    spoil(model_dir)
    with pytest.raises(SettingsError) as error:
        load_backend("onnx", model_path=str(model_dir))
    assert str(error.value).startswith("SENTIMENT_MODEL_PATH: ")
    assert message in str(error.value) and "\n" not in str(error.value)


def test_a_missing_directory_is_one_line_naming_the_setting(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"^SENTIMENT_MODEL_PATH: .* is not a directory"):
        load_backend("onnx", model_path=str(tmp_path / "nowhere"))


def test_onnx_without_a_model_path_names_the_setting() -> None:
    settings = Settings(_env_file=None, sentiment_backend="onnx")
    with pytest.raises(SettingsError, match="SENTIMENT_BACKEND=onnx needs SENTIMENT_MODEL_PATH"):
        backend_from_settings(settings)


def test_without_the_onnx_extra_the_error_says_what_to_install(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(SettingsError) as error:
        load_backend("onnx", model_path=str(model_dir))
    assert "pip install 'alignbot[onnx]'" in str(error.value)
    assert str(error.value).startswith("SENTIMENT_BACKEND=onnx needs onnxruntime and tokenizers")


def test_the_command_line_prints_the_error_as_one_line(
    onnx_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (onnx_env / "tokenizer.json").unlink()

    with pytest.raises(SystemExit) as exited:
        main(["signals", "explain", "great"])

    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.startswith("error: SENTIMENT_MODEL_PATH: no tokenizer.json in ")
    assert err.count("\n") == 1
