# SPDX-License-Identifier: GPL-3.0-or-later
"""Baseline client for linkis-desk-bench: the same Linkis REST calls made with the Python
standard library only (urllib + json + csv), the way a user would script them.

  baseline_client.py URL TOKEN USER select1            submit "select 1", wait, print the row
  baseline_client.py URL TOKEN USER trivial N          N in-process submit->Succeed->page runs;
                                                       prints one duration in ms per line
  baseline_client.py URL TOKEN USER page PATH N        N openFile pages (5000 rows); ms per line
  baseline_client.py URL TOKEN USER export PATH FILE   every page of PATH to FILE as CSV
  baseline_client.py URL TOKEN USER xlsx PATH FILE     every page of PATH to FILE as an Excel
                                                       workbook (xlsxwriter, constant memory,
                                                       numbers as numbers); prints peak RSS KiB
"""
import csv
import json
import sys
import time
import urllib.parse
import urllib.request

PREFIX = "/api/rest_j/v1/"


class Client:
    def __init__(self, url, token, user):
        self.base = url.rstrip("/") + PREFIX
        self.headers = {"Token-Code": token, "Token-User": user,
                        "Content-Type": "application/json"}
        self.user = user

    def call(self, method, path, query=None, body=None):
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, headers=self.headers, method=method)
        with urllib.request.urlopen(req) as reply:
            doc = json.loads(reply.read())
        if doc.get("status") != 0:
            raise RuntimeError("%s: %s" % (path, doc.get("message")))
        return doc["data"]

    def submit(self, code):
        body = {"executionContent": {"code": code, "runType": "sql"},
                "params": {"variable": {}, "configuration": {}}, "source": {},
                "labels": {"engineType": "sqlite", "userCreator": self.user + "-IDE"}}
        data = self.call("POST", "entrance/submit", body=body)
        return data["execID"], data["taskID"]

    def wait(self, exec_id, task_id):
        while True:
            status = self.call("GET", "entrance/%s/status" % exec_id,
                               {"taskID": task_id})["status"]
            if status in ("Succeed", "Failed", "Cancelled", "Timeout"):
                return status

    def first_result(self, task_id):
        task = self.call("GET", "jobhistory/%s/get" % task_id)["task"]
        tree = self.call("GET", "filesystem/getDirFileTrees",
                         {"path": task["resultLocation"]})["dirFileTrees"]
        paths = sorted(c["path"] for c in (tree.get("children") or []))
        return paths[0]

    def page(self, path, page, size=5000):
        return self.call("GET", "filesystem/openFile",
                         {"path": path, "page": page, "pageSize": size})


def main(argv):
    url, token, user, mode = argv[1:5]
    c = Client(url, token, user)
    if mode == "select1":
        exec_id, task_id = c.submit("select 1")
        if c.wait(exec_id, task_id) != "Succeed":
            return 1
        rows = c.page(c.first_result(task_id), 1)["fileContent"]
        print("\t".join(str(v) for v in rows[0]))
    elif mode == "trivial":
        for _ in range(int(argv[5])):
            t0 = time.perf_counter()
            exec_id, task_id = c.submit("select 1")
            c.wait(exec_id, task_id)
            c.page(c.first_result(task_id), 1)
            print("%.3f" % ((time.perf_counter() - t0) * 1000))
    elif mode == "page":
        for _ in range(int(argv[6])):
            t0 = time.perf_counter()
            c.page(argv[5], 1)
            print("%.3f" % ((time.perf_counter() - t0) * 1000))
    elif mode == "export":
        with open(argv[6], "w", newline="") as out:
            writer = csv.writer(out)
            page = 1
            while True:
                data = c.page(argv[5], page)
                rows = data["fileContent"]
                if page == 1:
                    writer.writerow([col["columnName"] for col in data["metadata"]])
                if not rows:
                    break
                writer.writerows(rows)
                page += 1
    elif mode == "xlsx":
        import resource
        import xlsxwriter
        book = xlsxwriter.Workbook(argv[6], {"constant_memory": True})
        sheet = book.add_worksheet("Result")
        page, row, numeric = 1, 1, []
        while True:
            data = c.page(argv[5], page, 25000)
            rows = data["fileContent"]
            if page == 1:
                names = [col["columnName"] for col in data["metadata"]]
                numeric = [col["dataType"] in ("int", "long", "bigint", "double", "float",
                                               "decimal") for col in data["metadata"]]
                sheet.write_row(0, 0, names)
            if not rows:
                break
            for cells in rows:
                for i, v in enumerate(cells):
                    if v is None or v == "NULL":
                        continue
                    if numeric[i]:
                        try:
                            sheet.write_number(row, i, float(v))
                            continue
                        except ValueError:
                            pass
                    sheet.write_string(row, i, v)
                row += 1
            page += 1
        book.close()
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    else:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
