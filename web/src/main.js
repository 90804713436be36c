// Dyad's dashboard: pick two actors, see how their relationship moves, where and why.
// State lives in the URL hash (#source=KAZ&target=RUS&period=week…), so views can be shared.

import './style.css';
import { api, esc } from './api.js';
import { actorPicker } from './picker.js';
import { drawSeries } from './chart.js';
import { drawNetwork } from './network.js';
import { drawMap } from './map.js';
import { eventTable, openEvent } from './table.js';

const $ = (id) => document.getElementById(id);

const state = {
  source: '',
  target: '',
  period: 'week',
  from: '',
  to: '',
  both: true,
  codes: false,
  root: '',
  plover: '',
  q: '',
  onlyDyad: true,
};
let shifts = [];
let dyads = [];

function readHash() {
  const h = new URLSearchParams(window.location.hash.slice(1));
  for (const k of ['source', 'target', 'period', 'from', 'to', 'root', 'plover', 'q']) {
    if (h.has(k)) state[k] = h.get(k);
  }
  if (h.has('both')) state.both = h.get('both') !== '0';
  if (h.has('codes')) state.codes = h.get('codes') === '1';
}

function writeHash() {
  const h = new URLSearchParams();
  for (const k of ['source', 'target', 'period', 'from', 'to', 'root', 'plover', 'q']) if (state[k]) h.set(k, state[k]);
  if (!state.both) h.set('both', '0');
  if (state.codes) h.set('codes', '1');
  window.history.replaceState(null, '', `#${h}`);
}

const dates = () => ({ from: state.from, to: state.to });
const dyadLabel = () => {
  const s = sourcePicker.current;
  const t = targetPicker.current;
  const name = (a, code) => (a ? a.name || a.code : code || 'anyone');
  return `${name(s, state.source)} ${state.both ? '↔' : '→'} ${name(t, state.target)}`;
};

const sourcePicker = actorPicker($('source-picker'), {
  codes: () => state.codes,
  onPick: (code) => {
    state.source = code;
    refreshDyad();
  },
});
const targetPicker = actorPicker($('target-picker'), {
  codes: () => state.codes,
  onPick: (code) => {
    state.target = code;
    refreshDyad();
  },
});

const table = eventTable({
  tbody: document.querySelector('#events tbody'),
  more: $('more'),
  error: $('events-error'),
  onOpen: (id) => openEvent($('event-detail'), $('detail-body'), id),
});

async function loadSeries() {
  const chart = $('series-chart');
  const caption = $('series-caption');
  if (!state.source && !state.target) {
    caption.textContent = 'Pick two actors (or one, against anyone).';
  } else {
    caption.textContent = `${dyadLabel()}, per ${state.period}`;
  }
  const p = {
    source: state.source || '*',
    target: state.target || '*',
    period: state.period,
    both_directions: state.both && (state.source || state.target) ? true : null,
    ...dates(),
  };
  try {
    const [series, found] = await Promise.all([api('/v1/series', p), api('/v1/shifts', p)]);
    shifts = found.shifts;
    drawSeries(chart, $('series-legend'), { points: series.points, shifts, period: state.period }, showShift);
    renderShifts();
  } catch (e) {
    chart.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

function renderShifts() {
  const el = $('shifts');
  if (!shifts.length) {
    el.innerHTML = '<p class="muted small">No shift detected in tone or volume for this selection.</p>';
    return;
  }
  el.innerHTML = shifts
    .map(
      (s, i) => `<div class="shift" data-index="${i}">
        <p><b>${esc(s.date)}</b> · ${esc(s.kind)} shift <b>${esc(s.direction)}</b>:
          ${s.kind === 'tone' ? `mean Goldstein ${s.before.toFixed(2)} → ${s.after.toFixed(2)}` : `${s.before.toFixed(1)} → ${s.after.toFixed(1)} events per ${state.period}`}</p>
        <ul>${s.drivers
          .map(
            (d) =>
              `<li><a href="#" data-event="${d.id}">${esc(d.record.date || '')} ${esc(d.record.source.code)} → ${esc(d.record.target?.code || '—')} ${esc(d.record.cameo)}</a>
                <span class="muted">${esc(d.record.sentence)}</span></li>`,
          )
          .join('')}</ul>
      </div>`,
    )
    .join('');
}

function showShift(i) {
  const el = document.querySelector(`.shift[data-index="${i}"]`);
  el?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  el?.classList.add('flash');
  setTimeout(() => el?.classList.remove('flash'), 1200);
}

async function loadNetwork() {
  try {
    const res = await api('/v1/dyads', { top: 30, codes: state.codes, ...dates() });
    dyads = res.dyads;
    drawNetwork($('network'), dyads, {
      selected: { source: state.source, target: state.target, both: state.both },
      onEdge: (s, t) => {
        sourcePicker.set(s.id, s.name);
        targetPicker.set(t.id, t.name);
        state.source = s.id;
        state.target = t.id;
        refreshDyad();
      },
      onNode: (n) => {
        sourcePicker.set(n.id, n.name);
        state.source = n.id;
        refreshDyad();
      },
    });
  } catch (e) {
    $('network').innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

function eventParams() {
  const p = { root: state.root, plover: state.plover, q: state.q, ...dates() };
  if (state.onlyDyad) {
    if (state.source && state.target) {
      Object.assign(p, { source: state.source, target: state.target, both_directions: state.both });
    } else if (state.source || state.target) {
      p.actor = state.source || state.target;
    }
  }
  return p;
}

async function loadMap() {
  const p = eventParams();
  $('map-caption').textContent = state.onlyDyad && (state.source || state.target)
    ? `Places named in ${dyadLabel()} events.`
    : 'Places named in the coded sentences.';
  try {
    const res = await api('/v1/places', { ...p, limit: 500 });
    drawMap($('map'), res.places, (place) => {
      $('filter-q').value = place.name;
      state.q = place.name;
      refreshEvents();
    });
  } catch (e) {
    $('map').innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

function refreshEvents() {
  writeHash();
  table.show(eventParams());
  loadMap();
}

function refreshDyad() {
  writeHash();
  loadSeries();
  refreshEvents();
  // Re-mark the selected edge.
  if (dyads.length) loadNetwork();
}

async function loadSummary() {
  try {
    const h = await api('/healthz');
    const s = h.store;
    $('store-summary').textContent =
      `${s.documents.toLocaleString()} articles · ${s.events.toLocaleString()} events · ` +
      `${s.aggregate_events.toLocaleString()} distinct events · Dyad ${h.version}`;
  } catch (e) {
    $('store-summary').textContent = `Cannot reach the server: ${e.message}`;
  }
}

async function loadCodebook() {
  try {
    const book = await api('/v1/codebook');
    $('filter-root').insertAdjacentHTML(
      'beforeend',
      book.cameo_roots.map((r) => `<option value="${esc(r.code)}">${esc(r.code)} ${esc(r.name.toLowerCase())}</option>`).join(''),
    );
    $('filter-plover').insertAdjacentHTML(
      'beforeend',
      book.plover.map((p) => `<option value="${esc(p.type)}">${esc(p.type.toLowerCase())}</option>`).join(''),
    );
    $('filter-root').value = state.root;
    $('filter-plover').value = state.plover;
  } catch {
    // The filters stay at "any".
  }
}

// Names for actors given in the URL, and a first dyad when none is given.
async function initialDyad() {
  if (state.source || state.target) {
    const look = async (code) => {
      if (!code) return null;
      const res = await api('/v1/actors', { q: code, top: 50, codes: state.codes }).catch(() => ({ actors: [] }));
      return res.actors.find((a) => a.code === code) || { code, name: null };
    };
    const [s, t] = await Promise.all([look(state.source), look(state.target)]);
    if (s) sourcePicker.set(s.code, s.name);
    if (t) targetPicker.set(t.code, t.name);
    return;
  }
  const res = await api('/v1/dyads', { top: 1, codes: state.codes }).catch(() => ({ dyads: [] }));
  const d = res.dyads[0];
  if (d) {
    state.source = d.source;
    state.target = d.target;
    sourcePicker.set(d.source, d.source_name);
    targetPicker.set(d.target, d.target_name);
  }
}

function wire() {
  $('period').addEventListener('change', (e) => {
    state.period = e.target.value;
    writeHash();
    loadSeries();
  });
  for (const k of ['from', 'to']) {
    $(k).addEventListener('change', (e) => {
      state[k] = e.target.value;
      writeHash();
      loadSeries();
      loadNetwork();
      refreshEvents();
    });
  }
  $('both').addEventListener('change', (e) => {
    state.both = e.target.checked;
    refreshDyad();
  });
  $('codes').addEventListener('change', (e) => {
    state.codes = e.target.checked;
    writeHash();
    loadNetwork();
  });
  $('swap').addEventListener('click', () => {
    const s = sourcePicker.current;
    const t = targetPicker.current;
    sourcePicker.set(t?.code || '', t?.name);
    targetPicker.set(s?.code || '', s?.name);
    [state.source, state.target] = [state.target, state.source];
    refreshDyad();
  });
  $('only-dyad').addEventListener('change', (e) => {
    state.onlyDyad = e.target.checked;
    refreshEvents();
  });
  $('filter-root').addEventListener('change', (e) => {
    state.root = e.target.value;
    refreshEvents();
  });
  $('filter-plover').addEventListener('change', (e) => {
    state.plover = e.target.value;
    refreshEvents();
  });
  let timer = 0;
  $('filter-q').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.q = e.target.value.trim();
      refreshEvents();
    }, 250);
  });
  $('event-filters').addEventListener('submit', (e) => e.preventDefault());
  $('shifts').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-event]');
    if (a) {
      e.preventDefault();
      openEvent($('event-detail'), $('detail-body'), Number(a.dataset.event));
    }
  });
  $('detail-close').addEventListener('click', () => ($('event-detail').hidden = true));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') $('event-detail').hidden = true;
  });
  let resize = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => {
      loadSeries();
      loadNetwork();
      loadMap();
    }, 200);
  });
}

async function main() {
  readHash();
  $('period').value = state.period;
  $('from').value = state.from;
  $('to').value = state.to;
  $('both').checked = state.both;
  $('codes').checked = state.codes;
  $('filter-q').value = state.q;
  wire();
  loadSummary();
  loadCodebook();
  await initialDyad();
  writeHash();
  loadSeries();
  loadNetwork();
  refreshEvents();
}

main();
