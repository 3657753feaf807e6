import { h } from './dom.js';
import { highlight } from './python.js';

// The subset of Markdown the tutors write: paragraphs, headings, lists, fenced code, `code`, **bold**, *emphasis*
// and links. Every piece becomes a DOM node with text content, so HTML in an answer is shown, never run.

export function renderMarkdown(text) {
  const container = h('div', { class: 'markdown' });
  const lines = String(text || '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^\s*```\s*([\w+-]*)\s*$/);
    if (fence) {
      const code = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i])) code.push(lines[i++]);
      i++;
      const source = code.join('\n');
      const language = fence[1] || 'python';
      const block = h('code', { class: `language-${language}` });
      block.append(...(language === 'python' || language === 'py' ? highlight(source) : [document.createTextNode(source)]));
      container.append(h('pre', { class: 'code' }, block));
      continue;
    }
    const heading = line.match(/^(#{1,4})\s+(.*)$/);
    if (heading) {
      container.append(h(`h${Math.min(6, heading[1].length + 2)}`, {}, ...inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const list = h(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*([-*]|\d+[.)])\s+/.test(lines[i])) {
        list.append(h('li', {}, ...inline(lines[i].replace(/^\s*([-*]|\d+[.)])\s+/, ''))));
        i++;
      }
      container.append(list);
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && !/^\s*```/.test(lines[i]) && !/^#{1,4}\s/.test(lines[i])
        && !/^\s*([-*]|\d+[.)])\s+/.test(lines[i])) {
      paragraph.push(lines[i++]);
    }
    const p = h('p');
    paragraph.forEach((part, index) => {
      if (index > 0) p.append(h('br'));
      p.append(...inline(part));
    });
    container.append(p);
  }
  return container;
}

const INLINE = /(`+)([\s\S]*?)\1|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const [whole, , code, bold, emphasis, linkText, href] = match;
    if (code !== undefined) nodes.push(h('code', {}, code));
    else if (bold !== undefined) nodes.push(h('strong', {}, ...inline(bold)));
    else if (emphasis !== undefined) nodes.push(h('em', {}, ...inline(emphasis)));
    else if (linkText !== undefined) {
      nodes.push(/^https?:\/\//i.test(href)
        ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, linkText)
        : document.createTextNode(whole));
    }
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
