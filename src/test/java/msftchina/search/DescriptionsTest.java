package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A company described instead of named: the description becomes the entity's name only beside a
 * noun for a company, in a definite phrase, when one entity has every description in it.
 */
class DescriptionsTest {

  @TempDir static Path folder;
  private static Descriptions descriptions;

  @BeforeAll
  static void read() throws Exception {
    Path file = folder.resolve(Descriptions.FILE);
    Files.writeString(
        file,
        """
        # Invented for tests (source: invented)
        Tencent = Shenzhen, gaming, social, Pony Ma
        ByteDance = short-video, social, Zhang Yiming
        Microsoft = Seattle, Bill Gates
        OpenAI = Altman
        """);
    descriptions = Descriptions.read(file);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // descriptions before a noun for a company, one entity's
        "does the Shenzhen gaming company use Azure?      | does the  Tencent  use Azure?",
        "how big is the Seattle-area tech giant?          | how big is the  Microsoft ?",
        // the noun of an industry before the company noun
        "is the Seattle-area software giant growing?      | is the  Microsoft  growing?",
        "does the Shenzhen cloud and gaming firm use Azure? | does the  Tencent  use Azure?",
        // a description two share, read with the phrase's others
        "is the Shenzhen gaming and social company big?   | is the  Tencent  big?",
        // a proper name makes the phrase definite
        "does Pony Ma's gaming firm use Azure?            | does  Tencent  use Azure?",
        // the entity itself, described as well: the description says nothing more
        "is Pony Ma's Tencent a customer?                 | is  Tencent a customer?",
        // the possessive of a name ending in s
        "why does Bill Gates' company stay in China?      | why does  Microsoft  stay in China?",
        // a company described by who founded it
        "is the company Bill Gates founded growing?       | is the  Microsoft  growing?",
        // a description two entities share is no one's
        "is the social media company a customer?          | is the social media company a customer?",
        "is the social company a customer?                | is the social company a customer?",
        // any such company ('a'), a place alone, a description of two at once
        "is a gaming firm a customer?                     | is a gaming firm a customer?",
        "is Shenzhen a good place for an office?          | is Shenzhen a good place for an office?",
        "is the Seattle gaming company a customer?        | is the Seattle gaming company a customer?",
        // a description that is part of a longer name is that name's
        "why won't Sam Altman's lab sell to China?        | why won't Sam Altman's lab sell to China?",
      })
  void rewritesADescribedCompanyToItsName(String question, String rewritten) {
    assertEquals(rewritten, descriptions.rewrite(question));
  }
}
