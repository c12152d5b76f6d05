"""Helpers for the tests that drive a dashboard page in Chromium."""

from __future__ import annotations

from pathlib import Path

# Streamlit sends a page's elements one after another, and a fast run may finish before its
# status widget ever appears, while a slow step of a run may draw nothing for longer than half
# a second; so "idle" is: the app says its script is not running (stApp's
# data-test-script-state, what Streamlit's own browser tests wait for), no status widget, and no
# element added or changed for half a second.
_SETTLED = """() => {
  if (window.__lastChange === undefined) {
    window.__lastChange = performance.now();
    new MutationObserver(() => { window.__lastChange = performance.now(); }).observe(
      document.body, {subtree: true, childList: true, characterData: true});
  }
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && performance.now() - window.__lastChange > 500;
}"""


_CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
  .every(chart => chart.querySelector('.main-svg') !== null)"""


def wait_until_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script and drawing what it sent."""
    page.wait_for_timeout(300)
    page.wait_for_function(_SETTLED, timeout=timeout, polling=100)


def full_page_screenshot(page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its own container, so Playwright's full_page
    sees only the window; grow the window to the content's height for the shot."""
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(500)
    # A taller window makes Streamlit draw its charts again: shoot once they are back.
    page.wait_for_function(_CHARTS_DRAWN, timeout=15_000, polling=100)
    page.wait_for_timeout(300)
    page.screenshot(path=path)
    page.set_viewport_size(size)
