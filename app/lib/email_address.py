"""Sign-up address checks: no invisible characters, one writing system, a valid syntax.

An address that renders like another one (a Cyrillic "а" among Latin letters, a zero-width
space, a right-to-left override) would make a second account that looks identical to the first
in every list. ``security.normalise_email`` folds the harmless variants (fullwidth, NFD); what
is left and still deceptive is refused here with its own code.
"""

from __future__ import annotations

import unicodedata

from confusable_homoglyphs import categories
from email_validator import EmailNotValidError, validate_email

from app.lib.errors import ValidationFailed
from app.lib.i18n import N_
from app.lib.security import normalise_email

MAX_EMAIL_LENGTH = 320

# Unicode categories no address needs: controls (NUL…), format characters (zero-width joiners,
# bidi overrides and isolates, soft hyphen), separators (every kind of space), surrogates,
# private use and unassigned code points.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})

# Special-use names an intranet install gives its own mail: mDNS ".local" (RFC 6762), ".test"
# and "localhost" (RFC 6761). email-validator refuses them as never globally deliverable; here
# they are checked as if under the reserved ".example" (which it accepts), so every label keeps
# its syntax check. ".invalid", ".onion" and ".arpa" stay refused: no mailbox lives there.
_INTRANET_SUFFIXES = frozenset({"local", "test", "localhost"})
_STAND_IN_SUFFIX = ".example"

# Characters every script shares (digits, "@", ".") and combining marks take no side.
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED"})

# UTS #39 "highly restrictive": one script, or Latin with the scripts Chinese, Japanese and
# Korean writing mixes with it. Anything else (Latin + Cyrillic, Latin + Greek…) is refused.
_ALLOWED_SCRIPT_MIXES = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)


def _scripts(text: str) -> set[str]:
    return {categories.alias(ch) for ch in text} - _NEUTRAL_SCRIPTS


def has_invisible_characters(text: str) -> bool:
    return any(unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in text)


def mixes_scripts(text: str) -> bool:
    scripts = _scripts(text)
    return len(scripts) > 1 and not any(scripts <= mix for mix in _ALLOWED_SCRIPT_MIXES)


def checked_email(raw: str) -> str:
    """The normalised address for a new account, or ``ValidationFailed`` with a precise code."""
    trimmed = raw.strip()  # a space typed before or after is a slip, not a trick
    if has_invisible_characters(trimmed):
        raise ValidationFailed(
            N_("The email address contains invisible or control characters."),
            code="auth.email_invisible_characters",
        )
    normalised = normalise_email(trimmed)
    if not normalised or len(normalised) > MAX_EMAIL_LENGTH:
        raise ValidationFailed(N_("Enter a valid email address."), code="auth.invalid_email")
    if has_invisible_characters(normalised):  # NFKC can map a character onto a space
        raise ValidationFailed(
            N_("The email address contains invisible or control characters."),
            code="auth.email_invisible_characters",
        )
    if mixes_scripts(normalised):
        raise ValidationFailed(
            N_("The email address mixes alphabets (for example Latin and Cyrillic letters)."),
            code="auth.email_mixed_scripts",
        )
    try:
        _check_syntax(normalised)
    except EmailNotValidError as exc:
        raise ValidationFailed(
            N_("Enter a valid email address."), code="auth.invalid_email"
        ) from exc
    return normalised


def _check_syntax(address: str) -> None:
    """email-validator's syntax rules, without its "globally deliverable" demands: a self-hosted
    install may use a single-label or intranet domain (``ana@corp``, ``ana@intranet.local``)."""
    last_label = address.rpartition("@")[2].rpartition(".")[2]
    if last_label in _INTRANET_SUFFIXES:
        address += _STAND_IN_SUFFIX
    validate_email(
        address, check_deliverability=False, globally_deliverable=False, allow_smtputf8=True
    )
