"""Admin widgets with the project's Vietnamese rules."""

from wagtail.admin.widgets import SlugInput

from .text import fold

# Every Vietnamese letter with a diacritic, lower and upper case.
VIETNAMESE_LETTERS = (
    "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
    "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
)


def _formatters():
    """One (character class, ASCII letter) pair per base letter: [àáạ…] → a, [Đ] → D."""
    groups = {}
    for letter in VIETNAMESE_LETTERS:
        base = fold(letter)
        groups.setdefault(base.upper() if letter.isupper() else base, []).append(letter)
    return [(f"[{''.join(letters)}]", base) for base, letters in sorted(groups.items())]


# Wagtail's admin slug helper has no Vietnamese map: it drops đ and every accented vowel
# ("Đảng" → "dng"). These formatters run first and fold them as organisations.text.vn_slugify
# does on the server, so the slug an editor sees is the one that is saved.
VIETNAMESE_SLUG_FORMATTERS = _formatters()


def vietnamese_slug_widget():
    return SlugInput(formatters=VIETNAMESE_SLUG_FORMATTERS)
