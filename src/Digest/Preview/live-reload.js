// Injected by `digest preview` into every HTML page it serves (never into built files).
// Reloads the page after each successful rebuild, swaps stylesheets when only CSS changed,
// and shows build errors in an overlay until they are fixed.
(() => {
  "use strict";
  const overlayId = "digest-preview-overlay";
  const source = new EventSource("/__digest/events");

  function removeOverlay() {
    document.getElementById(overlayId)?.remove();
  }

  function showOverlay(diagnostics) {
    removeOverlay();
    const overlay = document.createElement("div");
    overlay.id = overlayId;
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;"
      + "background:rgba(20,20,20,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;";
    const heading = document.createElement("h2");
    heading.textContent = "The site did not build";
    heading.style.cssText = "margin:0 0 1rem;color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif;";
    const list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap;";
    // textContent, never innerHTML: messages quote the writer's text.
    list.textContent = diagnostics.join("\n");
    const note = document.createElement("p");
    note.textContent = "Still showing the last good version. This goes away by itself when the file is fixed.";
    note.style.cssText = "margin:1rem 0 0;color:#bbb;font:14px/1.4 system-ui,sans-serif;";
    overlay.append(heading, list, note);
    document.body.append(overlay);
  }

  function swapStylesheets() {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) {
        continue;
      }
      url.searchParams.set("digest-reload", String(Date.now()));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener("load", () => link.remove(), { once: true });
      fresh.addEventListener("error", () => fresh.remove(), { once: true });
      link.after(fresh);
    }
  }

  source.addEventListener("reload", () => location.reload());
  source.addEventListener("css", () => {
    removeOverlay();
    swapStylesheets();
  });
  source.addEventListener("build-error", event => showOverlay(JSON.parse(event.data).diagnostics));
  addEventListener("pagehide", () => source.close());
})();
