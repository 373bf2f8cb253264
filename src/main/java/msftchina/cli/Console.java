package msftchina.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command reads from and writes to: standard input, output and error, and the environment.
 *
 * @param in standard input
 * @param out standard output: answers and results
 * @param err standard error: usage errors and log lines
 * @param env the environment variables
 */
record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {}
