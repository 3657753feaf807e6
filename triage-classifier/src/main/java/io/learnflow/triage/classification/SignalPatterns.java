package io.learnflow.triage.classification;

import java.util.regex.Pattern;

/** The patterns {@link MessageSignal}s look for: a class of their own, as enum constants cannot use static fields. */
final class SignalPatterns {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    static final Pattern TRACEBACK_LINES = Pattern.compile(
            "traceback \\(most recent call last\\)|file \"[^\"]*\", line \\d+", FLAGS);
    static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z][A-Za-z]*(Error|Exception|Warning)\\b"
            + "|\\b(syntax|type|name|index|key|value|attribute|indentation|recursion) ?error\\b"
            + "|invalid syntax|\\bnot defined|(can'?t|cannot) assign to|is not (callable|subscriptable|iterable)"
            + "|has no attribute|out of range|unsupported operand|positional arguments?|unexpected (indent|eof)"
            + "|expected an indented block|can only concatenate|division by zero|invalid literal|unhashable"
            + "|referenced before assignment|missing \\d+ required|values to unpack|maximum recursion depth", FLAGS);
    static final Pattern FAILURE_WORDS = Pattern.compile(
            "(does ?n[o']?t|do ?n[o']?t|did ?n[o']?t|is ?n[o']?t|wo ?n[o']?t|can ?n[o']?t|cannot|not) (work|run|execute|"
                    + "compile|show|print|appear|move|stop)|not working|\\bwrong\\b|\\berrors?\\b|\\bbugs?\\b|\\bfail"
                    + "|crash|broken|problem occurs|\\bstrange\\b|\\bweird\\b|\\bmistake|\\bfix\\b|not (the )?same"
                    + "|different from|keeps? (popping|coming|appearing|giving)|unbound|\\bnone ?type|goes wrong"
                    + "|messed up|what did i do|where is (it )?wrong|is wrong", FLAGS);
    static final Pattern WRONG_RESULT_WORDS = Pattern.compile(
            "instead of|but (it |i |the )?(prints?|gives?|shows?|returns?|get|got|comes? out|outputs?)|\\bexpected"
                    + "|should (print|be|give|return|show|output)|comes? out|no output|nothing (happens|shows|appears|"
                    + "prints)|is empty|\\bblank\\b|only (shows?|prints?|appears?)|same (result|output|error)", FLAGS);
    static final Pattern HANG_WORDS = Pattern.compile(
            "never (stops|ends|finishes)|infinite|keeps? (printing|going|running|looping)|freez|\\bhangs?\\b|\\bstuck\\b"
                    + "|(can'?t|cannot|won'?t|does ?n[o']?t|not) (stop|end|break out)|forever", FLAGS);
    static final Pattern PRACTICE_WORDS = Pattern.compile(
            "\\bexercises?\\b|\\bpractic|\\bquiz me|\\bchallenge|\\bproblems? (for|on|about|with)|(harder|easier|another|"
                    + "next|new|more|one more) (one|exercise|problem|task|question|challenge)|give me (a|an|one|some|\\d)"
                    + "|\\bharder\\b|\\beasier\\b|\\bnext one|what should i do next|more like", FLAGS);
    static final Pattern CHECK_WORDS = Pattern.compile(
            "check (my|this|it|if|whether|task)|is (my|this|it) (solution |answer |code )?(right|correct|ok|okay|good)"
                    + "|\\bgrade (my|this)|\\bscore\\b|review (my|this)|good enough|better way|is it correct"
                    + "|is this correct|am i right|did i do it right|look at my (solution|answer)", FLAGS);
    static final Pattern TASK_WORDS = Pattern.compile(
            "\\b(task|exercise|ex|assignment|lab|project|problem|homework|question) ?#?\\d|\\b(in|for|of) (the )?"
                    + "(task|assignment|lab|project)\\b|the ['\"]?[\\w ]{1,30}['\"]? (task|exercise|assignment|project)"
                    + "|\\btasks?\\b", FLAGS);
    static final Pattern REQUIREMENT_WORDS = Pattern.compile(
            "do (i|we) (have|need) to|should (i|we)|shouldn'?t (i|we)|am i (allowed|supposed)|are we (allowed|supposed)"
                    + "|is it (ok|okay|allowed|fine|necessary|essential)|can (i|we) (use|assume|just)|supposed to"
                    + "|\\brequired\\b|\\bmean by\\b|what should the output|does (it|the task) (want|require|mean)"
                    + "|do we need|have to|is it essential|in what format|is it necessary", FLAGS);
    static final Pattern START_WORDS = Pattern.compile(
            "(how|where) (do i|to|should i|can i) (even )?(start|begin|approach)|(don'?t|do not) know (what to do|where to"
                    + " start|how to start|how to approach|how to do)|no idea|getting started|direction of approach"
                    + "|how to approach|what to do (after|for|in)|i'?m lost", FLAGS);
    static final Pattern CONCEPT_FORM = Pattern.compile(
            "^(what|how|why|when|which|is|are|does|do|can)\\b|what (is|are|does|do)\\b|difference|how (does|do|can|to)\\b"
                    + "|\\bexplain|meaning of|what.{0,20}\\bmeans?\\b|is there a (way|function|method)|when (should|would"
                    + "|do) (i|you|we)|\\brole of\\b|why (do|does|is|are) (people|we|you)", FLAGS);
    static final Pattern WHY_WORDS = Pattern.compile("\\bwhy\\b|\\bhow come\\b", FLAGS);
    static final Pattern HELP_WORDS = Pattern.compile(
            "can you (help|look|take a look|see|check)|help me|\\bhint\\b|please help|take a look|have a look", FLAGS);
    static final Pattern PYTHON_WORDS = Pattern.compile(
            "\\b(python|code|coding|program|programs|programming|script|loops?|for ?loop|while|lists?|tuples?|dict|"
                    + "dictionar(y|ies)|sets?|strings?|str|int|integers?|floats?|bool(ean)?|variables?|functions?|def|"
                    + "methods?|class(es)?|objects?|self|recursion|recursive|return|print|input|range|len|index|slic(e|ing)|"
                    + "import|modules?|exceptions?|try|except|lambda|comprehensions?|iterat\\w*|generators?|decorators?|"
                    + "files?|csv|arguments?|parameters?|operators?|syntax|indentation|scope|global|boolean|append|sort"
                    + "|sorted|split|join|f-?strings?|format|turtle|hubo|beepers?|robot)\\b", FLAGS);
    static final Pattern MISUSE_WORDS = Pattern.compile(
            "ignore (all |any |your |the |previous |prior |above |earlier )*(instructions|rules|guidelines)"
                    + "|system prompt|jailbreak|no (rules|restrictions|limits)|you are now|from now on you|pretend (you|to)"
                    + "|act as (a|an|if)|developer mode|\\bdan\\b|(quiz|exam|test|homework|assignment) (answers|solutions)"
                    + "|answers? (to|for|of) (the|this|my|today'?s|next|all)( [\\w']+)? (quiz|exam|test|homework)"
                    + "|solutions? (file|for all|to all)|(write|do|finish|solve) my (whole |entire |full )?(homework"
                    + "|assignment|project|exam)|full marks|give me (the )?(full|complete|whole) (code|solution)"
                    + "|(full|complete|whole) code (pls|please|for me)|bypass|reveal (your|the) (prompt|instructions)"
                    + "|no explanations|just give me the (answer|code|solution)"
                    + "|(forget|disregard|override) (all |any |your |the |previous |prior |earlier |of )*(instructions"
                    + "|rules|guidelines|restrictions)|disregard (everything|all)|ignore (what|everything) (they|you were"
                    + "|above)|(hidden|secret|original) (instructions|prompt|rules)|system message"
                    + "|(print|show|copy|repeat|tell me) (out )?your (instructions|prompt|rules)|answer key"
                    + "|solutions? (to|for|of) (the|this|my|today'?s|next|all)( [\\w']+)? (quiz|exam|test|homework)"
                    + "|(write|do|finish|solve) my (whole |entire |full )?lab\\b|personal (code|homework) writer"
                    + "|so (it|that it) looks like (mine|i wrote it)|hand it in as (mine|my own)|act as my\\b"
                    + "|(answers?|solutions?) (to|for|of) ([\\w']+ ){0,3}(quiz|exam|test|homework)\\b(?! cases?)"
                    + "|hidden tests?( cases?)?|(instructions|rules|prompt) you were given"
                    + "|write (me )?the (complete|whole|entire|full) (project|assignment|homework)", FLAGS);
    static final Pattern SMALL_TALK_ONLY = Pattern.compile(
            "^[\\s\\p{Punct}]*((hi|hello|hey|hallo|hola|namaste|good (morning|afternoon|evening|night)|thanks?( you)?"
                    + "|thank u|thx|ty|bye|goodbye|see you( tomorrow| later| soon)?|ok(ay)?|cool|great|nice|lol|haha|hmm+"
                    + "|yes|no|yeah|sure|got it|i see|awesome|gracias|danke|shukriya|bhai|bro|so much|a lot|that helped"
                    + "|it helped|how are you|kal milte hain|milte hain|cómo estás|wie geht'?s|tschüss|adiós|hello"
                    + "|thanks|bye|see you)[\\s\\p{Punct}]*)+$", FLAGS);
    static final Pattern ADMIN_WORDS = Pattern.compile(
            "deadline|due date|\\bpassword\\b|certificate|\\bgrades?\\b (for|in|of) (the|this|my) (course|class)"
                    + "|\\btrack\\b|live[- ]session|\\blink\\b|\\bvideos?\\b|\\blessons?\\b|website|\\bsite\\b|\\beditor\\b"
                    + "|\\blog ?in\\b|account|enrol|refund|\\bparent\\b|\\bcourse\\b|office hours|internet|\\bdownload"
                    + "|\\bsyllabus|\\bschedule|\\bexam date|\\bsubmission portal", FLAGS);

    private SignalPatterns() {
    }
}
