package io.learnflow.k8s.rules;

import java.util.List;

import io.learnflow.k8s.Overlay;

/** A check across the resources of one rendered overlay. */
public interface Rule {

    String name();

    List<Violation> check(Overlay overlay);
}
