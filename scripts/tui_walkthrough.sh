#!/usr/bin/env bash
# A realistic morning in the TUI, typed by tmux and captured as text (80×24, Vietnamese):
# unlock → today → the most overdue file → record its residence check, found in the palette by
# typing without tones → the close-watch list → search a name typed without tones. Each capture
# is checked for what it must show. Runs on a fresh demo store in a temporary folder; prints where the captures are.
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
# One demo folder per checkout (caseterm/demo/<checkout>-<hash>/): this run's is the only one.
passphrase="$(cat "$XDG_DATA_HOME"/caseterm/demo/*/DEMO-ONLY-passphrase.txt)"

session=walkthrough
keys() { tmux send-keys -t "$session" "$@"; }
typed() { tmux send-keys -t "$session" -l "$1"; }
shot() { sleep "${2:-2}"; tmux capture-pane -t "$session" -p >"$out/$1.txt"; echo "  $out/$1.txt"; }
expect() {  # the capture must show this text, or the morning went wrong
  grep -qF "$2" "$out/$1.txt" || { echo "walkthrough: $1 does not show “$2”" >&2; exit 1; }
}

tmux new-session -d -s "$session" -x 80 -y 24 \
  "env XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' CASETERM_LANG=vi caseterm demo"
sleep 3
keys Enter                      # "press Enter to open the app"
shot 01-unlock 3
typed "$passphrase"; keys Enter
shot 02-today 7                 # overdue first
expect 02-today "quá hạn"
keys Enter                      # the most overdue file, at that deadline
shot 03-file 3
expect 03-file "Thời hạn đang mở"
keys C-p                        # the palette, typed without tones as officers often do
sleep 1; typed "kiem tra noi cu tru"
shot 04-palette 2
expect 04-palette "Kiểm tra nơi cư trú"
keys Enter                      # opens the form for that action
shot 05-form 3
expect 05-form "Kết quả kiểm tra"
choose() { keys Enter; sleep 0.7; keys Down; sleep 0.3; keys Enter; sleep 0.7; }
choose                          # how: the first choice ("đến nhà")
keys Tab; sleep 0.3; choose     # result: the first choice ("có mặt")
shot 06-form-filled 2
# The preview says what saving does ("✓ …"): which duty it completes depends on the day the
# demo store was made, so only that the form is ready is checked here.
expect 06-form-filled "✓ "
keys C-s
shot 07-saved 3
expect 07-saved "Đã lưu"
keys F2                         # back to today; then the close-watch list
sleep 4; keys 2
shot 08-close-watch 2
expect 08-close-watch "Lần tiếp xúc cuối"
keys F3
sleep 3; typed "tran ngoc an"   # a name typed without tones
shot 09-search 2
expect 09-search "Trần Ngọc An"
keys C-q
sleep 1
echo "captures in $out"
