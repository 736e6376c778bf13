"""The reviewer's page in a real browser: headless Chromium (Debian's) driven by selenium.

The page is written by the CLI as a user would (``--format html -o``), opened
from a ``file://`` URL and used: the count shown, a click on a finding that
must bring its cell into view, the related operands, the filters, the rule
explanation, and a report whose text tries to run a script. Screenshots go to
the test's temporary folder. Without Chromium and chromedriver the tests skip
and say why; ``.ci/run`` installs both and sets ``GSILINT_BROWSER_TESTS=required``
(then a missing browser fails instead of skipping), so CI always runs them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import seed_text

from gsilint.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if (CHROMIUM is None or CHROMEDRIVER is None) and os.environ.get(
    "GSILINT_BROWSER_TESTS"
) == "required":
    pytest.fail("GSILINT_BROWSER_TESTS=required but Chromium or chromedriver is missing")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        "needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (the test extra)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HERE = Path(__file__).parent
TABLE_SUM = (HERE / "rules" / "A305" / "bad.txt").read_text(encoding="utf-8")
WIDTH, HEIGHT = 1400, 900


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    """Three reports (one body in two years, a seed) as review.html, and their JSON findings."""
    root = tmp_path_factory.mktemp("review")
    reports = root / "reports"
    reports.mkdir()
    (reports / "hongze_2024.txt").write_text(TABLE_SUM, encoding="utf-8")
    (reports / "hongze_2023.txt").write_text(
        TABLE_SUM.replace("2024年", "2023年"), encoding="utf-8"
    )
    (reports / "seed.txt").write_text(seed_text(4), encoding="utf-8")
    page = root / "review.html"
    runner = CliRunner()
    res = runner.invoke(
        main, ["check", str(reports), "--format", "html", "-o", str(page), "--no-cache"]
    )
    assert res.exit_code == 1, res.output
    res = runner.invoke(main, ["check", str(reports), "--format", "json", "--no-cache"])
    return page, json.loads(res.output)


def open_page(driver, page: Path) -> None:
    driver.get(page.as_uri())
    driver.get_log("browser")  # start each page with an empty console


def in_view(driver, el) -> bool:
    """The element's box lies inside the viewport, below the sticky header."""
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "const h = document.querySelector('header.top').getBoundingClientRect().bottom;"
        "return r.width > 0 && r.height > 0 && r.top >= h - 1 && r.bottom <= window.innerHeight"
        " && r.left >= 0 && r.right <= window.innerWidth;",
        el,
    )


def console_errors(driver) -> list:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def click_finding(driver, code: str):
    """Click the first finding of ``code`` in the panel; returns (its number, the item)."""
    item = driver.find_element(By.CSS_SELECTOR, f'li.finding[data-code="{code}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", item)
    item.find_element(By.CSS_SELECTOR, ".msg").click()
    return item.get_attribute("data-k"), item


def test_count_shown_is_the_count_of_findings(browser, review):
    page, findings = review
    open_page(browser, page)
    assert browser.find_element(By.ID, "total-count").text == str(len(findings))
    assert browser.find_element(By.ID, "shown-count").text == str(len(findings))
    items = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert len(items) == len(findings)
    assert [i.get_attribute("data-code") for i in items] == [f["code"] for f in findings]
    assert console_errors(browser) == []


def test_clicking_a_finding_brings_its_cell_into_view(browser, review, tmp_path):
    page, _ = review
    open_page(browser, page)
    browser.save_screenshot(str(tmp_path / "overview.png"))
    k, item = click_finding(browser, "A305")
    cell = browser.find_element(By.CSS_SELECTOR, f'.doc td[data-f~="{k}"]')
    assert cell.text == "51"
    assert in_view(browser, cell)
    assert "active" in cell.get_attribute("class").split()
    assert "active" in item.get_attribute("class").split()
    # its operands light up in the second colour
    related = browser.find_elements(By.CSS_SELECTOR, f'.doc td[data-rk~="{k}"]')
    assert len(related) >= 7
    assert all("active" in r.get_attribute("class").split() for r in related)

    def background(el) -> str:
        return browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", el)

    operand = next(r for r in related if r != cell)
    # an error's cell in the error shade (once its flash is over), an operand in the second
    # colour (review.css :root)
    WebDriverWait(browser, 5).until(lambda _: background(cell) == "rgb(251, 213, 213)")
    assert background(operand) == "rgb(220, 245, 220)"
    browser.save_screenshot(str(tmp_path / "cell.png"))
    assert (tmp_path / "cell.png").stat().st_size > 10_000
    # a related place, from its link in the panel: the (七)总计 cell far below
    link = item.find_elements(By.CSS_SELECTOR, "a.rl")[0]
    link.click()
    target = browser.find_element(
        By.CSS_SELECTOR, f'.doc [data-r~="{link.get_attribute("data-r")}"]'
    )
    assert in_view(browser, target)
    assert not in_view(browser, cell) or target == cell
    browser.save_screenshot(str(tmp_path / "related.png"))
    assert console_errors(browser) == []


def test_clicking_a_text_finding_scrolls_to_its_span(browser, review):
    page, findings = review
    open_page(browser, page)
    prose = next(f for f in findings if f["file"].endswith("seed.txt"))
    k, _ = click_finding(browser, prose["code"])
    mark = browser.find_element(By.CSS_SELECTOR, f'.doc [data-f~="{k}"]')
    assert in_view(browser, mark)


def test_filters_by_severity_and_family(browser, review, tmp_path):
    page, findings = review
    open_page(browser, page)
    error = browser.find_element(By.CSS_SELECTOR, 'input.flt-sev[value="error"]')
    error.click()
    rest = [f for f in findings if f["severity"] != "error"]
    assert browser.find_element(By.ID, "shown-count").text == str(len(rest))
    shown = [
        i.get_attribute("data-code")
        for i in browser.find_elements(By.CSS_SELECTOR, "li.finding")
        if i.is_displayed()
    ]
    assert shown == [f["code"] for f in rest]
    # an error's cell no longer looks marked
    k = browser.find_element(By.CSS_SELECTOR, 'li.finding[data-code="A305"]').get_attribute(
        "data-k"
    )
    cell = browser.find_element(By.CSS_SELECTOR, f'.doc td[data-f~="{k}"]')
    assert "off" in cell.get_attribute("class").split()
    browser.save_screenshot(str(tmp_path / "no-errors.png"))
    error.click()
    assert browser.find_element(By.ID, "shown-count").text == str(len(findings))
    assert "off" not in cell.get_attribute("class").split()
    family = browser.find_element(By.CSS_SELECTOR, 'input.flt-fam[value="A"]')
    family.click()
    rest = [f for f in findings if not f["code"].startswith("A")]
    assert browser.find_element(By.ID, "shown-count").text == str(len(rest))
    family.click()


def test_rule_explanation_on_demand(browser, review):
    page, _ = review
    open_page(browser, page)
    _, item = click_finding(browser, "A305")
    item.find_element(By.CSS_SELECTOR, "a.code").click()
    dialog = browser.find_element(By.ID, "ruledoc")
    assert dialog.get_attribute("open") is not None
    assert "A305 row-total" in dialog.text
    dialog.find_element(By.CSS_SELECTOR, "button.x").click()
    assert dialog.get_attribute("open") is None


def test_a_report_cannot_run_script(browser, tmp_path):
    hostile = TABLE_SUM.replace(
        "全面推进政务公开工作。",
        "全面推进政务公开工作。<script>window.pwned = 1</script>"
        '<img src=x onerror="window.pwned = 2"> & "引号" \'x\'',
        1,
    )
    report = tmp_path / "hostile.txt"
    report.write_text(hostile, encoding="utf-8")
    page = tmp_path / "review.html"
    res = CliRunner().invoke(main, ["check", str(report), "--format", "html", "-o", str(page)])
    assert res.exit_code == 1
    open_page(browser, page)
    assert browser.execute_script("return window.pwned === undefined")
    para = browser.find_element(By.XPATH, "//article//p[contains(., '全面推进政务公开工作')]")
    assert para.text.endswith(
        '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> & "引号" \'x\''
    )
    assert browser.find_elements(By.CSS_SELECTOR, "article img") == []
    # the page's own script runs (allowed by its hash): a click selects
    k, item = click_finding(browser, "A305")
    assert "active" in item.get_attribute("class").split()
    browser.save_screenshot(str(tmp_path / "hostile.png"))


def test_keys_step_through_the_findings_and_a_link_opens_at_one(browser, review):
    page, findings = review
    open_page(browser, page)
    body = browser.find_element(By.TAG_NAME, "body")
    seen = []
    for _ in range(3):
        body.send_keys("n")
        active = browser.find_element(By.CSS_SELECTOR, "li.finding.active")
        seen.append(active.get_attribute("data-k"))
        k = seen[-1]
        target = browser.execute_script(
            "return document.querySelector('.doc td[data-f~=\"' + arguments[0] + '\"]')"
            " || document.querySelector('.doc [data-f~=\"' + arguments[0] + '\"]')",
            k,
        )
        assert in_view(browser, target)
        assert in_view_of_panel(browser, active)
    assert seen == ["0", "1", "2"]
    body.send_keys("p")
    assert browser.find_element(By.CSS_SELECTOR, "li.finding.active").get_attribute("data-k") == "1"
    # review.html#f5 opens at finding 5
    last = len(findings) - 1
    browser.get(page.as_uri() + f"#f{last}")
    active = browser.find_element(By.CSS_SELECTOR, "li.finding.active")
    assert active.get_attribute("data-k") == str(last)
    target = browser.find_element(By.CSS_SELECTOR, f'.doc [data-f~="{last}"]')
    assert in_view(browser, target)


def in_view_of_panel(driver, li) -> bool:
    return driver.execute_script(
        "const p = arguments[0].closest('aside.panel').getBoundingClientRect();"
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= p.top - 1 && r.bottom <= p.bottom + 1;",
        li,
    )
