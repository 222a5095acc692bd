import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from reportgen.kinds.figure import Figure, format_number


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (Figure(value=1.26, unit="万个", precision=2), "1.26万个"),
        (Figure(value=1.255, unit="万个", precision=2), "1.26万个"),  # half up, not to even
        (Figure(value=93.6, unit="%", precision=1), "93.6%"),
        (Figure(value=93, unit="%", precision=1), "93.0%"),
        (Figure(value=1984, unit="个"), "1984个"),
        (Figure(value=2.5, unit="项"), "3项"),
        (Figure(unit="万个", precision=2), "*.**万个"),
        (Figure(unit="%", precision=1), "**.*%"),
        (Figure(unit="项"), "*项"),
        (Figure(unit="个月", digits=2), "**个月"),
        (Figure(value="", unit="种"), "*种"),
        (Figure(value="1,234", unit="户"), "1234户"),
    ],
)
def test_figures_are_written_as_official_documents_write_them(figure, expected):
    assert figure.formatted() == expected


def test_a_figure_value_must_be_a_number():
    with pytest.raises(ValidationError):
        Figure(value="约一万", unit="个")


def test_rounding_is_exact_decimal():
    assert format_number(0.125, 2) == "0.13"
    assert format_number(2.675, 2) == "2.68"  # float 2.675 is 2.67499…; decimal text is kept


def _decimal_half_up(value: object, precision: int) -> object:
    """The formatting as decimal does it (what format_number promises), or the error it raises."""
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    try:
        return str(number.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP))
    except InvalidOperation as error:
        return type(error)


@settings(max_examples=3000, deadline=None)
@given(
    value=st.one_of(
        st.integers(-(10**16), 10**16),
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(-1e6, 1e6),
        st.decimals(-10000, 10000, places=4).map(float),
        st.sampled_from([0.5, 1.5, 2.5, -0.5, -0.0, 1.005, 2.675, 1e-9, 5e-324, 1e16]),
    ),
    precision=st.integers(0, 6),
)
def test_format_number_is_decimals_half_up_rounding(value: float | int, precision: int) -> None:
    """format_number works on the digits without importing decimal: the same text, and the
    same error where decimal has one (a number too long for its precision)."""
    try:
        got: object = format_number(value, precision)
    except ArithmeticError as error:
        got = type(error)
    assert got == _decimal_half_up(value, precision)
