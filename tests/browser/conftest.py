"""Browser tests: Debian's chromium driven by Playwright against Django's live server.

Without /usr/bin/chromium these tests are skipped, except under CI=true, where that is a failure.
Screenshots and PDFs go to test-artifacts/ (printed at the end of the run).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by the tests
# themselves (creating data, reading results) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is not installed (/usr/bin/chromium) and CI=true: browser tests must run.")
        pytest.skip("Debian's chromium is not installed; `make test` installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE_SCRIPT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/axe-core is missing and CI=true; `make test` installs it with npm ci.")
        pytest.skip("axe-core is not installed; `make test` installs it with npm ci.")
    return AXE_SCRIPT.read_text()


def axe_violations(page, axe_script: str) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page; returns the violations."""
    # Evaluated through DevTools: an inline <script> tag would be blocked by the Content-Security-Policy.
    page.evaluate(axe_script)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS.exists() and any(ARTIFACTS.iterdir()):
        terminalreporter.write_line(f"Browser test screenshots and PDFs: {ARTIFACTS}")
