/**
 * The CSM client: {@link io.github.csmkit.client.CsmClient} and its endpoints, {@link
 * io.github.csmkit.client.Credentials}, and the retry and poll policies.
 *
 * <p>Start with {@link io.github.csmkit.client.CsmClient#builder()}; the overview page has a quick
 * start. Everything in this package is public API and follows the versioning policy in {@code
 * docs/VERSIONING.md}.
 */
package io.github.csmkit.client;
