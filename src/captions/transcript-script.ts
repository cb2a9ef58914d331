/**
 * Progressive enhancement for the transcript and the recording page, served as
 * /assets/transcript.js (CSP script-src 'self'). While the recording plays, the cue and the
 * chapter being said are marked (`aria-current="true"`, elements with `data-start`/`data-end` in
 * seconds) and the cue kept in view. The time comes from a <video>'s `timeupdate`, or from an
 * embedded player's own messages: YouTube (`enablejsapi=1`) answers a `listening` message with
 * `infoDelivery` messages carrying `currentTime`, Vimeo answers `addEventListener timeupdate`
 * with `timeupdate` messages carrying `seconds`. No player script is loaded (the CSP allows
 * scripts from this site only): the page and the frame talk by postMessage, and only messages
 * from the frame itself, from the player's origin, are read. Other players (Facebook) do not
 * tell their time: nothing is marked there; the links still play from their second.
 */
export const transcriptScript = `(function () {
  'use strict';
  var player = document.getElementById('player');
  if (!player) return;
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
  var video = player.querySelector('video');
  if (video) {
    video.addEventListener('timeupdate', function () { mark(video.currentTime); });
    return;
  }
  var frame = player.querySelector('iframe');
  var kind = player.getAttribute('data-player');
  var origins = { youtube: 'https://www.youtube-nocookie.com', vimeo: 'https://player.vimeo.com' };
  var origin = origins[kind];
  if (!frame || !origin) return;
  var heard = false;
  function listen() {
    if (!frame.contentWindow) return;
    var message = kind === 'youtube'
      ? { event: 'listening', id: 'koda-player', channel: 'widget' }
      : { method: 'addEventListener', value: 'timeupdate' };
    frame.contentWindow.postMessage(JSON.stringify(message), origin);
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch (error) { return; }
    }
    if (!data || typeof data !== 'object') return;
    heard = true;
    var seconds = null;
    if (kind === 'youtube' && data.info && typeof data.info.currentTime === 'number') seconds = data.info.currentTime;
    if (kind === 'vimeo') {
      if (data.event === 'ready') listen();
      if ((data.event === 'timeupdate' || data.event === 'playProgress') && data.data && typeof data.data.seconds === 'number') seconds = data.data.seconds;
    }
    if (seconds !== null && isFinite(seconds)) mark(seconds);
  });
  // The player may not be ready for the first message: ask again until it answers (at most 10 s).
  var tries = 0;
  var timer = setInterval(function () {
    if (heard || ++tries > 40) { clearInterval(timer); return; }
    listen();
  }, 250);
  frame.addEventListener('load', listen);
})();
`;
