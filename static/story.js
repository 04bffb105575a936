// Story mode: the left and right arrow keys follow the "Previous" and "Next" links.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.target.closest("input, select, textarea, [contenteditable]")) return;
  const link = document.querySelector(`a[data-key="${event.key}"]`);
  if (!link) return;
  event.preventDefault();
  window.location.assign(link.href);
});

// Arriving by the keyboard, focus the new slide so screen readers announce it and Tab starts from it.
if (document.referrer && new URL(document.referrer).pathname === window.location.pathname) {
  document.querySelector(".story-slide")?.setAttribute("tabindex", "-1");
  document.querySelector(".story-slide")?.focus({ preventScroll: true });
}
