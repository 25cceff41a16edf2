# release-monitor: the daemon in a slim image. Config and database live in /data.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

RUN useradd --create-home --uid 10001 monitor \
    && mkdir /data && chown monitor:monitor /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY monitor ./monitor
RUN pip install --no-compile . && rm -rf /app

USER monitor
WORKDIR /data
VOLUME ["/data"]

# `health` fails when the daemon stops ticking or deliveries are dead.
HEALTHCHECK --interval=2m --timeout=20s --start-period=1m --retries=3 \
    CMD release-monitor -c /data/config.toml health || exit 1

# The config is /data/config.toml; a relative SQLite path lands next to it in /data.
ENTRYPOINT ["release-monitor", "-c", "/data/config.toml"]
CMD ["run"]
