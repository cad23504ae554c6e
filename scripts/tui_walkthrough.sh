#!/usr/bin/env bash
# A realistic morning in the TUI, typed by tmux and captured as text (80×24, Vietnamese):
# unlock → today → the most overdue file → record the first action offered → search a name typed
# without tones. Runs on a fresh demo store in a temporary folder; prints where the captures are.
#
#   scripts/tui_walkthrough.sh            # captures in bench-out/walkthrough/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
install_caseterm ""

out="bench-out/walkthrough"
rm -rf "$out" && mkdir -p "$out"
home="$(mktemp -d)"
trap 'tmux kill-session -t walkthrough 2>/dev/null || true; rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" CASETERM_LANG=vi

caseterm demo --no-tui >/dev/null
passphrase="$(cat "$XDG_DATA_HOME"/caseterm/demo/DEMO-ONLY-passphrase.txt)"

session=walkthrough
keys() { tmux send-keys -t "$session" "$@"; }
typed() { tmux send-keys -t "$session" -l "$1"; }
shot() { sleep "${2:-2}"; tmux capture-pane -t "$session" -p >"$out/$1.txt"; echo "  $out/$1.txt"; }

tmux new-session -d -s "$session" -x 80 -y 24 \
  "env XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CASETERM_LANG=vi caseterm demo"
sleep 3
keys Enter                      # "press Enter to open the app"
shot 01-unlock 3
typed "$passphrase"; keys Enter
shot 02-today 6                 # overdue first
keys Enter                      # the most overdue file, at that deadline
shot 03-file 3
keys a                          # the actions the law allows now
shot 04-actions 1
keys Enter                      # the first action the law allows here
shot 05-form 3
typed "Làm việc về việc vắng mặt"; sleep 1      # its first field
shot 06-form-filled 2
keys C-s
shot 07-file-after 3
keys F3
shot 08-registers 3
typed "nguyen van an"
shot 09-search 2
keys C-q
sleep 1
echo "captures in $out"
