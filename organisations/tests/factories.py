"""Factories for the organisations models (factory_boy), instead of fixtures full of keys."""

import datetime

import factory

from organisations.models import Body, BodyKind, Indicator, Observation, Official, Post, Tenure


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Ban số {n}")
    kind = BodyKind.BOARD


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    body = factory.SubFactory(BodyFactory)
    role = factory.Sequence(lambda n: f"Trưởng {n}")


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")


class TenureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tenure

    official = factory.SubFactory(OfficialFactory)
    post = factory.SubFactory(PostFactory)
    start = datetime.date(2020, 1, 1)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    unit = "đảng viên"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    body = factory.SubFactory(BodyFactory)
    value = 100
    date = datetime.date(2021, 11, 10)
