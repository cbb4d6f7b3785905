package com.fieldservice.portal.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work-order list as CSV for a spreadsheet: only {@link CustomerJobView.Row}'s columns,
 * UTF-8 with a byte-order mark (so that Excel reads accents right), RFC 4180 quoting, and cells
 * that a spreadsheet would take for a formula prefixed with an apostrophe.
 */
final class JobCsv {

    private JobCsv() {
    }

    static void write(Writer out, boolean closed, Stream<CustomerJobView.Row> rows) {
        PortalFormat fmt = PortalFormat.INSTANCE;
        try {
            out.write('\uFEFF');
            line(out, List.of(PortalTexts.get("portal.jobs.col.number"), PortalTexts.get("portal.jobs.col.name"),
                    PortalTexts.get("portal.jobs.col.installation"), PortalTexts.get("portal.jobs.col.status"),
                    PortalTexts.get("portal.jobs.col.reported"),
                    PortalTexts.get(closed ? "portal.jobs.col.closed" : "portal.jobs.col.nextVisit"),
                    PortalTexts.get("portal.jobs.col.technician"), PortalTexts.get("portal.jobs.col.reference")));
            Iterator<CustomerJobView.Row> it = rows.iterator();
            while (it.hasNext()) {
                CustomerJobView.Row row = it.next();
                line(out, List.of(String.valueOf(row.number()), nz(row.name()), nz(row.installationName()),
                        PortalTexts.status(row.customerStatus()), fmt.csvDate(row.reportedOn()),
                        closed ? fmt.csvDate(row.closedOn()) : fmt.csvDateTime(row.nextVisitStart()),
                        closed ? "" : nz(row.nextVisitTechnician()), nz(row.customerReference())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(';') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
