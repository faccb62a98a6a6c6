"""POST data for the article edit form, built from a page as the admin's JavaScript would send it.

Admin tests submit, publish and preview through the real views; building the data from the page
keeps each test to the one field it changes.
"""

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def _block_value(block):
    if block.block_type == "paragraph":
        return rich_text(block.value.source, features=PARAGRAPH_FEATURES)
    if block.block_type == "figures":
        observations = block.value["observations"]
        return {
            "heading": block.value["heading"],
            "observations": {
                "count": str(len(observations)),
                **{
                    str(i): {"value": obs.pk, "deleted": "", "order": str(i), "id": ""}
                    for i, obs in enumerate(observations)
                },
            },
        }
    if block.block_type in ("heading",):
        return block.value
    if block.block_type == "quote":
        return {"text": block.value["text"], "attribution": block.value["attribution"]}
    raise NotImplementedError(block.block_type)


def edit_form_data(page, **changes):
    """Data the edit view of a saved article would send: its latest revision, then `changes`."""
    latest = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    return article_form_data(latest, **changes)


def article_form_data(page, **changes):
    """Form data reproducing `page` as given (in-memory edits included), then `changes`. For a
    saved page, build it from what the edit view loads (edit_form_data), or links are doubled."""
    links = list(page.official_links.all())
    bodies = list(page.body_links.all())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": page.lead,
            "published_at": timezone.localtime(page.published_at).strftime("%d/%m/%Y %H:%M"),
            "byline": page.byline,
            "tags": ", ".join(f'"{tag.name}"' for tag in page.tags.all()),
            "body": streamfield([(b.block_type, _block_value(b)) for b in page.body]),
            "official_links": inline_formset(
                [
                    {
                        "id": link.pk or "",
                        "official": link.official_id,
                        "role": link.role,
                        "printed_title": link.printed_title,
                    }
                    for link in links
                ],
                initial=sum(1 for link in links if link.pk),
            ),
            "body_links": inline_formset(
                [{"id": link.pk or "", "body": link.body_id} for link in bodies],
                initial=sum(1 for link in bodies if link.pk),
            ),
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data.update(changes)
    return data
