package io.github.csmkit.sandbox;

/**
 * Every route the sandbox serves, relative to {@code /api/v1} (and to the optional {@code
 * /jsm/csm/cloudid/{cloudId}} prefix). Used to inject faults and to count requests.
 */
public enum Endpoint {
  /** {@code POST /api/v1/customer/bulk}: customer accounts. */
  CUSTOMER_ACCOUNTS("POST", "/customer/bulk", "customers", 50, "BULK_CUSTOMER_ACCOUNT_CREATE"),
  /** {@code POST /api/v1/customer/profile/bulk}: customer profiles. */
  CUSTOMER_PROFILES(
      "POST",
      "/customer/profile/bulk",
      "customerProfiles",
      100,
      "BULK_CUSTOMER_PROFILE_CREATE_UPDATE"),
  /** {@code POST /api/v1/organization/profile/bulk}: organization profiles. */
  ORGANIZATION_PROFILES(
      "POST",
      "/organization/profile/bulk",
      "organizationProfiles",
      100,
      "BULK_ORGANIZATION_PROFILE_CREATE_UPDATE"),
  /**
   * {@code POST /api/v1/customer/details/bulk}: customers' detail values (1000 operations at most).
   */
  CUSTOMER_DETAILS(
      "POST", "/customer/details/bulk", "customers", 1000, "BULK_CUSTOMER_DETAIL_FIELD_VALUES"),
  /** {@code POST /api/v1/organization/details/bulk}: organizations' detail values. */
  ORGANIZATION_DETAILS(
      "POST",
      "/organization/details/bulk",
      "organizations",
      1000,
      "BULK_ORGANIZATION_DETAIL_FIELD_VALUES"),
  /** {@code POST /api/v1/customer/details/definitions/bulk}: customer detail-field definitions. */
  CUSTOMER_DETAIL_DEFINITIONS(
      "POST",
      "/customer/details/definitions/bulk",
      "detailFields",
      50,
      "BULK_CUSTOMER_DETAIL_FIELD_CREATE"),
  /**
   * {@code POST /api/v1/organization/details/definitions/bulk}: organization detail-field
   * definitions.
   */
  ORGANIZATION_DETAIL_DEFINITIONS(
      "POST",
      "/organization/details/definitions/bulk",
      "detailFields",
      50,
      "BULK_ORGANIZATION_DETAIL_FIELD_CREATE"),
  /** {@code GET /api/v1/tasks/{id}}. */
  TASK_GET("GET", "/tasks/", null, 0, null),
  /** {@code GET /api/v1/customer/details}: the customer detail-field definitions. */
  CUSTOMER_DETAIL_FIELDS("GET", "/customer/details", null, 0, null),
  /** {@code GET /api/v1/organization/details}: the organization detail-field definitions. */
  ORGANIZATION_DETAIL_FIELDS("GET", "/organization/details", null, 0, null),
  /**
   * {@code POST /api/v1/customer/details}: creates one customer detail field, answered at once with
   * the field (no task); the older API version's only way to create one.
   */
  CUSTOMER_DETAIL_FIELD_CREATE("POST", "/customer/details", null, 0, null),
  /** {@code POST /api/v1/organization/details}: creates one organization detail field. */
  ORGANIZATION_DETAIL_FIELD_CREATE("POST", "/organization/details", null, 0, null),
  /** {@code POST /api/v1/organization/fetch}: organizations by id or name (50 at most). */
  ORGANIZATION_FETCH("POST", "/organization/fetch", null, 50, null),
  /** {@code POST /api/v1/customer/profile/fetch}: customer profiles by id or email (25 at most). */
  CUSTOMER_PROFILE_FETCH("POST", "/customer/profile/fetch", null, 25, null),
  /**
   * {@code POST /api/v1/organization/profile/fetch}: organization profiles, with their details, by
   * id or name (25 at most).
   */
  ORGANIZATION_PROFILE_FETCH("POST", "/organization/profile/fetch", null, 25, null);

  private final String method;
  private final String path;
  private final String bodyKey;
  private final int limit;
  private final String taskType;

  Endpoint(String method, String path, String bodyKey, int limit, String taskType) {
    this.method = method;
    this.path = path;
    this.bodyKey = bodyKey;
    this.limit = limit;
    this.taskType = taskType;
  }

  /**
   * The HTTP method of this route.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The path of this route below {@code /api/v1}; for {@link #TASK_GET} the prefix before the id.
   *
   * @return the path, starting with {@code /}
   */
  public String path() {
    return path;
  }

  /**
   * Whether this is an asynchronous bulk route that takes an {@code Idempotency-Key} and creates a
   * task.
   *
   * @return true for the seven bulk routes
   */
  public boolean isBulk() {
    return taskType != null;
  }

  /** The bulk detail-field definition routes. */
  boolean definesFields() {
    return this == CUSTOMER_DETAIL_DEFINITIONS || this == ORGANIZATION_DETAIL_DEFINITIONS;
  }

  String bodyKey() {
    return bodyKey;
  }

  int limit() {
    return limit;
  }

  String taskType() {
    return taskType;
  }

  EntityKind kind() {
    switch (this) {
      case ORGANIZATION_PROFILES:
      case ORGANIZATION_DETAILS:
      case ORGANIZATION_DETAIL_DEFINITIONS:
      case ORGANIZATION_DETAIL_FIELDS:
      case ORGANIZATION_DETAIL_FIELD_CREATE:
      case ORGANIZATION_FETCH:
      case ORGANIZATION_PROFILE_FETCH:
        return EntityKind.ORGANIZATION;
      default:
        return EntityKind.CUSTOMER;
    }
  }
}
