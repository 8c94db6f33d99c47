"""The explain report as a browser draws it: removed blocks look removed, the legend adds up.

The report is opened in headless Chromium (Debian's ``chromium``; CI installs
it with ``.ci/install-chromium.sh``). A probe script, appended to a copy of the
report and allowed by adding its hash to the report's Content Security Policy,
reads computed styles after the report's own script has run and writes them
into the DOM, which ``--dump-dom`` hands back. The test skips only when no
Chromium is installed or it cannot start here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import cleanpress
from cleanpress import Article, Decision
from cleanpress.explain import explain_html, render_report

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "moscow-times-article.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage")

PROBE = """
(function () {
  function shown(el) { return el.getClientRects().length > 0; }
  var out = {blocks: [], legend: {}, frames: [], filter: null};
  var blocks = Array.prototype.slice.call(document.querySelectorAll("main .block"));
  blocks.forEach(function (block) {
    var text = getComputedStyle(block.querySelector(".text"));
    var label = block.querySelector(".label");
    out.blocks.push({
      filter: block.getAttribute("data-filter"),
      removed: block.classList.contains("removed"),
      shown: shown(block),
      decoration: text.textDecorationLine,
      opacity: parseFloat(text.opacity),
      label: label ? label.textContent : null,
      labelShown: label ? shown(label) : false,
      labelBackground: label ? getComputedStyle(label).backgroundColor : null
    });
  });
  document.querySelectorAll("#legend button[data-filter]").forEach(function (button) {
    out.legend[button.getAttribute("data-filter")] = parseInt(button.querySelector(".count").textContent, 10);
  });
  document.querySelectorAll("main .container").forEach(function (frame) {
    var style = getComputedStyle(frame);
    out.frames.push({border: style.borderTopStyle, width: parseFloat(style.borderTopWidth),
                     blocks: frame.querySelectorAll(".block").length});
  });
  var button = document.querySelector("#legend button[class^='k']");
  if (button) {
    var kind = button.getAttribute("data-filter");
    button.click();
    var afterHide = blocks.map(function (b) { return [b.getAttribute("data-filter"), shown(b)]; });
    button.click();
    var afterShow = blocks.map(function (b) { return [b.getAttribute("data-filter"), shown(b)]; });
    out.filter = {kind: kind, afterHide: afterHide, afterShow: afterShow};
  }
  var result = document.createElement("pre");
  result.id = "probe-result";
  result.textContent = JSON.stringify(out);
  document.body.appendChild(result);
})();
"""

DECISIONS = (
    Decision("Support us!", False, "support-banner", "text.support-banner", False),
    Decision("A headline", True, "heading", "", True),
    Decision("First paragraph of the story.", True, "paragraph", "", True),
    Decision("Sign up for our newsletter", False, "newsletter-signup", "text.newsletter", True),
    Decision("Second paragraph.", True, "paragraph", "", True),
    Decision("Read more", False, "read-more", "text.read-more", False),
    Decision("More stories", False, "read-more", "struct.teaser", False),
)


def _run(args: list[str], user_data: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={user_data}", *args],
                          capture_output=True, text=True, timeout=90, check=False)


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile directory for a Chromium that is known to start; skip when there is none."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/install-chromium.sh installs Debian's package where it can)")
    user_data = tmp_path_factory.mktemp("chromium-profile")
    try:
        smoke = _run(["--dump-dom", "data:text/html,<p>ok</p>"], user_data)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"chromium cannot run here: {exc}")
    if "<p>ok</p>" not in smoke.stdout:
        pytest.skip(f"chromium cannot run here (exit {smoke.returncode}): {smoke.stderr.strip()[-400:]}")
    return user_data


def render(report: str, tmp_path: Path, user_data: Path) -> dict[str, Any]:
    """Open ``report`` in Chromium and return what the probe read off the rendered page."""
    digest = base64.b64encode(hashlib.sha256(PROBE.encode("utf-8")).digest()).decode("ascii")
    assert report.count("script-src '") == 1 and report.count("</body>") == 1
    probed = report.replace("script-src '", f"script-src 'sha256-{digest}' '").replace(
        "</body>", f"<script>{PROBE}</script>\n</body>")
    path = tmp_path / "report.html"
    path.write_text(probed, encoding="utf-8")
    done = _run(["--dump-dom", path.as_uri()], user_data)
    results = lxml.html.document_fromstring(done.stdout or "<html></html>").xpath("//pre[@id='probe-result']")
    assert results, f"the probe did not run (exit {done.returncode}): {done.stderr.strip()[-400:]}"
    seen: dict[str, Any] = json.loads(results[0].text_content())
    return seen


def check_rendered(seen: dict[str, Any], decisions: tuple[Decision, ...]) -> None:
    assert [b["filter"] for b in seen["blocks"]] == [d.kind if not d.kept else "kept" for d in decisions]
    for block in seen["blocks"]:
        assert block["shown"]
        if block["removed"]:
            assert "line-through" in block["decoration"] or block["opacity"] < 0.9, block
            assert block["label"] == block["filter"] and block["labelShown"], block
            assert block["labelBackground"] not in ("rgba(0, 0, 0, 0)", "transparent"), block
        else:
            assert "line-through" not in block["decoration"] and block["opacity"] == 1, block
    removed = Counter(b["filter"] for b in seen["blocks"] if b["removed"])
    assert seen["legend"] == {"kept": len(seen["blocks"]) - sum(removed.values()), **removed}
    assert seen["legend"] == {"kept": sum(d.kept for d in decisions),
                              **Counter(d.kind for d in decisions if not d.kept)}
    assert sum(f["blocks"] for f in seen["frames"]) == sum(d.in_container for d in decisions)
    for frame in seen["frames"]:
        assert frame["border"] == "solid" and frame["width"] >= 1


def test_removed_blocks_are_visibly_marked_and_the_legend_adds_up(chromium: Path, tmp_path: Path) -> None:
    seen = render(render_report(Article(title="A headline", confidence=0.9), DECISIONS), tmp_path, chromium)
    check_rendered(seen, DECISIONS)
    labels = {b["label"]: b["labelBackground"] for b in seen["blocks"] if b["removed"]}
    assert len(set(labels.values())) == len(labels), f"kinds share a colour: {labels}"


def test_the_legend_filters_blocks_by_kind(chromium: Path, tmp_path: Path) -> None:
    seen = render(render_report(Article(), DECISIONS), tmp_path, chromium)
    flt = seen["filter"]
    assert flt is not None
    assert flt["kind"] == "support-banner"
    assert all(shown == (kind != flt["kind"]) for kind, shown in flt["afterHide"])
    assert all(shown for _, shown in flt["afterShow"])


def test_the_seed_report_renders_its_decisions(chromium: Path, tmp_path: Path) -> None:
    page = SEED.read_text(encoding="utf-8")
    _, decisions = cleanpress.trace(page)
    assert decisions
    check_rendered(render(explain_html(page), tmp_path, chromium), decisions)
