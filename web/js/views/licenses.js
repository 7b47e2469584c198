// Licenses: the ones a user may see (an applicant's organization's own), with how
// much of each item's quantity and value remains; one license's page with its
// shipments form (the holder's applicants) and, for reviewers, registering a license.
import { get, post } from '../api.js';
import { h, humanize, formatNumber } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { repeatingRows, rowValues } from '../rows.js';
import { hasRole } from '../session.js';
import { table, empty, badge, today } from './parts.js';

// "remaining 400 of 1,000" with a bar; unlimited when the license sets no amount.
function remaining(left, total, unit = '') {
  if (total === null || total === undefined) return h('span', { class: 'muted' }, 'no limit');
  const fraction = total > 0 ? Math.max(0, Math.min(1, left / total)) : 0;
  return h(
    'span',
    { class: 'remaining' },
    h('meter', { min: 0, max: 1, low: 0.1, high: 0.5, optimum: 1, value: fraction, 'aria-hidden': 'true' }),
    ` ${unit}${formatNumber(left)} of ${unit}${formatNumber(total)} left`,
  );
}

function statusBadge(license) {
  const expired = license.valid_until && license.valid_until < today();
  if (license.status !== 'active') return badge(humanize(license.status), 'bad');
  return expired ? badge('expired', 'muted') : badge('active', 'ok');
}

export async function licensesView() {
  const data = await get('/api/licenses');
  const licenses = Array.isArray(data) ? data : data.licenses || [];
  const rows = [];
  for (const l of licenses) {
    (l.items || []).forEach((item, i) => {
      rows.push([
        i === 0 ? h('a', { href: `#/licenses/${encodeURIComponent(l.number)}` }, l.number) : '',
        i === 0 ? l.holder : '',
        i === 0 ? l.destination : '',
        i === 0 ? `${l.valid_from} to ${l.valid_until}` : '',
        i === 0 ? statusBadge(l) : '',
        item.eccn,
        remaining(item.remaining_quantity, item.quantity),
        remaining(item.remaining_value, item.value, '$'),
      ]);
    });
  }
  return h(
    'div',
    {},
    h('h1', {}, hasRole('applicant') ? 'My licenses' : 'Licenses'),
    licenses.length
      ? table(['Number', 'Holder', 'Destination', 'Valid', 'Status', 'Item', 'Quantity', 'Value'], rows, { caption: 'Licenses and what remains of each item' })
      : empty('No licenses.'),
    hasRole('reviewer', 'admin') ? registerLicenseForm() : null,
  );
}

export async function licenseView({ args, navigate }) {
  const number = args[0];
  // The license (License in openapi.json) and its shipments (ShipmentList) are two routes.
  const path = `/api/licenses/${encodeURIComponent(number)}`;
  const [l, shipped] = await Promise.all([get(path), get(`${path}/shipments`)]);
  const shipments = shipped.shipments || [];
  return h(
    'div',
    {},
    h('h1', {}, `License ${l.number} `, statusBadge(l)),
    h(
      'dl',
      { class: 'facts card' },
      h('dt', {}, 'Holder'),
      h('dd', {}, l.holder),
      h('dt', {}, 'Destination'),
      h('dd', {}, l.destination),
      h('dt', {}, 'Valid'),
      h('dd', {}, `${l.valid_from} to ${l.valid_until}`),
      l.issued_on ? [h('dt', {}, 'Issued'), h('dd', {}, l.issued_on)] : null,
      h('dt', {}, 'Parties'),
      h('dd', {}, (l.parties || []).map((p) => `${humanize(p.role)}: ${p.name}${p.country ? ` (${p.country})` : ''}`).join('; ')),
      (l.conditions || []).length ? [h('dt', {}, 'Conditions'), h('dd', {}, l.conditions.join('; '))] : null,
    ),
    table(
      ['Item', 'Description', 'Quantity', 'Value'],
      (l.items || []).map((i) => [i.eccn, i.description || '—', remaining(i.remaining_quantity, i.quantity), remaining(i.remaining_value, i.value, '$')]),
      { caption: 'What remains' },
    ),
    shipments.length
      ? table(
          ['Date', 'Items'],
          shipments.map((s) => [s.date, (s.items || []).map((i) => `${i.eccn}: ${formatNumber(i.quantity)} ($${formatNumber(i.value)})`).join('; ')]),
          { caption: 'Shipments' },
        )
      : null,
    hasRole('applicant') && l.status === 'active' ? shipmentForm(l, () => navigate(`#/licenses/${encodeURIComponent(l.number)}`)) : null,
  );
}

// A shipment under the license draws down what remains (§750.7); one that would
// exceed it is refused with the item named.
function shipmentForm(license, done) {
  const items = repeatingRows({
    legend: 'Item',
    prefix: 'items',
    makeRow: (i) => [
      field({ label: 'ECCN', name: 'eccn', field: `items/${i}/eccn`, options: (license.items || []).map((it) => [it.eccn, it.eccn]) }),
      field({ label: 'Quantity', name: 'quantity', field: `items/${i}/quantity`, type: 'number', min: 0, step: 1, required: true }),
      field({ label: 'Value (USD)', name: 'value', field: `items/${i}/value`, type: 'number', min: 0, step: 1, required: true }),
    ],
  });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, 'Record a shipment'),
    formErrorBox(),
    field({ label: 'Shipment date', name: 'date', type: 'date', value: today(), required: true }),
    items,
    h('button', { type: 'submit', class: 'primary' }, 'Record shipment'),
  );
  onSubmit(form, async (data) => {
    await post(`/api/licenses/${encodeURIComponent(license.number)}/shipments`, {
      date: str(data, 'date'),
      items: items.rows().map((row) => {
        const v = rowValues(row);
        return { eccn: v.eccn, quantity: Number(v.quantity), value: Number(v.value) };
      }),
      // A shipment names each party by role and name (ShipmentRequest in openapi.json).
      parties: (license.parties || []).map((p) => ({ role: p.role, name: p.name })),
    });
    done();
  });
  return form;
}

function registerLicenseForm() {
  const items = repeatingRows({
    legend: 'Item',
    prefix: 'items',
    makeRow: (i) => [
      field({ label: 'ECCN', name: 'eccn', field: `items/${i}/eccn`, required: true, size: 9 }),
      field({ label: 'Quantity', name: 'quantity', field: `items/${i}/quantity`, type: 'number', min: 0, step: 1 }),
      field({ label: 'Value (USD)', name: 'value', field: `items/${i}/value`, type: 'number', min: 0, step: 1 }),
    ],
  });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Number', name: 'number', required: true, size: 10 }),
      field({ label: 'Holder', name: 'holder', required: true, class: 'grow' }),
      field({ label: 'Destination', name: 'destination', required: true, size: 4 }),
      field({ label: 'Valid from', name: 'valid_from', type: 'date', required: true }),
      field({ label: 'Valid until', name: 'valid_until', type: 'date', required: true }),
    ),
    h(
      'div',
      { class: 'row' },
      field({
        label: 'Party role',
        name: 'party_role',
        field: 'parties/0/role',
        options: [['ultimate_consignee', 'Ultimate consignee'], ['end_user', 'End user'], ['purchaser', 'Purchaser'], ['intermediate_consignee', 'Intermediate consignee']],
      }),
      field({ label: 'Party name', name: 'party_name', field: 'parties/0/name', required: true, class: 'grow' }),
    ),
    items,
    field({ label: 'Conditions', name: 'conditions', type: 'textarea', rows: 2, hint: 'one a line' }),
    h('button', { type: 'submit', class: 'primary' }, 'Register license'),
  );
  onSubmit(form, async (data) => {
    const license = {
      number: str(data, 'number'),
      holder: str(data, 'holder'),
      destination: str(data, 'destination'),
      valid_from: str(data, 'valid_from'),
      valid_until: str(data, 'valid_until'),
      parties: [{ role: str(data, 'party_role'), name: str(data, 'party_name') }],
      items: items.rows().map((row) => {
        const v = rowValues(row);
        const item = { eccn: v.eccn };
        if (v.quantity !== '') item.quantity = Number(v.quantity);
        if (v.value !== '') item.value = Number(v.value);
        return item;
      }),
      conditions: str(data, 'conditions').split('\n').map((c) => c.trim()).filter(Boolean),
    };
    await post('/api/licenses', license);
    location.hash = `#/licenses/${encodeURIComponent(license.number)}`;
  });
  return h('details', { class: 'register' }, h('summary', {}, 'Register a license'), form);
}
