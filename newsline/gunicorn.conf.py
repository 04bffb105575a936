"""gunicorn as `make run` and `make bench-load` start it: errors and the access log (with request ids) to the console."""

import os

# Two processes per core, each with a few threads: a thread waiting on the database or a slow client does not hold a
# process, and one long render (a big export) does not stall the others.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
threads = int(os.environ.get("WEB_THREADS", "2"))
accesslog = "-"
errorlog = "-"
# %(M)s: the time taken in milliseconds; the request id is the X-Request-ID header the app sends back.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'
