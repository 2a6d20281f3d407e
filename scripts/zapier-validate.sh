#!/usr/bin/env bash
# Builds the four Zapier apps and runs `zapier validate --without-style` (offline: schema and
# functional checks of zapier-platform-core) in each app's build directory, as `zapier push` would.
# zapier-platform-cli 17 runs on Node 20; 19 needs Node 22.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
zapier="$root/node_modules/.bin/zapier"
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(nectifi splash smartwifi anykrowd)

# No analytics and no update check: the validation stays offline.
export DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1

"$root/node_modules/.bin/tsx" "$root/scripts/zapier-build.ts" "${apps[@]}"

failed=()
for app in "${apps[@]}"; do
  dir="$root/zapier/$app/build"
  echo "== zapier validate --without-style: $app"
  if ! (cd "$dir" && "$zapier" validate --without-style --skip-build); then
    failed+=("$app")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "zapier validate failed for: ${failed[*]}" >&2
  exit 1
fi
echo "zapier validate passed for: ${apps[*]}"
