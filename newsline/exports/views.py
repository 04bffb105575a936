from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, StreamingHttpResponse
from django.utils.http import content_disposition_header

from .formats import FORMATS, Format, Selection
from .forms import select_events


def unknown_format(name: str) -> HttpResponse:
    choices = ", ".join(f"{key} ({fmt.description})" for key, fmt in FORMATS.items())
    message = f"There is no export format called “{name[:40]}”. Use /export/<format>/ with one of: {choices}.\n"
    return HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")


def export_response(export_format: Format, selection: Selection) -> HttpResponse | StreamingHttpResponse:
    """HTML pages open in the browser, ready to print; data files download, streamed piece by piece."""
    disposition = content_disposition_header(not export_format.inline, export_format.file_name(selection))
    headers = {"Content-Disposition": disposition}
    pieces = export_format.render(selection)
    if export_format.inline:
        return HttpResponse("".join(pieces), content_type=export_format.content_type, headers=headers)
    encoded = (piece.encode() for piece in pieces)
    return StreamingHttpResponse(encoded, content_type=export_format.content_type, headers=headers)


def download(request: HttpRequest, format: str) -> HttpResponse | StreamingHttpResponse:
    export_format = FORMATS.get(format)
    if export_format is None:
        return unknown_format(format)
    return export_response(export_format, select_events(request.GET))
