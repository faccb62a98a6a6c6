from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from organisations import mentions

        from .queries import articles_mentioning

        mentions.register(articles_mentioning)

        from . import search_signals

        search_signals.connect()

        # Page cache invalidation and CDN purges (news.cache), for organisations models too.
        from . import cache_signals

        cache_signals.connect()

        from . import tag_slugs

        tag_slugs.connect()
