/**
 * {@code csmkit verify}: every record of the sync state fetched back from CSM and compared with
 * what was last sent ({@link io.github.csmkit.hubspot.verify.StateVerification}), every difference
 * reported ({@link io.github.csmkit.hubspot.verify.Difference}, streamed by {@link
 * io.github.csmkit.hubspot.verify.DifferenceFile}).
 */
package io.github.csmkit.hubspot.verify;
