# Sourced by the load scripts: the request paths of each scenario, built from the data itself
# (samples with TABLESAMPLE ... REPEATABLE, so every run requests the same paths). Each function
# writes one file per scenario, named after it, into the folder it is given.
#   PORTAL_EMBEDDED_DB_PORT (54329): the portal's PostgreSQL; PGPASSWORD as measure.sh sets it

portal_sql() { psql -h 127.0.0.1 -p "${PORTAL_EMBEDDED_DB_PORT:-54329}" -U postgres portal -Atc "$1"; }

# backoffice_paths DIR: the back office's read pages, as the demo planner uses them
backoffice_paths() {
    local dir=$1
    portal_sql "SELECT 'x' FROM generate_series(1, 10)" | sed 's#.*#/backoffice/jobs#' > "$dir/grid-default"
    portal_sql "SELECT '/backoffice/jobs?status=' || s.code || '&company=' || c.code
                  FROM (SELECT company_id, job_status_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT 500) j
                  JOIN company c ON c.id = j.company_id JOIN job_status s ON s.id = j.job_status_id" > "$dir/grid-status-company"
    printf '%s\n' '/backoffice/jobs?overdue=1' '/backoffice/jobs?overdue=1&sort=due_date&dir=asc' > "$dir/grid-overdue"
    portal_sql "SELECT DISTINCT '/backoffice/jobs?q=' || split_part(name, ' ', 1)
                  FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (9) LIMIT 50" > "$dir/grid-text"
    portal_sql "SELECT '/backoffice/jobs?q=' || customer_reference FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (11)
                 WHERE customer_reference IS NOT NULL LIMIT 200" >> "$dir/grid-text"
    portal_sql "SELECT '/backoffice/jobs?technician=' || code || sort FROM app_user TABLESAMPLE SYSTEM (50) REPEATABLE (23)
                  CROSS JOIN (VALUES (''), ('&sort=due_date&dir=asc')) AS s(sort)
                 WHERE EXISTS (SELECT 1 FROM job_planning pl WHERE pl.app_user_id = app_user.id) LIMIT 40" > "$dir/grid-technician"
    # the name filters as a planner types them: a company's first word in lower case, an installation's
    # words, a technician's last name; each also with a status, as planners narrow a list
    portal_sql "SELECT '/backoffice/jobs?company=' || lower(split_part(c.name, ' ', 1)) || s.status
                  FROM (SELECT company_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (25) LIMIT 100) j
                  JOIN company c ON c.id = j.company_id CROSS JOIN (VALUES (''), ('&status=Open')) AS s(status)" > "$dir/grid-names"
    portal_sql "SELECT '/backoffice/jobs?installation=' || replace(lower(split_part(p.name, ' – ', 1)), ' ', '+')
                  FROM (SELECT project_id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (27) LIMIT 100) j
                  JOIN project p ON p.id = j.project_id" >> "$dir/grid-names"
    portal_sql "SELECT '/backoffice/jobs?technician=' || replace(lower(lastname), ' ', '+') FROM app_user TABLESAMPLE SYSTEM (50)
                  REPEATABLE (29) WHERE EXISTS (SELECT 1 FROM job_planning pl WHERE pl.app_user_id = app_user.id) LIMIT 40" >> "$dir/grid-names"
    # deep pages: the keyset link of a page far down the default list (as "Next" links lead there)
    portal_sql "SELECT '/backoffice/jobs?after=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (13) LIMIT 500" > "$dir/grid-deep"
    portal_sql "SELECT '/backoffice/jobs?open=1&after=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (15)
                 WHERE date_closed IS NULL LIMIT 200" >> "$dir/grid-deep"
    portal_sql "SELECT '/backoffice/jobs/' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (17) LIMIT 2000" > "$dir/detail"
    portal_sql "SELECT '/backoffice/find?q=' || id2 FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (19) LIMIT 500" > "$dir/find"
    portal_sql "SELECT '/backoffice/find?q=' || customer_reference FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (21)
                 WHERE customer_reference IS NOT NULL LIMIT 500" >> "$dir/find"
    printf '%s\n' /backoffice > "$dir/dashboard"
}

# customer_company USER: the SQL of the company of the customer who signs in as USER
customer_company() {
    echo "(SELECT ct.company_id FROM account a JOIN contact ct ON ct.id = a.contact_id WHERE lower(a.username) = lower('$1'))"
}

# portal_paths DIR USER: the customer's pages as USER (a contact) uses them: the list (tabs, search,
# filters, sorts, pages), one work order, the lookup by their own reference
portal_paths() {
    local dir=$1 company
    company=$(customer_company "$2")
    local installations cities
    installations=$(portal_sql "SELECT id FROM project WHERE company_id = $company ORDER BY id2 LIMIT 20")
    cities=$(portal_sql "SELECT DISTINCT a.city FROM project p JOIN db_address a ON a.id = p.db_address_id WHERE p.company_id = $company LIMIT 5")
    {
        for sort in number reported status visit; do for dir_ in asc desc; do
            echo "/portal/jobs?sort=$sort&dir=$dir_"; echo "/portal/jobs?tab=closed&sort=$sort&dir=$dir_"; done; done
        for page in 1 2 3 5 8; do echo "/portal/jobs?tab=closed&page=$page"; done
        for q in boiler lift leak noise 2025 ACME; do echo "/portal/jobs?q=$q"; echo "/portal/jobs?tab=closed&q=$q"; done
        for id in $installations; do echo "/portal/jobs?installation=$id"; echo "/portal/jobs?tab=closed&installation=$id"; done
        while read -r city; do
            if [ -n "$city" ]; then echo "/portal/jobs?location=$(printf %s "$city" | sed 's/ /%20/g')"; fi
        done <<< "$cities"
    } > "$dir/list"
    portal_sql "SELECT '/portal/jobs/' || id2 FROM jobs WHERE company_id = $company ORDER BY random() LIMIT 2000" > "$dir/detail"
    portal_sql "SELECT '/portal/lookup?customer_reference=' || customer_reference FROM jobs
                 WHERE company_id = $company AND customer_reference IS NOT NULL ORDER BY random() LIMIT 1000" > "$dir/lookup"
    echo "/portal/lookup?customer_reference=NO-SUCH-REFERENCE" >> "$dir/lookup"
}

# api_paths DIR: GET /api/jobs/{id} of random work orders
api_paths() {
    portal_sql "SELECT '/api/jobs/' || id FROM jobs TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT 5000" > "$1/api-job"
}
