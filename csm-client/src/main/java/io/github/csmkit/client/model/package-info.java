/**
 * Value types sent to and read from the CSM bulk APIs: profiles, accounts, details, the batches
 * that carry them, and the status of the asynchronous tasks that process them.
 *
 * <p>Values are immutable and built with builders; a batch's {@code build()} validates it against
 * the API's rules and throws {@link io.github.csmkit.client.error.CsmValidationException} on a
 * broken rule. Public API.
 */
@NullMarked
package io.github.csmkit.client.model;

import org.jspecify.annotations.NullMarked;
