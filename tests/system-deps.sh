#!/usr/bin/env bash
# The system programs the browser test needs: Debian's chromium (to render
# the HTML brief headless) and poppler-utils (pdfinfo, to count its pages).
# Installed with apt-get when missing, as root or through sudo; quiet.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
else
    echo "tests/system-deps.sh: ${missing[*]} missing, and neither root nor sudo to install them" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "tests/system-deps.sh: ${missing[*]} missing, and no apt-get to install them" >&2
    exit 1
fi

echo "tests/system-deps.sh: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
# Another apt-get may hold the lock for a while: wait for it, not fail.
wait_lock=(-o DPkg::Lock::Timeout=300)
"${as_root[@]}" apt-get "${wait_lock[@]}" update -qq >/dev/null
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${wait_lock[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    echo "tests/system-deps.sh: apt-get could not install ${missing[*]}" >&2
    exit 1
}
