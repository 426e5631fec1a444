#!/bin/sh
# Refreshes the translation sources from every qsTr()/tr() in qml/ and app/. New strings appear as
# unfinished: translate them (zh_CN: 一网通办 register; en: numerus forms) before committing.
# Usage: assets/translations/update.sh   (from anywhere; LUPDATE=/path/to/lupdate to override)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
cd "$root"
"$lupdate" -no-obsolete -locations relative qml app \
    -ts assets/translations/onestop_zh_CN.ts assets/translations/onestop_en.ts
