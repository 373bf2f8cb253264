package msftchina.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import msftchina.facts.FactsFormatException;
import msftchina.facts.WordList;

/**
 * Other names for the report's entities and other words for its terms, read from {@code
 * facts/aliases.txt} and {@code facts/synonyms.txt}. Each line reads {@code name the report uses =
 * other name, other name}; a question's other names are rewritten to the report's before search.
 * The report's {@code names.txt} names are kept as written, never rewritten by a synonym of one of
 * their words.
 */
public final class Thesaurus {

  private static final Pattern COMMA = Pattern.compile(",");

  /** The shared files of {@code facts/}: other words for any report's words, and opposites. */
  public static final List<String> SHARED_FILES = List.of("synonyms.txt", "opposites.txt");

  /** A report's own files: other names for its entities, and other words for its phrases. */
  public static final List<String> REPORT_FILES = List.of("aliases.txt", "synonyms.txt");

  /** The report's file, one of {@link #REPORT_FILES}, whose names are the report's entities. */
  static final String ENTITIES_FILE = "aliases.txt";

  /**
   * The report's file of its entities' products: {@code entity = product, product}. A product names
   * its entity with a noun of making or owning ("the LinkedIn owner", "the maker of Office", "the
   * company behind CapCut"), not alone ("is LinkedIn big in China?" asks about LinkedIn).
   */
  public static final String PRODUCTS_FILE = "products.txt";

  /**
   * The nouns that name a company by what it makes or owns, put after a product ("the CapCut
   * parent") or before it with "of" ("the maker of Windows"): English's agent nouns of making and
   * owning (maker, developer, creator, owner, publisher, operator; Merriam-Webster) and the general
   * nouns for a company and its people.
   */
  static final List<String> MAKER_NOUNS =
      List.of(
          "maker",
          "makers",
          "developer",
          "developers",
          "creator",
          "creators",
          "owner",
          "owners",
          "parent",
          "parent company",
          "publisher",
          "operator",
          "company",
          "firm",
          "corporation",
          "people",
          "folks",
          "team",
          "giant");

  /** The verbs of making or owning in "the company that makes Windows". */
  static final List<String> MAKER_VERBS =
      List.of("makes", "made", "owns", "owned", "runs", "built", "builds", "created", "develops");

  /** Where the build puts each report's other words from WordNet, on the class path. */
  public static final String WORDNET_RESOURCES = "/msftchina/english/senses/";

  private final PhraseTrie<String> canonical;
  private final List<String> entities;
  private final Descriptions descriptions;
  private final Set<String> products;

  private Thesaurus(
      PhraseTrie<String> canonical,
      List<String> entities,
      Descriptions descriptions,
      Set<String> products) {
    this.canonical = canonical;
    this.entities = List.copyOf(entities);
    this.descriptions = descriptions;
    this.products = Set.copyOf(products);
  }

  /** Reads the shared thesaurus files in {@code shared} and the report's own in {@code report}. */
  public static Thesaurus read(Path shared, Path report) throws IOException {
    PhraseTrie<String> canonical = new PhraseTrie<>();
    Set<String> entities = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    SHARED_FILES.forEach(name -> files.add(shared.resolve(name)));
    REPORT_FILES.forEach(name -> files.add(report.resolve(name)));
    for (Path file : files) {
      boolean entityFile =
          file.getParent() != null
              && file.getParent().equals(report)
              && file.getFileName().toString().equals(ENTITIES_FILE);
      for (Entry entry : Entry.all(file, WordList.read(file))) {
        if (entityFile) {
          entities.add(entry.name());
        }
        for (String other : entry.others()) {
          String previous = canonical.put(other, entry.name());
          if (previous != null && !previous.equals(entry.name())) {
            throw new FactsFormatException(
                file, entry.line(), "'" + other + "' already stands for '" + previous + "'");
          }
        }
      }
    }
    readWordNet(report, canonical);
    Set<String> products = readProducts(report.resolve(PRODUCTS_FILE), canonical);
    // A name is never rewritten by a synonym of one of its words ("market share" is no share).
    for (String name : WordList.texts(report.resolve(Names.FILE))) {
      String key = name.toLowerCase(Locale.ROOT);
      String previous = canonical.put(key, name);
      if (previous != null) {
        canonical.put(key, previous); // a thesaurus entry, which WordListsLintTest forbids
      }
    }
    return new Thesaurus(
        canonical,
        List.copyOf(entities),
        Descriptions.read(report.resolve(Descriptions.FILE)),
        products);
  }

  /**
   * Adds the other words the build drew from WordNet for the report's senses ({@code
   * senses/REPORT.txt} on the class path, made by {@code english.WordNetSenses}); a word the
   * hand-written files already give keeps their meaning. A report the build did not see has none.
   */
  private static void readWordNet(Path report, PhraseTrie<String> canonical) throws IOException {
    Path folder = report.getFileName();
    if (folder == null) {
      return;
    }
    String resource = WORDNET_RESOURCES + folder + ".txt";
    try (InputStream in = Thesaurus.class.getResourceAsStream(resource)) {
      if (in == null) {
        return;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Entry entry : Entry.all(Path.of(resource), WordList.entries(text.lines().toList()))) {
        for (String other : entry.others()) {
          String previous = canonical.put(other, entry.name());
          if (previous != null) {
            canonical.put(other, previous); // the hand-written meaning wins
          }
        }
      }
    }
  }

  /**
   * Adds the phrases that name an entity by one of its products ({@link #PRODUCTS_FILE}) with a
   * noun or verb of making or owning; a phrase the hand-written files give keeps their meaning.
   * Returns the products, lower-cased.
   */
  private static Set<String> readProducts(Path file, PhraseTrie<String> canonical)
      throws IOException {
    Set<String> products = new HashSet<>();
    if (!Files.exists(file)) {
      return products;
    }
    for (Entry entry : Entry.all(file, WordList.read(file))) {
      for (String product : entry.others()) {
        products.add(product);
        List<String> phrases = new ArrayList<>();
        for (String noun : MAKER_NOUNS) {
          phrases.add(product + " " + noun);
          phrases.add(noun + " of " + product);
        }
        for (String noun : List.of("company", "firm", "people", "folks", "team")) {
          phrases.add(noun + " behind " + product);
        }
        for (String verb : MAKER_VERBS) {
          phrases.add("company that " + verb + " " + product);
          phrases.add("firm that " + verb + " " + product);
        }
        for (String phrase : phrases) {
          String previous = canonical.put(phrase, entry.name());
          if (previous != null) {
            canonical.put(phrase, previous);
          }
        }
      }
    }
    return products;
  }

  /** A line {@code name = other name, other name}, the other names lower-cased. */
  private record Entry(int line, String name, List<String> others) {

    static List<Entry> all(Path file, List<WordList.Line> lines) {
      List<Entry> entries = new ArrayList<>();
      for (WordList.Line line : lines) {
        int eq = line.text().indexOf('=');
        if (eq <= 0) {
          throw new FactsFormatException(
              file, line.number(), "expected 'name = other name, other name'");
        }
        String name = line.text().substring(0, eq).strip();
        List<String> others = new ArrayList<>();
        for (String other : COMMA.split(line.text().substring(eq + 1), -1)) {
          String key = other.strip().toLowerCase(Locale.ROOT);
          if (key.isEmpty()) {
            throw new FactsFormatException(
                file, line.number(), "empty other name for '" + name + "'");
          }
          others.add(key);
        }
        entries.add(new Entry(line.number(), name, List.copyOf(others)));
      }
      return entries;
    }
  }

  /** Returns the names the reports use for their entities (companies, people, places, products). */
  public List<String> entities() {
    return entities;
  }

  /**
   * Returns {@code question} with every other name, and every description of an entity ({@link
   * Descriptions}), replaced by the report's name for it.
   */
  /**
   * Returns whether {@code text} from {@code start} to {@code end} is one of the report's products
   * written as a name: capitalised within its sentence (source: English: proper nouns are
   * capitalised; a capital at a sentence's start marks nothing).
   */
  private boolean isProductName(String text, int start, int end) {
    String written = text.substring(start, end);
    if (!products.contains(written.toLowerCase(Locale.ROOT))
        || !Character.isUpperCase(written.codePointAt(0))
        || text.equals(text.toUpperCase(Locale.ROOT))) {
      return false; // not a product, not capitalised, or a message all in capitals
    }
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      if (c == '.' || c == '?' || c == '!' || c == '\n') {
        return false;
      }
    }
    return false;
  }

  public String rewrite(String text) {
    String question = descriptions.rewrite(text);
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (PhraseTrie.Hit<String> hit : canonical.find(question)) {
      if (question.regionMatches(true, hit.start(), hit.value(), 0, hit.value().length())
          && hit.end() - hit.start() == hit.value().length()) {
        continue; // a name, kept as written
      }
      if (!entities.contains(hit.value()) && isProductName(question, hit.start(), hit.end())) {
        continue; // "Outlook" in "a reply in Outlook": the product, not an outlook
      }
      out.append(question, at, hit.start()).append(' ').append(hit.value()).append(' ');
      at = hit.end();
    }
    return out.append(question, at, question.length()).toString();
  }
}
