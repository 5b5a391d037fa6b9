// What a person would call "broken layout", read from the live DOM of one
// screen: the page scrolls sideways, a box cuts its text without an
// ellipsis (or with one but no full text on hover), something spills out of
// its card, a control sits outside the window, a word is broken across two
// lines, a select is too narrow for the option it shows, or the top bar lost
// the app name, the project name or the unsaved mark.
//
// layout.spec.ts runs this file inside the page (page.evaluate, as source text):
// `findLayoutProblems(CARD_SELECTOR)` gives the problems. It
// uses only the DOM and names nothing from the test's scope. Plain JavaScript,
// because the e2e specs are type-checked without the DOM (tsconfig.node.json).

/** Boxes that hold a group of controls; nothing may stick out of them sideways. */
const CARD_SELECTOR = [
  '.card',
  '.sidebar',
  '.setup__preview',
  '.start__box',
  '.present-panel',
  '.more-menu__panel',
  '.export-dialog',
  '.topbar',
  '.room',
].join(', ');

function findLayoutProblems(cardSelector) {
  const problems = [];
  const windowWidth = document.documentElement.clientWidth;
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  const isShown = (el) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // Screen-reader text, drawings (a chart clips its canvas while it follows a resize) and form fields (a long
  // value scrolls inside its field) are not laid-out text.
  const exempt = (el) => !!el.closest('.sr-only, svg, canvas, .chart, input, textarea, option');

  if (document.documentElement.scrollWidth > windowWidth + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth - windowWidth}px wider than the window`);
  }

  const elements = [...document.body.querySelectorAll('*')].filter((el) => !exempt(el) && isShown(el));
  const measure = document.createElement('canvas').getContext('2d');
  for (const el of elements) {
    const style = getComputedStyle(el);
    // Cut text: content wider than a box that hides it.
    if (style.display !== 'inline' && el.tagName !== 'SELECT' && el.scrollWidth > el.clientWidth + 1) {
      const x = style.overflowX;
      if (x === 'hidden' || x === 'clip') {
        if (style.textOverflow !== 'ellipsis') problems.push(`cut without an ellipsis: ${name(el)}`);
        else if (!el.closest('[title]')) problems.push(`cut with an ellipsis but no full text on hover: ${name(el)}`);
      } else if (x === 'auto' || x === 'scroll') {
        problems.push(`scrolls sideways: ${name(el)} (${el.scrollWidth - el.clientWidth}px)`);
      }
    }
    // A select shows its chosen option in full ("Dezimalpu" was "Dezimalpunkt").
    if (el instanceof HTMLSelectElement && el.selectedOptions[0]) {
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const needed = measure.measureText(el.selectedOptions[0].text).width + parseFloat(style.paddingLeft) + 18;
      if (needed > el.clientWidth + 1) problems.push(`select too narrow for "${el.selectedOptions[0].text}" (${Math.round(needed)} > ${el.clientWidth}px)`);
    }
    // Controls: inside the window and inside their card.
    if (el.matches('button, input, select, textarea, a[href], [role="switch"], label')) {
      const box = el.getBoundingClientRect();
      if (box.left < -1 || box.right > windowWidth + 1) problems.push(`outside the window: ${name(el)}`);
      const card = el.parentElement?.closest(cardSelector);
      if (card) {
        const outer = card.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1) problems.push(`sticks out of its card: ${name(el)} in ${name(card)}`);
      }
    }
  }

  // Words broken across lines: every word of every shown text, as a range, must sit on one line.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || exempt(parent) || !isShown(parent)) continue;
    const text = node.textContent ?? '';
    for (const match of text.matchAll(/[^\s\-‐–—/]{2,}/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
      if (tops.size > 1) problems.push(`word broken across lines: "${match[0]}" in ${name(parent)}`);
    }
  }

  // The top bar keeps the app name, the whole project name (or at least 100px of it) and the unsaved mark.
  const title = document.querySelector('.topbar__title');
  const project = document.querySelector('.topbar__name');
  if (document.querySelector('.topbar')) {
    if (!title || !isShown(title) || title.textContent !== 'Wavelength') problems.push('the top bar lost the app name');
    if (!project || !isShown(project)) problems.push('the top bar lost the project name');
    else if (project.clientWidth + 1 < Math.min(project.scrollWidth, 100)) problems.push(`the top bar squeezes the project name to ${project.clientWidth}px`);
    const dirty = document.querySelector('.topbar__dirty');
    if (dirty && (!isShown(dirty) || dirty.getBoundingClientRect().right > windowWidth)) problems.push('the top bar lost the unsaved mark');
  }
  return [...new Set(problems)];
}
