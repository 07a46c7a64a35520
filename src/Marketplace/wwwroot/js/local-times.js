// Times as people read them: every <time data-relative datetime> with a full timestamp shows how long ago it was
// ("5 minutes ago", "yesterday") and, on hover, the exact time in the reader's own time zone. The server writes the
// exact time in UTC, which stays without this script. Times added later (live posts) are picked up as they come.
(() => {
  "use strict";

  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const exact = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" }); // "long" names the time zone
  const steps = [
    ["year", 365 * 24 * 3600], ["month", 30 * 24 * 3600], ["week", 7 * 24 * 3600],
    ["day", 24 * 3600], ["hour", 3600], ["minute", 60],
  ];

  const ago = (date) => {
    const seconds = (date.getTime() - Date.now()) / 1000;
    for (const [unit, size] of steps) {
      if (Math.abs(seconds) >= size) {
        return relative.format(Math.round(seconds / size), unit);
      }
    }
    return "just now";
  };

  const show = (time) => {
    const value = time.getAttribute("datetime");
    const date = value && value.includes("T") ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      return;
    }
    time.textContent = ago(date);
    time.title = exact.format(date);
    time.dataset.local = "true";
  };

  const showAll = (root) => {
    if (root instanceof Element && root.matches("time[data-relative]")) {
      show(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll("time[data-relative]").forEach(show);
    }
  };

  showAll(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") {
        showAll(change.target);
      }
      change.addedNodes.forEach(showAll);
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["datetime"] });
  setInterval(() => document.querySelectorAll("time[data-local]").forEach(show), 60_000);
})();
