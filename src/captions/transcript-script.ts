/**
 * Progressive enhancement for the transcript and the recording page, served as
 * /assets/transcript.js (CSP script-src 'self'). While a <video> plays, the cue and the chapter
 * being said are marked (`aria-current="true"`, elements with `data-start`/`data-end` in seconds)
 * and kept in view. Embedded players (YouTube, Vimeo) do not tell the page their time without
 * their own script, so there nothing is marked; the links still play from their second.
 */
export const transcriptScript = `(function () {
  'use strict';
  var player = document.getElementById('player');
  var video = player && player.querySelector('video');
  if (!video) return;
  var marked = [];
  function mark(seconds) {
    var items = document.querySelectorAll('[data-start]');
    var now = [];
    for (var i = 0; i < items.length; i++) {
      var start = Number(items[i].getAttribute('data-start'));
      var endText = items[i].getAttribute('data-end');
      var end = endText ? Number(endText) : Infinity;
      if (seconds >= start && seconds < end) now.push(items[i]);
    }
    for (var j = 0; j < marked.length; j++) if (now.indexOf(marked[j]) < 0) marked[j].removeAttribute('aria-current');
    for (var k = 0; k < now.length; k++) {
      if (marked.indexOf(now[k]) < 0) {
        now[k].setAttribute('aria-current', 'true');
        if (now[k].hasAttribute('data-cue') && now[k].scrollIntoView) now[k].scrollIntoView({ block: 'nearest' });
      }
    }
    marked = now;
  }
  video.addEventListener('timeupdate', function () { mark(video.currentTime); });
})();
`;
