// The buyer's library: a download button asks for a fresh signed link and follows it (the browser saves the file and
// stays on the page); while a copy is being made, or after a download, the page reads the library again and updates
// the rows (copy state, downloads left, buttons).
(() => {
  "use strict";

  const page = document.querySelector("[data-library]");
  if (!page) {
    return;
  }

  const status = document.getElementById("library-status");
  const say = (text, kind) => {
    status.textContent = text;
    status.className = `notice ${kind}`;
    status.hidden = false;
  };

  const buttonText = (item, file) => {
    if (item.state !== "active" || file.copy === "refused") {
      return "Unavailable";
    }
    if (file.copy === "preparing") {
      return "Preparing your copy…";
    }
    return file.remainingDownloads === 0 ? "No downloads left" : "Download";
  };

  const show = (library) => {
    for (const item of library) {
      const article = page.querySelector(`[data-entitlement="${item.entitlementId}"]`);
      if (!article) {
        continue;
      }
      article.dataset.state = item.state;
      article.querySelector(".library-state-text").textContent = item.stateText;
      for (const file of item.files) {
        const row = article.querySelector(`[data-file="${file.fileId}"]`);
        if (!row) {
          continue;
        }
        row.dataset.copy = file.copy;
        row.querySelector(".remaining").textContent = String(file.remainingDownloads);
        row.querySelector(".copy-note").textContent = file.copyText || "";
        const button = row.querySelector("button[data-link-url]");
        button.textContent = buttonText(item, file);
        button.disabled = button.textContent !== "Download";
      }
    }
  };

  const refresh = async () => {
    try {
      const response = await fetch("/api/library", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        show(await response.json());
      }
    } catch {
      // Offline for a moment: the next refresh tries again.
    }
    if (page.querySelector("[data-copy='preparing']")) {
      setTimeout(refresh, 2000);
    }
  };

  page.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-link-url]");
    if (!button || button.disabled) {
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch(button.dataset.linkUrl, {
        method: "POST",
        headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      });
      const body = await response.json();
      if (response.ok) {
        say("Your download is starting.", "notice-success");
        window.location.assign(body.url);
      } else {
        say(`${body.title} ${body.detail || ""}`.trim(), "notice-error");
      }
    } catch {
      say("The download link could not be fetched. Check your connection and try again.", "notice-error");
    } finally {
      button.disabled = false;
      setTimeout(refresh, 1500);
    }
  });

  if (page.querySelector("[data-copy='preparing']")) {
    setTimeout(refresh, 2000);
  }
})();
