import { get } from '../api.js';
import { field, h } from '../dom.js';
import { navigate } from '../app.js';
import { queryCard } from './common.js';

const PAGE_SIZE = 20;

export async function historyPage(params) {
  const page = Math.max(0, Number(params.get('page') || 0));
  const text = params.get('q') || '';
  const search = new URLSearchParams({ page });
  if (text) search.set('q', text);
  const result = await get(`/api/v1/queries?${search}`);
  const box = h('input', { type: 'search', name: 'q', id: 'history-search', value: text, maxlength: 200 });
  const form = h('form', { class: 'row', role: 'search' }, field('Search your questions', box),
    h('div', {}, h('button', { type: 'submit', id: 'history-search-submit' }, 'Search')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams({ page: 0 });
    if (box.value.trim()) next.set('q', box.value.trim());
    navigate(`#/history?${next}`);
  });
  const pages = Math.max(1, Math.ceil((result.total || 0) / PAGE_SIZE));
  const link = target => {
    const next = new URLSearchParams({ page: target });
    if (text) next.set('q', text);
    return `#/history?${next}`;
  };
  const summary = result.total === 0
    ? (text ? `No question of yours contains “${text}”.` : 'You have not asked anything yet.')
    : `${result.total} question${result.total === 1 ? '' : 's'}${text ? ` containing “${text}”` : ''}, newest first.`;
  return h('section', {}, h('h1', {}, 'Your questions'), form,
    h('p', { role: 'status', id: 'history-summary' }, summary),
    h('div', { id: 'history-list' }, (result.items || []).map(view => queryCard(view, { live: true }))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      page > 0 ? h('a', { href: link(page - 1), rel: 'prev' }, '← Newer') : null,
      h('span', {}, `Page ${page + 1} of ${pages}`),
      page + 1 < pages ? h('a', { href: link(page + 1), rel: 'next' }, 'Older →') : null));
}
