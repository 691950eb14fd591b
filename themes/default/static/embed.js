// allclear embed: shows a status page's current status on another site.
//   <script src="https://status.example.com/embed.js" async></script>
// It loads embed-status.js next to itself (api/v2/status.json as a script,
// so it works from any origin: a script needs no CORS headers, where a
// fetch of status.json from another origin would) and draws a small link
// where the script stands (or into an element with data-allclear-embed).
// The script's URL changes each minute, so no cache shows an older status
// for longer than that and the host's cache lifetime.
(() => {
  const me = document.currentScript;
  if (!me) return;
  const base = new URL('.', me.src);
  const box = document.querySelector('[data-allclear-embed]:not([data-allclear-drawn])') || me.parentNode.insertBefore(document.createElement('span'), me);
  box.setAttribute('data-allclear-drawn', '');
  const colors = {none: '#17803d', minor: '#8a4f00', major: '#b23a0b', critical: '#b01c1c', maintenance: '#2152b8'};
  const draw = (text, href, title, color) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.title = title;
    a.style.cssText = 'display:inline-flex;align-items:center;gap:.4em;font:600 14px/1.4 system-ui,sans-serif;color:#fff;text-decoration:none;padding:.2em .7em;border-radius:1em;background:' + color;
    box.replaceChildren(a);
  };
  const data = document.createElement('script');
  data.src = new URL('embed-status.js?m=' + Math.floor(Date.now() / 60000), base).href;
  let drawn = false;
  // The status moves on between builds as the status page's does: with a
  // `clock` (src/render/api/mod.rs, embed_clock), by the page script's rule
  // (templates/allclear.js): a window that opened since the build is in
  // progress, one that closed completed.
  const current = (s) => {
    const c = s.clock, now = Date.now();
    if (!c) return s.status;
    const built = Date.parse(c.built);
    const open = c.windows.some((m) => {
      const f = Date.parse(m.from), u = Date.parse(m.until);
      let st = m.status;
      if (f > built && now >= f) st = 'in_progress';
      if (u > built && now >= u) st = 'completed';
      return st === 'in_progress' || st === 'verifying';
    });
    return open ? c.maintenance : c.none;
  };
  data.addEventListener('allclear-status', (e) => {
    const s = e.detail, st = current(s);
    drawn = true;
    draw(st.description, s.page.url, s.page.name, colors[st.indicator] || '#555');
  });
  // Never blank: without the status, a plain link to the status page, in
  // the words of the snippet's data-label (embed.html writes them in the
  // site's language: message embed-fallback); English for a snippet
  // without one.
  const fail = () => {
    if (drawn) return;
    console.warn('allclear embed: could not load ' + data.src + '; showing a link to the status page instead');
    const label = me.dataset.label || 'Status page';
    draw(label, base.href, label, '#555');
  };
  data.addEventListener('load', fail);
  data.addEventListener('error', fail);
  (document.head || document.documentElement).appendChild(data);
})();
