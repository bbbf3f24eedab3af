"""Screenshots of two example pages of the ``html`` format for docs/gallery.md.

Run: python examples/html_screenshots.py [OUT_DIR]   (default docs/gallery)

Needs headless Chromium and its driver (Debian ``chromium``, ``chromium-driver``)
and selenium (the ``dev`` extra). Each page is shot at a desktop width
(1280 px) and a narrow phone width (390 px), the top of the page and the plan's
timeline of the plan.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue import EXAMPLES, LABELS

from khsmodel_exporters.html import HtmlExporter

PAGES = ("002-khs-handlingsplan-2016-2017", "000-osu-sak-2-2016-saksframlegg")
SIZES = {"desktop": (1280, 900), "mobile": (390, 844)}


def main(argv: list[str]) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    out = Path(argv[0]) if argv else Path("docs/gallery")
    out.mkdir(parents=True, exist_ok=True)
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--disable-background-networking", "--force-device-scale-factor=1"):  # fmt: skip
        opts.add_argument(arg)
    driver = webdriver.Chrome(
        service=Service(shutil.which("chromedriver") or "chromedriver"), options=opts
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name in PAGES:
                options = {"labels": LABELS[name]} if name in LABELS else {}
                page = Path(tmp) / f"{name}.html"
                page.write_bytes(HtmlExporter().export(EXAMPLES[name](), **options))
                for size, (w, h) in SIZES.items():
                    driver.set_window_size(w, h)
                    driver.get(page.as_uri())
                    target = out / f"html-{name[:3]}-{size}.png"
                    driver.save_screenshot(str(target))
                    print(target)
                    if name == PAGES[0]:  # the plan's timeline, once
                        driver.execute_script(
                            "document.querySelector('.timeline').scrollIntoView()"
                        )
                        target = out / f"html-{name[:3]}-{size}-timeline.png"
                        driver.save_screenshot(str(target))
                        print(target)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
