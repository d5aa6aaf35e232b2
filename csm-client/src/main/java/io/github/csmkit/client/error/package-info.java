/**
 * The exceptions the client throws, all unchecked and rooted at {@link
 * io.github.csmkit.client.error.CsmException}: one per kind of HTTP failure, plus local validation,
 * transport and task-timeout failures. Public API.
 */
@NullMarked
package io.github.csmkit.client.error;

import org.jspecify.annotations.NullMarked;
