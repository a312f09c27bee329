/**
 * Responses that many operations document alike, each written once as an annotation that carries
 * its {@code @APIResponse} (the OpenAPI scanner reads annotations composed this way). An operation
 * names the shared ones and spells out only what is its own. The problem body of every error
 * response is added by {@link org.pollwatch.problems.ProblemResponses}.
 */
package org.pollwatch.common.openapi;
