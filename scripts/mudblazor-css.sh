#!/usr/bin/env bash
# Writes src/SoftTargets.Web/wwwroot/lib/mudblazor/MudBlazor.min.css: MudBlazor's stylesheet of the referenced
# package version without its two `:not(.mud-ripple):has(>.mud-ripple-effect)` rules. Any element can be the
# subject of those selectors, so Chromium re-checks every ancestor whenever a node is inserted; the plan page
# and the dashboard spent most of their blocking time there. They never match: MudBlazor's script puts ripple
# effects only into `.mud-ripple` elements, which have the same declarations of their own.
# Run it after changing the MudBlazor version (MudBlazorCssTests fails until then).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="$(grep -o 'Include="MudBlazor" Version="[^"]*"' Directory.Packages.props | cut -d'"' -f4)"
source="${NUGET_PACKAGES:-$HOME/.nuget/packages}/mudblazor/$version/staticwebassets/MudBlazor.min.css"
[[ -f $source ]] || dotnet restore src/SoftTargets.Web >/dev/null
target=src/SoftTargets.Web/wwwroot/lib/mudblazor/MudBlazor.min.css
mkdir -p "$(dirname "$target")"
perl -0pe 's/:not\(\.mud-ripple\):has\(>\.mud-ripple-effect\)\{overflow:hidden\}//; s/:where\(:not\(\.mud-ripple\):has\(>\.mud-ripple-effect\)\)\{position:relative\}//' \
  "$source" > "$target"
echo "Wrote $target from MudBlazor $version ($(wc -c <"$source") -> $(wc -c <"$target") bytes)."
