package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one parser of work-order numbers, GUIDs, page numbers and page sizes taken from requests. */
class RequestValuesTest {

    @Test
    void aWorkOrderNumberIsReadAsPeopleWriteIt() {
        for (String written : List.of("4711", " 4711 ", "#4711", "WO-4711", "wo4711", "# 4711")) {
            assertThat(RequestValues.workOrderNumber(written)).as(written).contains(4711);
        }
        for (String odd : List.of("", "#", "47 11", "4711a", "-4711", "1234567890", "4.7", "٤٧١١")) {
            assertThat(RequestValues.workOrderNumber(odd)).as(odd).isEmpty();
        }
        assertThat(RequestValues.workOrderNumber(null)).isEmpty();
    }

    @Test
    void aGuidIsTheReferencesEightFourFourFourTwelveHexDigitsNothingLooser() {
        UUID id = UUID.fromString("d1a620fb-efca-4aec-b2fb-04d37a6deaf8");
        assertThat(RequestValues.guid("d1a620fb-efca-4aec-b2fb-04d37a6deaf8")).contains(id);
        assertThat(RequestValues.guid(" D1A620FB-EFCA-4AEC-B2FB-04D37A6DEAF8 ")).contains(id);
        // UUID.fromString takes these; a request may not
        for (String odd : List.of("1-1-1-1-1", "d1a620fb-efca-4aec-b2fb-04d37a6deaf8a", "d1a620fbefca4aecb2fb04d37a6deaf8", "", "mobile")) {
            assertThat(RequestValues.guid(odd)).as(odd).isEmpty();
        }
        assertThat(RequestValues.guid(null)).isEmpty();
    }

    @Test
    void aPageIsOneOfThoseThereAreAndASizeOneOfThoseOffered() {
        assertThat(RequestValues.pageNumber("3", 10)).isEqualTo(3);
        assertThat(RequestValues.pageNumber("0", 10)).isEqualTo(1);
        assertThat(RequestValues.pageNumber("99", 10)).isEqualTo(10);
        assertThat(RequestValues.pageNumber("999999999999", 10)).isEqualTo(1);
        assertThat(RequestValues.pageNumber("two", 10)).isEqualTo(1);
        assertThat(RequestValues.pageNumber(null, 10)).isEqualTo(1);

        List<Integer> offered = List.of(25, 50, 100);
        assertThat(RequestValues.pageSize("50", offered)).isEqualTo(50);
        assertThat(RequestValues.pageSize("51", offered)).isEqualTo(25);
        assertThat(RequestValues.pageSize("-50", offered)).isEqualTo(25);
        assertThat(RequestValues.pageSize(null, offered)).isEqualTo(25);
        assertThat(RequestValues.wholeNumber("007")).isEqualTo(Optional.of(7));
    }
}
