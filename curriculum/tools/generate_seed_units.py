#!/usr/bin/env python3
"""Wrote curriculum/users.json and curriculum/units/<module>.json once, from the concepts tutor's former
curriculum/<module>.jsonl and the exercise bank's former bank/learnflow/<module>.json; the units are the source since.

Each of a module's exercises and quiz questions goes to the lesson whose concept it practises best (the most words
shared with the lesson's id, title and keywords). The output is the seed format's canonical form: 2-space indent,
UTF-8, a newline at the end (json.dumps(indent=2, ensure_ascii=False), which `./learnflow db export` writes too).

usage: python3 curriculum/tools/generate_seed_units.py CONCEPT_DIR BANK_DIR OUT_DIR
"""
import json
import re
import sys
from pathlib import Path

MODULES = ["variables", "conditionals", "loops", "functions", "lists", "dictionaries", "strings", "classes"]
OWNER = "learnflow"
OWNER_ID = "00000000-0000-4000-8000-00000000001f"
SHIPPED_AT = "2026-12-01T00:00:00Z"

TITLES = {
    "variables": ("Variables and values", "Naming values, the types they have, and doing arithmetic with them."),
    "conditionals": ("Making decisions", "Choosing what a program does with if, elif, else and conditions."),
    "loops": ("Repeating with loops", "Doing something for every item, or for as long as a condition holds."),
    "functions": ("Functions", "Packaging code under a name, giving it inputs and getting a result back."),
    "lists": ("Lists", "Keeping many values in order, and reading, changing, sorting and searching them."),
    "dictionaries": ("Dictionaries", "Looking values up by key, counting, and keeping records."),
    "strings": ("Working with text", "Reading, slicing, formatting and taking apart strings."),
    "classes": ("Classes and objects", "Bundling data and the methods that work on it into your own types."),
}

# (title, description, the lessons it covers, by the part of the lesson id after the module)
OBJECTIVES = {
    "variables": [
        ("Store and update values", "Give a value a name, change it, and swap two values.",
         ["assignment", "naming", "augmented-assignment", "multiple-assignment"]),
        ("Know a value's type", "Tell ints, floats, strings, booleans and None apart and convert between them.",
         ["types", "dynamic-typing", "conversion", "none", "equality-identity"]),
        ("Calculate with numbers", "Use +, -, *, /, //, % and ** and predict their results.", ["arithmetic"]),
    ],
    "conditionals": [
        ("Choose between branches", "Write if, elif and else so that exactly the right branch runs.",
         ["if-else", "elif", "nested", "conditional-expression", "match"]),
        ("Write conditions", "Compare values and combine conditions with and, or and not.",
         ["comparison", "assignment-vs-equality", "boolean-operators", "truthiness", "in-operator"]),
    ],
    "loops": [
        ("Repeat for each item", "Loop over a sequence or a range and use each item.",
         ["for", "range", "enumerate", "zip", "nested"]),
        ("Repeat while a condition holds", "Write while loops that end, and stop or skip with break and continue.",
         ["while", "break-continue", "infinite"]),
        ("Build a result in a loop", "Accumulate totals and lists safely while looping.",
         ["accumulator", "modifying-while-iterating"]),
    ],
    "functions": [
        ("Define and call functions", "Write a function that takes parameters and returns a value.",
         ["def-call", "return-vs-print", "parameters-arguments", "multiple-return", "docstrings"]),
        ("Pass arguments flexibly", "Use default values and keyword arguments.",
         ["default-arguments", "keyword-arguments"]),
        ("Understand how calls work", "Follow scope, functions as values and calls within calls.",
         ["scope", "as-values", "call-stack"]),
    ],
    "lists": [
        ("Read items of a list", "Create lists and read items by index and slice.",
         ["basics", "indexing", "slicing", "nested"]),
        ("Change a list", "Add and remove items, and know when two names share one list.",
         ["adding", "removing", "aliasing"]),
        ("Process a whole list", "Sort, search and transform lists, also with comprehensions.",
         ["sorting", "comprehensions", "searching"]),
    ],
    "dictionaries": [
        ("Look values up by key", "Create dictionaries, read them safely and check keys.",
         ["basics", "keys", "get", "membership", "ordering", "vs-lists"]),
        ("Change and walk through a dictionary", "Add, update and delete entries and loop over them.",
         ["iterating", "modifying", "nested"]),
        ("Count and group with a dictionary", "Use a dictionary to count or group values.", ["counting"]),
    ],
    "strings": [
        ("Read parts of a string", "Index, slice and loop over text, knowing strings never change.",
         ["basics", "slicing", "immutability", "looping"]),
        ("Transform text", "Use string methods, split and join, and compare text.",
         ["methods", "split-join", "comparison"]),
        ("Build text", "Join, repeat and format strings with f-strings and escape characters.",
         ["fstrings", "escape-characters", "concatenation"]),
    ],
    "classes": [
        ("Define a class", "Write a class with __init__ and create objects from it.",
         ["class-vs-object", "init", "self", "str-repr"]),
        ("Give objects behaviour", "Write methods that read and change an object's attributes.",
         ["attributes-methods", "class-attributes", "encapsulation", "objects-interacting"]),
        ("Reuse with inheritance", "Extend a class, override a method and call the parent's with super().",
         ["inheritance", "super"]),
    ],
}

WORD = re.compile(r"[a-z_]+")
STOP = {"a", "an", "the", "of", "to", "and", "or", "in", "is", "it", "on", "for", "with", "that", "this", "what",
        "write", "function", "returns", "return", "def", "which", "does", "do", "be", "by", "as", "at", "x", "n"}


def words(*texts):
    found = set()
    for text in texts:
        if isinstance(text, list):
            text = " ".join(text)
        found.update(w for w in WORD.findall((text or "").lower().replace("-", "_")) if w not in STOP and len(w) > 1)
        found.update(w for part in WORD.findall((text or "").lower()) for w in part.split("_") if w not in STOP)
    return found


def best_lesson(item, lessons):
    named = words(item.get("title"), item.get("tags", []))
    described = words(item.get("description"), item.get("stem"), item.get("rationaleRight"),
                      [o.get("text", "") for o in item.get("options", [])])

    def score(lesson):
        lesson_words = words(lesson["id"].split("-", 1)[1].replace("-", " "), lesson["title"], lesson["keywords"])
        return 3 * len(named & lesson_words) + len(described & lesson_words)

    return max(lessons, key=lambda lesson: (score(lesson), -lessons.index(lesson)))


def unit(module, entries, bank):
    objectives = [{"id": f"{module}-objective-{n}", "title": title, "description": description}
                  for n, (title, description, _) in enumerate(OBJECTIVES[module], 1)]
    covers = {f"{module}-{suffix}": objectives[n]["id"]
              for n, (_, _, suffixes) in enumerate(OBJECTIVES[module]) for suffix in suffixes}
    missing = [e["id"] for e in entries if e["id"] not in covers]
    if missing:
        sys.exit(f"{module}: no learning objective covers {missing}")
    placed = {e["id"]: {"code": [], "mcq": []} for e in entries}
    for kind, items in (("code", bank["exercises"]), ("mcq", bank["quiz"])):
        for item in items:
            lesson = best_lesson(item, entries)
            placed[lesson["id"]][kind].append(dict(item, aligned_learning_objective=covers[lesson["id"]]))
    lessons = []
    for entry in entries:
        items = placed[entry["id"]]
        lessons.append(dict(entry, package={
            "meta": {"lesson_id": entry["id"], "title": entry["title"], "learner_level": "beginner",
                     "package_schema_version": "1.0", "content_version": "1"},
            "unit_learning_objective_ids": [covers[entry["id"]]],
            "exercise_bank": {"mcq": items["mcq"], "code": items["code"]},
            "quiz": [q["id"] for q in items["mcq"]],
            "quiz_metadata": {"total_items": len(items["mcq"])},
        }))
    title, description = TITLES[module]
    return {"id": f"unit-{module}", "module": module, "title": title, "description": description,
            "learner_level": "beginner", "learning_objectives": objectives, "lessons": lessons,
            "resources": [], "learning_conversations": [], "status": "published", "owner_key": OWNER}


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(concepts, bank, out):
    write(out / "users.json", {"users": [{
        "id": OWNER_ID, "owner_key": OWNER, "email": "curriculum@learnflow.invalid", "first_name": "LearnFlow",
        "last_name": "Curriculum", "role": "teacher", "password_hash": None, "time_zone": "UTC",
        "created_at": SHIPPED_AT}]})
    for module in MODULES:
        entries = [json.loads(line) for line in (concepts / f"{module}.jsonl").read_text(encoding="utf-8").splitlines()
                   if line.strip()]
        write(out / "units" / f"{module}.json",
              unit(module, entries, json.loads((bank / f"{module}.json").read_text(encoding="utf-8"))))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
