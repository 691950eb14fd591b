// allclear: keeps a static status page true between builds, from the state
// the build embeds (#allclear-state). No dependencies, no requests; without
// it the page reads the same, as of its build.
(() => {
  const d = document, now = Date.now(), el = d.getElementById('allclear-state');
  if (!el) return;
  const S = JSON.parse(el.textContent), built = Date.parse(S.built);
  const all = (sel, root = d) => [...root.querySelectorAll(sel)];
  // A status's label is its key in words: partial_outage -> Partial outage.
  const label = (k) => k[0].toUpperCase() + k.slice(1).replace(/_/g, ' ');
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
    banner.children[0].textContent = ind === 'none' ? 'All Systems Operational' : 'Service Under Maintenance';
  }

  // An old page during an incident says so.
  const age = Math.round((now - built) / 60000);
  const main = d.querySelector('main');
  if (S.ongoing && age >= 15 && main) {
    const p = d.createElement('p');
    p.id = 'allclear-stale';
    p.className = 'stale';
    p.setAttribute('role', 'status');
    p.textContent = 'This page was last updated ' + (age < 180 ? age + ' minutes' : Math.round(age / 60) + ' hours') + ' ago, during an incident. Reload for newer updates.';
    main.prepend(p);
  }

  // Times in the viewer's zone, the last hour's in words ("12 minutes ago";
  // a promised time stays a clock time); the site's time stays in the tooltip.
  const words = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
  const local = new Intl.DateTimeFormat(undefined, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'});
  all('time[datetime*="T"]').forEach((t) => {
    const at = Date.parse(t.dateTime), min = Math.round((at - now) / 60000);
    if (!t.title) t.title = t.textContent;
    t.textContent = min <= 0 && min > -60 && !t.closest('.entry__window') ? words.format(min, 'minute') : local.format(at);
  });

  // The past days, regrouped by the viewer's calendar.
  const days = all('.day[data-day]');
  const key = new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit'});
  const long = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'});
  const entries = days.flatMap((x) => all('article[data-start]', x));
  const today = new Date(now);
  days.forEach((x, i) => {
    const noon = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i, 12);
    const k = key.format(noon), h = x.querySelector('time');
    x.dataset.day = k;
    h.dateTime = k;
    h.textContent = long.format(noon);
    all('article, .day__quiet', x).forEach((e) => e.remove());
    const mine = entries.filter((a) => key.format(new Date(a.dataset.start)) === k);
    mine.forEach((a) => x.append(a));
    if (!mine.length) {
      const q = d.createElement('p');
      q.className = 'day__quiet';
      q.textContent = 'No incidents reported.';
      x.append(q);
    }
  });

  // Uptime cells of clean days get their date as a tooltip.
  d.addEventListener('mouseover', (e) => {
    const c = e.target, bar = c.parentNode;
    if (c.title || !bar || !bar.dataset || !bar.dataset.first) return;
    const day = new Date(bar.dataset.first + 'T12:00:00Z');
    day.setUTCDate(day.getUTCDate() + [...bar.children].indexOf(c));
    c.title = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'}).format(day) + (c.className ? ': no data' : ': 100% uptime, no incidents');
  });

  // Flipped cards move to their new headings: allclear-flip.js (a module
  // at the site's root, which base.html's .brand link leads to), loaded
  // only then, so that pages stay light.
  if (flip) import(new URL('allclear-flip.js', d.querySelector('.brand').href));
})();
