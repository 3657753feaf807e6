package io.learnflow.triage.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event stream of one query: the student must own the query before the stream opens, because once an event
 * stream has started its status can no longer be changed to 404. The query as the check read it is kept in the
 * request's {@link io.vertx.ext.web.RoutingContext} under {@link #FOUND}, the stream's first event.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface OwnQueryStream {

    String FOUND = "learnflow.own-query";
}
