/// The site's one script, written into the pages that use it. Every page reads the same without
/// it; with it:
///
/// - "Now and next" (`#now`) shows what runs now and what starts next (at most eight of each,
///   three on a phone), from the items of the
///   page's agenda (`[data-agenda] li[data-start]`, instants in seconds), refreshed every minute.
///   `?now=2019-09-20T10:45-04:00` in the address stands in for the clock, to try a page out.
/// - "Today" in the days' navigation leads to today's sessions during the gathering.
/// - Times (`time[data-t]`) follow the reader's choice of the event's zone or their own, kept in
///   the browser; the choice is offered only when the two differ.
/// - The search box and the track filter dim (in the grid) or hide (in lists) what does not match.
enum SiteScript {
    static let text = """
        (function () {
          'use strict';
          var body = document.body;
          var eventZone = body.getAttribute('data-zone') || 'UTC';
          var items = Array.prototype.slice.call(document.querySelectorAll('[data-agenda] li[data-start]'));
          items.sort(function (a, b) { return a.getAttribute('data-start') - b.getAttribute('data-start'); });
          function start(el) { return Number(el.getAttribute('data-start')) * 1000; }
          function end(el) { return Number(el.getAttribute('data-end')) * 1000; }
          function clock() {
            var m = /[?&#]now=([^&#]+)/.exec(location.search + location.hash);
            var t = m ? Date.parse(decodeURIComponent(m[1])) : NaN;
            return isNaN(t) ? Date.now() : t;
          }
          var readerZone = 'UTC';
          try { readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) {}
          var stored = null;
          try { stored = localStorage.getItem('convene-zone'); } catch (e) {}
          var zone = stored === 'reader' ? readerZone : eventZone;
          function parts(t, z, options) {
            var out = {};
            new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: z }, options)).formatToParts(new Date(t)).forEach(function (p) {
              out[p.type] = p.value;
            });
            return out;
          }
          function hm(t, z) {
            var p = parts(t, z, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
            return p.hour + ':' + p.minute;
          }
          function date(t, z) {
            var p = parts(t, z, { year: 'numeric', month: '2-digit', day: '2-digit' });
            return p.year + '-' + p.month + '-' + p.day;
          }
          function weekday(t, z) { return parts(t, z, { weekday: 'short' }).weekday; }
          function zoneName(t, z) { return parts(t, z, { timeZoneName: 'short' }).timeZoneName || z; }

          // Times in the chosen zone; a time that falls on another day there says which.
          function showTimes() {
            document.querySelectorAll('time[data-t]').forEach(function (el) {
              var t = Number(el.getAttribute('data-t')) * 1000;
              var text = hm(t, zone);
              if (zone !== eventZone && date(t, zone) !== date(t, eventZone)) { text += ' (' + weekday(t, zone) + ')'; }
              el.textContent = text;
            });
            document.querySelectorAll('.zone-name').forEach(function (el) {
              el.textContent = zone === eventZone ? el.getAttribute('data-event') : 'your time (' + zoneName(clock(), zone) + ')';
            });
            document.querySelectorAll('.zone button').forEach(function (b) {
              b.setAttribute('aria-pressed', String((b.getAttribute('data-zone') === 'reader') === (zone !== eventZone)));
            });
          }
          var switcher = document.getElementById('zone');
          var first = items.length ? start(items[0]) : clock();
          function differ(t) { return hm(t, readerZone) + date(t, readerZone) !== hm(t, eventZone) + date(t, eventZone); }
          if (switcher && readerZone !== eventZone && differ(first)) {
            switcher.hidden = false;
            switcher.querySelector('[data-zone="reader"]').textContent = 'Yours (' + zoneName(first, readerZone) + ')';
            switcher.querySelectorAll('button').forEach(function (b) {
              b.addEventListener('click', function () {
                var reader = b.getAttribute('data-zone') === 'reader';
                zone = reader ? readerZone : eventZone;
                try { localStorage.setItem('convene-zone', reader ? 'reader' : 'event'); } catch (e) {}
                showTimes();
                nowAndNext();
              });
            });
          } else {
            zone = eventZone;
          }

          // Now and next: copies of the agenda's own items, at most eight of each.
          var box = document.getElementById('now');
          function copy(el) {
            var li = document.createElement('li');
            var when = document.createElement('span');
            when.className = 'when';
            when.textContent = hm(start(el), zone) + '–' + hm(end(el), zone);
            li.appendChild(when);
            var title = el.querySelector('.title');
            if (title) { li.appendChild(title.cloneNode(true)); }
            var where = el.querySelector('.where');
            if (where) {
              var w = document.createElement('span');
              w.className = 'where';
              w.textContent = ' · ' + where.textContent.split(' · ')[0];
              li.appendChild(w);
            }
            return li;
          }
          function list(heading, chosen) {
            var h = document.createElement('h2');
            h.textContent = heading;
            box.appendChild(h);
            var ol = document.createElement('ol');
            // A phone shows three of each, so that the day's agenda follows soon after.
            var most = window.innerWidth < 700 ? 3 : 8;
            chosen.slice(0, most).forEach(function (el) { ol.appendChild(copy(el)); });
            if (chosen.length > most) {
              var more = document.createElement('li');
              more.className = 'more';
              more.textContent = 'and ' + (chosen.length - most) + ' more';
              ol.appendChild(more);
            }
            box.appendChild(ol);
          }
          function nowAndNext() {
            if (!box || !items.length) { return; }
            var t = clock();
            var running = items.filter(function (el) { return start(el) <= t && t < end(el); });
            var later = items.filter(function (el) { return start(el) > t; });
            box.textContent = '';
            if (running.length) { list('Now', running); }
            if (later.length) {
              var next = start(later[0]);
              var soon = later.filter(function (el) { return start(el) === next; });
              var day = '';
              if (date(next, zone) !== date(t, zone)) {
                var d = parts(next, zone, { day: 'numeric', month: 'short' });
                day = ' (' + weekday(next, zone) + ' ' + d.day + ' ' + d.month + ')';
              }
              list('Next' + day, soon);
            } else if (!running.length) {
              var p = document.createElement('p');
              p.textContent = 'The gathering is over: nothing is left on this agenda.';
              box.appendChild(p);
            }
          }
          nowAndNext();
          showTimes();
          setInterval(nowAndNext, 60000);

          // Today, during the gathering.
          var today = document.getElementById('today');
          if (today) {
            var key = date(clock(), eventZone);
            var target = document.getElementById('day-' + key);
            if (target) {
              today.hidden = false;
              today.querySelector('a').setAttribute('href', '#day-' + key);
            }
          }

          // Search and track filter.
          var tools = document.getElementById('tools');
          var find = document.getElementById('find');
          var track = document.getElementById('track');
          if (tools) { tools.hidden = false; }
          function filter() {
            var words = find ? find.value.trim().toLowerCase() : '';
            var wanted = track ? track.value : '';
            document.querySelectorAll('.session, ol.mine li').forEach(function (el) {
              var text = words !== '' && el.textContent.toLowerCase().indexOf(words) === -1;
              var other = wanted !== '' && el.getAttribute('data-track') !== wanted;
              el.classList.toggle('dim', text || other);
            });
          }
          if (find) { find.addEventListener('input', filter); }
          if (track) { track.addEventListener('change', filter); }
        })();
        """
}
