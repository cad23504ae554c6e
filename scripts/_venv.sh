# Shared by scripts/demo and scripts/test: make .venv if needed and install caseterm into it.
# Needs only Python 3.11+ with pip and venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON_BIN=${PYTHON:-python3}
if [ ! -x .venv/bin/python ] && [ ! -x .venv/Scripts/python.exe ]; then
  "$PYTHON_BIN" -m venv .venv
fi
if [ -x .venv/bin/python ]; then VENV_BIN=.venv/bin; else VENV_BIN=.venv/Scripts; fi
export PATH="$PWD/$VENV_BIN:$PATH"
install_caseterm() {
  # $1: the extras, e.g. "[test]" or ""
  python -m pip install --quiet --disable-pip-version-check -e ".$1" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" || true
  python -c "import caseterm" # fail loudly if the install did not work
}
