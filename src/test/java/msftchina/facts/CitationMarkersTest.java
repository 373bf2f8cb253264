package msftchina.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Citation markers give their numbers, and removing them leaves clean text. */
class CitationMarkersTest {

  static Stream<Arguments> markers() {
    return Stream.of(
        Arguments.of("competition in artificial intelligence [1, 2, 3, 4].", List.of(1, 2, 3, 4)),
        Arguments.of("a list without spaces [1,2,3,4].", List.of(1, 2, 3, 4)),
        Arguments.of("a range [1-4].", List.of(1, 2, 3, 4)),
        Arguments.of("a spaced range [1 - 4].", List.of(1, 2, 3, 4)),
        Arguments.of("one source [2].", List.of(2)),
        Arguments.of("an en-dash range and a number [1\u20133, 5].", List.of(1, 2, 3, 5)),
        Arguments.of("duplicates inside one marker [2, 2].", List.of(2)),
        Arguments.of("duplicates across markers [3, 1] and [1-2] and [3].", List.of(1, 2, 3)),
        Arguments.of("an overlapping range [1-3, 2].", List.of(1, 2, 3)),
        Arguments.of("numbers come out ascending [4] then [2].", List.of(2, 4)),
        Arguments.of("no marker at all.", List.of()),
        Arguments.of("", List.of()),
        Arguments.of("a non-citation bracket [sic].", List.of()),
        Arguments.of("a backwards range is not a citation [4-1].", List.of()),
        Arguments.of("words in brackets [see above] are not citations.", List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("markers")
  void numbersOfTheMarkers(String text, List<Integer> expected) {
    assertEquals(expected, CitationMarkers.numbers(text));
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "intelligence [1, 2].          | intelligence.",
        "intelligence.[1, 2]           | intelligence.",
        "intelligence. [1-4]           | intelligence.",
        "Azure [1\u20133, 5] grew [2]. | Azure grew.",
        "[1] Leading marker.           | Leading marker.",
        "He wrote [sic] it [1].        | He wrote [sic] it.",
        "Backwards [4-1] stays [2].    | Backwards [4-1] stays.",
        "No markers here.              | No markers here.",
      })
  void stripRemovesMarkersCleanly(String text, String expected) {
    assertEquals(expected, CitationMarkers.strip(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "He wrote [sic] it.",
        "See [note] below.",
        "An empty bracket [] here.",
        "A word [a1] and a number [1a].",
      })
  void nonCitationBracketsAreLeftAlone(String text) {
    assertEquals(List.of(), CitationMarkers.numbers(text));
    assertEquals(text, CitationMarkers.strip(text));
  }
}
