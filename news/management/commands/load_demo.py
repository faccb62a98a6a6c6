from django.core.management.base import BaseCommand

from news.demo import load_demo
from news.models import SearchEntry
from news.search_index import rebuild


class Command(BaseCommand):
    help = "Tạo nội dung mẫu: cây trang, bài hội nghị mẫu, nhân vật, cơ quan và số liệu (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        article = load_demo()
        if not SearchEntry.objects.exists():  # a database from before search was added
            rebuild()
        self.stdout.write(self.style.SUCCESS(f"Nội dung mẫu sẵn sàng: {article.url}"))
