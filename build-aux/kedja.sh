#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine:
#   build-aux/kedja.sh run  [-- KEDJA-ARGS]   set up, build, start Kedja on the demo database
#   build-aux/kedja.sh test [MESON-OPTIONS]   set up, build, run every test (under Xvfb
#                                             when there is no display)
# Both install what is missing with apt-get (through sudo when not root).
# KEDJA_BUILD_DIR chooses the build directory (default: build).
set -eu

cd "$(dirname "$0")/.."
build_dir=${KEDJA_BUILD_DIR:-build}

# What building, running and testing need, as Debian 12 names it.
packages="gcc libc6-dev pkg-config meson ninja-build python3
libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
libsqlite3-dev libxml2-dev libxml2-utils gettext
desktop-file-utils appstream
xvfb xauth dbus dbus-daemon fonts-cantarell fonts-dejavu-core adwaita-icon-theme
librsvg2-common"

install_missing () {
  missing=""
  for p in $packages; do
    if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  # shellcheck disable=SC2086 # the package list is meant to split
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}

build () {
  if [ -f "$build_dir/build.ninja" ]; then
    [ $# -gt 0 ] && meson configure "$build_dir" "$@"
  else
    meson setup "$build_dir" "$@"
  fi
  meson compile -C "$build_dir"
}

# Runs the suite once, under a private D-Bus session, and under a virtual
# X server when no display is there.
run_tests () {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    set -- xvfb-run -a -s "-screen 0 1920x1080x24"
  else
    set --
  fi
  status=0
  "$@" dbus-run-session -- meson test -C "$build_dir" --print-errorlogs || status=$?
  python3 build-aux/count-tests.py "$build_dir/meson-logs/testlog.json" || status=1
  return $status
}

command=${1:-}
[ $# -gt 0 ] && shift

case "$command" in
  run)
    install_missing
    build
    [ "${1:-}" = "--" ] && shift
    # Outside a desktop session (a bare machine, a remote shell) GTK wants
    # a session bus of its own.
    bus=""
    [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && bus="dbus-run-session --"
    # shellcheck disable=SC2086 # $bus is a command prefix or nothing
    KEDJA_LOCALEDIR="$PWD/$build_dir/po" exec $bus "$build_dir/src/app/kedja" --demo "$@"
    ;;
  test)
    install_missing
    build "$@"
    run_tests
    ;;
  *)
    echo "usage: $0 run [-- KEDJA-ARGS] | test [MESON-OPTIONS]" >&2
    exit 2
    ;;
esac
