"""Sealing and opening sync bundles: age v1 to the district, an Ed25519-signed manifest in clear.

A bundle file is a short text header and then a standard age file:

    caseterm-bundle/1
    manifest <n>
    <n bytes: the canonical manifest JSON>
    signature <base64 of the 64-byte Ed25519 signature over those n bytes>
    key-change <k>                      (only from a commune whose signing key replaced another:)
    <k bytes: the canonical key-change statement JSON>
    key-change-signature <base64 of the old key's signature over those k bytes>
    <blank line>
    <age v1 binary file, to the district's X25519 recipient>

The age part decrypts with the reference `age` tool (cut the header off first). Write the bytes
with `caseterm.files.atomic_write_bytes`, so a crash never leaves a partial bundle under its name.
The plaintext starts with the manifest's inner fields on one line, then the JSON Lines payload.
Nothing here is a cipher construction of our own: age for confidentiality, Ed25519 for origin,
SHA-256 to bind.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import pyrage
from pyrage import x25519

from caseterm.crypto.signing import SigningKey, key_id_of, verify_signature
from caseterm.domain.bundle import (
    MAX_MANIFEST_BYTES,
    BundleRejected,
    KeyChange,
    Manifest,
    canonical,
    manifest_bytes,
    parse_key_change,
    parse_manifest,
)

MAGIC = b"caseterm-bundle/1\n"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
"""Larger files are refused before anything in them is read (a month of 100k persons is far
smaller)."""
_LINE = 128
"""The longest header line other than the manifest itself."""


@dataclass(frozen=True)
class DistrictKey:
    """The district's age X25519 key pair; communes encrypt to `recipient`."""

    identity: str
    """AGE-SECRET-KEY-1…: kept inside the district's encrypted store, never on its own."""
    recipient: str
    """age1…: printed for the communes."""

    @classmethod
    def generate(cls) -> DistrictKey:
        """A new random key pair."""
        identity = x25519.Identity.generate()
        return cls(str(identity), str(identity.to_public()))


def valid_recipient(recipient: str) -> bool:
    """True when `recipient` is an age X25519 recipient (age1…)."""
    try:
        x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        return False
    return True


def recipient_key_id(recipient: str) -> str:
    """A short, stable name of a recipient (the manifest names it, so a bundle is routable)."""
    return hashlib.sha256(recipient.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class BundleHeader:
    """The clear part of a bundle, read with every size checked before it is trusted."""

    manifest: Manifest
    manifest_raw: bytes
    signature: bytes
    payload_offset: int
    key_change: KeyChange | None = None
    key_change_raw: bytes = b""
    key_change_signature: bytes = b""

    def verify(self, sender_public_key: bytes) -> None:
        """Refuse unless the manifest is signed by this sender key."""
        if not verify_signature(sender_public_key, self.signature, self.manifest_raw):
            raise BundleRejected("bad_signature")

    def introduced_key(self, old_public_key: bytes) -> bytes:
        """The new public key the key-change statement introduces, once the old key signed it.

        Refuses a statement that does not name this bundle's sender and key, or whose new key id
        is not its new key's.
        """
        statement = self.key_change
        if statement is None:
            raise BundleRejected("untrusted_key", f"{self.manifest.sender_key_id} (unknown)")
        new_public = bytes.fromhex(statement.new_public_key)
        if (
            statement.unit != self.manifest.sender_unit
            or statement.new_key_id != self.manifest.sender_key_id
            or key_id_of(new_public) != statement.new_key_id
            or key_id_of(old_public_key) != statement.old_key_id
        ):
            raise BundleRejected("key_change", "does not match the bundle")
        if not verify_signature(old_public_key, self.key_change_signature, self.key_change_raw):
            raise BundleRejected("key_change", "bad signature")
        return new_public


def seal(
    draft: Manifest,
    payload: bytes,
    recipient: str,
    signer: SigningKey,
    key_change: tuple[bytes, bytes] | None = None,
) -> bytes:
    """The bundle bytes: the signed manifest, then the age file.

    `draft` gets the ciphertext's hash in place of whatever it held. The plaintext (the inner
    manifest line, then the payload) exists only in memory. `key_change` is the signer's
    key-change statement and the old key's signature over it, when the signer replaced a key.
    """
    try:
        to = x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        raise BundleRejected("bad_recipient") from None
    inner = canonical(draft.inner())
    ciphertext = bytes(pyrage.encrypt(inner + b"\n" + payload, [to]))
    manifest = draft.model_copy(update={"payload_sha256": hashlib.sha256(ciphertext).hexdigest()})
    raw = manifest_bytes(manifest)
    parse_manifest(raw)  # never sign what the district would refuse
    signature = base64.b64encode(signer.sign(raw))
    header = b"%smanifest %d\n%s\nsignature %s\n" % (MAGIC, len(raw), raw, signature)
    return header + _key_change_lines(key_change, signer) + b"\n" + ciphertext


def _key_change_lines(key_change: tuple[bytes, bytes] | None, signer: SigningKey) -> bytes:
    if key_change is None:
        return b""
    raw, signature = key_change
    if parse_key_change(raw).new_key_id != signer.key_id:
        raise BundleRejected("key_change", "not about the signing key")
    return b"key-change %d\n%s\nkey-change-signature %s\n" % (
        len(raw),
        raw,
        base64.b64encode(signature),
    )


def read_header(data: bytes) -> BundleHeader:
    """Parse the clear header of bundle bytes; every length is bounded before it is used."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRejected("bundle_too_large", f"{len(data)} bytes")
    if not data.startswith(MAGIC):
        raise BundleRejected("not_a_bundle")
    at = len(MAGIC)
    raw, at = _sized(data, at, b"manifest")
    manifest = parse_manifest(raw)
    line, at = _line(data, at)
    prefix, _space, encoded = line.partition(b" ")
    signature = _signature(prefix, encoded, b"signature")
    line, at = _line(data, at)
    if not line:
        return BundleHeader(manifest, raw, signature, at)
    change_raw, at = _sized(data, at - len(line) - 1, b"key-change")
    statement = parse_key_change(change_raw)
    line, at = _line(data, at)
    prefix, _space, encoded = line.partition(b" ")
    change_signature = _signature(prefix, encoded, b"key-change-signature")
    blank, at = _line(data, at)
    if blank:
        raise BundleRejected("header", "no blank line after the signatures")
    return BundleHeader(manifest, raw, signature, at, statement, change_raw, change_signature)


def _sized(data: bytes, at: int, name: bytes) -> tuple[bytes, int]:
    """A `<name> <n>` line, then n bytes and a newline; returns the bytes and where next starts."""
    line, at = _line(data, at)
    prefix, _space, length = line.partition(b" ")
    # One spelling of each number and of the signature: any other byte form of the same bundle
    # would hash differently and look, to the district, like a second bundle (equivocation).
    if prefix != name or not length.isdigit() or length != b"%d" % int(length):
        raise BundleRejected("header", f"{name.decode()} length")
    size = int(length)
    if size > MAX_MANIFEST_BYTES:
        raise BundleRejected("manifest_too_large", f"{size} bytes")
    raw, at = data[at : at + size], at + size
    if len(raw) != size or data[at : at + 1] != b"\n":
        raise BundleRejected("truncated", name.decode())
    return raw, at + 1


def open_payload(data: bytes, header: BundleHeader, identity: str) -> bytes:
    """The payload (JSON Lines), after the ciphertext's hash and the inner manifest match.

    Call only after `header.verify` with the sender's registered key. The import streams it
    instead (`stream_payload`); this whole copy is for tests and tools.
    """
    lines: list[bytes] = []
    stream_payload(data, header, identity, lines.append, max_line=len(data))
    return b"".join(line + b"\n" for line in lines)


def stream_payload(
    data: bytes,
    header: BundleHeader,
    identity: str,
    on_line: Callable[[bytes], None],
    *,
    max_line: int,
) -> None:
    """Decrypt the payload in chunks and hand each line (without its newline) to `on_line`.

    The ciphertext is hashed and read in place and the plaintext never exists whole: memory
    stays at the file plus what `on_line` keeps. A line longer than `max_line` is handed over
    cut at `max_line + 1` bytes, so the reader refuses it without it being buffered. An error
    `on_line` raises stops the reading; it is raised once decryption has ended, unless the
    ciphertext itself fails (then `cannot_decrypt`, as the damage is the first fault).
    Call only after `header.verify` with the sender's registered key.
    """
    ciphertext = memoryview(data)[header.payload_offset :]
    if hashlib.sha256(ciphertext).hexdigest() != header.manifest.payload_sha256:
        raise BundleRejected("payload_hash")
    lines = _Lines(canonical(header.manifest.inner()), on_line, max_line)
    try:
        pyrage.decrypt_io(_Reader(ciphertext), lines, [x25519.Identity.from_str(identity)])
    except (pyrage.DecryptError, OSError):
        raise BundleRejected("cannot_decrypt", "not for this district, or damaged") from None
    lines.finish()


class _Reader:
    """A file-like view of the ciphertext, read in place (no copy of the whole)."""

    def __init__(self, view: memoryview) -> None:
        self._view, self._at = view, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else min(len(self._view), self._at + size)
        chunk = bytes(self._view[self._at : end])
        self._at = end
        return chunk


class _Lines:
    """Receives the plaintext in chunks: checks the inner manifest line, then splits lines."""

    def __init__(self, inner: bytes, on_line: Callable[[bytes], None], max_line: int) -> None:
        self._inner, self._on_line, self._max = inner, on_line, max_line
        self._partial = bytearray()
        self._manifest_seen = False
        self.error: BundleRejected | None = None

    def write(self, chunk: bytes) -> int:
        if self.error is None:
            try:
                self._take(bytes(chunk))
            except BundleRejected as error:
                self.error = error
        return len(chunk)

    def flush(self) -> None:
        """Nothing is buffered beyond the current line."""

    def _take(self, chunk: bytes) -> None:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            self._partial += chunk[start:end]
            self._line(bytes(self._partial))
            self._partial.clear()
            start = end + 1
        self._partial += chunk[start:]
        if len(self._partial) > self._limit():
            self._line(bytes(self._partial[: self._limit() + 1]))
            raise BundleRejected("record", "a line without its end")  # not reached: refused

    def _limit(self) -> int:
        return self._max if self._manifest_seen else MAX_MANIFEST_BYTES

    def _line(self, line: bytes) -> None:
        if not self._manifest_seen:
            if line != self._inner:
                raise BundleRejected("inner_manifest_mismatch")
            self._manifest_seen = True
            return
        self._on_line(line)

    def finish(self) -> None:
        """After the last chunk: the last line (if it had no newline), then any error."""
        if self.error is None and not self._manifest_seen:
            self.error = BundleRejected("inner_manifest_mismatch")
        if self.error is None and self._partial:
            try:
                self._line(bytes(self._partial))
            except BundleRejected as error:
                self.error = error
        if self.error is not None:
            raise self.error


def _line(data: bytes, at: int) -> tuple[bytes, int]:
    end = data.find(b"\n", at, at + _LINE + 1)
    if end < 0:
        raise BundleRejected("truncated", "header line")
    return data[at:end], end + 1


def _signature(prefix: bytes, encoded: bytes, name: bytes) -> bytes:
    if prefix != name:
        raise BundleRejected("header", f"{name.decode()} line")
    try:
        signature = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise BundleRejected("header", "signature encoding") from None
    if len(signature) != 64:
        raise BundleRejected("header", "signature length")
    if base64.b64encode(signature) != encoded:
        raise BundleRejected("header", "signature encoding")
    return signature
