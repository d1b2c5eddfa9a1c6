"""Screenshots of the three pages for the README: docs/report.png, docs/report-compare.png, docs/report-diff.png.

    python scripts/report_screenshots.py [--engine auto]

1. report.html of ``translate-cmp run seeds/``;
2. report.html of ``translate-cmp compare``: the first 14 sentences of seeds/001 against their
   Apertium Spanish translation with one sentence left out and one added;
3. diff.html of ``translate-cmp diff``: the seed run against a run on seeds/ with three artefacts
   fixed and one introduced.
Debian's headless Chromium through Selenium (translate_cmp/testing/browser.py); nothing is fetched.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.testing import browser

ROOT = Path(__file__).resolve().parent.parent
FIXES = {"out“The French": "out,” the French", "ScholzSaid": "Scholz said", "it”said": "it,” said"}
BREAK = ("Ukraine.", "Ukraine. Talks will begin Between Moscow and Kyiv.")


def cli_run(*args: str) -> None:
    res = CliRunner().invoke(cli, list(args))
    if res.exit_code not in (0, 1):
        raise SystemExit(f"translate-cmp {' '.join(args)} failed:\n{res.output}")


def compare_inputs(tmp: Path) -> tuple[Path, Path]:
    from translate_cmp.engines.apertium import ApertiumEngine
    from translate_cmp.records import Document
    from translate_cmp.segment import segment

    seed = ROOT / "seeds" / "001_616e2b56894871fe.txt"
    sentences = [s.text.strip() for s in segment(Document("d", str(seed), seed.read_text(encoding="utf-8")))][:14]
    spanish = [t.text for t in ApertiumEngine().translate(sentences, "en", "es")]
    del spanish[4]
    spanish.insert(9, "Suscríbase a nuestro boletín para recibir todas las noticias.")
    (tmp / "source.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    (tmp / "translation.txt").write_text(" ".join(spanish) + "\n", encoding="utf-8")
    return tmp / "source.txt", tmp / "translation.txt"


def shoot(page: Path, png: Path, width: int = 1100, height: int = 1300) -> None:
    driver = browser.chromium_driver(width, height)
    try:
        driver.get(page.as_uri())
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
    print(f"{png.relative_to(ROOT)} <- {page.name} ({page.stat().st_size / 1000:.0f} kB)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", default="auto")
    args = ap.parse_args()
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        cli_run("run", str(ROOT / "seeds"), "--out", str(tmp / "seed"), "--engine", args.engine)
        shoot(tmp / "seed" / "report.html", docs / "report.png")

        src, tgt = compare_inputs(tmp)
        cli_run("compare", str(src), str(tgt), "--out", str(tmp / "cmp"), "--engine", args.engine)
        shoot(tmp / "cmp" / "report.html", docs / "report-compare.png")

        edited = tmp / "edited"
        shutil.copytree(ROOT / "seeds", edited)
        for path in edited.glob("*.txt"):
            text = path.read_text(encoding="utf-8")
            for old, new in FIXES.items():
                text = text.replace(old, new)
            if path.name.startswith("000_"):
                text = text.replace(*BREAK, 1)
            path.write_text(text, encoding="utf-8")
        cli_run("run", str(edited), "--out", str(tmp / "new"), "--engine", args.engine)
        cli_run("diff", str(tmp / "seed"), str(tmp / "new"), "--html", str(tmp / "diff.html"))
        shoot(tmp / "diff.html", docs / "report-diff.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
