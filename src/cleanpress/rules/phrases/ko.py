"""Korean phrases."""

PHRASES: dict[str, tuple[str, ...]] = {
    "text.dateline": (
        r"(?:기사입력|입력|수정|승인) ?: ?\[? ?\d{4}[-.]\d{2}[-.]\d{2}\.? \d{1,2}:\d{2} ?\]?",
    ),
}
