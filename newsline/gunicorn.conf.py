"""gunicorn as `make run` and `make bench-load` start it: errors and the access log (with request ids) to the console."""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
errorlog = "-"
# %(M)s: the time taken in milliseconds; the request id is the X-Request-ID header the app sends back.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'
