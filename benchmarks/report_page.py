"""The seed run's report.html: page size and printed pages (Chromium's PDF, backgrounds off).

    python benchmarks/report_page.py [--engine auto|apertium|none]

Runs ``translate-cmp run seeds/`` into a temporary folder, prints the page with Debian's headless
Chromium (through Selenium, the same driver as tests/test_report_browser.py) and checks the targets:
under 2 MB and at most 10 printed pages. Exit 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.testing import browser

ROOT = Path(__file__).resolve().parent.parent
MAX_BYTES = 2_000_000
MAX_PAGES = 10


def measure(engine: str, out: Path) -> dict:
    res = CliRunner().invoke(cli, ["run", str(ROOT / "seeds"), "--out", str(out), "--engine", engine])
    if res.exit_code not in (0, 1):
        raise SystemExit(f"run failed: {res.output}")
    page = out / "report.html"
    driver = browser.chromium_driver()
    try:
        driver.get(page.as_uri())
        pdf = browser.print_pdf(driver)
    finally:
        driver.quit()
    return {"engine": engine, "bytes": page.stat().st_size, "pages": browser.pdf_pages(pdf)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", default="auto")
    args = ap.parse_args()
    missing = browser.missing()
    if missing:
        print("needs " + ", ".join(missing), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        m = measure(args.engine, Path(tmp))
    ok = m["bytes"] < MAX_BYTES and m["pages"] <= MAX_PAGES
    print(f"engine {m['engine']}: report.html {m['bytes'] / 1000:.0f} kB (target < {MAX_BYTES / 1e6:.0f} MB), "
          f"{m['pages']} printed pages (target <= {MAX_PAGES}): {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
