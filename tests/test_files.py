"""Every file prng writes is a regular file written atomically, never through a symbolic link or over a
device or FIFO; every file it reads is a regular file (a FIFO is refused at once, not waited on)."""

import os
import stat
import threading

import pytest

from prng import _files
from prng._files import path_inside, read_file, write_file
from prng._manifest import write_manifest


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_write_creates_and_replaces_a_regular_file(tmp_path):
    path = tmp_path / "out.json"
    write_file(path, b"one")
    path.chmod(0o640)
    write_file(path, b"two")
    assert path.read_bytes() == b"two"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # a replaced file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


def test_a_new_file_gets_the_umask_permissions(tmp_path):
    write_file(tmp_path / "new", b"x")
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o666 & ~_files._UMASK


def test_write_refuses_a_symlink_and_leaves_its_target_alone(tmp_path):
    target = tmp_path / "precious"
    target.write_text("keep")
    link = tmp_path / "run.json"
    link.symlink_to(target)
    with pytest.raises(ValueError, match="it is a symbolic link, not a regular file"):
        write_manifest(link, {"a": 1})
    assert link.is_symlink() and target.read_text() == "keep"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="symbolic link"):
        write_file(dangling, b"x")
    assert not (tmp_path / "nowhere").exists()


def test_write_refuses_devices_fifos_and_folders(tmp_path, fifo):
    for path, kind in [("/dev/null", "a character device"), (fifo, "a FIFO"), (tmp_path, "a folder")]:
        with pytest.raises(ValueError, match=f"it is {kind}"):
            write_file(path, b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_write_into_a_missing_folder(tmp_path):
    with pytest.raises(ValueError, match="the folder .* does not exist"):
        write_file(tmp_path / "no" / "run.json", b"x")


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "run.json"
    write_file(path, b"old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(_files.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_file(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["run.json"]


def test_read_refuses_a_fifo_without_waiting_for_a_writer(fifo):
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_raises(lambda: read_file(fifo, what="data file"))))
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "read_file blocked on a FIFO"
    assert "is a FIFO, not a regular file" in outcome[0]


def _raises(call):
    try:
        call()
    except ValueError as exc:
        return str(exc)
    return "no error"


def test_read_refuses_devices_folders_symlinks_and_big_files(tmp_path):
    with pytest.raises(ValueError, match="is a character device"):
        read_file("/dev/zero")
    with pytest.raises(ValueError, match="is a folder"):
        read_file(tmp_path)
    real = tmp_path / "real.txt"
    real.write_text("hello")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert read_file(link) == b"hello"  # followed unless asked not to
    with pytest.raises(ValueError, match="symbolic link: refusing to read it"):
        read_file(link, what="manifest", follow_symlinks=False)
    with pytest.raises(ValueError, match="5 bytes, more than the 4 accepted"):
        read_file(real, limit=4)
    assert read_file(real, limit=5) == b"hello"


def test_path_inside(tmp_path):
    (tmp_path / "sub").mkdir()
    assert path_inside(tmp_path, tmp_path, "sub/../data.csv", "the data file") == tmp_path / "data.csv"
    for outside in ["../x.csv", "/etc/passwd", "sub/../../x.csv", ".", ""]:
        with pytest.raises(ValueError, match="is outside"):
            path_inside(tmp_path, tmp_path, outside, "the data file")
    assert path_inside(tmp_path, tmp_path / "sub", "../x.csv", "the data file") == tmp_path / "x.csv"
    with pytest.raises(ValueError, match="is outside"):
        path_inside(tmp_path / "sub", tmp_path / "sub", "../x.csv", "the data file")
    (tmp_path / "link").symlink_to(tmp_path / "sub")
    with pytest.raises(ValueError, match="goes through the symbolic link"):
        path_inside(tmp_path, tmp_path, "link/data.csv", "the data file")
