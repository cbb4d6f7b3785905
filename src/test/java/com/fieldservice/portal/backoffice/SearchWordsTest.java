package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLettersAndDigitsInLowerCaseAtMostEight() {
        assertThat(SearchWords.parse("REQ-5571-C002737")).containsExactly("req", "5571", "c002737");
        assertThat(SearchWords.parse("  Chaudière   d'été ")).containsExactly("chaudière", "d", "été");
        assertThat(SearchWords.parse("a b c d e f g h i j")).hasSize(SearchWords.MAX_WORDS);
        assertThat(SearchWords.parse("-- /")).isEmpty();
        assertThat(SearchWords.parse(null)).isEmpty();
    }

    @Test
    void threeLettersOrMoreMatchAsPrefixesShorterOnesWhole() {
        assertThat(SearchWords.term("boi")).isEqualTo("boi:*");
        assertThat(SearchWords.term("po")).isEqualTo("po");
        assertThat(SearchWords.likePattern("boi")).isEqualTo("boi%");
        assertThat(SearchWords.likePattern("po")).isEqualTo("po");
    }

    @Test
    void commonWordsAreCheckedOnWhatTheRareOnesFind() {
        SearchWords words = SearchWords.weigh(List.of("req", "5571", "c002737"), List.of(60_000.0, 0.0, 0.0));
        assertThat(words.indexedQuery()).isEqualTo("5571:* & c002737:*");
        assertThat(words.checkedQuery()).isEqualTo("req:*");
        assertThat(words.isOneCommonWord()).isFalse();
    }

    @Test
    void whenEveryWordIsCommonAllAreLookedUp() {
        SearchWords words = SearchWords.weigh(List.of("preventive", "maintenance"), List.of(90_000.0, 300_000.0));
        assertThat(words.indexedQuery()).isEqualTo("preventive:* & maintenance:*");
        assertThat(words.checkedQuery()).isNull();
        assertThat(words.isOneCommonWord()).isFalse();
    }

    @Test
    void oneWordIsCommonOnlyAboveTenTimesTheCountCap() {
        assertThat(SearchWords.weigh(List.of("boiler"), List.of(SearchWords.COMMON + 1)).isOneCommonWord()).isTrue();
        assertThat(SearchWords.weigh(List.of("boiler"), List.of(SearchWords.COMMON)).isOneCommonWord()).isFalse();
        assertThat(SearchWords.weigh(List.of("boiler"), List.of(0.0)).indexedQuery()).isEqualTo("boiler:*");
        assertThat(SearchWords.weigh(List.of(), List.of()).indexedQuery()).isNull();
    }

    @Test
    void aNameIsWholeWordsButTheLastWhichMayBeUnfinished() {
        assertThat(SearchWords.ofAName("Acme fac")).isEqualTo("acme & fac:*");
        assertThat(SearchWords.ofAName("  circulation pump of the air ")).isEqualTo("circulation & pump & of & the & air:*");
        assertThat(SearchWords.ofAName("boi")).isEqualTo("boi:*");
        assertThat(SearchWords.ofAName("acme de")).as("a short last word must match whole").isEqualTo("acme & de");
        assertThat(SearchWords.ofAName("-- /")).isNull();
    }
}
