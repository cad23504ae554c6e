"""Issue 21 item 7: the demo store belongs to one installation, and its month can be sent.

`caseterm demo --no-tui` makes the store once, says where it is, and reuses it; the store has
a (demo) district, so the "bundle not made" banner goes once the officer makes the bundle.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from caseterm.paths import demo_dir
from tests.programs import Programs, clerk


def test_the_demo_store_is_made_once_per_installation_and_can_send_its_month(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    run = clerk(cli_env, tmp_path / "unused")
    first = run("caseterm", "demo", "--no-tui", "--persons", "20", secret=None, user=None)
    assert "Creating the demo store with 20 synthetic persons" in first.stdout
    [store] = re.findall(r"Demo store: (.+)", first.stdout)
    assert Path(store).parent.parent == Path(cli_env["XDG_DATA_HOME"]) / "caseterm" / "demo"
    assert Path(store).parent.name.startswith(demo_dir().name.split("-")[0])
    again = run("caseterm", "demo", "--no-tui", secret=None, user=None)
    assert "Creating" not in again.stdout and f"Demo store: {store}" in again.stdout

    [passphrase] = re.findall(r"Passphrase: (\S+)", first.stdout)
    secret = tmp_path / "demo-secret"
    secret.write_text(passphrase + "\n", "utf-8")
    demo = Programs({**cli_env, "CASETERM_USER": "demo"}, {"admin": secret})
    status = json.loads(demo("caseterm", "sync", "status", "--json", store=Path(store)).stdout)
    assert status["district"] == "DEMO-HUYEN"
    assert status["due_period"] is not None  # the banner's month
    usb = tmp_path / "usb"
    usb.mkdir()
    period = status["due_period"]
    demo("caseterm", "sync", "export", "--period", period, "--out", str(usb), store=Path(store))
    after = json.loads(demo("caseterm", "sync", "status", "--json", store=Path(store)).stdout)
    assert after["due_period"] is None  # the banner is gone
    assert len(list(usb.glob("*.ctb"))) == 1


def test_two_installations_have_two_demo_folders(tmp_path: Path) -> None:
    one, two = demo_dir(tmp_path / "clone-a"), demo_dir(tmp_path / "other" / "clone-a")
    assert one != two and one.parent == two.parent
    assert one.name.startswith("clone-a-") and two.name.startswith("clone-a-")
