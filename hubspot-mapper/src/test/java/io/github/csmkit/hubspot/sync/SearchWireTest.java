package io.github.csmkit.hubspot.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWireTest {
  @Test
  void theRequestBodyIsHubSpotsSearchShape() {
    SearchRequest q =
        new SearchRequest(
            "contacts",
            List.of(
                new SearchRequest.Filter("lastmodifieddate", "GTE", "1767225600000"),
                new SearchRequest.Filter("hs_object_id", "GT", "1200")),
            "hs_object_id",
            true,
            List.of("email", "lastmodifieddate"),
            200,
            null);
    assertThat(q.toJson())
        .isEqualTo(
            "{\"filterGroups\":[{\"filters\":["
                + "{\"propertyName\":\"lastmodifieddate\",\"operator\":\"GTE\",\"value\":\"1767225600000\"},"
                + "{\"propertyName\":\"hs_object_id\",\"operator\":\"GT\",\"value\":\"1200\"}]}],"
                + "\"sorts\":[{\"propertyName\":\"hs_object_id\",\"direction\":\"ASCENDING\"}],"
                + "\"properties\":[\"email\",\"lastmodifieddate\"],\"limit\":200}");
    assertThat(
            new SearchRequest("companies", List.of(), "name", false, List.of(), 10, "400").toJson())
        .contains("\"direction\":\"DESCENDING\"", "\"after\":\"400\"");
    assertThatThrownBy(
            () ->
                new SearchRequest(
                    "contacts", List.of(), "hs_object_id", true, List.of(), 201, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPageIsParsedAsHubSpotSendsIt() {
    String body =
        "{\"total\":1204,\"results\":["
            + "{\"id\":\"512\",\"properties\":{\"email\":\"a@example.com\",\"firstname\":null,"
            + "\"lastmodifieddate\":\"2019-12-07T16:50:06.678Z\"},\"createdAt\":\"2019-10-30T03:30:17.883Z\","
            + "\"updatedAt\":\"2019-12-07T16:50:06.678Z\",\"archived\":false},"
            + "{\"id\":\"513\",\"properties\":{\"lastmodifieddate\":\"1575737406000\"}},"
            + "{\"id\":\"514\",\"properties\":{},\"updatedAt\":\"2019-12-07T16:50:06+01:00\"}],"
            + "\"paging\":{\"next\":{\"after\":200}}}";
    SearchPage page = SearchPage.fromJson(body, "lastmodifieddate");
    assertThat(page.total()).isEqualTo(1204);
    assertThat(page.nextAfter()).isEqualTo("200");
    assertThat(page.results()).hasSize(3);
    assertThat(page.results().get(0).modifiedAt())
        .isEqualTo(Instant.parse("2019-12-07T16:50:06.678Z"));
    assertThat(page.results().get(0).properties()).containsEntry("firstname", null);
    assertThat(page.results().get(1).modifiedAt()).isEqualTo(Instant.ofEpochMilli(1575737406000L));
    assertThat(page.results().get(2).modifiedAt()).isEqualTo(Instant.parse("2019-12-07T15:50:06Z"));

    SearchPage last = SearchPage.fromJson("{\"total\":0,\"results\":[]}", "lastmodifieddate");
    assertThat(last.nextAfter()).isNull();
    assertThat(last.results()).isEmpty();
  }

  @Test
  void aRecordWithoutAnIdOrATimeIsAnError() {
    assertThatThrownBy(() -> SearchPage.fromJson("{\"results\":[{\"properties\":{}}]}", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no id");
    assertThatThrownBy(
            () -> SearchPage.fromJson("{\"results\":[{\"id\":\"1\",\"properties\":{}}]}", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no readable x");
    assertThatThrownBy(() -> SearchPage.fromJson("not json", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
