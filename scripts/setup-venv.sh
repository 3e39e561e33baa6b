# Sourced by run.sh and test.sh: create .venv with Python >= 3.11 and install the project into it.
# EXTRAS=test also installs the test tools.
pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.11 eller nyare behövs / Python 3.11 or newer is needed" >&2
  return 1
}
if [ ! -x .venv/bin/python ]; then
  "$(pick_python)" -m venv .venv
fi
spec="."
[ -n "${EXTRAS:-}" ] && spec=".[${EXTRAS}]"
stamp=".venv/.installed-${EXTRAS:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e "$spec"
  touch "$stamp"
fi
