// General licenses (the Huawei TGL and its extensions): their windows on a timeline
// with today marked, the citation of each window, and for reviewers the forms to
// issue, extend and revoke.
import { get, post } from '../api.js';
import { h, humanize } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { timelineChart } from '../charts.js';
import { hasRole } from '../session.js';
import { table, empty, badge, today } from './parts.js';

export async function generalLicensesView({ navigate }) {
  const data = await get('/api/general-licenses');
  const gls = Array.isArray(data) ? data : data.general_licenses || [];
  const page = h('div', {}, h('h1', {}, 'General licenses'));
  if (!gls.length) {
    page.append(empty('No general license is issued.'));
  } else {
    for (const gl of gls) {
      const revoked = gl.revoked_on || gl.status === 'revoked';
      page.append(
        h(
          'section',
          { class: 'card' },
          h('h2', {}, gl.name || gl.id, ' ', revoked ? badge(`revoked${gl.revoked_on ? ` ${gl.revoked_on}` : ''}`, 'bad') : null),
          h('p', { class: 'muted' }, `${gl.id}${gl.citation ? ' · ' : ''}`, gl.citation ? h('cite', {}, gl.citation) : null),
          (gl.windows || []).length
            ? timelineChart({
                title: `Windows of ${gl.name || gl.id}`,
                description: 'Each bar is a window in which the general license authorizes its activities; the table below lists the same windows with their citations.',
                rows: gl.windows.map((w) => ({ label: w.id || 'window', from: w.from, to: w.to || w.until, citation: w.citation, kind: revoked ? 'revoked' : '' })),
                marker: today(),
              })
            : null,
          table(
            ['Window', 'From', 'To', 'Citation', 'Note'],
            (gl.windows || []).map((w) => [w.id || '—', w.from, w.to || w.until, h('cite', {}, w.citation || '—'), [w.check ? badge('fact to verify', 'warn') : null, w.note ? ` ${w.note}` : ''].filter(Boolean)]),
          ),
          (gl.activities || []).length
            ? table(
                ['Activity', 'From', 'To', 'Citation'],
                gl.activities.map((a) => [humanize(a.activity), a.from || '—', a.to || '—', h('cite', {}, a.citation || '—')]),
                { caption: 'Activities it authorizes' },
              )
            : null,
          hasRole('reviewer', 'admin') && !revoked ? manageForms(gl, () => navigate('#/general-licenses')) : null,
        ),
      );
    }
  }
  return page;
}

function manageForms(gl, done) {
  const id = encodeURIComponent(gl.id);
  const last = (gl.windows || []).at(-1);
  const extend = h(
    'form',
    { class: 'inline-form', novalidate: true },
    formErrorBox(),
    h('div', { class: 'row' }, field({ label: 'New window from', name: 'from', type: 'date', required: true }), field({ label: 'To', name: 'to', type: 'date', required: true }), field({ label: 'Citation', name: 'citation', class: 'grow', required: true })),
    h('div', { class: 'row' }, field({ label: 'Supersedes window', name: 'supersedes', hint: `only when the new window starts before an earlier one ends, e.g. ${last ? last.id : 'initial'}` })),
    h('button', { type: 'submit' }, 'Extend'),
  );
  onSubmit(extend, async (data) => {
    const window = { from: str(data, 'from'), to: str(data, 'to'), citation: str(data, 'citation') };
    if (str(data, 'supersedes')) window.supersedes = str(data, 'supersedes');
    await post(`/api/general-licenses/${id}/extend`, window);
    done();
  });
  const revoke = h(
    'form',
    { class: 'inline-form', novalidate: true },
    formErrorBox(),
    h('div', { class: 'row' }, field({ label: 'Revoked on', name: 'on', type: 'date', value: today(), required: true }), field({ label: 'Citation', name: 'citation', class: 'grow' })),
    h('button', { type: 'submit', class: 'danger' }, 'Revoke'),
  );
  onSubmit(revoke, async (data) => {
    await post(`/api/general-licenses/${id}/revoke`, { on: str(data, 'on'), citation: str(data, 'citation') });
    done();
  });
  return h('details', {}, h('summary', {}, 'Extend or revoke'), h('h3', { class: 'h4' }, 'Extend'), extend, h('h3', { class: 'h4' }, 'Revoke'), revoke);
}
