#!/usr/bin/env bash
# Builds the four Zapier apps and runs `zapier validate --without-style` (offline: schema and
# functional checks of zapier-platform-core) in each app's build directory, as `zapier push` would,
# with zapier-platform-cli 19 (`zapier-platform`, on Node 24: scripts/zapier-cli.ts installs both).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tsx="$root/node_modules/.bin/tsx"
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(nectifi splash smartwifi anykrowd)

"$tsx" "$root/scripts/zapier-build.ts" "${apps[@]}"

failed=()
for app in "${apps[@]}"; do
  dir="$root/zapier/$app/build"
  echo "== zapier validate --without-style: $app"
  if ! (cd "$dir" && "$tsx" "$root/scripts/zapier-cli.ts" validate --without-style --skip-build); then
    failed+=("$app")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "zapier validate failed for: ${failed[*]}" >&2
  exit 1
fi
echo "zapier validate passed for: ${apps[*]}"
