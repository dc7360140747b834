"""The container image, as far as this machine can test it without a container engine: the
Dockerfile and compose.yaml say what docs/deploy.md promises (alignbot run as a non-root
user, a /healthz healthcheck, PostgreSQL 16 with a volume, started once it is healthy), and
the wheel the image installs, built from exactly the files the Dockerfile copies, gives a
working `alignbot` command outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def instructions(stage: int | None = None) -> list[tuple[str, str]]:
    """The Dockerfile's (INSTRUCTION, arguments), continuation lines joined; `stage` picks
    one build stage by index (-1: the image that runs), None: all of them."""
    lines: list[str] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    parsed = [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]
    if stage is None:
        return parsed
    starts = [i for i, (op, _) in enumerate(parsed) if op == "FROM"]
    ends = [*starts[1:], len(parsed)]
    begin, end = list(zip(starts, ends, strict=True))[stage]
    return parsed[begin:end]


def test_the_image_runs_alignbot_run_as_a_non_root_user_with_a_healthcheck() -> None:
    final = instructions(-1)
    ops = [op for op, _ in final]
    args = dict(final)

    assert args["FROM"] == "python:3.11-slim"
    assert json.loads(args["ENTRYPOINT"]) == ["alignbot"]
    assert json.loads(args["CMD"]) == ["run"]
    user = args["USER"]
    assert user not in ("root", "0") and ops.index("USER") < ops.index("ENTRYPOINT")
    assert any(op == "RUN" and "useradd" in a and a.endswith(user) for op, a in final)
    assert "/healthz" in args["HEALTHCHECK"] and "ALIGNBOT_HTTP_PORT" in args["HEALTHCHECK"]
    installs = [a for op, a in final if op == "RUN" and "pip install" in a and "/wheels" in a]
    assert installs and '"alignbot[postgres]"' in installs[0] and "--no-index" in installs[0]
    build = dict(instructions(0))
    assert build["FROM"].startswith("python:3.11-slim")
    assert 'pip wheel --no-cache-dir --wheel-dir /wheels ".[postgres]"' in build["RUN"]


def test_compose_runs_alignbot_on_postgres_16_once_it_is_healthy() -> None:
    compose: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    postgres = compose["services"]["postgres"]
    alignbot = compose["services"]["alignbot"]

    assert postgres["image"] == "postgres:16"
    [volume] = postgres["volumes"]
    name, _, mount = volume.partition(":")
    assert mount == "/var/lib/postgresql/data" and name in compose["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert alignbot["build"] == "." and alignbot["env_file"] == ".env"
    assert alignbot["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    url = alignbot["environment"]["DATABASE_URL"]
    assert url.startswith("postgresql://") and "@postgres:5432/" in url
    # Longer than the default SHUTDOWN_TIMEOUT_SECONDS (30), or a stop would kill a job.
    assert int(alignbot["stop_grace_period"].removesuffix("s")) > 30


def _copied_sources() -> list[str]:
    """What the build stage COPYs from the checkout: the wheel must build from these alone."""
    sources: list[str] = []
    for op, args in instructions(0):
        if op == "COPY" and "--from" not in args:
            *paths, _destination = args.split()
            sources.extend(paths)
    return sources


def _run(argv: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    clean = {k: v for k, v in clean.items() if not k.startswith(("ZENDESK_", "SLACK_"))}
    return subprocess.run(
        argv, cwd=cwd, env={**clean, **env}, capture_output=True, text=True, timeout=300
    )


def test_the_wheel_the_image_installs_gives_a_working_alignbot_command(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in _copied_sources():
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            (source / name).write_bytes((ROOT / name).read_bytes())
    wheels = tmp_path / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        tmp_path,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("alignbot-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        entry_points = archive.read(
            next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        ).decode()
    assert "alignbot = bot.cli:main" in entry_points
    assert b'extra == "postgres"' in metadata
    assert any(n.startswith("bot/store/migrations/versions/") for n in names)

    # A fresh environment holding only the wheel; its dependencies are borrowed from the
    # test environment (a path line, so nothing there, the checkout included, is imported
    # unless the wheel lacks it), as installing them all would need the network.
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         str(wheel)],
        tmp_path,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr[-2000:]
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                tmp_path).stdout.strip()  # fmt: skip
    (Path(site) / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    alignbot = str(venv / "bin" / "alignbot")
    where = _run([str(python), "-c", "import bot; print(bot.__file__)"], tmp_path)
    assert where.stdout.strip().startswith(site), where.stdout + where.stderr
    help_ = _run([alignbot, "--help"], tmp_path)
    assert help_.returncode == 0, help_.stderr
    assert "doctor" in help_.stdout and "sync" in help_.stdout
    database = tmp_path / "image.db"
    upgraded = _run([alignbot, "db", "upgrade"], tmp_path, DATABASE_URL=f"sqlite:///{database}")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "database at revision" in upgraded.stdout and "(was empty)" in upgraded.stdout
    assert database.stat().st_size > 0
