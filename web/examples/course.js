// The example course page's script (a classic script, no inline code, so the page works under a
// strict CSP). It does three things a course author may want:
//   1. points the iframe at the lesson, telling it this page's origin (results are sent only there);
//   2. sizes the iframe from the lesson's resize messages;
//   3. shows the quiz results: DOM events from the <attention-lesson> elements, and messages
//      from the frame, accepted only from the lesson's origin and from the frame's own window.
(function () {
  'use strict';
  var frame = document.getElementById('lesson-frame');
  var results = document.getElementById('results');
  var empty = document.getElementById('results-empty');
  var status = document.getElementById('frame-status');
  var ignoredNote = document.getElementById('ignored');

  // 1. In your own page you can write the origin into the src directly:
  //    <iframe src="https://lessons.example.org/embed.html?steps=…&origin=https://your-course.example">
  var src = new URL(frame.getAttribute('data-src'), document.baseURI);
  var lessonOrigin = src.origin;
  src.searchParams.set('origin', location.origin);
  frame.src = src.href;

  var counts = { resize: 0, canvas: 0, ignored: 0 };
  var height = null;

  function showStatus() {
    status.textContent = height === null
      ? 'The frame has not reported its size yet.'
      : 'Frame height ' + height + ' px, set from ' + counts.resize + ' resize message' + (counts.resize === 1 ? '' : 's')
        + ' (and ' + counts.canvas + ' in Canvas\u2019s lti.frameResize format).';
  }

  function addResult(source, statement) {
    if (!statement || !statement.verb || !statement.result) return;
    var verb = statement.verb.display && statement.verb.display['en-US'] || 'answered';
    var name = statement.object && statement.object.definition && statement.object.definition.name
      && statement.object.definition.name['en-US'] || '';
    var score = statement.result.score || {};
    var li = document.createElement('li');
    li.className = 'course-result course-result-' + verb;
    li.dataset.source = source;
    li.dataset.verb = verb;
    var what = verb === 'completed'
      ? 'completed the quiz: ' + score.raw + ' of ' + score.max + (statement.result.success ? ' (passed)' : '')
      : (statement.result.success ? 'right' : 'not right') + ' \u2014 ' + (name.length > 90 ? name.slice(0, 89) + '\u2026' : name);
    li.textContent = source + ': ' + what; // text only: never parsed as HTML
    results.prepend(li);
    empty.hidden = true;
  }

  // 2 and 3: messages from the frame.
  window.addEventListener('message', function (event) {
    if (event.origin !== lessonOrigin || event.source !== frame.contentWindow) {
      counts.ignored += 1;
      ignoredNote.hidden = false;
      ignoredNote.textContent = 'Ignored ' + counts.ignored + ' message' + (counts.ignored === 1 ? '' : 's')
        + ' that did not come from the lesson frame (last from ' + String(event.origin).slice(0, 80) + ').';
      return;
    }
    var data = event.data;
    if (typeof data === 'string') { // Canvas's format; Canvas itself resizes the frame from it
      try { data = JSON.parse(data); } catch (e) { return; }
      if (data && data.subject === 'lti.frameResize') { counts.canvas += 1; showStatus(); }
      return;
    }
    if (!data || typeof data.type !== 'string') return;
    if (data.type === 'attention-lesson:resize' && Number.isFinite(data.height)) {
      height = Math.max(150, Math.min(Math.round(data.height), 20000));
      frame.style.height = height + 'px';
      counts.resize += 1;
      showStatus();
    } else if (data.type === 'attention-lesson:answered' || data.type === 'attention-lesson:completed') {
      addResult('iframe', data.statement);
    }
  });

  // 3. Events from the elements: they bubble out of the shadow root; the target is the element.
  ['lesson-answered', 'lesson-completed'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      addResult('element #' + (event.target.id || '?'), event.detail);
    });
  });

  // The page can also move the frame to a step (accepted only from the origin named in the src).
  document.getElementById('frame-go').addEventListener('click', function () {
    var step = document.getElementById('frame-step').value;
    frame.contentWindow.postMessage({ type: 'attention-lesson:goto', step: step }, lessonOrigin);
  });
}());
