/**
 * Implementation details of csmkit: the HTTP transport and the wire format.
 *
 * <p><b>Not public API.</b> Types here are public only so that csmkit's own packages can use them;
 * they may change or disappear in any release without notice, are left out of the Javadoc and are
 * not checked for compatibility.
 */
package io.github.csmkit.client.internal;
