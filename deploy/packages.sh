#!/usr/bin/env bash
# Install the Debian packages the atlas needs, only those that are missing:
#   chromium  the browser tests and benchmarks (playwright cannot download browsers here)
#   postgis   PostgreSQL with PostGIS: the store tests start their own server; deployments
#   nginx     the deployment's reverse proxy (deploy/run.py, make scale-check and its tests)
# As root it installs them in one apt-get run, without starting any service (a temporary
# /usr/sbin/policy-rc.d, as in container images): the tests and deploy/run.py start their own
# servers on loopback. As another user it says what to run and fails.
set -euo pipefail
missing=()
for want in "$@"; do
  case "$want" in
    chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
    postgis) { compgen -G '/usr/share/postgresql/*/extension/postgis.control' >/dev/null \
               && id postgres >/dev/null 2>&1; } || missing+=(postgresql-postgis) ;;
    nginx) command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
           command -v openssl >/dev/null 2>&1 || missing+=(openssl) ;;  # the editors' password hashes
    libreoffice) command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui) ;;  # tests open CSVs as a spreadsheet
    *) echo "deploy/packages.sh: unknown package group '$want' (chromium, postgis, nginx)" >&2; exit 2 ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: run 'sudo apt-get install ${missing[*]}'" >&2
  exit 1
fi
policy=/usr/sbin/policy-rc.d
made=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made=1
fi
trap '[ -z "$made" ] || rm -f "$policy"' EXIT
echo "installing ${missing[*]} (Debian packages)…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
