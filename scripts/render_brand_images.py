"""Render the raster brand images in static/img from static/img/logo.svg with Debian's chromium.

Social networks and Google ignore SVG for og:image and the NewsArticle publisher logo, so the
share card (1200×630), the publisher logo (600×60) and the touch icon (180×180) are PNGs, and
/favicon.ico is an ICO made from the touch icon.
Run once after changing the logo: .venv/bin/python scripts/render_brand_images.py
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parent.parent / "static" / "img"
FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
NAME = "Tin Hội nghị tỉnh"
TAGLINE = "Tin hội nghị, hoạt động của các cơ quan Đảng và chính quyền tỉnh"

PAGES = {
    "share-card.png": (
        1200,
        630,
        f"""<body style="margin:0;width:1200px;height:630px;background:#a30f0f;display:flex;
        flex-direction:column;justify-content:center;padding:0 96px;box-sizing:border-box;
        font-family:{FONT};color:#fff">
        <div style="display:flex;align-items:center;gap:40px">
          <div style="background:#fff;border-radius:28px;padding:14px;line-height:0">{{logo}}</div>
          <div style="font-size:72px;font-weight:700;white-space:nowrap">{NAME}</div></div>
        <div style="font-size:38px;margin-top:48px;max-width:960px;line-height:1.35">{TAGLINE}</div>
        </body>""",
    ),
    "publisher-logo.png": (
        600,
        60,
        f"""<body style="margin:0;width:600px;height:60px;background:#fff;display:flex;
        align-items:center;gap:16px;font-family:{FONT};color:#a30f0f">{{logo}}
        <div style="font-size:38px;font-weight:700">{NAME}</div></body>""",
    ),
    "apple-touch-icon.png": (180, 180, "<body style='margin:0;line-height:0'>{logo}</body>"),
}
LOGO_SIZES = {"share-card.png": 160, "publisher-logo.png": 60, "apple-touch-icon.png": 180}


def main():
    svg = (STATIC / "logo.svg").read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless=new"]
        )
        for name, (width, height, html) in PAGES.items():
            size = LOGO_SIZES[name]
            logo = svg.replace('width="32" height="32"', f'width="{size}" height="{size}"')
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_content(f"<meta charset='utf-8'>{html.replace('{logo}', logo)}")
            page.screenshot(
                path=str(STATIC / name), clip={"x": 0, "y": 0, "width": width, "height": height}
            )
            page.close()
        browser.close()
    # /favicon.ico, which browsers and crawlers ask for whatever the <link rel="icon"> says
    from PIL import Image

    with Image.open(STATIC / "apple-touch-icon.png") as icon:
        icon.save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
