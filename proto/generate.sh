#!/usr/bin/env bash
# Regenerates all code generated from the .proto files under proto/:
#
#   Shared/CProtoMessages/                    protoc-c output (*.pb-c.c; headers under include/),
#                                             plus the descriptor registry (cprotomessages_registry.*)
#   Shared/RPCProtobuf/Generated/             Swift message types, service namespaces and
#                                             embedded descriptors (proto/tools/gen_swift.py)
#
# Every .proto under proto/ is compiled (new services only add files), together with the
# well-known types listed below and anything the files import.
#
# Usage: proto/generate.sh            regenerate in place
#        proto/generate.sh --check    regenerate into a temporary folder and fail (exit 1) with a
#                                     summary if the committed output differs (for CI)
#
# Needs protoc, protoc-c and a Python with the `protobuf` package: $PYTHON if set, else
# .venv/bin/python if it exists, else python3. Runs from any working directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROTO_DIR="$ROOT/proto"
WKT_INCLUDE="${PROTOC_WKT_INCLUDE:-/usr/include}"
C_OUT_REL="Shared/CProtoMessages"
SWIFT_OUT_REL="Shared/RPCProtobuf/Generated"

# Well-known types the services may use; generated even when no .proto imports them yet.
WELL_KNOWN_TYPES=(
    google/protobuf/duration.proto
    google/protobuf/empty.proto
    google/protobuf/timestamp.proto
    google/protobuf/wrappers.proto
)

die() {
    echo "proto/generate.sh: $*" >&2
    exit 2
}

mode="generate"
case "${1:-}" in
    "") ;;
    --check) mode="check" ;;
    -h | --help)
        sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *) die "unknown argument '$1' (expected --check or nothing)" ;;
esac

command -v protoc >/dev/null || die "protoc not found (apt-get install protobuf-compiler)"
command -v protoc-c >/dev/null || die "protoc-c not found (apt-get install protobuf-c-compiler)"
[[ -f "$WKT_INCLUDE/google/protobuf/timestamp.proto" ]] ||
    die "well-known .proto files not found under $WKT_INCLUDE" \
        "(apt-get install libprotobuf-dev, or set PROTOC_WKT_INCLUDE)"

if [[ -n "${PYTHON:-}" ]]; then
    python="$PYTHON"
elif [[ -x "$ROOT/.venv/bin/python" ]]; then
    python="$ROOT/.venv/bin/python"
else
    python="python3"
fi
if ! "$python" -c 'import google.protobuf' 2>/dev/null; then
    die "the Swift generator needs the Python 'protobuf' package, which '$python' cannot import.
  Create the project venv (python3 -m venv .venv && .venv/bin/pip install protobuf), or
  point PYTHON at a Python that has it (PYTHON=/path/to/python proto/generate.sh)."
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/motcua-protogen.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Every .proto under proto/, as import paths relative to proto/, in a stable order.
protos=()
while IFS= read -r file; do
    protos+=("$file")
done < <(cd "$PROTO_DIR" && find . -name '*.proto' -type f -not -path './tools/*' | sed 's|^\./||' | LC_ALL=C sort)
[[ ${#protos[@]} -gt 0 ]] || die "no .proto files under $PROTO_DIR"

includes=(-I "$PROTO_DIR" -I "$WKT_INCLUDE")

protoc "${includes[@]}" --include_imports --include_source_info \
    --descriptor_set_out="$work/with-source-info.pb" "${protos[@]}" "${WELL_KNOWN_TYPES[@]}"
protoc "${includes[@]}" --include_imports \
    --descriptor_set_out="$work/bare.pb" "${protos[@]}" "${WELL_KNOWN_TYPES[@]}"

# Everything in the set (the files above and all they import), so C exists for every dependency.
all_files=()
while IFS= read -r file; do
    all_files+=("$file")
done < <("$python" "$PROTO_DIR/tools/gen_swift.py" --descriptor-set "$work/with-source-info.pb" --list-files |
    LC_ALL=C sort)

out="$work/out"
mkdir -p "$work/c" "$out/$C_OUT_REL/include" "$out/$SWIFT_OUT_REL"
protoc-c "${includes[@]}" --c_out="$work/c" "${all_files[@]}"

# Headers go under include/ (so `#include "grpc/testing/messages.pb-c.h"` resolves), sources beside.
(cd "$work/c" && find . -type f -name '*.pb-c.h' | LC_ALL=C sort) | while IFS= read -r header; do
    mkdir -p "$(dirname "$out/$C_OUT_REL/include/$header")"
    cp "$work/c/$header" "$out/$C_OUT_REL/include/$header"
done
(cd "$work/c" && find . -type f -name '*.pb-c.c' | LC_ALL=C sort) | while IFS= read -r source; do
    mkdir -p "$(dirname "$out/$C_OUT_REL/$source")"
    cp "$work/c/$source" "$out/$C_OUT_REL/$source"
done

"$python" "$PROTO_DIR/tools/gen_swift.py" \
    --descriptor-set "$work/with-source-info.pb" \
    --bare-descriptor-set "$work/bare.pb" \
    --swift-out "$out/$SWIFT_OUT_REL" \
    --c-include-dir "$out/$C_OUT_REL/include" \
    --c-source-dir "$out/$C_OUT_REL"

if [[ "$mode" == "check" ]]; then
    list_files() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }
    status=0
    for rel in "$C_OUT_REL" "$SWIFT_OUT_REL"; do
        list_files "$out/$rel" >"$work/expected.txt"
        if [[ -d "$ROOT/$rel" ]]; then list_files "$ROOT/$rel"; fi >"$work/actual.txt"
        {
            LC_ALL=C comm -23 "$work/expected.txt" "$work/actual.txt" | sed "s|^|  missing:  $rel/|"
            LC_ALL=C comm -13 "$work/expected.txt" "$work/actual.txt" | sed "s|^|  stale:    $rel/|"
            LC_ALL=C comm -12 "$work/expected.txt" "$work/actual.txt" | while IFS= read -r file; do
                if ! cmp -s "$out/$rel/$file" "$ROOT/$rel/$file"; then
                    changed=$(diff "$ROOT/$rel/$file" "$out/$rel/$file" | grep -c '^[<>]' || true)
                    echo "  differs:  $rel/$file ($changed lines)"
                fi
            done
        } >"$work/summary.txt"
        if [[ -s "$work/summary.txt" ]]; then
            status=1
            cat "$work/summary.txt" >&2
        fi
    done
    if [[ $status -ne 0 ]]; then
        echo "proto/generate.sh --check: the committed generated code is out of date;" \
            "run proto/generate.sh and commit the result." >&2
        exit 1
    fi
    echo "proto/generate.sh --check: generated code is up to date (${#all_files[@]} .proto files)."
    exit 0
fi

# Replace the generated folders wholesale, so outputs of deleted .proto files disappear too.
for rel in "$C_OUT_REL" "$SWIFT_OUT_REL"; do
    mkdir -p "$ROOT/$rel"
    find "$ROOT/$rel" -mindepth 1 -delete
    cp -R "$out/$rel/." "$ROOT/$rel/"
done
echo "proto/generate.sh: generated code for ${#all_files[@]} .proto files into $C_OUT_REL and $SWIFT_OUT_REL."
