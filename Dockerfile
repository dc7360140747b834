# alignbot as one container: `alignbot run` (the scheduler, the Slack app, the answer pages,
# /healthz, /readyz, /metrics). Build: docker build -t alignbot . ; one host with
# PostgreSQL: compose.yaml; replicas: docs/deploy.md.

# ---- build: the project's wheel and every dependency's, so the image needs no compiler ----
FROM python:3.11-slim AS build
WORKDIR /src
# Only what the wheel is built from; tests/test_container.py builds from this same list.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY integrations ./integrations
COPY scheduler ./scheduler
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[postgres]"

# ---- run ------------------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    LOG_FORMAT=json \
    LOG_LEVEL=INFO \
    ALIGNBOT_HTTP_PORT=8080
RUN pip install --no-cache-dir --upgrade "pip>=23.1"
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels "alignbot[postgres]" \
    && rm -rf /wheels
# A user of its own: nothing in the container runs as root.
RUN useradd --create-home --uid 10001 --user-group alignbot
USER alignbot
WORKDIR /home/alignbot
EXPOSE 8080
# /healthz answers while the process is alive; readiness (/readyz) is for the orchestrator.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('ALIGNBOT_HTTP_PORT', '8080') + '/healthz', timeout=4)"]
# SIGTERM (docker stop, a rolling update) lets the running job finish, then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["alignbot"]
CMD ["run"]
