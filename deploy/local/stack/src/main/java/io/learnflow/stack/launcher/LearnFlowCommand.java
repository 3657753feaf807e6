package io.learnflow.stack.launcher;

public class LearnFlowCommand {
    public static void main(String[] args) {
    }
}
