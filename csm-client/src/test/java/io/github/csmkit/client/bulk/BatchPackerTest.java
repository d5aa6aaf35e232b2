package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPackerTest {
  private static List<Long> indexes(List<? extends Pending<?, ?>> items) {
    return items.stream().map(Pending::index).toList();
  }

  @Test
  void aBatchClosesAtBatchSize() {
    BatchPacker<String, CustomerProfileOperation, CustomerProfileBatch> packer =
        new BatchPacker<>(BulkTarget.CUSTOMER_PROFILES, 3);
    List<List<Long>> closed = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      var full = packer.add(PartsFixture.pending(i, "r" + i + "@x.io"));
      if (full != null) {
        closed.add(indexes(full));
        packer.placed();
      }
    }
    assertThat(closed).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L));
    assertThat(indexes(packer.take())).containsExactly(6L, 7L);
  }

  @Test
  void aBatchClosesBeforeItsOperationBudgetIsPassed() {
    BatchPacker<String, DetailUpdate, CustomerDetailBatch> packer =
        new BatchPacker<>(BulkTarget.CUSTOMER_DETAILS, 50);
    List<Integer> weights = List.of(400, 500, 100, 1, 999, 1000);
    List<List<Long>> closed = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      var full =
          packer.add(new Pending<>(i, "r" + i, detail("c" + i, weights.get(i)), weights.get(i)));
      if (full != null) {
        closed.add(indexes(full));
      }
    }
    // 400+500+100 = 1000 fits exactly; +1 does not
    assertThat(closed).containsExactly(List.of(0L, 1L, 2L), List.of(3L, 4L));
    assertThat(indexes(packer.take())).containsExactly(5L);
  }

  private static DetailUpdate detail(String id, int operations) {
    return DetailUpdate.of(
        id,
        IntStream.range(0, operations)
            .mapToObj(i -> DetailOperation.update("f" + i, "v"))
            .toArray(DetailOperation[]::new));
  }

  @Test
  void leftoversAreWhatIsPendingAndWhatIsInHand() {
    BatchPacker<String, CustomerProfileOperation, CustomerProfileBatch> packer =
        new BatchPacker<>(BulkTarget.CUSTOMER_PROFILES, 2);
    packer.add(PartsFixture.pending(0, "a@x.io"));
    packer.add(PartsFixture.pending(1, "b@x.io"));
    var full = packer.add(PartsFixture.pending(2, "c@x.io")); // closes 0,1; now in hand
    assertThat(indexes(full)).containsExactly(0L, 1L);
    assertThat(indexes(packer.leftovers())).containsExactly(0L, 1L, 2L);
    assertThat(packer.leftovers()).isEmpty();
  }

  @Test
  void buildingRefusesTheItemsABatchRuleNamesAndKeepsTheRest() {
    BatchPacker<String, CustomerProfileOperation, CustomerProfileBatch> packer =
        new BatchPacker<>(BulkTarget.CUSTOMER_PROFILES, 50);
    // the same email twice in one batch breaks a rule across items
    var items =
        List.of(
            PartsFixture.pending(0, "a@x.io"),
            PartsFixture.pending(1, "b@x.io"),
            PartsFixture.pending(2, "a@x.io"));
    var built = packer.build(items);
    assertThat(built.batch()).isNotNull();
    assertThat(built.batch().items()).hasSize(built.kept().size());
    assertThat(built.refused()).isNotEmpty();
    assertThat(built.refused()).allSatisfy(r -> assertThat(r.stage()).isEqualTo(Stage.VALIDATION));
    assertThat(built.kept().size() + built.refused().size()).isEqualTo(3);
    assertThat(indexes(built.kept())).contains(1L);
  }
}
