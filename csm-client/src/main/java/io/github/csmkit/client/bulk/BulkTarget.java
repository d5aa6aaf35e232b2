package io.github.csmkit.client.bulk;

import io.github.csmkit.client.BulkEndpoint;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.OrganizationDetailBatch;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A bulk endpoint as the import engine sees it: which endpoint, how items become a batch, how much
 * of the batch's budget an item uses, and which key identifies an item for de-duplication.
 *
 * @param <O> the item type
 * @param <B> the batch type
 */
public final class BulkTarget<O extends BatchItem, B extends Batch<O>> {
  /** Customer profiles; de-duplicated by email (trimmed, lower-case), else customer id. */
  public static final BulkTarget<CustomerProfileOperation, CustomerProfileBatch> CUSTOMER_PROFILES =
      new BulkTarget<>(
          "customer profiles",
          CsmClient::customerProfiles,
          CustomerProfileBatch::of,
          op -> 1,
          0,
          op -> normalised(op.payload().email().or(() -> op.payload().customerId())));

  /** Organization profiles; de-duplicated by name, else id. */
  public static final BulkTarget<OrganizationProfileOperation, OrganizationProfileBatch>
      ORGANIZATION_PROFILES =
          new BulkTarget<>(
              "organization profiles",
              CsmClient::organizationProfiles,
              OrganizationProfileBatch::of,
              op -> 1,
              0,
              op -> normalised(op.payload().name().or(() -> op.payload().id())));

  /** Customer accounts; de-duplicated by email. */
  public static final BulkTarget<CustomerAccount, CustomerAccountBatch> CUSTOMER_ACCOUNTS =
      new BulkTarget<>(
          "customer accounts",
          CsmClient::customerAccounts,
          CustomerAccountBatch::of,
          a -> 1,
          0,
          a -> normalised(Optional.of(a.email())));

  /** Customers' detail values; at most 1000 operations a batch; de-duplicated by customer id. */
  public static final BulkTarget<DetailUpdate, CustomerDetailBatch> CUSTOMER_DETAILS =
      new BulkTarget<>(
          "customer details",
          CsmClient::customerDetails,
          CustomerDetailBatch::of,
          u -> u.operations().size(),
          Batch.MAX_DETAIL_OPERATIONS,
          u -> Optional.of(u.id()));

  /** Organizations' detail values; at most 1000 operations a batch; de-duplicated by id. */
  public static final BulkTarget<DetailUpdate, OrganizationDetailBatch> ORGANIZATION_DETAILS =
      new BulkTarget<>(
          "organization details",
          CsmClient::organizationDetails,
          OrganizationDetailBatch::of,
          u -> u.operations().size(),
          Batch.MAX_DETAIL_OPERATIONS,
          u -> Optional.of(u.id()));

  /** Customer detail-field definitions; de-duplicated by name. */
  public static final BulkTarget<DetailFieldDefinition, DetailFieldBatch> CUSTOMER_DETAIL_FIELDS =
      new BulkTarget<>(
          "customer detail fields",
          CsmClient::customerDetailFields,
          DetailFieldBatch::of,
          d -> 1,
          0,
          d -> normalised(Optional.of(d.name())));

  /** Organization detail-field definitions; de-duplicated by name. */
  public static final BulkTarget<DetailFieldDefinition, DetailFieldBatch>
      ORGANIZATION_DETAIL_FIELDS =
          new BulkTarget<>(
              "organization detail fields",
              CsmClient::organizationDetailFields,
              DetailFieldBatch::of,
              d -> 1,
              0,
              d -> normalised(Optional.of(d.name())));

  private final String name;
  private final Function<CsmClient, ? extends BulkEndpoint<B>> endpoint;
  private final Function<List<O>, B> batch;
  private final ToIntFunction<O> weight;
  private final int maxWeight;
  private final Function<O, Optional<String>> dedupeKey;

  private BulkTarget(
      String name,
      Function<CsmClient, ? extends BulkEndpoint<B>> endpoint,
      Function<List<O>, B> batch,
      ToIntFunction<O> weight,
      int maxWeight,
      Function<O, Optional<String>> dedupeKey) {
    this.name = name;
    this.endpoint = endpoint;
    this.batch = batch;
    this.weight = weight;
    this.maxWeight = maxWeight;
    this.dedupeKey = dedupeKey;
  }

  /** A readable name, for example {@code "customer profiles"}. */
  public String name() {
    return name;
  }

  /** The endpoint of this target on a client. */
  public BulkEndpoint<B> endpoint(CsmClient client) {
    return endpoint.apply(client);
  }

  /** Builds the batch of these items; throws if they break a rule. */
  public B batch(List<O> items) {
    return batch.apply(items);
  }

  /** How much of a batch's operation budget the item uses (1 unless detail operations). */
  int weight(O item) {
    return weight.applyAsInt(item);
  }

  /** The operation budget of a batch, 0 for none. */
  int maxWeight() {
    return maxWeight;
  }

  /** The default de-duplication key of an item. */
  public Optional<String> dedupeKey(O item) {
    return dedupeKey.apply(item);
  }

  private static Optional<String> normalised(Optional<String> s) {
    return s.map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "BulkTarget[" + name + "]";
  }
}
