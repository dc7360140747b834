"""The answer pages in a real browser: headless Chromium (Debian's, through its
chromedriver) opens a link served by uvicorn on 127.0.0.1, the customer submits the form,
and the test reads the page and the store. Every page, in every language, is kept as a
screenshot under test-output/screenshots/ (or $ALIGNBOT_TEST_OUTPUT) for a person to look
at. Without Chromium these tests are skipped locally and fail when CI=true, like the
PostgreSQL ones: `make test` installs it (apt-get, as root).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import Engine

from bot.resolution.links import Choice
from bot.store import make_engine, upgrade
from bot.web.messages import LANGUAGES, MESSAGES
from tests.resolution.resolution_support import NOW, add_ticket, answer_tables, token
from tests.web.web_support import make_app, serving

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
OUTPUT = Path(
    os.environ.get("ALIGNBOT_TEST_OUTPUT", Path(__file__).resolve().parents[2] / "test-output")
)
WAIT_SECONDS = 15
#: The button's colour in page.css: if the CSP blocked the inline stylesheet, it would be grey.
BUTTON_BLUE = (11, 79, 138)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        message = (
            "the browser tests need Debian's chromium and chromium-driver "
            "(`make test` installs them as root; else: sudo apt-get install chromium "
            "chromium-driver)"
        )
        if IN_CI:
            pytest.fail(message + " (CI=true: the browser tests must run)")
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",  # tests run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=820,1000",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def screenshots() -> Path:
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def speak(driver: WebDriver, language: str) -> None:
    """The browser's Accept-Language from now on (the only hint on a forged link's page)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.setExtraHTTPHeaders", {"headers": {"Accept-Language": language}}
    )


def h1(driver: WebDriver) -> str:
    return str(driver.find_element(By.TAG_NAME, "h1").text)


def shoot(driver: WebDriver, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert driver.save_screenshot(str(path)), path
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def rgb(css_colour: str) -> tuple[int, int, int]:
    """The red, green and blue of a computed colour, "rgb(1, 2, 3)" or "rgba(1, 2, 3, 1)"."""
    red, green, blue = (int(c) for c in re.findall(r"\d+", css_colour)[:3])
    return red, green, blue


def luminance(css_colour: str) -> float:
    channels = [c / 255 for c in rgb(css_colour)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_accessible(driver: WebDriver, language: str) -> None:
    """The page says its language, has one heading, labels every control, shows every text
    at WCAG AA contrast (4.5:1), runs no script, and the browser reported no error (a CSP
    violation is one)."""
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    assert driver.find_elements(By.TAG_NAME, "script") == []
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio]"):
        labels = driver.find_elements(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']")
        assert len(labels) == 1 and labels[0].text.strip(), radio.get_attribute("id")
    if driver.find_elements(By.TAG_NAME, "fieldset"):
        assert driver.find_element(By.TAG_NAME, "legend").text.strip()
    page = driver.find_element(By.TAG_NAME, "body").value_of_css_property("background-color")
    for element in driver.find_elements(By.CSS_SELECTOR, "h1, p, legend, label"):
        colour = element.value_of_css_property("color")
        assert contrast(colour, page) >= 4.5, (element.text, colour, page)
    for button in driver.find_elements(By.TAG_NAME, "button"):
        background = button.value_of_css_property("background-color")
        assert rgb(background) == BUTTON_BLUE  # the stylesheet applied: the CSP let it through
        assert contrast(button.value_of_css_property("color"), background) >= 4.5
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    # A page served with an error status is itself logged as a failed resource load.
    assert [e for e in errors if "status of" not in e["message"]] == [], errors


def submit(driver: WebDriver, rating: int | None) -> None:
    before = driver.current_url
    if rating is not None:
        driver.find_element(By.CSS_SELECTOR, f"label[for='rating-{rating}']").click()
        assert driver.find_element(By.ID, f"rating-{rating}").is_selected()
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.current_url != before)


def test_a_customer_answers_in_the_browser_and_the_store_records_it(
    browser: WebDriver, engine: Engine, screenshots: Path
) -> None:
    add_ticket(engine, 7, locale="es-419")
    speak(browser, "en-US")
    text = token(7, "7-1", Choice.NEED_HELP)
    with serving(make_app(engine)) as base:
        url = f"{base}/r/7/{text}"
        browser.get(url)
        browser.refresh()  # a mail scanner's second look
        name = f"flow-{engine.dialect.name}"
        shoot(browser, screenshots, f"{name}-1-form")
        assert h1(browser) == MESSAGES["es"]["need_help_heading"]
        check_accessible(browser, "es")
        assert answer_tables(engine) == {"uses": [], "answers": []}

        submit(browser, rating=4)
        shoot(browser, screenshots, f"{name}-2-answered")
        assert browser.current_url == f"{base}/r/7/answer"
        assert h1(browser) == MESSAGES["es"]["done_title"]
        body = browser.find_element(By.TAG_NAME, "main").text
        assert MESSAGES["es"]["need_help_done"] in body
        assert "Tu valoración: 4 de 5." in body
        check_accessible(browser, "es")

        browser.get(url)
        shoot(browser, screenshots, f"{name}-3-used")
        assert h1(browser) == MESSAGES["es"]["used_title"]
        assert "3 de diciembre de 2026" in browser.find_element(By.TAG_NAME, "main").text

    tables = answer_tables(engine)
    assert [(u["request_id"], u["choice"]) for u in tables["uses"]] == [("7-1", "need_help")]
    assert [(a["choice"], a["rating"], a["locale"], a["via"]) for a in tables["answers"]] == [
        ("need_help", 4, "es", "link")
    ]


def test_every_page_in_every_language_for_a_person_to_review(
    browser: WebDriver, tmp_path: Path, screenshots: Path
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'alignbot.db'}")
    upgrade(engine)
    shot: list[Path] = []
    try:
        with serving(make_app(engine)) as base:
            for number, language in enumerate(LANGUAGES):
                t = MESSAGES[language]
                ticket = 100 + number
                add_ticket(engine, ticket, locale=language)
                speak(browser, language)

                def visit(name: str, path: str, title: str, language: str = language) -> None:
                    browser.get(base + path)
                    shot.append(shoot(browser, screenshots, f"{language}-{name}"))
                    assert h1(browser) == title, (language, name)
                    check_accessible(browser, language)

                for choice in Choice:
                    link = token(ticket, f"{ticket}-{choice}", choice, locale=language)
                    visit(f"form-{choice.value}", f"/r/{ticket}/{link}", t[f"{choice}_heading"])
                request = f"{ticket}-{Choice.CONFIRM}"
                browser.get(f"{base}/r/{ticket}/{token(ticket, request, locale=language)}")
                submit(browser, rating=5)
                shot.append(shoot(browser, screenshots, f"{language}-answered"))
                assert h1(browser) == t["done_title"]
                check_accessible(browser, language)

                used = token(ticket, request, Choice.CLOSE, locale=language)
                visit("used", f"/r/{ticket}/{used}", t["used_title"])
                expired = token(ticket, "old", expires_at=NOW - timedelta(days=1))
                visit("expired", f"/r/{ticket}/{expired}", t["expired_title"])
                visit("forged", f"/r/{ticket}/{used[:-2]}", t["forged_title"])
                other = token(ticket + 1000, "x", locale=language)
                visit("other-ticket", f"/r/{ticket}/{other}", t["other_ticket_title"])
                unknown = token(999_999, "y", locale=language)
                visit("unknown", f"/r/999999/{unknown}", t["unknown_title"])
                visit("not-found", "/nothing", t["not_found_title"])
    finally:
        engine.dispose()

    # form x3, answered, used, expired, forged, other ticket, unknown, not found
    assert len(set(shot)) == len(LANGUAGES) * 10
