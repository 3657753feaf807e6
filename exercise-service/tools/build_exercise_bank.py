#!/usr/bin/env python3
"""Builds the exercise bank (db/exercise-bank.csv) from an MBPP JSONL file.

Usage: python3 tools/build_exercise_bank.py PATH/TO/mbpp_bank.jsonl

Each problem keeps its MBPP task id, text, reference solution and asserts, and gets a LearnFlow module and
difficulty from simple, documented rules (the words of the problem and the shape of its reference solution).
"""
import csv
import json
import re
import sys

MODULE_RULES = [
    ("dictionaries", r"\bdict(ionary|ionaries)?\b|key[s]?\b.*value"),
    ("classes", None),
    ("strings", r"\bstring[s]?\b|\bcharacter[s]?\b|\bword[s]?\b|\bregex\b|\bsentence\b|\bvowel"),
    ("lists", r"\blist[s]?\b|\barray[s]?\b|\btuple[s]?\b|\bmatrix\b|\belements?\b"),
    ("conditionals", r"check (whether|if)|\bis (even|odd|prime)\b|\bgreater\b|\bsmaller\b|\bvalid\b"),
]


def module_of(problem):
    text = problem["text"].lower()
    code = problem["code"]
    for module, pattern in MODULE_RULES:
        if module == "classes":
            if re.search(r"^\s*class\s", code, re.M):
                return module
            continue
        if re.search(pattern, text):
            return module
    name = re.search(r"def\s+(\w+)", code)
    if name and len(re.findall(r"\b" + name.group(1) + r"\(", code)) > 1:
        return "functions"
    if re.search(r"\b(for|while)\b", code):
        return "loops"
    return "variables"


def difficulty_of(problem):
    lines = [l for l in problem["code"].splitlines() if l.strip()]
    if len(lines) <= 5:
        return "beginner"
    if len(lines) <= 12:
        return "intermediate"
    return "advanced"


def function_name(problem):
    match = re.match(r"\s*assert\s+(?:not\s+)?\(?\s*(?:set\()?\s*(?:math\.isclose\()?\s*([A-Za-z_]\w*)\(",
                     problem["test_list"][0])
    return match.group(1) if match else ""


def main(path):
    with open(path, encoding="utf-8") as source:
        problems = [json.loads(line) for line in source if line.strip()]
    writer = csv.writer(sys.stdout, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["id", "source_task_id", "module", "difficulty", "function_name", "prompt", "reference_solution",
                     "test_setup", "tests"])
    for problem in sorted(problems, key=lambda p: p["task_id"]):
        writer.writerow([
            "mbpp-%d" % problem["task_id"], problem["task_id"], module_of(problem).upper(),
            difficulty_of(problem).upper(), function_name(problem), problem["text"].strip(),
            problem["code"].replace("\r\n", "\n"), problem["test_setup_code"].replace("\r\n", "\n"),
            json.dumps(problem["test_list"]),
        ])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
