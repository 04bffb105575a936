import hashlib
from collections.abc import Iterable, Iterator

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, StreamingHttpResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition

from newsline.timeline.caching import request_version

from .formats import FORMATS, Format, Selection
from .forms import select_events

# A class downloads the same export over and over: the file is kept until the data changes, up to this size.
KEPT_EXPORT_MAX_BYTES = 2_000_000
KEPT_EXPORT_SECONDS = 3600


def unknown_format(name: str) -> HttpResponse:
    choices = ", ".join(f"{key} ({fmt.description})" for key, fmt in FORMATS.items())
    message = f"There is no export format called “{name[:40]}”. Use /export/<format>/ with one of: {choices}.\n"
    return HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")


def export_version(request: HttpRequest, format: str = "") -> str:
    """Changes with the data, the URL, the day (it is in the file name) and the deployed stylesheet (in the HTML)."""
    parts = [request_version(request)[0], request.get_full_path(), timezone.now().date().isoformat(),
             static("exports.css")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def keep_while_streaming(pieces: Iterable[str], key: str, file_name: str) -> Iterator[bytes]:
    """The pieces, encoded; once the last is sent, the whole file is kept if it is small enough."""
    kept: list[bytes] | None = []
    size = 0
    for piece in pieces:
        encoded = piece.encode()
        if kept is not None:
            kept.append(encoded)
            size += len(encoded)
            if size > KEPT_EXPORT_MAX_BYTES:
                kept = None
        yield encoded
    if kept is not None:
        cache.set(key, (file_name, b"".join(kept)), KEPT_EXPORT_SECONDS)


def export_response(
    export_format: Format, file_name: str, content: bytes | Iterable[bytes]
) -> HttpResponse | StreamingHttpResponse:
    """HTML pages open in the browser, ready to print; data files download, streamed piece by piece."""
    headers = {"Content-Disposition": content_disposition_header(not export_format.inline, file_name)}
    if export_format.inline:
        body = content if isinstance(content, bytes) else b"".join(content)
        return HttpResponse(body, content_type=export_format.content_type, headers=headers)
    pieces = [content] if isinstance(content, bytes) else content
    return StreamingHttpResponse(pieces, content_type=export_format.content_type, headers=headers)


# A browser that has the file already gets a 304 while the same file would be made again.
@condition(etag_func=export_version)
def download(request: HttpRequest, format: str) -> HttpResponse | StreamingHttpResponse:
    export_format = FORMATS.get(format)
    if export_format is None:
        return unknown_format(format)
    key = "newsline:export:" + export_version(request)
    if kept := cache.get(key):
        return export_response(export_format, *kept)
    selection: Selection = select_events(request.GET)
    file_name = export_format.file_name(selection)
    pieces = keep_while_streaming(export_format.render(selection), key, file_name)
    return export_response(export_format, file_name, pieces)
