#!/usr/bin/env python3
"""Fills unfinished translations of a .ts file from tab-separated lines: context<TAB>source<TAB>translation.

Usage: apply-tsv.py onestop_zh_CN.ts strings.tsv [more.tsv ...]
A message whose context and source match and that is unfinished (or empty) gets the translation; the
'unfinished' mark is removed. Numerus messages get the translation in every numerusform. Prints what it
filled and the unfinished messages left.
"""
import sys
import xml.etree.ElementTree as ET


def load(paths):
    table = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    sys.exit(f"{path}:{n}: expected context<TAB>source<TAB>translation")
                context, source, translation = (p.replace("\\n", "\n") for p in parts)
                table[(context, source)] = translation
                table.setdefault(("*", source), translation)
    return table


def main():
    ts_path, tsv_paths = sys.argv[1], sys.argv[2:]
    table = load(tsv_paths)
    tree = ET.parse(ts_path)
    filled = left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            unfinished = tr.get("type") == "unfinished" or not "".join(tr.itertext()).strip()
            if not unfinished:
                continue
            value = table.get((name, source), table.get(("*", source)))
            if value is None:
                left += 1
                print(f"unfinished: {name}: {source!r}")
                continue
            forms = tr.findall("numerusform")
            if forms:
                for form in forms:
                    form.text = value
            else:
                tr.text = value
            tr.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    with open(ts_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(tree.getroot(), encoding="unicode"))
        f.write("\n")
    print(f"{ts_path}: {filled} filled, {left} unfinished left")


if __name__ == "__main__":
    main()
