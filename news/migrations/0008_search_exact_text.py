"""Each search entry keeps its text's words as written (news.search_index.exact_form), so that
ranking asks the database whether the exact phrase is in the text instead of reading up to 200
texts back per query. Existing entries are filled in here, with the indexer's own function:
the column must agree with what the indexer writes from now on."""

from django.db import migrations, models

BATCH = 500


def fill(apps, schema_editor):
    from news.search_index import exact_form

    SearchEntry = apps.get_model("news", "SearchEntry")
    entries = SearchEntry.objects.using(schema_editor.connection.alias)
    batch = []
    for entry in entries.only("text").order_by("pk").iterator(chunk_size=BATCH):
        entry.exact_text = exact_form(entry.text)
        batch.append(entry)
        if len(batch) >= BATCH:
            entries.bulk_update(batch, ["exact_text"])
            batch = []
    entries.bulk_update(batch, ["exact_text"])


class Migration(migrations.Migration):
    dependencies = [("news", "0007_search_words")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="exact_text",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
