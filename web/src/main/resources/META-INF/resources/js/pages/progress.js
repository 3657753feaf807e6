import { asProblem, ApiProblem, get, post } from '../api.js';
import { clearProblem, field, formError, h, showProblem, svg } from '../dom.js';
import { MODULES } from './common.js';

export async function progressPage() {
  const progress = await get('/api/v1/progress/me');
  const modules = [...(progress.modules || [])].sort((a, b) => MODULES.indexOf(a.module) - MODULES.indexOf(b.module));
  const streak = Math.max(0, ...modules.map(module => module.streakDays || 0));
  const minutes = modules.reduce((sum, module) => sum + (module.totalLearningMinutes || 0), 0);
  const section = h('section', {}, h('h1', {}, 'Your progress'),
    h('div', { class: 'tiles' },
      tile('Streak', `${streak} day${streak === 1 ? '' : 's'}`, 'streak'),
      tile('Learning time', minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`, 'learning-time'),
      tile('Graded attempts', String(progress.evidenceCount ?? 0), 'evidence')));
  if (!modules.length) {
    section.append(h('p', { id: 'no-progress' }, 'Nothing yet: solve an exercise or answer a quiz question and your mastery shows here.'));
  } else {
    section.append(h('h2', { id: 'mastery-title' }, 'Mastery per module'), masteryChart(modules), masteryTable(modules));
  }
  section.append(joinForm());
  return section;
}

/** Mastery moves only on graded work: before any, the number is only the starting estimate, so none is shown. */
export function masteryText(module) {
  return module.attempts > 0 ? String(module.mastery) : '–';
}

function tile(label, value, id) {
  return h('div', { class: 'tile' }, h('span', { class: 'big', id }, value), label);
}

function masteryChart(modules) {
  const barHeight = 26;
  const width = 560;
  const labelWidth = 110;
  const height = modules.length * (barHeight + 8) + 24;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-labelledby': 'mastery-chart-title', id: 'mastery-chart' },
  svg('title', { id: 'mastery-chart-title' }, `Mastery per module: ${modules.map(m => `${m.module} ${masteryText(m)}`).join(', ')}`));
  const scale = (width - labelWidth - 50) / 100;
  modules.forEach((module, index) => {
    const y = index * (barHeight + 8) + 4;
    const measured = module.attempts > 0;
    const length = measured ? Math.max(2, module.mastery * scale) : 0;
    chart.append(
      svg('text', { x: labelWidth - 8, y: y + barHeight * 0.68, 'text-anchor': 'end' }, module.module),
      svg('rect', { class: 'bar', x: labelWidth, y, width: length, height: barHeight, rx: 3 }),
      svg('text', { x: labelWidth + length + 6, y: y + barHeight * 0.68 }, measured ? `${module.mastery}` : 'no graded work yet'));
  });
  chart.append(svg('line', { class: 'axis', x1: labelWidth, y1: 0, x2: labelWidth, y2: height - 20 }),
    svg('text', { x: labelWidth, y: height - 4 }, '0'), svg('text', { x: labelWidth + 100 * scale, y: height - 4, 'text-anchor': 'end' }, '100'));
  return chart;
}

function masteryTable(modules) {
  return h('table', { id: 'mastery-table' },
    h('caption', {}, 'Mastery per module (0–100), with the evidence behind it; a dash until there is graded work'),
    h('thead', {}, h('tr', {}, ...['Module', 'Mastery', 'Graded attempts', 'Correct', 'Exercises completed', 'Questions asked', 'Streak (days)', 'Minutes']
      .map(text => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, modules.map(module => h('tr', { 'data-module': module.module },
      h('th', { scope: 'row' }, module.module), h('td', { class: 'mastery' }, masteryText(module)), h('td', {}, module.attempts),
      h('td', {}, module.successes), h('td', {}, module.completedExercises), h('td', {}, module.questions),
      h('td', {}, module.streakDays), h('td', {}, module.totalLearningMinutes)))));
}

function joinForm() {
  const code = h('input', { name: 'joinCode', id: 'join-code', autocomplete: 'off', required: true });
  const form = h('form', { class: 'row', novalidate: true, 'aria-labelledby': 'join-title' },
    field('Join code from your teacher', code), h('div', {}, h('button', { type: 'submit', id: 'join-submit' }, 'Join the class')),
    formError());
  const done = h('p', { role: 'status', id: 'join-result' });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const joined = await post('/api/v1/classes/join', { joinCode: code.value.trim() });
      done.textContent = `You joined ${joined.name || 'the class'}.`;
      code.value = '';
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.status === 404) {
        showProblem(form, { invalidParams: [{ name: 'joinCode', reason: 'No class has that join code.' }] });
      } else {
        showProblem(form, asProblem(failure));
      }
    }
  });
  return h('section', {}, h('h2', { id: 'join-title' }, 'Join a class'), form, done);
}
