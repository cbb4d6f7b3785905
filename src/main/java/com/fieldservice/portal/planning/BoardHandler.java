package com.fieldservice.portal.planning;

import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.Texts;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /backoffice/planning?week=2026-W50&skill=&team=&page=}: the planning board.
 * Technicians as rows, a page of them at a time (a team fits on one; the whole company of
 * hundreds would be a page nobody reads and a slow one), the week's days as columns, each visit
 * a link to its work order; beside it the work waiting to be planned, each with a form that adds
 * its visit. Four statements (BoardDao). A week that can't be read answers 400 with a page
 * saying so.
 */
public final class BoardHandler {

    /** How many waiting work orders the board lists. */
    static final int WAITING = 30;
    static final String PATH = "/backoffice/planning";
    /** How many technicians a page of the board shows. */
    static final int TECHNICIANS_PER_PAGE = 25;
    private static final int PAGES = 1000;

    /** A technician's row: their name, code and id (the calendar link's form), and their visits, one cell per day of the week. */
    public record Row(String name, String code, UUID id, List<Cell> cells) {
    }

    /** A day of a technician's row ({@code day}: 2026-12-07) and the visits starting on it. */
    public record Cell(String day, List<Shown> visits) {
    }

    /**
     * A visit as its cell shows it: a link to its work order, emphasised when confirmed, its
     * state as title and "4711 · Boiler · 09:00–10:00", written here once, so that the template
     * reads four plain values per visit.
     */
    public record Shown(String link, String css, String title, String text) {
    }

    /**
     * A work order waiting to be planned as the list shows it: "4711 · Boiler", its installation,
     * "To be Planned · due 2026-12-10 · Boilers", and what its plan form needs (its action, the
     * version it was read at), written here once: the template reads plain values, thirty times a page.
     */
    public record Queued(int number, String link, String heading, String installation, String detail, String action,
                         int version) {
    }

    /** A choice of a filter's list, selected when in force: the template compares nothing. */
    public record Option(String value, String name, boolean selected) {
    }

    /** The filters and page in force, which every link of the board keeps. */
    record View(String week, String skill, String team, int page) {

        String link() {
            return PATH + "?week=" + week + (skill.isEmpty() ? "" : "&skill=" + skill) + (team.isEmpty() ? "" : "&team=" + team)
                    + (page == 1 ? "" : "&page=" + page);
        }

        View week(String other) {
            return new View(other, skill, team, page);
        }

        View page(int other) {
            return new View(week, skill, team, other);
        }
    }

    /** A visit's classes: its look is .board-visit's (portal.css), its state's emphasis Bootstrap's. */
    private static final String CONFIRMED = "board-visit fw-semibold";
    private static final String PROPOSED = "board-visit fst-italic";

    private final Jdbi jdbi;
    private final BusinessClock clock;
    /** Writes a visit's times as every page does. */
    private final DateDisplay dates;
    private final int perPage;

    public BoardHandler(Jdbi jdbi, BusinessClock clock) {
        this(jdbi, clock, TECHNICIANS_PER_PAGE);
    }

    BoardHandler(Jdbi jdbi, BusinessClock clock, int perPage) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.dates = new DateDisplay(clock);
        this.perPage = perPage;
    }

    public void board(Context ctx) {
        String weekText = ctx.queryParam("week");
        LocalDate monday;
        try {
            monday = weekText == null || weekText.isBlank() ? clock.today().with(DayOfWeek.MONDAY)
                    : DateInput.week(weekText);
        } catch (DateInput.Refused refused) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("planning/bad-week.html", Map.of("week", weekText, "error", refused.asFieldError(),
                    "thisWeek", DateInput.weekOf(clock.today())));
            return;
        }
        UUID skill = RequestValues.guid(ctx.queryParam("skill")).orElse(null);
        UUID team = RequestValues.guid(ctx.queryParam("team")).orElse(null);
        int page = RequestValues.pageNumber(ctx.queryParam("page"), PAGES);
        Map<String, Object> model = new HashMap<>();
        String language = Language.of(ctx).code();
        jdbi.useHandle(handle -> {
            BoardDao dao = handle.attach(BoardDao.class);
            List<BoardDao.Choice> choices = dao.choices(language);
            model.put("skills", options(choices, "skill", skill));
            model.put("teams", options(choices, "team", team));
            List<BoardDao.Technician> technicians = dao.technicians(skill, team, (page - 1) * perPage, perPage);
            List<BoardDao.Visit> visits = technicians.isEmpty() ? List.of()
                    : dao.visits(clock.startOf(monday), clock.startOf(monday.plusDays(7)),
                            technicians.stream().map(BoardDao.Technician::id).toArray(UUID[]::new));
            model.put("rows", rows(technicians, visits, monday, Language.of(ctx)));
            model.put("matching", technicians.isEmpty() ? 0 : technicians.get(0).matching());
            model.put("technicians", technicians);
            model.put("waiting", queued(skill == null ? dao.waiting(language) : dao.waitingWithSkill(skill, language),
                    Language.of(ctx)));
        });
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(monday.plusDays(d));
        }
        View view = new View(DateInput.weekOf(monday), skill == null ? "" : skill.toString(),
                team == null ? "" : team.toString(), page);
        model.put("days", days);
        model.put("week", view.week());
        model.put("skill", view.skill());
        model.put("team", view.team());
        model.put("previous", view.week(DateInput.weekOf(monday.minusWeeks(1))).link());
        model.put("next", view.week(DateInput.weekOf(monday.plusWeeks(1))).link());
        model.put("here", view.link());
        int matching = (int) model.get("matching");
        model.put("firstShown", (page - 1) * perPage + 1);
        model.put("lastShown", Math.min(matching, page * perPage));
        model.put("previousPage", page > 1 ? view.page(page - 1).link() : null);
        model.put("nextPage", page * perPage < matching ? view.page(page + 1).link() : null);
        model.put("defaultStart", monday.atTime(8, 0).toString());
        model.put("defaultEnd", monday.atTime(10, 0).toString());
        ThymeleafRenderer.renderBytes(ctx, "planning/board.html", model);
    }

    /** Each technician's visits by day of the week (the day a visit starts on; before the week: Monday). */
    private List<Row> rows(List<BoardDao.Technician> technicians, List<BoardDao.Visit> visits, LocalDate monday,
                           Language language) {
        // by the technician's place on the page (the visits say theirs), then by day
        List<List<List<Shown>>> byTechnician = new ArrayList<>(technicians.size());
        for (int t = 0; t < technicians.size(); t++) {
            List<List<Shown>> days = new ArrayList<>(7);
            for (int d = 0; d < 7; d++) {
                days.add(new ArrayList<>());
            }
            byTechnician.add(days);
        }
        Map<String, String> titles = new HashMap<>();
        for (BoardDao.Visit visit : visits) {
            if (visit.technician() >= 1 && visit.technician() <= technicians.size()) {
                List<List<Shown>> days = byTechnician.get(visit.technician() - 1);
                long day = ChronoUnit.DAYS.between(monday, clock.dayOf(visit.dateStart()));
                days.get((int) Math.max(0, Math.min(6, day))).add(shown(visit, titles, language));
            }
        }
        List<String> dayNames = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            dayNames.add(monday.plusDays(d).toString());
        }
        List<Row> rows = new ArrayList<>(technicians.size());
        for (int t = 0; t < technicians.size(); t++) {
            List<List<Shown>> days = byTechnician.get(t);
            List<Cell> cells = new ArrayList<>(7);
            for (int d = 0; d < 7; d++) {
                cells.add(new Cell(dayNames.get(d), days.get(d)));
            }
            BoardDao.Technician technician = technicians.get(t);
            rows.add(new Row(technician.name(), technician.code(), technician.id(), cells));
        }
        return rows;
    }

    private static List<Option> options(List<BoardDao.Choice> choices, String kind, UUID chosen) {
        List<Option> options = new ArrayList<>();
        for (BoardDao.Choice choice : choices) {
            if (choice.kind().equals(kind)) {
                options.add(new Option(choice.id().toString(), choice.name(), choice.id().equals(chosen)));
            }
        }
        return options;
    }

    private List<Queued> queued(List<BoardDao.Waiting> waiting, Language language) {
        DateDisplay local = dates.in(language);
        List<Queued> shown = new ArrayList<>(waiting.size());
        for (BoardDao.Waiting w : waiting) {
            StringBuilder detail = new StringBuilder(w.status());
            if (w.dueDate() != null) {
                detail.append(" · ").append(Texts.format(language, "planning.board.due", local.day(w.dueDate())));
            }
            if (w.skill() != null) {
                detail.append(" · ").append(w.skill());
            }
            String link = "/backoffice/jobs/" + w.number();
            shown.add(new Queued(w.number(), link, w.number() + " · " + w.name(), w.installation(), detail.toString(),
                    link + "/visits", w.version()));
        }
        return shown;
    }

    private Shown shown(BoardDao.Visit visit, Map<String, String> titles, Language language) {
        String title = titles.computeIfAbsent(visit.state(), state -> Texts.get(language, "planning.visit.state." + state));
        return new Shown("/backoffice/jobs/" + visit.number(),
                "confirmed".equals(visit.state()) ? CONFIRMED : PROPOSED,
                title, visit.number() + " · " + visit.installation() + " · " + dates.time(visit.dateStart())
                + "–" + dates.time(visit.dateEnd()));
    }
}
