"""The facilitator's side in Chromium: sign in at the hub, open /services/room/, wait for the room.

Run as its own process (``python -m tests.hub.facilitator_view '<json>'``) so that its Playwright
never meets the one tests/browser keeps open for the whole session. Prints one JSON line: what
the page showed, and how long it took.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import time


def main(args: dict) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser.lab import CHROMIUM_ARGS

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    started = time.monotonic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
            page.goto(f"{args['hub']}/hub/login?next=%2Fservices%2Froom%2F")
            page.fill("#username_input", args["name"])
            page.fill("#password_input", args["password"])
            page.click("#login_submit")
            page.wait_for_url(re.compile(r".*/services/room/.*"), timeout=60_000)
            deadline = time.monotonic() + args.get("timeout", 30)
            seen = {}
            while True:
                page.wait_for_selector("[data-testid=learners]", timeout=30_000)
                seen = {"learners": page.inner_text("[data-testid=learners]"), "rows": {}}
                for exercise in args["exercises"]:
                    row = page.query_selector(f"tr[data-exercise='{exercise}']")
                    seen["rows"][exercise] = {col: row.query_selector(f"[data-col={col}]").inner_text()
                                              for col in ("answered", "correct", "incorrect")} if row else None
                if seen["learners"] == args["expect"]["learners"] and seen["rows"] == args["expect"]["rows"]:
                    break
                if time.monotonic() > deadline:
                    break
                time.sleep(1)
                page.reload()
            seen["url"] = page.url
            seen["text"] = page.inner_text("main")
            page.screenshot(path=args["screenshot"], full_page=True)
        finally:
            browser.close()
    seen["seconds"] = round(time.monotonic() - started, 1)
    return seen


if __name__ == "__main__":
    print("RESULT" + json.dumps(main(json.loads(sys.argv[1]))))
