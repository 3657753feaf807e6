import { h } from './dom.js';

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except '
  + 'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case')
  .split(' '));
const BUILTINS = new Set(('print len range input int str float list dict set tuple bool type isinstance enumerate zip '
  + 'sorted sum min max abs round open map filter reversed any all super object Exception ValueError TypeError '
  + 'KeyError IndexError NameError ZeroDivisionError AttributeError').split(' '));
const TOKEN = /(#[^\n]*)|([rRbBfFuU]{0,2}(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))|(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?j?\b)|([A-Za-z_][A-Za-z0-9_]*)/g;

/** Python source as spans classed by token kind, for the editor and code blocks; text stays text. */
export function highlight(source) {
  const nodes = [];
  let last = 0;
  let previousWord = '';
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last) nodes.push(document.createTextNode(source.slice(last, match.index)));
    const [text, comment, string, number, word] = match;
    let kind = null;
    if (comment) kind = 'com';
    else if (string) kind = 'str';
    else if (number) kind = 'num';
    else if (word) {
      if (KEYWORDS.has(word)) kind = 'kw';
      else if (previousWord === 'def' || previousWord === 'class') kind = 'fn';
      else if (BUILTINS.has(word)) kind = 'bi';
      previousWord = word;
    }
    nodes.push(kind ? h('span', { class: `tok-${kind}` }, text) : document.createTextNode(text));
    last = match.index + text.length;
  }
  if (last < source.length) nodes.push(document.createTextNode(source.slice(last)));
  return nodes;
}

/**
 * A code box: a plain textarea (so typing, selection, screen readers and the keyboard work as in any field) over a
 * highlighted copy of its text, with line numbers. Enter keeps the indentation and adds a level after a colon; Tab
 * still moves to the next control.
 */
export function codeEditor({ name, value = '', label, rows = 8 }) {
  const area = h('textarea', { name, rows, spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
    class: 'code-input', 'aria-label': label, wrap: 'off' });
  area.value = value;
  const highlighted = h('pre', { class: 'highlight', 'aria-hidden': 'true' });
  const gutter = h('pre', { class: 'gutter', 'aria-hidden': 'true' });
  const render = () => {
    highlighted.replaceChildren(...highlight(area.value + '\n'));
    const lines = area.value.split('\n').length;
    gutter.textContent = Array.from({ length: Math.max(lines, rows) }, (_, i) => i + 1).join('\n');
    highlighted.scrollTop = area.scrollTop;
    highlighted.scrollLeft = area.scrollLeft;
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('input', render);
  area.addEventListener('scroll', render);
  area.addEventListener('keydown', event => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
    const start = area.selectionStart;
    const lineStart = area.value.lastIndexOf('\n', start - 1) + 1;
    const line = area.value.slice(lineStart, start);
    let indent = line.match(/^[ \t]*/)[0];
    if (/:\s*(#.*)?$/.test(line)) indent += '    ';
    if (!indent) return;
    event.preventDefault();
    area.setRangeText('\n' + indent, start, area.selectionEnd, 'end');
    render();
  });
  render();
  const editor = h('div', { class: 'editor' }, gutter, h('div', { class: 'surface' }, highlighted, area));
  return { element: editor, input: area, set(text) { area.value = text; render(); } };
}
