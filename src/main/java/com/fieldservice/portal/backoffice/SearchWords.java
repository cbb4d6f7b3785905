package com.fieldservice.portal.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of the grid's search box, matched against the jobs' names and descriptions, each as
 * a prefix ("boil" finds "boiler"), all of them required, and which of them the full-text index
 * is asked to look up.
 *
 * <p>Why not all of them: for a prefix, the index lists every job having a word that starts so,
 * before it can intersect anything. "req" in the reference "REQ-5571-C002737" starts a word in
 * tens of thousands of jobs, and listing them costs 25 ms, while "5571" and "c002737" start
 * words of a handful. So a word that ANALYZE's statistics say is common (in more than
 * {@link #COMMON} jobs) is checked on the few jobs the rarer words found, not looked up. When every
 * word is common, all are looked up: none of them would narrow the search on its own.
 */
record SearchWords(List<String> all, List<String> indexed, List<String> checked, boolean allCommon) {

    /** At most this many words are searched: a longer text is pasted, not typed. */
    static final int MAX_WORDS = 8;
    /** Above this many jobs a word is "common": ten times the grid's count cap. */
    static final double COMMON = 10.0 * JobSearch.COUNT_CAP;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final SearchWords NONE = new SearchWords(List.of(), List.of(), List.of(), false);

    /** The words of a search text, in lower case, as the index stores them. */
    static List<String> parse(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(matcher.group());
        }
        return words;
    }

    /**
     * Splits the words by how many jobs each is known to be in at least ({@code atLeast}, in the
     * same order; 0 for a word the statistics don't list).
     */
    static SearchWords weigh(List<String> words, List<Double> atLeast) {
        if (words.isEmpty()) {
            return NONE;
        }
        List<String> rare = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            (atLeast.get(i) > COMMON ? common : rare).add(words.get(i));
        }
        if (rare.isEmpty()) {
            return new SearchWords(words, words, List.of(), true);
        }
        return new SearchWords(words, rare, common, false);
    }

    /** The full-text query of the looked-up words, for {@code to_tsquery('simple', ...)}; null if none. */
    String indexedQuery() {
        return query(indexed);
    }

    /** The full-text query of the words only checked on the jobs found; null if none. */
    String checkedQuery() {
        return query(checked);
    }

    /** Whether the search is a single common word: more jobs have it than the grid counts. */
    boolean isOneCommonWord() {
        return all.size() == 1 && allCommon;
    }

    /**
     * The words of a name as a planner types it, for {@code to_tsquery('simple', ...)}: each a whole
     * word of the name, the last one maybe its start ({@link #term}), as it is being typed ("acme fac"
     * finds "Acme Facilities"); null if none. Whole words, because the full-text index lists every
     * name having a word that starts with a prefix before it can intersect anything: for the seven
     * words of "circulation pump of the air handling unit" that cost 30 ms, whole words 10 ms.
     */
    static String ofAName(String text) {
        List<String> words = parse(text);
        if (words.isEmpty()) {
            return null;
        }
        String last = term(words.get(words.size() - 1));
        return words.size() == 1 ? last : String.join(" & ", words.subList(0, words.size() - 1)) + " & " + last;
    }

    /** A prefix of one or two letters matches half the table: such words must match whole. */
    static String term(String word) {
        return word.length() >= 3 ? word + ":*" : word;
    }

    /** The pattern the statistics' words are compared with: LIKE 'word%' for a prefix, else the word. */
    static String likePattern(String word) {
        // the words are letters and digits only: nothing to escape
        return word.length() >= 3 ? word + "%" : word;
    }

    private static String query(List<String> words) {
        return words.isEmpty() ? null : words.stream().map(SearchWords::term).collect(Collectors.joining(" & "));
    }
}
