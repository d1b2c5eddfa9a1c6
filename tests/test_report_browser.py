"""report.html in a real browser: Debian's headless Chromium driven by Selenium, as a reviewer uses it.

The page comes from a real run (the seed articles plus one article carrying markup that must stay
text) with engine ``none``, so it is the same on every machine. In CI (TRANSLATE_CMP_CI=1) a missing
Chromium, chromedriver, Selenium or axe-core fails the test; elsewhere the module is skipped with the
reason. axe-core is vendored at install time (scripts/fetch-axe), never fetched here.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_cmp.cli.app import cli
from translate_cmp.testing import browser

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EVIL = "Readers saw <script>alert(1)</script> and <img src=x onerror=alert(2)> in the feed.\n"

pytestmark = [pytest.mark.slow]  # a real Chromium per module, seconds a page
_missing = browser.missing()
if _missing:
    reason = "browser test needs " + ", ".join(_missing)
    if os.environ.get("TRANSLATE_CMP_CI"):
        pytest.fail(reason, pytrace=False)
    pytestmark.append(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("articles")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    (src / "zz_markup.txt").write_text("A clean opening line.\n" + EVIL + "Olaf ScholzSaid it was fine.\n")
    out = tmp_path_factory.mktemp("run")
    res = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--engine", "none"])
    assert res.exit_code in (0, 1), res.output
    return out


@pytest.fixture(scope="module")
def driver():
    d = browser.chromium_driver()
    yield d
    d.quit()


@pytest.fixture()
def page(driver, run_dir):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get((run_dir / "report.html").as_uri())
    driver.get_log("browser")  # start each test with an empty console
    return driver



def shown_cards(d) -> list[tuple[str, int]]:
    """Cards not hidden by the filters (a card in a closed <details> counts as shown)."""
    return [tuple(x) for x in d.execute_script(
        "return Array.from(document.querySelectorAll('article.sent')).filter(c => !c.hidden"
        " && !c.closest('section').hidden).map(c => [c.dataset.doc, +c.dataset.sent]);"
    )]  # fmt: skip


def flags(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "flags.jsonl").read_text().splitlines() if line.strip()]


def test_summary_numbers_equal_documents_csv(page, run_dir):
    from selenium.webdriver.common.by import By

    rows = list(csv.DictReader((run_dir / "documents.csv").open(encoding="utf-8")))
    expected = {
        "documents": len(rows),
        "sentences": sum(int(r["n_sentences"]) for r in rows),
        "flagged": sum(int(r["n_flagged"]) for r in rows),
        "error": sum(int(r["n_error"]) for r in rows),
        "warning": sum(int(r["n_warning"]) for r in rows),
        "info": sum(int(r["n_info"]) for r in rows),
    }
    shown = {k: int(page.find_element(By.ID, f"sum-{k}").text.split()[0].replace(",", "")) for k in expected}
    assert shown == expected
    assert expected["flagged"] > 0


def test_rule_filter_shows_exactly_that_rules_sentences_and_lives_in_the_hash(page, run_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    by_code: dict[str, set] = {}
    for f in flags(run_dir):
        by_code.setdefault(f["code"], set()).add((f["doc_id"], f["sent_id"]))
    code = max(sorted(by_code), key=lambda c: len(by_code[c]))
    Select(page.find_element(By.ID, "f-rules")).select_by_value(code)
    assert set(shown_cards(page)) == by_code[code]
    assert len(shown_cards(page)) == len(by_code[code])
    assert f"rules={code}" in page.execute_script("return location.hash")
    assert f"{len(by_code[code])} of" in page.find_element(By.ID, "shown").text
    total = page.execute_script("return document.querySelectorAll('#flagged article.sent').length")
    assert page.find_element(By.CSS_SELECTOR, "[data-count=flagged]").text == f"({len(by_code[code])} of {total})"
    option = next(o for o in Select(page.find_element(By.ID, "f-doc")).options if o.get_attribute("value"))
    doc = option.get_attribute("value")  # the document options count only this rule's sentences now
    assert option.text == f"{doc} ({sum(1 for d, _ in by_code[code] if d == doc)})"
    # the link reproduces the view
    url = page.current_url
    page.get("about:blank")
    page.get(url)
    assert Select(page.find_element(By.ID, "f-rules")).first_selected_option.get_attribute("value") == code
    assert set(shown_cards(page)) == by_code[code]


def test_sort_by_document_order_and_back_to_risk(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    order = "return Array.from(document.querySelectorAll('#flagged article.sent')).map(c => [c.dataset.doc, +c.dataset.sent, +c.dataset.risk]);"  # noqa: E501
    by_risk = page.execute_script(order)
    assert [r for _, _, r in by_risk] == sorted((r for _, _, r in by_risk), reverse=True)
    Select(page.find_element(By.ID, "f-sort")).select_by_value("doc")
    by_doc = page.execute_script(order)
    assert by_doc == sorted(by_risk, key=lambda t: (t[0], t[1])) and by_doc != by_risk
    assert "sort=doc" in page.execute_script("return location.hash")
    Select(page.find_element(By.ID, "f-sort")).select_by_value("risk")
    assert page.execute_script(order) == by_risk


def test_search_narrows_the_rows(page):
    from selenium.webdriver.common.by import By

    before = shown_cards(page)
    box = page.find_element(By.ID, "f-q")
    box.send_keys("ScholzSaid")
    after = shown_cards(page)
    assert 0 < len(after) < len(before)
    texts = page.execute_script(
        "return Array.from(document.querySelectorAll('article.sent')).filter(c => !c.hidden).map(c => c.textContent);"
    )
    assert all("scholzsaid" in t.lower() for t in texts)
    box.clear()
    box.send_keys("no sentence has this zqxj")
    assert shown_cards(page) == []


def test_j_and_k_move_focus_between_flagged_cards(page):
    from selenium.webdriver.common.by import By

    flagged = page.execute_script(
        "return Array.from(document.querySelectorAll('article.sent.flagged')).map(c => c.id);"
    )
    assert len(flagged) >= 2
    body = page.find_element(By.TAG_NAME, "body")
    active = lambda: page.execute_script("return document.activeElement.id")  # noqa: E731
    body.send_keys("j")
    assert active() == flagged[0]
    page.switch_to.active_element.send_keys("j")
    assert active() == flagged[1]
    page.switch_to.active_element.send_keys("k")
    assert active() == flagged[0]


def test_markup_in_an_article_stays_text_no_dialog_no_console_errors(page):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert  # noqa: B018
    body = page.find_element(By.TAG_NAME, "body").get_attribute("textContent")
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert page.execute_script("return document.scripts.length") == 1
    page.find_element(By.ID, "f-q").send_keys("alert")  # filtering touches every card: still no dialog
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert  # noqa: B018
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_at_390px_there_is_no_page_wide_horizontal_scroll(page, tmp_path):
    browser.set_viewport(page, 390, 844)
    page.execute_script("document.querySelector('#unflagged details').open = true")
    assert page.execute_script("return window.innerWidth") == 390
    sw, cw = page.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sw <= cw
    shot = tmp_path / "report-390.png"
    page.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_axe_finds_no_serious_or_critical_violations(page):
    page.execute_script(browser.axe_path().read_text(encoding="utf-8"))
    page.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = page.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));"
    )
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_prints_to_at_most_10_pages_without_the_unflagged_sentences(page, tmp_path):
    pdf = browser.print_pdf(page)
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert 1 <= browser.pdf_pages(pdf) <= 10
    hidden = page.execute_script(
        "const s = document.getElementById('unflagged'); return s.classList.contains('noprint');"
    )
    assert hidden


def test_without_javascript_every_sentence_is_on_the_page(run_dir):
    from selenium.webdriver.common.by import By

    d = browser.chromium_driver(javascript=False)
    try:
        d.get((run_dir / "report.html").as_uri())
        assert not d.find_element(By.ID, "filters").is_displayed()
        cards = d.find_elements(By.CSS_SELECTOR, "article.sent.flagged")
        assert cards and all(c.is_displayed() for c in cards)
    finally:
        d.quit()


def test_seed_run_with_apertium_page_is_under_2mb_and_prints_to_at_most_10_pages(tmp_path):
    if shutil.which("apertium") is None:
        if os.environ.get("TRANSLATE_CMP_CI"):
            pytest.fail("apertium missing (.ci/apt-packages.txt)")
        pytest.skip("apertium not installed")
    import sys

    sys.path.insert(0, str(SEEDS.parent / "benchmarks"))
    from report_page import MAX_BYTES, MAX_PAGES, measure

    m = measure("apertium", tmp_path)
    assert m["bytes"] < MAX_BYTES and 1 <= m["pages"] <= MAX_PAGES


@pytest.fixture(scope="module")
def other_pages(tmp_path_factory, run_dir) -> dict[str, Path]:
    """The compare page (tests/test_compare.py's pair) and a diff page (engine none run vs an edited one)."""
    from test_compare import SOURCE, TRANSLATION

    tmp = tmp_path_factory.mktemp("pages")
    (tmp / "src.txt").write_text(SOURCE, encoding="utf-8")
    (tmp / "tgt.txt").write_text(TRANSLATION, encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(tmp / "src.txt"), str(tmp / "tgt.txt"), "--out", str(tmp / "cmp")])
    assert res.exit_code in (0, 1), res.output
    src = tmp / "edited"
    shutil.copytree(SEEDS, src)
    (src / "zz_markup.txt").write_text("A clean opening line.\n" + EVIL + "Talks will begin Between Moscow and Kyiv.\n")
    res = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp / "new"), "--engine", "none"])
    assert res.exit_code in (0, 1), res.output
    res = CliRunner().invoke(cli, ["diff", str(run_dir), str(tmp / "new"), "--html", str(tmp / "diff.html")])
    assert res.exit_code in (0, 1), res.output
    return {"compare": tmp / "cmp" / "report.html", "diff": tmp / "diff.html"}


@pytest.mark.parametrize("name", ["compare", "diff"])
def test_compare_and_diff_pages_filter_pass_axe_and_log_no_errors(driver, other_pages, name):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get(other_pages[name].as_uri())
    select = Select(driver.find_element(By.ID, "f-rules"))
    codes = [o.get_attribute("value") for o in select.options if o.get_attribute("value")]
    assert codes
    select.select_by_value(codes[0])
    rules = driver.execute_script(
        "return Array.from(document.querySelectorAll('article.sent')).filter(c => !c.hidden"
        " && !c.closest('section').hidden).map(c => c.dataset.rules);"
    )
    assert rules and all(codes[0] in r.split() for r in rules)
    driver.find_element(By.TAG_NAME, "body").send_keys("j")
    assert driver.execute_script("return document.activeElement.classList.contains('flagged')")
    driver.execute_script(browser.axe_path().read_text(encoding="utf-8"))
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact}))));"
    )
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    with pytest.raises(Exception, match="no such alert"):
        driver.switch_to.alert  # noqa: B018
