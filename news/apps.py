from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from organisations import mentions

        from .queries import articles_mentioning

        mentions.register(articles_mentioning)
