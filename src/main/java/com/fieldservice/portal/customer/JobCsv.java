package com.fieldservice.portal.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import com.fieldservice.portal.web.Csv;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work-order list as CSV for a spreadsheet: only {@link CustomerJobView.Row}'s columns,
 * UTF-8 with a byte-order mark (so that Excel reads accents right), in the reader's language (its
 * separator: {@link Csv#separator}), RFC 4180 quoting, and cells
 * that a spreadsheet would take for a formula prefixed with an apostrophe (see {@link Csv}).
 */
final class JobCsv {

    private JobCsv() {
    }

    static void write(Writer out, boolean closed, Stream<CustomerJobView.Row> rows, PortalFormat fmt) {
        try {
            Language language = fmt.language();
            char separator = Csv.separator(language);
            out.write(Csv.BYTE_ORDER_MARK);
            Csv.line(out, Stream.of("number", "name", "installation", "status", "reported",
                    closed ? "closed" : "nextVisit", "technician", "reference")
                    .map(column -> Texts.get(language, "portal.jobs.col." + column)).toList(), separator);
            Iterator<CustomerJobView.Row> it = rows.iterator();
            while (it.hasNext()) {
                CustomerJobView.Row row = it.next();
                Csv.line(out, Arrays.asList(String.valueOf(row.number()), row.name(), row.installationName(),
                        Texts.get(language, "portal.status." + row.customerStatus()), fmt.csvDate(row.reportedOn()),
                        closed ? fmt.csvDate(row.closedOn()) : fmt.csvDateTime(row.nextVisitStart()),
                        closed ? "" : row.nextVisitTechnician(), row.customerReference()), separator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
