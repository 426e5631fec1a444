#!/usr/bin/env python3
"""Keeps kiosk-config/schemas/*.json (documentation) in step with the C++ loaders (the enforcement):
the shipped files must validate, and fixtures the loaders reject for a reason a schema can express must not."""
import json, sys, pathlib
import jsonschema

root = pathlib.Path(sys.argv[1])
schemas = root / "kiosk-config" / "schemas"
fixtures = root / "tests" / "fixtures" / "config"
validators = {}
for kind in ("site", "catalog", "residents"):
    schema = json.loads((schemas / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validators[kind] = jsonschema.Draft202012Validator(schema)

failures = []
def expect(kind, path, valid):
    errors = list(validators[kind].iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    if bool(errors) == valid:
        failures.append(f"{path.name}: expected {'valid' if valid else 'invalid'} against {kind}.schema.json"
                        + (f": {errors[0].message}" if errors else ""))

for kind in validators:
    expect(kind, root / "kiosk-config" / f"{kind}.json", True)
expect("site", fixtures / "site-minimal.json", True)
expect("catalog", fixtures / "catalog-minimal.json", True)
expect("catalog", fixtures / "catalog-web.json", True)
expect("catalog", fixtures / "catalog-web-bad.json", False)
# Broken fixtures whose problem a schema can see (syntax errors, duplicates and regexes are loader-only).
for name in ("site-missing-key", "site-wrong-type", "site-unknown-key", "site-idle-answer-too-short", "site-bad-url",
             "site-unknown-device-kind", "site-bad-language", "site-many-errors"):
    expect("site", fixtures / f"{name}.json", False)
for name in ("catalog-bad-field-type", "catalog-missing-en", "catalog-empty-en", "catalog-unknown-device-kind",
             "catalog-choice-without-choices", "catalog-unknown-key", "catalog-personal-false"):
    expect("catalog", fixtures / f"{name}.json", False)

for f in failures:
    print("FAIL", f)
print(f"{len(failures)} schema mismatches")
sys.exit(1 if failures else 0)
