#!/bin/sh
# Caches skimage/data/astronaut.png (public domain, NASA) from Debian's python3-skimage package without
# installing it: apt-get download + dpkg-deb. Usage: fetch-astronaut.sh DEST_DIR -> DEST_DIR/astronaut.png
# Run by the CTest fixture vision_face_fetch_astronaut; exits non-zero (and the face tests fail) when the
# package cannot be downloaded.
set -eu
dest=${1:?usage: fetch-astronaut.sh DEST_DIR}
mkdir -p "$dest"
if [ -s "$dest/astronaut.png" ]; then
    exit 0
fi
# An offline machine can point at a copy: ONESTOP_ASTRONAUT_PNG=/path/to/astronaut.png
if [ -n "${ONESTOP_ASTRONAUT_PNG:-}" ]; then
    if [ ! -s "$ONESTOP_ASTRONAUT_PNG" ]; then
        echo "fetch-astronaut: ONESTOP_ASTRONAUT_PNG=$ONESTOP_ASTRONAUT_PNG is missing or empty" >&2
        exit 1
    fi
    cp "$ONESTOP_ASTRONAUT_PNG" "$dest/astronaut.png"
    exit 0
fi
work=$(mktemp -d "$dest/.fetch-astronaut.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download python3-skimage >apt.log 2>&1; then
    echo "fetch-astronaut: 'apt-get download python3-skimage' failed (network or apt sources?):" >&2
    cat apt.log >&2
    exit 1
fi
deb=$(ls python3-skimage_*.deb | head -n 1)
if ! dpkg-deb --fsys-tarfile "$deb" | tar -x --wildcards '*skimage/data/astronaut.png'; then
    echo "fetch-astronaut: $deb has no skimage/data/astronaut.png" >&2
    exit 1
fi
png=$(find . -path '*skimage/data/astronaut.png' | head -n 1)
if [ -z "$png" ] || [ ! -s "$png" ]; then
    echo "fetch-astronaut: astronaut.png missing after extracting $deb" >&2
    exit 1
fi
cp "$png" "$dest/astronaut.png.part"
mv "$dest/astronaut.png.part" "$dest/astronaut.png"
echo "fetch-astronaut: cached $dest/astronaut.png"
