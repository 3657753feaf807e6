package io.learnflow.debug.ai;

import java.util.Map;
import java.util.Optional;

import io.learnflow.model.LearningModule;

/** What common beginner exceptions mean, what to check first, and which module they belong to. */
final class ErrorCatalog {

    record Entry(String meaning, String firstCheck, LearningModule module) {
    }

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("NameError", new Entry(
                    "Python met a name it does not know: it was never assigned, is spelled differently, or is used "
                            + "before the line that creates it.",
                    "Compare the spelling (and capital letters) with the place where you assign it, and make sure "
                            + "that assignment runs before this line.",
                    LearningModule.VARIABLES)),
            Map.entry("UnboundLocalError", new Entry(
                    "A function assigns to this name, so Python treats it as local to the function everywhere in it, "
                            + "but it is read before it gets a value.",
                    "Pass the value in as a parameter and return the new value, instead of changing a variable "
                            + "from outside the function.",
                    LearningModule.FUNCTIONS)),
            Map.entry("TypeError", new Entry(
                    "An operation got a value of a type it cannot work with, such as adding a number to a string, "
                            + "calling something that is not a function, or passing the wrong number of arguments.",
                    "Print the values on that line and their `type(...)`; convert with `int()`, `str()` or `float()` "
                            + "where needed, and count the arguments against the function's parameters.",
                    LearningModule.VARIABLES)),
            Map.entry("ValueError", new Entry(
                    "A function got a value of the right type but an unusable content, such as `int('abc')`.",
                    "Print the value just before the conversion; strip spaces or check the input before converting.",
                    LearningModule.VARIABLES)),
            Map.entry("IndexError", new Entry(
                    "The code asked for a position that the list (or string) does not have. Positions run from 0 to "
                            + "`len(...) - 1`.",
                    "Print `len(...)` and the index just before the failing line; a loop with `range(len(x) + 1)` or "
                            + "an index of `len(x)` goes one step too far.",
                    LearningModule.LISTS)),
            Map.entry("KeyError", new Entry(
                    "The dictionary has no entry for that key.",
                    "Print the dictionary's keys, check spelling and type (`'1'` is not `1`), or use "
                            + "`d.get(key, default)` when a key may be missing.",
                    LearningModule.DICTIONARIES)),
            Map.entry("AttributeError", new Entry(
                    "The object has no attribute or method of that name, often because it is a different type than "
                            + "expected (for example `None`) or the attribute was never set in `__init__`.",
                    "Print `type(...)` of the object before the dot; if it is `None`, find the function that should "
                            + "have returned something.",
                    LearningModule.CLASSES)),
            Map.entry("ZeroDivisionError", new Entry(
                    "The code divided by zero.",
                    "Find where the divisor comes from and handle the zero case (for example an empty list's length) "
                            + "before dividing.",
                    LearningModule.VARIABLES)),
            Map.entry("RecursionError", new Entry(
                    "A function kept calling itself without reaching a case that stops it.",
                    "Check the base case: is it reachable, and does every recursive call move closer to it?",
                    LearningModule.FUNCTIONS)),
            Map.entry("IndentationError", new Entry(
                    "The lines are not indented consistently: a block after `:` must be indented, and lines of one "
                            + "block must line up.",
                    "Use 4 spaces per level everywhere (not a mix of tabs and spaces) and check the line above the "
                            + "one reported too.",
                    LearningModule.CONDITIONALS)),
            Map.entry("SyntaxError", new Entry(
                    "Python could not read the code as Python, so nothing ran.",
                    "Look at the reported line and the one before it for a missing `:`, bracket or quote, or `=` "
                            + "where `==` was meant.",
                    LearningModule.VARIABLES)),
            Map.entry("ModuleNotFoundError", new Entry(
                    "The module being imported could not be found.",
                    "Check the module name's spelling, and that your own file is not named like the module.",
                    LearningModule.FUNCTIONS)),
            Map.entry("FileNotFoundError", new Entry(
                    "The program tried to open a file that does not exist at that path.",
                    "Print the path and the current folder (`import os; print(os.getcwd())`).",
                    LearningModule.STRINGS)));

    private ErrorCatalog() {
    }

    static Optional<Entry> explain(String exceptionType) {
        return Optional.ofNullable(ENTRIES.get(exceptionType));
    }
}
