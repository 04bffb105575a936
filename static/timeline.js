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
