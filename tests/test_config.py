"""Configuration layers: defaults < [tool.qa] < --config FILE < flags; strict keys."""

from __future__ import annotations

import pytest

from qa.cli import main
from qa.config import Config, load_config, render_config
from qa.errors import ConfigError


def test_defaults(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "major" and config.mt is True and config.termbase == ()


def test_layers_override_in_order(tmp_path, write):
    write("proj/pyproject.toml", '[tool.qa]\nfail-on = "minor"\nmin-score = 80\n'
                                 'termbase = ["terms/a.csv"]\n')
    (tmp_path / "proj" / "sub").mkdir()
    extra = write("extra.toml", 'fail-on = "critical"\nmt = false\n')
    config = load_config(cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "minor" and config.min_score == 80.0
    assert config.termbase == (str(tmp_path / "proj" / "terms/a.csv"),)
    config = load_config(extra, cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "critical" and config.mt is False and config.min_score == 80.0
    config = load_config(extra, {"fail-on": "never", "min-score": None},
                         cwd=tmp_path / "proj" / "sub")
    assert config.fail_on == "never" and config.min_score == 80.0
    assert config.origins["fail-on"] == "command line"


def test_unknown_key_names_key_and_file(tmp_path, write):
    path = write("pyproject.toml", "[tool.qa]\nfail_on = 'major'\nfial-on = 'minor'\n")
    with pytest.raises(ConfigError) as err:
        load_config(cwd=tmp_path)
    assert "fial-on" in str(err.value) and path in str(err.value)


@pytest.mark.parametrize("body,needle", [
    ("fail-on = 'often'", "fail-on"),
    ("min-score = 'high'", "min-score"),
    ("mt = 'yes'", "'mt'"),
    ("select = ['XYZ99']", "names no check"),
    ("termbase = 3", "termbase"),
])
def test_bad_values(tmp_path, write, body, needle):
    path = write("c.toml", body + "\n")
    with pytest.raises(ConfigError, match=needle):
        load_config(path, cwd=tmp_path)


def test_invalid_toml(tmp_path, write):
    path = write("c.toml", "fail-on = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path, cwd=tmp_path)


def test_config_show(capsys, tmp_path, monkeypatch, write):
    write("pyproject.toml", '[tool.qa]\nfail-on = "minor"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "minor"' in out and "[tool.qa]" in out and "pyproject.toml" in out


def test_config_error_exit_2(capsys, tmp_path, monkeypatch, write):
    write("pyproject.toml", '[tool.qa]\nbogus = 1\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 2
    err = capsys.readouterr().err
    assert "bogus" in err and err.count("\n") == 1


def test_render_round_trips_values():
    text = render_config(Config(fail_on="minor", select=("alignment",)))
    assert 'select = ["alignment"]' in text and 'fail-on = "minor"' in text
