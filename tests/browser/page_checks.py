"""Checks any notebook's page must pass after Run All: no typeset maths, no overlapping
options, and no serious or critical accessibility finding from axe-core.

Generic over the page, so a new notebook in ``notebooks/`` is covered without a change here.
"""
from __future__ import annotations

from pathlib import Path

# MathJax 2/3 and KaTeX, whichever renderer the Lab uses: any of these means a "$" pair was typeset.
MATH_SELECTOR = ".MathJax, .MathJax_Display, .MathJax_Preview, mjx-container, .katex, .katex-display"

# The boxes a learner reads as separate options; within one exercise no two may overlap.
OPTION_SELECTOR = ", ".join([
    ".widget-radio-box label", ".widget-checkbox", ".lwi-order-item", ".lwi-grid tbody tr",
])

OVERLAPS_JS = """
sel => {
  const found = [];
  for (const box of document.querySelectorAll('.lwi-exercise')) {
    const rects = [...box.querySelectorAll(sel)]
      .map(el => ({el, r: el.getBoundingClientRect()}))
      .filter(({r}) => r.width > 0 && r.height > 0);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i].r, b = rects[j].r;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) found.push(`${rects[i].el.innerText.slice(0, 60)} | ${rects[j].el.innerText.slice(0, 60)}`);
    }
  }
  return found;
}
"""

# JupyterLab's own notebook container (role="feed" holding cells that are not articles): not ours to fix.
LAB_OWN = [".jp-WindowedPanel-viewport"]

# Serious and critical are the bar; heading-order (moderate) too, as exercise titles once skipped levels.
FAILING_IMPACTS = {"serious", "critical"}
ALSO_FAILING_RULES = {"heading-order"}


def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python wheel: nothing is fetched at run time."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_findings(page) -> list[str]:
    """axe-core over the notebook (Markdown and every output), JupyterLab's own chrome left out."""
    page.evaluate(axe_source())
    results = page.evaluate(
        """async labOwn => {
          const context = {include: [['.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook']],
                           exclude: [['.jp-InputArea-editor'], ['.jp-cell-toolbar'], ['.jp-Collapser'],
                                     ['.jp-InputPrompt'], ['.jp-OutputPrompt'], ['.jp-cell-menu']]};
          const r = await axe.run(context, {resultTypes: ['violations']});
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.filter(n => !labOwn.some(s => document.querySelector(n.target.join(' '))?.matches(s)))
                          .map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 140))}))
            .filter(v => v.nodes.length);
        }""",
        LAB_OWN,
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x) e.g. {v['nodes'][:3]}"
        for v in results
        if v["impact"] in FAILING_IMPACTS or v["id"] in ALSO_FAILING_RULES
    ]


def maths_shown(page) -> list[str]:
    return page.locator(MATH_SELECTOR).evaluate_all("els => els.map(e => e.closest('.jp-Cell')?.innerText.slice(0, 100) || e.outerHTML.slice(0, 100))")


def overlapping_options(page) -> list[str]:
    return page.evaluate(OVERLAPS_JS, OPTION_SELECTOR)
