package org.pollwatch.common.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The 304 of a conditional GET ({@link org.pollwatch.common.HttpCaching}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
public @interface NotModifiedResponse {}
