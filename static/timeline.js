// Event cards: htmx loads a card's sources on the first click; later clicks only show or hide them.
document.addEventListener("click", (event) => {
  const expander = event.target.closest(".expander");
  if (!expander) return;
  const panel = document.getElementById(expander.getAttribute("aria-controls"));
  if (!panel || !panel.hasChildNodes()) return;
  event.preventDefault();
  event.stopPropagation();
  const open = expander.getAttribute("aria-expanded") === "true";
  expander.setAttribute("aria-expanded", String(!open));
  panel.hidden = open;
}, true);

document.addEventListener("htmx:afterSwap", (event) => {
  const panel = event.detail.target;
  if (!panel.classList.contains("details")) return;
  panel.hidden = false;
  document.querySelector(`[aria-controls="${panel.id}"]`)?.setAttribute("aria-expanded", "true");
});

// Empty filters would only clutter the shareable URL that hx-push-url shows.
document.addEventListener("htmx:configRequest", (event) => {
  const parameters = event.detail.parameters;
  for (const name of Array.from(parameters.keys())) {
    if (parameters.getAll(name).every((value) => value === "")) parameters.delete(name);
  }
});

// On a phone the filters start folded behind their "Filters (2 active)" toggle, so events are on the first screen.
const filtersPanel = document.getElementById("filters-panel");
if (filtersPanel && window.matchMedia("(max-width: 55.99rem)").matches) filtersPanel.open = false;

// Overview: dragging across bars zooms to that stretch; a click on one bar still follows its own link.
let stretchStart = null;
const barAt = (event) => document.elementFromPoint(event.clientX, event.clientY)?.closest(".overview-chart .bar-link");
const stretchBetween = (start, end) => {
  const [left, right] = [start.getBBox().x, end.getBBox().x].sort((a, b) => a - b);
  return Array.from(start.ownerSVGElement.querySelectorAll(".bar-link"))
    .filter((bar) => bar.getBBox().x >= left && bar.getBBox().x <= right);
};
document.addEventListener("pointerdown", (event) => {
  stretchStart = event.button === 0 ? event.target.closest(".overview-chart .bar-link") : null;
});
document.addEventListener("pointermove", (event) => {
  if (!stretchStart) return;
  const end = barAt(event);
  const chosen = end ? stretchBetween(stretchStart, end) : [];
  stretchStart.ownerSVGElement.querySelectorAll(".bar-link").forEach((bar) => {
    bar.classList.toggle("in-stretch", chosen.includes(bar));
  });
});
document.addEventListener("pointerup", (event) => {
  const start = stretchStart;
  stretchStart = null;
  const end = barAt(event);
  if (!start || !end || start === end) return;
  const [first, last] = [start, end].sort((a, b) => a.getBBox().x - b.getBBox().x);
  const url = new URL(first.getAttribute("href"), window.location.href);
  url.searchParams.set("from", first.dataset.from);
  url.searchParams.set("to", last.dataset.to);
  window.location.assign(url);
});
