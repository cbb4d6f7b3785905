package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.ThymeleafRenderer;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * How long the back-office grid's default view takes to render, and nothing else: its model read
 * once from the portal's database, then the page rendered again and again on one thread, as a
 * planner signed in in English gets it, into a writer that keeps nothing. Run by bench/render-grid.sh.
 * In the package of the grid's handler, whose model it reads.
 */
public final class RenderGrid {

    public static void main(String[] args) throws Exception {
        String url = args[0], password = args[1], template = args[2];
        long warmUpSeconds = Long.parseLong(args[3]);
        BusinessClock clock = BusinessClock.system(ZoneId.of("Europe/Brussels"));
        Jdbi jdbi = Database.configured(Jdbi.create(url, "postgres", password));
        Map<String, Object> model = new JobGridHandler(jdbi, clock).model(JobQuery.parse(Map.of()), Language.EN);
        ThymeleafRenderer renderer = new ThymeleafRenderer(new DateDisplay(clock));
        Principal planner = new Principal(UUID.randomUUID(), "planner@demo.test", Role.PLANNER, "Pat Planner",
                Optional.of(UUID.randomUUID()), Optional.empty(), Optional.empty(), false);
        ThymeleafRenderer.Request request = new ThymeleafRenderer.Request(Language.EN, Map.of(), "bench", planner,
                "token", Arrays.stream(Language.values()).map(l -> new Language.Link(l, "/backoffice/jobs?lang=" + l.code())).toList());
        CountingWriter out = new CountingWriter();
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            renderer.render(template, model, request, out);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            long cpu = threads.getCurrentThreadCpuTime(), wall = System.nanoTime();
            int pages = 0;
            out.characters = 0;
            while (System.nanoTime() - wall < 5_000_000_000L) {
                renderer.render(template, model, request, out);
                pages++;
            }
            System.out.printf("%s round %d: %.1f us per page (processor %.1f us), %d characters%n", template, round,
                    (System.nanoTime() - wall) / 1000.0 / pages, (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / pages,
                    out.characters / pages);
        }
    }

    /** Counts what it is given and keeps nothing: the page's cost without the answer's. */
    private static final class CountingWriter extends Writer {
        long characters;

        @Override
        public void write(char[] text, int offset, int length) {
            characters += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            characters += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
