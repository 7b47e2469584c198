// An applicant files a license application (the BIS-748P form, 15 CFR 748): the
// parties, the items, the end use. BIS assigns the control number; the server
// screens every party on submission.
import { post } from '../api.js';
import { h } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { repeatingRows, rowValues } from '../rows.js';
import { session } from '../session.js';

const kOptionalParties = [
  ['purchaser', 'Purchaser'],
  ['intermediate_consignee', 'Intermediate consignee'],
  ['end_user', 'End user'],
];

function partyFields(key, legend, required) {
  return h(
    'fieldset',
    { class: 'party', dataset: { field: key } },
    h('legend', {}, legend, required ? '' : ' (if any)'),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Name', name: `${key}.name`, field: `${key}/name`, required, class: 'grow' }),
      field({ label: 'Address', name: `${key}.address`, field: `${key}/address`, class: 'grow' }),
      field({ label: 'Country', name: `${key}.country`, field: `${key}/country`, required, size: 4, hint: 'ISO code' }),
    ),
    h('p', { class: 'field-error', 'aria-live': 'polite' }),
  );
}

function partyValue(data, key) {
  const party = { name: str(data, `${key}.name`), country: str(data, `${key}.country`) };
  if (str(data, `${key}.address`)) party.address = str(data, `${key}.address`);
  return party;
}

export function applyView({ navigate }) {
  const items = repeatingRows({
    legend: 'Item',
    prefix: 'items',
    makeRow: (i) => [
      field({ label: 'ECCN', name: 'eccn', field: `items/${i}/eccn`, required: true, size: 9 }),
      field({ label: 'Description', name: 'description', field: `items/${i}/description`, required: true, class: 'grow' }),
      field({ label: 'Quantity', name: 'quantity', field: `items/${i}/quantity`, type: 'number', min: 0, step: 1, required: true }),
      field({ label: 'Units', name: 'units', field: `items/${i}/units`, value: 'ea', size: 4 }),
      field({ label: 'Unit price (USD)', name: 'unit_price', field: `items/${i}/unit_price_cents`, type: 'number', min: 0, step: 0.01, required: true }),
      field({ label: 'Total value (USD)', name: 'value_usd', field: `items/${i}/value_usd`, type: 'number', min: 0, step: 1, required: true }),
    ],
  });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formErrorBox(),
    h(
      'fieldset',
      { dataset: { field: 'applicant' } },
      h('legend', {}, 'Applicant'),
      h(
        'div',
        { class: 'row' },
        field({ label: 'Name', name: 'applicant.name', field: 'applicant/name', required: true, class: 'grow' }),
        field({ label: 'Address', name: 'applicant.address', field: 'applicant/address', class: 'grow' }),
        field({ label: 'Country', name: 'applicant.country', field: 'applicant/country', value: 'US', required: true, size: 4 }),
      ),
      h(
        'div',
        { class: 'row' },
        field({ label: 'Contact name', name: 'contact.name', field: 'contact/name', value: session.user?.name || '', class: 'grow' }),
        field({ label: 'Contact email', name: 'contact.email', field: 'contact/email', type: 'email', class: 'grow' }),
        field({ label: 'Contact phone', name: 'contact.phone', field: 'contact/phone', type: 'tel' }),
      ),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
    ),
    partyFields('ultimate_consignee', 'Ultimate consignee', true),
    h('details', { class: 'more-parties' }, h('summary', {}, 'Other parties: purchaser, intermediate consignee, end user'), kOptionalParties.map(([k, l]) => partyFields(k, l, false))),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Destination', name: 'destination', field: 'destination', required: true, size: 4, hint: 'ISO code' }),
      field({ label: 'End use', name: 'end_use', field: 'end_use', type: 'textarea', rows: 2, required: true, class: 'grow' }),
    ),
    h('h2', { class: 'h3' }, 'Items'),
    items,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Submit application')),
  );
  onSubmit(form, async (data) => {
    const application = {
      applicant: partyValue(data, 'applicant'),
      contact: Object.fromEntries(['name', 'email', 'phone'].map((k) => [k, str(data, `contact.${k}`)]).filter(([, v]) => v)),
      ultimate_consignee: partyValue(data, 'ultimate_consignee'),
      destination: str(data, 'destination'),
      end_use: str(data, 'end_use'),
      items: items.rows().map((row) => {
        const v = rowValues(row);
        const num = (x) => (x === '' ? x : Number(x));
        return {
          eccn: v.eccn,
          description: v.description,
          quantity: num(v.quantity),
          units: v.units || 'ea',
          unit_price_cents: v.unit_price === '' ? '' : Math.round(Number(v.unit_price) * 100),
          value_usd: num(v.value_usd),
        };
      }),
    };
    for (const [key] of kOptionalParties) if (str(data, `${key}.name`)) application[key] = partyValue(data, key);
    const created = await post('/api/applications', application);
    const acn = (created.application || created).control_number;
    navigate(`#/applications/${encodeURIComponent(acn)}`);
  });
  return h(
    'div',
    {},
    h('h1', {}, 'New license application'),
    h('p', { class: 'lead' }, 'The BIS-748P form. Fields marked * are required; the review clocks start when BIS registers it.'),
    form,
  );
}
