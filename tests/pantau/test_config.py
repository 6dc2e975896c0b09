from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import make_article

from pantau.config import load_config
from pantau.errors import ConfigError
from pantau.health import assess
from pantau.state import OutletHealth
from pantau.store import open_store
from pantau.store.sqlite import SQLiteStore


def write(tmp_path, text):
    path = tmp_path / "pantau.toml"
    path.write_text(text)
    return path


def test_an_empty_file_means_the_default_behaviour(tmp_path, monkeypatch):
    """An empty pantau.toml in the working directory: articles go to the embedded store in ./data, and an
    outlet is failing from its third failed run in a row and silent after three days without a new article."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pantau.toml").write_text("")
    config = load_config(environ={})
    assert config.config_file == Path("pantau.toml")
    store = open_store(config)
    try:
        store.upsert(make_article("https://contoh.id/berita/1/asn-netral", "ASN diminta netral."))
    finally:
        store.close()
    with closing(SQLiteStore(tmp_path / "data" / "pantau.db")) as stored:
        assert stored.count() == 1
    now = datetime(2024, 10, 10, 12, 0, tzinfo=UTC)
    start = now - timedelta(days=30)

    def verdict(failures: int, quiet: timedelta) -> tuple[bool, bool]:
        health = OutletHealth("contoh", start, now, now - quiet, failures, start if failures else None, None, None)
        seen = assess(health, config.health, now)
        return seen.failing, seen.silent

    assert verdict(2, timedelta(days=2, hours=23)) == (False, False)
    assert verdict(3, timedelta(days=3, hours=1)) == (True, True)


def test_command_line_beats_environment_beats_file(tmp_path):
    path = write(tmp_path, '[store]\nelasticsearch_url = "http://file:9200"\n')
    env = {"PANTAU_CONFIG": str(path), "PANTAU_DATA_DIR": "/env/dir", "PANTAU_ELASTICSEARCH_URL": "http://env:9200"}
    assert load_config(environ=env).store.elasticsearch_url == "http://env:9200"
    assert str(load_config(environ=env).data_dir) == "/env/dir"
    assert load_config(data_dir="/cli", elasticsearch_url="http://cli:9200", environ=env).store.elasticsearch_url \
        == "http://cli:9200"
    assert load_config(environ={"PANTAU_CONFIG": str(path)}).store.elasticsearch_url == "http://file:9200"


@pytest.mark.parametrize(("text", "fragment"), [
    ('[[alert]]\nname = "a"\nrecipients = ["x@y.id"]\nmode = "digest"\ndigest_schedule = "0 7 * *"\n',
     "[[alert]] #1.digest_schedule"),
    ('[[alert]]\nname = "a"\nrecipients = ["bukan-email"]\n', "[[alert]] #1.recipients"),
    ('[[alert]]\nname = "a"\nrecipients = ["x@y.id"]\ntags_any = ["banjir"]\n', "unknown tag"),
    ('[smtp]\nsecurity = "tls"\n', "smtp.security"),
    ('[smtp]\nhots = "x"\n', "smtp.hots"),
    ("[store\n", "not valid TOML"),
    ('[health]\nsilent_after = "3 hari"\n', "health.silent_after"),
    ("[health]\nfailures = 0\n", "health.failures"),
    ('[health]\nrecipients = ["redaksi"]\n', "health.recipients"),
])
def test_invalid_config_is_one_line_naming_the_field(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path, environ={})
    message = str(err.value)
    assert fragment in message and "\n" not in message and str(path) in message


def test_smtp_password_comes_from_the_environment_only(tmp_path, monkeypatch):
    path = write(tmp_path, '[smtp]\nhost = "127.0.0.1"\npassword_env = "MY_SMTP_PW"\n')
    monkeypatch.setenv("MY_SMTP_PW", "rahasia")
    assert load_config(path, environ={}).smtp_password() == "rahasia"
