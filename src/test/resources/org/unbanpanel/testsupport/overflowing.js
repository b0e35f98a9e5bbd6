// What does not fit the viewport on the page as it is shown now; see Chromium.overflowing().
const width = document.documentElement.clientWidth;
const found = [];
const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
    + ' "' + (e.innerText || '').trim().slice(0, 40) + '"';
// visually hidden (for screen readers only): a box of at most 1 px that clips its content, or inside one
const clipped = (e) => {
  for (let a = e; a && a !== document.body; a = a.parentElement) {
    const box = a.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1 && getComputedStyle(a).overflow === 'hidden') {
      return true;
    }
  }
  return false;
};
const shown = (e) => {
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 1 && box.height > 1 && !clipped(e);
};
if (document.documentElement.scrollWidth > width) {
  found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide in ' + width + ' px');
}
for (const e of document.body.querySelectorAll('*')) {
  if (!shown(e)) {
    continue;
  }
  const box = e.getBoundingClientRect();
  if (box.left < -0.5 || box.right > width + 0.5) {
    found.push(name(e) + ' reaches ' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width);
  }
}
for (const cell of document.querySelectorAll('td, th')) {
  if (shown(cell) && cell.scrollWidth > cell.clientWidth + 1) {
    found.push(name(cell) + ' holds ' + cell.scrollWidth + ' px in ' + cell.clientWidth + ' px');
  }
}
for (const row of document.querySelectorAll('tr')) {
  const cells = [...row.children].filter(shown).map((cell) => [cell, cell.getBoundingClientRect()]);
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      const [a, boxA] = cells[i];
      const [b, boxB] = cells[j];
      const x = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
      const y = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
      if (x > 1 && y > 1) {
        found.push(name(a) + ' overlaps ' + name(b));
      }
    }
  }
}
return found;
