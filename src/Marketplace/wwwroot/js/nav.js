// The phone menu (at most 640 px wide): a disclosure button that shows and hides the navigation links. Escape closes
// it and gives focus back to the button. Without this script the button stays hidden and the links stay listed.
(() => {
  "use strict";

  const toggle = document.getElementById("nav-toggle");
  const links = document.getElementById("nav-links");
  if (!toggle || !links) {
    return;
  }

  const nav = toggle.closest(".nav");
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("nav-open", open);
  };

  nav.classList.add("nav-collapsible");
  toggle.hidden = false;
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && getComputedStyle(toggle).display !== "none") {
      setOpen(false);
      toggle.focus();
    }
  });
})();

// The error summary's links (Pages/Shared/_ErrorSummary.cshtml) move the focus to their field, not just the view.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".error-summary a[href^='#']") : null;
  const field = link ? document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))) : null;
  if (field) {
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  }
});
