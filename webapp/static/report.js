// The report's "Print" button: shown only when scripts run (without them the browser's own Print works the same).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
