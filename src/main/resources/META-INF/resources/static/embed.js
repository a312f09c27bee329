// Reports the embed's height to the host page, in the message shape of Datawrapper's resizer
// ({"datawrapper-height": {"<id>": height}}), keyed by this page's path.
(function () {
  var id = window.location.pathname.replace(/^\//, '') + window.location.search;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    var sizes = {};
    sizes[id] = height;
    window.parent.postMessage({ 'datawrapper-height': sizes }, '*');
  }
  window.addEventListener('load', report);
  window.addEventListener('resize', report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  report();
})();
