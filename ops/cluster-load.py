#!/usr/bin/env python3
"""Mixed load on the portal, as ops/cluster-check.sh runs it: planners browse the grid, open
work orders, comment and edit them; customers browse their work orders and report problems.

Every worker is one person with their own session, sending the next request as soon as the
previous answer came (a closed loop). It writes, for the check that follows:
  acks.txt      one line per write the portal acknowledged (303): "<kind> <marker>"
  failures.txt  one line per failed request: "<epoch seconds> <method> <path> <status or error>"
and prints "requests: N, failed: F, acknowledged writes: W, refused: R".
"""
import argparse
import html.parser
import http.client
import os
import random
import threading
import time
import urllib.parse
import uuid

PASSWORD = "demo-password"
PLANNERS = ["planner@demo.test", "admin@demo.test"]
CUSTOMERS = ["alice@acme.demo.test", "bob@globex.demo.test"]


class Form(html.parser.HTMLParser):
    """The fields of one form (found by its action or id) as a browser would send them."""

    def __init__(self, match):
        super().__init__()
        self.match, self.inside, self.fields, self.select, self.textarea = match, False, [], None, None
        self.optgroup = False
        self.options = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.match(a)
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("form") is None:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "search"):
                return
            if kind in ("checkbox", "radio"):
                self.options.setdefault(name, []).append((a.get("value", "on"), "mobile-hint" in (a.get("aria-describedby") or "")))
                if "checked" not in a:
                    return
            self.fields.append([name, a.get("value", "")])
        elif tag == "select" and name:
            self.select = [name, None]
        elif tag == "optgroup":
            self.optgroup = True
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if value:
                self.options.setdefault(self.select[0], []).append((value, self.optgroup))
            if "selected" in a or self.select[1] is None:
                self.select[1] = value
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            self.fields.append(self.select)
            self.select = None
        elif tag == "optgroup":
            self.optgroup = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(self.textarea)
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form(body, match):
    parser = Form(match)
    parser.feed(body)
    return parser


class Person:
    def __init__(self, host, port, stats, username):
        self.host, self.port, self.stats, self.username = host, port, stats, username
        self.cookies = {}

    def request(self, method, path, body=None, content_type=None, expect=(200,)):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    if val:
                        self.cookies[key] = val
                    else:
                        self.cookies.pop(key, None)
            status, location = response.status, response.getheader("Location") or ""
        except (OSError, http.client.HTTPException) as e:
            status, text, location = type(e).__name__, "", ""
        finally:
            connection.close()
        self.stats.count(method, path, status, expect)
        return status, text, location

    def sign_in(self):
        while True:
            status, page, _ = self.request("GET", "/login")
            csrf = dict(form(page, lambda a: a.get("action", "").endswith("/login")).fields).get("_csrf", "")
            status, _, _ = self.request("POST", "/login", urllib.parse.urlencode(
                {"username": self.username, "password": PASSWORD, "_csrf": csrf}),
                "application/x-www-form-urlencoded", expect=(303,))
            if status == 303:
                return
            time.sleep(0.5)

    def post_form(self, path, fields, kind, marker):
        status, _, _ = self.request("POST", path, urllib.parse.urlencode([tuple(f) for f in fields] if isinstance(fields, list) else fields),
                                    "application/x-www-form-urlencoded", expect=(303, 409, 422))
        self.stats.acknowledge(status, kind, marker)

    def post_multipart(self, path, fields, kind, marker):
        boundary = "----portal" + uuid.uuid4().hex
        parts = []
        for name, value in fields:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n')
        body = ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")
        status, _, _ = self.request("POST", path, body, f"multipart/form-data; boundary={boundary}", expect=(303, 409, 422))
        self.stats.acknowledge(status, kind, marker)


class Stats:
    def __init__(self, acks, failures):
        self.lock = threading.Lock()
        self.requests = self.failed = self.refused = self.acked = 0
        self.acks, self.failures = acks, failures

    def count(self, method, path, status, expect):
        with self.lock:
            self.requests += 1
            if status not in expect:
                self.failed += 1
                self.failures.write(f"{time.time():.3f} {method} {path.split('?')[0]} {status}\n")
                self.failures.flush()

    def acknowledge(self, status, kind, marker):
        with self.lock:
            if status == 303:
                self.acked += 1
                self.acks.write(f"{kind} {marker}\n")
                self.acks.flush()
            elif status in (409, 422):
                self.refused += 1


def planner(person, jobs, stop):
    person.sign_in()
    while not stop.is_set():
        number = random.choice(jobs)
        roll = random.random()
        if roll < 0.3:
            person.request("GET", "/backoffice/jobs?sort=due&page=" + str(random.randint(1, 5)))
        elif roll < 0.55:
            person.request("GET", f"/backoffice/jobs/{number}")
        elif roll < 0.65:
            person.request("GET", "/backoffice")
        elif roll < 0.8:
            status, page, _ = person.request("GET", f"/backoffice/jobs/{number}")
            csrf = dict(form(page, lambda a: a.get("id") == "reply-form").fields).get("_csrf")
            if status == 200 and csrf:
                marker = "load-" + uuid.uuid4().hex
                person.post_form(f"/backoffice/jobs/{number}/comments",
                                 {"_csrf": csrf, "comment": marker, "visibility": "internal"}, "comment", marker)
        else:
            status, page, _ = person.request("GET", f"/backoffice/jobs/{number}/edit")
            if status == 200:
                fields = form(page, lambda a: a.get("method", "").lower() == "post").fields
                marker = "load-" + uuid.uuid4().hex
                values = [[k, v] for k, v in fields]
                for field in values:
                    if field[0] == "internal_memo":
                        field[1] = marker
                if not any(k == "internal_memo" for k, _ in values):
                    values.append(["internal_memo", marker])
                person.post_form(f"/backoffice/jobs/{number}/edit", values, "edit", marker)


def customer(person, stop):
    person.sign_in()
    while not stop.is_set():
        roll = random.random()
        if roll < 0.5:
            person.request("GET", "/portal/jobs")
        elif roll < 0.75:
            person.request("GET", "/portal")
        else:
            status, page, _ = person.request("GET", "/portal/report")
            report = form(page, lambda a: a.get("id") == "report-form")
            if not [v for v, mobile in report.options.get("project_id", []) if not mobile]:
                status, page, _ = person.request("GET", "/portal/report?q=a")
                report = form(page, lambda a: a.get("id") == "report-form")
            choices = [v for v, mobile in report.options.get("project_id", []) if not mobile]
            if status != 200 or not choices:
                continue
            marker = "load-" + uuid.uuid4().hex
            fields = [[k, v] for k, v in report.fields if k not in ("project_id", "description")]
            fields += [["project_id", random.choice(choices)], ["description", "Noise from the unit " + marker]]
            person.post_multipart("/portal/report", fields, "report", marker)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--url", default="http://127.0.0.1:8080")
    args.add_argument("--seconds", type=int, default=180)
    args.add_argument("--planners", type=int, default=4)
    args.add_argument("--customers", type=int, default=4)
    args.add_argument("--jobs", required=True, help="a file of work-order numbers to edit, one a line")
    args.add_argument("--out", default=".")
    args.add_argument("--until", help="after --seconds, go on until this file exists")
    a = args.parse_args()
    target = urllib.parse.urlparse(a.url)
    jobs = [int(line) for line in open(a.jobs) if line.strip()]
    with open(f"{a.out}/acks.txt", "w") as acks, open(f"{a.out}/failures.txt", "w") as failures:
        stats, stop, threads = Stats(acks, failures), threading.Event(), []
        for i in range(a.planners):
            # each planner edits its own share of the work orders: no two edit the same one
            share = jobs[i::a.planners]
            person = Person(target.hostname, target.port, stats, PLANNERS[i % len(PLANNERS)])
            threads.append(threading.Thread(target=planner, args=(person, share, stop)))
        for i in range(a.customers):
            person = Person(target.hostname, target.port, stats, CUSTOMERS[i % len(CUSTOMERS)])
            threads.append(threading.Thread(target=customer, args=(person, stop)))
        for t in threads:
            t.start()
        time.sleep(a.seconds)
        while a.until and not os.path.exists(a.until):
            time.sleep(0.2)
        stop.set()
        for t in threads:
            t.join()
    print(f"requests: {stats.requests}, failed: {stats.failed}, acknowledged writes: {stats.acked}, refused: {stats.refused}")


if __name__ == "__main__":
    main()
