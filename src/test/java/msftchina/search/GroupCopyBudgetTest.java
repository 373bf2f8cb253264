package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * However many groups of their own a large library holds, their copies in memory take at most
 * {@link GroupCopy#BUDGET_BYTES} together: the smallest groups are copied first, the others are
 * searched in the library.
 */
class GroupCopyBudgetTest {

  private static final int M = GroupCopy.MAX;

  static Stream<Arguments> groups() {
    return Stream.of(
        Arguments.of("one small group", new int[] {100}, new boolean[] {true}),
        Arguments.of("a group too large", new int[] {M + 1}, new boolean[] {false}),
        Arguments.of("a group never copied", new int[] {-1, 10}, new boolean[] {false, true}),
        Arguments.of(
            "eight of the largest size fit",
            new int[] {M, M, M, M, M, M, M, M},
            new boolean[] {true, true, true, true, true, true, true, true}),
        Arguments.of(
            "the ninth is past the budget",
            new int[] {M, M, M, M, M, M, M, M, M},
            new boolean[] {true, true, true, true, true, true, true, true, false}),
        Arguments.of(
            "the smallest first",
            new int[] {M, 10, M, M, M, M, M, M, M, 20},
            new boolean[] {true, true, true, true, true, true, true, true, false, true}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void copiesTheSmallestGroupsWhileTheyFit(String name, int[] statements, boolean[] copied) {
    assertArrayEquals(copied, GroupCopy.chosen(statements));
  }
}
