"""Fails when the Zapier build zip holds code that is not the app (sandbox, tests, Clay, demo, bench)."""
import json
import sys
import zipfile

NOT_APP = {"sandbox", "test", "clay", "demo", "bench"}
# Packages only the development tools need, as npm's lock file marks them.
LOCKED = json.load(open("package-lock.json"))["packages"]
DEV_ONLY = {path.split("node_modules/")[-1] for path, entry in LOCKED.items() if path and entry.get("dev")}

names = zipfile.ZipFile(sys.argv[1]).namelist()


def is_not_app(name: str) -> bool:
    # The CLI adds every package.json it finds, for module resolution; they hold no code.
    if name.endswith("package.json"):
        return False
    parts = name.split("/")
    if parts[0] == "dist":
        parts = parts[1:]
    if parts[0] in NOT_APP:
        return True
    if parts[0] == "node_modules" and len(parts) > 1:
        package = "/".join(parts[1:3]) if parts[1].startswith("@") else parts[1]
        return package in DEV_ONLY
    return False


missing = {"index.js", "dist/index.js"} - set(names)
if missing:
    sys.exit(f"build zip lacks the app entry points: {sorted(missing)}")
bad = sorted(n for n in names if is_not_app(n))
if bad:
    sys.exit("build zip holds code that is not the app:\n" + "\n".join(bad[:50]))
print(f"build zip OK: {len(names)} files, no sandbox, test, Clay, demo or bench code")
