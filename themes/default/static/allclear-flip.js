// allclear: moves the cards of maintenances whose window the viewer's clock
// opened or closed since the build (issue 12, item 2). The page's inline
// script (templates/allclear.js) loads this file only when that happened,
// after it has set the badges, the times and the past days; a page the
// clock has not moved on never loads it.
//
// Each flipped card's latest update becomes the automatic update the API
// adds at that step (src/render/api/mod.rs, AUTO_*), in the page's language
// (messages maintenance-auto-*; a build at this time shows the same,
// src/render/view.rs). On the status page, a card goes where
// a build at this time would put it: under "Maintenance in progress" while
// its window is open (the section is made as index.html makes it), out of
// "Scheduled maintenance", and into its day of the past days once open. A
// section left without cards goes.
(() => {
  const d = document, now = Date.now(), el = d.getElementById('allclear-state');
  if (!el) return;
  const S = JSON.parse(el.textContent), built = Date.parse(S.built);
  const all = (sel, root = d) => [...root.querySelectorAll(sel)];
  // The interface's words, as the inline script reads them.
  const T = JSON.parse(d.getElementById('allclear-words')?.textContent || '{}');
  const label = (k) => T[k] || k;
  // The automatic updates' words, in the page's language.
  const AUTO = {in_progress: T.autoInProgress, completed: T.autoCompleted};
  // As the inline script shows times: the last hour's in words, in the
  // page's language (<html lang>), never the browser's.
  const lang = d.documentElement.lang || 'en';
  const words = new Intl.RelativeTimeFormat(lang, {numeric: 'auto'});
  // English keeps the 24-hour clock, as the build writes it (src/format/locale.rs).
  const local = new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(/^en\b/.test(lang) && {hourCycle: 'h23'})});
  const when = (t) => {
    const at = Date.parse(t.dateTime), min = Math.round((at - now) / 60000);
    t.textContent = min <= 0 && min > -60 ? words.format(min, 'minute') : local.format(at);
  };
  // The viewer's date of an instant, as the past days are keyed.
  const key = (t) => new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit'}).format(t);
  const section = (id) => d.getElementById(id)?.closest('section');
  // Insert `card` into `box` before the first card that sorts after it.
  const put = (box, card, order) => box.insertBefore(card, all(':scope > article', box).find((a) => order(a) > order(card)) || null);
  const until = (a) => Date.parse((S.maint.find((m) => m.id === a.dataset.maintenance) || {}).until) || Infinity;
  const index = d.body.classList.contains('page--index');
  let act = section('h-active');
  const up = section('h-upcoming');

  for (const m of S.maint) {
    // The same rule as the inline script's.
    const f = Date.parse(m.from), u = Date.parse(m.until);
    let st = m.status;
    if (f > built && now >= f) st = 'in_progress';
    if (u > built && now >= u) st = 'completed';
    if (st === m.status) continue;
    const done = st === 'completed', cards = all('article[data-maintenance="' + m.id + '"]');
    for (const c of cards) {
      c.classList.toggle('entry--ongoing', !done);
      const head = c.querySelector('.entry__latest-head'), w = all('.entry__window time', c)[done ? 1 : 0];
      if (!head) continue;
      head.querySelector('strong').textContent = label(st);
      const t = head.querySelector('time');
      t.dateTime = done ? m.until : m.from;
      t.title = w ? w.title || w.textContent : '';
      when(t);
      const p = d.createElement('p');
      p.textContent = AUTO[st];
      head.nextElementSibling.replaceChildren(p);
    }
    const top = cards.find((c) => !c.closest('.day'));
    if (!index || !top) continue;
    // Its day of the past days, if shown and the card is not there yet.
    const day = d.querySelector('.day[data-day="' + key(f) + '"]');
    if (day && !cards.some((c) => c.closest('.day'))) {
      const c = top.cloneNode(true), h = c.querySelector('.entry__title'), h4 = d.createElement('h4');
      h4.className = h.className;
      h4.append(...h.childNodes);
      h.replaceWith(h4);
      day.querySelector('.day__quiet')?.remove();
      put(day, c, (a) => -Date.parse(a.dataset.start));
    }
    if (done) {
      top.remove();
    } else if (top.closest('section') === up) {
      const next = up || section('h-components');
      if (!act && next) {
        act = d.createElement('section');
        act.className = 'section';
        act.setAttribute('aria-labelledby', 'h-active');
        const h2 = d.createElement('h2');
        h2.id = 'h-active';
        h2.textContent = T.active;
        act.append(h2);
        next.before(act);
      }
      if (act) put(act, top, until);
    }
  }
  [act, up].forEach((s) => s && !s.querySelector('article') && s.remove());

  // A maintenance's page: the breadcrumb no longer leads to "Scheduled
  // maintenance" but to the history.
  const crumb = d.querySelector('.breadcrumb a[href$="#h-upcoming"]');
  if (crumb) {
    crumb.href = crumb.href.replace(/index\.html#h-upcoming$/, 'history/index.html');
    crumb.textContent = T.history;
  }
})();
