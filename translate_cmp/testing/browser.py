"""Debian's Chromium driven by Selenium, for the report's browser test and screenshot script.

Always the system binaries (``/usr/bin/chromium``, ``/usr/bin/chromedriver``; override with
``TRANSLATE_CMP_CHROMIUM`` / ``TRANSLATE_CMP_CHROMEDRIVER``), never a downloaded browser: the
driver path is given to ``Service`` explicitly, so Selenium Manager never runs. axe-core is
vendored at install time by ``scripts/fetch-axe`` (``.cache/axe/``, gitignored), never at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--disable-sync")  # fmt: skip


def _binary(env: str, default: str) -> str | None:
    path = os.environ.get(env) or default
    return path if Path(path).is_file() else None


def chromium_path() -> str | None:
    return _binary("TRANSLATE_CMP_CHROMIUM", "/usr/bin/chromium")


def chromedriver_path() -> str | None:
    return _binary("TRANSLATE_CMP_CHROMEDRIVER", "/usr/bin/chromedriver")


def axe_path() -> Path | None:
    """axe.min.js from ``TRANSLATE_CMP_AXE`` or the folder scripts/fetch-axe fills."""
    env = os.environ.get("TRANSLATE_CMP_AXE")
    path = Path(env) if env else ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
    return path if path.is_file() else None


def missing() -> list[str]:
    """What the browser test needs and this machine lacks (empty when it can run)."""
    out = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        out.append("selenium (pip install -e '.[dev]')")
    if chromium_path() is None:
        out.append("/usr/bin/chromium (apt-get install chromium)")
    if chromedriver_path() is None:
        out.append("/usr/bin/chromedriver (apt-get install chromium-driver)")
    if axe_path() is None:
        out.append("axe-core (scripts/fetch-axe)")
    return out


def chromium_driver(width: int = 1280, height: int = 900, *, javascript: bool = True):
    """A headless Chromium WebDriver with browser console logging on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path() or "/usr/bin/chromium"
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--window-size={width},{height}")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=chromedriver_path() or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def set_viewport(driver, width: int, height: int) -> None:
    """The page's layout viewport exactly ``width`` x ``height`` CSS pixels (a phone, say)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})  # fmt: skip


def pdf_pages(pdf: bytes) -> int:
    """Page count of a PDF Chromium printed (its page objects are not compressed into streams)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def print_pdf(driver) -> bytes:
    """The current page as Chrome prints it by default: Letter, default margins, backgrounds off."""
    import base64

    result = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    return base64.b64decode(result["data"])
