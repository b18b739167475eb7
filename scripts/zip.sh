#!/usr/bin/env bash
# The Zapier release zip (build/build.zip), built from a staged copy that holds only the app,
# bundled into one file (scripts/bundle.js), and its production dependencies. Built in the
# project, the zip would also get the package.json of every development package (the CLI adds
# each one it finds), and the CLI's own copy of the project opens more files at once than the
# build machines allow (EMFILE).
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent build
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

cp package.json package-lock.json index.js .zapierapprc "$stage/"
printf 'node_modules/\nbuild/\n' > "$stage/.gitignore"
mkdir "$stage/dist"
node scripts/bundle.js dist/index.js "$stage/dist/index.js"
cd "$stage"
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
npm exec --yes --package=zapier-platform-cli@19.1.0 -- zapier-platform build --skip-validation --skip-dep-install
cd - >/dev/null
mkdir -p build
cp "$stage/build/build.zip" build/
# Zapier's reviewers read source.zip: the project's own sources, not the bundle the stage holds.
git archive --format=zip -o build/source.zip HEAD 2>/dev/null || cp "$stage/build/source.zip" build/
echo "build/build.zip: $(wc -c < build/build.zip) bytes"
