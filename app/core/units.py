"""Numbers shown to people: sizes and rates in the units they expect."""


def human_size(n: float) -> str:
    """Decimal units, as file managers and the Hugging Face Hub show them."""
    if n < 1000:
        return f"{int(n)} bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        n /= 1000
        if n < 1000 or unit == "TB":
            return f"{n:.1f} {unit}"
    raise AssertionError("unreachable")
