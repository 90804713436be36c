// The event table (GET /v1/events, cursor pages) and the evidence drawer (GET /v1/events/{id}).

import { api, esc, goldsteinColor } from './api.js';

function actorCell(a, name) {
  if (!a) return '<span class="muted">—</span>';
  return `<span class="code" title="${esc(a.text)}">${esc(a.code)}</span> <span class="muted">${esc(name || a.name || '')}</span>`;
}

export function eventTable({ tbody, more, error, onOpen }) {
  let cursor = null;
  let params = {};
  let seq = 0;

  function rows(events) {
    return events
      .map((e) => {
        const r = e.record;
        return `<tr class="event-row" tabindex="0" data-id="${e.id}">
          <td class="nowrap">${esc(r.date || '')}</td>
          <td>${actorCell(r.source, e.source_name)}</td>
          <td><span class="badge" style="border-color:${goldsteinColor(r.goldstein)}">${esc(r.cameo)}</span>
              <span class="muted">${esc(r.plover?.type || '')}</span></td>
          <td>${actorCell(r.target, e.target_name)}</td>
          <td class="sentence">${esc(r.sentence)}</td>
          <td class="muted">${esc(e.outlet || '')}</td>
        </tr>`;
      })
      .join('');
  }

  async function load(append) {
    const mine = ++seq;
    error.hidden = true;
    try {
      const page = await api('/v1/events', { ...params, limit: 50, cursor: append ? cursor : null });
      if (mine !== seq) return;
      if (!append) tbody.innerHTML = '';
      tbody.insertAdjacentHTML('beforeend', rows(page.events));
      if (!append && !page.events.length) {
        tbody.innerHTML = '<tr><td colspan="6" class="empty">No events match these filters.</td></tr>';
      }
      cursor = page.next_cursor;
      more.hidden = !cursor;
    } catch (e) {
      if (mine !== seq) return;
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  tbody.addEventListener('click', (ev) => {
    const tr = ev.target.closest('tr.event-row');
    if (tr) onOpen(Number(tr.dataset.id));
  });
  tbody.addEventListener('keydown', (ev) => {
    const tr = ev.target.closest('tr.event-row');
    if (tr && (ev.key === 'Enter' || ev.key === ' ')) {
      onOpen(Number(tr.dataset.id));
      ev.preventDefault();
    }
  });
  more.addEventListener('click', () => load(true));

  return {
    show(p) {
      params = p;
      cursor = null;
      return load(false);
    },
  };
}

function codeRow(label, html) {
  return `<tr><th>${esc(label)}</th><td>${html}</td></tr>`;
}

export async function openEvent(drawer, body, id) {
  drawer.hidden = false;
  body.innerHTML = '<p class="muted">Loading…</p>';
  let d;
  try {
    d = await api(`/v1/events/${id}`);
  } catch (e) {
    body.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    return;
  }
  const r = d.record;
  const sentence = d.segments
    .map((s) => (s.role ? `<mark class="${s.role}" title="${s.role}">${esc(s.text)}</mark>` : esc(s.text)))
    .join('');
  const c = d.codes;
  const plover = c.plover.type
    ? `${esc(c.plover.type)}${c.plover.mode ? ` · mode ${esc(c.plover.mode)}` : ''}${
        c.plover.context.length ? ` · context ${esc(c.plover.context.join(', '))}` : ''
      }`
    : '<span class="muted">none (a statement)</span>';
  const actor = (a, name) =>
    a
      ? `<b>${esc(a.code)}</b> ${esc(name || a.name || '')} <span class="muted">“${esc(a.text)}”${
          a.resolved_by ? ` · resolved by ${esc(a.resolved_by)}` : ''
        }</span>`
      : '<span class="muted">none</span>';
  const doc = d.document;
  const link = doc.url
    ? `<a class="article-link" href="${esc(doc.url)}" target="_blank" rel="noopener noreferrer">Open the article ↗</a>`
    : '<span class="muted">The article has no URL.</span>';
  body.innerHTML = `
    <p class="kicker">${esc(r.date || 'undated')}${r.date_precision && r.date_precision !== 'day' ? ` (${esc(r.date_precision)})` : ''}
      · ${esc(c.quad_name || '')}</p>
    <h3>${esc(d.source_name || r.source.code)} → ${esc(r.target ? d.target_name || r.target.code : 'no target')}:
      ${esc(c.cameo.name || c.cameo.code)}</h3>
    <blockquote class="evidence">${sentence}</blockquote>
    <p class="legend small"><mark class="source">source</mark> <mark class="trigger">trigger</mark>
      ${r.target ? '<mark class="target">target</mark>' : ''} ${d.evidence.location ? '<mark class="location">place</mark>' : ''}</p>
    <table class="codes">
      ${codeRow('Source', actor(r.source, d.source_name))}
      ${codeRow('Target', actor(r.target, d.target_name))}
      ${codeRow('CAMEO', `<b>${esc(c.cameo.code)}</b> ${esc(c.cameo.name || '')}`)}
      ${codeRow('Root', `<b>${esc(c.root.code)}</b> ${esc(c.root.name || '')}`)}
      ${codeRow('PLOVER', plover)}
      ${codeRow('Goldstein', `<span class="badge" style="border-color:${goldsteinColor(c.goldstein)}">${c.goldstein.toFixed(1)}</span> · quad class ${c.quad_class}`)}
      ${codeRow('Trigger', `“${esc(r.trigger.text)}” <span class="muted">pattern ${esc(r.pattern)}</span>`)}
      ${r.location ? codeRow('Place', `${esc(r.location.name)}${r.location.country ? ` (${esc(r.location.country)})` : ''} <span class="muted">${r.location.lat.toFixed(2)}, ${r.location.lon.toFixed(2)}</span>`) : ''}
      ${r.negated || r.modality !== 'asserted' ? codeRow('Reading', `${r.negated ? 'negated · ' : ''}${esc(r.modality)}`) : ''}
      ${codeRow('Reports', `${d.aggregate_mentions} of this event (same day, dyad and code)`)}
    </table>
    <div class="doc">
      <p><b>${esc(doc.title || doc.doc_id)}</b></p>
      <p class="muted">${esc(doc.outlet || '')}${doc.published ? ` · published ${esc(doc.published)}` : ''} · sentence ${d.sentence.index + 1}</p>
      ${link}
    </div>`;
}
