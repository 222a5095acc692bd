import pytest
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
