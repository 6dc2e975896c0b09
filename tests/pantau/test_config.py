import pytest

from pantau.config import load_config
from pantau.errors import ConfigError


def write(tmp_path, text):
    path = tmp_path / "pantau.toml"
    path.write_text(text)
    return path


def test_defaults_without_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(environ={})
    assert config.store.elasticsearch_url == ""
    assert str(config.db_path) == "data/pantau.db"
    assert config.alert == []
    assert config.health.silent_span.days == 3 and config.health.failures == 3 and config.health.recipients == []


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
