import { SignedOut, currentSession, onSignedOut, signOut } from './api.js';
import { h } from './dom.js';
import { signInPage, signUpPage } from './pages/account.js';
import { askPage } from './pages/ask.js';
import { historyPage } from './pages/history.js';
import { practicePage } from './pages/practice.js';
import { progressPage } from './pages/progress.js';
import { teacherPage, studentTimelinePage } from './pages/teacher.js';

const STUDENT_PAGES = [['#/ask', 'Ask'], ['#/history', 'History'], ['#/practice', 'Practice'], ['#/progress', 'Progress']];
const TEACHER_PAGES = [['#/teacher', 'Classes']];

const routes = [
  [/^#\/signin$/, () => signInPage(), 'Sign in'],
  [/^#\/signup$/, () => signUpPage(), 'Sign up'],
  [/^#\/ask$/, () => askPage(), 'Ask', 'student'],
  [/^#\/history$/, params => historyPage(params), 'History', 'student'],
  [/^#\/practice$/, params => practicePage(params), 'Practice', 'student'],
  [/^#\/progress$/, () => progressPage(), 'Progress', 'student'],
  [/^#\/teacher$/, params => teacherPage(params), 'Classes', 'teacher'],
  [/^#\/teacher\/students\/([\w-]+)$/, (params, id) => studentTimelinePage(id), 'Student', 'teacher'],
];

export function notify(message) {
  document.getElementById('notice').textContent = message || '';
}

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function home() {
  const session = currentSession();
  return !session ? '#/signin' : session.role === 'teacher' ? '#/teacher' : '#/ask';
}

function renderChrome(current) {
  const session = currentSession();
  const nav = document.getElementById('nav');
  const pages = !session ? [] : session.role === 'teacher' ? TEACHER_PAGES : STUDENT_PAGES;
  nav.replaceChildren(h('ul', {}, pages.map(([hash, text]) =>
    h('li', {}, h('a', { href: hash, 'aria-current': current.startsWith(hash) ? 'page' : null }, text)))));
  const account = document.getElementById('account');
  account.replaceChildren(...(session
    ? [h('span', {}, `${session.email} (${session.role})`),
      h('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); notify('You are signed out.'); navigate('#/signin'); } }, 'Sign out')]
    : [h('a', { href: '#/signin' }, 'Sign in'), h('a', { href: '#/signup' }, 'Sign up')]));
}

let rendering = 0;

async function render() {
  const mine = ++rendering;
  const [path, query = ''] = (location.hash || '').split('?');
  const params = new URLSearchParams(query);
  const session = currentSession();
  const match = routes.map(([pattern, page, title, role]) => ({ found: path.match(pattern), page, title, role }))
    .find(route => route.found);
  if (!match || (match.role && (!session || session.role !== match.role))) {
    if (match && match.role && !session) notify('Please sign in first.');
    location.replace(home());
    return;
  }
  renderChrome(path);
  const main = document.getElementById('main');
  document.title = `${match.title} · LearnFlow`;
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const content = await match.page(params, ...match.found.slice(1));
    if (mine === rendering) main.replaceChildren(content);
  } catch (failure) {
    // a newer page is on its way (after a sign-out, the sign-in page)
    if (mine !== rendering || failure instanceof SignedOut) return;
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, failure.message || String(failure)));
  }
  main.focus({ preventScroll: true });
}

onSignedOut(message => {
  notify(message);
  navigate('#/signin');
});
window.addEventListener('hashchange', () => {
  if (!location.hash.startsWith('#/signin')) notify('');
  render();
});
render();
