// The Klinky emulator's dashboard: live updates without a reload. No build step, no dependencies.
// Everything that arrives as event data is inserted as text (textContent); HTML comes only from the server's own fragments,
// which encode every value a link carries.
"use strict";
(function () {
  const live = document.getElementById("live");
  const status = document.getElementById("action-status");
  let refreshTimer = null;
  let settleTimer = null;

  async function load() {
    const response = await fetch(live.dataset.live, { credentials: "same-origin" });
    if (response.ok) live.innerHTML = await response.text();
  }

  // At most one reload a second while clicks arrive, and one more once they stop: the server renders a link's results at
  // most once a second (LiveFragments.Interval), so the last burst's results are fetched after that.
  function refresh() {
    if (!live) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(load, 2000);
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, 1000);
  }

  for (const form of document.querySelectorAll("form[data-async]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new URLSearchParams(new FormData(form)),
          headers: { "X-Klinky-Async": "1" },
          credentials: "same-origin",
        });
        status.textContent = (await response.text()).trim();
        status.dataset.ok = response.ok ? "true" : "false";
        refresh();
      } catch (error) {
        status.textContent = "The emulator did not answer: " + error.message;
        status.dataset.ok = "false";
      } finally {
        button.disabled = false;
      }
    });
  }

  const stream = document.getElementById("stream");
  if (!stream || !window.EventSource) return;
  const streamState = document.getElementById("stream-state");
  const source = new EventSource(stream.dataset.events);
  source.addEventListener("open", () => { streamState.textContent = "Connected: new clicks appear here."; });
  source.addEventListener("error", () => { streamState.textContent = "Disconnected; reconnecting…"; });
  source.addEventListener("clicks", (event) => {
    const data = JSON.parse(event.data);
    const moved = data.variants.filter((v) => v.new_clicks || v.new_conversions);
    const item = document.createElement("li");
    const time = new Date(data.at).toISOString().substring(11, 19);
    item.textContent = time + "  " + (moved.length ? moved : data.variants)
      .map((v) => v.label + " +" + v.new_clicks + " clicks" + (v.new_conversions ? ", +" + v.new_conversions + " conversions" : ""))
      .join(" · ");
    stream.prepend(item);
    while (stream.children.length > 50) stream.lastElementChild.remove();
    refresh();
  });
  source.addEventListener("simulation", (event) => {
    const data = JSON.parse(event.data);
    status.textContent = data.summary;
    status.dataset.ok = data.ok ? "true" : "false";
    refresh();
  });
  source.addEventListener("state", refresh);
})();
