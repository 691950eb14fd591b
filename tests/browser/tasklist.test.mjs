// Task lists in author text (a postmortem's action items) show a checkbox
// and no bullet: the box is the list's marker (issue 12, item 9).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PAGES, open, setup } from './lib.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test('a task list item shows its checkbox and no bullet; other lists keep theirs', { timeout: 60_000 }, async () => {
  const p = await env.newPage();
  await open(p, env, PAGES.postmortem);
  const items = await p.page.evaluate(() =>
    [...document.querySelectorAll('.prose li')].map((li) => {
      const box = li.querySelector(':scope > input[type="checkbox"], :scope > p:first-child > input[type="checkbox"]');
      const cs = getComputedStyle(li);
      const marker = getComputedStyle(li, '::marker');
      const boxLeft = box?.getBoundingClientRect().left;
      const list = li.parentElement;
      const listLeft = list.getBoundingClientRect().left;
      return {
        text: li.textContent.trim().slice(0, 40),
        task: Boolean(box),
        bullet: cs.display === 'list-item' && cs.listStyleType !== 'none' && marker.content !== 'none',
        indent: box ? boxLeft - listLeft : null,
        listIndent: parseFloat(getComputedStyle(list).paddingLeft),
        itemIndent: li.getBoundingClientRect().left - listLeft,
      };
    }),
  );
  const tasks = items.filter((i) => i.task);
  assert.ok(tasks.length >= 6, `the postmortem has its action items: ${JSON.stringify(items)}`);
  for (const t of tasks) {
    assert.equal(t.bullet, false, `"${t.text}" shows a bullet beside its checkbox`);
    // The box hangs in the list's indent, where the bullet would have been,
    // and the item's text lines up with a plain item's.
    assert.ok(t.indent >= 0 && t.indent < t.listIndent, `"${t.text}" box is ${t.indent}px into a ${t.listIndent}px indent`);
    assert.equal(t.itemIndent, t.listIndent, `"${t.text}" text starts at the list's indent`);
  }
  for (const i of items.filter((i) => !i.task)) {
    assert.equal(i.bullet, true, `"${i.text}", not a task, keeps its bullet`);
  }

});
