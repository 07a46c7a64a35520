// Mention autocomplete for the forum composers (textarea[data-mention-search]): typing @ and the start of a handle
// lists matching members from GET /api/members?q= in a listbox under the textarea, which becomes an ARIA combobox.
// Arrow keys move through the list (aria-activedescendant), Enter or Tab picks, Escape closes; a click picks too.
// Without script, or when the search fails, the textarea is an ordinary textarea and @handles typed in full still work.
(() => {
  "use strict";

  const pattern = /(^|[\s([{"'>*_~])@([A-Za-z0-9_]{1,30})$/;
  let counter = 0;

  for (const textarea of document.querySelectorAll("textarea[data-mention-search]")) {
    attach(textarea);
  }

  function attach(textarea) {
    const id = `mention-list-${++counter}`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Members to mention");
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    textarea.setAttribute("role", "combobox");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", id);
    textarea.setAttribute("aria-expanded", "false");

    let members = [];
    let active = -1;
    let query = null;
    let timer = 0;
    let asked = 0;

    const close = () => {
      members = [];
      active = -1;
      list.hidden = true;
      list.replaceChildren();
      textarea.setAttribute("aria-expanded", "false");
      textarea.removeAttribute("aria-activedescendant");
    };

    const highlight = (index) => {
      active = index;
      list.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
      if (index >= 0) {
        textarea.setAttribute("aria-activedescendant", `${id}-${index}`);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    };

    const show = (found) => {
      members = found;
      list.replaceChildren(...found.map((member, i) => {
        const option = document.createElement("li");
        option.id = `${id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const handle = document.createElement("span");
        handle.className = "mention-handle";
        handle.textContent = `@${member.handle}`;
        const name = document.createElement("span");
        name.className = "mention-name";
        name.textContent = member.displayName;
        option.append(handle, " ", name);
        option.addEventListener("mousedown", (event) => {
          event.preventDefault(); // keep the focus in the textarea
          pick(i);
        });
        return option;
      }));
      list.hidden = found.length === 0;
      textarea.setAttribute("aria-expanded", String(found.length > 0));
      status.textContent = found.length === 0 ? "" : `${found.length} ${found.length === 1 ? "member" : "members"} to mention; use the arrow keys to choose.`;
      highlight(found.length > 0 ? 0 : -1);
    };

    const pick = (index) => {
      const member = members[index];
      if (!member || !query) {
        return;
      }
      const caret = textarea.selectionStart;
      const start = caret - query.length - 1;
      const after = textarea.value.slice(caret);
      const insert = `@${member.handle}${after.startsWith(" ") ? "" : " "}`;
      textarea.value = textarea.value.slice(0, start) + insert + after;
      const position = start + insert.length;
      textarea.setSelectionRange(position, position);
      status.textContent = `@${member.handle} inserted.`;
      query = null;
      close();
    };

    const search = async (q) => {
      const ticket = ++asked;
      try {
        const response = await fetch(`/api/members?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        const found = await response.json();
        if (ticket === asked && query === q) {
          show(found);
        }
      } catch {
        if (ticket === asked) {
          close();
        }
      }
    };

    textarea.addEventListener("input", () => {
      const before = textarea.value.slice(0, textarea.selectionStart);
      const match = textarea.selectionStart === textarea.selectionEnd ? pattern.exec(before) : null;
      clearTimeout(timer);
      query = match ? match[2] : null;
      if (!query) {
        close();
        return;
      }
      const q = query;
      timer = setTimeout(() => search(q), 150);
    });

    textarea.addEventListener("keydown", (event) => {
      if (list.hidden || members.length === 0) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + members.length) % members.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        query = null;
        close();
      }
    });

    textarea.addEventListener("blur", () => setTimeout(close, 100));
  }
})();
