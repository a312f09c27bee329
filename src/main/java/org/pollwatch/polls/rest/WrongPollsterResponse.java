package org.pollwatch.polls.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The 403 of a write of a poll with a key of another pollster than the poll's. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponse(
        responseCode = "403",
        description =
                "The key belongs to another pollster than the poll's (only administrators write any pollster's polls)")
@interface WrongPollsterResponse {}
