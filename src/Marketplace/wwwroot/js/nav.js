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
