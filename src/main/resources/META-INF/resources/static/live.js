// Live pages: a page that names its events (<meta name="pollwatch-events" content="/events?...">)
// listens to them with EventSource and, on each, fetches itself again and swaps in the newer
// versions of its [data-live-region] elements (by id). Events close together cause one fetch.
// Without JavaScript, or EventSource, the page is as served: reload to see changes.
(function () {
  'use strict';
  const meta = document.querySelector('meta[name="pollwatch-events"]');
  if (!meta || !window.EventSource || !window.fetch || !window.DOMParser) return;
  const poll = meta.dataset.poll;
  const status = document.createElement('p');
  status.className = 'live-status muted';
  status.setAttribute('role', 'status');
  status.textContent = 'Live: this page updates itself when polls change.';
  const main = document.getElementById('main');
  if (main) main.prepend(status);

  let timer = null;
  let busy = false;
  let again = false;

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.href, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
      .then((answer) => (answer.ok ? answer.text() : Promise.reject(new Error('HTTP ' + answer.status))))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live-region][id]').forEach((region) => {
          const newer = fresh.getElementById(region.id);
          if (newer) region.replaceWith(document.adoptNode(newer));
        });
        document.dispatchEvent(new CustomEvent('pollwatch:refreshed'));
        status.textContent = 'Live: updated at ' + new Date().toLocaleTimeString() + '.';
      })
      .catch(() => { status.textContent = 'Live: the last update failed; reload to see changes.'; })
      .finally(() => {
        busy = false;
        if (again) { again = false; schedule(); }
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  function onEvent(message) {
    if (poll) {
      let data = {};
      try { data = JSON.parse(message.data); } catch (e) { return; }
      if (message.type !== 'events-missed' && String(data.pollId) !== poll) return;
    }
    schedule();
  }

  const source = new EventSource(meta.content);
  // data-live on <html> says whether the stream is open (tests wait for it before writing)
  source.addEventListener('open', () => { document.documentElement.dataset.live = 'open'; });
  source.addEventListener('error', () => { document.documentElement.dataset.live = 'reconnecting'; });
  ['poll-submitted', 'poll-revised', 'poll-retracted', 'average-recomputed', 'events-missed']
    .forEach((type) => source.addEventListener(type, onEvent));
})();
