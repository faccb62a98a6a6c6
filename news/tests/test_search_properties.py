"""Whatever a reader or a bot puts in the query string, search and filters answer, never 500."""

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Vietnamese letters, ASCII, LIKE wildcards, HTML, control characters and far-away Unicode.
text = st.text(
    alphabet=st.one_of(
        st.sampled_from("đĐảăâêôơưạấầẩẫậÀÁÃẠỲỴ%_\\*'\"<>&;/ -.,"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=250,
)
dates = st.one_of(
    text,
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.from_regex(r"\A[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,5}\Z"),
)
filter_params = st.fixed_dictionaries(
    {},
    optional={
        "tu_ngay": dates,
        "den_ngay": dates,
        "section": st.one_of(text, st.just("xay-dung-dang")),
        "topic": st.one_of(text, st.just("xây-dựng-đảng")),
        "official": st.one_of(text, st.just("nguyen-khac-toan")),
        "body": st.one_of(text, st.just("tinh-uy")),
        "page": st.one_of(text, st.integers(-5, 5).map(str)),
    },
)

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(q=text, page=st.one_of(st.none(), text, st.integers(-2, 3).map(str)))
def test_search_never_fails(demo, q, page):
    params = {"q": q} if page is None else {"q": q, "page": page}
    response = Client(raise_request_exception=False).get("/tim-kiem/", params)
    assert response.status_code in {200, 404}


@SETTINGS
@given(params=filter_params)
def test_filters_never_fail(demo, params):
    response = Client(raise_request_exception=False).get("/tin-tuc/", params)
    assert response.status_code in {200, 400, 404}
