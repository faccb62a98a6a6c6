from django.core.management.base import BaseCommand

from news.search_index import rebuild


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm (bài viết đang đăng, nhân vật, cơ quan). Chỉ cần khi dữ liệu "
        "được sửa ngoài ứng dụng: bình thường chỉ mục tự cập nhật khi đăng, gỡ, sửa."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {count} mục."))
