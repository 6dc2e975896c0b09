# pantau: the crawler/scheduler image used by docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Install from the checkout (see .dockerignore for what is left out), with the versions CI tested
# (constraints.txt), then drop the sources: the image runs the installed package, never the working tree.
WORKDIR /build
COPY . .
RUN pip install -c constraints.txt . && cd / && rm -rf /build

# Non-root: the crawler parses untrusted HTML. /data is created here, owned by that user, so a
# fresh named volume mounted on it inherits the ownership.
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/pantau pantau \
    && mkdir -p /data /etc/pantau \
    && chown pantau:pantau /data
USER pantau
WORKDIR /home/pantau

# Crawl state, job store and alert outbox live in SQLite under the data dir (see README.md, "Run on a server").
ENV PANTAU_DATA_DIR=/data \
    PANTAU_CONFIG=/etc/pantau/pantau.toml
VOLUME ["/data"]

ENTRYPOINT ["pantau"]
CMD ["schedule"]
