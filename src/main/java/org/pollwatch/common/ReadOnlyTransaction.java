package org.pollwatch.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method (or every method of a class) that only reads: it runs in a transaction of its own whose
 * Hibernate session loads entities read-only and never flushes, or joins the caller's transaction
 * as it is. See {@link ReadOnlyTransactionInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnlyTransaction {}
