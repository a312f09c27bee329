// For pages that embed Pollwatch charts: sets each embed's iframe to the height it reports.
// Only the iframe whose window sent the message is resized, so no selector is built from it.
(function () {
  if (window.pollwatchEmbedResizer) return;
  window.pollwatchEmbedResizer = true;
  window.addEventListener('message', function (event) {
    var sizes = event.data && event.data['datawrapper-height'];
    if (!sizes || typeof sizes !== 'object') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      for (var id in sizes) {
        var height = Number(sizes[id]);
        if (height > 0 && height < 5000) frames[i].style.height = height + 'px';
      }
    }
  });
})();
