package io.vigie.test.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records over {@value #MOST_COMPONENTS} positional fields are hard to build and to change: a caller lines up a
 * dozen arguments by position. A wide record is grouped into small value objects (clocks, parties, sections), or says
 * why it stays wide in the comment just above it, on a line starting with {@code Wide:} (a JSON body whose shape is
 * an API contract, a benchmark's report row, …).
 * <p>
 * Read from the sources (a comment is not in the bytecode), by a deliberately small parser: a record header is
 * {@code record Name(…)}, its components are the top-level commas between the parentheses.
 */
public final class WideRecords {

    public static final int MOST_COMPONENTS = 10;

    private static final Pattern HEADER = Pattern.compile("\\brecord\\s+(\\w+)\\s*(<[^>{;]*>)?\\s*\\(");

    private WideRecords() {
    }

    /** {@code File.java: Name has 12 fields and no "Wide:" reason} for every wide record below the folder. */
    public static List<String> withoutReason(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(withoutReason(sources.relativize(file).toString(), Files.readString(file)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> withoutReason(String file, String source) {
        List<String> found = new ArrayList<>();
        Matcher header = HEADER.matcher(source);
        while (header.find()) {
            int components = components(source, header.end());
            if (components > MOST_COMPONENTS && !reasonAbove(source, header.start())) {
                found.add(file + ": " + header.group(1) + " has " + components
                        + " fields and no \"Wide:\" reason in the comment above it");
            }
        }
        return found;
    }

    private static int components(String source, int from) {
        int depth = 1;
        int generics = 0;
        int commas = 0;
        boolean any = false;
        for (int i = from; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            switch (c) {
                case '(' -> depth++;
                case ')' -> depth--;
                case '<' -> generics++;
                case '>' -> generics--;
                case ',' -> {
                    if (depth == 1 && generics == 0) {
                        commas++;
                    }
                }
                default -> {
                }
            }
            if (depth == 1 && !Character.isWhitespace(c)) {
                any = true;
            }
        }
        return any ? commas + 1 : 0;
    }

    /** The comment block (Javadoc or line comments, annotations between) right above the header holds "Wide:". */
    private static boolean reasonAbove(String source, int header) {
        int lineStart = source.lastIndexOf('\n', header) + 1;
        String[] above = source.substring(0, lineStart).split("\n");
        for (int i = above.length - 1; i >= 0; i--) {
            String line = above[i].strip();
            if (line.isEmpty() || line.startsWith("@") && !line.startsWith("@param")) {
                if (line.isEmpty()) {
                    return false;
                }
                continue;
            }
            if (!(line.startsWith("*") || line.startsWith("/*") || line.startsWith("//"))) {
                return false;
            }
            if (line.replaceFirst("^(/\\*\\*|/\\*|\\*|//)\\s*", "").startsWith("Wide:")) {
                return true;
            }
        }
        return false;
    }
}
