"""Every file prng reads or writes goes through here, so each is handled the same safe way.

Writing (run manifests, ``prng state convert -o``): regular files only, written atomically (a temporary
file in the same folder, flushed to disk, then renamed over the target), never through a symbolic link
and never over a device, FIFO, socket or folder. Reading: regular files only (opened non-blocking, so a
FIFO without a writer cannot hang the reader), optionally refusing symbolic links and bounding the
size. Errors are ``ValueError`` (what is wrong with the path) or ``OSError`` (what the system said);
neither ever quotes the file's contents.
"""

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

_UMASK = os.umask(0o022)  # read once at import (os.umask can only be read by setting it) ...
os.umask(_UMASK)  # ... and put back at once
_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"))


def kind_of(mode):
    """What a file of ``st_mode`` ``mode`` is, in words ("a symbolic link", "a FIFO", ...)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def write_file(path, data):
    """Write ``data`` (bytes) to ``path`` atomically; ValueError if ``path`` exists and is not a regular
    file (a symbolic link, device, FIFO, ...), or if its folder does not exist."""
    path = Path(path)
    mode = check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        _check_write_target(path)  # once more, just before the rename
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def check_writable(path):
    """ValueError unless ``write_file(path, ...)`` can go ahead (call it before long work whose result
    goes to ``path``); returns the permission bits the new file gets."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ValueError(f"cannot write {path}: the folder {path.parent} does not exist")
    return _check_write_target(path)


def _check_write_target(path):
    """The permission bits the new file gets (the old file's, else 0o666 less the umask); ValueError
    when ``path`` exists and is not a regular file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return 0o666 & ~_UMASK
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"refusing to write {path}: it is {kind_of(info.st_mode)}, not a regular file")
    return stat.S_IMODE(info.st_mode)


def read_file(path, *, what="file", limit=None, follow_symlinks=True):
    """The bytes of the regular file at ``path``.

    what: how errors name the file ("data file", "manifest").
    limit: the most bytes accepted (ValueError beyond, checked before reading), or None.
    follow_symlinks: False refuses ``path`` itself being a symbolic link.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
        _refuse_symlink(path, what)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise ValueError(f"{what} {path} is a symbolic link: refusing to read it") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{what} {path} is {kind_of(info.st_mode)}, not a regular file")
        if limit is not None and info.st_size > limit:
            raise ValueError(f"{what} {path} is {info.st_size} bytes, more than the {limit} accepted")
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        data = f.read() if limit is None else f.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise ValueError(f"{what} {path} is more than the {limit} bytes accepted")
    return data


def _refuse_symlink(path, what):
    """ValueError when ``path`` is a symbolic link (for systems without O_NOFOLLOW)."""
    if os.path.islink(path):
        raise ValueError(f"{what} {path} is a symbolic link: refusing to read it")


def path_inside(root, base, relative, what):
    """``base / relative`` after removing ``.`` and ``..``; ValueError when it is not inside ``root``
    (an absolute ``relative`` included) or when any part of it below ``root`` is a symbolic link."""
    root = Path(os.path.abspath(root))
    path = Path(os.path.normpath(Path(os.path.abspath(base)) / relative))
    if os.path.commonpath([root, path]) != str(root) or path == root:
        raise ValueError(f"{what} {relative!r} is outside {root}")
    part = root
    for name in path.relative_to(root).parts:
        part = part / name
        if part.is_symlink():
            raise ValueError(f"{what} {relative!r} goes through the symbolic link {part}: refusing to read it")
    return path
