// allclear embed: shows a status page's current status on another site.
//   <script src="https://status.example.com/embed.js" async></script>
// It reads api/v2/status.json next to itself and draws a small link where
// the script stands (or into an element with data-allclear-embed).
(() => {
  const me = document.currentScript;
  if (!me) return;
  const base = new URL('.', me.src);
  const box = document.querySelector('[data-allclear-embed]') || me.parentNode.insertBefore(document.createElement('span'), me);
  const colors = {none: '#17803d', minor: '#8a4f00', major: '#b23a0b', critical: '#b01c1c', maintenance: '#2152b8'};
  fetch(new URL('api/v2/status.json', base), {cache: 'no-store'})
    .then((r) => r.json())
    .then((s) => {
      const a = document.createElement('a');
      a.href = s.page.url;
      a.textContent = s.status.description;
      a.title = s.page.name;
      a.style.cssText = 'display:inline-flex;align-items:center;gap:.4em;font:600 14px/1.4 system-ui,sans-serif;color:#fff;text-decoration:none;padding:.2em .7em;border-radius:1em;background:' + (colors[s.status.indicator] || '#555');
      box.replaceChildren(a);
    })
    .catch(() => {});
})();
