/**
 * Progressive enhancement for /recordings/:id, served as /assets/recordings.js (CSP
 * script-src 'self', no inline script). A chapter link (`a[data-seek]`) seeks the player
 * in place: <video> directly, YouTube and Vimeo through their postMessage APIs. Without
 * JavaScript, or for players we cannot seek (Facebook), the link reloads with ?t=SECONDS.
 */
export const seekScript = `(function () {
  'use strict';
  var origins = { youtube: 'https://www.youtube-nocookie.com', vimeo: 'https://player.vimeo.com' };
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest('a[data-seek]') : null;
    if (!link) return;
    var seconds = Number(link.getAttribute('data-seek'));
    var player = document.getElementById('player');
    if (!player || !isFinite(seconds)) return;
    var kind = player.getAttribute('data-player');
    var video = player.querySelector('video');
    var frame = player.querySelector('iframe');
    if (video) {
      video.currentTime = seconds;
      var playing = video.play && video.play();
      if (playing && playing.catch) playing.catch(function () {});
    } else if (frame && frame.contentWindow && kind === 'youtube') {
      frame.contentWindow.postMessage(JSON.stringify({ event: 'command', func: 'seekTo', args: [seconds, true] }), origins.youtube);
      frame.contentWindow.postMessage(JSON.stringify({ event: 'command', func: 'playVideo', args: [] }), origins.youtube);
    } else if (frame && frame.contentWindow && kind === 'vimeo') {
      frame.contentWindow.postMessage(JSON.stringify({ method: 'setCurrentTime', value: seconds }), origins.vimeo);
      frame.contentWindow.postMessage(JSON.stringify({ method: 'play' }), origins.vimeo);
    } else {
      return;
    }
    event.preventDefault();
    if (window.history && window.history.replaceState) window.history.replaceState(null, '', link.href);
    player.scrollIntoView({ block: 'nearest' });
  });
})();
`;
