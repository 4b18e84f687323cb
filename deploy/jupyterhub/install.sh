#!/usr/bin/env bash
# Build (or refresh) the hub's environment: a venv from the system Python, outside /root, that
# every learner account can run. Idempotent: a second run only refreshes the workshop's copy.
#
#   sudo deploy/jupyterhub/install.sh            # into /opt/lead-with-impact-hub
#   sudo LWI_HUB_PREFIX=/srv/hub-env deploy/jupyterhub/install.sh
#
# It installs: jupyterhub, jupyterhub-idle-culler and nbgitpuller (requirements.txt), the workshop
# package and its dependencies (an editable install of a copy of this repository, in PREFIX/src,
# so the exercise bank and data travel with it), and configurable-http-proxy from npm (PREFIX/node).
set -euo pipefail
umask 022
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
prefix="${LWI_HUB_PREFIX:-/opt/lead-with-impact-hub}"
python="${LWI_HUB_PYTHON:-/usr/bin/python3}"
chp_version="5.3.0"

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (the hub creates unix users and runs servers as them)." >&2
  exit 1
fi
case "$prefix" in /root|/root/*) echo "install.sh: $prefix is under /root, which learners cannot enter." >&2; exit 1;; esac

need=()
command -v git >/dev/null || need+=(git)
command -v npm >/dev/null || need+=(nodejs npm)
[ -x "$python" ] || need+=(python3)
"$python" -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
command -v useradd >/dev/null || need+=(passwd)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 1. The venv and its packages (only when the requirements or pyproject changed).
stamp="$prefix/.installed-stamp"
want="$( (cat "$here/requirements.txt" "$repo/pyproject.toml"; "$python" --version) | sha256sum | cut -d' ' -f1)"
[ -x "$prefix/bin/python" ] || "$python" -m venv "$prefix"

# 2. A copy of the repository (tracked and untracked-but-not-ignored files), replaced each run.
rm -rf "$prefix/src.new"
mkdir -p "$prefix/src.new"
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$repo" && git -c safe.directory='*' ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) |
    tar -xf - -C "$prefix/src.new"
else
  tar -C "$repo" --exclude=.venv --exclude=.git --exclude=build --exclude=test-artifacts -cf - . | tar -xf - -C "$prefix/src.new"
fi
rm -rf "$prefix/src.old"
[ -d "$prefix/src" ] && mv "$prefix/src" "$prefix/src.old"
mv "$prefix/src.new" "$prefix/src"
rm -rf "$prefix/src.old"

if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  # (pip's notes about local index folders that do not exist are noise here)
  "$prefix/bin/python" -m pip install --quiet --upgrade pip 2> >(grep -v '^WARNING: Location' >&2)
  "$prefix/bin/python" -m pip install --quiet -r "$here/requirements.txt" -e "$prefix/src" 2> >(grep -v '^WARNING: Location' >&2)
  # rfc3987-syntax (an optional extra of jsonschema, pulled in by jupyter-events) builds a parser
  # for its grammar at every import: 2-5 s of CPU for the hub and for EVERY learner's server start.
  # jsonschema only uses it to check IRIs, which no Jupyter event schema needs; without it, a room
  # of 30 starts that much sooner (docs/deploying.md).
  "$prefix/bin/python" -m pip uninstall --quiet --yes rfc3987-syntax 2> >(grep -v '^WARNING: Location' >&2) || true
  "$prefix/bin/python" -c 'import jupyterhub, nbgitpuller, jupyterhub_idle_culler, workshop; workshop.exercise_ids()'
  echo "$want" > "$stamp"
fi

# 3. configurable-http-proxy from npm.
chp="$prefix/node/node_modules/.bin/configurable-http-proxy"
chp_json="$prefix/node/node_modules/configurable-http-proxy/package.json"
if ! [ -x "$chp" ] || ! grep -q "\"version\": \"$chp_version\"" "$chp_json" 2>/dev/null; then
  npm install --silent --no-audit --no-fund --prefix "$prefix/node" "configurable-http-proxy@$chp_version" >/dev/null
fi

# 4. JupyterLab without the news prompt, for every learner (see lab-settings/README.md).
mkdir -p "$prefix/share/jupyter/lab/settings"
cp "$repo/lab-settings/overrides.json" "$prefix/share/jupyter/lab/settings/overrides.json"

chmod -R a+rX "$prefix"
echo "Hub environment ready in $prefix (jupyterhub $("$prefix/bin/python" -c 'import jupyterhub; print(jupyterhub.__version__)'), configurable-http-proxy $chp_version)."
