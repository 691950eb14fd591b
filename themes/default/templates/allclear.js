// allclear: keeps a static status page true between builds, from the state
// the build embeds (#allclear-state). No dependencies, no requests; without
// it the page reads the same, as of its build.
(() => {
  const d = document, el = d.getElementById('allclear-state');
  if (!el) return;
  const S = JSON.parse(el.textContent), built = Date.parse(S.built);
  // pin_browser_clock (example sites, tests): the build's time, on any day.
  if (S.pin) Date.now = () => Date.parse(S.pin);
  const now = Date.now();
  const all = (sel, root = d) => [...root.querySelectorAll(sel)];
  // The interface's words in the page's language (#allclear-words, from
  // the theme's message files): a status's label by its key, and texts
  // where {name} marks a value.
  const T = JSON.parse(d.getElementById('allclear-words')?.textContent || '{}');
  const fill = (s, a) => s.replace(/\{(\w+)\}/g, (m, n) => (n in a ? a[n] : m));
  const label = (k) => T[k] || k;
  const RANK = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
  const worse = (a, b) => (RANK.indexOf(a) < RANK.indexOf(b) ? b : a);
  const badge = (b, key) => {
    if (b && key && !b.classList.contains('badge--' + key)) {
      b.className = 'badge badge--' + key;
      b.textContent = label(key);
    }
  };

  // Maintenance windows the clock opened or closed since the build, and the
  // components and banner that follow them.
  // The rule (allclear-flip.js and embed.js apply it too): a window that
  // opened since the build is in progress, one that closed completed.
  const comps = {...S.comps};
  let active = false, flip;
  for (const m of S.maint) {
    const f = Date.parse(m.from), u = Date.parse(m.until);
    let st = m.status;
    if (f > built && now >= f) st = 'in_progress';
    if (u > built && now >= u) st = 'completed';
    all('[data-maintenance="' + m.id + '"]').forEach((e) => badge(e.querySelector('.badge'), st));
    flip ||= st != m.status;
    if (st === 'in_progress' || st === 'verifying') {
      active = true;
      for (const c in m.comps) comps[c] = worse(comps[c], m.comps[c]);
    }
  }
  all('[data-component]').forEach((e) => badge(e.querySelector('.badge'), comps[e.dataset.component]));
  all('[data-group]').forEach((g) => {
    let w = 'operational';
    all('[data-component]', g).forEach((e) => (w = worse(w, comps[e.dataset.component])));
    badge(g.querySelector('.group__name .badge'), w);
  });
  const banner = d.getElementById('allclear-banner');
  const ind = S.base === 'none' && active ? 'maintenance' : S.base;
  if (banner && !banner.classList.contains('banner--' + ind)) {
    banner.className = 'banner banner--' + ind;
    banner.children[0].textContent = T[ind];
  }

  const main = d.querySelector('main');

  // Times in the viewer's zone, the last hour's in words ("12 minutes ago";
  // a promised time stays a clock time); the site's time stays in the tooltip.
  // Words, months and numbers are in the page's language (<html lang>),
  // never the browser's, so that a page is never in two languages.
  const lang = d.documentElement.lang || 'en';
  const words = new Intl.RelativeTimeFormat(lang, {numeric: 'auto'});
  // As the build writes times (src/format/locale.rs): CLDR's medium date, a
  // space, hours and minutes (24-hour in English too) and the zone.
  const day = new Intl.DateTimeFormat(lang, {dateStyle: 'medium'});
  const clock = new Intl.DateTimeFormat(lang, {hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(/^en\b/.test(lang) && {hourCycle: 'h23'})});
  const local = (at) => day.format(at) + ' ' + clock.format(at);
  all('time[datetime*="T"]').forEach((t) => {
    const at = Date.parse(t.dateTime), min = Math.round((at - now) / 60000);
    if (!t.title) t.title = t.textContent;
    t.textContent = min <= 0 && min > -60 && !t.closest('.entry__window') ? words.format(min, 'minute') : local(at);
  });

  // The past days, regrouped by the viewer's calendar.
  const days = all('.day[data-day]');
  const key = new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit'});
  const entries = days.flatMap((x) => all('article[data-start]', x));
  const today = new Date(now);
  days.forEach((x, i) => {
    const noon = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i, 12);
    const k = key.format(noon), h = x.querySelector('time');
    x.dataset.day = k;
    h.dateTime = k;
    h.textContent = day.format(noon);
    all('article, .day__quiet', x).forEach((e) => e.remove());
    const mine = entries.filter((a) => key.format(new Date(a.dataset.start)) === k);
    mine.forEach((a) => x.append(a));
    if (!mine.length) {
      const q = d.createElement('p');
      q.className = 'day__quiet';
      q.textContent = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i) > built ? T.before : T.quiet;
      x.append(q);
    }
  });

  // Uptime cells of clean days get their date as a tooltip.
  d.addEventListener('mouseover', (e) => {
    const c = e.target, bar = c.parentNode;
    if (c.title || !bar || !bar.dataset || !bar.dataset.first) return;
    const day = new Date(bar.dataset.first + 'T12:00:00Z');
    day.setUTCDate(day.getUTCDate() + [...bar.children].indexOf(c));
    c.title = fill(c.className ? T.nodata : T.clean, {date: new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeZone: 'UTC'}).format(day), uptime: new Intl.NumberFormat(lang, {style: 'percent'}).format(1)});
  });

  // Relative words for `ms` from now (negative: past), in minutes under an
  // hour, hours under two days, days after: "15 minutes ago", "10 days ago".
  const ago = (ms) => {
    const a = Math.abs(ms), s = Math.sign(ms), m = Math.round(a / 6e4), h = Math.round(a / 36e5);
    return m < 60 ? words.format(s * m, 'minute') : h < 48 ? words.format(s * h, 'hour') : words.format(s * Math.round(a / 864e5), 'day');
  };

  // Overdue promises: once the time a next update was promised by has
  // passed, the promise says so, and by how long.
  const promises = () => all('[data-promise]').forEach((p) => {
    const at = Date.parse(p.dataset.promise), t = p.querySelector('time');
    if (Date.now() < at) return;
    t.textContent = local(at);
    p.classList.add('overdue');
    const [before, after] = fill(T.overdue, {ago: ago(at - Date.now())}).split('{time}');
    p.replaceChildren(before, t, after);
  });

  // Staleness: a page older than the site allows (S.stale, in seconds;
  // shorter during an incident) says so; a page without live state has no
  // S.stale and is never stale; its uptime bars end on the real
  // day in the site's zone (S.zone), with no data after the build.
  const stale = () => {
    const age = Date.now() - built;
    let p = d.getElementById('allclear-stale');
    if (S.stale === undefined || age < S.stale * 1000 || !main) return;
    if (!p) {
      p = d.createElement('p');
      p.id = 'allclear-stale';
      p.className = 'stale';
      p.setAttribute('role', 'status');
      main.prepend(p);
    }
    const text = fill(S.ongoing ? T.staleIncident : T.stale, {ago: ago(-age)});
    if (p.textContent !== text) p.textContent = text;
  };
  const zoneDay = new Intl.DateTimeFormat('en-CA', {timeZone: S.zone});
  const bars = () => all('.uptime__bar[data-first]').forEach((b) => {
    const n = b.children.length, first = Date.parse(b.dataset.first);
    const k = Math.min(n, Math.round((Date.parse(zoneDay.format(Date.now())) - first) / 864e5) - n + 1);
    if (!(k > 0)) return;
    for (let j = 0; j < k; j++) {
      b.firstElementChild.remove();
      b.append(d.createElement('i'));
      b.lastChild.className = 'nodata';
    }
    b.dataset.first = new Date(first + k * 864e5).toISOString().slice(0, 10);
  });

  // Durations so far ("1 h 05 min so far"), written as the build writes them.
  const num = new Intl.NumberFormat(lang), n = (v) => num.format(v);
  const since = () => all('[data-since]').forEach((e) => {
    const m = Math.max(0, Math.floor((Date.now() - Date.parse(e.dataset.since)) / 6e4)), h = Math.floor(m / 60) % 24;
    e.textContent = m >= 1440 ? fill(T.durDays, {d: n(Math.floor(m / 1440)), h: n(h)}) : h ? fill(T.durHours, {h: n(h), m: (m % 60 < 10 ? n(0) : '') + n(m % 60)}) : fill(T.durMinutes, {m: n(m)});
  });

  // All of the above follow the clock while the page is open.
  const tick = () => {
    promises();
    stale();
    bars();
    since();
  };
  tick();
  setInterval(tick, 15000);

  // Flipped cards move to their new headings: allclear-flip.js (a classic
  // script at the site's root, named by the state's data-flip), loaded only
  // then, so that pages stay light. A theme without data-flip keeps them.
  if (flip && el.dataset.flip) d.head.append(Object.assign(d.createElement('script'), {src: el.dataset.flip}));
})();
